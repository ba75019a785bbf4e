//! Building the graph: documents and stubs, aliases, agencies, tasks, edges, diagnostics.
//!
//! The builder first collects every extraction, then builds in one pass over them sorted by
//! document id and file name, so the graph is the same whatever order files were added in.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use vanban_model::codes;

use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;
use std::sync::Arc;
use vanban_extract::identity;
use vanban_model::{
    Assignment, Citation, CitationForm, DocumentId, DocumentKind, Extraction, Severity, Span, Str,
};
use vanban_text::Releasing;

use crate::{
    AgencyInfo, Claim, DocumentInfo, EdgeData, EdgeKind, Graph, GraphDiagnostic, Node, NodeKind,
    TaskInfo, IMPLEMENTATION,
};

/// Collects extractions, then builds a [`Graph`].
#[derive(Debug, Default, Clone)]
pub struct GraphBuilder {
    docs: Vec<Held>,
    /// The agency names tasks give, each stored once: a corpus names the same few hundred
    /// agencies in every document.
    names: indexmap::IndexSet<Box<str>, Fast>,
}

/// A document as the builder holds it until the graph is built: its extraction without the
/// citations, and the citations reduced to what the graph takes of them.
#[derive(Debug, Clone)]
struct Held {
    source: String,
    x: Doc,
    cited: Vec<Cited>,
    tasks: Vec<HeldTask>,
    /// The stubs among the documents it cites whose citations name an issuer: read with the
    /// claims, made into edges with the document's other edges (agencies are named by the
    /// first document that names them, so the order stays the documents').
    stub_issuers: Vec<StubIssuer>,
}

/// What the graph takes of an extraction besides its citations and tasks. (The whole
/// extraction, held with its emptied vectors and the number's and issuer's unused parts, was
/// 568 bytes a document, in a vector that doubles.)
#[derive(Debug, Clone)]
struct Doc {
    id: String,
    kind: DocumentKind,
    number: Option<Box<vanban_model::DocumentNumber>>,
    /// The issuer's name as the graph names it (see [`issuer_name`]).
    issuer: Option<String>,
    province: Option<String>,
    date: Option<String>,
    title: Option<String>,
    relations: Vec<vanban_model::Relation>,
    recipients: Vec<vanban_model::RecipientRef>,
}

/// A task as the builder holds it: its parties as interned names (an assignment holds each
/// name as a string of its own, in three vectors).
#[derive(Debug, Clone)]
struct HeldTask {
    node: Str,
    text: String,
    deadline: Option<Box<vanban_model::Deadline>>,
    /// Who leads, cooperates and is responsible, in that order, each name by its place in
    /// the builder's names.
    parties: Box<[(EdgeKind, u32)]>,
}

/// A stub a citation names the issuer of.
#[derive(Debug, Clone)]
struct StubIssuer {
    stub: String,
    issuer: Str,
    span: Span,
}

/// What the graph takes of a citation with a target: the target, what joins a name to it, and
/// the claim it makes (moved into the cited document's node, never copied). A citation held
/// whole — its number boxed with the parts read from it, its issuer as written and resolved —
/// took half as much room again (385 bytes against 257 on the bundled corpus), and its claim
/// was a copy beside it until the extraction was consumed.
#[derive(Debug, Clone)]
struct Cited {
    target: Arc<str>,
    kind: DocumentKind,
    form: CitationForm,
    year: Option<u16>,
    /// Whether the citation gives a number (a law cited by name and number joins both ids).
    numbered: bool,
    name: Option<Str>,
    claim: Claim,
}

impl Cited {
    /// The citation as held; `None` for a citation without a target, which the graph does
    /// not use.
    fn new(c: Citation, by: &Arc<str>) -> Option<Cited> {
        let target = c.target_id?;
        Some(Cited {
            target,
            kind: c.kind,
            form: c.form,
            year: c.year,
            numbered: c.number.is_some(),
            name: c.name,
            claim: Claim {
                asserted_by: Arc::clone(by),
                raw: c.raw,
                number: c.number.map(|n| n.normalized),
                date: c.date,
                issuer: c.issuer.map(|i| i.resolved),
                span: c.span,
            },
        })
    }
}

impl Held {
    /// Everything held, as text: what orders two records of one id and one file.
    fn contents(&self) -> String {
        #[cfg(test)]
        tests::CONTENTS_MADE.with(|n| n.set(n.get() + 1));
        format!("{:?}", (&self.x, &self.cited, &self.tasks))
    }

    /// The most edges [`Build::edges`] makes of the document: one a relation, its issuer,
    /// one a stub's issuer, one a task and one a party of each, one a recipient.
    fn edges_at_most(&self) -> usize {
        let tasks: usize = self.tasks.iter().map(|t| 1 + t.parties.len()).sum();
        self.x.relations.len() + 1 + self.stub_issuers.len() + tasks + self.x.recipients.len()
    }
}

impl GraphBuilder {
    /// An empty builder.
    pub fn new() -> GraphBuilder {
        GraphBuilder::default()
    }

    /// Add a document's extraction; `source` names where it came from (a file path). What the
    /// graph does not use (unit references, diagnostics, the issuer's raw header lines, the
    /// list of agencies named, the place, citations without a target and the parts of the
    /// others no claim states, recipients' names as written) is dropped here, so a large
    /// corpus holds no more than it needs.
    pub fn add(&mut self, source: impl Into<String>, mut extraction: Extraction) {
        // ("Như Điều 3" that pointed at no party found is no body sent to.)
        extraction
            .recipients
            .retain(|r| !identity::points_elsewhere(&r.canonical));
        for r in &mut extraction.recipients {
            r.name = String::new();
        }
        // One shared id for all the claims of this document.
        let by: Arc<str> = Arc::from(extraction.id.as_str());
        let mut cited: Vec<Cited> = std::mem::take(&mut extraction.citations)
            .into_iter()
            .filter_map(|c| Cited::new(c, &by))
            .collect();
        cited.shrink_to_fit();
        extraction.relations.shrink_to_fit();
        let issuer = issuer_name(&extraction);
        let assignments = std::mem::take(&mut extraction.assignments);
        let mut tasks: Vec<HeldTask> = Vec::with_capacity(assignments.len());
        tasks.extend(assignments.into_iter().map(|a| self.held_task(a)));
        let Extraction {
            id,
            kind,
            number,
            province,
            date,
            title,
            relations,
            recipients,
            ..
        } = extraction;
        self.docs.push(Held {
            source: source.into(),
            x: Doc {
                id,
                kind,
                number: number.map(Box::new),
                issuer,
                province,
                date,
                title,
                relations,
                recipients,
            },
            cited,
            tasks,
            stub_issuers: Vec::new(),
        });
    }

    /// An assignment as held: its parties' names interned.
    fn held_task(&mut self, a: Assignment) -> HeldTask {
        let roles = [
            (a.lead, EdgeKind::Lead),
            (a.cooperating, EdgeKind::Cooperating),
            (a.responsible, EdgeKind::Responsible),
        ];
        let mut parties = Vec::with_capacity(roles.iter().map(|(n, _)| n.len()).sum());
        for (names, kind) in roles {
            for name in names {
                let i = match self.names.get_index_of(name.as_str()) {
                    Some(i) => i,
                    None => self.names.insert_full(name.into_boxed_str()).0,
                };
                parties.push((kind, vanban_text::saturating_u32(i)));
            }
        }
        HeldTask {
            node: a.node,
            text: a.text,
            deadline: a.deadline,
            parties: parties.into_boxed_slice(),
        }
    }

