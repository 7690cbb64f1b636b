"""Demo data: the network's real documents from the seeds as resources of the knowledge hub.
Decision 538/QĐ-BTNMT and its 2024 plan, the strategy workshop's outcome, CECR's 2022 annual
report, the national roundtable's recommendations, and the Hoàn Kiếm circular-economy model for
low-value plastic as a good-practice model, with its story and the approved results of the demo
initiative behind it. Links point to the public sources the seeds name; the workshop's outcome and
the model's brief are written to PDF from the seeds' text."""

from django.core.files.base import ContentFile
from django.db import transaction

from core.pdf import render_pdf
from events.models import Event
from initiatives.models import Initiative
from members.models import Organisation
from vocabulary.models import Pillar, Province

from .models import Resource, ResourceOrganisation

HOAN_KIEM_PROBLEM_VI = (
    "Rác thải nhựa giá trị thấp (túi ni lông, bao bì nhiều lớp, hộp xốp…) không được người thu gom "
    "phi chính thức mua lại nên thường bị chôn lấp hoặc thải ra môi trường. Quận Hoàn Kiếm cần một cách "
    "thu gom, phân loại tại nguồn và đưa loại rác này vào tái chế."
)
HOAN_KIEM_PROBLEM_EN = (
    "Low-value plastic waste (plastic bags, multi-layer packaging, foam boxes…) is not bought by informal "
    "waste pickers, so it is usually landfilled or lost to the environment. Hoàn Kiếm district needed a way "
    "to collect it, sort it at source and send it to recycling."
)
HOAN_KIEM_APPROACH_VI = (
    "Mô hình thu gom rác thải nhựa giá trị thấp được xây dựng, cải tiến và thử nghiệm ở 30 hộ dân tại phường "
    "Hàng Đào từ đầu tháng 02/2022 đến tháng 03/2022. Sau khi rút ra bài học kinh nghiệm, mô hình được UBND "
    "quận Hoàn Kiếm chấp thuận nhân rộng trên 06 phường: Hàng Đào, Hàng Bạc, Hàng Buồm, Hàng Trống, Cửa Đông, "
    "Phúc Tân (từ tháng 03 đến hết tháng 06/2022). 45 nhóm nòng cốt với khoảng 230 thành viên và 56 công nhân "
    "Urenco được tập huấn để tuyên truyền, hướng dẫn, thu gom, vận chuyển và lưu kho."
)
HOAN_KIEM_APPROACH_EN = (
    "The collection model for low-value plastic was built, improved and piloted in 30 households of Hàng Đào "
    "ward from early February to March 2022. With the lessons learnt, the Hoàn Kiếm People's Committee approved "
    "scaling it up to six wards: Hàng Đào, Hàng Bạc, Hàng Buồm, Hàng Trống, Cửa Đông and Phúc Tân (March to the "
    "end of June 2022). 45 core groups of about 230 members and 56 URENCO workers were trained to inform, guide, "
    "collect, transport and store."
)
HOAN_KIEM_OUTCOMES_VI = (
    "Đến ngày 30/06/2022, 8.000 hộ dân nhận được tờ rơi tuyên truyền và 7.000 hộ dân tham gia phân loại rác "
    "thải nhựa giá trị thấp tại nguồn. Từ 21/03 đến 30/06/2022 đã thu được 16.150 kg, được Công ty VietCycle tái "
    "chế thành hạt nhựa và Công ty Vinacolour thành gạch lát đường."
)
HOAN_KIEM_OUTCOMES_EN = (
    "By 30/06/2022, 8,000 households had been given the information leaflet and 7,000 households were sorting "
    "low-value plastic at source. From 21/03 to 30/06/2022, 16,150 kg were collected and recycled into plastic "
    "pellets by VietCycle and paving bricks by Vinacolour."
)
HOAN_KIEM_REPLICATION_VI = (
    "Thử nghiệm ở quy mô nhỏ trước, rút kinh nghiệm rồi mới nhân rộng với sự chấp thuận của chính quyền; dựa vào "
    "các nhóm nòng cốt ở tổ dân phố để hướng dẫn và giám sát việc phân loại; kết nối sẵn với doanh nghiệp tái chế. "
    "Ngày 28/10/2022, hội nghị chia sẻ kinh nghiệm với hơn 70 đại biểu đã bàn giao mô hình cho chính quyền quận "
    "để nhân rộng."
)
HOAN_KIEM_REPLICATION_EN = (
    "Pilot at a small scale first, learn, then scale up with the local authority's approval; rely on core groups "
    "in residential groups to guide and monitor sorting; line up recycling companies beforehand. On 28/10/2022 a "
    "conference of more than 70 delegates shared the experience and handed the model over to the district to "
    "scale it up."
)

