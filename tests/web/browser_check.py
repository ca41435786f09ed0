"""`make browser-check`: a real browser (Debian's headless Chromium) loads the index, a fact page and a search
from `python -m bot serve` on a fresh database, at a phone's width and a desktop's, and saves screenshots to
look at. Run by hand, not by CI (`apt-get install chromium` first); it fails if a page does not load or Chromium
reports a Content-Security-Policy violation."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

OUT = Path("browser-check")
PAGES = {"index": "/", "fact": "/facts/us-sanctions-four-judges-june-2025",
         "search": "/search?q=who+is+withdrawing+from+the+rome+statute", "search-fr": "/search?q=budget+2026&lang=fr",
         "declined": "/search?q=weather+in+the+hague"}
SIZES = {"phone": "390,844", "desktop": "1280,900"}


def browser() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    sys.exit("No Chromium found: apt-get install chromium")


def main() -> int:
    chromium = browser()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "BOT_DB": str(Path(tmp) / "desk.db")}
        site = subprocess.Popen([sys.executable, "-m", "bot", "serve", "--port", str(port)], env=env)
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            failures = 0
            for name, path in PAGES.items():
                for size_name, size in SIZES.items():
                    shot = OUT / f"{name}-{size_name}.png"
                    run = subprocess.run(
                        [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                         f"--user-data-dir={tmp}/profile", f"--window-size={size}", f"--screenshot={shot}",
                         "--enable-logging=stderr", "--v=0", base + path],
                        capture_output=True, text=True, timeout=60)
                    csp = [line for line in run.stderr.splitlines() if "Content Security Policy" in line]
                    ok = run.returncode == 0 and shot.exists() and not csp
                    failures += not ok
                    print(f"{'ok ' if ok else 'BAD'} {shot} {' '.join(csp)[:300]}")
            return 1 if failures else 0
        finally:
            site.send_signal(signal.SIGTERM)
            site.wait(timeout=20)


if __name__ == "__main__":
    sys.exit(main())
