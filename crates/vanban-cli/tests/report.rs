//! The corpus report against the committed baseline (`tests/corpus-report.json`): any change
//! in what the corpus gives must come with an updated baseline, and regressions are named.

#![allow(clippy::unwrap_used)] // A failed unwrap is a failed test.

/// The repository root: the corpus, seeds and test data live there, not in this crate.
const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

use std::path::{Path, PathBuf};
use std::process::Command;

use vanban::lint::report::{diff, document_report, DocumentReport, Report};

fn root() -> &'static Path {
    Path::new(REPO)
}

fn baseline() -> Report {
    let text = std::fs::read_to_string(root().join("tests/corpus-report.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn current() -> Report {
    let mut files: Vec<PathBuf> = ["seeds", "corpus"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root().join(d)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let docs = files
        .iter()
        .map(|f| {
            let parsed = vanban::parse_bytes(&std::fs::read(f).unwrap()).unwrap();
            let x = vanban::extract(&parsed);
            let name = f.strip_prefix(root()).unwrap().display().to_string();
            document_report(&name, &parsed, &x)
        })
        .collect();
    Report::new(docs)
}

#[test]
fn the_corpus_gives_what_the_baseline_says() {
    let d = diff(&baseline(), &current());
    assert!(
        d.is_empty(),
        "the corpus report changed:\n{}\nRead every change; when it is right, update the baseline in \
         the same commit: cargo run --release -- report --format json -o tests/corpus-report.json",
        d.text()
    );
}

#[test]
fn regressions_are_named() {
    let before = baseline();
    let mut after = before.clone();
    let seed = after
        .documents
        .iter_mut()
        .find(|d| d.file.ends_with("208-KH-UBND_2024_TuyenQuang.txt"))
        .unwrap();
    seed.number = None;
    let lost = seed.citations.pop().unwrap();
    *seed.severities.entry("error".to_owned()).or_default() += 1;
    after
        .documents
        .retain(|d| !d.file.ends_with("ND_30-2020-ND-CP_2020.txt"));
    let d = diff(&before, &after);
    assert!(d.regressed());
    assert_eq!(d.removed, ["corpus/ND_30-2020-ND-CP_2020.txt"]);
    let changed = &d.changed[0];
    assert_eq!(changed.file, "seeds/208-KH-UBND_2024_TuyenQuang.txt");
    assert_eq!(changed.lost_citations, [lost]);
    assert_eq!(
        changed.regressions,
        [
            "header field number lost",
            "fewer citations (16 → 15)",
            "more errors (0 → 1)"
        ]
    );
    // An improvement is a change, not a regression.
    let d = diff(&after, &before);
    assert!(!d.regressed() || !d.removed.is_empty());
    assert!(d.changed.iter().all(|c| c.regressions.is_empty()));
}

/// Reports of the baseline's first two documents under other paths.
fn two_as(files: [&str; 2]) -> Report {
    let b = baseline();
    let docs = b.documents.into_iter().take(2).zip(files);
    Report::new(
        docs.map(|(d, f)| DocumentReport {
            file: f.to_owned(),
            ..d
        })
        .collect(),
    )
}

// Found at stop 44: documents were matched by file name alone, so with `a/x.txt` and
// `b/x.txt` in the baseline and `b/x.txt` deleted, `a/x.txt` was compared with the baseline's
// `b/x.txt` ("changed"), nothing was "removed", and the exit code was 0.
#[test]
fn documents_of_one_name_in_two_folders_are_never_taken_for_each_other() {
    let before = two_as(["a/x.txt", "b/x.txt"]);
    let mut after = before.clone();
    after.documents.pop();
    let d = diff(&before, &after);
    assert_eq!(d.removed, ["b/x.txt"]);
    assert!(
        d.changed.is_empty() && d.added.is_empty() && d.regressed(),
        "{}",
        d.text()
    );
    // Either one gone.
    let mut after = before.clone();
    after.documents.remove(0);
    let d = diff(&before, &after);
    assert_eq!(d.removed, ["a/x.txt"], "{}", d.text());
    assert!(d.changed.is_empty(), "{}", d.text());
    // The same corpus read from elsewhere, one folder per province: each file its own.
    let before = two_as(["corpus/p1/x.txt", "corpus/p2/x.txt"]);
    for moved in [
        ["/data/corpus/p1/x.txt", "/data/corpus/p2/x.txt"],
        ["p1/x.txt", "p2/x.txt"],
    ] {
        let d = diff(&before, &two_as(moved));
        assert!(d.is_empty(), "{moved:?}: {}", d.text());
        let d = diff(&before, &two_as([moved[1], moved[0]]));
        assert_eq!(d.changed.len(), 2, "{moved:?} swapped: {}", d.text());
    }
    // A file of a name of its own found in another folder is that file.
    let d = diff(
        &two_as(["a/x.txt", "a/y.txt"]),
        &two_as(["b/x.txt", "a/y.txt"]),
    );
    assert!(d.is_empty(), "{}", d.text());
    // Names that are not UTF-8 read the same ("�.txt"): matched in order, one gone is gone.
    let before = two_as(["d/\u{fffd}.txt", "d/\u{fffd}.txt"]);
    assert!(diff(&before, &before).is_empty());
    let mut after = before.clone();
    after.documents.pop();
    let d = diff(&before, &after);
    assert!(d.regressed() && d.removed.len() == 1, "{}", d.text());
}

#[test]
fn the_cli_exits_1_on_a_regression() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = baseline();
    // The baseline claims one citation more for the seed than the corpus gives.
    let seed = b
        .documents
        .iter_mut()
        .find(|d| d.file.ends_with("208-KH-UBND_2024_TuyenQuang.txt"))
        .unwrap();
    seed.citations.push("999/KH-UBND (full)".to_owned());
    let path = dir.path().join("baseline.json");
    std::fs::write(&path, serde_json::to_string(&b).unwrap()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["report", "--baseline", path.to_str().unwrap()])
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("REGRESSION"), "{text}");
    assert!(text.contains("- citation 999/KH-UBND (full)"), "{text}");
    assert!(text.contains("1 regressed"), "{text}");
}

/// A baseline that lists a document twice is refused, naming it (every present document read
/// as gone from it, exit 1); one saved with a byte-order mark is read; one with a byte that is
/// no UTF-8 is refused at its line and column; a line feed in a name of the difference is
/// written `\u{a}` (it forged a line of its own). (The fourth hostile round.)
#[test]
fn odd_baselines_are_read_or_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let run = |path: &Path| {
        Command::new(env!("CARGO_BIN_EXE_vanban"))
            .args(["report", "--baseline", path.to_str().unwrap(), "-q"])
            .current_dir(root())
            .output()
            .unwrap()
    };
    let mut b = baseline();
    let json = serde_json::to_string(&b).unwrap();
    let bom = dir.path().join("bom.json");
    std::fs::write(&bom, format!("\u{feff}{json}")).unwrap();
    let out = run(&bom);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bad = dir.path().join("bad.json");
    let mut bytes = json.clone().into_bytes();
    bytes.splice(1..1, [b'\n', 0xFF]);
    std::fs::write(&bad, bytes).unwrap();
    let err = String::from_utf8_lossy(&run(&bad).stderr).into_owned();
    assert!(
        err.contains("bad.json:2:1: error: the baseline is not UTF-8"),
        "{err}"
    );
    let doubled = b.documents.clone();
    b.documents.extend(doubled);
    let twice = dir.path().join("twice.json");
    std::fs::write(&twice, serde_json::to_string(&b).unwrap()).unwrap();
    let out = run(&twice);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(
        err.contains("error: the baseline lists ") && err.contains(" twice"),
        "{err}"
    );
    let mut d = vanban::lint::report::Diff::default();
    d.added.push("nl/b\nx: REGRESSION: forged.txt".to_owned());
    assert!(d
        .text()
        .starts_with("nl/b\\u{a}x: REGRESSION: forged.txt: new document\n"));
}
