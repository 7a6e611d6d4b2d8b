"""Demo organisation, directory and schedules for the portal and the Sở KH&CN (idempotent)."""

import datetime
import io

from django.conf import settings
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection, Site

from .models import Hotline, Official, ReceptionEntry, ScheduleEntry, Unit

# site prefix ("" = portal) -> units: (name, name_en, name_zh, kind, parent name, functions, phone, email)
UNITS = {
    "": [
        (
            "Ủy ban nhân dân tỉnh",
            "Provincial People's Committee",
            "省人民委员会",
            "leadership",
            None,
            "Cơ quan hành chính nhà nước ở địa phương, chấp hành Nghị quyết của Hội đồng nhân dân tỉnh.",
            "0205 3812 606",
            "ubnd@langson.gov.vn",
        ),
        (
            "Văn phòng Ủy ban nhân dân tỉnh",
            "Office of the Provincial People's Committee",
            "省人民委员会办公室",
            "office",
            "Ủy ban nhân dân tỉnh",
            "Tham mưu tổng hợp, giúp Ủy ban nhân dân tỉnh tổ chức các hoạt động chung; quản lý Cổng thông tin điện tử tỉnh.",
            "0205 3812 222",
            "vpubnd@langson.gov.vn",
        ),
        (
            "Phòng Tổng hợp",
            "General Affairs Division",
            "综合处",
            "department",
            "Văn phòng Ủy ban nhân dân tỉnh",
            "Tổng hợp, theo dõi chương trình công tác của Ủy ban nhân dân tỉnh.",
            "0205 3812 223",
            "tonghop.vpubnd@langson.gov.vn",
        ),
        (
            "Trung tâm Thông tin",
            "Information Centre",
            "信息中心",
            "affiliate",
            "Văn phòng Ủy ban nhân dân tỉnh",
            "Vận hành Cổng thông tin điện tử tỉnh, Công báo điện tử và hệ thống họp trực tuyến.",
            "0205 3812 606",
            "ttth.vpubnd@langson.gov.vn",
        ),
        (
            "Ban Tiếp công dân tỉnh",
            "Citizen Reception Board",
            "省接待公民委员会",
            "board",
            "Văn phòng Ủy ban nhân dân tỉnh",
            "Tiếp công dân thường xuyên, tiếp nhận đơn khiếu nại, tố cáo, kiến nghị, phản ánh.",
            "0205 3812 555",
            "tcd@langson.gov.vn",
        ),
    ],
    "sokhcn": [
        (
            "Ban Giám đốc Sở",
            "Board of Directors",
            "厅领导",
            "leadership",
            None,
            "Lãnh đạo, chỉ đạo toàn diện hoạt động của Sở Khoa học và Công nghệ.",
            "0205 3812 228",
            "sokhcn@langson.gov.vn",
        ),
        (
            "Văn phòng Sở",
            "Office of the Department",
            "厅办公室",
            "office",
            "Ban Giám đốc Sở",
            "Tham mưu tổng hợp, hành chính, tổ chức cán bộ, tài chính, kế toán; đầu mối phát ngôn và cung cấp thông tin cho báo chí.",
            "0205 3812 229",
            "vanphong.sokhcn@langson.gov.vn",
        ),
        (
            "Phòng Quản lý khoa học",
            "Science Management Division",
            "科学管理处",
            "department",
            "Ban Giám đốc Sở",
            "Quản lý nhiệm vụ khoa học và công nghệ cấp tỉnh, cấp quốc gia trên địa bàn.",
            "0205 3812 230",
            "qlkh.sokhcn@langson.gov.vn",
        ),
        (
            "Phòng Quản lý công nghệ và Chuyển đổi số",
            "",
            "",
            "department",
            "Ban Giám đốc Sở",
            "Quản lý công nghệ, sở hữu trí tuệ, an toàn bức xạ và chuyển đổi số.",
            "0205 3812 231",
            "qlcn.sokhcn@langson.gov.vn",
        ),
        (
            "Thanh tra Sở",
            "",
            "",
            "inspectorate",
            "Ban Giám đốc Sở",
            "Thanh tra hành chính và thanh tra chuyên ngành khoa học và công nghệ.",
            "0205 3812 232",
            "thanhtra.sokhcn@langson.gov.vn",
        ),
        (
            "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng",
            "",
            "",
            "affiliate",
            "Ban Giám đốc Sở",
            "Kiểm định, hiệu chuẩn, thử nghiệm phương tiện đo; tư vấn áp dụng hệ thống quản lý chất lượng.",
            "0205 3812 233",
            "ttkt.sokhcn@langson.gov.vn",
        ),
    ],
}

