"""The article folder behind a snapshot: imports, duplicates and corrections."""
