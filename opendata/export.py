"""Files of the data sets: CSV for spreadsheets (UTF-8 with a byte order mark, so Excel reads the
Cyrillic; cells that a spreadsheet would run as formulas are neutralised) and JSON for programs."""

import csv
import io
import json

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from core.spreadsheets import neutralise_formula

BOM = "\ufeff"


def cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    if isinstance(value, list | tuple):
        value = "; ".join(str(item) for item in value)
    # JSON keeps the value as it is; a CSV cell never starts a formula.
    return neutralise_formula(str(value))


def csv_text(header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return BOM + buffer.getvalue()


def csv_response(header, rows, filename):
    response = HttpResponse(csv_text(header, rows).encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def json_response(data, filename):
    body = json.dumps(data, ensure_ascii=False, indent=1, default=str)
    response = HttpResponse(body.encode("utf-8"), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(False, filename)
    return response
