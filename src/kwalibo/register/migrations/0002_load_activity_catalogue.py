"""Load the designated activities and norm documents (Rbk 2015 art 2.1, Bijlage C).

Reads register/data/activities.csv and norm_documents.csv, which cite their source per row.
"""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"


def load(apps, schema_editor):
    Activity = apps.get_model("register", "Activity")
    NormDocument = apps.get_model("register", "NormDocument")
    with open(DATA / "activities.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            Activity.objects.update_or_create(
                code=row["code"],
                defaults={
                    "letter": row["letter"],
                    "category": int(row["category"]),
                    "name_nl": row["name_nl"],
                    "name_en": row["name_en"],
                    "basis": row["basis"],
                    "registers_persons": row["registers_persons"] == "true",
                    "person_title_nl": row["person_title_nl"],
                    "person_title_en": row["person_title_en"],
                    "independence": row["independence"],
                    "legal_source": row["legal_source"],
                },
            )
    by_letter = {a.letter: a for a in Activity.objects.all()}
    with open(DATA / "norm_documents.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            document, _ = NormDocument.objects.update_or_create(
                code=row["code"],
                defaults={
                    "title": row["title"][:400],
                    "version": row["version"][:200],
                    "scheme_manager": row["scheme_manager"],
                    "legal_source": row["legal_source"],
                },
            )
            document.activities.set([by_letter[letter] for letter in row["activity_letters"].split()])


def unload(apps, schema_editor):
    apps.get_model("register", "NormDocument").objects.all().delete()
    apps.get_model("register", "Activity").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("register", "0001_register_schema")]

    operations = [migrations.RunPython(load, unload)]
