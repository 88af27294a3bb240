/* The personal programme with JavaScript: stars toggle in place and are kept in localStorage and in
   the cookie the server reads, so pages the server renders agree. Without JavaScript the same
   buttons are forms that post, and the server keeps the cookie. */
(function () {
  "use strict";
  var holder = document.querySelector("[data-my-programme-cookie]");
  if (!holder) return;
  var cookieName = holder.getAttribute("data-my-programme-cookie");
  var storageKey = "vmeste:" + cookieName;
  var onMyPage = holder.hasAttribute("data-my-programme-page");
  var forms = Array.prototype.slice.call(document.querySelectorAll("form[data-star]"));
  var CODE = /^[0-9a-f]{8}$/;

  function parse(text) {
    return (text || "").split(/[.,\s]+/).filter(function (code) { return CODE.test(code); });
  }
  function readCookie() {
    var parts = document.cookie ? document.cookie.split("; ") : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf("=");
      if (parts[i].slice(0, eq) === cookieName) return parse(decodeURIComponent(parts[i].slice(eq + 1)));
    }
    return null;
  }
  function writeCookie(codes) {
    var secure = location.protocol === "https:" ? "; secure" : "";
    document.cookie = cookieName + "=" + codes.join(".") + "; path=/; max-age=31536000; samesite=lax" + secure;
  }
  function readStorage() {
    try {
      var value = window.localStorage.getItem(storageKey);
      return value === null ? null : parse(value);
    } catch (error) {
      return null;
    }
  }
  function writeStorage(codes) {
    try {
      window.localStorage.setItem(storageKey, codes.join("."));
    } catch (error) {
      /* Storage may be off (private windows); the cookie still holds the choice. */
    }
  }
  function codeOf(form) {
    return form.querySelector("input[name=session]").value;
  }
  function inProgrammeOrder(codes) {
    var order = forms.map(codeOf);
    return codes.filter(function (code, index) { return codes.indexOf(code) === index; })
      .sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); });
  }
  function render(codes) {
    forms.forEach(function (form) {
      var button = form.querySelector("button[name=action]");
      var starred = codes.indexOf(codeOf(form)) !== -1;
      button.value = starred ? "remove" : "add";
      button.setAttribute("data-starred", starred ? "true" : "false");
      button.textContent = button.getAttribute(starred ? "data-label-remove" : "data-label-add");
    });
    var count = document.querySelector("[data-my-programme-count]");
    if (count) count.textContent = String(codes.length);
  }

  // The cookie wins when present (a form without script may have changed it); localStorage
  // restores the choice when the cookie is gone.
  var codes = readCookie();
  var restored = false;
  if (codes === null) {
    codes = readStorage() || [];
    restored = codes.length > 0;
    if (restored) writeCookie(codes);
  }
  writeStorage(codes);
  if (onMyPage) {
    if (restored && location.search.indexOf("s=") === -1) location.reload();
    return; /* On «My programme» the forms post: the server redraws the list. */
  }
  render(codes);

  forms.forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var code = codeOf(form);
      var current = readCookie() || codes;
      var index = current.indexOf(code);
      if (index === -1) current.push(code); else current.splice(index, 1);
      codes = inProgrammeOrder(current);
      writeCookie(codes);
      writeStorage(codes);
      render(codes);
    });
  });
})();
