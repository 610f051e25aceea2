"""Speed-ups: the model's attribute ruler and lemmatizer applied in bulk, same output."""
