"""Working days per the Algemene termijnenwet and the five-working-day notification term."""

import datetime as dt

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kwalibo.passport.domain.working_days import (
    easter_sunday,
    is_working_day,
    kings_day,
    notification_earliest_start,
    notification_in_time,
    notification_latest_filing_day,
    public_holidays,
)

D = dt.date


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2008, D(2008, 3, 23)),
        (2019, D(2019, 4, 21)),
        (2024, D(2024, 3, 31)),
        (2038, D(2038, 4, 25)),
    ],
)
def test_easter_sunday_matches_the_gregorian_calendar(year: int, easter: dt.date) -> None:
    assert easter_sunday(year) == easter


@pytest.mark.parametrize(
    ("year", "day"),
    [
        (2013, D(2013, 4, 30)),  # Koninginnedag, a Tuesday
        (2006, D(2006, 4, 29)),  # 30 April 2006 was a Sunday
        (2014, D(2014, 4, 26)),  # 27 April 2014 was a Sunday
        (2024, D(2024, 4, 27)),
        (2025, D(2025, 4, 26)),  # 27 April 2025 is a Sunday
    ],
)
def test_kings_day_moves_to_saturday_when_it_falls_on_a_sunday(year: int, day: dt.date) -> None:
    assert kings_day(year) == day


def test_the_holidays_of_2025_are_those_of_atw_article_3() -> None:
    assert sorted(public_holidays(2025)) == [
        D(2025, 1, 1),
        D(2025, 4, 18),  # Good Friday, Atw art 3 lid 2
        D(2025, 4, 21),
        D(2025, 4, 26),
        D(2025, 5, 5),
        D(2025, 5, 29),
        D(2025, 6, 9),
        D(2025, 12, 25),
        D(2025, 12, 26),
    ]


def test_liberation_day_counts_every_year_not_only_every_five_years() -> None:
    assert not is_working_day(D(2026, 5, 5))  # a Tuesday in a year that is no lustrum
    assert not is_working_day(D(2025, 5, 5))


def test_calendar_differs_from_the_holidays_package_only_by_5_may_outside_lustrum_years() -> None:
    years = range(2010, 2036)
    ours = {d for y in years for d in public_holidays(y) if d.weekday() < 5}
    package = {d for d in holidays.NL(years=years) if d.weekday() < 5}
    liberation = {D(y, 5, 5) for y in years if D(y, 5, 5).weekday() < 5}
    # 5 May 2016 was also Ascension Day, a holiday in both calendars.
    assert ours - package == {d for d in liberation if d.year % 5 != 0} - {D(2016, 5, 5)}
    assert package - ours == set()


@pytest.mark.parametrize(
    ("starts_on", "latest"),
    [
        (D(2025, 3, 17), D(2025, 3, 10)),  # ordinary week: Monday → the Monday before
        (D(2025, 3, 15), D(2025, 3, 10)),  # a Saturday start counts back from Friday
        (D(2025, 6, 16), D(2025, 6, 6)),  # Whit Monday 9 June is skipped
        (D(2025, 4, 22), D(2025, 4, 11)),  # Good Friday and Easter Monday are skipped
        (D(2026, 5, 11), D(2026, 5, 1)),  # 5 May 2026 is skipped
        (D(2025, 1, 2), D(2024, 12, 23)),  # Christmas and New Year
    ],
)
def test_latest_filing_day_is_five_working_days_before_the_start(
    starts_on: dt.date, latest: dt.date
) -> None:
    assert notification_latest_filing_day(starts_on) == latest
    assert notification_in_time(filed_on=latest, starts_on=starts_on)
    assert not notification_in_time(filed_on=latest + dt.timedelta(days=1), starts_on=starts_on)


def test_a_term_counted_back_is_not_extended_over_a_holiday() -> None:
    # Atw art 1 lid 2: the term ends on Friday 6 June even though Monday 9 June is a holiday
    # and Saturday/Sunday follow; filing on Saturday 7 June is late.
    assert not notification_in_time(filed_on=D(2025, 6, 7), starts_on=D(2025, 6, 16))


def test_equated_days_can_be_added() -> None:
    extra = [D(2025, 3, 12)]
    assert notification_latest_filing_day(D(2025, 3, 17), extra_holidays=extra) == D(2025, 3, 7)


@given(st.dates(min_value=D(2008, 1, 1), max_value=D(2040, 12, 1)))
def test_earliest_start_is_the_first_day_in_time(filed_on: dt.date) -> None:
    start = notification_earliest_start(filed_on)
    assert notification_in_time(filed_on=filed_on, starts_on=start)
    assert not notification_in_time(filed_on=filed_on, starts_on=start - dt.timedelta(days=1))


def test_earliest_start_after_filing_on_a_friday_is_the_next_friday() -> None:
    assert notification_earliest_start(D(2025, 3, 7)) == D(2025, 3, 14)
