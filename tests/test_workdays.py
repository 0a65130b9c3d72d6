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


def test_public_holidays_count_when_a_country_is_set():
    christmas = D(2026, 12, 24)  # Thursday; 25 Dec is a holiday in Germany, and 26 Dec a Saturday
    assert Workdays().add(christmas, 1) == D(2026, 12, 25)
    assert Workdays("DE").add(christmas, 1) == D(2026, 12, 28)
    assert not Workdays("de").is_business_day(D(2026, 12, 25))
    assert Workdays("DE").holiday_name(D(2026, 12, 25))


def test_an_unknown_country_falls_back_to_weekends(caplog):
    days = Workdays("ZZ")
    assert days.add(D(2026, 12, 24), 1) == D(2026, 12, 25)
    assert "No public holidays" in caplog.text


def test_between_counts_business_days():
    days = Workdays()
    assert days.between(D(2026, 5, 1), D(2026, 5, 8)) == 5
    assert days.between(D(2026, 5, 8), D(2026, 5, 1)) == -5
