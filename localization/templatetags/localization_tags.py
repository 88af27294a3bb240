from django import template
from django.urls import reverse

from ..wagtail_hooks import may_submit_for_review

register = template.Library()


@register.inclusion_tag("localization/includes/submit_for_review_form.html", takes_context=True)
def submit_for_review_form(context, translation, instance):
    """The translation editor's «Submit translation for review» form, for users who may not publish."""
    request = context["request"]
    if translation is None or not may_submit_for_review(request.user, instance):
        return {"url": None}
    total, done = translation.get_progress()
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "url": reverse("localization_submit_for_review", args=[translation.id]),
        "done": done,
        "total": total,
    }
