//! The command-line tool as a user runs it: output shapes, exit codes, error messages and
//! the user-extended agency registry.

#![allow(clippy::unwrap_used)] // A failed unwrap is a failed test.

/// The repository root: the corpus, seeds and test data live there, not in this crate.
const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

use std::path::Path;
use std::process::{Command, Output};

const PLAN: &str = "ỦY BAN NHÂN DÂN
TỈNH TUYÊN QUANG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/KH-UBND
Tuyên Quang, ngày 3 tháng 4 năm 2025
KẾ HOẠCH
Thực hiện Kế hoạch số 500-KH/TU ngày 22/7/2024 của Ban Thường vụ Tỉnh ủy
I. NHIỆM VỤ
1. Sở KH&ĐT chủ trì, phối hợp với Sở Nội vụ rà soát, hoàn thành trước ngày 30/6/2025.
";

fn vanban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .current_dir(REPO)
        .output()
        .expect("the binary runs")
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

/// How many documents a bundled folder holds.
fn bundled(folder: &str) -> usize {
    std::fs::read_dir(Path::new(REPO).join(folder))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt"))
        })
        .count()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn extract_prints_an_array_and_jsonl_prints_lines() {
    let seed = "seeds/208-KH-UBND_2024_TuyenQuang.txt";
    let nd = "corpus/ND_30-2020-ND-CP_2020.txt";
    let out = vanban(&["extract", seed, nd]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let all = json(&out);
    let all = all.as_array().expect("an array");
    assert_eq!(all.len(), 2);
    assert_eq!(all[0]["number"]["raw"], "208/KH-UBND");
    assert_eq!(all[1]["kind"], "decree");

    let out = vanban(&["extract", "--jsonl", seed, nd]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0], all[0]);
    assert_eq!(lines[1], all[1]);
}

#[test]
fn extract_output_is_the_same_bytes_in_any_run() {
    let args = ["extract", "seeds/208-KH-UBND_2024_TuyenQuang.txt"];
    assert_eq!(vanban(&args).stdout, vanban(&args).stdout);
}

#[test]
fn user_agencies_and_abbreviations_extend_the_registry() {
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), "plan.txt", PLAN);
    let out = vanban(&["extract", &plan]);
    let x = json(&out);
    assert_eq!(x[0]["assignments"][0]["lead"][0], "Sở Kế hoạch và Đầu tư");
    assert_eq!(x[0]["assignments"][0]["cooperating"][0], "Sở Nội vụ");

    // A user maps the department to its successor after the 2025 merger.
    let agencies = write(
        dir.path(),
        "agencies.tsv",
        "# merged departments\nSở Tài chính\tSở Kế hoạch và Đầu tư|Sở KH&ĐT\n",
    );
    let out = vanban(&["extract", &plan, "--agencies", &agencies]);
    assert!(out.status.success());
    let x = json(&out);
    assert_eq!(x[0]["assignments"][0]["lead"][0], "Sở Tài chính");
    assert_eq!(x[0]["assignments"][0]["cooperating"][0], "Sở Nội vụ");

    // An abbreviation the built-in list does not know.
    let text = PLAN.replace("Sở KH&ĐT", "BQLDA tỉnh");
    let plan2 = write(dir.path(), "plan2.txt", &text);
    let abbreviations = write(dir.path(), "abbr.tsv", "BQLDA\tBan Quản lý dự án\n");
    let out = vanban(&["extract", &plan2, "--abbreviations", &abbreviations]);
    let x = json(&out);
    let lead = x[0]["assignments"][0]["lead"].to_string();
    assert!(lead.contains("Ban Quản lý dự án tỉnh"), "{lead}");
}

#[test]
fn unreadable_inputs_name_the_file_and_exit_3() {
    let out = vanban(&["extract", "no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no/such/file.txt") && err.contains("cannot read"),
        "{err}"
    );

    let out = vanban(&[
        "extract",
        "seeds/208-KH-UBND_2024_TuyenQuang.txt",
        "--agencies",
        "no/agencies.tsv",
    ]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/agencies.tsv"));

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.tsv");
    std::fs::write(&bad, b"S\xe1 Foo\tx\n").unwrap();
    let out = vanban(&[
        "extract",
        "seeds/208-KH-UBND_2024_TuyenQuang.txt",
        "--agencies",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.tsv:1:") && err.contains("not UTF-8"),
        "{err}"
    );
}

#[test]
fn parse_formats_and_exit_codes() {
    let seed = "seeds/208-KH-UBND_2024_TuyenQuang.txt";
    let out = vanban(&["parse", seed, "--format", "text"]);
    assert!(out.status.success());
    let source = std::fs::read_to_string(Path::new(REPO).join(seed)).unwrap();
    // The text rendering is the normalised input: same lines, same words.
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().lines().count(),
        source.lines().count()
    );
    let out = vanban(&["parse", seed]);
    assert_eq!(json(&out)["header"]["number"]["raw"], "208/KH-UBND");
    let out = vanban(&["parse", seed, "--format", "nonsense"]);
    assert_eq!(out.status.code(), Some(2));
}

fn vanban_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vanban"));
    c.args(args).current_dir(REPO);
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("the binary runs")
}

