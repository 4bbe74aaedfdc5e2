#!/usr/bin/env python
import os
import sys

# Commands that only read the models and write code: they sign nothing, so they need no SECRET_KEY.
KEYLESS_COMMANDS = {"makemigrations"}

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    if sys.argv[1:2] and sys.argv[1] in KEYLESS_COMMANDS and not os.environ.get("SECRET_KEY", "").strip():
        os.environ["SECRET_KEY"] = "unused-by-" + sys.argv[1] + "-0123456789abcdefghijklmnopqrstuvwxyz"
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
