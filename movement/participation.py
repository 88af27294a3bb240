"""Accepting a participation report: rate limit, validation, saving, then notification."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.absolute_urls import absolute_url
from movement.consent import CONSENT_TEXT_VERSION

logger = logging.getLogger(__name__)


def client_ip(request):
    # REMOTE_ADDR only: a forwarded header can be forged by the sender.
    return request.META.get("REMOTE_ADDR") or None


def rate_limited(ip):
    """Count this attempt; True once an address has used up its attempts for the period."""
    limit, period = getattr(settings, "MOVEMENT_REPORT_RATE_LIMIT", (5, 60 * 60))
    key = f"movement:report-attempts:{ip}"
    if cache.add(key, 1, period):
        return False
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, period)
        return False
    return attempts > limit


def coordinator_emails():
    from core.models import NetworkSettings

    configured = getattr(settings, "MOVEMENT_COORDINATOR_EMAILS", None)
    if configured:
        return list(configured)
    network = NetworkSettings.objects.filter(site__is_default_site=True).first()
    return [network.email] if network and network.email else []


def notify_coordinators(report, request):
    recipients = coordinator_emails()
    if not recipients:
        return
    admin_url = absolute_url(reverse("movement_reports:edit", args=[report.pk]), request)
    # The coordinators work in Russian, whatever language the reader used.
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("New participation report: %(library)s") % {"library": report.library_name}
        lines = [
            f"{_('Campaign')}: {report.campaign.title}",
            f"{_('Library')}: {report.library_name}",
            f"{_('Settlement')}: {report.settlement}",
            f"{_('Link to the post')}: {report.post_url}",
            "",
            f"{_('Check the report')}: {admin_url}",
        ]
    send_mail(subject=subject, message="\n".join(lines), from_email=None, recipient_list=recipients)


def handle_participation(page, request):
    from movement.forms import ParticipationForm
    from movement.models.pages import source_page

    campaign = source_page(page)
    if not page.is_open_for_reports:
        return page.render(
            request,
            context_overrides={"form_closed_message": _("This campaign does not accept reports now.")},
        )
    ip = client_ip(request)
    if rate_limited(ip):
        response = page.render(
            request,
            context_overrides={
                "form_closed_message": _(
                    "Too many reports were sent from your address. Please try again in an hour."
                )
            },
        )
        response.status_code = 429
        return response

    form = ParticipationForm(request.POST, campaign=campaign)
    if not form.is_valid():
        return page.render(request, context_overrides={"form": form})

    report = form.save(commit=False)
    report.campaign = campaign
    report.consent_given = True
    report.consent_at = timezone.now()
    report.consent_ip = ip
    report.consent_text_version = CONSENT_TEXT_VERSION
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:
        # Two reports of the same library raced past clean(); the constraint caught the second.
        form.add_error(None, form.duplicate_message())
        return page.render(request, context_overrides={"form": form})

    # The report is stored; a failing mail server must not lose it or break the reply.
    try:
        notify_coordinators(report, request)
    except Exception:
        logger.exception("Could not notify the coordinators about participation report %s", report.pk)
    return HttpResponseRedirect(page.url + page.reverse_subpage("participate_thanks"))
