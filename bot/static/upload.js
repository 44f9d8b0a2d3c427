// The upload page works without this file; with it, a phone on a slow network is spared a 10 MB
// upload the server would refuse, a double tap does not post twice, and deleting asks first.
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
    var tooLarge = input && input.files.length && input.files[0].size > Number(form.dataset.maxBytes);
    if (tooLarge) {
      event.preventDefault();
      var message = form.querySelector('[data-role="client-error"]');
      message.textContent = form.dataset.tooLarge;
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
