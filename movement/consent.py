"""The consent to personal data processing shown with the participation form.

Federal Law No. 152-FZ as amended from 1 September 2025 wants the consent as a
separate act, not mixed into other text. Change CONSENT_TEXT_VERSION whenever
the wording changes: every report stores the version it was given under.
"""

from django.utils.translation import gettext_lazy as _

CONSENT_TEXT_VERSION = "2025-09-01.1"

CONSENT_TEXT = _(
    "I consent to the coordinators of the movement «Together Stronger» processing the personal data I "
    "enter in this form (the contact email address and the link to the library's post) in order to "
    "check the report and contact the library about the campaign, in accordance with Federal Law "
    "No. 152-FZ «On Personal Data». The data are kept until the end of the campaign year. I may "
    "withdraw my consent at any time by writing to the coordinators."
)
