"""The public API class: its OpenAPI document also describes the error answers every operation can give.

django-ninja answers 422 when a query parameter does not validate (``?page=abc``) and views answer 404
for an unknown path parameter, but the generated schema documents only 200. schemathesis (make quality)
checks that every answer is documented, so the error answers are added here once for every router,
with the ``X-Ignored-Parameters`` header every answer may carry (``ignored_params``).
"""

from ninja import NinjaAPI

from .ignored_params import HEADER, HEADER_DESCRIPTION

ERROR_SCHEMA = {
    "type": "object",
    "properties": {"detail": {}},
    "required": ["detail"],
}


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": ERROR_SCHEMA}}}


class PublicAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                if not isinstance(operation, dict) or "responses" not in operation:
                    continue
                responses = operation["responses"]
                parameters = operation.get("parameters") or []
                if parameters or operation.get("requestBody"):
                    responses.setdefault(400, _error("Yêu cầu không hợp lệ / Bad request"))
                    responses.setdefault(422, _error("Tham số không hợp lệ / Invalid parameters"))
                if any(p.get("in") == "path" for p in parameters):
                    responses.setdefault(404, _error("Không tìm thấy / Not found"))
                for response in responses.values():
                    response.setdefault("headers", {})[HEADER] = {
                        "description": HEADER_DESCRIPTION,
                        "schema": {"type": "string"},
                    }
        return schema
