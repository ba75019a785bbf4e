//! The knowledge graph of a corpus: documents (parsed, or stubs known only from citations),
//! agencies and tasks, linked by the relations extraction found (implements, based on,
//! amends …), by who issued what, who must do what, and who received what.
//!
//! The graph is built from extractions (`vanban_extract::extract`); here one made by hand, a
//! plan that implements another:
//!
//! ```
//! use vanban_model::{DocumentKind, Extraction, Issuer, Relation, RelationType, Span};
//!
//! let plan = "urn:lex:vn:ubnd.tuyen-quang:plan:2024;208-kh-ubnd";
//! let above = "urn:lex:vn:tu.tuyen-quang:plan:2024;500-kh-tu";
//! let x = Extraction {
//!     source: None,
//!     id: plan.to_owned(),
//!     kind: DocumentKind::Plan,
//!     number: None,
//!     issuer: Issuer::default(),
//!     province: Some("Tuyên Quang".to_owned()),
//!     place: None,
//!     date: Some("2024-11-20".to_owned()),
//!     title: None,
//!     citations: Vec::new(),
//!     references: Vec::new(),
//!     relations: vec![Relation {
//!         from: plan.into(),
//!         to: above.into(),
//!         kind: RelationType::Implements,
//!         asserted_by: plan.into(),
//!         span: Span::default(),
//!     }],
//!     assignments: Vec::new(),
//!     recipients: Vec::new(),
//!     agencies: Vec::new(),
//!     diagnostics: Vec::new(),
//! };
//! let mut builder = vanban_graph::GraphBuilder::new();
//! builder.add("plan.txt", x);
//! let graph = builder.build();
//! let chain = graph.chain(plan, vanban_graph::IMPLEMENTATION).unwrap();
//! assert_eq!(chain.links[0].node.id, above);
//! ```
//!
//! Node indices stay inside this crate: everything is addressed by canonical id. The exports
//! (node-link JSON, GraphML, DOT, SVG, RDF, Cypher) are in `vanban-output`.
#![warn(missing_docs)]

mod builder;
mod query;
mod records;
mod tasks;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::Serialize;
use vanban_model::{DocumentKind, RelationType, Severity, Span, Str};

pub use builder::{GraphBuilder, CYCLE_WORK};
pub use query::{
    describe, AgencyRole, AgencyTasks, Chain, ChainLink, Implementer, NodeSummary, Orphan,
    PathStep, ResolveError, Summary, TaskRef,
};
pub use records::RecordError;
pub use tasks::{check_day, check_text, TaskFilter, TaskRow};

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// A document, parsed or known from citations.
    Document,
    /// An agency: an issuer, a lead or cooperating body, a recipient.
    Agency,
    /// A task node of a document (a point, item or table row with an assignment).
    Task,
}

impl NodeKind {
    /// Snake-case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Document => "document",
            NodeKind::Agency => "agency",
            NodeKind::Task => "task",
        }
    }
}

/// What an edge says. Serialised as its snake-case name ("implements", "issued_by").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EdgeKind {
    /// A relation between documents, from extraction.
    Relation(RelationType),
    /// Document → the agency that issued it.
    IssuedBy,
    /// Document → one of its task nodes.
    HasTask,
    /// Task → the agency that leads it ("chủ trì").
    Lead,
    /// Task → a cooperating agency ("phối hợp").
    Cooperating,
    /// Task → the agency it is addressed to.
    Responsible,
    /// Document → a recipient ("Nơi nhận").
    SentTo,
}

impl EdgeKind {
    /// Snake-case name: the relation type's name for relations.
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Relation(r) => r.as_str(),
            EdgeKind::IssuedBy => "issued_by",
            EdgeKind::HasTask => "has_task",
            EdgeKind::Lead => "lead",
            EdgeKind::Cooperating => "cooperating",
            EdgeKind::Responsible => "responsible",
            EdgeKind::SentTo => "sent_to",
        }
    }

    /// Every edge kind, relations first.
    pub fn all() -> Vec<EdgeKind> {
        let mut v: Vec<EdgeKind> = RELATIONS.iter().map(|&r| EdgeKind::Relation(r)).collect();
        v.extend([
            EdgeKind::IssuedBy,
            EdgeKind::HasTask,
            EdgeKind::Lead,
            EdgeKind::Cooperating,
            EdgeKind::Responsible,
            EdgeKind::SentTo,
        ]);
        v
    }

    /// The kind named `name` ("implements", "issued_by" …).
    pub fn parse(name: &str) -> Option<EdgeKind> {
        EdgeKind::all().into_iter().find(|k| k.as_str() == name)
    }
}