RESOURCES = [
    {
        "slug": "quyet-dinh-538-qd-btnmt-ke-hoach-npap-2024",
        "kind": Resource.Kind.POLICY,
        "title_vi": "Quyết định số 538/QĐ-BTNMT ban hành Kế hoạch triển khai Chương trình đối tác hành động quốc gia về nhựa (NPAP) năm 2024",
        "title_en": "Decision 538/QĐ-BTNMT issuing the 2024 plan of the National Plastic Action Partnership (NPAP)",
        "summary_vi": "Ngày 7/3/2024, Bộ Tài nguyên và Môi trường ký Quyết định số 538/QĐ-BTNMT ban hành Kế hoạch triển khai các hoạt động thực hiện nhiệm vụ “Chương trình đối tác hành động quốc gia về nhựa (NPAP) và tham gia các diễn đàn quốc tế về rác thải nhựa năm 2024”: tăng cường vai trò điều phối của cơ quan đầu mối, hỗ trợ các nhóm kỹ thuật dựa trên 6 trụ cột (đổi mới sáng tạo, tài chính, chính sách, bình đẳng giới và phát triển bao trùm, truyền thông, nâng cao nhận thức).",
        "summary_en": "On 7/3/2024 the Ministry of Natural Resources and Environment signed Decision 538/QĐ-BTNMT issuing the plan of activities for the “National Plastic Action Partnership (NPAP) and participation in international forums on plastic waste in 2024”: a stronger coordinating role for the focal agency, and support for the technical groups of the six pillars (innovation, finance, policy, gender equality and inclusive development, communication, awareness-raising).",
        "year": 2024,
        "url": "https://monre.gov.vn/",
        "pillars": ["policy", "innovation", "finance", "gender-inclusion", "communication", "awareness"],
        "organisations": [
            ("monre", ResourceOrganisation.Role.PUBLISHER),
            ("npap", ResourceOrganisation.Role.AUTHOR),
        ],
        "events": ["hoi-nghi-lan-thu-3-nhom-cong-tac-npap"],
    },
    {
        "slug": "ke-hoach-hoat-dong-npap-2024",
        "kind": Resource.Kind.GUIDELINE,
        "title_vi": "Kế hoạch triển khai các hoạt động NPAP và tham gia các diễn đàn quốc tế về rác thải nhựa năm 2024",
        "title_en": "The 2024 plan of NPAP activities and participation in international forums on plastic waste",
        "summary_vi": "Kế hoạch kèm theo Quyết định 538/QĐ-BTNMT: các báo cáo hoạt động Trụ cột, báo cáo 6 tháng của Nhóm công tác, báo cáo tổng hợp thường niên, các báo cáo phân tích và bản dịch tài liệu GPAP/UNEP; Hội thảo thường niên Nhóm công tác, các hội thảo Trụ cột, tọa đàm “Thỏa thuận toàn cầu về nhựa – thách thức và cơ hội cho Việt Nam”, các đoàn ra và bản tin hàng quý của các Nhóm kỹ thuật.",
        "summary_en": "The plan attached to Decision 538/QĐ-BTNMT: pillar activity reports, the working group's six-month report, the annual synthesis report, analytical reports and translations of GPAP/UNEP documents; the working group's annual workshop, the pillar workshops, a roundtable talk “Global plastics treaty – challenges and opportunities for Vietnam”, outbound delegations and the technical groups' quarterly newsletters.",
        "year": 2024,
        "url": "https://monre.gov.vn/",
        "pillars": ["policy", "communication"],
        "organisations": [("monre", ResourceOrganisation.Role.PUBLISHER)],
        "events": [
            "hoi-thao-thuong-nien-nhom-cong-tac-npap-2024",
            "toa-dam-thoa-thuan-toan-cau-ve-o-nhiem-nhua",
        ],
    },
    {
        "slug": "ket-qua-hoi-thao-chien-luoc-mang-luoi-nhua-va-suc-khoe",
        "kind": Resource.Kind.STUDY,
        "title_vi": "Kết quả hội thảo tham vấn xây dựng chiến lược phát triển Mạng lưới Hành động Nhựa và Sức khỏe",
        "title_en": "Outcome of the strategy consultation workshop of the Plastic & Health Action Network",
        "summary_vi": "Hội thảo ngày 08/11, tổ chức trực tuyến và trực tiếp với 17 tổ chức thành viên, đã xây dựng tầm nhìn, giá trị và nhiệm vụ của mạng lưới cùng Khung kế hoạch chiến lược ba năm. Các thành viên mong muốn mạng lưới trở thành một trung tâm tri thức, chia sẻ mô hình thực hành tốt và đóng góp vào chính sách giảm thiểu rác thải nhựa.",
        "summary_en": "The workshop of 08/11, held online and in person with 17 member organisations, set out the network's vision, values and mission and a three-year strategic plan framework. Members want the network to become a knowledge hub that shares good-practice models and feeds plastic-waste policy.",
        "year": 2023,
        "document": True,
        "pillars": ["policy"],
        "organisations": [("npap", ResourceOrganisation.Role.PUBLISHER)],
        "events": ["hoi-thao-tham-van-chien-luoc-mang-luoi-nhua-va-suc-khoe"],
    },
    {
        "slug": "bao-cao-thuong-nien-cecr-2022",
        "kind": Resource.Kind.STUDY,
        "title_vi": "Báo cáo thường niên năm 2022 của Trung tâm Nghiên cứu Môi trường và Cộng đồng (CECR)",
        "title_en": "Annual report 2022 of the Centre for Environment and Community Research (CECR)",
        "summary_vi": "Một năm hoạt động của CECR: mạng lưới VIWACON (CAWACON), dự án ASPPIRe với 35.000 kg rác thải nhựa giá trị thấp được thu gom, mô hình kinh tế tuần hoàn tại quận Hoàn Kiếm, POCCA, Trường học Xanh và chương trình giáo dục môi trường tại Nam Từ Liêm.",
        "summary_en": "A year of CECR's work: the VIWACON network (CAWACON), the ASPPIRe project with 35,000 kg of low-value plastic collected, the circular-economy model in Hoàn Kiếm, POCCA, Green Schools and the environmental education programme in Nam Từ Liêm.",
        "year": 2022,
        "url": "http://cecr.vn/",
        "pillars": ["innovation", "gender-inclusion", "awareness"],
        "provinces": ["ha-noi", "da-nang"],
        "organisations": [("cecr", ResourceOrganisation.Role.AUTHOR)],
        "initiatives": [
            "asppire",
            "hoan-kiem-low-value-plastic",
            "cawacon",
            "pocca",
            "green-schools-hoan-kiem",
            "nam-tu-liem-schools",
        ],
    },
    {
        "slug": "kien-nghi-hoi-nghi-ban-tron-quoc-gia-lan-5",
        "kind": Resource.Kind.POLICY,
        "title_vi": "Kiến nghị của Hội nghị bàn tròn quốc gia lần thứ 5 về Sản xuất và Tiêu thụ bền vững",
        "title_en": "Recommendations of the 5th national roundtable on sustainable production and consumption",
        "summary_vi": "Hội nghị tại Nha Trang với hơn 200 đại biểu thống nhất kiến nghị: Chính phủ ban hành Chương trình quốc gia về Sản xuất và Tiêu thụ bền vững; các bộ, ngành tiếp tục đầu tư cho các mô hình sản xuất sạch hơn và mô hình cộng đồng bền vững; duy trì Hội nghị bàn tròn quốc gia để liên kết mạng lưới.",
        "summary_en": "The roundtable in Nha Trang, with more than 200 delegates, agreed its recommendations: the government should issue a national programme on sustainable production and consumption; ministries should keep investing in cleaner-production and sustainable-community models; the national roundtable should continue to connect the network.",
        "year": 2007,
        "url": "https://vncpc.org/",
        "pillars": ["policy"],
        "provinces": ["khanh-hoa"],
        "organisations": [
            ("vncpc", ResourceOrganisation.Role.PUBLISHER),
            ("moit", ResourceOrganisation.Role.AUTHOR),
        ],
        "events": ["hoi-nghi-ban-tron-quoc-gia-lan-5-san-xuat-tieu-thu-ben-vung"],
    },
    {
        "slug": "mo-hinh-kinh-te-tuan-hoan-rac-thai-nhua-gia-tri-thap-hoan-kiem",
        "kind": Resource.Kind.GOOD_PRACTICE,
        "title_vi": "Mô hình kinh tế tuần hoàn rác thải nhựa giá trị thấp tại quận Hoàn Kiếm",
        "title_en": "A circular-economy model for low-value plastic waste in Hoàn Kiếm",
        "summary_vi": "Thu gom, phân loại tại nguồn và tái chế rác thải nhựa giá trị thấp: thử nghiệm ở 30 hộ dân phường Hàng Đào, nhân rộng ra 6 phường, 7.000 hộ dân phân loại tại nguồn và 16.150 kg được tái chế. CECR thực hiện với tài trợ của Dow (2020–2022).",
        "summary_en": "Collecting, sorting at source and recycling low-value plastic: piloted in 30 households of Hàng Đào ward, scaled up to six wards, with 7,000 households sorting at source and 16,150 kg recycled. Run by CECR with funding from Dow (2020–2022).",
        "problem_vi": HOAN_KIEM_PROBLEM_VI,
        "problem_en": HOAN_KIEM_PROBLEM_EN,
        "approach_vi": HOAN_KIEM_APPROACH_VI,
        "approach_en": HOAN_KIEM_APPROACH_EN,
        "outcomes_vi": HOAN_KIEM_OUTCOMES_VI,
        "outcomes_en": HOAN_KIEM_OUTCOMES_EN,
        "replication_vi": HOAN_KIEM_REPLICATION_VI,
        "replication_en": HOAN_KIEM_REPLICATION_EN,
        "year": 2022,
        "document": True,
        "pillars": ["innovation"],
        "provinces": ["ha-noi"],
        "organisations": [
            ("cecr", ResourceOrganisation.Role.AUTHOR),
            ("dow-viet-nam", ResourceOrganisation.Role.PUBLISHER),
        ],
        "initiatives": ["hoan-kiem-low-value-plastic"],
        "events": ["hoi-nghi-ban-giao-mo-hinh-kinh-te-tuan-hoan-hoan-kiem"],
        "all_results": True,
    },
]

