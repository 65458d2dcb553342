"""`make bench`: the test settings (DEBUG off, fast hashing for seeding thousands of users, mail
in memory) against a database of its own, never the dev one, plus the baseline view's URL."""

from .base import VAR_DIR, cache_settings, env, sqlite_tuned
from .test import *  # noqa: F403

SECRET_KEY = "bench-only-key"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
ROOT_URLCONF = "benchmarks.urls"
DATABASES = {
    "default": sqlite_tuned(
        env.db("BENCH_DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'bench.sqlite3'}")
    )
}
# As in production: Redis when BENCH_REDIS_URL names one, else files shared by the workers;
# connections kept open between requests.
CACHES = cache_settings(env.str("BENCH_REDIS_URL", default=""), VAR_DIR / "bench-cache")
CACHES["default"]["KEY_PREFIX"] = "runstrong-bench"
DATABASES["default"]["CONN_MAX_AGE"] = 60
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
