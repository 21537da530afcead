"""Annotating: the actions, their undoable session, the note dialogs and the 批注 pane."""
