"""The shelf (书架): its window, adding reports with progress and cancel, and search across it."""
