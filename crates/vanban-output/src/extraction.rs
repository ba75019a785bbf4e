//! What `vanban extract` prints besides JSON: a few lines per document a person reads.

use std::fmt::Write as _;
use std::io::Write;

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
    let mut v = Vec::new();
    write_json_line(x, &mut v)?;
    utf8(v)
}

/// [`json_line`] written straight to `out`: the text of a large document is never held in memory.
pub fn write_json_line<W: Write>(x: &Extraction, mut out: W) -> Result<(), crate::Error> {
    serde_json::to_writer(&mut out, x).map_err(crate::Error::from_json)?;
    out.write_all(b"\n").map_err(crate::Error::Io)
}

/// One document as an element of the pretty-printed JSON array `extract` writes, indented by
/// two spaces, without separator: the array is written one element at a time (see
/// [`ARRAY_OPEN`], [`ARRAY_NEXT`], [`array_close`]) and has the bytes of the whole array
/// pretty-printed at once.
pub fn json_element(x: &Extraction) -> Result<String, crate::Error> {
    let mut v = Vec::new();
    write_json_element(x, &mut v)?;
    utf8(v)
}

/// [`json_element`] written straight to `out`.
pub fn write_json_element<W: Write>(x: &Extraction, out: W) -> Result<(), crate::Error> {
    let mut indented = Indent {
        out,
        line_start: true,
    };
    serde_json::to_writer_pretty(&mut indented, x).map_err(crate::Error::from_json)
}

fn utf8(v: Vec<u8>) -> Result<String, crate::Error> {
    String::from_utf8(v)
        .map_err(|e| crate::Error::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
}

/// A writer that puts two spaces before every line: an element of the array. JSON text holds
/// no raw line break inside a string, so every `\n` it writes ends a line.
struct Indent<W> {
    out: W,
    line_start: bool,
}

impl<W: Write> Write for Indent<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        for piece in buf.split_inclusive(|&b| b == b'\n') {
            if self.line_start {
                self.out.write_all(b"  ")?;
            }
            self.out.write_all(piece)?;
            self.line_start = piece.ends_with(b"\n");
        }
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
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
