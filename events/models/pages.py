"""Event pages: the events section and one page per forum, meeting or conference."""

import datetime
import json

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models.functions import Coalesce, ExtractYear
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.dates import SITE_TIMEZONE, validate_span
from core.i18n import localized_by_pk
from core.jsonld import json_ld
from core.models import BasePage
from documents.models import OfficialDocument
from events import api as event_api
from events import booklet, calendar, frab, personal
from events import programme as programme_module
from events.blocks import ProgrammeStreamBlock
from events.programme import Programme, normalise
from libraries.models import Library

from .inlines import EventParticipant
from .places import Venue


class EventKind(models.TextChoices):
    FORUM = "forum", pgettext_lazy("event kind", "Forum")
    MEETING = "meeting", pgettext_lazy("event kind", "Meeting")
    CONFERENCE = "conference", pgettext_lazy("event kind", "Conference")
    OTHER = "other", pgettext_lazy("event kind", "Other event")


def _today():
    return timezone.localdate()


class EventIndexPage(RoutablePageMixin, BasePage):
    """The events section: upcoming (including running) and past events, with filters."""

    per_page = 10
    # The subscribed calendar holds the nearest upcoming events, never an unbounded list.
    calendar_size = 200

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events section")
        verbose_name_plural = _("events sections")

    def events(self):
        return (
            EventPage.objects.live()
            .child_of(self)
            .annotate(last_day=Coalesce("end_date", "start_date"))
            .select_related("listing_image")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from events.forms import EventFilterSet

        years = sorted(
            set(self.events().annotate(year=ExtractYear("start_date")).values_list("year", flat=True)),
            reverse=True,
        )
        form = EventFilterSet(request.GET, self.events(), years=years)
        events = form.qs
        today = _today()
        # A running multi-day event stays "upcoming" until its last day is over.
        upcoming = events.filter(last_day__gte=today).order_by("start_date", "start_time", "pk")
        past = events.filter(last_day__lt=today).order_by("-start_date", "-pk")
        pages = []
        for queryset, param in ((upcoming, "upcoming"), (past, "page")):
            number = request.GET.get(param, "1")
            pages.append(Paginator(queryset, self.per_page).get_page(number))
            if number not in ("", "1") and str(pages[-1].number) != number:
                form.add_notice(gettext("There is no such page; showing the nearest one."))
        upcoming_page, past_page = pages
        context.update(
            {
                "upcoming_events": upcoming_page,
                "past_events": past_page,
                "filter_form": form,
                "today": today,
                "filter_query": form.query_string(),
                "calendar_url": self.url + self.reverse_subpage("calendar"),
            }
        )
        return context

    @path("calendar/", name="calendar")
    def calendar_feed(self, request):
        """The upcoming events of this language (the nearest ``calendar_size``), one VEVENT each."""
        cal = calendar.new_calendar(self.title)
        upcoming = self.events().filter(last_day__gte=_today()).order_by("start_date", "pk")
        # Each event's venues with it: one query for the page of events, not one per event.
        upcoming = upcoming[: self.calendar_size].prefetch_related("event_venues")
        for event in upcoming:
            cal.add_component(calendar.event_vevent(event, event.get_full_url(request)))
        return calendar.response(cal, f"{self.slug}.ics")


class EventPageForm(WagtailAdminPageForm):
    """Checks what the admin form alone can see: session halls from the list of halls."""

    def clean(self):
        cleaned = super().clean()
        if "halls" in self.formsets and self.formsets["halls"].is_valid():
            halls = {
                normalise(form.cleaned_data.get("name"))
                for form in self.formsets["halls"].forms
                if form.cleaned_data and not form.cleaned_data.get("DELETE")
            }
            unknown = []
            for day in cleaned.get("programme") or []:
                for session in day.value.get("sessions") or []:
                    hall = session.value.get("hall")
                    if hall and normalise(hall) not in halls:
                        unknown.append(hall)
            if unknown:
                self.add_error(
                    None,
                    ValidationError(
                        _("Add these halls to the list of halls, or correct the sessions: %(halls)s"),
                        params={"halls": ", ".join(sorted(set(unknown)))},
                        code="unknown_hall",
                    ),
                )
        return cleaned


class EventPage(RoutablePageMixin, BasePage):
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices, default=EventKind.FORUM)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("Empty for one day."))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    city = models.CharField(_("city"), max_length=255, blank=True)
    venue_name = models.CharField(_("venue (organisation)"), max_length=500, blank=True)
    venue_address = models.CharField(
        _("venue address"), max_length=500, blank=True, help_text=_("e.g. Pashkov House")
    )
    main_theme = models.TextField(_("main theme"), blank=True)
    audience = models.TextField(_("participants"), blank=True, help_text=_("Who takes part."))
    description = StreamField(BaseStreamBlock(), verbose_name=_("description"), blank=True)
    registration_url = models.URLField(_("registration or information link"), blank=True)
    registration_note = models.CharField(_("registration note"), max_length=500, blank=True)
    registration_deadline = models.DateField(_("registration deadline"), null=True, blank=True)
    broadcast_platform = models.CharField(
        _("broadcast platform"), max_length=255, blank=True, help_text=_("e.g. Kultura.RF")
    )
    broadcast_url = models.URLField(_("live broadcast link"), blank=True)
    programme = StreamField(ProgrammeStreamBlock(), verbose_name=_("programme"), blank=True)

    base_form_class = EventPageForm

    api_fields = [
        APIField("kind"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("start_time"),
        APIField("end_time"),
        APIField("city"),
        APIField("venue_name"),
        APIField("venue_address"),
        APIField("introduction"),
        APIField("main_theme"),
        APIField("audience"),
        APIField("registration_url"),
        APIField("registration_deadline"),
        APIField("broadcast_platform"),
        APIField("broadcast_url"),
        APIField("halls", serializer=event_api.HallsField()),
        APIField("programme", serializer=event_api.ProgrammeField()),
        APIField("exports", serializer=event_api.ExportsField()),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("main_theme"),
        index.SearchField("city"),
        index.SearchField("description"),
        index.SearchField("programme"),
        index.FilterField("start_date"),
        index.FilterField("kind"),
    ]

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("city"), FieldPanel("venue_name"), FieldPanel("venue_address")],
            heading=_("Where (one place without a venue record)"),
        ),
        InlinePanel("event_venues", label=_("Venues")),
        InlinePanel("halls", label=_("Halls")),
        InlinePanel("participants", label=_("Organisers and supporters")),
        FieldPanel("main_theme"),
        InlinePanel("key_questions", label=_("Key questions")),
        InlinePanel("directions", label=_("Directions of work")),
        InlinePanel("formats", label=_("Formats")),
        FieldPanel("audience"),
        InlinePanel("contests", label=_("Contests and awards")),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("registration_url"),
                FieldPanel("registration_note"),
                FieldPanel("registration_deadline"),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [FieldPanel("broadcast_platform"), FieldPanel("broadcast_url")], heading=_("Broadcast")
        ),
        FieldPanel("programme"),
        InlinePanel("contacts", label=_("Contact people")),
        InlinePanel("related_documents", label=_("Related official letters")),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    # Served with its inline lists in the page's own query (core.inlines).
    serve_inlines = (
        "halls",
        "event_venues",
        "participants",
        "key_questions",
        "directions",
        "formats",
        "contests",
        "contacts",
        "related_documents",
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            # Upcoming events by their last day, in date order; past ones newest first.
            models.Index(Coalesce("end_date", "start_date"), name="event_last_day"),
            models.Index(fields=["start_date"], name="event_start_date"),
        ]

    def clean(self):
        super().clean()
        validate_span(self.start_date, self.end_date, _("The event cannot end before it starts."))

    # -- reading ---------------------------------------------------------
    @property
    def last_date(self):
        return self.end_date or self.start_date

    def is_multi_day(self):
        return self.last_date != self.start_date

    def status(self, today=None):
        today = today or _today()
        if self.last_date < today:
            return "past"
        if self.start_date <= today:
            return "running"
        return "upcoming"

    def has_session_media(self):
        """Whether any session of the programme links to a broadcast or a recording."""
        return any(
            s.value.get("broadcast_url") or s.value.get("recording_url")
            for s in self.get_programme().sessions
        )

    def venue_list(self):
        """The event's venues in the reader's language, in the editor's order."""
        if not hasattr(self, "_venues"):
            venues = localized_by_pk(Venue, [link.venue_id for link in self.event_venues.all()])
            self._venues = [
                venues[link.venue_id] for link in self.event_venues.all() if link.venue_id in venues
            ]
        return self._venues

    def location_text(self, hall="", venue=None):
        """Where: the hall, then its venue (or the event's venues, or the legacy venue fields)."""
        if venue is not None:
            places = [venue.text()]
        elif self.venue_list():
            places = [item.text() for item in self.venue_list()]
        else:
            places = [", ".join(part for part in (self.venue_name, self.venue_address, self.city) if part)]
        where = "; ".join(place for place in places if place)
        return ", ".join(part for part in (hall, where) if part)

    def get_programme(self):
        if not hasattr(self, "_programme"):
            halls = list(self.halls.all())
            # A hall keeps its venue as chosen; readers see the venue's translation (no query: venues
            # are a small table kept in a fragment).
            venues = localized_by_pk(Venue, [hall.venue_id for hall in halls])
            for hall in halls:
                venue = venues.get(hall.venue_id)
                hall.venue = venue if venue is not None and venue.live else None
            self._programme = Programme(self, halls)
        return self._programme

    def places_json_ld(self):
        """schema.org Places: one per venue with its address; the legacy venue fields otherwise.
        A place always has a name (the city at least); with nothing known there is none."""
        places = []
        for venue in self.venue_list():
            place = {"@type": "Place", "name": venue.name}
            address = {"@type": "PostalAddress"}
            if venue.address:
                address["streetAddress"] = venue.address
            if venue.city:
                address["addressLocality"] = venue.city
            if len(address) > 1:
                address["addressCountry"] = "RU"
                place["address"] = address
            places.append(place)
        if places:
            return places
        name = self.venue_name or self.city
        if not name:
            return []
        place = {"@type": "Place", "name": name}
        address = ", ".join(part for part in (self.venue_address, self.city) if part)
        if address:
            place["address"] = {"@type": "PostalAddress", "streetAddress": address}
            if self.city:
                place["address"]["addressLocality"] = self.city
        return [place]

    def participants_by_role(self):
        rows = list(self.participants.all())
        # Library records in the reader's language where they are translated (one query).
        libraries = localized_by_pk(Library, [row.library_id for row in rows])
        for row in rows:
            row.library_local = libraries.get(row.library_id)
        groups = []
        for role in EventParticipant.Role.values:
            items = [row for row in rows if row.role == role]
            if items:
                groups.append({"role": role, "label": EventParticipant.ROLE_HEADINGS[role], "items": items})
        return groups

    def json_ld(self, request):
        """schema.org Event data for a script element of type application/ld+json."""
        programme = self.get_programme()
        has_broadcast = bool(self.broadcast_platform or self.broadcast_url) or any(
            s.value.get("broadcast_url") or s.value.get("recording_url") for s in programme.sessions
        )

        def when(day, time):
            if time:
                return datetime.datetime.combine(day, time, tzinfo=SITE_TIMEZONE).isoformat()
            return day.isoformat()

        locations = self.places_json_ld()
        if has_broadcast:
            locations.append(
                {"@type": "VirtualLocation", "url": self.broadcast_url or self.get_full_url(request)}
            )
        organisers = [
            {"@type": "Organization", "name": p.name}
            for p in self.participants.all()
            if p.role != EventParticipant.Role.SUPPORTER
        ]
        sponsors = [
            {"@type": "Organization", "name": p.name}
            for p in self.participants.all()
            if p.role == EventParticipant.Role.SUPPORTER
        ]
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "startDate": when(self.start_date, self.start_time),
            "endDate": when(self.last_date, self.end_time),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/MixedEventAttendanceMode"
            if has_broadcast
            else "https://schema.org/OfflineEventAttendanceMode",
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
        }
        if locations:
            data["location"] = locations if len(locations) > 1 else locations[0]
        description = self.get_meta_description() or self.main_theme
        if description:
            data["description"] = description
        if organisers:
            data["organizer"] = organisers
        if sponsors:
            data["sponsor"] = sponsors
        return json_ld(data)

    def documents(self):
        """The related official letters in the reader's language, in the editor's order."""
        items = list(self.related_documents.all())
        documents = localized_by_pk(OfficialDocument, [item.document_id for item in items])
        return [documents[item.document_id] for item in items if item.document_id in documents]

    def programme_for(self, request):
        """The programme with each session's calendar and share links, worked out once per page."""
        programme = self.get_programme()
        if not getattr(programme, "linked", False):
            page_path = self.get_url(request)
            page_full_url = self.get_full_url(request)
            for session in programme.sessions:
                session.calendar_url = page_path + self.reverse_subpage(
                    "session_calendar", kwargs={"session_id": session.id}
                )
                session.share_url = f"{page_full_url}#{session.anchor}"
            programme.linked = True
        return programme

    def get_context(self, request, *args, **kwargs):
        from events.forms import ProgrammeFilterSet

        context = super().get_context(request, *args, **kwargs)
        page_path = self.get_url(request)
        selection = personal.stored_codes(request, self)
        moment = programme_module.site_now()
        status = self.status(moment.date())
        # The programme, participants, letters and JSON-LD are worked out only when the template
        # renders them: the page's kept fragments need none of them.
        programme = SimpleLazyObject(lambda: self.programme_for(request))
        form = SimpleLazyObject(lambda: ProgrammeFilterSet(request.GET, programme=programme))
        shared = not (
            selection
            or status == "running"  # «now / next» changes by the minute
            or "track" in request.GET
            or "hall" in request.GET
        )
        context.update(
            {
                "page_path": page_path,
                "my_programme_url": page_path + self.reverse_subpage("my_programme"),
                "star_url": reverse("events:star", kwargs={"page_id": self.pk}),
                "my_programme_cookie": personal.cookie_name(self),
                "selection": set(selection),
                "selection_count": len(self.get_programme().select(selection)) if selection else 0,
                "booklet_url": page_path + self.reverse_subpage("booklet"),
                "now_next": self.get_programme().now_and_next(moment) if status == "running" else [],
                "site_moment": moment,
                "calendar_url": page_path + self.reverse_subpage("calendar"),
                "frab_xml_url": page_path + self.reverse_subpage("frab_xml"),
                "frab_json_url": page_path + self.reverse_subpage("frab_json"),
                "programme": programme,
                "programme_days": SimpleLazyObject(
                    lambda: programme.filtered(track=form.cleaned.get("track"), hall=form.cleaned.get("hall"))
                ),
                "programme_filter_form": form,
                "participant_groups": SimpleLazyObject(self.participants_by_role),
                "documents": SimpleLazyObject(self.documents),
                "event_status": status,
                "json_ld": SimpleLazyObject(lambda: self.json_ld(request)),
                # What the kept fragments of the page depend on besides host, language, content
                # generation and date; None for a reader's own variant (stars, filters, «now / next»).
                "kept_parts": [self.pk] if shared else None,
            }
        )
        return context

    # -- calendar export ---------------------------------------------------
    @path("calendar/", name="calendar")
    def calendar_export(self, request):
        """The whole event: one VEVENT per session, or the event itself when it has no sessions."""
        cal = calendar.new_calendar(self.title)
        page_url = self.get_full_url(request)
        sessions = self.get_programme().sessions
        if not sessions:
            cal.add_component(calendar.event_vevent(self, page_url))
        for session in sessions:
            cal.add_component(calendar.session_vevent(self, session, f"{page_url}#{session.anchor}"))
        return calendar.response(cal, f"{self.slug}.ics")

    # -- the personal programme ------------------------------------------------
    @path("my/", name="my_programme")
    def my_programme(self, request):
        codes, from_url, bad = personal.selection(request, self)
        programme = self.programme_for(request)
        chosen = programme.select(codes)
        page_path = self.get_url(request)
        query = personal.selection_query([session.code for session in chosen])
        calendar_path = page_path + self.reverse_subpage("my_calendar") + (f"?{query}" if query else "")
        calendar_full_url = self.get_full_url(request) + self.reverse_subpage("my_calendar")
        calendar_full_url += f"?{query}" if query else ""
        my_path = page_path + self.reverse_subpage("my_programme")
        days = []
        for day in programme.days:
            sessions = [session for session in day.sessions if session in chosen]
            if sessions:
                days.append({"day": day, "sessions": sessions})
        return self.render(
            request,
            template="events/my_programme.html",
            context_overrides={
                "chosen_days": days,
                "chosen_count": len(chosen),
                "from_url": from_url,
                "bad_codes": bad,
                "missing_count": len(codes) - len(chosen),
                "selection": {session.code for session in chosen},
                "star_selection": ".".join(session.code for session in chosen) if from_url else None,
                "star_next": my_path,
                "my_calendar_url": calendar_path,
                "subscribe_url": "webcal://" + calendar_full_url.split("://", 1)[-1],
                "share_url": self.get_full_url(request)
                + self.reverse_subpage("my_programme")
                + (f"?{query}" if query else ""),
                "meta_title": gettext("My programme: %(event)s") % {"event": self.title},
            },
        )

    @path("my/calendar/", name="my_calendar")
    def my_calendar(self, request):
        codes, _from_url, bad = personal.selection(request, self)
        if bad:
            return HttpResponse(
                gettext("These session codes are not valid: %(codes)s") % {"codes": ", ".join(bad[:5])},
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        return personal.calendar_response(request, self, codes)

    # -- printable booklet -------------------------------------------------------
    @path("booklet/", name="booklet")
    def booklet_pdf(self, request):
        return booklet.response(self, request)

    # -- frab schedule (conference apps) --------------------------------------
    @path("schedule/json/", name="frab_json")
    def frab_json(self, request):
        body = json.dumps(frab.schedule(self, request), ensure_ascii=False, indent=1)
        return frab.response(body, "application/json; charset=utf-8", f"{self.slug}-schedule.json")

    @path("schedule/xml/", name="frab_xml")
    def frab_xml(self, request):
        url = self.get_full_url(request) + self.reverse_subpage("frab_xml")
        body = frab.schedule_xml(frab.schedule(self, request), url=url)
        return frab.response(body, "application/xml; charset=utf-8", f"{self.slug}-schedule.xml")

    @path("sessions/<uuid:session_id>/calendar/", name="session_calendar")
    def session_calendar_export(self, request, session_id):
        session = self.get_programme().get_session(session_id)
        if session is None:
            raise Http404("No such session")
        cal = calendar.new_calendar(self.title)
        cal.add_component(
            calendar.session_vevent(self, session, f"{self.get_full_url(request)}#{session.anchor}")
        )
        return calendar.response(cal, f"{self.slug}-{session.anchor}.ics")
