"""The duty sheets', cards', messages' and charts' view of the text catalogue (``roster.text``).

The words live in the catalogue with everything else the program says; this holds what the
reports need on top of them: one output language bound once, and the forms built from
several words (an absence line's head, a reinforcement's note, a shift's label).
"""

from __future__ import annotations

import unicodedata
from datetime import date

from roster import text
from roster.data import Mode, Origin, Person, Role, Settings, Shift, StatusKind, StatusPeriod


class Text:
    """The labels and date forms of one output language (``vi`` unless settings say ``en``)."""

    def __init__(self, language: str) -> None:
        self.language = text.language_of(language)
        self.words = text.words(self.language)

    @classmethod
    def of(cls, settings: Settings) -> Text:
        return cls(settings.language)

    def __call__(self, key: str, **values: object) -> str:
        """A report label (``report.<key>`` of the catalogue)."""
        return self.words[f"report.{key}"].format(**values)

    def date(self, day: date) -> str:
        """09/08/2021 in Vietnamese; 9 Aug 2021 in English, where day-first slashes mislead."""
        return text.long_date(day, self.language)

    def short_date(self, day: date) -> str:
        return text.short_date(day, self.language)

    def weekday(self, day: date) -> str:
        return text.weekday(day, self.language)

    def short_weekday(self, day: date) -> str:
        return text.short_weekday(day, self.language)

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
            return settings.parent_unit or self("district_unit")
        return self("city_unit")

    def reinforcement(self, person: Person, settings: Settings) -> str:
        """The note a reinforcement carries on every sheet; blank for the unit's own staff."""
        if person.origin == Origin.OWN:
            return ""
        return self("reinforcement", unit=self.origin_unit(person.origin, settings))


def nfc(text: str) -> str:
    """Precomposed letters: one glyph per Vietnamese letter, and text that extracts as typed."""
    return unicodedata.normalize("NFC", text)


def shift_label(shift: Shift) -> str:
    hours = f"{shift.start:%H:%M}–{shift.end:%H:%M}"
    return f"{shift.name or shift.id} ({shift.id}) · {hours}"
