//! DOT for Graphviz.

use std::fmt::Write as _;

use vanban_graph::{EdgeKind, Graph, NodeKind, IMPLEMENTATION};
use vanban_model::RelationType;

use super::{selected, ExportOptions};

/// A DOT string literal.
fn dot_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            // Graphviz rejects NUL; no control character is worth a label.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// DOT for Graphviz: documents as boxes (stubs dashed), agencies as ellipses, tasks as
/// notes; labels a person reads; edges labelled with their type.
pub fn dot(g: &Graph, o: ExportOptions) -> String {
    let (nodes, edges) = selected(g, o);
    let mut s = String::new();
    s.push_str("digraph vanban {\n");
    s.push_str("  graph [rankdir=BT, fontname=\"Helvetica\"];\n");
    s.push_str("  node [fontname=\"Helvetica\", fontsize=10];\n");
    s.push_str("  edge [fontname=\"Helvetica\", fontsize=8];\n");
    for n in &nodes {
        let (label, style) = match n.kind {
            NodeKind::Document => {
                let d = n.document.as_ref();
                let mut label = n.label().into_owned();
                let mut second: Vec<String> = Vec::new();
                if let Some(d) = d {
                    second.push(d.kind.name_vi().to_owned());
                    if let Some(date) = &d.date {
                        second.push(date.clone());
                    }
                }
                if !second.is_empty() {
                    label.push('\n');
                    label.push_str(&second.join(" · "));
                }
                if let Some(i) = d.and_then(|d| d.issuer.as_ref()) {
                    label.push('\n');
                    label.push_str(i);
                }
                let style = if d.is_some_and(|d| d.parsed) {
                    "shape=box, style=\"rounded,filled\", fillcolor=\"#dbe9f6\""
                } else {
                    "shape=box, style=\"rounded,dashed\""
                };
                (label, style)
            }
            NodeKind::Agency => (
                n.label().into_owned(),
                "shape=ellipse, style=filled, fillcolor=\"#f3e6c8\"",
            ),
            NodeKind::Task => (n.label().into_owned(), "shape=note"),
        };
        let _ = writeln!(
            s,
            "  {} [label={}, {style}];",
            dot_str(&n.id),
            dot_str(&label)
        );
    }
    for e in &edges {
        let style = match e.kind {
            EdgeKind::Relation(r) if IMPLEMENTATION.contains(&r) => ", penwidth=2",
            EdgeKind::Relation(RelationType::Cites) => ", style=dotted",
            _ => "",
        };
        let _ = writeln!(
            s,
            "  {} -> {} [label={}{style}];",
            dot_str(e.source),
            dot_str(e.target),
            dot_str(e.kind.as_str())
        );
    }
    s.push_str("}\n");
    s
}
