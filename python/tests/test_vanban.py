"""The Python package against the seed, the bundled corpus and the command-line tool.

Run by python/ci.sh; the round trips need the binary (VANBAN_BIN, else
target/release/vanban).
"""

import datetime
import json
import os
import pathlib
import pickle
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

import vanban

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED = "seeds/208-KH-UBND_2024_TuyenQuang.txt"


def binary() -> str:
    """The command-line tool the answers are compared with."""
    path = os.environ.get("VANBAN_BIN") or str(ROOT / "target" / "release" / "vanban")
    if not os.path.isfile(path):
        pytest.fail(f"the vanban binary is missing at {path}: cargo build --release")
    return path


def cli(*args: str) -> str:
    """The standard output of `vanban ARGS...`, run in the repository root."""
    done = subprocess.run(
        [binary(), *args], cwd=ROOT, capture_output=True, check=True, encoding="utf-8"
    )
    return done.stdout


@pytest.fixture(autouse=True)
def in_root(monkeypatch):
    """Paths as the tool is given them: relative to the repository root."""
    monkeypatch.chdir(ROOT)


def corpus_files():
    """Every bundled document, as relative paths."""
    return sorted(str(p.relative_to(ROOT)) for d in ("seeds", "corpus") for p in (ROOT / d).glob("*.txt"))


@pytest.fixture(scope="module")
def corpus_graph():
    """The graph of seeds/ and corpus/, read from the documents."""
    os.chdir(ROOT)
    return vanban.Graph.from_paths(["seeds", "corpus"])


# parse and extract


def test_parse_reads_the_seeds_header_and_tree():
    d = vanban.parse(pathlib.Path(SEED))
    h = d["header"]
    assert h["number"]["normalized"] == "208/KH-UBND"
    assert h["date"] == "2024-11-20"
    assert h["issuer"]["name"] == "Ủy ban nhân dân tỉnh Tuyên Quang"
    assert [n["heading"] for n in d["body"][:2]] == ["MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN"]


def test_parse_equals_the_cli_json():
    assert vanban.parse(SEED) == json.loads(cli("parse", "-q", SEED, "--format", "json"))


def test_extract_reads_the_seeds_relations_and_tasks():
    x = vanban.extract(SEED)
    assert x["id"] == "urn:lex:vn:ubnd.tuyen-quang:plan:2024;208-kh-ubnd"
    assert x["source"] == SEED
    implements = [r["to"] for r in x["relations"] if r["type"] == "implements"]
    assert "urn:lex:vn:tu.tuyen-quang:plan:2024;500-kh-tu" in implements
    assert any(a["lead"] == ["Sở Xây dựng"] for a in x["assignments"])


@pytest.mark.parametrize("path", [SEED, "corpus/CV_9387-UBND-KT_2026_LaoCai.txt", "corpus/CT_07-CT-TTg_2012.txt"])
def test_extract_equals_the_cli_json(path):
    (cli_x,) = json.loads(cli("extract", "-q", path))
    assert vanban.extract(path) == cli_x
    assert vanban.extract(pathlib.Path(path)) == cli_x


def test_a_document_is_a_path_or_text_by_a_stated_rule():
    text = (ROOT / SEED).read_text(encoding="utf-8")
    by_path = vanban.parse(path=SEED)
    assert vanban.parse(SEED) == by_path  # a str naming a file
    assert vanban.parse(pathlib.Path(SEED)) == by_path
    assert vanban.parse(text) == by_path  # a str of several lines is text
    assert vanban.parse(text=text) == by_path
    assert vanban.parse((ROOT / SEED).read_bytes()) == by_path  # bytes are the document
    assert vanban.parse(text.encode("utf-16")) == by_path  # decoded as a file is
    # text= is text even when it names a file: a one-paragraph document.
    named = vanban.parse(text=SEED)
    assert named != by_path and named["header"]["number"] is None
    # Source: the path as given, else the name.
    assert "source" not in vanban.extract(text=text)  # as the tool writes a document without a name
    assert vanban.extract(text=text, name="kh208.txt")["source"] == "kh208.txt"
    with pytest.raises(TypeError):
        vanban.parse(SEED, text=text)
    with pytest.raises(TypeError):
        vanban.parse()


# the graph


def test_the_seed_chain_up_and_down(corpus_graph):
    chain = corpus_graph.chain("208/KH-UBND")
    assert chain["node"]["number"] == "208/KH-UBND"
    steps = [(l["relation"], l["node"]["number"]) for l in chain["links"]]
    assert steps == [
        ("implements", "500-KH/TU"),
        ("implements", "72-KL/TW"),
        ("continues_implementing", "13-NQ/TW"),
    ]
    down = {i["node"]["number"]: i["depth"] for i in corpus_graph.implementers("13-NQ/TW")}
    assert down["208/KH-UBND"] == 3 and down["72-KL/TW"] == 1
    assert corpus_graph.resolve("208/kh-ubnd") == chain["node"]["id"]