    /// Number of documents added.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether no document was added.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Build the graph.
    pub fn build(mut self) -> Graph {
        // By id and file; records of one id and one file (a record file holding an old and a
        // new extraction of the same file) by their contents, so that which one the graph
        // keeps does not depend on their order.
        // (Each record of such a run written out once: compared pair by pair, 8 000 copies of
        // one record were written out at every comparison, 9× the time of the build.)
        self.docs
            .sort_by(|a, b| (&a.x.id, &a.source).cmp(&(&b.x.id, &b.source)));
        for run in self
            .docs
            .chunk_by_mut(|a, b| a.x.id == b.x.id && a.source == b.source)
            .filter(|run| run.len() > 1)
        {
            run.sort_by_cached_key(Held::contents);
        }
        let (aliases, diagnostics) = aliases(&self.docs);
        let mut b = Build {
            aliases,
            diagnostics,
            ..Build::default()
        };
        for h in &self.docs {
            b.parsed(&h.source, &h.x);
        }
        // Claims move into the cited documents' nodes: the citations are gone after this pass.
        b.claim_room(&self.docs);
        for h in &mut self.docs {
            h.stub_issuers = b.claims(&h.x.id, std::mem::take(&mut h.cited));
        }
        b.finish_documents();
        // Sized once from what the documents hold (a vector that doubles holds up to twice
        // what it needs at the build's peak, and the last doubling copies it).
        b.tasks
            .reserve_exact(self.docs.iter().map(|h| h.tasks.len()).sum());
        let most: usize = self.docs.iter().map(Held::edges_at_most).sum();
        b.edges.reserve_exact(most);
        // The last pass consumes the extractions: each is freed once its edges are made.
        for h in std::mem::take(&mut self.docs) {
            b.edges(&h.x, h.stub_issuers, h.tasks, &self.names);
        }
        // (Checked wherever tests build a graph: a bound too low lets the vector double.)
        debug_assert!(b.edges.len() <= most, "{} edges of {most}", b.edges.len());
        b.into_graph()
    }
}

#[derive(Default)]
struct Build {
    aliases: BTreeMap<String, String>,
    docs: BTreeMap<String, DocumentInfo>,
    agencies: BTreeMap<String, AgencyInfo>,
    /// Tasks by the interned id of their node (the id itself is stored once, in `ids`), in
    /// the order made; sorted by id, the last of a repeated id kept, when the graph is built
    /// (a map held each in a tree node of its own at twice the room).
    tasks: Vec<(u32, Box<TaskInfo>)>,
    /// The number of claims each cited document will be given (see `claim_room`), taken
    /// when the first is.
    claim_room: HashMap<String, usize, Fast>,
    /// Edges as made; sorted and deduplicated (first claim kept) when the graph is built.
    edges: Vec<Link>,
    /// The ids edges name, each stored once.
    ids: Ids,
    /// Edges' spans and purposes (moved into the graph as they are).
    sides: crate::Sides,
    diagnostics: Vec<GraphDiagnostic>,
    /// Agency ids already made, by province (`None`: named without one) and name as written:
    /// a corpus names the same agencies over and over, and making an id folds and scans the
    /// name against the province lists. A lookup allocates nothing.
    agency_ids: AgencyIds,
}

/// Agency ids by the name a document writes, for names read without a province and by
/// province.
#[derive(Default)]
struct AgencyIds {
    unplaced: AgencyNames,
    by_province: HashMap<Box<str>, AgencyNames, Fast>,
}

/// Agency ids by the name a document writes.
type AgencyNames = HashMap<Box<str>, Arc<str>, Fast>;

impl AgencyIds {
    fn get(&self, name: &str, province: Option<&str>) -> Option<&Arc<str>> {
        match province {
            None => self.unplaced.get(name),
            Some(p) => self.by_province.get(p)?.get(name),
        }
    }

    fn insert(&mut self, name: &str, province: Option<&str>, id: Arc<str>) {
        let names = match province {
            None => &mut self.unplaced,
            Some(p) => self.by_province.entry(p.into()).or_default(),
        };
        names.insert(name.into(), id);
    }
}

/// The hasher of the builder's maps: a fixed seed (the maps are only looked up: no order
/// depends on it), and much cheaper than the standard one on ids 50 to 80 bytes long, which
/// the builder hashes a few times an edge.
type Fast = foldhash::fast::FixedState;

impl Build {
    fn resolve(&self, id: &str) -> String {
        resolve_alias(&self.aliases, id)
    }

    /// A parsed document.
    fn parsed(&mut self, source: &str, x: &Doc) {
        // A provisional id (no year, no province) may stand for a fuller one its citers use.
        let id = self.resolve(&x.id);
        if let Some(d) = self.docs.get_mut(&id) {
            // Reported once per id when the graph is made (`duplicates`), listing each file once.
            d.sources.push(source.to_owned());
            return;
        }
        self.docs.insert(
            id,
            DocumentInfo {
                parsed: true,
                sources: vec![source.to_owned()],
                number: x.number.as_ref().map(|n| n.normalized.to_string()),
                kind: x.kind,
                date: x.date.clone(),
                year: x
                    .date
                    .as_deref()
                    .and_then(|d| d.get(..4))
                    .and_then(|y| y.parse().ok())
                    .or_else(|| x.number.as_ref().and_then(|n| n.year)),
                issuer: x.issuer.clone(),
                title: x.title.clone(),
                name: None,
                province: x.province.clone(),
                aliases: Vec::new(),
                claims: Vec::new(),
            },
        );
    }

    /// Each cited document's claims vector sized once for the claims the documents make of
    /// it (pushed one by one, a much-cited document's vector doubled and was copied again
    /// when shrunk).
    fn claim_room(&mut self, docs: &[Held]) {
        for h in docs {
            for c in &h.cited {
                let id = self.resolve(&c.target);
                if id != h.x.id {
                    *self.claim_room.entry(id).or_default() += 1;
                }
            }
        }
    }

    /// What citations say: stubs for documents not parsed, claims on every cited document;
    /// returns the stubs whose citations name an issuer.
    fn claims(&mut self, own: &str, cited: Vec<Cited>) -> Vec<StubIssuer> {
        let mut stub_issuers = Vec::new();
        for c in cited {
            let id = self.resolve(&c.target);
            if id == own {
                continue;
            }
            let d = self.docs.entry(id.clone()).or_insert_with(|| DocumentInfo {
                parsed: false,
                sources: Vec::new(),
                number: None,
                kind: c.kind,
                date: None,
                year: id_year(&id),
                issuer: None,
                title: None,
                name: None,
                province: None,
                aliases: Vec::new(),
                claims: Vec::new(),
            });
            if let Some(n) = self.claim_room.remove(&id) {
                d.claims.reserve_exact(n);
            }
            // (Checked wherever tests build a graph: a count that missed a claim lets the
            // vector double.)
            debug_assert!(
                d.claims.len() < d.claims.capacity(),
                "no room for {id}'s claim"
            );
            if *c.target != *id && !d.aliases.iter().any(|a| **a == *c.target) {
                d.aliases.push(c.target.to_string());
            }
            if c.form == CitationForm::Named && d.name.is_none() {
                d.name = c.name.as_deref().map(str::to_owned);
            }
            if let (false, Some(issuer)) = (d.parsed, &c.claim.issuer) {
                stub_issuers.push(StubIssuer {
                    stub: id,
                    issuer: issuer.clone(),
                    span: c.claim.span,
                });
            }
            d.claims.push(c.claim);
        }
        stub_issuers.shrink_to_fit();
        stub_issuers
    }

