"""The letter pane's way out: the letter with its values filled, copied, e-mailed, printed, saved as PDF or
marked as sent, each guarded once against unfilled placeholders and misspellings.

A mixin of ``LetterPane``: it reads the pane's editor, context, letter and letter service.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from jobfollow.core.letters import placeholders
from jobfollow.core.letters.template_files import PHONE_SCRIPTS
from jobfollow.i18n import _
from jobfollow.ui.store_errors import show_store_error


def _sending():
    """Printing and the mail program's helpers are imported when a letter leaves, not at start-up."""
    from jobfollow.ui.letters import sending

    return sending


class LetterSending:
    # -- sending --------------------------------------------------------------------------------------------
    def rendered(self) -> tuple[str, str]:
        values = self.context.values
        return (placeholders.render(self.subject_edit.text(), values),
                placeholders.render(self.editor.toPlainText(), values))

    def copy_letter(self) -> None:
        _sending().copy_text(*self.rendered())

    def _may_leave(self, title: str) -> bool:
        """Unfilled placeholders and misspellings are named once, with "Send anyway"."""
        from jobfollow.ui.letters.send_check import SendGuard

        if self.send_guard is None:
            self.send_guard = SendGuard()
        return self.send_guard.allows(self, title, self.subject_edit.text(), self.editor.toPlainText(),
                                      self.context.values, self.facts().misspelled)

    def email_letter(self) -> bool:
        if not self._may_leave(_("E-mail")):
            return False
        subject, body = self.rendered()
        ok = _sending().open_in_mail_program(self.context.recipient_email, subject, body)
        if not ok:
            from jobfollow.ui.letters.send_check import offer_to_copy

            if offer_to_copy(self):
                self.copy_letter()
        return ok

    def print_letter(self) -> None:
        _sending().print_letter(*self.rendered(), self)

    def save_pdf(self) -> None:
        subject, body = self.rendered()
        path, _filter = QFileDialog.getSaveFileName(self, _("Save as PDF"), subject + ".pdf", _("PDF files (*.pdf)"))
        if path:
            _sending().save_pdf(subject, body, path)

    def mark_sent(self, channel: str | None) -> None:
        if self.letter is None:
            return
        if self.letter.template_key not in PHONE_SCRIPTS and not self._may_leave(_("Mark as sent")):
            return
        if not self.save_now():
            return
        failure = self.service.mark_sent(self.letter.id, channel)
        if failure is not None:  # still a draft, still on screen
            show_store_error(self, failure)
