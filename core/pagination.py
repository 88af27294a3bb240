"""The links of a paginated listing, for the shared component templates/components/pagination.html."""

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _


def pagination_links(page_obj, query=None, request=None, label=None, param="page"):
    """Previous, next and numbered links (elided around the current page) keeping the other parameters.

    ``query`` is the listing's own query string of valid filters; without it the request's
    parameters, less the page number, are kept as they came.
    """
    if query is None:
        params = request.GET.copy() if request is not None else QueryDict(mutable=True)
        params.pop(param, None)
        query = params.urlencode()
    prefix = f"?{query}&{param}=" if query else f"?{param}="
    paginator = page_obj.paginator
    items = []
    for number in paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1):
        if number == paginator.ELLIPSIS:
            items.append({"gap": number})
        else:
            items.append({"number": number, "url": f"{prefix}{number}", "current": number == page_obj.number})
    return {
        "page_obj": page_obj,
        "label": label or _("Pages"),
        "items": items,
        "previous_url": f"{prefix}{page_obj.previous_page_number()}" if page_obj.has_previous() else "",
        "next_url": f"{prefix}{page_obj.next_page_number()}" if page_obj.has_next() else "",
    }