impl Serialize for EdgeKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The schema of an edge type: one of the names of [`EdgeKind::all`].
#[cfg(feature = "schema")]
impl schemars::JsonSchema for EdgeKind {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "EdgeKind".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<&str> = EdgeKind::all().into_iter().map(EdgeKind::as_str).collect();
        schemars::json_schema!({
            "description": "What an edge says: a relation type, or issued_by, has_task, lead, cooperating, responsible, sent_to.",
            "type": "string",
            "enum": names,
        })
    }
}

impl std::fmt::Display for EdgeKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Every relation type, in the order of [`RelationType`].
pub const RELATIONS: &[RelationType] = RelationType::ALL;

/// The relations an implementation chain follows: implements, continues implementing,
/// details, guides.
pub const IMPLEMENTATION: &[RelationType] = &[
    RelationType::Implements,
    RelationType::ContinuesImplementing,
    RelationType::Details,
    RelationType::Guides,
];

/// The relation types a walk follows, from their names (`implements`, `based_on` …): the
/// implementation relations when none is given; an unknown name is an error listing the known
/// ones. The command line's `--relations` and the Python package's `relations=` read it.
pub fn relations_named<S: AsRef<str>>(names: &[S]) -> Result<Vec<RelationType>, String> {
    if names.is_empty() {
        return Ok(IMPLEMENTATION.to_vec());
    }
    names
        .iter()
        .map(|n| {
            let n = n.as_ref();
            n.trim().parse::<RelationType>().map_err(|_| {
                let known: Vec<&str> = RelationType::ALL.iter().map(|r| r.as_str()).collect();
                format!("unknown relation \"{n}\"; known: {}", known.join(", "))
            })
        })
        .collect()
}

/// A node of the graph. It serialises as an object with `id`, `kind`, `label` and the one of
/// `document`, `agency` and `task` it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Canonical id: a document's URN, `agency:…`, `task:…`.
    pub id: String,
    /// What it stands for.
    pub kind: NodeKind,
    /// The label of a document or agency; empty for a task, whose label is made from its
    /// text when asked for (see [`Node::label`]): a corpus's graph has hundreds of thousands
    /// of tasks, and their labels were a tenth of its memory.
    label: String,
    /// Document data (boxed, as the others: a node holds one of the three, and a graph of
    /// a large corpus has millions of nodes).
    pub document: Option<Box<DocumentInfo>>,
    /// Agency data.
    pub agency: Option<Box<AgencyInfo>>,
    /// Task data.
    pub task: Option<Box<TaskInfo>>,
}

/// The most characters of a task's text its label shows.
const TASK_LABEL_CHARS: usize = 80;

impl Node {
    /// A short label a person reads ("208/KH-UBND", "Sở Tài chính (Lào Cai)", a task's text
    /// cut at 80 characters).
    pub fn label(&self) -> std::borrow::Cow<'_, str> {
        match &self.task {
            Some(t) if self.label.is_empty() => {
                std::borrow::Cow::Owned(short_text(&t.text, TASK_LABEL_CHARS))
            }
            _ => std::borrow::Cow::Borrowed(&self.label),
        }
    }
}

impl Serialize for Node {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Node", 4)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("label", &self.label())?;
        if let Some(d) = &self.document {
            st.serialize_field("document", d)?;
        }
        if let Some(a) = &self.agency {
            st.serialize_field("agency", a)?;
        }
        if let Some(t) = &self.task {
            st.serialize_field("task", t)?;
        }
        st.end()
    }
}

/// What is known of a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentInfo {
    /// Whether the document itself was parsed (else it is a stub known from citations).
    pub parsed: bool,
    /// Files it was parsed from (several when the same document was given twice).
    pub sources: Vec<String>,
    /// Number and symbol, normalised ("208/KH-UBND").
    pub number: Option<String>,
    /// Type.
    pub kind: DocumentKind,
    /// Date (YYYY-MM-DD), from the document, else the date most citations give.
    pub date: Option<String>,
    /// Year, when known.
    pub year: Option<u16>,
    /// Issuer, from the document, else as most citations resolve it.
    pub issuer: Option<String>,
    /// Title, for a parsed document.
    pub title: Option<String>,
    /// Name, for a document cited by name ("Luật Tổ chức Chính phủ").
    pub name: Option<String>,
    /// Province of a local issuer.
    pub province: Option<String>,
    /// Other ids that name the same document (a citation without a year, a law cited by
    /// name), merged into this one.
    pub aliases: Vec<String>,
    /// What each citation of it says, in order of the citing document.
    pub claims: Vec<Claim>,
}

