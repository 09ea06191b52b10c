"""The SIKB0101 (IMMetingen) domain-table codes the SIKB0101 reader translates.

SIKB0101 writes parameters, units and conditions as domain-table URNs
(``urn:immetingen:parameter:id:36``, ``urn:immetingen:Eenheid:id:58``,
``urn:immetingen:Hoedanigheid:id:1``), not as text. The reader turns

* the parameters of the Rbk 2015 norm tables, their sum components and the dioxin congeners into
  their Aquo parameter code and CAS number (``data/sikb_parameter.csv``, transcribed from the
  domain table 'Parameter'; see the header of that file);
* lutum, organic matter and organic carbon into the soil-property names of the assessment;
* the units that soil assessment uses into their Aquo unit code,

and leaves every other code as written, so that an unknown parameter or unit stays visible to the
assessment.

Source: SIKB0101 domain tables 'Parameter', 'Eenheid' and 'Hoedanigheid' (IMMetingen lookup,
versie 4.3.0, 2020-06-26) as copied in GitHub relluf/veldapps-imsikb,
``tools/immetingen/xmls/Parameter.xml``, ``Eenheid.xml`` and ``Hoedanigheid.xml`` (commit
36314967b6); the unit ids agree with the 14.9 copy ``src/14.9/immetingen/Eenheid.json`` (commit
a830efe4db). How lutum is delivered follows the SAD catalogue check of BRO
(GitHub BROprogramma/SAD, ``Versie 1.1.0/SAD Uitwisselberichten/Controle XSLT/allowed_values.xml``,
commit 1771a98529): grootheid 1118 'Korrelgroottefractie' with, among others, hoedanigheid 2
'Dk0002' or 3 'Dk0002dg' and unit 1 '%'; the same checks (``Onderzoek_Controle.xsl``) require a
parameter with grootheid 2720 '(massa)Concentratie' and 2725 'Massafractie', so organic matter
comes as a parameter: 1319 'Organisch stof' (Aquo OSTOF).
"""

from __future__ import annotations

import csv
import functools
import importlib.resources
import re
from dataclasses import dataclass

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

#: Domain table 'Hoedanigheid': ID -> Code of the conditions the reader interprets. Codes ending in
#: 'dg' ("/ drooggewicht") are relative to dry weight. 2 and 3 are grain-size fractions below
#: 2 µm (lutum); 82-128 are hydrocarbon fractions of mineral oil ("koolwaterstoffractie C10-C12",
#: 92/93 = C10-C40, the total the norm applies to).
_KOOLWATERSTOFFRACTIES = (
    "C06C10",  # 82
    "C06C10dg",  # 83
    "C08C10dg",  # 84
    "C10C12",  # 85
    "C10C12dg",  # 86
    "C10C16",  # 87
    "C10C16dg",  # 88
    "C10C19dg",  # 89
    "C10C20",  # 90
    "C10C20dg",  # 91
    "C10C40",  # 92
    "C10C40dg",  # 93
    "C12C14dg",  # 94
    "C12C16",  # 95
    "C12C16dg",  # 96
    "C12C20dg",  # 97
    "C12C22",  # 98
    "C12C22dg",  # 99
    "C14C20dg",  # 100
    "C16C20",  # 101
    "C16C20dg",  # 102
    "C16C21dg",  # 103
    "C16C22",  # 104
    "C16C22dg",  # 105
    "C20C24",  # 106
    "C20C24dg",  # 107
    "C20C26dg",  # 108
    "C20C29dg",  # 109
    "C20C40",  # 110
    "C20C40dg",  # 111
    "C21C30dg",  # 112
    "C22C30",  # 113
    "C22C30dg",  # 114
    "C24C28",  # 115
    "C24C28dg",  # 116
    "C26C34dg",  # 117
    "C28C32",  # 118
    "C28C32dg",  # 119
    "C30C35dg",  # 120
    "C30C40",  # 121
    "C30C40dg",  # 122
    "C32C36",  # 123
    "C32C36dg",  # 124
    "C34C40dg",  # 125
    "C35C40dg",  # 126
    "C36C40",  # 127
    "C36C40dg",  # 128
)

