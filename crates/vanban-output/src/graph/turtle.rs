//! RDF Turtle with ELI relation names.

use std::fmt::Write as _;

use vanban_graph::Graph;

use super::rdf::{iri, rdf_links, rdf_literals, rdf_type, ELI_NS, VANBAN_NS};
use super::{quoted, selected, ExportOptions};

/// A Turtle string literal.
fn ttl_str(s: &str) -> String {
    quoted(s, '"')
}

/// Turtle with ELI relation names (`eli:based_on`, `eli:implements`, `eli:amends`,
/// `eli:repeals`, `eli:cites`, `eli:passed_by` …; the project's own `vb:` terms for the rest).
/// The same relation asserted by several documents is one triple; the evidence (asserting
/// document, span) is in the JSON and GraphML exports.
pub fn turtle(g: &Graph, o: ExportOptions) -> String {
    let (nodes, edges) = selected(g, o);
    let mut s = String::new();
    let _ = writeln!(s, "@prefix eli: <{ELI_NS}> .");
    let _ = writeln!(s, "@prefix vb: <{VANBAN_NS}> .");
    s.push_str("@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n");
    s.push_str("@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\n");
    let out_of = rdf_links(&edges);
    for n in nodes {
        let (tp, tl) = rdf_type(n.kind);
        let _ = write!(s, "<{}> a {tp}:{tl}", iri(&n.id));
        for (p, l, value, ty) in rdf_literals(n) {
            let lit = match ty {
                Some(lang) if lang.starts_with('@') => format!("{}{lang}", ttl_str(&value)),
                Some(dt) => format!("{}^^{dt}", ttl_str(&value)),
                None => ttl_str(&value),
            };
            let _ = write!(s, " ;\n    {p}:{l} {lit}");
        }
        for (p, l, t) in out_of.get(n.id.as_str()).into_iter().flatten() {
            let _ = write!(s, " ;\n    {p}:{l} <{}>", iri(t));
        }
        s.push_str(" .\n\n");
    }
    s
}
