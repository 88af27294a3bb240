"""The one-template select renders what Django's select renders."""

from bs4 import BeautifulSoup

from django import forms

from core.widgets import SELECT_TEMPLATE, one_template_selects


class Choices(forms.Form):
    region = forms.ChoiceField(
        choices=[
            ("", "Все"),
            ("Россия", [("31", "Белгородская <область>"), ("62", 'Рязанская "область"')]),
            ("7", "7"),
        ],
        widget=forms.Select(attrs={"class": "filter", "data-x": True, "hidden": False}),
    )
    kinds = forms.MultipleChoiceField(choices=[("a", "А"), ("b", "Б")])  # not a plain select: left alone


def parsed(html):
    soup = BeautifulSoup(html, "html.parser")
    return [
        (tag.name, sorted(tag.attrs.items()), tag.string and tag.string.strip())
        for tag in soup.find_all(True)
    ]


def test_the_same_select_as_djangos():
    for data in ({"region": "62"}, {"region": ""}, None):
        django_form, ours = (
            Choices(data, auto_id="id_%s"),
            one_template_selects(Choices(data, auto_id="id_%s")),
        )
        assert ours["region"].field.widget.template_name == SELECT_TEMPLATE
        assert ours["kinds"].field.widget.template_name != SELECT_TEMPLATE
        expected, rendered = str(django_form["region"]), str(ours["region"])
        assert parsed(rendered) == parsed(expected)
        assert "&lt;область&gt;" in rendered and "&quot;область&quot;" in rendered
        assert ('value="62" selected' in rendered) is (data == {"region": "62"})
