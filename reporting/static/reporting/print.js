// "In bảng" on the reporting matrix: the print stylesheet leaves only the table and its summary.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
