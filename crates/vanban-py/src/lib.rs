//! The native half of the Python package `vanban` (`vanban._native`), built by maturin from
//! `python/pyproject.toml`; the Python half (`python/vanban/`) turns its JSON into Python
//! objects and is what users import. See "Using vanban from Python" in the README.
//!
//! Every answer is the JSON text the command-line tool writes for the same question, made by
//! the same library functions (`vanban-output`), so `json.loads` of it equals `json.loads`
//! of the tool's output. Reading, parsing, extraction and graph building run with the GIL
//! released (`Python::detach`): Python threads parse documents in parallel. Errors are raised
//! as the exception classes of `vanban._errors` with the file, line and column where known; a
//! bug that panics on a document is raised as a `VanbanError` naming it, not as a crash.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use rayon::prelude::*;
use vanban_graph::{GraphBuilder, TaskFilter, IMPLEMENTATION};
use vanban_model::{Extraction, RelationType, Severity};
use vanban_output::{
    query, ChainFormat, DocumentFormat, Export, ExportOptions, GraphFormat, TaskFormat,
};
use vanban_syntax::{DecodeError, ParseError, Parsed};

/// An error on its way to Python: the class of `vanban._errors` it becomes, its message (the
/// command-line tool's `file:line:col: error: …` line) and where it is.
#[derive(Debug, Default)]
struct Failure {
    /// Class name in `vanban._errors`.
    kind: &'static str,
    message: String,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
}

impl Failure {
    /// A failure of class `kind` with only a message.
    fn new(kind: &'static str, message: String) -> Failure {
        Failure {
            kind,
            message,
            ..Failure::default()
        }
    }

    /// The Python exception.
    fn into_pyerr(self, py: Python<'_>) -> PyErr {
        let made = py
            .import("vanban._errors")
            .and_then(|m| m.getattr(self.kind))
            // (The message as the command line prints it: a file name's or a document's control
            // characters and line breaks escaped, so that an uncaught error cannot clear or
            // retitle the terminal, or forge a line; `file` keeps the name as it is.)
            .and_then(|class| {
                let message = vanban_text::visible_line(&self.message).into_owned();
                class.call1((message, self.file, self.line, self.column))
            });
        match made {
            Ok(value) => PyErr::from_value(value),
            Err(e) => e,
        }
    }
}

/// Run `f` with the GIL released; a panic becomes a `VanbanError` naming `what`.
fn detached<T: Send>(
    py: Python<'_>,
    what: &str,
    f: impl FnOnce() -> Result<T, Failure> + Send,
) -> PyResult<T> {
    let result = py.detach(|| {
        catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
            Err(Failure::new(
                "VanbanError",
                format!(
                    "{what}: error: internal error while reading this document; please report \
                     it with the input"
                ),
            ))
        })
    });
    result.map_err(|f| f.into_pyerr(py))
}

/// What a document is read from.
enum Input {
    /// A file, read as the command-line tool reads it.
    Path(PathBuf),
    /// The document's bytes, decoded as a file's are (UTF-8 with or without BOM, UTF-16 or
    /// UTF-32 with BOM); `str` text arrives here as its UTF-8 bytes.
    Bytes(Vec<u8>),
}

impl Input {
    /// The input from the keyword arguments of `parse` / `extract`: exactly one of them.
    fn from_args(path: Option<PathBuf>, data: Option<Vec<u8>>) -> PyResult<Input> {
        match (path, data) {
            (Some(p), None) => Ok(Input::Path(p)),
            (None, Some(d)) => Ok(Input::Bytes(d)),
            _ => Err(PyValueError::new_err("give exactly one of path= and data=")),
        }
    }
}

/// A parse error as the failure it raises, for the document `name`.
fn parse_failure(name: &str, e: &ParseError) -> Failure {
    let (line, column) = match e {
        ParseError::Decode(DecodeError::InvalidUtf8 { line, column, .. }) => {
            (Some(*line), Some(*column))
        }
        ParseError::Decode(
            DecodeError::LegacyEncoding { line, .. } | DecodeError::MisdecodedLegacy { line, .. },
        ) => (Some(*line), None),
        _ => (None, None),
    };
    Failure {
        kind: "DecodeError",
        message: format!("{name}: error: {e}"),
        file: Some(name.to_owned()),
        line,
        column,
    }
}

