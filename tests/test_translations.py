"""The translation catalogues: compiled, complete in Dutch, and used by the pages.

The UI speaks Dutch first (LANGUAGE_CODE "nl"); the msgids are English. A fresh
machine gets the .mo files from git, so they must be the compilation of the .po files
(`make messages` writes both).
"""

import ast
import datetime as dt
import re
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import polib
import pytest
from django.test import Client
from django.utils import translation

from kwalibo.common.domain.errors import DomainError
from kwalibo.common.i18n import translate_error
from kwalibo.register.domain.lifecycle import Decision, DecisionKind, replay

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "src" / "kwalibo" / "locale"
PO_FILES = sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))
NL_PO = LOCALE / "nl" / "LC_MESSAGES" / "django.po"
DOMAIN_MODULES = sorted((ROOT / "src" / "kwalibo").glob("*/domain/**/*.py"))

# printf-style placeholders as Python's % operator reads them (%% is a literal percent).
PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[#0 +-]*\d*(?:\.\d+)?([diouxXeEfFgGcrsa%])")


def placeholders(text: str) -> Counter[str]:
    return Counter(
        f"%({name}){conversion}" if name else f"%{conversion}"
        for name, conversion in PLACEHOLDER.findall(text)
        if conversion != "%"
    )


def entry_key(entry: Any) -> tuple[str, str]:
    return (entry.msgctxt or "", entry.msgid)


def entry_value(entry: Any) -> tuple[str, Any]:
    if entry.msgid_plural:
        return (entry.msgid_plural, dict(sorted(entry.msgstr_plural.items())))
    return ("", entry.msgstr)


def relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_there_are_dutch_and_english_catalogues() -> None:
    assert [relative(p) for p in PO_FILES] == [
        "src/kwalibo/locale/en/LC_MESSAGES/django.po",
        "src/kwalibo/locale/nl/LC_MESSAGES/django.po",
    ]


def test_every_catalogue_has_its_mo_file_in_git() -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "--", "src/kwalibo/locale"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert sorted(p for p in tracked if p.endswith(".mo")) == [
        relative(po.with_suffix(".mo")) for po in PO_FILES
    ]


@pytest.mark.parametrize("po_path", PO_FILES, ids=relative)
def test_mo_file_is_the_compilation_of_its_po_file(po_path: Path) -> None:
    catalogue = polib.pofile(str(po_path))
    compiled = polib.mofile(str(po_path.with_suffix(".mo")))
    expected = {entry_key(e): entry_value(e) for e in catalogue.translated_entries()}
    assert {entry_key(e): entry_value(e) for e in compiled if e.msgid} == expected
    assert compiled.metadata == catalogue.metadata


@pytest.mark.parametrize("po_path", PO_FILES, ids=relative)
def test_catalogue_has_no_fuzzy_or_obsolete_entries(po_path: Path) -> None:
    catalogue = polib.pofile(str(po_path))
    assert not catalogue.metadata_is_fuzzy
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []
    assert [e.msgid for e in catalogue.obsolete_entries()] == []


def test_dutch_catalogue_translates_every_message() -> None:
    catalogue = polib.pofile(str(NL_PO))
    assert catalogue.metadata["Language"] == "nl"
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert catalogue.percent_translated() == 100


@pytest.mark.parametrize("po_path", PO_FILES, ids=relative)
def test_translations_keep_the_placeholders_of_their_msgid(po_path: Path) -> None:
    mismatches = []
    for entry in polib.pofile(str(po_path)).translated_entries():
        if entry.msgid_plural:
            pairs = [
                (entry.msgid if form == 0 else entry.msgid_plural, text)
                for form, text in entry.msgstr_plural.items()
            ]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        mismatches += [
            (source, text) for source, text in pairs if placeholders(source) != placeholders(text)
        ]
    assert mismatches == []


def test_placeholder_counter_sees_named_and_positional_placeholders() -> None:
    # Guards the check above against a regex that finds nothing.
    assert placeholders("%(kind)s op %(day)s, %d keer, 100%%") == Counter(
        {"%(kind)s": 1, "%(day)s": 1, "%d": 1}
    )


def domain_messages() -> set[str]:
    """Every string literal the domain marks with N_() (kwalibo.common.domain.errors)."""
    found = set()
    for path in DOMAIN_MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "N_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def test_domain_messages_marked_with_n_are_in_the_dutch_catalogue() -> None:
    marked = domain_messages()
    msgids = {e.msgid for e in polib.pofile(str(NL_PO))}
    assert "A suspension needs an end date." in marked
    assert sorted(marked - msgids) == []


def test_suspension_without_intent_is_refused_in_dutch_and_english() -> None:
    day = dt.date(2021, 1, 4)
    decisions = [
        Decision(DecisionKind.APPLICATION, day, day, "application"),
        Decision(DecisionKind.GRANT, day, day, "grant"),
        Decision(
            DecisionKind.SUSPENSION,
            dt.date(2021, 4, 1),
            dt.date(2021, 4, 1),
            "suspension_certificate",
            effective_until=dt.date(2021, 9, 30),
        ),
    ]
    with pytest.raises(DomainError) as refused:
        replay(decisions)
    with translation.override("nl"):
        dutch = translate_error(refused.value)
    with translation.override("en"):
        english = translate_error(refused.value)
    assert dutch == (
        "Aan een schorsing moet een voornemen tot schorsing voorafgaan, met een termijn "
        "waarin de houder een zienswijze kan indienen."
    )
    assert english == (
        "A suspension must be preceded by an intent to suspend with a period for the "
        "holder's view (zienswijze)."
    )


@pytest.mark.django_db
def test_public_search_page_speaks_dutch_by_default(client: Client) -> None:
    response = client.get("/")
    page = response.content.decode()
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "nl"
    assert '<html lang="nl">' in page
    assert "<h1>Register van erkende bodemintermediairs</h1>" in page
    assert ">Naam of KvK-nummer</label>" in page
    assert ">Zoeken</button>" in page
    assert "Register of recognised soil intermediaries" not in page


@pytest.mark.django_db
def test_public_search_page_speaks_english_when_the_browser_asks(client: Client) -> None:
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "en"
    assert '<html lang="en">' in page
    assert "<h1>Register of recognised soil intermediaries</h1>" in page
    assert ">Name or KvK number</label>" in page
    assert ">Search</button>" in page
    assert "Register van erkende bodemintermediairs" not in page
