"""Insights and the work-search record, computed from plain card histories (no Qt, no Peewee)."""
