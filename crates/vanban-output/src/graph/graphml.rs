//! GraphML with typed attribute keys.

use std::fmt::Write as _;

use serde_json::Value;
use vanban_graph::Graph;

use super::records::{edge_attrs, edge_keys, node_attrs};
use super::{selected, ExportOptions};
use crate::xml_keep as xml;

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

/// The declared keys of a list of attribute lists (first seen type wins), sorted.
fn declared(
    data: &[Vec<(String, Value)>],
    first: &[(&str, &'static str)],
) -> Vec<(String, &'static str)> {
    let mut keys: Vec<(String, &'static str)> =
        first.iter().map(|(k, t)| ((*k).to_owned(), *t)).collect();
    for attrs in data {
        for (k, v) in attrs {
            if !keys.iter().any(|(n, _)| n == k) {
                keys.push((k.clone(), graphml_type(v)));
            }
        }
    }
    keys.sort();
    keys
}

/// GraphML with typed attribute keys (networkx `read_graphml`, Gephi, yEd).
pub fn graphml(g: &Graph, o: ExportOptions) -> String {
    let (nodes, edges) = selected(g, o);
    let node_data: Vec<Vec<(String, Value)>> = nodes.iter().map(|n| node_attrs(n)).collect();
    let edge_data: Vec<Vec<(String, Value)>> = edges.iter().map(|e| edge_attrs(e)).collect();
    let node_keys = declared(&node_data, &[]);
    let edge_keys_decl = declared(&edge_data, &[("key", "string")]);
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
            xml(e.source),
            xml(e.target)
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
