//! The attributes of nodes and edges, one typed record each: the node-link JSON is these
//! records (and its JSON Schema is theirs), and Cytoscape, GraphML and Cypher take the same
//! attributes in the same order.

use serde::Serialize;
use serde_json::Value;
use vanban_graph::{Claim, Edge, EdgeKind, Node, NodeKind};
use vanban_model::DocumentKind;

/// A node: its id and flat, scalar attributes (GraphML needs scalars), plus the claims of a
/// document in the node-link JSON.
#[derive(Debug, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields, transform = absent_not_null)
)]
pub(crate) struct NodeRecord<'a> {
    /// A document's URN (urn:lex:vn:…), agency:…, or task:{document}#{element}.
    id: &'a str,
    /// What the node stands for.
    kind: NodeKind,
    /// A short label a person reads ("208/KH-UBND", "Sở Tài chính (Lào Cai)").
    label: std::borrow::Cow<'a, str>,
    /// Documents: parsed (true) or a stub known from citations (false).
    #[serde(skip_serializing_if = "Option::is_none")]
    parsed: Option<bool>,
    /// Documents: the type.
    #[serde(skip_serializing_if = "Option::is_none")]
    document_kind: Option<DocumentKind>,
    /// Documents: number and symbol, normalised.
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<&'a str>,
    /// Documents: the date, YYYY-MM-DD.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))
    )]
    date: Option<&'a str>,
    /// Documents: the year.
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<u16>,
    /// Documents: the issuer.
    #[serde(skip_serializing_if = "Option::is_none")]
    issuer: Option<&'a str>,
    /// Documents: the title of a parsed document.
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    /// Documents cited by name (a law).
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    /// Documents: the province of a local issuer.
    #[serde(skip_serializing_if = "Option::is_none")]
    province: Option<&'a str>,
    /// Files the document was parsed from, separated by "; ".
    #[serde(skip_serializing_if = "Option::is_none")]
    sources: Option<String>,
    /// Other ids merged into this one, separated by "; ".
    #[serde(skip_serializing_if = "Option::is_none")]
    aliases: Option<String>,
    /// How many citations name it.
    #[serde(skip_serializing_if = "Option::is_none")]
    citations: Option<usize>,
    /// What each citation says about the document (node-link JSON only).
    #[serde(skip_serializing_if = "Option::is_none")]
    claims: Option<&'a [Claim]>,
    /// Agencies: the canonical name.
    #[serde(skip_serializing_if = "Option::is_none")]
    agency_name: Option<&'a str>,
    /// Agencies: the province of a provincial body named without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    locality: Option<&'a str>,
    /// Tasks: the document that assigns it.
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<&'a str>,
    /// Tasks: the element id in that document.
    #[serde(skip_serializing_if = "Option::is_none")]
    node: Option<&'a str>,
    /// Tasks: the task text.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    /// Tasks: the deadline as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    deadline: Option<&'a str>,
    /// Tasks: the date to finish by (ISO 8601), when the deadline gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<&'a str>,
}

impl<'a> NodeRecord<'a> {
    /// The record of a node; `claims`: with a document's claims (when it has any).
    pub(crate) fn of(n: &'a Node, claims: bool) -> NodeRecord<'a> {
        let d = n.document.as_ref();
        let a = n.agency.as_ref();
        let t = n.task.as_ref();
        let joined = |v: &[String]| (!v.is_empty()).then(|| v.join("; "));
        NodeRecord {
            id: &n.id,
            kind: n.kind,
            label: n.label(),
            parsed: d.map(|d| d.parsed),
            document_kind: d.map(|d| d.kind),
            number: d.and_then(|d| d.number.as_deref()),
            date: d.and_then(|d| d.date.as_deref()),
            year: d.and_then(|d| d.year),
            issuer: d.and_then(|d| d.issuer.as_deref()),
            title: d.and_then(|d| d.title.as_deref()),
            name: d.and_then(|d| d.name.as_deref()),
            province: d.and_then(|d| d.province.as_deref()),
            sources: d.and_then(|d| joined(&d.sources)),
            aliases: d.and_then(|d| joined(&d.aliases)),
            citations: d.map(|d| d.claims.len()),
            claims: d
                .filter(|d| claims && !d.claims.is_empty())
                .map(|d| d.claims.as_slice()),
            agency_name: a.map(|a| a.name.as_str()),
            locality: a.and_then(|a| a.locality.as_deref()),
            document: t.map(|t| &*t.document),
            node: t.map(|t| t.node.as_str()),
            text: t.map(|t| t.text.as_str()),
            deadline: t.and_then(|t| t.deadline.as_ref()).map(|d| d.text.as_str()),
            due: t
                .and_then(|t| t.deadline.as_ref())
                .and_then(|d| d.due.as_deref()),
        }
    }
}

/// An edge's attributes: type and evidence.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(crate) struct EdgeAttrs<'a> {
    /// What the edge says.
    #[serde(rename = "type")]
    kind: EdgeKind,
    /// The document that says so.
    asserted_by: &'a str,
    /// Byte offset where it says so, in that document's normalised text.
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<usize>,
    /// Byte offset of the end of the evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<usize>,
    /// Line of the evidence in the original file.
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u32>,
    /// Column (in characters) of the evidence in the original file.
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<u32>,
    /// Purpose of a recipient ("báo cáo", "thực hiện").
    #[serde(skip_serializing_if = "Option::is_none")]
    purpose: Option<&'a str>,
}

