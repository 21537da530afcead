"""The user's annotations: where they sit in the text, the SQLite store, the W3C JSON form and the
exports (never imports search/).
"""
