//! An SVG picture of documents and the relations between them, laid out in layers without
//! Graphviz: a document sits one layer below everything it implements, cites or is based on;
//! the order within a layer follows the barycentre of its neighbours; edges are straight,
//! with their type written on them. Meant for a chain or a small graph a person opens in a
//! browser.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::{EdgeKind, Graph, NodeKind};

const FONT: f64 = 12.0;
const CHAR_W: f64 = 6.8;
const LINE_H: f64 = 15.0;
const PAD: f64 = 8.0;
const GAP_X: f64 = 28.0;
const GAP_Y: f64 = 70.0;
const MARGIN: f64 = 20.0;

struct Box_ {
    id: String,
    lines: Vec<String>,
    parsed: bool,
    w: f64,
    h: f64,
    x: f64,
    y: f64,
}

fn xml(s: &str) -> String {
    vanban_syntax::text::escape_xml(s, vanban_syntax::text::XmlSpace::Space)
}

/// Draw the documents `ids` (all documents when `None`) and the relations among them.
pub fn svg(g: &Graph, ids: Option<&BTreeSet<String>>) -> String {
    let docs: Vec<&crate::Node> = g
        .nodes()
        .filter(|n| n.kind == NodeKind::Document)
        .filter(|n| ids.is_none_or(|s| s.contains(&n.id)))
        .collect();
    let keep: BTreeSet<&str> = docs.iter().map(|n| n.id.as_str()).collect();
    // Edges between drawn documents, one per (source, target), types joined.
    let mut edges: BTreeMap<(&str, &str), BTreeSet<&'static str>> = BTreeMap::new();
    for e in g.edges() {
        if let EdgeKind::Relation(r) = e.kind {
            if keep.contains(e.source.as_str())
                && keep.contains(e.target.as_str())
                && e.source != e.target
            {
                edges
                    .entry((e.source.as_str(), e.target.as_str()))
                    .or_default()
                    .insert(r.as_str());
            }
        }
    }
    // Layers: a document one below the highest layer of what it points to (cycles broken
    // by ignoring edges back onto the current path).
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
    for n in &keep {
        depth(n, &out_of, &mut layer, &mut Vec::new());
    }
    let layers = layer.values().copied().max().map_or(0, |m| m + 1);
    let mut rows: Vec<Vec<&str>> = vec![Vec::new(); layers.max(1)];
    for n in &keep {
        rows[layer.get(n).copied().unwrap_or(0)].push(n);
    }
    // Order within layers: a few barycentre sweeps over the neighbours in the layer above.
    let neighbours = |n: &str| -> Vec<&str> {
        edges
            .keys()
            .filter_map(|(s, t)| {
                if *s == n {
                    Some(*t)
                } else if *t == n {
                    Some(*s)
                } else {
                    None
                }
            })
            .collect()
    };
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
    // Boxes.
    let mut boxes: BTreeMap<&str, Box_> = BTreeMap::new();
    for n in &docs {
        let d = n.document.as_ref();
        let mut lines = vec![n.label.clone()];
        if let Some(d) = d {
            let mut second = vec![d.kind.name_vi().to_owned()];
            if let Some(date) = &d.date {
                second.push(date.clone());
            }
            lines.push(second.join(" · "));
            if let Some(i) = &d.issuer {
                lines.push(crate::short_text(i, 42));
            }
        }
        let w =
            lines.iter().map(|l| l.chars().count()).max().unwrap_or(4) as f64 * CHAR_W + 2.0 * PAD;
        let h = lines.len() as f64 * LINE_H + 2.0 * PAD - 4.0;
        boxes.insert(
            n.id.as_str(),
            Box_ {
                id: n.id.clone(),
                lines,
                parsed: d.is_some_and(|d| d.parsed),
                w,
                h,
                x: 0.0,
                y: 0.0,
            },
        );
    }
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
        let mut x = (width - row_w[k]) / 2.0;
        for n in r {
            if let Some(b) = boxes.get_mut(n) {
                b.x = x;
                b.y = y + (row_h[k] - b.h) / 2.0;
                x += b.w + GAP_X;
            }
        }
        y += row_h[k] + GAP_Y;
    }
    let height = y - GAP_Y + MARGIN;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"{FONT}\">"
    );
    s.push_str("  <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#444\"/></marker></defs>\n");
    s.push_str("  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    for ((src, dst), kinds) in &edges {
        let (Some(a), Some(b)) = (boxes.get(src), boxes.get(dst)) else {
            continue;
        };
        // From the top of the lower box to the bottom of the upper one (or sideways).
        let (x1, y1, x2, y2) = if a.y > b.y {
            (a.x + a.w / 2.0, a.y, b.x + b.w / 2.0, b.y + b.h)
        } else if a.y < b.y {
            (a.x + a.w / 2.0, a.y + a.h, b.x + b.w / 2.0, b.y)
        } else if a.x < b.x {
            (a.x + a.w, a.y + a.h / 2.0, b.x, b.y + b.h / 2.0)
        } else {
            (a.x, a.y + a.h / 2.0, b.x + b.w, b.y + b.h / 2.0)
        };
        let label = kinds.iter().copied().collect::<Vec<_>>().join(", ");
        let implementing = kinds.iter().any(|k| {
            matches!(
                *k,
                "implements" | "continues_implementing" | "details" | "guides"
            )
        });
        let style = if implementing {
            "stroke=\"#222\" stroke-width=\"2\""
        } else if kinds.len() == 1 && kinds.contains("cites") {
            "stroke=\"#888\" stroke-dasharray=\"2 3\""
        } else {
            "stroke=\"#555\""
        };
        // An edge that skips layers bends aside so it does not run behind the boxes between.
        let span = layer
            .get(src)
            .copied()
            .unwrap_or(0)
            .abs_diff(layer.get(dst).copied().unwrap_or(0));
        let (path, lx, ly) = if span > 1 {
            let cx = x1.max(x2) + 140.0 + 60.0 * span as f64;
            let cy = (y1 + y2) / 2.0;
            (
                format!("M {x1:.1} {y1:.1} Q {cx:.1} {cy:.1} {x2:.1} {y2:.1}"),
                (x1 + x2) / 4.0 + cx / 2.0,
                cy,
            )
        } else {
            (
                format!("M {x1:.1} {y1:.1} L {x2:.1} {y2:.1}"),
                (x1 + x2) / 2.0 + 4.0,
                (y1 + y2) / 2.0,
            )
        };
        let _ = writeln!(
            s,
            "  <g class=\"edge\"><path d=\"{path}\" fill=\"none\" {style} marker-end=\"url(#arrow)\"/><text x=\"{lx:.1}\" y=\"{ly:.1}\" font-size=\"10\" fill=\"#333\" text-anchor=\"middle\">{}</text><title>{} → {}</title></g>",
            xml(&label),
            xml(src),
            xml(dst)
        );
    }
    for b in boxes.values() {
        let (fill, dash) = if b.parsed {
            ("#dbe9f6", "")
        } else {
            ("#ffffff", " stroke-dasharray=\"4 3\"")
        };
        let _ = write!(
            s,
            "  <g class=\"node\"><title>{}</title><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"6\" fill=\"{fill}\" stroke=\"#345\"{dash}/>",
            xml(&b.id),
            b.x,
            b.y,
            b.w,
            b.h
        );
        for (i, l) in b.lines.iter().enumerate() {
            let weight = if i == 0 { " font-weight=\"bold\"" } else { "" };
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\"{weight}>{}</text>",
                b.x + b.w / 2.0,
                b.y + PAD + FONT + i as f64 * LINE_H - 2.0,
                xml(l)
            );
        }
        s.push_str("</g>\n");
    }
    s.push_str("</svg>\n");
    s
}
