import factory

from members.tests.factories import OrganisationFactory
from reports.models import PublishedReport, ReportFile
from reports.tests.factories import ReportRunFactory

from ..models import Resource, ResourceOrganisation


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource
        skip_postgeneration_save = True

    kind = Resource.Kind.STUDY
    title_vi = factory.Sequence(lambda n: f"Báo cáo phân tích về rác thải nhựa {n}")
    title_en = factory.Sequence(lambda n: f"Analytical report on plastic waste {n}")
    slug = factory.Sequence(lambda n: f"tai-lieu-{n}")
    summary_vi = "Kinh nghiệm các nước trong mạng lưới GPAP."
    url = "https://monre.gov.vn/"
    year = 2024
    language = "vi"
    is_published = True

    @factory.post_generation
    def pillars(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.pillars.set(extracted)

    @factory.post_generation
    def provinces(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.provinces.set(extracted)

    @factory.post_generation
    def technical_groups(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.technical_groups.set(extracted)


class ResourceOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResourceOrganisation

    resource = factory.SubFactory(ResourceFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class ReportFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportFile

    run = factory.SubFactory(ReportRunFactory)
    format = "pdf"
    file = factory.django.FileField(filename="bao-cao.pdf", data=b"%PDF-1.4 report")


class PublishedReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PublishedReport

    slug = factory.Sequence(lambda n: f"bao-cao-{n}")
    title = factory.Sequence(lambda n: f"Báo cáo tổng hợp thường niên {n}")
    kind = "annual"
    year = 2023
    language = "vi"
    file = factory.SubFactory(ReportFileFactory)
    published_by = factory.SubFactory("members.tests.factories.UserFactory")
