//! `lint` and `report`.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::ValueEnum;
use indicatif::ParallelProgressIterator;
use rayon::prelude::*;
use serde::Serialize;
use vanban_lint::report::{self, DocumentReport, Report};
use vanban_lint::Finding;
use vanban_model::Severity;

use crate::graph::{default_paths, QueryFormat};
use crate::{write_output, EXIT_INPUT, EXIT_OK, EXIT_STRICT};

/// Severity threshold of `--deny`.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub(crate) enum Deny {
    /// Exit 1 on errors only.
    Error,
    /// Exit 1 on warnings and errors.
    Warning,
    /// Exit 1 on any finding.
    Info,
    /// Always exit 0 (when the files could be read).
    Never,
}

#[derive(clap::Args, Debug)]
pub(crate) struct LintArgs {
    /// Documents or directories (searched recursively for `.txt`); `-` reads standard input.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = QueryFormat::Text)]
    format: QueryFormat,
    /// Exit with code 1 when a finding is at least this severe.
    #[arg(long, value_enum, default_value_t = Deny::Error)]
    deny: Deny,
    /// Leave out info findings (date padding, incomplete first citations, end mark).
    #[arg(long)]
    no_info: bool,
    /// Write the output to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// How text findings are shown: the source line underlined on a terminal (`auto`),
    /// always (`fancy`) or one plain line each with the quote under it (`plain`).
    #[arg(long, value_enum, default_value_t = crate::render::Style::Auto)]
    diagnostics: crate::render::Style,
}

/// Output formats of `report`.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq, Default)]
pub(crate) enum ReportFormat {
    /// A table.
    #[default]
    Text,
    /// JSON (the baseline format).
    Json,
    /// One self-contained HTML file: the table, the implementation chains (trees and
    /// pictures) and the tasks of every agency.
    Html,
}

#[derive(clap::Args, Debug)]
pub(crate) struct ReportArgs {
    /// Files or directories of documents. Default: the bundled `seeds/` and `corpus/`.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Text)]
    format: ReportFormat,
    /// Compare with this saved report (`--format json` output) and print what changed; exit
    /// with code 1 when a document regressed.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Write the output to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

/// The files behind the arguments: files as given, directories walked.
fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, u8) {
    let walk = crate::files::walk(paths);
    let status = if walk.report(false) {
        EXIT_INPUT
    } else {
        EXIT_OK
    };
    (walk.files, status)
}

/// Read, parse and extract files in parallel, in the order given.
fn process(files: &[PathBuf], what: &str) -> Vec<Result<crate::run::Read, String>> {
    let bar = crate::progress(files.len(), what);
    let options = vanban_extract::ExtractOptions::default();
    files
        .par_iter()
        .progress_with(bar)
        .map(|f| crate::run::read_document(f, &options))
        .collect()
}

#[derive(Serialize)]
struct FileFindings<'a> {
    file: &'a str,
    findings: &'a [Finding],
}

fn rank(s: Severity) -> u8 {
    match s {
        Severity::Info => 0,
        Severity::Warning => 1,
        Severity::Error => 2,
    }
}

pub(crate) fn lint_cmd(args: &LintArgs) -> u8 {
    let (files, mut status) = expand(&args.files);
    if crate::files::refuse_clobber(args.output.as_ref(), &files) {
        return crate::EXIT_USAGE;
    }
    let threshold = match args.deny {
        Deny::Error => Some(2),
        Deny::Warning => Some(1),
        Deny::Info => Some(0),
        Deny::Never => None,
    };
    let mut denied = false;
    let mut all: Vec<(String, Vec<Finding>)> = Vec::new();
    let mut sources: Vec<std::sync::Arc<String>> = Vec::new();
    for r in process(&files, "linting") {
        match r {
            Ok(d) => {
                let mut findings = vanban_lint::lint(&d.parsed, &d.extraction);
                if args.no_info {
                    findings.retain(|f| f.severity != Severity::Info);
                }
                if threshold.is_some_and(|t| findings.iter().any(|f| rank(f.severity) >= t)) {
                    denied = true;
                }
                all.push((d.name, findings));
                sources.push(std::sync::Arc::new(d.parsed.source));
            }
            Err(e) => {
                note!("{e}");
                status = EXIT_INPUT;
            }
        }
    }
    let text = match args.format {
        QueryFormat::Json => {
            let v: Vec<FileFindings<'_>> = all
                .iter()
                .map(|(file, findings)| FileFindings { file, findings })
                .collect();
            let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
            s.push('\n');
            s
        }
        QueryFormat::Text => {
            use std::io::IsTerminal;
            let terminal = args.output.is_none() && std::io::stdout().is_terminal();
            let fancy = args.diagnostics.fancy(terminal);
            let colour = terminal && std::env::var_os("NO_COLOR").is_none();
            let mut s = String::new();
            let mut counts = [0usize; 3];
            for ((file, findings), source) in all.iter().zip(&sources) {
                for f in findings {
                    counts[usize::from(rank(f.severity))] += 1;
                }
                let items: Vec<crate::render::Item<'_>> = findings
                    .iter()
                    .map(|f| crate::render::Item {
                        code: &f.code,
                        severity: f.severity,
                        message: &f.message,
                        span: f.span,
                        help: (!f.quote.is_empty() && !fancy).then(|| f.quote.clone()),
                    })
                    .collect();
                s.push_str(&crate::render::render(file, source, &items, fancy, colour));
            }
            let _ = writeln!(
                s,
                "{}: {}, {}, {} info",
                plural(all.len(), "file"),
                plural(counts[2], "error"),
                plural(counts[1], "warning"),
                counts[0]
            );
            s
        }
    };
    if let Err(e) = write_output(args.output.as_ref(), &text) {
        note!("error: cannot write the output: {e}");
        return EXIT_INPUT;
    }
    if status != EXIT_OK {
        status
    } else if denied {
        EXIT_STRICT
    } else {
        EXIT_OK
    }
}

