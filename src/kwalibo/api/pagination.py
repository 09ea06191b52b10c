"""Pagination of list endpoints."""

from rest_framework.pagination import LimitOffsetPagination


class Pagination(LimitOffsetPagination):
    """`?limit=&offset=`, at most 500 rows a page."""

    default_limit = 50
    max_limit = 500
