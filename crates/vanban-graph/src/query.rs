//! Queries: resolve an id as written, implementation chains up and down, paths, an agency's
//! tasks, orphans, unimplemented directives, a summary.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;

use serde::Serialize;
use vanban_extract::agencies::fold as fold_name;
use vanban_extract::fold::slug;
use vanban_model::{DocumentKind, RelationType, Str};

use crate::{EdgeKind, Graph, NodeKind, IMPLEMENTATION};

fn summary(n: &crate::Node) -> NodeSummary {
    let d = n.document.as_ref();
    NodeSummary {
        id: n.id.clone(),
        label: Str::from(n.label()),
        kind: n.kind,
        document_kind: d.map(|d| d.kind),
        number: d.and_then(|d| d.number.as_deref()).map(Str::from),
        date: d.and_then(|d| d.date.as_deref()).map(Str::from),
        issuer: d.and_then(|d| d.issuer.as_deref()).map(Str::from),
        parsed: d.map(|d| d.parsed),
    }
}

/// A node in query results: what a person needs to recognise it. Its short fields are
/// `Str` (inline up to 24 bytes): a chain makes one summary per link, and those copies were
/// most of its allocations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NodeSummary {
    /// Canonical id.
    pub id: String,
    /// Label ("208/KH-UBND").
    pub label: Str,
    /// Node kind.
    pub kind: NodeKind,
    /// Document type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_kind: Option<DocumentKind>,
    /// Number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<Str>,
    /// Date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Str>,
    /// Issuer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<Str>,
    /// Whether the document was parsed (false: a stub known from citations).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parsed: Option<bool>,
}

/// Why an id as written could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolveError {
    /// Nothing matches.
    NotFound(String),
    /// Several documents match; give the full id to choose.
    Ambiguous {
        /// The query.
        query: String,
        /// The matching documents.
        candidates: Vec<NodeSummary>,
    },
}

impl std::fmt::Display for ResolveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ResolveError::NotFound(q) => write!(f, "no document matches \"{q}\""),
            ResolveError::Ambiguous { query, candidates } => {
                writeln!(
                    f,
                    "\"{query}\" matches {} documents; give the full id to choose:",
                    candidates.len()
                )?;
                for c in candidates {
                    writeln!(f, "  {}  {}", c.id, describe(c))?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ResolveError {}

/// "Kế hoạch, 2024-07-22, Ban Thường vụ Tỉnh ủy Tuyên Quang, not parsed".
pub fn describe(n: &NodeSummary) -> String {
    let mut parts: Vec<&str> = Vec::new();
    // (A stub known by name only has no kind to name: "(not parsed)", not "(, not parsed)".)
    if let Some(k) = n
        .document_kind
        .map(|k| k.name_vi())
        .filter(|k| !k.is_empty())
    {
        parts.push(k);
    }
    if let Some(d) = &n.date {
        parts.push(d);
    }
    if let Some(i) = &n.issuer {
        parts.push(i);
    }
    if n.parsed == Some(false) {
        parts.push("not parsed");
    }
    parts.join(", ")
}

/// One link of an implementation chain, as a line of its tree: the chain is walked depth
/// first from the document asked about, and every document above it is expanded once — a
/// document reached again is a reference to the place it was shown (`seen`), a document on the
/// path below is a cycle. The size of a chain is linear in the documents and relations above
/// it, whatever the number of paths, and there is no depth limit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainLink {
    /// 1 for what the document asked about relates to directly, 2 for the level above …
    pub depth: usize,
    /// The document that relates (the one shown on the line above at `depth - 1`).
    pub from: String,
    /// How `from` relates to `node` (implements, continues_implementing …).
    pub relation: RelationType,
    /// How many documents assert the relation.
    pub asserted_count: usize,
    /// The documents that assert the relation, in id order: filled by
    /// [`Graph::chain_with_asserters`] only (a link of a large corpus may rest on thousands).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub asserted_by: Vec<String>,
    /// The document related to.
    pub node: NodeSummary,
    /// True when `node` was shown (and expanded) above: not expanded again.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub seen: bool,
    /// True when `node` is already on the path below (a cycle): not expanded again.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cycle: bool,
}

/// An implementation chain: a document and everything above it, as the lines of a tree in
/// depth-first order (see [`ChainLink`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Chain {
    /// The document asked about.
    pub node: NodeSummary,
    /// The links, depth first (parents in id order).
    pub links: Vec<ChainLink>,
}

