// Progress for a data import: the upload as a percentage, then the reading and computing,
// then the quality report. Without JavaScript the form posts as usual and the report follows.
const form = document.getElementById("import-form");
if (form && window.XMLHttpRequest && window.FormData) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const group = document.getElementById("import-progress-group");
    const bar = document.getElementById("import-progress");
    const status = document.getElementById("import-status");
    const button = form.querySelector("button[type=submit]");
    group.hidden = false;
    button.disabled = true;
    button.setAttribute("aria-disabled", "true");
    status.textContent = "Uploading: 0%";
    const request = new XMLHttpRequest();
    request.open("POST", window.location.href);
    request.upload.addEventListener("progress", (progress) => {
      if (!progress.lengthComputable) {
        return;
      }
      const percent = Math.round((progress.loaded / progress.total) * 100);
      if (percent < 100) {
        bar.value = percent;
        bar.textContent = `${percent}%`;
        status.textContent = `Uploading: ${percent}%`;
      }
    });
    request.upload.addEventListener("load", () => {
      // The server now reads every record and computes the indicators: no percentage to
      // give, so the bar becomes indeterminate while the status says what is happening.
      bar.removeAttribute("value");
      bar.textContent = "Working";
      status.textContent =
        "Uploaded. Reading every record, checking it and computing the indicators: the quality report follows.";
    });
    request.addEventListener("load", () => {
      const finalUrl = request.responseURL || window.location.href;
      document.open();
      document.write(request.responseText);
      document.close();
      if (finalUrl !== window.location.href) {
        window.history.replaceState(null, "", finalUrl);
      }
    });
    request.addEventListener("error", () => {
      group.hidden = true;
      button.disabled = false;
      button.removeAttribute("aria-disabled");
      status.textContent = "The import failed: check your connection and try again. Nothing was imported.";
    });
    request.send(new FormData(form));
  });
}
