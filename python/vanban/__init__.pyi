"""Type stubs of ``vanban``: parse, extract and query Vietnamese documents. The docstrings
are in ``vanban/__init__.py``; see "Using vanban from Python" in the README."""

import datetime
import os
from typing import IO, Any, Dict, Iterable, List, Optional, Sequence, Union

from ._errors import (
    DecodeError as DecodeError,
    ReadError as ReadError,
    RecordError as RecordError,
    ResolveError as ResolveError,
    StrictError as StrictError,
    VanbanError as VanbanError,
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

__version__: str

_PathLike = Union[str, "os.PathLike[str]"]
Source = Union[str, bytes, "os.PathLike[str]"]
_Date = Union[str, datetime.date]

def parse(
    source: Optional[Source] = None,
    /,
    *,
    path: Optional[_PathLike] = None,
    text: Optional[Union[str, bytes]] = None,
    name: Optional[str] = None,
    strict: bool = False,
) -> Dict[str, Any]:
    """One document's syntax tree (``vanban parse --format json``)."""

def extract(
    source: Optional[Source] = None,
    /,
    *,
    path: Optional[_PathLike] = None,
    text: Optional[Union[str, bytes]] = None,
    name: Optional[str] = None,
    strict: bool = False,
) -> Dict[str, Any]:
    """One document's extraction (its object of ``vanban extract``)."""

class Graph:
    """The knowledge graph of a corpus."""

    def __init__(self, native: Any) -> None: ...
    @classmethod
    def from_paths(cls, paths: Union[Source, Iterable[_PathLike]]) -> "Graph":
        """The graph of the documents under ``paths`` (files, folders)."""
    @classmethod
    def from_extractions(
        cls,
        records: Union[Iterable[Union[Dict[str, Any], str, bytes]], IO[str], "os.PathLike[str]"],
        *,
        name: str = "extractions",
    ) -> "Graph":
        """The graph of extraction records (dicts or JSON lines)."""
    @property
    def node_count(self) -> int:
        """Number of nodes."""
    @property
    def edge_count(self) -> int:
        """Number of edges."""
    def resolve(self, id: str) -> str:
        """The full id of a document as written."""
    def chain(
        self, id: str, relations: Optional[Sequence[str]] = None, asserters: bool = False
    ) -> Dict[str, Any]:
        """``vanban chain ID --format json [--asserters]``."""
    def implementers(self, id: str, relations: Optional[Sequence[str]] = None) -> List[Dict[str, Any]]:
        """``vanban implementers ID --format json``."""
    def tasks(
        self,
        agency: Optional[str] = None,
        due_before: Optional[_Date] = None,
        due_after: Optional[_Date] = None,
        overdue_as_of: Optional[_Date] = None,
        document: Optional[str] = None,
    ) -> List[Dict[str, Any]]:
        """``vanban tasks --format json``."""
    def to_json(self, documents_only: bool = False) -> str:
        """``vanban graph --format json``, byte for byte."""
    def to_dict(self, documents_only: bool = False) -> Dict[str, Any]:
        """The node-link JSON as Python objects."""
    def to_networkx(self, documents_only: bool = False) -> Any:
        """A ``networkx.MultiDiGraph``."""
    def nodes_frame(self, documents_only: bool = False) -> Any:
        """The nodes as a ``pandas.DataFrame``."""
    def edges_frame(self, documents_only: bool = False) -> Any:
        """The edges as a ``pandas.DataFrame``."""
