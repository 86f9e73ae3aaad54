"""The one-screen summary printed at the end of a solve, and the live progress line, in the
workbook's language.

Both speak in places, people and shifts: each tier in its own unit with what is proven of
it, never the stages' internal weighted sums (which mean nothing to a commander).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from roster.data import Origin
from roster.exposure import exposure
from roster.result import Result, StageReport
from roster.text import say, words
from roster.tier_words import tier_phrases
from roster.verify import team_breaches

if TYPE_CHECKING:
    from roster.solver import ProgressEvent


def summary_text(result: Result, path: Path | None, seconds: float) -> str:
    lang = result.data.settings.language

    def t(key: str, **values: object) -> str:
        return say(f"summary.{key}", lang, **values)

    lines = [t("title", unit=result.data.settings.unit)]
    lines.append(f"{t('status')}: " + t(f"status.{result.status.value}"))
    for stage in result.stages:
        lines.append("  " + stage_line(stage, lang))
        phrases = tier_phrases(stage.tiers, lang, stage.lexicographic)
        lines.extend(f"    {phrase}" for phrase in phrases)
    if result.fully_covered:
        lines.append(t("covered", n=len(result.assignments)))
    else:
        bound = "?" if result.uncovered_bound is None else result.uncovered_bound
        lines.append(t("uncovered", n=result.uncovered, bound=bound))
        lines.append(t("requested", n=len(result.requested), rows=len(result.requests)))
    used = result.named_reinforcements_used
    lines.append(t("named", district=used[Origin.DISTRICT], city=used[Origin.CITY]))
    counts = [n for n in result.shift_counts().values()]
    if counts:
        lo, hi = min(counts), max(counts)
        lines.append(t("fair", lo=lo, hi=hi, spread=hi - lo))
    year = year_nights(result)
    if year:
        most, least = max(year, key=year.get), min(year, key=year.get)
        names = result.data.person_by_id
        lines.append(
            say(
                "fairness.year_nights",
                lang,
                most=names[most].name,
                hi=year[most],
                least=names[least].name,
                lo=year[least],
            )
        )
    if result.capacity_notes:
        lines.append(t("capacity"))
        lines.extend(f"  {note}" for note in result.capacity_notes[:5])
        if len(result.capacity_notes) > 5:
            lines.append(f"  … +{len(result.capacity_notes) - 5}")
    lines += team_lines(result)
    reach = exposure(result.data, result.assignments)
    lines.append(t("reach", expected=reach.expected, worst=reach.worst, days=reach.days))
    lines.append(t("time", t=seconds))
    if path is not None:
        lines.append(t("file", path=path))
    return "\n".join(lines)


def year_nights(result: Result) -> dict[str, int]:
    """Night shifts this year per own officer, those carried into the horizon included; empty
    when nothing was carried (the horizon's own spread is then the whole story)."""
    data = result.data
    if not data.carried:
        return {}
    nights = {s.id for s in data.shifts if s.night}
    out = {
        p.id: (data.carried_by_person[p.id].nights if p.id in data.carried_by_person else 0)
        for p in data.people
        if p.origin == Origin.OWN
    }
    for a in result.assignments:
        if a.person in out and a.shift in nights:
            out[a.person] += 1
    return out


def stage_label(name: str, language: str) -> str:
    """A solve stage (tier) in words; a stage the catalogue does not name keeps its id."""
    key = f"summary.stage.{name}"
    return say(key, language) if key in words(language) else name


def team_lines(result: Result, limit: int = 5) -> list[str]:
    """Whether the teams were kept apart and, where they were not, where and why."""
    data = result.data
    settings = data.settings
    if settings.team_separation == "none" or len({p.team for p in data.people if p.team}) < 2:
        return []
    lang = settings.language
    mode = say(f"team.mode.{settings.team_separation}", lang)
    if settings.team_strict:
        return [say("summary.teams_strict", lang, mode=mode)]
    breaks = team_breaches(data, result.assignments)
    if not breaks:
        return [say("summary.teams_kept", lang, mode=mode)]
    lines = [say("summary.teams_broken", lang, mode=mode, n=len(breaks))]
    lines += [f"  {b.message}" for b in breaks[:limit]]
    if len(breaks) > limit:
        lines.append(f"  … +{len(breaks) - limit}")
    if any(s.name == "teams" and s.status != "optimal" for s in result.stages):
        lines.append(say("summary.teams_unproven", lang))
    return lines


def stage_line(stage: StageReport, language: str) -> str:
    """The stage, whether it is proven, and, for a weighted stage, how far the sum is from
    its bound (a percentage: the one figure a weighted sum gives that means something)."""
    if stage.status == "optimal":
        proven = "summary.proven" if stage.lexicographic else "tier.joint_proven"
        verdict = say(proven, language)
    elif not stage.lexicographic:
        verdict = say("tier.joint_gap", language, gap=100 * stage.gap)
        verdict += f" ({say('tier.joint_note', language)})"
    else:
        verdict = say("summary.stage_open", language)
    label = stage_label(stage.name, language)
    return say("summary.stage_line", language, stage=label, verdict=verdict, seconds=stage.seconds)


def progress_line(event: ProgressEvent, language: str) -> str:
    """`  12.3 s  best so far: uncovered places 0 (proven)  reinforcement shifts 41 (...)`."""
    phrases = tier_phrases(event.settled, language)
    phrases += tier_phrases(event.tiers, language, event.lexicographic)
    if not event.lexicographic:
        gap = abs(event.objective - event.bound) / max(abs(event.objective), 1)
        phrases.append(say("tier.joint_gap", language, gap=100 * gap))
    head = f"  {event.elapsed:6.1f} s  {say('tier.best', language)} "
    return head + "  ".join(phrases)
