"""The coordinators' admin of initiatives, by job: ``initiatives`` (an initiative on one page with
its partners, results, documents and photos), ``results`` (results, indicators and periods),
``updates`` (the approval queue and corrections, with the correction form in ``corrections``)
and ``catalogue`` (dimensions and network indicators). Importing the package registers them all."""

from . import catalogue, initiatives, results, updates

__all__ = ["catalogue", "initiatives", "results", "updates"]
