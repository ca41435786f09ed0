"""`python -m bot serve` and `run --web` as a person runs them: a real process, a real database file."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.timeout(60)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def environ(db: Path) -> dict[str, str]:
    env = {**os.environ, "BOT_DB": str(db), "BOT_ENV_FILE": os.devnull}  # not the project's .env and its token
    env.pop("DISCORD_TOKEN", None)
    return env


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_serve_answers_until_sigterm_and_migrates_at_start(tmp_path: Path) -> None:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "bot", "serve", "--port", str(port)], cwd=tmp_path,
                            env=environ(tmp_path / "desk.db"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                status, body = get(f"http://127.0.0.1:{port}/healthz")
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None and time.monotonic() < deadline, "the site did not come up"
                time.sleep(0.1)
        assert status == 200 and json.loads(body)["database"] == "ok"
        status, page = get(f"http://127.0.0.1:{port}/search?q=who+is+withdrawing+from+the+rome+statute")
        assert status == 200 and b'class="status answered"' in page
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "web site on http://127.0.0.1:" in err and "Traceback" not in err
    assert "/search" in err and "rome" not in err, "the access log names the page, never the words searched"


def test_a_port_in_use_is_one_sentence(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        out = subprocess.run([sys.executable, "-m", "bot", "serve", "--port", str(port)], cwd=tmp_path,
                             env=environ(tmp_path / "desk.db"), capture_output=True, text=True, timeout=30)
    assert out.returncode == 1 and f"cannot listen on 127.0.0.1:{port}" in out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize(("args", "says"), [
    (["run", "--web", "localhost"], "is not HOST:PORT"),
    (["run", "--web", "127.0.0.1:8080"], "run --web needs DISCORD_TOKEN"),
])
def test_run_web_refuses_bad_addresses_and_a_missing_token(tmp_path: Path, args: list[str], says: str) -> None:
    out = subprocess.run([sys.executable, "-m", "bot", *args], cwd=tmp_path, env=environ(tmp_path / "desk.db"),
                         capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)
    assert out.returncode == 2 and says in out.stderr, out.stderr


def test_addresses_are_read_as_host_and_port() -> None:
    from bot.web.server import parse_address

    assert parse_address("0.0.0.0:80") == ("0.0.0.0", 80)
    assert parse_address("[::1]:8080") == ("::1", 8080)
    assert parse_address(":9000") == ("127.0.0.1", 9000)
    for bad in ("8080", "host:", "host:99999", "host:x"):
        with pytest.raises(ValueError):
            parse_address(bad)
