//! `report --format html`: one self-contained file a person opens in a browser — the
//! per-document table, the implementation chains (as trees and pictures) and the tasks of
//! every agency.

use std::fmt::Write as _;

use vanban_graph::{AgencyRole, Chain, Graph, NodeKind, IMPLEMENTATION};
use vanban_lint::report::Report;

/// HTML text: markup escaped, and control characters (bidirectional overrides among them,
/// which would reorder a name on the page) written as visible escapes, as in the text report.
fn esc(s: &str) -> String {
    crate::xml_keep(&vanban_text::visible(s))
}

/// The style sheet (`assets/report.css`).
fn style() -> &'static str {
    include_str!("../../assets/report.css").trim_end()
}

/// Click a column heading to sort the table by it (`assets/report.js`).
fn script() -> &'static str {
    include_str!("../../assets/report.js").trim_end()
}

/// A chain as nested lists: each document once, a document reached again points back.
fn tree(out: &mut String, chain: &Chain) {
    let mut depth = 0;
    for link in &chain.links {
        if link.depth > depth {
            out.push_str("<ul class=\"tree\">");
        } else {
            out.push_str("</li>");
            for _ in link.depth..depth {
                out.push_str("</ul></li>");
            }
        }
        depth = link.depth;
        let class = if link.node.parsed == Some(true) {
            "parsed"
        } else {
            "stub"
        };
        let _ = write!(
            out,
            "<li><span class=\"rel\">{} →</span> <span class=\"{class}\" title=\"{}\">{}</span>",
            esc(link.relation.as_str()),
            esc(&link.node.id),
            esc(&link.node.label),
        );
        if link.seen {
            out.push_str(" <span class=\"small\">↑ see above</span>");
        } else {
            let _ = write!(
                out,
                " <span class=\"small\">{}</span>",
                esc(&vanban_graph::describe(&link.node))
            );
        }
        if link.cycle {
            out.push_str(" [cycle]");
        }
    }
    if depth > 0 {
        out.push_str("</li>");
        for _ in 1..depth {
            out.push_str("</ul></li>");
        }
        out.push_str("</ul>");
    }
}

/// The HTML report of a corpus.
pub fn html(report: &Report, graph: &Graph) -> String {
    let mut s = String::new();
    s.push_str("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>vanban report</title>");
    let _ = write!(s, "<style>{}</style></head><body>", style());
    documents(&mut s, report, graph);
    chains(&mut s, graph);
    agencies(&mut s, graph);
    let _ = writeln!(s, "<script>{}</script></body></html>", script());
    s
}

/// The totals and the table of documents.
fn documents(s: &mut String, report: &Report, graph: &Graph) {
    use vanban_text::count;
    let t = &report.totals;
    let sum = graph.summary(10);
    let _ = write!(
        s,
        "<h1>vanban report</h1><p>{} · {} · {} · {} · {} · {} known only from citations · {}</p>",
        count(t.documents, "document", "documents"),
        count(t.nodes.values().sum::<usize>(), "node", "nodes"),
        count(t.citations, "citation", "citations"),
        count(t.relations, "relation", "relations"),
        count(t.assignments, "assignment", "assignments"),
        count(sum.stubs, "document", "documents"),
        count(sum.agencies, "agency", "agencies")
    );
    s.push_str("<h2>Documents</h2><table><thead><tr><th>file</th><th>type</th><th>number</th><th>date</th><th>issuer</th><th>nodes</th><th>citations</th><th>relations</th><th>assignments</th><th>errors</th><th>warnings</th></tr></thead><tbody>");
    for d in &report.documents {
        let sev = |k: &str| d.severities.get(k).copied().unwrap_or(0);
        let _ = write!(
            s,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            esc(d.file.rsplit('/').next().unwrap_or(&d.file)),
            esc(d.kind.as_str()),
            esc(d.number.as_deref().unwrap_or("")),
            esc(d.date.as_deref().unwrap_or("")),
            esc(d.issuer.as_deref().unwrap_or("")),
            d.nodes.values().sum::<usize>(),
            d.citations.len(),
            d.relations.len(),
            d.assignments,
            sev("error"),
            sev("warning")
        );
    }
    s.push_str("</tbody></table>");
}

