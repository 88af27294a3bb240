"""Widgets of the public forms."""

from django import forms

# Django's select, rendered the same by one template: Django's own includes two templates for each
# option, half the CPU of a listing page whose filter offers the 90 regions.
SELECT_TEMPLATE = "core/widgets/select.html"


def one_template_selects(form):
    """Render the plain selects of ``form`` (its own copies of the widgets) with SELECT_TEMPLATE."""
    for field in form.fields.values():
        if type(field.widget) is forms.Select:
            field.widget.template_name = SELECT_TEMPLATE
    return form
