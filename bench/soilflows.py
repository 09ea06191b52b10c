"""Benchmark: the volume balance over all sites with 1,000,000 batches and 5,000,000 movements.

Fills a fresh PostgreSQL database (migrated with the app's schema) with generated soil flows
in bulk SQL: 1,000 organisations, 5,000 projects, 20,000 sites, N batches (default
1,000,000) with one declaration each, and 1.25·N/1e6 million consignments of four custody
steps each (origin, transport, receipt, application: 5,000,000 movements). 2 % of the
consignments are still in transit, about 1 % were received with a difference and 0.025 % of
the batches are over-applied, so the balance has discrepancies to find.

Then it times, as the median of --repeat runs:

* the app's volume-balance statement (`kwalibo.passport.selectors.volume_balance_sql`,
  one SQL statement over all sites) on PostgreSQL, and the full selector
  `site_balances()` (statement + Python rows with their discrepancies);
* the same statement on DuckDB over the same data (generated in DuckDB with the same
  formulas), and DuckDB's raw ``GROUP BY site, kind`` over the movements, as the floor of
  what a columnar engine needs to sum them;
* PostgreSQL's raw ``GROUP BY site, kind`` for comparison.

It checks that PostgreSQL and DuckDB give the same totals, and prints the Markdown rows of
the table in bench/README.md.

    .venv/bin/python bench/soilflows.py [--batches 1000000] [--repeat 3]
        [--database-url postgres://postgres@127.0.0.1:5432/kwalibo_bench_soilflows]
"""

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
KWALIBO = str(Path(sys.executable).parent / "kwalibo")
ORGANISATIONS, PROJECTS, SITES = 1_000, 5_000, 20_000

# One formula per column, shared by PostgreSQL and DuckDB so both hold the same data.
# Site kind by id % 10: 0-4 excavation, 5-7 application, 8 storage, 9 processing.
SITE_KIND = "CASE WHEN s % 10 < 5 THEN 'excavation' WHEN s % 10 < 8 THEN 'application' WHEN s % 10 = 8 THEN 'storage' ELSE 'processing' END"
BATCH_SITE = "(10 * (1 + (b * 7) % 1999) + b % 5)"  # an excavation site
BATCH_VOLUME = "CAST((b * 37) % 900 + 10 AS DECIMAL(14, 3))"
CONSIGNMENT_BATCH = "((c - 1) % {batches} + 1)"
CONSIGNMENT_TO = "(10 * (1 + (c * 13) % 1999) + 5 + c % 3)"  # an application site
# Half the batch per consignment; one in a thousand of the second consignments takes 60 %.
CONSIGNMENT_QUANTITY = (
    "CAST(CASE WHEN c > {batches} AND c % 1000 = 7 THEN ((cb * 37) % 900 + 10) * 0.6 "
    "ELSE ((cb * 37) % 900 + 10) * 0.5 END AS DECIMAL(14, 3))"
)


