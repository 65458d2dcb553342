"""Settings shared by every environment; each value can come from the environment."""

from pathlib import Path

import environ
from csp.constants import NONE, SELF

from config.network import trusted_networks

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()


def embedded_broker_options(broker_dir: Path) -> dict:
    """kombu's filesystem transport: one folder for in and out, plus a control folder."""
    return {
        "data_folder_in": str(broker_dir / "queue"),
        "data_folder_out": str(broker_dir / "queue"),
        "control_folder": str(broker_dir / "control"),
        "processed_folder": str(broker_dir / "processed"),
        "store_processed": False,
    }


# Everything the app writes at run time (SQLite, embedded broker, mail copies) lives here.
VAR_DIR = Path(env.str("RUNSTRONG_VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "accounts",
    "exercises",
    "plans",
    "reminders",
    "activities",
    "outbox",
    "limits",
    "feeds",
    "apitokens",
    "privacy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "config.middleware.permissions_policy",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
            ],
        },
    },
]


def sqlite_tuned(database: dict) -> dict:
    """SQLite as the web and worker processes share it: in WAL mode readers go on while one
    process writes and a commit no longer waits for the disk (synchronous=NORMAL: a power cut
    may lose the last commits, never the file); a transaction takes the write lock when it
    begins, so two that read first cannot deadlock upgrading, and a held lock is waited for."""
    if database["ENGINE"].endswith("sqlite3"):
        database.setdefault("OPTIONS", {}).update(
            {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            }
        )
    return database


DATABASES = {
    "default": sqlite_tuned(
        env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'runstrong.sqlite3'}")
    ),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_settings(redis_url: str, cache_dir: Path) -> dict:
    """Redis when a URL is given; otherwise files under var/: with no server to run, the web
    and worker processes still share one cache (a per-process memory cache would keep a
    session alive in one process after logging out in another)."""
    if redis_url:
        return {
            "default": {
                "BACKEND": "config.redis_cache.RedisCache",
                "LOCATION": redis_url,
                "KEY_PREFIX": "runstrong",
            }
        }
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(cache_dir),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }


CACHES = cache_settings(env.str("REDIS_URL", default=""), VAR_DIR / "cache")
# Sessions read from the cache, written through to the database: no query for the session on
# a request, and logging out (or a password change) removes it from both.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.AccountBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ["email", "display_name"]},
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "plans:week"
LOGOUT_REDIRECT_URL = "home"

# Addresses or CIDR ranges of the reverse proxies in front of the app: only a request from
# one of them has its client's address read from X-Forwarded-For.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
trusted_networks(TRUSTED_PROXIES)  # a typo stops the boot

# Throttle repeated failed logins per account and per address (accounts/throttle.py).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
# Higher: many people can share an address (an office, a gym, a phone network).
AXES_IP_FAILURE_LIMIT = env.int("AXES_IP_FAILURE_LIMIT", default=20)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = False  # the handler forgets only the account's own failures
AXES_HANDLER = "accounts.throttle.LoginThrottle"
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "accounts.throttle.login_username"
AXES_CLIENT_IP_CALLABLE = "config.network.client_ip"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
# Files browsers ask for at the site root (/favicon.ico), served by WhiteNoise as they are.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Only this site's own files run or style a page: no inline scripts, handlers or style
# attributes (each page's script is static/js/<page>.js). Bootstrap draws its form icons as
# data: images.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# The JSON API under /api/v1/ (see the README): a personal access token or the browser session
# (with its CSRF token); answers and errors in JSON only.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "apitokens.authentication.BearerTokenAuthentication",
        "config.rest_defaults.CsrfSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "apitokens.authentication.TokenScope",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "config.rest_defaults.PerUserThrottle",
        "apitokens.authentication.PerTokenThrottle",
    ],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["config.rest_defaults.StrictJSONParser"],
    "DEFAULT_PAGINATION_CLASS": "config.rest_defaults.Pagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "config.rest.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "config.rest.ApiSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
