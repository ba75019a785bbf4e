//! Tasks written as labelled fields: a unit whose parts say "Nhiệm vụ: …", "Đơn vị chủ trì: …",
//! "Đơn vị phối hợp: …", "Thời gian thực hiện: …" (directly or one level down, under "Cơ quan
//! thực hiện:") is one task with those parties and that deadline; "Cơ quan thực hiện: X; Y"
//! names who carries it when nobody leads (each clause after a ";" its own subject). The
//! labels are the words of the task-table column titles (`data/task-columns.tsv`).

use vanban_model::{Assignment, Node};

use super::{held_column_words, holds_word};
use super::{read_cell, Walker};
use crate::agencies::fold;
use crate::deadlines::deadline;
use crate::lists::TASK_COLUMNS;

/// The role of a field and its value: "Đơn vị chủ trì: Sở Tài chính." → ("lead", "Sở Tài chính").
fn field(n: &Node) -> Option<(&'static str, &str)> {
    let text = if n.text().is_empty() {
        n.heading()?
    } else {
        n.text()
    };
    let (label, value) = text.split_once(':')?;
    if label.split_whitespace().count() > 6 {
        return None;
    }
    let label = fold(label);
    let role_of = |holds: &dyn Fn(usize, &str) -> bool| {
        ["lead", "cooperating", "deadline", "content", "responsible"]
            .into_iter()
            .find(|role| {
                TASK_COLUMNS
                    .iter()
                    .enumerate()
                    .any(|(i, &(r, w))| r == *role && holds(i, w))
            })
    };
    // A label OCR read with a mark lost ("Cơ quan chu trì: …") only where none is written.
    let role = role_of(&|_, w| label.contains(w)).or_else(|| {
        let held = held_column_words(&label);
        role_of(&|i, _| holds_word(held, i))
    })?;
    Some((role, value.trim().trim_end_matches(['.', ';']).trim()))
}

/// The fields of a unit: its children, or the children of a child that is only a label
/// ("b) Cơ quan thực hiện:"). A paragraph that is no field continues the field before it (a
/// value broken over lines: "Đơn vị chủ trì thực hiện: Các" / "Sở, ngành, đơn vị").
fn fields(n: &Node) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    let label_only = |c: &Node| {
        let t = c.text().trim();
        t.ends_with(':') && t.split_whitespace().count() <= 6
    };
    let parts = n.children.iter().flat_map(|c| {
        let under = if label_only(c) {
            c.children.as_slice()
        } else {
            &[]
        };
        std::iter::once(c).chain(under.iter())
    });
    let mut open = false;
    for c in parts {
        if let Some((role, v)) = field(c) {
            // A value wrapped onto a paragraph under its field ("- Thời gian thực hiện: Quý" /
            // "IV năm 2025 và các năm tiếp theo.").
            let mut v = v.to_owned();
            let under: &[Node] = if label_only(c) { &[] } else { &c.children };
            for p in under.iter().filter(|p| p.marker().is_none()) {
                v.push(' ');
                v.push_str(p.text().trim().trim_end_matches(['.', ';']));
            }
            out.push((role, v));
            open = true;
        } else if let (true, Some(last)) = (open && c.marker().is_none(), out.last_mut()) {
            last.1.push(' ');
            last.1
                .push_str(c.text().trim().trim_end_matches(['.', ';']));
        } else {
            open = false;
        }
    }
    out
}

/// The one task of a unit written as fields, if its parts name a lead or cooperating agency.
pub(super) fn assignment(w: &Walker, n: &Node) -> Option<Assignment> {
    let mut a = Assignment {
        node: n.id().into(),
        ..Assignment::default()
    };
    let mut content = String::new();
    for (role, v) in fields(n) {
        match role {
            "lead" => a.lead.extend(read_cell(w.registry, &v)),
            "cooperating" => a.cooperating.extend(read_cell(w.registry, &v)),
            // "Đơn vị thực hiện: Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành …": a
            // sentence, read as one; each clause after a ";" may name its own subject ("Sở
            // Khoa học và Công nghệ tiến hành rà soát …; các sở, ngành liên quan và Ủy ban
            // nhân dân các xã, phường rà soát …").
            "responsible" => {
                for clause in v.split("; ") {
                    let p = super::parties(w.registry, clause);
                    let named = |v: Vec<String>| v.into_iter().filter(|n| !n.is_empty()).collect();
                    super::push_new(&mut a.lead, named(p.lead));
                    super::push_new(&mut a.cooperating, named(p.cooperating));
                    super::push_new(&mut a.responsible, named(p.responsible));
                }
            }
            "deadline" if a.deadline.is_none() => {
                a.deadline = deadline(&v, true, w.date).map(Box::new);
            }
            "content" if content.is_empty() => content = v,
            _ => {}
        }
    }
    if a.lead.is_empty() && a.cooperating.is_empty() && a.responsible.is_empty() {
        return None;
    }
    // Who carries the task is responsible only when nobody is said to lead.
    if !a.lead.is_empty() {
        a.responsible.clear();
    }
    let own = match (n.heading(), n.text().is_empty()) {
        (Some(h), true) => h.to_string(),
        (Some(h), false) => format!("{h} {}", n.text()),
        (None, _) => n.text().to_string(),
    };
    a.text = match (own.is_empty(), content.is_empty()) {
        (true, _) => content,
        (false, true) => own,
        (false, false) => format!("{} {content}", own.trim_end_matches(':')),
    };
    Some(a)
}
