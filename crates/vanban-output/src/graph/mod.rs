//! The formats of a corpus graph (`vanban graph --format …`): a summary for people, and
//! exports that real clients load unmodified — node-link JSON (networkx), Cytoscape.js
//! elements, GraphML (networkx, Gephi), DOT (Graphviz), an SVG picture drawn without
//! Graphviz, RDF as Turtle and JSON-LD (ELI), a Cypher script (Neo4j, Kùzu) and the CSV files
//! of `neo4j-admin database import`. Nodes are sorted by id, edges by source, target, type and
//! evidence, so the bytes depend only on the corpus.

pub(crate) mod csv;
mod cypher;
mod cytoscape;
mod dot;
mod graphml;
mod json;
mod jsonld;
mod rdf;
pub(crate) mod records;
mod summary;
mod svg;
mod turtle;

use vanban_graph::{Edge, EdgeKind, Graph, Node, NodeKind};

pub use csv::csv;
pub use cypher::cypher;
pub use cytoscape::cytoscape;
pub use dot::dot;
pub use graphml::graphml;
pub use json::node_link;
#[cfg(feature = "schema")]
pub(crate) use json::NodeLink;
pub use jsonld::jsonld;
pub use rdf::{rdf_property, ELI_NS, VANBAN_NS};
pub use summary::summary;
pub use svg::svg;
pub use turtle::turtle;

formats! {
    /// The output formats of a corpus graph.
    pub enum GraphFormat {
        Summary = "summary": "Counts, edges by type, most-cited documents, diagnostics (and `--chain` trees)",
        Json = "json": "Node-link JSON (networkx `node_link_graph(data, edges=\"edges\")`)",
        Cytoscape = "cytoscape": "Cytoscape.js elements JSON",
        Graphml = "graphml": "GraphML with typed attributes (networkx, Gephi)",
        Dot = "dot": "Graphviz DOT",
        Svg = "svg": "An SVG picture of the documents and their relations (no Graphviz needed)",
        Turtle = "turtle": "RDF Turtle with ELI relation names (eli:based_on, eli:implements, eli:amends …)",
        Jsonld = "jsonld": "JSON-LD, the same triples as Turtle",
        Cypher = "cypher": "A Cypher script for Neo4j (`cypher-shell -f graph.cypher`) or Kùzu",
        Csv = "csv": "nodes.csv and relationships.csv for `neo4j-admin database import` (-o DIR)",
    }
}

/// A graph in one format: one text, or the files of a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Export {
    /// One text, for a file or standard output.
    Text(String),
    /// Files to write in a directory: name and content, in the order they are written.
    Files(Vec<(&'static str, String)>),
}

impl GraphFormat {
    /// The graph in this format: files for a format that [writes a
    /// directory](GraphFormat::writes_directory), else one text. The summary and the SVG
    /// picture show documents only whatever the options.
    pub fn render(self, g: &Graph, o: ExportOptions) -> Export {
        let text = match self {
            GraphFormat::Summary => summary(g),
            GraphFormat::Json => json::node_link_text(g, o),
            GraphFormat::Cytoscape => cytoscape::cytoscape_text(g, o),
            GraphFormat::Graphml => graphml(g, o),
            GraphFormat::Dot => dot(g, o),
            GraphFormat::Svg => svg(g, None),
            GraphFormat::Turtle => turtle(g, o),
            GraphFormat::Jsonld => jsonld::jsonld_text(g, o),
            GraphFormat::Cypher => cypher(g, o),
            GraphFormat::Csv => return Export::Files(csv(g, o)),
        };
        Export::Text(text)
    }

    /// The graph in this format, written to `out` as it is made: the JSON formats and GraphML
    /// are never held whole in memory (the node-link JSON of 10 000 documents is hundreds of
    /// megabytes); the others are rendered, then written. The same bytes as
    /// [`render`](Self::render). A format that [writes a
    /// directory](GraphFormat::writes_directory) has no single output:
    /// [`Error::Io`](crate::Error::Io) of kind `Unsupported`, nothing written.
    pub fn write<W: std::io::Write>(
        self,
        g: &Graph,
        o: ExportOptions,
        mut out: W,
    ) -> Result<(), crate::Error> {
        match self {
            GraphFormat::Json => json::with_node_link(g, o, |d| crate::write_pretty_json(d, out)),
            GraphFormat::Cytoscape => {
                cytoscape::with_elements(g, o, |e| crate::write_pretty_json(e, out))
            }
            GraphFormat::Jsonld => {
                jsonld::with_document(g, o, |d| crate::write_pretty_json(d, out))
            }
            _ => match self.render(g, o) {
                Export::Text(text) => out.write_all(text.as_bytes()).map_err(crate::Error::Io),
                Export::Files(_) => Err(crate::Error::Io(std::io::Error::new(
                    std::io::ErrorKind::Unsupported,
                    format!("--format {self} writes several files: render it into a directory"),
                ))),
            },
        }
    }

    /// Whether the format is several files, written in a directory (`-o DIR`).
    pub fn writes_directory(self) -> bool {
        self == GraphFormat::Csv
    }

    /// Whether people read it on a terminal (its control characters are then escaped).
    pub fn for_people(self) -> bool {
        self == GraphFormat::Summary
    }
}

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExportOptions {
    /// Only documents and the relations between them (no agencies, tasks, issued_by …).
    pub documents_only: bool,
}

fn selected(g: &Graph, o: ExportOptions) -> (Vec<&Node>, Vec<Edge<'_>>) {
    let nodes: Vec<&Node> = g
        .nodes()
        .filter(|n| !o.documents_only || n.kind == NodeKind::Document)
        .collect();
    let edges: Vec<Edge<'_>> = g
        .edges()
        .into_iter()
        .filter(|e| !o.documents_only || matches!(e.kind, EdgeKind::Relation(_)))
        .collect();
    (nodes, edges)
}

/// The Neo4j label of a node of this kind (Cypher, CSV).
fn node_label(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Document => "Document",
        NodeKind::Agency => "Agency",
        NodeKind::Task => "Task",
    }
}

/// The Neo4j relationship type of an edge: its name in upper case (`IMPLEMENTS`).
fn rel_type(kind: EdgeKind) -> String {
    kind.as_str().to_uppercase()
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
