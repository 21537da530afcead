"""The model of a report and everything computed from it, in pure Python: no Qt, gui,
settings or paths (tests/test_layout.py walks the imports).
"""
