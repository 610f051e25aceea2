"""Paragraph breaks are sentence breaks: a component to run before the parser.

Headlines, standfirsts and bullet points often end without a full stop, and the parser then
joins them to the next paragraph ("... restarting negotiations\\n\\nSergey Lavrov calls ..." parsed
as one sentence, with the second paragraph's verb a complement of the first). Marking the first
token after a line break as a sentence start stops that; the parser respects preset starts.

Add it with ``nlp.add_pipe("readout_paragraph_breaks", before="parser")``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("readout_paragraph_breaks", assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
        elif previous.is_alpha and token.is_alpha:
            # no sentence starts between two words of a line ("the envoy | arrived in Oslo"):
            # the small parser sometimes breaks there after a short heading
            token.is_sent_start = False
    return doc
