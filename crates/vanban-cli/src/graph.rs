//! The graph commands: `graph`, `chain`, `implementers`, `path`, `agency`, `orphans`,
//! `unimplemented`, `cycles`. Each reads a corpus (the bundled `seeds/` and `corpus/` by
//! default), builds the graph and answers.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use indicatif::ParallelProgressIterator;
use rayon::prelude::*;
use vanban_graph::export::{self, ExportOptions};
use vanban_graph::{Graph, GraphBuilder, NodeSummary, ResolveError, IMPLEMENTATION};
use vanban_model::{DocumentKind, RelationType, Severity};

use crate::{write_output, EXIT_INPUT, EXIT_OK};

/// Exit code: the query matched nothing, or several documents.
pub const EXIT_NO_MATCH: u8 = 1;

/// Where the documents come from, shared by every graph command.
#[derive(clap::Args, Debug, Clone)]
pub(crate) struct CorpusArgs {
    /// Files or directories of documents (`.txt`, searched recursively). Default: the bundled
    /// `seeds/` and `corpus/`.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
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
    /// Write the output to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

/// Text for people, JSON for programs.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq, Default)]
pub(crate) enum QueryFormat {
    /// Indented text.
    #[default]
    Text,
    /// JSON.
    Json,
}

/// Output formats of `graph`.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq, Default)]
pub(crate) enum GraphFormat {
    /// Counts, edges by type, most-cited documents, diagnostics (and `--chain` trees).
    #[default]
    Summary,
    /// Node-link JSON (networkx `node_link_graph(data, edges="edges")`).
    Json,
    /// Cytoscape.js elements JSON.
    Cytoscape,
    /// GraphML with typed attributes (networkx, Gephi).
    Graphml,
    /// Graphviz DOT.
    Dot,
    /// An SVG picture of the documents and their relations (no Graphviz needed).
    Svg,
    /// RDF Turtle with ELI relation names (eli:based_on, eli:implements, eli:amends …).
    Turtle,
    /// JSON-LD, the same triples as Turtle.
    Jsonld,
    /// A Cypher script for Neo4j (`cypher-shell -f graph.cypher`).
    Cypher,
}

/// Output formats of `chain` and `implementers`.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq, Default)]
pub(crate) enum ChainFormat {
    /// An indented tree.
    #[default]
    Text,
    /// JSON.
    Json,
    /// An SVG picture.
    Svg,
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
    name: String,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = QueryFormat::Text)]
    format: QueryFormat,
    #[command(flatten)]
    corpus: CorpusArgs,
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
    #[arg(long)]
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

