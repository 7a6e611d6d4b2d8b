"""Vietnamese word lists for scale data: titles, summaries, bodies, legal and Q&A texts.

Deterministic for a given random.Random; every string is NFC with full diacritics.
"""

import random

SUBJECTS = [
    "Ủy ban nhân dân tỉnh",
    "Sở Khoa học và Công nghệ",
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Nông nghiệp và Môi trường",
    "Công an tỉnh",
    "Bộ Chỉ huy Quân sự tỉnh",
    "Ủy ban nhân dân huyện",
    "Hội Nông dân tỉnh",
    "Đoàn Thanh niên",
    "Ban Quản lý Khu kinh tế cửa khẩu",
    "Trung tâm Phục vụ hành chính công",
    "Hội đồng nhân dân tỉnh",
]
ACTIONS = [
    "tổ chức hội nghị",
    "triển khai kế hoạch",
    "kiểm tra công tác",
    "tổng kết năm",
    "sơ kết sáu tháng",
    "phát động phong trào",
    "tập huấn nghiệp vụ",
    "đẩy mạnh cải cách",
    "hướng dẫn thực hiện",
    "làm việc với đoàn công tác",
    "trao tặng bằng khen",
    "ký kết chương trình phối hợp",
    "khánh thành công trình",
    "tiếp xúc cử tri",
]
TOPICS = [
    "chuyển đổi số",
    "cải cách hành chính",
    "phòng chống thiên tai",
    "xây dựng nông thôn mới",
    "phát triển du lịch",
    "giảm nghèo bền vững",
    "an toàn giao thông",
    "bảo vệ rừng",
    "an ninh trật tự",
    "thu hút đầu tư",
    "y tế cơ sở",
    "giáo dục nghề nghiệp",
    "kinh tế cửa khẩu",
    "dịch vụ công trực tuyến",
    "phòng cháy chữa cháy",
    "văn hóa dân tộc",
    "bảo hiểm xã hội",
    "đất đai và khoáng sản",
    "khởi nghiệp sáng tạo",
    "chăm sóc sức khỏe người cao tuổi",
]
PLACES = [
    "Lạng Sơn",
    "Cao Lộc",
    "Bình Gia",
    "Văn Quan",
    "Tràng Định",
    "Lộc Bình",
    "Đình Lập",
    "Hữu Lũng",
    "Chi Lăng",
    "Bắc Sơn",
    "Văn Lãng",
    "Đồng Đăng",
    "Tân Thanh",
    "Hữu Nghị",
]
SENTENCE_PARTS = [
    "Theo báo cáo của đơn vị,",
    "Phát biểu tại buổi làm việc,",
    "Trong thời gian qua,",
    "Năm nay,",
    "Để thực hiện tốt nhiệm vụ,",
    "Bên cạnh những kết quả đạt được,",
    "Thời gian tới,",
    "Cũng tại hội nghị,",
]
SENTENCE_BODIES = [
    "các cơ quan, đơn vị đã tích cực triển khai nhiều giải pháp đồng bộ",
    "tỷ lệ hồ sơ được giải quyết đúng hạn đạt trên chín mươi phần trăm",
    "lãnh đạo tỉnh đề nghị các ngành tiếp tục tháo gỡ khó khăn cho người dân và doanh nghiệp",
    "công tác tuyên truyền được đổi mới cả về nội dung và hình thức",
    "nhiều mô hình hay, cách làm sáng tạo đã được nhân rộng trên địa bàn",
    "việc ứng dụng công nghệ thông tin giúp rút ngắn thời gian xử lý công việc",
    "các địa phương cần chủ động rà soát, bổ sung kế hoạch phù hợp với tình hình thực tế",
    "người dân vùng sâu, vùng xa được tiếp cận dịch vụ thiết yếu thuận lợi hơn",
    "nguồn vốn đầu tư công được giải ngân nhanh, đúng mục đích và hiệu quả",
    "đơn vị sẽ tăng cường kiểm tra, giám sát, xử lý nghiêm các vi phạm",
]
FIRST_NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vi", "Lương", "Hà", "Nông", "Đinh", "Lộc", "Hứa"]
MIDDLE_NAMES = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Hữu", "Thanh"]
GIVEN_NAMES = [
    "Bình",
    "Hùng",
    "Lan",
    "Hương",
    "Dũng",
    "Thắng",
    "Mai",
    "Tuấn",
    "Hạnh",
    "Sơn",
    "Quỳnh",
    "Khánh",
]
LEGAL_VERBS = [
    "Ban hành quy chế",
    "Phê duyệt kế hoạch",
    "Quy định chi tiết",
    "Sửa đổi, bổ sung một số điều của quy định",
    "Ban hành quy định",
    "Phê duyệt đề án",
    "Kiện toàn ban chỉ đạo",
    "Công bố danh mục",
]
LEGAL_FORMS = {  # code in the number → form name (matched to DocumentForm by name when present)
    "QĐ": "Quyết định",
    "NQ": "Nghị quyết",
    "CT": "Chỉ thị",
    "KH": "Kế hoạch",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
}
ISSUERS = {
    "UBND": "Ủy ban nhân dân tỉnh",
    "HĐND": "Hội đồng nhân dân tỉnh",
    "SKHCN": "Sở Khoa học và Công nghệ",
    "SNV": "Sở Nội vụ",
    "STC": "Sở Tài chính",
    "SYT": "Sở Y tế",
}
FIELDS = [
    "Đất đai",
    "Xây dựng",
    "Giáo dục",
    "Y tế",
    "Tài chính",
    "Khoa học công nghệ",
    "Nội vụ",
    "Giao thông vận tải",
    "Nông nghiệp",
    "Văn hóa, thể thao và du lịch",
    "Lao động, thương binh và xã hội",
    "Tư pháp",
]
QUESTION_STARTS = [
    "Xin hỏi thủ tục",
    "Tôi muốn hỏi về",
    "Đề nghị hướng dẫn",
    "Cho tôi hỏi hồ sơ",
    "Phản ánh về việc chậm giải quyết",
    "Kiến nghị xem xét",
]
QUESTION_THINGS = [
    "cấp giấy chứng nhận quyền sử dụng đất",
    "đăng ký khai sinh cho con",
    "cấp phép xây dựng nhà ở riêng lẻ",
    "hỗ trợ hộ nghèo",
    "chế độ bảo hiểm y tế học sinh",
    "đăng ký kinh doanh hộ cá thể",
    "cấp đổi giấy phép lái xe",
    "chế độ cho người có công",
    "tuyển sinh lớp một",
    "bồi thường giải phóng mặt bằng",
]


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"


