"""Importing initiatives, their results framework and approved figures of the past from a
spreadsheet in the admin: each row placed by the initiative's slug, checked as the admin and a
member's update are, imported all or nothing, and unchanged when imported again."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from core.imports.cells import XLSXFormat
from core.tests.test_imports import confirm, import_rows, preview, row_errors, statuses
from initiatives.models import (
    Indicator,
    IndicatorUpdate,
    Initiative,
    InitiativePartner,
    Measure,
    Period,
    PeriodTarget,
    Result,
    UpdateDisaggregation,
)
from initiatives.tests.factories import (
    IndicatorFactory,
    IndicatorUpdateFactory,
    InitiativeFactory,
    PeriodFactory,
    PillarFactory,
    ResultFactory,
    sex_values,
)
from members.tests.factories import OrganisationFactory, ProvinceFactory

pytestmark = pytest.mark.django_db

INITIATIVES = "initiatives_initiative"
RESULTS = "initiatives_result"
INDICATORS = "initiatives_indicator"
PERIODS = "initiatives_period"
UPDATES = "initiatives_indicatorupdate"


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def signed_in(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def network(db):
    hanoi = ProvinceFactory()
    ProvinceFactory(
        code="quang-nam",
        name_vi="Quảng Nam",
        name_en="Quang Nam",
        successor=ProvinceFactory(code="da-nang", name_vi="Đà Nẵng", name_en="Da Nang"),
    )
    PillarFactory(
        code="gender-inclusion", name_vi="Bình đẳng giới và phát triển bao trùm", name_en="Gender equality"
    )
    cecr = OrganisationFactory(
        name_vi="Trung tâm Nghiên cứu Môi trường và Cộng đồng", acronym="CECR", aliases="Trung tâm CECR"
    )
    dow = OrganisationFactory(name_vi="Dow Việt Nam", name_en="Dow Vietnam", acronym="")
    return {"hanoi": hanoi, "cecr": cecr, "dow": dow}


INITIATIVE_HEADINGS = [
    "Tên sáng kiến (tiếng Việt)",
    "Tên viết tắt",
    "Tình trạng",
    "Ngày bắt đầu",
    "Ngày kết thúc",
    "Chương trình",
    "Tỉnh/thành phố",
    "Trụ cột",
    "Tổ chức chủ trì",
    "Nhà tài trợ",
    "Công khai",
]
ASPPIRE = [
    "Dự án ASPPIRe: hỗ trợ người thu gom phi chính thức",
    "ASPPIRe",
    "đã hoàn thành",
    "01/01/2021",
    "31/12/2022",
    "",
    "Hà Nội",
    "Bình đẳng giới và phát triển bao trùm",
    "CECR",
    "",
    "Có",
]
LOW_VALUE = [
    "Mô hình kinh tế tuần hoàn cho rác thải nhựa giá trị thấp",
    "",
    "completed",
    "2020-01-01",
    "2022-12-31",
    "ASPPIRe",
    "Ha Noi; Quảng Nam",
    "gender-inclusion",
    "Trung tâm CECR",
    "Dow Việt Nam",
    "có",
]


def test_initiatives_import_with_partners_provinces_pillars_and_programme(signed_in, network):
    previewed, imported = import_rows(signed_in, INITIATIVES, [INITIATIVE_HEADINGS, ASPPIRE, LOW_VALUE])
    assert statuses(previewed) == {2: "new", 3: "new"}
    assert imported.status_code == 302
    asppire = Initiative.objects.get(acronym="ASPPIRe")
    assert (asppire.slug, asppire.status, asppire.start, asppire.is_published) == (
        "asppire",
        "completed",
        datetime.date(2021, 1, 1),
        True,
    )
    low_value = Initiative.objects.get(title_vi=LOW_VALUE[0])
    assert low_value.parent == asppire
    assert sorted(low_value.provinces.values_list("code", flat=True)) == ["ha-noi", "quang-nam"]
    assert list(low_value.pillars.values_list("code", flat=True)) == ["gender-inclusion"]
    assert sorted(
        (p.organisation.acronym or p.organisation.name_vi, p.role) for p in low_value.partners.all()
    ) == [
        ("CECR", InitiativePartner.Role.ACCOUNTABLE),
        ("Dow Việt Nam", InitiativePartner.Role.FUNDER),
    ]


def test_initiatives_imported_again_change_nothing_and_a_filled_cell_is_the_whole_list(signed_in, network):
    import_rows(signed_in, INITIATIVES, [INITIATIVE_HEADINGS, ASPPIRE, LOW_VALUE])
    snapshot = (
        list(Initiative.objects.order_by("pk").values()),
        list(InitiativePartner.objects.order_by("pk").values()),
        Initiative.history.count(),
    )
    previewed, _imported = import_rows(signed_in, INITIATIVES, [INITIATIVE_HEADINGS, ASPPIRE, LOW_VALUE])
    assert statuses(previewed) == {2: "skip", 3: "skip"}
    assert (
        list(Initiative.objects.order_by("pk").values()),
        list(InitiativePartner.objects.order_by("pk").values()),
        Initiative.history.count(),
    ) == snapshot

    changed = [*LOW_VALUE[:8], "CECR; Dow Viet Nam", "", "có"]
    previewed, _imported = import_rows(signed_in, INITIATIVES, [INITIATIVE_HEADINGS, changed])
    assert statuses(previewed) == {2: "update"}
    low_value = Initiative.objects.get(title_vi=LOW_VALUE[0])
    # Dow now leads too; the empty funders' cell changes nothing: Dow stays the funder.
    assert sorted(low_value.partners.values_list("organisation__name_vi", "role")) == [
        ("Dow Việt Nam", "accountable"),
        ("Dow Việt Nam", "funder"),
        ("Trung tâm Nghiên cứu Môi trường và Cộng đồng", "accountable"),
    ]
    assert Initiative.history.filter(id=low_value.pk).count() == 1, "only the partners changed"


def test_initiative_rows_with_unknown_partners_places_or_dates_are_refused(signed_in, network):
    rows = [
        INITIATIVE_HEADINGS,
        [
            "Sáng kiến A",
            "",
            "đang thực hiện",
            "01/01/2024",
            "31/12/2023",
            "",
            "Sài Gòn",
            "",
            "Tổ chức chưa có",
            "",
            "Có",
        ],
        ["Sáng kiến B", "", "", "", "", "khong-co-chuong-trinh", "", "Môi trường biển", "", "", ""],
    ]
    response = preview(signed_in, INITIATIVES, rows)
    assert statuses(response) == {2: "error", 3: "error"}
    columns = {label for label, _message in row_errors(response, 2)}
    assert {"Tỉnh/thành phố", "Tổ chức chủ trì", "Ngày kết thúc"} <= columns
    assert {label for label, _message in row_errors(response, 3)} == {"Chương trình", "Trụ cột"}
    assert not Initiative.objects.exists()


def test_the_results_framework_imports_by_initiative_slug(signed_in, network):
    initiative = InitiativeFactory(slug="asppire", title_vi="Dự án ASPPIRe")
    sexes = sex_values()
    import_rows(
        signed_in,
        RESULTS,
        [
            ["Sáng kiến (mã)", "Loại kết quả", "Kết quả (tiếng Việt)", "Kết quả (tiếng Anh)", "Thứ tự"],
            ["asppire", "đầu ra", "Người thu gom được tập huấn", "Waste pickers trained", 1],
            ["Dự án ASPPIRe", "outcome", "Hộ gia đình phân loại rác tại nguồn", "", 2],
        ],
    )
    assert list(initiative.results.values_list("title_vi", "type", "order")) == [
        ("Người thu gom được tập huấn", "output", 1),
        ("Hộ gia đình phân loại rác tại nguồn", "outcome", 2),
    ]
    import_rows(
        signed_in,
        INDICATORS,
        [
            [
                "Sáng kiến (mã)",
                "Kết quả (tiếng Việt)",
                "Chỉ số (tiếng Việt)",
                "Cách đo",
                "Đơn vị (tiếng Việt)",
                "Chỉ tiêu tổng",
            ],
            [
                "asppire",
                "Người thu gom được tập huấn",
                "Số người thu gom và phụ nữ được tập huấn",
                "định lượng (một số kèm đơn vị)",
                "người",
                "100",
            ],
            [
                "asppire",
                "Hộ gia đình phân loại rác tại nguồn",
                "Số hộ gia đình phân loại rác tại nguồn",
                "quantitative",
                "hộ",
                "9.000",
            ],
        ],
    )
    households = Indicator.objects.get(title_vi="Số hộ gia đình phân loại rác tại nguồn")
    assert (households.result.title_vi, households.unit_vi, households.target_value, households.measure) == (
        "Hộ gia đình phân loại rác tại nguồn",
        "hộ",
        Decimal("9000"),
        Measure.QUANTITATIVE,
    )
    rows = [
        [
            "Sáng kiến (mã)",
            "Chỉ số (tiếng Việt)",
            "Từ ngày",
            "Đến ngày",
            "Chỉ tiêu",
            "Chỉ tiêu nữ",
            "Chỉ tiêu nam",
        ],
        [
            "asppire",
            "Số người thu gom và phụ nữ được tập huấn",
            "01/01/2022",
            "31/12/2022",
            "100",
            "80",
            "20",
        ],
    ]
    import_rows(signed_in, PERIODS, rows)
    period = Period.objects.get()
    assert (period.start, period.end, period.target_value) == (
        datetime.date(2022, 1, 1),
        datetime.date(2022, 12, 31),
        Decimal("100"),
    )
    assert dict(period.disaggregation_targets.values_list("dimension_value__code", "value")) == {
        "female": Decimal("80"),
        "male": Decimal("20"),
    }
    snapshot = (list(PeriodTarget.objects.values()), PeriodTarget.history.count(), Period.history.count())
    previewed, _imported = import_rows(signed_in, PERIODS, rows)
    assert statuses(previewed) == {2: "skip"}
    assert (
        list(PeriodTarget.objects.values()),
        PeriodTarget.history.count(),
        Period.history.count(),
    ) == snapshot
    rows[1][5] = "90"
    previewed, _imported = import_rows(signed_in, PERIODS, rows)
    assert statuses(previewed) == {2: "update"}
    assert period.disaggregation_targets.get(dimension_value=sexes["female"]).value == Decimal("90")


def test_results_framework_rows_that_name_nothing_are_refused(signed_in, network):
    initiative = InitiativeFactory(slug="asppire")
    ResultFactory(initiative=initiative, title_vi="Người thu gom được tập huấn")
    response = preview(
        signed_in,
        INDICATORS,
        [
            ["Sáng kiến (mã)", "Kết quả (tiếng Việt)", "Chỉ số (tiếng Việt)"],
            ["khong-co", "Người thu gom được tập huấn", "Số người"],
            ["asppire", "Kết quả chưa có", "Số người"],
            ["asppire", "Người thu gom được tập huấn", ""],
        ],
    )
    assert statuses(response) == {2: "error", 3: "error", 4: "error"}
    with translation.override("vi"):
        unknown = translation.gettext("No initiative has the slug or title “%(value)s”.") % {
            "value": "khong-co"
        }
    assert ("Sáng kiến (mã)", unknown) in row_errors(response, 2)
    assert {label for label, _message in row_errors(response, 3)} == {"Kết quả (tiếng Việt)"}
    assert [label for label, _message in row_errors(response, 4)] == ["Chỉ số (tiếng Việt)"]
    assert not Indicator.objects.exists()


# --- approved figures of the past ------------------------------------------------------------------

UPDATE_HEADINGS = [
    "Sáng kiến (mã)",
    "Chỉ số (tiếng Việt)",
    "Tổ chức báo cáo",
    "Số liệu tính đến ngày",
    "Giá trị",
    "Trong đó nữ",
    "Trong đó nam",
    "Mô tả",
]


@pytest.fixture
def trained(network):
    sex_values()
    indicator = IndicatorFactory(
        result__initiative=InitiativeFactory(slug="asppire"),
        title_vi="Số người thu gom và phụ nữ được tập huấn",
        measure=Measure.QUANTITATIVE,
    )
    return PeriodFactory(
        indicator=indicator, start=datetime.date(2022, 1, 1), end=datetime.date(2022, 12, 31)
    )


def test_figures_of_the_past_are_imported_approved_with_their_split_and_history(
    signed_in, trained, coordinator
):
    rows = [
        UPDATE_HEADINGS,
        [
            "asppire",
            trained.indicator.title_vi,
            "CECR",
            "31/10/2022",
            "250",
            "150",
            "100",
            "Tập huấn tháng 10/2022",
        ],
    ]
    previewed, imported = import_rows(signed_in, UPDATES, rows)
    update = IndicatorUpdate.objects.get()
    assert (update.status, update.value, update.organisation.acronym, update.reported_on) == (
        IndicatorUpdate.Status.APPROVED,
        Decimal("250"),
        "CECR",
        datetime.date(2022, 10, 31),
    )
    assert (update.reviewer, update.submitted_by) == (coordinator, coordinator)
    assert dict(update.disaggregations.values_list("dimension_value__code", "value")) == {
        "female": Decimal("150"),
        "male": Decimal("100"),
    }
    history = update.history.get()
    assert (history.history_type, history.history_user, history.status) == ("+", coordinator, "approved")
    assert UpdateDisaggregation.history.count() == 2

    # The same file again: nothing changes, nothing is written in the history.
    previewed, _imported = import_rows(signed_in, UPDATES, rows)
    assert statuses(previewed) == {2: "skip"}
    assert (
        IndicatorUpdate.objects.count(),
        IndicatorUpdate.history.count(),
        UpdateDisaggregation.history.count(),
    ) == (1, 1, 2)


def test_figures_are_checked_as_a_members_update_is(signed_in, trained):
    title = trained.indicator.title_vi
    rows = [
        UPDATE_HEADINGS,
        ["asppire", title, "CECR", "31/10/2022", "250", "200", "100", ""],
        ["asppire", title, "CECR", "30/11/2022", "-5", "", "", ""],
        ["asppire", title, "CECR", "15/03/2023", "10", "", "", ""],
        ["asppire", title, "CECR", "31/12/2022", "", "", "", ""],
        ["asppire", title, "CECR", "20/12/2022", "40", "-1", "", ""],
    ]
    response = preview(signed_in, UPDATES, rows)
    assert statuses(response) == {2: "error", 3: "error", 4: "error", 5: "error", 6: "error"}
    with translation.override("vi"):
        gettext = translation.gettext
        over = gettext(
            "The figures by %(dimension)s add up to %(parts)s, more than the total of %(total)s."
        ) % {
            "dimension": "giới tính",
            "parts": "300",
            "total": "250",
        }
        negative = gettext("Enter a number that is not negative.")
        no_period = gettext("The indicator has no period that includes %(date)s; add it first.") % {
            "date": "15/03/2023"
        }
        no_value = gettext("Enter the value.")
    assert ("", over) in row_errors(response, 2)
    assert ("Giá trị", negative) in row_errors(response, 3)
    assert negative == "Nhập một số không âm."
    assert ("Số liệu tính đến ngày", no_period) in row_errors(response, 4)
    assert ("Giá trị", no_value) in row_errors(response, 5)
    assert ("Trong đó nữ", negative) in row_errors(response, 6)
    assert not IndicatorUpdate.objects.exists()


def test_an_approved_figure_is_never_changed_by_an_import_nor_one_in_a_locked_period(signed_in, trained):
    cecr = OrganisationFactory._meta.model.objects.get(acronym="CECR")
    IndicatorUpdateFactory(
        period=trained,
        organisation=cecr,
        reported_on=datetime.date(2022, 10, 31),
        value=Decimal("250"),
        status=IndicatorUpdate.Status.APPROVED,
    )
    rows = [UPDATE_HEADINGS, ["asppire", trained.indicator.title_vi, "CECR", "31/10/2022", "260", "", "", ""]]
    response = preview(signed_in, UPDATES, rows)
    with translation.override("vi"):
        refused = translation.gettext(
            "This figure is approved already, with other values: an approved figure changes only by a recorded correction, in the admin."
        )
    assert row_errors(response, 2) == [("", refused)]
    trained.locked = True
    trained.save()
    rows[1][3], rows[1][4] = "30/11/2022", "300"
    response = preview(signed_in, UPDATES, rows)
    assert statuses(response) == {2: "error"}
    assert IndicatorUpdate.objects.get().value == Decimal("250")


def test_the_templates_of_the_results_framework_carry_what_they_import(signed_in, trained):
    IndicatorUpdateFactory(
        period=trained,
        reported_on=datetime.date(2022, 10, 31),
        value=Decimal("250"),
        status=IndicatorUpdate.Status.APPROVED,
    )
    exported = signed_in.get(
        reverse("admin:initiatives_indicatorupdate_import_template", args=["xlsx"]), {"filled": "1"}
    )
    dataset = XLSXFormat().create_dataset(exported.content)
    row = dict(zip(dataset.headers, dataset[0], strict=True))
    assert (
        row["Sáng kiến (mã)"],
        row["Chỉ số (tiếng Việt)"],
        row["Số liệu tính đến ngày"],
        row["Giá trị"],
    ) == (
        "asppire",
        trained.indicator.title_vi,
        "31/10/2022",
        250,
    )
    previewed = signed_in.post(
        reverse("admin:initiatives_indicatorupdate_import"),
        {"import_file": _upload(exported.content), "resource": "0"},
    )
    assert statuses(previewed) == {2: "skip"}
    confirm(signed_in, UPDATES, previewed)
    assert IndicatorUpdate.objects.count() == 1


def _upload(data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("so-lieu.xlsx", data)


def test_every_resource_has_a_heading_in_each_language_for_every_column():
    from initiatives import resources as initiative_resources
    from members import resources as member_resources

    for resource in (
        member_resources.OrganisationResource,
        member_resources.PersonResource,
        initiative_resources.InitiativeResource,
        initiative_resources.ResultResource,
        initiative_resources.IndicatorResource,
        initiative_resources.PeriodResource,
        initiative_resources.IndicatorUpdateResource,
    ):
        vi, en = resource.headings("vi"), resource.headings("en")
        assert len(set(vi)) == len(vi) == len(en) == len(set(en)) == len(resource.spec())
        for headings in (vi, en):
            names, ignored = resource.match_headings(headings)
            assert ignored == [] and names == [column.column_name for column in resource.spec()], resource


def test_results_are_counted_once_the_import_commits(signed_in, trained):
    rows = [
        UPDATE_HEADINGS,
        ["asppire", trained.indicator.title_vi, "CECR", "31/10/2022", "250", "150", "100", ""],
    ]
    previewed = preview(signed_in, UPDATES, rows)
    assert not IndicatorUpdate.objects.exists(), "the preview saves nothing"
    confirm(signed_in, UPDATES, previewed)
    assert Result.objects.count() == 1
    assert IndicatorUpdate.objects.filter(status=IndicatorUpdate.Status.APPROVED).count() == 1
