//! `lint` and `report`.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::Arc;

use clap::ValueEnum;
use indicatif::ParallelProgressIterator;
use rayon::prelude::*;
use serde::Serialize;
use vanban_lint::report::{self, DocumentReport, Report};
use vanban_lint::Finding;
use vanban_model::Severity;
use vanban_output::{QueryFormat, ReportFormat};

use crate::error::{unless_unreadable, CliError, CliResult};
use crate::graph::default_paths;
use crate::write_output;

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
    /// Keep what each document gives in this folder, keyed by the hash of its bytes, and read
    /// it back instead of parsing an unchanged file again (the same report).
    /// An empty DIR (`VANBAN_CACHE=`) is no cache.
    #[arg(long, value_name = "DIR", env = "VANBAN_CACHE", value_parser = crate::any_path())]
    cache: Option<PathBuf>,
    /// Print no warnings about the files (skipped, met twice) and no cache line on stderr
    /// (errors still: a file that cannot be read).
    #[arg(long, short)]
    quiet: bool,
}

/// The files behind the arguments: files as given, directories walked; and whether a path
/// could not be read.
fn expand(paths: &[PathBuf], quiet: bool) -> (Vec<PathBuf>, bool) {
    let walk = crate::files::walk(paths);
    let unreadable = walk.report(quiet);
    (walk.files, unreadable)
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

/// The findings of each file, with its text (for the snippets).
struct Linted {
    files: Vec<(String, Vec<Finding>)>,
    sources: Vec<Arc<String>>,
    /// Whether a finding is at or above `--deny`.
    denied: bool,
    /// Whether a file could not be read.
    unreadable: bool,
}

fn lint_files(args: &LintArgs, files: &[PathBuf]) -> Linted {
    let threshold = match args.deny {
        Deny::Error => Some(2),
        Deny::Warning => Some(1),
        Deny::Info => Some(0),
        Deny::Never => None,
    };
    let mut out = Linted {
        files: Vec::new(),
        sources: Vec::new(),
        denied: false,
        unreadable: false,
    };
    for r in process(files, "linting") {
        match r {
            Ok(d) => {
                let mut findings = vanban_lint::lint(&d.parsed, &d.extraction);
                if args.no_info {
                    findings.retain(|f| f.severity != Severity::Info);
                }
                if threshold.is_some_and(|t| findings.iter().any(|f| rank(f.severity) >= t)) {
                    out.denied = true;
                }
                out.files.push((d.name, findings));
                out.sources.push(Arc::new(d.parsed.source));
            }
            Err(e) => {
                note!("{e}");
                out.unreadable = true;
            }
        }
    }
    out
}

/// Findings for people: each with its source line (fancy) or its quote (plain), then counts.
fn lint_text(args: &LintArgs, linted: &Linted) -> String {
    use std::io::IsTerminal;
    let terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let fancy = args.diagnostics.fancy(terminal);
    let colour = terminal && crate::render::colour_allowed(|name| std::env::var_os(name));
    let mut s = String::new();
    let mut counts = [0usize; 3];
    for ((file, findings), source) in linted.files.iter().zip(&linted.sources) {
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
        plural(linted.files.len(), "file"),
        plural(counts[2], "error"),
        plural(counts[1], "warning"),
        counts[0]
    );
    s
}

pub(crate) fn lint_cmd(args: &LintArgs) -> CliResult {
    let (files, unreadable) = expand(&args.files, false);
    // (As every other command: a mistyped folder, or one of `.md` files, is no clean lint.)
    if files.is_empty() {
        return Err(CliError::input("error: no documents to read"));
    }
    if crate::files::refuse_clobber(args.output.as_ref(), &files) {
        return Err(CliError::usage_reported());
    }
    let linted = lint_files(args, &files);
    let text = match args.format {
        QueryFormat::Json => {
            let v: Vec<FileFindings<'_>> = linted
                .files
                .iter()
                .map(|(file, findings)| FileFindings { file, findings })
                .collect();
            let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
            s.push('\n');
            s
        }
        QueryFormat::Text => lint_text(args, &linted),
    };
    write_output(args.output.as_ref(), &text)
        .map_err(|e| crate::output_error(args.output.as_ref(), e))?;
    let verdict = if linted.denied {
        Err(CliError::Strict)
    } else {
        Ok(())
    };
    unless_unreadable(unreadable || linted.unreadable, verdict)
}

/// The report of files (paths as given, or the bundled corpus), and their graph when asked;
/// whether a file could not be read.
fn build_report(
    args: &ReportArgs,
    with_graph: bool,
) -> Result<(Report, Option<vanban_graph::Graph>, bool), CliError> {
    let output = args.output.as_ref();
    let roots = if args.paths.is_empty() {
        default_paths()
    } else {
        args.paths.clone()
    };
    let (mut files, mut unreadable) = expand(&roots, args.quiet);
    files.sort();
    files.dedup();
    if files.is_empty() {
        return Err(CliError::input("error: no documents to read"));
    }
    if crate::files::refuse_clobber(output, &crate::files::all_inputs(&files, &args.baseline)) {
        return Err(CliError::usage_reported());
    }
    let mut docs: Vec<DocumentReport> = Vec::new();
    let mut builder = vanban_graph::GraphBuilder::new();
    let options = vanban_extract::ExtractOptions::default();
    let cache = crate::open_cache(args.cache.as_deref(), &[], args.quiet);
    let bar = crate::progress(files.len(), "reporting");
    let read: Vec<Result<crate::run::Doc, String>> = files
        .par_iter()
        .progress_with(bar)
        .map(|f| {
            let wants = crate::run::Wants {
                report: true,
                ..crate::run::Wants::default()
            };
            crate::run::read_doc(f, &options, cache.as_ref(), wants, false)
        })
        .collect();
    if let (Some(c), false) = (&cache, args.quiet) {
        c.summary();
    }
    for r in read {
        match r {
            Ok(d) => {
                // (Asked for: always there.)
                docs.extend(d.report);
                if with_graph {
                    builder.add(d.name, d.extraction);
                }
            }
            Err(e) => {
                note!("{e}");
                unreadable = true;
            }
        }
    }
    let graph = with_graph.then(|| builder.build());
    Ok((Report::new(docs), graph, unreadable))
}

/// A report saved with `vanban report --format json` (a byte-order mark before it, as an
/// editor may save it, is skipped). A byte that is no UTF-8 is named by its line and column;
/// a baseline that lists a document twice (two reports pasted together) is refused: compared
/// with it, every document read as gone.
fn read_baseline(path: &std::path::Path) -> Result<Report, CliError> {
    let bytes = vanban_syntax::text::read_file(path).map_err(|e| {
        CliError::input(format!(
            "{}: error: cannot read the baseline: {e}",
            path.display()
        ))
    })?;
    // (The documents' decoder: it skips a byte-order mark and places a bad byte.)
    let text = vanban_syntax::text::decode(&bytes).map_err(|e| match e {
        vanban_syntax::DecodeError::InvalidUtf8 { line, column, .. } => CliError::input(format!(
            "{}:{line}:{column}: error: the baseline is not UTF-8 text",
            path.display()
        )),
        other => CliError::input(format!(
            "{}: error: cannot read the baseline: {other}",
            path.display()
        )),
    })?;
    let report = serde_json::from_str::<Report>(&text).map_err(|e| {
        CliError::input(format!(
            "{}:{}:{}: error: not a report saved with `vanban report --format json`: {e}",
            path.display(),
            e.line(),
            e.column()
        ))
    })?;
    let mut seen = std::collections::BTreeSet::new();
    if let Some(twice) = report
        .documents
        .iter()
        .find(|d| !seen.insert(d.file.as_str()))
    {
        return Err(CliError::input(format!(
            "{}: error: the baseline lists {} twice: save it again with `vanban report \
             --format json -o {}`",
            path.display(),
            twice.file,
            path.display()
        )));
    }
    Ok(report)
}

pub(crate) fn report_cmd(args: &ReportArgs) -> CliResult {
    let baseline = args.baseline.as_deref().map(read_baseline).transpose()?;
    if args.format == ReportFormat::Html && baseline.is_some() {
        return Err(CliError::usage(
            "error: --baseline prints a difference as text or JSON, not HTML",
        ));
    }
    let (current, graph, unreadable) = build_report(args, args.format.needs_graph())?;
    let (text, regressed) = match &baseline {
        Some(b) => {
            let d = report::diff(b, &current);
            (args.format.render_diff(&d), d.regressed())
        }
        None => (args.format.render(&current, graph.as_ref()), false),
    };
    let text =
        text.map_err(|e| CliError::input(format!("error: cannot serialise the output: {e}")))?;
    let text = if args.format.for_people() {
        vanban_text::visible(&text).into_owned()
    } else {
        text
    };
    write_output(args.output.as_ref(), &text)
        .map_err(|e| crate::output_error(args.output.as_ref(), e))?;
    let verdict = if regressed {
        Err(CliError::Regression)
    } else {
        Ok(())
    };
    unless_unreadable(unreadable, verdict)
}

/// "1 file", "2 files".
fn plural(n: usize, word: &str) -> String {
    vanban_text::count(n, word, &format!("{word}s"))
}
