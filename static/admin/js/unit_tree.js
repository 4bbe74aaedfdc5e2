// The unit tree opens one level deep: each top unit shows its units (treebeard loads children on demand).
window.addEventListener("load", function () {
  "use strict";
  document.querySelectorAll('#result_list tr[data-level="1"] a.treebeard-collapse.treebeard-collapsed').forEach(function (toggle) {
    toggle.click();
  });
});
