"""The actor network's edges (contacts, statements, co-mentions) and what is behind a link."""
