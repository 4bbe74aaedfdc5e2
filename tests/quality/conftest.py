import shutil
from pathlib import Path

import pytest
from django.conf import settings

from tests.conftest import require

NODE_MODULES = Path(settings.BASE_DIR) / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="session")
def vnu_command():
    """The Nu Html Checker from package.json's vnu-jar, run by the machine's Java: `make test` installs it."""
    require(VNU_JAR.is_file(), f"{VNU_JAR} is missing: run `npm ci --ignore-scripts` (make test does)")
    java = shutil.which("java")
    require(java is not None, "Java 17+ is needed to run the Nu Html Checker")
    # One short run: the quick (C1) compiler halves the time; it needs a deeper stack than the checker's default.
    return [java, "-Xss16m", "-XX:TieredStopAtLevel=1", "-jar", str(VNU_JAR)]
