"""Paints a card: company, position, next follow-up badge, pending count, star, what stands (an interview to
come, an offer to answer, the outcome), tags, days in stage.

The badge's timing ("2 days overdue") is never shortened, only the action before it; a tag is shown whole
or counted in a "+2" chip, never cut to a few letters.

Every colour comes from the palette (so a dark theme reads well) except the due badges, which carry
their own background and a text colour chosen for it. Texts that depend on today are cached per card.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from jobfollow.core.card_texts import (
    badge_action,
    days_here,
    due_phrase,
    interview_lines,
    offer_lines,
    outcome_line,
)
from jobfollow.i18n import _, ngettext
from jobfollow.ui.board.card_list_model import CARD_ROLE, HIGHLIGHT_ROLE
from jobfollow.ui.palette_colours import signal_colour

OVERDUE = (QColor("#c62828"), QColor("#ffffff"))
DUE_TODAY = (QColor("#f9a825"), QColor("#1b1b1b"))
STAR_COLOUR = QColor("#f5b301")
PAD = 7
GAP = 4  # between the lines of a card
LINES = 5
RADIUS = 6.0
PIXMAP_CACHE_SIZE = 600  # about 24 MB of cards at most; enough for every card on a large screen


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
        self._layouts: dict = {}
        self._pixmaps: dict = {}
        self._font_cache: dict = {}
        self._size: QSize | None = None

    def set_today(self, today: dt.date) -> None:
        if today != self.today:
            self.today = today
            self.forget_texts()

    def forget_texts(self) -> None:
        self._texts.clear()
        self._layouts.clear()
        self._pixmaps.clear()

    def _card_texts(self, card) -> _Texts:
        texts = self._texts.get(card)
        if texts is None:
            since = card.here_since or card.stage_entered_at.date()
            level = badge_level(card.next_due, self.today)
            if card.next_due is None:
                action, timing = ("", "") if card.outcome else (_("Nothing due"), "")
            else:
                action = badge_action(card.next_kind, card.next_title, card.next_contact)
                timing = due_phrase(card.next_due, self.today)
            count = ngettext("{count} open", "{count} open", card.pending_count).format(
                count=card.pending_count) if card.pending_count > 1 else ""
            if card.outcome:
                info = (outcome_line(card.outcome),)
            elif card.offer_currency:
                info = offer_lines(card.offer_amount, card.offer_currency, card.offer_deadline)
            elif card.interview_at is not None:
                info = interview_lines(card.interview_at, card.interview_format, self.today)
            else:
                info = ()
            texts = _Texts(days_here((self.today - since).days), action, timing, level, count, info)
            if len(self._texts) > 20000:
                self._texts.clear()
            self._texts[card] = texts
        return texts

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        if self._size is None:
            line = QFontMetrics(option.font).height()
            self._size = QSize(200, PAD * 2 + line * LINES + (LINES - 1) * GAP)
        return self._size

    def _fonts(self, base: QFont) -> _Fonts:
        key = base.key()
        fonts = self._font_cache.get(key)
        if fonts is None:
            fonts = self._font_cache[key] = _Fonts(base)
        return fonts

    def _layout(self, card, width: int, fonts: _Fonts) -> _Layout:
        """Elided texts and their places inside a card of this width (cached: paints only draw)."""
        key = (card, width, fonts.key)
        layout = self._layouts.get(key)
        if layout is not None:
            return layout
        texts = self._card_texts(card)
        line, small = fonts.line, fonts.small_metrics
        inner = QRect(PAD + 4, PAD, width - 2 * (PAD + 4), 0)
        star_width = fonts.metrics.horizontalAdvance("★") + 4
        company = QRect(inner.left(), inner.top(), inner.width() - star_width, line)
        star = QRect(inner.right() - star_width, inner.top(), star_width, line)
        top = inner.top() + line + GAP
        position = QRect(inner.left(), top, inner.width(), line)
        top += line + GAP
        badge_room = inner.width() - 12
        full_badge = _("{action} · {when}").format(action=texts.action, when=texts.timing) if texts.timing else (
            texts.action)
        count = texts.count  # the count of open follow-ups gives way to the badge
        count_width = small.horizontalAdvance(count) + 8 if count else 0
        if count and small.horizontalAdvance(full_badge) > badge_room - count_width:
            count, count_width = "", 0
        badge_text = _badge_text(small, texts.action, texts.timing, badge_room - count_width)
        badge_rect = QRectF(inner.left() + 0.5, top + 0.5, small.horizontalAdvance(badge_text) + 12, line - 1)
        count_rect = QRect(inner.right() - count_width, top, count_width, line)
        top += line + GAP
        info_rect = QRect(inner.left(), top, inner.width(), line)
        info = next((text for text in texts.info if small.horizontalAdvance(text) <= inner.width()), "")
        if texts.info and not info:
            info = small.elidedText(texts.info[-1], Qt.TextElideMode.ElideRight, inner.width())
        top += line + GAP
        days_text = texts.days
        days_width = small.horizontalAdvance(days_text) + 4
        days_rect = QRect(inner.right() - days_width, top, days_width, line)
        chips = _tag_chips(small, card.tags, QRect(inner.left(), top, inner.width() - days_width - 6, line))
        layout = _Layout(
            fonts.bold_metrics.elidedText(card.company, Qt.TextElideMode.ElideRight, company.width()), company, star,
            fonts.metrics.elidedText(card.position_title, Qt.TextElideMode.ElideRight, position.width()), position,
            badge_text, badge_rect, texts.level, count, count_rect, info, info_rect, days_text, days_rect, chips)
        if len(self._layouts) > 20000:
            self._layouts.clear()
        self._layouts[key] = layout
        return layout

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        """Cards are drawn once into a pixmap and then copied: a repaint after a move redraws one card."""
        card = index.data(CARD_ROLE)
        if card is None:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        highlighted = bool(index.data(HIGHLIGHT_ROLE))
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus) and option.widget is not None and \
            option.widget.hasFocus()
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        size = option.rect.size()
        key = (card, size.width(), size.height(), selected, highlighted, focused, option.palette.cacheKey(),
               option.font.key(), ratio)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            pixmap = QPixmap(size * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            card_painter = QPainter(pixmap)
            self._draw_card(card_painter, option, card, selected, highlighted, focused)
            card_painter.end()
            if len(self._pixmaps) > PIXMAP_CACHE_SIZE:
                self._pixmaps.clear()
            self._pixmaps[key] = pixmap
        painter.drawPixmap(option.rect.topLeft(), pixmap)

    def _draw_card(self, painter: QPainter, option: QStyleOptionViewItem, card, selected: bool,
                   highlighted: bool, focused: bool = False) -> None:
        """Selected: tinted with the selection colour. Highlighted (due on the calendar's chosen day): a thick
        bar of the "due" colour down the left edge, so both can be seen at once. Keyboard focus: a dotted ring."""
        palette: QPalette = option.palette
        fonts = self._fonts(option.font)
        layout = self._layout(card, option.rect.width(), fonts)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        outer = QRectF(0, 0, option.rect.width(), option.rect.height()).adjusted(4.5, 2.5, -4.5, -2.5)
        background = palette.color(QPalette.ColorRole.Base)
        border = palette.color(QPalette.ColorRole.Mid)
        if selected:
            background = _mix(background, palette.color(QPalette.ColorRole.Highlight), 0.35)
            border = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(border)
        painter.setBrush(background)
        painter.drawRoundedRect(outer, RADIUS, RADIUS)
        if highlighted:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(signal_colour("due", palette))
            painter.drawRoundedRect(QRectF(outer.left(), outer.top(), 5, outer.height()), 2.5, 2.5)
        if focused:
            ring = QPen(palette.color(QPalette.ColorRole.Highlight), 1.5, Qt.PenStyle.DotLine)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(outer.adjusted(2.5, 2.5, -2.5, -2.5), RADIUS - 2, RADIUS - 2)
        text_colour = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        left_middle = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        right_middle = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

        # Company in bold with the star at the right, then the position title.
        painter.setFont(fonts.bold)
        painter.setPen(text_colour)
        painter.drawText(layout.company_rect, left_middle, layout.company)
        painter.setFont(fonts.regular)
        painter.drawText(layout.position_rect, left_middle, layout.position)
        painter.setPen(STAR_COLOUR if card.priority else muted)
        painter.drawText(layout.star_rect, right_middle, "★" if card.priority else "☆")

        # The next follow-up as a badge, the count of open ones at the right.
        painter.setFont(fonts.small)
        level = layout.level
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
            radius = layout.badge_rect.height() / 2
            painter.drawRoundedRect(layout.badge_rect, radius, radius)
        painter.setPen(ink)
        painter.drawText(layout.badge_rect, Qt.AlignmentFlag.AlignCenter, layout.badge)
        painter.setPen(muted)
        if layout.count:
            painter.drawText(layout.count_rect, right_middle, layout.count)

        # What stands: an interview to come, an offer to answer, or why the card closed.
        if layout.info:
            painter.setPen(muted if card.outcome else text_colour)
            painter.drawText(layout.info_rect, left_middle, layout.info)
            painter.setPen(muted)

        # Tags as chips, days in this stage at the right.
        painter.drawText(layout.days_rect, right_middle, layout.days)
        if layout.chips:
            chip_fill, chip_border = palette.color(QPalette.ColorRole.Button), palette.color(QPalette.ColorRole.Mid)
            chip_ink = palette.color(QPalette.ColorRole.ButtonText)
            for chip, text in layout.chips:
                painter.setPen(chip_border)
                painter.setBrush(chip_fill)
                painter.drawRoundedRect(chip, 4, 4)
                painter.setPen(chip_ink)
                painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class _Fonts:
    """The three fonts a card uses, derived once from the view's font."""

    def __init__(self, base: QFont):
        self.key = base.key()
        self.regular = QFont(base)
        self.metrics = QFontMetrics(self.regular)
        self.bold = QFont(base)
        self.bold.setBold(True)
        self.bold_metrics = QFontMetrics(self.bold)
        self.small = QFont(base)
        self.small.setPointSizeF(max(6.0, base.pointSizeF() * 0.9))
        self.small_metrics = QFontMetrics(self.small)
        self.line = self.metrics.height()


@dataclass(frozen=True, slots=True)
class _Layout:
    company: str
    company_rect: QRect
    star_rect: QRect
    position: str
    position_rect: QRect
    badge: str
    badge_rect: QRectF
    level: str
    count: str
    count_rect: QRect
    info: str
    info_rect: QRect
    days: str
    days_rect: QRect
    chips: list


@dataclass(frozen=True, slots=True)
class _Texts:
    days: str
    action: str
    timing: str
    level: str
    count: str
    info: tuple[str, ...]  # the same news, longest first: the card shows the longest that fits


def _badge_text(metrics: QFontMetrics, action: str, timing: str, room: int) -> str:
    """"Thank Marco · 2 days overdue": the action gives way (elided, then dropped), the timing never does."""
    if not timing:
        return metrics.elidedText(action, Qt.TextElideMode.ElideRight, room)
    joined = _("{action} · {when}").format(action=action, when=timing)
    if metrics.horizontalAdvance(joined) <= room:
        return joined
    action_room = room - metrics.horizontalAdvance(joined.replace(action, "", 1))
    if action_room < metrics.horizontalAdvance("Www…"):
        return timing
    return _("{action} · {when}").format(action=metrics.elidedText(action, Qt.TextElideMode.ElideRight, action_room),
                                         when=timing)


def _tag_chips(metrics: QFontMetrics, tags: tuple[str, ...], room: QRect) -> list[tuple[QRectF, str]]:
    """Whole tags from the left while they fit, then "+N" for the rest; only a tag wider than the whole row
    is shortened (when it comes first)."""
    chips: list[tuple[QRectF, str]] = []
    left = room.left()
    for number, tag in enumerate(tags):
        rest = len(tags) - number - 1
        more_width = metrics.horizontalAdvance(f"+{rest}") + 14 if rest else 0
        width = metrics.horizontalAdvance(tag) + 10
        if left + width + more_width > room.right():
            if not chips:  # one long tag: show as much of it as fits beside the count
                text = metrics.elidedText(tag, Qt.TextElideMode.ElideRight, room.width() - more_width - 14)
                chips.append((QRectF(left, room.top() + 1, metrics.horizontalAdvance(text) + 10, room.height() - 2),
                              text))
                left = int(chips[-1][0].right()) + 4
                number += 1
            remaining = len(tags) - number
            if remaining > 0:
                label = f"+{remaining}"
                chips.append((QRectF(left, room.top() + 1, metrics.horizontalAdvance(label) + 10, room.height() - 2),
                              label))
            return chips
        chips.append((QRectF(left, room.top() + 1, width, room.height() - 2), tag))
        left += width + 4
    return chips


def _mix(base: QColor, tint: QColor, amount: float) -> QColor:
    return QColor(
        round(base.red() + (tint.red() - base.red()) * amount),
        round(base.green() + (tint.green() - base.green()) * amount),
        round(base.blue() + (tint.blue() - base.blue()) * amount),
    )
