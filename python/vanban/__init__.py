"""vanban from Python: read Vietnamese administrative, legal and Party documents into a typed
syntax tree, extract what they say about other documents and about work to be done, and
query the knowledge graph of a corpus.

Every answer is the JSON of the command-line tool for the same question, as Python objects
(dicts, lists, strings, numbers, ``None``): ``vanban.parse(f)`` equals
``json.loads(<vanban parse f --format json>)``, ``vanban.extract(f)`` the one object of
``vanban extract f``, ``Graph.from_paths(p).to_json()`` the bytes of
``vanban graph p --format json``.

What a document argument means (``parse``, ``extract``):

- ``path=...`` (a ``str`` or ``os.PathLike``): the file of that name, always;
- ``text=...`` (a ``str``, or ``bytes`` decoded as a file is): the document's text, always;
- one positional argument: an ``os.PathLike`` (``pathlib.Path``) is a file; ``bytes`` are the
  document's bytes; a ``str`` is a file when it is a single line naming an existing file,
  else the document's text.

Files and bytes are decoded as the command-line tool decodes a file: UTF-8 with or without
BOM, UTF-16 or UTF-32 with BOM; a legacy 8-bit encoding, an HTML page or a binary file raises
:class:`DecodeError` saying which and where. Errors are :class:`VanbanError` subclasses
carrying ``file``, ``line`` and ``column`` where known.

The work runs in native code with the GIL released: threads (``ThreadPoolExecutor``) read
documents in parallel, and the answers do not depend on the number of threads.
"""

import datetime
import json
import os
import re
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

from . import _native
from ._errors import (
    DecodeError,
    ReadError,
    RecordError,
    ResolveError,
    StrictError,
    VanbanError,
)

__all__ = [
    "parse",
    "extract",
    "Graph",
    "VanbanError",
    "ReadError",
    "DecodeError",
    "StrictError",
    "RecordError",
    "ResolveError",
    "__version__",
]

__version__: str = _native.__version__

Source = Union[str, bytes, "os.PathLike[str]"]


def _input(
    source: Optional[Source],
    path: Optional[Union[str, "os.PathLike[str]"]],
    text: Optional[Union[str, bytes]],
) -> Dict[str, Any]:
    """The native keyword arguments for a document given as ``source``, ``path=`` or
    ``text=`` (exactly one; see the module's documentation for the rule)."""
    given = [x is not None for x in (source, path, text)]
    if sum(given) != 1:
        raise TypeError("give exactly one document: a positional argument, path= or text=")
    if path is not None:
        return {"path": os.fsdecode(os.fspath(path))}
    if text is not None:
        if isinstance(text, str):
            return {"data": text.encode("utf-8")}
        if isinstance(text, (bytes, bytearray, memoryview)):
            return {"data": bytes(text)}
        raise TypeError(f"text= must be str or bytes, not {type(text).__name__}")
    if isinstance(source, os.PathLike):
        return {"path": os.fsdecode(os.fspath(source))}
    if isinstance(source, (bytes, bytearray, memoryview)):
        return {"data": bytes(source)}
    if isinstance(source, str):
        one_line = source and "\n" not in source and "\r" not in source
        if one_line and os.path.isfile(source):
            return {"path": source}
        return {"data": source.encode("utf-8")}
    raise TypeError(
        f"a document is a str, bytes or os.PathLike, not {type(source).__name__}"
    )


def parse(
    source: Optional[Source] = None,
    /,
    *,
    path: Optional[Union[str, "os.PathLike[str]"]] = None,
    text: Optional[Union[str, bytes]] = None,
    name: Optional[str] = None,
    strict: bool = False,
) -> Dict[str, Any]:
    """Parse one document into its syntax tree: the object of ``vanban parse FILE --format
    json`` (header, preamble, body, closing, appendices, diagnostics; see "Output contract" in
    the README).

    ``source`` / ``path=`` / ``text=`` give the document (see the module's documentation).
    ``name`` names a text in error messages (default ``"<text>"``, or the path). With
    ``strict=True`` a document with error diagnostics raises :class:`StrictError`.

    Raises :class:`ReadError` (the file cannot be read), :class:`DecodeError` (not a text
    document) or :class:`StrictError`.
    """
    kwargs = _input(source, path, text)
    return json.loads(_native.parse(name=name, strict=strict, **kwargs))


