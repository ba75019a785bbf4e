//! Numbering checks: gaps, duplicates and out-of-order markers at every level.
//!
//! Siblings of one kind under one parent form a sequence (Roman sections, items, "1.1."
//! sub-items, khoản, điểm …); Điều numbers run on across Chương and Mục, in the body and in
//! each appendix separately. Quoted amendment text is not part of the host's numbering.

use vanban_model::codes;
use vanban_model::{Document, Node, NodeKind, Severity};
use vanban_text::Sub;

use crate::Finding;

/// The Vietnamese alphabet of điểm letters (no f, j, w, z).
const LETTERS: &[&str] = &[
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "ư", "v", "x", "y",
];

/// A number as an ordinal and an insertion suffix ("8a" → (8, Some('a'))).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Ordinal {
    value: u32,
    insert: Option<char>,
}

fn roman(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c.to_ascii_uppercase() {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            'D' => 500,
            'M' => 1000,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0).then_some(total)
}

fn letter(s: &str) -> Option<u32> {
    let lower = s.to_lowercase();
    LETTERS
        .iter()
        .position(|l| *l == lower)
        .and_then(|p| u32::try_from(p + 1).ok())
}

fn arabic(s: &str) -> Option<Ordinal> {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    let rest = s.sub(digits.len()..);
    let value = digits.parse().ok()?;
    let insert = match rest.chars().collect::<Vec<_>>().as_slice() {
        [] => None,
        [c] if c.is_ascii_lowercase() => Some(*c),
        _ => return None,
    };
    Some(Ordinal { value, insert })
}

/// How a kind's numbers are read.
fn ordinal(kind: NodeKind, number: &str) -> Option<Ordinal> {
    let plain = |value| {
        Some(Ordinal {
            value,
            insert: None,
        })
    };
    match kind {
        NodeKind::Point | NodeKind::Group => letter(number).and_then(plain),
        NodeKind::Division | NodeKind::Chapter => {
            roman(number).and_then(plain).or_else(|| arabic(number))
        }
        NodeKind::Subitem => arabic(number.rsplit('.').next()?),
        NodeKind::Part => arabic(number).or_else(|| roman(number).and_then(plain)),
        NodeKind::Section
        | NodeKind::Subsection
        | NodeKind::Article
        | NodeKind::Clause
        | NodeKind::Item => arabic(number).or_else(|| roman(number).and_then(plain)),
        _ => None,
    }
}

/// The number the first unit of a kind should have, written as `number` is: "a" for a
/// điểm, "I" for a Roman section, "2.1" for the sub-items of item 2, else "1".
fn first(kind: NodeKind, number: &str) -> String {
    let upper = number.chars().any(char::is_uppercase);
    let case = |s: &str| {
        if upper {
            s.to_uppercase()
        } else {
            s.to_owned()
        }
    };
    match kind {
        NodeKind::Point | NodeKind::Group => case("a"),
        NodeKind::Subitem => match number.rsplit_once('.') {
            Some((parent, _)) => format!("{parent}.1"),
            None => "1".to_owned(),
        },
        _ if arabic(number).is_none() && roman(number).is_some() => case("i"),
        _ => "1".to_owned(),
    }
}

fn name(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Part => "Phần",
        NodeKind::Chapter => "Chương",
        NodeKind::Section => "Mục",
        NodeKind::Subsection => "Tiểu mục",
        NodeKind::Article => "Điều",
        NodeKind::Group => "group",
        NodeKind::Division => "section",
        NodeKind::Clause => "khoản",
        NodeKind::Item => "item",
        NodeKind::Subitem => "sub-item",
        NodeKind::Point => "điểm",
        _ => "unit",
    }
}

fn quote(n: &Node) -> String {
    let text = n.heading().unwrap_or(n.text());
    let marker = n.marker().unwrap_or("");
    crate::short(&format!("{marker} {text}"), 80)
}

fn finding(code: &str, n: &Node, message: String) -> Finding {
    Finding {
        code: code.to_owned(),
        severity: Severity::Warning,
        message,
        quote: quote(n),
        span: n.span,
    }
}

