"""Configuration from the environment. The Discord token is read here and passed on; it is never logged."""

from __future__ import annotations

import os
from pathlib import Path


def _dotenv(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        values[key.strip().removeprefix("export ").strip()] = value.strip().strip("'\"")
    return values


PROJECT_ENV_FILE = Path(__file__).resolve().parents[2] / ".env"  # beside README.md, whatever the current folder


def env_file() -> Path:
    """The .env file read: the one BOT_ENV_FILE names, else the project folder's (not the current folder's, so
    starting the bot from elsewhere reads the same file)."""
    named = os.environ.get("BOT_ENV_FILE", "").strip()
    return Path(named).expanduser() if named else PROJECT_ENV_FILE


def discord_token(env_path: Path | None = None) -> str | None:
    """DISCORD_TOKEN from the environment, else from the .env file (`env_file()`)."""
    token = os.environ.get("DISCORD_TOKEN") or _dotenv(env_path or env_file()).get("DISCORD_TOKEN")
    return token.strip() if token and token.strip() else None
