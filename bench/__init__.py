"""Benchmark tooling: the national-scale dataset generator (``bench.dataset``) and its command.

Installed only with ``bench.settings``; the portal itself never imports it.
"""
