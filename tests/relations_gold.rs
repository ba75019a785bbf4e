//! Relations against the hand-written gold table `tests/relations-gold.tsv`: every relation a
//! careful reader writes down in 39 documents of every kind (34 of them bundled), read from
//! the document text. Prints recall and precision per relation type and overall (run with
//! `--nocapture` to see them, and every miss and every extra relation) against the goal of
//! recall 0.90 and precision 0.95, and fails below the floors of what vanban reaches today.
//! A second table, `tests/relations-gold-2.tsv` (stop 56), holds the 38 bundled documents
//! the first leaves out, read by three more readers, and has floors of its own.
//!
//! A gold row names documents by number ("500-KH/TU"), by `name:` for a document cited
//! without a number, and `self` for the document itself; an extracted relation names them by
//! canonical id, whose last part is the slug of the number or the name. The two meet there.

#![allow(clippy::unwrap_used)] // A failed unwrap is a failed test.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use vanban::{Extraction, RelationType};
use vanban_text::fold::slug;

/// The goal the tracker sets (issue 12): recall 0.90, precision 0.95. Met; the floors below
/// keep it.
const GOAL: (f64, f64) = (0.90, 0.95);
/// Floors under what vanban reaches today (overall 0.942 / 0.992, typed relations — all but
/// `cites` — 0.971 / 1.000); the test fails when a change falls below them or below the
/// goal. Raise them as relations improve.
const FLOOR: (f64, f64) = (0.94, 0.99);
const TYPED_FLOOR: (f64, f64) = (0.97, 0.99);

/// One relation as compared: (from, to, type), documents as keys.
type Row = (String, String, RelationType);

/// A gold row and the sentence it rests on.
struct Gold {
    row: Row,
    evidence: String,
}

/// A gold table (`tests/` and its name), by file.
fn gold(table: &str) -> BTreeMap<String, Vec<Gold>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(table);
    let text = std::fs::read_to_string(path).unwrap();
    let mut out: BTreeMap<String, Vec<Gold>> = BTreeMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            cols.len(),
            5,
            "gold row with {} columns: {line}",
            cols.len()
        );
        let kind: RelationType = cols[3].parse().unwrap();
        out.entry(cols[0].to_owned()).or_default().push(Gold {
            row: (gold_key(cols[1]), gold_key(cols[2]), kind),
            evidence: cols[4].to_owned(),
        });
    }
    out
}

/// A gold document as a key: `self`, or the slug of its number or name.
fn gold_key(s: &str) -> String {
    match s {
        "self" => "self".to_owned(),
        _ => slug(s.strip_prefix("name:").unwrap_or(s)),
    }
}

/// An extracted document as a key: `self` for the document itself, else the last part of
/// its id.
fn id_key(id: &str, own: &str) -> String {
    if id == own {
        return "self".to_owned();
    }
    id.rsplit(';').next().unwrap_or(id).to_owned()
}

/// Whether two keys name one document: equal, or (names only) one the other with words
/// after it ("luat-gia" and "luat-gia-nam-2023").
fn same(gold: &str, got: &str) -> bool {
    gold == got
        || (!gold.starts_with(|c: char| c.is_ascii_digit())
            && (got.starts_with(&format!("{gold}-")) || gold.starts_with(&format!("{got}-"))))
}

fn matches(g: &Row, r: &Row) -> bool {
    g.2 == r.2 && same(&g.0, &r.0) && same(&g.1, &r.1)
}

fn extract(file: &str) -> Extraction {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    vanban::extract(&vanban::parse_bytes(&bytes).unwrap())
}

/// Counts of one relation type (or all): gold rows, gold rows found, extracted, extracted
/// rows that are gold.
#[derive(Default, Clone, Copy)]
struct Tally {
    gold: usize,
    found: usize,
    got: usize,
    right: usize,
}

