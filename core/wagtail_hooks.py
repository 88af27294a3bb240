from wagtail import hooks

from core.methods import SAFE_METHODS, method_not_allowed


@hooks.register("before_serve_page", order=-100)
def refuse_methods_a_page_does_not_serve(page, request, serve_args, serve_kwargs):
    if request.method in SAFE_METHODS:
        return None
    # A routable page's route hands its view to serve() as the first argument.
    view = serve_args[0] if serve_args and callable(serve_args[0]) else None
    allowed = getattr(view, "http_methods", SAFE_METHODS)
    if request.method not in allowed:
        return method_not_allowed(request, allowed)
    return None


@hooks.register("register_admin_urls")
def register_job_urls():
    from django.urls import path

    from core import admin_views

    return [
        path("jobs/", admin_views.job_list, name="core_jobs"),
        path("jobs/<int:pk>/", admin_views.job_detail, name="core_job"),
    ]