/// What one citation says about the document it cites.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct Claim {
    /// The citing document.
    // (One allocation shared by all the claims of a document.)
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub asserted_by: std::sync::Arc<str>,
    /// The citation as written.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub raw: Str,
    /// Number as cited.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub number: Option<Str>,
    /// Date as cited.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub date: Option<Str>,
    /// Issuer as cited and resolved.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub issuer: Option<Str>,
    /// Where, in the citing document.
    pub span: Span,
}

/// An agency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgencyInfo {
    /// Canonical name as documents give it ("Sở Tài chính").
    pub name: String,
    /// The province of a provincial body named without one (from the naming document).
    pub locality: Option<String>,
}

/// A task of a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskInfo {
    /// The document.
    // (One allocation shared by all the tasks of a document.)
    pub document: std::sync::Arc<str>,
    /// Element id of the task node in it.
    pub node: Str,
    /// The task text.
    pub text: String,
    /// Deadline or time target: as written, and as dates.
    // (Boxed, as in `vanban_model::Assignment`: most tasks have none.)
    pub deadline: Option<Box<vanban_model::Deadline>>,
}

/// An edge with its evidence, as the graph hands it out: a view whose ids borrow from the
/// graph (edges are stored with integer endpoints and an interned asserting document).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Edge<'g> {
    /// Id of the source node.
    pub source: &'g str,
    /// Id of the target node.
    pub target: &'g str,
    /// What it says.
    #[serde(rename = "type")]
    pub kind: EdgeKind,
    /// The document that says so.
    pub asserted_by: &'g str,
    /// Where it says so, in that document.
    pub span: Option<Span>,
    /// Purpose of a recipient ("báo cáo", "thực hiện").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purpose: Option<&'g str>,
}

/// An edge as stored: petgraph holds its endpoints as node indices, the asserting document is
/// an index into the graph's table of asserting documents, the span and purpose indices into
/// its [`Sides`] (16 bytes an edge; with the span and purpose inline it was 56).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EdgeData {
    pub(crate) kind: EdgeKind,
    pub(crate) asserted_by: u32,
    pub(crate) span: u32,
    pub(crate) purpose: u32,
}

/// What few edges carry besides their ends, type and asserting document: where a document
/// says it (relations and issuers) and a recipient's purpose, kept in tables that an edge
/// indexes ([`Sides::NONE`] for none). Most edges of a large corpus — a document's tasks and
/// who leads or cooperates on them — carry neither.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sides {
    spans: Vec<Span>,
    /// Each purpose once ("báo cáo", "thực hiện" …: a corpus uses a handful).
    purposes: indexmap::IndexSet<Box<str>>,
}

impl Sides {
    /// The index of no span or no purpose.
    pub(crate) const NONE: u32 = u32::MAX;

    /// Store a span; its index.
    pub(crate) fn add_span(&mut self, span: Option<Span>) -> u32 {
        let Some(span) = span else {
            return Sides::NONE;
        };
        match u32::try_from(self.spans.len()) {
            Ok(i) if i != Sides::NONE => {
                self.spans.push(span);
                i
            }
            // (Four thousand million spans: none kept beyond.)
            _ => Sides::NONE,
        }
    }

    /// Store a purpose (once for all edges that give it); its index.
    pub(crate) fn add_purpose(&mut self, purpose: Option<&str>) -> u32 {
        let Some(purpose) = purpose else {
            return Sides::NONE;
        };
        let i = match self.purposes.get_index_of(purpose) {
            Some(i) => i,
            None => self.purposes.insert_full(Box::from(purpose)).0,
        };
        u32::try_from(i).unwrap_or(Sides::NONE)
    }

    pub(crate) fn span(&self, i: u32) -> Option<Span> {
        self.spans.get(i as usize).copied()
    }

    pub(crate) fn purpose(&self, i: u32) -> Option<&str> {
        self.purposes.get_index(i as usize).map(|p| &**p)
    }

    pub(crate) fn shrink_to_fit(&mut self) {
        self.spans.shrink_to_fit();
        self.purposes.shrink_to_fit();
    }
}

/// A finding about the corpus as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct GraphDiagnostic {
    /// Stable code: `duplicate-document`, `metadata-conflict`, `cycle`.
    pub code: String,
    /// How bad.
    pub severity: Severity,
    /// What was found.
    pub message: String,
    /// The documents concerned.
    pub documents: Vec<String>,
}

/// The graph of a corpus.
#[derive(Debug, Clone)]
pub struct Graph {
    graph: StableDiGraph<Node, EdgeData>,
    /// The nodes sorted by id, each id once: looked up by binary search on the nodes' own
    /// ids, so no second copy of every id is kept.
    index: Vec<NodeIndex>,
    /// The asserting documents of edges, interned (`EdgeData::asserted_by` indexes it).
    asserters: Vec<String>,
    /// Edges' spans and purposes.
    sides: Sides,
    /// Alias id → canonical id.
    aliases: BTreeMap<String, String>,
    diagnostics: Vec<GraphDiagnostic>,
    /// The relation parents of every node with their numbers of asserting documents, made on
    /// the first chain query (see `query::ParentIndex`).
    parents: std::sync::OnceLock<query::ParentIndex>,
}

