"""Events of the demo network, from the network's source documents.

Headcounts are the delegate counts the documents give ("more than 200" is recorded as 200); the
documents give no breakdown by gender, so none is invented. The 2024 plan's workshops are
recorded as planned: the plan (Decision 538/QĐ-BTNMT) lists them without dates, so each is
placed in the quarter the plan's sequence suggests.
"""

SERIES = [
    (
        "npap-working-group",
        "Hội nghị Nhóm công tác Chương trình NPAP",
        "NPAP working-group meetings",
        "Hội nghị thường niên của Nhóm công tác triển khai Chương trình đối tác hành động quốc gia về nhựa.",
        "The annual meeting of the working group that carries out the National Plastic Action Partnership.",
    ),
    (
        "national-roundtable-scp",
        "Hội nghị bàn tròn quốc gia về Sản xuất và Tiêu thụ bền vững",
        "National roundtable on sustainable production and consumption",
        "Hội nghị bàn tròn quốc gia tổ chức hai năm một lần kể từ năm 2002.",
        "A national roundtable held every two years since 2002.",
    ),
]

# Organisations that appear only as event organisers, not in the member directory's demo.
EXTRA_ORGANISATIONS = [
    {
        "slug": "vncpc",
        "acronym": "VNCPC",
        "name_vi": "Trung tâm Sản xuất sạch Việt Nam",
        "name_en": "Vietnam Cleaner Production Centre",
        "kind": "research",
        "province": "ha-noi",
    },
    {
        "slug": "moit",
        "acronym": "MOIT",
        "name_vi": "Bộ Công Thương",
        "name_en": "Ministry of Industry and Trade",
        "kind": "government",
        "province": "ha-noi",
    },
]

WORKING_GROUP_PLAN = (
    "Hoạt động theo Kế hoạch triển khai Chương trình NPAP năm 2024 "
    "(Quyết định số 538/QĐ-BTNMT ngày 07/3/2024)."
)
WORKING_GROUP_PLAN_EN = (
    "An activity of the 2024 plan for the National Plastic Action Partnership "
    "(Decision 538/QĐ-BTNMT of 7 March 2024)."
)

