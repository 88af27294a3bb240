"""Every API error is JSON with a ``message``: bad parameters 400, unknown objects 404, too many
requests 429 (with Retry-After), never an HTML page or a 500 for bad input."""

from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from django.http import Http404


class BadParameter(exceptions.ParseError):
    """A query parameter the endpoint does not know or cannot read."""

    default_code = "bad_parameter"


def _message(detail):
    if isinstance(detail, dict):
        return "; ".join(f"{key}: {_message(value)}" for key, value in detail.items())
    if isinstance(detail, list):
        return " ".join(_message(item) for item in detail)
    return str(detail)


def exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(str(exc) or None)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    data = {"message": _message(getattr(exc, "detail", response.data))}
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        data["retry_after"] = int(exc.wait) + 1
    return Response(data, status=response.status_code, headers=dict(response.headers))
