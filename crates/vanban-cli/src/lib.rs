//! The `vanban` command-line tool: argument parsing, output formats and diagnostics on
//! stderr. The binary itself lives in the root package (`src/main.rs`).
#![warn(missing_docs)]

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;
use vanban_model::{Diagnostic, Document, Severity};
use vanban_syntax::{ParseOptions, Parsed};

/// `eprintln!` for messages that may carry text from documents or paths: control characters
/// are escaped so that nothing read from a file drives the terminal.
macro_rules! note {
    ($($arg:tt)*) => {
        eprintln!("{}", vanban_text::visible(&format!($($arg)*)))
    };
}

mod check;
mod files;
mod graph;
mod html;
mod render;
mod run;

/// A progress bar on stderr for runs over many files; hidden when stderr is not a terminal or
/// the run is short.
pub(crate) fn progress(len: usize, what: &str) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if len < 200 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{msg} {bar:40} {pos}/{len} files, {per_sec}, eta {eta}",
    ) {
        bar.set_style(style);
    }
    bar.set_message(what.to_owned());
    bar
}

/// Exit code: success.
pub const EXIT_OK: u8 = 0;
/// Exit code: `--strict` and the document has error diagnostics.
pub const EXIT_STRICT: u8 = 1;
/// Exit code: bad command line (clap's own).
pub const EXIT_USAGE: u8 = 2;
/// Exit code: a file could not be read or decoded.
pub const EXIT_INPUT: u8 = 3;

#[derive(Parser, Debug)]
#[command(
    name = "vanban",
    version,
    about = "Read Vietnamese administrative, legal and Party documents into a typed syntax tree",
    long_about = "Read Vietnamese administrative, legal and Party documents (plans, decisions, \
resolutions, conclusions, letters, laws, decrees) into a typed syntax tree.\n\n\
Exit codes: 0 success; 1 --strict and error diagnostics; 2 bad command line; 3 a file could \
not be read or decoded.",
    after_help = "Examples:\n  vanban parse seeds/208-KH-UBND_2024_TuyenQuang.txt --format outline\n  \
vanban parse corpus/ND_30-2020-ND-CP_2020.txt --format json -o nd30.json\n  \
cat letter.txt | vanban parse - --format yaml"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Parse one document and print its tree.
    #[command(
        after_help = "Examples:\n  vanban parse seeds/208-KH-UBND_2024_TuyenQuang.txt --format outline\n  \
vanban parse corpus/CV_9387-UBND-KT_2026_LaoCai.txt --format json\n  \
vanban parse - --format text < file.txt   # the lossless rendering"
    )]
    Parse(ParseArgs),
    /// Extract citations, relations, references, assignments and recipients.
    #[command(
        after_help = "Examples:\n  vanban extract seeds/208-KH-UBND_2024_TuyenQuang.txt\n  \
vanban extract corpus/*.txt --jsonl -o corpus.jsonl\n  \
vanban extract corpus/CV_9387-UBND-KT_2026_LaoCai.txt --summary\n  \
vanban extract plan.txt --agencies my-agencies.tsv   # extend the agency registry"
    )]
    Extract(ExtractArgs),
    /// Print the JSON Schema of an output (also in the repository's `schemas/`).
    #[command(
        after_help = "Examples:\n  vanban schema extract > extract.schema.json\n  \
vanban schema parse"
    )]
    Schema(SchemaArgs),
    /// Build the graph of a corpus: a summary, or an export (JSON, Cytoscape, GraphML, DOT).
    #[command(
        after_help = "PATH defaults to the bundled seeds/ and corpus/.\n\nExamples:\n  \
vanban graph --chain 208/KH-UBND\n  \
vanban graph --format json -o graph.json          # networkx.node_link_graph(data, edges=\"edges\")\n  \
vanban graph --format graphml -o graph.graphml    # Gephi, networkx.read_graphml\n  \
vanban graph --format dot --documents-only | dot -Tsvg > graph.svg\n  \
vanban graph my-documents/ --format cytoscape -o graph.cyjs"
    )]
    Graph(graph::GraphArgs),
    /// The implementation chain of a document, upward to the roots.
    #[command(after_help = "Examples:\n  vanban chain 208/KH-UBND\n  \
