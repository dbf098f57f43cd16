"""EngineSettings: one typed input for every engine threshold, settable from a manifest, recorded in the method."""
from __future__ import annotations

import pytest

from compare import compare_articles
from compare.batch.manifest import parse_manifest
from compare.errors import ConfigError
from compare.ingest import article_from_text
from compare.settings import DEFAULT, EngineSettings

A = "Council votes\n\nThe Millbrook council voted 7-2 on Tuesday to approve $4.2 million for bridge repairs."
B = "Bridge plan passes\n\nOn Tuesday Millbrook's council approved $4.2 million to repair the bridge, by 7-2."


def _manifest(compare_table: str):
    group = '[[group]]\nname = "g"\ninputs = ["a.txt", "b.txt"]\n'
    text = f'[output]\nfolder = "out"\n\n{compare_table}\n\n{group}'
    return parse_manifest(text, path=__import__("pathlib").Path("/tmp/m.toml"),
                          option_names={"profiles": True, "settings": None})


def test_every_field_is_recorded_in_the_method():
    comparison = compare_articles([article_from_text(A), article_from_text(B)], profiles=False)
    assert comparison.method.settings == DEFAULT.record()
    assert {"facts.lead_sentences", "align.link_at", "event.clash_penalty", "differences.absent_words"} <= set(
        comparison.method.settings)


def test_a_manifest_sets_any_field_and_the_comparison_uses_it():
    manifest = _manifest("[compare]\nprofiles = false\n\n[compare.align]\nlink_at = 0.99999\n\n[compare.event]\n"
                         "clash_penalty = 5.0")
    options = manifest.compare_options
    assert options["settings"] == {"align": {"link_at": 0.99999}, "event": {"clash_penalty": 5.0}}
    shipped = compare_articles([article_from_text(A), article_from_text(B)], profiles=False)
    strict = compare_articles([article_from_text(A), article_from_text(B)], **options)
    assert strict.method.settings["align.link_at"] == "0.99999"
    assert strict.method.settings["event.clash_penalty"] == "5.0"
    linked = [l for l in shipped.pairs[0].links if l.kind not in ("only_a", "only_b")]
    assert linked and all(l.score < 0.99999 for l in linked)  # so a link threshold of 0.99999 links nothing
    assert not [l for l in strict.pairs[0].links if l.kind not in ("only_a", "only_b")]


@pytest.mark.parametrize("table, named", [("[compare.align]\nlinkat = 0.7", "'align'"),
                                          ("[compare.align]\nlink_at = \"high\"", "'align.link_at'"),
                                          ("[compare.facts]\nlead_sentences = 2.5", "'facts.lead_sentences'")])
def test_a_bad_setting_is_a_one_line_error_naming_it(table, named):
    with pytest.raises(ConfigError, match=named):
        _manifest(table)


def test_settings_from_tables_keep_the_rest_at_their_defaults():
    settings = EngineSettings.from_mapping({"facts": {"lead_sentences": 3}})
    assert settings.facts.lead_sentences == 3 and settings.align == DEFAULT.align
    with pytest.raises(ConfigError, match="unknown stage 'nope'"):
        EngineSettings.from_mapping({"nope": {}})
