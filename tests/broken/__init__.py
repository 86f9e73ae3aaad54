"""The corpus of broken input workbooks (``python -m tests.broken.make_corpus OUT_DIR``)."""
