//! Helpers shared by the relation tests (`extract_corpus.rs`, `relations_families.rs`).

#![allow(dead_code)] // Each test file uses its own part.

use std::path::Path;

use vanban::{Extraction, RelationType};

/// Parse and extract a bundled document (`dir` is `corpus` or `seeds`).
pub fn extract_file(dir: &str, name: &str) -> Extraction {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir).join(name);
    let parsed = vanban::parse_bytes(&std::fs::read(&path).expect("corpus file")).expect("UTF-8");
    vanban::extract(&parsed)
}

/// Parse and extract a document of `corpus/`.
pub fn corpus(name: &str) -> Extraction {
    extract_file("corpus", name)
}

/// Whether a relation of this type runs between ids ending with these parts ("self" for the
/// document itself).
pub fn has(x: &Extraction, from: &str, kind: RelationType, to: &str) -> bool {
    let end = |id: &str, part: &str| {
        if part == "self" {
            id == x.id
        } else {
            id.ends_with(part)
        }
    };
    x.relations
        .iter()
        .any(|r| r.kind == kind && end(&r.from, from) && end(&r.to, to))
}

/// The relations of an extraction, a line each, for failure messages.
pub fn listing(x: &Extraction) -> String {
    x.relations
        .iter()
        .map(|r| format!("{} --{}--> {}", r.from, r.kind, r.to))
        .collect::<Vec<_>>()
        .join("\n")
}
