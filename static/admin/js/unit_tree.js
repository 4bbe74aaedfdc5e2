// The unit tree opens one level deep: each top unit (the tree's roots, or a user's own units) shows its units;
// treebeard loads children on demand.
"use strict";
django.jQuery(function ($) {
  // treebeard sets its rows up in a ready handler of its own, registered after this script: wait for it
  $(function () {
    $('#result_list tr[data-level="1"] a.treebeard-collapse.treebeard-collapsed').trigger("click");
  });
});