HOEDANIGHEID: dict[int, str] = {
    1: "dg",
    2: "Dk0002",
    3: "Dk0002dg",
    4: "Sndg",
    5: "TEQdg",
    7: "Cdg",
    **dict(enumerate(_KOOLWATERSTOFFRACTIES, start=82)),
}

#: Conditions of a grain-size fraction below 2 µm: the fraction is lutum.
HOEDANIGHEID_LUTUM = frozenset({2, 3})

#: Conditions of mineral oil that denote the total C10-C40 (or no fraction at all).
HOEDANIGHEID_MINERALE_OLIE_TOTAAL = frozenset({HOEDANIGHEID_DROOGGEWICHT, 92, 93})

#: Domain table 'Parameter' ids with a meaning of their own for the reader.
GROOTHEID_KORRELGROOTTEFRACTIE = 1118
PARAMETER_MINERALE_OLIE = 1200
#: 'Organisch stof' (OSTOF, 1319), 'koolstof organisch' (Corg, 1318) and the expired
#: 'Gehalte <2 µm van de korrelfractie' (820, lutum in files from before 2013) -> the
#: soil-property name the assessment uses.
SOIL_PROPERTY_PARAMETERS: dict[int, str] = {
    1319: "organische stof",
    1318: "organische koolstof",
    820: "lutum",
}
LUTUM = "lutum"

#: Percent units (Eenheid 1 '%' and the expired 2 '% ds', 3 '% m/m', 123 '% (m/m) ds'); a soil
#: property in any of them is reported as '%' (percent of dry matter by definition).
PERCENT_UNIT_IDS = frozenset({1, 2, 3, 123})

#: Units that refer to the dry weight when the condition is 'dg' and then get " ds" appended.
#: Percent stays '%': lutum and organic matter are percentages of the dry matter by definition
#: and the assessment expects them as '%'.
MASS_FRACTION_UNITS = frozenset({"g/kg", "mg/kg", "ug/kg", "ng/kg"})

#: Domain table 'Compartiment': the compartments soil assessment does not test, ID -> name (the
#: water, gas and product media; 1 'Bodem/Sediment', the expired 7 'Waterbodem' and any other
#: code are read). A sample of such a compartment (``spec:materialClass``) is left out.
COMPARTIMENT_NOT_SOIL: dict[int, str] = {
    2: "Grondwater",
    3: "Afvalwater",
    4: "Oppervlaktewater",
    10: "Drijflaag",
    11: "Drinkwater",
    12: "Hemelwater",
    16: "Lucht",
    17: "Lozingswater",
    23: "Poriewater",
    31: "Zwembadwater",
    34: "Eluaat",
    35: "Olie",
    36: "Zeewater",
    39: "Stof (Lucht)",
    50: "Bedrijfswater",
    51: "Gas",
}

