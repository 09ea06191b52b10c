"""A realistic, reproducible demo register, written in bulk.

The same seed gives the same register. Histories are built as lists of domain decisions and
replayed by the lifecycle state machine, exactly as the services would, so every demo
history is a legal one; registration time is simulated decision by decision, so the
bi-temporal questions ("what did the register show on T?") have real answers in the demo.
Writing goes through `bulk_create` because the benchmark loads 10,000 organisations.
"""

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db import transaction

from kwalibo.audit.models import AuditEvent
from kwalibo.audit.services import SYSTEM_ACTOR
from kwalibo.register.domain.basis import Basis, CertificateKind
from kwalibo.register.domain.lifecycle import (
    GROUNDS,
    Decision,
    DecisionKind,
    Period,
    replay,
    suspension_end_limit,
)
from kwalibo.register.models import (
    Activity,
    Address,
    Certificate,
    CertifyingInstitution,
    NormDocument,
    Organisation,
    Person,
    RecognisedPerson,
    Recognition,
    RecognitionDecision,
    RecognitionStatusPeriod,
)
from kwalibo.register.services import recognition_number

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
FIRST_DAY = dt.date(2008, 7, 1)  # Besluit bodemkwaliteit in force for recognitions [BBK art 80]

# Places with a postcode area (first two digits) and streets that exist in many Dutch towns.
PLACES = [
    ("Amsterdam", 10), ("Rotterdam", 30), ("Den Haag", 25), ("Utrecht", 35),
    ("Eindhoven", 56), ("Groningen", 97), ("Tilburg", 50), ("Almere", 13),
    ("Breda", 48), ("Nijmegen", 65), ("Apeldoorn", 73), ("Arnhem", 68),
    ("Haarlem", 20), ("Enschede", 75), ("Amersfoort", 38), ("Zaandam", 15),
    ("'s-Hertogenbosch", 52), ("Zwolle", 80), ("Leeuwarden", 89), ("Maastricht", 62),
    ("Dordrecht", 33), ("Leiden", 23), ("Emmen", 78), ("Venlo", 59),
    ("Deventer", 74), ("Delft", 26), ("Alkmaar", 18), ("Heerlen", 64),
    ("Middelburg", 43), ("Assen", 94), ("Lelystad", 82), ("Goes", 44),
    ("Roosendaal", 47), ("Helmond", 57), ("Oss", 53), ("Gouda", 28),
    ("Hoorn", 16), ("Hengelo", 75), ("Doetinchem", 70), ("Sneek", 86),
]  # fmt: skip
STREETS = [
    "Industrieweg", "Havenstraat", "Stationsweg", "Kanaaldijk", "Nijverheidsweg",
    "Ambachtsweg", "Dorpsstraat", "Molenweg", "Energieweg", "Handelsweg", "Edisonstraat",
    "Transportweg", "Celsiusstraat", "Zuiderzeestraatweg", "Rijksweg", "Polderweg",
]  # fmt: skip
SURNAMES = [
    "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
    "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
    "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van Dijk",
    "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "Hoekstra",
]  # fmt: skip
TRADES = {
    # profile: (name cores, activity codes the firm works in)
    "advies": (
        ["Bodemadvies", "Milieuadvies", "Omgevingsadvies", "Geo-onderzoek", "Bodemonderzoek"],
        ["veldwerk", "monsterneming-partijkeuring", "milieukundige-begeleiding"],
    ),
    "aannemer": (
        ["Grondwerken", "Sanering", "Infra", "Civiele Techniek", "Bodemsanering"],
        ["bodemsanering", "mechanisch-boren", "aanleg-bodembescherming", "ibc-aanbrengen"],
    ),
    "tank": (
        ["Tankservice", "Tanktechniek", "Olietankservice"],
        ["tankinstallaties", "tankkeuring"],
    ),
    "lab": (
        ["Laboratorium", "Analytico", "Milieulab"],
        ["analyse-bodemonderzoek", "analyse-bouwstoffen-grond"],
    ),
    "grondbank": (
        ["Grondbank", "Grondreiniging", "Recycling", "Bouwstoffen"],
        ["productie-bouwstoffen", "bewerking-grond", "samenvoegen-partijen"],
    ),
    "energie": (
        ["Bodemenergie", "Warmtepomptechniek", "Geothermie Installaties"],
        ["bodemenergie-ondergronds", "bodemenergie-bovengronds", "mechanisch-boren"],
    ),
    "inspectie": (
        ["Inspectie", "Keuringen", "Controle & Advies"],
        ["inspectie-bodembescherming", "ibc-inspectie-aanleg", "ibc-controle", "mestbassins"],
    ),
}
PROFILE_WEIGHTS = {
    "advies": 30,
    "aannemer": 22,
    "tank": 10,
    "lab": 5,
    "grondbank": 12,
    "energie": 13,
    "inspectie": 8,
}
INSTITUTIONS = [
    ("Certibo", "Certibo Certificatie B.V."),
    ("NormaCert", "NormaCert Nederland B.V."),
    ("Terra Keur", "Stichting Terra Keur"),
    ("BodemCert", "BodemCert Instelling B.V."),
    ("Kwaliteitsbureau Delta", "Kwaliteitsbureau Delta B.V."),
    ("Inspecta Bodem", "Inspecta Bodem Certificatie B.V."),
]