vanban chain 2449-CV/ĐU --format json\n  \
vanban chain 165/QĐ-UBND --relations implements,based_on")]
    Chain(graph::IdArgs),
    /// Everything that implements a document, directly or not, with depth.
    #[command(
        after_help = "Examples:\n  vanban implementers 13-NQ/TW\n  vanban implementers 57-NQ/TW --format json"
    )]
    Implementers(graph::IdArgs),
    /// The shortest path of relations between two documents.
    #[command(after_help = "Example:\n  vanban path 208/KH-UBND 13-NQ/TW")]
    Path(graph::PathArgs),
    /// The tasks of an agency across the corpus: lead, cooperating, responsible.
    #[command(
        after_help = "Examples:\n  vanban agency \"Sở Tài chính\"\n  vanban agency \"kế hoạch và đầu tư\" --format json"
    )]
    Agency(graph::AgencyArgs),
    /// Documents cited but not in the corpus, most cited first.
    Orphans(graph::ListArgs),
    /// Directives (resolutions, conclusions, plans …) that nothing in the corpus implements.
    #[command(
        after_help = "Examples:\n  vanban unimplemented\n  vanban unimplemented --kind resolution,conclusion --issuer \"Bộ Chính trị\""
    )]
    Unimplemented(graph::UnimplementedArgs),
    /// Cycles of implementation relations (a sign of a misread relation).
    Cycles(graph::ListArgs),
    /// Check documents: numbering, header format, citations, closing.
    #[command(after_help = "Examples:\n  vanban lint draft.txt\n  \
vanban lint corpus/ --format json -o findings.json\n  \
vanban lint draft.txt --deny warning   # exit 1 on any warning\n\n\
Exit codes: 0 no finding at or above --deny (default: error); 1 findings at or above it; \
2 bad command line; 3 a file could not be read.")]
    Lint(check::LintArgs),
    /// A per-document report of a corpus, and its difference from a saved baseline.
    #[command(
        after_help = "PATH defaults to the bundled seeds/ and corpus/.\n\nExamples:\n  \
vanban report\n  \
vanban report --format json -o tests/corpus-report.json   # save a baseline\n  \
vanban report --baseline tests/corpus-report.json          # what changed; exit 1 on regression"
    )]
    Report(check::ReportArgs),
}

#[derive(clap::Args, Debug)]
struct SchemaArgs {
    /// Which output.
    #[arg(value_enum)]
    output: SchemaOf,
    /// Write the schema to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    file: Option<PathBuf>,
}

/// Outputs that have a JSON Schema.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum SchemaOf {
    /// `vanban parse --format json`: one document object.
    Parse,
    /// `vanban extract`: one object per document (the items of the array, or each line of
    /// `--jsonl`).
    Extract,
}

