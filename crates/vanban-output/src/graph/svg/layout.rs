//! Where everything goes: a document one layer below everything it points to, the order in a
//! layer from the barycentre of the neighbours in the layer above, boxes sized to their lines.

use std::collections::{BTreeMap, BTreeSet};

use vanban_graph::{Edge, EdgeKind, Graph, Node, NodeKind};

pub(super) const FONT: f64 = 12.0;
const CHAR_W: f64 = 6.8;
pub(super) const LINE_H: f64 = 15.0;
pub(super) const PAD: f64 = 8.0;
const GAP_X: f64 = 28.0;
const GAP_Y: f64 = 70.0;
const MARGIN: f64 = 20.0;
/// A layer wider than this wraps onto further rows (a whole corpus stays readable: the
/// bundled one is about 2 400 px wide instead of 100 000).
const MAX_ROW_W: f64 = 2400.0;
/// The gap between the rows of one wrapped layer.
const GAP_WRAP: f64 = 24.0;

/// A document's box.
pub(super) struct Box_ {
    pub(super) id: String,
    pub(super) lines: Vec<String>,
    pub(super) parsed: bool,
    pub(super) w: f64,
    pub(super) h: f64,
    pub(super) x: f64,
    pub(super) y: f64,
}

/// The picture laid out.
pub(super) struct Layout<'a> {
    /// Edges between drawn documents, one per (source, target), their types.
    pub(super) edges: BTreeMap<(&'a str, &'a str), BTreeSet<&'static str>>,
    /// The layer of each document: 0 for those that point to nothing (drawn at the top).
    pub(super) layer: BTreeMap<&'a str, usize>,
    /// The boxes, by id.
    pub(super) boxes: BTreeMap<&'a str, Box_>,
    pub(super) width: f64,
    pub(super) height: f64,
}

/// Lay out the documents `ids` (all documents when `None`) and the relations among them.
pub(super) fn layout<'a>(g: &'a Graph, ids: Option<&BTreeSet<String>>) -> Layout<'a> {
    // A chain's picture looks up its documents and their edges: the report draws one for
    // every chain, and scanning the whole graph for each was quadratic in the corpus.
    let docs: Vec<&Node> = match ids {
        Some(ids) => ids
            .iter()
            .filter_map(|id| g.node(id).filter(|n| n.id == *id))
            .filter(|n| n.kind == NodeKind::Document)
            .collect(),
        None => g.nodes().filter(|n| n.kind == NodeKind::Document).collect(),
    };
    let keep: BTreeSet<&str> = docs.iter().map(|n| n.id.as_str()).collect();
    let edges = match ids {
        Some(_) => relation_edges(keep.iter().flat_map(|id| g.outgoing(id)), &keep),
        None => relation_edges(g.edges(), &keep),
    };
    let layer = layers(&keep, &edges);
    let rows = ordered_rows(&keep, &edges, &layer);
    let mut boxes: BTreeMap<&str, Box_> = docs.iter().map(|n| (n.id.as_str(), sized(n))).collect();
    let (width, height) = place(&rows, &mut boxes);
    Layout {
        edges,
        layer,
        boxes,
        width,
        height,
    }
}

/// Edges between drawn documents, one per (source, target), types joined, from `all` (every
/// edge of the graph, or those leaving the drawn documents).
fn relation_edges<'a>(
    all: impl IntoIterator<Item = Edge<'a>>,
    keep: &BTreeSet<&str>,
) -> BTreeMap<(&'a str, &'a str), BTreeSet<&'static str>> {
    let mut edges: BTreeMap<(&str, &str), BTreeSet<&'static str>> = BTreeMap::new();
    for e in all {
        if let EdgeKind::Relation(r) = e.kind {
            if keep.contains(e.source) && keep.contains(e.target) && e.source != e.target {
                edges
                    .entry((e.source, e.target))
                    .or_default()
                    .insert(r.as_str());
            }
        }
    }
    edges
}

/// Layers: a document one below the highest layer of what it points to (cycles broken by
/// ignoring edges back onto the current path).
fn layers<'a>(
    keep: &BTreeSet<&'a str>,
    edges: &BTreeMap<(&'a str, &'a str), BTreeSet<&'static str>>,
) -> BTreeMap<&'a str, usize> {
    let out_of: BTreeMap<&str, Vec<&str>> = edges.keys().fold(BTreeMap::new(), |mut m, (s, t)| {
        m.entry(*s).or_insert_with(Vec::new).push(*t);
        m
    });
    let mut layer: BTreeMap<&str, usize> = BTreeMap::new();
    fn depth<'a>(
        n: &'a str,
        out_of: &BTreeMap<&'a str, Vec<&'a str>>,
        layer: &mut BTreeMap<&'a str, usize>,
        path: &mut Vec<&'a str>,
    ) -> usize {
        if let Some(&l) = layer.get(n) {
            return l;
        }
        if path.contains(&n) || path.len() > 200 {
            return 0;
        }
        path.push(n);
        let mut l = 0;
        for t in out_of.get(n).map(Vec::as_slice).unwrap_or(&[]) {
            if !path.contains(t) {
                l = l.max(depth(t, out_of, layer, path) + 1);
            }
        }
        path.pop();
        layer.insert(n, l);
        l
    }
    for n in keep {
        depth(n, &out_of, &mut layer, &mut Vec::new());
    }
    layer
}

