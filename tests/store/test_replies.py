"""Their reply, kept: a saved e-mail from a person on the card, after a status check, is logged as their reply."""

import datetime as dt
from email.message import EmailMessage
from email.utils import format_datetime

from jobfollow.core.documents import DocumentKind
from jobfollow.store.application_details import ApplicationDetails, add_application
from jobfollow.store.documents import attach_file, documents_of
from jobfollow.store.models import Activity, FollowUp
from jobfollow.store.people import ContactCard, link_contact, save_contact
from jobfollow.store.replies import log_reply_from_email


def write_eml(path, sender, when, subject="Re: Analyst role"):
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "jane@example.org"
    message["Subject"] = subject
    message["Date"] = format_datetime(when.astimezone())
    message.set_content("Thanks for checking in; we decide on Friday.")
    path.write_bytes(message.as_bytes())
    return path


def _card_with_status_check(done_at):
    app = add_application(ApplicationDetails(company="Contoso", position_title="Analyst"))
    amy = save_contact(ContactCard(name="Amy Chen", email="Amy.Chen@contoso.example"))
    link_contact(app, amy.id, "recruiter")
    FollowUp.create(application=app, kind="status_check", due_on=done_at.date(), state="done", result="sent",
                    done_at=done_at)
    return app


def test_an_email_from_a_person_on_the_card_after_a_status_check_is_their_reply(profile, tmp_path):
    app = _card_with_status_check(dt.datetime(2026, 5, 4, 9, 0))
    mail = write_eml(tmp_path / "reply.eml", "Amy Chen <amy.chen@contoso.example>", dt.datetime(2026, 5, 6, 14, 30))
    doc = attach_file(app, mail, DocumentKind.EMAIL)
    logged = log_reply_from_email(app, doc.sha256)
    assert logged.name == "Amy Chen" and logged.received_at == dt.datetime(2026, 5, 6, 14, 30)
    (reply,) = Activity.select().where((Activity.application == app) & (Activity.kind == "reply"))
    assert reply.summary == "E-mail from Amy Chen: Re: Analyst role"
    assert reply.occurred_at == dt.datetime(2026, 5, 6, 14, 30)
    assert [d.kind for d in documents_of(app)] == [DocumentKind.EMAIL]


def test_other_senders_and_mail_before_the_status_check_are_only_kept(profile, tmp_path):
    app = _card_with_status_check(dt.datetime(2026, 5, 4, 9, 0))
    stranger = attach_file(app, write_eml(tmp_path / "a.eml", "news@jobs.example", dt.datetime(2026, 5, 6)),
                           DocumentKind.EMAIL)
    early = attach_file(app, write_eml(tmp_path / "b.eml", "amy.chen@contoso.example", dt.datetime(2026, 5, 1),
                                       subject="Invitation"), DocumentKind.EMAIL)
    assert log_reply_from_email(app, stranger.sha256) is None
    assert log_reply_from_email(app, early.sha256) is None
    assert not Activity.select().where(Activity.kind == "reply").exists()
    assert len(documents_of(app)) == 2


def test_dropping_their_reply_on_the_card_logs_it_in_the_timeline(qtbot, profile, events, tmp_path):
    from PySide6.QtGui import QUndoStack

    from jobfollow.store.timeline import timeline
    from jobfollow.ui.forms.application_form import ApplicationFormDialog
    from tests.ui.documents.test_documents_ui import drop_files

    app = _card_with_status_check(dt.datetime(2026, 5, 4, 9, 0))
    mail = write_eml(tmp_path / "Re Analyst role.eml", "Amy Chen <amy.chen@contoso.example>",
                     dt.datetime(2026, 5, 6, 14, 30))
    form = ApplicationFormDialog(events, QUndoStack(), app)
    qtbot.addWidget(form)
    form.show()
    drop_files(form.details_page.notes_edit, [mail])
    page = form.documents_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.copier.busy())
    assert page.model.index(0, 1).data() == "E-mail"
    assert "Amy Chen" in page.progress.text()
    assert any(e.kind == "reply" and "Amy Chen" in e.summary for e in timeline(app))
