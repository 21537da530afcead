"""What every part of the GUI may use: theme, language, dialogs, background jobs and small shared
widgets.
"""
