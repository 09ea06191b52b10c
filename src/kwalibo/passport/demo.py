"""A realistic soil-flow passport demo on top of the demo register (`kwalibo demo-data`).

Everything goes through the passport services: sites, batches with
their assessment, signed declarations (one withdrawn), notifications filed five working
days ahead, consignments whose steps are confirmed by their own parties, a split, a merge
at a soil bank, a receipt with a discrepancy and an open revision request. Parties are
taken from the register only where they held the recognition on the day of their work, so
every declaration verifies. The demo acts for organisations without user accounts
(`acting_for`; the audit trail records the system). The demo company account (`bedrijf`)
is the disposer of the first project, so it sees its own passport after logging in.
"""

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from kwalibo.common.domain.errors import DomainError
from kwalibo.passport import services
from kwalibo.passport.domain.custody import Purpose
from kwalibo.passport.domain.declarations import DeclarationType, Material
from kwalibo.passport.domain.notifications import Framework, NotificationKind
from kwalibo.passport.domain.working_days import notification_latest_filing_day
from kwalibo.passport.models import Batch, Consignment, Site
from kwalibo.register.models import Organisation, Recognition
from kwalibo.register.selectors import periods_on

# (project code, name, municipality, origin RD x/y, application RD x/y, function class)
PROJECTS = [
    (
        "A35-GW",
        "Geluidswal A35 Hengelo",
        "Hengelo",
        (258150, 471240),
        (250400, 476900),
        "industrie",
    ),
    ("ZW-HOVEN", "Woonwijk De Hoven", "Zwolle", (203300, 502100), (206800, 499700), "wonen"),
    (
        "RTM-KADE",
        "Herinrichting Maaskade",
        "Rotterdam",
        (92800, 436200),
        (88400, 433900),
        "industrie",
    ),
]
DEPOT = ("Gronddepot Twentekanaal", "Hengelo", (247900, 473600))
PLANT = ("Grondreinigingsinstallatie Botlek", "Rotterdam", (76200, 436400))
CLASSES = ["achtergrondwaarde", "wonen", "wonen", "industrie"]


@dataclass
class _Summary:
    batches: int = 0
    declarations: int = 0
    withdrawn: int = 0
    notifications: int = 0
    consignments: int = 0
    steps: int = 0
    skipped: list[str] = field(default_factory=list)


def _recognised(code: str, on: dt.date) -> list[Organisation]:
    ids = (
        periods_on(on=on)
        .filter(status="granted", recognition__activity__code=code)
        .values_list("recognition__organisation", flat=True)
    )
    return list(
        Organisation.objects.filter(pk__in=set(ids), institution__isnull=True).order_by("pk")
    )


def _demo_company() -> Organisation | None:
    """The organisation the `bedrijf` demo account will act for (same rule as demo-data)."""
    organisation_id = (
        Recognition.objects.filter(periods__status="granted", periods__recorded_to__isnull=True)
        .exclude(organisation__institution__isnull=False)
        .order_by("organisation__name")
        .values_list("organisation", flat=True)
        .first()
    )
    if organisation_id is None:
        return None
    return Organisation.objects.filter(pk=organisation_id).first()


