"""Real-browser end-to-end tests of the app (a package, so its conftest has its own name)."""
