"""Briefings: saved views on disk, and the pack (HTML, PDF) drawn from them."""
