"""`make bench`: the test settings (DEBUG off, fast hashing for seeding thousands of users, mail
in memory) against a database of its own, never the dev one, plus the baseline view's URL."""

from .base import VAR_DIR, env
from .test import *  # noqa: F403

SECRET_KEY = "bench-only-key"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
ROOT_URLCONF = "benchmarks.urls"
DATABASES = {
    "default": env.db("BENCH_DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'bench.sqlite3'}")
}
