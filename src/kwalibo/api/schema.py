"""OpenAPI schema post-processing.

* A contract that does not depend on the database engine: Django derives the upper bound of
  integer fields from the database backend (32767 for a small integer on PostgreSQL, 2^63-1 on
  SQLite), so the generated schema would differ between the two. Those bounds are storage
  limits, not part of the API contract: drop them.
* The error responses: every error has the one shape of ``kwalibo.api.errors`` (component
  ``Error``), and each operation lists the errors a client must handle, derived from what it
  is: 400 for input, 403 where a login is needed, 404 for a path with an identifier, 422
  for a domain rule refusing a change, 429 for the rate limits that apply everywhere.
"""

from typing import Any

_STORAGE_BOUNDS = {32767, 2147483647, 9223372036854775807}


def _strip(node: Any) -> None:
    if isinstance(node, dict):
        if node.get("type") == "integer" and node.get("maximum") in _STORAGE_BOUNDS:
            node.pop("maximum")
            if node.get("format") == "int64":
                node.pop("format")
        for value in node.values():
            _strip(value)
    elif isinstance(node, list):
        for value in node:
            _strip(value)


def drop_storage_bounds(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """drf-spectacular post-processing hook; see the module docstring."""
    _strip(result)
    return result


ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "The one error shape of the API.",
    "properties": {
        "detail": {"type": "string", "description": "What is wrong, in the request's language."},
        "errors": {
            "type": "object",
            "description": (
                "Per field of the request the messages about it (nested for nested fields, "
                "non_field_errors for the request as a whole); empty when no field is at fault."
            ),
            "additionalProperties": {},
        },
    },
    "required": ["detail", "errors"],
}

_ERROR_REF = {"$ref": "#/components/schemas/Error"}

_DESCRIPTIONS = {
    "400": "Invalid input: `errors` names each field and what is wrong with it.",
    "403": "Not logged in, or the role may not do this.",
    "404": "No such object, or not visible to this user.",
    "413": "The request or the uploaded file is too large.",
    "422": "The input is valid, but a rule of the domain refuses it (see `detail`).",
    "429": "Too many requests: the rate limit of the API; `detail` says when to try again.",
}


def _errors_of(path: str, operation: dict[str, Any]) -> list[str]:
    statuses = ["400"] if "requestBody" in operation or operation.get("parameters") else []
    if {} not in operation.get("security", [{}]):
        # not 401: session authentication comes first, and DRF then answers 403 to a
        # request without credentials as well
        statuses.append("403")
    if "{" in path:
        statuses.append("404")
    if "requestBody" in operation:
        statuses.append("422")
    return [*statuses, "429"]


def document_errors(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """drf-spectacular post-processing hook; see the module docstring. Error responses an
    operation declares itself are kept; they get the ``Error`` shape when they have none."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    for path, item in result.get("paths", {}).items():
        for operation in item.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            for status in _errors_of(path, operation):
                responses.setdefault(status, {})
            for status, response in responses.items():
                if status in _DESCRIPTIONS:
                    if response.get("description") in (None, "", "No response body"):
                        response["description"] = _DESCRIPTIONS[status]
                    response.setdefault("content", {"application/json": {"schema": _ERROR_REF}})
            operation["responses"] = dict(sorted(responses.items()))
    return result