def title(rng: random.Random) -> str:
    patterns = (
        lambda: f"{rng.choice(SUBJECTS)} {rng.choice(ACTIONS)} về {rng.choice(TOPICS)}",
        lambda: f"{rng.choice(PLACES)}: {rng.choice(ACTIONS).capitalize()} {rng.choice(TOPICS)}",
        lambda: f"Đẩy mạnh {rng.choice(TOPICS)} tại {rng.choice(PLACES)}",
        lambda: f"{rng.choice(TOPICS).capitalize()} – kết quả bước đầu ở {rng.choice(PLACES)}",
    )
    return rng.choice(patterns)()


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(SENTENCE_PARTS)} {rng.choice(SENTENCE_BODIES)} về {rng.choice(TOPICS)}."


def summary(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(1, 3)))


def paragraphs(rng: random.Random, low=2, high=8) -> list[str]:
    return [" ".join(sentence(rng) for _ in range(rng.randint(2, 6))) for _ in range(rng.randint(low, high))]


def legal_summary(rng: random.Random) -> str:
    return f"{rng.choice(LEGAL_VERBS)} {rng.choice(TOPICS)} trên địa bàn tỉnh {rng.choice(['Lạng Sơn', ''])}".strip()


def question(rng: random.Random) -> tuple[str, str, str]:
    thing = rng.choice(QUESTION_THINGS)
    head = f"{rng.choice(QUESTION_STARTS)} {thing}"
    body = f"{head} tại {rng.choice(PLACES)}. " + " ".join(sentence(rng) for _ in range(rng.randint(1, 3)))
    answer = f"Về nội dung {thing}, cơ quan chuyên môn trả lời như sau: " + " ".join(
        sentence(rng) for _ in range(rng.randint(2, 5))
    )
    return head, body, answer
