// The unit tree opens one level deep: each top unit (the tree's roots, or a user's own units) shows its units;
// treebeard loads children on demand.
window.addEventListener("load", function () {
  "use strict";
  document.querySelectorAll('#result_list tr[data-level="1"] a.treebeard-collapse.treebeard-collapsed').forEach(function (toggle) {
    toggle.click();
  });
});