    /// Stubs take what most citations say; conflicts are reported, all claims kept.
    fn finish_documents(&mut self) {
        for (id, d) in &mut self.docs {
            d.aliases.sort();
            // Claims were pushed one by one: the graph keeps them without the spare room.
            d.claims.shrink_to_fit();
            if !d.parsed {
                d.number = majority(d.claims.iter().filter_map(|c| c.number.as_deref()));
                d.date = majority(d.claims.iter().filter_map(|c| c.date.as_deref()));
                d.issuer = majority(d.claims.iter().filter_map(|c| c.issuer.as_deref()));
                d.province = id_province(id);
                if d.year.is_none() {
                    d.year = d
                        .date
                        .as_deref()
                        .and_then(|x| x.get(..4))
                        .and_then(|y| y.parse().ok());
                }
            }
            let dates: BTreeSet<&str> = d.claims.iter().filter_map(|c| c.date.as_deref()).collect();
            let disagree = match d.date.as_deref() {
                Some(own) if d.parsed => dates.iter().any(|c| *c != own),
                _ => dates.len() > 1,
            };
            if disagree {
                let mut said: Vec<String> = Vec::new();
                if d.parsed {
                    if let Some(own) = &d.date {
                        said.push(format!("{own} (the document)"));
                    }
                }
                for date in &dates {
                    let by: BTreeSet<&str> = d
                        .claims
                        .iter()
                        .filter(|c| c.date.as_deref() == Some(*date))
                        .map(|c| &*c.asserted_by)
                        .collect();
                    said.push(format!(
                        "{date} ({})",
                        by.into_iter().collect::<Vec<_>>().join(", ")
                    ));
                }
                let mut documents: Vec<String> = vec![id.clone()];
                documents.extend(
                    d.claims
                        .iter()
                        .map(|c| c.asserted_by.to_string())
                        .collect::<BTreeSet<_>>(),
                );
                self.diagnostics.push(GraphDiagnostic {
                    code: codes::METADATA_CONFLICT.to_owned(),
                    severity: Severity::Warning,
                    message: format!("{id} has different dates: {}", said.join("; ")),
                    documents,
                });
            }
        }
    }

    fn edge(&mut self, e: Said<'_>) {
        let link = Link {
            source: self.ids.sym(e.source),
            target: self.ids.sym(e.target),
            kind: e.kind,
            asserted_by: self.ids.sym(e.asserted_by),
            span: self.sides.add_span(e.span),
            purpose: self.sides.add_purpose(e.purpose),
        };
        self.edges.push(link);
    }

    /// The agency node for a name, as a document names it.
    fn agency(&mut self, name: &str, province: Option<&str>) -> Arc<str> {
        if let Some(id) = self.agency_ids.get(name, province) {
            return Arc::clone(id);
        }
        let (id, info) = agency_identity(name, province);
        self.agencies.entry(id.clone()).or_insert(info);
        let id: Arc<str> = Arc::from(id);
        self.agency_ids.insert(name, province, Arc::clone(&id));
        id
    }

    /// Every edge a document gives: its relations, its issuer, the issuers of the stubs it
    /// cites, its tasks and who does them, its recipients (in this order: an agency keeps the
    /// name it is first given). Task texts move into the graph instead of being copied.
    fn edges(
        &mut self,
        x: &Doc,
        stub_issuers: Vec<StubIssuer>,
        tasks: Vec<HeldTask>,
        names: &indexmap::IndexSet<Box<str>, Fast>,
    ) {
        self.relation_edges(x);
        self.issuer_edges(x, stub_issuers);
        self.task_edges(&x.id, x.province.as_deref(), tasks, names);
        let province = x.province.as_deref();
        for r in &x.recipients {
            let agency = self.agency(&r.canonical, province);
            self.edge(Said {
                source: &x.id,
                target: &agency,
                kind: EdgeKind::SentTo,
                asserted_by: &x.id,
                span: None,
                purpose: r.purpose.as_deref(),
            });
        }
    }

    /// The relations a document asserts, between canonical ids (stubs made as needed).
    fn relation_edges(&mut self, x: &Doc) {
        for r in &x.relations {
            let (from, to) = (self.resolve(&r.from), self.resolve(&r.to));
            if from == to {
                continue;
            }
            for id in [&from, &to] {
                if !self.docs.contains_key(id) {
                    self.docs.insert(id.clone(), bare_stub(id));
                }
            }
            self.edge(Said {
                source: &from,
                target: &to,
                kind: EdgeKind::Relation(r.kind),
                asserted_by: &x.id,
                span: Some(r.span),
                purpose: None,
            });
        }
    }

    /// Who issued the document, and who issued the stubs it cites (a cited document's issuer
    /// is named in the citing document's terms, so no locality is added).
    fn issuer_edges(&mut self, x: &Doc, stub_issuers: Vec<StubIssuer>) {
        let own = &x.id;
        if let Some(name) = &x.issuer {
            let agency = self.agency(name, x.province.as_deref());
            self.edge(Said {
                source: own,
                target: &agency,
                kind: EdgeKind::IssuedBy,
                asserted_by: own,
                span: x.number.as_ref().map(|n| n.span),
                purpose: None,
            });
        }
        for s in stub_issuers {
            let agency = self.agency(&s.issuer, None);
            self.edge(Said {
                source: &s.stub,
                target: &agency,
                kind: EdgeKind::IssuedBy,
                asserted_by: own,
                span: Some(s.span),
                purpose: None,
            });
        }
    }

    /// The task nodes of a document, and their lead, cooperating and responsible agencies
    /// (`names` reads the parties' interned names).
    fn task_edges(
        &mut self,
        own: &str,
        province: Option<&str>,
        tasks: Vec<HeldTask>,
        names: &indexmap::IndexSet<Box<str>, Fast>,
    ) {
        // One copy of the document's id for all its tasks.
        let document: Arc<str> = Arc::from(own);
        for t in tasks {
            let task = format!("task:{own}#{}", t.node);
            let sym = self.ids.sym(&task);
            self.tasks.push((
                sym,
                Box::new(TaskInfo {
                    document: Arc::clone(&document),
                    node: t.node,
                    text: t.text,
                    deadline: t.deadline,
                }),
            ));
            self.edge(Said {
                source: own,
                target: &task,
                kind: EdgeKind::HasTask,
                asserted_by: own,
                span: None,
                purpose: None,
            });
            for &(kind, name) in &t.parties {
                let name = names.get_index(name as usize).map_or("", |n| &**n);
                let agency = self.agency(name, province);
                self.edge(Said {
                    source: &task,
                    target: &agency,
                    kind,
                    asserted_by: own,
                    span: None,
                    purpose: None,
                });
            }
        }
    }

    /// One `duplicate-document` finding per document given more than once.
    fn duplicates(&self) -> Vec<GraphDiagnostic> {
        self.docs
            .iter()
            .filter(|(_, d)| d.parsed && d.sources.len() > 1)
            .map(|(id, d)| GraphDiagnostic {
                code: codes::DUPLICATE_DOCUMENT.to_owned(),
                severity: Severity::Warning,
                message: format!(
                    "{id} is given {} times ({}); the first file's metadata is kept",
                    d.sources.len(),
                    each_once(&d.sources)
                ),
                documents: vec![id.clone()],
            })
            .collect()
    }