/// Read, parse and extract every document (in parallel), then build the graph. Unreadable
/// files are reported and skipped; the status says whether any was.
fn load(args: &CorpusArgs) -> Result<(Graph, u8), u8> {
    let options = match crate::extract_options(&args.agencies, &args.abbreviations) {
        Ok(o) => o,
        Err(e) => {
            note!("{e}");
            return Err(EXIT_INPUT);
        }
    };
    let roots = if args.paths.is_empty() {
        default_paths()
    } else {
        args.paths.clone()
    };
    if roots.is_empty() {
        note!(
            "error: no documents: give files or directories (the bundled seeds/ and corpus/ are \
             not here)"
        );
        return Err(EXIT_INPUT);
    }
    let mut status = EXIT_OK;
    let walk = crate::files::walk(&roots);
    if walk.report(args.quiet) {
        status = EXIT_INPUT;
    }
    let mut files = walk.files;
    files.sort();
    files.dedup();
    if files.is_empty() {
        note!("error: no documents to read");
        return Err(EXIT_INPUT);
    }
    if crate::files::refuse_clobber(args.output.as_ref(), &files) {
        return Err(crate::EXIT_USAGE);
    }
    let bar = crate::progress(files.len(), "reading");
    let results: Vec<Result<(String, vanban_model::Extraction), String>> = files
        .par_iter()
        .progress_with(bar)
        .map(|f| crate::run::read_document(f, &options).map(|r| (r.name, r.extraction)))
        .collect();
    let mut builder = GraphBuilder::new();
    for r in results {
        match r {
            Ok((name, x)) => {
                if args.verbose {
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
                builder.add(name, x);
            }
            Err(e) => {
                note!("{e}");
                status = EXIT_INPUT;
            }
        }
    }
    let graph = builder.build();
    // Findings about the corpus: each with -v, else one line that counts them (a query's
    // answer should not drown in them; `vanban graph` lists them by code).
    if args.verbose {
        for d in graph.diagnostics() {
            note!("graph: {}[{}]: {}", d.severity, d.code, d.message);
        }
    } else if !args.quiet && !graph.diagnostics().is_empty() {
        let mut codes: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for d in graph.diagnostics() {
            *codes.entry(d.code.as_str()).or_default() += 1;
        }
        let list: Vec<String> = codes.iter().map(|(c, n)| format!("{c} {n}")).collect();
        let n = graph.diagnostics().len();
        note!(
            "graph: {n} {} about the corpus ({}); -v lists {}",
            if n == 1 { "finding" } else { "findings" },
            list.join(", "),
            if n == 1 { "it" } else { "them" }
        );
    }
    Ok((graph, status))
}

/// Write a command's answer. `human`: text for people, whose control characters are escaped
/// (a document's text must not drive the terminal); machine formats are written as they are.
fn emit(args: &CorpusArgs, text: &str, status: u8, human: bool) -> u8 {
    let text = if human {
        vanban_text::visible(text)
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    match write_output(args.output.as_ref(), &text) {
        Ok(()) => status,
        Err(e) => {
            note!("error: cannot write the output: {e}");
            EXIT_INPUT
        }
    }
}

fn to_json<T: serde::Serialize>(v: &T) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

/// Resolve an id as written, or explain.
fn resolve(graph: &Graph, id: &str, quiet: bool) -> Result<String, u8> {
    match graph.resolve(id) {
        Ok(found) => {
            if !quiet {
                let others = graph.other_matches(id, &found);
                if !others.is_empty() {
                    note!(
                        "note: \"{id}\" also names {} document(s) not parsed; the parsed one is used:",
                        others.len()
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
            Err(EXIT_NO_MATCH)
        }
        Err(e) => {
            eprint!("error: {e}");
            Err(EXIT_NO_MATCH)
        }
    }
}

fn relations(names: &[String]) -> Result<Vec<RelationType>, u8> {
    if names.is_empty() {
        return Ok(IMPLEMENTATION.to_vec());
    }
    let mut out = Vec::new();
    for n in names {
        match vanban_graph::RELATIONS
            .iter()
            .find(|r| r.as_str() == n.trim())
        {
            Some(r) => out.push(*r),
            None => {
                let known: Vec<&str> = vanban_graph::RELATIONS.iter().map(|r| r.as_str()).collect();
                note!(
                    "error: unknown relation \"{n}\"; known: {}",
                    known.join(", ")
                );
                return Err(crate::EXIT_USAGE);
            }
        }
    }
    Ok(out)
}

fn line(n: &NodeSummary) -> String {
    let d = vanban_graph::describe(n);
    if d.is_empty() {
        n.label.clone()
    } else {
        format!("{}  ({d})", n.label)
    }
}

/// How many levels a chain tree indents; deeper levels say their depth instead, so a chain
/// thousands of documents long prints in lines of bounded width.
const MAX_INDENT: usize = 24;

/// A chain as an indented tree: each document once; a document reached again points back to
/// where it was shown ("↑ see … above"), a cycle is marked.
pub(crate) fn chain_text(chain: &vanban_graph::Chain) -> String {
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
        let _ = writeln!(out, "{prefix}{branch}{} → {what}", link.relation);
        open.push(is_last);
    }
    if chain.links.is_empty() {
        out.push_str("   (implements nothing in this corpus)\n");
    }
    out
}

pub(crate) fn graph_cmd(args: &GraphArgs) -> u8 {
    let (graph, status) = match load(&args.corpus) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let o = ExportOptions {
        documents_only: args.documents_only,
    };
    let text = match args.format {
        GraphFormat::Summary => {
            let mut s = summary_text(&graph);
            for id in &args.chain {
                let Ok(found) = resolve(&graph, id, args.corpus.quiet) else {
                    return EXIT_NO_MATCH;
                };
                if let Some(c) = graph.chain(&found, IMPLEMENTATION) {
                    let _ = writeln!(s, "\nimplementation chain of {id}:");
                    s.push_str(&chain_text(&c));
                }
            }
            s
        }
        GraphFormat::Json => to_json(&export::node_link(&graph, o)),
        GraphFormat::Cytoscape => to_json(&export::cytoscape(&graph, o)),
        GraphFormat::Graphml => export::graphml(&graph, o),
        GraphFormat::Dot => export::dot(&graph, o),
        GraphFormat::Svg => export::svg(&graph, None),
        GraphFormat::Turtle => export::turtle(&graph, o),
        GraphFormat::Jsonld => to_json(&export::jsonld(&graph, o)),
        GraphFormat::Cypher => export::cypher(&graph, o),
    };
    emit(
        &args.corpus,
        &text,
        status,
        args.format == GraphFormat::Summary,
    )
}

fn summary_text(graph: &Graph) -> String {
    let sum = graph.summary(10);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "documents parsed: {}\ndocuments known only from citations: {}\nagencies: {}\ntasks: {}",
        sum.documents_parsed, sum.stubs, sum.agencies, sum.tasks
    );
    let total: usize = sum.edges.values().sum();
    let _ = writeln!(s, "edges: {total}");
    let mut by: Vec<(&String, &usize)> = sum.edges.iter().collect();
    by.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    for (k, n) in by {
        let _ = writeln!(s, "  {k:<24} {n}");
    }
    let _ = writeln!(s, "most cited (by number of citing documents):");
    for (n, c) in &sum.most_cited {
        let _ = writeln!(s, "  {c:>3}  {}", line(n));
    }
    if !sum.diagnostics.is_empty() {
        let _ = writeln!(s, "diagnostics:");
        for (k, n) in &sum.diagnostics {
            let _ = writeln!(s, "  {k:<24} {n}");
        }
    }
    s
}

pub(crate) fn chain_cmd(args: &IdArgs) -> u8 {
    let kinds = match relations(&args.relations) {
        Ok(k) => k,
        Err(c) => return c,
    };
    let (graph, status) = match load(&args.corpus) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let Ok(id) = resolve(&graph, &args.id, args.corpus.quiet) else {
        return EXIT_NO_MATCH;
    };
    let Some(chain) = graph.chain(&id, &kinds) else {
        return EXIT_NO_MATCH;
    };
    let text = match args.format {
        ChainFormat::Text => chain_text(&chain),
        ChainFormat::Json => to_json(&chain),
        ChainFormat::Svg => export::svg(&graph, Some(&chain.ids())),
    };
    emit(
        &args.corpus,
        &text,
        status,
        args.format == ChainFormat::Text,
    )
}

pub(crate) fn implementers_cmd(args: &IdArgs) -> u8 {
    let kinds = match relations(&args.relations) {
        Ok(k) => k,
        Err(c) => return c,
    };
    let (graph, status) = match load(&args.corpus) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let Ok(id) = resolve(&graph, &args.id, args.corpus.quiet) else {
        return EXIT_NO_MATCH;
    };
    let found = graph.implementers(&id, &kinds);
    let text = match args.format {
        ChainFormat::Json => to_json(&found),
        ChainFormat::Svg => {
            let mut set: std::collections::BTreeSet<String> =
                found.iter().map(|f| f.node.id.clone()).collect();
            set.insert(id.clone());
            export::svg(&graph, Some(&set))
        }
        ChainFormat::Text => {
            let mut s = String::new();
            if let Some(n) = graph.summary_of(&id) {
                let _ = writeln!(s, "{}", line(&n));
            }
            if found.is_empty() {
                s.push_str("   (nothing in this corpus implements it)\n");
            }
            for f in &found {
                let of = graph
                    .summary_of(&f.of)
                    .map_or_else(|| f.of.clone(), |n| n.label);
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
    };
    emit(
        &args.corpus,
        &text,
        status,
        args.format == ChainFormat::Text,
    )
}

pub(crate) fn path_cmd(args: &PathArgs) -> u8 {
    let (graph, status) = match load(&args.corpus) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let (Ok(a), Ok(b)) = (
        resolve(&graph, &args.from, args.corpus.quiet),
        resolve(&graph, &args.to, args.corpus.quiet),
    ) else {
        return EXIT_NO_MATCH;
    };
    let (steps, reversed) = match graph.path(&a, &b) {
        Some(p) => (p, false),
        None => match graph.path(&b, &a) {
            Some(p) => (p, true),
            None => {
                if !args.corpus.quiet {
                    note!("no path of relations between {} and {}", args.from, args.to);
                }
                let text = match args.format {
                    QueryFormat::Json => "null\n".to_owned(),
                    QueryFormat::Text => String::new(),
                };
                emit(
                    &args.corpus,
                    &text,
                    status,
                    args.format == QueryFormat::Text,
                );
                return EXIT_NO_MATCH;
            }
        },
    };
    let text = match args.format {
        QueryFormat::Json => to_json(&serde_json::json!({ "reversed": reversed, "steps": steps })),
        QueryFormat::Text => {
            let mut s = String::new();
            if reversed {
                let _ = writeln!(
                    s,
                    "(no path from {} to {}; the path the other way:)",
                    args.from, args.to
                );
            }
            if let Some(first) = steps.first() {
                if let Some(n) = graph.summary_of(&first.from) {
                    let _ = writeln!(s, "{}", line(&n));
                }
            }
            for st in &steps {
                if let Some(n) = graph.summary_of(&st.to) {
                    let _ = writeln!(s, "  --{}--> {}", st.relation, line(&n));
                }
            }
            s
        }
    };
    emit(
        &args.corpus,
        &text,
        status,
        args.format == QueryFormat::Text,
    )
}

pub(crate) fn agency_cmd(args: &AgencyArgs) -> u8 {
    let (graph, status) = match load(&args.corpus) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let found = graph.agency(&args.name);
    if found.is_empty() {
        if !args.corpus.quiet {
            note!(
                "no agency named like \"{}\" has tasks in this corpus",
                args.name
            );
        }
        let text = match args.format {
            QueryFormat::Json => "[]\n".to_owned(),
            QueryFormat::Text => String::new(),
        };
        emit(
            &args.corpus,
            &text,
            status,
            args.format == QueryFormat::Text,
        );
        return EXIT_NO_MATCH;
    }
    let text = match args.format {
        QueryFormat::Json => to_json(&found),
        QueryFormat::Text => {
            let mut s = String::new();
            for a in &found {
                let count =
                    |r: vanban_graph::AgencyRole| a.tasks.iter().filter(|t| t.role == r).count();
                let _ = writeln!(
                    s,
                    "{}: {} lead, {} cooperating, {} responsible",
                    a.agency.label,
                    count(vanban_graph::AgencyRole::Lead),
                    count(vanban_graph::AgencyRole::Cooperating),
                    count(vanban_graph::AgencyRole::Responsible)
                );
                for t in &a.tasks {
                    let doc = graph
                        .summary_of(&t.document)
                        .map_or_else(|| t.document.clone(), |n| n.label);
                    let deadline = t
                        .deadline
                        .as_deref()
                        .map(|d| format!(" [{d}]"))
                        .unwrap_or_default();
                    let role = serde_json::to_value(t.role)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default();
                    let _ = writeln!(
                        s,
                        "  {role:<11} {doc} {}: {}{deadline}",
                        t.node,
                        vanban_graph::short_text(&t.text, 100)
                    );
                }
            }
            s
        }
    };
    emit(
        &args.corpus,
        &text,
        status,
        args.format == QueryFormat::Text,
    )
}

pub(crate) fn orphans_cmd(args: &ListArgs) -> u8 {
    let (graph, status) = match load(&args.corpus) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let found = graph.orphans();
    let text = match args.format {
        QueryFormat::Json => to_json(&found),
        QueryFormat::Text => {
            let mut s = String::new();
            let _ = writeln!(
                s,
                "{} documents are cited but not in the corpus:",
                found.len()
            );
            for o in &found {
                let _ = writeln!(s, "  {:>3}  {}", o.cited_by.len(), line(&o.node));
            }
            s
        }
    };
    emit(
        &args.corpus,
        &text,
        status,
        args.format == QueryFormat::Text,
    )
}

fn kinds(names: &[String]) -> Result<Vec<DocumentKind>, u8> {
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
                    note!(
                        "error: unknown document kind \"{n}\" (snake case English: resolution, \
                         conclusion, directive, plan, decision, decree, law …)"
                    );
                    crate::EXIT_USAGE
                })
        })
        .collect()
}

pub(crate) fn unimplemented_cmd(args: &UnimplementedArgs) -> u8 {
    let kinds = match kinds(&args.kind) {
        Ok(k) => k,
        Err(c) => return c,
    };
    let (graph, status) = match load(&args.corpus) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let found = graph.unimplemented(&kinds, args.issuer.as_deref());
    let text = match args.format {
        QueryFormat::Json => to_json(&found),
        QueryFormat::Text => {
            let mut s = String::new();
            let _ = writeln!(
                s,
                "{} documents that nothing in the corpus implements:",
                found.len()
            );
            for n in &found {
                let _ = writeln!(s, "  {}", line(n));
            }
            s
        }
    };
    emit(
        &args.corpus,
        &text,
        status,
        args.format == QueryFormat::Text,
    )
}

pub(crate) fn cycles_cmd(args: &ListArgs) -> u8 {
    let (graph, status) = match load(&args.corpus) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let found = graph.implementation_cycles();
    let text = match args.format {
        QueryFormat::Json => to_json(&found),
        QueryFormat::Text => {
            let mut s = String::new();
            let _ = writeln!(s, "{} cycles of implementation relations", found.len());
            for c in &found {
                let labels: Vec<String> = c
                    .iter()
                    .map(|id| graph.summary_of(id).map_or_else(|| id.clone(), |n| n.label))
                    .collect();
                let _ = writeln!(s, "  {}", labels.join(" → "));
            }
            s
        }
    };
    emit(
        &args.corpus,
        &text,
        status,
        args.format == QueryFormat::Text,
    )
}
