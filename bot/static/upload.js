// The upload page works without this file; with it, a phone on a slow network is spared an upload
// the server would refuse (a file over the page's limit, a PDF over a material's 2 MB), a double tap
// does not post twice, and deleting asks first.
// The sentences come from data attributes the template fills in.
(function () {
  "use strict";

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      return;
    }
    var input = form.querySelector('input[type="file"]');
    var file = input && input.files.length ? input.files[0] : null;
    var isPdf = file && (file.type === "application/pdf" || /\.pdf$/i.test(file.name));
    var refusal = !file ? null
      : file.size > Number(form.dataset.maxBytes) ? form.dataset.tooLarge
      : isPdf && file.size > Number(form.dataset.maxPdfBytes) ? form.dataset.pdfTooLarge
      : null;
    if (refusal) {
      event.preventDefault();
      var message = form.querySelector('[data-role="client-error"]');
      message.textContent = refusal;
      message.hidden = false;
      return;
    }
    var button = form.querySelector('button[type="submit"]');
    if (button && button.dataset.busy) {
      button.disabled = true;
      button.textContent = button.dataset.busy;
    }
  });

  // Coming back with the browser's back button restores the page as it was left: busy buttons too.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      window.location.reload();
    }
  });
})();