# site prefix -> officials: (name, position, position_en, unit, phone, email local part, leader, spokesperson)
OFFICIALS = {
    "": [
        (
            "Hồ Tiến Thiệu",
            "Chủ tịch Ủy ban nhân dân tỉnh",
            "Chairman",
            "Ủy ban nhân dân tỉnh",
            "0205 3812 601",
            "hothieu",
            True,
            False,
        ),
        (
            "Đoàn Thu Hà",
            "Phó Chủ tịch Ủy ban nhân dân tỉnh",
            "Vice Chairwoman",
            "Ủy ban nhân dân tỉnh",
            "0205 3812 602",
            "doanha",
            True,
            False,
        ),
        (
            "Lương Trọng Quỳnh",
            "Phó Chủ tịch Ủy ban nhân dân tỉnh",
            "Vice Chairman",
            "Ủy ban nhân dân tỉnh",
            "0205 3812 603",
            "luongquynh",
            True,
            False,
        ),
        (
            "Hoàng Văn Nghiệm",
            "Phó Chủ tịch Ủy ban nhân dân tỉnh",
            "Vice Chairman",
            "Ủy ban nhân dân tỉnh",
            "0205 3812 604",
            "hoangnghiem",
            True,
            False,
        ),
        (
            "Nguyễn Hữu Chiến",
            "Chánh Văn phòng Ủy ban nhân dân tỉnh",
            "Chief of Office",
            "Văn phòng Ủy ban nhân dân tỉnh",
            "0205 3812 610",
            "nhchien",
            False,
            True,
        ),
        (
            "Vy Thị Hằng",
            "Phó Chánh Văn phòng",
            "Deputy Chief of Office",
            "Văn phòng Ủy ban nhân dân tỉnh",
            "0205 3812 611",
            "vthang",
            False,
            False,
        ),
        (
            "Nông Văn Tuấn",
            "Trưởng phòng Tổng hợp",
            "",
            "Phòng Tổng hợp",
            "0205 3812 223",
            "nvtuan",
            False,
            False,
        ),
        ("Lăng Thị Thu", "Chuyên viên", "", "Phòng Tổng hợp", "0205 3812 224", "ltthu", False, False),
        (
            "Chu Minh Đức",
            "Giám đốc Trung tâm Thông tin",
            "",
            "Trung tâm Thông tin",
            "0205 3812 606",
            "cmduc",
            False,
            False,
        ),
        ("Triệu Thị Mai", "Biên tập viên", "", "Trung tâm Thông tin", "0205 3812 607", "ttmai", False, False),
        (
            "Hà Văn Khánh",
            "Trưởng Ban Tiếp công dân tỉnh",
            "",
            "Ban Tiếp công dân tỉnh",
            "0205 3812 555",
            "hvkhanh",
            False,
            False,
        ),
        (
            "Mã Thị Nguyệt",
            "Chuyên viên tiếp công dân",
            "",
            "Ban Tiếp công dân tỉnh",
            "0205 3812 556",
            "mtnguyet",
            False,
            False,
        ),
    ],
    "sokhcn": [
        ("Vi Đức Thọ", "Giám đốc Sở", "Director", "Ban Giám đốc Sở", "0205 3812 228", "vitho", True, False),
        (
            "Đinh Thị Thanh Nhàn",
            "Phó Giám đốc Sở",
            "Deputy Director",
            "Ban Giám đốc Sở",
            "0205 3812 234",
            "dttnhan",
            True,
            True,
        ),
        (
            "Lộc Văn Thắng",
            "Phó Giám đốc Sở",
            "Deputy Director",
            "Ban Giám đốc Sở",
            "0205 3812 235",
            "lvthang",
            True,
            False,
        ),
        (
            "Hoàng Thị Lan",
            "Chánh Văn phòng Sở",
            "Chief of Office",
            "Văn phòng Sở",
            "0205 3812 229",
            "htlan",
            False,
            False,
        ),
        ("Nguyễn Thị Hương", "Kế toán trưởng", "", "Văn phòng Sở", "0205 3812 236", "nthuong", False, False),
        ("Lương Văn Tú", "Văn thư", "", "Văn phòng Sở", "0205 3812 237", "lvtu", False, False),
        (
            "Trần Quang Vinh",
            "Trưởng phòng Quản lý khoa học",
            "",
            "Phòng Quản lý khoa học",
            "0205 3812 230",
            "tqvinh",
            False,
            False,
        ),
        ("Bế Thị Ngọc", "Chuyên viên", "", "Phòng Quản lý khoa học", "0205 3812 238", "btngoc", False, False),
        (
            "Phạm Đức Anh",
            "Trưởng phòng Quản lý công nghệ và Chuyển đổi số",
            "",
            "Phòng Quản lý công nghệ và Chuyển đổi số",
            "0205 3812 231",
            "pdanh",
            False,
            False,
        ),
        ("Dương Văn Hải", "Chánh Thanh tra Sở", "", "Thanh tra Sở", "0205 3812 232", "dvhai", False, False),
        (
            "Lã Thị Bích",
            "Giám đốc Trung tâm",
            "",
            "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng",
            "0205 3812 233",
            "ltbich",
            False,
            False,
        ),
        (
            "Hứa Văn Sơn",
            "Kiểm định viên",
            "",
            "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng",
            "0205 3812 239",
            "hvson",
            False,
            False,
        ),
    ],
}