/// The report of files (paths as given, or the bundled corpus), and their graph when asked.
fn build_report(
    paths: &[PathBuf],
    with_graph: bool,
    output: Option<&PathBuf>,
) -> (Report, Option<vanban_graph::Graph>, u8) {
    let roots = if paths.is_empty() {
        default_paths()
    } else {
        paths.to_vec()
    };
    let (mut files, mut status) = expand(&roots);
    files.sort();
    files.dedup();
    if crate::files::refuse_clobber(output, &files) {
        return (Report::default(), None, crate::EXIT_USAGE);
    }
    let mut docs: Vec<DocumentReport> = Vec::new();
    let mut builder = vanban_graph::GraphBuilder::new();
    for r in process(&files, "reporting") {
        match r {
            Ok(d) => {
                docs.push(report::document_report(&d.name, &d.parsed, &d.extraction));
                if with_graph {
                    builder.add(d.name, d.extraction);
                }
            }
            Err(e) => {
                note!("{e}");
                status = EXIT_INPUT;
            }
        }
    }
    let graph = with_graph.then(|| builder.build());
    (Report::new(docs), graph, status)
}

pub(crate) fn report_cmd(args: &ReportArgs) -> u8 {
    let baseline = match &args.baseline {
        None => None,
        Some(path) => {
            let text = match std::fs::read_to_string(path) {
                Ok(t) => t,
                Err(e) => {
                    note!("{}: error: cannot read the baseline: {e}", path.display());
                    return EXIT_INPUT;
                }
            };
            match serde_json::from_str::<Report>(&text) {
                Ok(r) => Some(r),
                Err(e) => {
                    note!(
                        "{}:{}:{}: error: not a report saved with `vanban report --format json`: {e}",
                        path.display(),
                        e.line(),
                        e.column()
                    );
                    return EXIT_INPUT;
                }
            }
        }
    };
    if args.format == ReportFormat::Html && baseline.is_some() {
        note!("error: --baseline prints a difference as text or JSON, not HTML");
        return crate::EXIT_USAGE;
    }
    let (current, graph, status) = build_report(
        &args.paths,
        args.format == ReportFormat::Html,
        args.output.as_ref(),
    );
    if status == crate::EXIT_USAGE {
        return status;
    }
    let human = args.format == ReportFormat::Text;
    let (text, regressed) = match &baseline {
        Some(b) => {
            let d = report::diff(b, &current);
            let text = match args.format {
                ReportFormat::Json | ReportFormat::Html => {
                    let mut s = serde_json::to_string_pretty(&d).unwrap_or_default();
                    s.push('\n');
                    s
                }
                ReportFormat::Text => {
                    let mut t = d.text();
                    if d.regressed() {
                        t.push_str(
                            "regressions: fix them, or accept them by saving a new baseline \
                             (`vanban report --format json -o BASELINE`) in the same commit\n",
                        );
                    }
                    t
                }
            };
            (text, d.regressed())
        }
        None => {
            let text = match (args.format, &graph) {
                (ReportFormat::Json, _) => {
                    let mut s = serde_json::to_string_pretty(&current).unwrap_or_default();
                    s.push('\n');
                    s
                }
                (ReportFormat::Html, Some(g)) => crate::html::html(&current, g),
                _ => current.text(),
            };
            (text, false)
        }
    };
    let text = if human {
        vanban_text::visible(&text).into_owned()
    } else {
        text
    };
    if let Err(e) = write_output(args.output.as_ref(), &text) {
        note!("error: cannot write the output: {e}");
        return EXIT_INPUT;
    }
    if status != EXIT_OK {
        status
    } else if regressed {
        EXIT_STRICT
    } else {
        EXIT_OK
    }
}

/// "1 file", "2 files".
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}