    fn into_graph(mut self) -> Graph {
        let mut diagnostics = std::mem::take(&mut self.diagnostics);
        diagnostics.extend(self.duplicates());
        let edges = unique(std::mem::take(&mut self.edges), &self.ids);
        let tasks = last_of_each(std::mem::take(&mut self.tasks));
        // Sized once: a node or edge vector that doubles holds up to twice what it needs. The
        // edges' storage is allocated once the nodes have moved in, not beside them.
        let count = self.docs.len() + self.agencies.len() + tasks.len();
        let mut graph: StableDiGraph<Node, EdgeData> = StableDiGraph::with_capacity(count, 0);
        let mut index: Vec<NodeIndex> = Vec::with_capacity(count);
        // Id → node: nodes come sorted by id, and the last node given an id is the one it
        // names (as the deduplicated index below keeps it).
        let mut node_of: Vec<Option<NodeIndex>> = vec![None; self.ids.0.len()];
        let mut names = nodes(self.docs, self.agencies, tasks, self.ids, |n, sym| {
            let i = graph.add_node(n);
            index.push(i);
            if let Some(slot) = sym.and_then(|s| node_of.get_mut(s as usize)) {
                *slot = Some(i);
            }
        });
        // By id (a stable sort), each id once.
        index.sort_by(|&a, &b| graph[a].id.cmp(&graph[b].id));
        index.dedup_by(|later, earlier| {
            let same = graph[*later].id == graph[*earlier].id;
            if same {
                *earlier = *later;
            }
            same
        });
        graph.reserve_exact_edges(edges.len());
        // The asserting documents interned in the order of the sorted edges.
        let mut asserter_of: Vec<Option<u32>> = vec![None; names.len()];
        let mut asserters: Vec<String> = Vec::new();
        for e in Releasing::new(edges) {
            let ends = (node_of[e.source as usize], node_of[e.target as usize]);
            if let (Some(s), Some(t)) = ends {
                let a = e.asserted_by as usize;
                let asserted_by = *asserter_of[a].get_or_insert_with(|| {
                    // (A document's id: only tasks' ids were moved into their nodes.)
                    asserters.push(names.get_mut(a).map(std::mem::take).unwrap_or_default());
                    vanban_text::saturating_u32(asserters.len() - 1)
                });
                let data = EdgeData {
                    kind: e.kind,
                    asserted_by,
                    span: e.span,
                    purpose: e.purpose,
                };
                graph.add_edge(s, t, data);
            }
        }
        let mut g = Graph {
            graph,
            index,
            asserters,
            sides: {
                self.sides.shrink_to_fit();
                self.sides
            },
            aliases: self.aliases,
            diagnostics,
            parents: std::sync::OnceLock::new(),
        };
        let cycles = g.implementation_cycles();
        for cycle in cycles {
            g.diagnostics.push(GraphDiagnostic {
                code: codes::CYCLE.to_owned(),
                severity: Severity::Warning,
                message: format!(
                    "implementation relations form a cycle: {}",
                    cycle.join(" → ")
                ),
                documents: cycle,
            });
        }
        g.diagnostics.sort_by(|a, b| {
            (&a.code, &a.documents, &a.message).cmp(&(&b.code, &b.documents, &b.message))
        });
        g
    }
}

/// Sources in order, each once, with how many times a repeated one was given ("a.txt (2
/// records)": one record file can hold two extractions of one file).
fn each_once(sources: &[String]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut k = 0;
    while let Some(first) = sources.get(k) {
        let run = sources.iter().skip(k).take_while(|s| *s == first).count();
        out.push(match run {
            1 => first.clone(),
            n => format!("{first} ({n} records)"),
        });
        k += run;
    }
    out.join(", ")
}

/// Tasks by id, the last made of a repeated id kept (a document given twice makes its tasks
/// twice): a stable sort keeps them in the order made, and `dedup_by` keeps the first of a
/// run, so the later is moved into it.
fn last_of_each(mut tasks: Vec<(u32, Box<TaskInfo>)>) -> Vec<(u32, Box<TaskInfo>)> {
    tasks.sort_by_key(|(s, _)| *s);
    tasks.dedup_by(|later, earlier| {
        let same = later.0 == earlier.0;
        if same {
            std::mem::swap(later, earlier);
        }
        same
    });
    tasks
}

/// The nodes of the graph given to `add` sorted by id — documents, agencies, tasks, each with
/// the interned id that names it (if an edge names it) — as they are made from the build's
/// tables (a sorted vector of all of them sat beside the graph's own node storage, 19 MB at
/// 10 000 synthetic documents); returns the
/// interned ids by symbol, less the tasks' ids, which move into their nodes (each task id is
/// stored once). Of equal ids, a document's comes first, then an agency's, then a task's.
fn nodes(
    docs: BTreeMap<String, DocumentInfo>,
    agencies: BTreeMap<String, AgencyInfo>,
    mut tasks: Vec<(u32, Box<TaskInfo>)>,
    ids: Ids,
    mut add: impl FnMut(Node, Option<u32>),
) -> Vec<String> {
    let sym = |id: &String| ids.0.get_index_of(id).map(vanban_text::saturating_u32);
    let doc_syms: Vec<Option<u32>> = docs.keys().map(sym).collect();
    let agency_syms: Vec<Option<u32>> = agencies.keys().map(sym).collect();
    // (A task's symbol is its own: each is unique once repeated ids are dropped.)
    tasks.sort_unstable_by(|a, b| ids.get(a.0).cmp(ids.get(b.0)));
    let mut names: Vec<String> = ids.0.into_iter().collect();
    let mut docs = docs.into_iter().zip(doc_syms).peekable();
    let mut agencies = agencies.into_iter().zip(agency_syms).peekable();
    let mut tasks = tasks.into_iter().peekable();
    loop {
        let heads = [
            docs.peek().map(|((id, _), _)| id.as_str()),
            agencies.peek().map(|((id, _), _)| id.as_str()),
            tasks
                .peek()
                .map(|(s, _)| names.get(*s as usize).map_or("", String::as_str)),
        ];
        let next = heads
            .iter()
            .enumerate()
            .filter_map(|(k, id)| id.map(|id| (id, k)))
            .min()
            .map(|(_, k)| k);
        match next {
            Some(0) => {
                if let Some(((id, d), s)) = docs.next() {
                    add(document_node(id, d), s);
                }
            }
            Some(1) => {
                if let Some(((id, a), s)) = agencies.next() {
                    add(agency_node(id, a), s);
                }
            }
            Some(_) => {
                if let Some((s, t)) = tasks.next() {
                    let id = names
                        .get_mut(s as usize)
                        .map(std::mem::take)
                        .unwrap_or_default();
                    add(task_node(id, t), Some(s));
                }
            }
            None => break,
        }
    }
    names
}

fn document_node(id: String, d: DocumentInfo) -> Node {
    Node {
        label: document_label(&id, &d),
        id,
        kind: NodeKind::Document,
        document: Some(Box::new(d)),
        agency: None,
        task: None,
    }
}

fn agency_node(id: String, a: AgencyInfo) -> Node {
    let label = match &a.locality {
        Some(l) => format!("{} ({l})", a.name),
        None => a.name.clone(),
    };
    Node {
        id,
        kind: NodeKind::Agency,
        label,
        document: None,
        agency: Some(Box::new(a)),
        task: None,
    }
}

