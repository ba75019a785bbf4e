//! The JSON Schemas in `schemas/` are those of the current types, and every output on the
//! corpus validates against them.

#![allow(clippy::unwrap_used)] // A failed unwrap is a failed test.

/// The repository root: the corpus, seeds and test data live there, not in this crate.
const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(REPO)
}

fn vanban(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the binary runs");
    assert!(out.status.success(), "vanban {args:?} failed");
    out.stdout
}

fn documents() -> Vec<String> {
    let mut files: Vec<String> = ["corpus", "seeds"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root().join(d)).expect("directory"))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.strip_prefix(root()).unwrap().to_str().unwrap().to_owned())
        .collect();
    files.sort();
    files
}

fn schema(name: &str) -> serde_json::Value {
    let path = root().join("schemas").join(name);
    let text = std::fs::read_to_string(&path).expect("schema file");
    serde_json::from_str(&text).expect("schema is JSON")
}

#[test]
fn committed_schemas_are_current() {
    for (which, file) in [
        ("extract", "extract.schema.json"),
        ("parse", "parse.schema.json"),
        ("graph", "graph.schema.json"),
    ] {
        let generated = String::from_utf8(vanban(&["schema", which])).unwrap();
        let committed = std::fs::read_to_string(root().join("schemas").join(file)).unwrap();
        assert!(
            generated == committed,
            "schemas/{file} is stale: run `cargo run -- schema {which} > schemas/{file}`"
        );
    }
}

#[test]
fn extract_output_validates() {
    let validator =
        jsonschema::validator_for(&schema("extract.schema.json")).expect("valid schema");
    let files = documents();
    assert!(files.len() >= 72);
    let mut args = vec!["extract", "--quiet"];
    args.extend(files.iter().map(String::as_str));
    let all: serde_json::Value = serde_json::from_slice(&vanban(&args)).unwrap();
    let all = all.as_array().expect("an array");
    assert_eq!(all.len(), files.len());
    for (file, x) in files.iter().zip(all) {
        let errors: Vec<String> = validator.iter_errors(x).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{file}: {errors:?}");
    }
    // The schema is strict enough to reject a wrong shape.
    let mut broken = all[0].clone();
    broken["relations"] = serde_json::json!([{ "from": "a", "to": "b", "type": "likes" }]);
    assert!(!validator.is_valid(&broken));
}

#[test]
fn parse_output_validates() {
    let validator = jsonschema::validator_for(&schema("parse.schema.json")).expect("valid schema");
    for file in documents() {
        let x: serde_json::Value =
            serde_json::from_slice(&vanban(&["parse", "--quiet", &file])).unwrap();
        let errors: Vec<String> = validator.iter_errors(&x).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{file}: {errors:?}");
    }
}

#[test]
fn graph_output_validates() {
    let validator = jsonschema::validator_for(&schema("graph.schema.json")).expect("valid schema");
    let out: serde_json::Value =
        serde_json::from_slice(&vanban(&["graph", "-q", "--format", "json"])).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&out)
        .take(10)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    // Strict enough to reject a wrong shape.
    let mut broken = out.clone();
    broken["edges"][0]["type"] = serde_json::json!("likes");
    assert!(!validator.is_valid(&broken));
    let mut broken = out;
    broken["nodes"][0]["colour"] = serde_json::json!("red");
    assert!(!validator.is_valid(&broken));
}
