"""The frame: MainWindow (builds and wires, nothing else), its docks, menus, status bar, layout
and report loading.
"""
