"""One settings module; what differs between a laptop and production comes from the environment."""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

env = environ.Env()
BASE_DIR = Path(__file__).resolve().parent.parent

# --- Core ---
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="").strip() or ("django-insecure-dev-only-change-me" if DEBUG else "")
if not SECRET_KEY:
    # why: signed preview links and sessions forged with the published development key would be accepted
    raise ImproperlyConfigured(
        "Chưa đặt SECRET_KEY: khi DEBUG tắt, hãy đặt biến môi trường SECRET_KEY là một chuỗi ngẫu nhiên dài, "
        "vd. python3 -c 'import secrets; print(secrets.token_urlsafe(50))'. Khóa phát triển chỉ dùng khi DEBUG=true."
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
SITE_NAME = env("SITE_NAME", default="Tin tức Đảng bộ tỉnh")
# A unit's and a meeting's public pages belong to the articles app, the layer above organizations.
ABSOLUTE_URL_OVERRIDES = {
    "organizations.organization": lambda unit: reverse("articles:unit", args=[unit.slug]),
    "organizations.meeting": lambda meeting: reverse("articles:meeting-detail", args=[meeting.pk]),
}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "treebeard",
    "taggit",
    "django_filters",
    "django_ckeditor_5",
    "reversion",
    "newsroom.apps.AxesConfig",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "sorl.thumbnail",
    "newsroom",
    "organizations",
    "articles",
    "documents",
    "statutory",
    "reporting",
    "comments",
    "api",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "accounts",
    "audit",
    "demo",
    # after newsroom, whose db_worker command (recovering tasks a dead worker left) replaces the library's
    "django_tasks",
    "newsroom.apps.TasksDatabaseConfig",
]

MIDDLEWARE = [
    "newsroom.logs.RequestIDMiddleware",
    # before all the others: a cached page is answered with the headers those below gave it when it was made
    # (security, CSP), without running them again; only the request's id and its log line are made per request
    "newsroom.pagecache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "newsroom.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "audit.middleware.CurrentRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.site",
            ],
        },
    },
]

# --- Database and cache ---
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"] |= {"CONN_MAX_AGE": env.int("CONN_MAX_AGE", default=600), "CONN_HEALTH_CHECKS": True}

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    # An unreachable Redis is a miss, not an error: the site keeps serving, uncached (newsroom/cache.py).
    CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    # why: sorl-thumbnail keeps three keys per photo in the cache; past the default 300 entries, evicted keys send
    # every thumbnail on a page back to the database
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 50_000}}
    }

# Anonymous readers' pages are kept this long at most; any write to the content makes them stale at once
# (newsroom/pagecache.py). 0 turns the page cache off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=3600)
# The costly parts of public pages ({% fragment %}, article cards) are kept this long at most, for anyone, and are
# stale at the same writes as the pages. 0 turns it off.
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=3600)
# ...and each process keeps the last ones it used this many (by generation: never stale), to read a page's
# dozen fragments without a round trip each
FRAGMENT_RECENT_ENTRIES = env.int("FRAGMENT_RECENT_ENTRIES", default=2000)
# ...and whole pages up to this many bytes in all: a cached page is then answered from memory, with no round trip
# where the generation is announced (Redis) and one small one where not, instead of the page's transfer
PAGE_RECENT_BYTES = env.int("PAGE_RECENT_BYTES", default=32 * 1024 * 1024)
# ...and nginx's micro-cache in front (deploy/nginx/) this long: a change shows there within that. 0: not at all.
PAGE_CACHE_PROXY_SECONDS = env.int("PAGE_CACHE_PROXY_SECONDS", default=1)
# the API answers with its own ETag and Cache-Control, and each client's requests must meet its rate limit
PAGE_CACHE_EXCLUDED_PATHS = ["/api/"]