impl Graph {
    /// The node with this canonical id (or an alias of it).
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.index_of(id).map(|i| &self.graph[i])
    }

    /// The index of the node with this canonical id (or an alias of it).
    pub(crate) fn index_of(&self, id: &str) -> Option<NodeIndex> {
        let id = self.aliases.get(id).map_or(id, String::as_str);
        self.lookup(id)
    }

    /// The index of the node with exactly this id.
    fn lookup(&self, id: &str) -> Option<NodeIndex> {
        let at = self
            .index
            .binary_search_by(|&i| self.graph[i].id.as_str().cmp(id))
            .ok()?;
        self.index.get(at).copied()
    }

    /// Nodes, sorted by id.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.index.iter().map(|&i| &self.graph[i])
    }

    /// Edges, sorted by source, target, type, asserting document and position.
    pub fn edges(&self) -> Vec<Edge<'_>> {
        let mut v: Vec<Edge<'_>> = self
            .graph
            .edge_references()
            .map(|e| self.view(e.source(), e.target(), e.weight()))
            .collect();
        v.sort_by(|a, b| edge_order(a).cmp(&edge_order(b)));
        v
    }

    /// Edges leaving a node, sorted.
    pub fn outgoing(&self, id: &str) -> Vec<Edge<'_>> {
        self.adjacent(id, petgraph::Direction::Outgoing)
    }

    /// Edges entering a node, sorted.
    pub fn incoming(&self, id: &str) -> Vec<Edge<'_>> {
        self.adjacent(id, petgraph::Direction::Incoming)
    }

    fn adjacent(&self, id: &str, dir: petgraph::Direction) -> Vec<Edge<'_>> {
        let Some(i) = self.lookup(id) else {
            return Vec::new();
        };
        let mut v: Vec<Edge<'_>> = self
            .graph
            .edges_directed(i, dir)
            .map(|e| self.view(e.source(), e.target(), e.weight()))
            .collect();
        v.sort_by(|a, b| edge_order(a).cmp(&edge_order(b)));
        v
    }

    /// The view of a stored edge.
    fn view<'g>(&'g self, source: NodeIndex, target: NodeIndex, e: &'g EdgeData) -> Edge<'g> {
        Edge {
            source: &self.graph[source].id,
            target: &self.graph[target].id,
            kind: e.kind,
            asserted_by: self.asserter(e),
            span: self.sides.span(e.span),
            purpose: self.sides.purpose(e.purpose),
        }
    }

    /// The id of the document that asserts a stored edge.
    pub(crate) fn asserter<'g>(&'g self, e: &EdgeData) -> &'g str {
        self.asserters
            .get(e.asserted_by as usize)
            .map_or("", String::as_str)
    }

    /// Findings about the corpus: duplicate documents, metadata conflicts, cycles.
    pub fn diagnostics(&self) -> &[GraphDiagnostic] {
        &self.diagnostics
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.index.len()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }
}

/// Text shortened to `max` characters, white space folded, "…" at the cut.
pub fn short_text(text: &str, max: usize) -> String {
    // Words joined by one space, stopping once the text is known to be too long (a task's
    // text can be long, and every task node has a label). Built in one buffer sized for the
    // words it can take, cut in place: a corpus's graph makes a label for each of its
    // hundreds of thousands of tasks (growing a string word by word, then collecting the
    // cut one, was a sixth of the graph's build).
    let room = if max == 0 {
        text.len()
    } else {
        text.len().min(max.saturating_mul(4).saturating_add(8))
    };
    let mut out = String::with_capacity(room);
    let mut chars = 0;
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
            chars += 1;
        }
        out.push_str(word);
        chars += word.chars().count();
        if max > 0 && chars > max {
            break;
        }
    }
    if chars > max && max > 0 {
        let cut = out
            .char_indices()
            .nth(max - 1)
            .map_or(out.len(), |(i, _)| i);
        vanban_text::truncate(&mut out, cut);
        out.push('…');
    }
    // (Without its spare room: a graph keeps a label per node.)
    out.shrink_to_fit();
    out
}

type EdgeKey<'a> = (&'a str, &'a str, EdgeKind, &'a str, usize, Option<&'a str>);

fn edge_order<'a>(e: &Edge<'a>) -> EdgeKey<'a> {
    (
        e.source,
        e.target,
        e.kind,
        e.asserted_by,
        e.span.map_or(0, |s| s.start),
        e.purpose,
    )
}
