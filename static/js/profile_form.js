// Onboarding: the browser knows the runner's time zone; the server default (UTC) stays if this
// cannot run.
(() => {
  const field = document.getElementById("id_time_zone");
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (field && zone && field.value === "UTC") field.value = zone;
})();
