"""The one-screen summary printed at the end of a solve, in the workbook's language."""

from __future__ import annotations

from pathlib import Path

from roster.data import Origin
from roster.result import Result, Status

LINES = {
    "vi": {
        "title": "Kết quả phân công — {unit}",
        Status.OPTIMAL: "tối ưu (đã chứng minh)",
        Status.FEASIBLE: "khả thi, chưa chứng minh tối ưu ở mọi tầng",
        Status.INTERRUPTED: "bị dừng, phương án tốt nhất đến lúc dừng",
        "status": "Trạng thái",
        "stage": {
            "uncovered": "độ phủ",
            "reinforcements": "tăng cường/thay đổi/dư ca",
            "preferences": "nguyện vọng, công bằng, ổn định",
            "weighted": "tổng có trọng số",
        },
        "proven": "đã chứng minh tối ưu",
        "bound": "cận dưới",
        "gap": "khoảng cách {gap:.1f}%",
        "covered": "Mọi địa bàn được phủ bởi lực lượng có tên: {n} lượt trực",
        "uncovered": (
            "Chỗ trống lực lượng có tên không phủ được: {n} (cận dưới chứng minh: {bound})"
        ),
        "requested": "Cần đề nghị tăng cường: {n} người ({rows} dòng đề nghị)",
        "named": "Tăng cường đã có tên được dùng: quận {district}, thành phố {city}",
        "fair": "Số ca của cán bộ đơn vị: ít nhất {lo}, nhiều nhất {hi} (chênh {spread})",
        "time": "Thời gian: {t:.1f} giây",
        "file": "Đã ghi: {path}",
        "capacity": "Cảnh báo năng lực (trước khi giải):",
    },
    "en": {
        "title": "Roster result — {unit}",
        Status.OPTIMAL: "optimal (proven)",
        Status.FEASIBLE: "feasible, not every tier proven optimal",
        Status.INTERRUPTED: "interrupted, best roster found so far",
        "status": "Status",
        "stage": {
            "uncovered": "coverage",
            "reinforcements": "reinforcements/changes/surplus",
            "preferences": "requests, fairness, continuity",
            "weighted": "weighted sum",
        },
        "proven": "proven optimal",
        "bound": "bound",
        "gap": "gap {gap:.1f}%",
        "covered": "Every area covered by named people: {n} shifts assigned",
        "uncovered": "Places the named people leave uncovered: {n} (proven lower bound: {bound})",
        "requested": "Reinforcements to request: {n} people ({rows} request rows)",
        "named": "Named reinforcements used: district {district}, city {city}",
        "fair": "Shifts per own staff member: min {lo}, max {hi} (spread {spread})",
        "time": "Time: {t:.1f} s",
        "file": "Written: {path}",
        "capacity": "Capacity warnings (before solving):",
    },
}


def summary_text(result: Result, path: Path | None, seconds: float) -> str:
    lang = "en" if result.data.settings.language == "en" else "vi"
    t = LINES[lang]
    lines = [t["title"].format(unit=result.data.settings.unit)]
    lines.append(f"{t['status']}: " + t[result.status])
    for stage in result.stages:
        verdict = t["proven"] if stage.status == "optimal" else t["gap"].format(gap=100 * stage.gap)
        lines.append(
            f"  {t['stage'].get(stage.name, stage.name):<32} {stage.objective:>10} "
            f"({t['bound']} {stage.bound}) {verdict}, {stage.seconds:.1f}s"
        )
    if result.fully_covered:
        lines.append(t["covered"].format(n=len(result.assignments)))
    else:
        bound = "?" if result.uncovered_bound is None else result.uncovered_bound
        lines.append(t["uncovered"].format(n=result.uncovered, bound=bound))
        lines.append(t["requested"].format(n=len(result.requested), rows=len(result.requests)))
    used = result.named_reinforcements_used
    lines.append(t["named"].format(district=used[Origin.DISTRICT], city=used[Origin.CITY]))
    counts = [n for n in result.shift_counts().values()]
    if counts:
        lo, hi = min(counts), max(counts)
        lines.append(t["fair"].format(lo=lo, hi=hi, spread=hi - lo))
    if result.capacity_notes:
        lines.append(t["capacity"])
        lines.extend(f"  {note}" for note in result.capacity_notes[:5])
        if len(result.capacity_notes) > 5:
            lines.append(f"  … +{len(result.capacity_notes) - 5}")
    lines.append(t["time"].format(t=seconds))
    if path is not None:
        lines.append(t["file"].format(path=path))
    return "\n".join(lines)