def demo_build(*, rng: random.Random) -> str:
    """Add the passport demo to the demo register; return a one-line summary."""
    today = timezone.localdate()
    sampled_on = today - dt.timedelta(days=70)
    analysed_on = sampled_on + dt.timedelta(days=4)
    samplers = _recognised("monsterneming-partijkeuring", sampled_on)
    labs = [o for o in _recognised("analyse-bouwstoffen-grond", analysed_on) if o not in samplers]
    if not samplers or not labs:
        return "Bodempaspoort: overgeslagen (geen erkende monsternemer of laboratorium in het register)."
    mergers = _recognised("samenvoegen-partijen", today - dt.timedelta(days=20))
    processors = _recognised("bewerking-grond", today - dt.timedelta(days=30))
    busy = set(samplers[:1] + labs[:1])
    others = list(
        Organisation.objects.filter(institution__isnull=True)
        .exclude(pk__in=[o.pk for o in busy])
        .order_by("pk")
    )
    company = _demo_company()
    disposers = [company] if company is not None else []
    disposers += rng.sample(others, k=min(len(PROJECTS), len(others)))
    transporters = rng.sample(others, k=min(3, len(others)))
    summary = _Summary()
    soil_bank = mergers[0] if mergers else None
    plant_operator = processors[0] if processors else None

    depot = None
    if soil_bank is not None:
        depot = services.site_register(
            actor=None, acting_for=soil_bank, name=DEPOT[0], kind="storage", frame="grond", address="Twentekanaal-Zuid 12",
            municipality=DEPOT[1], x_rd=DEPOT[2][0], y_rd=DEPOT[2][1], operator_kvk=soil_bank.kvk_number,
            quality_class="industrie",
        )  # fmt: skip
    plant = None
    if plant_operator is not None:
        plant = services.site_register(
            actor=None, acting_for=plant_operator, name=PLANT[0], kind="processing", frame="grond",
            address="Botlekweg 100", municipality=PLANT[1], x_rd=PLANT[2][0], y_rd=PLANT[2][1],
            operator_kvk=plant_operator.kvk_number,
        )  # fmt: skip

    withdrawn_done = False
    for index, (code, name, municipality, origin_xy, application_xy, function_class) in enumerate(
        PROJECTS
    ):
        disposer = disposers[index % len(disposers)]
        project = services.project_create(actor=None, acting_for=disposer, code=code, name=name)
        origin = services.site_register(
            actor=None, acting_for=disposer, name=f"Ontgraving {name}", kind="excavation", frame="grond",
            address=f"Projectlocatie {name}", municipality=municipality, x_rd=origin_xy[0],
            y_rd=origin_xy[1], project=project,
        )  # fmt: skip
        application = services.site_register(
            actor=None, acting_for=disposer, name=f"Toepassing {name}", kind="application", frame="grond",
            address=f"Toepassingslocatie {name}", municipality=municipality, x_rd=application_xy[0],
            y_rd=application_xy[1], project=project, function_class=function_class,
            quality_class="wonen" if function_class == "wonen" else "industrie",
        )  # fmt: skip
        batches = []
        for number in range(rng.randint(3, 5)):
            volume = Decimal(rng.randrange(80, 900, 10))
            batch = services.batch_register(
                actor=None, acting_for=disposer, origin_site=origin, material=Material.SOIL, volume_m3=volume,
                mass_tonnes=(volume * Decimal("1.7")).quantize(Decimal("1")),
                declaration_type=DeclarationType.BATCH_INSPECTION_SOIL,
                excavated_on=sampled_on - dt.timedelta(days=5 + number), project=project,
            )  # fmt: skip
            quality_class = rng.choice(CLASSES)
            services.batch_assessment_record(
                actor=None,
                acting_for=disposer,
                batch=batch,
                result=services.AssessmentResult(
                    frame="grond",
                    quality_class=quality_class,
                    rule_set="Rbk 2015 Bijlage B tabel 1 (demo)",
                    explanation={
                        "verdicts": [{"sample": f"MM{m}", "class": quality_class} for m in (1, 2)]
                    },
                    lab_report_reference=f"AR-{today.year}-{rng.randrange(10000, 99999)}",
                ),
                sampler_kvk=rng.choice(samplers).kvk_number,
                laboratory_kvk=rng.choice(labs).kvk_number,
                sampled_on=sampled_on,
                analysed_on=analysed_on,
            )
            declaration = services.declaration_issue(
                actor=None,
                acting_for=disposer,
                batch=batch,
                issued_on=analysed_on + dt.timedelta(days=2),
            )
            summary.batches += 1
            summary.declarations += 1
            if not withdrawn_done and index == 0 and number == 1:
                services.declaration_withdraw(
                    actor=None,
                    acting_for=disposer,
                    declaration=declaration,
                    reason="Ingetrokken: monsternemingsformulier hoorde bij een andere partij.",
                )
                summary.withdrawn += 1
                withdrawn_done = True
                continue
            batches.append(batch)
        _flows(
            rng, disposer, batches, origin, application, depot, plant, transporters, today, summary
        )

    summary_line = (
        f"Bodempaspoort: {len(PROJECTS)} projecten, {summary.batches} partijen, "
        f"{summary.declarations} milieuverklaringen ({summary.withdrawn} ingetrokken), "
        f"{summary.notifications} meldingen, {summary.consignments} zendingen met {summary.steps} bevestigde stappen"
    )
    if summary.skipped:
        summary_line += f"; overgeslagen: {', '.join(summary.skipped)}"
    return summary_line + "."


def _confirm_all(
    consignment: Consignment, start: dt.date, received: Decimal | None, summary: _Summary
) -> None:
    for step in consignment.steps.order_by("sequence"):
        quantity = consignment.quantity_m3
        if step.kind == "receipt" and received is not None:
            quantity = received
        services.custody_step_confirm(
            actor=None,
            acting_for=step.party,
            step=step,
            quantity_m3=quantity,
            occurred_on=start,
            vehicle="BX-123-Z" if step.kind == "transport" else "",
        )
        summary.steps += 1


