//! GraphML with typed attribute keys.

use std::io::Write;

use serde_json::Value;
use vanban_graph::Graph;

use super::records::{edge_attrs, edge_keys, node_attrs};
use super::{selected, ExportOptions};
use crate::xml_exact as xml;

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

/// The declared keys of a sequence of attribute lists (first seen type wins), sorted.
fn declared(
    data: impl Iterator<Item = Vec<(String, Value)>>,
    first: &[(&str, &'static str)],
) -> Vec<(String, &'static str)> {
    let mut keys: Vec<(String, &'static str)> =
        first.iter().map(|(k, t)| ((*k).to_owned(), *t)).collect();
    for attrs in data {
        for (k, v) in attrs {
            if !keys.iter().any(|(n, _)| *n == k) {
                let t = graphml_type(&v);
                keys.push((k, t));
            }
        }
    }
    keys.sort();
    keys
}

/// GraphML with typed attribute keys (networkx `read_graphml`, Gephi, yEd).
pub fn graphml(g: &Graph, o: ExportOptions) -> String {
    let mut out = Vec::new();
    // Writing to memory does not fail, and every piece written is a `str`.
    let _ = write_graphml(g, o, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`graphml`] written to `out` as it is made, in two passes over the graph: the first
/// declares the attribute keys, the second writes the nodes and edges, so no attribute list
/// and no text of the whole graph is held.
pub(crate) fn write_graphml(
    g: &Graph,
    o: ExportOptions,
    mut out: impl Write,
) -> std::io::Result<()> {
    let (nodes, edges) = selected(g, o);
    let node_keys = declared(nodes.iter().map(|n| node_attrs(n)), &[]);
    let edge_keys_decl = declared(edges.iter().map(|e| edge_attrs(e)), &[("key", "string")]);
    out.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")?;
    out.write_all(
        b"<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    )?;
    for (k, t) in &node_keys {
        writeln!(
            out,
            "  <key id=\"n_{k}\" for=\"node\" attr.name=\"{k}\" attr.type=\"{t}\"/>"
        )?;
    }
    for (k, t) in &edge_keys_decl {
        writeln!(
            out,
            "  <key id=\"e_{k}\" for=\"edge\" attr.name=\"{k}\" attr.type=\"{t}\"/>"
        )?;
    }
    out.write_all(b"  <graph id=\"vanban\" edgedefault=\"directed\">\n")?;
    for n in &nodes {
        writeln!(out, "    <node id=\"{}\">", xml(&n.id))?;
        for (k, v) in node_attrs(n) {
            writeln!(out, "      <data key=\"n_{k}\">{}</data>", xml(&scalar(&v)))?;
        }
        out.write_all(b"    </node>\n")?;
    }
    let keys = edge_keys(&edges);
    for (i, (e, key)) in edges.iter().zip(keys).enumerate() {
        writeln!(
            out,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
            xml(e.source),
            xml(e.target)
        )?;
        writeln!(out, "      <data key=\"e_key\">{}</data>", xml(&key))?;
        for (k, v) in edge_attrs(e) {
            writeln!(out, "      <data key=\"e_{k}\">{}</data>", xml(&scalar(&v)))?;
        }
        out.write_all(b"    </edge>\n")?;
    }
    out.write_all(b"  </graph>\n</graphml>\n")
}
