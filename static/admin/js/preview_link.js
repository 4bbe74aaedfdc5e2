// "Tạo liên kết xem trước": asks the server for a signed link to the saved article and shows it, ready to copy.
// The link is made only on request: each one stays valid until the article is saved again or changes state.
"use strict";
(function () {
  const button = document.querySelector("[data-preview-link]");
  const tokenField = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (!button || !tokenField) {
    return;
  }
  const output = document.getElementById("preview-link");
  button.hidden = false;
  button.addEventListener("click", () => {
    const data = new FormData();
    data.append("csrfmiddlewaretoken", tokenField.value);
    fetch(button.dataset.previewLink, { method: "POST", credentials: "same-origin", body: data })
      .then((response) => response.json())
      .then((answer) => {
        output.value = answer.url || answer.error;
        output.hidden = false;
        output.select();
      })
      .catch(() => {
        output.value = "Không tạo được liên kết, hãy thử lại.";
        output.hidden = false;
      });
  });
})();
