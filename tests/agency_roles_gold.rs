//! Who must act, against the hand-read gold table `tests/agency-roles-gold.tsv` (stop 54: five
//! bundled documents, 176 tasks): every agency a careful reader wrote down for a task, at the
//! line where the task's text starts, compared with the agencies of the assignment of the unit
//! that starts on that line (lead, cooperating and responsible together: the table's
//! conventions on roles differ from `tests/tasks-gold.tsv`'s, see its header). Names are
//! compared as written, case and tone placement aside, so a name read short, read long or
//! rewritten misses.
//!
//! Precision and recall must reach their floors: the measured level (0.740 and 0.788 at stop
//! 54; 0.730 and 0.791 at stop 55, whose purpose clauses read NQ_380's "Để khẩn trương …,
//! Chính phủ yêu cầu các Bộ trưởng, …" as a task the table's reader took for an introduction),
//! so that no change makes them worse; the floors move up as extraction improves. A second
//! table (`tests/agency-roles-gold-2.tsv`, stop 55: nine documents, four from scans and PDF
//! text layers) has floors of its own.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use vanban::Node;
use vanban_text::fold::{fold_case, modern_tones, squash_spaces};

/// Floors of precision and recall.
const FLOORS: [f64; 2] = [0.73, 0.78];
/// Floors of precision and recall against the second table (measured 0.706 and 0.802 at stop
/// 55; the stop's start scored 0.741 and 0.725: the tasks it found are counted, and so are the
/// headings' own rows and names canonical rather than as written, which the table leaves out).
const FLOORS_2: [f64; 2] = [0.70, 0.80];

/// (document, line, name as compared).
type Key = (String, u32, String);

fn key_name(name: &str) -> String {
    squash_spaces(&modern_tones(&fold_case(&name.replace('*', ""))))
        .trim()
        .to_owned()
}

fn gold(file: &str) -> BTreeSet<Key> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(file);
    let text = std::fs::read_to_string(path).expect(file);
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("doc\t") && !l.trim().is_empty())
        .filter_map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 4, "gold row: {l}");
            let line = c[1].parse().expect("a line number");
            (c[2] != "deadline").then(|| (c[0].to_owned(), line, key_name(c[3])))
        })
        .collect()
}

/// The line each unit of a tree starts on, by node id.
fn lines(nodes: &[Node], out: &mut BTreeMap<String, u32>) {
    for n in nodes {
        out.insert(n.id().to_owned(), n.span.line);
        lines(&n.children, out);
    }
}

/// The agencies of the tasks of `docs`, those of their appendices too when `appendices`.
fn extracted(docs: &BTreeSet<String>, appendices: bool) -> BTreeSet<Key> {
    let mut out = BTreeSet::new();
    for doc in docs {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus")
            .join(doc);
        let text = std::fs::read_to_string(&path).expect("a bundled document");
        let parsed = vanban::parse(&text);
        let mut at = BTreeMap::new();
        lines(&parsed.document.body, &mut at);
        for a in parsed.document.appendices.iter().filter(|_| appendices) {
            lines(&a.children, &mut at);
        }
        for a in vanban::extract(&parsed).assignments {
            let Some(&line) = at.get(a.node.as_str()) else {
                continue;
            };
            for name in a.lead.iter().chain(&a.cooperating).chain(&a.responsible) {
                out.insert((doc.clone(), line, key_name(name)));
            }
        }
    }
    out
}

/// Scores the extraction of a gold table's documents (`file`, `documents` of them, their
/// appendices too when `appendices`) and asserts precision and recall reach `floors`.
fn meets_floors(file: &str, documents: usize, appendices: bool, floors: [f64; 2]) {
    let gold = gold(file);
    let docs: BTreeSet<String> = gold.iter().map(|k| k.0.clone()).collect();
    assert_eq!(docs.len(), documents, "{docs:?}");
    let got = extracted(&docs, appendices);
    let matched = gold.intersection(&got).count() as f64;
    let precision = matched / got.len().max(1) as f64;
    let recall = matched / gold.len().max(1) as f64;
    eprintln!(
        "agencies of tasks: gold {}, extracted {}, matched {matched}: precision {precision:.3}, \
         recall {recall:.3}",
        gold.len(),
        got.len()
    );
    assert!(
        precision >= floors[0] && recall >= floors[1],
        "precision {precision:.3} (floor {}), recall {recall:.3} (floor {})",
        floors[0],
        floors[1]
    );
}

#[test]
fn who_must_act_matches_the_gold_table() {
    meets_floors("agency-roles-gold.tsv", 5, true, FLOORS);
}

/// The second reading (stop 55: nine documents, four of them from scans and PDF text layers,
/// bodies only), against its own floors: the measured level.
#[test]
fn who_must_act_in_archive_forms_matches_the_second_gold_table() {
    meets_floors("agency-roles-gold-2.tsv", 9, false, FLOORS_2);
}