fn task_node(id: String, t: Box<TaskInfo>) -> Node {
    Node {
        id,
        kind: NodeKind::Task,
        // (Made from the text when asked for: `Node::label`.)
        label: String::new(),
        document: None,
        agency: None,
        task: Some(t),
    }
}

/// An edge as a document says it, ids borrowed.
struct Said<'a> {
    source: &'a str,
    target: &'a str,
    kind: EdgeKind,
    asserted_by: &'a str,
    span: Option<Span>,
    purpose: Option<&'a str>,
}

/// An edge while the graph is being built, its ids interned in [`Ids`] (a corpus of 10 000
/// documents makes most of a million edges, and a `String` per id and edge was most of the
/// builder's memory). The graph stores it with node indices and an interned asserting
/// document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Link {
    source: u32,
    target: u32,
    kind: EdgeKind,
    asserted_by: u32,
    /// Indices into the build's [`crate::Sides`].
    span: u32,
    purpose: u32,
}

/// Ids interned to dense integers, in order of first appearance, each stored once.
#[derive(Default)]
struct Ids(indexmap::IndexSet<String, Fast>);

impl Ids {
    fn sym(&mut self, id: &str) -> u32 {
        let i = match self.0.get_index_of(id) {
            Some(i) => i,
            None => self.0.insert_full(id.to_owned()).0,
        };
        vanban_text::saturating_u32(i)
    }

    fn get(&self, sym: u32) -> &str {
        self.0.get_index(sym as usize).map_or("", String::as_str)
    }

    /// Each id's place in the sorted order of all ids: comparing ranks compares the ids.
    fn ranks(&self) -> Vec<u32> {
        let mut order: Vec<u32> = (0..vanban_text::saturating_u32(self.0.len())).collect();
        order.sort_unstable_by(|a, b| self.get(*a).cmp(self.get(*b)));
        let mut rank = vec![0; order.len()];
        for (r, &sym) in order.iter().enumerate() {
            rank[sym as usize] = vanban_text::saturating_u32(r);
        }
        rank
    }
}

/// Edges sorted by (source, target, type, asserting document), as ids, one per such key: the
/// first claim kept.
///
/// A document's edges are made together, so equal edges (which share their asserting
/// document) are found within each run of one asserting document, and the run keeps the
/// first of each. Once every asserting document has one run, every key is unique and the
/// whole list is sorted in place: a stable sort of it took scratch memory of half the list
/// (9.6 MB at 10 000 synthetic documents, where it was at the build's peak). Edges of one
/// document made apart (never by the build's own passes) take the stable sort.
fn unique(mut edges: Vec<Link>, ids: &Ids) -> Vec<Link> {
    let one_run_each = first_of_each_run(&mut edges, ids.0.len());
    let rank = ids.ranks();
    let key = |e: &Link| ranked(&rank, e);
    if one_run_each {
        edges.sort_unstable_by_key(key);
    } else {
        // A stable sort keeps the first of equal edges first; dedup keeps it.
        edges.sort_by_key(key);
    }
    edges.dedup_by(|b, a| key(a) == key(b));
    // The vector grew by doubling: its spare room is given back before the graph's edges are
    // allocated beside it.
    edges.shrink_to_fit();
    edges
}

/// An edge's key in the order of its ids (`rank` from [`Ids::ranks`]): source, target, type,
/// asserting document.
fn ranked(rank: &[u32], e: &Link) -> (u32, u32, EdgeKind, u32) {
    (
        rank[e.source as usize],
        rank[e.target as usize],
        e.kind,
        rank[e.asserted_by as usize],
    )
}

/// Keeps the first of equal edges within each run of one asserting document (the run sorted
/// by its ends and type, stably); whether each asserting document has one run.
fn first_of_each_run(edges: &mut Vec<Link>, ids: usize) -> bool {
    let mut seen = vec![false; ids];
    let mut one_run_each = true;
    let (mut kept, mut at) = (0, 0);
    while at < edges.len() {
        let by = edges[at].asserted_by;
        let end = edges[at..]
            .iter()
            .position(|e| e.asserted_by != by)
            .map_or(edges.len(), |n| at + n);
        match seen.get_mut(by as usize) {
            Some(s) => one_run_each &= !std::mem::replace(s, true),
            None => one_run_each = false,
        }
        // (Within a run the asserting document is the same: its ends and type are the key.)
        let key = |e: &Link| (e.source, e.target, e.kind);
        edges[at..end].sort_by_key(key);
        let mut last = None;
        for i in at..end {
            let e = edges[i];
            if last != Some(key(&e)) {
                last = Some(key(&e));
                edges[kept] = e;
                kept += 1;
            }
        }
        at = end;
    }
    edges.truncate(kept);
    one_run_each
}

impl Graph {
    /// Cycles of implementation relations (implements, continues implementing, details,
    /// guides): each as the list of document ids, smallest first, in edge order.
    pub fn implementation_cycles(&self) -> Vec<Vec<String>> {
        self.implementation_cycles_and_cut().0
    }

    /// [`Graph::implementation_cycles`], and the groups whose loops were not all listed: each
    /// as its number of documents and of links (a group so large that a loop through each
    /// link would take more than [`CYCLE_WORK`] steps gives its shortest loop only).
    pub fn implementation_cycles_and_cut(&self) -> (Vec<Vec<String>>, Vec<(usize, usize)>) {
        let implementing =
            |e: &EdgeData| matches!(e.kind, EdgeKind::Relation(r) if IMPLEMENTATION.contains(&r));
        let filtered =
            petgraph::visit::EdgeFiltered::from_fn(&self.graph, |e| implementing(e.weight()));
        // Only the components that are cycles are kept, as they are found: every other node is
        // a component of its own, and a vector for each (`tarjan_scc`) raised the build's peak
        // by 9 MB at 10 000 synthetic documents.
        let mut cycles: Vec<Vec<NodeIndex>> = Vec::new();
        petgraph::algo::TarjanScc::new().run(&filtered, |scc| {
            let self_loop = scc.len() == 1
                && self
                    .graph
                    .edges_connecting(scc[0], scc[0])
                    .any(|e| implementing(e.weight()));
            if scc.len() >= 2 || self_loop {
                cycles.push(scc.to_vec());
            }
        });
        let mut out = Vec::new();
        let mut cut = Vec::new();
        for scc in cycles {
            let (found, links) = self.cycles_of(&scc, &implementing);
            if let Some(links) = links {
                cut.push((scc.len(), links));
            }
            out.extend(found);
        }
        out.sort();
        cut.sort();
        (out, cut)
    }

