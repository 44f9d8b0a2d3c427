// The console works without this file. With it: the live counts in the header refresh on their own,
// and the review page has a keyboard path (J/K move between materials, A approves one, R returns
// one, Shift+A approves all, N opens the next application), a preview that follows the material, and the
// reviewer's claim renewed while they work on it.
(function () {
  "use strict";

  // -- live counts ------------------------------------------------------------------------------
  var live = document.querySelector(".live[data-source]");
  if (live && window.fetch) {
    var refresh = function () {
      fetch(live.dataset.source, {credentials: "same-origin", headers: {Accept: "application/json"}})
        .then(function (answer) { return answer.ok ? answer.json() : null; })
        .then(function (body) {
          if (!body) { return; }
          Object.keys(body.counts).forEach(function (name) {
            var shown = live.querySelector('[data-count="' + name + '"] strong');
            var count = String(body.counts[name].count);
            if (shown && shown.textContent !== count) {
              shown.textContent = count;
              shown.parentNode.classList.add("changed");
            }
          });
        })
        .catch(function () { /* offline for a moment: the next round tries again */ });
    };
    window.setInterval(refresh, Number(live.dataset.every || 15) * 1000);
  }

  // -- the review page keeps its claim while the reviewer works on it -----------------------------------
  // Every few minutes, if the reviewer clicked, typed or scrolled since the last time and the tab is in view, the
  // claim is renewed. Reading a file in the preview counts too (its scrolls are the frame's, not this page's),
  // for a few rounds only: a tab left open on a file while nobody is at it stops renewing. A tab closed, or
  // left idle, renews nothing: the claim then expires.
  var claimLine = document.querySelector(".claim-line[data-renew]");
  var reviewForm = document.getElementById("review-form");
  var READING_ROUNDS = 3;
  if (claimLine && reviewForm && window.fetch) {
    var active = false, reading = 0;
    var preview = document.querySelector('iframe[name="preview"]');
    ["click", "keydown", "input", "scroll"].forEach(function (name) {
      document.addEventListener(name, function () { active = true; }, {capture: true, passive: true});
    });
    window.setInterval(function () {
      if (document.hidden) { return; }
      if (active) { reading = 0; }
      else if (preview && document.activeElement === preview && reading < READING_ROUNDS) { reading += 1; }
      else { return; }
      active = false;
      fetch(claimLine.dataset.renew, {method: "POST", credentials: "same-origin", headers: {
        Accept: "application/json", "X-CSRF-Token": reviewForm.querySelector('[name="csrf_token"]').value}})
        .then(function (answer) { return answer.ok ? answer.json() : null; })
        .then(function (body) {
          if (!body) { return; }
          if (body.yours) {
            claimLine.querySelector(".claim-until").textContent = body.claim.until.slice(11, 16);
          } else {
            // It lapsed and someone took it meanwhile (or it was put back): a decision would not be saved.
            claimLine.classList.remove("muted");
            claimLine.classList.add("flash", "flash-warn");
            claimLine.textContent = body.claim
              ? "这份申请已由 " + body.claim.by + " 领取，你的审核结果不会保存：请先与 " + body.claim.by + " 确认，或在下方指派给自己。"
              : "你对这份申请的领取已结束（已放回队列），其他预审人员可以打开它：继续审核请在下方指派给自己。";
          }
        })
        .catch(function () { /* offline for a moment: the next round tries again */ });
    }, Number(claimLine.dataset.renewEvery || 300) * 1000);
  }

  // -- the review page ------------------------------------------------------------------------------
  var form = document.getElementById("review-form");
  if (!form) { return; }
  var materials = Array.prototype.slice.call(form.querySelectorAll(".material"));
  var frame = document.querySelector('iframe[name="preview"]');
  var current = Math.max(0, materials.findIndex(function (m) { return m.classList.contains("is-current"); }));

  function show(index) {
    if (index < 0 || index >= materials.length) { return; }
    materials[current].classList.remove("is-current");
    current = index;
    var material = materials[current];
    material.classList.add("is-current");
    material.scrollIntoView({block: "nearest"});
    if (frame && material.dataset.preview && frame.getAttribute("src") !== material.dataset.preview) {
      frame.setAttribute("src", material.dataset.preview);
      document.getElementById("preview-name").textContent = material.querySelector(".material-name").textContent;
      document.getElementById("preview-requirement").textContent = material.querySelector(".requirement").textContent;
      var asked = material.querySelector(".previous-return .asked");
      var shownAsked = document.getElementById("preview-asked");
      shownAsked.hidden = !asked;
      shownAsked.querySelector(".asked").textContent = asked ? asked.textContent : "";
    }
  }

  function choose(material, verdict) {
    var radio = material.querySelector('input[type="radio"][value="' + verdict + '"]');
    if (radio) { radio.checked = true; }
    return radio;
  }

  materials.forEach(function (material, index) {
    material.addEventListener("click", function () { show(index); });
    // Choosing a reason or typing one means the material is returned: no separate click for it.
    material.querySelectorAll("select, input:not([type])").forEach(function (field) {
      field.addEventListener("input", function () { if (field.value) { choose(material, "returned"); } });
    });
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) { return; }
    var key = event.key;
    if (key === "j") { show(current + 1); }
    else if (key === "k") { show(current - 1); }
    else if (key === "a" && materials[current]) { choose(materials[current], "approved"); show(current + 1); }
    else if (key === "r" && materials[current]) {
      choose(materials[current], "returned");
      var reason = materials[current].querySelector("select");
      if (reason) { reason.focus(); }
    } else if (key === "A") { form.querySelector('button[value="approve_all"]').click(); }
    else if (key === "n" || key === "N") { document.querySelector('[data-key="n"]').click(); }
    else { return; }
    event.preventDefault();
  });

  // A form that comes back with an error scrolls to it.
  var error = document.getElementById("review-error");
  if (error) { error.scrollIntoView({block: "center"}); }
})();
