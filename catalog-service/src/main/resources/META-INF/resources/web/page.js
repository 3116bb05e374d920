// A new article's box fills within moments of its upload: ask for it again until it does, without a reload.
// The upload form remembers the token for this tab only. An image that cannot be loaded is left out, not shown broken.
(function () {
  "use strict";
  var ASK_EVERY_MS = 400;
  var GIVE_UP_AFTER_MS = 60000;

  function refresh(box, started) {
    if (box.getAttribute("data-pending") !== "true" || Date.now() - started > GIVE_UP_AFTER_MS) {
      return;
    }
    setTimeout(function () {
      fetch(box.getAttribute("data-box"), { headers: { Accept: "text/html" } })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
        .then(function (html) {
          var next = new DOMParser().parseFromString(html, "text/html").getElementById("box");
          if (next) {
            box.replaceWith(next);
            refresh(next, started);
          }
        })
        .catch(function () { refresh(box, started); });
    }, ASK_EVERY_MS);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("img").forEach(function (image) {
      var hide = function () { image.hidden = true; };
      if (image.complete && image.naturalWidth === 0) {
        hide();
      } else {
        image.addEventListener("error", hide);
      }
    });
    var box = document.getElementById("box");
    if (box) {
      refresh(box, Date.now());
    }
    document.querySelectorAll("[data-remember]").forEach(function (field) {
      var key = "news.coverage." + field.getAttribute("data-remember");
      field.value = sessionStorage.getItem(key) || "";
      field.form.addEventListener("submit", function () { sessionStorage.setItem(key, field.value); });
    });
  });
})();
