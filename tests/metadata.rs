//! The header fields of every bundled document against `corpus/metadata.tsv`, a table read
//! off each document by a person (number, kind, date, issuer with its province, and the form
//! the text came in). Prints the score per form and fails below 97% on any form.
//!
//! `cargo test --test metadata -- --nocapture` shows the table and every miss.

#![allow(clippy::unwrap_used)] // A failed unwrap is a failed test.

use std::collections::BTreeMap;
use std::path::Path;

/// One row of the gold table.
struct Gold {
    file: String,
    form: String,
    number: Option<String>,
    kind: String,
    date: Option<String>,
    /// Acceptable readings of the issuer (" | " in the table), each possibly joint (" ; ").
    issuer: Vec<String>,
    province: Option<String>,
}

fn dash(s: &str) -> Option<String> {
    (s.trim() != "-").then(|| s.trim().to_owned())
}

fn gold() -> Vec<Gold> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("corpus/metadata.tsv")).unwrap();
    let mut rows = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let header = rows.next().unwrap();
    assert!(header.starts_with("file\tform\tnumber\tkind\tdate\tissuer\tprovince"));
    rows.map(|l| {
        let c: Vec<&str> = l.split('\t').collect();
        assert!(c.len() >= 7, "a short row: {l}");
        Gold {
            file: c[0].to_owned(),
            form: c[1].to_owned(),
            number: dash(c[2]),
            kind: c[3].to_owned(),
            date: dash(c[4]),
            issuer: c[5].split(" | ").map(|s| s.trim().to_owned()).collect(),
            province: dash(c[6]),
        }
    })
    .collect()
}

/// Case, spacing and tone-placement insensitive form of a name.
fn fold(s: &str) -> String {
    let s = vanban::syntax::text::fold_case(s);
    let s = s
        .replace("uỷ", "ủy")
        .replace("oà", "òa")
        .replace("oá", "óa")
        .replace("oả", "ỏa")
        .replace("oã", "õa")
        .replace("oạ", "ọa");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn number_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

#[derive(Default)]
struct Score {
    documents: usize,
    all_right: usize,
    misses: Vec<String>,
}

#[test]
fn header_fields_match_what_a_reader_wrote_down() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rows = gold();
    let mut bundled: Vec<String> = Vec::new();
    for folder in ["seeds", "corpus"] {
        for e in std::fs::read_dir(root.join(folder)).unwrap() {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            if name.ends_with(".txt") {
                bundled.push(format!("{folder}/{name}"));
            }
        }
    }
    let unlisted: Vec<&String> = bundled
        .iter()
        .filter(|f| !rows.iter().any(|g| g.file == **f))
        .collect();
    assert!(
        unlisted.is_empty(),
        "corpus/metadata.tsv has no row for {unlisted:?}: add one per new document (README, \
         Tests: adding a document)"
    );
    assert_eq!(rows.len(), bundled.len(), "one row per bundled document");
    let mut by_form: BTreeMap<String, Score> = BTreeMap::new();
    for g in &rows {
        let bytes = std::fs::read(root.join(&g.file)).unwrap();
        let p = vanban::parse_bytes(&bytes).unwrap();
        let x = vanban::extract(&p);
        let mut wrong = Vec::new();
        let number = x
            .number
            .as_ref()
            .filter(|n| n.seq.is_some())
            .map(|n| number_key(&n.normalized));
        if number != g.number.as_deref().map(number_key) {
            wrong.push(format!("number {number:?} (gold {:?})", g.number));
        }
        if x.kind.as_str() != g.kind {
            wrong.push(format!("kind {} (gold {})", x.kind.as_str(), g.kind));
        }
        if x.date != g.date {
            wrong.push(format!("date {:?} (gold {:?})", x.date, g.date));
        }
        let issuer = x.issuer.name.as_deref().map(fold);
        if !g.issuer.iter().any(|i| Some(fold(i)) == issuer) {
            wrong.push(format!("issuer {:?} (gold {:?})", x.issuer.name, g.issuer));
        }
        if x.province.as_deref().map(fold) != g.province.as_deref().map(fold) {
            wrong.push(format!("province {:?} (gold {:?})", x.province, g.province));
        }
        let score = by_form.entry(g.form.clone()).or_default();
        score.documents += 1;
        if wrong.is_empty() {
            score.all_right += 1;
        } else {
            score
                .misses
                .push(format!("{}: {}", g.file, wrong.join("; ")));
        }
    }
    let mut failing = Vec::new();
    println!("form        documents  all fields right");
    for (form, s) in &by_form {
        let share = s.all_right as f64 / s.documents as f64;
        println!(
            "{form:<11} {:>9}  {:>3} ({:.0}%)",
            s.documents,
            s.all_right,
            share * 100.0
        );
        for m in &s.misses {
            println!("    {m}");
        }
        if share < 0.97 {
            failing.push(form.as_str());
        }
    }
    assert!(
        failing.is_empty(),
        "below 97% on: {failing:?} (run with --nocapture)"
    );
}