#: Conditions 'Sndg' ("uitgedrukt in tin / drooggewicht") and 'TEQdg' ("uitgedrukt in
#: toxiciteitsequivalenten / drooggewicht"): the unit says so, as a lab writes it.
HOEDANIGHEID_TIN = 4
HOEDANIGHEID_TEQ = 5
_BASIS_UNITS: dict[tuple[int, str], str] = {
    (HOEDANIGHEID_TIN, "mg/kg"): "mg Sn/kg ds",
    (HOEDANIGHEID_TIN, "ug/kg"): "ug Sn/kg ds",
    (HOEDANIGHEID_TEQ, "ng/kg"): "ng TEQ/kg ds",
    (HOEDANIGHEID_TEQ, "ug/kg"): "ug TEQ/kg ds",
    (HOEDANIGHEID_TEQ, "mg/kg"): "mg TEQ/kg ds",
}

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
    'dg' (``urn:immetingen:Hoedanigheid:id:1``) or another dry-weight condition ('C10C40dg') a
    mass fraction becomes ``mg/kg ds``; with 'Sndg' (as tin) ``mg Sn/kg ds``, with 'TEQdg'
    (toxicity equivalents) ``ng TEQ/kg ds``. Codes not in the table, and plain text units, are returned
    as written.
    """
    text = uom.strip()
    found = unit_id(text)
    code = EENHEID.get(found) if found is not None else None
    if code is None:
        return text
    if condition is not None and code in MASS_FRACTION_UNITS and is_dry_weight(condition):
        basis = _BASIS_UNITS.get((urn_id(condition, "Hoedanigheid") or -1, code))
        return basis or f"{code} ds"
    return code


def unit_id(uom: str) -> int | None:
    """The Eenheid id of a ``uom`` attribute (URN or bare number), else ``None``."""
    text = uom.strip()
    found = urn_id(text, "Eenheid")
    if found is None and text.isdigit():
        found = int(text)
    return found


def is_dry_weight(condition: str) -> bool:
    """Whether a condition URN is relative to dry weight ('dg' or a '.../ drooggewicht' code)."""
    code = HOEDANIGHEID.get(urn_id(condition, "Hoedanigheid") or -1)
    return code is not None and code.endswith("dg")


@dataclass(frozen=True, slots=True)
class SikbParameter:
    """One row of the domain table 'Parameter' as transcribed in ``data/sikb_parameter.csv``."""

    sikb_id: int
    code: str
    description: str
    cas: str | None
    group: str
    status: str

    @property
    def name(self) -> str:
        """What the reader writes: the Aquo code, or the description for expired rows."""
        return self.code or self.description


@functools.cache
def parameter_table() -> dict[int, SikbParameter]:
    """The transcribed domain table 'Parameter', by id (read once from the package data)."""
    resource = importlib.resources.files("kwalibo.assessments.readers") / "data/sikb_parameter.csv"
    lines = [line for line in resource.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    return {
        int(row["sikb_id"]): SikbParameter(
            sikb_id=int(row["sikb_id"]),
            code=row["code"],
            description=row["omschrijving"],
            cas=row["cas"] or None,
            group=row["groep"],
            status=row["status"],
        )
        for row in csv.DictReader(lines)
    }


@dataclass(frozen=True, slots=True)
class Identified:
    """What an analysis measured, as the reader writes it."""

    parameter: str | None
    cas: str | None = None
    soil_property: bool = False


def identify(parameter: str | None, quantity: str | None, condition: str | None) -> Identified:
    """Name what an analysis measured from its parameter, quantity (grootheid) and condition.

    * Lutum: quantity 1118 'Korrelgroottefractie' without parameter and condition 2 'Dk0002' or
      3 'Dk0002dg', or the expired parameter 820; organic matter: parameter 1319 'Organisch stof';
      organic carbon: parameter 1318. These become ``lutum``, ``organische stof`` and
      ``organische koolstof``.
    * Mineral oil (1200) with a hydrocarbon-fraction condition other than C10-C40 is a fraction,
      not the total the norm applies to: ``minerale olie C10-C12`` (or the condition URN when the
      fraction is not in ``HOEDANIGHEID``), without CAS number.
    * A parameter in the table: its Aquo code (description for expired rows) and CAS number.
    * Anything else: the parameter URN as written, or the quantity URN when there is no
      parameter, so that the assessment reports it as an unknown parameter.
    """
    parameter_id = urn_id(parameter, "parameter") if parameter else None
    condition_id = urn_id(condition, "Hoedanigheid") if condition else None
    if parameter_id is None:
        quantity_id = urn_id(quantity, "parameter") if quantity else None
        if quantity_id == GROOTHEID_KORRELGROOTTEFRACTIE and condition_id in HOEDANIGHEID_LUTUM:
            return Identified(LUTUM, soil_property=True)
        return Identified(parameter or quantity)
    if parameter_id in SOIL_PROPERTY_PARAMETERS:
        return Identified(SOIL_PROPERTY_PARAMETERS[parameter_id], soil_property=True)
    known = parameter_table().get(parameter_id)
    if known is None:
        return Identified(parameter)
    if (
        parameter_id == PARAMETER_MINERALE_OLIE
        and condition
        and (condition_id not in HOEDANIGHEID_MINERALE_OLIE_TOTAAL)
    ):
        code = HOEDANIGHEID.get(condition_id or -1, "")
        fraction = re.fullmatch(r"C(\d\d)C(\d\d)(?:dg)?", code)
        label = f"C{int(fraction[1])}-C{int(fraction[2])}" if fraction else condition.strip()
        return Identified(f"minerale olie {label}")
    return Identified(known.name, known.cas)
