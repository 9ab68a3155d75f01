"""Monitoring reads: the numbers on the home pages, and query counts that do not grow with the data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kinerja.monitoring import selectors, services
from kinerja.monitoring.capaian import CapaianCategory
from kinerja.monitoring.tests.factories import (
    DialogueActionFactory,
    DialogueFactory,
    FeedbackFactory,
    ProgressEntryFactory,
)
from kinerja.organization import selectors as org_selectors

pytestmark = pytest.mark.django_db


def _entries(cast, count: int) -> None:
    today = org_selectors.today()
    for n in range(count):
        day = max(today - dt.timedelta(days=n % 5), cast.period.start_date)
        ProgressEntryFactory(item=cast.staff_items[n % 2], day=day)


def test_plan_progress_shows_capaian_and_category_per_iki(monitoring_cast):
    alice = monitoring_cast.user("staff")
    for indicator, value in zip(monitoring_cast.staff_indicators, ["9", "8", "5"], strict=True):
        services.realization_set(actor=alice, indicator=indicator, period=monitoring_cast.period, value=value)
    _entries(monitoring_cast, 5)
    rows = selectors.plan_progress(monitoring_cast.staff_plan, monitoring_cast.period)
    first = rows[0].indicators
    assert (first[0].capaian, first[0].category) == (Decimal("75.00"), CapaianCategory.POOR)
    assert (first[1].capaian, first[1].nilai) == (Decimal("120.00"), Decimal("120.00"))  # 8 days on 10, lower better
    assert rows[1].indicators[0].capaian == Decimal("100.00")  # 5 in the range 4–6
    assert rows[0].entries_count + rows[1].entries_count == 5
    assert len(rows[0].latest_entries) <= selectors.LATEST_ENTRIES


def test_plan_progress_query_count_does_not_grow_with_entries(monitoring_cast, django_assert_max_num_queries):
    _entries(monitoring_cast, 3)
    with django_assert_max_num_queries(8) as small:
        selectors.plan_progress(monitoring_cast.staff_plan, monitoring_cast.period)
    _entries(monitoring_cast, 30)
    with django_assert_max_num_queries(len(small.captured_queries)):
        selectors.plan_progress(monitoring_cast.staff_plan, monitoring_cast.period)


def test_missing_lists_iki_without_realisasi_and_this_weeks_gaps(monitoring_cast):
    services.realization_set(
        actor=monitoring_cast.user("staff"), indicator=monitoring_cast.staff_indicators[0],
        period=monitoring_cast.period, value=1,
    )  # fmt: skip
    missing = selectors.missing_for(monitoring_cast.employee("staff"), monitoring_cast.period)
    assert missing.indicators == monitoring_cast.staff_indicators[1:]
    today = org_selectors.today()
    start, _ = selectors.week_of(today)
    assert missing.days == selectors.working_days(start, today)


def test_team_glance_counts_each_member_with_a_fixed_number_of_queries(monitoring_cast, django_assert_max_num_queries):
    _entries(monitoring_cast, 4)
    services.realization_set(
        actor=monitoring_cast.user("staff"), indicator=monitoring_cast.staff_indicators[0],
        period=monitoring_cast.period, value=1,
    )  # fmt: skip
    with django_assert_max_num_queries(12):
        rows = selectors.team_glance(monitoring_cast.employee("supervisor"), monitoring_cast.period)
    by_name = {row.member.name: row for row in rows}
    assert set(by_name) == {"Alice", "Carol"}
    assert (by_name["Alice"].realisasi_filled, by_name["Alice"].realisasi_total) == (1, 3)
    assert by_name["Alice"].waiting == 4
    assert (by_name["Carol"].realisasi_total, by_name["Carol"].progress_days) == (0, 0)


def test_team_progress_by_day_groups_entries_per_member(monitoring_cast):
    today = org_selectors.today()
    ProgressEntryFactory(item=monitoring_cast.staff_items[0], day=today)
    rows = selectors.team_progress_by_day(monitoring_cast.employee("supervisor"), today)
    assert [(r.member.name, len(r.entries)) for r in rows] == [("Alice", 1), ("Carol", 0)]


def test_the_calendar_marks_past_working_days_without_entries_as_gaps(monitoring_cast):
    today = org_selectors.today()
    ProgressEntryFactory(item=monitoring_cast.staff_items[0], day=today)
    weeks = selectors.progress_calendar(monitoring_cast.employee("staff"), today)
    days = {cell.day: cell for week in weeks for cell in week}
    assert all(len(week) == 7 for week in weeks)
    assert days[today].entries == 1 and not days[today].is_gap
    for cell in days.values():
        if cell.in_month and cell.day < today and cell.day.weekday() < 5:
            assert cell.is_gap


def test_feedback_counts_per_supervisor_in_scope(monitoring_cast):
    sam = monitoring_cast.user("supervisor")
    for _n in range(2):
        FeedbackFactory(work_plan=monitoring_cast.staff_plan, item=monitoring_cast.staff_items[0], author=sam)
    today = org_selectors.today()
    rows = selectors.feedback_counts_per_supervisor([monitoring_cast.opd_a], today, today)
    assert rows == [{"author_id": sam.pk, "author_name": "Sam", "count": 2}]
    assert selectors.feedback_counts_per_supervisor([monitoring_cast.opd_b], today, today) == []


def test_open_actions_show_for_both_people_until_closed(monitoring_cast):
    dialogue = DialogueFactory(
        employee=monitoring_cast.employee("staff"), led_by=monitoring_cast.employee("supervisor")
    )
    action = DialogueActionFactory(dialogue=dialogue, owner=monitoring_cast.employee("staff"))
    assert list(selectors.open_actions_for(monitoring_cast.employee("staff"))) == [action]
    assert list(selectors.open_actions_for(monitoring_cast.employee("supervisor"))) == [action]
    services.dialogue_action_close(actor=monitoring_cast.user("staff"), action=action)
    assert not selectors.open_actions_for(monitoring_cast.employee("staff")).exists()
