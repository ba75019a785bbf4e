//! The `vanban` command-line tool: argument parsing, diagnostics on stderr, files in and out.
//! The outputs themselves are `vanban-output`'s (its format enums are the values of
//! `--format`). This package also builds the `vanban` binary (`src/main.rs`): `cargo install vanban-cli`.
#![warn(missing_docs)]

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use vanban_model::Severity;
use vanban_output::{DocumentFormat, GraphFormat, Schema};
use vanban_syntax::{ParseOptions, Parsed};

/// `eprintln!` for messages that may carry text from documents or paths: control characters
/// are escaped so that nothing read from a file drives the terminal, and a message stays on
/// its line (a path holding a line feed cannot start a line of its own). A standard error
/// that is closed or full loses the message and nothing else (`eprintln!` panics there: the
/// exit code was 101 instead of the documented one).
macro_rules! note {
    ($($arg:tt)*) => {
        $crate::say(&vanban_text::visible_line(&format!($($arg)*)))
    };
}

/// Write one line to standard error, ignoring a closed or full stream.
pub(crate) fn say(line: &str) {
    use std::io::Write as _;
    let mut err = std::io::stderr().lock();
    let _ = err
        .write_all(line.as_bytes())
        .and_then(|()| err.write_all(b"\n"));
}

mod cache;
mod check;
mod error;
mod extract;
pub mod files;
mod graph;
mod render;
mod run;

pub use error::{CliError, CliResult};

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

#[derive(Parser, Debug)]
#[command(
    name = "vanban",
    version,
    about = "Read Vietnamese administrative, legal and Party documents into a typed syntax tree",
    long_about = "Read Vietnamese administrative, legal and Party documents (plans, decisions, \
resolutions, conclusions, letters, laws, decrees) into a typed syntax tree.\n\n\
Exit codes: 0 success; 1 --strict and error diagnostics, lint findings at --deny, an ID or \
query that matched nothing, a report regression; 2 bad command line; 3 a file could not be \
read or decoded, or the output not written; 130 interrupted.",
    after_help = "Examples:\n  vanban parse seeds/208-KH-UBND_2024_TuyenQuang.txt --format outline\n  \
vanban parse corpus/ND_30-2020-ND-CP_2020.txt --format json -o nd30.json\n  \
cat letter.txt | vanban parse - --format yaml"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The one-line help of `graph`, which names every graph format.
fn graph_about() -> String {
    let names: Vec<&str> = GraphFormat::ALL.iter().map(|f| f.name()).collect();
    format!(
        "Build the graph of a corpus: a summary, or an export (--format {})",
        names.join("|")
    )
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
    Extract(extract::ExtractArgs),
    /// Print the JSON Schema of an output (also in the repository's `schemas/`).
    #[command(
        after_help = "Examples:\n  vanban schema extract > extract.schema.json\n  \
vanban schema parse\n  \
vanban schema graph"
    )]
    Schema(SchemaArgs),
    // The one-line help is `graph_about`: it lists the formats of the registry.
    #[command(
        about = graph_about(),
        after_help = "PATH defaults to the bundled seeds/ and corpus/.\n\nExamples:\n  \
vanban graph --chain 208/KH-UBND\n  \
vanban graph --format json -o graph.json          # networkx.node_link_graph(data, edges=\"edges\")\n  \
vanban graph --format graphml -o graph.graphml    # Gephi, networkx.read_graphml\n  \
vanban graph --format dot --documents-only | dot -Tsvg > graph.svg\n  \
vanban graph my-documents/ --format cytoscape -o graph.cyjs\n  \
vanban graph --format csv -o import/               # import/nodes.csv, import/relationships.csv"
    )]
    Graph(graph::GraphArgs),
    /// The implementation chain of a document, upward to the roots.
    #[command(after_help = "Examples:\n  vanban chain 208/KH-UBND\n  \
vanban chain 2449-CV/ĐU --format json\n  \
vanban chain 165/QĐ-UBND --relations implements,based_on\n  \
vanban chain 208/KH-UBND --format json --asserters")]
    Chain(graph::ChainArgs),
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
    /// Tasks across the corpus with their lead and due date, filtered by agency, document and date.
    #[command(
        long_about = "Tasks across the corpus: for each, its date (the due date, else the last day of its period), the document and element that assign it, its lead agencies (or the agencies it is addressed to), its text and its deadline as written. Sorted by date, undated tasks last.",
        after_help = "Examples:\n  vanban tasks --due-before 2025-12-31\n  vanban tasks seeds/ --format csv\n  vanban tasks --agency \"Sở Tài chính\" --format json\n  vanban tasks --overdue --as-of 2026-01-15 --document 308/KH-UBND"
    )]
    Tasks(graph::TasksArgs),
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
    output: Schema,
    /// Write the schema to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    file: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
