//! One source per vocabulary: the diagnostic codes (`vanban_model::codes`) and the relation
//! types (`RelationType::ALL`) are declared once; the README's tables, the phrase tables in
//! `data/` and what the pipeline emits on the bundled corpus must agree with the declarations.
//! (Document kinds against the citation grammar and `data/citation-types.tsv`: a unit test in
//! `crates/vanban-extract/src/citations.rs`.)
#![cfg(all(feature = "graph", feature = "lint"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // A failed unwrap is a failed test.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use vanban::model::codes::{self, Stage};
use vanban::{RelationType, Severity};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn readme() -> String {
    std::fs::read_to_string(root().join("README.md")).unwrap()
}

/// The lines of the README section that starts with `heading` (up to the next heading of the
/// same or a higher level).
fn section<'a>(readme: &'a str, heading: &str) -> Vec<&'a str> {
    let level = heading.chars().take_while(|&c| c == '#').count();
    let mut lines = readme.lines().skip_while(|l| *l != heading);
    let mut out = Vec::new();
    if lines.next().is_none() {
        panic!("README has no section {heading:?}");
    }
    for l in lines {
        let hashes = l.chars().take_while(|&c| c == '#').count();
        if hashes > 0 && hashes <= level && l.chars().nth(hashes) == Some(' ') {
            break;
        }
        out.push(l);
    }
    out
}

/// The rows of the tables in some lines whose first cell names codes in backticks: each code
/// with the row's second cell (its severity, where the table has one).
fn table_codes(lines: &[&str]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for l in lines {
        let cells: Vec<&str> = l.split('|').map(str::trim).collect();
        // "| `a` / `b` | info / warning | …": cells[0] is empty (before the first pipe).
        let (Some(first), Some(second)) = (cells.get(1), cells.get(2)) else {
            continue;
        };
        if !first.starts_with('`') {
            continue;
        }
        let names: Vec<String> = first
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect();
        let severities: Vec<&str> = second.split('/').map(str::trim).collect();
        for (i, name) in names.iter().enumerate() {
            let severity = if severities.len() == names.len() {
                severities[i]
            } else {
                severities[0]
            };
            out.push((name.clone(), severity.to_owned()));
        }
    }
    out
}

fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

#[test]
fn the_readme_tables_list_exactly_the_declared_diagnostic_codes() {
    let readme = readme();
    let tables: [(&str, &[Stage], bool); 3] = [
        ("## Diagnostics", &[Stage::Parse, Stage::Extract], true),
        (
            "### `vanban lint` and `vanban report`",
            &[Stage::Lint],
            true,
        ),
        ("## The knowledge graph", &[Stage::Graph], true),
    ];
    let mut listed = BTreeSet::new();
    for (heading, stages, with_severity) in tables {
        let rows = table_codes(&section(&readme, heading));
        let in_table: BTreeSet<&str> = rows.iter().map(|(c, _)| c.as_str()).collect();
        let declared: BTreeSet<&str> = codes::ALL
            .iter()
            .filter(|c| stages.contains(&c.stage))
            .map(|c| c.code)
            .collect();
        // Other tables of the section (commands, formats) name no code.
        let codes_in_table: BTreeSet<&str> = in_table
            .iter()
            .copied()
            .filter(|c| codes::info(c).is_some() || c.contains('-'))
            .filter(|c| !c.starts_with("--"))
            .collect();
        assert_eq!(
            codes_in_table, declared,
            "the table of {heading} and the declarations of its stages differ"
        );
        if with_severity {
            for (code, severity) in &rows {
                let Some(info) = codes::info(code) else {
                    continue;
                };
                assert_eq!(
                    severity,
                    severity_name(info.severity),
                    "README gives {code} another severity than its declaration"
                );
            }
        }
        listed.extend(codes_in_table.into_iter().map(str::to_owned));
    }
    let all: BTreeSet<String> = codes::ALL.iter().map(|c| c.code.to_owned()).collect();
    assert_eq!(listed, all);
}

