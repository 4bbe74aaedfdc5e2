"""The product's settings plus the benchmark's own URLconf (the ceiling and the plain-ORM reference views)."""

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
