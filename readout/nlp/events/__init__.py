"""Diplomatic events: triggers, participants, places, tense and dates of each contact."""
