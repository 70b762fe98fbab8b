// Searchable pickers. A plain <select multiple data-picker="documents"> works on its own
// (hold Ctrl or Cmd to choose several); with this script it becomes a search box over a list
// of checkboxes kept in step with the select, which stays what the form sends. Ticking is
// done with a click or the space bar, so nothing already chosen is lost by an arrow key.

function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function enhance(select) {
  const noun = select.dataset.picker || "item";
  const singular = select.dataset.pickerOne || noun.replace(/s$/, "");
  const group = select.closest(".govuk-form-group");
  const label = group ? group.querySelector(`label[for="${select.id}"]`) : null;
  const hint = group ? group.querySelector(`#${select.id}-hint`) : null;
  const options = Array.from(select.options);

  const search = document.createElement("input");
  search.type = "search";
  search.id = `${select.id}-search`;
  search.className = "govuk-input govuk-!-width-two-thirds";
  search.autocomplete = "off";
  search.spellcheck = false;
  search.setAttribute("aria-controls", `${select.id}-list`);
  if (label) label.htmlFor = search.id;
  if (hint) {
    const kept = hint.textContent.replace(/Hold Ctrl[^.]*\.\s*/, "").trim();
    hint.textContent = `${kept} Type to narrow the list; tick each ${singular} you want.`.trim();
    search.setAttribute("aria-describedby", `${hint.id} ${select.id}-status`);
  }

  const onlyChosen = document.createElement("button");
  onlyChosen.type = "button";
  onlyChosen.className = "govuk-button govuk-button--secondary readiness-picker__toggle";
  onlyChosen.setAttribute("aria-pressed", "false");
  onlyChosen.textContent = "Show only the chosen";

  const status = document.createElement("p");
  status.id = `${select.id}-status`;
  status.className = "govuk-body-s readiness-picker__status";
  status.setAttribute("aria-live", "polite");

  const list = document.createElement("div");
  list.id = `${select.id}-list`;
  list.className = "govuk-checkboxes govuk-checkboxes--small readiness-picker__list";
  list.setAttribute("role", "group");
  list.setAttribute("aria-label", `Choose ${noun}`);

  const items = options.map((option, index) => {
    const item = document.createElement("div");
    item.className = "govuk-checkboxes__item";
    const box = document.createElement("input");
    box.type = "checkbox";
    box.className = "govuk-checkboxes__input";
    box.id = `${select.id}-option-${index}`;
    box.checked = option.selected;
    const text = document.createElement("label");
    text.className = "govuk-label govuk-checkboxes__label";
    text.htmlFor = box.id;
    text.textContent = option.textContent;
    box.addEventListener("change", () => {
      option.selected = box.checked;
      update();
    });
    item.append(box, text);
    list.append(item);
    return { item, box, words: option.textContent.toLowerCase() };
  });

  function update() {
    const query = search.value.trim().toLowerCase();
    const chosenOnly = onlyChosen.getAttribute("aria-pressed") === "true";
    let shown = 0;
    for (const { item, box, words } of items) {
      const visible = (!query || words.includes(query)) && (!chosenOnly || box.checked);
      item.hidden = !visible;
      if (visible) shown += 1;
    }
    const chosen = items.filter(({ box }) => box.checked).length;
    status.textContent = `${plural(chosen, singular)} chosen; showing ${shown} of ${items.length}.`;
  }

  search.addEventListener("input", update);
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") event.preventDefault(); // not a submit of the whole form
  });
  onlyChosen.addEventListener("click", () => {
    const pressed = onlyChosen.getAttribute("aria-pressed") === "true";
    onlyChosen.setAttribute("aria-pressed", pressed ? "false" : "true");
    update();
  });

  const tools = document.createElement("div");
  tools.className = "readiness-picker__tools";
  tools.append(search, onlyChosen);
  select.hidden = true;
  select.after(tools, status, list);
  update();
}

for (const select of document.querySelectorAll("select[multiple][data-picker]")) {
  enhance(select);
}
