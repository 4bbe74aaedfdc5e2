// The article page is the same for every reader (it may be cached): the comment form gets its CSRF token and
// start time from the server when the reader starts writing, and again before sending if that failed.
(function () {
  "use strict";
  var form = document.getElementById("gui-binh-luan");
  if (!form || !window.fetch) return;
  var ready = null;

  function fill() {
    if (!ready) {
      ready = fetch(form.dataset.sessionUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (session) {
          form.elements.csrfmiddlewaretoken.value = session.csrfmiddlewaretoken;
          form.elements.started.value = session.started;
        })
        .catch(function () { ready = null; });
    }
    return ready;
  }

  form.addEventListener("focusin", fill, { once: true });
  form.addEventListener("submit", function (event) {
    if (form.elements.csrfmiddlewaretoken.value) return;
    event.preventDefault();
    var done = fill() || Promise.resolve();
    done.then(function () { form.submit(); });
  });
})();
