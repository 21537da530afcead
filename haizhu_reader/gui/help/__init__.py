"""Help: the shortcut list and the About box."""
