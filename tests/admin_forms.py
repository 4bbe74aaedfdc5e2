"""What a browser posts back from a Django admin add or change page."""

from django import forms
from django.forms.widgets import ChoiceWidget


def form_data(response, **changes):
    """The POST data of the admin form rendered in `response` (a GET), inline management forms included."""
    form_list = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        form_list += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in form_list:
        for field in form:
            data |= field_data(field)
    data |= changes
    return {name: value for name, value in data.items() if value is not None}


def field_data(bound_field):
    name, value = bound_field.html_name, bound_field.value()
    widget = getattr(bound_field.field.widget, "widget", bound_field.field.widget)  # unwrap the related-object links
    if isinstance(widget, forms.FileInput):
        return {}
    if isinstance(widget, forms.CheckboxInput):
        return {name: "on" if value else None}
    if isinstance(widget, forms.MultiWidget):
        parts = widget.decompress(value)
        return {
            name + suffix: w.format_value(v)
            for suffix, w, v in zip(widget.widgets_names, widget.widgets, parts, strict=True)
        }
    if isinstance(widget, ChoiceWidget):
        values = widget.format_value(value)
        return {name: values if widget.allow_multiple_selected else (values or [""])[0]}
    return {name: widget.format_value(value)}