impl<'a> EdgeAttrs<'a> {
    /// The attributes of an edge.
    pub(crate) fn of(e: &'a Edge) -> EdgeAttrs<'a> {
        EdgeAttrs {
            kind: e.kind,
            asserted_by: e.asserted_by,
            start: e.span.map(|s| s.start),
            end: e.span.map(|s| s.end),
            line: e.span.map(|s| s.line),
            column: e.span.map(|s| s.column),
            purpose: e.purpose,
        }
    }
}

/// An edge of the node-link JSON.
#[derive(Debug, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields, transform = absent_not_null)
)]
pub(crate) struct EdgeRecord<'a> {
    /// Id of the source node.
    pub(crate) source: &'a str,
    /// Id of the target node.
    pub(crate) target: &'a str,
    /// Unique among the edges of one (source, target) pair: the type, then "type:2" …
    pub(crate) key: String,
    /// Type and evidence.
    #[serde(flatten)]
    pub(crate) attrs: EdgeAttrs<'a>,
}

/// In the schema of a record, an attribute that may be absent is never null: the records
/// leave out what they do not have rather than write `null`.
#[cfg(feature = "schema")]
fn absent_not_null(schema: &mut schemars::Schema) {
    let required: Vec<Value> = schema
        .get("required")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let Some(Value::Object(properties)) = schema.get_mut("properties") else {
        return;
    };
    let null = Value::from("null");
    for (name, property) in properties.iter_mut() {
        let Value::Object(p) = property else {
            continue;
        };
        if required.contains(&Value::from(name.as_str())) {
            continue;
        }
        if let Some(Value::Array(types)) = p.get_mut("type") {
            types.retain(|t| *t != null);
            if let [only] = types.as_slice() {
                let only = only.clone();
                p.insert("type".to_owned(), only);
            }
        }
        let any_of = p.get("anyOf").and_then(Value::as_array).cloned();
        if let Some(any_of) = any_of {
            let mut rest = any_of.into_iter().filter(|s| s.get("type") != Some(&null));
            if let (Some(Value::Object(only)), None) = (rest.next(), rest.next()) {
                p.remove("anyOf");
                p.extend(only);
            }
        }
    }
}

/// The fields of a record, in order.
fn fields(record: &impl Serialize) -> Vec<(String, Value)> {
    match serde_json::to_value(record) {
        Ok(Value::Object(m)) => m.into_iter().collect(),
        _ => Vec::new(),
    }
}

/// A node's attributes, id left out, in the order of [`NodeRecord`].
pub(crate) fn node_attrs(n: &Node) -> Vec<(String, Value)> {
    let mut a = fields(&NodeRecord::of(n, false));
    a.retain(|(k, _)| k != "id");
    a
}

/// An edge's attributes, in the order of [`EdgeAttrs`].
pub(crate) fn edge_attrs(e: &Edge) -> Vec<(String, Value)> {
    fields(&EdgeAttrs::of(e))
}

/// Keys of parallel edges: `type`, then `type:2`, `type:3` … in edge order.
pub(crate) fn edge_keys(edges: &[Edge]) -> Vec<String> {
    let mut out = Vec::with_capacity(edges.len());
    let mut count: std::collections::HashMap<(&str, &str, EdgeKind), usize> =
        std::collections::HashMap::new();
    for e in edges {
        let n = count.entry((e.source, e.target, e.kind)).or_default();
        *n += 1;
        out.push(if *n == 1 {
            e.kind.as_str().to_owned()
        } else {
            format!("{}:{n}", e.kind.as_str())
        });
    }
    out
}