/// Every implementation chain, from its bottom document, as a tree and a picture. Chains
/// share their upper documents, so a well-linked corpus of many small plans drew each upper
/// document once per chain under it (10 000 plans: 886 MB of HTML): the chains drawn hold at
/// most [`CHAIN_BUDGET`] times the graph's nodes and edges between them, and the rest are
/// listed by name, for `vanban chain`.
fn chains(s: &mut String, graph: &Graph) {
    s.push_str("<h2>Implementation chains</h2>");
    let mut any = false;
    let mut budget = CHAIN_BUDGET * (graph.node_count() + graph.edge_count()) + 1_000;
    let mut not_drawn: Vec<String> = Vec::new();
    for n in graph
        .nodes()
        .filter(|n| n.document.as_ref().is_some_and(|d| d.parsed))
    {
        // Only chains that start at the bottom: a document another parsed document implements
        // is shown inside that one's chain (each chain once, not once per level).
        let implemented_by_parsed = graph
            .direct_implementers(&n.id, IMPLEMENTATION)
            .iter()
            .any(|(id, _)| graph.summary_of(id).is_some_and(|s| s.parsed == Some(true)));
        if implemented_by_parsed {
            continue;
        }
        let Some(c) = graph.chain(&n.id, IMPLEMENTATION) else {
            continue;
        };
        if c.links.is_empty() {
            continue;
        }
        any = true;
        let size = 2 * c.links.len() + 1;
        if size > budget {
            not_drawn.push(c.node.label.to_string());
            continue;
        }
        budget -= size;
        let _ = write!(
            s,
            "<details open><summary><span class=\"parsed\">{}</span> <span class=\"small\">{}</span></summary>",
            esc(&c.node.label),
            esc(&vanban_graph::describe(&c.node))
        );
        tree(s, &c);
        let ids = c.ids();
        s.push_str(&crate::graph::svg(graph, Some(&ids)));
        s.push_str("</details>");
    }
    if !any {
        s.push_str("<p>No document of this corpus implements another.</p>");
    }
    if !not_drawn.is_empty() {
        let _ = write!(
            s,
            "<p>{} not drawn, to keep this page in proportion to the corpus (<code>vanban chain \
             ID</code> gives each): {}</p>",
            vanban_text::count(not_drawn.len(), "chain", "chains"),
            esc(&not_drawn.join(", "))
        );
    }
}

/// How many times the graph's nodes and edges the drawn chains may hold between them.
const CHAIN_BUDGET: usize = 4;

/// The tasks of every agency by role, the busiest agency first.
fn agencies(s: &mut String, graph: &Graph) {
    s.push_str("<h2>Tasks by agency</h2>");
    let mut agencies: Vec<_> = graph
        .nodes()
        .filter(|n| n.kind == NodeKind::Agency)
        .map(|n| graph.agency_tasks(&n.id))
        .filter(|a| !a.tasks.is_empty())
        .collect();
    agencies.sort_by(|a, b| {
        b.tasks
            .len()
            .cmp(&a.tasks.len())
            .then_with(|| a.agency.label.cmp(&b.agency.label))
    });
    for a in &agencies {
        let _ = write!(
            s,
            "<details><summary>{} <span class=\"small\">{} lead · {} cooperating · {} responsible</span></summary><ul>",
            esc(&a.agency.label),
            a.count(AgencyRole::Lead),
            a.count(AgencyRole::Cooperating),
            a.count(AgencyRole::Responsible)
        );
        for t in &a.tasks {
            let _ = write!(
                s,
                "<li><span class=\"role\">{}</span> {} <span class=\"small\">{}</span> {}{}</li>",
                t.role.as_str(),
                esc(&graph.label_of(&t.document)),
                esc(&t.node),
                esc(&vanban_graph::short_text(&t.text, 200)),
                t.deadline
                    .as_ref()
                    .map(|d| format!(" <em>[{}]</em>", esc(&d.text)))
                    .unwrap_or_default()
            );
        }
        s.push_str("</ul></details>");
    }
}
