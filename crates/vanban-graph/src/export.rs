//! Exports that real clients load unmodified: node-link JSON (networkx), Cytoscape.js
//! elements, GraphML (networkx, Gephi), DOT (Graphviz), and an SVG picture drawn without
//! Graphviz ([`svg`]). Nodes are sorted by id, edges by
//! source, target, type and evidence, so the bytes depend only on the corpus.

use std::fmt::Write as _;

use serde_json::{json, Map, Value};
use vanban_text::Sub;

use crate::{Edge, EdgeKind, Graph, Node, NodeKind};

pub use crate::svg::svg;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExportOptions {
    /// Only documents and the relations between them (no agencies, tasks, issued_by …).
    pub documents_only: bool,
}

fn selected(g: &Graph, o: ExportOptions) -> (Vec<&Node>, Vec<&Edge>) {
    let nodes: Vec<&Node> = g
        .nodes()
        .filter(|n| !o.documents_only || n.kind == NodeKind::Document)
        .collect();
    let edges: Vec<&Edge> = g
        .edges()
        .into_iter()
        .filter(|e| !o.documents_only || matches!(e.kind, EdgeKind::Relation(_)))
        .collect();
    (nodes, edges)
}

/// Flat, scalar node attributes (GraphML needs scalars; JSON gets the same plus claims).
fn node_attrs(n: &Node) -> Vec<(&'static str, Value)> {
    let mut a: Vec<(&'static str, Value)> =
        vec![("kind", json!(n.kind.as_str())), ("label", json!(n.label))];
    let mut opt = |k: &'static str, v: Option<Value>| {
        if let Some(v) = v {
            a.push((k, v));
        }
    };
    if let Some(d) = &n.document {
        opt("parsed", Some(json!(d.parsed)));
        opt("document_kind", Some(json!(d.kind.as_str())));
        opt("number", d.number.as_ref().map(|x| json!(x)));
        opt("date", d.date.as_ref().map(|x| json!(x)));
        opt("year", d.year.map(|x| json!(x)));
        opt("issuer", d.issuer.as_ref().map(|x| json!(x)));
        opt("title", d.title.as_ref().map(|x| json!(x)));
        opt("name", d.name.as_ref().map(|x| json!(x)));
        opt("province", d.province.as_ref().map(|x| json!(x)));
        opt(
            "sources",
            (!d.sources.is_empty()).then(|| json!(d.sources.join("; "))),
        );
        opt(
            "aliases",
            (!d.aliases.is_empty()).then(|| json!(d.aliases.join("; "))),
        );
        opt("citations", Some(json!(d.claims.len())));
    }
    if let Some(ag) = &n.agency {
        opt("agency_name", Some(json!(ag.name)));
        opt("locality", ag.locality.as_ref().map(|x| json!(x)));
    }
    if let Some(t) = &n.task {
        opt("document", Some(json!(t.document)));
        opt("node", Some(json!(t.node)));
        opt("text", Some(json!(t.text)));
        opt("deadline", t.deadline.as_ref().map(|x| json!(x)));
    }
    a
}

fn edge_attrs(e: &Edge) -> Vec<(&'static str, Value)> {
    let mut a: Vec<(&'static str, Value)> = vec![
        ("type", json!(e.kind.as_str())),
        ("asserted_by", json!(e.asserted_by)),
    ];
    if let Some(s) = e.span {
        a.push(("start", json!(s.start)));
        a.push(("end", json!(s.end)));
        a.push(("line", json!(s.line)));
        a.push(("column", json!(s.column)));
    }
    if let Some(p) = &e.purpose {
        a.push(("purpose", json!(p)));
    }
    a
}

/// Keys of parallel edges: `type`, then `type:2`, `type:3` … in edge order.
fn edge_keys(edges: &[&Edge]) -> Vec<String> {
    let mut out = Vec::with_capacity(edges.len());
    let mut count: std::collections::HashMap<(&str, &str, EdgeKind), usize> =
        std::collections::HashMap::new();
    for e in edges {
        let n = count
            .entry((e.source.as_str(), e.target.as_str(), e.kind))
            .or_default();
        *n += 1;
        out.push(if *n == 1 {
            e.kind.as_str().to_owned()
        } else {
            format!("{}:{n}", e.kind.as_str())
        });
    }
    out
}

