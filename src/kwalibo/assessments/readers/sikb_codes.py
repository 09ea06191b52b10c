"""The few SIKB0101 (IMMetingen) domain-table codes the SIKB0101 reader translates.

SIKB0101 writes units and conditions as domain-table URNs (``urn:immetingen:Eenheid:id:58``),
not as text. The reader turns the units that soil assessment uses into their Aquo unit code and
leaves every other code as written, so that an unknown unit stays visible to the assessment.

Source: SIKB0101 domain tables 'Eenheid' and 'Hoedanigheid' (IMMetingen lookup, versie 4.3.0,
2020-06-26) as copied in GitHub relluf/veldapps-imsikb, ``tools/immetingen/xmls/Eenheid.xml`` and
``tools/immetingen/xmls/Hoedanigheid.xml`` (commit 36314967b6); the unit ids agree with the
14.9 copy ``src/14.9/immetingen/Eenheid.json`` (commit a830efe4db).
"""

from __future__ import annotations

import re

#: Domain table 'Eenheid': ID -> Code (the Aquo unit code). Expired ('Vervallen') codes that
#: still occur in older files are included with their historic code.
EENHEID: dict[int, str] = {
    1: "%",
    2: "% ds",  # Vervallen 2013
    3: "% m/m",  # Vervallen 2013
    13: "ug/kg ds",  # Vervallen 2013; written 'µg/kg ds' in the table
    14: "ug/l",
    30: "g/kg",
    31: "g/kg ds",  # Vervallen 2013
    58: "mg/kg",
    59: "mg/kg ds",  # Vervallen 2013
    60: "mg/l",
    77: "ng/kg",
    78: "ng/kg ds",  # Vervallen 2013
    79: "ng/l",
    119: "DIMSLS",
    123: "% (m/m) ds",  # Vervallen 2013
    131: "ug/kg",
    132: "ppm",
}

#: Domain table 'Hoedanigheid' ID 1, code 'dg': "t.o.v. drooggewicht" (relative to dry weight,
#: the "ds" of "mg/kg ds").
HOEDANIGHEID_DROOGGEWICHT = 1

#: Units that refer to the dry weight when the condition is 'dg' and then get " ds" appended.
#: Percent stays '%': lutum and organic matter are percentages of the dry matter by definition
#: and the assessment expects them as '%'.
MASS_FRACTION_UNITS = frozenset({"g/kg", "mg/kg", "ug/kg", "ng/kg"})

_URN_ID = re.compile(r"^urn:[a-z0-9]+:([a-z_]+):id:(\d+)$", re.IGNORECASE)


def urn_id(text: str, table: str) -> int | None:
    """The numeric id of a domain-table URN of ``table`` (case-insensitive), else ``None``."""
    match = _URN_ID.match(text.strip())
    if match and match.group(1).lower() == table.lower():
        return int(match.group(2))
    return None


def unit_code(uom: str, condition: str | None) -> str:
    """Translate a SIKB0101 ``uom`` attribute (and the analysis condition) to an Aquo unit code.

    ``urn:immetingen:Eenheid:id:58`` and a bare ``58`` both become ``mg/kg``; with condition
    'dg' (``urn:immetingen:Hoedanigheid:id:1``) a mass fraction becomes ``mg/kg ds``. Codes not in
    the table, and plain text units, are returned as written.
    """
    text = uom.strip()
    code: str | None = None
    unit_id = urn_id(text, "Eenheid")
    if unit_id is None and text.isdigit():
        unit_id = int(text)
    if unit_id is not None:
        code = EENHEID.get(unit_id)
    if code is None:
        return text
    if (
        condition is not None
        and urn_id(condition, "Hoedanigheid") == HOEDANIGHEID_DROOGGEWICHT
        and code in MASS_FRACTION_UNITS
    ):
        return f"{code} ds"
    return code
