from django.contrib.auth.management import create_permissions
from django.db import migrations

from newsroom.roles import sync_roles


def create_roles(apps, schema_editor):
    """Site administrators ("Quản trị trang") manage the rules and the ratings of their units."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("reporting", "0001_initial"), ("articles", "0005_roles")]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