struct ParseArgs {
    /// The document (UTF-8 or UTF-16 text); `-` reads standard input.
    file: PathBuf,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = DocumentFormat::Json)]
    format: DocumentFormat,
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

/// Run the tool with the process's arguments.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return command_line_refused(&e),
    };
    run::install_panic_hook();
    files::install_interrupt_handler();
    let outcome = match run::thread_pool() {
        Ok(pool) => pool.install(|| run_command(&cli.command)),
        Err(e) => Err(e),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            e.report();
            ExitCode::from(e.exit_code())
        }
    }
}

/// What clap says when it does not run a command: the help or the version (exit 0, or 3 and
/// an error when standard output cannot take them: clap's own exit said 0 on a full disk), or
/// what is wrong with the command line (exit 2).
fn command_line_refused(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    let printed = e.print();
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => match printed {
            Ok(()) => ExitCode::SUCCESS,
            // (`vanban --help | head`: a reader that has read enough is not an error.)
            Err(why) if why.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(why) => {
                note!("error: cannot write to standard output: {why}");
                ExitCode::from(3)
            }
        },
        _ => ExitCode::from(2),
    }
}

fn run_command(command: &Command) -> CliResult {
    match command {
        Command::Parse(args) => parse_cmd(args),
        Command::Extract(args) => extract::extract_cmd(args),
        Command::Graph(args) => graph::graph_cmd(args),
        Command::Chain(args) => graph::chain_cmd(args),
        Command::Implementers(args) => graph::implementers_cmd(args),
        Command::Path(args) => graph::path_cmd(args),
        Command::Agency(args) => graph::agency_cmd(args),
        Command::Tasks(args) => graph::tasks_cmd(args),
        Command::Orphans(args) => graph::orphans_cmd(args),
        Command::Unimplemented(args) => graph::unimplemented_cmd(args),
        Command::Cycles(args) => graph::cycles_cmd(args),
        Command::Lint(args) => check::lint_cmd(args),
        Command::Report(args) => check::report_cmd(args),
        Command::Schema(args) => write_output(args.file.as_ref(), &args.output.render())
            .map_err(|e| output_error(args.file.as_ref(), e)),
    }
}

/// The extraction options of the command line: the built-in agency registry extended with
/// the user's files; and their fingerprint for the cache key (each file's kind and contents,
/// in order).
fn extract_options(
    agencies: &[PathBuf],
    abbreviations: &[PathBuf],
) -> Result<(vanban_extract::ExtractOptions, Vec<u8>), CliError> {
    let mut options = vanban_extract::ExtractOptions::default();
    let mut fingerprint = Vec::new();
    for (files, agencies) in [(agencies, true), (abbreviations, false)] {
        for file in files {
            let text = read_small_text(file)
                .map_err(|e| CliError::input(format!("{}{e}", file.display())))?;
            fingerprint.push(u8::from(agencies));
            fingerprint.extend_from_slice(&(text.len() as u64).to_le_bytes());
            fingerprint.extend_from_slice(text.as_bytes());
            let odd = if agencies {
                vanban_extract::AgencyRegistry::check_agencies(&text)
            } else {
                vanban_extract::AgencyRegistry::check_abbreviations(&text)
            };
            for (line, what) in odd {
                note!("{}:{line}: warning: {what}", file.display());
            }
            if agencies {
                options.registry.extend_agencies(&text);
            } else {
                options.registry.extend_abbreviations(&text);
            }
        }
    }
    Ok((options, fingerprint))
}

/// The most bytes of a small input the user names: a file list, an agency or abbreviation
/// table (a million paths, or a hundred thousand agencies, are some tens of MB).
const SMALL_TEXT_CAP: u64 = 256 << 20;

/// The text of a small input the user names (`-` is standard input): UTF-8, without NUL, at
/// most [`SMALL_TEXT_CAP`] bytes. Anything else is refused with a reason instead of read into
/// memory (`--files-from /dev/zero` held 4 GB and aborted; `--agencies /dev/zero` was read as
/// a GiB of empty agencies). The error goes after the file's name: ": error: …" or
/// ":LINE: error: …".
pub(crate) fn read_small_text(path: &std::path::Path) -> Result<String, String> {
    let bytes = read_small_bytes(path)?;
    String::from_utf8(bytes).map_err(|e| {
        let pos = e.utf8_error().valid_up_to();
        let line = line_of(e.as_bytes(), pos);
        format!(":{line}: error: the file is not UTF-8 text (byte {pos})")
    })
}

/// The line of a byte offset, for the errors of a small input.
fn line_of(b: &[u8], at: usize) -> usize {
    1 + b
        .get(..at)
        .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
}

