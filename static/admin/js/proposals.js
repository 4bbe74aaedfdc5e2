// Proposes the usual title, tags and period once a unit and a meeting kind are chosen; fills only empty fields.
(function ($) {
  "use strict";
  $(function () {
    var kind = $("[data-propose-url]");
    if (!kind.length) { return; }
    var unit = $("#" + kind.data("unit-field"));
    // no date field (the article form has none): an empty set, not $("#"), which jQuery rejects with an error
    var day = kind.data("date-field") ? $("#" + kind.data("date-field")) : $();
    function fill(selector, value) {
      var field = $(selector);
      if (field.length && !field.val() && value) { field.val(value); }
    }
    function propose() {
      if (!unit.val() || !kind.val()) { return; }
      $.getJSON(kind.data("propose-url"), { unit: unit.val(), kind: kind.val(), on: day.val() || "" }, function (p) {
        fill("#id_title", p.title);
        fill("#id_tags", p.tags.join(", "));
        fill("#id_period_code", p.period);
      });
    }
    unit.on("change", propose);
    kind.on("change", propose);
  });
})(django.jQuery);