#[test]
fn chain_works_on_the_bundled_corpus_from_anywhere() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["chain", "208/KH-UBND", "-q"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("208/KH-UBND"), "{text}");
    assert!(lines[1].contains("implements → 500-KH/TU"), "{text}");
    assert!(lines[2].contains("implements → 72-KL/TW"), "{text}");
    assert!(
        lines[3].contains("continues_implementing → 13-NQ/TW"),
        "{text}"
    );
}

#[test]
fn graph_output_is_the_same_for_any_file_order_and_thread_count() {
    let a = [
        "graph",
        "-q",
        "--format",
        "json",
        "seeds",
        "corpus/CV_9387-UBND-KT_2026_LaoCai.txt",
        "corpus/CV_2449-CV-DU_2026_LaoCai.txt",
        "corpus/ND_30-2020-ND-CP_2020.txt",
    ];
    let b = [
        "graph",
        "-q",
        "--format",
        "json",
        "corpus/ND_30-2020-ND-CP_2020.txt",
        "corpus/CV_2449-CV-DU_2026_LaoCai.txt",
        "seeds",
        "corpus/CV_9387-UBND-KT_2026_LaoCai.txt",
    ];
    let one = vanban_env(&a, &[("RAYON_NUM_THREADS", "1")]);
    let two = vanban_env(&b, &[("RAYON_NUM_THREADS", "2")]);
    assert!(one.status.success());
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, two.stdout);
    let full_one = vanban_env(
        &["graph", "-q", "--format", "graphml"],
        &[("RAYON_NUM_THREADS", "1")],
    );
    let full_two = vanban_env(
        &["graph", "-q", "--format", "graphml"],
        &[("RAYON_NUM_THREADS", "2")],
    );
    assert_eq!(full_one.stdout, full_two.stdout);
}

/// Run vanban with `input` on standard input.
fn vanban_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .current_dir(REPO)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // (A command may refuse before it reads: a pipe it closed is no failure of the test's.)
    let _ = child.stdin.take().unwrap().write_all(input);
    child.wait_with_output().unwrap()
}

#[test]
fn graph_from_extraction_records_is_the_graph_of_the_documents() {
    let records = vanban(&["extract", "-q", "--jsonl", "seeds", "corpus"]);
    assert!(records.status.success());
    let first: serde_json::Value = serde_json::from_str(
        String::from_utf8_lossy(&records.stdout)
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(first["source"], "seeds/208-KH-UBND_2024_TuyenQuang.txt");
    for format in ["json", "summary"] {
        let direct = vanban(&["graph", "-q", "--format", format]);
        let reduced = vanban_stdin(
            &["graph", "-q", "--from-jsonl", "-", "--format", format],
            &records.stdout,
        );
        assert!(
            reduced.status.success(),
            "{}",
            String::from_utf8_lossy(&reduced.stderr)
        );
        assert!(!direct.stdout.is_empty());
        assert_eq!(direct.stdout, reduced.stdout, "graph --format {format}");
    }
    // Every graph command loads through the same path: a query from a records file.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("records.jsonl");
    std::fs::write(&file, &records.stdout).unwrap();
    let file = file.to_str().unwrap();
    let direct = vanban(&["chain", "208/KH-UBND"]);
    let reduced = vanban(&["chain", "208/KH-UBND", "--from-jsonl", file]);
    assert!(reduced.status.success());
    assert_eq!(direct.stdout, reduced.stdout);
    // Records and documents do not mix.
    let out = vanban(&["graph", "--from-jsonl", file, "seeds"]);
    assert_eq!(out.status.code(), Some(2));
    // -v prints each document's own warnings from its record as from the document (found
    // at stop 44: they were left out).
    let from_documents = vanban(&["graph", "-v", "seeds", "corpus"]);
    let from_records = vanban(&["graph", "-v", "--from-jsonl", file]);
    assert_eq!(
        String::from_utf8_lossy(&from_documents.stderr),
        String::from_utf8_lossy(&from_records.stderr)
    );
    assert!(from_records.stderr.len() > 200);
}

#[test]
fn a_bad_extraction_record_is_an_error_naming_its_line() {
    let records = vanban(&["extract", "-q", "--jsonl", "seeds"]);
    let mut input = records.stdout.clone();
    input.extend_from_slice(b"\n{\"id\": 3}\n");
    let out = vanban_stdin(&["graph", "--from-jsonl", "-"], &input);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("standard input:3:8: error: not an extraction record: invalid type"),
        "{err}"
    );
    assert!(!err.contains("panic"), "{err}");
    let out = vanban_stdin(&["implementers", "x", "--from-jsonl", "-"], b"\xff\xfe\n");
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("standard input:1: error: cannot read"),
        "{err}"
    );
    let out = vanban_stdin(&["graph", "--from-jsonl", "-"], b"\n\n");
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no extraction records"));
    // The array `extract` writes without --jsonl says so.
    let array = vanban(&["extract", "-q", "seeds"]);
    let out = vanban_stdin(&["graph", "--from-jsonl", "-"], &array.stdout);
    assert_refused(&out, 3, "write them with `vanban extract --jsonl`");
}

