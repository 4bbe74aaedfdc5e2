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
    // the period is two lists (newsroom/forms.py PeriodPicker): "2021-H1" is the year 2021 and the part "h1"
    function fillPeriod(code) {
      var year = $("#id_period_code_0"), part = $("#id_period_code_1");
      var match = /^(\d{4})(?:-(.+))?$/.exec(code || "");
      if (!match || !year.length || year.val()) { return; }
      var rest = (match[2] || "").toLowerCase();
      if (/^\d{4}-mid$/.test(rest)) { rest = "mid"; } else if (/^\d{4}$/.test(rest)) { rest = "term"; }
      if (!year.find("option[value='" + match[1] + "']").length) { return; }
      year.val(match[1]);
      part.val(rest || "year");
    }
    function propose() {
      if (!unit.val() || !kind.val()) { return; }
      $.getJSON(kind.data("propose-url"), { unit: unit.val(), kind: kind.val(), on: day.val() || "" }, function (p) {
        fill("#id_title", p.title);
        fill("#id_tags", p.tags.join(", "));
        fillPeriod(p.period);
      });
    }
    unit.on("change", propose);
    kind.on("change", propose);
  });
})(django.jQuery);