def _flows(
    rng: random.Random,
    disposer: Organisation,
    batches: list[Batch],
    origin: Site,
    application: Site,
    depot: Site | None,
    plant: Site | None,
    transporters: list[Organisation],
    today: dt.date,
    summary: _Summary,
) -> None:
    """Moves for the batches of one project: storage at the depot, processing, application."""
    start = today - dt.timedelta(days=30)
    filed = notification_latest_filing_day(start) - dt.timedelta(days=1)
    for position, batch in enumerate(batches):
        transporter = rng.choice(transporters).kvk_number
        if position == 0 and depot is not None and depot.operator is not None:
            services.notification_file(
                actor=None, acting_for=disposer, kind=NotificationKind.STORAGE, batch=batch, site=depot, starts_on=start,
                quantity_m3=batch.volume_m3, duration_days=240, filed_on=filed,
            )  # fmt: skip
            summary.notifications += 1
            half = (batch.volume_m3 / 2).quantize(Decimal("0.001"))
            first = services.consignment_plan(
                actor=None, acting_for=disposer, batch=batch, from_site=origin, to_site=depot, purpose=Purpose.STORAGE,
                quantity_m3=half, planned_on=start, transporter_kvks=[transporter],
                receiver_kvk=depot.operator.kvk_number,
            )  # fmt: skip
            summary.consignments += 1
            _confirm_all(first, start, half - Decimal("2.5"), summary)  # weighed 2.5 m³ less
            receipt = first.steps.get(kind="receipt")
            services.custody_revision_request(
                actor=None, acting_for=depot.operator, step=receipt, changes={"quantity_m3": str(half)},
                reason="Weegbrug herijkt: ontvangen hoeveelheid gelijk aan verzonden.",
            )  # fmt: skip
            second = services.consignment_plan(
                actor=None, acting_for=disposer, batch=batch, from_site=origin, to_site=depot, purpose=Purpose.STORAGE,
                quantity_m3=batch.volume_m3 - half, planned_on=today, transporter_kvks=[transporter],
                receiver_kvk=depot.operator.kvk_number,
            )  # fmt: skip
            summary.consignments += 1
            services.custody_step_confirm(
                actor=None, acting_for=disposer, step=second.steps.get(kind="origin"), quantity_m3=second.quantity_m3,
                occurred_on=today,
            )  # fmt: skip
            summary.steps += 1  # in transit now
        elif position == 1 and plant is not None and plant.operator is not None:
            consignment = services.consignment_plan(
                actor=None, acting_for=disposer, batch=batch, from_site=origin, to_site=plant, purpose=Purpose.PROCESSING,
                quantity_m3=batch.volume_m3, planned_on=start, transporter_kvks=[transporter],
                receiver_kvk=plant.operator.kvk_number,
            )  # fmt: skip
            summary.consignments += 1
            _confirm_all(consignment, start, None, summary)
        elif position == 2:
            parts = [
                (batch.volume_m3 * Decimal("0.6")).quantize(Decimal("0.001")),
                (batch.volume_m3 * Decimal("0.4")).quantize(Decimal("0.001")),
            ]
            services.batch_split(
                actor=None,
                acting_for=disposer,
                batch=batch,
                site=origin,
                parts_m3=parts,
                split_on=start - dt.timedelta(days=3),
            )
            summary.batches += 2
        else:
            try:
                notification = services.notification_file(
                    actor=None, acting_for=disposer, kind=NotificationKind.APPLICATION, batch=batch, site=application,
                    starts_on=start, quantity_m3=batch.volume_m3, framework=Framework.GENERIC, filed_on=filed,
                )  # fmt: skip
            except DomainError:
                # Without the toetsing engine's application check (or when the location's
                # classes do not allow the batch) the application is not notified.
                if "toepassing" not in summary.skipped:
                    summary.skipped.append("toepassing")
                continue
            summary.notifications += 1
            applier = notification.applier.kvk_number
            consignment = services.consignment_plan(
                actor=None, acting_for=disposer, batch=batch, from_site=origin, to_site=application,
                purpose=Purpose.APPLICATION, quantity_m3=batch.volume_m3, planned_on=start,
                transporter_kvks=[transporter], receiver_kvk=applier, applier_kvk=applier,
            )  # fmt: skip
            summary.consignments += 1
            _confirm_all(consignment, start, None, summary)
