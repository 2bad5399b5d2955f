"""The OpenAPI schema documents every answer the API gives, errors included: 400 for filters it
cannot apply, 404 for an unknown item, 429 when a client is throttled."""

from drf_spectacular.openapi import AutoSchema

DETAIL = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
# What DjangoFilterBackend answers: each invalid filter with its messages.
FILTER_ERRORS = {
    "type": "object",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}


def _error(description: str, schema: dict) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


class WorkbenchAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        if self._is_list_view():
            responses["400"] = _error(
                "A filter is not valid; each is named with why.", FILTER_ERRORS
            )
        else:
            responses["404"] = _error("No such item, or not one this client may see.", DETAIL)
        responses["429"] = _error("Too many requests; the detail says when to try again.", DETAIL)
        return responses