/// Node-link JSON: `networkx.node_link_graph(data, edges="edges")` loads it as a
/// `MultiDiGraph`. Document nodes also carry their `claims` (what each citation says).
pub fn node_link(g: &Graph, o: ExportOptions) -> Value {
    let (nodes, edges) = selected(g, o);
    let summary = g.summary(0);
    let nodes: Vec<Value> = nodes
        .iter()
        .map(|n| {
            let mut m = Map::new();
            m.insert("id".to_owned(), json!(n.id));
            for (k, v) in node_attrs(n) {
                m.insert(k.to_owned(), v);
            }
            if let Some(d) = &n.document {
                if !d.claims.is_empty() {
                    m.insert("claims".to_owned(), json!(d.claims));
                }
            }
            Value::Object(m)
        })
        .collect();
    let keys = edge_keys(&edges);
    let edges: Vec<Value> = edges
        .iter()
        .zip(keys)
        .map(|(e, key)| {
            let mut m = Map::new();
            m.insert("source".to_owned(), json!(e.source));
            m.insert("target".to_owned(), json!(e.target));
            m.insert("key".to_owned(), json!(key));
            for (k, v) in edge_attrs(e) {
                m.insert(k.to_owned(), v);
            }
            Value::Object(m)
        })
        .collect();
    json!({
        "directed": true,
        "multigraph": true,
        "graph": {
            "name": "vanban",
            "documents_parsed": summary.documents_parsed,
            "stubs": summary.stubs,
            "diagnostics": g.diagnostics(),
        },
        "nodes": nodes,
        "edges": edges,
    })
}

/// Cytoscape.js elements JSON (`cytoscape({ elements: data.elements })`; Cytoscape desktop
/// imports it as `.cyjs`).
pub fn cytoscape(g: &Graph, o: ExportOptions) -> Value {
    let (nodes, edges) = selected(g, o);
    let nodes: Vec<Value> = nodes
        .iter()
        .map(|n| {
            let mut m = Map::new();
            m.insert("id".to_owned(), json!(n.id));
            for (k, v) in node_attrs(n) {
                m.insert(k.to_owned(), v);
            }
            json!({ "data": Value::Object(m), "group": "nodes" })
        })
        .collect();
    let keys = edge_keys(&edges);
    let edges: Vec<Value> = edges
        .iter()
        .zip(keys)
        .map(|(e, key)| {
            let mut m = Map::new();
            m.insert(
                "id".to_owned(),
                json!(format!(
                    "{}|{}|{}|{}",
                    e.source, e.target, key, e.asserted_by
                )),
            );
            m.insert("source".to_owned(), json!(e.source));
            m.insert("target".to_owned(), json!(e.target));
            m.insert("key".to_owned(), json!(key));
            for (k, v) in edge_attrs(e) {
                m.insert(k.to_owned(), v);
            }
            json!({ "data": Value::Object(m), "group": "edges" })
        })
        .collect();
    json!({
        "data": { "name": "vanban" },
        "elements": { "nodes": nodes, "edges": edges },
    })
}

/// XML text: escaped, characters XML 1.0 forbids dropped.
fn xml(s: &str) -> String {
    vanban_syntax::text::escape_xml(s, vanban_syntax::text::XmlSpace::Keep)
}

fn graphml_type(v: &Value) -> &'static str {
    match v {
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_u64() || n.is_i64() => "long",
        Value::Number(_) => "double",
        _ => "string",
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// GraphML with typed attribute keys (networkx `read_graphml`, Gephi, yEd).
pub fn graphml(g: &Graph, o: ExportOptions) -> String {
    let (nodes, edges) = selected(g, o);
    let node_data: Vec<Vec<(&'static str, Value)>> = nodes.iter().map(|n| node_attrs(n)).collect();
    let edge_data: Vec<Vec<(&'static str, Value)>> = edges.iter().map(|e| edge_attrs(e)).collect();
    // Declared keys, in first-seen order of a fixed attribute list.
    let mut node_keys: Vec<(&'static str, &'static str)> = Vec::new();
    for attrs in &node_data {
        for (k, v) in attrs {
            if !node_keys.iter().any(|(n, _)| n == k) {
                node_keys.push((k, graphml_type(v)));
            }
        }
    }
    let mut edge_keys_decl: Vec<(&'static str, &'static str)> = vec![("key", "string")];
    for attrs in &edge_data {
        for (k, v) in attrs {
            if !edge_keys_decl.iter().any(|(n, _)| n == k) {
                edge_keys_decl.push((k, graphml_type(v)));
            }
        }
    }
    node_keys.sort();
    edge_keys_decl.sort();
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (k, t) in &node_keys {
        let _ = writeln!(
            s,
            "  <key id=\"n_{k}\" for=\"node\" attr.name=\"{k}\" attr.type=\"{t}\"/>"
        );
    }
    for (k, t) in &edge_keys_decl {
        let _ = writeln!(
            s,
            "  <key id=\"e_{k}\" for=\"edge\" attr.name=\"{k}\" attr.type=\"{t}\"/>"
        );
    }
    s.push_str("  <graph id=\"vanban\" edgedefault=\"directed\">\n");
    for (n, attrs) in nodes.iter().zip(&node_data) {
        let _ = writeln!(s, "    <node id=\"{}\">", xml(&n.id));
        for (k, v) in attrs {
            let _ = writeln!(s, "      <data key=\"n_{k}\">{}</data>", xml(&scalar(v)));
        }
        s.push_str("    </node>\n");
    }
    let keys = edge_keys(&edges);
    for (i, ((e, attrs), key)) in edges.iter().zip(&edge_data).zip(keys).enumerate() {
        let _ = writeln!(
            s,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
            xml(&e.source),
            xml(&e.target)
        );
        let _ = writeln!(s, "      <data key=\"e_key\">{}</data>", xml(&key));
        for (k, v) in attrs {
            let _ = writeln!(s, "      <data key=\"e_{k}\">{}</data>", xml(&scalar(v)));
        }
        s.push_str("    </edge>\n");
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}

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
                let mut label = n.label.clone();
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
                n.label.clone(),
                "shape=ellipse, style=filled, fillcolor=\"#f3e6c8\"",
            ),
            NodeKind::Task => (n.label.clone(), "shape=note"),
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
            EdgeKind::Relation(r) if crate::IMPLEMENTATION.contains(&r) => ", penwidth=2",
            EdgeKind::Relation(vanban_model::RelationType::Cites) => ", style=dotted",
            _ => "",
        };
        let _ = writeln!(
            s,
            "  {} -> {} [label={}{style}];",
            dot_str(&e.source),
            dot_str(&e.target),
            dot_str(e.kind.as_str())
        );
    }
    s.push_str("}\n");
    s
}