/// Read and parse a document; `name` names it in errors (for a file: its path as given).
/// With `strict`, the first error diagnostic is raised.
fn read(input: Input, name: &str, strict: bool) -> Result<Parsed, Failure> {
    let bytes = match input {
        Input::Path(p) => vanban_syntax::text::read_file(&p).map_err(|e| Failure {
            file: Some(name.to_owned()),
            ..Failure::new(
                "ReadError",
                format!("{name}: error: cannot read the file: {e}"),
            )
        })?,
        Input::Bytes(b) => b,
    };
    let parsed = vanban_syntax::parse_bytes(&bytes).map_err(|e| parse_failure(name, &e))?;
    if strict {
        let errors = parsed
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error);
        if let Some(d) = errors.clone().next() {
            let (line, column) = (d.span.line as usize, d.span.column as usize);
            return Err(Failure {
                kind: "StrictError",
                message: format!(
                    "{name}:{line}:{column}: error[{}]: {} ({} error diagnostic(s))",
                    d.code,
                    d.message,
                    errors.count()
                ),
                file: Some(name.to_owned()),
                line: Some(line),
                column: Some(column),
            });
        }
    }
    Ok(parsed)
}

/// The name of a document in messages and in its extraction's `source`: the path as given,
/// else the name the caller chose.
fn name_of(input: &Input, name: Option<String>) -> (String, Option<String>) {
    match (input, name) {
        (_, Some(n)) => (n.clone(), Some(n)),
        (Input::Path(p), None) => {
            let n = p.display().to_string();
            (n.clone(), Some(n))
        }
        (Input::Bytes(_), None) => ("<text>".to_owned(), None),
    }
}

/// `vanban parse --format json` of one document, as JSON text.
#[pyfunction]
#[pyo3(signature = (*, path=None, data=None, name=None, strict=false))]
fn parse(
    py: Python<'_>,
    path: Option<PathBuf>,
    data: Option<Vec<u8>>,
    name: Option<String>,
    strict: bool,
) -> PyResult<String> {
    let input = Input::from_args(path, data)?;
    let (name, _) = name_of(&input, name);
    detached(py, &name.clone(), move || {
        let parsed = read(input, &name, strict)?;
        DocumentFormat::Json.render(&parsed).map_err(|e| {
            Failure::new(
                "VanbanError",
                format!("{name}: error: cannot serialise the output: {e}"),
            )
        })
    })
}

/// One document's object of `vanban extract` (its `source`: the path as given, or `name`),
/// as JSON text.
#[pyfunction]
#[pyo3(signature = (*, path=None, data=None, name=None, strict=false))]
fn extract(
    py: Python<'_>,
    path: Option<PathBuf>,
    data: Option<Vec<u8>>,
    name: Option<String>,
    strict: bool,
) -> PyResult<String> {
    let input = Input::from_args(path, data)?;
    let (name, source) = name_of(&input, name);
    detached(py, &name.clone(), move || {
        let x = extract_one(input, &name, source, strict)?;
        vanban_output::extraction::json_line(&x).map_err(|e| {
            Failure::new(
                "VanbanError",
                format!("{name}: error: cannot serialise the output: {e}"),
            )
        })
    })
}

/// Read, parse and extract one document, as `vanban extract` does.
fn extract_one(
    input: Input,
    name: &str,
    source: Option<String>,
    strict: bool,
) -> Result<Extraction, Failure> {
    let parsed = read(input, name, strict)?;
    let mut x = vanban_extract::extract(&parsed);
    x.source = source;
    Ok(x)
}