def extract(
    source: Optional[Source] = None,
    /,
    *,
    path: Optional[Union[str, "os.PathLike[str]"]] = None,
    text: Optional[Union[str, bytes]] = None,
    name: Optional[str] = None,
    strict: bool = False,
) -> Dict[str, Any]:
    """Extract what one document says: the object ``vanban extract FILE`` writes for it (id,
    kind, number, date, issuer, citations, relations, references, agencies, assignments,
    recipients, diagnostics; see "Extraction contract" in the README).

    Its ``source`` is the path as given for a file (as the command-line tool writes it), else
    ``name`` (``None`` when not given). The arguments and errors are those of :func:`parse`.
    The result can be given back to :meth:`Graph.from_extractions`.
    """
    kwargs = _input(source, path, text)
    return json.loads(_native.extract(name=name, strict=strict, **kwargs))


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def _date(value: Union[None, str, datetime.date], what: str) -> Optional[str]:
    """A date filter as ``YYYY-MM-DD``: a ``datetime.date`` or such a string."""
    if value is None:
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()[:10]
    if isinstance(value, str) and _DATE.match(value):
        return value
    raise ValueError(f"{what}={value!r} is not a date as YYYY-MM-DD or a datetime.date")


def _records_text(records: Any) -> str:
    """Extraction records as JSON Lines text: a dict is one record, a str (or bytes) one or
    more lines of JSON."""
    lines: List[str] = []
    for item in records:
        if isinstance(item, dict):
            lines.append(json.dumps(item, ensure_ascii=False))
        elif isinstance(item, (bytes, bytearray)):
            lines.append(bytes(item).decode("utf-8").rstrip("\r\n"))
        elif isinstance(item, str):
            if not item.lstrip("\ufeff \t\r\n").startswith(("{", "[")) and os.path.isfile(item):
                raise TypeError(
                    f"{item!r} is read as a line of JSON, and it names a file: to read the "
                    "records of a file, give a pathlib.Path"
                )
            lines.append(item.rstrip("\r\n"))
        else:
            raise TypeError(
                f"an extraction record is a dict or a line of JSON, not {type(item).__name__}"
            )
    return "\n".join(lines) + "\n"


