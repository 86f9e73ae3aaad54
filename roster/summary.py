"""The one-screen summary printed at the end of a solve, in the workbook's language."""

from __future__ import annotations

from pathlib import Path

from roster.data import Origin
from roster.result import Result
from roster.text import say, words


def summary_text(result: Result, path: Path | None, seconds: float) -> str:
    lang = result.data.settings.language

    def t(key: str, **values: object) -> str:
        return say(f"summary.{key}", lang, **values)

    lines = [t("title", unit=result.data.settings.unit)]
    lines.append(f"{t('status')}: " + t(f"status.{result.status.value}"))
    for stage in result.stages:
        verdict = t("proven") if stage.status == "optimal" else t("gap", gap=100 * stage.gap)
        lines.append(
            f"  {stage_label(stage.name, lang):<32} {stage.objective:>10} "
            f"({t('bound')} {stage.bound}) {verdict}, {stage.seconds:.1f}s"
        )
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
    if result.capacity_notes:
        lines.append(t("capacity"))
        lines.extend(f"  {note}" for note in result.capacity_notes[:5])
        if len(result.capacity_notes) > 5:
            lines.append(f"  … +{len(result.capacity_notes) - 5}")
    lines.append(t("time", t=seconds))
    if path is not None:
        lines.append(t("file", path=path))
    return "\n".join(lines)


def stage_label(name: str, language: str) -> str:
    """A solve stage (tier) in words; a stage the catalogue does not name keeps its id."""
    key = f"summary.stage.{name}"
    return say(key, language) if key in words(language) else name
