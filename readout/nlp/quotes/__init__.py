"""Statements: quotation marks, reported speech, speakers, terms and key phrases."""
