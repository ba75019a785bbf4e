//! One node of the body hierarchy (Phần … Điểm, or I. / 1. / a) / - / +).

use serde::{Deserialize, Serialize, Serializer};

use crate::{NodeKind, Span, Str, ThinVec};

/// A unit of the hierarchy: a Điều, a khoản, a plan's "II.", a "-" bullet, an unmarked
/// paragraph …
///
/// Its strings — id, marker, number, heading and text — are read with the methods of the same
/// names and set with `set_…`: they share one buffer, inline when together they are short (a
/// million one-line bullets cost no allocation for them), so that a node is 88 bytes.
/// Together they hold at most 4 GiB (`u32` offsets); beyond, the last parts are cut.
/// It serialises as an object with all nine fields (`cells` and `children` left out when
/// empty), and deserialises from one.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "NodeFields")]
pub struct Node {
    /// What kind of unit it is.
    pub kind: NodeKind,
    /// Where it is: from its first line to the start of the next node, children included.
    pub span: Span,
    /// Cells of a table row (`kind` = `row`), markup removed.
    pub cells: ThinVec<Str>,
    /// Nested units.
    pub children: ThinVec<Node>,
    // The five strings one after the other: marker, number, heading, text, id (last, as it is
    // set last, when the node's siblings are known: it is then written in place).
    packed: Str,
    // Where the first four end in `packed` (the id runs to its end).
    ends: [u32; 4],
    // Which of marker, number and heading are present (bits 0, 1, 2).
    present: u8,
}

// The parts of `packed`, in order.
const MARKER: usize = 0;
const NUMBER: usize = 1;
const HEADING: usize = 2;
const TEXT: usize = 3;
const ID: usize = 4;

/// Room kept for the id when a node's strings are on the heap (it is written after them).
const ID_ROOM: usize = 32;

/// The most bytes a `Str` keeps inline.
const INLINE: usize = std::mem::size_of::<Str>();

/// The strings of a node, for [`Node::from_parts`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Parts<'a> {
    /// The id (see [`Node::id`]).
    pub id: &'a str,
    /// The marker as written.
    pub marker: Option<&'a str>,
    /// The normalised number.
    pub number: Option<&'a str>,
    /// The heading.
    pub heading: Option<&'a str>,
    /// The text.
    pub text: &'a str,
}

impl Node {
    /// A node of this kind and span, with an empty id and text and no marker, number, heading,
    /// cells or children.
    pub fn new(kind: NodeKind, span: Span) -> Node {
        Node {
            kind,
            span,
            cells: ThinVec::new(),
            children: ThinVec::new(),
            packed: Str::default(),
            ends: [0; 4],
            present: 0,
        }
    }

    /// A node of this kind and span with these strings (one buffer built once).
    pub fn from_parts(kind: NodeKind, span: Span, parts: Parts<'_>) -> Node {
        let mut node = Node::new(kind, span);
        node.fill(
            [
                parts.marker.unwrap_or_default(),
                parts.number.unwrap_or_default(),
                parts.heading.unwrap_or_default(),
                parts.text,
                parts.id,
            ],
            [parts.marker, parts.number, parts.heading].map(|p| p.is_some()),
        );
        node
    }

    /// Stable element id in Akoma Ntoso style, e.g. `sec_II__item_4__point_đ` (README).
    pub fn id(&self) -> &str {
        self.part(ID)
    }

    /// The marker as written, e.g. "đ)", "II.", "Điều 5.", "-".
    pub fn marker(&self) -> Option<&str> {
        self.optional(MARKER)
    }

    /// The normalised number, e.g. "đ", "II", "5", "1.2"; `None` for bullets and paragraphs.
    pub fn number(&self) -> Option<&str> {
        self.optional(NUMBER)
    }

    /// Heading (title of a Chương, Điều, or a plan's section).
    pub fn heading(&self) -> Option<&str> {
        self.optional(HEADING)
    }

    /// The node's own text, markup removed and hard line wraps joined; children excluded.
    pub fn text(&self) -> &str {
        self.part(TEXT)
    }

    /// Set the id.
    pub fn set_id(&mut self, id: &str) {
        self.set(ID, Some(id));
    }

    /// Set or clear the marker.
    pub fn set_marker(&mut self, marker: Option<&str>) {
        self.set(MARKER, marker);
    }

    /// Set or clear the number.
    pub fn set_number(&mut self, number: Option<&str>) {
        self.set(NUMBER, number);
    }

    /// Set or clear the heading.
    pub fn set_heading(&mut self, heading: Option<&str>) {
        self.set(HEADING, heading);
    }

    /// Set the text.
    pub fn set_text(&mut self, text: &str) {
        self.set(TEXT, Some(text));
    }

