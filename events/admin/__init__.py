"""The coordinators' admin for events, by job: ``event`` (an event on one page, its filters and
the attendance sheet), ``signin`` (the sign-in sheet import), ``event_types`` (types and series)
and ``attendance`` (attendance records). Importing the package registers them all."""

from . import attendance, event, event_types

__all__ = ["attendance", "event", "event_types"]
