//! Reading one document through the pipeline, guarded: a bug that panics on one document is
//! reported as that document's error, and a folder run goes on with the others.

use std::cell::{Cell, RefCell};
use std::panic::AssertUnwindSafe;
use std::path::Path;

use vanban_extract::ExtractOptions;
use vanban_lint::report::DocumentReport;
use vanban_model::Extraction;
use vanban_syntax::{ParseOptions, Parsed};

use crate::cache::{Cache, Entry};
use crate::CliError;

thread_local! {
    /// Whether this thread is inside [`guarded`] (its panics are reported by the caller).
    static GUARDED: Cell<bool> = const { Cell::new(false) };
    /// The message of the last panic caught on this thread.
    static CAUGHT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The most threads a run starts, whatever `RAYON_NUM_THREADS` asks for: each thread costs its
/// start and its memory, and thousands of them made one document take seconds (4 000: 11.5
/// s; 100 000 did not finish in a minute).
pub(crate) const MOST_THREADS: usize = 256;

/// The threads of the run: as many as `RAYON_NUM_THREADS` asks (at most [`MOST_THREADS`]),
/// else one a core; one when that many cannot start (a process limit, little memory: rayon's
/// own pool panicked then, "The global thread pool has not been initialized"); an error
/// naming the cause when not even one can.
pub(crate) fn thread_pool() -> Result<rayon::ThreadPool, CliError> {
    let asked = std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0);
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let wanted = asked.unwrap_or(cores).min(MOST_THREADS);
    let build = |n: usize| rayon::ThreadPoolBuilder::new().num_threads(n).build();
    build(wanted)
        .or_else(|_| build(1))
        .map_err(|e| CliError::input(format!("error: cannot start a thread to work in: {e}")))
}

/// Keep the default panic message for panics outside [`guarded`]; inside, remember it for the
/// document's error line instead of printing a backtrace in the middle of the output.
pub(crate) fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if GUARDED.with(Cell::get) {
            let message = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".to_owned());
            let at = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            CAUGHT.with(|c| *c.borrow_mut() = Some(format!("{message}{at}")));
        } else {
            default(info);
        }
    }));
}

/// Run `f` for the document `name`; a panic becomes an error line naming the document.
pub(crate) fn guarded<T>(name: &str, f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    let before = GUARDED.with(|g| g.replace(true));
    let result = std::panic::catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(before));
    match result {
        Ok(r) => r,
        Err(_) => {
            let why = CAUGHT
                .with(|c| c.borrow_mut().take())
                .unwrap_or_else(|| "unknown".to_owned());
            Err(format!(
                "{}: error: internal error while reading this document ({}); the other \
                 documents are not affected — please report it with the file",
                name,
                vanban_text::visible(&why)
            ))
        }
    }
}

/// One document read, parsed and extracted.
pub(crate) struct Read {
    /// The path as given, for messages.
    pub name: String,
    pub parsed: Parsed,
    pub extraction: Extraction,
}

/// Read, parse and extract one document (`-` is standard input), guarded.
pub(crate) fn read_document(path: &Path, options: &ExtractOptions) -> Result<Read, String> {
    let name = path.display().to_string();
    guarded(&name, || {
        let bytes = crate::read_input(path)
            .map_err(|e| format!("{name}: error: cannot read the file: {e}"))?;
        let parsed = vanban_syntax::parse_with(&bytes, ParseOptions::default())
            .map_err(|e| format!("{name}: error: {e}"))?;
        drop(bytes);
        let mut extraction = vanban_extract::extract_with(&parsed, options);
        extraction.source = Some(name.clone());
        Ok(Read {
            name: name.clone(),
            parsed,
            extraction,
        })
    })
}

/// One document as the cached commands need it: its extraction record, its report line when
/// asked for (or read from the cache), and its normalised text when asked for (to draw
/// diagnostics under their source lines).
pub(crate) struct Doc {
    /// The path as given, for messages.
    pub name: String,
    pub extraction: Extraction,
    pub report: Option<DocumentReport>,
    /// The normalised text, when asked for.
    pub source: Option<String>,
}

/// What a command asks of [`read_doc`] besides the extraction.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Wants {
    /// The normalised text.
    pub source: bool,
    /// The report line (made anyway when a cache keeps it).
    pub report: bool,
}

/// Read one document through the cache: an entry for its bytes when there is one, else parse
/// and extract it and keep the entry. Without a cache, the same as [`read_document`]. Guarded.
pub(crate) fn read_doc(
    path: &Path,
    options: &ExtractOptions,
    cache: Option<&Cache>,
    wants: Wants,
    quiet: bool,
) -> Result<Doc, String> {
    let name = path.display().to_string();
    guarded(&name, || {
        let bytes = crate::read_input(path)
            .map_err(|e| format!("{name}: error: cannot read the file: {e}"))?;
        let key = cache.map(|c| c.key(&bytes));
        let hit = cache.zip(key.as_deref()).and_then(|(c, k)| c.get(k));
        let entry = match hit {
            Some(entry) => {
                let source = wants
                    .source
                    .then(|| vanban_syntax::text::decode(&bytes))
                    .transpose()
                    .map_err(|e| format!("{name}: error: {e}"))?
                    .map(|text| vanban_syntax::text::normalize(&text).text);
                let Entry { extraction, report } = entry;
                (extraction, Some(report), source)
            }
            None => {
                let parsed = vanban_syntax::parse_with(&bytes, ParseOptions::default())
                    .map_err(|e| format!("{name}: error: {e}"))?;
                // The parse holds the text: the bytes are not needed while it is extracted.
                drop(bytes);
                let extraction = vanban_extract::extract_with(&parsed, options);
                // (The report line only when it is asked for or kept: `extract` and `graph`
                // without a cache never read it.)
                let report = (wants.report || key.is_some())
                    .then(|| vanban_lint::report::document_report("", &parsed, &extraction));
                let source = wants.source.then_some(parsed.source);
                match (cache, &key, report) {
                    (Some(c), Some(k), Some(report)) => {
                        let entry = Entry { extraction, report };
                        c.put(k, &entry, quiet);
                        let Entry { extraction, report } = entry;
                        (extraction, Some(report), source)
                    }
                    (_, _, report) => (extraction, report, source),
                }
            }
        };
        let (mut extraction, mut report, source) = entry;
        extraction.source = Some(name.clone());
        if let Some(r) = report.as_mut() {
            r.file.clone_from(&name);
        }
        Ok(Doc {
            name: name.clone(),
            extraction,
            report,
            source,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_the_documents_error() {
        install_panic_hook();
        let r: Result<(), String> =
            guarded("a.txt", || panic!("byte index 3 is not a char boundary"));
        let e = r.expect_err("caught");
        assert!(e.starts_with("a.txt: error: internal error"), "{e}");
        assert!(e.contains("not a char boundary"), "{e}");
        let ok: Result<u8, String> = guarded("b.txt", || Ok(1));
        assert_eq!(ok, Ok(1));
    }
}
