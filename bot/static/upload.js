// The upload page works without this file (each material's form posts with its 上传 button).
// With it: choosing a file starts its upload at once (one tap), a progress bar follows the bytes
// as they leave (XMLHttpRequest's upload progress events), the page's content is then redrawn from
// the server without a reload, and a toast says it is saved. A file the server would refuse for its
// size (over the page's limit, or a PDF over a material's 2 MB) is stopped before it is sent, a
// double tap does not post twice, and deleting asks first.
// The sentences come from data attributes the template fills in.
(function () {
  "use strict";

  // A material's parts (its form, progress bar, error line) live in its <li>.
  function part(form, role) { return form.closest(".material").querySelector('[data-role="' + role + '"]'); }

  function showError(form, message) {
    var box = part(form, "client-error");
    box.textContent = message;
    box.hidden = false;
  }

  function toast(text) {
    var box = document.querySelector('[data-role="toast"]');
    if (!box) { return; }
    box.querySelector('[data-role="toast-text"]').textContent = text;
    box.hidden = false;
    window.setTimeout(function () { box.hidden = true; }, 1500);
  }

  function setProgress(form, fraction, text) {
    part(form, "progress").hidden = false;
    part(form, "progress-inner").style.width = Math.round(fraction * 100) + "%";
    part(form, "progress-text").textContent = text;
  }

  // Draw the page again from the server (the template is the one source of what it shows).
  function redraw(query) {
    return fetch(window.location.pathname + query, {credentials: "same-origin", headers: {Accept: "text/html"}})
      .then(function (answer) { return answer.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        document.querySelector("main").replaceWith(fresh.querySelector("main"));
        document.body.className = fresh.body.className;
      });
  }

  function upload(form, input) {
    var texts = part(form, "client-error").dataset;
    part(form, "client-error").hidden = true;
    // Several photos may be chosen at once (one PDF, a page each): each is checked on its own.
    var refusal = null;
    Array.prototype.forEach.call(input.files, function (file) {
      var isPdf = file.type === "application/pdf" || /\.pdf$/i.test(file.name);
      refusal = refusal || (file.size > Number(texts.maxBytes) ? texts.tooLarge
        : isPdf && file.size > Number(texts.maxPdfBytes) ? texts.pdfTooLarge
        : null);
    });
    if (refusal) {
      showError(form, refusal);
      input.value = "";
      return;
    }
    var code = form.closest(".material").id;
    var request = new XMLHttpRequest();
    form.classList.add("is-busy");
    setProgress(form, 0, "上传中 0%");
    request.upload.addEventListener("progress", function (event) {
      if (event.lengthComputable) {
        var fraction = event.loaded / event.total;
        setProgress(form, fraction, fraction < 1 ? "上传中 " + Math.floor(fraction * 100) + "%" : "正在处理…");
      }
    });
    request.upload.addEventListener("load", function () { setProgress(form, 1, "正在处理…"); });
    request.addEventListener("load", function () {
      var body = null;
      try { body = JSON.parse(request.responseText); } catch (ignored) { /* not JSON: a proxy's page */ }
      if (request.status === 200) {
        redraw("?saved=" + encodeURIComponent(code)).then(function () { toast("已上传"); });
        return;
      }
      form.classList.remove("is-busy");
      part(form, "progress").hidden = true;
      input.value = "";
      showError(form, (body && body.message) || texts.failed);
    });
    request.addEventListener("error", function () {
      form.classList.remove("is-busy");
      part(form, "progress").hidden = true;
      input.value = "";
      showError(form, texts.failed);
    });
    request.open("POST", form.action.split("#")[0]);
    request.setRequestHeader("Accept", "application/json");
    request.send(new FormData(form));
  }

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input.classList.contains("file-input") && input.files.length) {
      upload(input.form, input);
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
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
