"""The OpenAPI schema documents every answer the API gives, errors included: 400 for filters it
cannot apply (or a null character), 404 for an unknown item or cursor, 429 when a client is
throttled."""

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
                "A filter is not valid (each is named with why), or the address holds a null "
                "character.",
                {"anyOf": [FILTER_ERRORS, DETAIL]},
            )
            responses["404"] = _error("The page cursor is not one this API gave out.", DETAIL)
        else:
            responses["400"] = _error("The address holds a null character.", DETAIL)
            responses["404"] = _error("No such item, or not one this client may see.", DETAIL)
        responses["429"] = _error("Too many requests; the detail says when to try again.", DETAIL)
        return responses