    /// The same node with this id (for building nodes in one expression).
    pub fn with_id(mut self, id: &str) -> Node {
        self.set_id(id);
        self
    }

    /// The same node with this marker.
    pub fn with_marker(mut self, marker: Option<&str>) -> Node {
        self.set_marker(marker);
        self
    }

    /// The same node with this number.
    pub fn with_number(mut self, number: Option<&str>) -> Node {
        self.set_number(number);
        self
    }

    /// The same node with this heading.
    pub fn with_heading(mut self, heading: Option<&str>) -> Node {
        self.set_heading(heading);
        self
    }

    /// The same node with this text.
    pub fn with_text(mut self, text: &str) -> Node {
        self.set_text(text);
        self
    }

    /// This node and all its descendants, in pre-order.
    pub fn walk(&self) -> impl Iterator<Item = &Node> {
        Walk::new(vec![std::slice::from_ref(self).iter()])
    }

    /// The id and the children apart, the one read while the other changes (a walk that
    /// gives children ids made from their parent's needs no copy of the parent's).
    pub fn id_and_children_mut(&mut self) -> (&str, &mut ThinVec<Node>) {
        (part(&self.packed, &self.ends, ID), &mut self.children)
    }

    fn part(&self, which: usize) -> &str {
        part(&self.packed, &self.ends, which)
    }

    fn optional(&self, which: usize) -> Option<&str> {
        (self.present & (1 << which) != 0).then(|| self.part(which))
    }

    /// Replace one part: the id in place, another by building the buffer again (a part is
    /// set once or twice in a node's life, so the copy is paid once or twice per node).
    fn set(&mut self, which: usize, value: Option<&str>) {
        let value_str = value.unwrap_or_default();
        if which == ID {
            let start = self.ends[TEXT] as usize;
            self.packed.truncate(start);
            self.packed.push_str(head(value_str, LIMIT - start));
            return;
        }
        let old = std::mem::take(&mut self.packed);
        let ends = self.ends;
        let parts: [&str; 5] = std::array::from_fn(|i| match i == which {
            true => value_str,
            false => part(&old, &ends, i),
        });
        let mut present = [MARKER, NUMBER, HEADING].map(|i| self.present & (1 << i) != 0);
        if let Some(p) = present.get_mut(which) {
            *p = value.is_some();
        }
        self.fill(parts, present);
    }

    /// Build the buffer of the five parts (marker, number, heading, text, id), and record
    /// which of the first three are present.
    fn fill(&mut self, parts: [&str; 5], present: [bool; 3]) {
        let total: usize = parts.iter().map(|p| p.len()).sum();
        let mut ends = [0u32; 4];
        if total <= INLINE {
            // Short together (most list lines): made inline at once.
            let packed = join_inline(&parts, |i, end| {
                if let Some(e) = ends.get_mut(i) {
                    *e = end as u32;
                }
            });
            self.set_buffer(packed, ends, present);
            return;
        }
        // One allocation with room for the id.
        let mut packed = Str::with_capacity((total + ID_ROOM).min(LIMIT));
        for (i, part) in parts.iter().enumerate() {
            if !part.is_empty() {
                packed.push_str(head(part, LIMIT - packed.len()));
            }
            if let Some(end) = ends.get_mut(i) {
                *end = u32::try_from(packed.len()).unwrap_or(u32::MAX);
            }
        }
        self.set_buffer(packed, ends, present);
    }

    fn set_buffer(&mut self, packed: Str, ends: [u32; 4], present: [bool; 3]) {
        self.packed = packed;
        self.ends = ends;
        self.present = 0;
        for (bit, &p) in present.iter().enumerate() {
            self.present |= u8::from(p) << bit;
        }
    }
}

/// The nodes of some lists of siblings and all their descendants, in pre-order: one stack of
/// sibling lists for the whole walk (a walk per root allocated a stack for each of a flat
/// document's million roots).
pub(crate) struct Walk<'a> {
    // The sibling lists being walked, innermost last.
    stack: Vec<std::slice::Iter<'a, Node>>,
}

impl<'a> Walk<'a> {
    /// A walk of these sibling lists, the last one first.
    pub(crate) fn new(stack: Vec<std::slice::Iter<'a, Node>>) -> Walk<'a> {
        Walk { stack }
    }
}

impl<'a> Iterator for Walk<'a> {
    type Item = &'a Node;

    fn next(&mut self) -> Option<&'a Node> {
        loop {
            let siblings = self.stack.last_mut()?;
            match siblings.next() {
                Some(node) => {
                    if !node.children.is_empty() {
                        self.stack.push(node.children.iter());
                    }
                    return Some(node);
                }
                None => {
                    self.stack.pop();
                }
            }
        }
    }
}

