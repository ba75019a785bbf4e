//! One node of the body hierarchy (Phần … Điểm, or I. / 1. / a) / - / +).

use serde::{Deserialize, Serialize};

use crate::{NodeKind, Span, Str, ThinVec};

/// A unit of the hierarchy: a Điều, a khoản, a plan's "II.", a "-" bullet, an unmarked
/// paragraph …
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Node {
    /// Stable element id in Akoma Ntoso style, e.g. `sec_II__item_4__point_đ` (README).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub id: Str,
    /// What kind of unit it is.
    pub kind: NodeKind,
    /// The marker as written, e.g. "đ)", "II.", "Điều 5.", "-".
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub marker: Option<Str>,
    /// The normalised number, e.g. "đ", "II", "5", "1.2"; `None` for bullets and paragraphs.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub number: Option<Str>,
    /// Heading (title of a Chương, Điều, or a plan's section).
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub heading: Option<Str>,
    /// The node's own text, markup removed and hard line wraps joined; children excluded.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub text: Str,
    /// Where it is: from its first line to the start of the next node, children included.
    pub span: Span,
    /// Cells of a table row (`kind` = `row`), markup removed.
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub cells: ThinVec<Str>,
    /// Nested units.
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<Node>"))]
    pub children: ThinVec<Node>,
}

impl Node {
    /// This node and all its descendants, in pre-order.
    pub fn walk(&self) -> impl Iterator<Item = &Node> {
        let mut stack = vec![self];
        std::iter::from_fn(move || {
            let node = stack.pop()?;
            stack.extend(node.children.iter().rev());
            Some(node)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document holds nodes by the hundred thousand (a million one-line bullets is one of the
    /// attacks on the parser): a field added to `Node` must not quietly make every one larger.
    #[test]
    fn a_node_stays_small() {
        assert!(
            std::mem::size_of::<Node>() <= 168,
            "{}",
            std::mem::size_of::<Node>()
        );
    }
}
