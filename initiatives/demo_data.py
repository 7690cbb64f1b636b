"""The demo network's technical groups, indicator catalogue and initiatives: facts from the shared
seed documents (001/004: the NPAP 2024 plan; 002: CECR's 2022 annual report). Nothing here is
invented: figures are the documents' own, and targets or splits by sex are recorded only where a
document gives them. The pillars and the sex dimension are reference data (initiatives.reference)."""

# Technical groups named in the plan's reports and workshops (Decision 538/QĐ-BTNMT).
TECHNICAL_GROUPS = [
    ("innovation", "Đổi mới sáng tạo và khơi nguồn tài chính", "Innovation and finance"),
    ("gender-inclusion", "Bình đẳng giới và phát triển bao trùm", "Gender equality and social inclusion"),
]

NETWORK_INDICATORS = [
    {
        "code": "plastic-collected",
        "name_vi": "Rác thải nhựa giá trị thấp được thu gom",
        "name_en": "Low-value plastic waste collected",
        "unit_vi": "kg",
        "unit_en": "kg",
        "measure": "quantitative",
        "cumulative": False,
        "is_headline": True,
    },
    {
        "code": "households-sorting",
        "name_vi": "Hộ gia đình phân loại rác tại nguồn",
        "name_en": "Households sorting waste at source",
        "unit_vi": "hộ",
        "unit_en": "households",
        "measure": "quantitative",
        "cumulative": True,
        "is_headline": True,
    },
    {
        "code": "people-trained",
        "name_vi": "Người được tập huấn",
        "name_en": "People trained",
        "unit_vi": "người",
        "unit_en": "people",
        "measure": "quantitative",
        "cumulative": False,
        "is_headline": True,
    },
    {
        "code": "women-waste-pickers",
        "name_vi": "Phụ nữ thu gom phế liệu được hỗ trợ",
        "name_en": "Women waste pickers supported",
        "unit_vi": "người",
        "unit_en": "people",
        "measure": "quantitative",
        "cumulative": True,
        "is_headline": True,
    },
    {
        "code": "schools-engaged",
        "name_vi": "Trường học tham gia",
        "name_en": "Schools engaged",
        "unit_vi": "trường",
        "unit_en": "schools",
        "measure": "quantitative",
        "cumulative": True,
        "is_headline": True,
    },
    {
        "code": "organisations-improved",
        "name_vi": "Tổ chức được hỗ trợ đã nâng cao hiệu suất hoạt động",
        "name_en": "Supported organisations that improved their performance",
        "unit_vi": "%",
        "unit_en": "%",
        "measure": "percentage",
        "cumulative": False,
        "is_headline": False,
    },
]

CECR = ("cecr", "accountable")
Y2022 = {"start": "2022-01-01", "end": "2022-12-31", "on": "2022-12-31"}
PEOPLE = {"unit_vi": "người", "unit_en": "people"}