def test_queries_equal_the_cli_json(corpus_graph):
    assert corpus_graph.chain("208/KH-UBND") == json.loads(cli("chain", "-q", "208/KH-UBND", "--format", "json"))
    listed = corpus_graph.chain("208/KH-UBND", asserters=True)
    assert listed == json.loads(cli("chain", "-q", "208/KH-UBND", "--format", "json", "--asserters"))
    assert listed["links"][0]["asserted_by"] == [listed["node"]["id"]]
    assert "asserted_by" not in corpus_graph.chain("208/KH-UBND")["links"][0]
    assert corpus_graph.implementers("13-NQ/TW") == json.loads(
        cli("implementers", "-q", "13-NQ/TW", "--format", "json")
    )
    by_str = corpus_graph.tasks(due_before="2025-12-31")
    assert by_str == json.loads(cli("tasks", "-q", "--due-before", "2025-12-31", "--format", "json"))
    assert corpus_graph.tasks(due_before=datetime.date(2025, 12, 31)) == by_str
    assert by_str and all(t["date"] <= "2025-12-31" for t in by_str)
    seed_tasks = corpus_graph.tasks(document="208/KH-UBND", agency="Sở Xây dựng")
    assert seed_tasks == json.loads(
        cli("tasks", "-q", "--document", "208/KH-UBND", "--agency", "Sở Xây dựng", "--format", "json")
    )
    with pytest.raises(ValueError):
        corpus_graph.tasks(due_before="31/12/2025")
    with pytest.raises(ValueError):
        corpus_graph.chain("208/KH-UBND", relations=["implemented"])


def test_to_json_has_the_bytes_of_the_cli(corpus_graph):
    assert corpus_graph.to_json() == cli("graph", "-q", "seeds", "corpus", "--format", "json")
    assert corpus_graph.to_json(documents_only=True) == cli(
        "graph", "-q", "seeds", "corpus", "--format", "json", "--documents-only"
    )


def test_from_extractions_is_the_graph_of_the_documents(corpus_graph, tmp_path):
    expected = corpus_graph.to_json()
    records = cli("extract", "-q", "--jsonl", "seeds", "corpus")
    assert vanban.Graph.from_extractions(records.splitlines()).to_json() == expected
    assert vanban.Graph.from_extractions(records).to_json() == expected
    dicts = [vanban.extract(f) for f in corpus_files()]
    assert vanban.Graph.from_extractions(reversed(dicts)).to_json() == expected
    file = tmp_path / "records.jsonl"
    file.write_text(records, encoding="utf-8")
    assert vanban.Graph.from_extractions(file).to_json() == expected
    with open(file, encoding="utf-8") as lines:
        assert vanban.Graph.from_extractions(lines).to_json() == expected


def test_networkx_and_pandas(corpus_graph):
    data = corpus_graph.to_dict()
    g = corpus_graph.to_networkx()
    assert (g.number_of_nodes(), g.number_of_edges()) == (len(data["nodes"]), len(data["edges"]))
    assert (corpus_graph.node_count, corpus_graph.edge_count) == (len(data["nodes"]), len(data["edges"]))
    nodes, edges = corpus_graph.nodes_frame(), corpus_graph.edges_frame()
    assert len(nodes) == len(data["nodes"]) and len(edges) == len(data["edges"])
    assert {"id", "kind", "label"} <= set(nodes.columns)
    assert {"source", "target", "type"} <= set(edges.columns)
    seed = nodes[(nodes["number"] == "208/KH-UBND") & (nodes["parsed"] == True)]  # noqa: E712
    assert len(seed) == 1
    up = edges[(edges["source"] == seed["id"].iloc[0]) & (edges["type"] == "implements")]
    assert "urn:lex:vn:tu.tuyen-quang:plan:2024;500-kh-tu" in set(up["target"])


