"""The two IATI files: every published initiative as an activity, written activity by activity
as it is read so that memory stays flat however many there are, and the reporting
organisation's file, small enough to build whole."""

from collections.abc import Iterator

from django.urls import reverse
from django.utils import timezone, translation
from lxml import etree

from core.mail import absolute_url

from . import codes, selectors
from .activities import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    XML_LANG,
    Publisher,
    activity_element,
    iso_datetime,
    narratives,
    sub,
    text_element,
)


class _Sink:
    """Where the incremental writer puts its bytes until the response takes them."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []

    def write(self, data: bytes) -> None:
        self.chunks.append(data)

    def take(self) -> bytes:
        data = b"".join(self.chunks)
        self.chunks.clear()
        return data


def activities_xml(*, page_size: int | None = None) -> Iterator[bytes]:
    """``iati-activities`` as UTF-8 bytes, a piece per activity. Each activity is built as a
    small tree, written out and dropped; the pages of initiatives come from
    :func:`selectors.activity_pages`."""
    publisher = Publisher.from_settings()
    sink = _Sink()
    with etree.xmlfile(sink, encoding="utf-8") as xml:
        xml.write_declaration()
        root = {"version": codes.VERSION, "generated-datetime": iso_datetime(timezone.now())}
        with xml.element("iati-activities", root):
            xml.write("\n")
            xml.flush()
            # The first bytes leave before the first page is read.
            yield sink.take()
            pages = selectors.activity_pages(
                reporting_ref=publisher.ref, page_size=page_size or selectors.PAGE_SIZE
            )
            for page in pages:
                for activity in page:
                    xml.write(activity_element(activity, publisher), pretty_print=True)
                    xml.flush()
                    yield sink.take()
    yield sink.take()


def organisation_xml() -> bytes:
    """``iati-organisations`` with the reporting organisation: its names, its pages on the
    portal and the published annual reports of the public library."""
    publisher = Publisher.from_settings()
    root = etree.Element("iati-organisations", version=codes.VERSION)
    root.set("generated-datetime", iso_datetime(timezone.now()))
    organisation = sub(root, "iati-organisation")
    organisation.set(XML_LANG, DEFAULT_LANGUAGE)
    sub(organisation, "organisation-identifier").text = publisher.ref
    narratives(sub(organisation, "name"), publisher.names)
    narratives(sub(organisation, "reporting-org", ref=publisher.ref, type=publisher.type), publisher.names)
    for language in LANGUAGES:
        with translation.override(language):
            url = absolute_url(reverse("home"))
        link = sub(organisation, "document-link", format=codes.HTML, url=url)
        narratives(sub(link, "title"), {language: publisher.names[language]})
        sub(link, "category", code=codes.ORGANISATION_WEB_PAGE)
        sub(link, "language", code=language)
    for report in selectors.annual_reports():
        with translation.override(DEFAULT_LANGUAGE):
            url = absolute_url(reverse("reports:published_download", kwargs={"slug": report.slug}))
        link = sub(organisation, "document-link", format=codes.MEDIA_TYPES[report.file.format], url=url)
        narratives(sub(link, "title"), {report.language: report.title})
        text_element(link, "description", {report.language: report.summary})
        sub(link, "category", code=codes.ANNUAL_REPORT)
        sub(link, "language", code=report.language)
        sub(link, "document-date", iso_date=timezone.localdate(report.created_at).isoformat())
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
