// The coach's session forms, enhanced: only the chosen kind's fields show, picking an exercise
// fills its line with the library's dose, and empty exercise lines appear one at a time.
// Without scripts every field shows, and empty numbers take the library's dose on the server.
(() => {
  const fill = (select) => {
    const option = select.selectedOptions[0];
    if (!option || !option.value) return;
    const line = select.closest("[data-line]");
    const number = select.name.split("_").pop();
    const values = {
      sets: option.dataset.sets,
      low: option.dataset.low,
      high: option.dataset.high,
      counted_in: option.dataset.countedIn,
    };
    Object.entries(values).forEach(([name, value]) => {
      const field = line.querySelector(`[name="${name}_${number}"]`);
      if (field) field.value = value || "";
    });
  };

  const setUp = (form) => {
    const kind = form.querySelector('select[name="kind"]');
    if (kind) {
      const show = () => form.querySelectorAll("[data-for-kind]").forEach((group) => {
        group.hidden = group.dataset.forKind !== kind.value;
      });
      kind.addEventListener("change", show);
      show();
    }
    form.querySelectorAll("select[data-exercise]").forEach((select) => {
      select.addEventListener("change", () => fill(select));
    });
    const hidden = Array.from(form.querySelectorAll("[data-line][data-empty]")).slice(1);
    const add = form.querySelector("[data-add-line]");
    hidden.forEach((line) => { line.hidden = true; });
    if (add && hidden.length) {
      add.hidden = false;
      add.addEventListener("click", () => {
        const next = hidden.shift();
        next.hidden = false;
        next.querySelector("select").focus();
        add.hidden = hidden.length === 0;
      });
    }
  };

  new Set(Array.from(document.querySelectorAll("[data-for-kind]"), (group) => group.closest("form")))
    .forEach(setUp);
})();