/// RDF namespace of the project's own terms (tasks, roles, relations ELI does not name).
pub const VANBAN_NS: &str = "urn:vanban:ontology:";
/// The ELI ontology namespace.
pub const ELI_NS: &str = "http://data.europa.eu/eli/ontology#";

/// The RDF property of an edge: ELI's where ELI names the relation, the project's otherwise.
pub fn rdf_property(kind: EdgeKind) -> (&'static str, &'static str) {
    use vanban_model::RelationType as R;
    match kind {
        EdgeKind::Relation(R::Implements) => ("eli", "implements"),
        EdgeKind::Relation(R::BasedOn) => ("eli", "based_on"),
        EdgeKind::Relation(R::Amends) => ("eli", "amends"),
        EdgeKind::Relation(R::Repeals) => ("eli", "repeals"),
        EdgeKind::Relation(R::Cites) => ("eli", "cites"),
        EdgeKind::Relation(R::Consolidates) => ("eli", "consolidates"),
        EdgeKind::Relation(R::Corrects) => ("eli", "corrects"),
        EdgeKind::IssuedBy => ("eli", "passed_by"),
        other => ("vb", other.as_str()),
    }
}

/// The IRI of a node id: documents keep their URN; agencies and tasks get `urn:vanban:…`.
fn iri(id: &str) -> String {
    let raw = if id.starts_with("urn:") {
        id.to_owned()
    } else {
        format!("urn:vanban:{id}")
    };
    // Characters IRIs refuse.
    raw.chars()
        .map(|c| {
            if matches!(
                c,
                ' ' | '<' | '>' | '"' | '{' | '}' | '|' | '^' | '`' | '\\'
            ) {
                '-'
            } else {
                c
            }
        })
        .collect()
}

/// `s` between `quote`s, with the quote, backslash and control white space escaped by a
/// backslash: a Turtle (`"`) or Cypher (`'`) string literal.
fn quoted(s: &str, quote: char) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            // Other control characters (NUL included) as \uXXXX escapes, which both Turtle
            // and Cypher read.
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// A Turtle string literal.
fn ttl_str(s: &str) -> String {
    quoted(s, '"')
}

/// Literal properties of a node: (prefix, local name, value, datatype or language).
fn rdf_literals(n: &Node) -> Vec<(&'static str, &'static str, String, Option<&'static str>)> {
    let mut v = vec![("rdfs", "label", n.label.clone(), Some("@vi"))];
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
        v.push(("vb", "node", t.node.clone(), None));
        if let Some(d) = &t.deadline {
            v.push(("vb", "deadline", d.clone(), Some("@vi")));
        }
    }
    v
}

