"""lines6: the remaining failures of the fresh_allsides2 judgement (outlets missing from the cited list, labels, loaded
words the outlet did not choose, reprinted statements, frame cue senses)."""
import pytest

from compare.ingest import article_from_text
from compare.profile.sections import sentence_views
from compare.profile.sourcing import sourcing_profile


def _cited(sentence: str, outlet: str = "Example News") -> tuple:
    article = article_from_text("Headline\n\n" + sentence)
    return sourcing_profile(sentence_views(article), (), outlet).outlets


@pytest.mark.parametrize("sentence,outlet", [
    ("The letter was signed by hundreds of lawyers, the Daily Caller reported.", "Daily Caller"),
    ("According to the Washington Examiner, the vote was delayed.", "Washington Examiner"),
    ("The senator told the Daily Wire that he would vote no.", "Daily Wire"),
    ("Newsmax reported that the meeting was cancelled.", "Newsmax"),
    ("The memo was first reported by Axios.", "Axios"),
    ("The plan was first reported by Vox.", "Vox"),
    ("Mother Jones obtained the recording.", "Mother Jones"),
    ("The governor said in an interview with The Blaze that he would stay.", "The Blaze"),
    ("TheBlaze reported on the ruling last week.", "TheBlaze"),
    ("The actor spoke to The Hollywood Reporter about the film.", "Hollywood Reporter"),
    ("The figures were first reported by the Daily Beast.", "Daily Beast"),
    ("According to the Washington Times, the contract was signed.", "Washington Times"),
])
def test_common_us_outlets_are_known_as_cited(sentence, outlet):
    assert _cited(sentence) == (outlet,)


def test_an_outlet_citing_itself_cites_nothing():
    assert _cited("The Daily Caller reported the story first.", "Daily Caller") == ()
    assert _cited("TheBlaze reported the story first.", "theblaze.com") == ()  # the outlet of a domain
    assert _cited("The Blaze reported the story first.", "theblaze.com") == ()
