"""Realistic sample data for ``--demo``, the tests and the benchmarks (fixed seed, any size).

Only *facts* are generated here (cards, people, interviews, offers, a few of the user's own
follow-ups); the follow-ups that the rules derive from those facts come from the rules engine.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from decimal import Decimal

from jobfollow.core.stages import STAGE_KIND_LABELS, Channel, ContactRole, InterviewFormat, Outcome, StageKind
from jobfollow.core.timeline_text import TEXT_KEY, TextFact
from jobfollow.i18n import N_, _
from jobfollow.store.models import (
    Activity,
    ApplicationContact,
    Contact,
    FollowUp,
    Interview,
    InterviewAttendee,
    JobApplication,
    Offer,
    Stage,
    StageHistory,
)
from jobfollow.store.seed import ensure_default_stages

COMPANIES = [
    "Northwind Traders", "Contoso Pharmaceuticals", "Fabrikam Residences", "Tailspin Toys",
    "Wide World Importers", "Adventure Works Cycles", "Lucerne Publishing", "Margie's Travel",
    "Alpine Ski House", "Blue Yonder Airlines", "Coho Winery", "Graphic Design Institute",
    "Humongous Insurance", "Litware Inc.", "Proseware, Inc.", "Southridge Video",
    "Trey Research", "VanArsdel, Ltd.", "Woodgrove Bank", "Consolidated Messenger",
    "The Phone Company", "Fourth Coffee", "Relecloud", "Wingtip Toys",
    "International Federation of Municipal Water and Wastewater Engineering Associations",
    "Bellows College", "Best For You Organics Company", "First Up Consultants",
]
POSITIONS = [
    "Marketing Coordinator", "Senior Data Analyst", "Product Designer", "Backend Engineer (Python)",
    "Event Planner", "Customer Success Manager", "Operations Lead", "UX Researcher",
    "Financial Analyst", "Communications Specialist for Regional Infrastructure Programmes",
    "Project Manager", "Technical Writer", "Sales Development Representative", "HR Generalist",
]
FIRST = ["Amy", "Pete", "Bob", "Dana", "Luis", "Mei", "Omar", "Priya", "Sven", "Chloé", "Tomasz", "Ngozi",
         "Hannah", "Kenji", "Fatima", "Jonas", "Isabel", "Ravi", "Aoife", "Marco"]
LAST = ["Okafor", "Lindqvist", "García", "Nakamura", "Schmidt", "Dubois", "Kowalski", "Haddad", "Fischer",
        "O'Brien", "Rossi", "Patel", "Novak", "Jensen", "Moreau", "Silva", "Müller", "Chen"]
TITLES = {
    ContactRole.INTERVIEWER: ["Team Lead", "Senior Engineer", "Head of Marketing", "Design Director", "Analyst"],
    ContactRole.RECRUITER: ["Talent Acquisition Partner", "HR Coordinator", "Recruiter"],
    ContactRole.HIRING_MANAGER: ["Hiring Manager", "VP Operations", "Engineering Manager"],
    ContactRole.REFERENCE: ["Former manager", "Professor", "Former colleague"],
    ContactRole.NETWORK: ["Friend at the company", "Ex-colleague now there"],
}
TOPICS = [
    "the plan to move reporting to a single dashboard",
    "their 500-person customer conference next spring",
    "how the team splits on-call duty",
    "the redesign of the onboarding flow",
    "expanding into the Nordic market",
]
MISSED = [
    "I led the migration of 40 event budgets to one tool",
    "my certification in project management",
    "the accessibility audit I ran last year",
]
QUESTIONS = (
    "Tell me about a project that went wrong. - Talked about the venue cancellation; could be shorter.\n"
    "Why this company? - Mentioned their community programme.\n"
    "What salary do you expect? - Deferred until an offer."
)
# How many cards of every 25 land in each stage kind (the demo's mix).
STAGE_MIX = [
    (StageKind.APPLIED, 6), (StageKind.INTERVIEW_SCHEDULED, 4), (StageKind.INTERVIEWED, 6),
    (StageKind.NEXT_ROUND, 3), (StageKind.OFFER, 2), (StageKind.ACCEPTED, 0), (StageKind.CLOSED, 4),
]


def _stage_kinds(count: int, rng: random.Random) -> list[StageKind]:
    pattern = [kind for kind, n in STAGE_MIX for _ in range(n)]
    kinds = [pattern[i % len(pattern)] for i in range(count)]
    rng.shuffle(kinds)
    return kinds


def _on_a_weekday(when: dt.datetime, later: bool) -> dt.datetime:
    """Interviews fall on working days: a Saturday or Sunday moves to the Monday after (upcoming ones)
    or the Friday before (past ones, so they stay in the past)."""
    weekday = when.weekday()
    if weekday < 5:
        return when
    return when + dt.timedelta(days=7 - weekday) if later else when - dt.timedelta(days=weekday - 4)


def _person(rng: random.Random, role: ContactRole, company: str) -> dict:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    domain = "".join(ch for ch in company.lower().split(",")[0] if ch.isalnum())[:18] or "example"
    return {
        "name": f"{first} {last}",
        "title": rng.choice(TITLES.get(role, ["Contact"])),
        "organisation": company if role not in (ContactRole.REFERENCE,) else "",
        "email": f"{first.lower()}.{last.lower().replace(chr(39), '')}@{domain}.example",
        "phone": f"+1 555 01{rng.randint(10, 99)}",
        "preferred_channel": rng.choice(["", "", Channel.EMAIL.value, Channel.PHONE.value]),
        "notes": "",
    }


STREETS = ["Market Street 12", "Hauptstraße 5", "Rue de la Paix 8", "Calle Mayor 21", "King Street West 400",
           "Congress Avenue 1100"]
TOWNS = ["10115 Berlin", "69002 Lyon", "28013 Madrid", "Toronto, ON M5V 2T6", "Austin, TX 78701"]


def _work_search_facts(rng: random.Random, company: str) -> dict:
    """How the demo user applied and where the employer is: most cards have it, a few lack it (as in life)."""
    domain = "".join(ch for ch in company.lower().split(",")[0] if ch.isalnum())[:18] or "example"
    if rng.random() < 0.25:
        return {}
    return {"how_applied": rng.choice(["online", "online", "email", "post", "in_person"]),
            "employer_address": f"{rng.choice(STREETS)}\n{rng.choice(TOWNS)}",
            "employer_website": f"https://www.{domain}.example"}


def _history_path(kind: StageKind, applied: dt.datetime, rounds: list[dt.datetime],
                  entered: dt.datetime) -> list[tuple[StageKind, dt.datetime]]:
    """The stages a demo card passed through, in order and dated around its interviews."""
    day = dt.timedelta(days=1)
    path = [(StageKind.APPLIED, applied)]
    for number, when in enumerate(rounds):
        invited = max(min(when - 6 * day, entered), path[-1][1] + day)  # invited before today
        path.append((StageKind.NEXT_ROUND if number else StageKind.INTERVIEW_SCHEDULED, invited))
        if when <= entered or kind not in (StageKind.INTERVIEW_SCHEDULED, StageKind.NEXT_ROUND):  # held
            path.append((StageKind.INTERVIEWED, max(when + dt.timedelta(hours=2), path[-1][1] + day)))
    if path[-1][0] != kind:
        path.append((kind, max(entered, path[-1][1] + day)))
    return path


def _write_history(app: JobApplication, stages: dict[StageKind, int],
                   path: list[tuple[StageKind, dt.datetime]]) -> None:
    for position, (kind, when) in enumerate(path):
        is_last = position == len(path) - 1
        StageHistory.create(application=app, stage=stages[kind], stage_kind=kind.value,
                            stage_name=STAGE_KIND_LABELS[kind], outcome=app.outcome if is_last else None,
                            entered_at=when, origin="board")


def fill_sample_data(count: int = 25, *, seed: int = 7, today: dt.date | None = None) -> dict[str, int]:
    """Fill the open database with ``count`` applications across every stage; returns row counts."""
    rng = random.Random(seed)
    # The work-search facts draw from their own generator, so the rest of the demo stays as it always was.
    facts_rng = random.Random(seed + 1)
    today = today or dt.date.today()
    ensure_default_stages()
    stages = {StageKind(s.kind): s.id for s in Stage.select().order_by(Stage.position.desc())}
    db = Stage._meta.database
    counts = dict.fromkeys(("applications", "contacts", "interviews", "offers", "followups"), 0)
    references = []
    with db.atomic():
        for _n in range(3):
            references.append(Contact.create(**_person(rng, ContactRole.REFERENCE, "")).id)
        for index, kind in enumerate(_stage_kinds(count, rng)):
            company = COMPANIES[index % len(COMPANIES)]
            if index >= len(COMPANIES):
                company = f"{company} {index // len(COMPANIES) + 1}"
            applied = today - dt.timedelta(days=rng.randint(10, 60) + 10)  # before every past round
            entered = dt.datetime.combine(today - dt.timedelta(days=rng.randint(0, 12)), dt.time(9, 0))
            app = JobApplication.create(
                company=company,
                position_title=rng.choice(POSITIONS),
                stage=stages[kind],
                rank=float(index),
                stage_entered_at=entered,
                applied_on=applied,
                location=rng.choice(["Remote", "Berlin", "Lyon", "Madrid", "Toronto", "Austin, TX"]),
                salary_range=rng.choice(["", "55,000-65,000 USD", "70k-85k EUR"]),
                source=rng.choice(["Company site", "Referral", "Job board", "Recruiter"]),
                tags=rng.choice(["", "remote", "dream job", "remote, startup", "nonprofit"]),
                notes=rng.choice(["", "Strong mission; team of 8.", "Long commute but great manager."]),
                priority=1 if rng.random() < 0.2 else 0,
                **_work_search_facts(facts_rng, company),
                outcome=rng.choice(list(Outcome)).value if kind == StageKind.CLOSED else None,
                last_activity_at=entered,
                created_at=dt.datetime.combine(applied, dt.time(8, 0)),
            )
            counts["applications"] += 1
            added = TextFact(N_("Added {position} at {company}"), {"position": app.position_title, "company": company})
            Activity.create(application=app, kind="created", summary=added.render(),
                            data=json.dumps({TEXT_KEY: added.as_data()}, ensure_ascii=False),
                            occurred_at=dt.datetime.combine(applied, dt.time(8, 0)))
            recruiter = Contact.create(**_person(rng, ContactRole.RECRUITER, company))
            ApplicationContact.create(application=app, contact=recruiter, role=ContactRole.RECRUITER.value)
            counts["contacts"] += 1
            if kind == StageKind.APPLIED:
                _write_history(app, stages, [(StageKind.APPLIED, app.created_at)])
                continue
            round_times = []
            rounds = {StageKind.NEXT_ROUND: 2, StageKind.OFFER: 2, StageKind.ACCEPTED: 3}.get(kind, 1)
            for number in range(rounds):
                if kind == StageKind.INTERVIEW_SCHEDULED:
                    when = dt.datetime.combine(today + dt.timedelta(days=rng.randint(1, 9)), dt.time(10, 30))
                elif kind == StageKind.NEXT_ROUND and number == rounds - 1:
                    # the round the card is waiting for is still to come
                    when = dt.datetime.combine(today + dt.timedelta(days=rng.randint(1, 8) + 1), dt.time(10, 30))
                else:
                    when = dt.datetime.combine(
                        today - dt.timedelta(days=rng.randint(1, 8) + 7 * (rounds - 1 - number)), dt.time(14, 0)
                    )
                when = _on_a_weekday(when, later=when.date() > today)
                round_times.append(when)
                past = when.date() <= today
                decided_by = when.date() + dt.timedelta(days=rng.choice([7, 10, 14]))
                interview = Interview.create(
                    application=app,
                    starts_at=when,
                    format=rng.choice(list(InterviewFormat)).value,
                    questions=QUESTIONS if past else "",
                    observations="Open-plan office, quiet; people seemed relaxed." if past else "",
                    missed_points=rng.choice(MISSED) if past else "",
                    specific_topic=rng.choice(TOPICS) if past else "",
                    decision_date=decided_by if past and rng.random() < 0.5 else None,
                )
                counts["interviews"] += 1
                for _n in range(rng.randint(1, 3)):
                    person = Contact.create(**_person(rng, ContactRole.INTERVIEWER, company))
                    ApplicationContact.create(application=app, contact=person, role=ContactRole.INTERVIEWER.value)
                    InterviewAttendee.create(interview=interview, contact=person)
                    counts["contacts"] += 1
            if kind in (StageKind.INTERVIEWED, StageKind.NEXT_ROUND, StageKind.OFFER):
                for ref in rng.sample(references, 2):
                    ApplicationContact.get_or_create(application=app, contact=ref, role=ContactRole.REFERENCE.value)
            if index % 5 == 1:
                network = Contact.create(**_person(rng, ContactRole.NETWORK, company))
                ApplicationContact.create(application=app, contact=network, role=ContactRole.NETWORK.value)
            if kind == StageKind.OFFER:
                Offer.create(
                    application=app,
                    currency=rng.choice(["USD", "USD", "EUR"]),
                    base_salary=Decimal(rng.randrange(62000, 98000, 500)),
                    bonus_target=Decimal(rng.choice([0, 3000, 5000])),
                    signing_bonus=Decimal(rng.choice([0, 2500])),
                    retirement_match=Decimal(rng.choice([1500, 2400])),
                    benefits_value=Decimal(rng.choice([4000, 6500])),
                    paid_days_off=rng.choice([20, 25, 28]),
                    relocation=Decimal(rng.choice([0, 3000])),
                    commute_minutes=rng.choice([0, 25, 50]),
                    offer_date=today - dt.timedelta(days=2),
                    deadline=today + dt.timedelta(days=rng.choice([2, 5])) if rng.random() < 0.7 else None,
                    is_written=rng.random() < 0.6,
                    ratings=json.dumps({"growth": rng.randint(2, 5), "commute": rng.randint(2, 5),
                                        "flexibility": rng.randint(2, 5)}),
                )
                counts["offers"] += 1
            _write_history(app, stages, _history_path(kind, app.created_at, round_times, entered))
            if index % 7 == 3:
                overdue = index % 2 == 1
                FollowUp.create(
                    application=app,
                    contact=recruiter,
                    kind="custom",
                    # the user's own follow-up: written once, in the language the demo is made in
                    title=_("Send {name} the portfolio link").format(name=recruiter.name.split()[0]),
                    reason=_("Promised during the phone screen"),
                    channel=Channel.EMAIL.value,
                    due_on=today - dt.timedelta(days=3) if overdue else today + dt.timedelta(days=4),
                )
                counts["followups"] += 1
    return counts


def settle_demo_history(today: dt.date | None = None) -> int:
    """Make the demo look like a user a few weeks in: follow-ups due more than three days ago were
    dealt with (thank-yous sent, checks made), so the agenda shows a realistic handful overdue.
    Returns how many were marked done."""
    from jobfollow.core.profile import UserDetails
    from jobfollow.store.followups import mark_done, refresh_followups
    from jobfollow.store.settings import get_user_details, set_user_details

    today = today or dt.date.today()
    if not get_user_details().name:  # letters sign with the demo user's name, as a real profile would
        set_user_details(UserDetails(name="Alex Morgan", email="alex.morgan@example.org", phone="+1 555 0142"))
    settled = 0
    long_ago = today - dt.timedelta(days=3)
    for _round in range(8):  # a check marked done long ago schedules the next one, maybe long ago too
        refresh_followups(today=today)
        query = FollowUp.select().where((FollowUp.state == "open") & (FollowUp.due_on < long_ago)
                                        & FollowUp.rule_key.is_null(False))
        done_now = 0
        for followup in query:
            mark_done(followup.id, "sent" if followup.channel == Channel.EMAIL.value else "done",
                      when=dt.datetime.combine(followup.due_on, dt.time(17, 0)))
            done_now += 1
        settled += done_now
        if not done_now:
            break
    refresh_followups(today=today)  # answered checks schedule the next ones
    return settled
