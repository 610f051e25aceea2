"""An event's dossier: its reports, each side's account, one side's wording, its ids."""
