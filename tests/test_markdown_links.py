"""Markdown from untrusted text: a publisher in seeds/index.toml or a zone in a plan file
is shown as written, never as a link, emphasis or strikethrough on GitHub (GFM makes a
bare url, a www. host and an email address a link by itself: they go in code spans)."""

import pytest
from conftest import AS_OF

PUBLISHER = "Xem tại https://evil.example/login và www.evil.example _nghiêng_ ~~gạch~~"
SHOWN = ("Xem tại `https://evil.example/login` và `www.evil.example` "
         "\\_nghiêng\\_ \\~\\~gạch\\~\\~")
ZONE = "KCN ~~Yên~~ _Bình_ mail@evil.example @someone HTTP://evil.example|x"
ZONE_SHOWN = ("KCN \\~\\~Yên\\~\\~ \\_Bình\\_ `mail@evil.example` `@someone` "
              "`HTTP://evil.example`\\|x")


def hostile_texts(project) -> str:
    index = project / "seeds" / "index.toml"
    text = index.read_text(encoding="utf-8")
    assert text.count('publisher = "Vietnam Business Forum"') == 2
    index.write_text(text.replace('publisher = "Vietnam Business Forum"',
                                  f'publisher = "{PUBLISHER}"', 1), encoding="utf-8")
    plan = project / "plans" / "thai-nguyen.toml"
    old = 'yen-binh-it = "Khu công nghệ thông tin tập trung Yên Bình"'
    text = plan.read_text(encoding="utf-8")
    assert text.count(old) == 1
    plan.write_text(text.replace(old, f'yen-binh-it = "{ZONE}"'), encoding="utf-8")
    return str(project / "plans")


SOURCE_LINE = (f"- 001: BQL các KCN Thái Nguyên: Đổi mới, sáng tạo để hỗ trợ nhà đầu tư tốt "
               f"hơn · {SHOWN} · 30/11/2020 — `seeds/001_26b253d91b30fbe2.txt`")
ZONE_ROW = f"| Diện tích | {ZONE_SHOWN} | 2024 | 200 ha | chưa đặt chỉ tiêu | 002 |"


def test_report_markdown_makes_no_link_or_emphasis(run, project):
    plans = hostile_texts(project)
    assert run("check", plans, "--strict").exit_code == 0
    result = run("report", plans, "--as-of", AS_OF, "-f", "markdown")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert SOURCE_LINE in lines
    assert ZONE_ROW in lines


def test_a_markdown_export_makes_no_link_or_emphasis(run, project, tmp_path):
    plans = hostile_texts(project)
    target = tmp_path / "report.md"
    result = run("report", plans, "--as-of", AS_OF, "--export", str(target))
    assert result.exit_code == 0, result.output
    lines = target.read_text(encoding="utf-8").splitlines()
    assert SOURCE_LINE in lines and ZONE_ROW in lines


def test_an_underscore_in_a_path_is_escaped(run):
    out = run("report", "--as-of", AS_OF, "-p", "thai-nguyen", "-f", "markdown").stdout
    assert ("| Dự án đầu tư KCN Vinaxuki | KCN Vinaxuki | 2024 | "
            "seeds/000\\_72b5589f6330c81a.txt |") in out.splitlines()


@pytest.mark.parametrize("text", [
    PUBLISHER, ZONE, "a\\https://e.example", "(www.e.example)", "x@y.example+x@y.example",
    "_https://e.example_", "**www.e.example**", "``https://e.example/`x`", "ends in \\",
    "[x](https://e.example)", "<https://e.example>", "foo_bar_baz ~~x~~ *y*"])
def test_github_renders_the_text_as_written(text):
    """GitHub's own renderer (cmark-gfm): no link, emphasis, strikethrough or HTML, and
    the text reads as it was written, in a table cell, a heading and a list item."""
    import html
    import re

    cmarkgfm = pytest.importorskip("cmarkgfm")
    from kcn_tracker.report.cells import markdown_text

    for document in (f"| h |\n|---|\n| {markdown_text(text)} |\n", f"## {markdown_text(text)}\n",
                     f"- {markdown_text(text)}: x\n"):
        shown = cmarkgfm.github_flavored_markdown_to_html(document)
        assert not re.search(r"<(a|em|strong|del|img)\b", shown), shown
        words = html.unescape(re.sub(r"<[^>]+>", "", shown.split("</thead>")[-1]))
        assert " ".join(words.split()).removesuffix(": x") == " ".join(text.split())


@pytest.mark.parametrize("unit", ["a", "a.", "w", "@a", "a@", "ww.", ":/", "x "])
def test_finding_links_takes_time_linear_in_the_text(unit):
    from linearity import assert_linear_in

    from kcn_tracker.report.cells import markdown_text

    assert_linear_in(lambda n: unit * n, markdown_text, f"markdown_text on {unit!r} * n")