/// `out` exited with `code` and its stderr says `says`.
fn assert_refused(out: &Output, code: i32, says: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{err}");
    assert!(err.contains(says), "{err}");
}

#[test]
fn an_ambiguous_or_unknown_id_says_how_to_choose() {
    let dir = tempfile::tempdir().unwrap();
    for (name, province) in [("a.txt", "LÀO CAI"), ("b.txt", "TUYÊN QUANG")] {
        let place = if province == "LÀO CAI" {
            "Lào Cai"
        } else {
            "Tuyên Quang"
        };
        write(
            dir.path(),
            name,
            &format!(
                "ỦY BAN NHÂN DÂN\nTỈNH {province}\nSố: 99/KH-UBND\n{place}, ngày 10 tháng 3 năm 2025\nKẾ HOẠCH\nVề X\nI. MỤC ĐÍCH\n1. Nội dung.\n"
            ),
        );
    }
    let d = dir.path().to_str().unwrap();
    let out = vanban(&["chain", "99/KH-UBND", d]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("matches 2 documents"), "{err}");
    assert!(
        err.contains("urn:lex:vn:ubnd.lao-cai:plan:2025;99-kh-ubnd"),
        "{err}"
    );
    assert!(
        err.contains("urn:lex:vn:ubnd.tuyen-quang:plan:2025;99-kh-ubnd"),
        "{err}"
    );
    let out = vanban(&["chain", "urn:lex:vn:ubnd.lao-cai:plan:2025;99-kh-ubnd", d]);
    assert!(out.status.success());
    let out = vanban(&["chain", "12345/XYZ", d]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no document matches"));
}

#[test]
fn extract_walks_folders_reads_file_lists_and_is_deterministic() {
    let by_dir = vanban_env(
        &["extract", "-q", "--jsonl", "corpus"],
        &[("RAYON_NUM_THREADS", "1")],
    );
    assert!(by_dir.status.success());
    let lines = String::from_utf8(by_dir.stdout.clone()).unwrap();
    assert_eq!(lines.lines().count(), bundled("corpus"));
    // The same documents listed on standard input, on two threads: the same bytes.
    let mut list: Vec<String> = std::fs::read_dir(Path::new(REPO).join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| format!("corpus/{}", p.file_name().unwrap().to_string_lossy()))
        .collect();
    list.sort();
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["extract", "-q", "--jsonl", "--files-from", "-"])
        .current_dir(REPO)
        .env("RAYON_NUM_THREADS", "2")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write as _;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(list.join("\n").as_bytes()).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout, by_dir.stdout);
}

/// Found at stop 58: standard input given both as the file list and as a document was read
/// as the list, and each line of the document reported as a path that could not be read.
#[test]
fn standard_input_cannot_be_both_the_list_and_a_document() {
    let seed =
        std::fs::read(Path::new(REPO).join("seeds/208-KH-UBND_2024_TuyenQuang.txt")).unwrap();
    let out = vanban_stdin(&["extract", "--files-from", "-", "-"], &seed);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("standard input is given both as the file list"),
        "{err}"
    );
}