# The shape of a history and how often it occurs (weights out of 100).
HISTORY_WEIGHTS = {
    "granted": 62,
    "amended": 8,
    "suspended_past": 6,
    "suspended_now": 3,
    "intent_open": 2,
    "revoked": 5,
    "revoked_on_request": 3,
    "lapsed": 3,
    "refused": 4,
    "pending": 4,
}


@dataclass
class DemoSummary:
    """What the demo load wrote, for the command's report."""

    organisations: int = 0
    institutions: int = 0
    recognitions: int = 0
    decisions: int = 0
    persons: int = 0
    by_history: dict[str, int] = field(default_factory=dict)


@dataclass
class _Step:
    decision: Decision
    reason: str
    scope: str = ""
    partial: bool = False


@dataclass
class _PlannedRecognition:
    organisation: Organisation
    activity: Activity
    certificate: Certificate
    steps: list[_Step]
    history: str
    scope: str = ""


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    if end <= start:
        return start
    return start + dt.timedelta(days=rng.randrange((end - start).days))


def _step(
    kind: DecisionKind,
    day: dt.date,
    ground: str,
    reason: str,
    *,
    until: dt.date | None = None,
    deadline: dt.date | None = None,
    scope: str = "",
) -> _Step:
    return _Step(
        Decision(
            kind=kind,
            decided_on=day,
            effective_from=day,
            ground=ground,
            effective_until=until,
            view_deadline=deadline,
        ),
        reason,
        scope,
    )


def _intent_then(
    steps: list[_Step],
    *,
    intent: DecisionKind,
    ground: str,
    day: dt.date,
    reason: str,
    with_view: bool,
) -> dt.date:
    """Append an intent (voornemen), optionally the holder's view, and return the first decision day."""
    deadline = day + dt.timedelta(days=14)  # two weeks for a view is the usual period [BP-WEIG]
    steps.append(_step(intent, day, ground, reason, deadline=deadline))
    if with_view:
        steps.append(
            _step(
                DecisionKind.VIEW_SUBMITTED,
                day + dt.timedelta(days=10),
                "view_submitted",
                "Zienswijze ontvangen van de houder.",
            )
        )
    return deadline + dt.timedelta(days=1)


