"""The error pages a user meets: a missing page in the site's layout and language, and a
server error that says what happened in both languages instead of Django's bare text."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.views.defaults import server_error


@pytest.mark.django_db
def test_a_missing_page_is_in_the_site_layout_and_language() -> None:
    response = Client(HTTP_ACCEPT_LANGUAGE="nl").get("/bestaat-niet/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Pagina niet gevonden" in page
    assert 'name="language"' in page  # the site's header with its language switcher


def test_a_server_error_explains_itself_in_both_languages() -> None:
    response = server_error(RequestFactory().get("/toetsing/"))
    assert response.status_code == 500
    page = response.content.decode()
    assert "Er ging iets mis" in page
    assert "Something went wrong" in page
