import datetime as dt

from jobfollow.core.workdays import Workdays

D = dt.date


def test_weekends_do_not_count():
    days = Workdays()
    assert days.add(D(2026, 5, 1), 1) == D(2026, 5, 4)  # Friday + 1 -> Monday
    assert days.add(D(2026, 5, 2), 1) == D(2026, 5, 4)  # from a Saturday
    assert days.add(D(2026, 5, 4), 5) == D(2026, 5, 11)
    assert days.next_business_day(D(2026, 5, 3)) == D(2026, 5, 4)
    assert days.next_business_day(D(2026, 5, 5)) == D(2026, 5, 5)


def _a_weekday_holiday(country: str, year: int) -> dt.date:
    """A public holiday on a Tuesday to Friday, as the installed holidays release lists it (lists change)."""
    import holidays

    return min(day for day in holidays.country_holidays(country, years=[year]) if 1 <= day.weekday() <= 4)


def test_public_holidays_count_when_a_country_is_set():
    holiday = _a_weekday_holiday("DE", 2026)
    eve = holiday - dt.timedelta(days=1)
    after = Workdays("DE").add(eve, 1)
    assert Workdays().add(eve, 1) == holiday  # weekends only: the holiday is a working day
    assert after > holiday and Workdays("DE").is_business_day(after)
    assert not Workdays("de").is_business_day(holiday)
    assert Workdays("DE").holiday_name(holiday)


def test_an_unknown_country_falls_back_to_weekends(caplog):
    days = Workdays("ZZ")
    assert days.add(D(2026, 12, 24), 1) == D(2026, 12, 25)
    assert "No public holidays" in caplog.text


def test_between_counts_business_days():
    days = Workdays()
    assert days.between(D(2026, 5, 1), D(2026, 5, 8)) == 5
    assert days.between(D(2026, 5, 8), D(2026, 5, 1)) == -5