RELATIONS = ("pillars", "provinces", "organisations", "initiatives", "events", "document", "all_results")


def _document(row: dict) -> ContentFile:
    """A PDF of the resource as the seeds tell it."""
    sections = [("", row["summary_vi"])]
    for field, heading in [
        ("problem_vi", "Vấn đề"),
        ("approach_vi", "Cách làm"),
        ("outcomes_vi", "Kết quả"),
        ("replication_vi", "Cách nhân rộng"),
    ]:
        if row.get(field):
            sections.append((heading, row[field]))
    pdf = render_pdf("hub/resource_document.html", {"title": row["title_vi"], "sections": sections})
    return ContentFile(pdf, name=f"{row['slug']}.pdf")


def _add(row: dict) -> Resource:
    fields = {key: value for key, value in row.items() if key not in RELATIONS}
    resource = Resource(**fields, is_published=True, language="vi")
    if row.get("document"):
        resource.file.save(f"{row['slug']}.pdf", _document(row), save=False)
    resource.full_clean()
    resource.save()
    resource.pillars.set(Pillar.objects.filter(code__in=row.get("pillars", [])))
    resource.provinces.set(Province.objects.filter(code__in=row.get("provinces", [])))
    initiatives = Initiative.objects.filter(slug__in=row.get("initiatives", []))
    resource.initiatives.set(initiatives)
    resource.events.set(Event.objects.filter(slug__in=row.get("events", [])))
    if row.get("all_results"):
        for initiative in initiatives:
            resource.results.add(*initiative.results.all())
    organisations = {
        o.slug: o for o in Organisation.objects.filter(slug__in=[s for s, _ in row["organisations"]])
    }
    for order, (slug, role) in enumerate(row["organisations"]):
        if slug in organisations:
            ResourceOrganisation.objects.create(
                resource=resource, organisation=organisations[slug], role=role, order=order
            )
    return resource


@transaction.atomic
def load() -> dict[str, int]:
    """Adds the resources that are missing; a resource a coordinator has changed is left alone."""
    added = 0
    for row in RESOURCES:
        if not Resource.objects.filter(slug=row["slug"]).exists():
            _add(row)
            added += 1
    return {"resources": added}
