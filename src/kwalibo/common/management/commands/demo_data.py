"""`kwalibo demo-data`: a reproducible demo of the whole platform, with one account per role.

Idempotent for `make run`: when the register already holds organisations the data is left
as it is; the demo accounts are (re)created and their password is set and printed each time,
so a user who lost the first output can still log in.
"""

import datetime as dt
import importlib
import os
import random
import secrets
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from kwalibo.accounts.models import User
from kwalibo.accounts.roles import BACK_OFFICE_ROLES, Role
from kwalibo.common.db import planner_statistics_refresh
from kwalibo.register.demo import demo_register_build
from kwalibo.register.models import CertifyingInstitution, Organisation, Recognition

DEMO_ACCOUNTS = [
    ("bodemplus", Role.RECOGNITION_OFFICE, "Bea", "Bodemplus"),
    ("ilt", Role.INSPECTORATE, "Ivo", "Inspecteur"),
    ("ci", Role.CERTIFYING_INSTITUTION, "Carla", "Certificeerder"),
    ("rva", Role.ACCREDITATION_BODY, "Ruud", "Accreditatie"),
    ("omgevingsdienst", Role.ENVIRONMENTAL_SERVICE, "Olga", "Omgevingsdienst"),
    ("bedrijf", Role.COMPANY, "Bart", "Bedrijf"),
]
# Apps that add their own demo on top of the register: module with demo_build(*, rng) -> str.
APP_DEMOS = ["kwalibo.passport.demo"]


class Command(BaseCommand):
    help = "Create a reproducible demo register and one demo account per role."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--organisations", type=int, default=400)
        parser.add_argument("--seed", type=int, default=2008)
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            default=None,
            help="reference day of the histories (default: today)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["today"] or dt.date.today()  # noqa: DTZ011 (a calendar day is meant)
        if Organisation.objects.exists():
            self.stdout.write("The register already holds data; demo data left as it is.")
        else:
            summary = demo_register_build(
                organisations=options["organisations"], seed=options["seed"], today=today
            )
            self.stdout.write(
                f"Demo register: {summary.organisations} organisations "
                f"({summary.institutions} certifying institutions), {summary.recognitions} "
                f"recognitions, {summary.decisions} decisions, {summary.persons} recognised persons."
            )
            planner_statistics_refresh()
            for name in APP_DEMOS:
                try:
                    module = importlib.import_module(name)
                except ModuleNotFoundError as missing:
                    if missing.name != name:
                        raise
                    continue
                builder = getattr(module, "demo_build", None)
                if builder is not None:
                    with transaction.atomic():
                        self.stdout.write(builder(rng=random.Random(options["seed"])))
        self._accounts()

    def _accounts(self) -> None:
        password = os.environ.get("KWALIBO_DEMO_PASSWORD") or secrets.token_urlsafe(12)
        institution = CertifyingInstitution.objects.filter(organisation__isnull=False).first()
        company = (
            Recognition.objects.filter(periods__status="granted", periods__recorded_to__isnull=True)
            .exclude(organisation__institution__isnull=False)
            .order_by("organisation__name")
            .values_list("organisation", flat=True)
            .first()
        )
        organisations = {
            Role.CERTIFYING_INSTITUTION: institution.organisation_id if institution else None,
            Role.COMPANY: company,
        }
        self.stdout.write("Demo accounts (log in at /accounts/login/):")
        for username, role, first, last in DEMO_ACCOUNTS:
            user, _ = User.objects.update_or_create(
                username=username,
                defaults={
                    "role": role,
                    "first_name": first,
                    "last_name": last,
                    "is_staff": role in BACK_OFFICE_ROLES,
                    "organisation_id": organisations.get(role),
                },
            )
            user.set_password(password)
            user.save(update_fields=["password"])
            self.stdout.write(f"  {username:<16} {Role(role).label!s}")
        self.stdout.write(f"Password of every demo account: {password}")