def reset_database(url: str) -> None:
    import psycopg

    parts = urllib.parse.urlparse(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def postgres_fill(cursor: Any, batches: int) -> None:
    consignments = batches * 5 // 4
    b_site, b_volume = BATCH_SITE, BATCH_VOLUME
    c_batch = CONSIGNMENT_BATCH.format(batches=batches)
    quantity = CONSIGNMENT_QUANTITY.format(batches=batches)
    statements = [
        f"""INSERT INTO register_organisation (id, name, kvk_number, establishment_number, created_at, updated_at)
            SELECT o, 'Organisatie ' || o, lpad(o::text, 8, '0'), '', now(), now()
              FROM generate_series(1, {ORGANISATIONS}) o""",
        f"""INSERT INTO passport_project (id, code, name, created_at, client_id)
            SELECT p, 'P' || p, 'Project ' || p, now(), p % {ORGANISATIONS} + 1
              FROM generate_series(1, {PROJECTS}) p""",
        f"""INSERT INTO passport_site (id, name, kind, frame, address, municipality, competent_authority,
                x_rd, y_rd, function_class, quality_class, created_at, project_id, operator_id)
            SELECT s, 'Locatie ' || s, {SITE_KIND}, 'grond', 'Adres ' || s, 'Gemeente', '',
                   10000 + (s * 7919) % 270000, 300000 + (s * 104729) % 320000, '', '', now(),
                   s % {PROJECTS} + 1, s % {ORGANISATIONS} + 1
              FROM generate_series(1, {SITES}) s""",
        """INSERT INTO passport_signingkey (id, key_id, algorithm, public_key, encrypted_private_key,
                encryption, created_at, organisation_id)
            VALUES (1, 'bench', 'Ed25519', '', '', '', now(), 1)""",
        f"""INSERT INTO passport_batch (id, number, material, volume_m3, declaration_type, quality_scheme,
                provenance, state, merge_needed_recognition, quality_class, assessment_frame,
                assessment_rule_set, assessment_explanation, lab_report_reference, created_at,
                holder_id, project_id, origin_site_id, site_id)
            SELECT b, 'P-' || b, 'grond', {b_volume}, 'partijkeuring_grond', '', 'excavated', 'active',
                   false, 'wonen', 'grond', '', '{{}}', '', now(), b % {ORGANISATIONS} + 1,
                   {b_site} % {PROJECTS} + 1, {b_site}, {b_site}
              FROM generate_series(1, {batches}) b""",
        f"""INSERT INTO passport_declaration (id, number, declaration_type, payload, signature, issued_on,
                issued_at, status, status_reason, batch_id, issuer_id, signing_key_id)
            SELECT b, 'MVB-' || b, 'partijkeuring_grond', '{{}}', '', current_date, now(), 'valid', '',
                   b, b % {ORGANISATIONS} + 1, 1
              FROM generate_series(1, {batches}) b""",
        f"""INSERT INTO passport_consignment (id, number, purpose, quantity_m3, planned_on, state,
                created_at, cancelled_reason, batch_id, declaration_id, from_site_id, to_site_id)
            SELECT c, 'Z-' || c, 'application', {quantity}, current_date,
                   CASE WHEN c % 50 = 0 THEN 'dispatched' ELSE 'completed' END, now(), '', cb, cb,
                   {BATCH_SITE.replace("b", "cb")}, {CONSIGNMENT_TO}
              FROM (SELECT c, {c_batch} AS cb FROM generate_series(1, {consignments}) c) g""",
        """INSERT INTO passport_custodystep (id, sequence, kind, quantity_m3, occurred_on, vehicle, remarks,
                confirmed_at, consignment_id, party_id, site_id)
            SELECT 4 * (c.id - 1) + k + 1, k,
                   (ARRAY['origin', 'transport', 'receipt', 'application'])[k + 1],
                   CASE WHEN k >= 2 AND c.id % 97 = 0 THEN c.quantity_m3 - 0.5 ELSE c.quantity_m3 END,
                   current_date, '', '',
                   CASE WHEN k = 0 OR c.id % 50 <> 0 THEN now() END,
                   c.id, (c.id + k) % 1000 + 1,
                   CASE k WHEN 0 THEN c.from_site_id WHEN 1 THEN NULL ELSE c.to_site_id END
              FROM passport_consignment c CROSS JOIN generate_series(0, 3) k""",
    ]
    for statement in statements:
        cursor.execute(statement)
    cursor.execute("ANALYZE")


def duckdb_fill(connection: Any, batches: int) -> None:
    consignments = batches * 5 // 4
    c_batch = CONSIGNMENT_BATCH.format(batches=batches)
    quantity = CONSIGNMENT_QUANTITY.format(batches=batches)
    connection.execute(
        f"""CREATE TABLE passport_batch AS
            SELECT b AS id, {BATCH_SITE} % {PROJECTS} + 1 AS project_id, {BATCH_SITE} AS site_id,
                   'excavated' AS provenance, {BATCH_VOLUME} AS volume_m3
              FROM range(1, {batches} + 1) t(b)"""
    )
    connection.execute(
        f"CREATE TABLE passport_declaration AS SELECT b AS id, b AS batch_id FROM range(1, {batches} + 1) t(b)"
    )
    connection.execute(
        f"""CREATE TABLE passport_consignment AS
            SELECT c AS id, cb AS batch_id, cb AS declaration_id, {BATCH_SITE.replace("b", "cb")} AS from_site_id,
                   {CONSIGNMENT_TO} AS to_site_id, {quantity} AS quantity_m3,
                   CASE WHEN c % 50 = 0 THEN 'dispatched' ELSE 'completed' END AS state
              FROM (SELECT c, {c_batch} AS cb FROM range(1, {consignments} + 1) t(c))"""
    )
    connection.execute(
        """CREATE TABLE passport_custodystep AS
            SELECT 4 * (c.id - 1) + k + 1 AS id, c.id AS consignment_id,
                   ['origin', 'transport', 'receipt', 'application'][k + 1] AS kind,
                   CASE WHEN k >= 2 AND c.id % 97 = 0 THEN CAST(c.quantity_m3 - 0.5 AS DECIMAL(14, 3))
                        ELSE c.quantity_m3 END AS quantity_m3,
                   CASE WHEN k = 0 OR c.id % 50 <> 0 THEN now() END AS confirmed_at,
                   CASE k WHEN 0 THEN c.from_site_id WHEN 1 THEN NULL ELSE c.to_site_id END AS site_id
              FROM passport_consignment c CROSS JOIN range(0, 4) t(k)"""
    )


RAW_GROUP_BY = (
    "SELECT site_id, kind, SUM(quantity_m3) FROM passport_custodystep "
    "WHERE confirmed_at IS NOT NULL GROUP BY site_id, kind"
)


def timed(function: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    runs, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs), result


def totals(rows: list[tuple[Any, ...]]) -> tuple[Decimal, ...]:
    return tuple(
        sum((Decimal(str(row[i] or 0)) for row in rows), Decimal(0)).quantize(Decimal("0.001"))
        for i in range(1, len(rows[0]))
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the PostgreSQL data of an earlier run with the same size",
    )
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/kwalibo_bench_soilflows"
    )
    args = parser.parse_args()
    env = os.environ | {"DATABASE_URL": args.database_url, "SECRET_KEY": "bench-only-secret"}
    if not args.reuse:
        reset_database(args.database_url)
    subprocess.run([KWALIBO, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kwalibo.conf.settings")
    import django

    django.setup()
    import duckdb
    from django.db import connection

    from kwalibo.accounts.models import User
    from kwalibo.accounts.roles import Role
    from kwalibo.passport import selectors

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM passport_batch")
        reused = cursor.fetchone()[0] == args.batches
        if not reused:
            if args.reuse:
                raise SystemExit("--reuse: the database holds another number of batches")
            postgres_fill(cursor, args.batches)
        cursor.execute("SELECT count(*) FROM passport_custodystep")
        movements = cursor.fetchone()[0]
        cursor.execute("SHOW server_version")
        server = cursor.fetchone()[0].split()[0]
    load_pg = "reused" if reused else f"{time.perf_counter() - started:.0f} s"
    sql = selectors.volume_balance_sql(selectors._tables(), by="site", project_filter=False)
    project_sql = selectors.volume_balance_sql(
        selectors._tables(), by="project", project_filter=False
    )

    def pg(statement: str) -> list[tuple[Any, ...]]:
        with connection.cursor() as cursor:
            cursor.execute(statement)
            return list(cursor.fetchall())

    inspector, _ = User.objects.get_or_create(username="bench-ilt", role=Role.INSPECTORATE)
    pg_balance, pg_rows = timed(lambda: pg(sql), args.repeat)
    pg_selector, balances = timed(lambda: selectors.site_balances(viewer=inspector), args.repeat)
    pg_raw, _ = timed(lambda: pg(RAW_GROUP_BY), args.repeat)
    pg_projects, pg_project_rows = timed(lambda: pg(project_sql), args.repeat)

    started = time.perf_counter()
    duck = duckdb.connect()
    duckdb_fill(duck, args.batches)
    load_duck = time.perf_counter() - started
    duck_balance, duck_rows = timed(lambda: duck.execute(sql).fetchall(), args.repeat)
    duck_raw, _ = timed(lambda: duck.execute(RAW_GROUP_BY).fetchall(), args.repeat)
    duck_projects, duck_project_rows = timed(
        lambda: duck.execute(project_sql).fetchall(), args.repeat
    )

    assert totals(pg_rows) == totals(duck_rows), (totals(pg_rows), totals(duck_rows))
    assert totals(pg_project_rows) == totals(duck_project_rows)
    flagged = sum(1 for row in balances if row.discrepancies)
    total = totals(pg_project_rows)
    print(
        f"# {args.batches:,} batches, {movements:,} movements, {SITES:,} sites; loaded in "
        f"{load_pg} (PostgreSQL {server}) and {load_duck:.1f} s (DuckDB {duckdb.__version__}); "
        f"{len(pg_rows):,} balance rows, {flagged:,} sites with discrepancies; totals "
        f"excavated {total[0]:,} m³, applied {total[3]:,} m³, over-declared {total[7]:,} m³"
    )
    machine = f"{os.cpu_count()} cores, Python {platform.python_version()}"
    print("| engine | query | median s | machine |")
    print("|---|---|---|---|")
    print(
        f"| PostgreSQL {server} | volume balance, all sites (one statement) | {pg_balance:.2f} | {machine} |"
    )
    print(
        f"| PostgreSQL {server} | `site_balances()` selector (statement + rows + discrepancies) | {pg_selector:.2f} | {machine} |"
    )
    print(
        f"| PostgreSQL {server} | raw `GROUP BY site, kind` over the movements | {pg_raw:.2f} | {machine} |"
    )
    print(
        f"| PostgreSQL {server} | volume balance, all projects, with over-declared batches | {pg_projects:.2f} | {machine} |"
    )
    print(
        f"| DuckDB {duckdb.__version__} | volume balance, all sites, same statement | {duck_balance:.2f} | {machine} |"
    )
    print(
        f"| DuckDB {duckdb.__version__} | volume balance, all projects, same statement | {duck_projects:.2f} | {machine} |"
    )
    print(
        f"| DuckDB {duckdb.__version__} | raw `GROUP BY site, kind` over the movements | {duck_raw:.2f} | {machine} |"
    )


if __name__ == "__main__":
    main()
