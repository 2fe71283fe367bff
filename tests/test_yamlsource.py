"""Line-aware safe YAML loading."""

from __future__ import annotations

from pathlib import Path

import pytest

from primer.content.yamlsource import Mapping, load_yaml


def load(tmp_path: Path, data: bytes):
    path = tmp_path / "x.yml"
    path.write_bytes(data)
    return load_yaml(path, "content/x.yml")


def test_keys_remember_their_lines(tmp_path: Path) -> None:
    """Every key of every mapping knows its line."""
    loaded = load(tmp_path, b"id: a\nzh:\n  term: x\n  definition: y\n")
    assert isinstance(loaded.data, Mapping)
    assert loaded.data.line_of("zh") == 2
    assert loaded.data["zh"].line_of("definition") == 4
    assert loaded.issues == ()


def test_duplicate_keys_are_reported_not_overwritten_silently(tmp_path: Path) -> None:
    """PyYAML keeps the last duplicate silently; we report it."""
    loaded = load(tmp_path, b"id: a\nid: b\n")
    assert [i.format() for i in loaded.issues] == ["content/x.yml:2: duplicate key 'id'; keep only one"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"id: [a\n", "content/x.yml:2:1: YAML syntax error: did not find expected ',' or ']'"),
        (b"", "content/x.yml:1: file is empty"),
        (b"  \n\n", "content/x.yml:1: file is empty"),
        (b"id: a\n\xff\xfe: b\n", "content/x.yml:2: file is not valid UTF-8; re-save it as UTF-8"),
        (b"id: !!python/object:os.system x\n", "content/x.yml:1:5: YAML syntax error: could not determine a constructor for the tag 'tag:yaml.org,2002:python/object:os.system'"),
    ],
)
def test_unloadable_files_give_one_located_issue(tmp_path: Path, data: bytes, expected: str) -> None:
    """Syntax errors, empty files, bad encodings and unsafe tags become path:line issues."""
    loaded = load(tmp_path, data)
    assert loaded.data is None
    assert [i.format() for i in loaded.issues] == [expected]


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    """Files saved by Windows editors load like any other."""
    loaded = load(tmp_path, "\ufeffid: a\r\nzh:\r\n  term: 大模型\r\n".encode())
    assert loaded.data == {"id": "a", "zh": {"term": "大模型"}}
    assert loaded.data["zh"].line_of("term") == 3


def test_dates_stay_text(tmp_path: Path) -> None:
    """YYYY-MM-DD is kept as written, so precision and validation stay ours."""
    loaded = load(tmp_path, b"date: 2017-06-12\n")
    assert loaded.data == {"date": "2017-06-12"}


def test_huge_files_are_refused(tmp_path: Path) -> None:
    """A file over the size limit is reported instead of parsed."""
    loaded = load(tmp_path, b"x: " + b"a" * (600 * 1024) + b"\n")
    assert loaded.data is None
    assert "larger than 512 KiB" in loaded.issues[0].message


def test_values_are_what_safe_load_gives(tmp_path: Path) -> None:
    """String scalars skip PyYAML's constructor; every other node goes through it, so the data
    equals `yaml.safe_load`'s (dates aside, which stay text)."""
    import yaml

    text = ("id: a\nyes: on\n2: 3\nnull_key: ~\nquoted: '007'\nplain: 007\nfloat: 1.5e3\n"
            "anchor: &x {k: [a, 'b', 3]}\nalias: *x\nblock: |\n  大模型\n  line\nmerged: {<<: *x, n: no}\n"
            "list:\n  - zh: 大模型\n    en: large model\n  - !!str 12\n")
    loaded = load(tmp_path, text.encode())

    def plain(value):  # Mapping -> dict, keys as the loader makes them (str)
        if isinstance(value, dict):
            return {str(key): plain(item) for key, item in value.items()}
        if isinstance(value, list):
            return [plain(item) for item in value]
        return value

    assert loaded.issues == ()
    assert plain(loaded.data) == plain(yaml.safe_load(text))
    assert loaded.data["True"] is True and loaded.data["2"] == 3  # YAML 1.1: `yes: on`; keys become text
    assert loaded.data["quoted"] == "007" and loaded.data["plain"] == 7


def test_the_code_loads_yaml_only_with_safe_loaders() -> None:
    """House rule: safe loading only. The one `yaml.load` call passes libyaml's or PyYAML's safe loader."""
    import yaml

    from primer.content import yamlsource

    root = Path(__file__).resolve().parent.parent
    code = [*sorted((root / "primer").rglob("*.py")), *sorted((root / "hooks").glob("*.py")), root / "build.py"]
    calls = []
    for path in code:
        text = path.read_text(encoding="utf-8")
        for word in ("unsafe_load", "full_load", "FullLoader", "UnsafeLoader", "yaml.Loader", "CLoader"):
            assert word not in text, f"{path}: {word}"
        calls += [line.strip() for line in text.splitlines() if "yaml.load(" in line]
    assert calls == ["return yaml.load(text, Loader=_SafeBase)  # a safe loader: libyaml's or PyYAML's"]
    assert yamlsource._SafeBase in (getattr(yaml, "CSafeLoader", None), yaml.SafeLoader)
