"""The benchmark tooling as an app, so ``manage.py`` finds its commands under ``bench.settings``."""

from django.apps import AppConfig


class BenchConfig(AppConfig):
    name = "bench"
    verbose_name = "Benchmarks"