INITIATIVES = [
    {
        "slug": "asppire",
        "acronym": "ASPPIRe",
        "title_vi": "Tăng cường vai trò của phụ nữ trong các giải pháp giảm thiểu ô nhiễm rác thải nhựa thông qua phân loại, tái chế bền vững",
        "title_en": "Women's role in reducing plastic pollution through sustainable sorting and recycling",
        "summary_vi": "Thúc đẩy việc phân loại, tái chế bền vững rác thải nhựa giá trị thấp với sự tham gia của các nhóm phụ nữ nòng cốt, nâng cao vị thế của phụ nữ trong bảo vệ môi trường và quản lý rác thải. Dự án đã phát triển mô hình thu gom rác thải nhựa giá trị thấp, tạo thị trường cho sản phẩm tái chế và cải thiện điều kiện sống của nhóm phụ nữ thu gom phi chính thức.",
        "summary_en": "Sorting and sustainable recycling of low-value plastic led by core groups of women, strengthening women's place in environmental protection and waste management. The project built a collection model for low-value plastic, a market for recycled products and better living conditions for women informal waste pickers.",
        "status": "completed",
        "start": "2021-01-01",
        "end": "2022-12-31",
        "provinces": ["ha-noi"],
        "location_detail": "Quận Nam Từ Liêm",
        "pillars": ["gender-inclusion", "innovation"],
        "partners": [CECR, ("ocean-conservancy", "funder"), ("nam-tu-liem-womens-union", "implementing")],
        "results": [
            {
                "type": "output",
                "title_vi": "Chương trình tập huấn “Dấu vân tay xã hội” cho ve chai và phụ nữ",
                "title_en": "“Social fingerprint” training for waste pickers and women",
                "indicators": [
                    {
                        "title_vi": "Ve chai và phụ nữ được tập huấn",
                        "title_en": "Waste pickers and women trained",
                        "network": "people-trained",
                        **PEOPLE,
                        "periods": [{**Y2022, "start": "2021-01-01", "value": 100}],
                    },
                    {
                        "title_vi": "Sáng kiến của Câu lạc bộ Hỗ trợ phụ nữ thu gom phế liệu",
                        "title_en": "Initiatives of the club supporting women waste collectors",
                        "unit_vi": "sáng kiến",
                        "unit_en": "initiatives",
                        "periods": [{**Y2022, "start": "2021-01-01", "value": 10}],
                    },
                    {
                        "title_vi": "Chị em phụ nữ, ve chai được các sáng kiến lan tỏa tới",
                        "title_en": "Women and waste pickers reached by the club's initiatives",
                        **PEOPLE,
                        "periods": [{**Y2022, "start": "2021-01-01", "value": 300, "sex": {"female": 300}}],
                    },
                ],
            },
            {
                "type": "outcome",
                "title_vi": "Nhân rộng mô hình phụ nữ tham gia thu gom, phân loại và tái chế rác nhựa giá trị thấp",
                "title_en": "Women collecting, sorting and recycling low-value plastic: the model scaled up",
                "indicators": [
                    {
                        "title_vi": "Hộ gia đình tham gia phân loại rác tại nguồn",
                        "title_en": "Households sorting waste at source",
                        "network": "households-sorting",
                        "unit_vi": "hộ",
                        "unit_en": "households",
                        "periods": [{**Y2022, "start": "2021-01-01", "value": 9000}],
                    },
                    {
                        "title_vi": "Chị em ve chai, phụ nữ được tham gia và hỗ trợ từ mô hình",
                        "title_en": "Women waste pickers taking part in and supported by the model",
                        "network": "women-waste-pickers",
                        **PEOPLE,
                        "periods": [{**Y2022, "start": "2021-01-01", "value": 150, "sex": {"female": 150}}],
                    },
                    {
                        "title_vi": "Rác thải nhựa giá trị thấp được thu gom",
                        "title_en": "Low-value plastic waste collected",
                        "network": "plastic-collected",
                        "unit_vi": "kg",
                        "unit_en": "kg",
                        "periods": [{**Y2022, "start": "2021-01-01", "value": 35000}],
                    },
                ],
            },
            {
                "type": "output",
                "title_vi": "Giáo dục môi trường về rác thải tại các trường THCS",
                "title_en": "Environmental education on waste in lower-secondary schools",
                "indicators": [
                    {
                        # The same 24 schools as the district's school programme below, which
                        # carries the network link so they are counted once.
                        "title_vi": "Kế hoạch cấp trường về giảm thiểu, tái chế rác thải nhựa giá trị thấp được ban hành",
                        "title_en": "School action plans on reducing and recycling low-value plastic adopted",
                        "unit_vi": "kế hoạch",
                        "unit_en": "plans",
                        "periods": [{**Y2022, "start": "2021-01-01", "value": 24}],
                    },
                ],
            },
        ],
    },
    {
        "slug": "hoan-kiem-low-value-plastic",
        "acronym": "",
        "title_vi": "Mô hình kinh tế tuần hoàn rác thải nhựa giá trị thấp tại quận Hoàn Kiếm",
        "title_en": "A circular-economy model for low-value plastic waste in Hoàn Kiếm",
        "summary_vi": "Thuộc “Chương trình hợp tác quốc gia thiết lập mô hình Kinh tế tuần hoàn rác thải nhựa tại Việt Nam” do Dow tài trợ. Mô hình thu gom rác thải nhựa giá trị thấp được thử nghiệm ở 30 hộ dân phường Hàng Đào rồi nhân rộng ra 6 phường: Hàng Đào, Hàng Bạc, Hàng Buồm, Hàng Trống, Cửa Đông, Phúc Tân. Rác thu được tái chế thành hạt nhựa bởi Công ty VietCycle và gạch lát đường bởi Công ty Vinacolour. Mô hình được bàn giao cho chính quyền quận ngày 28/10/2022.",
        "summary_en": "Part of the national cooperation programme for a circular economy of plastic waste in Vietnam, funded by Dow. The collection model for low-value plastic was piloted in 30 households of Hàng Đào ward, then scaled up to six wards: Hàng Đào, Hàng Bạc, Hàng Buồm, Hàng Trống, Cửa Đông and Phúc Tân. What was collected was recycled into plastic pellets by VietCycle and paving bricks by Vinacolour. The model was handed over to the district on 28/10/2022.",
        "objectives_vi": "Thúc đẩy nền kinh tế tuần hoàn trong quản lý rác thải, tập trung vào rác thải nhựa có giá trị thấp, và xác định các vấn đề ưu tiên để hỗ trợ thực hiện mô hình.",
        "objectives_en": "Advance a circular economy in waste management, focused on low-value plastic, and identify the priorities for putting the model into practice.",
        "status": "completed",
        "start": "2020-01-01",
        "end": "2022-12-31",
        "provinces": ["ha-noi"],
        "location_detail": "Quận Hoàn Kiếm, 6 phường",
        "pillars": ["innovation"],
        "partners": [
            CECR,
            ("dow-viet-nam", "funder"),
            ("urenco-ha-noi", "implementing"),
            ("hoan-kiem-peoples-committee", "partner"),
            ("vietcycle", "partner"),
            ("vinacolour", "partner"),
        ],
        "results": [
            {
                "type": "output",
                "title_vi": "Mô hình được thử nghiệm và nhân rộng",
                "title_en": "The model piloted and scaled up",
                "indicators": [
                    {
                        "title_vi": "Hộ dân thử nghiệm mô hình tại phường Hàng Đào",
                        "title_en": "Households piloting the model in Hàng Đào ward",
                        "unit_vi": "hộ",
                        "unit_en": "households",
                        "periods": [
                            {"start": "2022-02-01", "end": "2022-03-31", "on": "2022-03-31", "value": 30}
                        ],
                    },
                    {
                        "title_vi": "Phường triển khai mô hình",
                        "title_en": "Wards running the model",
                        "unit_vi": "phường",
                        "unit_en": "wards",
                        "periods": [
                            {"start": "2022-03-21", "end": "2022-06-30", "on": "2022-06-30", "value": 6}
                        ],
                    },
                    {
                        "title_vi": "Nhóm nòng cốt được tập huấn",
                        "title_en": "Core groups trained",
                        "unit_vi": "nhóm",
                        "unit_en": "groups",
                        "periods": [
                            {"start": "2022-03-21", "end": "2022-06-30", "on": "2022-06-30", "value": 45}
                        ],
                    },
                    {
                        "title_vi": "Thành viên nhóm nòng cốt được tập huấn",
                        "title_en": "Core-group members trained",
                        "network": "people-trained",
                        **PEOPLE,
                        "periods": [
                            {
                                "start": "2022-03-21",
                                "end": "2022-06-30",
                                "on": "2022-06-30",
                                "value": 230,
                                "narrative": "Khoảng 230 thành viên của 45 nhóm nòng cốt.",
                            }
                        ],
                    },
                    {
                        "title_vi": "Công nhân Urenco được tập huấn",
                        "title_en": "URENCO workers trained",
                        "network": "people-trained",
                        **PEOPLE,
                        "periods": [
                            {"start": "2022-03-21", "end": "2022-06-30", "on": "2022-06-30", "value": 56}
                        ],
                    },
                ],
            },
            {
                "type": "outcome",
                "title_vi": "Hộ dân phân loại và rác thải nhựa giá trị thấp được thu gom, tái chế",
                "title_en": "Households sorting, and low-value plastic collected and recycled",
                "indicators": [
                    {
                        "title_vi": "Hộ dân nhận được tờ rơi tuyên truyền",
                        "title_en": "Households given the information leaflet",
                        "unit_vi": "hộ",
                        "unit_en": "households",
                        "cumulative": True,
                        "periods": [
                            {"start": "2022-03-21", "end": "2022-06-30", "on": "2022-06-30", "value": 8000}
                        ],
                    },
                    {
                        "title_vi": "Hộ dân tham gia phân loại rác thải nhựa giá trị thấp tại nguồn",
                        "title_en": "Households sorting low-value plastic at source",
                        "network": "households-sorting",
                        "unit_vi": "hộ",
                        "unit_en": "households",
                        "periods": [
                            {"start": "2022-03-21", "end": "2022-06-30", "on": "2022-06-30", "value": 7000}
                        ],
                    },
                    {
                        "title_vi": "Rác thải nhựa giá trị thấp được thu gom",
                        "title_en": "Low-value plastic waste collected",
                        "network": "plastic-collected",
                        "unit_vi": "kg",
                        "unit_en": "kg",
                        "periods": [
                            {
                                "start": "2022-03-21",
                                "end": "2022-06-30",
                                "on": "2022-06-30",
                                "value": 16150,
                                "narrative": "Tái chế thành hạt nhựa (VietCycle) và gạch lát đường (Vinacolour).",
                            }
                        ],
                    },
                ],
            },
        ],
    },
    {
        "slug": "cawacon",
        "acronym": "CAWACON",
        "title_vi": "Chung tay Hành động Bảo vệ Nguồn nước",
        "title_en": "Collective Action for Water Conservation",
        "summary_vi": "Kết nối các mạng lưới, tổ chức phi chính phủ, doanh nghiệp, cơ quan nghiên cứu, hiệp hội và cá nhân thành Mạng lưới Bảo tồn Nguồn nước Việt Nam (VIWACON) để nâng cao nhận thức về ô nhiễm nước và cùng chia sẻ trách nhiệm bảo vệ sông, suối, hồ và vùng nước ven biển; hỗ trợ sửa đổi Luật Tài nguyên nước.",
        "summary_en": "Brings networks, NGOs, businesses, research bodies, associations and individuals together in the Vietnam Water Conservation Network (VIWACON) to raise awareness of water pollution and share responsibility for rivers, streams, lakes and coastal waters; supports the revision of the Law on Water Resources.",
        "status": "completed",
        "start": "2021-01-01",
        "end": "2023-12-31",
        "provinces": ["ha-noi", "da-nang"],
        "location_detail": "",
        "pillars": ["communication", "awareness"],
        "partners": [CECR],
        "results": [
            {
                "type": "output",
                "title_vi": "Sáng kiến địa phương về bảo tồn nguồn nước tại Đà Nẵng",
                "title_en": "Local water-conservation initiatives in Đà Nẵng",
                "indicators": [
                    {
                        "title_vi": "Sáng kiến địa phương được triển khai",
                        "title_en": "Local initiatives under way",
                        "unit_vi": "sáng kiến",
                        "unit_en": "initiatives",
                        "periods": [
                            {
                                **Y2022,
                                "value": 11,
                                "narrative": "Do 15 đối tác địa phương thực hiện trong năm 2.",
                            }
                        ],
                    },
                    {
                        "title_vi": "Sáng kiến thuộc Chương trình “Quỹ Nước Xanh” hoàn thành",
                        "title_en": "“Green Water Fund” initiatives completed",
                        "unit_vi": "sáng kiến",
                        "unit_en": "initiatives",
                        "periods": [{**Y2022, "value": 5}],
                    },
                ],
            },
            {
                "type": "outcome",
                "title_vi": "Mạng lưới VIWACON được tăng cường năng lực",
                "title_en": "The VIWACON network strengthened",
                "indicators": [
                    {
                        "title_vi": "Tổ chức thành viên sáng lập VIWACON tăng cường hiệu suất làm việc",
                        "title_en": "VIWACON founding members that improved their performance",
                        "measure": "percentage",
                        "network": "organisations-improved",
                        "unit_vi": "%",
                        "unit_en": "%",
                        "periods": [{**Y2022, "numerator": 5, "denominator": 5}],
                    },
                    {
                        "title_vi": "Số bản tin của Mạng lưới được xuất bản",
                        "title_en": "Network newsletters published",
                        "unit_vi": "số",
                        "unit_en": "issues",
                        "periods": [{**Y2022, "value": 6}],
                    },
                ],
            },
        ],
    },
    {
        "slug": "pocca",
        "acronym": "POCCA",
        "title_vi": "Tăng cường sự tham gia và nâng cao kỹ năng quản lý của các tổ chức phụ nữ trong xây dựng chính sách ứng phó biến đổi khí hậu và giảm thiểu rủi ro thiên tai",
        "title_en": "Women's organisations in climate-change and disaster-risk policy",
        "summary_vi": "Tăng cường sự tham gia của phụ nữ và các tổ chức phụ nữ, nâng cao năng lực quản lý và lãnh đạo, tham gia có ý nghĩa và có ảnh hưởng trong xây dựng chính sách thích ứng biến đổi khí hậu và giảm thiểu rủi ro thiên tai.",
        "summary_en": "Stronger participation of women and women's organisations, with better management and leadership skills, taking a meaningful and influential part in climate-adaptation and disaster-risk policy.",
        "status": "completed",
        "start": "2019-11-01",
        "end": "2022-03-31",
        "provinces": ["ha-noi"],
        "location_detail": "",
        "pillars": ["gender-inclusion"],
        "partners": [CECR],
        "results": [
            {
                "type": "output",
                "title_vi": "Truyền thông vận động chính sách về giới và biến đổi khí hậu",
                "title_en": "Policy advocacy on gender and climate change",
                "indicators": [
                    {
                        "title_vi": "Số bản tin “Phụ nữ và Biến đổi khí hậu” ra mắt",
                        "title_en": "“Women and Climate Change” newsletter issues launched",
                        "unit_vi": "số",
                        "unit_en": "issues",
                        "periods": [
                            {
                                "start": "2022-01-01",
                                "end": "2022-03-31",
                                "on": "2022-03-31",
                                "value": 2,
                                "narrative": "Số 8 và số 9.",
                            }
                        ],
                    },
                ],
            },
        ],
    },
    {
        "slug": "green-schools-hoan-kiem",
        "acronym": "",
        "title_vi": "Chương trình Trường học Xanh – Vì một Hà Nội Xanh trên địa bàn quận Hoàn Kiếm",
        "title_en": "Green Schools – for a Green Hanoi, in Hoàn Kiếm district",
        "summary_vi": "Nâng cao nhận thức, ý thức tuân thủ pháp luật cho giáo viên, nhân viên, học sinh quận Hoàn Kiếm về năng lượng, rác thải, điện, nước, không khí và không gian xanh. Kế hoạch do UBND quận Hoàn Kiếm ban hành ngày 01/11/2022; tập huấn cho giáo viên ngày 23/12/2022.",
        "summary_en": "Raising awareness and respect for the law among teachers, staff and pupils of Hoàn Kiếm district on energy, waste, electricity, water, air and green space. The plan was issued by the district People's Committee on 01/11/2022; teachers were trained on 23/12/2022.",
        "status": "completed",
        "start": "2022-09-01",
        "end": "2023-05-31",
        "provinces": ["ha-noi"],
        "location_detail": "Quận Hoàn Kiếm",
        "pillars": ["awareness"],
        "partners": [CECR, ("hoan-kiem-peoples-committee", "partner")],
        "results": [
            {
                "type": "output",
                "title_vi": "Trường học và giáo viên tham gia chương trình",
                "title_en": "Schools and teachers taking part",
                "indicators": [
                    {
                        "title_vi": "Trường mầm non, tiểu học, THCS tham gia",
                        "title_en": "Pre-schools, primary and lower-secondary schools taking part",
                        "network": "schools-engaged",
                        "unit_vi": "trường",
                        "unit_en": "schools",
                        "periods": [
                            {"start": "2022-09-01", "end": "2022-12-31", "on": "2022-12-31", "value": 39}
                        ],
                    },
                    {
                        "title_vi": "Giáo viên được tập huấn về bảo tồn nguồn nước",
                        "title_en": "Teachers trained on water conservation",
                        "network": "people-trained",
                        **PEOPLE,
                        "periods": [
                            {
                                "start": "2022-09-01",
                                "end": "2022-12-31",
                                "on": "2022-12-23",
                                "value": 70,
                                "narrative": "Gần 70 giáo viên, tập huấn ngày 23/12/2022.",
                            }
                        ],
                    },
                ],
            },
            {
                "type": "outcome",
                "title_vi": "Sáng kiến bảo tồn nguồn nước của học sinh",
                "title_en": "Pupils' water-conservation initiatives",
                "indicators": [
                    {
                        "title_vi": "Sáng kiến của học sinh gửi dự thi",
                        "title_en": "Pupils' initiatives entered",
                        "unit_vi": "sáng kiến",
                        "unit_en": "initiatives",
                        "periods": [
                            {"start": "2022-09-01", "end": "2022-12-31", "on": "2022-12-31", "value": 27}
                        ],
                    },
                    {
                        "title_vi": "Sáng kiến xuất sắc được chọn để hỗ trợ triển khai",
                        "title_en": "Outstanding initiatives selected for support",
                        "unit_vi": "sáng kiến",
                        "unit_en": "initiatives",
                        "periods": [
                            {"start": "2022-09-01", "end": "2022-12-31", "on": "2022-12-31", "value": 10}
                        ],
                    },
                ],
            },
        ],
    },
    {
        "slug": "nam-tu-liem-schools",
        "acronym": "",
        "title_vi": "Chương trình giáo dục môi trường cho học sinh THCS về giảm thiểu, phân loại và tái chế rác thải nhựa giá trị thấp trên địa bàn quận Nam Từ Liêm",
        "title_en": "Environmental education on reducing, sorting and recycling low-value plastic in Nam Từ Liêm's lower-secondary schools",
        "summary_vi": "Nâng cao nhận thức cho giáo viên, nhân viên, học sinh quận Nam Từ Liêm về tác hại của rác thải giá trị thấp; giáo dục học sinh giảm thiểu và phân loại rác tại nguồn. Tập huấn giáo viên ngày 04/11/2022; Ngày hội tổng kết ngày 17/12/2022 tại THCS Tây Mỗ với hơn 1.500 học sinh, thầy cô và phụ huynh.",
        "summary_en": "Raising awareness among teachers, staff and pupils of Nam Từ Liêm district of the harm of low-value waste, and teaching pupils to reduce and sort waste at source. Teachers were trained on 04/11/2022; the closing festival on 17/12/2022 at Tây Mỗ lower-secondary school drew more than 1,500 pupils, teachers and parents.",
        "status": "completed",
        "start": "2022-10-01",
        "end": "2022-12-31",
        "provinces": ["ha-noi"],
        "location_detail": "Quận Nam Từ Liêm, 24 trường THCS",
        "pillars": ["awareness"],
        "partners": [CECR],
        "results": [
            {
                "type": "output",
                "title_vi": "Trường học xây dựng kế hoạch hành động",
                "title_en": "Schools with action plans",
                "indicators": [
                    {
                        "title_vi": "Trường THCS có kế hoạch hành động cấp trường",
                        "title_en": "Lower-secondary schools with a school action plan",
                        "network": "schools-engaged",
                        "unit_vi": "trường",
                        "unit_en": "schools",
                        "periods": [
                            {"start": "2022-10-01", "end": "2022-12-31", "on": "2022-12-31", "value": 24}
                        ],
                    },
                    {
                        "title_vi": "Giáo viên được tập huấn",
                        "title_en": "Teachers trained",
                        "network": "people-trained",
                        **PEOPLE,
                        "periods": [
                            {
                                "start": "2022-10-01",
                                "end": "2022-12-31",
                                "on": "2022-11-04",
                                "value": 50,
                                "narrative": "Gần 50 thầy cô giáo của 24 trường THCS, tập huấn ngày 04/11/2022.",
                            }
                        ],
                    },
                    {
                        "title_vi": "Sáng kiến giảm thiểu, tái chế rác thải nhựa giá trị thấp của học sinh",
                        "title_en": "Pupils' initiatives to reduce and recycle low-value plastic",
                        "unit_vi": "sáng kiến",
                        "unit_en": "initiatives",
                        "periods": [
                            {"start": "2022-10-01", "end": "2022-12-31", "on": "2022-12-31", "value": 20}
                        ],
                    },
                ],
            },
            {
                "type": "outcome",
                "title_vi": "Rác thải trong trường học giảm",
                "title_en": "Less waste in schools",
                "indicators": [
                    {
                        "title_vi": "Khối lượng rác thải được giảm thiểu",
                        "title_en": "Reduction in the amount of waste",
                        "unit_vi": "%",
                        "unit_en": "%",
                        "periods": [
                            {"start": "2022-10-01", "end": "2022-12-31", "on": "2022-12-31", "value": 20}
                        ],
                    },
                ],
            },
        ],
    },
]
