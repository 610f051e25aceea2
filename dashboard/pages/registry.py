"""The app's pages, declared once: script, title, icon, url path, and the lead a briefing
pack draws for a saved view of it. Pure.

``app.py`` builds its navigation from ``PAGES``; ``url_state`` names pages by url path from
it; the briefing pack finds a view's lead here; the page benchmark times every script listed
(it reads this file's ``Page(...)`` entries, since the pipeline never imports the app).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dashboard.dossier.view import dossier_built
from dashboard.pages.articles import articles_lead
from dashboard.pages.network import network_lead
from dashboard.pages.overview import overview_lead
from dashboard.pages.saved_quotes import statements_lead
from dashboard.pages.timeline import timeline_lead

# (full, filtered, params) -> (figure or None, cited articles[, escaped HTML])
Lead = Callable[..., tuple]


@dataclass(frozen=True)
class Page:
    path: str  # the page's script, from the repository root
    title: str
    icon: str
    url_path: str  # "" for the default page
    lead: Lead | None = None  # what a briefing pack draws for it; None: it cannot be saved
    filtered: bool = True  # the sidebar filters apply to it
    hidden: bool = False  # not in the menu (opened by a link)

    @property
    def name(self) -> str:
        """For a pack's file names: "timeline", "network", ... ("overview" for the default)."""
        return self.path.rsplit("/", 1)[-1].removesuffix(".py")


# In menu order; the first is the default page.
PAGES = (
    Page("views/overview.py", "Overview", ":material/dashboard:", "", overview_lead),
    Page("views/timeline.py", "Timeline", ":material/timeline:", "timeline", timeline_lead),
    Page("views/network.py", "Actor network", ":material/hub:", "network", network_lead),
    Page(
        "views/statements.py",
        "Statements",
        ":material/format_quote:",
        "statements",
        statements_lead,
    ),
    Page("views/articles.py", "Articles", ":material/article:", "articles", articles_lead),
    # One event's dossier, opened with ?event=<id> (from the Timeline): not in the menu, and
    # the whole record of one event, so no filter applies to it.
    Page(
        "views/dossier.py",
        "Event dossier",
        ":material/fact_check:",
        "dossier",
        dossier_built,
        filtered=False,
        hidden=True,
    ),
    # Filters there would seem to act and change nothing: they are kept, not shown.
    Page("views/import_articles.py", "Import", ":material/upload_file:", "import", filtered=False),
    Page("views/briefings.py", "Briefings", ":material/slideshow:", "briefings", filtered=False),
)
BY_URL = {page.url_path: page for page in PAGES}
BY_PATH = {page.path: page for page in PAGES}
DEFAULT = PAGES[0]
SAVED = tuple(page for page in PAGES if page.lead is not None)  # a briefing can hold these