    /// The cycles of a strongly connected component: every link inside it closes one, and the
    /// shortest through each link is listed once (the group of four plans that each implement
    /// the other three gives its six loops, where one cycle a group hid the other misread
    /// links: found at stop 58). Each starts at its smallest id. A group for which that would
    /// take more than [`CYCLE_WORK`] steps gives its shortest cycle through its smallest id
    /// only, and its number of links.
    fn cycles_of(
        &self,
        scc: &[NodeIndex],
        implementing: &dyn Fn(&EdgeData) -> bool,
    ) -> (Vec<Vec<String>>, Option<usize>) {
        let members: BTreeSet<NodeIndex> = scc.iter().copied().collect();
        let mut links: Vec<(NodeIndex, NodeIndex)> = scc
            .iter()
            .flat_map(|&m| self.graph.edges(m))
            .filter(|e| implementing(e.weight()) && members.contains(&e.target()))
            .map(|e| (e.source(), e.target()))
            .collect();
        links.sort_by(|a, b| {
            let id = |n: NodeIndex| &self.graph[n].id;
            (id(a.0), id(a.1)).cmp(&(id(b.0), id(b.1)))
        });
        links.dedup();
        // (A search of the group for each link.)
        if links.len().saturating_mul(links.len() + scc.len()) > CYCLE_WORK {
            let shortest = self.shortest_cycle(scc, implementing).into_iter().collect();
            return (shortest, Some(links.len()));
        }
        let mut found: BTreeSet<Vec<String>> = BTreeSet::new();
        for (from, to) in links {
            // The loop `from → to → … → from` (a link of a document to itself: `from` alone),
            // turned to start at its smallest id.
            let mut loop_nodes = vec![from];
            if from != to {
                let Some(back) = self.shortest_path(to, from, &members, implementing) else {
                    continue;
                };
                loop_nodes.extend(back.iter().take(back.len().saturating_sub(1)));
            }
            let mut ids: Vec<&str> = loop_nodes
                .iter()
                .map(|&n| self.graph[n].id.as_str())
                .collect();
            let least = (0..ids.len()).min_by_key(|&i| ids[i]).unwrap_or(0);
            ids.rotate_left(least);
            let mut cycle: Vec<String> = ids.iter().map(|&s| s.to_owned()).collect();
            if let Some(first) = cycle.first().cloned() {
                cycle.push(first);
            }
            found.insert(cycle);
        }
        (found.into_iter().collect(), None)
    }

    /// The shortest path of implementation links from `from` to `to` within `members`, both
    /// ends included (a search by breadth, neighbours taken in id order); when `from` is `to`,
    /// the shortest loop from it back to it.
    fn shortest_path(
        &self,
        from: NodeIndex,
        to: NodeIndex,
        members: &BTreeSet<NodeIndex>,
        implementing: &dyn Fn(&EdgeData) -> bool,
    ) -> Option<Vec<NodeIndex>> {
        let mut before: BTreeMap<NodeIndex, NodeIndex> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([from]);
        while let Some(at) = queue.pop_front() {
            let mut next: Vec<NodeIndex> = (self.graph.edges(at))
                .filter(|e| implementing(e.weight()) && members.contains(&e.target()))
                .map(|e| e.target())
                .collect();
            next.sort_by(|a, b| self.graph[*a].id.cmp(&self.graph[*b].id));
            next.dedup();
            for n in next {
                if n == to {
                    // The path to `at`, then `to`.
                    let mut path = vec![at];
                    let mut k = at;
                    while let Some(&p) = before.get(&k) {
                        path.push(p);
                        k = p;
                    }
                    path.reverse();
                    path.push(to);
                    return Some(path);
                }
                if n != from && !before.contains_key(&n) {
                    before.insert(n, at);
                    queue.push_back(n);
                }
            }
        }
        None
    }

    /// The shortest cycle of a strongly connected component through its smallest id, as ids
    /// from that id back to it. (Found at stop 45: a walk that took the first neighbour not
    /// yet seen could end at a member it had passed, printing `a → b → c → b`, which is no
    /// cycle.)
    fn shortest_cycle(
        &self,
        scc: &[NodeIndex],
        implementing: &dyn Fn(&EdgeData) -> bool,
    ) -> Option<Vec<String>> {
        let members: BTreeSet<NodeIndex> = scc.iter().copied().collect();
        let &start = scc
            .iter()
            .min_by(|a, b| self.graph[**a].id.cmp(&self.graph[**b].id))?;
        let path = self.shortest_path(start, start, &members, implementing)?;
        Some(path.iter().map(|&i| self.graph[i].id.clone()).collect())
    }
}

/// The most steps the loops of one group of documents that implement each other may take to
/// find (a search of the group for each of its links): 33 plans that each implement all the
/// others take 1.1 M, a ring of 1 000 plans 2 M (about half a second; a ring of 5 000, 50 M,
/// took 14 s).
pub const CYCLE_WORK: usize = 2_000_000;

/// Follow aliases (at most a few steps; aliases never form loops, but a guard costs nothing).
pub(crate) fn resolve_alias(aliases: &BTreeMap<String, String>, id: &str) -> String {
    let mut at = id;
    for _ in 0..8 {
        match aliases.get(at) {
            Some(next) if next != at => at = next,
            _ => break,
        }
    }
    at.to_owned()
}

/// Aliases between ids that name one document:
/// - a citation without a year ("Kế hoạch số 500-KH/TU" → `…:_;500-kh-tu`) names the only
///   document known with the same issuer, type and number and a year;
/// - a law cited by name and number ("Luật Đất đai số 31/2024/QH15") joins the name-based id
///   to the number-based one; a parsed law's title does the same.
fn aliases(docs: &[Held]) -> (BTreeMap<String, String>, Vec<GraphDiagnostic>) {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    let mut known: BTreeSet<String> = BTreeSet::new();
    let mut all: BTreeSet<String> = BTreeSet::new();
    for Held { x, cited, .. } in docs {
        known.insert(x.id.clone());
        all.insert(x.id.clone());
        for c in cited {
            let t = &c.target;
            all.insert(t.to_string());
            if id_year(t).is_some() {
                known.insert(t.to_string());
            }
            if let (Some(name), true) = (&c.name, c.numbered) {
                for year in [c.year, None] {
                    let named = identity::named_id(c.kind, year, name);
                    if *named != **t {
                        out.entry(named).or_insert_with(|| t.to_string());
                    }
                }
            }
        }
        if matches!(x.kind, DocumentKind::Law | DocumentKind::Code) {
            if let Some(title) = &x.title {
                let word = if x.kind == DocumentKind::Code {
                    "Bộ luật"
                } else {
                    "Luật"
                };
                let year = x
                    .date
                    .as_deref()
                    .and_then(|d| d.get(..4))
                    .and_then(|y| y.parse().ok());
                for y in [year, None] {
                    let named = identity::named_id(x.kind, y, &format!("{word} {title}"));
                    if named != x.id {
                        out.entry(named).or_insert_with(|| x.id.clone());
                    }
                }
            }
        }
    }
    let parsed: BTreeSet<&str> = docs.iter().map(|h| h.x.id.as_str()).collect();
    let mut diagnostics = years(&known, &all, &parsed, &mut out);
    diagnostics.extend(provinces(&all, &parsed, &mut out));
    (out, diagnostics)
}