impl Chain {
    /// The ids of every document in the chain, the one asked about included.
    pub fn ids(&self) -> BTreeSet<String> {
        std::iter::once(self.node.id.clone())
            .chain(self.links.iter().map(|l| l.node.id.clone()))
            .collect()
    }

    /// For each link, whether it is the last of its siblings (for drawing the tree).
    pub fn last_flags(&self) -> Vec<bool> {
        // Backwards: a link is last when no later link at its depth comes before one shallower.
        let mut later_sibling: Vec<bool> = Vec::new();
        let mut out = vec![false; self.links.len()];
        for (i, l) in self.links.iter().enumerate().rev() {
            if later_sibling.len() <= l.depth {
                later_sibling.resize(l.depth + 1, false);
            }
            out[i] = !later_sibling[l.depth];
            later_sibling[l.depth] = true;
            later_sibling.truncate(l.depth + 1);
        }
        out
    }
}

/// A document that implements another, directly or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Implementer {
    /// The implementing document.
    pub node: NodeSummary,
    /// 1 for a direct implementer, 2 for one that implements a direct implementer …
    pub depth: usize,
    /// The relation.
    pub relation: RelationType,
    /// The document it relates to (the one asked about at depth 1).
    pub of: String,
}

/// One edge of a path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathStep {
    /// Source document.
    pub from: String,
    /// Target document.
    pub to: String,
    /// Relation.
    pub relation: RelationType,
    /// The documents that assert it.
    pub asserted_by: Vec<String>,
}

/// The role of an agency in a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AgencyRole {
    /// Leads it ("chủ trì").
    Lead,
    /// Cooperates ("phối hợp").
    Cooperating,
    /// The task is addressed to it.
    Responsible,
}

impl AgencyRole {
    /// The name as serialised: "lead", "cooperating", "responsible".
    pub fn as_str(self) -> &'static str {
        match self {
            AgencyRole::Lead => "lead",
            AgencyRole::Cooperating => "cooperating",
            AgencyRole::Responsible => "responsible",
        }
    }
}

/// A task of an agency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskRef {
    /// The agency's role.
    pub role: AgencyRole,
    /// Task node id.
    pub task: String,
    /// The document that assigns it.
    pub document: String,
    /// Element id in that document.
    pub node: String,
    /// The task text.
    pub text: String,
    /// Deadline: as written, and as dates.
    pub deadline: Option<vanban_model::Deadline>,
}

/// An agency and its tasks across the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgencyTasks {
    /// The agency.
    pub agency: NodeSummary,
    /// Its tasks, by document and node.
    pub tasks: Vec<TaskRef>,
}

impl AgencyTasks {
    /// How many of its tasks it has in `role`.
    pub fn count(&self, role: AgencyRole) -> usize {
        self.tasks.iter().filter(|t| t.role == role).count()
    }
}

/// A document cited but never parsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Orphan {
    /// The stub.
    pub node: NodeSummary,
    /// The documents that cite it.
    pub cited_by: Vec<String>,
}

/// What a corpus graph holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Documents parsed.
    pub documents_parsed: usize,
    /// Documents known only from citations.
    pub stubs: usize,
    /// Agencies.
    pub agencies: usize,
    /// Task nodes.
    pub tasks: usize,
    /// Edges by type.
    pub edges: BTreeMap<String, usize>,
    /// The most cited documents, by how many documents cite them.
    pub most_cited: Vec<(NodeSummary, usize)>,
    /// Diagnostics by code.
    pub diagnostics: BTreeMap<String, usize>,
}

/// Parents of one node in a chain walk: one target and relation, how many distinct documents
/// assert the link, and (when they are listed) those documents, interned.
struct ParentGroup {
    target: NodeIndex,
    relation: RelationType,
    count: u32,
    asserters: Vec<u32>,
}

