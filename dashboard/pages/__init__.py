"""What each page draws, as pure view models the pages and the briefing pack share."""
