import datetime

import factory

from reports.models import ReportRun


class ReportRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportRun

    kind = ReportRun.Kind.ANNUAL
    period_start = datetime.date(2022, 1, 1)
    period_end = datetime.date(2022, 12, 31)
    language = "vi"
    formats = ["pdf", "docx", "xlsx", "csv"]
