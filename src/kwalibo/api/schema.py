"""OpenAPI schema post-processing: a contract that does not depend on the database engine.

Django derives the upper bound of integer fields from the database backend (32767 for a
small integer on PostgreSQL, 2^63-1 on SQLite), so the generated schema would differ
between the two. Those bounds are storage limits, not part of the API contract: drop them.
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
