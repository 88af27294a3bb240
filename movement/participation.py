"""Accepting a participation report: rate limit, validation, saving, then notification.

Limits and used form tokens live in Django's cache, which is shared by every app server when it is
Redis (production); the notification e-mail is sent by the background worker, so a slow or refusing
mail server never holds the reader's request.
"""

import hashlib
import ipaddress
import logging
import smtplib

from django_tasks import task

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.absolute_urls import absolute_url
from core.mail import delivery_connection
from movement.consent import CONSENT_TEXT_VERSION

logger = logging.getLogger(__name__)


def _ip(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request):
    """The reader's address. Behind TRUSTED_PROXY_COUNT proxies it is the address the outermost of
    them appended to X-Forwarded-For; whatever the reader sent before it is ignored (forgeable).
    Without trusted proxies only REMOTE_ADDR counts."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            address = _ip(forwarded[-proxies])
            if address:
                return address
    return _ip(request.META.get("REMOTE_ADDR", "")) or None


def rate_limited(ip):
    """Count this attempt; True once an address has used up its attempts for the period."""
    limit, period = getattr(settings, "MOVEMENT_REPORT_RATE_LIMIT", (5, 60 * 60))
    key = f"movement:report-attempts:{ip or 'unknown'}"
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


def use_form_token(token):
    """True the first time a form token is sent with a report, False after (a resent form)."""
    from movement.forms import MAX_FILL_SECONDS

    digest = hashlib.sha256(token.encode()).hexdigest()
    return cache.add(f"movement:used-form-token:{digest}", 1, MAX_FILL_SECONDS)


@task(backend="background")
def send_report_notification(report_id, admin_url):
    """Runs in the worker. A mail server that refuses or does not answer (EMAIL_TIMEOUT) is logged in
    one line; the report itself is already saved and waits in the admin."""
    from movement.models import ParticipationReport

    report = ParticipationReport.objects.select_related("campaign").filter(pk=report_id).first()
    if report is None:
        return "gone"
    try:
        notify_coordinators(report, admin_url)
    except (OSError, smtplib.SMTPException) as error:
        logger.warning(
            "Could not notify the coordinators about participation report %s: %s", report_id, error
        )
        return "mail failed"
    return "sent"


def notify_coordinators(report, admin_url):
    recipients = coordinator_emails()
    if not recipients:
        return
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
    # Already in the worker: send through the real transport, not the queue again.
    send_mail(
        subject=subject,
        message="\n".join(lines),
        from_email=None,
        recipient_list=recipients,
        connection=delivery_connection(fail_silently=False),
    )


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
    if not use_form_token(form.cleaned_data["started"]):
        form.add_error(
            None,
            _(
                "This form was already sent. If you want to send another report, open the page again "
                "and fill in a new form."
            ),
        )
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

    # The report is stored; the worker sends the e-mail, so the mail server cannot delay the reply.
    admin_url = absolute_url(reverse("movement_reports:edit", args=[report.pk]), request)
    send_report_notification.enqueue(report.pk, admin_url)
    return HttpResponseRedirect(page.url + page.reverse_subpage("participate_thanks"))
