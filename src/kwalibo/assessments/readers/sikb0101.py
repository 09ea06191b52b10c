"""Read lab results from a SIKB0101 XML file (the Dutch exchange standard for soil data).

Structure, as read from public SIKB0101 14.x files (see below for the sources)::

    imsikb0101:FeatureCollectionIMSIKB0101            (may be wrapped, e.g. in a BRO SAD request)
      imsikb0101:featureMember
        imsikb0101:Sample gml:id="_s1"                 a monster (field or analysis sample)
          sam:relatedObservation xlink:href="#_a1"     -> its analyses
          spec:samplingTime/gml:TimeInstant/gml:timePosition   sampling date (or immetingen:startTime)
          immetingen:name                              the sample name the lab reports ("MM01")
      imsikb0101:featureMember
        immetingen:Analysis gml:id="_a1"               one analysis result
          om:featureOfInterest xlink:href="#_s1"       -> the sample
          om:result xsi:type="immetingen:AnalyticResultType"   (or MeasureResultType)
            immetingen:numericValue uom="urn:immetingen:Eenheid:id:58">0.078<
            immetingen:limitSymbol>&lt;<               "<" for "below the reporting limit"
            immetingen:alphanumericValue>0.078 mg/kg ds<   (text form, used when no number)
          immetingen:physicalProperty/immetingen:PhysicalProperty
            immetingen:quantity>urn:immetingen:parameter:id:2725<   grootheid, e.g. Massafractie
            immetingen:parameter>urn:immetingen:parameter:id:36<    the substance
            immetingen:condition>urn:immetingen:Hoedanigheid:id:1<  hoedanigheid, e.g. dg

Sources: BROprogramma/SAD, ``Versie 0.9/SAD Uitwisselberichten/XSD en voorbeeld XML/
Voorbeeldberichten innameservice/1. SAD_registrationRequest IMBROA.xml`` (a complete SIKB0101
14.8.0 collection embedded in a BRO request; Analysis, Sample, limitSymbol in CDATA,
samplingTime); the SIKB validation stylesheet ``Onderzoek_Controle.xsl`` 1.1.0 for SIKB0101
14.8/14.9 (XPaths ``immetingen:physicalProperty/immetingen:PhysicalProperty/immetingen:quantity``,
``.../immetingen:parameter``, ``.../immetingen:condition``, ``om:result/immetingen:numericValue/@uom``,
``sam:relatedObservation/@xlink:href``); the SIKB0101 14.2 to BRO GAR stylesheet by Linda van den
Brink (``imm:numericValue``, ``imm:limitSymbol``, ``imm:Analysis`` reached from
``sikb:Sample/sam:relatedObservation``). Namespaces ``http://www.sikb.nl/imsikb0101`` and
``http://www.sikb.nl/immetingen``; elements are matched on their local name so other prefixes,
versioned namespaces and a wrapping message all work.

What the reader returns per analysis that belongs to a sample (field measurements on a borehole,
classified field observations (``Characteristic``) and lab-calculated sums
(``CalculatedAnalysis``; the assessment computes sums itself) are not measurements of a sample
and are left out. The analyses of a sample whose ``spec:materialClass`` is a compartment that
soil assessment does not test (``sikb_codes.COMPARTIMENT_NOT_SOIL``: groundwater, surface water,
eluate, air and the like, as in a site investigation's file with soil and groundwater) are kept
with that ``compartment``: the assessment names them in a note and does not test them (they were
left out unseen); a file with only those is refused. A sample may be given inline in another, as the
field sample of a mixed sample; an analysis given inline in a sample belongs to that sample:

* ``row``: the source line of the ``Analysis`` element;
* ``sample``: the sample's ``immetingen:name`` (its ``gml:id`` when it has no name; name and
  ``gml:id`` as "MM01 (_s2)" where two samples share a name);
* ``parameter`` and ``cas``: SIKB0101 names what was measured by ids in the SIKB domain table
  'Parameter'. ``sikb_codes.identify`` translates them: a parameter of the transcribed table
  (every substance of the Rbk 2015 norm tables, the sum components and dioxin congeners) becomes
  its Aquo code ("Cu", "12DClC2a", "sPAK10") with its CAS number; lutum (grootheid 1118
  'Korrelgroottefractie' with hoedanigheid 'Dk0002'/'Dk0002dg'), organic matter (parameter 1319
  'Organisch stof') and organic carbon (1318) become ``lutum``, ``organische stof`` and
  ``organische koolstof``; a mineral-oil fraction becomes ``minerale olie C10-C12``. Any other id
  is kept as written (the parameter URN, else the quantity URN) so that the assessment reports it
  as an unknown parameter; ``cas`` is then null;
* ``value_raw``: limit symbol and number as written ("<0.2"), else the alphanumeric value;
* ``unit``: the Aquo unit code for the units of ``sikb_codes.EENHEID`` (with " ds" for mg/kg and
  the like on dry weight, condition 'dg' or another '.../drooggewicht' condition), else the
  ``uom`` as written; '%' for lutum, organic matter and organic carbon given in a percent unit;
* ``sampling_date``: the sample's sampling time (date part).

The XML is parsed with defusedxml's ElementTree parser (expat) with DTDs, entity declarations and external
references refused, so entity-expansion ("billion laughs") and external-entity files are refused
before anything is expanded or fetched.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import ParseError
from xml.parsers.expat import errors as expat_errors

import polars as pl
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from kwalibo.assessments.readers.columns import finish, parse_dates
from kwalibo.assessments.readers.errors import MeasurementFileError
from kwalibo.assessments.readers.sikb_codes import (
    COMPARTIMENT_NOT_SOIL,
    PERCENT_UNIT_IDS,
    identify,
    unit_code,
    unit_id,
    urn_id,
)
from kwalibo.common.domain.errors import N_


@dataclass(slots=True)
class _Element:
    """One XML element, reduced to what the reader needs."""

    local: str
    attrs: dict[str, str]
    line: int
    children: list[_Element] = field(default_factory=list)
    text_parts: list[str] = field(default_factory=list)
    #: For an analysis given inline (by value) inside a sample: that sample's ``gml:id``.
    owner: str | None = None

    @property
    def text(self) -> str:
        return "".join(self.text_parts).strip()

    def child(self, local: str) -> _Element | None:
        return next((c for c in self.children if c.local == local), None)

    def path(self, *locals_: str) -> _Element | None:
        node: _Element | None = self
        for local in locals_:
            node = node.child(local) if node is not None else None
        return node

    def href(self) -> str | None:
        value = self.attrs.get("href")
        return value.strip().removeprefix("#") if value else None


_KEPT = frozenset({"Analysis", "Sample"})


@functools.lru_cache(maxsize=4096)
def _local(name: str) -> str:
    """``{namespace}local`` -> ``local`` (cached: documents use few distinct names)."""
    return name.rpartition("}")[2]


class _TreeBuilder:
    """Parser target: keep ``Analysis`` and ``Sample`` elements with their content, drop the rest.

    Elements are matched on local name; attributes are keyed by local name; each element keeps
    the source line of its start tag.
    """

    def __init__(self) -> None:
        self.parser: DefusedXMLParser | None = None
        # One entry per open element: the kept element, or None outside a kept subtree.
        self.stack: list[_Element | None] = []
        self.analyses: list[_Element] = []
        self.samples: list[_Element] = []

    def line(self) -> int:
        return int(self.parser.parser.CurrentLineNumber) if self.parser is not None else 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        local = _local(tag)
        parent = self.stack[-1] if self.stack else None
        if parent is None and local not in _KEPT:
            self.stack.append(None)
            return
        element = _Element(
            local=local, attrs={_local(k): v for k, v in attrib.items()}, line=self.line()
        )
        if parent is not None:
            parent.children.append(element)
        if local == "Analysis":
            self.analyses.append(element)
            # An analysis given inline (by value) inside its sample belongs to that sample (kept
            # on the element itself: an analysis need not have a gml:id).
            enclosing = next((e for e in reversed(self.stack) if e and e.local == "Sample"), None)
            if enclosing is not None:
                element.owner = enclosing.attrs.get("id", "")
        elif local == "Sample":
            # Also a sample given inline in another (a field sample of a mixed sample).
            self.samples.append(element)
        self.stack.append(element)

    def end(self, tag: str) -> None:
        self.stack.pop()

    def data(self, content: str) -> None:
        top = self.stack[-1] if self.stack else None
        if top is not None:
            top.text_parts.append(content)

    def close(self) -> None:
        return None


def _parse(data: bytes, *, file: str) -> _TreeBuilder:
    builder = _TreeBuilder()
    parser = DefusedXMLParser(
        target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    builder.parser = parser
    try:
        parser.feed(data)
        parser.close()
    except DefusedXmlException as error:
        raise MeasurementFileError(
            N_(
                "the XML declares a DTD or entities, which is refused for safety "
                "(%(kind)s); SIKB0101 files need neither"
            ),
            file=file,
            row=builder.line() or None,
            kind=type(error).__name__,
        ) from None
    except (LookupError, ValueError) as error:
        # expat knows the encodings of one byte per character and UTF-8/16 with a BOM only
        declared = _DECLARED_ENCODING.match(data[:500])
        raise MeasurementFileError(
            N_(
                "the XML declares an encoding that cannot be read (%(encoding)s: %(reason)s); "
                "export it as UTF-8"
            ),
            file=file,
            row=1,
            encoding=(
                declared.group(1).decode("ascii")
                if declared
                else "UTF-16/32"
                if b"\x00" in data[:4]
                else "?"
            ),
            reason=str(error),
        ) from None
    except ParseError as error:
        _refuse_if_not_utf8(data, file=file)
        message = str(error).split(": line", 1)[0]
        raise MeasurementFileError(
            _MALFORMED.get(message, N_("malformed XML: %(reason)s")),
            file=file,
            row=int(error.position[0]),
            reason=message,
        ) from None
    return builder


#: What expat's commonest complaints mean, in words a user can act on (and translate); any
#: other is shown as expat words it.
_MALFORMED: dict[str, str] = {
    expat_errors.XML_ERROR_INVALID_TOKEN: N_(
        "malformed XML: not well-formed (a character or markup that is not allowed there)"
    ),
    expat_errors.XML_ERROR_TAG_MISMATCH: N_(
        "malformed XML: mismatched tag (an end tag does not close the element that is open)"
    ),
    expat_errors.XML_ERROR_NO_ELEMENTS: N_(
        "malformed XML: no element found (the file ends before the document is complete)"
    ),
    expat_errors.XML_ERROR_UNCLOSED_TOKEN: N_(
        "malformed XML: unclosed token (the file ends inside a tag or a comment)"
    ),
    expat_errors.XML_ERROR_JUNK_AFTER_DOC_ELEMENT: N_(
        "malformed XML: junk after document element (there is content after the end of the "
        "document)"
    ),
    expat_errors.XML_ERROR_UNBOUND_PREFIX: N_(
        "malformed XML: unbound prefix (a namespace prefix that is not declared)"
    ),
    expat_errors.XML_ERROR_DUPLICATE_ATTRIBUTE: N_(
        "malformed XML: duplicate attribute (an element has the same attribute twice)"
    ),
    expat_errors.XML_ERROR_PARTIAL_CHAR: N_(
        "malformed XML: partial character (the file ends inside a character)"
    ),
}


#: The encoding an XML declaration names (``<?xml version="1.0" encoding="ISO-8859-1"?>``).
_DECLARED_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _refuse_if_not_utf8(data: bytes, *, file: str) -> None:
    """Refuse, naming the byte and its line, an XML that is read as UTF-8 (it declares no
    other encoding) but is not: an export in Latin-1 or Windows-1252 without its declaration,
    which expat reports only as an "invalid token"."""
    declared = _DECLARED_ENCODING.match(data[:500])
    if declared is not None and declared.group(1).lower() not in {b"utf-8", b"utf8"}:
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise MeasurementFileError(
            N_(
                "the XML is not UTF-8 text (byte 0x%(byte)s), and it declares no other "
                "encoding; export it as UTF-8, or declare the encoding it has, such as "
                '<?xml version="1.0" encoding="ISO-8859-1"?>'
            ),
            file=file,
            row=data.count(b"\n", 0, error.start) + 1,
            byte=f"{data[error.start]:02X}",
        ) from None


def _distinct_names(names: list[str], sample_ids: list[str]) -> list[str]:
    """The sample names, with the ``gml:id`` added where two samples of the file share a name
    ("MM01 (_s2)"): the assessment knows samples by name and would take them for one."""
    ids_of: dict[str, set[str]] = {}
    for name, sample_id in zip(names, sample_ids, strict=True):
        ids_of.setdefault(name, set()).add(sample_id)
    shared = {name for name, ids in ids_of.items() if len(ids) > 1}
    if not shared:
        return names
    return [
        f"{name} ({sample_id})" if name in shared else name
        for name, sample_id in zip(names, sample_ids, strict=True)
    ]


def _sample_date(sample: _Element) -> str | None:
    position = sample.path("samplingTime", "TimeInstant", "timePosition")
    if position is not None and position.text:
        return position.text
    start = sample.child("startTime")
    return start.text if start is not None and start.text else None


def _other_compartment(sample: _Element) -> str | None:
    """The name of the sample's compartment (``spec:materialClass``) when it is one that soil
    assessment does not test (groundwater, surface water, eluate, air, ...), else ``None``."""
    material = sample.child("materialClass")
    if material is None:
        return None
    code = material.href() or material.text
    found = urn_id(code, "Compartiment") if code else None
    return COMPARTIMENT_NOT_SOIL.get(found) if found is not None else None


def read_sikb0101(data: bytes, *, file: str) -> pl.DataFrame:
    """Read the lab results of a SIKB0101 XML file into the measurement table."""
    if not data.strip():
        raise MeasurementFileError(N_("the file is empty"), file=file)
    tree = _parse(data, file=file)
    samples: dict[str, _Element] = {}
    sample_of_analysis: dict[str, str] = {}
    for sample in tree.samples:
        own_id = sample.attrs.get("id", "")
        samples[own_id] = sample
        for link in sample.children:
            target = link.href() if link.local == "relatedObservation" else None
            if target:
                sample_of_analysis.setdefault(target, own_id)
    other_compartment: dict[str, int] = {}  # compartment name -> analyses left out
    unlinked = 0  # analyses linked to no sample of the file
    sample_ids: list[str] = []  # per record
    about: dict[str, tuple[str, str | None, str | None]] = {}  # name, date, compartment

    records: dict[str, list[Any]] = {
        k: []
        for k in (
            "row",
            "sample",
            "parameter",
            "value_raw",
            "unit",
            "cas",
            "sampling_date",
            "decimal_point",
            "compartment",
        )
    }
    for analysis in tree.analyses:
        analysis_id = analysis.attrs.get("id")
        sample_id: str | None = analysis.owner
        if sample_id is None and analysis_id:
            sample_id = sample_of_analysis.get(analysis_id)
        if sample_id is None:
            interest = analysis.child("featureOfInterest")
            target = interest.href() if interest is not None else None
            sample_id = target if target in samples else None
        if sample_id is None or sample_id not in samples:
            # not linked to a sample of the file: kept without a sample, so that the
            # assessment names it at its line instead of leaving it out unseen
            unlinked += 1
            records["row"].append(analysis.line)
            records["sample"].append(None)
            sample_ids.append("")
            prop = analysis.path("physicalProperty", "PhysicalProperty")
            substance = prop.child("parameter") if prop is not None else None
            records["parameter"].append(
                identify(substance.text if substance is not None else None, None, None).parameter
            )
            for column in records.keys() - {"row", "sample", "parameter"}:
                records[column].append(None)
            continue
        if sample_id not in about:
            # once per sample: a sample lists each of its analyses among its children
            sample = samples[sample_id]
            name = sample.child("name")
            about[sample_id] = (
                name.text if name is not None and name.text else sample_id,
                _sample_date(sample),
                _other_compartment(sample),
            )
        sample_name, sampling_date, compartment = about[sample_id]
        if compartment is not None:
            other_compartment[compartment] = other_compartment.get(compartment, 0) + 1
        prop = analysis.path("physicalProperty", "PhysicalProperty")
        substance = prop.child("parameter") if prop is not None else None
        quantity = prop.child("quantity") if prop is not None else None
        condition = prop.child("condition") if prop is not None else None
        result = analysis.child("result")
        number = result.child("numericValue") if result is not None else None
        limit = result.child("limitSymbol") if result is not None else None
        alphanumeric = result.child("alphanumericValue") if result is not None else None

        value: str | None = None
        # numericValue is a number (gml:MeasureType, xs:double): a decimal point, never a
        # thousands separator
        decimal_point: bool | None = None
        if number is not None and number.text:
            value = (limit.text if limit is not None else "") + number.text
            decimal_point = True
        elif alphanumeric is not None and alphanumeric.text:
            value = alphanumeric.text
        uom = number.attrs.get("uom") if number is not None else None

        condition_text = condition.text if condition is not None and condition.text else None
        measured = identify(
            substance.text if substance is not None and substance.text else None,
            quantity.text if quantity is not None and quantity.text else None,
            condition_text,
        )
        unit = unit_code(uom, condition_text) if uom else None
        if measured.soil_property and uom and unit_id(uom) in PERCENT_UNIT_IDS:
            unit = "%"

        records["row"].append(analysis.line)
        records["sample"].append(sample_name)
        sample_ids.append(sample_id)
        records["parameter"].append(measured.parameter)
        records["value_raw"].append(value)
        records["unit"].append(unit)
        records["cas"].append(measured.cas)
        records["sampling_date"].append(sampling_date)
        records["decimal_point"].append(decimal_point)
        # not assessed, but named: the assessment says which compartment it is
        records["compartment"].append(compartment)

    # every analysis is a record now; those linked to no sample have no sample name
    if unlinked and len(records["row"]) == unlinked:
        raise MeasurementFileError(
            N_(
                "the XML contains no measurements (%(count)s immetingen:Analysis element(s), "
                "none of them linked to an imsikb0101:Sample); is this a SIKB0101 file with lab "
                "results?"
            ),
            file=file,
            count=len(tree.analyses),
        )
    if other_compartment and sum(other_compartment.values()) + unlinked == len(records["row"]):
        raise MeasurementFileError(
            N_(
                "the XML contains no soil or sediment measurements, only analyses of samples "
                "of another compartment (%(found)s), which a soil assessment does not test"
            ),
            file=file,
            found=", ".join(f"{name}: {count}" for name, count in other_compartment.items()),
        )
    if not records["row"]:
        raise MeasurementFileError(
            N_(
                "the XML contains no measurements (no immetingen:Analysis elements); is this a "
                "SIKB0101 file with lab results?"
            ),
            file=file,
        )
    records["sample"] = _distinct_names(records["sample"], sample_ids)
    frame = pl.DataFrame(
        records,
        schema=dict.fromkeys(records, pl.Utf8) | {"row": pl.Int64, "decimal_point": pl.Boolean},
    )
    frame = frame.with_columns(parse_dates(pl.col("sampling_date")).alias("sampling_date"))
    return finish(frame, file=file)