fn corpus_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["seeds", "corpus"] {
        for e in std::fs::read_dir(root().join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_diagnostic_the_pipeline_emits_is_declared_with_its_severity() {
    let mut seen: BTreeMap<String, Severity> = BTreeMap::new();
    let mut builder = vanban::GraphBuilder::new();
    let mut check = |code: &str, severity: Severity, whence: &str| {
        let info = codes::info(code)
            .unwrap_or_else(|| panic!("{whence}: the code {code} is not declared"));
        assert_eq!(
            info.severity, severity,
            "{whence}: {code} emitted with another severity than declared"
        );
        seen.insert(code.to_owned(), severity);
    };
    // The corpus, and hostile inputs that make the rarer codes.
    let mut inputs: Vec<(String, String)> = corpus_files()
        .iter()
        .map(|f| {
            let bytes = std::fs::read(f).unwrap();
            let text = vanban::parse_bytes(&bytes).unwrap().source;
            (f.display().to_string(), text)
        })
        .collect();
    inputs.push(("empty".into(), "  \n".into()));
    inputs.push(("no header".into(), "Một đoạn văn.\n".into()));
    for (name, text) in &inputs {
        let parsed = vanban::parse(text);
        for d in &parsed.diagnostics {
            check(&d.code, d.severity, name);
        }
        let x = vanban::extract(&parsed);
        for d in &x.diagnostics {
            check(&d.code, d.severity, name);
        }
        for f in vanban::lint::lint(&parsed, &x) {
            check(&f.code, f.severity, name);
        }
        builder.add(name.clone(), x);
    }
    let graph = builder.build();
    for d in graph.diagnostics() {
        check(&d.code, d.severity, "the corpus graph");
    }
    // A run that saw nothing would prove nothing.
    assert!(seen.len() >= 25, "only {} codes seen", seen.len());
}

/// Rust files of the crates outside test code: where a code must be named by its constant.
fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            source_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs")
            && p.file_name()
                .is_some_and(|n| n != "tests.rs" && n != "codes.rs")
        {
            out.push(p);
        }
    }
}

#[test]
fn codes_are_written_only_where_they_are_declared() {
    let mut files = Vec::new();
    for krate in std::fs::read_dir(root().join("crates")).unwrap() {
        let src = krate.unwrap().path().join("src");
        if src.is_dir() {
            source_files(&src, &mut files);
        }
    }
    assert!(files.len() > 20);
    let mut found = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        // Unit tests at the end of a file may name codes as strings.
        let code_part = text.split("#[cfg(test)]").next().unwrap_or("");
        for c in codes::ALL {
            let literal = format!("\"{}\"", c.code);
            for (i, line) in code_part.lines().enumerate() {
                let trimmed = line.trim_start();
                if line.contains(&literal) && !trimmed.starts_with("//") {
                    found.push(format!("{}:{}: {}", f.display(), i + 1, c.code));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "codes written as strings (use vanban_model::codes):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_readme_relation_table_and_the_phrase_tables_name_declared_types() {
    let readme = readme();
    let rows = table_codes(&section(&readme, "### Relations"));
    let in_table: BTreeSet<String> = rows.into_iter().map(|(c, _)| c).collect();
    let declared: BTreeSet<String> = RelationType::ALL
        .iter()
        .map(|r| r.as_str().to_owned())
        .collect();
    assert!(
        declared.is_subset(&in_table),
        "relation types missing from the README table: {:?}",
        declared.difference(&in_table).collect::<Vec<_>>()
    );
    for name in &in_table {
        if name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            assert!(
                name.parse::<RelationType>().is_ok(),
                "README names an undeclared relation type {name}"
            );
        }
    }
    for file in [
        "relation-triggers.tsv",
        "relation-passives.tsv",
        "relation-openers.tsv",
    ] {
        let text = std::fs::read_to_string(root().join("data").join(file)).unwrap();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some(ty) = line.split('\t').nth(1) else {
                continue;
            };
            assert!(
                ty.trim().parse::<RelationType>().is_ok(),
                "data/{file}:{}: {ty} is not a declared relation type",
                i + 1
            );
        }
    }
}
