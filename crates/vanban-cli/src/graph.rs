//! The graph commands: `graph`, `chain`, `implementers`, `path`, `agency`, `orphans`,
//! `unimplemented`, `cycles`. Each reads a corpus (the bundled `seeds/` and `corpus/` by
//! default), builds the graph and answers.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use vanban_graph::TaskFilter;
use vanban_graph::{Graph, GraphBuilder, NodeKind, ResolveError, IMPLEMENTATION};
use vanban_model::{DocumentKind, RelationType, Severity};
use vanban_output::{
    query, ChainFormat, Export, ExportOptions, GraphFormat, QueryFormat, TaskFormat,
};

use crate::error::{unless_unreadable, CliError, CliResult};
use crate::write_output;

/// Where the documents come from, shared by every graph command.
#[derive(clap::Args, Debug, Clone)]
pub(crate) struct CorpusArgs {
    /// Files or directories of documents (`.txt`, searched recursively). Default: the bundled
    /// `seeds/` and `corpus/`.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Build the graph from extraction records instead of documents: the JSON Lines
    /// `vanban extract --jsonl` writes (`-`: standard input). No document is read again; each
    /// record's `source` names its file, so the graph is the one built from the documents.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["paths", "agencies", "abbreviations"])]
    from_jsonl: Option<PathBuf>,
    /// Extra agencies, as for `extract`.
    #[arg(long, value_name = "FILE")]
    agencies: Vec<PathBuf>,
    /// Extra abbreviations, as for `extract`.
    #[arg(long, value_name = "FILE")]
    abbreviations: Vec<PathBuf>,
    /// Print no diagnostics on stderr.
    #[arg(long, short)]
    quiet: bool,
    /// Also print each document's warnings on stderr.
    #[arg(long, short, conflicts_with = "quiet")]
    verbose: bool,
    /// Write the output to this file instead of standard output (`graph --format csv`: to
    /// this directory, made when missing).
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Keep what each document gives in this folder, keyed by the hash of its bytes, and read
    /// it back instead of parsing an unchanged file again (same answer, same diagnostics).
    /// An empty DIR (`VANBAN_CACHE=`) is no cache.
    #[arg(long, value_name = "DIR", env = "VANBAN_CACHE", value_parser = crate::any_path())]
    cache: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub(crate) struct GraphArgs {
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = GraphFormat::Summary)]
    format: GraphFormat,
    /// Only documents and the relations between them.
    #[arg(long)]
    documents_only: bool,
    /// With `--format summary`: also print the implementation chain of these documents.
    #[arg(long, value_name = "ID")]
    chain: Vec<String>,
    #[command(flatten)]
    corpus: CorpusArgs,
}

#[derive(clap::Args, Debug)]
pub(crate) struct IdArgs {
    /// A document: its number as printed ("208/KH-UBND"), a law's name, or its full id.
    id: String,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ChainFormat::Text)]
    format: ChainFormat,
    /// Relations to follow, comma-separated (default: implements, continues_implementing,
    /// details, guides).
    #[arg(long, value_delimiter = ',', value_name = "TYPE")]
    relations: Vec<String>,
    #[command(flatten)]
    corpus: CorpusArgs,
}

#[derive(clap::Args, Debug)]
pub(crate) struct ChainArgs {
    #[command(flatten)]
    query: IdArgs,
    /// List the documents that assert each link (JSON `asserted_by`; text: below the link).
    /// Without it each link has only their number (`asserted_count`).
    #[arg(long)]
    asserters: bool,
}

#[derive(clap::Args, Debug)]
pub(crate) struct PathArgs {
    /// From this document …
    from: String,
    /// … to this one.
    to: String,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = QueryFormat::Text)]
    format: QueryFormat,
    #[command(flatten)]
    corpus: CorpusArgs,
}

#[derive(clap::Args, Debug)]
pub(crate) struct AgencyArgs {
    /// A part of the agency's name ("Sở Tài chính", "tài chính", "UBND").
    #[arg(value_parser = some_text)]
    name: String,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = QueryFormat::Text)]
    format: QueryFormat,
    #[command(flatten)]
    corpus: CorpusArgs,
}