/// Year-less ids: each joins the unique known id that differs only by its year; for a parsed
/// document the merge is reported (`merged-identity`), several candidates are reported and
/// left apart (`ambiguous-identity`).
fn years(
    known: &BTreeSet<String>,
    all: &BTreeSet<String>,
    parsed: &BTreeSet<&str>,
    out: &mut BTreeMap<String, String>,
) -> Vec<GraphDiagnostic> {
    let mut diagnostics = Vec::new();
    // Year-less ids: the unique known id that differs only by its year.
    let mut by_pattern: BTreeMap<DocumentId, Vec<&String>> = BTreeMap::new();
    for id in known {
        if let Some(key) = without_year(id) {
            by_pattern.entry(key).or_default().push(id);
        }
    }
    for id in all {
        if id_year(id).is_some() || out.contains_key(id) {
            continue;
        }
        let Some(key) = without_year(id) else {
            continue;
        };
        if let Some(candidates) = by_pattern.get(&key) {
            let targets: BTreeSet<String> =
                candidates.iter().map(|c| resolve_alias(out, c)).collect();
            let is_parsed = parsed.contains(id.as_str());
            if targets.len() == 1 {
                if let Some(t) = targets.into_iter().next() {
                    if t != *id {
                        if is_parsed {
                            diagnostics.push(GraphDiagnostic {
                                code: codes::MERGED_IDENTITY.to_owned(),
                                severity: Severity::Info,
                                message: format!(
                                    "the parsed document {id} has no year in its header; it is the document its citers call {t}"
                                ),
                                documents: vec![id.clone(), t.clone()],
                            });
                        }
                        out.insert(id.clone(), t);
                    }
                }
            } else if targets.len() > 1 && is_parsed {
                diagnostics.push(GraphDiagnostic {
                    code: codes::AMBIGUOUS_IDENTITY.to_owned(),
                    severity: Severity::Warning,
                    message: format!(
                        "the parsed document {id} has no year in its header, and several documents fit: {}; left apart",
                        targets.into_iter().collect::<Vec<_>>().join(", ")
                    ),
                    documents: vec![id.clone()],
                });
            }
        }
    }
    diagnostics
}

/// Ids without the province of their local issuer ("tu", "ubnd"): a parsed document whose header
/// did not say its province, or a citation that did not. Each joins the unique id with the same
/// issuer code, type and number that has a province (and the same year, or none on one side);
/// for a parsed document the merge is reported (`merged-identity`), and several candidates are
/// reported and left apart (`ambiguous-identity`).
fn provinces(
    all: &BTreeSet<String>,
    parsed: &BTreeSet<&str>,
    out: &mut BTreeMap<String, String>,
) -> Vec<GraphDiagnostic> {
    use vanban_model::DocumentId;
    let ids: Vec<(&String, DocumentId)> = all
        .iter()
        .filter_map(|s| Some((s, s.parse::<DocumentId>().ok()?)))
        .collect();
    /// (issuer code, type, number) → ids with a province, and their years.
    type ByCode<'a> = BTreeMap<(&'a str, DocumentKind, &'a str), Vec<(&'a String, Option<u16>)>>;
    let mut with_province: ByCode<'_> = BTreeMap::new();
    for (s, id) in &ids {
        if id.authority.province.is_some() {
            with_province
                .entry((id.authority.body.as_str(), id.kind, id.number.as_str()))
                .or_default()
                .push((s, id.year));
        }
    }
    let mut diagnostics = Vec::new();
    for (s, id) in &ids {
        if id.authority.province.is_some() || id.authority.is_unknown() || out.contains_key(*s) {
            continue;
        }
        let key = (id.authority.body.as_str(), id.kind, id.number.as_str());
        let Some(found) = with_province.get(&key) else {
            continue;
        };
        let targets: BTreeSet<String> = found
            .iter()
            .filter(|(_, y)| y.is_none() || id.year.is_none() || *y == id.year)
            .map(|(t, _)| resolve_alias(out, t))
            .collect();
        let is_parsed = parsed.contains(s.as_str());
        match targets.len() {
            0 => {}
            1 => {
                if let Some(t) = targets.into_iter().next() {
                    if is_parsed {
                        diagnostics.push(GraphDiagnostic {
                            code: codes::MERGED_IDENTITY.to_owned(),
                            severity: Severity::Info,
                            message: format!(
                                "the parsed document {s} names no province; it is the document its citers call {t}"
                            ),
                            documents: vec![(*s).clone(), t.clone()],
                        });
                    }
                    out.insert((*s).clone(), t);
                }
            }
            _ if is_parsed => diagnostics.push(GraphDiagnostic {
                code: codes::AMBIGUOUS_IDENTITY.to_owned(),
                severity: Severity::Warning,
                message: format!(
                    "the parsed document {s} names no province, and several documents fit: {}; left apart",
                    targets.into_iter().collect::<Vec<_>>().join(", ")
                ),
                documents: vec![(*s).clone()],
            }),
            _ => {}
        }
    }
    diagnostics
}

/// An id as its typed parts (ids made by extraction always parse).
fn typed(id: &str) -> Option<DocumentId> {
    id.parse().ok()
}

/// An id without its year, for matching ids that differ only by year.
fn without_year(id: &str) -> Option<DocumentId> {
    typed(id).map(|d| d.with_year(None))
}

/// The year part of an id, when known.
pub(crate) fn id_year(id: &str) -> Option<u16> {
    DocumentId::year_of(id)
}

/// The province slug part of a local id's authority ("ubnd.tuyen-quang" → "tuyen-quang").
fn id_province(id: &str) -> Option<String> {
    typed(id)?.authority.province
}

fn bare_stub(id: &str) -> DocumentInfo {
    DocumentInfo {
        parsed: false,
        sources: Vec::new(),
        number: None,
        kind: DocumentKind::Unknown,
        date: None,
        year: id_year(id),
        issuer: None,
        title: None,
        name: None,
        province: id_province(id),
        aliases: Vec::new(),
        claims: Vec::new(),
    }
}

/// The issuer's full name: the body, with its managing body when the body's name alone is
/// generic ("Văn phòng" under "Ban Chấp hành Trung ương").
fn issuer_name(x: &Extraction) -> Option<String> {
    let name = x.issuer.name.clone()?;
    match &x.issuer.parent {
        Some(parent) if name.split_whitespace().count() <= 2 => Some(format!("{name} {parent}")),
        _ => Some(name),
    }
}

/// The most frequent value (ties: the smallest), deterministic.
fn majority<'a>(values: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for v in values {
        *counts.entry(v).or_default() += 1;
    }
    let best = counts.values().copied().max()?;
    counts
        .into_iter()
        .find(|&(_, c)| c == best)
        .map(|(v, _)| v.to_owned())
}

/// Agency id and data: the one identity extraction gives its `agencies`
/// (`vanban_extract::identity::agency_identity`).
fn agency_identity(name: &str, province: Option<&str>) -> (String, AgencyInfo) {
    let a = identity::agency_identity(name, province);
    (
        a.id,
        AgencyInfo {
            name: a.canonical,
            locality: a.locality,
        },
    )
}

fn document_label(id: &str, d: &DocumentInfo) -> String {
    if let Some(n) = &d.number {
        return n.clone();
    }
    if let Some(n) = &d.name {
        return n.clone();
    }
    if let Some(t) = &d.title {
        return short(t, 60);
    }
    typed(id).map_or_else(|| id.to_owned(), |d| d.number)
}

