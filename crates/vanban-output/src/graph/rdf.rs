//! What Turtle and JSON-LD share: the namespaces, the ELI names of relations, IRIs, the
//! literal properties and types of nodes.

use std::collections::{BTreeMap, BTreeSet};

use vanban_graph::{Edge, EdgeKind, Node, NodeKind};

/// RDF namespace of the project's own terms (tasks, roles, relations ELI does not name).
pub const VANBAN_NS: &str = "urn:vanban:ontology:";
/// The ELI ontology namespace.
pub const ELI_NS: &str = "http://data.europa.eu/eli/ontology#";

/// The RDF property of an edge: ELI's where ELI names the relation, the project's otherwise.
pub fn rdf_property(kind: EdgeKind) -> (&'static str, &'static str) {
    match kind {
        EdgeKind::Relation(r) => match r.eli_property() {
            Some(p) => ("eli", p),
            None => ("vb", r.as_str()),
        },
        EdgeKind::IssuedBy => ("eli", "passed_by"),
        other => ("vb", other.as_str()),
    }
}

/// The relations of each node as RDF, one triple each however many documents assert it:
/// source id → (prefix, local name, target id), sorted.
pub(super) type RdfLinks<'a> = BTreeMap<&'a str, BTreeSet<(&'static str, &'static str, &'a str)>>;

/// The [`RdfLinks`] of the exported edges.
pub(super) fn rdf_links<'a>(edges: &[Edge<'a>]) -> RdfLinks<'a> {
    let mut out = RdfLinks::new();
    for e in edges {
        let (p, l) = rdf_property(e.kind);
        out.entry(e.source).or_default().insert((p, l, e.target));
    }
    out
}

/// The IRI of a node id: documents keep their URN; agencies and tasks get `urn:vanban:…`.
pub(super) fn iri(id: &str) -> String {
    let raw = if id.starts_with("urn:") {
        id.to_owned()
    } else {
        format!("urn:vanban:{id}")
    };
    // Characters IRIs refuse: white space and control characters (Turtle's IRIREF takes
    // nothing up to U+0020; an id read from extraction records may hold NUL, ESC or a line
    // feed, which made the Turtle export unreadable) and the delimiters.
    raw.chars()
        .map(|c| {
            if c <= ' '
                || c.is_control()
                || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '^' | '`' | '\\')
            {
                '-'
            } else {
                c
            }
        })
        .collect()
}

/// Literal properties of a node: (prefix, local name, value, datatype or language).
pub(super) fn rdf_literals(
    n: &Node,
) -> Vec<(&'static str, &'static str, String, Option<&'static str>)> {
    let mut v = vec![("rdfs", "label", n.label().into_owned(), Some("@vi"))];
    if let Some(d) = &n.document {
        v.push(("vb", "parsed", d.parsed.to_string(), Some("xsd:boolean")));
        v.push(("eli", "type_document", d.kind.as_str().to_owned(), None));
        if let Some(x) = &d.number {
            v.push(("eli", "id_local", x.clone(), None));
        }
        if let Some(x) = &d.date {
            v.push(("eli", "date_document", x.clone(), Some("xsd:date")));
        }
        if let Some(x) = d.title.as_ref().or(d.name.as_ref()) {
            v.push(("eli", "title", x.clone(), Some("@vi")));
        }
        if let Some(x) = &d.issuer {
            v.push(("vb", "issuer_name", x.clone(), Some("@vi")));
        }
    }
    if let Some(a) = &n.agency {
        v.push(("vb", "agency_name", a.name.clone(), Some("@vi")));
        if let Some(l) = &a.locality {
            v.push(("vb", "locality", l.clone(), Some("@vi")));
        }
    }
    if let Some(t) = &n.task {
        v.push(("vb", "text", t.text.clone(), Some("@vi")));
        v.push(("vb", "node", t.node.to_string(), None));
        if let Some(d) = &t.deadline {
            v.push(("vb", "deadline", d.text.to_string(), Some("@vi")));
        }
    }
    v
}

pub(super) fn rdf_type(kind: NodeKind) -> (&'static str, &'static str) {
    match kind {
        NodeKind::Document => ("eli", "LegalResource"),
        NodeKind::Agency => ("vb", "Agency"),
        NodeKind::Task => ("vb", "Task"),
    }
}

#[cfg(test)]
mod tests {
    use vanban_graph::EdgeKind;
    use vanban_model::RelationType;

    use super::{iri, rdf_property};

    #[test]
    fn an_iri_holds_no_white_space_control_character_or_delimiter() {
        assert_eq!(
            iri("urn:x\0y\u{1b}z\nw\tv u\u{85}t\u{7f}"),
            "urn:x-y-z-w-v-u-t-"
        );
        assert_eq!(
            iri("agency:a<b>\"c{d}|e^f`g\\h"),
            "urn:vanban:agency:a-b--c-d--e-f-g-h"
        );
        // Letters of any script stay (an IRI takes them).
        assert_eq!(iri("agency:sở-y-tế"), "urn:vanban:agency:sở-y-tế");
    }

    #[test]
    fn relations_take_elis_names_where_eli_has_them() {
        let property = |r| rdf_property(EdgeKind::Relation(r));
        assert_eq!(property(RelationType::Implements), ("eli", "implements"));
        assert_eq!(property(RelationType::BasedOn), ("eli", "based_on"));
        assert_eq!(property(RelationType::Cites), ("eli", "cites"));
        assert_eq!(
            property(RelationType::ContinuesImplementing),
            ("vb", "continues_implementing")
        );
        assert_eq!(rdf_property(EdgeKind::IssuedBy), ("eli", "passed_by"));
        assert_eq!(rdf_property(EdgeKind::Lead), ("vb", "lead"));
    }
}
