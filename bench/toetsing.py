"""Benchmark: `kwalibo toets` over 1,000,000 measurements against Polars reading the same CSV.

Generates a lab file in long form (semicolon separated, decimal commas, as Dutch labs export):
N samples (default 50,000) × 20 parameters (lutum, organic matter, 11 metals, mineral oil,
6 PAHs, PCB 28 in µg/kg), lognormal contents around the background values with about 10 %
results "< RG", and one sampling date (2020) so the 2015 rules apply. Then

* runs the CLI end to end (`kwalibo toets FILE --format csv > out.csv`: Python and Django
  start-up, reading, assessing, writing one CSV row per sample and parameter) and
* times `polars.read_csv` of the same file,

each `--repeat` times (median), and the CLI's stages in one process (read, assess, write CSV).
Prints Markdown rows for bench/README.md.

    .venv/bin/python bench/toetsing.py [--samples 50000] [--repeat 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl

ROOT = Path(__file__).resolve().parent.parent
KWALIBO = str(Path(sys.executable).parent / "kwalibo")

#: (parameter as written, unit, median content, log-sd, reporting limit as written)
PARAMETERS = (
    ("lutum", "%", 14.0, 0.6, None),
    ("organische stof", "%", 4.0, 0.6, None),
    ("arseen", "mg/kg ds", 9.0, 0.5, 4),
    ("cadmium", "mg/kg ds", 0.3, 0.6, 0.2),
    ("chroom", "mg/kg ds", 28.0, 0.5, 15),
    ("kobalt", "mg/kg ds", 6.0, 0.5, 3),
    ("koper", "mg/kg ds", 20.0, 0.6, 5),
    ("kwik", "mg/kg ds", 0.1, 0.7, 0.05),
    ("lood", "mg/kg ds", 30.0, 0.7, 10),
    ("molybdeen", "mg/kg ds", 0.8, 0.5, 1.5),
    ("nikkel", "mg/kg ds", 17.0, 0.5, 4),
    ("zink", "mg/kg ds", 80.0, 0.6, 20),
    ("barium", "mg/kg ds", 90.0, 0.5, 20),
    ("minerale olie (C10-C40)", "mg/kg ds", 40.0, 1.0, 35),
    ("naftaleen", "mg/kg ds", 0.03, 0.8, 0.05),
    ("fenantreen", "mg/kg ds", 0.1, 0.9, 0.05),
    ("antraceen", "mg/kg ds", 0.03, 0.8, 0.05),
    ("fluorantheen", "mg/kg ds", 0.2, 0.9, 0.05),
    ("benzo(a)pyreen", "mg/kg ds", 0.08, 0.9, 0.05),
    ("PCB 28", "µg/kg ds", 1.0, 0.8, 1),
)


def generate(path: Path, samples: int, seed: int = 2015) -> int:
    """Write the lab file; returns the number of measurements."""
    rng = np.random.default_rng(seed)
    columns = []
    for parameter, unit, median, sd, limit in PARAMETERS:
        values = median * rng.lognormal(0.0, sd, samples)
        if unit == "%":
            values = np.clip(values, 0.5, 60.0)
            text = np.char.mod("%.1f", values)
        else:
            text = np.char.mod("%.3g", values)
            if limit is not None:
                below = values < limit
                text = np.where(
                    below, np.char.add("<", np.char.mod("%g", np.full(samples, limit))), text
                )
        text = np.char.replace(text, ".", ",")
        columns.append(
            pl.DataFrame(
                {
                    "monster": np.char.add("M", np.arange(samples).astype(str)),
                    "parameter": np.full(samples, parameter),
                    "waarde": text,
                    "eenheid": np.full(samples, unit),
                    "_sample": np.arange(samples),
                }
            )
        )
    frame = (
        pl.concat(columns)
        .with_columns(pl.lit("15-06-2020").alias("datum"))
        .sort("_sample", maintain_order=True)
        .drop("_sample")
    )
    frame.write_csv(path, separator=";")
    return frame.height


def median_seconds(call: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def stages(path: Path, repeat: int) -> dict[str, float]:
    """The CLI's stages in this process: read_measurements, assess, write the CSV."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kwalibo.conf.settings")
    os.environ.setdefault("SECRET_KEY", "bench")
    import django

    django.setup()
    from kwalibo.assessments.domain.engine import assess
    from kwalibo.assessments.readers import read_measurements

    measurements = read_measurements(path, filename=path.name)
    assessment = assess(measurements, frame="grond")
    return {
        "read": median_seconds(lambda: read_measurements(path, filename=path.name), repeat),
        "assess": median_seconds(lambda: assess(measurements, frame="grond"), repeat),
        "write": median_seconds(lambda: assessment.write_csv(io.BytesIO()), repeat),
        "rows_out": float(assessment.parameter_table().height),
        "samples_classed": float(assessment.sample_table().height),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None, help="write the files here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        directory = args.keep or Path(scratch)
        directory.mkdir(parents=True, exist_ok=True)
        lab = directory / "toetsing_bench.csv"
        out = directory / "toetsing_bench_out.csv"
        started = time.perf_counter()
        count = generate(lab, args.samples)
        generated = time.perf_counter() - started
        size_mb = lab.stat().st_size / 1e6
        print(
            f"generated {count:,} measurements ({size_mb:.0f} MB) in {generated:.1f} s",
            file=sys.stderr,
        )

        env = os.environ | {"SECRET_KEY": os.environ.get("SECRET_KEY", "bench")}

        def cli() -> None:
            with out.open("wb") as target:
                subprocess.run(
                    [KWALIBO, "toets", str(lab), "--format", "csv"],
                    stdout=target,
                    stderr=subprocess.DEVNULL,
                    env=env,
                    cwd=ROOT,
                    check=True,
                )

        cli_s = median_seconds(cli, args.repeat)
        start_up = median_seconds(
            lambda: subprocess.run(
                [KWALIBO, "toets", "--help"],
                stdout=subprocess.DEVNULL,
                env=env,
                cwd=ROOT,
                check=True,
            ),
            args.repeat,
        )
        polars_s = median_seconds(lambda: pl.read_csv(lab, separator=";"), args.repeat)
        parts = stages(lab, args.repeat)

    machine = f"{os.cpu_count()} cores, {platform.python_version()}, Polars {pl.__version__}"
    today = dt.datetime.now(tz=dt.UTC).date().isoformat()
    print(
        "| date | measurements | CLI end to end s | measurements/s | `pl.read_csv` s | CLI ÷ read | machine |"
    )
    print("|---|---|---|---|---|---|---|")
    print(
        f"| {today} | {count:,} | {cli_s:.2f} | {count / cli_s:,.0f} | {polars_s:.2f} | "
        f"{cli_s / polars_s:.1f} | {machine} |"
    )
    print()
    print("| stage (in one process) | s | measurements/s |")
    print("|---|---|---|")
    print(f"| start-up (`kwalibo toets --help`) | {start_up:.2f} | |")
    print(
        f"| read the file (`read_measurements`) | {parts['read']:.2f} | {count / parts['read']:,.0f} |"
    )
    print(f"| assess (`assess`) | {parts['assess']:.2f} | {count / parts['assess']:,.0f} |")
    print(f"| write {parts['rows_out']:,.0f} CSV rows | {parts['write']:.2f} | |")
    print(f"| `pl.read_csv` of the same file | {polars_s:.2f} | {count / polars_s:,.0f} |")


if __name__ == "__main__":
    main()
