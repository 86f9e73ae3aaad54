"""Every sheet and column name of the workbook contract, in English and Vietnamese, in one place.

Input names are matched case-insensitively, ignoring surrounding spaces; either language is
accepted. Output names follow the ``language`` setting. The contract (the workbook
specification) names each sheet and column in exactly these two languages, so this table keeps
its (English, Vietnamese) shape rather than living in the per-language modules.
"""

from __future__ import annotations

# Input sheets: key -> (English, Vietnamese)
INPUT_SHEETS: dict[str, tuple[str, str]] = {
    "settings": ("Settings", "Thiết lập"),
    "shifts": ("Shifts", "Ca trực"),
    "areas": ("Areas", "Địa bàn"),
    "people": ("People", "Cán bộ"),
    "requirements": ("Requirements", "Yêu cầu"),
    "status": ("Status", "Tình trạng"),
    "isolation": ("Isolation", "Quy định cách ly"),
    "requests": ("Requests", "Nguyện vọng"),
    "fixed": ("Fixed", "Cố định"),
    "history": ("History", "Lịch sử"),
    "donations": ("Donations", "Hiến máu"),
    "ledger": ("Ledger", "Sổ theo dõi"),
    "holidays": ("Holidays", "Ngày lễ"),
}

# Input columns per sheet: key -> (English, Vietnamese)
INPUT_COLUMNS: dict[str, dict[str, tuple[str, str]]] = {
    "settings": {"key": ("key", "khóa"), "value": ("value", "giá trị")},
    "shifts": {
        "id": ("id", "mã"),
        "name": ("name", "tên"),
        "start": ("start", "bắt đầu"),
        "end": ("end", "kết thúc"),
        "night": ("night", "ca đêm"),
        "forbidden_next": ("forbidden_next", "ca cấm ngày sau"),
    },
    "areas": {"id": ("id", "mã"), "name": ("name", "tên"), "kind": ("kind", "loại")},
    "people": {
        "id": ("id", "mã"),
        "name": ("name", "họ tên"),
        "rank": ("rank", "cấp bậc"),
        "role": ("role", "lực lượng"),
        "origin": ("origin", "nguồn"),
        "available_from": ("available_from", "từ ngày"),
        "available_to": ("available_to", "đến ngày"),
        "home_area": ("home_area", "địa bàn phụ trách"),
        "skills": ("skills", "kỹ năng"),
        "max_shifts_per_week": ("max_shifts_per_week", "tối đa ca/tuần"),
        "phone": ("phone", "điện thoại"),
        "blood_group": ("blood_group", "nhóm máu"),
        "birth_date": ("birth_date", "ngày sinh"),
        "weight_kg": ("weight_kg", "cân nặng"),
        "max_shifts_by_type": ("max_shifts_by_type", "tối đa ca theo loại"),
        "min_total_minutes": ("min_total_minutes", "tổng phút tối thiểu"),
        "max_total_minutes": ("max_total_minutes", "tổng phút tối đa"),
        "max_consecutive_shifts": ("max_consecutive_shifts", "số ca liên tiếp tối đa"),
        "min_consecutive_shifts": ("min_consecutive_shifts", "số ca liên tiếp tối thiểu"),
        "min_days_off_in_row": ("min_days_off_in_row", "số ngày nghỉ liên tiếp tối thiểu"),
        "max_weekends": ("max_weekends", "số cuối tuần tối đa"),
        "team": ("team", "tổ"),
    },
    "requirements": {
        "area": ("area", "địa bàn"),
        "shift": ("shift", "ca"),
        "from": ("from", "từ ngày"),
        "to": ("to", "đến ngày"),
        "weekdays": ("weekdays", "thứ"),
        "min_staff": ("min_staff", "số người"),
        "min_police": ("min_police", "số công an"),
        "skill": ("skill", "kỹ năng"),
        "max_staff": ("max_staff", "tối đa"),
        "mode": ("mode", "hình thức"),
        "weight_under": ("weight_under", "trọng số thiếu"),
        "weight_over": ("weight_over", "trọng số thừa"),
    },
    "status": {
        "person": ("person", "cán bộ"),
        "status": ("status", "tình trạng"),
        "from": ("from", "từ ngày"),
        "to": ("to", "đến ngày"),
        "note": ("note", "ghi chú"),
    },
    "isolation": {
        "status": ("status", "tình trạng"),
        "effective_from": ("effective_from", "áp dụng từ"),
        "days": ("days", "số ngày"),
    },
    "requests": {
        "person": ("person", "cán bộ"),
        "date": ("date", "ngày"),
        "shift": ("shift", "ca"),
        "type": ("type", "loại"),
        "weight": ("weight", "trọng số"),
    },
    "fixed": {
        "person": ("person", "cán bộ"),
        "date": ("date", "ngày"),
        "shift": ("shift", "ca"),
        "area": ("area", "địa bàn"),
    },
    "history": {"person": ("person", "cán bộ"), "date": ("date", "ngày"), "shift": ("shift", "ca")},
    "donations": {
        "person": ("person", "cán bộ"),
        "date": ("date", "ngày"),
        "product": ("product", "chế phẩm"),
        "note": ("note", "ghi chú"),
    },
    "ledger": {
        "person": ("person", "cán bộ"),
        "shifts": ("shifts", "số ca"),
        "nights": ("nights", "ca đêm"),
        "weekend_shifts": ("weekend_shifts", "ca cuối tuần"),
        "holiday_shifts": ("holiday_shifts", "ca ngày lễ"),
        "up_to": ("up_to", "tính đến ngày"),
    },
    "holidays": {
        "date": ("date", "ngày"),
        "holiday": ("holiday", "ngày lễ"),
        "name": ("name", "tên"),
    },
}

