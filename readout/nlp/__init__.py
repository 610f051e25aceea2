"""The spaCy side of Readout: model loading, extensions and custom components."""
