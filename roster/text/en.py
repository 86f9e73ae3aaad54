"""English: every word the program says, by key (the keys of ``vi.py``, exactly)."""

from __future__ import annotations

from datetime import date as _date

WORDS: dict[str, str] = {
    # Shared words: labels of the data's values
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
    "word.yes": "yes",
    "word.no": "no",
    "mode_word.onsite": "onsite",
    "mode_word.remote": "remote",
    "status_word.F0": "F0",
    "status_word.F1": "F1",
    "status_word.leave": "leave",
    "status_word.sick": "sick",
    "status_word.training": "training",
    "status_word.unavailable": "unavailable",
    "origin.own": "own",
    "origin.district": "district",
    "origin.city": "city",
    "result.optimal": "optimal",
    "result.feasible": "feasible",
    "result.interrupted": "interrupted",
    "result.infeasible": "infeasible",
    "grid.F0": "F0",
    "grid.F1": "F1",
    "grid.leave": "P",
    "grid.sick": "Ô",
    "grid.training": "TH",
    "grid.unavailable": "V",
    "result.unknown": "unknown",
    "role_word.police": "police",
    "role_word.militia": "militia",
    "role_word.civil_defence": "civil_defence",
    "role_word.volunteer": "volunteer",
    # Rules: the name a reader sees for each member of roster.rules.Rule
    "rule.one_shift_per_day": "one shift a day",
    "rule.one_place_per_shift": "one place per shift",
    "rule.min_rest": "rest between shifts",
    "rule.max_consecutive_days": "days in a row",
    "rule.max_shifts_per_week": "shifts in 7 days",
    "rule.max_nights_per_week": "night shifts in 7 days",
    "rule.availability_window": "reinforcement window",
    "rule.status": "status",
    "rule.fixed": "fixed assignment",
    "rule.max_staff": "most people in a place",
    "rule.mode": "remote-only area",
    "rule.no_demand": "no requirement here",
    "rule.unknown_id": "unknown id",
    "rule.forbidden_succession": "forbidden next shift",
    "rule.max_shifts_by_type": "shifts of one type",
    "rule.total_minutes": "total working minutes",
    "rule.min_consecutive_shifts": "shortest run of shifts",
    "rule.min_days_off_in_row": "shortest run of days off",
    "rule.max_weekends": "weekends worked",
    # The checker's violation messages and report (roster.verify)
    "check.where": "shift {shift} on {date} in area {area}",
    "check.unknown_person": "unknown person {id}",
    "check.unknown_shift": "unknown shift {id}",
    "check.unknown_area": "unknown area {id}",
    "check.outside_horizon": "a date outside the horizon {first} to {last}",
    "check.unknown_id": "The assignment of {person} to {where} names {problems}.",
    "check.one_shift_per_day": (
        "{who} is on {n} shifts ({names}) on {date}; one shift a day at most."
    ),
    "check.one_place_per_shift": (
        "{who} is listed {n} times on shift {shift} of {date} (areas {areas}); one place per shift."
    ),
    "check.window_from": "{who} is on {where} but is available only from {date}.",
    "check.window_until": "{who} is on {where} but is available only until {date}.",
    "check.status": "{who} is {status} from {start} to {end} but is on {where} ({mode}); {why}.",
    "check.why_remote_only": "an F1 person may only take remote duty",
    "check.why_f1_off": "F1 people take no shift (f1_remote_duty is off)",
    "check.why_no_shift": "no shift at all is allowed",
    "check.fixed": (
        "Fixed row {row}: {who} must be on shift {shift} of {date} in area {area}, but {found}."
    ),
    "check.fixed_instead": "instead they are on {places}",
    "check.fixed_off": "they are not on duty that day",
    "check.rests_only": "rests only {hours} h",
    "check.rests_overlap": "has overlapping shifts",
    "check.min_rest": (
        "{who} {rests} between shift {first} of {first_date} (ends {first_end}) and shift "
        "{second} of {second_date} (starts {second_start}); at least {need} h are required."
    ),
    "check.max_consecutive_days": (
        "{who} works {n} days in a row from {start} to {end}; at most {limit} are allowed."
    ),
    "check.window": (
        "{who} has {total} {what} in the 7 days {first} to {last}; at most {cap} are allowed."
    ),
    "check.shifts": "shifts",
    "check.night_shifts": "night shifts",
    "check.days_off": "days off",
    "check.mode": (
        "{who} is on {where} as {mode}, but area {area} is of kind remote: its duty is remote only."
    ),
    "check.no_demand": (
        "{who} is on {where} as {mode}, but no requirement row asks for {mode} people here."
    ),
    "check.max_staff": (
        "Area {area}, shift {shift} of {date} has {n} {mode} people ({people}); at most {cap} "
        "are allowed."
    ),
    "check.forbidden_succession": (
        "{who} works shift {after} on {next_date} right after shift {shift} on {date}; "
        "{shift} may not be followed by {after}."
    ),
    "check.max_shifts_by_type": "{who} works {n} shifts {shift}; at most {limit} are allowed.",
    "check.total_minutes": "{who} works {total} minutes in the horizon; {bound} are required.",
    "check.at_least": "at least {n}",
    "check.at_most": "at most {n}",
    "check.short_run": (
        "{who} has a run of {n} {what} from {date}; runs inside the horizon must be at least "
        "{shortest} long."
    ),
    "check.max_weekends": "{who} works {n} weekends; at most {limit} are allowed.",
    "check.report": (
        "{violations} rule violation(s); {uncovered} place(s) uncovered in {gaps} gap(s)."
    ),
    "check.more": "... and {n} more.",
    # Duty sheets, cards, messages and the coverage picture (roster.reports)
    "report.republic": "SOCIALIST REPUBLIC OF VIET NAM",
    "report.motto": "Independence - Freedom - Happiness",
    "report.title": "DUTY ROSTER",
    "report.card_title": "PERSONAL DUTY CARD",
    "report.continued": "(continued)",
    "report.area": "Area",
    "report.rank": "Rank",
    "report.name": "Full name",
    "report.role": "Force",
    "report.phone": "Phone",
    "report.mode": "Mode",
    "report.note": "Note",
    "report.shift": "Shift",
    "report.date": "Date",
    "report.weekday": "Day",
    "report.hours": "Hours",
    "report.missing": "{n} MISSING",
    "report.summary": "Total: {shifts} shifts, {people} people; places still missing: {missing}.",
    "report.remote_title": "REMOTE COORDINATION",
    "report.off_title": "PEOPLE OFF DUTY TODAY",
    "report.nobody_off": "None.",
    "report.until": "until {date}",
    "report.people_count": "{n} people",
    "report.one_person": "1 person",
    "report.prepared_by": "PREPARED BY",
    "report.commander_title": "COMMANDER",
    "report.sign_hint": "(Signature and full name)",
    "report.reinforcement": "Reinforcement: {unit}",
    "report.reinforcement_short": "RF",
    "report.district_unit": "District police",
    "report.city_unit": "City police",
    "report.card_period": "From {start} to {end}",
    "report.card_unit": "Unit",
    "report.card_total": "Total: {shifts} shifts, {nights} of them at night.",
    "report.card_none": "No shifts in this period.",
    "report.msg_remote": "Remote",
    "report.msg_gaps": "Missing",
    "report.msg_off": "Off",
    "report.coverage_title": "Coverage by area and day",
    "report.legend_ok": "Covered",
    "report.legend_reinforced": "Covered with reinforcements",
    "report.legend_gap": "Short",
    "report.legend_none": "Not required",
    # The roster workbook (roster.io.writer)
    "workbook.unit": "Unit",
    "workbook.status": "Status",
    "workbook.uncovered": "Uncovered places",
    "workbook.bound": "Proven lower bound",
    "workbook.requested": "People to request",
    "workbook.district": "District reinforcements used",
    "workbook.city": "City reinforcements used",
    "workbook.gap": "Optimality gap (%)",
    "workbook.time": "Time (s)",
    "workbook.stage": "stage {name}",
    "workbook.stage_value": "{status}: {tiers}",
    "workbook.capacity": "Capacity",
    # The reader's warnings (roster.io.workbook)
    "reader.column_ignored": "Sheet '{sheet}', column '{column}': not an input column; ignored.",
    "reader.sheet_ignored": "Sheet '{sheet}' is not an input sheet; ignored.",
    "reader.column_repeated": (
        "Sheet '{sheet}', column '{column}': repeats column '{first}'; only the first is read."
    ),
    "reader.row_warning": "Sheet '{sheet}', row {row}: {text}.",
    "reader.setting_unknown": "setting '{setting}' is unknown; ignored",
    "reader.applies_to_no_day": "applies to no day of the horizon",
    # A problem in an input (roster.errors.Problem): where, the value found, what was expected
    "problem.workbook": "workbook",
    "problem.row": "row {row}",
    "problem.column": "column '{column}'",
    "problem.found": "{where}: found {value}; expected {expected}",
    "problem.missing": "{where}: expected {expected}",
    # What a cell should have held (roster.io)
    "expect.formula": (
        "a value, not a formula without a saved result "
        "(open and save the file in Excel, or type the value)"
    ),
    "expect.excel_error": "a value, not an Excel error (fix the formula or type the value)",
    "expect.required": "a value (this column is required)",
    "expect.listed": "an id listed on sheet '{sheet}'",
    "expect.model": "a value {message}",
    "expect.model.greater_than": "a value greater than {limit}",
    "expect.model.greater_than_equal": "a value greater than or equal to {limit}",
    "expect.model.less_than": "a value less than {limit}",
    "expect.model.less_than_equal": "a value less than or equal to {limit}",
    "expect.inside_horizon": "a date inside the horizon {first} to {last}",
    "expect.on_or_after": "a date on or after {day}",
    "expect.unique_id": "an id not used on another row (already on row {row})",
    "expect.one_sheet": "one sheet named '{en}' or '{vi}'",
    "expect.sheet": "a sheet named '{en}' or '{vi}'",
    "expect.column": "a column '{en}' or '{vi}'",
    "expect.range.people": "a number of people from {low} to {high}",
    "expect.range.days": "a number of days from {low} to {high}",
    "expect.range.shifts": "a number of shifts from {low} to {high}",
    "expect.range.weight": "a weight from {low} to {high}",
    "expect.range.count": "a whole number from {low} to {high}",
    "expect.limits_by_type": "shift=limit pairs, e.g. D=3, N=0",
    "expect.weight_kg": "a weight in kg, e.g. 62.5",
    "expect.request_order": "district and/or city, comma separated, e.g. district, city",
    "expect.setting_repeated": "a setting not given before (already on row {row})",
    "expect.setting_required": "a value for '{setting}' (this setting is required)",
    "expect.setting_row": "a row '{en}' or '{vi}'",
    "expect.f0_or_f1": "F0 or F1",
    "expect.isolation_repeated": "one rule per status and date (already on row {row})",
    "expect.remote_area": "remote (area '{area}' is of kind remote)",
    "expect.police_above_staff": "at most the number of people ({count})",
    "expect.max_below_min": "at least the number of people ({count})",
    "expect.staff_above_people": "at most {count}, the number of people on sheet '{sheet}'",
    "expect.police_above_police": "at most {count}, the number of police on sheet '{sheet}'",
    "expect.unknown_skill": "a skill that at least one person has",
    "expect.fixed_repeated": "one fixed shift per person per day (already on row {row})",
    "expect.before_start": "a date before the horizon's start {day}",
    "expect.fixed_window": "a date inside {person}'s availability window {first} to {last}",
    "expect.fixed_absent": (
        "a person free that day ({person} is {status} from {first} to {last}, "
        "sheet '{sheet}' row {row})"
    ),
    "expect.fixed_absent_remote": (
        "a person free that day ({person} is {status} from {first} to {last}, "
        "sheet '{sheet}' row {row}; remote duty only, and area '{area}' has no remote "
        "requirement for shift {shift} that day)"
    ),
    "expect.date": "a real date, day-first, e.g. 12/08/2021 or 2021-08-12",
    "expect.time": "a time of day, e.g. 06:00 or 6h30",
    "expect.bool": "yes or no (có/không, x or blank, true/false, 1/0)",
    "expect.weekdays": "weekdays separated by commas, e.g. Mon,Tue or T2,T3,CN",
    "expect.id": "an id written as text, e.g. CA007",
    "expect.number": "a number",
    "expect.whole_number": "a whole number",
    "expect.choice.role": "a role: {choices}",
    "expect.choice.origin": "an origin: {choices}",
    "expect.choice.status": "a status: {choices}",
    "expect.choice.mode": "a mode: {choices}",
    "expect.choice.request_type": "a request type: {choices}",
    "expect.choice.language": "a language: {choices}",
    "expect.choice.objective": "an objective: {choices}",
    "expect.choice.team_separation": "a team separation: {choices}",
    "expect.product": "a blood product: whole_blood, platelets or plasma",
    "expect.blood_group": "a blood group with its Rh sign: {groups}",
    "expect.xlsx": "an Excel .xlsx workbook (not .xls, .csv, a password-protected or damaged file)",
    "expect.xlsx_existing": "an existing Excel .xlsx workbook",
    "expect.xlsx_readable": "a readable Excel .xlsx workbook ({error})",
    "expect.xlsx_empty": "an Excel .xlsx workbook; this file is empty (0 bytes)",
    "expect.xlsx_password": (
        "an Excel .xlsx workbook without a password; this one is password-protected: "
        "open it in Excel, remove the password (File > Info > Protect Workbook) and save"
    ),
    "expect.xlsx_old": (
        "an Excel .xlsx workbook; this is an old Excel 97-2003 (.xls) file: "
        "open it in Excel and save it as 'Excel Workbook (*.xlsx)'"
    ),
    "expect.xlsx_text": (
        "an Excel .xlsx workbook; this is a CSV or text file, not a workbook: "
        "open it in Excel and save it as 'Excel Workbook (*.xlsx)'"
    ),
    "expect.xlsx_too_large": (
        "an Excel .xlsx workbook of at most {limit} MB uncompressed; "
        "this one unpacks to {size} MB (a damaged file or a zip bomb)"
    ),
    # What a cell of the city's pool.xlsx should have held (roster.city)
    "expect.pool_existing": "an existing .xlsx workbook",
    "expect.pool_readable": "a readable Excel .xlsx workbook",
    "expect.priority": "a priority from 1 (first) to 100",
    "expect.unit_id": "a unit id of letters, digits, '-', '_' or '.'",
    "expect.unit_repeated": "a unit id not used on another row (row {row})",
    "expect.one_unit": "at least one unit",
    "expect.seconds": "a number of seconds above 0, at most 86400",
    "expect.unit_workbook": "a workbook that exists in the city folder",
    "expect.unit_horizon": "a horizon covering {first} to {last} (the pool's)",
    "expect.pool_id_clash": "an id no unit uses (unit {unit}, {file}, has a person {person})",
    "expect.unit_ids": "unit ids listed on sheet '{sheet}'",
    # The blank input workbook (roster.io.template)
    "template.setting.unit": "Required: the unit's name.",
    "template.setting.start_date": "Required: first day, e.g. 09/08/2021.",
    "template.setting.days": "Required: number of days, 1 to 366.",
    "template.setting.language": "vi or en, for the outputs.",
    "template.setting.commander": "Name on the approval line.",
    "template.setting.parent_unit": "Superior unit, for reinforcement requests.",
    "template.setting.min_rest_hours": "Least rest between shifts (Labour Code 2019, art. 110).",
    "template.setting.f0_isolation_days": "Days off for F0 when Status has no 'to'.",
    "template.setting.f1_quarantine_days": "Days off-site for F1 when Status has no 'to'.",
    "template.setting.f1_remote_duty": "May F1 take remote duty?",
    "template.setting.time_limit_s": "Solver time limit, seconds.",
    "template.column.shifts.id": "Short id, e.g. S, C, D.",
    "template.column.shifts.start": "Start time, e.g. 06:00.",
    "template.column.shifts.end": "End time; at or before the start means it ends next day.",
    "template.column.shifts.night": "yes/no; blank: yes if the shift covers 22:00-06:00.",
    "template.column.areas.id": "Short id, e.g. TDP-12, CHOT-3.",
    "template.column.areas.kind": (
        "residential, checkpoint, lockdown, market, office, remote or other text."
    ),
    "template.column.people.id": "Unique id, kept as text (007 stays 007).",
    "template.column.people.role": "Blank: police.",
    "template.column.people.origin": "own, district or city (reinforcements). Blank: own.",
    "template.column.people.available_from": (
        "First day the person can be rostered; blank: from the start."
    ),
    "template.column.people.available_to": (
        "Last day the person can be rostered; blank: to the end."
    ),
    "template.column.people.home_area": "Area id the person looks after.",
    "template.column.people.skills": "Comma separated, e.g. lead, driver.",
    "template.column.people.max_shifts_per_week": "Overrides the setting.",
    "template.column.requirements.area": "Area id.",
    "template.column.requirements.shift": "Shift id; blank: every shift.",
    "template.column.requirements.from": "Blank: from the start.",
    "template.column.requirements.to": "Blank: to the end.",
    "template.column.requirements.weekdays": "e.g. Mon,Tue; blank: every day.",
    "template.column.requirements.min_staff": "Least people present.",
    "template.column.requirements.min_police": "Least police among them.",
    "template.column.requirements.skill": "One of them must have it.",
    "template.column.requirements.max_staff": "Most people; blank: no limit.",
    "template.column.requirements.mode": "onsite or remote; blank: remote for remote areas.",
    "template.column.status.status": "F0, F1, leave, sick, training, unavailable.",
    "template.column.status.to": (
        "Last day; blank: F0/F1 from the isolation rules, others to the end."
    ),
    "template.column.isolation.effective_from": "Date the rule applies from.",
    "template.column.isolation.days": "Days of isolation.",
    "template.column.requests.shift": "Blank: the whole day.",
    "template.column.requests.type": "off or on.",
    "template.column.requests.weight": "Blank: 1.",
    "template.column.fixed.person": "Assignments that must stay.",
    "template.column.history.date": "Days just before the start.",
    "template.column.donations.product": "whole_blood, platelets or plasma.",
    "template.guide": (
        "How to fill in this workbook\n"
        "Row 1 of each sheet is the header: do not rename or remove columns. Hover a header "
        "for help.\n"
        "Dates: 12/08/2021 (day first) or 2021-08-12. Times: 06:00. Yes/no: yes, no, x or "
        "blank.\n"
        "Ids are text: 007 stays 007. Lists (skills, weekdays) are comma separated.\n"
        "Required sheets: Settings, Shifts, Areas, People, Requirements. The others may stay "
        "empty.\n"
        "Settings: fill in unit, start_date and days; every other row already holds its "
        "default.\n"
        "Other settings keys that may be added to Settings:"
    ),
    "template.required": "Required",
    "template.not_listed": "Not one of the listed values.",
    # Why places stay uncovered (roster.explain)
    "explain.capacity": "{day}: {need} on-site places needed, only {have} people can work ({why})",
    "explain.police": "{day}: {need} police places needed on site, only {have} police can work",
    "explain.short": "{n} people short",
    "explain.short_police": "{n} police short",
    "explain.short_skill": "nobody with skill {skills}",
    "explain.none_free": "nobody on the list can take it",
    "explain.filled_by": "filled by requested reinforcement {labels}",
    "explain.why": "why",
    "explain.busy": "{n} already on another shift that day",
    "explain.workrest": "{n} held by work-rest rules (rest hours, consecutive days, 7-day caps)",
    "explain.unqualified": "{n} not qualified (not police / lacking the skill)",
    "explain.window": "{n} outside their reinforcement window",
    "explain.remote_only": "{n} F1, remote duty only",
    "explain.F0": "{n} F0",
    "explain.F1": "{n} F1",
    "explain.leave": "{n} on leave",
    "explain.sick": "{n} sick",
    "explain.training": "{n} in training",
    "explain.unavailable": "{n} unavailable",
    "explain.request": "{people} people, {start}–{end}, {shift}, {area}: {reason}",
    # The end-of-solve summary (roster.summary)
    "summary.title": "Roster result — {unit}",
    "summary.status.optimal": "optimal (proven)",
    "summary.status.feasible": "feasible, not every tier proven optimal",
    "summary.status.interrupted": "interrupted, best roster found so far",
    "summary.status": "Status",
    "summary.stage.uncovered": "coverage",
    "summary.stage.reinforcements": "reinforcements/changes/surplus",
    "summary.stage.preferences": "requests, fairness, continuity",
    "summary.stage.weighted": "weighted sum",
    "summary.proven": "proven optimal",
    "summary.bound": "bound",
    "summary.gap": "gap {gap:.1f}%",
    "summary.covered": "Every area covered by named people: {n} shifts assigned",
    "summary.uncovered": (
        "Places the named people leave uncovered: {n} (proven lower bound: {bound})"
    ),
    "summary.requested": "Reinforcements to request: {n} people ({rows} request rows)",
    "summary.named": "Named reinforcements used: district {district}, city {city}",
    "summary.fair": "Shifts per own staff member: min {lo}, max {hi} (spread {spread})",
    "summary.time": "Time: {t:.1f} s",
    "summary.file": "Written: {path}",
    "summary.capacity": "Capacity warnings (before solving):",
    "summary.stage.greedy": "greedy start",
    # Re-planning (roster.replan)
    "replan.moved": "moved",
    "replan.removed": "removed",
    "replan.added": "added",
    "replan.rebalanced": "rebalanced",
    "replan.covers": "covers for {who}",
    "replan.window_from": "reinforcement only from {day}",
    "replan.window_to": "reinforcement only until {day}",
    "replan.f1": "F1 {start}–{end}: remote duty only",
    "replan.status": "{status} {start}–{end}",
    "replan.released": "released from the shift",
    "replan.remote": " (remote)",
    "replan.repaired_kept": (
        "the announced roster, repaired shift by shift, changes fewer shifts than the "
        "solver's roster found within the time limit: it is kept"
    ),
    # Covering a shift (roster.cover)
    "cover.head": "{person} {name}: shift {shift} on {date} in {area} ({mode})",
    "cover.can": "Can take it ({n}), best first:",
    "cover.candidate": "  {i}. {person} {name} ({origin}, {shifts} shifts so far{home}{leaves})",
    "cover.home": ", home area",
    "cover.leaves": ", leaves {shift} {area}",
    "cover.chains": "Nobody can take it directly; shortest swap chains, best first:",
    "cover.day_off": "day off",
    "cover.nobody": "Nobody can take it, directly or by a chain of swaps.",
    "cover.cannot": "Cannot take it ({n}):",
    "cover.broken": "{rule}: {message}",
    "cover.already": "already on this shift in this place",
    "cover.whole": "the whole roster would break a rule",
    "cover.from": "available only from {date}",
    "cover.until": "available only until {date}",
    "cover.span": "{status} {start} – {end}",
    "cover.no_duty": "{span} (no duty at all)",
    "cover.remote_only": "{span} (remote duty only)",
    "cover.short": "{shift} {area} on {date} would be {n} short",
    # Edit warnings of roster sheets (roster.sheets)
    "sheets.gap": (
        "[gap] {date} shift {shift} area {area}: {assigned} of {needed} assigned, {missing} "
        "missing."
    ),
    "sheets.more_gaps": "[gap] ... and {n} more short places.",
    # The blood-donor bank (roster.donors)
    "donor.note.no_birth_date": (
        "no birth date on the People sheet, so the age rule cannot be checked"
    ),
    "donor.note.too_young": "aged {age}; donors must be {low} to {high}",
    "donor.note.too_old": "aged {age}, over the donor age limit of {high}",
    "donor.note.no_weight": "no weight on the People sheet, so the weight rule cannot be checked",
    "donor.note.underweight": "weighs {weight} kg; giving {product} needs at least {low} kg",
    "donor.note.covid_now": "{status} from {start} to {end}",
    "donor.note.covid_recent": (
        "{status} ended on {end}; donors wait {days} days after an F0/F1 status ends"
    ),
    "donor.note.interval_last": (
        "last gave {product} on {when}; after {product} the next donation waits {days} days"
    ),
    "donor.note.interval_whole_blood": (
        "gave whole blood on {when}; whole blood again only {days} days after that"
    ),
    "donor.note.only_250ml": "weighs {weight} kg: at most 250 ml of whole blood",
    "donor.note.abo_compatible_platelets": (
        "{donor} platelets for a {need} patient are compatible, not ABO-identical: the "
        "hospital must agree"
    ),
    "donor.note.status_that_day": "{status} that day",
    "donor.word.whole_blood": "whole blood",
    "donor.word.platelets": "platelets",
    "donor.word.plasma": "plasma",
    "donor.word.F0": "F0",
    "donor.word.F1": "F1",
    "donor.word.leave": "on leave",
    "donor.word.sick": "sick",
    "donor.word.training": "in training",
    "donor.word.unavailable": "away",
    "donor.word.identical": "same group",
    "donor.word.same_abo": "same ABO group",
    "donor.word.compatible": "compatible group",
    "donor.title": "{product} for a {need} patient on {day}: {n} may give",
    "donor.never": "never gave",
    "donor.last": "last gave {product} on {when} ({days} days ago)",
    "donor.off": "off duty",
    "donor.on": "on shift {shift} at {area}",
    "donor.cover": "cover: {who} ({shifts} shifts so far{moved})",
    "donor.moved": ", leaves shift {shift} at {area}",
    "donor.no_cover": "nobody can take this shift without breaking a rule",
    "donor.duty_unknown": "duty unknown (no roster given)",
    "donor.excluded": "May not give ({n}):",
    "donor.from": "may give from {when}",
    "donor.not_by_waiting": "not by waiting",
    "donor.others": (
        "{n} registered donor(s) of other groups cannot give {product} to a {need} patient; "
        "{m} person(s) have no blood group recorded."
    ),
    "donor.chat_head": "URGENT: the hospital needs {product}, group {need}, on {day}.",
    "donor.chat_ask": "Eligible, please call the duty desk: {names}.",
    "donor.chat_cover": "{who} takes shift {shift} at {area} for {donor}.",
    "donor.chat_none": "Nobody in the unit is eligible; ask the blood bank.",
    "donor.tally.head": "Donations{period}: {n} by {people} people",
    "donor.tally.period": " in {year}",
    "donor.tally.columns": "person | whole blood | platelets | plasma | total | last",
    "donor.tally.often": "Given {k} times or more ({n}):",
    "donor.tally.nobody": "nobody",
    # The command line (roster.cli)
    "cli.input_errors": "input errors",
    "cli.error": "error",
    "cli.internal": "internal error",
    "cli.interrupted": "interrupted",
    "cli.stopped_now": "stopped, nothing written",
    "cli.stopping": "stopping, writing the best roster so far",
    "cli.no_overwrite": "refusing to overwrite the input workbook",
    "cli.exists": "already exists",
    "cli.contradict": "fixed or history rows contradict the work-rest rules.",
    "cli.too_large": (
        "too large: {people:,} people x {days} days = {size:,} person-days; roster supports "
        "at most {limit:,} person-days (about 800 people for 28 days, with a time limit of 10 "
        "minutes or more and 4.5 GB of memory). Roster each team or group of areas in its own "
        "workbook, or plan fewer days."
    ),
    "cli.no_overwrite_inputs": "refusing to overwrite an input workbook",
    "cli.replan_contradict": (
        "the Fixed rows from --from on contradict the work-rest rules with the kept days"
    ),
    "cli.no_person": "no person {person} in {path}",
    "cli.not_an_option": "{person} is not among the options listed",
    "cli.warning": "warning",
    "cli.serving": "Open in a browser: {url}",
    "cli.duty_sheets": "Duty sheets: {path}",
    "cli.written": "Written: {path}",
    "cli.validate_head": "{unit}: {start} – {end} ({days} days)",
    "cli.people": "People: {n}  {counts}",
    "cli.areas": "Areas: {n}  {counts}",
    "cli.shifts": "Shifts: {ids}   Requirement rows: {n}",
    "cli.statuses": "Statuses: {counts}",
    "cli.none": "none",
    "cli.rows": "Requests: {requests}  Fixed: {fixed}  History: {history}",
    "cli.edit_warnings": "warning: {n} problem(s) in this roster; the sheets are written anyway.",
    "cli.replan_counts": (
        "Kept before {date}: {kept}. Changes: {n} (moved {moved}, removed {removed}, added {added})"
    ),
    "cli.contacts": "{person} {name}: {n} contact(s) on site from {first} to {last}",
    "cli.f1_note": "F1: contact of {person} ({first}–{last})",
    "cli.already_isolated": " (already F0/F1: {ids})",
    "notice.to": "{name}: {what} ({why}).",
    "notice.moved": "{before} is now {after}",
    "notice.removed": "no longer on {place}",
    "notice.added": "also on {place}",
    "notice.place": "{shift} {day} at {area}",
    "notice.shift_id": "shift {id}",
    "notice.remote": " (remote)",
    "notice.covers": "replacing {who}",
    "notice.covers_one": "{name} ({reason})",
    "notice.written": "Change notices for {n} officers: {path}",
    "calendar.summary": "{shift} – {area}",
    "calendar.description": "{unit}\nRole: {role}\nMode: {mode}",
    "calendar.mode_onsite": "on site",
    "calendar.mode_remote": "remote",
    "calendar.person_name": "Duty roster – {name}",
    "calendar.unreadable": (
        "{path}: not a readable calendar file ({error}); move it away to start the calendar anew"
    ),
    "history.missing": (
        "no history database here yet (it is made when the first roster is recorded)"
    ),
    "history.unreadable": (
        "the history database is damaged or unreadable ({error}); nothing was written. "
        "Restore a backup or move the file away"
    ),
    "history.newer": (
        "the history database was written by a newer version (schema {found}, this one knows "
        "{known}); upgrade the program"
    ),
    "history.no_version": "no version {version}",
    "history.recorded": "Recorded as version {version} in {path}",
    "history.none": "No versions yet.",
    "history.row": (
        "#{id}  {when}  {command:<7} {unit}  {start} – {end}  {shifts} shifts, {changes} "
        "changes from {previous}  {roster}"
    ),
    "history.diff_head": "From version #{first} to #{second}: {n} changes",
    "fairness.year_nights": "Most night shifts this year: {most} ({hi}); fewest: {least} ({lo})",
    "notice.released_many": "off {n} shifts from {first} to {last}",
    # --- teams that do not mix, and the reach of one case (issue 15) ---
    "rule.team_separation": "teams kept apart",
    "team.mode.area": "by area",
    "team.mode.shift": "by shift",
    "team.mode.day": "by day",
    "check.team_place": "teams {teams} share {where}.",
    "check.team_shift": "teams {teams} are on site together on shift {shift} of {date}.",
    "check.team_days": "teams {teams} are on site in the same block of days {first} to {last}.",
    "check.team_joins": (
        "{who} has no team but works with teams {teams} within {days} days, so the teams meet"
        " through them."
    ),
    "summary.teams_kept": "Teams kept apart ({mode}): never mixed",
    "summary.teams_broken": (
        "Teams mixed {n} times ({mode}): coverage ranks above separation, so the teams meet"
        " only where keeping them apart would leave places short (team_strict = yes keeps"
        " them apart and shows the cost as gaps instead):"
    ),
    "summary.teams_strict": (
        "Teams kept apart ({mode}, strict): places the teams cannot fill alone are gaps"
    ),
    "summary.reach": (
        "Reach of one case: expected {expected:.2f}, worst {worst} people become F1"
        " (tracing {days} days back)"
    ),
    "exposure.title": "Exposure — {unit} (contacts from {days} days before a case's day)",
    "exposure.cases": "Person-days on site (possible cases): {n}",
    "exposure.expected": "Expected reach of one case (people who would become F1): {value:.2f}",
    "exposure.worst": "Worst reach of one case: {value}",
    "exposure.worst_case": "  (if {person} {name} turned F0 on {date})",
    "exposure.police": (
        "Most of the unit's own police one case could send into F1 quarantine: {share:.0f}%"
        " (of {n})"
    ),
    "exposure.pairs": "Distinct pairs of people who share an on-site place: {n}",
    "exposure.top": "The {n} people with most contacts in one tracing window:",
    "exposure.label_expected": "Expected reach of one case (tracing {days} days)",
    "exposure.label_worst": "Worst reach of one case (tracing {days} days)",
    "summary.stage.teams": "teams kept apart",
    "summary.teams_unproven": (
        "  (the search stopped before proving fewer meetings impossible: a longer time limit"
        " may mix the teams less)"
    ),
    "workbook.team_breaks": "Teams mixed (team separation broken)",
    "tier.best": "best so far:",
    "tier.uncovered": "uncovered places {value}",
    "tier.peak_requested": "people to request {value}",
    "tier.changes": "changes to the announced roster {value}",
    "tier.named_reinforcements": "reinforcement shifts {value}",
    "tier.named_reinforcements.city": (
        "reinforcement shifts: district {district_shifts}, city {city_shifts}; "
        "a city shift counted twice: {value}"
    ),
    "tier.surplus_shifts": "shifts beyond demand {value}",
    "tier.requests": "unmet requests {unmet_requests}",
    "tier.fairness": "most for one person (over the whole period):",
    "tier.part.shifts": "{n} shifts",
    "tier.part.nights": "{n} nights",
    "tier.part.weekends": "{n} weekend shifts",
    "tier.continuity": "shifts away from the home area {value}",
    "tier.weighted_cover": "weighted cover {value}",
    "tier.team_breaks": "places where teams meet {value}",
    "tier.contact_pairs": "pairs of people on site together {value}",
    "tier.proven": "proven",
    "tier.bound": "bound {bound}",
    "tier.bound_gap": "bound {bound}, gap {gap:.1f}%",
    "tier.no_bound": "no bound yet: a tier above is not proven",
    "tier.joint_gap": "together {gap:.1f}% from their joint bound",
    "tier.joint_proven": "together proven optimal",
    "tier.joint_note": "a weighted sum: no tier has a bound of its own",
    "summary.stage_line": "{stage}: {verdict}, {seconds:.1f} s",
    "summary.stage_open": "not all proven",
    # The web pages of `roster serve` (roster/web)
    "web.app": "Duty roster",
    "web.login": "Sign in",
    "web.token": "Access token",
    "web.wrong_token": "Wrong access token.",
    "web.refused": "Could not do that",
    "web.back_home": "Back to the start",
    "web.open_title": "Open a workbook",
    "web.folder": "Folder",
    "web.workbook": "Workbook",
    "web.latest_version": "Latest roster",
    "web.no_workbooks": "No .xlsx workbook in the folder yet.",
    "web.upload": "Upload a workbook",
    "web.upload_button": "Upload",
    "web.template": "Blank template",
    "web.template_vi": "Vietnamese template",
    "web.template_en": "English template",
    "web.problems": "Input problems",
    "web.sheet": "Sheet",
    "web.row": "Row",
    "web.column": "Column",
    "web.found": "Found",
    "web.expected": "Expected",
    "web.fix_and_upload": "Fix these in Excel and upload the workbook again.",
    "web.days": "days",
    "web.people": "people",
    "web.areas": "areas",
    "web.shifts": "shifts",
    "web.solve": "Make the roster",
    "web.time_limit": "Time limit (seconds)",
    "web.start_solve": "Start",
    "web.running": "Making the roster:",
    "web.replanning": "Re-planning:",
    "web.stage_start": "Getting ready…",
    "web.stage_uncovered": "{n} places still without anyone (at least {bound} must stay short).",
    "web.stage_reinforcements": (
        "Every place that can be covered is; now asking for fewer reinforcements."
    ),
    "web.stage_preferences": "Now balancing requests and sharing shifts fairly.",
    "web.stage_weighted": "Looking for the best roster.",
    "web.stage_greedy": "Looking for the best roster.",
    "web.stop": "Stop (keep the best roster so far)",
    "web.failed": "Could not make a roster",
    "web.infeasible": "Fixed or History rows contradict the work-rest rules.",
    "web.solved": "Done in {seconds} s.",
    "web.solved_summary": "{n} places short, {people} people to request.",
    "web.requested_people": "{n} people to request",
    "web.print_range": "Duty sheets from one day to another",
    "web.print": "Download the PDF",
    "web.open_version": "Open",
    "web.replan_ready": "See the re-planned roster",
    "web.versions": "Roster versions",
    "web.version": "Version",
    "web.action": "Made by",
    "web.based_on": "Based on",
    "web.saved_at": "Saved",
    "web.action_solve": "solve",
    "web.action_edit": "edit",
    "web.action_replan": "re-plan",
    "web.kept_apart": "kept apart (someone saved another version first)",
    "web.no_versions": "No roster yet.",
    "web.roster": "Roster",
    "web.day_view": "Day sheet",
    "web.events": "Events",
    "web.donors": "Blood donors",
    "web.download_xlsx": "Download the roster (.xlsx)",
    "web.download_pdf": "Download the duty sheets (PDF)",
    "web.download_day_pdf": "Download this day's duty sheet (PDF)",
    "web.msg_saved": "Saved as a new version.",
    "web.msg_conflict": (
        "While you were editing, someone saved a newer version. Your changes were saved "
        "apart as this version, overwriting nothing: compare it with the latest."
    ),
    "web.not_latest": "This is not the latest version (latest: v{n}).",
    "web.uncovered_places": "{n} places short",
    "web.broken_rules": "{n} broken rules",
    "web.draft": "Draft: {n} unsaved changes",
    "web.draft_broken": "The draft breaks rules (dark red cells below):",
    "web.save": "Save as a new version",
    "web.discard": "Discard",
    "web.coverage_map": "Coverage map (areas × days)",
    "web.legend_ok": "covered",
    "web.legend_amber": "covered with reinforcements",
    "web.legend_short": "short",
    "web.legend_broken": "broken rule",
    "web.area": "Area",
    "web.grid": "Each person's roster",
    "web.person": "Person",
    "web.name": "Name",
    "web.gap_line": "needs {needed}, has {assigned}, {missing} short",
    "web.requested": "Requested reinforcements",
    "web.no_gap": "Nobody short.",
    "web.move_to": "Move to",
    "web.move": "Move",
    "web.swap_with": "Swap with",
    "web.swap": "Swap",
    "web.remove": "Remove this shift",
    "web.find_cover": "Find a cover",
    "web.cover_for": "Cover for",
    "web.leaves": "leaves",
    "web.apply": "Choose",
    "web.no_cover": "Nobody can take it, not even by a chain of swaps.",
    "web.refusals": "Why the others cannot",
    "web.duty_sheet": "Duty sheet",
    "web.shift": "Shift",
    "web.on_duty": "On duty",
    "web.short": "Short",
    "web.remote": "remote",
    "web.absent": "Absent",
    "web.chat_message": "Group chat message",
    "web.copy": "Copy",
    "web.copied": "Copied.",
    "web.replan_changes": "Re-planned from {day}: {n} changes",
    "web.change": "Change",
    "web.date": "Date",
    "web.before": "Before",
    "web.after": "After",
    "web.reason": "Reason",
    "web.change_moved": "moved",
    "web.change_removed": "removed",
    "web.change_added": "added",
    "web.accept": "Accept and save",
    "web.mark_title": "Mark F0 / F1 / sick / leave, then re-plan",
    "web.from_day": "from",
    "web.next": "Next",
    "web.status_F0": "F0",
    "web.status_F1": "F1",
    "web.status_sick": "sick",
    "web.status_leave": "leave",
    "web.contacts_title": "On site in the same shift and area from 2 days before to that day",
    "web.contacts_hint": "Tick the people to mark F1 (for an F0).",
    "web.no_contacts": "Nobody shared a shift.",
    "web.already_isolated": "already F0/F1",
    "web.replan_from": "Re-plan from",
    "web.mark_and_replan": "Mark and re-plan",
    "web.need": "Patient's blood group",
    "web.product": "Product",
    "web.product_whole_blood": "whole blood",
    "web.product_platelets": "platelets",
    "web.product_plasma": "plasma",
    "web.search": "Search",
    "web.eligible": "May give",
    "web.excluded": "May not give yet",
    "web.group": "Group",
    "web.days_since": "Days since last gift",
    "web.never": "never",
    "web.cover_by": "Cover",
    "web.notes": "Notes",
    "web.eligible_from": "may give from",
    "web.not_found": "Not found.",
    "web.bad_date": "That day is outside the roster.",
    "web.bad_request": "Invalid request.",
    "web.busy": "This roster is being made; wait or press Stop.",
    "web.no_draft": "No draft to save (perhaps it was saved already).",
    "web.no_shift": "This person has no shift that day.",
    "web.too_large": "File too large (at most 20 MB).",
    "web.not_xlsx": "Not an Excel .xlsx workbook.",
    "web.no_file": "No file chosen.",
    "web.note_remove": "remove {place}",
    "web.note_move": "move {place} to {to}",
    "web.note_swap": "swap {place} with {other}",
    "web.note_cover": "cover {place}: {by}",
    "city.pool_orders": "Pool orders {day}",
    "city.nobody_sent": "(nobody sent)",
    "city.same_folder": "the output folder is the input folder",
    "web.back_to_problems": "Back to the problems",
    "web.show_in_sheet": "Show this cell in the sheet",
    "city.covered_own": "Units covered by own staff: {count}  {units}",
    "city.covered_pool": "Units covered with the pool: {count}  {units}",
    "city.still_short": "Units still short (places): {count}  {units}",
    "city.not_solved": "Units not solved: {count}  {units}",
    "city.pool_per_day": "Pool officers used per day: {days}",
    "city.requests_above": "Requests above: {rows} rows, {people} people-requests",
    "city.more_requests": "... {count} more in {file}",
    "city.allocation": (
        "Allocation: {shifts} pool shifts fill {filled} of {demand} places short; "
        "proven: at most {most} can be filled ({status})"
    ),
    "city.status.optimal": "optimal",
    "city.status.feasible": "not proven optimal",
    "city.status.unknown": "no allocation found in the time given",
    "city.nothing_to_allocate": "nothing to allocate",
    "city.problem": "Problem: {problem}",
    "city.failed_unit": "Failed: {unit}: {error}",
    "city.failed_allocation": "Failed: the allocation: {error}",
    "city.stopped.interrupted": "Stopped (interrupted): the work not reached is listed",
    "city.stopped.time limit": "Stopped (time limit): the work not reached is listed",
    "city.state.solved": "solved",
    "city.state.not solved": "not solved",
    "city.state.broken": "broken",
    "city.state.failed": "failed",
    "city.state.infeasible": "infeasible",
    "city.workers": (
        "Tasks per node: {nodes}; peak memory: main process {main} MB, workers up to {worker} MB"
    ),
    "city.phases": "Seconds: {phases}",
    "city.phase.read": "read",
    "city.phase.unit solves": "unit solves",
    "city.phase.allocation": "allocation",
    "city.phase.final solves": "final solves",
    "city.phase.writing": "writing",
    "city.phase.checks": "checks",
    "city.checked": (
        "Checked across units: {units} unit rosters, {rows} pool officer rows, no problem"
    ),
    "city.check_problems": "Check across units: {count} problem(s) (roster check-city):",
    "city.figure.demand": "places short before the pool",
    "city.figure.filled": "places filled by the pool",
    "city.figure.pool_shifts": "pool shifts",
    "city.figure.uncovered": "places still short after the pool",
    "city.figure.stage_status": "allocation {stage}: status",
    "city.figure.stage_objective": "allocation {stage}: objective",
    "city.figure.stage_bound": "allocation {stage}: bound",
    "city.figure.stage_gap": "allocation {stage}: gap",
    "city.figure.executor": "executor",
    "city.figure.seconds": "seconds: {phase}",
    "city.figure.check_problems": "check across units: problems",
    "city.figure.tasks": "tasks on {node}",
    "city.figure.tasks_phase": "tasks on {node}: {phase}",
    "city.figure.main_peak": "peak memory MB: main process",
    "city.figure.highest_worker": "peak memory MB: highest worker",
    "city.figure.worker_peak": "peak memory MB: worker {pid} on {node}",
    "city.stage.uncovered": "uncovered",
    "city.stage.preferences": "preferences",
    "city.not_repooled": (
        "{unit} was not re-solved with the pool ({reason}): it keeps its first roster, the "
        "pool officers allocated to it are not sent and its places stay short"
    ),
    "city.reason.interrupted": "interrupted",
    "city.reason.time limit": "time limit",
    "city.allocation_not_reached": "The allocation was not reached: no pool officer was sent",
}

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SHORT_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date(day: _date) -> str:
    """9 Aug 2021: day-first slashes mislead an English reader."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: _date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"