/// The parents of one node as a chain walks them: listed with their asserting documents
/// (read from the edges), or counted (a slice of the parent index, filtered as it is read, so
/// a step allocates nothing).
enum Parents<'g> {
    Listed(std::vec::IntoIter<ParentGroup>),
    Counted(std::slice::Iter<'g, (NodeIndex, RelationType, u32)>),
}

impl Parents<'_> {
    /// The next parent through a relation of the given kinds.
    fn next(&mut self, kinds: &[RelationType]) -> Option<ParentGroup> {
        match self {
            // (Listed groups were read for these kinds only.)
            Parents::Listed(groups) => groups.next(),
            Parents::Counted(groups) => groups
                .find(|(_, relation, _)| kinds.contains(relation))
                .map(|&(target, relation, count)| ParentGroup {
                    target,
                    relation,
                    count,
                    asserters: Vec::new(),
                }),
        }
    }
}

/// The relation parents of every node, grouped by (target, relation) with the number of
/// distinct asserting documents, in (target id, relation) order: what a chain reads at each
/// step. Made once, on the first chain query, so that a step costs the node's links and not
/// its edges (a link of a large corpus rests on thousands of asserted edges).
#[derive(Debug, Clone)]
pub(crate) struct ParentIndex {
    /// Node `i`'s groups are `groups[starts[i]..starts[i + 1]]` (`i` a node index).
    starts: Vec<usize>,
    groups: Vec<(NodeIndex, RelationType, u32)>,
}

impl Graph {
    /// What a person needs to recognise a node.
    pub fn summary_of(&self, id: &str) -> Option<NodeSummary> {
        self.node(id).map(summary)
    }

    /// The label of a node ("208/KH-UBND"), or the id itself when no node has it.
    pub fn label_of(&self, id: &str) -> String {
        self.node(id)
            .map_or_else(|| id.to_owned(), |n| n.label().into_owned())
    }

    /// The document an id as written names: a canonical id, an alias, a number as printed
    /// ("208/KH-UBND", "13-NQ/TW", "30/2020/NĐ-CP", in any case and spacing) or a law's
    /// name. When several documents match and exactly one of them was parsed, that one.
    pub fn resolve(&self, query: &str) -> Result<String, ResolveError> {
        let query = query.trim();
        if let Some(n) = self.node(query) {
            return Ok(n.id.clone());
        }
        let compact = |s: &str| -> String {
            s.chars()
                .filter(|c| !c.is_whitespace())
                .flat_map(char::to_uppercase)
                .collect()
        };
        let want = compact(query);
        let want_slug = slug(query);
        let want_name = fold_name(&vanban_text::squash_spaces(query));
        let mut found: Vec<&crate::Node> = self
            .nodes()
            .filter(|n| {
                let Some(d) = &n.document else {
                    return false;
                };
                let numbers = d
                    .number
                    .as_deref()
                    .into_iter()
                    .chain(d.claims.iter().filter_map(|c| c.number.as_deref()));
                let by_number = numbers.clone().any(|x| compact(x) == want)
                    || (!want_slug.is_empty()
                        && n.id
                            .parse::<vanban_model::DocumentId>()
                            .is_ok_and(|d| d.number == want_slug));
                let by_name = d.name.as_deref().is_some_and(|x| fold_name(x) == want_name);
                by_number || by_name
            })
            .collect();
        found.sort_by(|a, b| a.id.cmp(&b.id));
        match found.len() {
            0 => Err(ResolveError::NotFound(query.to_owned())),
            1 => Ok(found[0].id.clone()),
            _ => {
                let parsed: Vec<&&crate::Node> = found
                    .iter()
                    .filter(|n| n.document.as_ref().is_some_and(|d| d.parsed))
                    .collect();
                if parsed.len() == 1 {
                    return Ok(parsed[0].id.clone());
                }
                Err(ResolveError::Ambiguous {
                    query: query.to_owned(),
                    candidates: found
                        .iter()
                        .filter_map(|n| self.summary_of(&n.id))
                        .collect(),
                })
            }
        }
    }

