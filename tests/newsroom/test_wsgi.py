"""The WSGI module warms the app up once, before gunicorn forks its workers, opens no connection doing it, and
puts what it loaded out of the garbage collector's way."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

CHECK = """
import gc, json, sys
import newsroom.wsgi
from django.db import connections
from django.template import engines
loader = engines["django"].engine.template_loaders[0]
print(json.dumps({
    "connected": [alias for alias in connections if connections[alias].connection is not None],
    "templates": len(loader.get_template_cache),
    "views imported": "articles.views" in sys.modules,
    "frozen": gc.get_freeze_count(),
    "collecting": gc.isenabled(),
}))
"""


def test_the_wsgi_module_warms_up_without_opening_a_connection(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "DATABASE", "REDIS"))}
    env |= {"DJANGO_SETTINGS_MODULE": "newsroom.settings", "DEBUG": "false", "SECRET_KEY": "test-" + "k" * 50}
    env |= {"ALLOWED_HOSTS": "127.0.0.1", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "LOG_LEVEL": "ERROR"}
    result = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["connected"] == [] and found["views imported"]
    assert found["templates"] > 50  # ours, compiled once in the master
    # the app as loaded is never walked by a full collection again; the collector still runs for what requests make
    assert found["frozen"] > 100_000 and found["collecting"]
