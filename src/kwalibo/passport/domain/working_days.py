"""Working days and the notification term "at least five working days ahead" (Bbk art 42 lid 1).

The Bbk does not define a working day; the Algemene termijnenwet (Atw, BWBR0002448) does
the counting for terms set in an act or, by its art 5, in an order in council such as the
Bbk. Following the Atw:

* a day that is not a working day is a Saturday, a Sunday or a generally recognised public
  holiday (*algemeen erkende feestdag*) [Atw art 1 lid 1, art 2];
* the public holidays are New Year's Day, Easter Monday and Whit Monday ("de Christelijke
  tweede Paas- en Pinksterdag"), both Christmas days, Ascension Day, the day on which the
  King's birthday is celebrated, and **the fifth of May, every year** [Atw art 3 lid 1];
  the Atw has no five-yearly rule for Liberation Day (that rule belongs to collective labour
  agreements, not to the Atw); **Good Friday** is equated with them [Atw art 3 lid 2];
* the King's birthday is celebrated on 27 April, or on 26 April when the 27th is a Sunday
  (from 2014); 1980-2013 the Queen's birthday on 30 April, or 29 April when the 30th is a
  Sunday;
* a term counted back from an event (such as "five working days before the application")
  is not extended when it ends on a holiday [Atw art 1 lid 2].

Counting: the latest day on which a notification is in time is found by stepping back five
working days from the first day of the application; a notification filed on that day or
earlier is in time. So for an application starting on Monday, a notification filed on the
Monday before is in time and one filed on the Tuesday before is late. Days equated by a
royal decree under Atw art 3 lid 3 can be passed as `extra_holidays`.

The third-party `holidays` package is deliberately not the source here: it counts 5 May only
every five years, which is not the Atw (the tests compare both calendars).
"""

import datetime as dt
from collections.abc import Iterable
from functools import cache

from kwalibo.common.domain.errors import N_, DomainError

#: Minimum lead time of a notification of application or temporary storage (Bbk art 42 lid 1;
#: data/meldingen.csv).
NOTIFICATION_WORKING_DAYS = 5
#: Years for which the King's (Queen's) birthday rule above is known.
FIRST_SUPPORTED_YEAR = 1980


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def kings_day(year: int) -> dt.date:
    """The day the King's (until 2013 the Queen's) birthday is celebrated (Atw art 3 lid 1)."""
    if year < FIRST_SUPPORTED_YEAR:
        raise DomainError(N_("Public holidays before %(year)s are not supported."), year=year)
    day = dt.date(year, 4, 27) if year >= 2014 else dt.date(year, 4, 30)
    return day - dt.timedelta(days=1) if day.weekday() == 6 else day


@cache
def public_holidays(year: int) -> dict[dt.date, str]:
    """The generally recognised public holidays of `year` with their Dutch names (Atw art 3)."""
    easter = easter_sunday(year)
    return {
        dt.date(year, 1, 1): "Nieuwjaarsdag",
        easter - dt.timedelta(days=2): "Goede Vrijdag",
        easter + dt.timedelta(days=1): "Tweede Paasdag",
        kings_day(year): "Koningsdag" if year >= 2014 else "Koninginnedag",
        dt.date(year, 5, 5): "Bevrijdingsdag",
        easter + dt.timedelta(days=39): "Hemelvaartsdag",
        easter + dt.timedelta(days=50): "Tweede Pinksterdag",
        dt.date(year, 12, 25): "Eerste Kerstdag",
        dt.date(year, 12, 26): "Tweede Kerstdag",
    }


def is_working_day(day: dt.date, *, extra_holidays: Iterable[dt.date] = ()) -> bool:
    """Whether `day` is not a Saturday, Sunday or public holiday (Atw art 1, 3)."""
    return day.weekday() < 5 and day not in public_holidays(day.year) and day not in extra_holidays


def working_days_before(
    day: dt.date, count: int, *, extra_holidays: Iterable[dt.date] = ()
) -> dt.date:
    """The working day `count` working days before `day` (stepping back over non-working days)."""
    if count < 1:
        raise ValueError("count must be at least 1")
    extra = frozenset(extra_holidays)
    current, found = day, 0
    while found < count:
        current -= dt.timedelta(days=1)
        if is_working_day(current, extra_holidays=extra):
            found += 1
    return current


def working_days_after(
    day: dt.date, count: int, *, extra_holidays: Iterable[dt.date] = ()
) -> dt.date:
    """The working day `count` working days after `day`."""
    if count < 1:
        raise ValueError("count must be at least 1")
    extra = frozenset(extra_holidays)
    current, found = day, 0
    while found < count:
        current += dt.timedelta(days=1)
        if is_working_day(current, extra_holidays=extra):
            found += 1
    return current


def notification_latest_filing_day(
    starts_on: dt.date, *, extra_holidays: Iterable[dt.date] = ()
) -> dt.date:
    """The last day on which a notification for an application starting on `starts_on` is in time."""
    return working_days_before(starts_on, NOTIFICATION_WORKING_DAYS, extra_holidays=extra_holidays)


def notification_earliest_start(
    filed_on: dt.date, *, extra_holidays: Iterable[dt.date] = ()
) -> dt.date:
    """The first day on which an application notified on `filed_on` may start.

    The inverse of `notification_latest_filing_day`, which never decreases as the start day
    moves later: the first day whose latest filing day is on or after `filed_on`.
    """
    extra = frozenset(extra_holidays)
    day = filed_on + dt.timedelta(days=1)
    while notification_latest_filing_day(day, extra_holidays=extra) < filed_on:
        day += dt.timedelta(days=1)
    return day


def notification_in_time(
    *, filed_on: dt.date, starts_on: dt.date, extra_holidays: Iterable[dt.date] = ()
) -> bool:
    """Whether a notification filed on `filed_on` is at least five working days ahead of `starts_on`."""
    return filed_on <= notification_latest_filing_day(starts_on, extra_holidays=extra_holidays)
