//! Drawing a laid-out picture: edges (implementation bold, `cites` dotted, an edge that skips
//! layers bent aside), then the boxes (parsed documents filled, stubs dashed).

use std::fmt::Write as _;

use vanban_graph::IMPLEMENTATION;

use super::layout::{Box_, Layout, FONT, LINE_H, PAD};
use crate::xml_inline as xml;

/// The SVG of a layout.
pub(super) fn draw(l: &Layout<'_>) -> String {
    let (width, height) = (l.width, l.height);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"{FONT}\">"
    );
    s.push_str("  <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#444\"/></marker></defs>\n");
    s.push_str("  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    for ((src, dst), kinds) in &l.edges {
        let (Some(a), Some(b)) = (l.boxes.get(src), l.boxes.get(dst)) else {
            continue;
        };
        // An edge that skips layers bends aside so it does not run behind the boxes between.
        let span = l
            .layer
            .get(src)
            .copied()
            .unwrap_or(0)
            .abs_diff(l.layer.get(dst).copied().unwrap_or(0));
        edge(&mut s, a, b, kinds, span, (src, dst));
    }
    for b in l.boxes.values() {
        document(&mut s, b);
    }
    s.push_str("</svg>\n");
    s
}

/// One edge from box `a` to box `b`, labelled with its types.
fn edge(
    s: &mut String,
    a: &Box_,
    b: &Box_,
    kinds: &std::collections::BTreeSet<&'static str>,
    span: usize,
    (src, dst): (&str, &str),
) {
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
    let implementing = IMPLEMENTATION.iter().any(|r| kinds.contains(r.as_str()));
    let style = if implementing {
        "stroke=\"#222\" stroke-width=\"2\""
    } else if kinds.len() == 1 && kinds.contains("cites") {
        "stroke=\"#888\" stroke-dasharray=\"2 3\""
    } else {
        "stroke=\"#555\""
    };
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

/// One document's box and its lines, the first in bold.
fn document(s: &mut String, b: &Box_) {
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
