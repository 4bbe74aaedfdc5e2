"""The answers every operation may give besides 200, so that clients (and the suite's schemathesis run) know them."""

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