/// Strings of at most [`INLINE`] bytes together, put end to end on the stack and made an
/// inline `Str` at once (appending them one by one cost a third of a node's construction);
/// `end(i, at)` is told where the `i`-th ends.
fn join_inline(parts: &[&str], mut end: impl FnMut(usize, usize)) -> Str {
    let mut buf = [0u8; INLINE];
    let mut at = 0;
    for (i, part) in parts.iter().enumerate() {
        if !part.is_empty() {
            if let Some(to) = buf.get_mut(at..at + part.len()) {
                to.copy_from_slice(part.as_bytes());
            }
            at += part.len();
        }
        end(i, at);
    }
    // (Whole strings put end to end: valid UTF-8.)
    Str::new(std::str::from_utf8(buf.get(..at).unwrap_or_default()).unwrap_or_default())
}

/// Part `which` of a node's buffer.
fn part<'a>(packed: &'a str, ends: &[u32; 4], which: usize) -> &'a str {
    let start = match which {
        0 => 0,
        _ => ends.get(which - 1).map_or(0, |&e| e as usize),
    };
    let end = ends.get(which).map_or(packed.len(), |&e| e as usize);
    packed.get(start..end).unwrap_or_default()
}

/// The most bytes a node's five strings hold together (their offsets are 32-bit).
const LIMIT: usize = u32::MAX as usize;

/// The longest start of `s` of at most `n` bytes that ends on a character boundary.
fn head(s: &str, n: usize) -> &str {
    let mut cut = n.min(s.len());
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.get(..cut).unwrap_or_default()
}

impl std::fmt::Debug for Node {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Node")
            .field("id", &self.id())
            .field("kind", &self.kind)
            .field("marker", &self.marker())
            .field("number", &self.number())
            .field("heading", &self.heading())
            .field("text", &self.text())
            .field("span", &self.span)
            .field("cells", &self.cells)
            .field("children", &self.children)
            .finish()
    }
}

impl Serialize for Node {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let fields =
            7 + usize::from(!self.cells.is_empty()) + usize::from(!self.children.is_empty());
        let mut s = serializer.serialize_struct("Node", fields)?;
        s.serialize_field("id", self.id())?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("marker", &self.marker())?;
        s.serialize_field("number", &self.number())?;
        s.serialize_field("heading", &self.heading())?;
        s.serialize_field("text", self.text())?;
        s.serialize_field("span", &self.span)?;
        if self.cells.is_empty() {
            s.skip_field("cells")?;
        } else {
            s.serialize_field("cells", &self.cells)?;
        }
        if self.children.is_empty() {
            s.skip_field("children")?;
        } else {
            s.serialize_field("children", &self.children)?;
        }
        s.end()
    }
}

/// A unit of the hierarchy: a Điều, a khoản, a plan's "II.", a "-" bullet, an unmarked
/// paragraph …
// The serialised form of a `Node` (what it is read from, and what its JSON Schema describes).
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Node"))]
struct NodeFields {
    /// Stable element id in Akoma Ntoso style, e.g. `sec_II__item_4__point_đ` (README).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    id: Str,
    /// What kind of unit it is.
    kind: NodeKind,
    /// The marker as written, e.g. "đ)", "II.", "Điều 5.", "-".
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    marker: Option<Str>,
    /// The normalised number, e.g. "đ", "II", "5", "1.2"; `None` for bullets and paragraphs.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    number: Option<Str>,
    /// Heading (title of a Chương, Điều, or a plan's section).
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    heading: Option<Str>,
    /// The node's own text, markup removed and hard line wraps joined; children excluded.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    text: Str,
    /// Where it is: from its first line to the start of the next node, children included.
    span: Span,
    /// Cells of a table row (`kind` = `row`), markup removed.
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    cells: ThinVec<Str>,
    /// Nested units.
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<Node>"))]
    children: ThinVec<Node>,
}

impl From<NodeFields> for Node {
    fn from(f: NodeFields) -> Node {
        let parts = Parts {
            id: &f.id,
            marker: f.marker.as_deref(),
            number: f.number.as_deref(),
            heading: f.heading.as_deref(),
            text: &f.text,
        };
        let mut node = Node::from_parts(f.kind, f.span, parts);
        node.cells = f.cells;
        node.children = f.children;
        node
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Node {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Node".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        NodeFields::json_schema(generator)
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
            std::mem::size_of::<Node>() <= 88,
            "{}",
            std::mem::size_of::<Node>()
        );
    }

