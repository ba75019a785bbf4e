//! `extract`: documents read in parallel in batches, written in input order as each batch
//! ends (a JSON array, JSON Lines or a summary), so the output streams and memory stays
//! bounded on any corpus.

use std::io::Write;
use std::path::PathBuf;

use indicatif::ParallelProgressIterator;
use rayon::prelude::*;
use vanban_model::Extraction;
use vanban_output::extraction;

use crate::cache::Cache;
use crate::error::{unless_unreadable, CliError, CliResult};
use crate::{files, render, run};

#[derive(clap::Args, Debug)]
pub(crate) struct ExtractArgs {
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
    /// Keep what each document gives in this folder, keyed by the hash of its bytes, and read
    /// it back instead of parsing an unchanged file again (same output, same diagnostics).
    /// An empty DIR (`VANBAN_CACHE=`) is no cache.
    #[arg(long, value_name = "DIR", env = "VANBAN_CACHE", value_parser = crate::any_path())]
    cache: Option<PathBuf>,
    /// Also print info diagnostics on stderr.
    #[arg(long, short)]
    verbose: bool,
    /// Print no diagnostics on stderr.
    #[arg(long, short, conflicts_with = "verbose")]
    quiet: bool,
}

/// The documents an `extract` run reads: files as given (directories walked for `.txt`, `-` is
/// standard input), then those listed in `--files-from`; and whether a path could not be read.
fn extract_inputs(args: &ExtractArgs) -> (Vec<PathBuf>, bool) {
    let mut unreadable = false;
    let mut roots = args.files.clone();
    if let Some(list) = &args.files_from {
        match crate::read_small_bytes(list) {
            Ok(t) => roots.extend(listed_paths(&t)),
            Err(e) => {
                note!("{}{e} (the file list)", list.display());
                unreadable = true;
            }
        }
    }
    let mut walk = files::walk(&roots);
    // (The list was standard input: there is none left to read as a document.)
    if args.files_from.as_deref().is_some_and(files::is_stdin) {
        if let Some(at) = walk.files.iter().position(|f| files::is_stdin(f)) {
            walk.files.remove(at);
            walk.warnings.push(
                "-: warning: skipped: standard input is the file list (--files-from -)".to_owned(),
            );
        }
    }
    if walk.report(args.quiet) {
        unreadable = true;
    }
    (walk.files, unreadable)
}

/// The paths of a file list: one a line, as written — spaces kept (" a.txt" is not "a.txt"),
/// bytes that are not UTF-8 kept (a name as `find` prints it); a carriage return before the
/// line feed and a byte-order mark before the first path are not part of it; empty lines and
/// lines starting with "#" are skipped.
fn listed_paths(list: &[u8]) -> Vec<PathBuf> {
    let list = list.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(list);
    list.split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .filter(|l| !l.is_empty() && !l.starts_with(b"#"))
        .map(path_of_bytes)
        .collect()
}

/// A path from the bytes of its name.
#[cfg(unix)]
fn path_of_bytes(b: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(b))
}

/// A path from the bytes of its name (not UTF-8: each such byte sequence replaced, as the
/// system's names are UTF-16 here).
#[cfg(not(unix))]
fn path_of_bytes(b: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(b).into_owned())
}

/// Documents are read in parallel in batches of this many, and written in input order as each
/// batch ends: output streams, memory stays bounded, and the bytes do not depend on threads.
const BATCH: usize = 64;

/// The shape of the output.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// One pretty-printed JSON array.
    Array,
    /// JSON Lines.
    Lines,
    /// `--summary`.
    Summary,
}

/// Where the output goes, and what has gone there.
struct Sink<'a> {
    out: std::io::BufWriter<Box<dyn Write + 'a>>,
    shape: Shape,
    /// The first write error; later writes are skipped.
    write_err: Option<std::io::Error>,
    /// Whether no element was written yet.
    first: bool,
    /// Documents, citations, relations, assignments written.
    counts: [usize; 4],
}

impl Sink<'_> {
    fn emit(&mut self, text: &str) {
        if self.write_err.is_none() {
            if let Err(e) = self.out.write_all(text.as_bytes()) {
                self.write_err = Some(e);
            }
        }
    }

    /// Write one document in the shape of the output, streamed to the writer (the JSON of a
    /// large document is never held in memory); a serialisation error is its own.
    fn document(&mut self, name: &str, x: &Extraction) -> Result<(), String> {
        self.counts[0] += 1;
        self.counts[1] += x.citations.len();
        self.counts[2] += x.relations.len();
        self.counts[3] += x.assignments.len();
        if self.write_err.is_some() {
            return Ok(());
        }
        let written = match self.shape {
            Shape::Summary => {
                let name = vanban_text::visible_line(name);
                let text = vanban_text::visible(&extraction::summary(&name, x)).into_owned();
                self.emit(&text);
                Ok(())
            }
            Shape::Lines => extraction::write_json_line(x, &mut self.out),
            Shape::Array => {
                let lead = if self.first {
                    extraction::ARRAY_OPEN
                } else {
                    extraction::ARRAY_NEXT
                };
                self.first = false;
                self.emit(lead);
                extraction::write_json_element(x, &mut self.out)
            }
        };
        match written {
            // The model's types always serialise; an error is the writer's.
            Err(vanban_output::Error::Io(e)) => {
                self.write_err = Some(e);
                Ok(())
            }
            Err(e) => Err(format!("{name}: error: cannot serialise the output: {e}")),
            Ok(()) => Ok(()),
        }
    }

    /// Close the array and flush: the first write error, if any (a closed pipe is none).
    fn finish(mut self, path: Option<&PathBuf>) -> Result<(), CliError> {
        if self.shape == Shape::Array {
            let end = extraction::array_close(self.first);
            self.emit(end);
        }
        let flushed = self.out.flush();
        match self.write_err.or(flushed.err()) {
            Some(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(crate::output_error(path, e))
            }
            _ => Ok(()),
        }
    }
}

