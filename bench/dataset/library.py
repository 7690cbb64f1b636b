"""The public reports library: finished report runs with their PDF and the published entries,
drawn from what the network would have published over the years; every entry downloads the same
small sample PDF."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.files.base import ContentFile

from reports.models import PublishedReport, ReportFile, ReportRun, private_storage
from vocabulary.models import Pillar

from .. import vocabulary as words
from .common import BASE_DATE, PUBLISHED_SHARE, REPORT_FILE, add_months, bilingual, make_slug, moment
from .reference import Reference
from .writer import Output, Writer


@dataclass
class LibraryEntry:
    kind: str
    year: int
    start: date
    end: date
    language: str
    title: str
    summary: str
    pillar: Pillar | None = None


def _catalogue(ref: Reference) -> list[LibraryEntry]:
    """Every report the library could hold over the years, in a fixed order."""
    entries = []
    last_full_year = BASE_DATE.year - 1
    for year in range(2019, BASE_DATE.year + 1):
        whole = (date(year, 1, 1), date(year, 12, 31))
        if year <= last_full_year:
            entries += [
                LibraryEntry(
                    ReportRun.Kind.ANNUAL, year, *whole, "vi",
                    f"Báo cáo tổng hợp thường niên năm {year} của Chương trình NPAP",
                    f"Tổng hợp hoạt động và kết quả của các thành viên Mạng lưới trong năm {year}.",
                ),
                LibraryEntry(
                    ReportRun.Kind.ANNUAL, year, *whole, "en", f"NPAP annual synthesis report {year}",
                    f"The network members' activities and results in {year}.",
                ),
            ]  # fmt: skip
            for pillar in ref.pillars:
                name = bilingual(pillar, "name")
                entries.append(
                    LibraryEntry(
                        ReportRun.Kind.PILLAR, year, *whole, "vi", f"Báo cáo hoạt động Trụ cột {name[0]} năm {year}",
                        f"Hoạt động, sáng kiến và kết quả của Trụ cột {name[0]} năm {year}.", pillar,
                    )
                )  # fmt: skip
            policy = ref.pillar_by_code.get("policy") or ref.pillars[0]
            for title_vi, title_en in words.ANALYTICAL_REPORTS:
                entries += [
                    LibraryEntry(ReportRun.Kind.PILLAR, year, *whole, "vi", f"{title_vi} ({year})", "Báo cáo phân tích của Chương trình NPAP.", policy),
                    LibraryEntry(ReportRun.Kind.PILLAR, year, *whole, "en", f"{title_en} ({year})", "An analytical report of the NPAP.", policy),
                ]  # fmt: skip
        entries.append(
            LibraryEntry(
                ReportRun.Kind.SIX_MONTH, year, date(year, 1, 1), date(year, 6, 30), "vi",
                f"Báo cáo 6 tháng đầu năm {year} của Nhóm công tác NPAP",
                f"Kết quả hoạt động 6 tháng đầu năm {year} và kế hoạch 6 tháng cuối năm.",
            )
        )  # fmt: skip
        for quarter in range(1, 5):
            start = date(year, 3 * quarter - 2, 1)
            end = add_months(start, 3) - timedelta(days=1)
            if end >= BASE_DATE:
                break
            for pillar in ref.pillars:
                name = bilingual(pillar, "name")[0]
                entries.append(
                    LibraryEntry(
                        ReportRun.Kind.NEWSLETTER, year, start, end, "vi", f"Bản tin Nhóm kỹ thuật {name} quý {quarter}/{year}",
                        f"Tin hoạt động của các thành viên Trụ cột {name} trong quý {quarter}/{year}.", pillar,
                    )
                )  # fmt: skip
    return entries


def sample_pdf() -> bytes:
    """A one-page PDF, small and valid, that every generated library entry downloads."""
    text = b"NPAP Viet Nam - bao cao mau cua bo du lieu thu nghiem (benchmark dataset)"
    stream = b"BT /F1 14 Tf 56 780 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    pdf = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    pdf += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    pdf += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return pdf


def write_library(rng: random.Random, ref: Reference, count: int, writer: Writer, out: Output) -> None:
    content = sample_pdf()
    name = REPORT_FILE
    if not private_storage.exists(name):
        name = private_storage.save(name, ContentFile(content))
    library = _catalogue(ref)
    chosen = [library[index] for index in sorted(rng.sample(range(len(library)), min(count, len(library))))]
    runs = []
    for entry in chosen:
        started = moment(rng, entry.end + timedelta(days=rng.randint(5, 40)))
        runs.append(
            ReportRun(
                kind=entry.kind,
                period_start=entry.start,
                period_end=entry.end,
                pillar=entry.pillar,
                language=entry.language,
                formats=[ReportRun.Format.PDF],
                status=ReportRun.Status.SUCCEEDED,
                progress=100,
                started_at=started,
                heartbeat_at=started + timedelta(seconds=40),
                finished_at=started + timedelta(seconds=45),
                attempts=1,
            )
        )
    writer.insert(ReportRun, runs)
    files = writer.insert(
        ReportFile,
        [
            ReportFile(run_id=run.pk, format=ReportRun.Format.PDF, file=name, size=len(content))
            for run in runs
        ],
    )
    reports = [
        PublishedReport(
            slug=make_slug(entry.title, number, 90),
            title=entry.title,
            summary=entry.summary,
            kind=entry.kind,
            pillar=entry.pillar,
            year=entry.year,
            language=entry.language,
            file_id=report_file.pk,
            is_published=rng.random() < PUBLISHED_SHARE,
        )
        for number, (entry, report_file) in enumerate(zip(chosen, files, strict=True), start=1)
    ]
    writer.insert(PublishedReport, reports)
    out.say(f"published reports: {len(reports):,}")
