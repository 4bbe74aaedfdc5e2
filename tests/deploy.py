"""The deployment files as data for the tests: the compose file's services, the Dockerfile's stages."""

import re
import shlex
from pathlib import Path

import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def compose_services():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]


def dockerfile_stages():
    """{name: {"base": image or stage, "instructions": [(KEYWORD, arguments)]}}, in the Dockerfile's order."""
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text())
    stages = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        keyword, _, arguments = line.strip().partition(" ")
        if keyword.upper() == "FROM":
            base, *alias = arguments.split()
            stage = stages[alias[-1] if alias else str(len(stages))] = {"base": base, "instructions": []}
        else:
            stage["instructions"].append((keyword.upper(), arguments.strip()))
    return stages


def stage_instructions(name):
    """The instructions that build stage `name`: its own and those of the stages it is built on, first to last."""
    stages = dockerfile_stages()
    chain = []
    while name in stages:
        chain = stages[name]["instructions"] + chain
        name = stages[name]["base"]
    return chain


def stage_env(name):
    """The environment variables stage `name` sets (ENV)."""
    pairs = [shlex.split(arguments) for keyword, arguments in stage_instructions(name) if keyword == "ENV"]
    return dict(pair.split("=", 1) for line in pairs for pair in line)