# Functions of the portal's units in the foreign editions (TRN-3: organisation, functions, contacts).
FUNCTIONS_TRANSLATED = {
    "Ủy ban nhân dân tỉnh": (
        "The local state administrative body, implementing the resolutions of the Provincial People's Council.",
        "地方国家行政机关，执行省人民议会的决议。",
    ),
    "Văn phòng Ủy ban nhân dân tỉnh": (
        "Advises and assists the Provincial People's Committee in its general activities; manages the provincial "
        "portal.",
        "为省人民委员会提供综合参谋并协助组织日常工作；管理省电子信息门户网站。",
    ),
    "Phòng Tổng hợp": (
        "Compiles and monitors the work programme of the Provincial People's Committee.",
        "汇总并跟踪省人民委员会的工作计划。",
    ),
    "Trung tâm Thông tin": (
        "Operates the provincial portal, the electronic official gazette and the video-conference system.",
        "运行省电子信息门户网站、电子公报和视频会议系统。",
    ),
    "Ban Tiếp công dân tỉnh": (
        "Receives citizens and their complaints, denunciations, recommendations and feedback.",
        "接待公民，受理投诉、举报、建议和反映。",
    ),
    "Ban Giám đốc Sở": (
        "Leads and directs all activities of the Department of Science and Technology.",
        "全面领导和指导科学技术厅的各项工作。",
    ),
    "Văn phòng Sở": (
        "General affairs, administration, personnel, finance and accounting; the department's press contact.",
        "负责综合、行政、人事、财务和会计工作；是本厅的新闻发言和信息提供联络点。",
    ),
    "Phòng Quản lý khoa học": (
        "Manages provincial and national science and technology tasks in the province.",
        "管理本省境内的省级和国家级科学技术任务。",
    ),
}
POSITIONS_ZH = {
    "Chủ tịch Ủy ban nhân dân tỉnh": "省人民委员会主席",
    "Phó Chủ tịch Ủy ban nhân dân tỉnh": "省人民委员会副主席",
    "Chánh Văn phòng Ủy ban nhân dân tỉnh": "省人民委员会办公室主任",
    "Giám đốc Sở": "厅长",
    "Phó Giám đốc Sở": "副厅长",
}

