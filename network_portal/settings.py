"""Settings for the network portal, read from environment variables.

With nothing set, the portal runs on the embedded default: SQLite and kombu's filesystem broker
under ``var/``. ``DATABASE_URL`` switches to PostgreSQL, ``REDIS_URL``/``CELERY_BROKER_URL`` to
Redis. With ``DJANGO_DEBUG`` off and ``DJANGO_SECRET_KEY`` set, the settings are production
settings for a deployment behind TLS.
"""

import os
import tempfile
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    # A typo must not quietly turn debugging on, or the secure cookies off.
    raise ImproperlyConfigured(f"{name}={os.environ[name]!r}: use 1/0, true/false, yes/no or on/off.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "").strip()
    return [item.strip() for item in value.split(",") if item.strip()] if value else default


if "PYTEST_VERSION" in os.environ and not os.environ.get("PORTAL_VAR_DIR"):
    # A test run outside `make test` (which names its folder) gets one of its own, handed down to
    # the worker and beat it starts, so that two runs at once never share a test database, a
    # broker folder or uploaded files.
    os.environ["PORTAL_VAR_DIR"] = tempfile.mkdtemp(prefix="portal-test-")
# Otherwise importing the settings writes nothing: the folders under VAR_DIR are made when the
# portal starts (network_portal.apps), by the web process, the worker and beat alike.
VAR_DIR = Path(env_str("PORTAL_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DJANGO_DEBUG")
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
# Production means: not debugging and a real secret supplied. Anything else is a local run over
# plain http, which must not set secure-only cookies or the browser would drop them.
PRODUCTION = not DEBUG and bool(SECRET_KEY)
if not SECRET_KEY:
    SECRET_KEY = "local-development-only-key-never-used-in-production-" + "x" * 20

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its admin classes patch correctly.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "allauth",
    "allauth.account",
    "django_filters",
    "django_celery_beat",
    "csp",
    "simple_history",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "import_export",
    # The portal's own apps, lowest layer first (docs/architecture.md).
    "core",
    "vocabulary",
    "network_portal",
    "members",
    "events",
    "initiatives",
    "cycles",
    "reports",
    "hub",
    "groups",
    "api",
    "iati",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Answers anonymous visitors' cached pages before sessions, authentication and messages run
    # (with the headers the middleware below gave the page), and stores the pages built below.
    "core.page_cache.PageCacheMiddleware",
    # The same for the API's kept answers, within each client's limit of requests.
    "api.middleware.EarlyAnswersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Before CommonMiddleware, so a preflight request is answered before any redirect.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.page_cache.StaffChangesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, so a 400 answer still passes through every middleware that adds headers.
    "core.middleware.drop_unusable_parameters",
]

# The page cache (core.page_cache) forgets its pages when a row of these apps changes; the
# results totals are summed from the second set, so their changes also renew the totals.
PAGE_CACHE_CONTENT_APPS = {"vocabulary", "members", "events", "initiatives", "groups", "hub"}
# Imports in review and editor requests are never on a public page: their frequent writes keep
# the cache intact. Historical records never are either.
PAGE_CACHE_PRIVATE_MODELS = {
    "events.SignInImport",
    "members.EditorRequest",
    "groups.Subscriber",
    "groups.Delivery",
}
PAGE_CACHE_EXTRA_MODELS = {"reports.PublishedReport"}
PAGE_CACHE_RESULTS_APPS = {"vocabulary", "initiatives"}
PAGE_CACHE_RESULTS_MODELS: set[str] = set()

ROOT_URLCONF = "network_portal.urls"
WSGI_APPLICATION = "network_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.navigation",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL names another (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'portal.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Persistent connections buy nothing on a local file; WAL lets the worker write while the
    # web process reads, and the timeout waits out a brief lock instead of failing.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-portal.sqlite3")}
else:
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options.setdefault("connect_timeout", 5)
    # PostgreSQL compiles a query it expects to be costly (JIT); for a web application's queries
    # the compiling costs more than it saves: the admin's search of 500,000 participations spent
    # 150 of its 630 ms compiling. An `options` given in DATABASE_URL's query string wins.
    options.setdefault("options", "-c jit=off")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis, when configured, backs the cache (allauth's rate limits need a shared cache) and the
# broker. REDIS_URL is the usual single switch; CELERY_BROKER_URL overrides the broker alone.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Carries on without Redis while it is unreachable (core/cache.py).
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "portal"),
            # Short socket timeouts: a hung Redis must fail a cache call fast, not stall a page.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Public pages are kept this many seconds for anonymous visitors (0 turns the page cache off);
# any content change makes them stale at once, so this only bounds date-dependent pages.
PAGE_CACHE_SECONDS = env_int("PORTAL_PAGE_CACHE_SECONDS", 600)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Accounts (allauth): the email address is the login.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = env_str("ACCOUNT_EMAIL_VERIFICATION", "mandatory" if PRODUCTION else "optional")
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[NPAP] "
# Behind a proxy every request comes from the proxy's address; counting the proxies in front
# lets the per-address sign-in limits see the visitor's address in X-Forwarded-For instead.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("PORTAL_TRUSTED_PROXIES", 0)
LOGIN_REDIRECT_URL = "home"
LOGIN_URL = "account_login"

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 10
# For EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend: one file per mail.
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "NPAP Việt Nam <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Mails are read outside the portal, so their links carry the scheme and host. In production the
# first allowed host over https is the usual answer; PORTAL_BASE_URL says it outright.
PORTAL_BASE_URL = env_str(
    "PORTAL_BASE_URL",
    f"https://{ALLOWED_HOSTS[0]}"
    if PRODUCTION and ALLOWED_HOSTS
    else f"http://127.0.0.1:{env_int('PORT', 8000)}",
)

# Languages: Vietnamese first, English second; content fields fall back to Vietnamese.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "vendor" / "allauth"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "vi"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("vi",)
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["network_portal.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(VAR_DIR / "media")))
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", not PRODUCTION)
# Files only some users may download (built reports, evidence, documents that are not public):
# never under MEDIA_ROOT, never a public URL (see core.private_files).
PRIVATE_MEDIA_ROOT = Path(env_str("DJANGO_PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
# Behind nginx: the internal location mapped onto PRIVATE_MEDIA_ROOT (e.g. /private-files/), from
# which nginx sends a download the portal allowed. Empty: the portal sends the file itself.
PRIVATE_MEDIA_ACCEL_PREFIX = env_str("PORTAL_PRIVATE_ACCEL_PREFIX")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Celery. The embedded default is kombu's filesystem transport: a real broker shared by the web
# process, the worker and beat through folders under var/, with no server to install.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or REDIS_URL or "filesystem://"
BROKER_DIR = VAR_DIR / "broker"
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "processed_folder": str(BROKER_DIR / "processed"),
        # Broadcast (remote control) exchanges; kombu's default is a folder in the working directory.
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
    }
    CELERY_RESULT_BACKEND = f"file://{VAR_DIR / 'results'}"
else:
    # The visibility timeout must exceed the longest task time limit, or a slow task is
    # redelivered while it still runs. Socket timeouts keep a hung broker from hanging a request.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": 3600,
        "socket_timeout": 2,
        "socket_connect_timeout": 2,
    }
    CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND", CELERY_BROKER_URL)
    CELERY_REDIS_SOCKET_TIMEOUT = 2
    CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 2
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_EXPIRES = 3600
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Publishing retries would keep a request waiting on a dead broker; the caller handles failure.
CELERY_TASK_PUBLISH_RETRY = False
# Limits for tasks that set none of their own. Every task's soft limit must be below its hard
# limit and both below the visibility timeout; network_portal.celery.PortalTask refuses any other.
CELERY_TASK_SOFT_TIME_LIMIT = 1500
CELERY_TASK_TIME_LIMIT = 1800
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# The schedules live in the database; this file is written only if beat runs another scheduler.
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# How many subscribers one run of the newsletter task mails before it hands the rest to the next.
NEWSLETTER_BATCH_SIZE = env_int("PORTAL_NEWSLETTER_BATCH_SIZE", 50)
# Subscription requests per visitor's address (allauth's rate format, as its forms use).
NEWSLETTER_SUBSCRIBE_RATE = env_str("PORTAL_NEWSLETTER_SUBSCRIBE_RATE", "10/h/ip,3/h/key")

# Security. Production runs behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    # Load balancers probe the health check over plain http.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

# Every asset is served from our own origin; nothing inline, nothing from a CDN.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# The public API (/api/v1/) and the IATI files: read-only, open to every origin for GET.
CORS_URLS_REGEX = r"^/(api/v1|iati)/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified"]

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": env_str("PORTAL_API_ANON_RATE", "120/minute")},
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "NPAP Việt Nam API",
    "DESCRIPTION": "The public, read-only data of Vietnam's plastics action network: member "
    "organisations, pillars and technical groups, events, initiatives with their results, the "
    "network's totals and published reports. Bilingual fields end in _vi and _en.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
# The organisation that publishes the IATI files: its IATI organisation identifier and names.
IATI_REPORTING_ORG = {
    "ref": env_str("PORTAL_IATI_REPORTING_ORG_REF", "VN-GOV-NPAP"),
    "type": env_str("PORTAL_IATI_REPORTING_ORG_TYPE", "10"),
    "name_vi": env_str(
        "PORTAL_IATI_REPORTING_ORG_NAME_VI", "Ban thư ký Chương trình đối tác hành động quốc gia về nhựa"
    ),
    "name_en": env_str(
        "PORTAL_IATI_REPORTING_ORG_NAME_EN", "National Plastic Action Partnership secretariat"
    ),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
