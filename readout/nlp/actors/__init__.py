"""Actor mentions: the knowledge-base ruler, names after titles, linking to actors."""
