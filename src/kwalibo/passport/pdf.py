"""The declaration (MvB) as a PDF with a QR code that opens its public verification page.

fpdf2 installs from PyPI alone (no system libraries). The PDF uses the core Helvetica font,
so text is limited to Latin-1: the few typographic characters outside it are replaced.
The PDF is a rendering, not the document of record: the signed payload is, and the
verification page checks it (the QR code carries the verification URL; the PDF prints the
payload's SHA-256 so that a reader can compare).
"""

import io
from typing import Any

import segno
from django.utils import formats
from django.utils.translation import gettext as _
from fpdf import FPDF

from kwalibo.passport.domain.declarations import DeclarationType, Material, Role
from kwalibo.passport.domain.signing import payload_digest
from kwalibo.passport.domain.verification import DeclarationStatus
from kwalibo.passport.models import Declaration, QualityClass
from kwalibo.register.selectors import activity_get

_REPLACEMENTS = str.maketrans(
    {"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "€": "EUR"}
)


def _latin1(text: Any) -> str:
    return str(text).translate(_REPLACEMENTS).encode("latin-1", "replace").decode("latin-1")


def verification_qr(url: str) -> segno.QRCode:
    """The QR code of a verification URL (error correction M: survives a worn print)."""
    return segno.make(url, error="m", micro=False)


def _party(party: dict[str, str] | None) -> str:
    if not party:
        return "-"
    return f"{party['name']} (KvK {party['kvk']}), {party.get('address', '')}".rstrip(", ")


def declaration_pdf(declaration: Declaration, *, verify_url: str) -> bytes:
    """Render `declaration` as a one-page A4 PDF with its verification QR code."""
    payload = declaration.payload
    batch, assessment = payload.get("batch", {}), payload.get("assessment", {})
    pdf = FPDF(format="A4")
    pdf.set_title(_latin1(f"{_('Soil-quality declaration')} {declaration.number}"))
    pdf.set_author(_latin1(payload.get("issuer", {}).get("name", "")))
    pdf.set_creation_date(declaration.issued_at)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(
        0,
        10,
        _latin1(_("Soil-quality declaration (milieuverklaring bodemkwaliteit)")),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 7, _latin1(f"{_('Number')}: {declaration.number}"), new_x="LMARGIN", new_y="NEXT")

    qr = io.BytesIO()
    verification_qr(verify_url).save(qr, kind="png", scale=6, border=2)
    qr.seek(0)
    pdf.image(qr, x=150, y=12, w=45, h=45)

    rows = [
        (_("Type"), _(DeclarationType(payload["type"]).label)),
        (_("Issued on"), formats.date_format(declaration.issued_on, "j F Y")),
        (_("Issuer"), _party(payload.get("issuer"))),
        (_("Batch"), batch.get("number", "")),
        (_("Material"), _(Material(batch.get("material", "grond")).label)),
        (_("Volume"), f"{batch.get('volume_m3')} m³"),
        (_("Mass"), f"{batch['mass_tonnes']} t" if batch.get("mass_tonnes") else "-"),
        (
            _("Place of origin"),
            f"{batch.get('origin', {}).get('site', '')}, {batch.get('origin', {}).get('address', '')}, "
            f"{batch.get('origin', {}).get('municipality', '')} "
            f"(RD {batch.get('origin', {}).get('x_rd', '')}, {batch.get('origin', {}).get('y_rd', '')})",
        ),
        (_("Quality class"), _class_label(assessment.get("quality_class", ""))),
        (_("Rule set"), assessment.get("rule_set", "")),
        (_("Lab report"), assessment.get("lab_report", "")),
        (_("Sampled on"), assessment.get("sampled_on") or "-"),
        (_("Analysed on"), assessment.get("analysed_on") or "-"),
        (_("Sampler"), _party(payload.get("parties", {}).get("sampler"))),
        (_("Laboratory"), _party(payload.get("parties", {}).get("laboratory"))),
    ]
    pdf.set_y(62)
    for label, value in rows:
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(45, 6, _latin1(label))
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(0, 6, _latin1(value), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(
        0, 6, _latin1(_("Recognitions this declaration relies on")), new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_font("Helvetica", "", 10)
    for claim in payload.get("relies_on", []):
        activity = activity_get(str(claim["activity"]))
        name = activity.name_nl if activity else claim["activity"]
        pdf.multi_cell(
            0, 6,
            _latin1(f"- {_role_label(str(claim['role']))}: KvK {claim['kvk']}, {name}, {claim['on']}"),
            new_x="LMARGIN", new_y="NEXT",
        )  # fmt: skip
    if declaration.status != "valid":
        pdf.ln(2)
        pdf.set_font("Helvetica", "B", 12)
        pdf.set_text_color(160, 0, 0)
        pdf.multi_cell(
            0, 7,
            _latin1(f"{_('NOT VALID')}: {_(DeclarationStatus(declaration.status).label)} ({declaration.status_since})"),
            new_x="LMARGIN", new_y="NEXT",
        )  # fmt: skip
        pdf.set_text_color(0, 0, 0)
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 8)
    pdf.multi_cell(
        0, 4,
        _latin1(
            f"{_('Signed with Ed25519, key')} {declaration.signing_key.key_id}. "
            f"{_('SHA-256 of the signed content')}: {payload_digest(payload)}. "
            f"{_('Signature')}: {declaration.signature}"
        ),
        new_x="LMARGIN", new_y="NEXT",
    )  # fmt: skip
    pdf.multi_cell(
        0, 4,
        _latin1(f"{_('Check whether this declaration is valid today')}: {verify_url}"),
        new_x="LMARGIN", new_y="NEXT",
    )  # fmt: skip
    return bytes(pdf.output())


def _role_label(value: str) -> str:
    try:
        return _(Role(value).label)
    except ValueError:
        return value


def _class_label(value: str) -> str:
    try:
        return str(QualityClass(value).label)
    except ValueError:
        return value or "-"
