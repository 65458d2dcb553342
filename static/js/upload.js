// The upload page: files dropped on the zone are sent at once, as if chosen and submitted.
(() => {
  const zone = document.getElementById("drop-zone");
  const input = document.getElementById("id_files");
  if (!zone || !input) return;
  ["dragenter", "dragover"].forEach((name) => {
    zone.addEventListener(name, (event) => {
      event.preventDefault();
      zone.classList.add("border-primary");
    });
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("border-primary"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    input.files = event.dataTransfer.files;
    document.getElementById("upload-form").submit();
  });
})();
