"""The shelf of reports on this PC: what each report is (place, level, year), the SQLite library
store with its full-text index, adding files in background processes and searching across them.
"""
