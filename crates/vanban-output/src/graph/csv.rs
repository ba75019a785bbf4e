//! `nodes.csv` and `relationships.csv` for `neo4j-admin database import`.

use serde_json::Value;
use vanban_graph::Graph;

use super::records::{edge_attrs, node_attrs};
use super::{node_label, rel_type, selected, ExportOptions};

/// The node properties past `id`, in the order of the records, with their import type (none:
/// a string). Every attribute a node record has is one of these (a test checks it).
pub(crate) const NODE_COLUMNS: &[(&str, &str)] = &[
    ("kind", ""),
    ("label", ""),
    ("parsed", "boolean"),
    ("document_kind", ""),
    ("number", ""),
    ("date", ""),
    ("year", "int"),
    ("issuer", ""),
    ("title", ""),
    ("name", ""),
    ("province", ""),
    ("sources", ""),
    ("aliases", ""),
    ("citations", "int"),
    ("agency_name", ""),
    ("locality", ""),
    ("document", ""),
    ("node", ""),
    ("text", ""),
    ("deadline", ""),
    ("due", ""),
];

/// The relationship properties, in the order of the records (the edge type is `:TYPE`).
pub(crate) const EDGE_COLUMNS: &[(&str, &str)] = &[
    ("asserted_by", ""),
    ("start", "long"),
    ("end", "long"),
    ("line", "int"),
    ("column", "int"),
    ("purpose", ""),
];

/// The header fields of the typed columns: `name` or `name:type`.
fn typed(columns: &[(&str, &str)]) -> Vec<String> {
    columns
        .iter()
        .map(|(name, ty)| {
            if ty.is_empty() {
                (*name).to_owned()
            } else {
                format!("{name}:{ty}")
            }
        })
        .collect()
}

/// One field: empty when the property is absent (the importer sets nothing), `""` for an
/// empty string, else the value quoted as CSV needs.
fn cell(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) if s.is_empty() => "\"\"".to_owned(),
        Some(Value::String(s)) => crate::csv::field(s),
        Some(other) => crate::csv::field(&other.to_string()),
    }
}

/// The values of `columns` among `attrs`, as fields.
fn cells(attrs: &[(String, Value)], columns: &[(&str, &str)]) -> Vec<String> {
    columns
        .iter()
        .map(|(name, _)| cell(attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v)))
        .collect()
}

/// The two files of `neo4j-admin database import full --nodes=nodes.csv
/// --relationships=relationships.csv`: nodes with `id:ID` and `:LABEL` (`Document`, `Agency`,
/// `Task`), relationships with `:START_ID`, `:END_ID` and `:TYPE` (`IMPLEMENTS`, `ISSUED_BY`
/// …), and the same properties as the Cypher script, typed in the header (`year:int`,
/// `parsed:boolean`, `start:long` …). A property a row does not have is an empty field; a
/// field with a comma, a quote or a line break is quoted (import with
/// `--multiline-fields=true` when a text has a line break). Rows are in the order of the
/// graph, so the bytes depend only on the corpus.
pub fn csv(g: &Graph, o: ExportOptions) -> Vec<(&'static str, String)> {
    let (nodes, edges) = selected(g, o);
    let mut header: Vec<String> = vec!["id:ID".to_owned(), ":LABEL".to_owned()];
    header.extend(typed(NODE_COLUMNS));
    let mut n_csv = crate::csv::record(&header);
    for n in &nodes {
        let mut fields = vec![crate::csv::field(&n.id), node_label(n.kind).to_owned()];
        fields.extend(cells(&node_attrs(n), NODE_COLUMNS));
        n_csv.push_str(&fields.join(","));
        n_csv.push('\n');
    }
    let mut header: Vec<String> = [":START_ID", ":END_ID", ":TYPE"]
        .iter()
        .map(|h| (*h).to_owned())
        .collect();
    header.extend(typed(EDGE_COLUMNS));
    let mut r_csv = crate::csv::record(&header);
    for e in &edges {
        let mut fields = vec![
            crate::csv::field(e.source),
            crate::csv::field(e.target),
            rel_type(e.kind),
        ];
        fields.extend(cells(&edge_attrs(e), EDGE_COLUMNS));
        r_csv.push_str(&fields.join(","));
        r_csv.push('\n');
    }
    vec![("nodes.csv", n_csv), ("relationships.csv", r_csv)]
}
