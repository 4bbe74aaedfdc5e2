"""Uploaded files in an S3-compatible bucket (MEDIA_STORAGE=s3), addressed as /media/<name> like files on disk."""

from urllib.parse import urljoin

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class MediaStorage(S3Storage):
    """A bucket that the web server in front of the site serves at MEDIA_URL: the site links to /media/<name>, never
    to the bucket, so neither signed links nor ACLs are needed, and the bucket's address stays private.

    Path-style addressing (http://minio:9000/<bucket>/<name>), which MinIO and the web server's proxying expect, and
    no silent overwrite of a stored file, as on disk.
    """

    def get_default_settings(self):
        return super().get_default_settings() | {
            "addressing_style": "path",
            "querystring_auth": False,
            "default_acl": None,
            "file_overwrite": False,
        }

    def url(self, name, parameters=None, expire=None, http_method=None):
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name).lstrip("/"))