    /// The id read apart from the children is the node's id, short or long, and the children
    /// changed through it are the node's.
    #[test]
    fn id_and_children_apart_are_the_nodes_own() {
        for id in ["", "sec_II", "sec_II__item_4__point_đ__indent_12"] {
            let mut node = Node::from_parts(
                NodeKind::Item,
                Span::default(),
                Parts {
                    id,
                    marker: Some("4."),
                    number: Some("4"),
                    text: "Văn bản dài hơn hai mươi bốn byte",
                    ..Parts::default()
                },
            );
            let (got, children) = node.id_and_children_mut();
            assert_eq!(got, id);
            children.push(Node::new(NodeKind::Point, Span::default()));
            assert_eq!(node.children.len(), 1);
            assert_eq!(node.id(), id);
        }
    }

    /// Every part reads back what was set last, whatever the order of the setting, and the
    /// others are left as they were (each part of each length from empty to past the inline
    /// limit, set in every order, then set again).
    #[test]
    fn parts_read_back_what_was_set() {
        let values = [
            "",
            "a",
            "đ)",
            "sec_II__item_4__point_đ",
            "Văn bản dài hơn hai mươi bốn byte",
        ];
        for (n, order) in [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 4, 0, 3, 1]]
            .iter()
            .enumerate()
        {
            for (v, _) in values.iter().enumerate() {
                let mut node = Node::new(NodeKind::Item, Span::default());
                let mut want: [Option<&str>; 5] = [None; 5];
                want[ID] = Some("");
                want[TEXT] = Some("");
                for (k, &which) in order.iter().enumerate() {
                    let value = values[(v + k + n) % values.len()];
                    set_part(&mut node, which, Some(value));
                    want[which] = Some(value);
                    assert_eq!(parts(&node), want);
                }
                for &which in &[MARKER, NUMBER, HEADING] {
                    set_part(&mut node, which, None);
                    want[which] = None;
                    assert_eq!(parts(&node), want);
                }
            }
        }
    }

    fn set_part(node: &mut Node, which: usize, value: Option<&str>) {
        match which {
            ID => node.set_id(value.unwrap_or_default()),
            MARKER => node.set_marker(value),
            NUMBER => node.set_number(value),
            HEADING => node.set_heading(value),
            _ => node.set_text(value.unwrap_or_default()),
        }
    }

    fn parts(node: &Node) -> [Option<&str>; 5] {
        let mut parts = [None; 5];
        parts[ID] = Some(node.id());
        parts[MARKER] = node.marker();
        parts[NUMBER] = node.number();
        parts[HEADING] = node.heading();
        parts[TEXT] = Some(node.text());
        parts
    }

    /// The walk is a pre-order: the same order as a recursive visit, on trees of every shape of
    /// up to four levels (empty children lists at every place).
    #[test]
    fn walk_is_pre_order() {
        fn tree(shape: u32, depth: u32, id: &str) -> Node {
            let mut node = Node::new(NodeKind::Item, Span::default()).with_id(id);
            if depth < 4 {
                for k in 0..(shape >> depth) % 3 {
                    let child = tree(shape, depth + 1, &format!("{id}.{k}"));
                    node.children.push(child);
                }
            }
            node
        }
        fn visit<'a>(node: &'a Node, out: &mut Vec<&'a str>) {
            out.push(node.id());
            for child in node.children.iter() {
                visit(child, out);
            }
        }
        for shape in 0..256 {
            let roots: Vec<Node> = (0..shape % 4)
                .map(|r| tree(shape, 0, &r.to_string()))
                .collect();
            let mut want = Vec::new();
            for root in &roots {
                visit(root, &mut want);
            }
            let got: Vec<&str> = Walk::new(vec![roots.iter()]).map(Node::id).collect();
            assert_eq!(got, want, "shape {shape}");
            for root in &roots {
                let mut one = Vec::new();
                visit(root, &mut one);
                assert_eq!(root.walk().map(Node::id).collect::<Vec<_>>(), one);
            }
        }
    }

    /// A node reads back from its JSON as it was, and its JSON has the nine fields in order.
    #[test]
    fn json_round_trip() {
        let mut node = Node::new(NodeKind::Point, Span::default())
            .with_id("point_a")
            .with_marker(Some("a)"))
            .with_number(Some("a"))
            .with_text("Nội dung");
        node.children
            .push(Node::new(NodeKind::Indent, Span::default()).with_id("indent_1"));
        let json = serde_json::to_string(&node).unwrap_or_default();
        assert!(json.starts_with(
            r#"{"id":"point_a","kind":"point","marker":"a)","number":"a","heading":null,"text":"Nội dung","span":"#
        ), "{json}");
        assert!(!json.contains("cells"), "{json}");
        let back: Node = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
        assert_eq!(back, node);
    }
}
