//! Corpus checks: every document gives a tree, renders back losslessly, and its header
//! (number, type, date, issuer) matches the facts listed in `corpus/SOURCES.md` for at least
//! 90% of the documents. Run with `--nocapture` to see the table of misses.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use vanban::{DocumentKind, Parsed};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn corpus_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("corpus/ exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// What SOURCES.md says about a file: type column, symbol as printed, date (when given).
struct Facts {
    kind: DocumentKind,
    symbol: Option<String>,
    date: Option<String>,
}

fn kind_of(code: &str) -> DocumentKind {
    match code {
        "KH" => DocumentKind::Plan,
        "QD" => DocumentKind::Decision,
        "QDi" => DocumentKind::Rules,
        "KL" => DocumentKind::Conclusion,
        "CTr" => DocumentKind::Programme,
        "HD" => DocumentKind::Guidance,
        "CT" => DocumentKind::Directive,
        "CD" => DocumentKind::Dispatch,
        "TB" => DocumentKind::Notice,
        "CV" => DocumentKind::OfficialLetter,
        "BC" => DocumentKind::Report,
        "TTr" => DocumentKind::Submission,
        "GP" => DocumentKind::Licence,
        "NQ" => DocumentKind::Resolution,
        "ND" => DocumentKind::Decree,
        "TT" => DocumentKind::Circular,
        "VBHN" => DocumentKind::Consolidated,
        "LUAT" => DocumentKind::Law,
        other => panic!("unknown type column {other} in SOURCES.md"),
    }
}

fn sources() -> BTreeMap<String, Facts> {
    let text = std::fs::read_to_string(corpus_dir().join("SOURCES.md")).expect("SOURCES.md");
    let mut out = BTreeMap::new();
    for line in text.lines() {
        let cols: Vec<&str> = line.split('|').map(str::trim).collect();
        if cols.len() < 8 || !cols[1].ends_with(".txt") {
            continue;
        }
        let symbol = (!cols[3].starts_with("(blank)")).then(|| cols[3].replace(' ', ""));
        let date = cols[7].split([';', ',']).find_map(|part| {
            part.trim()
                .strip_prefix("date ")
                .map(|d| d.trim().to_owned())
        });
        out.insert(
            cols[1].to_owned(),
            Facts {
                kind: kind_of(cols[2]),
                symbol,
                date,
            },
        );
    }
    out
}

fn parse_file(path: &Path) -> Parsed {
    let bytes = std::fs::read(path).expect("read");
    vanban::parse_bytes(&bytes).expect("corpus files are UTF-8")
}

#[test]
fn every_corpus_document_renders_back_losslessly() {
    for path in corpus_files() {
        let parsed = parse_file(&path);
        let normalized =
            vanban::syntax::text::normalize(&std::fs::read_to_string(&path).expect("utf8"));
        assert_eq!(parsed.source, normalized.text);
        let rendered = parsed.render();
        if rendered != parsed.source {
            let at = rendered
                .bytes()
                .zip(parsed.source.bytes())
                .position(|(a, b)| a != b)
                .unwrap_or(rendered.len().min(parsed.source.len()));
            panic!(
                "{}: rendering differs from the input at byte {at}: {:?} vs {:?}",
                path.display(),
                &rendered.get(at.saturating_sub(20)..(at + 40).min(rendered.len())),
                &parsed
                    .source
                    .get(at.saturating_sub(20)..(at + 40).min(parsed.source.len()))
            );
        }
    }
}

/// A document's JSON reads back into the same document and writes the same bytes again: the
/// tree's nodes serialise by hand (their strings share one buffer), so their reading is
/// checked on every corpus document.
#[test]
fn every_corpus_document_reads_back_from_its_json() {
    for path in corpus_files() {
        let parsed = parse_file(&path);
        let json = serde_json::to_string(&parsed.document).expect("serialises");
        let back: vanban::Document =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(back == parsed.document, "{}", path.display());
        let again = serde_json::to_string(&back).expect("serialises");
        assert!(again == json, "{}", path.display());
    }
}

#[test]
fn header_is_right_on_at_least_90_percent_of_the_corpus() {
    let facts = sources();
    let files = corpus_files();
    let names: Vec<String> = files
        .iter()
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    let unlisted: Vec<&String> = names.iter().filter(|n| !facts.contains_key(*n)).collect();
    assert!(
        unlisted.is_empty(),
        "corpus/SOURCES.md has no row for {unlisted:?}: add one per new document (README, Tests: \
         adding a document)"
    );
    let gone: Vec<&String> = facts.keys().filter(|f| !names.contains(f)).collect();
    assert!(
        gone.is_empty(),
        "corpus/SOURCES.md lists missing files {gone:?}"
    );
    let mut right = 0;
    let mut misses = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .to_string();
        let fact = facts.get(&name).expect("listed in SOURCES.md");
        let parsed = parse_file(path);
        let h = &parsed.document.header;
        let mut wrong = Vec::new();
        let number = h.number.as_ref();
        match (&fact.symbol, number) {
            (Some(sym), Some(n)) if n.normalized.replace(' ', "") == *sym => {}
            (None, Some(n)) if n.seq.is_none() => {}
            (expected, got) => wrong.push(format!(
                "number: expected {:?}, got {:?}",
                expected,
                got.map(|n| &n.normalized)
            )),
        }
        if h.kind != fact.kind {
            wrong.push(format!("kind: expected {}, got {}", fact.kind, h.kind));
        }
        if let Some(d) = &fact.date {
            if h.date.as_ref() != Some(d) {
                wrong.push(format!("date: expected {d}, got {:?}", h.date));
            }
        }
        if h.issuer.name.is_none() {
            wrong.push("issuer: none".to_owned());
        }
        if wrong.is_empty() {
            right += 1;
        } else {
            misses.push(format!("{name}: {}", wrong.join("; ")));
        }
    }
    println!("header right on {right} of {} documents", files.len());
    for m in &misses {
        println!("  miss: {m}");
    }
    assert!(
        right * 10 >= files.len() * 9,
        "header right on only {right} of {} documents:\n{}",
        files.len(),
        misses.join("\n")
    );
}