class Graph:
    """The knowledge graph of a corpus: documents (parsed, or stubs known from citations),
    agencies and tasks, linked by typed relations (implements, based_on, amends ...), issuer,
    lead and cooperating agencies.

    Made by :meth:`from_paths` (documents) or :meth:`from_extractions` (records of
    :func:`extract` or ``vanban extract --jsonl``); both give the same graph for the same
    documents. Queries answer with the JSON of the command-line tool's ``--format json``.
    """

    __slots__ = ("_graph",)

    def __init__(self, native: "_native.Graph") -> None:
        """Wrap a native graph; use :meth:`from_paths` or :meth:`from_extractions`."""
        if not isinstance(native, _native.Graph):
            raise TypeError("use Graph.from_paths or Graph.from_extractions")
        self._graph = native

    @classmethod
    def from_paths(
        cls, paths: Union[Source, Iterable[Union[str, "os.PathLike[str]"]]]
    ) -> "Graph":
        """The graph of the documents under ``paths``: files, or folders searched recursively
        for ``.txt`` files (as ``vanban graph PATH...`` does). Documents are read in parallel
        with the GIL released. A path that cannot be read raises :class:`ReadError`, a file
        that is not a text document :class:`DecodeError`."""
        if isinstance(paths, (str, bytes, os.PathLike)):
            paths = [paths]
        names = [os.fsdecode(os.fspath(p)) for p in paths]
        return cls(_native.Graph.from_paths(names))

    @classmethod
    def from_extractions(
        cls,
        records: Union[Iterable[Union[Dict[str, Any], str, bytes]], "os.PathLike[str]"],
        *,
        name: str = "extractions",
    ) -> "Graph":
        """The graph of extraction records, without reading the documents again: dicts as
        :func:`extract` returns them, or lines of JSON as ``vanban extract --jsonl`` writes
        them (an open file of records works, and so does a ``pathlib.Path`` naming one).
        Each record's ``source`` names its document; the graph is byte for byte the one of
        :meth:`from_paths` over the same files. A line that is not a record raises
        :class:`RecordError` with ``file`` = ``name`` (or the path) and its ``line`` and
        ``column``."""
        if isinstance(records, os.PathLike):
            # (Read by the native half a line at a time, each line at most 1 GiB.)
            path = os.fsdecode(os.fspath(records))
            return cls(_native.Graph.from_jsonl_file(path, path))
        if isinstance(records, (str, bytes)):
            text = _records_text([records])
        else:
            text = _records_text(records)
        return cls(_native.Graph.from_jsonl(text, name))

    @property
    def node_count(self) -> int:
        """Number of nodes: documents, stubs, agencies and tasks."""
        return self._graph.node_count

    @property
    def edge_count(self) -> int:
        """Number of edges."""
        return self._graph.edge_count

    def __repr__(self) -> str:
        """``<vanban.Graph: N nodes, M edges>``."""
        return f"<vanban.Graph: {self.node_count} nodes, {self.edge_count} edges>"

    def resolve(self, id: str) -> str:
        """The full id of a document written as its number (``"208/KH-UBND"``, any case and
        spacing), a law's name or an id. Raises :class:`ResolveError` when nothing or several
        parsed documents match."""
        return self._graph.resolve(id)

    def chain(
        self, id: str, relations: Optional[Sequence[str]] = None, asserters: bool = False
    ) -> Dict[str, Any]:
        """The implementation chains of a document upward to the roots: the object of
        ``vanban chain ID --format json`` (``links`` in depth-first order, each with
        ``depth``, ``from``, ``relation``, ``asserted_count`` and ``node``; with
        ``asserters=True`` also ``asserted_by``, the list of asserting documents, as
        ``--asserters`` gives). ``relations``: the relation types to follow (default:
        implements, continues_implementing, details, guides). Raises :class:`ResolveError`
        for an unknown id, ``ValueError`` for an unknown relation."""
        rel = None if relations is None else list(relations)
        return json.loads(self._graph.chain(id, rel, asserters))

    def implementers(
        self, id: str, relations: Optional[Sequence[str]] = None
    ) -> List[Dict[str, Any]]:
        """Everything that implements a document, directly or not, with depth: the list of
        ``vanban implementers ID --format json``. Arguments as for :meth:`chain`."""
        rel = None if relations is None else list(relations)
        return json.loads(self._graph.implementers(id, rel))

    def tasks(
        self,
        agency: Optional[str] = None,
        due_before: Union[None, str, datetime.date] = None,
        due_after: Union[None, str, datetime.date] = None,
        overdue_as_of: Union[None, str, datetime.date] = None,
        document: Optional[str] = None,
    ) -> List[Dict[str, Any]]:
        """The tasks of the corpus, as ``vanban tasks --format json`` lists them: each with
        its date, document, element, agencies by role, deadline and text; sorted by date,
        undated last. Filters: ``agency`` (a part of a name, any role), ``due_before`` /
        ``due_after`` (on or before / after), ``overdue_as_of`` (due before that day),
        ``document`` (a number or a part of an id). Dates are ``datetime.date`` or
        ``"YYYY-MM-DD"``; a date filter leaves out tasks without a date."""
        return json.loads(
            self._graph.tasks(
                agency,
                _date(due_before, "due_before"),
                _date(due_after, "due_after"),
                _date(overdue_as_of, "overdue_as_of"),
                document,
            )
        )

    def to_json(self, documents_only: bool = False) -> str:
        """The node-link JSON of ``vanban graph --format json``, byte for byte
        (``documents_only``: ``--documents-only``)."""
        return self._graph.to_json(documents_only)

    def to_dict(self, documents_only: bool = False) -> Dict[str, Any]:
        """:meth:`to_json` as Python objects: ``directed``, ``multigraph``, ``graph``,
        ``nodes`` and ``edges``."""
        return json.loads(self.to_json(documents_only))

    def to_networkx(self, documents_only: bool = False) -> Any:
        """The graph as a ``networkx.MultiDiGraph`` (node and edge attributes as in
        :meth:`to_dict`). networkx is imported here only; without it, ``ImportError``."""
        try:
            import networkx as nx
        except ImportError as e:
            raise ImportError(
                "vanban.Graph.to_networkx needs networkx: pip install networkx"
            ) from e
        data = self.to_dict(documents_only)
        try:
            return nx.node_link_graph(data, edges="edges")
        except TypeError:  # networkx before 3.4 names the key `link`
            return nx.node_link_graph(data, link="edges")

    def nodes_frame(self, documents_only: bool = False) -> Any:
        """The nodes as a ``pandas.DataFrame``, one row a node, a column per attribute
        (``id``, ``kind``, ``label`` ...; missing attributes are NaN). pandas is imported
        here only; without it, ``ImportError``."""
        pd = _pandas("nodes_frame")
        return pd.DataFrame(self.to_dict(documents_only)["nodes"])

    def edges_frame(self, documents_only: bool = False) -> Any:
        """The edges as a ``pandas.DataFrame``, one row an edge (``source``, ``target``,
        ``type`` and the evidence). pandas is imported here only; without it,
        ``ImportError``."""
        pd = _pandas("edges_frame")
        return pd.DataFrame(self.to_dict(documents_only)["edges"])


def _pandas(method: str) -> Any:
    """pandas, or an ImportError that says what needs it."""
    try:
        import pandas
    except ImportError as e:
        raise ImportError(f"vanban.Graph.{method} needs pandas: pip install pandas") from e
    return pandas