API_REQUESTS_PER_USER_PER_MINUTE = env.int("API_REQUESTS_PER_USER_PER_MINUTE", default=120)
API_REQUESTS_PER_TOKEN_PER_MINUTE = env.int("API_REQUESTS_PER_TOKEN_PER_MINUTE", default=60)
SPECTACULAR_SETTINGS = {
    "TITLE": "RunStrong API",
    "DESCRIPTION": (
        "The runner's profile, weeks, sessions and runs; the exercise library; a coach's "
        "athletes, their weeks and the coach's templates. Send a personal access token as "
        "`Authorization: Bearer …` (create one on your account page), or use the browser "
        "session with the `X-CSRFToken` header. Every error answers "
        '`{"errors": {"field": ["message", …]}}`.'
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # No link inside each operation's toggle button: a link in a button is two controls in
    # one for keyboards and screen readers.
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "PATH_CONVERTER_OVERRIDES": {
        "id": {"type": "integer", "minimum": 0, "maximum": 999_999_999_999_999_999}
    },
    "ENUM_NAME_OVERRIDES": {
        "InjuryArea": "exercises.vocabulary.InjuryArea",
        "Activity": "exercises.vocabulary.Activity",
        "Equipment": "exercises.vocabulary.Equipment",
        "Place": "exercises.vocabulary.Place",
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Email: console plus a file copy of each message under var/mail/ unless EMAIL_URL is set.
MAIL_DIR = VAR_DIR / "mail"
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
EMAIL_URL = env.str("EMAIL_URL", default="")
if EMAIL_URL:
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "config.mail.ConsoleAndFileBackend"
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="RunStrong <coach@runstrong.local>")
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

# Celery: an embedded filesystem broker unless CELERY_BROKER_URL (or REDIS_URL) is set.
BROKER_DIR = Path(env.str("RUNSTRONG_BROKER_DIR", default=str(VAR_DIR / "broker")))
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=env.str("REDIS_URL", default=""))
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = embedded_broker_options(BROKER_DIR)
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_TIME_LIMIT = 5 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 60
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "UTC"
CELERY_IMPORTS = ["config.tasks"]
# Post-run reminders: beat sweeps the database; a sender holds a row for the lease at most.
REMINDER_SWEEP_SECONDS = env.float("REMINDER_SWEEP_SECONDS", default=10)
# A lease must outlast the slowest send EMAIL_TIMEOUT allows (reminders/checks.py checks).
REMINDER_LEASE_SECONDS = env.int("REMINDER_LEASE_SECONDS", default=240)
REMINDER_RETRY_SECONDS = env.int("REMINDER_RETRY_SECONDS", default=60)
REMINDER_MAX_ATTEMPTS = env.int("REMINDER_MAX_ATTEMPTS", default=5)
REMINDER_SENDERS = env.int("REMINDER_SENDERS", default=4)
REMINDER_DRAIN_SECONDS = 30  # plus EMAIL_TIMEOUT, within the 60 s soft time limit
# Runners a task of the hourly planning takes on: a chunk plans in a fixed number of queries.
PLANNING_CHUNK_SIZE = env.int("PLANNING_CHUNK_SIZE", default=100)
REMINDER_BATCH_SIZE = env.int("REMINDER_BATCH_SIZE", default=50)  # rows a sender claims at once
# How long a sender slot stays booked for a queued sender that has not started yet.
REMINDER_SENDER_BOOKING_SECONDS = max(5.0, 5 * REMINDER_SWEEP_SECONDS)
# Rate limits: past one, the person is told when to try again and nothing is sent or saved.
INVITATIONS_PER_COACH_PER_HOUR = env.int("INVITATIONS_PER_COACH_PER_HOUR", default=20)
INVITATIONS_PER_ADDRESS_PER_DAY = env.int("INVITATIONS_PER_ADDRESS_PER_DAY", default=3)
EMAIL_CONFIRMATIONS_PER_ADDRESS_PER_HOUR = env.int(
    "EMAIL_CONFIRMATIONS_PER_ADDRESS_PER_HOUR", default=3
)
PASSWORD_RESETS_PER_ADDRESS_PER_HOUR = env.int("PASSWORD_RESETS_PER_ADDRESS_PER_HOUR", default=3)
SIGNUPS_PER_ADDRESS_PER_HOUR = env.int("SIGNUPS_PER_ADDRESS_PER_HOUR", default=3)
SIGNUPS_PER_IP_PER_HOUR = env.int("SIGNUPS_PER_IP_PER_HOUR", default=20)
PLAN_PREVIEWS_PER_USER_PER_MINUTE = env.int("PLAN_PREVIEWS_PER_USER_PER_MINUTE", default=60)
# Every other email (invitations, password resets): stored first, then sent and retried.
OUTBOX_SWEEP_SECONDS = env.float("OUTBOX_SWEEP_SECONDS", default=10)
OUTBOX_LEASE_SECONDS = env.int("OUTBOX_LEASE_SECONDS", default=120)
OUTBOX_RETRY_SECONDS = env.int("OUTBOX_RETRY_SECONDS", default=60)
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=5)
OUTBOX_SENDERS = env.int("OUTBOX_SENDERS", default=2)
OUTBOX_DRAIN_SECONDS = 30  # plus EMAIL_TIMEOUT, within the 60 s soft time limit
CELERY_BEAT_SCHEDULE = {
    "plan-upcoming-weeks": {
        "task": "plans.tasks.plan_upcoming_weeks_for_everyone",
        "schedule": 3600,
    },
    "dashboard-lines": {"task": "plans.tasks.dashboard_lines_refresh", "schedule": 15 * 60},
    "reminders-sweep": {"task": "reminders.tasks.sweep", "schedule": REMINDER_SWEEP_SECONDS},
    "activities-sweep": {"task": "activities.tasks.sweep", "schedule": 60},
    "outbox-sweep": {"task": "outbox.tasks.sweep", "schedule": OUTBOX_SWEEP_SECONDS},
    "password-resets-sweep": {"task": "accounts.tasks.password_resets_sweep", "schedule": 60},
    "limits-prune": {"task": "limits.tasks.prune", "schedule": 3600},
    "exports-sweep": {"task": "privacy.tasks.sweep", "schedule": 60},
}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"secret_paths": {"()": "config.log_filters.RedactSecretPaths"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["secret_paths"]}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}
