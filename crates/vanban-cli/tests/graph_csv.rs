//! `vanban graph --format csv -o DIR`: the files of a Neo4j import written into a directory,
//! and the errors for an output that cannot be one.

#![allow(clippy::unwrap_used)] // A failed unwrap is a failed test.

/// The repository root: the corpus, seeds and test data live there, not in this crate.
const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

use std::path::Path;
use std::process::{Command, Output};

const SEED: &str = "seeds/208-KH-UBND_2024_TuyenQuang.txt";

fn vanban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .current_dir(REPO)
        .output()
        .expect("the binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn csv_needs_a_directory_and_never_writes_standard_output() {
    let out = vanban(&["graph", "-q", SEED, "--format", "csv"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert!(
        stderr(&out).contains("not standard output: give a directory with -o DIR"),
        "{}",
        stderr(&out)
    );
    let out = vanban(&["graph", "-q", SEED, "--format", "csv", "-o", "-"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(out.stdout.is_empty());

    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("graph.csv");
    std::fs::write(&file, "keep me").unwrap();
    let out = vanban(&["graph", "-q", SEED, "--format", "csv", "-o"]);
    assert_eq!(out.status.code(), Some(2), "-o without a value");
    let out = vanban(&[
        "graph",
        "-q",
        SEED,
        "--format",
        "csv",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!("{}: error: ", file.display())) && err.contains("not one"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
    let entries = std::fs::read_dir(tmp.path()).unwrap().count();
    assert_eq!(entries, 1, "nothing else written");
}

/// The files of a directory, sorted by name.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn csv_makes_the_directory_and_writes_the_same_bytes_again() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("import").join("graph");
    let d = dir.to_str().unwrap();
    let out = vanban(&["graph", "-q", SEED, "--format", "csv", "-o", d]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert_eq!(listing(&dir), ["nodes.csv", "relationships.csv"]);
    let nodes = std::fs::read_to_string(dir.join("nodes.csv")).unwrap();
    let rels = std::fs::read_to_string(dir.join("relationships.csv")).unwrap();
    assert!(
        nodes.starts_with("id:ID,:LABEL,kind,label,parsed:boolean,"),
        "{nodes}"
    );
    assert!(
        nodes.contains(",Document,document,208/KH-UBND,true,plan,"),
        "{nodes}"
    );
    assert!(rels.starts_with(":START_ID,:END_ID,:TYPE,asserted_by,start:long,end:long,"));
    assert!(rels.contains(",IMPLEMENTS,"), "{rels}");

    // Again into the existing directory, with the paths in another order: the same bytes, and
    // no temporary file left.
    let out = vanban(&["graph", "-q", "--format", "csv", "-o", d, SEED, SEED]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(listing(&dir), ["nodes.csv", "relationships.csv"]);
    assert_eq!(
        std::fs::read_to_string(dir.join("nodes.csv")).unwrap(),
        nodes
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("relationships.csv")).unwrap(),
        rels
    );

    // --documents-only: document rows only, the same header.
    let docs = tmp.path().join("docs");
    let out = vanban(&[
        "graph",
        "-q",
        SEED,
        "--documents-only",
        "--format",
        "csv",
        "-o",
        docs.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let only = std::fs::read_to_string(docs.join("nodes.csv")).unwrap();
    assert_eq!(only.lines().next(), nodes.lines().next());
    assert!(only
        .lines()
        .skip(1)
        .all(|l| l.contains(",Document,document,")));
    assert!(only.lines().count() < nodes.lines().count());
}

/// A file the export writes into its directory that is a link to an input document is refused
/// as `-o` naming the input is (the fourth hostile round: the document was overwritten by
/// `nodes.csv`, exit 0).
#[cfg(unix)]
#[test]
fn csv_never_writes_through_a_link_to_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("a.txt");
    std::fs::copy(Path::new(REPO).join(SEED), &doc).unwrap();
    let out_dir = dir.path().join("csv");
    std::fs::create_dir(&out_dir).unwrap();
    for name in ["nodes.csv", "relationships.csv"] {
        let link = out_dir.join(name);
        std::os::unix::fs::symlink(&doc, &link).unwrap();
        let out = vanban(&[
            "graph",
            "-q",
            doc.to_str().unwrap(),
            "--format",
            "csv",
            "-o",
            out_dir.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("would overwrite the input"),
            "{}",
            stderr(&out)
        );
        assert_eq!(
            std::fs::read(&doc).unwrap(),
            std::fs::read(Path::new(REPO).join(SEED)).unwrap()
        );
        std::fs::remove_file(&link).unwrap();
    }
}
