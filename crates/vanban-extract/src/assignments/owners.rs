//! Who carries the bullets of a unit when the bullets name nobody: a closing paragraph
//! "Trách nhiệm chỉ đạo thực hiện: Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh; Đảng ủy Ủy ban
//! nhân dân tỉnh." after the last bullet (the labels in `data/closing-owner-labels.tsv`).

use vanban_model::Node;
use vanban_text::squash_spaces;

use super::Parties;
use crate::agencies::{fold, AgencyRegistry};
use crate::lists::CLOSING_OWNER_LABELS;

/// The agencies of a "Label: X; Y." text, if its label names who carries the tasks.
fn owner_line(registry: &AgencyRegistry, text: &str) -> Option<Vec<String>> {
    let (label, value) = text.split_once(':')?;
    let label = fold(&squash_spaces(label.trim()));
    if !CLOSING_OWNER_LABELS.contains(&label.as_str()) {
        return None;
    }
    let mut out = Vec::new();
    // The agencies are separated by ";"; a part the registry reads whole is its list, any other
    // part is one name as written ("các cấp ủy, tổ chức đảng").
    for part in value.split(';') {
        let part = squash_spaces(part.trim().trim_end_matches(['.', ';']).trim());
        if part.is_empty() {
            continue;
        }
        let (list, used) = registry.read_list(&part);
        if !list.is_empty() && used >= part.trim_end_matches(['.', ',']).len() {
            out.extend(list);
        } else if part.split_whitespace().count() <= 12 {
            out.push(registry.canonical(&part));
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The parties named by a unit's closing paragraph: its last child, or the last child of its
/// last bullet or point (where a paragraph after the last bullet may land; not that of a
/// numbered unit under it, "3.2. …" over its own bullets and closing paragraph, which is
/// that unit's). One agency leads; several are responsible together.
pub(super) fn closing_owner(registry: &AgencyRegistry, n: &Node) -> Option<Parties> {
    let last = n.children.last()?;
    let closing = if last.marker().is_none() {
        last
    } else if last.kind.is_list_entry() {
        last.children.last().filter(|c| c.marker().is_none())?
    } else {
        return None;
    };
    let names = owner_line(registry, closing.text().trim())?;
    let mut p = Parties::default();
    if names.len() == 1 {
        p.lead = names;
    } else {
        p.responsible = names;
    }
    Some(p)
}
