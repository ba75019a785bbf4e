//! What `vanban extract` prints besides JSON: a few lines per document a person reads.

use std::fmt::Write as _;

use vanban_model::{CitationForm, Extraction};

/// A few lines a person reads: id, citations, relations, assignments (`extract --summary`).
pub fn summary(name: &str, x: &Extraction) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{name}\n  id: {}", x.id);
    let _ = writeln!(s, "  citations: {}", x.citations.len());
    for c in &x.citations {
        let _ = writeln!(
            s,
            "    {} {} | {} | {} | {}",
            match c.form {
                CitationForm::Full => "full",
                CitationForm::Short => "short",
                CitationForm::Named => "named",
            },
            c.number
                .as_ref()
                .map(|n| n.normalized.as_str())
                .or(c.name.as_deref())
                .unwrap_or("-"),
            c.date.as_deref().unwrap_or("-"),
            c.issuer.as_ref().map_or("-", |i| i.resolved.as_str()),
            c.node.as_deref().unwrap_or("-")
        );
    }
    let _ = writeln!(s, "  relations: {}", x.relations.len());
    for r in &x.relations {
        let _ = writeln!(s, "    {} --{}--> {}", r.from, r.kind, r.to);
    }
    if !x.references.is_empty() {
        let _ = writeln!(s, "  references: {}", x.references.len());
    }
    if !x.assignments.is_empty() {
        let _ = writeln!(s, "  assignments: {}", x.assignments.len());
        for a in &x.assignments {
            let list = |v: &[String]| {
                if v.is_empty() {
                    "-".to_owned()
                } else {
                    v.join(" | ")
                }
            };
            let _ = writeln!(
                s,
                "    {}: lead {}; cooperating {}; responsible {}; deadline {}",
                a.node,
                list(&a.lead),
                list(&a.cooperating),
                list(&a.responsible),
                a.deadline.as_ref().map_or("-", |d| d.text.as_str())
            );
        }
    }
    s
}

/// One document as a line of JSON Lines (`extract --jsonl`), with its newline.
pub fn json_line(x: &Extraction) -> Result<String, crate::Error> {
    let mut s = serde_json::to_string(x).map_err(crate::Error::Json)?;
    s.push('\n');
    Ok(s)
}

/// One document as an element of the pretty-printed JSON array `extract` writes, indented by
/// two spaces, without separator: the array is written one element at a time (see
/// [`ARRAY_OPEN`], [`ARRAY_NEXT`], [`array_close`]) and has the bytes of the whole array
/// pretty-printed at once.
pub fn json_element(x: &Extraction) -> Result<String, crate::Error> {
    let s = serde_json::to_string_pretty(x).map_err(crate::Error::Json)?;
    let indented: Vec<String> = s.lines().map(|l| format!("  {l}")).collect();
    Ok(indented.join("\n"))
}

/// What comes before the first element of the array.
pub const ARRAY_OPEN: &str = "[\n";
/// What comes between two elements.
pub const ARRAY_NEXT: &str = ",\n";

/// What ends the array: `empty` when no element was written.
pub fn array_close(empty: bool) -> &'static str {
    if empty {
        "[]\n"
    } else {
        "\n]\n"
    }
}
