"""The demo province: `manage.py seed_demo` and its builders."""