impl Tally {
    fn recall(self) -> f64 {
        ratio(self.found, self.gold)
    }
    fn precision(self) -> f64 {
        ratio(self.right, self.got)
    }
    fn add(&mut self, t: Tally) {
        self.gold += t.gold;
        self.found += t.found;
        self.got += t.got;
        self.right += t.right;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Compares one file's extraction with its gold rows, printing misses and extras.
fn compare(file: &str, rows: &[Gold], tally: &mut BTreeMap<RelationType, Tally>) {
    let x = extract(file);
    let got: BTreeSet<Row> = x
        .relations
        .iter()
        .map(|r| (id_key(&r.from, &x.id), id_key(&r.to, &x.id), r.kind))
        .collect();
    for g in rows {
        let t = tally.entry(g.row.2).or_default();
        t.gold += 1;
        if got.iter().any(|r| matches(&g.row, r)) {
            t.found += 1;
        } else {
            let (from, to, kind) = &g.row;
            println!("  miss  {file}: {from} --{kind}--> {to}   «{}»", g.evidence);
        }
    }
    for r in &got {
        let t = tally.entry(r.2).or_default();
        t.got += 1;
        if rows.iter().any(|g| matches(&g.row, r)) {
            t.right += 1;
        } else {
            let (from, to, kind) = r;
            println!("  extra {file}: {from} --{kind}--> {to}");
        }
    }
}

/// Scores a gold table: prints every miss and extra and the counts by type, and returns the
/// tallies of all relations and of the typed ones (all but `cites`).
fn score(table: &str, least_documents: usize) -> (Tally, Tally) {
    let mut tally: BTreeMap<RelationType, Tally> = BTreeMap::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut compared = 0;
    for (file, rows) in gold(table) {
        // Five documents of the gold table (a Party chain from OCR scans) are not bundled.
        if !root.join(&file).exists() {
            println!(
                "  skipped {file}: not in the repository ({} rows)",
                rows.len()
            );
            continue;
        }
        compare(&file, &rows, &mut tally);
        compared += 1;
    }
    assert!(
        compared >= least_documents,
        "only {compared} gold documents found"
    );
    let mut all = Tally::default();
    let mut typed = Tally::default();
    println!(
        "{:<24} {:>5} {:>5} {:>7} {:>9}",
        "type", "gold", "got", "recall", "precision"
    );
    for (kind, t) in &tally {
        println!(
            "{:<24} {:>5} {:>5} {:>7.3} {:>9.3}",
            kind.as_str(),
            t.gold,
            t.got,
            t.recall(),
            t.precision()
        );
        all.add(*t);
        if *kind != RelationType::Cites {
            typed.add(*t);
        }
    }
    for (name, t) in [("typed (all but cites)", typed), ("overall", all)] {
        println!(
            "{name:<24} {:>5} {:>5} {:>7.3} {:>9.3}",
            t.gold,
            t.got,
            t.recall(),
            t.precision()
        );
    }
    println!(
        "goal: recall {:.2}, precision {:.2} (met: {})",
        GOAL.0,
        GOAL.1,
        all.recall() >= GOAL.0 && all.precision() >= GOAL.1
    );
    (all, typed)
}

/// Fails when `all` or `typed` falls below its floor.
fn meets_floors(table: &str, (all, typed): (Tally, Tally), floors: [(f64, f64); 2]) {
    for ((name, t), floor) in [("overall", all), ("typed", typed)].into_iter().zip(floors) {
        assert!(
            t.recall() >= floor.0 && t.precision() >= floor.1,
            "{name} relations against {table}: recall {:.3} (floor {}), precision {:.3} (floor {})",
            t.recall(),
            floor.0,
            t.precision(),
            floor.1
        );
    }
}

#[test]
fn relations_match_the_gold_table() {
    let (all, typed) = score("relations-gold.tsv", 30);
    assert!(
        all.recall() >= GOAL.0 && all.precision() >= GOAL.1,
        "the goal of issue 12 is no longer met"
    );
    meets_floors("relations-gold.tsv", (all, typed), [FLOOR, TYPED_FLOOR]);
}

/// The second table (stop 56: the 38 bundled documents the first leaves out), against floors
/// of its own (what vanban reaches on it: overall 0.898 / 0.945, typed 0.922 / 0.961; the
/// goal of issue 12 is the first table's).
#[test]
fn relations_match_the_second_gold_table() {
    let tallies = score("relations-gold-2.tsv", 30);
    meets_floors(
        "relations-gold-2.tsv",
        tallies,
        [(0.89, 0.94), (0.915, 0.955)],
    );
}
