"""Migration 4, frozen: "who invited you" becomes a person on the card with the role "inviter".

The Details tab's free text never reached the thank-you rules; each card's text now names a person linked in
that role (a person of that name already on the card, else a new one). The text itself stays, as the field
shows it. Reads and writes only tables as they were at version 3; like every released migration it must never
change.
"""

from __future__ import annotations

import datetime as dt

from peewee import SqliteDatabase


def link_inviters(db: SqliteDatabase) -> None:
    cards = db.execute_sql(
        "SELECT id, company, invited_by FROM job_application WHERE TRIM(invited_by) != ''").fetchall()
    stamp = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    for card_id, company, invited_by in cards:
        name = invited_by.strip()
        people = db.execute_sql(
            "SELECT c.id, c.name, l.role FROM contact c JOIN application_contact l ON l.contact_id = c.id "
            "WHERE l.application_id = ?", (card_id,)).fetchall()
        matches = sorted((role != "inviter", contact_id) for contact_id, found, role in people
                         if found.strip().casefold() == name.casefold())
        if matches:
            contact_id = matches[0][1]
        else:
            contact_id = db.execute_sql(
                "INSERT INTO contact (name, title, organisation, email, phone, preferred_channel, notes, created_at) "
                "VALUES (?, '', ?, '', '', '', '', ?)", (name, company, stamp)).lastrowid
        db.execute_sql("INSERT OR IGNORE INTO application_contact (application_id, contact_id, role) "
                       "VALUES (?, ?, 'inviter')", (card_id, contact_id))
