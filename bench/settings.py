"""Settings for benchmark runs: the portal's own settings, plus the benchmark tooling.

Run with ``DJANGO_SETTINGS_MODULE=bench.settings``; everything else (database, cache, broker)
comes from the same environment variables as the portal's settings.
"""

from network_portal.settings import *  # noqa: F403

INSTALLED_APPS += ["bench"]  # noqa: F405

# The portal's URLs plus the bare view every page is compared with.
ROOT_URLCONF = "bench.urls"
