"""Sign-in sheets: an XLSX or CSV list of the delegates of an event, recorded as attendance.

``sheet`` reads the file into rows of text, the same shape the coordinator corrects in the
preview, kept on a :class:`~events.models.SignInImport`; ``columns`` knows the sheets' headings
and words and checks a row; ``review`` compares each row with the directory (through
``members.matching``) every time the preview is shown, so a person added in another tab
meanwhile is found, and a correction is checked as soon as it is made.
"""
