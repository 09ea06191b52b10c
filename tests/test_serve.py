"""`kwalibo serve` (gunicorn, forked workers) answers an assessment upload.

Regression: Polars' thread pool, started in the master while the system checks imported the
URLconf, did not survive the fork, and every worker hung on its first assessment.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from http.cookiejar import CookieJar
from pathlib import Path

import pytest

KWALIBO = str(Path(sys.executable).parent / "kwalibo")
LAB = (
    b"sample,parameter,value,unit\nM1,lutum,25,%\nM1,organische stof,10,%\nM1,arseen,50,mg/kg ds\n"
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path):  # type: ignore[no-untyped-def]
    port = _free_port()
    env = os.environ | {
        "SECRET_KEY": "serve-test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    process = subprocess.Popen(
        [KWALIBO, "serve", "--port", str(port), "--workers", "1", "--threads", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/toetsing/", timeout=2)
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_served_page_assesses_an_upload(server: str) -> None:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    form = opener.open(f"{server}/toetsing/", timeout=10).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    assert token is not None
    boundary = uuid.uuid4().hex
    fields = [("csrfmiddlewaretoken", token.group(1)), ("frame", "grond")]
    body = b"".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields
    )
    body += (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="lab.csv"\r\n'
            "Content-Type: text/csv\r\n\r\n"
        ).encode()
        + LAB
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(
        f"{server}/toetsing/",
        data=body,
        headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Referer": f"{server}/toetsing/",
            "Accept-Language": "en",
        },
    )
    page = opener.open(request, timeout=20).read().decode()
    assert "Sample M1" in page
