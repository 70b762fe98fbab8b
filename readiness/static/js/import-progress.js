// Progress for a data import: the upload as a percentage, then the import's own page (its
// progress stored by the worker), which becomes the quality report once stored. Without
// JavaScript the form posts as usual and the import's page follows.
import { initAll } from "../vendor/govuk-frontend-5.14.0.min.js";

// The page the server sent replaces this one in place. Scripts already run do not run again
// in the same window, so start GOV.UK Frontend (which focuses an error summary) and this
// script on the new page here; with no errors, focus the new page's heading so a screen
// reader says where the user now is.
function replacePage(html, finalUrl) {
  document.open();
  document.write(html);
  document.close();
  if (finalUrl !== window.location.href) {
    window.history.replaceState(null, "", finalUrl);
  }
  document.body.classList.add("js-enabled", "govuk-frontend-supported");
  initAll();
  attach();
  if (!document.querySelector(".govuk-error-summary")) {
    const heading = document.querySelector("main h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  }
}

function attach() {
  const form = document.getElementById("import-form");
  // Once per form, should a browser run this module again on the page written in place.
  if (!form || form.dataset.progress || !window.XMLHttpRequest || !window.FormData) {
    return;
  }
  form.dataset.progress = "on";
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const group = document.getElementById("import-progress-group");
    const bar = document.getElementById("import-progress");
    const status = document.getElementById("import-status");
    const button = form.querySelector("button[type=submit]");
    group.hidden = false;
    button.disabled = true;
    button.setAttribute("aria-disabled", "true");
    bar.value = 0;
    bar.textContent = "0%";
    status.classList.remove("govuk-error-message");
    status.textContent = "Uploading: 0%";
    let announced = 0;
    const check = "Reload the page to see in the list below whether it arrived before trying again.";
    const failed = (reason) => {
      group.hidden = true;
      button.disabled = false;
      button.removeAttribute("aria-disabled");
      status.textContent = `The import failed: ${reason}`;
      status.classList.add("govuk-error-message");
    };
    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.upload.addEventListener("progress", (progress) => {
      if (!progress.lengthComputable) {
        return;
      }
      const percent = Math.round((progress.loaded / progress.total) * 100);
      if (percent < 100) {
        bar.value = percent;
        bar.textContent = `${percent}%`;
        // The live region speaks at each quarter, not at every percent.
        const quarter = Math.floor(percent / 25) * 25;
        if (quarter !== announced) {
          announced = quarter;
          status.textContent = `Uploading: ${quarter}%`;
        }
      }
    });
    request.upload.addEventListener("load", () => {
      // The server now keeps the files and queues the import: no percentage to give, so the
      // bar becomes indeterminate while the status says what is happening.
      bar.removeAttribute("value");
      bar.textContent = "Working";
      status.textContent =
        "Uploaded. The import is queued: its page follows, then the quality report.";
    });
    request.addEventListener("load", () => {
      // A page of ours (the report, the form with its errors, a refusal) replaces this one;
      // a server failure or a proxy's refusal leaves the form here with the reason.
      if (request.status === 413) {
        failed("the files are too large to send. Nothing was imported.");
        return;
      }
      if (request.status >= 500 || request.status === 0) {
        failed(`the server could not finish it (error ${request.status}). ${check}`);
        return;
      }
      replacePage(request.responseText, request.responseURL || window.location.href);
    });
    request.addEventListener("error", () => {
      failed(`the connection was lost. ${check}`);
    });
    request.addEventListener("abort", () => {
      failed("the upload was stopped. Nothing was imported.");
    });
    request.send(new FormData(form));
  });
}

attach();
