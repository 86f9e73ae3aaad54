"""Each tier of a roster in its own unit, with what is proven of it, in the unit's language:
the one wording the progress line, the summary and the roster workbook's summary sheet share
(never the stages' internal weighted sums)."""

from __future__ import annotations

from roster.result import TierFigure
from roster.text import say, words


def tier_phrases(
    figures: tuple[TierFigure, ...], language: str, lexicographic: bool = True
) -> list[str]:
    """Each tier in its own unit with its verdict: proven, its bound and gap, or (in a
    lexicographic stage) no bound yet; a weighted stage's tiers are said without one."""
    phrases = (tier_phrase(f, language, lexicographic) for f in figures)
    return [phrase for phrase in phrases if phrase]


def tier_phrase(figure: TierFigure, language: str, lexicographic: bool = True) -> str:
    """`ca tăng cường 320 (cận dưới 296, khoảng cách 7.5%)`; "" for a tier with nothing to say
    (fairness when no own staff member is long enough available to count)."""
    parts = dict(figure.parts)
    name = figure.name
    if name == "fairness":
        if not parts:
            return ""
        shown = [say(f"tier.part.{k}", language, n=n) for k, n in figure.parts]
        text = f"{say('tier.fairness', language)} {', '.join(shown)}"
    elif name == "named_reinforcements" and parts.get("city_shifts"):
        text = say("tier.named_reinforcements.city", language, value=figure.value, **parts)
    elif f"tier.{name}" in words(language):
        text = say(f"tier.{name}", language, value=figure.value, **parts)
    else:
        text = f"{name} {figure.value}"
    if figure.proven:
        return f"{text} ({say('tier.proven', language)})"
    if figure.bound is not None:
        gap = 100 * (figure.gap or 0.0)
        return f"{text} ({say('tier.bound_gap', language, bound=figure.bound, gap=gap)})"
    return f"{text} ({say('tier.no_bound', language)})" if lexicographic else text
