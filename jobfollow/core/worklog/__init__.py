"""The work-search log a job centre asks for: every application and contact in a date range, in its layout."""
