"""Production: every secret and service comes from the environment and start-up fails loudly
without it, never falling back to the development defaults of base.py."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, VAR_DIR, cache_settings, env

DEBUG = False
try:
    SECRET_KEY = env.str("SECRET_KEY")
except ImproperlyConfigured as missing:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set in the environment for production settings."
    ) from missing
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters long.")

# Without these base.py would quietly use SQLite, a broker in local files and console email.
REQUIRED_SERVICES = {
    "DATABASE_URL": ("DATABASE_URL",),
    "CELERY_BROKER_URL (or REDIS_URL)": ("CELERY_BROKER_URL", "REDIS_URL"),
    "EMAIL_URL": ("EMAIL_URL",),
    "REDIS_URL": ("REDIS_URL",),
}
missing_services = [
    label
    for label, names in REQUIRED_SERVICES.items()
    if not any(env.str(name, default="") for name in names)
]
if missing_services:
    raise ImproperlyConfigured(
        f"Production settings need {', '.join(missing_services)} in the environment. "
        "Set the database (postgres://…), the Celery broker (redis://…), the cache "
        "(REDIS_URL=redis://…/1) and the mail server (smtp+tls://user:password@host:587) "
        "before starting."
    )

# The cache (sessions, week pages) on its own Redis URL, never falling back to the broker's:
# a cache may evict keys under memory pressure, a broker must not lose a task.
CACHES = cache_settings(env.str("REDIS_URL"), VAR_DIR / "cache")

# Keep database connections open between requests (opening one costs more than a page's
# queries); each is checked before reuse, so a restarted database costs one error-free retry.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# X-Forwarded-Proto is trusted only behind a proxy that sets it itself: anyone reaching gunicorn
# directly could otherwise claim HTTPS for a plain HTTP request.
if env.bool("BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