pub(crate) fn extract_cmd(args: &ExtractArgs) -> CliResult {
    let (options, fingerprint) = crate::extract_options(&args.agencies, &args.abbreviations)?;
    // Standard input is read once: as the file list or as a document, not both (read as the
    // list, a document's every line was a path that could not be read).
    let list_on_stdin = args.files_from.as_deref().is_some_and(files::is_stdin);
    if list_on_stdin && args.files.iter().any(|f| files::is_stdin(f)) {
        return Err(CliError::usage(
            "error: standard input is given both as the file list (--files-from -) and as a \
             document (-): give the documents by name, or the list in a file",
        ));
    }
    let cache = crate::open_cache(args.cache.as_deref(), &fingerprint, args.quiet);
    let (files, mut unreadable) = extract_inputs(args);
    if files.is_empty() {
        return Err(CliError::input("error: no documents to read"));
    }
    let others = args
        .agencies
        .iter()
        .chain(&args.abbreviations)
        .chain(&args.files_from);
    if files::refuse_clobber(args.output.as_ref(), &files::all_inputs(&files, others)) {
        return Err(CliError::usage_reported());
    }
    let mut target = match &args.output {
        Some(p) => Some(files::AtomicFile::create(p).map_err(|e| crate::output_error(Some(p), e))?),
        None => None,
    };
    let sink: Box<dyn Write + '_> = match target.as_mut() {
        Some(t) => Box::new(t),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut sink = Sink {
        out: std::io::BufWriter::new(sink),
        shape: match (args.jsonl, args.summary) {
            (_, true) => Shape::Summary,
            (true, _) => Shape::Lines,
            _ => Shape::Array,
        },
        write_err: None,
        first: true,
        counts: [0; 4],
    };
    unreadable |= extract_all(args, &files, (&options, cache.as_ref()), &mut sink);
    if let (Some(c), false) = (&cache, args.quiet) {
        c.summary();
    }
    let [docs, citations, relations, assignments] = sink.counts;
    sink.finish(args.output.as_ref())?;
    if let (Some(t), Some(p)) = (target, &args.output) {
        t.commit().map_err(|e| crate::output_error(Some(p), e))?;
    }
    if let (Some(path), false) = (&args.output, args.quiet) {
        use vanban_text::count;
        note!(
            "wrote {} ({}, {}, {}) to {}",
            count(docs, "document", "documents"),
            count(citations, "citation", "citations"),
            count(relations, "relation", "relations"),
            count(assignments, "assignment", "assignments"),
            path.display()
        );
    }
    unless_unreadable(unreadable, Ok(()))
}

/// Read, parse and extract every file, a batch at a time, into the sink; whether a file could
/// not be read (or its output made).
fn extract_all(
    args: &ExtractArgs,
    files: &[PathBuf],
    (options, cache): (&vanban_extract::ExtractOptions, Option<&Cache>),
    sink: &mut Sink<'_>,
) -> bool {
    let mut failed = false;
    let bar = crate::progress(files.len(), "extracting");
    // The text is needed only to draw diagnostics under their source lines.
    let need_source = !args.quiet && args.diagnostics.fancy_stderr();
    for batch in files.chunks(BATCH) {
        let results: Vec<Result<run::Doc, String>> = batch
            .par_iter()
            .progress_with(bar.clone())
            .map(|file| {
                let wants = run::Wants {
                    source: need_source,
                    report: false,
                };
                run::read_doc(file, options, cache, wants, args.quiet)
            })
            .collect();
        for r in results {
            let done = r.and_then(|v| {
                if !args.quiet {
                    crate::print_items(
                        &v.name,
                        v.source.as_deref().unwrap_or_default(),
                        &v.extraction.diagnostics,
                        args.verbose,
                        args.diagnostics,
                    );
                }
                sink.document(&v.name, &v.extraction)
            });
            if let Err(e) = done {
                note!("{e}");
                failed = true;
            }
        }
    }
    bar.finish_and_clear();
    failed
}
