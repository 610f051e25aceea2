"""One knowledge base per folder per process, shared by all components."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from readout.knowledge import KnowledgeBase, load_knowledge


@lru_cache(maxsize=4)
def get_knowledge(knowledge_dir: str) -> KnowledgeBase:
    return load_knowledge(Path(knowledge_dir))
