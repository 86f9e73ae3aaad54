"""Vietnamese: every word the program says, by key (the keys of ``en.py``, exactly)."""

from __future__ import annotations

from datetime import date as _date

WORDS: dict[str, str] = {
    # Shared words: labels of the data's values
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
    "word.yes": "có",
    "word.no": "không",
    "mode_word.onsite": "tại chỗ",
    "mode_word.remote": "từ xa",
    "status_word.F0": "F0",
    "status_word.F1": "F1",
    "status_word.leave": "nghỉ phép",
    "status_word.sick": "ốm",
    "status_word.training": "tập huấn",
    "status_word.unavailable": "vắng",
    "origin.own": "đơn vị",
    "origin.district": "quận/huyện",
    "origin.city": "thành phố",
    "result.optimal": "tối ưu",
    "result.feasible": "khả thi",
    "result.interrupted": "bị dừng",
    "result.infeasible": "không khả thi",
    "grid.F0": "F0",
    "grid.F1": "F1",
    "grid.leave": "P",
    "grid.sick": "Ô",
    "grid.training": "TH",
    "grid.unavailable": "V",
    "result.unknown": "chưa rõ",
    "role_word.police": "công an",
    "role_word.militia": "dân quân",
    "role_word.civil_defence": "dân phòng",
    "role_word.volunteer": "tình nguyện",
    # Rules: the name a reader sees for each member of roster.rules.Rule
    "rule.one_shift_per_day": "một ca mỗi ngày",
    "rule.one_place_per_shift": "một vị trí mỗi ca",
    "rule.min_rest": "nghỉ giữa hai ca",
    "rule.max_consecutive_days": "số ngày làm liên tiếp",
    "rule.max_shifts_per_week": "số ca trong 7 ngày",
    "rule.max_nights_per_week": "số ca đêm trong 7 ngày",
    "rule.availability_window": "thời gian tăng cường",
    "rule.status": "tình trạng",
    "rule.fixed": "phân công cố định",
    "rule.max_staff": "số người tối đa tại địa bàn",
    "rule.mode": "địa bàn chỉ trực từ xa",
    "rule.no_demand": "không có yêu cầu tại đây",
    "rule.unknown_id": "mã không có trong sổ",
    "rule.forbidden_succession": "ca cấm ngày sau",
    "rule.max_shifts_by_type": "số ca theo loại",
    "rule.total_minutes": "tổng số phút làm việc",
    "rule.min_consecutive_shifts": "số ca liên tiếp tối thiểu",
    "rule.min_days_off_in_row": "số ngày nghỉ liên tiếp tối thiểu",
    "rule.max_weekends": "số cuối tuần làm việc",
    # The checker's violation messages and report (roster.verify)
    "check.where": "ca {shift} ngày {date} tại địa bàn {area}",
    "check.unknown_person": "cán bộ {id} không có trong danh sách",
    "check.unknown_shift": "ca {id} không có trong danh sách",
    "check.unknown_area": "địa bàn {id} không có trong danh sách",
    "check.outside_horizon": "ngày nằm ngoài thời gian lập lịch {first} đến {last}",
    "check.unknown_id": "Phân công {person} vào {where} có {problems}.",
    "check.one_shift_per_day": (
        "{who} được phân {n} ca ({names}) ngày {date}; mỗi ngày tối đa một ca."
    ),
    "check.one_place_per_shift": (
        "{who} có tên {n} lần trong ca {shift} ngày {date} (địa bàn {areas}); mỗi ca chỉ một "
        "vị trí."
    ),
    "check.window_from": "{who} được phân {where} nhưng chỉ tăng cường từ ngày {date}.",
    "check.window_until": "{who} được phân {where} nhưng chỉ tăng cường đến ngày {date}.",
    "check.status": (
        "{who} đang {status} từ {start} đến {end} nhưng được phân {where} ({mode}); {why}."
    ),
    "check.why_remote_only": "F1 chỉ được trực từ xa",
    "check.why_f1_off": "F1 không trực ca nào (thiết lập F1 trực từ xa đang tắt)",
    "check.why_no_shift": "không được trực ca nào",
    "check.fixed": (
        "Dòng Cố định {row}: {who} phải trực ca {shift} ngày {date} tại địa bàn {area}, nhưng "
        "{found}."
    ),
    "check.fixed_instead": "lại được phân {places}",
    "check.fixed_off": "không được phân trực ngày đó",
    "check.rests_only": "chỉ nghỉ {hours} giờ",
    "check.rests_overlap": "có hai ca chồng lên nhau",
    "check.min_rest": (
        "{who} {rests} giữa ca {first} ngày {first_date} (kết thúc {first_end}) và ca "
        "{second} ngày {second_date} (bắt đầu {second_start}); cần nghỉ ít nhất {need} giờ."
    ),
    "check.max_consecutive_days": (
        "{who} làm {n} ngày liên tiếp từ {start} đến {end}; tối đa {limit} ngày."
    ),
    "check.window": "{who} có {total} {what} trong 7 ngày từ {first} đến {last}; tối đa {cap}.",
    "check.shifts": "ca",
    "check.night_shifts": "ca đêm",
    "check.days_off": "ngày nghỉ",
    "check.mode": (
        "{who} được phân {where} trực {mode}, nhưng địa bàn {area} thuộc loại từ xa: chỉ trực "
        "từ xa."
    ),
    "check.no_demand": (
        "{who} được phân {where} trực {mode}, nhưng không dòng yêu cầu nào cần người trực "
        "{mode} ở đây."
    ),
    "check.max_staff": (
        "Địa bàn {area}, ca {shift} ngày {date} có {n} người trực {mode} ({people}); tối đa "
        "{cap} người."
    ),
    "check.forbidden_succession": (
        "{who} trực ca {after} ngày {next_date} ngay sau ca {shift} ngày {date}; sau ca "
        "{shift} không được trực ca {after}."
    ),
    "check.max_shifts_by_type": "{who} trực {n} ca {shift}; tối đa {limit} ca.",
    "check.total_minutes": "{who} làm {total} phút trong thời gian lập lịch; yêu cầu {bound}.",
    "check.at_least": "ít nhất {n}",
    "check.at_most": "nhiều nhất {n}",
    "check.short_run": (
        "{who} có chuỗi {n} {what} liên tiếp từ {date}; trong thời gian lập lịch mỗi chuỗi "
        "phải dài ít nhất {shortest}."
    ),
    "check.max_weekends": "{who} làm {n} cuối tuần; tối đa {limit}.",
    "check.report": (
        "{violations} vi phạm quy định; {uncovered} chỗ còn trống ở {gaps} vị trí thiếu người."
    ),
    "check.more": "... và {n} vi phạm khác.",
    # Duty sheets, cards, messages and the coverage picture (roster.reports)
    "report.republic": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "report.motto": "Độc lập - Tự do - Hạnh phúc",
    "report.title": "LỊCH TRỰC",
    "report.card_title": "PHIẾU TRỰC CÁ NHÂN",
    "report.continued": "(tiếp theo)",
    "report.area": "Địa bàn",
    "report.rank": "Cấp bậc",
    "report.name": "Họ và tên",
    "report.role": "Lực lượng",
    "report.phone": "Điện thoại",
    "report.mode": "Hình thức",
    "report.note": "Ghi chú",
    "report.shift": "Ca",
    "report.date": "Ngày",
    "report.weekday": "Thứ",
    "report.hours": "Giờ",
    "report.missing": "THIẾU {n} người",
    "report.summary": "Tổng số: {shifts} lượt trực, {people} cán bộ; chỗ còn thiếu: {missing}.",
    "report.remote_title": "TRỰC ĐIỀU PHỐI TỪ XA",
    "report.off_title": "CÁN BỘ KHÔNG TRỰC TRONG NGÀY",
    "report.nobody_off": "Không có.",
    "report.until": "đến {date}",
    "report.people_count": "{n} người",
    "report.one_person": "1 người",
    "report.prepared_by": "NGƯỜI LẬP",
    "report.commander_title": "CHỈ HUY ĐƠN VỊ",
    "report.sign_hint": "(Ký, ghi rõ họ tên)",
    "report.reinforcement": "Tăng cường: {unit}",
    "report.reinforcement_short": "TC",
    "report.district_unit": "Công an quận/huyện",
    "report.city_unit": "Công an thành phố",
    "report.card_period": "Từ {start} đến {end}",
    "report.card_unit": "Đơn vị",
    "report.card_total": "Tổng: {shifts} ca, trong đó {nights} ca đêm.",
    "report.card_none": "Không có ca trực trong thời gian này.",
    "report.msg_remote": "Trực từ xa",
    "report.msg_gaps": "Còn thiếu",
    "report.msg_off": "Vắng",
    "report.coverage_title": "Độ phủ theo địa bàn và ngày",
    "report.legend_ok": "Đủ người",
    "report.legend_reinforced": "Đủ, có tăng cường",
    "report.legend_gap": "Thiếu người",
    "report.legend_none": "Không yêu cầu",
    # The roster workbook (roster.io.writer)
    "workbook.unit": "Đơn vị",
    "workbook.status": "Trạng thái",
    "workbook.uncovered": "Chỗ trống (người có tên không phủ được)",
    "workbook.bound": "Cận dưới đã chứng minh",
    "workbook.requested": "Số người cần đề nghị tăng cường",
    "workbook.district": "Tăng cường quận đã dùng",
    "workbook.city": "Tăng cường thành phố đã dùng",
    "workbook.gap": "Khoảng cách tối ưu (%)",
    "workbook.time": "Thời gian (giây)",
    "workbook.stage": "tầng {name}",
    "workbook.stage_value": "{status}: {tiers}",
    "workbook.capacity": "Cảnh báo năng lực",
    # The reader's warnings (roster.io.workbook)
    "reader.column_ignored": "Trang '{sheet}', cột '{column}': không phải cột đầu vào; bỏ qua.",
    "reader.sheet_ignored": "Trang '{sheet}' không phải trang đầu vào; bỏ qua.",
    "reader.column_repeated": (
        "Trang '{sheet}', cột '{column}': trùng cột '{first}'; chỉ đọc cột đầu tiên."
    ),
    "reader.row_warning": "Trang '{sheet}', dòng {row}: {text}.",
    "reader.setting_unknown": "không có thiết lập '{setting}'; bỏ qua",
    "reader.applies_to_no_day": "không áp dụng cho ngày nào trong kỳ phân công",
    # A problem in an input (roster.errors.Problem): where, the value found, what was expected
    "problem.workbook": "tệp",
    "problem.row": "dòng {row}",
    "problem.column": "cột '{column}'",
    "problem.found": "{where}: đang ghi {value}; cần {expected}",
    "problem.missing": "{where}: cần {expected}",
    # What a cell should have held (roster.io)
    "expect.formula": (
        "một giá trị, không phải công thức chưa có kết quả lưu "
        "(mở và lưu tệp bằng Excel, hoặc gõ giá trị)"
    ),
    "expect.excel_error": "một giá trị, không phải lỗi Excel (sửa công thức hoặc gõ giá trị)",
    "expect.required": "một giá trị (cột này bắt buộc)",
    "expect.listed": "một mã có trong trang '{sheet}'",
    "expect.model": "một giá trị {message}",
    "expect.model.greater_than": "một giá trị lớn hơn {limit}",
    "expect.model.greater_than_equal": "một giá trị từ {limit} trở lên",
    "expect.model.less_than": "một giá trị nhỏ hơn {limit}",
    "expect.model.less_than_equal": "một giá trị không quá {limit}",
    "expect.inside_horizon": "một ngày trong kỳ phân công, từ {first} đến {last}",
    "expect.on_or_after": "một ngày từ {day} trở đi",
    "expect.unique_id": "một mã chưa dùng ở dòng khác (đã có ở dòng {row})",
    "expect.one_sheet": "một trang duy nhất tên '{en}' hoặc '{vi}'",
    "expect.sheet": "một trang tên '{en}' hoặc '{vi}'",
    "expect.column": "một cột '{en}' hoặc '{vi}'",
    "expect.range.people": "số người từ {low} đến {high}",
    "expect.range.days": "số ngày từ {low} đến {high}",
    "expect.range.shifts": "số ca từ {low} đến {high}",
    "expect.range.weight": "trọng số từ {low} đến {high}",
    "expect.range.count": "một số nguyên từ {low} đến {high}",
    "expect.limits_by_type": "các cặp ca=số ca tối đa, vd. D=3, N=0",
    "expect.weight_kg": "cân nặng tính bằng kg, vd. 62,5",
    "expect.request_order": "quận và/hoặc thành phố, cách nhau bằng dấu phẩy, vd. quận, thành phố",
    "expect.setting_repeated": "một thiết lập chưa ghi trước đó (đã có ở dòng {row})",
    "expect.setting_required": "một giá trị cho '{setting}' (thiết lập này bắt buộc)",
    "expect.setting_row": "một dòng '{en}' hoặc '{vi}'",
    "expect.f0_or_f1": "F0 hoặc F1",
    "expect.isolation_repeated": "một quy định cho mỗi tình trạng và ngày (đã có ở dòng {row})",
    "expect.remote_area": "từ xa (địa bàn '{area}' thuộc loại từ xa)",
    "expect.police_above_staff": "không quá số người ({count})",
    "expect.max_below_min": "không ít hơn số người ({count})",
    "expect.staff_above_people": "không quá {count}, số người trong trang '{sheet}'",
    "expect.police_above_police": "không quá {count}, số công an trong trang '{sheet}'",
    "expect.unknown_skill": "một kỹ năng mà ít nhất một người có",
    "expect.fixed_repeated": "mỗi người mỗi ngày một ca cố định (đã có ở dòng {row})",
    "expect.before_start": "một ngày trước ngày bắt đầu kỳ phân công {day}",
    "expect.fixed_window": "một ngày trong thời gian {person} có mặt, từ {first} đến {last}",
    "expect.fixed_absent": (
        "một người rảnh ngày đó ({person} {status} từ {first} đến {last}, "
        "trang '{sheet}' dòng {row})"
    ),
    "expect.fixed_absent_remote": (
        "một người rảnh ngày đó ({person} {status} từ {first} đến {last}, "
        "trang '{sheet}' dòng {row}; chỉ trực từ xa, mà địa bàn '{area}' không có yêu cầu "
        "trực từ xa cho ca {shift} ngày đó)"
    ),
    "expect.date": "một ngày hợp lệ, ngày trước tháng sau, vd. 12/08/2021 hoặc 2021-08-12",
    "expect.time": "một giờ trong ngày, vd. 06:00 hoặc 6h30",
    "expect.bool": "có hoặc không (có/không, x hoặc để trống, true/false, 1/0)",
    "expect.weekdays": "các thứ cách nhau bằng dấu phẩy, vd. T2,T3,CN hoặc Mon,Tue",
    "expect.id": "một mã ghi dạng chữ, vd. CA007",
    "expect.number": "một số",
    "expect.whole_number": "một số nguyên",
    "expect.choice.role": "một vai trò: công an, dân quân, dân phòng, tình nguyện viên ({choices})",
    "expect.choice.origin": "một nguồn: đơn vị, quận/huyện, thành phố ({choices})",
    "expect.choice.status": ("một tình trạng: F0, F1, nghỉ phép, ốm, tập huấn, vắng ({choices})"),
    "expect.choice.mode": "một hình thức: tại chỗ, từ xa ({choices})",
    "expect.choice.request_type": "một loại nguyện vọng: nghỉ, trực ({choices})",
    "expect.choice.language": "một ngôn ngữ: tiếng Việt, tiếng Anh ({choices})",
    "expect.choice.objective": (
        "một cách tính mục tiêu: thứ tự ưu tiên, tổng có trọng số ({choices})"
    ),
    "expect.choice.team_separation": "một cách tách tổ: không, địa bàn, ca, ngày ({choices})",
    "expect.product": "một chế phẩm máu: máu toàn phần, tiểu cầu hoặc huyết tương",
    "expect.blood_group": "một nhóm máu có dấu Rh: {groups}",
    "expect.xlsx": "một tệp Excel .xlsx (không phải .xls, .csv, tệp có mật khẩu hay tệp hỏng)",
    "expect.xlsx_existing": "một tệp Excel .xlsx có thật",
    "expect.xlsx_readable": "một tệp Excel .xlsx đọc được ({error})",
    "expect.xlsx_empty": "một tệp Excel .xlsx; tệp này rỗng (0 byte)",
    "expect.xlsx_password": (
        "một tệp Excel .xlsx không có mật khẩu; tệp này có mật khẩu: mở bằng Excel, "
        "bỏ mật khẩu (File > Info > Protect Workbook) rồi lưu"
    ),
    "expect.xlsx_old": (
        "một tệp Excel .xlsx; đây là tệp Excel 97-2003 (.xls) cũ: "
        "mở bằng Excel và lưu dạng 'Excel Workbook (*.xlsx)'"
    ),
    "expect.xlsx_text": (
        "một tệp Excel .xlsx; đây là tệp CSV hoặc văn bản: "
        "mở bằng Excel và lưu dạng 'Excel Workbook (*.xlsx)'"
    ),
    "expect.xlsx_too_large": (
        "một tệp Excel .xlsx giải nén không quá {limit} MB; "
        "tệp này giải nén ra {size} MB (tệp hỏng hoặc zip bomb)"
    ),
    # What a cell of the city's pool.xlsx should have held (roster.city)
    "expect.pool_existing": "một tệp .xlsx có thật",
    "expect.pool_readable": "một tệp Excel .xlsx đọc được",
    "expect.priority": "mức ưu tiên từ 1 (trước nhất) đến 100",
    "expect.unit_id": "mã đơn vị gồm chữ, số, '-', '_' hoặc '.'",
    "expect.unit_repeated": "mã đơn vị chưa dùng ở dòng khác (dòng {row})",
    "expect.one_unit": "ít nhất một đơn vị",
    "expect.seconds": "số giây lớn hơn 0, tối đa 86400",
    "expect.unit_workbook": "một tệp có trong thư mục thành phố",
    "expect.unit_horizon": (
        "kỳ phân công bao trùm từ {first} đến {last} (kỳ của tệp lực lượng tăng cường)"
    ),
    "expect.pool_id_clash": (
        "một mã không đơn vị nào dùng (đơn vị {unit}, {file}, có người {person})"
    ),
    "expect.unit_ids": "các mã đơn vị có trong trang '{sheet}'",
    # The blank input workbook (roster.io.template)
    "template.setting.unit": "Bắt buộc: tên đơn vị.",
    "template.setting.start_date": "Bắt buộc: ngày đầu, ví dụ 09/08/2021.",
    "template.setting.days": "Bắt buộc: số ngày, từ 1 đến 366.",
    "template.setting.language": "vi hoặc en, ngôn ngữ của kết quả.",
    "template.setting.commander": "Tên người duyệt lịch trực.",
    "template.setting.parent_unit": "Đơn vị cấp trên.",
    "template.setting.min_rest_hours": (
        "Số giờ nghỉ tối thiểu giữa hai ca (Bộ luật Lao động 2019, Điều 110)."
    ),
    "template.setting.f0_isolation_days": "Số ngày nghỉ của F0.",
    "template.setting.f1_quarantine_days": "Số ngày cách ly F1.",
    "template.setting.f1_remote_duty": "F1 có được trực từ xa không?",
    "template.setting.time_limit_s": "Thời gian giải tối đa (giây).",
    "template.column.shifts.id": "Mã ca, ví dụ S, C, D.",
    "template.column.shifts.start": "Giờ bắt đầu, ví dụ 06:00.",
    "template.column.shifts.end": "Giờ kết thúc; sớm hơn giờ bắt đầu là sang ngày hôm sau.",
    "template.column.shifts.night": "có/không; để trống: có nếu ca trùng 22:00-06:00.",
    "template.column.areas.id": "Mã địa bàn, ví dụ TDP-12, CHOT-3.",
    "template.column.areas.kind": "Loại địa bàn; 'từ xa' là trực điều phối tại nhà.",
    "template.column.people.id": "Mã cán bộ, không trùng.",
    "template.column.people.role": "Để trống: công an.",
    "template.column.people.origin": (
        "đơn vị, quận/huyện hoặc thành phố (tăng cường). Để trống: đơn vị."
    ),
    "template.column.people.available_from": "Ngày bắt đầu có thể phân công; để trống: từ đầu.",
    "template.column.people.available_to": "Ngày cuối có thể phân công; để trống: đến hết.",
    "template.column.people.home_area": "Mã địa bàn phụ trách.",
    "template.column.people.skills": "Cách nhau bởi dấu phẩy.",
    "template.column.people.max_shifts_per_week": "Thay cho thiết lập chung.",
    "template.column.requirements.area": "Mã địa bàn.",
    "template.column.requirements.shift": "Mã ca; để trống: mọi ca.",
    "template.column.requirements.from": "Để trống: từ đầu.",
    "template.column.requirements.to": "Để trống: đến hết.",
    "template.column.requirements.weekdays": "Ví dụ T2,T3,CN; trống: mọi ngày.",
    "template.column.requirements.min_staff": "Số người tối thiểu.",
    "template.column.requirements.min_police": "Số công an tối thiểu.",
    "template.column.requirements.skill": "Ít nhất một người có kỹ năng này.",
    "template.column.requirements.max_staff": "Tối đa; trống: không giới hạn.",
    "template.column.requirements.mode": "tại chỗ hoặc từ xa; trống: từ xa với địa bàn từ xa.",
    "template.column.status.status": "F0, F1, nghỉ phép, ốm, tập huấn, vắng.",
    "template.column.status.to": "Ngày cuối; trống: F0/F1 theo quy định cách ly, khác: đến hết.",
    "template.column.isolation.effective_from": "Ngày bắt đầu áp dụng.",
    "template.column.isolation.days": "Số ngày cách ly.",
    "template.column.requests.shift": "Trống: cả ngày.",
    "template.column.requests.type": "nghỉ hoặc trực.",
    "template.column.requests.weight": "Trống: 1.",
    "template.column.fixed.person": "Phân công giữ nguyên.",
    "template.column.history.date": "Những ngày ngay trước ngày bắt đầu.",
    "template.column.donations.product": "máu toàn phần, tiểu cầu hoặc huyết tương.",
    "template.guide": (
        "Cách điền sổ này\n"
        "Dòng 1 của mỗi trang là tiêu đề: không đổi tên, không xóa cột. Di chuột lên tiêu đề "
        "để xem hướng dẫn.\n"
        "Ngày: 12/08/2021 (ngày trước) hoặc 2021-08-12. Giờ: 06:00. Có/không: có, không, x "
        "hoặc để trống.\n"
        "Mã là chữ: 007 vẫn là 007. Danh sách (kỹ năng, thứ) cách nhau bởi dấu phẩy.\n"
        "Trang bắt buộc: Thiết lập, Ca trực, Địa bàn, Cán bộ, Yêu cầu. Các trang khác có thể "
        "để trống.\n"
        "Thiết lập: điền đơn vị, ngày bắt đầu, số ngày; các dòng khác đã có giá trị mặc "
        "định.\n"
        "Các khóa thiết lập khác có thể thêm vào trang Thiết lập:"
    ),
    "template.required": "Bắt buộc",
    "template.not_listed": "Giá trị không có trong danh sách.",
    # Why places stay uncovered (roster.explain)
    "explain.capacity": (
        "{day}: cần {need} người trực tại chỗ, chỉ {have} người có thể trực ({why})"
    ),
    "explain.police": "{day}: cần {need} công an trực tại chỗ, chỉ {have} công an có thể trực",
    "explain.short": "thiếu {n} người",
    "explain.short_police": "thiếu {n} công an",
    "explain.short_skill": "thiếu người có kỹ năng {skills}",
    "explain.none_free": "không còn ai trong danh sách có thể nhận",
    "explain.filled_by": "bù bằng lực lượng đề nghị tăng cường {labels}",
    "explain.why": "lý do",
    "explain.busy": "{n} đã trực ca khác trong ngày",
    "explain.workrest": "{n} vướng quy định nghỉ ngơi (giờ nghỉ, ngày liên tiếp, số ca/7 ngày)",
    "explain.unqualified": "{n} không đủ điều kiện (không phải công an / thiếu kỹ năng)",
    "explain.window": "{n} ngoài thời gian tăng cường",
    "explain.remote_only": "{n} F1 chỉ trực từ xa",
    "explain.F0": "{n} F0",
    "explain.F1": "{n} F1",
    "explain.leave": "{n} nghỉ phép",
    "explain.sick": "{n} ốm",
    "explain.training": "{n} đi tập huấn",
    "explain.unavailable": "{n} vắng",
    "explain.request": "{people} người, {start}–{end}, {shift}, {area}: {reason}",
    # The end-of-solve summary (roster.summary)
    "summary.title": "Kết quả phân công — {unit}",
    "summary.status.optimal": "tối ưu (đã chứng minh)",
    "summary.status.feasible": "khả thi, chưa chứng minh tối ưu ở mọi tầng",
    "summary.status.interrupted": "bị dừng, phương án tốt nhất đến lúc dừng",
    "summary.status": "Trạng thái",
    "summary.stage.uncovered": "độ phủ",
    "summary.stage.reinforcements": "tăng cường/thay đổi/dư ca",
    "summary.stage.preferences": "nguyện vọng, công bằng, ổn định",
    "summary.stage.weighted": "tổng có trọng số",
    "summary.proven": "đã chứng minh tối ưu",
    "summary.bound": "cận dưới",
    "summary.gap": "khoảng cách {gap:.1f}%",
    "summary.covered": "Mọi địa bàn được phủ bởi lực lượng có tên: {n} lượt trực",
    "summary.uncovered": (
        "Chỗ trống lực lượng có tên không phủ được: {n} (cận dưới chứng minh: {bound})"
    ),
    "summary.requested": "Cần đề nghị tăng cường: {n} người ({rows} dòng đề nghị)",
    "summary.named": "Tăng cường đã có tên được dùng: quận {district}, thành phố {city}",
    "summary.fair": "Số ca của cán bộ đơn vị: ít nhất {lo}, nhiều nhất {hi} (chênh {spread})",
    "summary.time": "Thời gian: {t:.1f} giây",
    "summary.file": "Đã ghi: {path}",
    "summary.capacity": "Cảnh báo năng lực (trước khi giải):",
    "summary.stage.greedy": "phương án khởi đầu",
    # Re-planning (roster.replan)
    "replan.moved": "chuyển",
    "replan.removed": "bỏ",
    "replan.added": "thêm",
    "replan.rebalanced": "điều chỉnh cân đối",
    "replan.covers": "thay {who}",
    "replan.window_from": "chỉ tăng cường từ {day}",
    "replan.window_to": "chỉ tăng cường đến {day}",
    "replan.f1": "F1 {start}–{end}: chỉ trực từ xa",
    "replan.status": "{status} {start}–{end}",
    "replan.released": "rời ca",
    "replan.remote": " (từ xa)",
    "replan.repaired_kept": (
        "lịch đã công bố, sửa từng ca, thay đổi ít ca hơn lịch bộ giải tìm được trong thời "
        "gian cho phép: giữ lịch đó"
    ),
    # Covering a shift (roster.cover)
    "cover.head": "{person} {name}: ca {shift} ngày {date} tại {area} ({mode})",
    "cover.can": "Có thể nhận ({n}), tốt nhất trước:",
    "cover.candidate": "  {i}. {person} {name} ({origin}, đã trực {shifts} ca{home}{leaves})",
    "cover.home": ", địa bàn phụ trách",
    "cover.leaves": ", rời ca {shift} {area}",
    "cover.chains": "Không ai nhận trực tiếp được; các chuỗi đổi ca ngắn nhất, tốt nhất trước:",
    "cover.day_off": "ngày nghỉ",
    "cover.nobody": "Không ai nhận được, kể cả trực tiếp hay qua chuỗi đổi ca.",
    "cover.cannot": "Không thể nhận ({n}):",
    "cover.broken": "{rule}: {message}",
    "cover.already": "đã trực ca này tại địa bàn này",
    "cover.whole": "cả lịch trực sẽ vi phạm quy định",
    "cover.from": "chỉ tăng cường từ {date}",
    "cover.until": "chỉ tăng cường đến {date}",
    "cover.span": "{status} {start} – {end}",
    "cover.no_duty": "{span} (không trực)",
    "cover.remote_only": "{span} (chỉ trực từ xa)",
    "cover.short": "{shift} {area} ngày {date} sẽ thiếu {n} người",
    # Edit warnings of roster sheets (roster.sheets)
    "sheets.gap": (
        "[thiếu người] {date} ca {shift} địa bàn {area}: đã phân {assigned}/{needed}, thiếu "
        "{missing}."
    ),
    "sheets.more_gaps": "[thiếu người] ... và {n} vị trí thiếu khác.",
    # The blood-donor bank (roster.donors)
    "donor.note.no_birth_date": (
        "chưa có ngày sinh trong danh sách cán bộ, không kiểm tra được tuổi"
    ),
    "donor.note.too_young": "mới {age} tuổi; người hiến máu phải từ đủ {low} đến {high} tuổi",
    "donor.note.too_old": "đã {age} tuổi, quá tuổi hiến máu ({high})",
    "donor.note.no_weight": "chưa có cân nặng trong danh sách cán bộ, không kiểm tra được cân nặng",
    "donor.note.underweight": "nặng {weight} kg; hiến {product} cần ít nhất {low} kg",
    "donor.note.covid_now": "đang là {status} (từ {start} đến {end})",
    "donor.note.covid_recent": "hết {status} ngày {end}; phải chờ {days} ngày sau khi hết F0/F1",
    "donor.note.interval_last": (
        "lần hiến gần nhất: {product} ngày {when}; sau khi hiến {product} phải chờ {days} ngày"
    ),
    "donor.note.interval_whole_blood": (
        "hiến máu toàn phần ngày {when}; chỉ hiến máu toàn phần lại sau {days} ngày"
    ),
    "donor.note.only_250ml": "nặng {weight} kg: chỉ hiến tối đa 250 ml máu toàn phần",
    "donor.note.abo_compatible_platelets": (
        "tiểu cầu nhóm {donor} cho người bệnh nhóm {need} là tương hợp, không cùng nhóm ABO: "
        "cần bệnh viện đồng ý"
    ),
    "donor.note.status_that_day": "{status} ngày này",
    "donor.word.whole_blood": "máu toàn phần",
    "donor.word.platelets": "tiểu cầu",
    "donor.word.plasma": "huyết tương",
    "donor.word.F0": "F0",
    "donor.word.F1": "F1",
    "donor.word.leave": "nghỉ phép",
    "donor.word.sick": "nghỉ ốm",
    "donor.word.training": "đi tập huấn",
    "donor.word.unavailable": "vắng",
    "donor.word.identical": "cùng nhóm",
    "donor.word.same_abo": "cùng nhóm ABO",
    "donor.word.compatible": "nhóm tương hợp",
    "donor.title": "Cần {product} nhóm {need} ngày {day}: {n} người đủ điều kiện",
    "donor.never": "chưa hiến lần nào",
    "donor.last": "lần gần nhất: {product} ngày {when} ({days} ngày trước)",
    "donor.off": "không trực",
    "donor.on": "trực ca {shift} tại {area}",
    "donor.cover": "người trực thay: {who} ({shifts} ca tính đến ngày này{moved})",
    "donor.moved": ", rời ca {shift} tại {area}",
    "donor.no_cover": "không ai trực thay được mà không vi phạm quy định",
    "donor.duty_unknown": "chưa rõ lịch trực (chưa có tệp lịch)",
    "donor.excluded": "Chưa đủ điều kiện ({n}):",
    "donor.from": "đủ điều kiện từ {when}",
    "donor.not_by_waiting": "không thể chỉ chờ thêm",
    "donor.others": (
        "{n} người có nhóm máu không phù hợp để hiến {product} cho người bệnh nhóm {need}; "
        "{m} người chưa ghi nhóm máu."
    ),
    "donor.chat_head": "KHẨN: Bệnh viện cần {product} nhóm {need} ngày {day}.",
    "donor.chat_ask": "Đề nghị các đồng chí đủ điều kiện liên hệ trực ban: {names}.",
    "donor.chat_cover": "Đ/c {who} trực thay ca {shift} tại {area} cho đ/c {donor}.",
    "donor.chat_none": "Đơn vị không có người đủ điều kiện; đề nghị liên hệ ngân hàng máu.",
    "donor.tally.head": "Số lần hiến máu{period}: {n} lần, {people} người",
    "donor.tally.period": " năm {year}",
    "donor.tally.columns": "cán bộ | máu toàn phần | tiểu cầu | huyết tương | tổng | lần gần nhất",
    "donor.tally.often": "Đã hiến từ {k} lần trở lên ({n} người):",
    "donor.tally.nobody": "chưa có ai",
    # The command line (roster.cli)
    "cli.input_errors": "Lỗi dữ liệu đầu vào",
    "cli.error": "Lỗi",
    "cli.internal": "Lỗi nội bộ",
    "cli.interrupted": "Đã dừng",
    "cli.stopped_now": "Dừng ngay, không ghi tệp",
    "cli.stopping": "Đang dừng, sẽ ghi phương án tốt nhất",
    "cli.no_overwrite": "Không ghi đè lên tệp đầu vào",
    "cli.exists": "đã tồn tại",
    "cli.contradict": "Các dòng Cố định / Lịch sử mâu thuẫn với quy định nghỉ ngơi",
    "cli.too_large": (
        "Quá lớn: {people:,} người x {days} ngày = {size:,} người-ngày; roster lập được tối đa "
        "{limit:,} người-ngày (khoảng 800 người trong 28 ngày, với thời gian giải từ 10 phút "
        "và 4,5 GB bộ nhớ). "
        "Hãy lập lịch cho từng đội hoặc nhóm địa bàn trong một sổ riêng, hoặc lập ít ngày "
        "hơn."
    ),
    "cli.no_overwrite_inputs": "không ghi đè lên tệp đầu vào",
    "cli.replan_contradict": (
        "các dòng Cố định từ ngày --from mâu thuẫn với quy định nghỉ ngơi cùng các ngày giữ nguyên"
    ),
    "cli.no_person": "không có cán bộ {person} trong {path}",
    "cli.not_an_option": "{person} không nằm trong các phương án đã liệt kê",
    "cli.warning": "cảnh báo",
    "cli.serving": "Mở trong trình duyệt: {url}",
    "cli.duty_sheets": "Lịch trực: {path}",
    "cli.written": "Đã ghi: {path}",
    "cli.validate_head": "{unit}: {start} – {end} ({days} ngày)",
    "cli.people": "Cán bộ: {n}  {counts}",
    "cli.areas": "Địa bàn: {n}  {counts}",
    "cli.shifts": "Ca: {ids}   Dòng yêu cầu: {n}",
    "cli.statuses": "Tình trạng: {counts}",
    "cli.none": "không có",
    "cli.rows": "Nguyện vọng: {requests}  Cố định: {fixed}  Lịch sử: {history}",
    "cli.edit_warnings": "Cảnh báo: lịch trực này có {n} vấn đề; các trang vẫn được ghi.",
    "cli.replan_counts": (
        "Giữ nguyên trước {date}: {kept}. Thay đổi: {n} (chuyển {moved}, bỏ {removed}, thêm "
        "{added})"
    ),
    "cli.contacts": "{person} {name}: {n} người tiếp xúc tại chỗ từ {first} đến {last}",
    "cli.f1_note": "F1: tiếp xúc với {person} ({first}–{last})",
    "cli.already_isolated": " (đã là F0/F1: {ids})",
    "notice.to": "Đ/c {name}: {what} ({why}).",
    "notice.moved": "{before} chuyển sang {after}",
    "notice.removed": "thôi trực {place}",
    "notice.added": "trực thêm {place}",
    "notice.place": "{shift} {day} tại {area}",
    "notice.shift_id": "ca {id}",
    "notice.remote": " (từ xa)",
    "notice.covers": "thay {who}",
    "notice.covers_one": "đ/c {name} ({reason})",
    "notice.written": "Tin nhắn báo thay đổi cho {n} cán bộ: {path}",
    "calendar.summary": "{shift} – {area}",
    "calendar.description": "{unit}\nVai trò: {role}\nHình thức: {mode}",
    "calendar.mode_onsite": "trực tại chỗ",
    "calendar.mode_remote": "trực từ xa",
    "calendar.person_name": "Lịch trực – {name}",
    "calendar.unreadable": (
        "{path}: không đọc được tệp lịch ({error}); chuyển tệp đi chỗ khác để bắt đầu lịch mới"
    ),
    "history.missing": "chưa có cơ sở dữ liệu lịch sử ở đây (được tạo khi ghi lịch trực đầu tiên)",
    "history.unreadable": (
        "cơ sở dữ liệu lịch sử bị hỏng hoặc không đọc được ({error}); không ghi gì cả. Hãy "
        "khôi phục bản sao lưu hoặc chuyển tệp đi chỗ khác"
    ),
    "history.newer": (
        "cơ sở dữ liệu lịch sử do phiên bản mới hơn ghi (lược đồ {found}, phiên bản này biết "
        "đến {known}); hãy cập nhật chương trình"
    ),
    "history.no_version": "không có phiên bản {version}",
    "history.recorded": "Đã lưu phiên bản {version} vào {path}",
    "history.none": "Chưa có phiên bản nào.",
    "history.row": (
        "#{id}  {when}  {command:<7} {unit}  {start} – {end}  {shifts} ca, {changes} thay đổi "
        "so với {previous}  {roster}"
    ),
    "history.diff_head": "Từ phiên bản #{first} đến #{second}: {n} thay đổi",
    "fairness.year_nights": "Nhiều ca đêm nhất trong năm: {most} ({hi}); ít nhất: {least} ({lo})",
    "notice.released_many": "thôi trực {n} ca từ {first} đến {last}",
    # --- tách tổ, và số F1 do một ca F0 (issue 15) ---
    "rule.team_separation": "tách tổ",
    "team.mode.area": "theo địa bàn",
    "team.mode.shift": "theo ca",
    "team.mode.day": "theo ngày",
    "check.team_place": "các tổ {teams} cùng trực {where}.",
    "check.team_shift": "các tổ {teams} cùng trực tại chỗ ca {shift} ngày {date}.",
    "check.team_days": "các tổ {teams} cùng trực tại chỗ trong một lượt ngày {first} đến {last}.",
    "check.team_joins": (
        "{who} không thuộc tổ nào nhưng trực cùng các tổ {teams} trong vòng {days} ngày, nên"
        " các tổ tiếp xúc qua người này."
    ),
    "summary.teams_kept": "Tách tổ ({mode}): các tổ không lần nào trực chung",
    "summary.teams_broken": (
        "Các tổ trực chung {n} lần ({mode}): phủ đủ chỗ được ưu tiên hơn tách tổ, nên các tổ"
        " chỉ gặp nhau ở nơi giữ tách tổ sẽ để trống chỗ (đặt tách tổ bắt buộc = có để giữ"
        " tuyệt đối; khi đó cái giá hiện ra thành thiếu hụt):"
    ),
    "summary.teams_strict": (
        "Tách tổ ({mode}, bắt buộc): chỗ các tổ không tự phủ được thành thiếu hụt"
    ),
    "summary.reach": (
        "Số F1 do một ca F0: trung bình {expected:.2f}, lớn nhất {worst} người"
        " (truy vết {days} ngày trước)"
    ),
    "exposure.title": "Mức phơi nhiễm — {unit} (tiếp xúc từ {days} ngày trước ngày phát hiện)",
    "exposure.cases": "Số người-ngày trực tại chỗ (các ca có thể xảy ra): {n}",
    "exposure.expected": "Số F1 trung bình nếu một người trực tại chỗ thành F0: {value:.2f}",
    "exposure.worst": "Số F1 lớn nhất do một ca F0: {value}",
    "exposure.worst_case": "  (nếu {person} {name} thành F0 ngày {date})",
    "exposure.police": (
        "Tỷ lệ công an của đơn vị lớn nhất có thể bị cách ly F1 do một ca: {share:.0f}%"
        " (trên {n} người)"
    ),
    "exposure.pairs": "Số cặp người từng trực chung một chỗ: {n}",
    "exposure.top": "{n} người tiếp xúc với nhiều người nhất trong một khoảng truy vết:",
    "exposure.label_expected": "Số F1 trung bình do một ca F0 (truy vết {days} ngày)",
    "exposure.label_worst": "Số F1 lớn nhất do một ca F0 (truy vết {days} ngày)",
    "summary.stage.teams": "tách tổ",
    "summary.teams_unproven": (
        "  (chưa chứng minh được không thể ít hơn: tăng thời gian giải có thể giảm số lần các"
        " tổ trực chung)"
    ),
    "workbook.team_breaks": "Số lần các tổ trực chung (phá tách tổ)",
    "tier.best": "tốt nhất đến giờ:",
    "tier.uncovered": "chỗ trống {value}",
    "tier.peak_requested": "người cần đề nghị {value}",
    "tier.changes": "thay đổi so với lịch đã công bố {value}",
    "tier.named_reinforcements": "ca tăng cường {value}",
    "tier.named_reinforcements.city": (
        "ca tăng cường: quận {district_shifts}, thành phố {city_shifts}; "
        "tính ca thành phố gấp đôi: {value}"
    ),
    "tier.surplus_shifts": "ca dư so với nhu cầu {value}",
    "tier.requests": "nguyện vọng chưa đáp ứng {unmet_requests}",
    "tier.fairness": "nhiều nhất một người (quy ra cả kỳ):",
    "tier.part.shifts": "{n} ca",
    "tier.part.nights": "{n} ca đêm",
    "tier.part.weekends": "{n} ca cuối tuần",
    "tier.continuity": "ca ngoài địa bàn quen {value}",
    "tier.weighted_cover": "độ phủ có trọng số {value}",
    "tier.team_breaks": "vị trí các tổ gặp nhau {value}",
    "tier.contact_pairs": "số cặp người trực cùng ca {value}",
    "tier.proven": "đã chứng minh",
    "tier.bound": "cận dưới {bound}",
    "tier.bound_gap": "cận dưới {bound}, khoảng cách {gap:.1f}%",
    "tier.no_bound": "chưa có cận: tầng trên chưa chứng minh",
    "tier.joint_gap": "cả nhóm cách cận dưới chung {gap:.1f}%",
    "tier.joint_proven": "cả nhóm đã chứng minh tối ưu",
    "tier.joint_note": "tổng có trọng số: không có cận riêng từng tầng",
    "summary.stage_line": "{stage}: {verdict}, {seconds:.1f} giây",
    "summary.stage_open": "chưa chứng minh hết",
    # The web pages of `roster serve` (roster/web)
    "web.app": "Lịch trực",
    "web.login": "Đăng nhập",
    "web.token": "Mã truy cập",
    "web.wrong_token": "Mã truy cập không đúng.",
    "web.refused": "Không thực hiện được",
    "web.back_home": "Về trang đầu",
    "web.open_title": "Mở sổ dữ liệu",
    "web.folder": "Thư mục",
    "web.workbook": "Sổ dữ liệu",
    "web.latest_version": "Bản lịch mới nhất",
    "web.no_workbooks": "Chưa có sổ .xlsx nào trong thư mục.",
    "web.upload": "Tải lên sổ dữ liệu",
    "web.upload_button": "Tải lên",
    "web.template": "Mẫu trống",
    "web.template_vi": "Tải mẫu tiếng Việt",
    "web.template_en": "Tải mẫu tiếng Anh",
    "web.problems": "Lỗi dữ liệu",
    "web.sheet": "Trang",
    "web.row": "Dòng",
    "web.column": "Cột",
    "web.found": "Giá trị",
    "web.expected": "Cần",
    "web.fix_and_upload": "Sửa các lỗi trên trong Excel rồi tải lên lại.",
    "web.days": "ngày",
    "web.people": "người",
    "web.areas": "địa bàn",
    "web.shifts": "ca",
    "web.solve": "Xếp lịch",
    "web.time_limit": "Thời gian tối đa (giây)",
    "web.start_solve": "Bắt đầu xếp lịch",
    "web.running": "Đang xếp lịch:",
    "web.replanning": "Đang xếp lại:",
    "web.stage_start": "Đang chuẩn bị…",
    "web.stage_uncovered": "Còn {n} chỗ trống chưa có người (ít nhất phải thiếu {bound}).",
    "web.stage_reinforcements": "Đã phủ hết chỗ có thể; đang giảm số người phải xin tăng cường.",
    "web.stage_preferences": "Đang cân đối nguyện vọng và chia đều ca trực.",
    "web.stage_weighted": "Đang tìm phương án tốt nhất.",
    "web.stage_greedy": "Đang tìm phương án tốt nhất.",
    "web.stop": "Dừng (giữ phương án tốt nhất)",
    "web.failed": "Không xếp được",
    "web.infeasible": "Các dòng Cố định / Lịch sử mâu thuẫn với quy định nghỉ ngơi.",
    "web.solved": "Đã xếp xong sau {seconds} giây.",
    "web.solved_summary": "{n} chỗ trống, cần xin {people} người tăng cường.",
    "web.requested_people": "cần xin {n} người tăng cường",
    "web.print_range": "In lịch trực từ ngày đến ngày",
    "web.print": "Tải PDF",
    "web.open_version": "Mở",
    "web.replan_ready": "Xem kết quả xếp lại",
    "web.versions": "Các bản lịch",
    "web.version": "Bản",
    "web.action": "Việc",
    "web.based_on": "Từ bản",
    "web.saved_at": "Lúc",
    "web.action_solve": "xếp lịch",
    "web.action_edit": "sửa tay",
    "web.action_replan": "xếp lại",
    "web.kept_apart": "lưu riêng (có người đã lưu bản khác trước)",
    "web.no_versions": "Chưa có bản lịch nào.",
    "web.roster": "Lịch",
    "web.day_view": "Lịch trực ngày",
    "web.events": "Sự việc",
    "web.donors": "Hiến máu",
    "web.download_xlsx": "Tải sổ lịch (.xlsx)",
    "web.download_pdf": "Tải lịch trực (PDF)",
    "web.download_day_pdf": "Tải lịch trực ngày này (PDF)",
    "web.msg_saved": "Đã lưu thành bản mới.",
    "web.msg_conflict": (
        "Trong lúc bạn sửa, người khác đã lưu một bản mới hơn. Thay đổi của bạn được lưu "
        "riêng thành bản này, không ghi đè: hãy so với bản mới nhất."
    ),
    "web.not_latest": "Đây không phải bản mới nhất (bản mới nhất: v{n}).",
    "web.uncovered_places": "{n} chỗ trống",
    "web.broken_rules": "{n} vi phạm quy định",
    "web.draft": "Bản nháp: {n} thay đổi chưa lưu",
    "web.draft_broken": "Bản nháp vi phạm quy định (ô đỏ sẫm trên bảng):",
    "web.save": "Lưu thành bản mới",
    "web.discard": "Bỏ",
    "web.coverage_map": "Bản đồ phủ ca (địa bàn × ngày)",
    "web.legend_ok": "đủ người",
    "web.legend_amber": "đủ nhờ tăng cường",
    "web.legend_short": "thiếu",
    "web.legend_broken": "vi phạm",
    "web.area": "Địa bàn",
    "web.grid": "Lịch từng người",
    "web.person": "Cán bộ",
    "web.name": "Họ tên",
    "web.gap_line": "cần {needed}, có {assigned}, thiếu {missing}",
    "web.requested": "Đề nghị tăng cường",
    "web.no_gap": "Không thiếu người.",
    "web.move_to": "Chuyển sang",
    "web.move": "Chuyển",
    "web.swap_with": "Đổi ca với",
    "web.swap": "Đổi",
    "web.remove": "Bỏ ca này",
    "web.find_cover": "Tìm người thay",
    "web.cover_for": "Người thay cho",
    "web.leaves": "rời",
    "web.apply": "Chọn",
    "web.no_cover": "Không ai nhận thay được, kể cả đổi dây chuyền.",
    "web.refusals": "Vì sao người khác không nhận được",
    "web.duty_sheet": "Lịch trực ngày",
    "web.shift": "Ca",
    "web.on_duty": "Trực",
    "web.short": "Thiếu",
    "web.remote": "từ xa",
    "web.absent": "Vắng",
    "web.chat_message": "Tin nhắn nhóm",
    "web.copy": "Sao chép",
    "web.copied": "Đã sao chép.",
    "web.replan_changes": "Xếp lại từ {day}: {n} thay đổi",
    "web.change": "Thay đổi",
    "web.date": "Ngày",
    "web.before": "Trước",
    "web.after": "Sau",
    "web.reason": "Lý do",
    "web.change_moved": "chuyển",
    "web.change_removed": "bỏ",
    "web.change_added": "thêm",
    "web.accept": "Chấp nhận và lưu",
    "web.mark_title": "Đánh dấu F0 / F1 / ốm / nghỉ phép rồi xếp lại",
    "web.from_day": "từ ngày",
    "web.next": "Tiếp",
    "web.status_F0": "F0",
    "web.status_F1": "F1",
    "web.status_sick": "ốm",
    "web.status_leave": "nghỉ phép",
    "web.contacts_title": "Người trực cùng ca, cùng địa bàn 2 ngày trước đến ngày này",
    "web.contacts_hint": "Chọn những người cần đánh dấu F1 (với F0).",
    "web.no_contacts": "Không có ai trực cùng.",
    "web.already_isolated": "đã là F0/F1",
    "web.replan_from": "Xếp lại từ ngày",
    "web.mark_and_replan": "Đánh dấu và xếp lại",
    "web.need": "Nhóm máu người bệnh",
    "web.product": "Chế phẩm",
    "web.product_whole_blood": "máu toàn phần",
    "web.product_platelets": "tiểu cầu",
    "web.product_plasma": "huyết tương",
    "web.search": "Tìm",
    "web.eligible": "Có thể hiến",
    "web.excluded": "Chưa thể hiến",
    "web.group": "Nhóm máu",
    "web.days_since": "Ngày từ lần hiến trước",
    "web.never": "chưa hiến",
    "web.cover_by": "Người trực thay",
    "web.notes": "Ghi chú",
    "web.eligible_from": "được hiến từ",
    "web.not_found": "Không tìm thấy.",
    "web.bad_date": "Ngày nằm ngoài kỳ lịch.",
    "web.bad_request": "Yêu cầu không hợp lệ.",
    "web.busy": "Lịch này đang được xếp; chờ xong hoặc bấm Dừng.",
    "web.no_draft": "Không có bản nháp để lưu (có thể đã lưu rồi).",
    "web.no_shift": "Người này không trực ngày đó.",
    "web.too_large": "Tệp quá lớn (tối đa 20 MB).",
    "web.not_xlsx": "Không phải sổ Excel .xlsx.",
    "web.no_file": "Chưa chọn tệp.",
    "web.note_remove": "bỏ ca {place}",
    "web.note_move": "chuyển {place} sang {to}",
    "web.note_swap": "đổi ca {place} với {other}",
    "web.note_cover": "thay ca {place}: {by}",
    "city.pool_orders": "Điều động tăng cường {day}",
    "city.nobody_sent": "(không điều động)",
    "city.same_folder": "thư mục kết quả trùng thư mục đầu vào",
    "web.back_to_problems": "Quay lại danh sách lỗi",
    "web.show_in_sheet": "Xem ô này trong trang tính",
    "city.covered_own": "Đơn vị tự bảo đảm bằng lực lượng tại chỗ: {count}  {units}",
    "city.covered_pool": "Đơn vị bảo đảm nhờ lực lượng tăng cường: {count}  {units}",
    "city.still_short": "Đơn vị còn thiếu (số vị trí): {count}  {units}",
    "city.not_solved": "Đơn vị chưa giải được: {count}  {units}",
    "city.pool_per_day": "Số cán bộ tăng cường sử dụng mỗi ngày: {days}",
    "city.requests_above": "Đề nghị cấp trên: {rows} dòng, tổng {people} lượt người",
    "city.more_requests": "... còn {count} dòng trong {file}",
    "city.allocation": (
        "Điều động: {shifts} ca tăng cường lấp {filled} trên {demand} vị trí thiếu; "
        "chứng minh được: lấp được nhiều nhất {most} vị trí ({status})"
    ),
    "city.status.optimal": "tối ưu",
    "city.status.feasible": "chưa chứng minh tối ưu",
    "city.status.unknown": "không tìm được phương án trong thời gian cho phép",
    "city.nothing_to_allocate": "không có gì để điều động",
    "city.problem": "Vấn đề: {problem}",
    "city.failed_unit": "Thất bại: {unit}: {error}",
    "city.failed_allocation": "Thất bại: điều động: {error}",
    "city.stopped.interrupted": "Đã dừng (bị ngắt): phần việc chưa tới lượt được liệt kê",
    "city.stopped.time limit": "Đã dừng (hết thời gian): phần việc chưa tới lượt được liệt kê",
    "city.state.solved": "đã giải",
    "city.state.not solved": "chưa giải",
    "city.state.broken": "tệp lỗi",
    "city.state.failed": "thất bại",
    "city.state.infeasible": "không khả thi",
    "city.workers": (
        "Số tác vụ theo máy: {nodes}; bộ nhớ cao nhất: tiến trình chính {main} MB, "
        "tiến trình phụ tối đa {worker} MB"
    ),
    "city.phases": "Thời gian (giây): {phases}",
    "city.phase.read": "đọc",
    "city.phase.unit solves": "xếp lịch đơn vị",
    "city.phase.allocation": "điều động",
    "city.phase.final solves": "xếp lại với tăng cường",
    "city.phase.writing": "ghi kết quả",
    "city.phase.checks": "kiểm tra",
    "city.checked": (
        "Đã kiểm tra chéo các đơn vị: {units} lịch đơn vị, {rows} ca của cán bộ tăng cường, "
        "không có lỗi"
    ),
    "city.check_problems": "Kiểm tra chéo các đơn vị: {count} lỗi (roster check-city):",
    "city.figure.demand": "số vị trí thiếu trước khi điều động",
    "city.figure.filled": "số vị trí lực lượng tăng cường lấp",
    "city.figure.pool_shifts": "số ca tăng cường",
    "city.figure.uncovered": "số vị trí vẫn thiếu sau điều động",
    "city.figure.stage_status": "điều động, bước {stage}: trạng thái",
    "city.figure.stage_objective": "điều động, bước {stage}: giá trị mục tiêu",
    "city.figure.stage_bound": "điều động, bước {stage}: cận",
    "city.figure.stage_gap": "điều động, bước {stage}: khoảng cách",
    "city.figure.executor": "cách chạy",
    "city.figure.seconds": "thời gian (giây): {phase}",
    "city.figure.check_problems": "kiểm tra chéo các đơn vị: số lỗi",
    "city.figure.tasks": "số tác vụ trên máy {node}",
    "city.figure.tasks_phase": "số tác vụ trên máy {node}: {phase}",
    "city.figure.main_peak": "bộ nhớ cao nhất (MB): tiến trình chính",
    "city.figure.highest_worker": "bộ nhớ cao nhất (MB): tiến trình phụ cao nhất",
    "city.figure.worker_peak": "bộ nhớ cao nhất (MB): tiến trình phụ {pid} trên máy {node}",
    "city.stage.uncovered": "lấp vị trí thiếu",
    "city.stage.preferences": "nguyện vọng",
    "city.not_repooled": (
        "{unit} chưa được xếp lại với lực lượng tăng cường ({reason}): giữ lịch ban đầu, "
        "không cử cán bộ tăng cường đã phân cho đơn vị, các vị trí vẫn thiếu"
    ),
    "city.reason.interrupted": "bị ngắt",
    "city.reason.time limit": "hết thời gian",
    "city.allocation_not_reached": "Chưa tới bước điều động: chưa cử cán bộ tăng cường nào",
}

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
SHORT_WEEKDAYS = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")


def date(day: _date) -> str:
    """09/08/2021: day first, as on every paper in the station."""
    return f"{day:%d/%m/%Y}"


def short_date(day: _date) -> str:
    return f"{day:%d/%m}"