/// Check one sequence of siblings of one kind. `nodes` may hold siblings of other kinds: a
/// list that starts again at 1 (or a, I) after one of them (a form's heading, a table, a
/// paragraph) is a new list, not a step back.
fn check_sequence(kind: NodeKind, nodes: &[&Node], out: &mut Vec<Finding>) {
    let mut walk = Walk {
        kind,
        nodes,
        prev: None,
        explained: Vec::new(),
        out,
    };
    let mut separated = false;
    for (i, &n) in nodes.iter().enumerate() {
        if n.kind != kind {
            separated = walk.prev.is_some();
            continue;
        }
        let Some(number) = n.number() else {
            continue;
        };
        walk.restart(n, number, separated);
        separated = false;
        let Some(o) = ordinal(kind, number) else {
            continue;
        };
        if walk.explained.contains(&(n as *const Node)) {
            walk.prev = later_of(walk.prev, o, n, false);
            continue;
        }
        match walk.prev {
            None => {
                if o.value != 1 || o.insert.is_some() {
                    walk.out.push(finding(
                        codes::NUMBERING_START,
                        n,
                        format!(
                            "the first {} is numbered {number}, not {}",
                            name(kind),
                            first(kind, number)
                        ),
                    ));
                }
            }
            Some(prev) => {
                if walk.step(i, n, o, prev) {
                    continue;
                }
            }
        }
        // A duplicate or a step back does not move the expected number backwards, nor does a
        // unit far ahead of its place ("12." among 1 … 11).
        let outlier = walk.prev.is_some_and(|(p, _)| {
            o.value > p.value + 2
                && walk
                    .out
                    .last()
                    .is_some_and(|f| f.code == codes::NUMBERING_ORDER && f.span == n.span)
        });
        walk.prev = later_of(walk.prev, o, n, outlier);
    }
}

/// A walk along one sequence.
struct Walk<'a, 'o> {
    kind: NodeKind,
    nodes: &'a [&'a Node],
    /// The unit the next one should follow, and its ordinal.
    prev: Option<(Ordinal, &'a Node)>,
    /// Nodes already reported as out of place (by the node they were swapped with).
    explained: Vec<*const Node>,
    out: &'o mut Vec<Finding>,
}

impl<'a> Walk<'a, '_> {
    /// A list that starts again at 1 after a higher number is a new one; reported (as
    /// information) when no unit of another kind stands between.
    fn restart(&mut self, n: &Node, number: &str, separated: bool) {
        let first_value =
            ordinal(self.kind, number).is_some_and(|o| o.value == 1 && o.insert.is_none());
        let Some((p, pn)) = self.prev else {
            return;
        };
        if !first_value || p.value < 2 {
            return;
        }
        if !separated {
            let what = name(self.kind);
            self.out.push(Finding {
                severity: Severity::Info,
                ..finding(
                    codes::NUMBERING_RESTART,
                    n,
                    format!(
                        "{what} numbering starts again at {number} after {what} {} (a new list?)",
                        pn.number().unwrap_or("")
                    ),
                )
            });
        }
        self.prev = None;
    }

    /// Check unit `n` (the `i`th node, numbered `o`) against the unit it should follow. True
    /// when the walk goes on from the number `n` should have had (a misnumbered unit).
    fn step(&mut self, i: usize, n: &'a Node, o: Ordinal, (p, pn): (Ordinal, &Node)) -> bool {
        let kind = self.kind;
        let what = name(kind);
        let number = n.number().unwrap_or("");
        let pnum = pn.number().unwrap_or("");
        // "đ" and "ư" are often skipped in practice (d → e, u → v): not a gap.
        let optional_skipped = kind == NodeKind::Point
            && o.value == p.value + 2
            && matches!(LETTERS.get(p.value as usize), Some(&"đ") | Some(&"ư"));
        let ok = (o.value == p.value + 1 && o.insert.is_none())
            || (o.value == p.value && o.insert > p.insert)
            || optional_skipped;
        if ok {
            return false;
        }
        if o == p {
            self.out.push(finding(
                codes::NUMBERING_DUPLICATE,
                n,
                format!("{what} {number} appears twice (line {} too)", pn.span.line),
            ));
            // A misnumbered unit ("5, 5, 7": the second 5 stands where 6 should): go on from
            // the number it should have had, so 7 is no gap.
            let next = self.nodes[i + 1..]
                .iter()
                .filter(|m| m.kind == kind)
                .find_map(|m| m.number().and_then(|x| ordinal(kind, x)));
            if next.is_some_and(|x| x.value == o.value + 2 && x.insert.is_none()) {
                let should = Ordinal {
                    value: o.value + 1,
                    insert: None,
                };
                self.prev = Some((should, n));
                return true;
            }
        } else if (o.value, o.insert) < (p.value, p.insert) {
            self.out.push(finding(
                codes::NUMBERING_ORDER,
                n,
                format!("{what} {number} comes after {what} {pnum}"),
            ));
        } else if let Some(later) = self.swapped(i, p) {
            // The missing number comes later: two units swapped.
            self.explained.push(later as *const Node);
            self.out.push(finding(
                codes::NUMBERING_ORDER,
                n,
                format!(
                    "{what} {number} comes before {what} {} (line {})",
                    later.number().unwrap_or(""),
                    later.span.line
                ),
            ));
        } else {
            let missing = missing(kind, p, o);
            self.out.push(finding(
                codes::NUMBERING_GAP,
                n,
                format!("{what} {number} follows {what} {pnum}: {missing} missing"),
            ));
        }
        false
    }

    /// The unit after the `i`th node numbered right after `p`, before the list starts again.
    fn swapped(&self, i: usize, p: Ordinal) -> Option<&'a Node> {
        let kind = self.kind;
        let want = Ordinal {
            value: p.value + 1,
            insert: None,
        };
        self.nodes[i + 1..]
            .iter()
            .filter(|m| m.kind == kind)
            .take_while(|m| {
                m.number()
                    .and_then(|x| ordinal(kind, x))
                    .is_none_or(|o| o.value != 1)
            })
            .find(|m| m.number().and_then(|x| ordinal(kind, x)) == Some(want))
            .copied()
    }
}

