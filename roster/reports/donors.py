"""The blood-donor bank in words: the duty officer's list, the chat message and the yearly
tally, in the unit's language. The rules and the search are ``roster.donors``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from roster.data import ProblemData, Product, StatusKind
from roster.donors import Donor, DonorSearch, Match, Note, Tally
from roster.text import say


def _day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def word(value: object, language: str) -> str:
    """A product, status or match in the report's language."""
    return say(f"donor.word.{value}", language)


def _show(value: object, language: str) -> str:
    if isinstance(value, date):
        return _day(value)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (Product, StatusKind, Match)):
        return word(value, language)
    return str(value)


def note_text(note: Note, language: str) -> str:
    """A reason someone may not give, or a flag on someone who may, in words."""
    shown = {k: _show(v, language) for k, v in note.values.items()}
    return say(f"donor.note.{note.key}", language, **shown)


def _say(key: str, language: str, **values: object) -> str:
    shown = {k: _show(v, language) for k, v in values.items()}
    return say(f"donor.{key}", language, **shown)


def _who(data: ProblemData, person_id: str) -> str:
    person = data.person_by_id[person_id]
    rank = f"{person.rank} " if person.rank else ""
    return f"{rank}{person.name} [{person.id}]"


def format_search(data: ProblemData, search: DonorSearch) -> str:
    """The duty officer's list: who to call, in order, with covers; then who may not, and why."""
    lang = data.settings.language
    lines = [
        _say(
            "title",
            lang,
            product=search.product,
            need=search.need,
            day=search.day,
            n=len(search.eligible),
        )
    ]
    for i, donor in enumerate(search.eligible, start=1):
        p = donor.person
        last = donor.last_donation
        history = (
            _say("never", lang)
            if last is None
            else _say("last", lang, product=last.product, when=last.date, days=donor.days_since)
        )
        duty = _duty(data, donor, search.roster, lang)
        parts = [f"{i:>2}. {_who(data, p.id)} {p.blood_group} ({word(donor.match, lang)})"]
        parts += [history, duty, *(note_text(f, lang) for f in donor.flags)]
        if p.phone:
            parts.append(p.phone)
        lines.append(" · ".join(parts))
    if search.excluded:
        lines += ["", _say("excluded", lang, n=len(search.excluded))]
    for e in search.excluded:
        why = "; ".join(note_text(r, lang) for r in e.reasons)
        until = (
            _say("from", lang, when=e.eligible_from)
            if e.eligible_from
            else _say("not_by_waiting", lang)
        )
        lines.append(f"  - {_who(data, e.person.id)} {e.person.blood_group}: {why} — {until}")
    lines += [
        "",
        _say(
            "others",
            lang,
            n=search.other_groups,
            m=search.unregistered,
            product=search.product,
            need=search.need,
        ),
    ]
    return "\n".join(lines)


def _duty(data: ProblemData, donor: Donor, roster: bool, lang: str) -> str:
    if not roster:
        return _say("duty_unknown", lang)
    if donor.shift is None:
        return _say("off", lang)
    text = _say("on", lang, shift=donor.shift.shift, area=donor.shift.area)
    cover = donor.cover
    if cover is None:
        return f"{text}; {_say('no_cover', lang)}"
    moved = cover.moved_from
    away = "" if moved is None else _say("moved", lang, shift=moved.shift, area=moved.area)
    return f"{text}; " + _say(
        "cover", lang, who=_who(data, cover.person), shifts=cover.shifts_so_far, moved=away
    )


def chat_message(data: ProblemData, search: DonorSearch, top: int = 3) -> str:
    """A few lines for the unit's group chat: the call, the first ``top`` donors, their covers."""
    lang = data.settings.language
    lines = [_say("chat_head", lang, product=search.product, need=search.need, day=search.day)]
    first = search.eligible[:top]
    if not first:
        return "\n".join([*lines, _say("chat_none", lang)])
    names = ", ".join(f"{d.person.name} ({d.person.phone or d.person.id})" for d in first)
    lines.append(_say("chat_ask", lang, names=names))
    for d in first:
        if d.shift is not None and d.cover is not None:
            lines.append(
                _say(
                    "chat_cover",
                    lang,
                    who=data.person_by_id[d.cover.person].name,
                    shift=d.shift.shift,
                    area=d.shift.area,
                    donor=d.person.name,
                )
            )
    return "\n".join(lines)


# ---------------------------------------------------------------------------- the tally


def format_tally(data: ProblemData, rows: Sequence[Tally], min_times: int, year: int | None) -> str:
    """The report: one line per donor, then those who gave at least ``min_times`` times."""
    lang = data.settings.language
    period = "" if year is None else say("donor.tally.period", lang, year=year)
    n = sum(t.total for t in rows)
    lines = [
        say("donor.tally.head", lang, period=period, n=n, people=len(rows)),
        say("donor.tally.columns", lang),
    ]
    for t in rows:
        counts = " | ".join(str(t.counts.get(p, 0)) for p in Product)
        lines.append(f"{_who(data, t.person.id)} | {counts} | {t.total} | {_day(t.last)}")
    often = [t for t in rows if t.total >= min_times]
    lines += ["", say("donor.tally.often", lang, k=min_times, n=len(often))]
    lines += [f"  - {_who(data, t.person.id)}: {t.total}" for t in often] or [
        "  - " + say("donor.tally.nobody", lang)
    ]
    return "\n".join(lines)
