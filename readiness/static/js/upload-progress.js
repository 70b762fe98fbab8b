// Show upload progress for evidence files; without JavaScript the form posts as usual.
const form = document.getElementById("upload-form");
if (form && window.XMLHttpRequest) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const group = document.getElementById("upload-progress-group");
    const bar = document.getElementById("upload-progress");
    const status = document.getElementById("upload-status");
    group.hidden = false;
    const request = new XMLHttpRequest();
    request.open("POST", window.location.href);
    request.upload.addEventListener("progress", (progress) => {
      if (progress.lengthComputable) {
        const percent = Math.round((progress.loaded / progress.total) * 100);
        bar.value = percent;
        bar.textContent = `${percent}%`;
        status.textContent = percent < 100 ? `Uploading: ${percent}%` : "Uploaded: handing the files to be checked…";
      }
    });
    request.addEventListener("load", () => {
      // Accepted: the upload's own page (its job), at its own address so a reload shows
      // how far the worker has got. Refused: the form again, with its errors.
      const landed = new URL(request.responseURL);
      if (request.status === 200 && landed.pathname !== window.location.pathname) {
        window.location.assign(landed.href);
        return;
      }
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener("error", () => {
      status.textContent = "The upload failed: check your connection and try again.";
    });
    request.send(new FormData(form));
  });
}
