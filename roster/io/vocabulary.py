"""The words a commander may type in the input workbook, and the parsers that read them.

Each canonical value (a role, a status, a blood product ...) is accepted as itself or as any
of its words, matched without case or accents; the template's drop-downs offer the first
word.  The blood-group and product parsers live here, below the donor bank, so that reading
a workbook needs nothing from the features that use what it read.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from roster.data import Product
from roster.io.dates import fold, parse_choice
from roster.text import Phrase

# Words accepted for each canonical value, besides the value itself (matched without case
# or accents).  The first word is the Vietnamese one the template offers in its drop-downs.
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "police": ("công an", "công an nhân dân", "CA"),
    "militia": ("dân quân", "dân quân tự vệ", "DQTV"),
    "civil_defence": ("dân phòng", "phòng thủ dân sự", "bảo vệ dân phố", "civil defense"),
    "volunteer": ("tình nguyện viên", "tình nguyện", "TNV"),
}
ORIGIN_WORDS: dict[str, tuple[str, ...]] = {
    "own": ("đơn vị", "tại chỗ", "tại đơn vị", "phường"),
    "district": ("quận/huyện", "quận", "huyện", "cấp quận"),
    "city": ("thành phố", "tỉnh", "tỉnh/thành phố", "TP"),
}
STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "F0": ("F0", "dương tính"),
    "F1": ("F1", "tiếp xúc gần"),
    "leave": ("nghỉ phép", "phép", "nghỉ"),
    "sick": ("ốm", "nghỉ ốm", "bệnh", "ốm đau"),
    "training": ("tập huấn", "học", "đi học"),
    "unavailable": ("vắng", "bận", "không có mặt", "đi công tác"),
}
MODE_WORDS: dict[str, tuple[str, ...]] = {
    "onsite": ("tại chỗ", "trực tiếp", "on-site", "on site"),
    "remote": ("từ xa", "trực tuyến", "online"),
}
REQUEST_WORDS: dict[str, tuple[str, ...]] = {
    "off": ("nghỉ", "xin nghỉ", "không trực"),
    "on": ("trực", "làm", "xin trực", "đi làm"),
}
# One list for the Donations sheet and the `donors --product` option.
PRODUCT_WORDS: dict[str, tuple[str, ...]] = {
    "whole_blood": ("máu toàn phần", "toàn phần", "whole blood", "red cells"),
    "platelets": ("tiểu cầu", "platelet"),
    "plasma": ("huyết tương",),
}
# Area kinds are free text; these words mean the contract's kinds (``remote`` matters).
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "residential": ("tổ dân phố", "khu dân cư", "dân cư"),
    "checkpoint": ("chốt", "chốt kiểm soát"),
    "lockdown": ("phong tỏa", "khu phong tỏa"),
    "market": ("chợ",),
    "office": ("trụ sở", "văn phòng"),
    "remote": ("từ xa", "trực tuyến"),
}
LANGUAGE_WORDS: dict[str, tuple[str, ...]] = {
    "vi": ("tiếng Việt", "Vietnamese"),
    "en": ("tiếng Anh", "English"),
}

# Vietnamese names of the settings keys; every ``Settings`` field name is accepted as well.
SETTINGS_ALIASES: dict[str, tuple[str, ...]] = {
    "unit": ("đơn vị", "tên đơn vị"),
    "start_date": ("ngày bắt đầu",),
    "days": ("số ngày",),
    "language": ("ngôn ngữ",),
    "commander": ("chỉ huy", "người duyệt"),
    "parent_unit": ("đơn vị cấp trên",),
    "min_rest_hours": ("số giờ nghỉ tối thiểu",),
    "max_consecutive_days": ("số ngày làm liên tiếp tối đa",),
    "max_shifts_per_week": ("số ca tối đa mỗi tuần", "tối đa ca/tuần"),
    "max_nights_per_week": ("số ca đêm tối đa mỗi tuần", "tối đa ca đêm/tuần"),
    "f0_isolation_days": ("số ngày cách ly F0",),
    "f1_quarantine_days": ("số ngày cách ly F1",),
    "f1_remote_duty": ("F1 trực từ xa",),
    "time_limit_s": ("thời gian giải tối đa (giây)",),
    "tier_gap": ("khoảng cách tối ưu chấp nhận mỗi tầng",),
    "request_order": ("thứ tự đề nghị tăng cường",),
    "request_cap_district": ("số người tăng cường tối đa từ quận",),
    "request_cap_city": ("số người tăng cường tối đa từ thành phố",),
    "weight_requests": ("trọng số nguyện vọng",),
    "weight_fairness": ("trọng số công bằng",),
    "weight_continuity": ("trọng số ổn định",),
    "donor_whole_blood_interval_days": ("số ngày giữa hai lần hiến máu toàn phần",),
    "donor_apheresis_interval_days": ("số ngày giữa hai lần hiến gạn tách",),
    "donor_min_age": ("tuổi hiến máu tối thiểu",),
    "donor_max_age": ("tuổi hiến máu tối đa",),
    "donor_min_weight_whole_blood_kg": ("cân nặng tối thiểu hiến máu toàn phần (kg)",),
    "donor_min_weight_apheresis_kg": ("cân nặng tối thiểu hiến gạn tách (kg)",),
    "donor_min_weight_250ml_kg": ("cân nặng tối thiểu hiến 250 ml máu toàn phần (kg)",),
    "donor_deferral_after_covid_days": ("số ngày hoãn hiến máu sau khi khỏi COVID",),
    "min_consecutive_shifts": ("số ca liên tiếp tối thiểu",),
    "min_days_off_in_row": ("số ngày nghỉ liên tiếp tối thiểu",),
    "max_weekends": ("số cuối tuần tối đa",),
    "objective": ("mục tiêu", "cách tính mục tiêu"),
    "trace_days": ("số ngày truy vết",),
    "team_separation": ("tách tổ",),
    "team_block_days": ("số ngày mỗi lượt tổ",),
    "team_strict": ("tách tổ bắt buộc",),
    "weight_contacts": ("trọng số tiếp xúc",),
}
TEAM_SEPARATION_WORDS: dict[str, tuple[str, ...]] = {
    "none": ("không",),
    "area": ("địa bàn", "theo địa bàn"),
    "shift": ("ca", "theo ca"),
    "day": ("ngày", "theo ngày"),
}
OBJECTIVE_WORDS: dict[str, tuple[str, ...]] = {
    "lexicographic": ("thứ tự ưu tiên", "theo thứ tự"),
    "weighted": ("tổng có trọng số", "trọng số"),
}


BLOOD_GROUPS = ("O-", "O+", "A-", "A+", "B-", "B+", "AB-", "AB+")
_RH_WORDS = {"+": "+", "-": "-", "pos": "+", "positive": "+", "duong": "+", "neg": "-"}
_RH_WORDS |= {"negative": "-", "am": "-"}
_GROUP = re.compile(r"^(ab|a|b|o|0)(?:rh)?([+-]|pos|positive|duong|neg|negative|am)$")


def choices(words: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Every accepted word, folded, mapped to its canonical value."""
    table: dict[str, str] = {}
    for canonical, aliases in words.items():
        for word in (canonical, canonical.replace("_", " "), *aliases):
            table[fold(word)] = canonical
    return table


