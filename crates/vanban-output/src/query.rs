//! The answers of the graph queries (`chain`, `implementers`, `path`, `agency`, `orphans`,
//! `unimplemented`, `cycles`) as text a person reads, as JSON, and for chains as a picture.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use vanban_graph::{
    describe, AgencyRole, AgencyTasks, Chain, Graph, Implementer, NodeSummary, Orphan, PathStep,
    TaskRow,
};

use crate::json_text;

formats! {
    /// The output formats of the graph queries.
    pub enum QueryFormat {
        Text = "text": "Indented text",
        Json = "json": "JSON",
    }
}

formats! {
    /// The output formats of `tasks`.
    pub enum TaskFormat {
        Text = "text": "One line a task: date, document, element, lead (or addressees), text",
        Json = "json": "JSON: each task with its agencies by role and its deadline object",
        Csv = "csv": "CSV with a header row: date, document, node, lead, cooperating, responsible, deadline, text (a field that starts with =, +, -, @ gets an apostrophe first, so that a spreadsheet never runs it as a formula)",
    }
}

formats! {
    /// The output formats of `chain` and `implementers`.
    pub enum ChainFormat {
        Text = "text": "An indented tree",
        Json = "json": "JSON",
        Svg = "svg": "An SVG picture",
    }
}

impl QueryFormat {
    /// Whether people read it on a terminal (its control characters are then escaped).
    pub fn for_people(self) -> bool {
        self == QueryFormat::Text
    }
}

impl ChainFormat {
    /// Whether people read it on a terminal (its control characters are then escaped).
    pub fn for_people(self) -> bool {
        self == ChainFormat::Text
    }
}

/// A node on one line: its label, then what it is ("208/KH-UBND  (Kế hoạch, 2024-11-20, …)").
pub fn line(n: &NodeSummary) -> String {
    let d = describe(n);
    if d.is_empty() {
        n.label.to_string()
    } else {
        format!("{}  ({d})", n.label)
    }
}

/// How many levels a chain tree indents; deeper levels say their depth instead, so a chain
/// thousands of documents long prints in lines of bounded width.
const MAX_INDENT: usize = 24;

/// A chain as an indented tree: each document once; a document reached again points back to
/// where it was shown ("↑ see … above"), a cycle is marked.
pub fn chain_text(chain: &Chain) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", line(&chain.node));
    let last = chain.last_flags();
    // For each open level: whether that ancestor was the last of its siblings.
    let mut open: Vec<bool> = Vec::new();
    for (link, &is_last) in chain.links.iter().zip(&last) {
        open.truncate(link.depth - 1);
        let mut prefix = String::new();
        for &l in open.iter().take(MAX_INDENT) {
            prefix.push_str(if l { "   " } else { "│  " });
        }
        if link.depth > MAX_INDENT + 1 {
            let _ = write!(prefix, "[depth {}] ", link.depth);
        }
        let branch = if is_last { "└─ " } else { "├─ " };
        let what = if link.seen {
            format!("↑ see {} above", link.node.label)
        } else if link.cycle {
            format!("{}  [cycle]", line(&link.node))
        } else {
            line(&link.node)
        };
        // A link more than one document states says how many (its source is shown above).
        let count = if link.asserted_count > 1 {
            format!("  [asserted by {} documents]", link.asserted_count)
        } else {
            String::new()
        };
        let _ = writeln!(out, "{prefix}{branch}{} → {what}{count}", link.relation);
        if !link.asserted_by.is_empty() {
            let under = if is_last { "   " } else { "│  " };
            let _ = writeln!(
                out,
                "{prefix}{under}   asserted by: {}",
                link.asserted_by.join(", ")
            );
        }
        open.push(is_last);
    }
    if chain.links.is_empty() {
        out.push_str("   (implements nothing in this corpus)\n");
    }
    out
}

/// The answer of `chain`: the tree, JSON, or a picture of the documents of the chain.
pub fn chain(graph: &Graph, chain: &Chain, format: ChainFormat) -> String {
    match format {
        ChainFormat::Text => chain_text(chain),
        ChainFormat::Json => json_text(chain),
        ChainFormat::Svg => crate::graph::svg(graph, Some(&chain.ids())),
    }
}

/// The answer of `implementers`: the document `id` and what implements it, with depth.
pub fn implementers(graph: &Graph, id: &str, found: &[Implementer], format: ChainFormat) -> String {
    match format {
        ChainFormat::Json => json_text(found),
        ChainFormat::Svg => {
            let mut set: BTreeSet<String> = found.iter().map(|f| f.node.id.clone()).collect();
            set.insert(id.to_owned());
            crate::graph::svg(graph, Some(&set))
        }
        ChainFormat::Text => {
            let mut s = String::new();
            if let Some(n) = graph.summary_of(id) {
                let _ = writeln!(s, "{}", line(&n));
            }
            if found.is_empty() {
                s.push_str("   (nothing in this corpus implements it)\n");
            }
            for f in found {
                let of = graph.label_of(&f.of);
                let _ = writeln!(
                    s,
                    "{}{} {} {}  — {}",
                    "   ".repeat(f.depth.min(MAX_INDENT)),
                    f.depth,
                    line(&f.node),
                    f.relation,
                    of
                );
            }
            s
        }
    }
}