# --- Background tasks ---
# E-mails of the workflow, photo renditions and `import_articles --background` are tasks (django-tasks). In
# production they wait in the database for `manage.py db_worker`; with DEBUG on (`make run`) they run at once,
# in the request, so that no second process is needed. TASKS_BACKEND=database|immediate chooses.
TASKS_BACKEND = env("TASKS_BACKEND", default="immediate" if DEBUG else "database")
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }.get(TASKS_BACKEND, TASKS_BACKEND)
    }
}

# --- Language and time ---
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt"))]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]

# --- Static and media files ---
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env(
            "STATICFILES_BACKEND",
            default="django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "newsroom.staticfiles.StaticStorage",
        )
    },
}
# Uploads: anything larger than this is refused before Pillow reads it.
IMAGE_MAX_UPLOAD_BYTES = env.int("IMAGE_MAX_UPLOAD_BYTES", default=15 * 1024 * 1024)
IMAGE_MAX_PIXELS = env.int("IMAGE_MAX_PIXELS", default=50_000_000)
# attached PDF/DOCX; with the form it must stay under the request limit (DATA_UPLOAD_MAX_MEMORY_SIZE, nginx)
DOCUMENT_MAX_UPLOAD_BYTES = env.int("DOCUMENT_MAX_UPLOAD_BYTES", default=15 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
THUMBNAIL_PRESERVE_FORMAT = True

# --- Media storage ---
# local: uploads under MEDIA_ROOT. s3: in an S3-compatible bucket (MinIO) that the web server serves at MEDIA_URL.
MEDIA_STORAGE = env("MEDIA_STORAGE", default="local")
if MEDIA_STORAGE == "s3":
    for required in ("S3_ENDPOINT_URL", "S3_BUCKET"):
        if not env(required, default=""):
            raise ImproperlyConfigured(f"Chưa đặt {required}: MEDIA_STORAGE=s3 cần địa chỉ máy chủ S3 và tên bucket.")
    STORAGES["default"] = {
        "BACKEND": "newsroom.storage.MediaStorage",
        "OPTIONS": {
            "endpoint_url": env("S3_ENDPOINT_URL"),
            "bucket_name": env("S3_BUCKET"),
            "access_key": env("S3_ACCESS_KEY", default=""),
            "secret_key": env("S3_SECRET_KEY", default=""),
            "region_name": env("S3_REGION", default="us-east-1"),
        },
    }
elif MEDIA_STORAGE != "local":
    raise ImproperlyConfigured(f"MEDIA_STORAGE={MEDIA_STORAGE!r} không hợp lệ: chỉ nhận local hoặc s3.")

# --- Authentication and security ---
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Wrong second-factor codes count too; a sign-in succeeds when its last factor does, so accounts.lockout, not axes,
# forgets the failures when it does.
AXES_RESET_ON_SUCCESS = False
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code"]
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
AXES_CLIENT_IP_CALLABLE = "newsroom.http.client_ip"
# Proxies in front of the app that append the client's address to X-Forwarded-For: 0 = none, use REMOTE_ADDR.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
LOGIN_URL = "admin:login"
OTP_TOTP_ISSUER = SITE_NAME  # the name authenticator apps show beside the username

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # asked over plain HTTP by the container's health check
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=False)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)  # a working day, then sign in again
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# CSRF_COOKIE_HTTPONLY stays off: the rich-text editor reads the token from the cookie for its image uploads.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
CSP_PUBLIC = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
)
# The admin runs no inline script either; CKEditor 5 adds <style> elements and shows pasted images as blob: URLs.
CSP_ADMIN = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
)
# Uploaded files (newsroom/media.py; whatever serves /media/ in production must send it too): nothing may run.
CSP_MEDIA = "default-src 'none'; frame-ancestors 'none'; sandbox"

