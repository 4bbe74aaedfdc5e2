// A select that lists only part of its choices (data-suggest: the address that finds the others by name) becomes
// a box that suggests as one types, the ARIA 1.2 combobox pattern. The select stays in the form, hidden, and
// carries the value chosen; without scripts it is the select of the upper levels.
(function () {
  "use strict";
  if (!window.fetch) return;

  function enhance(select) {
    var id = select.id;
    var input = document.createElement("input");
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var wrapper = document.createElement("div");
    var active = -1;
    var results = [];
    var timer = null;
    var asked = 0;

    select.id = id + "-chon";
    select.hidden = true;
    input.id = id;
    input.type = "text";
    input.autocomplete = "off";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id + "-goi-y");
    input.placeholder = "Gõ tên đơn vị, vd. chi bo xa";
    input.value = select.value ? select.options[select.selectedIndex].text : "";
    list.id = id + "-goi-y";
    list.className = "suggest__list";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    wrapper.className = "suggest";
    select.parentNode.insertBefore(wrapper, select);
    wrapper.appendChild(input);
    wrapper.appendChild(list);
    wrapper.appendChild(status);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function mark(index) {
      var items = list.children;
      if (active >= 0 && items[active]) items[active].setAttribute("aria-selected", "false");
      active = index;
      if (active >= 0 && items[active]) {
        items[active].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", items[active].id);
        items[active].scrollIntoView({ block: "nearest" });
      }
    }

    function choose(result) {
      var option = Array.prototype.find.call(select.options, function (o) { return o.value === result.value; });
      if (!option) {
        option = new Option(result.label, result.value);
        select.add(option);
      }
      select.value = result.value;
      input.value = result.label;
      close();
    }

    function show(found) {
      results = found;
      list.textContent = "";
      found.forEach(function (result, index) {
        var item = document.createElement("li");
        item.id = id + "-goi-y-" + index;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = result.label;
        if (result.within) {
          var within = document.createElement("span");
          within.className = "suggest__within";
          within.textContent = " – " + result.within;
          item.appendChild(within);
        }
        item.addEventListener("mousedown", function (event) {
          event.preventDefault(); // the box keeps the focus
          choose(result);
        });
        list.appendChild(item);
      });
      list.hidden = !found.length;
      input.setAttribute("aria-expanded", found.length ? "true" : "false");
      status.textContent = found.length ? found.length + " đơn vị phù hợp" : "Không có đơn vị nào phù hợp";
      active = -1;
    }

    function ask() {
      var words = input.value.trim();
      var mine = ++asked;
      if (!words) {
        show([]);
        return;
      }
      fetch(select.dataset.suggest + "?q=" + encodeURIComponent(words), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (data) { if (mine === asked) show(data.results); })
        .catch(function () { status.textContent = "Chưa tải được gợi ý; hãy thử lại."; });
    }

    input.addEventListener("input", function () {
      if (!input.value.trim()) select.value = ""; // an emptied box: every unit
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && results.length) {
        event.preventDefault();
        if (list.hidden) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
        mark((active + 1) % results.length);
      } else if (event.key === "ArrowUp" && results.length) {
        event.preventDefault();
        mark(active <= 0 ? results.length - 1 : active - 1);
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault(); // picks, does not send the form yet
        choose(results[active]);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", close);
  }

  document.querySelectorAll("select[data-suggest]").forEach(enhance);
})();
