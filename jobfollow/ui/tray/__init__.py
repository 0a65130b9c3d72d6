"""The tray and the reminders: the icon with the count of due follow-ups and its menu, close-to-tray, and the
reminders that reach the user (desktop notifications, the tray's messages or a banner). ``install.py`` wires it."""
