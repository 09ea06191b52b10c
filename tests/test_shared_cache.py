"""Without Redis the server's worker processes share one cache.

Regression: the default was a per-process memory cache, so with two gunicorn workers a download
kept by one worker was answered "410, no longer available" by the other, seconds after the
upload (a UX walk-through saw 7 of 12 downloads fail).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys, django
django.setup()
from django.core.cache import cache
if sys.argv[1] == "set":
    cache.set("kept-by-one-worker", {"measurements": b"parquet"}, timeout=60)
else:
    print(cache.get("kept-by-one-worker"))
"""


def _run(action: str, data_dir: Path) -> str:
    env = {
        key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DATABASE_URL"}
    } | {
        "DJANGO_SETTINGS_MODULE": "kwalibo.conf.settings",
        "SECRET_KEY": "shared-cache-test",
        "DATA_DIR": str(data_dir),
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, action],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout.strip()


def test_a_value_cached_by_one_process_is_found_by_another(tmp_path: Path) -> None:
    _run("set", tmp_path)
    assert _run("get", tmp_path) == "{'measurements': b'parquet'}"
    assert (tmp_path / "cache").is_dir()
