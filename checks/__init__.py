"""checks: judgement and the outside world. Rules turn records into flags; the poller reads the
district website; reminders and the scheduler live here too. Imports tracker/ only, never tui/.
"""