#[derive(clap::Args, Debug)]
pub(crate) struct TasksArgs {
    /// Only tasks of agencies whose name contains this, in any role ("Sở Tài chính", "UBND").
    #[arg(long, value_name = "NAME", value_parser = some_text)]
    agency: Option<String>,
    /// Only tasks due on or before this date (YYYY-MM-DD). A task's date is its due date, else
    /// the last day of its period; tasks without one are left out by any date option.
    #[arg(long, value_name = "DATE", value_parser = iso_date)]
    due_before: Option<String>,
    /// Only tasks due on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = iso_date)]
    due_after: Option<String>,
    /// Only tasks overdue on the date of `--as-of`: due before it.
    #[arg(long, requires = "as_of")]
    overdue: bool,
    /// The day `--overdue` counts from (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = iso_date, requires = "overdue")]
    as_of: Option<String>,
    /// Only tasks of this document: its number as printed ("208/KH-UBND") or a part of its id.
    #[arg(long, value_name = "ID", value_parser = some_text)]
    document: Option<String>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = TaskFormat::Text)]
    format: TaskFormat,
    #[command(flatten)]
    corpus: CorpusArgs,
}

/// A date as `YYYY-MM-DD`, a day of the calendar ("2025-02-30" and "9999-99-99" are refused:
/// compared as text, they would filter by a day that does not exist without a word).
fn iso_date(s: &str) -> Result<String, String> {
    vanban_graph::check_day(s).map(|()| s.to_owned())
}

/// Text to look for: not empty (an empty part of a name or id is found in every one, and the
/// filter would silently keep everything).
fn some_text(s: &str) -> Result<String, String> {
    vanban_graph::check_text(s).map(|()| s.to_owned())
}

#[derive(clap::Args, Debug)]
pub(crate) struct ListArgs {
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = QueryFormat::Text)]
    format: QueryFormat,
    #[command(flatten)]
    corpus: CorpusArgs,
}

#[derive(clap::Args, Debug)]
pub(crate) struct UnimplementedArgs {
    /// Document types to list (`resolution`, `conclusion`, `directive`, `programme`, `plan`
    /// …); default: resolution, conclusion, directive, programme, plan, project_proposal.
    #[arg(long, value_delimiter = ',', value_name = "KIND")]
    kind: Vec<String>,
    /// Only documents whose issuer contains this ("Bộ Chính trị", "Tỉnh ủy").
    #[arg(long, value_name = "NAME", value_parser = some_text)]
    issuer: Option<String>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = QueryFormat::Text)]
    format: QueryFormat,
    #[command(flatten)]
    corpus: CorpusArgs,
}