def chooser(words: dict[str, tuple[str, ...]], what: str) -> Callable[[object], str]:
    """A parser of one word list; a word not in it says which canonical values there are
    (the catalogue's ``expect.choice.<what>``)."""
    table = choices(words)
    expected = Phrase(f"expect.choice.{what}", {"choices": ", ".join(words)})
    return lambda value: parse_choice(value, table, expected)


parse_role = chooser(ROLE_WORDS, "role")
parse_origin = chooser(ORIGIN_WORDS, "origin")
parse_status = chooser(STATUS_WORDS, "status")
parse_mode = chooser(MODE_WORDS, "mode")
parse_request_type = chooser(REQUEST_WORDS, "request_type")
parse_language = chooser(LANGUAGE_WORDS, "language")
parse_objective = chooser(OBJECTIVE_WORDS, "objective")
parse_team_separation = chooser(TEAM_SEPARATION_WORDS, "team_separation")
_PRODUCTS = choices(PRODUCT_WORDS)
_PRODUCT_EXPECTED = Phrase("expect.product")


def parse_product(value: object) -> Product:
    """A blood product in English or Vietnamese -> ``Product`` (sheet and command line)."""
    return Product(parse_choice(value, _PRODUCTS, _PRODUCT_EXPECTED))


def parse_blood_group(value: object) -> str:
    """A blood group as written on a form ('B+', 'b rh+', 'AB dương', 'O(-)') -> 'B+'.

    The Rh sign is required: guessing '+' for a bare 'B' could harm an Rh-negative patient.
    """
    text = re.sub(r"[\s()_.]", "", fold(str(value))).replace("nhom", "").replace("−", "-")
    found = _GROUP.match(text)
    if found is None:
        raise ValueError(Phrase("expect.blood_group", {"groups": ", ".join(BLOOD_GROUPS)}))
    abo = "O" if found[1] == "0" else found[1].upper()
    return abo + _RH_WORDS[found[2]]


_KINDS = choices(KIND_WORDS)


def parse_kind(text: str) -> str:
    """An area kind: one of the contract's kinds when a word means one, else the text as is."""
    return _KINDS.get(fold(text), text)