#[test]
fn diagnostics_are_plain_when_piped_and_underlined_on_request() {
    let file = "corpus/CV_9387-UBND-KT_2026_LaoCai.txt";
    let plain = vanban(&["extract", file, "-o", "/dev/null"]);
    let err = String::from_utf8_lossy(&plain.stderr);
    assert!(
        err.contains(
            "corpus/CV_9387-UBND-KT_2026_LaoCai.txt:31:56: warning[citation-issuer-mismatch]"
        ),
        "{err}"
    );
    assert!(!err.contains('╭'));
    let fancy = vanban(&["extract", file, "-o", "/dev/null", "--diagnostics", "fancy"]);
    let err = String::from_utf8_lossy(&fancy.stderr);
    assert!(
        err.contains("citation-issuer-mismatch") && err.contains('╭'),
        "{err}"
    );
    assert!(
        err.contains("động số 104-CTr/Tu của Ủy ban nhân dân tỉnh"),
        "the source line is shown: {err}"
    );
    // No colour codes when not on a terminal.
    assert!(!err.contains('\u{1b}'));
}

#[test]
fn akoma_ntoso_output_is_well_formed_and_complete() {
    let out = vanban(&[
        "parse",
        "-q",
        "seeds/208-KH-UBND_2024_TuyenQuang.txt",
        "--format",
        "akn",
    ]);
    assert!(out.status.success());
    let xml = String::from_utf8(out.stdout).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "akomaNtoso");
    let count = |name: &str| {
        doc.descendants()
            .filter(|n| n.tag_name().name() == name)
            .count()
    };
    assert_eq!(count("doc"), 1);
    assert_eq!(count("docNumber"), 1);
    // The seed's hierarchy: 3 Roman sections, 23 points (II.1 a–c, II.2 a–b, II.3 a–đ, II.4 a–o).
    let named = |v: &str| {
        doc.descendants()
            .filter(|n| n.tag_name().name() == "hcontainer" && n.attribute("name") == Some(v))
            .count()
    };
    assert_eq!(named("division"), 3);
    assert_eq!(count("point"), 23);
    assert!(count("ref") >= 10, "citations marked in the text");
    assert!(doc.descendants().any(|n| n.tag_name().name() == "activeRef"
        && n.attribute("eId")
            .is_some_and(|e| e.starts_with("implements_"))));
    let ids: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("eId"))
        .collect();
    let unique: std::collections::BTreeSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "eIds are unique");
}

