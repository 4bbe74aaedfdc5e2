// Progressive enhancements for article pages: no tracker, no third-party script.
(function () {
  "use strict";
  var article = document.querySelector("[data-count-url]");
  if (article && navigator.sendBeacon) {
    navigator.sendBeacon(article.getAttribute("data-count-url"));
  }

  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var input = document.querySelector(button.getAttribute("data-copy"));
    if (!input || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(input.value).then(function () {
        button.textContent = "Đã sao chép";
      });
    });
  });

  var links = document.querySelectorAll(".gallery__link");
  if (links.length && window.HTMLDialogElement) {
    var dialog = document.createElement("dialog");
    dialog.className = "lightbox";
    dialog.setAttribute("aria-label", "Xem ảnh");
    var image = document.createElement("img");
    var caption = document.createElement("p");
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Đóng";
    close.addEventListener("click", function () { dialog.close(); });
    dialog.append(image, caption, close);
    dialog.addEventListener("click", function (event) { if (event.target === dialog) { dialog.close(); } });
    document.body.append(dialog);
    links.forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var thumb = link.querySelector("img");
        var figcaption = link.closest("figure").querySelector("figcaption");
        image.src = link.href;
        image.alt = thumb ? thumb.alt : "";
        caption.textContent = figcaption ? figcaption.textContent : "";
        dialog.showModal();
        close.focus();
      });
    });
  }
})();
