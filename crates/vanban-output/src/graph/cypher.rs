//! A Cypher script for Neo4j, which other Cypher engines (Kùzu) load too.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{json, Value};
use vanban_graph::{EdgeKind, Graph, NodeKind};

use super::records::{edge_attrs, node_attrs};
use super::{node_label, quoted, rel_type, selected, ExportOptions};

/// A Cypher literal for a JSON value.
fn cypher_value(v: &Value) -> String {
    match v {
        Value::String(s) => quoted(s, '\''),
        Value::Null => "null".to_owned(),
        other => other.to_string(),
    }
}

/// Words openCypher reserves, and `column`, which Kùzu reserves: a property of that name is
/// written between backticks.
const RESERVED: &str = "all and as asc ascending by case column constraint contains create \
    delete desc descending detach distinct do drop else end ends exists false for in is limit \
    mandatory match merge not null of on optional or order remove require return scalar set \
    skip starts then true union unique unwind when where with xor";

/// A property name as Cypher reads it: as it is, or between backticks when it is a reserved
/// word or not a plain identifier.
fn cypher_name(k: &str) -> String {
    let plain = k.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
        && k.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if plain && !RESERVED.split_whitespace().any(|w| w == k) {
        k.to_owned()
    } else {
        format!("`{}`", k.replace('`', "``"))
    }
}

fn cypher_map(pairs: &[(String, Value)]) -> String {
    let inner: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}: {}", cypher_name(k), cypher_value(v)))
        .collect();
    format!("{{{}}}", inner.join(", "))
}

/// `n.k = row.k, …` (or `k: row.k, …` with `map`) for the keys of a batch.
fn assignments(var: &str, keys: &[String]) -> String {
    keys.iter()
        .map(|k| {
            let k = cypher_name(k);
            if var.is_empty() {
                format!("{k}: row.{k}")
            } else {
                format!("{var}.{k} = row.{k}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Rows per `UNWIND` statement.
const CYPHER_BATCH: usize = 500;

/// The keys of a row (the batch it goes to) and its map literal.
fn row(pairs: &[(String, Value)]) -> (Vec<String>, String) {
    (
        pairs.iter().map(|(k, _)| k.clone()).collect(),
        cypher_map(pairs),
    )
}

/// A Cypher script that loads the graph into Neo4j (`cypher-shell -f graph.cypher`): a
/// uniqueness constraint on the id of each label, nodes labelled `Document`, `Agency` or
/// `Task`, and relationships named after the edge type in upper case (`IMPLEMENTS`,
/// `BASED_ON`, `ISSUED_BY` …) with their evidence as properties. Statements are `UNWIND`
/// batches of at most 500 rows that have the same properties (so an engine with typed tables,
/// Kùzu, reads each batch as one type too), each property set by name: nothing but
/// openCypher past the constraints.
pub fn cypher(g: &Graph, o: ExportOptions) -> String {
    let (nodes, edges) = selected(g, o);
    let mut s = String::new();
    s.push_str("// vanban graph for Neo4j: cypher-shell -f graph.cypher\n");
    for kind in [NodeKind::Document, NodeKind::Agency, NodeKind::Task] {
        let label = node_label(kind);
        let _ = writeln!(
            s,
            "CREATE CONSTRAINT vanban_{}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE;",
            kind.as_str()
        );
    }
    let mut batches: BTreeMap<(NodeKind, Vec<String>), Vec<String>> = BTreeMap::new();
    for n in &nodes {
        let mut pairs: Vec<(String, Value)> = vec![("id".to_owned(), json!(n.id))];
        pairs.extend(node_attrs(n));
        let (keys, map) = row(&pairs);
        batches.entry((n.kind, keys)).or_default().push(map);
    }
    for ((kind, keys), rows) in &batches {
        let set = assignments("n", &keys[1..]);
        for chunk in rows.chunks(CYPHER_BATCH) {
            let _ = writeln!(
                s,
                "UNWIND [\n  {}\n] AS row\nMERGE (n:{} {{id: row.id}}) SET {set};",
                chunk.join(",\n  "),
                node_label(*kind)
            );
        }
    }
    type EdgeBatch = (EdgeKind, NodeKind, NodeKind, Vec<String>);
    let mut batches: BTreeMap<EdgeBatch, Vec<String>> = BTreeMap::new();
    let kind_of = |id: &str| g.node(id).map_or(NodeKind::Document, |n| n.kind);
    for e in &edges {
        let mut pairs: Vec<(String, Value)> = vec![
            ("source".to_owned(), json!(e.source)),
            ("target".to_owned(), json!(e.target)),
        ];
        pairs.extend(edge_attrs(e).into_iter().filter(|(k, _)| k != "type"));
        let (keys, map) = row(&pairs);
        let key = (e.kind, kind_of(e.source), kind_of(e.target), keys);
        batches.entry(key).or_default().push(map);
    }
    for ((kind, from, to, keys), rows) in &batches {
        let props = assignments("", &keys[2..]);
        for chunk in rows.chunks(CYPHER_BATCH) {
            let _ = writeln!(
                s,
                "UNWIND [\n  {}\n] AS row\nMATCH (a:{} {{id: row.source}}), (b:{} {{id: row.target}})\nCREATE (a)-[:{} {{{props}}}]->(b);",
                chunk.join(",\n  "),
                node_label(*from),
                node_label(*to),
                rel_type(*kind)
            );
        }
    }
    s
}
