import factory
from django.utils import timezone

from initiatives.tests.factories import PillarFactory
from members.tests.factories import OrganisationFactory
from vocabulary.models import TechnicalGroup

from ..models import GroupMembership, Issue, Subscriber


class TechnicalGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TechnicalGroup

    pillar = factory.SubFactory(PillarFactory)
    name_vi = factory.Sequence(lambda n: f"Nhóm kỹ thuật Đổi mới sáng tạo {n}")
    name_en = factory.Sequence(lambda n: f"Innovation technical group {n}")


class GroupMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupMembership

    group = factory.SubFactory(TechnicalGroupFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = GroupMembership.Role.MEMBER


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"doc-gia-{n}@npap.test")
    language = "vi"
    confirmed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def groups(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.groups.set(extracted)

    @factory.post_generation
    def pillars(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.pillars.set(extracted)


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issue

    group = factory.SubFactory(TechnicalGroupFactory)
    year = 2022
    quarter = 4
    title_vi = factory.Sequence(lambda n: f"Bản tin quý IV/2022 số {n}")
    title_en = factory.Sequence(lambda n: f"Newsletter Q4/2022 no. {n}")
    editorial_vi = "Mô hình kinh tế tuần hoàn tại Hoàn Kiếm đã được bàn giao ngày 28/10/2022."
    editorial_en = "The circular-economy model in Hoàn Kiếm was handed over on 28/10/2022."


class SentIssueFactory(IssueFactory):
    status = Issue.Status.SENT
    sent_at = factory.LazyFunction(timezone.now)