/// The JSON Schema of an output, pretty-printed, with a trailing newline.
pub fn schema_text(extract: bool) -> String {
    let schema = if extract {
        schemars::schema_for!(vanban_model::Extraction)
    } else {
        schemars::schema_for!(ParseOutput<'static>)
    };
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

#[derive(clap::Args, Debug)]
struct ExtractArgs {
    /// Documents (UTF-8 or UTF-16 text) or directories (walked for `.txt`); `-` reads one
    /// document from standard input.
    #[arg(required_unless_present = "files_from")]
    files: Vec<PathBuf>,
    /// Also read the documents listed in this file, one path a line (`-`: standard input).
    #[arg(long, value_name = "LIST")]
    files_from: Option<PathBuf>,
    /// How diagnostics are shown on stderr: the source line underlined on a terminal
    /// (`auto`), always (`fancy`) or one plain line each (`plain`).
    #[arg(long, value_enum, default_value_t = render::Style::Auto)]
    diagnostics: render::Style,
    /// One JSON object per line instead of a JSON array.
    #[arg(long)]
    jsonl: bool,
    /// A short human-readable summary per document instead of JSON.
    #[arg(long, conflicts_with = "jsonl")]
    summary: bool,
    /// Extra agencies, in the format of `data/agencies.tsv` (canonical name, TAB, aliases
    /// separated by "|"). Repeatable; later files override earlier ones and the built-in list.
    #[arg(long, value_name = "FILE")]
    agencies: Vec<PathBuf>,
    /// Extra abbreviations, in the format of `data/abbreviations.tsv` (abbreviation, TAB,
    /// expansion). Repeatable.
    #[arg(long, value_name = "FILE")]
    abbreviations: Vec<PathBuf>,
    /// Write the output to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Also print info diagnostics on stderr.
    #[arg(long, short)]
    verbose: bool,
    /// Print no diagnostics on stderr.
    #[arg(long, short, conflicts_with = "verbose")]
    quiet: bool,
}

#[derive(clap::Args, Debug)]
struct ParseArgs {
    /// The document (UTF-8 or UTF-16 text); `-` reads standard input.
    file: PathBuf,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Write the output to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Exit with code 1 when the parse has error diagnostics.
    #[arg(long)]
    strict: bool,
    /// How diagnostics are shown on stderr: the source line underlined on a terminal
    /// (`auto`), always (`fancy`) or one plain line each (`plain`).
    #[arg(long, value_enum, default_value_t = render::Style::Auto)]
    diagnostics: render::Style,
    /// Also print info diagnostics (what the clean-up passes did) on stderr.
    #[arg(long, short)]
    verbose: bool,
    /// Print no diagnostics on stderr.
    #[arg(long, short, conflicts_with = "verbose")]
    quiet: bool,
}

/// Output formats of `parse`.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Format {
    /// One JSON object: header, preamble, body, closing, appendices, diagnostics.
    Json,
    /// The same object as YAML.
    Yaml,
    /// An indented outline a person reads at a glance.
    Outline,
    /// The lossless rendering: the normalised input, byte for byte.
    Text,
    /// Akoma Ntoso 3.0 XML (preface, preamble, hierarchy, citations as `ref`, cited documents
    /// as `activeRef`, conclusions).
    Akn,
}

/// The JSON/YAML shape of `vanban parse`: the document's fields plus its diagnostics.
#[derive(Serialize, schemars::JsonSchema)]
struct ParseOutput<'a> {
    #[serde(flatten)]
    document: &'a Document,
    diagnostics: &'a [Diagnostic],
}

/// Run the tool with the process's arguments.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    run::install_panic_hook();
    files::install_interrupt_handler();
    match cli.command {
        Command::Parse(args) => ExitCode::from(parse_cmd(&args)),
        Command::Extract(args) => ExitCode::from(extract_cmd(&args)),
        Command::Graph(args) => ExitCode::from(graph::graph_cmd(&args)),
        Command::Chain(args) => ExitCode::from(graph::chain_cmd(&args)),
        Command::Implementers(args) => ExitCode::from(graph::implementers_cmd(&args)),
        Command::Path(args) => ExitCode::from(graph::path_cmd(&args)),
        Command::Agency(args) => ExitCode::from(graph::agency_cmd(&args)),
        Command::Orphans(args) => ExitCode::from(graph::orphans_cmd(&args)),
        Command::Unimplemented(args) => ExitCode::from(graph::unimplemented_cmd(&args)),
        Command::Cycles(args) => ExitCode::from(graph::cycles_cmd(&args)),
        Command::Lint(args) => ExitCode::from(check::lint_cmd(&args)),
        Command::Report(args) => ExitCode::from(check::report_cmd(&args)),
        Command::Schema(args) => {
            let text = schema_text(args.output == SchemaOf::Extract);
            match write_output(args.file.as_ref(), &text) {
                Ok(()) => ExitCode::from(EXIT_OK),
                Err(e) => {
                    note!("error: cannot write the output: {e}");
                    ExitCode::from(EXIT_INPUT)
                }
            }
        }
    }
}

