"""Brief templates: packaged ones load, user copies layer over the default, broken ones name the key."""
from __future__ import annotations

import pytest

from compare.errors import ConfigError
from compare.render.templates import PACKAGED_DIR, SECTIONS, SPEC, find_template, load_template, packaged_names
from conftest import DATA as TEST_DATA, REPO

DATA = TEST_DATA / "brief"
BAD = sorted((DATA / "bad-templates").glob("*.toml"))


def test_packaged_templates_load():
    assert {"default", "one-page"} <= set(packaged_names())
    default = load_template(PACKAGED_DIR / "default.toml")
    assert default.sections == SECTIONS and not default.fit_one_page and default.source == "packaged:default"
    one_page = load_template(PACKAGED_DIR / "one-page.toml")
    assert one_page.fit_one_page and one_page.sections == ("summary",)


@pytest.mark.parametrize("name", ["default.toml", "one-page.toml"])
def test_user_copies_in_templates_folder_match_the_packaged_ones(name):
    assert (REPO / "templates" / name).read_bytes() == (PACKAGED_DIR / name).read_bytes()


def test_readme_documents_every_key():
    readme = (REPO / "templates" / "README.md").read_text(encoding="utf-8")
    missing = [key for key in SPEC if f"`{key}`" not in readme]
    assert not missing, missing


def test_default_sets_every_key():
    from compare.render.templates import tomllib

    data = tomllib.loads((PACKAGED_DIR / "default.toml").read_text(encoding="utf-8"))
    keys = {f"{table}.{key}" for table, values in data.items() for key in values}
    assert keys == set(SPEC)


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_broken_template_names_the_key(path):
    expected = path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect: ")
    with pytest.raises(ConfigError) as err:
        load_template(path)
    assert expected in str(err.value) and str(path.name) in str(err.value)


def test_partial_template_keeps_default_values(tmp_path):
    (tmp_path / "mine.toml").write_text('[page]\nsize = "Letter"\n[colours]\noutlets = ["#000000"]\n')
    mine = load_template(tmp_path / "mine.toml")
    default = load_template(PACKAGED_DIR / "default.toml")
    assert mine.page_size == "Letter" and mine.outlet_colours == ("#000000",)
    assert mine.sections == default.sections and mine.font_size == default.font_size


def test_names_look_in_local_templates_first(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "one-page.toml").write_text('[title]\ntext = "Local"\n')
    assert find_template("one-page", cwd=tmp_path) == tmp_path / "templates" / "one-page.toml"
    assert load_template("one-page", cwd=tmp_path).title == "Local"
    assert find_template("default", cwd=tmp_path) == PACKAGED_DIR / "default.toml"


def test_unknown_name_and_missing_path_are_clear(tmp_path):
    with pytest.raises(ConfigError, match="not found.*default"):
        find_template("nonesuch", cwd=tmp_path)
    with pytest.raises(ConfigError, match="no such file"):
        find_template(str(tmp_path / "nonesuch.toml"))


def test_logo_path_is_relative_to_the_template(tmp_path):
    from PIL import Image

    Image.new("RGB", (40, 20), "#1f4e79").save(tmp_path / "logo.png")
    (tmp_path / "t.toml").write_text('[title]\nlogo = "logo.png"\n')
    assert load_template(tmp_path / "t.toml").logo == str(tmp_path / "logo.png")


def test_a_truncated_logo_is_a_config_error_not_a_late_crash(tmp_path):
    from PIL import Image

    Image.new("RGB", (120, 40), "#1f4e79").save(tmp_path / "whole.png")
    data = (tmp_path / "whole.png").read_bytes()
    (tmp_path / "cut.png").write_bytes(data[: len(data) // 2 + 20])  # the header (and size) intact, the pixels cut
    (tmp_path / "t.toml").write_text('[title]\nlogo = "cut.png"\n')
    with pytest.raises(ConfigError, match="key title.logo names .*cut.png, which is not an image"):
        load_template(tmp_path / "t.toml")


def _contrast(a: str, b: str) -> float:
    from compare.render.charts import luminance

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_default_colours_have_contrast_and_differ_in_grey():
    from compare.render.charts import contrast_text, luminance

    t = load_template(PACKAGED_DIR / "default.toml")
    for colour in t.outlet_colours:  # header text on each outlet colour meets WCAG AA
        assert _contrast(colour, contrast_text(colour)) >= 4.5, colour
    for colour in (t.colour_text, t.colour_muted, t.colour_accent):
        assert _contrast(colour, "#ffffff") >= 4.5, colour
    assert _contrast(t.colour_text, t.colour_highlight) >= 4.5
    grey = sorted(luminance(c) for c in t.outlet_colours[:3])  # the first three stay apart in greyscale
    assert min(b - a for a, b in zip(grey, grey[1:])) >= 0.15
