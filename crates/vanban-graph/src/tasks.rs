//! Task queries: the tasks of the corpus with their agencies and dates, filtered by agency,
//! document and due date (`vanban tasks`).

use serde::Serialize;
use vanban_extract::agencies::fold as fold_name;
use vanban_model::Deadline;

use crate::{EdgeKind, Graph, NodeKind};

/// Which tasks to list. Dates are ISO 8601 (`YYYY-MM-DD`); a task's date is its due date, else
/// the end of its period. A date filter leaves out tasks without a date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaskFilter {
    /// Only tasks of an agency (any role) whose name contains this (any case, either tone
    /// placement).
    pub agency: Option<String>,
    /// Only tasks due on or before this date.
    pub due_before: Option<String>,
    /// Only tasks due on or after this date.
    pub due_after: Option<String>,
    /// Only tasks due before this date (overdue on it).
    pub overdue_as_of: Option<String>,
    /// Only tasks of a document: its id, or a part of its id or label ("308/KH-UBND").
    pub document: Option<String>,
}

impl TaskFilter {
    /// What is wrong with the filter, naming the field: a date that is not a day of the
    /// calendar written `YYYY-MM-DD` (compared as text, "2025-02-30" or "9999-99-99" kept
    /// tasks no day would), or empty text (found in every name and id: the filter would keep
    /// everything). The command line and the Python package refuse such a filter.
    pub fn check(&self) -> Result<(), String> {
        let dates = [
            ("due_before", &self.due_before),
            ("due_after", &self.due_after),
            ("overdue_as_of", &self.overdue_as_of),
        ];
        for (field, value) in dates {
            if let Some(v) = value {
                check_day(v).map_err(|e| format!("{field}: {e}"))?;
            }
        }
        for (field, value) in [("agency", &self.agency), ("document", &self.document)] {
            if let Some(v) = value {
                check_text(v).map_err(|e| format!("{field}: {e}"))?;
            }
        }
        Ok(())
    }
}

/// Whether `s` is a day of the calendar written `YYYY-MM-DD`; else why not.
pub fn check_day(s: &str) -> Result<(), String> {
    let shaped = s.len() == 10
        && s.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    let number = |r: std::ops::Range<usize>| s.get(r).and_then(|n| n.parse::<u32>().ok());
    match (shaped, number(0..4), number(5..7), number(8..10)) {
        (true, Some(y), Some(m), Some(d)) => {
            let real = vanban_model::days_in_month(y, m).is_some_and(|n| (1..=n).contains(&d));
            if real {
                Ok(())
            } else {
                Err(format!("{s:?} is not a day of the calendar"))
            }
        }
        _ => Err(format!("{s:?} is not a date as YYYY-MM-DD")),
    }
}

/// Whether `s` is text to look for: not empty or blank (found in every name and id).
pub fn check_text(s: &str) -> Result<(), String> {
    if s.trim().is_empty() {
        Err("empty text matches every name and id: give a part of one".to_owned())
    } else {
        Ok(())
    }
}

/// A task with its agencies and dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskRow {
    /// Task node id.
    pub task: String,
    /// The document that assigns it.
    pub document: String,
    /// The document's label ("208/KH-UBND").
    pub document_label: String,
    /// Element id in that document.
    pub node: String,
    /// The date it is due by: the due date, else the end of its period.
    pub date: Option<String>,
    /// Agencies that lead (labels).
    pub lead: Vec<String>,
    /// Agencies that cooperate.
    pub cooperating: Vec<String>,
    /// Agencies the task is addressed to.
    pub responsible: Vec<String>,
    /// Deadline: as written, and as dates.
    pub deadline: Option<Deadline>,
    /// The task text.
    pub text: String,
}

impl TaskRow {
    /// Every agency of the task, leads first.
    pub fn agencies(&self) -> impl Iterator<Item = &String> {
        self.lead
            .iter()
            .chain(&self.responsible)
            .chain(&self.cooperating)
    }
}

impl Graph {
    /// The tasks that pass `filter`, by date (undated last), then document and element.
    pub fn tasks(&self, filter: &TaskFilter) -> Vec<TaskRow> {
        let mut out: Vec<TaskRow> = self
            .nodes()
            .filter(|n| n.kind == NodeKind::Task)
            .filter_map(|n| self.task_row(&n.id))
            .filter(|t| passes(filter, t))
            .collect();
        out.sort_by(|a, b| {
            (a.date.is_none(), &a.date, &a.document, &a.node).cmp(&(
                b.date.is_none(),
                &b.date,
                &b.document,
                &b.node,
            ))
        });
        out
    }

    /// One task with its agencies.
    pub fn task_row(&self, id: &str) -> Option<TaskRow> {
        let t = self.node(id)?.task.as_ref()?;
        let mut row = TaskRow {
            task: id.to_owned(),
            document: t.document.to_string(),
            document_label: self.label_of(&t.document),
            node: t.node.to_string(),
            date: t
                .deadline
                .as_ref()
                .and_then(|d| d.due.as_ref().or(d.end.as_ref()))
                .map(ToString::to_string),
            lead: Vec::new(),
            cooperating: Vec::new(),
            responsible: Vec::new(),
            deadline: t.deadline.as_deref().cloned(),
            text: t.text.clone(),
        };
        for e in self.outgoing(id) {
            let list = match e.kind {
                EdgeKind::Lead => &mut row.lead,
                EdgeKind::Cooperating => &mut row.cooperating,
                EdgeKind::Responsible => &mut row.responsible,
                _ => continue,
            };
            list.push(self.label_of(e.target));
        }
        Some(row)
    }
}

fn passes(f: &TaskFilter, t: &TaskRow) -> bool {
    let date = t.date.as_deref();
    let on_or_before = |limit: &Option<String>, strict: bool| {
        limit
            .as_deref()
            .is_none_or(|l| date.is_some_and(|d| if strict { d < l } else { d <= l }))
    };
    let agency = f
        .agency
        .as_deref()
        .map(|a| fold_name(&vanban_text::squash_spaces(a)));
    let document = f.document.as_deref().map(fold_name);
    on_or_before(&f.due_before, false)
        && on_or_before(&f.overdue_as_of, true)
        && f.due_after
            .as_deref()
            .is_none_or(|l| date.is_some_and(|d| d >= l))
        && agency.is_none_or(|a| t.agencies().any(|n| fold_name(n).contains(&a)))
        && document.is_none_or(|d| {
            t.document == f.document.clone().unwrap_or_default()
                || fold_name(&t.document).contains(&d)
                || fold_name(&t.document_label).contains(&d)
        })
}