BIOGRAPHY = (
    "<p>Sinh năm {year}; quê quán: tỉnh Lạng Sơn. Trình độ chuyên môn: Tiến sĩ; lý luận chính trị: Cao cấp.</p>"
    "<p>Trưởng thành từ cơ sở, từng giữ nhiều chức vụ tại các cơ quan của tỉnh trước khi được bổ nhiệm {position}.</p>"
)
DUTIES = (
    "<p>Lãnh đạo, chỉ đạo các lĩnh vực được phân công; trực tiếp theo dõi, chỉ đạo công tác cải cách hành chính "
    "và chuyển đổi số; làm việc với các cơ quan, đơn vị thuộc lĩnh vực phụ trách.</p>"
)

# (weekday offset, hour, minute, content, place, leader index, attendees, preparing unit)
WEEK = [
    (
        0,
        8,
        0,
        "Họp giao ban lãnh đạo đầu tuần",
        "Phòng họp số 1",
        0,
        "Chủ trì: Thủ trưởng cơ quan; thành phần: các cấp phó, trưởng các đơn vị",
        "Văn phòng",
    ),
    (
        0,
        14,
        0,
        "Làm việc với Đoàn công tác của Bộ Khoa học và Công nghệ",
        "Hội trường tầng 3",
        0,
        "Mời đại diện lãnh đạo các sở, ngành liên quan",
        "Phòng Tổng hợp",
    ),
    (
        1,
        8,
        30,
        "Dự Hội nghị trực tuyến toàn quốc về chuyển đổi số",
        "Điểm cầu tỉnh",
        1,
        "Lãnh đạo các sở, ngành",
        "Trung tâm Thông tin",
    ),
    (
        2,
        7,
        30,
        "Kiểm tra tiến độ các dự án trọng điểm tại huyện Cao Lộc",
        "Huyện Cao Lộc",
        2,
        "Đại diện Sở Tài chính, Sở Xây dựng",
        "Văn phòng",
    ),
    (
        3,
        8,
        0,
        "Tiếp công dân định kỳ",
        "Trụ sở Tiếp công dân",
        0,
        "Ban Tiếp công dân, Thanh tra",
        "Ban Tiếp công dân",
    ),
    (
        4,
        14,
        0,
        "Họp thẩm định nhiệm vụ khoa học và công nghệ cấp tỉnh năm 2027",
        "Phòng họp số 2",
        1,
        "Thành viên Hội đồng thẩm định",
        "Phòng Quản lý khoa học",
    ),
]


def _site(prefix):
    hostname = settings.PORTAL_DOMAIN if not prefix else f"{prefix}.{settings.PORTAL_DOMAIN}"
    return Site.objects.filter(hostname=hostname).first()


def _portrait(name):
    """A neutral silhouette standing in for the official portrait the board uploads."""
    Image = get_image_model()
    title = f"Ảnh chân dung {name}"
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    from PIL import Image as PILImage
    from PIL import ImageDraw

    picture = PILImage.new("RGB", (320, 400), (226, 232, 240))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((105, 70, 215, 190), fill=(148, 163, 184))
    draw.ellipse((45, 210, 275, 470), fill=(100, 116, 139))
    buf = io.BytesIO()
    picture.save(buf, "JPEG", quality=80)
    image = Image(title=title, collection=Collection.get_first_root_node())
    image.file = ImageFile(buf, name="chan-dung.jpg")
    image.save()
    return image


def _upsert(model, lookup, values):
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values), True
    changed = [
        k
        for k, v in values.items()
        if getattr(obj, f"{k}_id" if hasattr(v, "pk") else k) != (v.pk if hasattr(v, "pk") else v)
    ]
    if changed:
        for key in changed:
            setattr(obj, key, values[key])
        obj.save()
    return obj, False


