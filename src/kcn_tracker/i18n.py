"""Every word the report shows, in Vietnamese and in English."""

from __future__ import annotations

LANGUAGES = ("vi", "en")

WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "indicator": "Chỉ tiêu",
        "period": "Kỳ",
        "target": "Kế hoạch",
        "actual": "Thực hiện",
        "progress": "Tiến độ",
        "attainment": "% KH",
        "overshoot": "Vượt/hụt",
        "status": "Trạng thái",
        "source": "Nguồn",
        "scope": "Phạm vi",
        "project": "Dự án",
        "zone": "KCN",
        "reported": "Báo cáo",
        "province": "Tỉnh",
        "title": "{name}: thực hiện kế hoạch, tính đến {as_of}",
        "targets_none": "Chưa đặt chỉ tiêu nào trong kế hoạch của tỉnh.",
        "other_actuals": "{name}: số liệu khác, chưa đặt chỉ tiêu",
        "unrecovered_title": "{name}: dự án chưa hoàn thành thu hồi",
        "unrecovered_all": "Dự án chưa hoàn thành thu hồi, tính đến {as_of}",
        "unrecovered_none": "Không có dự án nào đang chờ thu hồi.",
        "no_data": "chưa có số liệu",
        "no_target": "chưa đặt chỉ tiêu",
        "implied": "suy ra",
        "not_known": "chưa rõ",
        "targets_none_year": "Không có chỉ tiêu nào cho năm {year}.",
        "since": "Từ",
        "estimated": "ước",
        "partial": "số liệu đến {date}",
        "documents": "Nguồn",
    },
    "en": {
        "indicator": "Indicator",
        "period": "Period",
        "target": "Target",
        "actual": "Actual",
        "progress": "Progress",
        "attainment": "% of plan",
        "overshoot": "± plan",
        "status": "Status",
        "source": "Source",
        "scope": "Scope",
        "project": "Project",
        "zone": "Zone",
        "reported": "Reported",
        "province": "Province",
        "title": "{name}: plan attainment as of {as_of}",
        "targets_none": "No target set in this province's plan.",
        "other_actuals": "{name}: other reported figures, no target set",
        "unrecovered_title": "{name}: projects whose revocation is not completed",
        "unrecovered_all": "Projects whose revocation is not completed, as of {as_of}",
        "unrecovered_none": "No project is awaiting revocation.",
        "no_data": "no data",
        "no_target": "no target set",
        "implied": "implied",
        "not_known": "not known yet",
        "targets_none_year": "No target for {year}.",
        "since": "Since",
        "estimated": "est.",
        "partial": "data to {date}",
        "documents": "Sources",
    },
}

COMPARATORS = {
    "vi": {"about": "khoảng", "at_least": "ít nhất", "over": "trên", "at_most": "tối đa",
           "exact": ""},
    "en": {"about": "about", "at_least": "at least", "over": "over", "at_most": "at most",
           "exact": ""},
}

QUALIFIERS = {
    "vi": {"about": "khoảng", "over": "hơn", "nearly": "gần", "at_least": "ít nhất",
           "exact": ""},
    "en": {"about": "about", "over": "over", "nearly": "nearly", "at_least": "at least",
           "exact": ""},
}

STATUSES = {
    "vi": {"exceeded": "Vượt", "met": "Đạt", "on_track": "Đúng tiến độ", "behind": "Chậm",
           "missed": "Không đạt", "no_data": "Chưa có số liệu"},
    "en": {"exceeded": "Exceeded", "met": "Met", "on_track": "On track", "behind": "Behind",
           "missed": "Missed", "no_data": "No data"},
}

SCOPES = {
    "vi": {"kcn": "các KCN", "ccn": "các CCN", "province": "toàn tỉnh"},
    "en": {"kcn": "all industrial zones", "ccn": "all industrial clusters",
           "province": "whole province"},
}