#[test]
fn the_html_report_is_one_self_contained_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    let out = vanban(&["report", "--format", "html", "-o", path.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(
        html.matches("<tr><td>").count(),
        bundled("seeds") + bundled("corpus"),
        "a row per document"
    );
    assert!(
        html.contains("208/KH-UBND") && html.contains("<svg"),
        "chains with pictures"
    );
    assert!(
        html.contains("Tasks by agency") && html.contains("Sở Kế hoạch và Đầu tư (Tuyên Quang)")
    );
    // Self-contained: no external resource.
    for needle in ["src=\"http", "href=\"http", "<link "] {
        assert!(!html.contains(needle), "{needle}");
    }
}

#[test]
fn corpus_findings_are_counted_and_listed_with_v() {
    // The same document twice: one `duplicate-document` finding.
    let dir = tempfile::tempdir().unwrap();
    let text = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 7/KH-UBND\nLào Cai, ngày 10 tháng 3 năm 2025\nKẾ HOẠCH\nVề X\nI. MỤC ĐÍCH\n1. Nội dung.\n";
    write(dir.path(), "a.txt", text);
    write(dir.path(), "b.txt", text);
    write(
        dir.path(),
        "c.txt",
        &text.replace("7/KH-UBND", "8/KH-UBND").replace(
            "Về X",
            "Thực hiện Kế hoạch số 7/KH-UBND ngày 10/3/2025 của UBND tỉnh",
        ),
    );
    let d = dir.path().to_str().unwrap();
    // `graph` counts the findings in one line …
    let out = vanban(&["graph", d, "--format", "json"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("graph: 1 finding about the corpus (duplicate-document 1); -v lists it"),
        "{err}"
    );
    // … a query names only the findings about the document it was asked about …
    let out = vanban(&["chain", "7/KH-UBND", d]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("graph: warning[duplicate-document]"), "{err}");
    assert!(!err.contains("about the corpus"), "{err}");
    // … and is quiet about the others: the count is not repeated for every query.
    let out = vanban(&["chain", "8/KH-UBND", d]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = vanban(&["chain", "7/KH-UBND", d, "-v"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("graph: warning[duplicate-document]"), "{err}");
    let out = vanban(&["chain", "7/KH-UBND", d, "-q"]);
    assert!(out.stderr.is_empty());
}

#[test]
fn chain_counts_asserting_documents_and_lists_them_on_request() {
    let counted = json(&vanban(&["chain", "208/KH-UBND", "--format", "json", "-q"]));
    let own = counted["node"]["id"].clone();
    let first = &counted["links"][0];
    assert_eq!(first["asserted_count"], 1);
    assert!(first.get("asserted_by").is_none(), "{first}");
    let listed = json(&vanban(&[
        "chain",
        "208/KH-UBND",
        "--format",
        "json",
        "--asserters",
        "-q",
    ]));
    assert_eq!(listed["links"][0]["asserted_by"], serde_json::json!([own]));
    let text = vanban(&["chain", "208/KH-UBND", "--asserters", "-q"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert_eq!(
        text.matches("asserted by: urn:lex:vn:").count(),
        3,
        "{text}"
    );
}

/// Filter values that would silently filter by nothing are refused, naming the option: a day
/// that is not in the calendar, an empty name or id (found in every one). A real day, a leap
/// day included, is taken.
#[test]
fn filters_refuse_days_not_in_the_calendar_and_empty_text() {
    for (args, says) in [
        (
            vec!["tasks", "corpus", "--due-before", "9999-99-99"],
            "--due-before",
        ),
        (
            vec!["tasks", "corpus", "--due-after", "2025-02-30"],
            "--due-after",
        ),
        (
            vec!["tasks", "corpus", "--due-before", "2023-02-29"],
            "--due-before",
        ),
        (
            vec!["tasks", "corpus", "--due-before", "2025-13-01"],
            "--due-before",
        ),
        (
            vec!["tasks", "corpus", "--due-before", "2025-01-00"],
            "--due-before",
        ),
        (vec!["tasks", "corpus", "--agency", " "], "--agency"),
        (vec!["tasks", "corpus", "--document", ""], "--document"),
        (vec!["agency", "", "corpus"], "<NAME>"),
        // (Found at stop 44.)
        (vec!["unimplemented", "corpus", "--issuer", " "], "--issuer"),
    ] {
        let out = vanban(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    for day in ["2024-02-29", "2025-12-31", "2025-04-30"] {
        let out = vanban(&["tasks", "corpus", "--due-before", day, "-q"]);
        assert!(
            out.status.success(),
            "{day}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// The document walks refuse an agency's or a task's id, naming what it is (they answered as
/// for a document with no links, exit 0: the fourth hostile round).
#[test]
fn the_walks_refuse_an_agency_or_a_task() {
    let agency = "agency:ban-quan-ly-cac-khu-cong-nghiep-tinh-tuyen-quang";
    let task = "task:urn:lex:vn:ubnd.tuyen-quang:plan:2024;208-kh-ubnd#sec_III__item_1";
    for (args, what) in [
        (&["chain", agency, "seeds"][..], "is an agency"),
        (&["implementers", agency, "seeds"], "is an agency"),
        (&["path", agency, "208/KH-UBND", "seeds"], "is an agency"),
        (&["implementers", task, "seeds"], "is a task"),
    ] {
        let out = vanban(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(what), "{args:?}: {err}");
    }
    assert!(vanban(&["chain", "208/KH-UBND", "seeds"]).status.success());
}

/// `lint` and `report` on a folder without documents fail as every other command does (exit
/// 3, "no documents to read"): a mistyped folder in a CI step passed in silence.
#[test]
fn lint_and_report_on_a_folder_without_documents_fail() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.md"), "Số: 1/KH-UBND\n").unwrap();
    let folder = dir.path().to_str().unwrap();
    for args in [["lint", folder], ["report", folder]] {
        let out = vanban(&args);
        assert_eq!(out.status.code(), Some(3), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("no documents to read"));
    }
}

/// A standard error that is full (or closed) loses its messages and changes nothing else:
/// each command keeps its documented exit code (found by the fourth hostile round: `parse` of a
/// missing file, `chain` of an unknown id and `graph -v` exited 101, a panic, with `2>/dev/full`).
#[cfg(unix)]
#[test]
fn a_full_standard_error_keeps_the_exit_code() {
    let cases: [(&[&str], i32); 5] = [
        (&["parse", "no/such/file.txt"], 3),
        (&["chain", "999/XX-YY", "seeds"], 1),
        (&["graph", "seeds", "-v"], 0),
        (&["extract", "no/such/file.txt"], 3),
        (&["cycles", "seeds"], 0),
    ];
    for (args, code) in cases {
        let full = std::fs::File::create("/dev/full").unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
            .args(args)
            .current_dir(REPO)
            .stdout(std::process::Stdio::null())
            .stderr(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?} 2>/dev/full");
    }
}

/// An output that cannot be written fails with exit 3 and a message naming it: the path of
/// `-o` (here a folder), or standard output (here `/dev/full`). Each command writes through
/// one of a few paths (streamed JSON, a text answer, a report, a schema); before stop 43 some
/// named the input instead, or nothing.
#[cfg(unix)]
#[test]
fn an_unwritable_output_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().to_str().unwrap();
    let seed = "seeds/208-KH-UBND_2024_TuyenQuang.txt";
    let commands: [&[&str]; 10] = [
        &["parse", seed],
        &["parse", seed, "--format", "outline"],
        &["extract", "seeds"],
        &["graph", "seeds", "--format", "json"],
        &["graph", "seeds", "--format", "svg"],
        &["lint", "seeds"],
        &["report", "seeds"],
        &["schema", "parse"],
        &["chain", "208/KH-UBND", "seeds"],
        &["tasks", "seeds"],
    ];
    for args in commands {
        let mut to_folder = args.to_vec();
        to_folder.extend(["-o", folder]);
        let out = vanban(&to_folder);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{to_folder:?}: {err}");
        assert!(
            err.contains(&format!("{folder}: error: cannot write the output")),
            "{to_folder:?}: {err}"
        );
        // A folder that does not exist is named as such (not the temporary file's path).
        let missing = format!("{folder}/missing/out.txt");
        let mut to_missing = args.to_vec();
        to_missing.extend(["-o", &missing]);
        let out = vanban(&to_missing);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{to_missing:?}: {err}");
        assert!(
            err.contains(&format!("there is no folder {folder}/missing")) && !err.contains(".part"),
            "{to_missing:?}: {err}"
        );
        let full = std::fs::File::create("/dev/full").unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
            .args(args)
            .current_dir(REPO)
            .stdout(full)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{args:?} > /dev/full: {err}");
        assert!(
            err.contains("error: cannot write to standard output"),
            "{args:?} > /dev/full: {err}"
        );
    }
    // The help and the version too (found at stop 44: exit 0 on a full disk).
    for args in [["--help"], ["--version"], ["help"]] {
        let full = std::fs::File::create("/dev/full").unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
            .args(args)
            .stdout(full)
            .output()
            .unwrap();
        assert_refused(&out, 3, "error: cannot write to standard output");
    }
}

#[test]
fn the_task_list_for_spreadsheets_shows_formulas_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let plan = PLAN.replace(
        "1. Sở KH&ĐT chủ trì",
        "1. -Sở KH&ĐT chủ trì, thời hạn: =HYPERLINK(x)\n2. +Sở Y tế chủ trì",
    );
    let path = write(dir.path(), "plan.txt", &plan);
    let out = vanban(&["tasks", "-q", &path, "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0));
    let csv = String::from_utf8(out.stdout).unwrap();
    // Each task's text starts with a formula character and is shown as text.
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(
        csv.contains(",\"'-Sở KH&ĐT chủ trì") && csv.contains(",\"'+Sở Y tế chủ trì"),
        "{csv}"
    );
    assert!(
        !csv.contains(",-Sở") && !csv.contains(",\"-Sở") && !csv.contains(",\"+Sở"),
        "{csv}"
    );
    // The graph's import files keep the text as it is.
    let out = vanban(&[
        "graph",
        "-q",
        &path,
        "--format",
        "csv",
        "-o",
        &dir.path().join("g").to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let nodes = std::fs::read_to_string(dir.path().join("g/nodes.csv")).unwrap();
    assert!(
        nodes.contains(",\"-Sở KH&ĐT chủ trì") && nodes.contains(",\"+Sở Y tế chủ trì"),
        "{nodes}"
    );
}

// Found at stop 44: `path A A` printed nothing (the JSON gives no step), and a stub known by
// name only was described "(, not parsed)".
#[test]
fn a_path_to_itself_and_a_stub_of_no_kind_read_well() {
    let out = vanban(&["path", "-q", "208/KH-UBND", "208/KH-UBND"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("208/KH-UBND  (Kế hoạch, 2024-11-20"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1, "{text}");
    let out = vanban(&["orphans", "-q"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("(not parsed)") && !text.contains("(, "),
        "{text}"
    );
}
