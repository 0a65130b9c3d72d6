"""Letters in plain Python: placeholders, template files, the letter checklist, similarity, mailto URLs."""