/// The documents of each layer, ordered by a few barycentre sweeps over the neighbours in
/// the layer above.
fn ordered_rows<'a>(
    keep: &BTreeSet<&'a str>,
    edges: &BTreeMap<(&'a str, &'a str), BTreeSet<&'static str>>,
    layer: &BTreeMap<&'a str, usize>,
) -> Vec<Vec<&'a str>> {
    let layers = layer.values().copied().max().map_or(0, |m| m + 1);
    let mut rows: Vec<Vec<&str>> = vec![Vec::new(); layers.max(1)];
    for n in keep {
        rows[layer.get(n).copied().unwrap_or(0)].push(n);
    }
    // Each document's neighbours, once for every edge that touches it (a self-loop once):
    // looked up, not found by scanning every edge for every document (quadratic in a
    // corpus of thousands).
    let mut adjacent: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for &(s, t) in edges.keys() {
        adjacent.entry(s).or_default().push(t);
        if s != t {
            adjacent.entry(t).or_default().push(s);
        }
    }
    let neighbours = |n: &str| -> &[&str] { adjacent.get(n).map_or(&[], Vec::as_slice) };
    for _ in 0..4 {
        for k in 1..rows.len() {
            let pos: BTreeMap<&str, usize> = rows[k - 1]
                .iter()
                .enumerate()
                .map(|(i, n)| (*n, i))
                .collect();
            let mut keyed: Vec<(f64, &str)> = rows[k]
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    let ps: Vec<usize> = neighbours(n)
                        .iter()
                        .filter_map(|m| pos.get(m).copied())
                        .collect();
                    let bary = if ps.is_empty() {
                        i as f64
                    } else {
                        ps.iter().sum::<usize>() as f64 / ps.len() as f64
                    };
                    (bary, *n)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(b.1)));
            rows[k] = keyed.into_iter().map(|(_, n)| n).collect();
        }
    }
    rows
}

/// A document's box, sized to its lines: label, type and date, issuer.
fn sized(n: &Node) -> Box_ {
    let d = n.document.as_ref();
    let mut lines = vec![n.label().into_owned()];
    if let Some(d) = d {
        let mut second = vec![d.kind.name_vi().to_owned()];
        if let Some(date) = &d.date {
            second.push(date.clone());
        }
        lines.push(second.join(" · "));
        if let Some(i) = &d.issuer {
            lines.push(vanban_graph::short_text(i, 42));
        }
    }
    let w = lines.iter().map(|l| l.chars().count()).max().unwrap_or(4) as f64 * CHAR_W + 2.0 * PAD;
    let h = lines.len() as f64 * LINE_H + 2.0 * PAD - 4.0;
    Box_ {
        id: n.id.clone(),
        lines,
        parsed: d.is_some_and(|d| d.parsed),
        w,
        h,
        x: 0.0,
        y: 0.0,
    }
}

/// Split each layer wider than [`MAX_ROW_W`] into rows that fit, in the layer's order; each
/// row with whether it continues the layer of the row before.
fn wrap<'a>(layers: &[Vec<&'a str>], boxes: &BTreeMap<&'a str, Box_>) -> Vec<(Vec<&'a str>, bool)> {
    let mut out = Vec::new();
    for layer in layers {
        let mut row: Vec<&str> = Vec::new();
        let mut w = 0.0;
        let mut continues = false;
        for n in layer {
            let bw = boxes.get(n).map_or(0.0, |b| b.w);
            if !row.is_empty() && w + GAP_X + bw > MAX_ROW_W {
                out.push((std::mem::take(&mut row), continues));
                continues = true;
                w = 0.0;
            }
            w += if row.is_empty() { bw } else { GAP_X + bw };
            row.push(n);
        }
        out.push((row, continues));
    }
    out
}

/// Place the boxes row by row (a wide layer wrapped onto several), each row centred; the
/// width and height of the picture.
fn place<'a>(layers: &[Vec<&'a str>], boxes: &mut BTreeMap<&'a str, Box_>) -> (f64, f64) {
    let wrapped = wrap(layers, boxes);
    let rows: Vec<&Vec<&str>> = wrapped.iter().map(|(r, _)| r).collect();
    let row_h: Vec<f64> = rows
        .iter()
        .map(|r| {
            r.iter()
                .filter_map(|n| boxes.get(n))
                .map(|b| b.h)
                .fold(0.0, f64::max)
        })
        .collect();
    let row_w: Vec<f64> = rows
        .iter()
        .map(|r| {
            r.iter()
                .filter_map(|n| boxes.get(n))
                .map(|b| b.w + GAP_X)
                .sum::<f64>()
                - GAP_X
        })
        .collect();
    let width = row_w.iter().copied().fold(0.0, f64::max).max(100.0) + 2.0 * MARGIN + 260.0;
    let mut y = MARGIN;
    for (k, r) in rows.iter().enumerate() {
        if k > 0 {
            y += if wrapped[k].1 { GAP_WRAP } else { GAP_Y };
        }
        let mut x = (width - row_w[k]) / 2.0;
        for n in r.iter() {
            if let Some(b) = boxes.get_mut(n) {
                b.x = x;
                b.y = y + (row_h[k] - b.h) / 2.0;
                x += b.w + GAP_X;
            }
        }
        y += row_h[k];
    }
    let height = y + MARGIN;
    (width, height)
}