    /// Documents that match an id as written, besides the one [`Graph::resolve`] picks.
    pub fn other_matches(&self, query: &str, chosen: &str) -> Vec<NodeSummary> {
        let mut out = Vec::new();
        for n in self.nodes() {
            if n.id == chosen || n.document.is_none() {
                continue;
            }
            if let Ok(id) = self.resolve_only(query, &n.id) {
                out.push(id);
            }
        }
        out
    }

    fn resolve_only(&self, query: &str, id: &str) -> Result<NodeSummary, ()> {
        let compact = |s: &str| -> String {
            s.chars()
                .filter(|c| !c.is_whitespace())
                .flat_map(char::to_uppercase)
                .collect()
        };
        let d = self.node(id).and_then(|n| n.document.as_ref()).ok_or(())?;
        let want = compact(query);
        let hit = d
            .number
            .as_deref()
            .into_iter()
            .chain(d.claims.iter().filter_map(|c| c.number.as_deref()))
            .any(|x| compact(x) == want);
        if hit {
            self.summary_of(id).ok_or(())
        } else {
            Err(())
        }
    }

    /// Relation edges of the given kinds leaving `id`, grouped by (target, relation), with
    /// their asserting documents.
    fn up(&self, id: &str, kinds: &[RelationType]) -> Vec<(String, RelationType, Vec<String>)> {
        let mut groups: BTreeMap<(String, RelationType), BTreeSet<String>> = BTreeMap::new();
        for e in self.outgoing(id) {
            if let EdgeKind::Relation(r) = e.kind {
                if kinds.contains(&r) {
                    groups
                        .entry((e.target.to_owned(), r))
                        .or_default()
                        .insert(e.asserted_by.to_owned());
                }
            }
        }
        groups
            .into_iter()
            .map(|((t, r), by)| (t, r, by.into_iter().collect()))
            .collect()
    }

    /// The documents with a relation of the given kinds to `id` (direct implementers, for
    /// [`IMPLEMENTATION`]), with the relation, in id order.
    pub fn direct_implementers(
        &self,
        id: &str,
        kinds: &[RelationType],
    ) -> Vec<(String, RelationType)> {
        let mut out: BTreeSet<(String, RelationType)> = BTreeSet::new();
        for e in self.incoming(id) {
            if let EdgeKind::Relation(r) = e.kind {
                if kinds.contains(&r) {
                    out.insert((e.source.to_owned(), r));
                }
            }
        }
        out.into_iter().collect()
    }

    /// The implementation chain(s) of a document, upward to the roots, every branch, over the
    /// given relations (usually [`IMPLEMENTATION`]); each document above it expanded once. Each
    /// link carries the number of documents asserting it ([`ChainLink::asserted_count`]);
    /// [`Graph::chain_with_asserters`] lists them too.
    pub fn chain(&self, id: &str, kinds: &[RelationType]) -> Option<Chain> {
        self.chain_walk(id, kinds, false)
    }

    /// [`Graph::chain`] with every link's asserting documents listed
    /// ([`ChainLink::asserted_by`]).
    pub fn chain_with_asserters(&self, id: &str, kinds: &[RelationType]) -> Option<Chain> {
        self.chain_walk(id, kinds, true)
    }

