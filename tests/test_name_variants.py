"""Name spellings a knowledge base implies but does not list (readout/name_variants.py)."""

from __future__ import annotations

import pytest

from readout.knowledge import Actor
from readout.name_variants import NameVariants, person_variants

NAMES = NameVariants(
    given={"pavel": ("Pavel", "Pavlo"), "pavlo": ("Pavel", "Pavlo")},
    endings=(("sky", "skyy", "skiy"),),
)

CASES = [
    ("given names and surnames of the listed forms combine",
     ["Pavlo Barsky", "Pavel Barsky"], ["Pavel Barskyy", "Pavel Barskiy", "Pavlo Barskyy",
                                        "Pavlo Barskiy"]),
    ("a group widens a listed given name", ["Pavel Orlov"], ["Pavlo Orlov"]),
    ("no group, no ending: nothing new", ["Ivo Tamm"], []),
    ("one-word and three-word forms are left as listed", ["Tamm", "Pavel Ivanovich Orlov"], []),
    ("a short surname is no ending", ["Pavel Sky"], ["Pavlo Sky"]),
]  # fmt: skip


@pytest.mark.parametrize(("what", "forms", "expected"), CASES, ids=[c[0] for c in CASES])
def test_person_variants(what, forms, expected):
    assert person_variants(forms, NAMES) == expected


def test_variants_are_surface_forms_but_not_aliases():
    actor = Actor("p", "Pavel Orlov", "person", variants=["Pavlo Orlov"])
    assert actor.surface_forms == ["Pavel Orlov", "Pavlo Orlov"]
    assert actor.aliases == []


def test_the_pipeline_links_a_combined_spelling(tmp_path):
    import shutil

    from readout import KNOWLEDGE_DIR
    from readout.nlp.pipeline import build_nlp

    shutil.copytree(KNOWLEDGE_DIR, tmp_path, dirs_exist_ok=True)
    (tmp_path / "actors.toml").write_text(
        '[[actors]]\nid = "pavel-barsky"\nname = "Pavel Barsky"\nkind = "person"\n'
        'aliases = ["Pavlo Barskyy"]\n',
        encoding="utf-8",
    )
    (tmp_path / "names.toml").write_text(
        'given = [["Pavel", "Pavlo"]]\nsurname_endings = [["sky", "skyy"]]\n', encoding="utf-8"
    )
    nlp = build_nlp(knowledge_dir=tmp_path)
    doc = nlp("Pavel Barskyy arrived in the capital on Monday.")
    assert [(e.text, e.id_) for e in doc.ents if e.id_] == [("Pavel Barskyy", "pavel-barsky")]
