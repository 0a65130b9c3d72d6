"""What a closed card taught: the feedback you got and your own review, beside the questions you were asked."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from jobfollow.i18n import N_, _, format_date
from jobfollow.services.offers import OfferService
from jobfollow.store.lessons import interview_notes, reflection_values
from jobfollow.store.offer_outcomes import letter_contact_id
from jobfollow.store.offers import card_title
from jobfollow.ui.offers.widgets import INFO_STYLE

FIELD_LABELS = {
    "feedback": N_("Feedback they gave you:"),
    "went_well": N_("What went well:"),
    "prepare_differently": N_("What to prepare differently:"),
    "answers_to_rewrite": N_("Answers to rewrite:"),
}


def interview_notes_html(app_id: int) -> str:
    parts = []
    for notes in interview_notes(app_id):
        parts.append("<h4>{}</h4>".format(html.escape(
            _("Interview on {date}").format(date=format_date(notes.starts_at.date())))))
        if notes.questions:
            parts.append("<p><b>{}</b><br>{}</p>".format(
                html.escape(_("Questions and your answers")), html.escape(notes.questions).replace("\n", "<br>")))
        if notes.answer_differently:
            parts.append("<p><b>{}</b><br>{}</p>".format(
                html.escape(_("What you would answer differently")),
                html.escape(notes.answer_differently).replace("\n", "<br>")))
    return "".join(parts) or "<p><i>{}</i></p>".format(html.escape(_("No interview notes on this card.")))


class ReflectionDialog(QDialog):
    """``rejected=True`` adds the thanks-and-feedback letter the guides recommend after a no."""

    def __init__(self, app_id: int, service: OfferService, parent: QWidget | None = None, *,
                 rejected: bool = False):
        super().__init__(parent)
        self.app_id, self.service, self.events = app_id, service, service.events
        self.setWindowTitle(_("Reflect: {card}").format(card=card_title(app_id)))
        intro = QLabel(
            _("Not being chosen says little about you: only one person gets the job. Thank them for letting you "
              "know, ask what you could improve, and note what to do better next time.") if rejected else
            _("Note what this process taught you, while you still remember it."))
        intro.setWordWrap(True)
        intro.setStyleSheet(INFO_STYLE)
        self.edits: dict[str, QPlainTextEdit] = {}
        editor = QWidget()
        form = QFormLayout(editor)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for name, label in FIELD_LABELS.items():
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            self.edits[name] = edit
            form.addRow(_(label), edit)
        notes = QTextBrowser()
        notes.setHtml(interview_notes_html(app_id))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(editor)
        splitter.addWidget(notes)
        splitter.setSizes([420, 300])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.letter_button = None
        if rejected:
            self.letter_button = buttons.addButton(_("Write the thank-you and ask for feedback…"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
            self.letter_button.clicked.connect(self.write_letter)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        for name, text in reflection_values(app_id).items():
            self.edits[name].setPlainText(text)
        self.resize(820, 600)

    def values(self) -> dict[str, str]:
        return {name: edit.toPlainText() for name, edit in self.edits.items()}

    def save(self) -> None:
        self.service.save_reflection(self.app_id, self.values())

    def write_letter(self) -> None:
        self.save()  # nothing typed so far is lost when the letter editor takes over
        self.events.compose_letter_requested.emit(self.app_id, "rejection_thanks", letter_contact_id(self.app_id))

    def accept(self) -> None:
        self.save()
        super().accept()