# The sheet the template adds for the person filling it in, not for the program.
GUIDE_SHEET = ("Guide", "Hướng dẫn")

# Output sheets: key -> (English, Vietnamese)
OUTPUT_SHEETS: dict[str, tuple[str, str]] = {
    "assignments": ("Assignments", "Phân công"),
    "gaps": ("Gaps", "Thiếu hụt"),
    "reinforcements": ("Reinforcements needed", "Đề nghị tăng cường"),
    "grid": ("Grid", "Lịch theo người"),
    "coverage": ("Coverage", "Độ phủ"),
    "totals": ("Totals", "Tổng hợp"),
    "summary": ("Summary", "Tóm tắt"),
    "changes": ("Changes", "Thay đổi"),
}

# Output columns: key -> (English, Vietnamese)
OUTPUT_COLUMNS: dict[str, tuple[str, str]] = {
    "date": ("date", "ngày"),
    "shift": ("shift", "ca"),
    "area": ("area", "địa bàn"),
    "person": ("person", "cán bộ"),
    "name": ("name", "họ tên"),
    "role": ("role", "lực lượng"),
    "origin": ("origin", "nguồn"),
    "mode": ("mode", "hình thức"),
    "needed": ("needed", "cần"),
    "assigned": ("assigned", "đã phân"),
    "missing": ("missing", "thiếu"),
    "reason": ("reason", "lý do"),
    "from": ("from", "từ ngày"),
    "to": ("to", "đến ngày"),
    "people": ("people", "số người"),
    "rank": ("rank", "cấp bậc"),
    "shifts": ("shifts", "số ca"),
    "nights": ("nights", "ca đêm"),
    "weekends": ("weekend shifts", "ca cuối tuần"),
    "home_area_shifts": ("in home area", "tại địa bàn phụ trách"),
    "load": ("load", "mức tải"),
    "change": ("change", "thay đổi"),
    "before": ("before", "trước"),
    "after": ("after", "sau"),
    "carried_shifts": ("shifts before", "số ca trước đó"),
    "carried_nights": ("nights before", "ca đêm trước đó"),
    "year_nights": ("nights this year", "ca đêm trong năm"),
}


def sheet_name(key: str, language: str) -> str:
    """The output sheet name for ``key`` in ``language`` (``vi`` or ``en``)."""
    en, vi = OUTPUT_SHEETS[key]
    return vi if language == "vi" else en


def column_name(key: str, language: str) -> str:
    en, vi = OUTPUT_COLUMNS[key]
    return vi if language == "vi" else en


# The city folder (shared/spec/city.md): the pool workbook's sheets, columns and settings,
# and the command workbook's sheets. key -> (English, Vietnamese)
POOL_SHEETS: dict[str, tuple[str, str]] = {
    "settings": INPUT_SHEETS["settings"],
    "units": ("Units", "Đơn vị"),
    "pool": ("Pool", "Lực lượng tăng cường"),
    "status": INPUT_SHEETS["status"],
}
POOL_UNIT_COLUMNS: dict[str, tuple[str, str]] = {
    "id": ("id", "mã"),
    "name": ("name", "tên"),
    "workbook": ("workbook", "tệp"),
    "group": ("group", "cụm"),
    "priority": ("priority", "ưu tiên"),
}
POOL_COLUMNS: dict[str, tuple[str, str]] = {"group": ("group", "cụm"), "units": ("units", "đơn vị")}
CITY_SETTINGS: dict[str, tuple[str, ...]] = {
    "min_stay_days": ("số ngày ở lại tối thiểu",),
    "time_limit_s": ("thời gian giải tối đa (giây)",),
    "unit_time_limit_s": ("thời gian giải mỗi đơn vị (giây)",),
}
CITY_SHEETS: dict[str, tuple[str, str]] = {
    "allocation": ("Allocation", "Điều động"),
    "units": ("Units", "Đơn vị"),
    "requests": ("Requests above", "Đề nghị cấp trên"),
    "coverage": ("Coverage", "Mức bảo đảm"),
    "officers": ("Pool totals", "Tổng hợp tăng cường"),
    "figures": ("Figures", "Số liệu"),
}

# The command workbook's own columns (the rest are ``OUTPUT_COLUMNS``): key -> (English, Vietnamese)
CITY_COLUMNS: dict[str, tuple[str, str]] = {
    "unit": ("unit", "đơn vị"),
    "unit_name": ("name", "tên"),
    "state": ("state", "tình trạng"),
    "own": ("own", "tự bảo đảm"),
    "pool": ("pool", "tăng cường"),
    "short": ("short", "còn thiếu"),
    "group": ("group", "cụm"),
    "units": ("units", "các đơn vị"),
    "key": ("key", "khóa"),
    "value": ("value", "giá trị"),
}


def city_column(key: str, language: str) -> str:
    """A command workbook column's name in ``language``."""
    en, vi = CITY_COLUMNS.get(key) or OUTPUT_COLUMNS[key]
    return vi if language == "vi" else en


def normalise(name: object) -> str:
    """How names are compared: case-insensitive, surrounding spaces ignored, NFC Unicode."""
    import unicodedata

    return unicodedata.normalize("NFC", str(name)).strip().casefold()