/// The extraction options of the command line: the built-in agency registry extended with
/// the user's files.
fn extract_options(
    agencies: &[PathBuf],
    abbreviations: &[PathBuf],
) -> Result<vanban_extract::ExtractOptions, String> {
    let mut options = vanban_extract::ExtractOptions::default();
    for (files, agencies) in [(agencies, true), (abbreviations, false)] {
        for file in files {
            let text = std::fs::read(file)
                .map_err(|e| format!("{}: error: cannot read the file: {e}", file.display()))?;
            let text = String::from_utf8(text).map_err(|e| {
                let pos = e.utf8_error().valid_up_to();
                let line = 1 + e.as_bytes()[..pos].iter().filter(|&&b| b == b'\n').count();
                format!(
                    "{}:{line}: error: the file is not UTF-8 text (byte {pos})",
                    file.display()
                )
            })?;
            if agencies {
                options.registry.extend_agencies(&text);
            } else {
                options.registry.extend_abbreviations(&text);
            }
        }
    }
    Ok(options)
}

/// The documents an `extract` run reads: files as given (directories walked for `.txt`, `-` is
/// standard input), then those listed in `--files-from`.
fn extract_inputs(args: &ExtractArgs) -> (Vec<PathBuf>, u8) {
    let mut status = EXIT_OK;
    let mut roots = args.files.clone();
    if let Some(list) = &args.files_from {
        let text = if files::is_stdin(list) {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).map(|_| s)
        } else {
            std::fs::read_to_string(list)
        };
        match text {
            Ok(t) => roots.extend(
                t.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(PathBuf::from),
            ),
            Err(e) => {
                note!("{}: error: cannot read the file list: {e}", list.display());
                status = EXIT_INPUT;
            }
        }
    }
    let walk = files::walk(&roots);
    if walk.report(args.quiet) {
        status = EXIT_INPUT;
    }
    (walk.files, status)
}

/// Documents are read in parallel in batches of this many, and written in input order as each
/// batch ends: output streams, memory stays bounded, and the bytes do not depend on threads.
const BATCH: usize = 64;

