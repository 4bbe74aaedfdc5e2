from tests.importer.conftest import seed_text, seeds  # noqa: F401 -- the real articles in /work/shared/seeds
