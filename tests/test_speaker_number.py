"""A singular role noun does not take up an earlier plural one (text written for this test):
"the Russian minister" after a headline's "defence ministers" is the Russian minister named
before, not whoever the plural phrase resolved to."""

from conftest import analyse_text


def test_the_minister_is_not_the_ministers_of_the_headline(nlp):
    text = (
        "French, Chinese defence ministers hold talks in Paris\n\n"
        "PARIS, May 3 - French Defence Minister Sebastien Lecornu held talks with his Chinese "
        "counterpart Dong Jun on Wednesday, the two ministries said.\n\n"
        '"Our cooperation is growing," the French minister said. China\'s defence ministry '
        "said in a statement that the talks were candid."
    )
    doc = analyse_text(nlp, text, published="2024-05-03")
    quoted = [s for s in doc._.statements if s.kind == "direct"]
    assert [s.speaker_id for s in quoted] == ["sebastien-lecornu"]