/// The documents under `paths` as the graph commands find them: files as given, folders
/// walked for `.txt` (the command-line tool's walk), sorted, each once. A path that cannot be
/// read is an error.
fn corpus_files(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<String>), Failure> {
    let walk = vanban_cli::files::walk(paths);
    if let Some(first) = walk.errors.first() {
        let file = first.split_once(": error: ").map(|(f, _)| f.to_owned());
        return Err(Failure {
            file,
            ..Failure::new("ReadError", first.clone())
        });
    }
    let mut files = walk.files;
    files.sort();
    files.dedup();
    if files.is_empty() {
        return Err(Failure::new(
            "VanbanError",
            "error: no documents to read".to_owned(),
        ));
    }
    Ok((files, walk.warnings))
}

/// Python warnings (`warnings.warn`, a `UserWarning`) for what a walk skipped: a FIFO, a
/// device, a loop, a file met twice (the command line prints the same lines on stderr).
fn warn_all(py: Python<'_>, warnings: &[String]) -> PyResult<()> {
    if warnings.is_empty() {
        return Ok(());
    }
    let warn = py.import("warnings")?.getattr("warn")?;
    for w in warnings {
        warn.call1((vanban_text::visible_line(w).into_owned(),))?;
    }
    Ok(())
}

/// The graph of the extraction records `reader` holds, `name` naming them in errors.
fn records_graph(
    reader: impl std::io::BufRead,
    name: &str,
) -> Result<vanban_graph::Graph, Failure> {
    let mut builder = GraphBuilder::new();
    let added = builder.add_jsonl(reader, name).map_err(|e| Failure {
        kind: "RecordError",
        message: e.to_string(),
        file: Some(e.name.clone()),
        line: Some(e.line),
        column: (e.column > 0).then_some(e.column),
    })?;
    if added == 0 {
        return Err(Failure {
            file: Some(name.to_owned()),
            ..Failure::new(
                "VanbanError",
                format!("{name}: error: no extraction records to read"),
            )
        });
    }
    Ok(builder.build())
}

/// The relation types a chain follows: the names given, or the implementation relations.
fn relations(names: Option<Vec<String>>) -> PyResult<Vec<RelationType>> {
    match names {
        None => Ok(IMPLEMENTATION.to_vec()),
        // An empty list follows nothing (the command line has no way to say that).
        Some(names) if names.is_empty() => Ok(Vec::new()),
        Some(names) => vanban_graph::relations_named(&names).map_err(PyValueError::new_err),
    }
}

/// The knowledge graph of a corpus (the Python class `vanban.Graph` wraps it).
#[pyclass(frozen, module = "vanban._native", name = "Graph")]
struct PyGraph {
    graph: vanban_graph::Graph,
}

#[pymethods]
impl PyGraph {
    /// The graph of the documents under `paths` (files, or folders walked for `.txt`), read
    /// in parallel.
    #[staticmethod]
    fn from_paths(py: Python<'_>, paths: Vec<PathBuf>) -> PyResult<PyGraph> {
        let (graph, skipped) = detached(py, "graph", move || {
            let (files, skipped) = corpus_files(&paths)?;
            let read: Vec<Result<(String, Extraction), Failure>> = files
                .par_iter()
                .map(|f| {
                    let name = f.display().to_string();
                    let x = catch_unwind(AssertUnwindSafe(|| {
                        extract_one(Input::Path(f.clone()), &name, Some(name.clone()), false)
                    }))
                    .unwrap_or_else(|_| {
                        Err(Failure::new(
                            "VanbanError",
                            format!("{name}: error: internal error while reading this document"),
                        ))
                    })?;
                    Ok((name, x))
                })
                .collect();
            let mut builder = GraphBuilder::new();
            for r in read {
                let (name, x) = r?;
                builder.add(name, x);
            }
            Ok((builder.build(), skipped))
        })?;
        warn_all(py, &skipped)?;
        Ok(PyGraph { graph })
    }

    /// The graph of extraction records: JSON Lines as `vanban extract --jsonl` writes them;
    /// `name` names them in errors.
    #[staticmethod]
    fn from_jsonl(py: Python<'_>, text: String, name: String) -> PyResult<PyGraph> {
        let graph = detached(py, &name.clone(), move || {
            records_graph(text.as_bytes(), &name)
        })?;
        Ok(PyGraph { graph })
    }

