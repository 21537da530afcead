"""Key figures: finding a report's figures, reading their indicators, which parts are the plan,
and results beside targets (builds on the model only).
"""