/// The unit the next one should follow after `n` (numbered `o`): `n`, unless it steps back
/// from `prev` or `keep` holds.
fn later_of<'a>(
    prev: Option<(Ordinal, &'a Node)>,
    o: Ordinal,
    n: &'a Node,
    keep: bool,
) -> Option<(Ordinal, &'a Node)> {
    match prev {
        Some((p, pn)) if (o.value, o.insert) <= (p.value, p.insert) || keep => Some((p, pn)),
        _ => Some((o, n)),
    }
}

/// The numbers missing between `p` and `o`: letters for points ("c, d"), else "6" or "5 to 7".
fn missing(kind: NodeKind, p: Ordinal, o: Ordinal) -> String {
    if kind == NodeKind::Point {
        let from = p.value as usize;
        let to = (o.value as usize).saturating_sub(1);
        LETTERS
            .get(from..to)
            .map(|l| l.join(", "))
            .unwrap_or_default()
    } else if o.value > p.value + 2 {
        format!("{} to {}", p.value + 1, o.value - 1)
    } else {
        (p.value + 1).to_string()
    }
}

/// Kinds checked among siblings (articles are checked across the whole body).
const SIBLING_KINDS: &[NodeKind] = &[
    NodeKind::Part,
    NodeKind::Chapter,
    NodeKind::Section,
    NodeKind::Subsection,
    NodeKind::Group,
    NodeKind::Division,
    NodeKind::Clause,
    NodeKind::Item,
    NodeKind::Subitem,
    NodeKind::Point,
];

fn check_children(children: &[Node], parent: Option<&Node>, out: &mut Vec<Finding>) {
    let all: Vec<&Node> = children.iter().collect();
    for &kind in SIBLING_KINDS {
        let seq: Vec<&Node> = children.iter().filter(|c| c.kind == kind).collect();
        if seq.is_empty() {
            continue;
        }
        check_sequence(kind, &all, out);
        // "1.1." under item 1: the prefix names the parent.
        if kind == NodeKind::Subitem {
            if let Some(p) = parent.filter(|p| matches!(p.kind, NodeKind::Item | NodeKind::Subitem))
            {
                let pnum = p.number().unwrap_or("");
                for n in &seq {
                    let Some(num) = n.number() else {
                        continue;
                    };
                    let prefix = num.rsplit_once('.').map_or("", |(a, _)| a);
                    if !pnum.is_empty() && prefix != pnum {
                        out.push(finding(
                            codes::NUMBERING_PREFIX,
                            n,
                            format!("sub-item {num} stands under item {pnum}"),
                        ));
                    }
                }
            }
        }
    }
    for c in children {
        if c.kind == NodeKind::Quoted {
            continue;
        }
        check_children(&c.children, Some(c), out);
    }
}

/// Articles in document order, quoted text excluded.
fn articles<'a>(nodes: &'a [Node], out: &mut Vec<&'a Node>) {
    for n in nodes {
        match n.kind {
            NodeKind::Quoted => {}
            NodeKind::Article => out.push(n),
            _ => articles(&n.children, out),
        }
    }
}

/// Numbering findings of a document.
pub fn check(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    check_children(&doc.body, None, &mut out);
    let mut arts = Vec::new();
    articles(&doc.body, &mut arts);
    check_sequence(NodeKind::Article, &arts, &mut out);
    for a in &doc.appendices {
        check_children(&a.children, None, &mut out);
        let mut arts = Vec::new();
        articles(&a.children, &mut arts);
        check_sequence(NodeKind::Article, &arts, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        assert_eq!(roman("XIV"), Some(14));
        assert_eq!(letter("đ"), Some(5));
        assert_eq!(letter("g"), Some(7), "e) → g) is no gap");
        assert_eq!(letter("d").map(|i| LETTERS[i as usize]), Some("đ"));
        assert_eq!(letter("f"), None);
        assert_eq!(
            arabic("8a"),
            Some(Ordinal {
                value: 8,
                insert: Some('a')
            })
        );
        assert_eq!(ordinal(NodeKind::Subitem, "2.3").map(|o| o.value), Some(3));
    }

    #[test]
    fn the_first_number_is_written_as_the_unit_is() {
        assert_eq!(first(NodeKind::Point, "b"), "a");
        assert_eq!(first(NodeKind::Group, "B"), "A");
        assert_eq!(first(NodeKind::Division, "II"), "I");
        assert_eq!(first(NodeKind::Division, "2"), "1");
        assert_eq!(first(NodeKind::Subitem, "2.3"), "2.1");
        assert_eq!(first(NodeKind::Article, "3"), "1");
        assert_eq!(first(NodeKind::Chapter, "iii"), "i");
    }
}
