//! An index of a document's numbered units, built once per document, so that resolving a
//! unit reference ("khoản 2 Điều 5", "Điều này") costs a few binary searches instead of a walk
//! of the whole body per reference (a document of 30 000 paragraphs that each say "xem Điều 2"
//! took quadratic time before).

use vanban_text::{HashMap, HashMapExt};

use vanban_model::{Document, Node, NodeKind};

/// One node in pre-order.
struct Entry<'a> {
    node: &'a Node,
    /// Index one past the last node of its subtree.
    end: usize,
    parent: Option<usize>,
}

/// Numbered units of the body and of each appendix, in pre-order.
pub(crate) struct UnitIndex<'a> {
    entries: Vec<Entry<'a>>,
    /// (kind, lower-case number) → entries, ascending.
    by_number: HashMap<(NodeKind, String), Vec<usize>>,
    /// A node's entry, by address.
    entry_of: HashMap<*const Node, usize>,
    /// Entry ranges of the body and of each appendix (with the appendix's span).
    body: (usize, usize),
    appendices: Vec<(usize, usize, usize, usize)>,
}

/// A set of nodes to search below: entry ranges.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Scope(Vec<(usize, usize)>);

impl<'a> UnitIndex<'a> {
    pub(crate) fn new(doc: &'a Document) -> UnitIndex<'a> {
        let mut index = UnitIndex {
            entries: Vec::new(),
            by_number: HashMap::new(),
            entry_of: HashMap::new(),
            body: (0, 0),
            appendices: Vec::new(),
        };
        index.add_all(&doc.body);
        index.body = (0, index.entries.len());
        for a in &doc.appendices {
            let start = index.entries.len();
            index.add_all(&a.children);
            index
                .appendices
                .push((a.span.start, a.span.end, start, index.entries.len()));
        }
        index
    }

    /// Add nodes and their descendants in pre-order, without recursion.
    fn add_all(&mut self, roots: &'a [Node]) {
        // (node, parent entry); children pushed in reverse to come out in order.
        let mut stack: Vec<(&'a Node, Option<usize>)> =
            roots.iter().rev().map(|n| (n, None)).collect();
        // Entries whose subtree is still open, innermost last.
        let mut open: Vec<usize> = Vec::new();
        while let Some((node, parent)) = stack.pop() {
            let me = self.entries.len();
            // Close subtrees that are not ancestors of this node.
            while let Some(&top) = open.last() {
                if Some(top) == parent {
                    break;
                }
                self.entries[top].end = me;
                open.pop();
            }
            self.entries.push(Entry {
                node,
                end: me + 1,
                parent,
            });
            open.push(me);
            self.entry_of.insert(std::ptr::from_ref(node), me);
            if let Some(n) = node.number() {
                self.by_number
                    .entry((node.kind, n.to_lowercase()))
                    .or_default()
                    .push(me);
            }
            stack.extend(node.children.iter().rev().map(|c| (c, Some(me))));
        }
        let end = self.entries.len();
        for top in open {
            self.entries[top].end = end;
        }
    }

    /// The nodes holding `pos`, outermost first (in the body, else in the appendix holding it).
    pub(crate) fn ancestors(&self, pos: usize) -> Vec<&'a Node> {
        let range = match self.appendix_at(pos) {
            Some(a) => (a.2, a.3),
            None => self.body,
        };
        let slice = &self.entries[range.0..range.1];
        // The last node starting at or before `pos`, then up to the first that holds it.
        let i = slice.partition_point(|e| e.node.span.start <= pos);
        let mut at = (i > 0).then(|| range.0 + i - 1);
        while let Some(k) = at {
            let n = self.entries[k].node;
            if n.span.start <= pos && pos < n.span.end {
                break;
            }
            at = self.entries[k].parent;
        }
        let mut out = Vec::new();
        while let Some(k) = at {
            out.push(self.entries[k].node);
            at = self.entries[k].parent;
        }
        out.reverse();
        out
    }

    fn appendix_at(&self, pos: usize) -> Option<&(usize, usize, usize, usize)> {
        self.appendices
            .iter()
            .find(|&&(s, e, _, _)| s <= pos && pos < e)
    }

    /// The top-level scope of the region holding `pos`: the appendix's units or the body.
    pub(crate) fn region(&self, pos: usize) -> Scope {
        Scope(vec![match self.appendix_at(pos) {
            Some(a) => (a.2, a.3),
            None => self.body,
        }])
    }

    /// The scope below one node (the node included, as a walk from it would).
    pub(crate) fn below(&self, node: &Node) -> Scope {
        let k = self.entry_of.get(&std::ptr::from_ref(node)).copied();
        Scope(k.map(|k| (k, self.entries[k].end)).into_iter().collect())
    }

    /// The scope below several nodes.
    pub(crate) fn below_all(&self, nodes: &[&Node]) -> Scope {
        Scope(nodes.iter().flat_map(|n| self.below(n).0).collect())
    }

    /// The first node (in scope order, then pre-order) of one of `kinds` numbered `number`.
    pub(crate) fn first_numbered(
        &self,
        scope: &Scope,
        kinds: &[NodeKind],
        number: &str,
    ) -> Option<&'a Node> {
        let want = number.to_lowercase();
        for &(lo, hi) in &scope.0 {
            let best = kinds
                .iter()
                .filter_map(|k| self.by_number.get(&(*k, want.clone())))
                .filter_map(|list| {
                    let i = list.partition_point(|&e| e < lo);
                    list.get(i).copied().filter(|&e| e < hi)
                })
                .min();
            if let Some(e) = best {
                return Some(self.entries[e].node);
            }
        }
        None
    }
}