def _history(rng: random.Random, kind: str, today: dt.date) -> list[_Step]:
    """A legal sequence of decisions of the given shape, ending before `today`."""

    if kind == "pending":
        applied = today - dt.timedelta(days=rng.randrange(3, 50))
        return [
            _step(
                DecisionKind.APPLICATION,
                applied,
                "application",
                "Aanvraag ontvangen via het loket.",
            )
        ]
    applied = _day(rng, FIRST_DAY, today - dt.timedelta(days=400))
    steps = [
        _step(DecisionKind.APPLICATION, applied, "application", "Aanvraag ontvangen via het loket.")
    ]
    decided = applied + dt.timedelta(days=rng.randrange(20, 56))  # within 8 weeks [BBK art 11]
    if kind == "refused":
        first = _intent_then(
            steps,
            intent=DecisionKind.INTENT_REFUSAL,
            ground="refusal_violation",
            day=decided,
            reason="Voornemen tot weigering: overtreding van het Bbk in de afgelopen drie jaar.",
            with_view=rng.random() < 0.5,
        )
        steps.append(
            _step(
                DecisionKind.REFUSAL,
                first + dt.timedelta(days=rng.randrange(0, 20)),
                "refusal_violation",
                "Aanvraag geweigerd: overtreding van het Bbk binnen drie jaar voor de aanvraag.",
            )
        )
        return steps
    steps.append(
        _step(DecisionKind.GRANT, decided, "grant", "Aan de voorwaarden voor erkenning is voldaan.")
    )
    later = _day(rng, decided + dt.timedelta(days=60), today - dt.timedelta(days=40))
    if kind == "amended":
        steps.append(
            _step(
                DecisionKind.AMENDMENT,
                later,
                "amendment",
                "Wijziging op verzoek van de houder: werkgebied aangepast.",
                scope=rng.choice(["landbodem", "landbodem en waterbodem", "alleen waterbodem"]),
            )
        )
    elif kind in ("suspended_past", "suspended_now"):
        if kind == "suspended_now":
            later = today - dt.timedelta(days=rng.randrange(30, 120))
        ground = rng.choice(["suspension_certificate", "suspension_violation"])
        first = _intent_then(
            steps,
            intent=DecisionKind.INTENT_SUSPENSION,
            ground=ground,
            day=later,
            reason="Voornemen tot schorsing na melding van de certificerende instelling.",
            with_view=rng.random() < 0.6,
        )
        start = first + dt.timedelta(days=rng.randrange(0, 10))
        months = rng.choice([3, 6, 12])
        until = min(start + dt.timedelta(days=30 * months), suspension_end_limit(start))
        if kind == "suspended_now":
            until = max(until, today + dt.timedelta(days=30))
        steps.append(
            _step(
                DecisionKind.SUSPENSION,
                start,
                ground,
                "Erkenning geschorst: het certificaat is door de CI geschorst.",
                until=until,
            )
        )
    elif kind == "intent_open":
        day = today - dt.timedelta(days=rng.randrange(1, 10))
        steps.append(
            _step(
                DecisionKind.INTENT_REVOCATION,
                day,
                "revocation_violation",
                "Voornemen tot intrekking na inspectie door de ILT.",
                deadline=day + dt.timedelta(days=14),
            )
        )
    elif kind == "revoked":
        ground = rng.choice(
            ["revocation_certificate", "revocation_violation", "revocation_bankruptcy"]
        )
        first = _intent_then(
            steps,
            intent=DecisionKind.INTENT_REVOCATION,
            ground=ground,
            day=later,
            reason="Voornemen tot intrekking.",
            with_view=rng.random() < 0.4,
        )
        steps.append(
            _step(
                DecisionKind.REVOCATION,
                first + dt.timedelta(days=rng.randrange(0, 14)),
                ground,
                "Erkenning ingetrokken.",
            )
        )
    elif kind == "revoked_on_request":
        steps.append(
            _step(
                DecisionKind.REVOCATION,
                later,
                "revocation_request",
                "Intrekking op verzoek van de houder: werkzaamheid beëindigd.",
            )
        )
    elif kind == "lapsed":
        steps.append(
            _step(
                DecisionKind.LAPSE,
                later,
                "lapse_holder_ceased",
                "Erkenning vervallen: de houder is opgeheven (uitschrijving KvK).",
            )
        )
    return steps


def _recorded_at(day: dt.date, minute: int) -> dt.datetime:
    """Decisions are registered on the day they are taken, during office hours."""
    return dt.datetime.combine(day, dt.time(9, 0), tzinfo=AMSTERDAM) + dt.timedelta(minutes=minute)


def _periods_over_registration_time(
    steps: Sequence[_Step], recorded: Sequence[dt.datetime]
) -> list[tuple[Period, dt.datetime, dt.datetime | None]]:
    """Replay the history decision by decision as the services do, keeping closed rows.

    Returns (period, recorded_from, recorded_to) triples; the decision index of each period
    points into `steps`.
    """
    rows: list[tuple[Period, dt.datetime, dt.datetime | None]] = []
    current: dict[tuple[object, ...], int] = {}  # period key -> index in rows
    for count in range(1, len(steps) + 1):
        now = recorded[count - 1]
        result = replay([s.decision for s in steps[:count]])
        wanted = {
            (p.status, p.valid_from, p.valid_to, p.decision_index, p.automatic): p
            for p in result.periods
        }
        for key, index in list(current.items()):
            if key not in wanted:
                period, since, _ = rows[index]
                rows[index] = (period, since, now)
                del current[key]
        for key, period in wanted.items():
            if key not in current:
                current[key] = len(rows)
                rows.append((period, now, None))
    return rows


