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

# Words after a paragraph start in which no sentence may start: the small parser sometimes cuts
# a paragraph's subject off after a short heading ("Li Hui | reached Oslo"). Only the opening
# words are guarded: setting every token would cost the build a few per cent for nothing.
GUARDED_WORDS = 3


@Language.component("readout_paragraph_breaks", assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    guard = GUARDED_WORDS
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
            guard = GUARDED_WORDS
        elif guard and previous.is_alpha and token.is_alpha:
            token.is_sent_start = False
            guard -= 1
        else:
            guard = 0
    return doc
