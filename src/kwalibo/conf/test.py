"""Settings for the test suite: the same as production but with a fixed test secret."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-not-used-anywhere-else")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("THROTTLE_ANON", "10000/minute")
os.environ.setdefault("SECURE_COOKIES", "false")
os.environ.setdefault("RATE_PAGES", "10000/m")
os.environ.setdefault("RATE_EXPORTS", "10000/m")

from kwalibo.conf.settings import *  # noqa: F403

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher"
]  # speed; argon2 is tested apart
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests serve static files from the apps (no collectstatic step).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