class _Builder:
    def __init__(self, *, seed: int, today: dt.date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.activities = {
            a.code: a for a in Activity.objects.prefetch_related("norm_documents").all()
        }
        self.kvk_numbers = iter(self.rng.sample(range(10_000_000, 100_000_000), 200_000))
        self.certificate_serial = 0
        self.scopes: dict[int, set[int]] = {}  # institution id -> norm document ids

    def organisation(self, name: str) -> tuple[Organisation, Address]:
        city, area = self.rng.choice(PLACES)
        organisation = Organisation(
            name=name,
            kvk_number=str(next(self.kvk_numbers)),
            establishment_number=(
                f"{self.rng.randrange(10**11, 10**12)}" if self.rng.random() < 0.6 else ""
            ),
        )
        address = Address(
            organisation=organisation,
            street=self.rng.choice(STREETS),
            house_number=str(self.rng.randrange(1, 250)),
            postcode=f"{area}{self.rng.randrange(10, 100)} "
            f"{self.rng.choice('ABCDEGHJKLMNPRSTVWXZ')}{self.rng.choice('ABCDEGHJKLMNPRSTVWXZ')}",
            city=city,
        )
        return organisation, address

    def company_name(self, profile: str) -> str:
        cores = TRADES[profile][0]
        family = self.rng.choice(SURNAMES)
        family = family[0].upper() + family[1:]
        pattern = self.rng.randrange(4)
        core = self.rng.choice(cores)
        city = self.rng.choice(PLACES)[0]
        if pattern == 0:
            return f"{family} {core} B.V."
        if pattern == 1:
            return f"{core} {city} B.V."
        if pattern == 2:
            return f"{core}bureau {family}"
        return f"{family} & Zn. {core} B.V."

    def norm_document(self, activity: Activity, kind: CertificateKind) -> NormDocument | None:
        documents = list(activity.norm_documents.all())
        wanted = [
            d
            for d in documents
            if d.code.startswith("AS ") == (kind is CertificateKind.ACCREDITATION)
        ]
        pool = wanted or documents
        return self.rng.choice(pool) if pool else None

    def certificate(
        self,
        *,
        holder: Organisation,
        activity: Activity,
        steps: Sequence[_Step],
        institutions: Sequence[CertifyingInstitution],
    ) -> Certificate | None:
        basis = Basis(activity.basis)
        if basis is Basis.EITHER:
            kind = (
                CertificateKind.CERTIFICATE
                if self.rng.random() < 0.8
                else CertificateKind.ACCREDITATION
            )
        else:
            kind = CertificateKind(basis.value)
        document = self.norm_document(activity, kind)
        if document is None:
            return None
        first = steps[0].decision.decided_on
        issued = first - dt.timedelta(days=self.rng.randrange(20, 200))
        last = steps[-1].decision
        ended = last.kind in (
            DecisionKind.REVOCATION,
            DecisionKind.LAPSE,
            DecisionKind.REFUSAL,
        )
        # Certificates run for a few years and are renewed; an active recognition rests on one
        # that is still valid today.
        expires = (
            max(issued + dt.timedelta(days=3 * 365), last.decided_on + dt.timedelta(days=30))
            if ended
            else self.today + dt.timedelta(days=self.rng.randrange(60, 3 * 365))
        )
        state = Certificate.State.VALID
        if ended and last.ground == "revocation_certificate":
            state = Certificate.State.WITHDRAWN
        elif any(s.decision.kind is DecisionKind.SUSPENSION for s in steps) and (
            last.effective_until and last.effective_until >= self.today
        ):
            state = Certificate.State.SUSPENDED
        self.certificate_serial += 1
        institution = None
        prefix = "RvA-L"
        if kind is CertificateKind.CERTIFICATE:
            candidates = [i for i in institutions if document.pk in self.scopes.get(i.pk, set())]
            institution = self.rng.choice(candidates or list(institutions))
            prefix = institution.short_name[:3].upper()
        return Certificate(
            number=f"{prefix}-{self.certificate_serial:06d}",
            kind=kind.value,
            holder=holder,
            norm_document=document,
            institution=institution,
            issued_on=issued,
            expires_on=expires,
            state=state,
        )


def _write_recognitions(
    planned: Sequence[_PlannedRecognition], rng: random.Random, today: dt.date
) -> tuple[int, int]:
    """Bulk-write recognitions, decisions, status periods, persons and their audit events."""
    recognitions = Recognition.objects.bulk_create(
        Recognition(
            number=f"tmp-{index}",
            organisation=p.organisation,
            activity=p.activity,
            certificate=p.certificate,
            scope=p.scope,
        )
        for index, p in enumerate(planned)
    )
    for recognition in recognitions:
        recognition.number = recognition_number(recognition.pk)
    Recognition.objects.bulk_update(recognitions, ["number"], batch_size=2000)

    decision_rows: list[RecognitionDecision] = []
    recorded_per_plan: list[list[dt.datetime]] = []
    for recognition, plan in zip(recognitions, planned, strict=True):
        recorded = [_recorded_at(s.decision.decided_on, rng.randrange(480)) for s in plan.steps]
        recorded_per_plan.append(recorded)
        for step, at in zip(plan.steps, recorded, strict=True):
            d = step.decision
            decision_rows.append(
                RecognitionDecision(
                    recognition=recognition,
                    kind=d.kind.value,
                    decided_on=d.decided_on,
                    effective_from=d.effective_from,
                    effective_until=d.effective_until,
                    view_deadline=d.view_deadline,
                    ground=d.ground,
                    article=GROUNDS[d.ground].article,
                    reason=step.reason,
                    partial=step.partial,
                    scope=step.scope,
                    decided_by_display="Bodem+ (demo)",
                    recorded_at=at,
                )
            )
    decision_rows = RecognitionDecision.objects.bulk_create(decision_rows, batch_size=2000)

    period_rows: list[RecognitionStatusPeriod] = []
    audit_rows: list[AuditEvent] = []
    offset = 0
    for recognition, plan, recorded in zip(recognitions, planned, recorded_per_plan, strict=True):
        rows = decision_rows[offset : offset + len(plan.steps)]
        offset += len(plan.steps)
        for period, since, until in _periods_over_registration_time(plan.steps, recorded):
            period_rows.append(
                RecognitionStatusPeriod(
                    recognition=recognition,
                    status=period.status.value,
                    valid_from=period.valid_from,
                    valid_to=period.valid_to,
                    recorded_from=since,
                    recorded_to=until,
                    decision=rows[period.decision_index],
                    automatic=period.automatic,
                )
            )
        audit_rows.extend(
            AuditEvent(
                actor_display=SYSTEM_ACTOR,
                action=f"recognition.{row.kind}",
                object_type="register.recognition",
                object_id=str(recognition.pk),
                object_repr=f"{recognition.number} {plan.organisation.name}"[:300],
                changes={"decision": [None, f"{row.kind} {row.decided_on}"], "source": "demo"},
                reason=row.reason,
                legal_ground=row.article,
            )
            for row in rows
        )
    RecognitionStatusPeriod.objects.bulk_create(period_rows, batch_size=2000)
    AuditEvent.objects.bulk_create(audit_rows, batch_size=2000)
    return len(decision_rows), _write_persons(recognitions, planned, rng, today)


def _write_persons(
    recognitions: Sequence[Recognition],
    planned: Sequence[_PlannedRecognition],
    rng: random.Random,
    today: dt.date,
) -> int:
    """Recognised persons (Rbk art 2.3) on granted recognitions of activities that register them."""
    people: list[Person] = []
    registrations: list[tuple[Recognition, int, dt.date, dt.date | None]] = []
    for recognition, plan in zip(recognitions, planned, strict=True):
        grant = next((s for s in plan.steps if s.decision.kind is DecisionKind.GRANT), None)
        if not plan.activity.registers_persons or grant is None:
            continue
        for _ in range(rng.randrange(1, 5)):
            surname = rng.choice(SURNAMES)
            prefix, _, last = surname.rpartition(" ")
            people.append(
                Person(
                    initials=".".join(rng.sample("ABCDEFGHIJKLMNPRSTW", rng.randrange(1, 3))) + ".",
                    surname_prefix=prefix,
                    surname=last,
                    date_of_birth=_day(rng, dt.date(1960, 1, 1), dt.date(1998, 12, 31)),
                )
            )
            start = grant.decision.effective_from
            end = (
                _day(rng, start + dt.timedelta(days=200), today)
                if rng.random() < 0.15 and (today - start).days > 400
                else None
            )
            registrations.append((recognition, len(people) - 1, start, end))
    people = Person.objects.bulk_create(people, batch_size=2000)
    RecognisedPerson.objects.bulk_create(
        (
            RecognisedPerson(
                recognition=recognition,
                person=people[index],
                vog_date=start - dt.timedelta(days=rng.randrange(5, 150)),
                valid_from=start,
                valid_to=end,
                recorded_from=_recorded_at(start, 30),
                reason="Persoon geregistreerd bij de verlening."
                if end is None
                else "Persoon uitgeschreven: uit dienst.",
            )
            for recognition, index, start, end in registrations
        ),
        batch_size=2000,
    )
    return len(registrations)


def _institutions(builder: _Builder) -> list[CertifyingInstitution]:
    """Certifying institutions, each with its own register entry and a recognition for activity b."""
    documents = list(NormDocument.objects.filter(code__startswith="BRL"))
    organisations, addresses = [], []
    for _, legal_name in INSTITUTIONS:
        organisation, address = builder.organisation(legal_name)
        organisations.append(organisation)
        addresses.append(address)
    Organisation.objects.bulk_create(organisations)
    for organisation, address in zip(organisations, addresses, strict=True):
        address.organisation = organisation
    Address.objects.bulk_create(addresses)
    institutions = CertifyingInstitution.objects.bulk_create(
        CertifyingInstitution(
            organisation=organisation,
            short_name=short,
            accreditation_number=f"C{builder.rng.randrange(100, 700):03d}",
        )
        for organisation, (short, _) in zip(organisations, INSTITUTIONS, strict=True)
    )
    for index, institution in enumerate(institutions):
        # Every norm document is in the scope of at least two institutions.
        scope = [d for j, d in enumerate(documents) if j % len(institutions) in (index, index - 1)]
        scope += builder.rng.sample(documents, k=min(10, len(documents)))
        institution.scope.set(set(scope))
        builder.scopes[institution.pk] = {d.pk for d in scope}
    return list(institutions)


def _ci_recognitions(
    builder: _Builder, institutions: Sequence[CertifyingInstitution]
) -> list[_PlannedRecognition]:
    """Certifying institutions are recognised for activity b on an RvA accreditation."""
    activity = builder.activities.get("kwaliteitsverklaringen")
    if activity is None:
        return []
    planned = []
    for institution in institutions:
        steps = _history(builder.rng, "granted", builder.today)
        certificate = builder.certificate(
            holder=institution.organisation,  # type: ignore[arg-type]
            activity=activity,
            steps=steps,
            institutions=institutions,
        )
        if certificate is not None:
            planned.append(
                _PlannedRecognition(
                    institution.organisation,  # type: ignore[arg-type]
                    activity,
                    certificate,
                    steps,
                    "granted",
                )
            )
    return planned


@transaction.atomic
def demo_register_build(*, organisations: int, seed: int, today: dt.date) -> DemoSummary:
    """Create a demo register with `organisations` companies (plus certifying institutions).

    Args:
        organisations: number of companies, spread over all activities except those of CIs.
        seed: the same seed gives the same register.
        today: the reference day; histories end before it.
    """
    builder = _Builder(seed=seed, today=today)
    rng = builder.rng
    summary = DemoSummary()
    institutions = _institutions(builder)
    summary.institutions = len(institutions)

    profiles = list(PROFILE_WEIGHTS)
    weights = list(PROFILE_WEIGHTS.values())
    histories = list(HISTORY_WEIGHTS)
    history_weights = list(HISTORY_WEIGHTS.values())
    companies: list[tuple[Organisation, Address, str]] = []
    for _ in range(organisations):
        profile = rng.choices(profiles, weights)[0]
        organisation, address = builder.organisation(builder.company_name(profile))
        companies.append((organisation, address, profile))
    Organisation.objects.bulk_create([c[0] for c in companies], batch_size=2000)
    for organisation, address, _ in companies:
        address.organisation = organisation
    Address.objects.bulk_create([c[1] for c in companies], batch_size=2000)
    summary.organisations = len(companies) + len(institutions)

    planned = _ci_recognitions(builder, institutions)
    for organisation, _, profile in companies:
        codes = [c for c in TRADES[profile][1] if c in builder.activities]
        for code in rng.sample(codes, k=min(len(codes), rng.choice([1, 1, 2, 2, 3]))):
            history = rng.choices(histories, history_weights)[0]
            steps = _history(rng, history, today)
            activity = builder.activities[code]
            certificate = builder.certificate(
                holder=organisation, activity=activity, steps=steps, institutions=institutions
            )
            if certificate is None:
                continue
            amended = next((s.scope for s in steps if s.scope), "")
            planned.append(
                _PlannedRecognition(organisation, activity, certificate, steps, history, amended)
            )
            summary.by_history[history] = summary.by_history.get(history, 0) + 1
    certificates = Certificate.objects.bulk_create(
        [p.certificate for p in planned], batch_size=2000
    )
    for plan, certificate in zip(planned, certificates, strict=True):
        plan.certificate = certificate
    summary.recognitions = len(planned)
    summary.decisions, summary.persons = _write_recognitions(planned, rng, today)
    return summary
