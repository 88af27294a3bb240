"""A bare Django app answering HttpResponse("ok"): the ceiling of the stack, served the same way."""

from django.conf import settings

if not settings.configured:
    settings.configure(
        DEBUG=False, ALLOWED_HOSTS=["*"], ROOT_URLCONF=__name__, SECRET_KEY="bench", MIDDLEWARE=[]
    )

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402

urlpatterns = [path("", lambda request: HttpResponse("ok"))]
application = get_wsgi_application()
