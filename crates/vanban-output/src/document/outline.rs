//! The outline: an indented view of a parsed document a person reads at a glance.

use std::fmt::Write;

use vanban_model::{Document, Node, NodeKind};

/// How much the outline shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct OutlineOptions {
    /// Put each node's element id at the end of its line.
    pub ids: bool,
    /// Cut text to this many characters (0: the default of 72).
    pub width: usize,
}

fn short(s: &str, width: usize) -> String {
    let width = if width == 0 { 72 } else { width };
    if s.chars().count() <= width {
        s.to_owned()
    } else {
        let cut: String = s.chars().take(width - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Render the outline of a document.
pub fn outline(doc: &Document, opts: OutlineOptions) -> String {
    let w = opts.width;
    let mut o = String::new();
    let h = &doc.header;
    let kind = h.kind_raw.clone().unwrap_or_else(|| {
        let name = h.kind.name_vi().to_uppercase();
        if name.is_empty() {
            "(unknown type)".to_owned()
        } else {
            name
        }
    });
    let number = h
        .number
        .as_ref()
        .map_or_else(|| "(no number)".to_owned(), |n| n.normalized.to_string());
    let _ = writeln!(o, "{kind} {number}");
    if let Some(name) = &h.issuer.name {
        let parent = h
            .issuer
            .parent
            .as_ref()
            .map(|p| format!(" (under {p})"))
            .unwrap_or_default();
        let _ = writeln!(o, "issuer: {name}{parent}");
    }
    let place = h.place.as_deref().unwrap_or("?");
    let date = h.date.as_deref().unwrap_or("(no date)");
    let _ = writeln!(o, "place, date: {place}, {date}");
    if let Some(t) = &h.title {
        let _ = writeln!(o, "title: {}", short(t, w));
    }
    if let Some(s) = &h.subject {
        let _ = writeln!(o, "V/v: {}", short(s, w));
    }
    for a in &h.addressees {
        let _ = writeln!(o, "Kính gửi: {}", a.name);
    }
    if !doc.preamble.is_empty() {
        let _ = writeln!(o, "preamble:");
        for n in &doc.preamble {
            node(&mut o, n, 1, opts);
        }
    }
    let _ = writeln!(o, "body:");
    for n in &doc.body {
        node(&mut o, n, 1, opts);
    }
    let c = &doc.closing;
    if let Some(sig) = &c.signature {
        let _ = writeln!(o, "signature: {}", sig.lines.join(" / "));
    }
    if !c.recipients.is_empty() {
        let _ = writeln!(o, "Nơi nhận:");
        for r in &c.recipients {
            match &r.purpose {
                Some(p) => {
                    let _ = writeln!(o, "  - {} ({p})", r.name);
                }
                None => {
                    let _ = writeln!(o, "  - {}", r.name);
                }
            }
        }
    }
    if let Some(a) = &c.archive {
        let _ = writeln!(o, "Lưu: {}", a.holders.join(", "));
    }
    for a in &doc.appendices {
        let _ = writeln!(o, "{}: {}", a.id, short(&a.heading, w));
        for n in &a.children {
            node(&mut o, n, 1, opts);
        }
    }
    o
}

fn node(o: &mut String, n: &Node, depth: usize, opts: OutlineOptions) {
    let indent = "  ".repeat(depth);
    let label: &str = match (n.marker(), n.kind) {
        (Some(m), _) => m,
        (None, NodeKind::Note) => "(note)",
        (None, NodeKind::Row) => "|",
        (None, NodeKind::Quoted) => "“”",
        (None, _) => "¶",
    };
    let text = match (n.heading(), n.kind) {
        (Some(h), _) => h.to_string(),
        (None, NodeKind::Row) => n.cells.join(" | "),
        (None, _) => n.text().to_string(),
    };
    let text = short(&text, opts.width);
    if opts.ids {
        let _ = writeln!(o, "{indent}{label} {text}  #{}", n.id());
    } else {
        let _ = writeln!(o, "{indent}{label} {text}");
    }
    for c in &n.children {
        node(o, c, depth + 1, opts);
    }
}
