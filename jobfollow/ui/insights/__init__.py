"""The Insights window and the work-search log: charts, tables, printing."""