/// The bundled corpus: `seeds/` and `corpus/` in the working directory, else in the
/// repository the binary was built from.
pub(crate) fn default_paths() -> Vec<PathBuf> {
    let here: Vec<PathBuf> = ["seeds", "corpus"]
        .iter()
        .map(PathBuf::from)
        .filter(|p| p.is_dir())
        .collect();
    if !here.is_empty() {
        return here;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    ["seeds", "corpus"]
        .iter()
        .map(|d| repo.join(d))
        .filter(|p| p.is_dir())
        .collect()
}

/// The documents of a corpus: files as given (directories walked), sorted, each once; and
/// whether a path could not be read.
fn corpus_files(args: &CorpusArgs) -> Result<(Vec<PathBuf>, bool), CliError> {
    let roots = if args.paths.is_empty() {
        default_paths()
    } else {
        args.paths.clone()
    };
    if roots.is_empty() {
        return Err(CliError::input(
            "error: no documents: give files or directories (the bundled seeds/ and corpus/ are \
             not here)",
        ));
    }
    let walk = crate::files::walk(&roots);
    let unreadable = walk.report(args.quiet);
    let mut files = walk.files;
    files.sort();
    files.dedup();
    if files.is_empty() {
        return Err(CliError::input("error: no documents to read"));
    }
    let inputs = crate::files::all_inputs(&files, args.agencies.iter().chain(&args.abbreviations));
    // (`-o DIR` of a format that writes files into it: each of them is an output too; a
    // link there to a document was written through, the document lost.)
    let within: Vec<PathBuf> = args
        .output
        .iter()
        .filter(|o| o.is_dir())
        .flat_map(|d| FILES_IN_DIR.map(|n| d.join(n)))
        .collect();
    if crate::files::refuse_clobber(args.output.as_ref(), &inputs)
        || within
            .iter()
            .any(|o| crate::files::refuse_clobber(Some(o), &inputs))
    {
        return Err(CliError::usage_reported());
    }
    Ok((files, unreadable))
}

/// Read, parse and extract every document (in parallel), or read the extraction records of
/// `--from-jsonl`, then build the graph. Unreadable files are reported and skipped; the flag
/// says whether any was.
fn load(args: &CorpusArgs) -> Result<(Graph, bool), CliError> {
    let (builder, unreadable) = match &args.from_jsonl {
        Some(records) => (from_records(records, args)?, false),
        None => from_documents(args)?,
    };
    let graph = builder.build();
    if args.verbose {
        for d in graph.diagnostics() {
            note!("graph: {}[{}]: {}", d.severity, d.code, d.message);
        }
    }
    Ok((graph, unreadable))
}

/// The extraction records of a JSON Lines file (`-`: standard input); a line that is not a
/// record is an error naming it.
fn from_records(records: &Path, args: &CorpusArgs) -> Result<GraphBuilder, CliError> {
    let mut builder = GraphBuilder::new();
    // (-v: each record's own warnings, as for documents read.)
    let verbose = args.verbose;
    let see = move |name: &str, x: &vanban_model::Extraction| {
        if verbose {
            verbose_diagnostics(name, x);
        }
    };
    let added = if crate::files::is_stdin(records) {
        builder.add_jsonl_seeing(std::io::stdin().lock(), "standard input", see)
    } else {
        let tables = args.agencies.iter().chain(&args.abbreviations);
        let inputs = crate::files::all_inputs(&[records.to_path_buf()], tables);
        if crate::files::refuse_clobber(args.output.as_ref(), &inputs) {
            return Err(CliError::usage_reported());
        }
        let name = records.display().to_string();
        let file = std::fs::File::open(records)
            .map_err(|e| CliError::input(format!("{name}: error: cannot read the records: {e}")))?;
        builder.add_jsonl_seeing(std::io::BufReader::new(file), &name, see)
    }
    .map_err(|e| CliError::input(e.to_string()))?;
    if added == 0 {
        return Err(CliError::input("error: no extraction records to read"));
    }
    Ok(builder)
}

/// Documents read in parallel before their extractions go to the graph builder: each batch's
/// full extractions (references, diagnostics) are trimmed by [`GraphBuilder::add`] before
/// the next batch is read, so a corpus never holds them all at once.
const BATCH: usize = 64;

/// Read, parse and extract every document (in parallel, a batch at a time, file order kept).
fn from_documents(args: &CorpusArgs) -> Result<(GraphBuilder, bool), CliError> {
    let (options, fingerprint) = crate::extract_options(&args.agencies, &args.abbreviations)?;
    let (files, mut unreadable) = corpus_files(args)?;
    let cache = crate::open_cache(args.cache.as_deref(), &fingerprint, args.quiet);
    let bar = crate::progress(files.len(), "reading");
    let mut builder = GraphBuilder::new();
    for batch in files.chunks(BATCH) {
        let results: Vec<Result<(String, vanban_model::Extraction), String>> = batch
            .par_iter()
            .map(|f| {
                let r = crate::run::read_doc(
                    f,
                    &options,
                    cache.as_ref(),
                    crate::run::Wants::default(),
                    args.quiet,
                )
                .map(|r| (r.name, r.extraction));
                bar.inc(1);
                r
            })
            .collect();
        for r in results {
            match r {
                Ok((name, x)) => {
                    if args.verbose {
                        verbose_diagnostics(&name, &x);
                    }
                    builder.add(name, x);
                }
                Err(e) => {
                    note!("{e}");
                    unreadable = true;
                }
            }
        }
    }
    bar.finish_and_clear();
    if let (Some(c), false) = (&cache, args.quiet) {
        c.summary();
    }
    Ok((builder, unreadable))
}

/// `-v`: a document's warnings and errors, as it is added to the graph.
fn verbose_diagnostics(name: &str, x: &vanban_model::Extraction) {
    for d in x
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
    {
        note!(
            "{name}:{}:{}: {}[{}]: {}",
            d.span.line,
            d.span.column,
            d.severity,
            d.code,
            d.message
        );
    }
}

/// `vanban graph`: one line that counts the findings about the corpus, by code (-v lists
/// them). The queries do not repeat it: each names only the findings about the documents it
/// was asked about (see [`resolve`]).
fn count_findings(graph: &Graph, args: &CorpusArgs) {
    if args.verbose || args.quiet || graph.diagnostics().is_empty() {
        return;
    }
    let mut codes: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for d in graph.diagnostics() {
        *codes.entry(d.code.as_str()).or_default() += 1;
    }
    let list: Vec<String> = codes.iter().map(|(c, n)| format!("{c} {n}")).collect();
    let n = graph.diagnostics().len();
    note!(
        "graph: {} about the corpus ({}); -v lists {}",
        vanban_text::count(n, "finding", "findings"),
        list.join(", "),
        if n == 1 { "it" } else { "them" }
    );
}

/// A command's answer.
struct Answer {
    /// What to write.
    text: String,
    /// Or a graph export written as it is made (`text` is then empty).
    export: Option<(GraphFormat, ExportOptions)>,
    /// Text for people, whose control characters are escaped (a document's text must not
    /// drive the terminal); machine formats are written as they are.
    for_people: bool,
    /// False when the query found nothing: the (empty) answer is written and the command
    /// exits with code 1.
    found: bool,
}

impl Answer {
    fn new(text: String, for_people: bool) -> Answer {
        Answer {
            text,
            export: None,
            for_people,
            found: true,
        }
    }
}

/// What every graph command does: load the corpus, answer, write the answer. Exit codes: the
/// answer's error (no match …), else 3 when a file could not be read, else 0.
fn answer(corpus: &CorpusArgs, ask: impl FnOnce(&Graph) -> Result<Answer, CliError>) -> CliResult {
    let (graph, unreadable) = load(corpus)?;
    let a = ask(&graph)?;
    let written = match a.export {
        Some((format, o)) => {
            crate::files::write_made(corpus.output.as_ref(), "", |w| format.write(&graph, o, w))
        }
        None => {
            let text = if a.for_people {
                vanban_text::visible(&a.text)
            } else {
                std::borrow::Cow::Borrowed(a.text.as_str())
            };
            write_output(corpus.output.as_ref(), &text)
                .map_err(|e| crate::output_error(corpus.output.as_ref(), e))
        }
    };
    // The process ends after the answer: freeing a large graph node by node is time spent
    // for nothing (a few per cent of a cached run).
    std::mem::forget(graph);
    if !a.found {
        if let Err(e) = &written {
            e.report();
        }
        return Err(CliError::NoMatch);
    }
    written?;
    unless_unreadable(unreadable, Ok(()))
}

/// Resolve an id as written, or explain; the findings about the document found are printed
/// (all of them are with -v, as the corpus is loaded).
fn resolve(graph: &Graph, id: &str, corpus: &CorpusArgs) -> Result<String, CliError> {
    let quiet = corpus.quiet;
    match graph.resolve(id) {
        // ("agency:ban", a task's id: the walks are over documents; one was answered as a
        // document with no links, exit 0.)
        Ok(found)
            if graph
                .node(&found)
                .is_some_and(|n| n.kind != NodeKind::Document) =>
        {
            let what = match graph.node(&found).map(|n| n.kind) {
                Some(NodeKind::Agency) => "an agency (`vanban agency` gives its tasks)",
                _ => "a task (`vanban tasks` lists them)",
            };
            note!("error: \"{id}\" is {what}, not a document");
            Err(CliError::NoMatch)
        }
        Ok(found) => {
            if !quiet && !corpus.verbose {
                for d in graph
                    .diagnostics()
                    .iter()
                    .filter(|d| d.documents.contains(&found))
                {
                    note!("graph: {}[{}]: {}", d.severity, d.code, d.message);
                }
            }
            if !quiet {
                let others = graph.other_matches(id, &found);
                if !others.is_empty() {
                    note!(
                        "note: \"{id}\" also names {} not parsed; the parsed one is used:",
                        vanban_text::count(others.len(), "document", "documents")
                    );
                    for o in others {
                        note!("  {}  {}", o.id, vanban_graph::describe(&o));
                    }
                }
            }
            Ok(found)
        }
        Err(e @ ResolveError::NotFound(_)) => {
            note!("error: {e}; `vanban orphans` and `vanban graph --format json` list the documents known");
            Err(CliError::NoMatch)
        }
        Err(e) => {
            let text = format!("error: {e}");
            crate::say(text.strip_suffix('\n').unwrap_or(&text));
            Err(CliError::NoMatch)
        }
    }
}

fn relations(names: &[String]) -> Result<Vec<RelationType>, CliError> {
    vanban_graph::relations_named(names).map_err(|e| CliError::usage(format!("error: {e}")))
}

fn kinds(names: &[String]) -> Result<Vec<DocumentKind>, CliError> {
    if names.is_empty() {
        return Ok(vec![
            DocumentKind::Resolution,
            DocumentKind::Conclusion,
            DocumentKind::Directive,
            DocumentKind::Programme,
            DocumentKind::Plan,
            DocumentKind::ProjectProposal,
        ]);
    }
    names
        .iter()
        .map(|n| {
            serde_json::from_value::<DocumentKind>(serde_json::Value::String(n.trim().to_owned()))
                .map_err(|_| {
                    CliError::usage(format!(
                        "error: unknown document kind \"{n}\" (snake case English: resolution, \
                         conclusion, directive, plan, decision, decree, law …)"
                    ))
                })
        })
        .collect()
}

pub(crate) fn graph_cmd(args: &GraphArgs) -> CliResult {
    if args.format.writes_directory() {
        return graph_files_cmd(args);
    }
    answer(&args.corpus, |graph| {
        count_findings(graph, &args.corpus);
        let o = ExportOptions {
            documents_only: args.documents_only,
        };
        if args.format != GraphFormat::Summary {
            let mut a = Answer::new(String::new(), args.format.for_people());
            a.export = Some((args.format, o));
            return Ok(a);
        }
        let mut text = vanban_output::graph::summary(graph);
        for id in &args.chain {
            let found = resolve(graph, id, &args.corpus)?;
            if let Some(c) = graph.chain(&found, IMPLEMENTATION) {
                text.push_str(&format!("\nimplementation chain of {id}:\n"));
                text.push_str(&query::chain_text(&c));
            }
        }
        Ok(Answer::new(text, args.format.for_people()))
    })
}

/// The files a format that writes several writes into its directory.
const FILES_IN_DIR: [&str; 2] = ["nodes.csv", "relationships.csv"];

/// The directory of a format that writes several files: `-o DIR`, checked before the corpus
/// is read. Standard output and a path that is not a directory are refused.
fn output_dir(format: GraphFormat, output: Option<&PathBuf>) -> Result<&Path, CliError> {
    let dir = match output {
        Some(p) if p.as_os_str() != "-" => p.as_path(),
        _ => {
            return Err(CliError::usage(format!(
                "error: --format {format} writes several files (nodes.csv, relationships.csv), \
                 not standard output: give a directory with -o DIR"
            )))
        }
    };
    match std::fs::metadata(dir) {
        Ok(m) if !m.is_dir() => Err(CliError::usage(format!(
            "{}: error: --format {format} writes several files into a directory, and this is \
             not one: give a directory (made when missing) with -o DIR",
            dir.display()
        ))),
        _ => Ok(dir),
    }
}

/// `graph --format csv -o DIR`: the directory is made when missing and each file is written
/// in full or not at all.
fn graph_files_cmd(args: &GraphArgs) -> CliResult {
    let dir = output_dir(args.format, args.corpus.output.as_ref())?;
    let (graph, unreadable) = load(&args.corpus)?;
    count_findings(&graph, &args.corpus);
    let o = ExportOptions {
        documents_only: args.documents_only,
    };
    let files = match args.format.render(&graph, o) {
        Export::Files(files) => files,
        Export::Text(_) => Vec::new(),
    };
    std::fs::create_dir_all(dir).map_err(|e| {
        CliError::input(format!(
            "{}: error: cannot make the directory: {e}",
            dir.display()
        ))
    })?;
    for (name, text) in files {
        let path = dir.join(name);
        write_output(Some(&path), &text).map_err(|e| crate::output_error(Some(&path), e))?;
    }
    unless_unreadable(unreadable, Ok(()))
}

pub(crate) fn chain_cmd(chain_args: &ChainArgs) -> CliResult {
    let args = &chain_args.query;
    let kinds = relations(&args.relations)?;
    answer(&args.corpus, |graph| {
        let id = resolve(graph, &args.id, &args.corpus)?;
        let chain = if chain_args.asserters {
            graph.chain_with_asserters(&id, &kinds)
        } else {
            graph.chain(&id, &kinds)
        }
        .ok_or(CliError::NoMatch)?;
        let text = query::chain(graph, &chain, args.format);
        Ok(Answer::new(text, args.format.for_people()))
    })
}

pub(crate) fn implementers_cmd(args: &IdArgs) -> CliResult {
    let kinds = relations(&args.relations)?;
    answer(&args.corpus, |graph| {
        let id = resolve(graph, &args.id, &args.corpus)?;
        let found = graph.implementers(&id, &kinds);
        let text = query::implementers(graph, &id, &found, args.format);
        Ok(Answer::new(text, args.format.for_people()))
    })
}

pub(crate) fn path_cmd(args: &PathArgs) -> CliResult {
    answer(&args.corpus, |graph| {
        let a = resolve(graph, &args.from, &args.corpus);
        let b = resolve(graph, &args.to, &args.corpus);
        let (a, b) = (a?, b?);
        let found = match graph.path(&a, &b) {
            Some(p) => Some((p, false)),
            None => graph.path(&b, &a).map(|p| (p, true)),
        };
        if found.is_none() && !args.corpus.quiet {
            note!("no path of relations between {} and {}", args.from, args.to);
        }
        let text = query::path(
            graph,
            (&args.from, &args.to),
            found.as_ref().map(|(p, r)| (p.as_slice(), *r)),
            args.format,
        );
        Ok(Answer {
            found: found.is_some(),
            ..Answer::new(text, args.format.for_people())
        })
    })
}

pub(crate) fn agency_cmd(args: &AgencyArgs) -> CliResult {
    answer(&args.corpus, |graph| {
        let found = graph.agency(&args.name);
        if found.is_empty() && !args.corpus.quiet {
            note!(
                "no agency named like \"{}\" has tasks in this corpus",
                args.name
            );
        }
        let text = query::agency(graph, &found, args.format);
        Ok(Answer {
            found: !found.is_empty(),
            ..Answer::new(text, args.format.for_people())
        })
    })
}

pub(crate) fn tasks_cmd(args: &TasksArgs) -> CliResult {
    answer(&args.corpus, |graph| {
        let filter = TaskFilter {
            agency: args.agency.clone(),
            due_before: args.due_before.clone(),
            due_after: args.due_after.clone(),
            overdue_as_of: args.as_of.clone().filter(|_| args.overdue),
            document: args.document.clone(),
        };
        let found = graph.tasks(&filter);
        if found.is_empty() && !args.corpus.quiet {
            note!("no task in this corpus passes the filter");
        }
        let text = query::tasks(&found, args.format);
        Ok(Answer {
            found: !found.is_empty(),
            ..Answer::new(text, args.format == TaskFormat::Text)
        })
    })
}

pub(crate) fn orphans_cmd(args: &ListArgs) -> CliResult {
    answer(&args.corpus, |graph| {
        let text = query::orphans(&graph.orphans(), args.format);
        Ok(Answer::new(text, args.format.for_people()))
    })
}

pub(crate) fn unimplemented_cmd(args: &UnimplementedArgs) -> CliResult {
    let kinds = kinds(&args.kind)?;
    answer(&args.corpus, |graph| {
        let found = graph.unimplemented(&kinds, args.issuer.as_deref());
        let text = query::unimplemented(&found, args.format);
        Ok(Answer::new(text, args.format.for_people()))
    })
}

pub(crate) fn cycles_cmd(args: &ListArgs) -> CliResult {
    answer(&args.corpus, |graph| {
        let (cycles, cut) = graph.implementation_cycles_and_cut();
        // (Said on stderr: the answer's format, JSON too, stays as it is.)
        if !args.corpus.quiet {
            for (documents, links) in cut {
                crate::say(&format!(
                    "cycles: a group of {documents} documents with {links} implementation links \
                     among them: its shortest loop only (a loop through each link would take \
                     too long)"
                ));
            }
        }
        let text = query::cycles(graph, &cycles, args.format);
        Ok(Answer::new(text, args.format.for_people()))
    })
}
