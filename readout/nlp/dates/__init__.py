"""Date expressions: found in text and resolved against the publication date."""
