"""The member directory as import sheets (``core.imports``): organisations with their membership,
and people with their role at an organisation.

Which stored row a sheet's row is, and whether a new row looks like one already there, is decided
by ``members.matching``, as for sign-in sheets and the person merge:

- an organisation is the one with the row's slug, or else with exactly the row's Vietnamese name;
  a new one whose name, English name, acronym or other name matches one of the directory's
  (ignoring accents) is a possible duplicate;
- a person is the one with the row's email or phone, or else the one with exactly the row's name
  at the row's organisation; a new one with a similar name at the same organisation is a possible
  duplicate.
"""

from .common import province_widget
from .organisations import OrganisationResource
from .people import PersonResource

__all__ = ["OrganisationResource", "PersonResource", "province_widget"]