fn extract_cmd(args: &ExtractArgs) -> u8 {
    use indicatif::ParallelProgressIterator;
    use rayon::prelude::*;
    let options = match extract_options(&args.agencies, &args.abbreviations) {
        Ok(o) => o,
        Err(e) => {
            note!("{e}");
            return EXIT_INPUT;
        }
    };
    let (files, mut status) = extract_inputs(args);
    if files.is_empty() {
        note!("error: no documents to read");
        return EXIT_INPUT;
    }
    if crate::files::refuse_clobber(args.output.as_ref(), &files) {
        return EXIT_USAGE;
    }
    let mut target = match &args.output {
        Some(p) => match files::AtomicFile::create(p) {
            Ok(f) => Some(f),
            Err(e) => {
                note!("{}: error: cannot write the output: {e}", p.display());
                return EXIT_INPUT;
            }
        },
        None => None,
    };
    let sink: Box<dyn Write + '_> = match target.as_mut() {
        Some(t) => Box::new(t),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = std::io::BufWriter::new(sink);
    let bar = progress(files.len(), "extracting");
    let (mut docs, mut citations, mut relations, mut assignments) = (0usize, 0, 0, 0);
    let mut first = true;
    let mut write_err: Option<std::io::Error> = None;
    let mut emit = |out: &mut std::io::BufWriter<Box<dyn Write + '_>>, text: &str| {
        if write_err.is_none() {
            if let Err(e) = out.write_all(text.as_bytes()) {
                write_err = Some(e);
            }
        }
    };
    let array = !args.jsonl && !args.summary;
    for batch in files.chunks(BATCH) {
        let results: Vec<Result<run::Read, String>> = batch
            .par_iter()
            .progress_with(bar.clone())
            .map(|file| run::read_document(file, &options))
            .collect();
        for r in results {
            let (name, x, source) = match r {
                Ok(v) => (v.name, v.extraction, v.parsed.source),
                Err(e) => {
                    note!("{e}");
                    status = EXIT_INPUT;
                    continue;
                }
            };
            if !args.quiet {
                print_items(
                    &name,
                    &source,
                    &x.diagnostics,
                    args.verbose,
                    args.diagnostics,
                );
            }
            docs += 1;
            citations += x.citations.len();
            relations += x.relations.len();
            assignments += x.assignments.len();
            if args.summary {
                emit(&mut out, &vanban_text::visible(&summary(&name, &x)));
            } else if args.jsonl {
                match serde_json::to_string(&x) {
                    Ok(s) => emit(&mut out, &format!("{s}\n")),
                    Err(e) => {
                        note!("{name}: error: cannot serialise the output: {e}");
                        status = EXIT_INPUT;
                    }
                }
            } else {
                // The same bytes as a pretty-printed array, one element at a time.
                match serde_json::to_string_pretty(&x) {
                    Ok(s) => {
                        let indented: Vec<String> = s.lines().map(|l| format!("  {l}")).collect();
                        let lead = if first { "[\n" } else { ",\n" };
                        emit(&mut out, &format!("{lead}{}", indented.join("\n")));
                        first = false;
                    }
                    Err(e) => {
                        note!("{name}: error: cannot serialise the output: {e}");
                        status = EXIT_INPUT;
                    }
                }
            }
        }
    }
    bar.finish_and_clear();
    if array {
        emit(&mut out, if first { "[]\n" } else { "\n]\n" });
    }
    let flushed = out.flush();
    drop(out);
    if let Some(e) = write_err.or(flushed.err()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            note!("error: cannot write the output: {e}");
            return EXIT_INPUT;
        }
    }
    if let (Some(t), Some(p)) = (target, &args.output) {
        if let Err(e) = t.commit() {
            note!("{}: error: cannot write the output: {e}", p.display());
            return EXIT_INPUT;
        }
    }
    if let (Some(path), false) = (&args.output, args.quiet) {
        note!(
            "wrote {docs} documents ({citations} citations, {relations} relations, {assignments} assignments) to {}",
            path.display()
        );
    }
    status
}

pub(crate) fn write_output(path: Option<&PathBuf>, text: &str) -> std::io::Result<()> {
    files::write_all(path, text)
}

/// A few lines a person reads: id, citations, relations, assignments.
fn summary(name: &str, x: &vanban_model::Extraction) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(s, "{name}\n  id: {}", x.id);
    let _ = writeln!(s, "  citations: {}", x.citations.len());
    for c in &x.citations {
        let _ = writeln!(
            s,
            "    {} {} | {} | {} | {}",
            match c.form {
                vanban_model::CitationForm::Full => "full",
                vanban_model::CitationForm::Short => "short",
                vanban_model::CitationForm::Named => "named",
            },
            c.number
                .as_ref()
                .map(|n| n.normalized.as_str())
                .or(c.name.as_deref())
                .unwrap_or("-"),
            c.date.as_deref().unwrap_or("-"),
            c.issuer.as_ref().map_or("-", |i| i.resolved.as_str()),
            c.node.as_deref().unwrap_or("-")
        );
    }
    let _ = writeln!(s, "  relations: {}", x.relations.len());
    for r in &x.relations {
        let _ = writeln!(s, "    {} --{}--> {}", r.from, r.kind, r.to);
    }
    if !x.references.is_empty() {
        let _ = writeln!(s, "  references: {}", x.references.len());
    }
    if !x.assignments.is_empty() {
        let _ = writeln!(s, "  assignments: {}", x.assignments.len());
        for a in &x.assignments {
            let list = |v: &[String]| {
                if v.is_empty() {
                    "-".to_owned()
                } else {
                    v.join(" | ")
                }
            };
            let _ = writeln!(
                s,
                "    {}: lead {}; cooperating {}; responsible {}; deadline {}",
                a.node,
                list(&a.lead),
                list(&a.cooperating),
                list(&a.responsible),
                a.deadline.as_deref().unwrap_or("-")
            );
        }
    }
    s
}