/// The bytes of a small input the user names, as [`read_small_text`] reads them but in any
/// encoding (a list of paths: a file's name need not be UTF-8).
pub(crate) fn read_small_bytes(path: &std::path::Path) -> Result<Vec<u8>, String> {
    use vanban_syntax::text::{read_capped, read_file_up_to};
    let bytes = if files::is_stdin(path) {
        read_capped(std::io::stdin().lock(), 0, SMALL_TEXT_CAP + 1)
    } else {
        read_file_up_to(path, SMALL_TEXT_CAP + 1)
    }
    .map_err(|e| format!(": error: cannot read the file: {e}"))?;
    if bytes.len() as u64 > SMALL_TEXT_CAP {
        return Err(format!(
            ": error: longer than {} MiB: not a list of paths or a table",
            SMALL_TEXT_CAP >> 20
        ));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let line = line_of(&bytes, at);
        return Err(format!(
            ":{line}: error: binary data (a NUL byte), not text"
        ));
    }
    Ok(bytes)
}

/// A path that may be empty (clap's own refuses an empty one): `VANBAN_CACHE=` set empty by
/// a shell or a job runner is no cache, not an error about an option nobody typed.
pub(crate) fn any_path() -> impl clap::builder::TypedValueParser<Value = PathBuf> {
    use clap::builder::TypedValueParser;
    clap::builder::OsStringValueParser::new().map(PathBuf::from)
}

/// The cache of `--cache DIR` (or `VANBAN_CACHE`), when given and usable.
fn open_cache(
    dir: Option<&std::path::Path>,
    fingerprint: &[u8],
    quiet: bool,
) -> Option<cache::Cache> {
    dir.filter(|d| !d.as_os_str().is_empty())
        .and_then(|d| cache::Cache::open(d, fingerprint, quiet))
}

/// The error of an output that could not be written, naming where it was going.
pub(crate) fn output_error(path: Option<&PathBuf>, e: impl std::fmt::Display) -> CliError {
    // (The temporary file's errors end with its path, " at path \"…/.out.json.x1Y2.part\"":
    // the output is named already, and the temporary file is gone.)
    let e = e.to_string();
    let e = e
        .split_once(" at path \"")
        .map_or(e.as_str(), |(reason, _)| reason);
    CliError::input(match path {
        Some(p) => format!("{}: error: cannot write the output: {e}", p.display()),
        None => format!("error: cannot write to standard output: {e}"),
    })
}

pub(crate) fn write_output(path: Option<&PathBuf>, text: &str) -> std::io::Result<()> {
    files::write_all(path, text)
}

/// The bytes of an input (`-` is standard input), at most `vanban_syntax::text::READ_CAP` of
/// them (an endless source must not fill the memory: `/dev/zero` in a `--files-from` list was
/// read until the system killed the process, at 24 GB).
pub(crate) fn read_input(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use vanban_syntax::text::{read_capped, read_file, READ_CAP};
    if path.as_os_str() == "-" {
        use std::io::IsTerminal;
        let stdin = std::io::stdin();
        // (A terminal gives nothing until the user types: say what is awaited, not a silence.)
        if stdin.is_terminal() {
            note!("reading the document from the terminal: paste or type it, then Ctrl-D");
        }
        read_capped(stdin.lock(), 0, READ_CAP)
    } else {
        read_file(path)
    }
}

fn parse_cmd(args: &ParseArgs) -> CliResult {
    let name = args.file.display().to_string();
    if let Some(p) = &args.output {
        if files::output_clobbers_input(p, std::slice::from_ref(&args.file)).is_some() {
            return Err(CliError::usage(format!(
                "{}: error: the output would overwrite the input; choose another output path",
                p.display()
            )));
        }
    }
    let parsed = run::guarded(&name, || {
        let bytes = read_input(&args.file)
            .map_err(|e| format!("{name}: error: cannot read the file: {e}"))?;
        vanban_syntax::parse_with(&bytes, ParseOptions::default())
            .map_err(|e| format!("{name}: error: {e}"))
    })
    .map_err(CliError::input)?;
    if !args.quiet {
        print_diagnostics(&name, &parsed, args.verbose, args.diagnostics);
    }
    write_parsed(&name, &parsed, args)?;
    if args.strict && parsed.has_errors() {
        return Err(CliError::Strict);
    }
    Ok(())
}

/// The parsed document in the format asked for. Machine formats are written as they are made
/// (a million-node tree is never a string in memory); the outline is escaped for the terminal.
fn write_parsed(name: &str, parsed: &Parsed, args: &ParseArgs) -> CliResult {
    if args.format.for_people() {
        let rendered = run::guarded(name, || {
            args.format
                .render(parsed)
                .map_err(|e| format!("{name}: error: cannot serialise the output: {e}"))
        })
        .map_err(CliError::input)?;
        return write_output(args.output.as_ref(), &vanban_text::visible(&rendered))
            .map_err(|e| output_error(args.output.as_ref(), e));
    }
    let prefix = format!("{name}: ");
    run::guarded(name, || {
        Ok(files::write_made(args.output.as_ref(), &prefix, |w| {
            args.format.write(parsed, w)
        }))
    })
    .map_err(CliError::input)?
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