def load(stdout=None):
    created = 0
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    for prefix, units in UNITS.items():
        site = _site(prefix)
        if site is None:
            continue
        by_name = {}
        for order, (name, en, zh, kind, parent, functions, phone, email) in enumerate(units, start=1):
            unit, new = _upsert(
                Unit,
                {"site": site, "name": name},
                {
                    "name_en": en,
                    "name_zh": zh,
                    "kind": kind,
                    "parent": by_name.get(parent),
                    "functions": f"<p>{functions}</p>",
                    **{
                        f"functions_{code}": f"<p>{text}</p>"
                        for code, text in zip(("en", "zh"), FUNCTIONS_TRANSLATED.get(name, ()), strict=False)
                    },
                    "phone": phone,
                    "email": email,
                    "order": order,
                },
            )
            by_name[name] = unit
            created += new
        leaders = []
        for order, (name, position, position_en, unit, phone, local, leader, speaker) in enumerate(
            OFFICIALS[prefix], start=1
        ):
            official, new = _upsert(
                Official,
                {"site": site, "name": name},
                {
                    "position": position,
                    "position_en": position_en,
                    "position_zh": POSITIONS_ZH.get(position, ""),
                    **({"photo": _portrait(name)} if leader else {}),
                    "unit": by_name[unit],
                    "office_phone": phone,
                    "fax": "0205 3812 699",
                    "email": f"{local}@langson.gov.vn",
                    "is_leader": leader,
                    "is_spokesperson": speaker,
                    "biography": BIOGRAPHY.format(year=1968 + order, position=position) if leader else "",
                    "duties": DUTIES if leader else "",
                    "order": order,
                },
            )
            created += new
            if leader:
                leaders.append(official)
        for week in (0, 7):
            for offset, hour, minute, content, place, leader_index, attendees, unit_name in WEEK:
                _obj, new = _upsert(
                    ScheduleEntry,
                    {
                        "site": site,
                        "date": monday + datetime.timedelta(days=week + offset),
                        "start_time": datetime.time(hour, minute),
                        "content": content,
                    },
                    {
                        "place": place,
                        "leader": leaders[leader_index % len(leaders)],
                        "attendees": attendees,
                        "preparing_unit": unit_name,
                    },
                )
                created += new
            _obj, new = _upsert(
                ReceptionEntry,
                {
                    "site": site,
                    "date": monday + datetime.timedelta(days=week + 3),
                    "start_time": datetime.time(8, 0),
                },
                {
                    "end_time": datetime.time(11, 30),
                    "leader": leaders[(week // 7) % len(leaders)],
                    "place": "Trụ sở Tiếp công dân tỉnh, số 2 đường Hùng Vương"
                    if not prefix
                    else "Phòng tiếp công dân của Sở",
                    "notes": "Tiếp công dân định kỳ; công dân mang theo giấy tờ tùy thân và hồ sơ liên quan.",
                },
            )
            created += new
        for order, (name, number, purpose) in enumerate(
            [
                (
                    "Đường dây nóng của Thủ trưởng cơ quan",
                    "0205 3812 000" if not prefix else "0205 3812 228",
                    "Tiếp nhận phản ánh, kiến nghị về thủ tục hành chính và thái độ phục vụ",
                ),
                (
                    "Đường dây nóng tiếp nhận thông tin sai sự thật",
                    "0205 3812 111",
                    "Tiếp nhận phản ánh về tin giả, tin sai sự thật trên mạng",
                ),
                ("Tổng đài dịch vụ công", "1900 1234", "Hướng dẫn nộp hồ sơ trực tuyến"),
            ],
            start=1,
        ):
            _obj, new = _upsert(
                Hotline, {"site": site, "name": name}, {"number": number, "purpose": purpose, "order": order}
            )
            created += new
    if stdout is not None:
        stdout.write(f"  tổ chức, danh bạ, lịch công tác: {created} bản ghi mới")
    return created
