"""The static files' storage in production: WhiteNoise's compressed, hashed names, each name's address worked out
once per process (the manifest does not change while the process runs; every page links half a dozen files, and
each address cost some 30 µs of path and URL handling)."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.urls = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force=True)
        if name not in self.urls:
            self.urls[name] = super().url(name)  # a name missing from the manifest raises, and is never kept
        return self.urls[name]
