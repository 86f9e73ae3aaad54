"""Every word the duty sheets, cards, messages and charts print, in Vietnamese and English.

One table per language keeps the two outputs in step: a label added for one language and
forgotten for the other fails at import (see the check at the bottom), not in front of a
commander. Vietnamese dates are day-first (09/08/2021), as on every paper in the station.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from roster.data import Mode, Origin, Person, Role, Settings, Shift, StatusKind, StatusPeriod

VI: dict[str, str] = {
    "republic": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "motto": "Độc lập - Tự do - Hạnh phúc",
    "title": "LỊCH TRỰC",
    "card_title": "PHIẾU TRỰC CÁ NHÂN",
    "continued": "(tiếp theo)",
    "area": "Địa bàn",
    "rank": "Cấp bậc",
    "name": "Họ và tên",
    "role": "Lực lượng",
    "phone": "Điện thoại",
    "mode": "Hình thức",
    "note": "Ghi chú",
    "shift": "Ca",
    "date": "Ngày",
    "weekday": "Thứ",
    "hours": "Giờ",
    "missing": "THIẾU {n} người",
    "summary": "Tổng số: {shifts} lượt trực, {people} cán bộ; chỗ còn thiếu: {missing}.",
    "remote_title": "TRỰC ĐIỀU PHỐI TỪ XA",
    "off_title": "CÁN BỘ KHÔNG TRỰC TRONG NGÀY",
    "nobody_off": "Không có.",
    "until": "đến {date}",
    "people_count": "{n} người",
    "one_person": "1 người",
    "prepared_by": "NGƯỜI LẬP",
    "commander_title": "CHỈ HUY ĐƠN VỊ",
    "sign_hint": "(Ký, ghi rõ họ tên)",
    "reinforcement": "Tăng cường: {unit}",
    "reinforcement_short": "TC",
    "district_unit": "Công an quận/huyện",
    "city_unit": "Công an thành phố",
    "card_period": "Từ {start} đến {end}",
    "card_unit": "Đơn vị",
    "card_total": "Tổng: {shifts} ca, trong đó {nights} ca đêm.",
    "card_none": "Không có ca trực trong thời gian này.",
    "msg_remote": "Trực từ xa",
    "msg_gaps": "Còn thiếu",
    "msg_off": "Vắng",
    "coverage_title": "Độ phủ theo địa bàn và ngày",
    "legend_ok": "Đủ người",
    "legend_reinforced": "Đủ, có tăng cường",
    "legend_gap": "Thiếu người",
    "legend_none": "Không yêu cầu",
    "mode.onsite": "Tại chỗ",
    "mode.remote": "Từ xa",
    "role.police": "Công an",
    "role.militia": "Dân quân",
    "role.civil_defence": "Dân phòng",
    "role.volunteer": "Tình nguyện",
    "status.F0": "F0 (điều trị)",
    "status.F1": "F1 (cách ly)",
    "status.leave": "Nghỉ phép",
    "status.sick": "Ốm",
    "status.training": "Tập huấn",
    "status.unavailable": "Vắng mặt",
}

EN: dict[str, str] = {
    "republic": "SOCIALIST REPUBLIC OF VIET NAM",
    "motto": "Independence - Freedom - Happiness",
    "title": "DUTY ROSTER",
    "card_title": "PERSONAL DUTY CARD",
    "continued": "(continued)",
    "area": "Area",
    "rank": "Rank",
    "name": "Full name",
    "role": "Force",
    "phone": "Phone",
    "mode": "Mode",
    "note": "Note",
    "shift": "Shift",
    "date": "Date",
    "weekday": "Day",
    "hours": "Hours",
    "missing": "{n} MISSING",
    "summary": "Total: {shifts} shifts, {people} people; places still missing: {missing}.",
    "remote_title": "REMOTE COORDINATION",
    "off_title": "PEOPLE OFF DUTY TODAY",
    "nobody_off": "None.",
    "until": "until {date}",
    "people_count": "{n} people",
    "one_person": "1 person",
    "prepared_by": "PREPARED BY",
    "commander_title": "COMMANDER",
    "sign_hint": "(Signature and full name)",
    "reinforcement": "Reinforcement: {unit}",
    "reinforcement_short": "RF",
    "district_unit": "District police",
    "city_unit": "City police",
    "card_period": "From {start} to {end}",
    "card_unit": "Unit",
    "card_total": "Total: {shifts} shifts, {nights} of them at night.",
    "card_none": "No shifts in this period.",
    "msg_remote": "Remote",
    "msg_gaps": "Missing",
    "msg_off": "Off",
    "coverage_title": "Coverage by area and day",
    "legend_ok": "Covered",
    "legend_reinforced": "Covered with reinforcements",
    "legend_gap": "Short",
    "legend_none": "Not required",
    "mode.onsite": "On site",
    "mode.remote": "Remote",
    "role.police": "Police",
    "role.militia": "Militia",
    "role.civil_defence": "Civil defence",
    "role.volunteer": "Volunteer",
    "status.F0": "F0 (positive)",
    "status.F1": "F1 (quarantine)",
    "status.leave": "Leave",
    "status.sick": "Sick",
    "status.training": "Training",
    "status.unavailable": "Unavailable",
}

WEEKDAYS_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
WEEKDAYS_VI_SHORT = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Text:
    """The labels and date forms of one output language (``vi`` unless settings say ``en``)."""

    def __init__(self, language: str) -> None:
        self.language = "en" if language == "en" else "vi"
        self.words = EN if self.language == "en" else VI

    @classmethod
    def of(cls, settings: Settings) -> Text:
        return cls(settings.language)

    def __call__(self, key: str, **values: object) -> str:
        return self.words[key].format(**values)

    def date(self, day: date) -> str:
        """09/08/2021 in Vietnamese; 9 Aug 2021 in English, where day-first slashes mislead."""
        if self.language == "vi":
            return f"{day:%d/%m/%Y}"
        return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"

    def short_date(self, day: date) -> str:
        return f"{day:%d/%m}" if self.language == "vi" else f"{day.day} {MONTHS_EN[day.month - 1]}"

    def weekday(self, day: date) -> str:
        return (WEEKDAYS_VI if self.language == "vi" else WEEKDAYS_EN)[day.weekday()]

    def short_weekday(self, day: date) -> str:
        return (WEEKDAYS_VI_SHORT if self.language == "vi" else WEEKDAYS_EN)[day.weekday()][:3]

    def long_date(self, day: date) -> str:
        """Thứ Hai, 09/08/2021 — the form a duty sheet's title carries."""
        return f"{self.weekday(day)}, {self.date(day)}"

    def mode(self, mode: Mode) -> str:
        return self.words[f"mode.{Mode(mode).value}"]

    def role(self, role: Role) -> str:
        return self.words[f"role.{role.value}"]

    def status(self, status: StatusKind) -> str:
        return self.words[f"status.{StatusKind(status).value}"]

    def short_status(self, status: StatusKind) -> str:
        """F0 and F1 as everyone says them; the other statuses in words."""
        status = StatusKind(status)
        return status.value if status in (StatusKind.F0, StatusKind.F1) else self.status(status)

    def absence_head(self, status: StatusPeriod, people: int) -> str:
        """'F0 (điều trị) – <note>, đến 03/09/2021 (13 người): ' before the names."""
        head = " – ".join(x for x in (self.status(status.status), status.note) if x)
        until = self("until", date=self.date(status.date_to))
        count = self("one_person") if people == 1 else self("people_count", n=people)
        return f"{head}, {until} ({count}): "

    def origin_unit(self, origin: Origin, settings: Settings) -> str:
        """The unit a reinforcement comes from; the superior unit named in settings if known."""
        if origin == Origin.DISTRICT:
            return settings.parent_unit or self.words["district_unit"]
        return self.words["city_unit"]

    def reinforcement(self, person: Person, settings: Settings) -> str:
        """The note a reinforcement carries on every sheet; blank for the unit's own staff."""
        if person.origin == Origin.OWN:
            return ""
        return self("reinforcement", unit=self.origin_unit(person.origin, settings))


if VI.keys() != EN.keys():
    raise RuntimeError(f"labels differ between languages: {sorted(VI.keys() ^ EN.keys())}")


def nfc(text: str) -> str:
    """Precomposed letters: one glyph per Vietnamese letter, and text that extracts as typed."""
    return unicodedata.normalize("NFC", text)


def shift_label(shift: Shift) -> str:
    hours = f"{shift.start:%H:%M}–{shift.end:%H:%M}"
    return f"{shift.name or shift.id} ({shift.id}) · {hours}"
