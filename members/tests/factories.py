import factory
from django.contrib.auth import get_user_model

from initiatives.tests.factories import PillarFactory
from members.models import (
    Affiliation,
    EditorRequest,
    Membership,
    MembershipType,
    Organisation,
    Person,
    PillarParticipation,
)
from vocabulary.models import Province


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province
        django_get_or_create = ["code"]

    code = "ha-noi"
    name_vi = "Hà Nội"
    name_en = "Hanoi"
    kind = Province.Kind.CITY


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_vi = factory.Sequence(lambda n: f"Trung tâm Hỗ trợ Phát triển Xanh {n}")
    name_en = factory.Sequence(lambda n: f"Green Development Support Centre {n}")
    slug = factory.Sequence(lambda n: f"to-chuc-{n}")
    kind = Organisation.Kind.NGO
    province = factory.SubFactory(ProvinceFactory)
    is_published = True


class MembershipTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MembershipType
        django_get_or_create = ["code"]

    code = "member"
    name_vi = "Thành viên"
    name_en = "Member"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    membership_type = factory.SubFactory(MembershipTypeFactory)
    status = Membership.Status.ACTIVE


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Nguyễn Thị Lan {n}")
    gender = Person.Gender.FEMALE
    position = "Cán bộ dự án"
    email = factory.Sequence(lambda n: f"lan{n}@greenhub.test")
    phone = factory.Sequence(lambda n: f"+84 91 234 {n:04d}")


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Affiliation.Role.FOCAL_POINT
    is_primary = True


class PillarParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PillarParticipation

    organisation = factory.SubFactory(OrganisationFactory)
    pillar = factory.SubFactory(PillarFactory)
    role = PillarParticipation.Role.PARTICIPANT


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"user{n}@member.test")
    password = factory.PostGenerationMethodCall("set_password", "Mat-khau-2026")

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class EditorRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EditorRequest

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = EditorRequest.Status.APPROVED
