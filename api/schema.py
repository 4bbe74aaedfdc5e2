"""What the OpenAPI description cannot guess: the type of the site's own filters, and the answers every operation
may give besides 200, so that clients (and the suite's schemathesis run) know them."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from articles.filters import UnitFilter
from newsroom.filters import PeriodFilter

# A unit by its slug; a period by its code (2021-H1) or a phrase ("6 tháng đầu năm 2021").
extend_schema_field(OpenApiTypes.STR)(UnitFilter)
extend_schema_field(OpenApiTypes.STR)(PeriodFilter)

ERROR = {
    "type": "object",
    "description": "`detail` says what went wrong; a bad filter names its field with a list of messages.",
    "additionalProperties": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
}
ERRORS = {
    "304": {"description": "Không đổi so với ETag trong If-None-Match."},
    "400": {"description": "Tham số lọc không hợp lệ.", "content": {"application/json": {"schema": ERROR}}},
    "404": {
        "description": "Không tìm thấy (hoặc con trỏ không hợp lệ).",
        "content": {"application/json": {"schema": ERROR}},
    },
    "429": {
        "description": "Quá nhiều yêu cầu: thử lại sau Retry-After giây.",
        "content": {"application/json": {"schema": ERROR}},
    },
}


def document_errors(result, generator, request, public):
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for status, response in ERRORS.items():
                operation["responses"].setdefault(status, response)
    return result
