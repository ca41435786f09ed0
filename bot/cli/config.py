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


def discord_token(env_file: Path = Path(".env")) -> str | None:
    """DISCORD_TOKEN from the environment, else from a git-ignored .env file in the working directory."""
    token = os.environ.get("DISCORD_TOKEN") or _dotenv(env_file).get("DISCORD_TOKEN")
    return token.strip() if token and token.strip() else None