# --- Readers' comments (comments/) ---
COMMENT_MAX_LENGTH = env.int("COMMENT_MAX_LENGTH", default=2000)  # characters of one comment
COMMENT_MIN_FILL_SECONDS = env.int("COMMENT_MIN_FILL_SECONDS", default=3)  # faster than this is a bot
COMMENT_FORM_MAX_AGE = 24 * 60 * 60  # a form older than a day is sent again
COMMENT_RATE_SECONDS = 10 * 60
COMMENTS_PER_IP = env.int("COMMENTS_PER_IP", default=10)  # per COMMENT_RATE_SECONDS; an office shares one address
COMMENTS_PER_EMAIL = env.int("COMMENTS_PER_EMAIL", default=3)
COMMENT_RETENTION_DAYS = env.int("COMMENT_RETENTION_DAYS", default=180)  # then expire_comment_data erases e-mail, IP

# --- Public JSON API (api/): Django REST Framework, OpenAPI 3 by drf-spectacular ---
API_REQUESTS_PER_MINUTE = env.int("API_REQUESTS_PER_MINUTE", default=120)  # per client address
API_CACHE_SECONDS = env.int("API_CACHE_SECONDS", default=300)  # Cache-Control: public, max-age
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],  # read-only: nothing to parse
    "DEFAULT_AUTHENTICATION_CLASSES": [],  # public data only: the answer never depends on who asks
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API tin tức Đảng bộ",
    "DESCRIPTION": (
        "Dữ liệu công khai của trang tin, chỉ đọc: bài viết đã đăng, cây tổ chức, hội nghị, kỳ báo cáo. "
        "Phân trang bằng con trỏ (`cursor`), ETag và Cache-Control, CORS cho GET; giới hạn số yêu cầu mỗi phút."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",  # Swagger UI's files from the site's static files, not a CDN
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "api.schema.document_errors"],
}
# Swagger UI sets inline styles; it runs no inline script.
CSP_API_DOCS = CSP_PUBLIC.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")

# --- E-mail (notifications of the workflow) ---
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="tin-tuc@example.vn")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)

# --- Libraries ---
TAGGIT_CASE_INSENSITIVE = True
TAGGIT_STRING_FROM_TAGS = "articles.models.tags_to_string"

CKEDITOR_5_FILE_UPLOAD_PERMISSION = "staff"
CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME = "articles:editor-upload"
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "jpg", "png", "webp"]
CKEDITOR_5_CUSTOM_CSS = "css/content.css"  # the site's article text styles, so the editor shows text as readers see it
CKEDITOR_5_CONFIGS = {
    "default": {
        "language": "vi",
        "toolbar": [
            "heading",
            "|",
            "bold",
            "italic",
            "underline",
            "link",
            "|",
            "bulletedList",
            "numberedList",
            "blockQuote",
            "insertTable",
            "|",
            "imageUpload",
            "|",
            "removeFormat",
            "undo",
            "redo",
        ],
        "heading": {
            "options": [
                {"model": "paragraph", "title": "Đoạn văn", "class": "ck-heading_paragraph"},
                {"model": "heading2", "view": "h2", "title": "Tiêu đề 2", "class": "ck-heading_heading2"},
                {"model": "heading3", "view": "h3", "title": "Tiêu đề 3", "class": "ck-heading_heading3"},
            ]
        },
        "image": {
            "upload": {"types": ["jpeg", "png", "webp"]},
            "toolbar": [
                "imageTextAlternative",
                "toggleImageCaption",
                "|",
                "imageStyle:inline",
                "imageStyle:block",
                "imageStyle:side",
            ],
        },
        "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
    },
}

# --- Logging ---
# One JSON object per line in production (newsroom/logs.py), readable text in development; every line written
# while serving a request carries its id (X-Request-ID) and client, and each request gets one line of its own.
LOG_FORMAT = env("LOG_FORMAT", default="text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "newsroom.logs.RequestContextFilter"}},
    "formatters": {
        "json": {"()": "newsroom.logs.JSONFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["request"], "formatter": LOG_FORMAT},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
    # runserver prints its own line per request in development
    "loggers": {"newsroom.request": {"level": "INFO" if LOG_FORMAT == "json" else "WARNING"}},
}