def test_a_missing_pandas_or_networkx_says_what_to_install(corpus_graph, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    monkeypatch.setitem(sys.modules, "networkx", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        corpus_graph.edges_frame()
    with pytest.raises(ImportError, match="pip install networkx"):
        corpus_graph.to_networkx()


# errors


def test_a_decode_error_names_the_file_line_and_column(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 2\xff8/KH\n".encode("utf-8").replace(b"\xc3\xbf", b"\xff"))
    with pytest.raises(vanban.DecodeError) as e:
        vanban.parse(bad)
    assert (e.value.file, e.value.line, e.value.column) == (str(bad), 3, 6)
    assert str(e.value).startswith(f"{bad}: error: invalid UTF-8")
    assert isinstance(e.value, vanban.VanbanError)
    with pytest.raises(vanban.DecodeError) as e:
        vanban.Graph.from_paths([tmp_path])
    assert (e.value.file, e.value.line) == (str(bad), 3)
    with pytest.raises(vanban.DecodeError) as e:
        vanban.extract(text=b"<!DOCTYPE html><html><body>x</body></html>", name="page.html")
    assert (e.value.file, e.value.line, e.value.column) == ("page.html", None, None)


def test_a_missing_file_is_a_read_error(tmp_path):
    missing = tmp_path / "missing.txt"
    with pytest.raises(vanban.ReadError) as e:
        vanban.extract(missing)
    assert e.value.file == str(missing) and "cannot read" in str(e.value)
    with pytest.raises(vanban.ReadError) as e:
        vanban.Graph.from_paths([SEED, missing])
    assert e.value.file == str(missing)


def test_a_bad_record_names_its_line_and_column():
    good = json.dumps(vanban.extract(SEED), ensure_ascii=False)
    with pytest.raises(vanban.RecordError) as e:
        vanban.Graph.from_extractions([good, '{"id": 3}'], name="mine.jsonl")
    assert (e.value.file, e.value.line) == ("mine.jsonl", 2)
    assert e.value.column is not None and e.value.column > 0
    assert str(e.value).startswith("mine.jsonl:2:")
    with pytest.raises(vanban.VanbanError):
        vanban.Graph.from_extractions([])


def test_strict_raises_the_first_error_diagnostic():
    text = "\n\nĐiều 1. Phạm vi\nĐiều 2. Đối tượng\n"
    assert vanban.parse(text=text)["diagnostics"]
    with pytest.raises(vanban.StrictError) as e:
        vanban.parse(text=text, name="draft.txt", strict=True)
    d = [x for x in vanban.parse(text=text)["diagnostics"] if x["severity"] == "error"][0]
    assert (e.value.file, e.value.line, e.value.column) == ("draft.txt", d["span"]["line"], d["span"]["column"])
    assert vanban.parse(SEED, strict=True) == vanban.parse(SEED)


def test_an_unknown_id_is_a_resolve_error(corpus_graph):
    with pytest.raises(vanban.ResolveError) as e:
        corpus_graph.chain("999/XX-YY")
    assert isinstance(e.value, LookupError) and "999/XX-YY" in str(e.value)


def test_errors_pickle_with_their_position():
    e = vanban.DecodeError("a.txt: error: x", "a.txt", 3, 4)
    back = pickle.loads(pickle.dumps(e))
    assert type(back) is vanban.DecodeError
    assert (back.file, back.line, back.column, str(back)) == ("a.txt", 3, 4, "a.txt: error: x")


# threads


def test_threads_give_the_same_answers():
    files = corpus_files()
    one = [vanban.extract(f) for f in files]
    with ThreadPoolExecutor(max_workers=4) as pool:
        many = list(pool.map(vanban.extract, files))
        parsed = list(pool.map(vanban.parse, files[:8]))
        graphs = list(pool.map(lambda _: vanban.Graph.from_paths(["seeds", "corpus"]).to_json(), range(3)))
    assert many == one
    assert parsed == [vanban.parse(f) for f in files[:8]]
    assert len(set(graphs)) == 1
    assert graphs[0] == vanban.Graph.from_extractions(one).to_json()


# Found by the stop-44 attack on the Python package.


def test_task_filters_are_refused_as_the_command_line_refuses_them(corpus_graph):
    for kwargs in (
        {"due_before": "2025-02-30"},
        {"due_after": "2025-13-45"},
        {"overdue_as_of": "9999-99-99"},
        {"agency": ""},
        {"document": "  "},
    ):
        with pytest.raises(ValueError) as e:
            corpus_graph.tasks(**kwargs)
        assert next(iter(kwargs)) in str(e.value)
    assert corpus_graph.tasks(due_before="2024-02-29") is not None


def test_error_messages_escape_control_characters(tmp_path):
    missing = tmp_path / "a\x1b]0;owned\x07\nb.txt"
    with pytest.raises(vanban.ReadError) as e:
        vanban.parse(missing)
    assert "\x1b" not in str(e.value) and "\n" not in str(e.value) and "\x07" not in str(e.value)
    assert e.value.file == str(missing)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a Unix thing")
def test_what_a_walk_skips_is_a_warning(tmp_path):
    (tmp_path / "a.txt").write_text((ROOT / SEED).read_text(encoding="utf-8"), encoding="utf-8")
    os.mkfifo(tmp_path / "zz.txt")
    with pytest.warns(UserWarning, match="zz.txt: warning: skipped: a FIFO"):
        g = vanban.Graph.from_paths([tmp_path])
    assert g.node_count > 0


def test_records_of_a_file_are_read_a_line_at_a_time(tmp_path):
    if os.path.exists("/dev/zero"):
        with pytest.raises(vanban.RecordError) as e:
            vanban.Graph.from_extractions(pathlib.Path("/dev/zero"))
        assert "NUL" in str(e.value) and e.value.line == 1
    records = tmp_path / "x.jsonl"
    records.write_text(json.dumps(vanban.extract(SEED), ensure_ascii=False) + "\n", encoding="utf-8")
    by_path = vanban.Graph.from_extractions(records)
    assert by_path.to_json() == vanban.Graph.from_paths([SEED]).to_json()
    # A str is a line of JSON; one that names a file says to give a Path.
    with pytest.raises(TypeError, match="pathlib.Path"):
        vanban.Graph.from_extractions(str(records))
