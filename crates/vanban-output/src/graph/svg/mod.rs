//! An SVG picture of documents and the relations between them, laid out in layers without
//! Graphviz: a document sits one layer below everything it implements, cites or is based on;
//! the order within a layer follows the barycentre of its neighbours; edges are straight,
//! with their type written on them. Meant for a chain or a small graph a person opens in a
//! browser.

mod draw;
mod layout;

use std::collections::BTreeSet;

use vanban_graph::Graph;

/// Draw the documents `ids` (all documents when `None`) and the relations among them.
pub fn svg(g: &Graph, ids: Option<&BTreeSet<String>>) -> String {
    draw::draw(&layout::layout(g, ids))
}
