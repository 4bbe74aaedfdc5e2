// Who else has this article open: a heartbeat every 30 seconds refreshes the "Đang mở bởi" notice;
// leaving the page says goodbye so the others stop seeing this user.
"use strict";
(function () {
  const notice = document.getElementById("presence");
  const tokenField = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (!notice || !tokenField) {
    return;
  }
  const url = notice.dataset.url;
  const names = notice.querySelector(".presence__names");

  function show(others) {
    names.textContent = others.join(", ");
    notice.hidden = others.length === 0;
  }

  function body(leaving) {
    const data = new FormData();
    data.append("csrfmiddlewaretoken", tokenField.value);
    data.append("page", notice.dataset.page);
    if (leaving) {
      data.append("leave", "1");
    }
    return data;
  }

  function beat() {
    fetch(url, { method: "POST", credentials: "same-origin", body: body(false) })
      .then((response) => (response.ok ? response.json() : null))
      .then((data) => data && show(data.others))
      .catch(() => {});
  }

  setInterval(beat, 30000);
  window.addEventListener("pagehide", () => navigator.sendBeacon(url, body(true)));
})();