    fn chain_walk(&self, id: &str, kinds: &[RelationType], list: bool) -> Option<Chain> {
        // Walked by node index (no id lookups on the way up) and without recursion.
        let start = self.index_of(id)?;
        let mut links = Vec::new();
        let mut expanded: std::collections::HashSet<NodeIndex> =
            std::collections::HashSet::from([start]);
        // The path from the start to the node being expanded, and its set.
        let mut path: Vec<NodeIndex> = vec![start];
        let mut on_path: std::collections::HashSet<NodeIndex> =
            std::collections::HashSet::from([start]);
        // One frame per node on the path: the parents still to visit.
        let parents = |at| {
            if list {
                Parents::Listed(self.parent_groups(at, kinds).into_iter())
            } else {
                Parents::Counted(self.parent_slice(at).iter())
            }
        };
        let mut frames: Vec<Parents<'_>> = vec![parents(start)];
        while let Some(frame) = frames.last_mut() {
            let Some(group) = frame.next(kinds) else {
                frames.pop();
                if let Some(done) = path.pop() {
                    on_path.remove(&done);
                }
                continue;
            };
            let (target, relation, asserted_count) =
                (group.target, group.relation, group.count as usize);
            let asserted_by = if list {
                self.asserter_ids(&group.asserters)
            } else {
                Vec::new()
            };
            let from = path
                .last()
                .map(|&p| self.graph[p].id.clone())
                .unwrap_or_default();
            let cycle = on_path.contains(&target);
            let seen = !cycle && expanded.contains(&target);
            links.push(ChainLink {
                depth: frames.len(),
                from,
                relation,
                asserted_count,
                asserted_by,
                node: summary(&self.graph[target]),
                seen,
                cycle,
            });
            if !cycle && !seen {
                expanded.insert(target);
                path.push(target);
                on_path.insert(target);
                frames.push(parents(target));
            }
        }
        Some(Chain {
            node: summary(&self.graph[start]),
            links,
        })
    }

