"""Paints a card: company, position, next follow-up badge, pending count, star, tags, days in stage.

Every colour comes from the palette (so a dark theme reads well) except the due badges, which carry
their own background and a text colour chosen for it. Texts that depend on today are cached per card.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from jobfollow.i18n import N_, _, format_relative_days, ngettext
from jobfollow.ui.board.card_list_model import CARD_ROLE, HIGHLIGHT_ROLE

# Follow-up kinds (the rules engine's vocabulary) as short badge words when a follow-up has no title.
KIND_LABELS = {
    "thank_you": N_("Thank-you note"), "status_check": N_("Status check"), "reference_alert": N_("Alert references"),
    "network_checkin": N_("Check in"), "next_round_prep": N_("Prepare next round"),
    "offer_response": N_("Answer the offer"), "withdraw": N_("Withdraw"), "give_notice": N_("Give notice"),
    "rejection_thanks": N_("Thank them anyway"), "lessons": N_("Note the lessons"),
    "close_suggestion": N_("Close this?"), "custom": N_("Follow-up"),
}
OVERDUE = (QColor("#c62828"), QColor("#ffffff"))
DUE_TODAY = (QColor("#f9a825"), QColor("#1b1b1b"))
STAR_COLOUR = QColor("#f5b301")
PAD = 7
RADIUS = 6.0


def badge_level(due: dt.date | None, today: dt.date) -> str:
    if due is None:
        return "none"
    if due < today:
        return "overdue"
    return "today" if due == today else "later"


class CardDelegate(QStyledItemDelegate):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.today = dt.date.today()
        self._texts: dict = {}
        self._size: QSize | None = None

    def set_today(self, today: dt.date) -> None:
        if today != self.today:
            self.today = today
            self._texts.clear()

    def forget_texts(self) -> None:
        self._texts.clear()

    def _card_texts(self, card) -> tuple[str, str, str, str]:
        texts = self._texts.get(card)
        if texts is None:
            days = max(0, (self.today - card.stage_entered_at.date()).days)
            days_text = _("Since today") if days == 0 else ngettext(
                "{count} day here", "{count} days here", days).format(count=days)
            level = badge_level(card.next_due, self.today)
            if card.next_due is None:
                badge = _("Nothing due")
            else:
                title = card.next_title or _(KIND_LABELS.get(card.next_kind, KIND_LABELS["custom"]))
                badge = _("{title} · {when}").format(title=title, when=format_relative_days(card.next_due,
                                                                                             self.today))
            count = ngettext("{count} open", "{count} open", card.pending_count).format(
                count=card.pending_count) if card.pending_count else ""
            texts = (days_text, badge, level, count)
            if len(self._texts) > 20000:
                self._texts.clear()
            self._texts[card] = texts
        return texts

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        if self._size is None:
            line = QFontMetrics(option.font).height()
            self._size = QSize(200, PAD * 2 + line * 4 + 3 * 5)
        return self._size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        card = index.data(CARD_ROLE)
        if card is None:
            return
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        highlighted = bool(index.data(HIGHLIGHT_ROLE))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        outer = QRectF(option.rect).adjusted(4.5, 2.5, -4.5, -2.5)
        background = palette.color(QPalette.ColorRole.Base)
        border = palette.color(QPalette.ColorRole.Mid)
        if highlighted:
            background = _mix(background, palette.color(QPalette.ColorRole.Highlight), 0.18)
            border = palette.color(QPalette.ColorRole.Highlight)
        if selected:
            background = _mix(background, palette.color(QPalette.ColorRole.Highlight), 0.35)
            border = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(border)
        painter.setBrush(background)
        painter.drawRoundedRect(outer, RADIUS, RADIUS)
        if highlighted:
            painter.drawRoundedRect(outer.adjusted(1, 1, -1, -1), RADIUS - 1, RADIUS - 1)

        text_colour = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        font = QFont(option.font)
        metrics = QFontMetrics(font)
        line = metrics.height()
        inner = option.rect.adjusted(PAD + 4, PAD, -PAD - 4, -PAD)
        days_text, badge, level, count = self._card_texts(card)

        # Row 1: company in bold, star at the right.
        star_width = metrics.horizontalAdvance("★") + 4
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour)
        row = QRect(inner.left(), inner.top(), inner.width() - star_width, line)
        painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(bold).elidedText(card.company, Qt.TextElideMode.ElideRight, row.width()))
        painter.setFont(font)
        painter.setPen(STAR_COLOUR if card.priority else muted)
        painter.drawText(QRect(inner.right() - star_width, inner.top(), star_width, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         "★" if card.priority else "☆")

        # Row 2: position title.
        top = inner.top() + line + 5
        painter.setPen(text_colour)
        row = QRect(inner.left(), top, inner.width(), line)
        painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(card.position_title, Qt.TextElideMode.ElideRight, row.width()))

        # Row 3: due badge, pending count at the right.
        top += line + 5
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.9))
        small_metrics = QFontMetrics(small)
        painter.setFont(small)
        count_width = small_metrics.horizontalAdvance(count) + 6 if count else 0
        room = inner.width() - count_width - 10
        badge_text = small_metrics.elidedText(badge, Qt.TextElideMode.ElideRight, room)
        badge_rect = QRectF(inner.left() + 0.5, top + 0.5, small_metrics.horizontalAdvance(badge_text) + 10, line - 1)
        if level == "overdue":
            fill, ink = OVERDUE
        elif level == "today":
            fill, ink = DUE_TODAY
        elif level == "later":
            fill, ink = palette.color(QPalette.ColorRole.AlternateBase), text_colour
        else:
            fill, ink = None, muted
        if fill is not None:
            painter.setPen(palette.color(QPalette.ColorRole.Mid) if level == "later" else Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(badge_rect, line / 2, line / 2)
        painter.setPen(ink)
        painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge_text)
        if count:
            painter.setPen(muted)
            painter.drawText(QRect(inner.right() - count_width, top, count_width, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, count)

        # Row 4: tags as chips, days in this stage at the right.
        top += line + 5
        days_width = small_metrics.horizontalAdvance(days_text) + 4
        painter.setPen(muted)
        painter.drawText(QRect(inner.right() - days_width, top, days_width, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, days_text)
        left, limit = inner.left(), inner.right() - days_width - 6
        chip_fill = palette.color(QPalette.ColorRole.Button)
        for tag in card.tags:
            room = limit - left - 10
            if room < small_metrics.horizontalAdvance("W…"):
                break
            text = small_metrics.elidedText(tag, Qt.TextElideMode.ElideRight, room)
            chip = QRectF(left, top + 1, small_metrics.horizontalAdvance(text) + 10, line - 2)
            painter.setPen(palette.color(QPalette.ColorRole.Mid))
            painter.setBrush(chip_fill)
            painter.drawRoundedRect(chip, 4, 4)
            painter.setPen(palette.color(QPalette.ColorRole.ButtonText))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
            left = int(chip.right()) + 4
        painter.restore()


def _mix(base: QColor, tint: QColor, amount: float) -> QColor:
    return QColor(
        round(base.red() + (tint.red() - base.red()) * amount),
        round(base.green() + (tint.green() - base.green()) * amount),
        round(base.blue() + (tint.blue() - base.blue()) * amount),
    )
