"""Reading comfort: text size, font, spacing, theme, the remembered place, full screen and the
language menu.
"""
