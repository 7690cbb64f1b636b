"""The IATI 2.03 files: the published initiatives as activities with their results
(``/iati/activities.xml``, streamed) and the reporting organisation (``/iati/organisation.xml``).
See ``docs/iati.md`` for the mappings."""