pub(crate) fn read_input(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
}

fn parse_cmd(args: &ParseArgs) -> u8 {
    let name = args.file.display().to_string();
    if let Some(p) = &args.output {
        if files::output_clobbers_input(p, std::slice::from_ref(&args.file)).is_some() {
            note!(
                "{}: error: the output would overwrite the input; choose another output path",
                p.display()
            );
            return EXIT_USAGE;
        }
    }
    let done = run::guarded(&name, || {
        let bytes = read_input(&args.file)
            .map_err(|e| format!("{name}: error: cannot read the file: {e}"))?;
        let parsed = vanban_syntax::parse_with(&bytes, ParseOptions::default())
            .map_err(|e| format!("{name}: error: {e}"))?;
        let rendered = render(&parsed, args.format)
            .map_err(|e| format!("{name}: error: cannot serialise the output: {e}"))?;
        Ok((parsed, rendered))
    });
    let (parsed, rendered) = match done {
        Ok(v) => v,
        Err(e) => {
            note!("{e}");
            return EXIT_INPUT;
        }
    };
    if !args.quiet {
        print_diagnostics(&name, &parsed, args.verbose, args.diagnostics);
    }
    if let Err(e) = write_output(args.output.as_ref(), &rendered) {
        note!("{name}: error: cannot write the output: {e}");
        return EXIT_INPUT;
    }
    if args.strict && parsed.has_errors() {
        return EXIT_STRICT;
    }
    EXIT_OK
}

fn render(parsed: &Parsed, format: Format) -> Result<String, String> {
    let output = ParseOutput {
        document: &parsed.document,
        diagnostics: &parsed.diagnostics,
    };
    Ok(match format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&output).map_err(|e| e.to_string())?;
            s.push('\n');
            s
        }
        Format::Yaml => serde_yaml_ng::to_string(&output).map_err(|e| e.to_string())?,
        Format::Outline => vanban_text::visible(&vanban_model::outline::outline(
            &parsed.document,
            Default::default(),
        ))
        .into_owned(),
        Format::Text => parsed.render(),
        Format::Akn => vanban_extract::akn::akn(parsed, &vanban_extract::extract(parsed)),
    })
}

/// `file:line:col: severity[code]: message`, one per line.
fn print_diagnostics(name: &str, parsed: &Parsed, verbose: bool, style: render::Style) {
    print_items(name, &parsed.source, &parsed.diagnostics, verbose, style);
}

/// Diagnostics of one file on stderr: fancy (source line underlined) or plain.
fn print_items(
    name: &str,
    source: &str,
    diagnostics: &[vanban_model::Diagnostic],
    verbose: bool,
    style: render::Style,
) {
    let items: Vec<render::Item<'_>> = diagnostics
        .iter()
        .filter(|d| verbose || d.severity != Severity::Info)
        .map(|d| render::Item {
            code: &d.code,
            severity: d.severity,
            message: &d.message,
            span: d.span,
            help: None,
        })
        .collect();
    if items.is_empty() {
        return;
    }
    let source = std::sync::Arc::new(source.to_owned());
    let text = render::render(
        name,
        &source,
        &items,
        style.fancy_stderr(),
        render::colour_stderr(),
    );
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}