fn rdf_type(kind: NodeKind) -> (&'static str, &'static str) {
    match kind {
        NodeKind::Document => ("eli", "LegalResource"),
        NodeKind::Agency => ("vb", "Agency"),
        NodeKind::Task => ("vb", "Task"),
    }
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
    let mut out_of: std::collections::BTreeMap<
        &str,
        std::collections::BTreeSet<(&'static str, &'static str, &str)>,
    > = std::collections::BTreeMap::new();
    for e in &edges {
        let (p, l) = rdf_property(e.kind);
        out_of
            .entry(&e.source)
            .or_default()
            .insert((p, l, &e.target));
    }
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

/// JSON-LD of the same triples as [`turtle`].
pub fn jsonld(g: &Graph, o: ExportOptions) -> Value {
    let (nodes, edges) = selected(g, o);
    let mut out_of: std::collections::BTreeMap<
        &str,
        std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
    > = std::collections::BTreeMap::new();
    for e in &edges {
        let (p, l) = rdf_property(e.kind);
        out_of
            .entry(&e.source)
            .or_default()
            .entry(format!("{p}:{l}"))
            .or_default()
            .insert(iri(&e.target));
    }
    let graph: Vec<Value> = nodes
        .iter()
        .map(|n| {
            let (tp, tl) = rdf_type(n.kind);
            let mut m = Map::new();
            m.insert("@id".to_owned(), json!(iri(&n.id)));
            m.insert("@type".to_owned(), json!(format!("{tp}:{tl}")));
            for (p, l, value, ty) in rdf_literals(n) {
                let v = match ty {
                    Some(lang) if lang.starts_with('@') => {
                        json!({ "@value": value, "@language": lang.sub(1..) })
                    }
                    Some(dt) => json!({ "@value": value, "@type": dt }),
                    None => json!(value),
                };
                m.insert(format!("{p}:{l}"), v);
            }
            if let Some(props) = out_of.get(n.id.as_str()) {
                for (k, targets) in props {
                    let ids: Vec<Value> = targets.iter().map(|t| json!({ "@id": t })).collect();
                    m.insert(k.clone(), Value::Array(ids));
                }
            }
            Value::Object(m)
        })
        .collect();
    json!({
        "@context": {
            "eli": ELI_NS,
            "vb": VANBAN_NS,
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@graph": graph,
    })
}

/// A Cypher literal for a JSON value.
fn cypher_value(v: &Value) -> String {
    match v {
        Value::String(s) => quoted(s, '\''),
        Value::Null => "null".to_owned(),
        other => other.to_string(),
    }
}

fn cypher_map(pairs: &[(&str, Value)]) -> String {
    let inner: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}: {}", cypher_value(v)))
        .collect();
    format!("{{{}}}", inner.join(", "))
}

/// Rows per `UNWIND` statement.
const CYPHER_BATCH: usize = 500;

/// A Cypher script that loads the graph into Neo4j (`cypher-shell -f graph.cypher`): a
/// uniqueness constraint, nodes labelled `Node` plus `Document`, `Agency` or `Task`, and
/// relationships named after the edge type in upper case (`IMPLEMENTS`, `BASED_ON`,
/// `ISSUED_BY` …) with their evidence as properties; statements in batches of 500 rows.
pub fn cypher(g: &Graph, o: ExportOptions) -> String {
    let (nodes, edges) = selected(g, o);
    let mut s = String::new();
    s.push_str("// vanban graph for Neo4j: cypher-shell -f graph.cypher\n");
    s.push_str(
        "CREATE CONSTRAINT vanban_node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;\n",
    );
    for kind in [NodeKind::Document, NodeKind::Agency, NodeKind::Task] {
        let rows: Vec<String> = nodes
            .iter()
            .filter(|n| n.kind == kind)
            .map(|n| {
                let mut pairs: Vec<(&str, Value)> = vec![("id", json!(n.id))];
                pairs.extend(node_attrs(n));
                cypher_map(&pairs)
            })
            .collect();
        let label = match kind {
            NodeKind::Document => "Document",
            NodeKind::Agency => "Agency",
            NodeKind::Task => "Task",
        };
        for chunk in rows.chunks(CYPHER_BATCH) {
            let _ = writeln!(
                s,
                "UNWIND [\n  {}\n] AS row\nMERGE (n:Node {{id: row.id}}) SET n += row, n:{label};",
                chunk.join(",\n  ")
            );
        }
    }
    let mut by_kind: std::collections::BTreeMap<EdgeKind, Vec<String>> =
        std::collections::BTreeMap::new();
    for e in &edges {
        let mut pairs: Vec<(&str, Value)> =
            vec![("source", json!(e.source)), ("target", json!(e.target))];
        pairs.extend(edge_attrs(e).into_iter().filter(|(k, _)| *k != "type"));
        by_kind.entry(e.kind).or_default().push(cypher_map(&pairs));
    }
    for (kind, rows) in by_kind {
        let rel = kind.as_str().to_uppercase();
        for chunk in rows.chunks(CYPHER_BATCH) {
            let _ = writeln!(
                s,
                "UNWIND [\n  {}\n] AS row\nMATCH (a:Node {{id: row.source}}), (b:Node {{id: row.target}})\nCREATE (a)-[r:{rel}]->(b) SET r += row;",
                chunk.join(",\n  ")
            );
        }
    }
    s
}
