"""Notices of workflow submissions: Wagtail's e-mails to the approvers, except that a bulk operation
(a CSV import of many drafts) sends each approver one summary instead of one message per object."""

import contextlib
from contextvars import ContextVar

from django.core.mail import send_mail
from django.utils import translation

from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_submitted
from wagtail.users.models import UserProfile

_held = ContextVar("held_submission_notices", default=None)


class HeldBackMixin:
    def __call__(self, instance=None, **kwargs):
        held = _held.get()
        if held is not None and self.can_handle(instance, **kwargs):
            held.append((self, instance, kwargs))
            return True
        return super().__call__(instance, **kwargs)


class TaskSubmissionNotifier(HeldBackMixin, GroupApprovalTaskStateSubmissionEmailNotifier):
    pass


class WorkflowSubmissionNotifier(HeldBackMixin, WorkflowStateSubmissionEmailNotifier):
    pass


task_submission_notifier = TaskSubmissionNotifier()
workflow_submission_notifier = WorkflowSubmissionNotifier()


def connect():
    """Connected under Wagtail's own dispatch_uid before wagtail.admin's ready() runs (core comes
    first in INSTALLED_APPS), so Wagtail's later connect of its plain notifiers is a no-op."""
    task_submitted.connect(
        task_submission_notifier,
        sender=TaskState,
        dispatch_uid="group_approval_task_submitted_email_notification",
    )
    workflow_submitted.connect(
        workflow_submission_notifier,
        sender=WorkflowState,
        dispatch_uid="workflow_state_submitted_email_notification",
    )


def summary_recipients(held):
    recipients = {}
    for notifier, instance, kwargs in held:
        for user in notifier.get_valid_recipients(instance, **kwargs):
            recipients[user.pk] = user
    return list(recipients.values())


@contextlib.contextmanager
def submissions_summarised(compose):
    """Hold back the per-object notices of submissions made inside the block. When the block ends
    without an error, every approver gets one message ``compose(count)`` → (subject, body), in the
    language of their admin interface."""
    held = []
    token = _held.set(held)
    try:
        yield held
    finally:
        _held.reset(token)
    count = len({id(instance) for notifier, instance, kwargs in held if isinstance(instance, TaskState)})
    if not count:
        return
    for user in summary_recipients(held):
        with translation.override(UserProfile.get_for_user(user).get_preferred_language()):
            subject, body = compose(count)
        send_mail(subject, body, None, [user.email])