fn short(text: &str, max: usize) -> String {
    crate::short_text(text, max)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // A failed unwrap is a failed test.

    use super::*;

    thread_local! {
        /// How many times a record was written out to order it.
        pub(super) static CONTENTS_MADE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// Records of one id and one file are ordered by their contents, each written out once
    /// (found at stop 45: written out at every comparison, 9× the build's time for 8 000
    /// copies), whatever their order.
    #[test]
    fn copies_of_one_record_are_each_written_out_once() {
        let plan = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1/KH-UBND\nLào Cai, ngày 05 tháng 3 năm 2025\nKẾ HOẠCH\nVề X\nI. NỘI DUNG\n1. Làm.\n";
        let x = vanban_extract::extract(&vanban_syntax::parse(plan));
        let mut other = x.clone();
        other.title = Some("Y".into());
        let build = |first: &Extraction, second: &Extraction| {
            let mut b = GraphBuilder::new();
            for k in 0..1000 {
                b.add("a.txt", if k % 3 == 0 { first } else { second }.clone());
            }
            CONTENTS_MADE.with(|n| n.set(0));
            let g = b.build();
            assert!(CONTENTS_MADE.with(std::cell::Cell::get) <= 1000);
            let node = g.node(&x.id).expect("the plan is in the graph");
            format!("{node:?}")
        };
        assert_eq!(build(&x, &other), build(&other, &x));
    }

    fn said<'a>(source: &'a str, target: &'a str, by: &'a str, at: usize) -> Said<'a> {
        Said {
            source,
            target,
            kind: EdgeKind::IssuedBy,
            asserted_by: by,
            span: Some(Span {
                start: at,
                end: at + 1,
                line: 1,
                column: 1,
            }),
            purpose: None,
        }
    }

    /// An edge under construction and an edge as stored hold integers only (ids, spans and
    /// purposes are in tables): a large corpus makes most of a million of each.
    #[test]
    fn edges_are_small() {
        assert!(
            std::mem::size_of::<Link>() <= 24,
            "{}",
            std::mem::size_of::<Link>()
        );
        assert!(
            std::mem::size_of::<EdgeData>() <= 16,
            "{}",
            std::mem::size_of::<EdgeData>()
        );
        // A task's data, boxed in its node: its deadline boxed again (most tasks have none).
        let task = std::mem::size_of::<crate::TaskInfo>();
        assert!(task <= 80, "{task}");
    }

    /// A span and a purpose read back from the tables as given; none stays none, and a
    /// purpose is stored once however many edges give it.
    #[test]
    fn sides_keep_spans_and_purposes() {
        let mut s = crate::Sides::default();
        let span = Span {
            start: 7,
            end: 9,
            line: 2,
            column: 3,
        };
        let (a, none) = (s.add_span(Some(span)), s.add_span(None));
        assert_eq!((s.span(a), s.span(none)), (Some(span), None));
        let (p, q, r) = (
            s.add_purpose(Some("báo cáo")),
            s.add_purpose(Some("thực hiện")),
            s.add_purpose(Some("báo cáo")),
        );
        assert_eq!(p, r);
        assert_eq!(
            (s.purpose(p), s.purpose(q)),
            (Some("báo cáo"), Some("thực hiện"))
        );
        let none = s.add_purpose(None);
        assert_eq!(s.purpose(none), None);
    }

    /// The nodes are given in the order a stable sort of documents, agencies and tasks by id
    /// gives them (of equal ids, a document's first, then an agency's, then a task's), each
    /// with its symbol; a task's id moves out of the ids.
    #[test]
    fn nodes_come_merged_in_the_order_of_a_stable_sort() {
        let mut ids = Ids::default();
        let (b, c) = (ids.sym("b"), ids.sym("c"));
        let a = ids.sym("a");
        let docs = BTreeMap::from([("b".to_owned(), bare_stub("b"))]);
        let agency = |name: &str| AgencyInfo {
            name: name.to_owned(),
            locality: None,
        };
        let agencies = BTreeMap::from([
            ("b".to_owned(), agency("B")),
            ("a".to_owned(), agency("A")),
            ("d".to_owned(), agency("D")),
        ]);
        let task = || {
            Box::new(TaskInfo {
                document: Arc::from("x"),
                node: "n".into(),
                text: String::new(),
                deadline: None,
            })
        };
        let mut got = Vec::new();
        let names = nodes(
            docs,
            agencies,
            vec![(c, task()), (b, task())],
            ids,
            |n, s| {
                got.push((n.id, n.kind, s));
            },
        );
        assert_eq!(
            got,
            [
                ("a".to_owned(), NodeKind::Agency, Some(a)),
                ("b".to_owned(), NodeKind::Document, Some(b)),
                ("b".to_owned(), NodeKind::Agency, Some(b)),
                ("b".to_owned(), NodeKind::Task, Some(b)),
                ("c".to_owned(), NodeKind::Task, Some(c)),
                ("d".to_owned(), NodeKind::Agency, None),
            ]
        );
        assert_eq!(
            names,
            ["", "", "a"],
            "the tasks' ids moved into their nodes"
        );
    }

    /// The edge list made unique (each asserting document's run kept first, then sorted in
    /// place) is the list a stable sort and a dedup make of it: on edges made in runs of one
    /// document, with many equal edges in each run, and on the same edges with runs split.
    #[test]
    fn runs_made_unique_then_sorted_in_place_are_the_stable_sort() {
        let mut b = Build::default();
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) % n
        };
        let kinds = [EdgeKind::Lead, EdgeKind::IssuedBy];
        for doc in 0..60 {
            let by = format!("doc:{doc}");
            for at in 0..next(80) {
                let (s, t) = (format!("n{}", next(3)), format!("n{}", next(3)));
                let mut e = said(&s, &t, &by, usize::try_from(at).unwrap_or(0));
                e.kind = kinds[usize::try_from(next(2)).unwrap_or(0)];
                b.edge(e);
            }
        }
        // What `unique` replaced: a stable sort of the whole list, then a dedup.
        let reference = |mut edges: Vec<Link>, ids: &Ids| {
            let rank = ids.ranks();
            let key = |e: &Link| ranked(&rank, e);
            edges.sort_by_key(key);
            edges.dedup_by(|b, a| key(a) == key(b));
            edges
        };
        let edges = std::mem::take(&mut b.edges);
        let mut runs = edges.clone();
        assert!(first_of_each_run(&mut runs, b.ids.0.len()), "one run each");
        assert!(runs.len() * 2 < edges.len(), "many equal edges in the runs");
        let want = reference(edges.clone(), &b.ids);
        assert_eq!(unique(edges.clone(), &b.ids), want);
        // A run split (the first document's first edge said again at the end, with another
        // span): the stable sort, which keeps the first.
        let mut split = edges.clone();
        split.push(Link {
            span: edges[1].span,
            ..edges[0]
        });
        assert!(!first_of_each_run(&mut split.clone(), b.ids.0.len()));
        assert_eq!(
            unique(split.clone(), &b.ids),
            reference(split, &b.ids),
            "runs split"
        );
    }

    /// Interned edges sort as their ids do (not in order of first appearance), and of equal
    /// edges the first said is kept.
    #[test]
    fn interned_edges_sort_by_id_and_keep_the_first_claim() {
        let mut b = Build::default();
        for (s, t, by, at) in [
            ("zeta", "b", "doc:2", 0),
            ("alpha", "c", "doc:1", 1),
            ("alpha", "b", "doc:1", 2),
            ("zeta", "b", "doc:2", 3),
            ("alpha", "b", "doc:0", 4),
        ] {
            b.edge(said(s, t, by, at));
        }
        let edges = unique(std::mem::take(&mut b.edges), &b.ids);
        let got: Vec<(&str, &str, &str, usize)> = edges
            .iter()
            .map(|e| {
                let at = b.sides.span(e.span).map_or(usize::MAX, |s| s.start);
                (
                    b.ids.get(e.source),
                    b.ids.get(e.target),
                    b.ids.get(e.asserted_by),
                    at,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("alpha", "b", "doc:0", 4),
                ("alpha", "b", "doc:1", 2),
                ("alpha", "c", "doc:1", 1),
                ("zeta", "b", "doc:2", 0),
            ]
        );
        assert_eq!(b.ids.0.len(), 7, "each id stored once");
    }
}
