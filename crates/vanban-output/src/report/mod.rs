//! The formats of the corpus report (`vanban report --format …`): a table, JSON (the baseline
//! format) and one self-contained HTML file; and of its difference from a baseline.

mod html;

use vanban_graph::Graph;
use vanban_lint::report::{Diff, Report};

pub use html::html;

use crate::Error;

formats! {
    /// The output formats of the corpus report.
    pub enum ReportFormat {
        Text = "text": "A table",
        Json = "json": "JSON (the baseline format)",
        Html = "html": "One self-contained HTML file: the table, the implementation chains (trees and pictures) and the tasks of every agency",
    }
}

impl ReportFormat {
    /// The report in this format. HTML shows the chains and tasks of the corpus `graph`
    /// ([`Error::NeedsGraph`] without it); text and JSON do not use it.
    pub fn render(self, report: &Report, graph: Option<&Graph>) -> Result<String, Error> {
        match (self, graph) {
            (ReportFormat::Text, _) => Ok(report.text()),
            (ReportFormat::Json, _) => crate::pretty_json(report),
            (ReportFormat::Html, Some(g)) => Ok(html(report, g)),
            (ReportFormat::Html, None) => Err(Error::NeedsGraph),
        }
    }

    /// The difference from a baseline in this format: text (with a word on what to do when a
    /// document regressed) or JSON; HTML has none ([`Error::NoDiff`]).
    pub fn render_diff(self, diff: &Diff) -> Result<String, Error> {
        match self {
            ReportFormat::Json => crate::pretty_json(diff),
            ReportFormat::Text => {
                let mut t = diff.text();
                if diff.regressed() {
                    t.push_str(
                        "regressions: fix them, or accept them by saving a new baseline \
                         (`vanban report --format json -o BASELINE`) in the same commit\n",
                    );
                }
                Ok(t)
            }
            ReportFormat::Html => Err(Error::NoDiff),
        }
    }

    /// Whether the format needs the corpus graph.
    pub fn needs_graph(self) -> bool {
        self == ReportFormat::Html
    }

    /// Whether people read it on a terminal (its control characters are then escaped).
    pub fn for_people(self) -> bool {
        self == ReportFormat::Text
    }
}
