"""Settings, read from the environment in one place.

Every variable is documented in `.env.example`. Defaults are safe for production
(DEBUG off, no wildcard hosts, no built-in secret); a local `.env` file (written by
`make run`, never committed) supplies a development secret.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

from kwalibo.conf.i18n import LANGUAGE_CODE as LANGUAGE_CODE
from kwalibo.conf.i18n import LANGUAGES as LANGUAGES
from kwalibo.conf.i18n import LOCALE_PATHS as LOCALE_PATHS
from kwalibo.conf.i18n import TIME_ZONE as TIME_ZONE

SRC_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = SRC_DIR.parent.parent

env = environ.Env()
environ.Env.read_env(PROJECT_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY or SECRET_KEY.startswith("change-me"):
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Set it in the environment or in .env (see .env.example); "
        "`make run` writes a random one for local use."
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

DATA_DIR = Path(env.str("DATA_DIR", default=str(PROJECT_DIR / "var")))
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'kwalibo.sqlite3'}")
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATA_DIR).mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
# Without Redis the cache lives in files under DATA_DIR: the server's worker processes share
# it, so a download kept by one worker is found by the next, and rate limits count per machine
# (a per-process memory cache answered downloads with 410 from the other worker).
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    )
}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "kwalibo.common",
    "kwalibo.accounts",
    "kwalibo.audit",
    "kwalibo.register",
    "kwalibo.assessments",
    "kwalibo.passport",
    "kwalibo.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "kwalibo.conf.urls"
WSGI_APPLICATION = "kwalibo.conf.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "common" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kwalibo.accounts.context_processors.roles",
            ],
        },
    }
]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["kwalibo.accounts.backends.RoleBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "register:search"
LOGOUT_REDIRECT_URL = "register:search"

# LANGUAGE_CODE, LANGUAGES, LOCALE_PATHS and TIME_ZONE: kwalibo.conf.i18n (imported above)
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(DATA_DIR / "static")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_PROXY", default=False) else None
)


def _rate(value: str) -> str | None:
    """A DRF rate ("120/minute"); "off" disables the limit (benchmarks, internal networks)."""
    return None if value.strip().lower() in {"off", "none"} else value


# Request bodies held in memory: a JSON assessment request of 20,000 measurements
# (kwalibo.assessments.serializers) is about 2 MB; lab files are streamed to disk instead.
DATA_UPLOAD_MAX_MEMORY_SIZE = 4 * 1024 * 1024

# Secret from which the keys that encrypt the MvB signing keys at rest are derived
# (kwalibo.passport); empty = SECRET_KEY. Keep it out of the repository.
PASSPORT_SIGNING_SECRET = env.str("PASSPORT_SIGNING_SECRET", default="")

# Public web pages, per client IP (kwalibo.common.ratelimit); "off" disables.
RATE_PAGES = env.str("RATE_PAGES", default="120/m")
RATE_EXPORTS = env.str("RATE_EXPORTS", default="10/m")
RATELIMIT_VIEW = "kwalibo.common.views.rate_limited"
RATELIMIT_IP_META_KEY = env.str("RATELIMIT_IP_META_KEY", default="REMOTE_ADDR")

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.BasicAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "kwalibo.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "kwalibo.api.throttling.LoggedInUserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": _rate(env.str("THROTTLE_ANON", default="120/minute")),
        "user": _rate(env.str("THROTTLE_USER", default="1200/minute")),
    },
    "EXCEPTION_HANDLER": "kwalibo.api.errors.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kwalibo API",
    "DESCRIPTION": (
        "Public and partner API of the Kwalibo platform: the register of recognised "
        "soil intermediaries (erkenningen, Besluit bodemkwaliteit) and more. "
        "Activity codes are stable identifiers documented in docs/activities.md."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Choice sets that several serializers share get one stable component name each.
    "ENUM_NAME_OVERRIDES": {
        "QualityClassEnum": "kwalibo.passport.models.QualityClass.values",
        "FunctionClassEnum": "kwalibo.passport.models.FunctionClass.values",
        "LocationFunctionClassEnum": "kwalibo.assessments.domain.application.FUNCTION_CLASSES",
        "SoilMaterialEnum": "kwalibo.assessments.domain.large_scale.MATERIALS",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "kwalibo.api.schema.drop_storage_bounds",
        "kwalibo.api.schema.document_errors",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