    /// The ids of interned asserting documents, in id order.
    fn asserter_ids(&self, asserters: &[u32]) -> Vec<String> {
        let mut ids: Vec<String> = asserters
            .iter()
            .map(|&a| self.asserters.get(a as usize).cloned().unwrap_or_default())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The parents of `at` through relations of any kind with their numbers of asserting
    /// documents (not listed), from the parent index.
    fn parent_slice(&self, at: NodeIndex) -> &[(NodeIndex, RelationType, u32)] {
        let index = self.parents.get_or_init(|| self.parent_index());
        let i = at.index();
        match (index.starts.get(i), index.starts.get(i + 1)) {
            (Some(&from), Some(&to)) => index.groups.get(from..to).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The parent index: every node's relation parents of any kind, grouped and counted as
    /// [`Graph::parent_groups`] groups them.
    fn parent_index(&self) -> ParentIndex {
        let bound = petgraph::visit::NodeIndexable::node_bound(&self.graph);
        let mut starts = Vec::with_capacity(bound + 1);
        let mut groups = Vec::new();
        for i in 0..bound {
            starts.push(groups.len());
            let at = NodeIndex::new(i);
            if self.graph.contains_node(at) {
                let own = self.parent_groups(at, RelationType::ALL);
                groups.extend(own.into_iter().map(|g| (g.target, g.relation, g.count)));
            }
        }
        starts.push(groups.len());
        groups.shrink_to_fit();
        ParentIndex { starts, groups }
    }

    /// The relation edges of the given kinds leaving `at`, grouped by (target, relation) with
    /// their distinct asserting documents; groups in (target id, relation) order. Sorted as
    /// integers: a link may rest on thousands of documents.
    fn parent_groups(&self, at: NodeIndex, kinds: &[RelationType]) -> Vec<ParentGroup> {
        let mut found: Vec<(NodeIndex, RelationType, u32)> = self
            .graph
            .edges_directed(at, petgraph::Direction::Outgoing)
            .filter_map(|e| match e.weight().kind {
                EdgeKind::Relation(r) if kinds.contains(&r) => {
                    Some((e.target(), r, e.weight().asserted_by))
                }
                _ => None,
            })
            .collect();
        found.sort_unstable();
        found.dedup();
        let mut out: Vec<ParentGroup> = Vec::new();
        for (target, relation, by) in found {
            match out.last_mut() {
                Some(g) if g.target == target && g.relation == relation => {
                    g.asserters.push(by);
                    g.count += 1;
                }
                _ => out.push(ParentGroup {
                    target,
                    relation,
                    count: 1,
                    asserters: vec![by],
                }),
            }
        }
        out.sort_by(|a, b| {
            (self.graph[a.target].id.as_str(), a.relation)
                .cmp(&(self.graph[b.target].id.as_str(), b.relation))
        });
        out
    }

    /// Everything that implements a document, directly or not, with depth (breadth first;
    /// each document once, at its smallest depth).
    pub fn implementers(&self, id: &str, kinds: &[RelationType]) -> Vec<Implementer> {
        use NodeIndex;
        let Some(start) = self.index_of(id) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut seen: std::collections::HashSet<NodeIndex> =
            std::collections::HashSet::from([start]);
        let mut queue: VecDeque<(NodeIndex, usize)> = VecDeque::from([(start, 0)]);
        while let Some((at, depth)) = queue.pop_front() {
            // Sources in id order, as the result is.
            let mut sources: Vec<(&str, RelationType, NodeIndex)> = self
                .graph
                .edges_directed(at, petgraph::Direction::Incoming)
                .filter_map(|e| match e.weight().kind {
                    EdgeKind::Relation(r) if kinds.contains(&r) => {
                        Some((self.graph[e.source()].id.as_str(), r, e.source()))
                    }
                    _ => None,
                })
                .collect();
            sources.sort_unstable();
            sources.dedup();
            for (_, relation, source) in sources {
                if !seen.insert(source) {
                    continue;
                }
                out.push(Implementer {
                    node: summary(&self.graph[source]),
                    depth: depth + 1,
                    relation,
                    of: self.graph[at].id.clone(),
                });
                queue.push_back((source, depth + 1));
            }
        }
        out.sort_by(|a, b| (a.depth, &a.node.id).cmp(&(b.depth, &b.node.id)));
        out
    }

    /// The shortest path of relation edges from `from` to `to` (directed), if any.
    pub fn path(&self, from: &str, to: &str) -> Option<Vec<PathStep>> {
        let all: Vec<RelationType> = crate::RELATIONS.to_vec();
        let mut prev: BTreeMap<String, (String, RelationType, Vec<String>)> = BTreeMap::new();
        let mut seen: BTreeSet<String> = BTreeSet::from([from.to_owned()]);
        let mut queue: VecDeque<String> = VecDeque::from([from.to_owned()]);
        while let Some(at) = queue.pop_front() {
            if at == to {
                let mut steps = Vec::new();
                let mut cur = to.to_owned();
                while let Some((p, r, by)) = prev.get(&cur) {
                    steps.push(PathStep {
                        from: p.clone(),
                        to: cur.clone(),
                        relation: *r,
                        asserted_by: by.clone(),
                    });
                    cur = p.clone();
                }
                steps.reverse();
                return Some(steps);
            }
            for (target, relation, by) in self.up(&at, &all) {
                if seen.insert(target.clone()) {
                    prev.insert(target.clone(), (at.clone(), relation, by));
                    queue.push_back(target);
                }
            }
        }
        None
    }

    /// Tasks of the agencies whose name contains `name` (any case, either tone placement),
    /// across the corpus.
    pub fn agency(&self, name: &str) -> Vec<AgencyTasks> {
        let want = fold_name(&vanban_text::squash_spaces(name));
        self.nodes()
            .filter(|n| n.kind == NodeKind::Agency && fold_name(&n.label()).contains(&want))
            .map(|n| self.agency_tasks(&n.id))
            .filter(|a| !a.tasks.is_empty())
            .collect()
    }

    /// The tasks of one agency node, sorted by document, element and role.
    pub fn agency_tasks(&self, id: &str) -> AgencyTasks {
        let mut tasks = Vec::new();
        for e in self.incoming(id) {
            let role = match e.kind {
                EdgeKind::Lead => AgencyRole::Lead,
                EdgeKind::Cooperating => AgencyRole::Cooperating,
                EdgeKind::Responsible => AgencyRole::Responsible,
                _ => continue,
            };
            let Some(t) = self.node(e.source).and_then(|t| t.task.as_ref()) else {
                continue;
            };
            tasks.push(TaskRef {
                role,
                task: e.source.to_owned(),
                document: t.document.to_string(),
                node: t.node.to_string(),
                text: t.text.clone(),
                deadline: t.deadline.as_deref().cloned(),
            });
        }
        tasks.sort_by(|a, b| (&a.document, &a.node, a.role).cmp(&(&b.document, &b.node, b.role)));
        let agency = self.summary_of(id).unwrap_or_else(|| NodeSummary {
            id: id.to_owned(),
            label: id.into(),
            kind: NodeKind::Agency,
            document_kind: None,
            number: None,
            date: None,
            issuer: None,
            parsed: None,
        });
        AgencyTasks { agency, tasks }
    }

    /// Documents cited but never parsed, most cited first.
    pub fn orphans(&self) -> Vec<Orphan> {
        let mut out: Vec<Orphan> = self
            .nodes()
            .filter(|n| n.document.as_ref().is_some_and(|d| !d.parsed))
            .filter_map(|n| {
                let cited_by: BTreeSet<String> = self
                    .incoming(&n.id)
                    .iter()
                    .filter(|e| matches!(e.kind, EdgeKind::Relation(_)))
                    .map(|e| e.asserted_by.to_owned())
                    .chain(
                        n.document
                            .iter()
                            .flat_map(|d| d.claims.iter().map(|c| c.asserted_by.to_string())),
                    )
                    .collect();
                Some(Orphan {
                    node: self.summary_of(&n.id)?,
                    cited_by: cited_by.into_iter().collect(),
                })
            })
            .collect();
        out.sort_by(|a, b| {
            b.cited_by
                .len()
                .cmp(&a.cited_by.len())
                .then_with(|| a.node.id.cmp(&b.node.id))
        });
        out
    }

    /// Documents of the given kinds (directives by default in the CLI) that nothing in the
    /// corpus implements; `issuer` filters by a part of the issuer's name.
    pub fn unimplemented(&self, kinds: &[DocumentKind], issuer: Option<&str>) -> Vec<NodeSummary> {
        let want = issuer.map(|i| fold_name(i.trim()));
        self.nodes()
            .filter(|n| {
                let Some(d) = &n.document else {
                    return false;
                };
                if !kinds.contains(&d.kind) {
                    return false;
                }
                if let Some(w) = &want {
                    if !d
                        .issuer
                        .as_deref()
                        .is_some_and(|i| fold_name(i).contains(w.as_str()))
                    {
                        return false;
                    }
                }
                self.direct_implementers(&n.id, IMPLEMENTATION).is_empty()
            })
            .filter_map(|n| self.summary_of(&n.id))
            .collect()
    }

    /// Counts, edges by type, the most cited documents.
    pub fn summary(&self, top: usize) -> Summary {
        let mut parsed = 0;
        let mut stubs = 0;
        let mut agencies = 0;
        let mut tasks = 0;
        for n in self.nodes() {
            match (n.kind, n.document.as_ref().map(|d| d.parsed)) {
                (NodeKind::Document, Some(true)) => parsed += 1,
                (NodeKind::Document, _) => stubs += 1,
                (NodeKind::Agency, _) => agencies += 1,
                (NodeKind::Task, _) => tasks += 1,
            }
        }
        // Counted on the stored edges: no sorted list of views (80 bytes an edge) is made.
        let mut by_kind: BTreeMap<&'static str, usize> = BTreeMap::new();
        for e in self.graph.edge_weights() {
            *by_kind.entry(e.kind.as_str()).or_default() += 1;
        }
        let edges: BTreeMap<String, usize> = by_kind
            .into_iter()
            .map(|(k, n)| (k.to_owned(), n))
            .collect();
        let mut cited: Vec<(NodeSummary, usize)> = self
            .nodes()
            .filter(|n| n.kind == NodeKind::Document)
            .filter_map(|n| {
                let by: BTreeSet<&str> = self
                    .incoming(&n.id)
                    .into_iter()
                    .filter(|e| matches!(e.kind, EdgeKind::Relation(_)))
                    .map(|e| e.asserted_by)
                    .filter(|a| *a != n.id)
                    .collect();
                (!by.is_empty()).then(|| (self.summary_of(&n.id), by.len()))
            })
            .filter_map(|(s, c)| s.map(|s| (s, c)))
            .collect();
        cited.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.id.cmp(&b.0.id)));
        cited.truncate(top);
        let mut diagnostics: BTreeMap<String, usize> = BTreeMap::new();
        for d in self.diagnostics() {
            *diagnostics.entry(d.code.clone()).or_default() += 1;
        }
        Summary {
            documents_parsed: parsed,
            stubs,
            agencies,
            tasks,
            edges,
            most_cited: cited,
            diagnostics,
        }
    }
}