EVENTS = [
    {
        "slug": "hoi-thao-tham-van-chien-luoc-mang-luoi-nhua-va-suc-khoe",
        "type": "consultation-workshop",
        "title_vi": "Hội thảo tham vấn xây dựng chiến lược phát triển Mạng lưới Hành động Nhựa và Sức khỏe",
        "title_en": "Consultation workshop on the development strategy of the Plastic & Health Action Network",
        "status": "held",
        "format": "hybrid",
        "start": "2023-11-08",
        "province": "ha-noi",
        "venue_vi": "Hà Nội và trực tuyến",
        "venue_en": "Hanoi and online",
        "summary_vi": (
            "Hội thảo được tổ chức dưới hai hình thức trực tuyến và trực tiếp với sự tham gia của 17 tổ chức "
            "thành viên mạng lưới: cơ quan nhà nước, viện nghiên cứu, tổ chức quốc tế, tổ chức phi chính phủ, "
            "doanh nghiệp, trường đại học và nhóm cộng đồng."
        ),
        "summary_en": (
            "Held online and in person at once, with 17 member organisations of the network: government "
            "agencies, research institutes, international organisations, NGOs, businesses, universities and "
            "community groups."
        ),
        "objectives_vi": (
            "Chia sẻ thế mạnh, cơ hội, thách thức của từng thành viên và của cả mạng lưới trong ba năm đầu; "
            "xây dựng tầm nhìn, giá trị và sứ mệnh của mạng lưới."
        ),
        "objectives_en": (
            "Share each member's and the network's strengths, opportunities and challenges for its first "
            "three years; draw up the network's vision, values and mission."
        ),
        "outcomes_vi": (
            "Thống nhất tầm nhìn, giá trị và sứ mệnh của mạng lưới và Khung kế hoạch chiến lược chung ba năm. "
            "Các thành viên mong muốn mạng lưới phát triển chậm mà chắc, trở thành trung tâm tri thức chia sẻ "
            "mô hình thực hành tốt và đóng góp vào chính sách giảm thiểu rác thải nhựa."
        ),
        "outcomes_en": (
            "The network's vision, values and mission and a three-year strategic plan framework were agreed. "
            "Members want the network to grow slowly but surely into a knowledge hub that shares good-practice "
            "models and feeds plastic-waste policy."
        ),
        "organisers": [],
        "pillars": ["communication", "policy"],
        "sessions": [
            {
                "title_vi": "Thế mạnh, cơ hội và thách thức của mạng lưới",
                "title_en": "The network's strengths, opportunities and challenges",
                "kind": "plenary",
                "items": [
                    ("Chia sẻ của các tổ chức thành viên", "What the member organisations bring", None),
                ],
            },
            {
                "title_vi": "Xây dựng chiến lược",
                "title_en": "Building the strategy",
                "kind": "plenary",
                "items": [
                    ("Tầm nhìn, giá trị và sứ mệnh", "Vision, values and mission", None),
                    (
                        "Khung kế hoạch chiến lược ba năm",
                        "The three-year strategic plan framework",
                        None,
                    ),
                ],
            },
        ],
    },
    {
        "slug": "hoi-nghi-lan-thu-3-nhom-cong-tac-npap",
        "type": "working-group-meeting",
        "series": "npap-working-group",
        "title_vi": "Hội nghị lần thứ 3 Nhóm công tác triển khai Chương trình NPAP Việt Nam",
        "title_en": "Third meeting of the NPAP Vietnam working group",
        "status": "held",
        "format": "offline",
        "start": "2023-12-15",
        "province": "ha-noi",
        "venue_vi": "Hà Nội",
        "venue_en": "Hanoi",
        "summary_vi": (
            "Hội nghị lần thứ 3 của Nhóm công tác triển khai Chương trình đối tác hành động quốc gia về nhựa "
            "(NPAP) Việt Nam."
        ),
        "summary_en": "The third meeting of the working group of Vietnam's National Plastic Action Partnership.",
        "organisers": [("monre", "host")],
        "pillars": ["policy"],
    },
    {
        "slug": "hoi-thao-thuong-nien-nhom-cong-tac-npap-2024",
        "type": "working-group-meeting",
        "series": "npap-working-group",
        "title_vi": "Hội thảo thường niên Nhóm công tác Chương trình NPAP tại Việt Nam năm 2024",
        "title_en": "Annual workshop of the NPAP working group in Vietnam, 2024",
        "status": "planned",
        "format": "offline",
        "start": "2024-12-13",
        "province": "ha-noi",
        "summary_vi": "Do Thứ trưởng Bộ Tài nguyên và Môi trường chủ trì. " + WORKING_GROUP_PLAN,
        "summary_en": "Chaired by the Vice-Minister of Natural Resources and Environment. "
        + WORKING_GROUP_PLAN_EN,
        "organisers": [("monre", "host"), ("npap", "co_host")],
        "pillars": ["policy"],
    },
    {
        "slug": "hoi-thao-tham-van-dien-dan-da-phuong-ve-rac-thai-nhua",
        "type": "consultation-workshop",
        "title_vi": (
            "Hội thảo tham vấn Chương trình NPAP hỗ trợ Việt Nam tham gia diễn đàn đa phương về rác thải nhựa "
            "và đề xuất lộ trình giảm ô nhiễm nhựa"
        ),
        "title_en": (
            "Consultation on NPAP support for Vietnam in multilateral plastic-waste forums and a proposed "
            "roadmap to reduce plastic pollution"
        ),
        "status": "planned",
        "format": "offline",
        "start": "2024-04-18",
        "province": "ha-noi",
        "summary_vi": WORKING_GROUP_PLAN,
        "summary_en": WORKING_GROUP_PLAN_EN,
        "organisers": [("monre", "host"), ("npap", "co_host")],
        "pillars": ["policy"],
    },
    {
        "slug": "hoi-thao-tru-cot-tai-chinh-va-khoi-nguon-sang-tao",
        "type": "pillar-workshop",
        "title_vi": "Hội thảo Trụ cột Tài chính và Khơi nguồn sáng tạo – Chương trình NPAP",
        "title_en": "Finance and Innovation pillar workshop – NPAP",
        "status": "planned",
        "format": "hybrid",
        "start": "2024-06-20",
        "province": "ha-noi",
        "summary_vi": WORKING_GROUP_PLAN,
        "summary_en": WORKING_GROUP_PLAN_EN,
        "organisers": [("npap", "host")],
        "pillars": ["finance", "innovation"],
    },
    {
        "slug": "hoi-thao-tru-cot-binh-dang-gioi-va-phat-trien-bao-trum",
        "type": "pillar-workshop",
        "title_vi": "Hội thảo Trụ cột Bình đẳng giới và phát triển bao trùm – Chương trình NPAP",
        "title_en": "Gender equality and inclusive development pillar workshop – NPAP",
        "status": "planned",
        "format": "hybrid",
        "start": "2024-08-22",
        "province": "ha-noi",
        "summary_vi": WORKING_GROUP_PLAN,
        "summary_en": WORKING_GROUP_PLAN_EN,
        "organisers": [("npap", "host")],
        "pillars": ["gender-inclusion"],
    },
    {
        "slug": "hoi-thao-tham-van-thanh-vien-va-doi-tac-npap",
        "type": "consultation-workshop",
        "title_vi": (
            "Hội thảo tham vấn thành viên và đối tác Chương trình NPAP về định hướng giảm thiểu, tiến tới "
            "chấm dứt ô nhiễm nhựa"
        ),
        "title_en": "Consultation of NPAP members and partners on reducing and ending plastic pollution",
        "status": "planned",
        "format": "offline",
        "start": "2024-09-26",
        "province": "ha-noi",
        "summary_vi": (
            "Thảo luận các định hướng giảm thiểu tiến tới chấm dứt ô nhiễm nhựa, phù hợp với mục tiêu đàm phán "
            "Thỏa thuận toàn cầu về ô nhiễm nhựa. " + WORKING_GROUP_PLAN
        ),
        "summary_en": (
            "Directions for reducing and ending plastic pollution, in line with the aims of the global "
            "plastics treaty negotiations. " + WORKING_GROUP_PLAN_EN
        ),
        "organisers": [("npap", "host"), ("monre", "co_host")],
        "pillars": ["policy"],
    },
    {
        "slug": "toa-dam-thoa-thuan-toan-cau-ve-o-nhiem-nhua",
        "type": "roundtable",
        "title_vi": "Tọa đàm: Thỏa thuận toàn cầu về ô nhiễm nhựa – Thách thức và cơ hội của Việt Nam",
        "title_en": "Roundtable talk: the global plastics treaty – challenges and opportunities for Vietnam",
        "status": "planned",
        "format": "hybrid",
        "start": "2024-10-24",
        "province": "ha-noi",
        "summary_vi": WORKING_GROUP_PLAN,
        "summary_en": WORKING_GROUP_PLAN_EN,
        "organisers": [("npap", "host")],
        "pillars": ["policy", "communication"],
    },
    {
        "slug": "doan-ra-dam-phan-thoa-thuan-toan-cau-ve-o-nhiem-nhua",
        "type": "delegation",
        "title_vi": "Đoàn ra tham dự phiên đàm phán liên chính phủ về Thỏa thuận toàn cầu về ô nhiễm nhựa",
        "title_en": "Delegation to the intergovernmental negotiations on the global plastics treaty",
        "status": "planned",
        "format": "offline",
        "start": "2024-11-25",
        "end": "2024-12-01",
        "country": "Hàn Quốc",
        "venue_vi": "Busan",
        "venue_en": "Busan",
        "summary_vi": (
            "Cử đại diện là các chuyên gia, cán bộ của các đơn vị trực thuộc Bộ tham dự các diễn đàn, sự kiện "
            "cấp khu vực và toàn cầu về ô nhiễm nhựa. " + WORKING_GROUP_PLAN
        ),
        "summary_en": (
            "Experts and officers of the ministry's agencies represent Vietnam at regional and global "
            "plastic-pollution forums. " + WORKING_GROUP_PLAN_EN
        ),
        "organisers": [("monre", "host")],
        "pillars": ["policy"],
    },
    {
        "slug": "hoi-thao-thuong-nien-nhom-cong-tac-npap-2026",
        "type": "working-group-meeting",
        "series": "npap-working-group",
        "title_vi": "Hội thảo thường niên Nhóm công tác Chương trình NPAP tại Việt Nam năm 2026",
        "title_en": "Annual workshop of the NPAP working group in Vietnam, 2026",
        "status": "planned",
        "format": "hybrid",
        "start": "2026-12-15",
        "start_time": "08:30",
        "end_time": "16:30",
        "province": "ha-noi",
        "venue_vi": "Hà Nội",
        "venue_en": "Hanoi",
        "summary_vi": "Hội thảo thường niên của Nhóm công tác triển khai Chương trình NPAP.",
        "summary_en": "The annual workshop of the working group that carries out the NPAP.",
        "organisers": [("monre", "host"), ("npap", "co_host")],
        "pillars": ["policy", "innovation", "finance", "gender-inclusion", "communication", "awareness"],
    },
    {
        "slug": "hoi-nghi-ban-tron-quoc-gia-lan-5-san-xuat-tieu-thu-ben-vung",
        "type": "conference",
        "series": "national-roundtable-scp",
        "title_vi": "Hội nghị bàn tròn quốc gia lần thứ 5 về Sản xuất và Tiêu thụ bền vững",
        "title_en": "Fifth national roundtable on sustainable production and consumption",
        "status": "held",
        "format": "offline",
        "start": "2007-05-26",
        "end": "2007-05-27",
        "province": "khanh-hoa",
        "venue_vi": "TP Nha Trang",
        "venue_en": "Nha Trang",
        "headcount_total": 200,
        "summary_vi": (
            "Hơn 200 đại biểu của các Bộ, ngành, địa phương, trường đại học, cơ quan nghiên cứu, tổ chức tư vấn "
            "trong và ngoài nước và hơn 50 đại diện doanh nghiệp. Hội nghị thảo luận ba nội dung: giải pháp kỹ "
            "thuật sử dụng hiệu quả tài nguyên và sản xuất sạch hơn; mô hình cộng đồng bền vững; xanh hóa công "
            "nghiệp."
        ),
        "summary_en": (
            "More than 200 delegates of ministries, provinces, universities, research and consulting bodies from "
            "Vietnam and abroad, and more than 50 businesses. Three themes: technical solutions for resource "
            "efficiency and cleaner production; sustainable community models; greening industry."
        ),
        "outcomes_vi": (
            "Kiến nghị: Chính phủ ban hành Chương trình quốc gia về Sản xuất và Tiêu thụ bền vững; các bộ, ngành "
            "tiếp tục đầu tư cho các mô hình sản xuất sạch hơn và mô hình cộng đồng bền vững; duy trì Hội nghị "
            "bàn tròn quốc gia; nâng cao nhận thức và sự tham gia của các nhà hoạch định chính sách, doanh nghiệp "
            "và toàn xã hội."
        ),
        "outcomes_en": (
            "Recommendations: the government should issue a national programme on sustainable production and "
            "consumption; ministries should keep investing in cleaner-production and sustainable-community "
            "models; the national roundtable should continue; policy-makers, businesses and society at large "
            "must be aware and take part."
        ),
        "organisers": [("monre", "host"), ("moit", "host"), ("vncpc", "co_host")],
        "pillars": ["innovation", "policy"],
        "sessions": [
            {
                "title_vi": "Phiên toàn thể",
                "title_en": "Plenary",
                "kind": "plenary",
                "items": [
                    (
                        "Tổng quan về tình hình sản xuất và tiêu thụ bền vững tại Việt Nam",
                        "Sustainable production and consumption in Vietnam: an overview",
                        "monre",
                    ),
                    (
                        "Đánh giá tình hình thực hiện Chiến lược sản xuất sạch hơn trong công nghiệp đến năm 2020",
                        "Progress of the cleaner-production strategy in industry to 2020",
                        "moit",
                    ),
                    (
                        "Đánh giá tình hình thực hiện Chương trình Nghị sự 21 về Phát triển bền vững ở Việt Nam",
                        "Progress of Vietnam's Agenda 21 for sustainable development",
                        None,
                    ),
                    (
                        "Sử dụng hiệu quả tài nguyên và sản xuất sạch hơn – tiếp cận hướng tới sản xuất bền vững",
                        "Resource efficiency and cleaner production: an approach to sustainable production",
                        "vncpc",
                    ),
                ],
            },
            {
                "title_vi": "Hội thảo nhỏ 1: Giải pháp kỹ thuật sử dụng hiệu quả tài nguyên và sản xuất sạch hơn",
                "title_en": "Sub-workshop 1: technical solutions for resource efficiency and cleaner production",
                "kind": "parallel",
                "items": [],
            },
            {
                "title_vi": "Hội thảo nhỏ 2: Mô hình cộng đồng bền vững",
                "title_en": "Sub-workshop 2: sustainable community models",
                "kind": "parallel",
                "items": [],
            },
            {
                "title_vi": "Hội thảo nhỏ 3: Xanh hóa công nghiệp",
                "title_en": "Sub-workshop 3: greening industry",
                "kind": "parallel",
                "items": [],
            },
        ],
    },
    {
        "slug": "hoi-thao-phat-trien-mang-luoi-viwacon-nam-2",
        "type": "consultation-workshop",
        "title_vi": "Hội thảo Phát triển Mạng lưới VIWACON năm 2",
        "title_en": "VIWACON network development workshop, year two",
        "status": "held",
        "format": "offline",
        "start": "2022-02-24",
        "end": "2022-02-25",
        "headcount_total": 46,
        "summary_vi": "46 đại biểu là thành viên Mạng lưới bảo tồn nguồn nước VIWACON (dự án CAWACON).",
        "summary_en": "46 delegates, all members of the VIWACON water-conservation network (the CAWACON project).",
        "outcomes_vi": "Các thành viên VIWACON thống nhất kế hoạch hoạt động năm 2022.",
        "outcomes_en": "VIWACON's members agreed the network's 2022 work plan.",
        "organisers": [("cecr", "host")],
        "pillars": [],
    },
    {
        "slug": "gap-go-truc-tuyen-binh-dang-ngay-hom-nay",
        "type": "webinar",
        "title_vi": "Gặp gỡ trực tuyến: Bình đẳng ngày hôm nay cho tương lai bền vững",
        "title_en": "Online meeting: gender equality today for a sustainable tomorrow",
        "status": "held",
        "format": "online",
        "start": "2022-03-09",
        "summary_vi": (
            "Hưởng ứng ngày Quốc tế Phụ nữ, với đại diện UN Women tại Việt Nam và các thành viên Mạng lưới Phụ nữ "
            "tiên phong Ứng phó với Biến đổi Khí hậu (dự án POCCA)."
        ),
        "summary_en": (
            "For International Women's Day, with UN Women in Vietnam and members of the Women Pioneers Network "
            "for climate action (the POCCA project)."
        ),
        "outcomes_vi": (
            "Chia sẻ khuyến nghị cho Phiên họp 66 của Ủy ban Địa vị Phụ nữ; thảo luận cơ hội và thách thức với "
            "các tổ chức xã hội làm việc về giới, biến đổi khí hậu và giảm nhẹ rủi ro thiên tai."
        ),
        "outcomes_en": (
            "Recommendations for the 66th session of the Commission on the Status of Women; opportunities and "
            "challenges for civil-society organisations working on gender, climate change and disaster risk."
        ),
        "organisers": [("cecr", "host"), ("un-women", "co_host")],
        "pillars": ["gender-inclusion"],
    },
    {
        "slug": "ra-quan-lam-sach-ao-bo-de",
        "type": "campaign",
        "title_vi": "Hưởng ứng Ngày Nước Thế giới: Ra quân làm sạch Ao Bồ Đề",
        "title_en": "World Water Day: cleaning up Bồ Đề pond",
        "status": "held",
        "format": "offline",
        "start": "2022-04-03",
        "province": "ha-noi",
        "venue_vi": "Ao Bồ Đề, Hà Nội",
        "venue_en": "Bồ Đề pond, Hanoi",
        "headcount_total": 100,
        "summary_vi": "100 hội viên các hội, đoàn thể tại địa phương cùng làm sạch Ao Bồ Đề.",
        "summary_en": "100 members of local associations cleaned up Bồ Đề pond together.",
        "organisers": [("cecr", "host")],
        "pillars": ["awareness"],
    },
    {
        "slug": "kms-gives-3r-kinh-te-tuan-hoan",
        "type": "training",
        "title_vi": "Chương trình chia sẻ cho nhóm KMS Gives về 3R và kinh tế tuần hoàn",
        "title_en": "KMS Gives session on the 3Rs and the circular economy",
        "status": "held",
        "format": "offline",
        "start": "2022-10-06",
        "summary_vi": (
            "Chia sẻ với các đại sứ cộng đồng của công ty KMS Technology về tầm quan trọng của 3R và cách tiếp "
            "cận kinh tế tuần hoàn trong quản lý rác thải theo lộ trình Luật Bảo vệ môi trường 2020."
        ),
        "summary_en": (
            "A session for KMS Technology's community ambassadors on the 3Rs and a circular-economy approach to "
            "waste, following the 2020 Law on Environmental Protection."
        ),
        "organisers": [("cecr", "host"), ("kms-technology", "co_host")],
        "pillars": ["awareness"],
    },
    {
        "slug": "hoi-thao-tap-huan-mo-hinh-asppire",
        "type": "training",
        "title_vi": "Hội thảo tập huấn về Mô hình cho 3 phường (dự án ASPPIRe)",
        "title_en": "Training workshop on the model for three wards (ASPPIRe)",
        "status": "held",
        "format": "offline",
        "start": "2022-10-25",
        "province": "ha-noi",
        "venue_vi": "Hội trường Ủy ban Nhân dân phường Mỹ Đình 1, Nam Từ Liêm",
        "venue_en": "Hall of the People's Committee of Mỹ Đình 1 ward, Nam Từ Liêm",
        "headcount_total": 100,
        "summary_vi": (
            "Khoảng 100 đại biểu (Hội phụ nữ các phường, nhóm nòng cốt, chị em ve chai, đại diện các tổ chức xã "
            "hội dân sự), cuối tháng 10/2022."
        ),
        "summary_en": (
            "About 100 delegates (ward women's unions, core groups, women waste pickers, civil-society "
            "organisations), late October 2022."
        ),
        "outcomes_vi": "Các phường đã xây dựng Kế hoạch triển khai thực hiện các hoạt động của Mô hình.",
        "outcomes_en": "Each ward drew up its plan for carrying out the model's activities.",
        "organisers": [
            ("cecr", "host"),
            ("nam-tu-liem-womens-union", "co_host"),
            ("ocean-conservancy", "funder"),
        ],
        "pillars": ["gender-inclusion", "innovation"],
    },
    {
        "slug": "hoi-nghi-ban-giao-mo-hinh-kinh-te-tuan-hoan-hoan-kiem",
        "type": "conference",
        "title_vi": (
            "Hội nghị chia sẻ kinh nghiệm và bàn giao kết quả: Mô hình kinh tế tuần hoàn rác thải nhựa giá trị "
            "thấp tại quận Hoàn Kiếm"
        ),
        "title_en": (
            "Sharing experience and handing over results: the circular-economy model for low-value plastic "
            "in Hoàn Kiếm"
        ),
        "status": "held",
        "format": "offline",
        "start": "2022-10-28",
        "province": "ha-noi",
        "venue_vi": "Khách sạn Công Đoàn, Hà Nội",
        "venue_en": "Công Đoàn Hotel, Hanoi",
        "headcount_total": 70,
        "summary_vi": (
            "Hơn 70 đại biểu từ các Bộ, ngành liên quan, các đơn vị thực hiện mô hình, các tổ chức khoa học kỹ "
            "thuật và báo chí."
        ),
        "summary_en": (
            "More than 70 delegates from ministries, the organisations running the model, science and technology "
            "bodies and the press."
        ),
        "outcomes_vi": (
            "Báo cáo kết quả mô hình kinh tế tuần hoàn rác thải nhựa giá trị thấp tại Hoàn Kiếm và bàn giao mô "
            "hình cho chính quyền quận để nhân rộng."
        ),
        "outcomes_en": (
            "The model's results were reported and the model handed over to the district authorities to scale up."
        ),
        "organisers": [("cecr", "host"), ("dow-viet-nam", "funder")],
        "pillars": ["innovation", "finance"],
    },
    {
        "slug": "tap-huan-giao-duc-moi-truong-thcs-nam-tu-liem",
        "type": "training",
        "title_vi": "Tập huấn: Giáo dục môi trường cho học sinh THCS quận Nam Từ Liêm",
        "title_en": "Training: environmental education for lower-secondary pupils in Nam Từ Liêm",
        "status": "held",
        "format": "offline",
        "start": "2022-11-04",
        "province": "ha-noi",
        "headcount_total": 50,
        "summary_vi": "Khoảng 50 thầy cô của 24 trường THCS được tập huấn về phân loại và giảm thiểu rác thải nhựa.",
        "summary_en": "About 50 teachers of 24 lower-secondary schools trained in sorting and reducing plastic waste.",
        "organisers": [("cecr", "host")],
        "pillars": ["awareness"],
    },
    {
        "slug": "ngay-hoi-truong-hoc-xanh-nam-tu-liem",
        "type": "campaign",
        "title_vi": "Ngày hội tổng kết sáng kiến giảm thiểu rác thải nhựa của học sinh Nam Từ Liêm",
        "title_en": "Festival of pupils' plastic-reduction initiatives in Nam Từ Liêm",
        "status": "held",
        "format": "offline",
        "start": "2022-12-17",
        "province": "ha-noi",
        "headcount_total": 1500,
        "summary_vi": "Hơn 1.500 học sinh, thầy cô và phụ huynh; 20 sáng kiến của học sinh, giảm 20% rác thải.",
        "summary_en": "More than 1,500 pupils, teachers and parents; 20 pupil initiatives, 20% less waste.",
        "organisers": [("cecr", "host")],
        "pillars": ["awareness"],
    },
    {
        "slug": "tap-huan-truong-hoc-xanh-hoan-kiem",
        "type": "training",
        "title_vi": "Tập huấn giáo viên chương trình Trường học xanh quận Hoàn Kiếm",
        "title_en": "Teacher training of the Green Schools programme in Hoàn Kiếm",
        "status": "held",
        "format": "offline",
        "start": "2022-12-23",
        "province": "ha-noi",
        "headcount_total": 70,
        "summary_vi": "Khoảng 70 giáo viên của 39 trường học quận Hoàn Kiếm.",
        "summary_en": "About 70 teachers of 39 schools in Hoàn Kiếm district.",
        "organisers": [("cecr", "host")],
        "pillars": ["awareness"],
    },
]
