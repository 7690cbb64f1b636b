import datetime

import factory

from cycles.models import ReportingCycle


class ReportingCycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingCycle
        skip_postgeneration_save = True

    name_vi = "Kỳ báo cáo 6 tháng cuối năm 2026"
    name_en = "Six-month reporting, second half of 2026"
    kind = ReportingCycle.Kind.SIX_MONTH
    period_start = datetime.date(2026, 7, 1)
    period_end = datetime.date(2026, 12, 31)
    opens_on = datetime.date(2026, 12, 1)
    due_on = datetime.date(2027, 1, 15)

    @factory.post_generation
    def initiatives(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.initiatives.set(extracted)