/// The answer of `path` between the documents written `from` and `to`: the steps and whether
/// they run the other way (from `to` to `from`), or `None` when there is no path.
pub fn path(
    graph: &Graph,
    (from, to): (&str, &str),
    found: Option<(&[PathStep], bool)>,
    format: QueryFormat,
) -> String {
    let Some((steps, reversed)) = found else {
        return match format {
            QueryFormat::Json => "null\n".to_owned(),
            QueryFormat::Text => String::new(),
        };
    };
    match format {
        QueryFormat::Json => {
            json_text(&serde_json::json!({ "reversed": reversed, "steps": steps }))
        }
        QueryFormat::Text => {
            let mut s = String::new();
            if reversed {
                let _ = writeln!(s, "(no path from {from} to {to}; the path the other way:)");
            }
            // (From a document to itself the path has no step: the document alone, not
            // nothing.)
            let start = match steps.first() {
                Some(first) => Some(first.from.clone()),
                None => graph.resolve(from).ok(),
            };
            if let Some(n) = start.and_then(|id| graph.summary_of(&id)) {
                let _ = writeln!(s, "{}", line(&n));
            }
            for st in steps {
                if let Some(n) = graph.summary_of(&st.to) {
                    let _ = writeln!(s, "  --{}--> {}", st.relation, line(&n));
                }
            }
            s
        }
    }
}

/// The answer of `agency`: each agency with its counts by role, then its tasks.
pub fn agency(graph: &Graph, found: &[AgencyTasks], format: QueryFormat) -> String {
    if format == QueryFormat::Json {
        return json_text(found);
    }
    let mut s = String::new();
    for a in found {
        let _ = writeln!(
            s,
            "{}: {} lead, {} cooperating, {} responsible",
            a.agency.label,
            a.count(AgencyRole::Lead),
            a.count(AgencyRole::Cooperating),
            a.count(AgencyRole::Responsible)
        );
        for t in &a.tasks {
            let doc = graph.label_of(&t.document);
            let deadline = t
                .deadline
                .as_ref()
                .map(|d| format!(" [{}]", d.text))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "  {:<11} {doc} {}: {}{deadline}",
                t.role.as_str(),
                t.node,
                vanban_graph::short_text(&t.text, 100)
            );
        }
    }
    s
}

/// The answer of `orphans`: how many documents cite each, most cited first.
pub fn orphans(found: &[Orphan], format: QueryFormat) -> String {
    if format == QueryFormat::Json {
        return json_text(found);
    }
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} cited but not in the corpus:",
        match found.len() {
            1 => "1 document is".to_owned(),
            n => format!("{n} documents are"),
        }
    );
    for o in found {
        let _ = writeln!(s, "  {:>3}  {}", o.cited_by.len(), line(&o.node));
    }
    s
}

/// The answer of `unimplemented`.
pub fn unimplemented(found: &[NodeSummary], format: QueryFormat) -> String {
    if format == QueryFormat::Json {
        return json_text(found);
    }
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} that nothing in the corpus implements:",
        vanban_text::count(found.len(), "document", "documents")
    );
    for n in found {
        let _ = writeln!(s, "  {}", line(n));
    }
    s
}

/// The answer of `cycles`: each cycle of implementation relations as labels.
pub fn cycles(graph: &Graph, found: &[Vec<String>], format: QueryFormat) -> String {
    if format == QueryFormat::Json {
        return json_text(found);
    }
    let mut s = String::new();
    let _ = match found.len() {
        1 => writeln!(s, "1 cycle of implementation relations"),
        n => writeln!(s, "{n} cycles of implementation relations"),
    };
    for c in found {
        let labels: Vec<String> = c.iter().map(|id| graph.label_of(id)).collect();
        let _ = writeln!(s, "  {}", labels.join(" → "));
    }
    s
}

/// The answer of `tasks`: one line (text), object (JSON) or record (CSV) a task.
pub fn tasks(found: &[TaskRow], format: TaskFormat) -> String {
    match format {
        TaskFormat::Json => json_text(found),
        TaskFormat::Csv => {
            let mut s =
                String::from("date,document,node,lead,cooperating,responsible,deadline,text\n");
            for t in found {
                let fields = [
                    t.date.clone().unwrap_or_default(),
                    t.document_label.clone(),
                    t.node.clone(),
                    t.lead.join("; "),
                    t.cooperating.join("; "),
                    t.responsible.join("; "),
                    t.deadline
                        .as_ref()
                        .map(|d| d.text.to_string())
                        .unwrap_or_default(),
                    t.text.clone(),
                ];
                s.push_str(&crate::csv::spreadsheet_record(&fields));
            }
            s
        }
        TaskFormat::Text => {
            let mut s = String::new();
            for t in found {
                let who = if t.lead.is_empty() {
                    &t.responsible
                } else {
                    &t.lead
                };
                let _ = writeln!(
                    s,
                    "{:<10} {} {} | {} | {}{}",
                    t.date.as_deref().unwrap_or("-"),
                    t.document_label,
                    t.node,
                    if who.is_empty() {
                        "-".to_owned()
                    } else {
                        who.join("; ")
                    },
                    vanban_graph::short_text(&t.text, 90),
                    t.deadline
                        .as_ref()
                        .map(|d| format!(" [{}]", d.text))
                        .unwrap_or_default()
                );
            }
            s
        }
    }
}