    /// The graph of the extraction records in the file `path`, read a line at a time as the
    /// command line's `--from-jsonl` reads them (a line at most 1 GiB, no NUL: `/dev/zero`
    /// is refused at once instead of filling the memory).
    #[staticmethod]
    fn from_jsonl_file(py: Python<'_>, path: PathBuf, name: String) -> PyResult<PyGraph> {
        let graph = detached(py, &name.clone(), move || {
            let file = std::fs::File::open(&path).map_err(|e| Failure {
                file: Some(name.clone()),
                ..Failure::new(
                    "ReadError",
                    format!("{name}: error: cannot read the file: {e}"),
                )
            })?;
            records_graph(std::io::BufReader::new(file), &name)
        })?;
        Ok(PyGraph { graph })
    }

    /// The full id of a document written as a number, a law's name or an id.
    fn resolve(&self, py: Python<'_>, id: &str) -> PyResult<String> {
        self.graph.resolve(id).map_err(|e| {
            Failure::new(
                "ResolveError",
                format!("error: {}", e.to_string().trim_end()),
            )
            .into_pyerr(py)
        })
    }

    /// `vanban chain ID --format json [--asserters]`.
    #[pyo3(signature = (id, relations=None, asserters=false))]
    fn chain(
        &self,
        py: Python<'_>,
        id: &str,
        relations: Option<Vec<String>>,
        asserters: bool,
    ) -> PyResult<String> {
        let kinds = self::relations(relations)?;
        let found = self.resolve(py, id)?;
        py.detach(|| {
            let chain = if asserters {
                self.graph.chain_with_asserters(&found, &kinds)
            } else {
                self.graph.chain(&found, &kinds)
            };
            chain.map(|c| query::chain(&self.graph, &c, ChainFormat::Json))
        })
        .ok_or_else(|| {
            Failure::new("ResolveError", format!("error: no document {found}")).into_pyerr(py)
        })
    }

    /// `vanban implementers ID --format json`.
    #[pyo3(signature = (id, relations=None))]
    fn implementers(
        &self,
        py: Python<'_>,
        id: &str,
        relations: Option<Vec<String>>,
    ) -> PyResult<String> {
        let kinds = self::relations(relations)?;
        let found = self.resolve(py, id)?;
        Ok(py.detach(|| {
            let list = self.graph.implementers(&found, &kinds);
            query::implementers(&self.graph, &found, &list, ChainFormat::Json)
        }))
    }

    /// `vanban tasks --format json` with the filter of `Graph::tasks`.
    #[pyo3(signature = (agency=None, due_before=None, due_after=None, overdue_as_of=None, document=None))]
    fn tasks(
        &self,
        py: Python<'_>,
        agency: Option<String>,
        due_before: Option<String>,
        due_after: Option<String>,
        overdue_as_of: Option<String>,
        document: Option<String>,
    ) -> PyResult<String> {
        let filter = TaskFilter {
            agency,
            due_before,
            due_after,
            overdue_as_of,
            document,
        };
        // (As the command line refuses them: a day not in the calendar, empty text.)
        filter.check().map_err(PyValueError::new_err)?;
        Ok(py.detach(|| query::tasks(&self.graph.tasks(&filter), TaskFormat::Json)))
    }

    /// `vanban graph --format json` (node-link JSON), byte for byte.
    #[pyo3(signature = (documents_only=false))]
    fn to_json(&self, py: Python<'_>, documents_only: bool) -> String {
        let o = ExportOptions { documents_only };
        py.detach(|| match GraphFormat::Json.render(&self.graph, o) {
            Export::Text(text) => text,
            // JSON is one text; only a directory format gives files.
            Export::Files(files) => files.into_iter().map(|(_, text)| text).collect(),
        })
    }

    /// Number of nodes (documents, stubs, agencies, tasks).
    #[getter]
    fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    #[getter]
    fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }
}

/// The native module `vanban._native`.
#[pymodule]
#[pyo3(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_class::<PyGraph>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
