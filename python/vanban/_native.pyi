"""Type stubs of the native module ``vanban._native`` (crates/vanban-py). Use the functions
and the class of ``vanban``, which turn these JSON texts into Python objects."""

from typing import List, Optional, final

__all__ = ["parse", "extract", "Graph", "__version__"]

__version__: str

def parse(
    *, path: Optional[str] = None, data: Optional[bytes] = None, name: Optional[str] = None, strict: bool = False
) -> str:
    """``vanban parse --format json`` of one document (a file, or bytes), as JSON text."""

def extract(
    *, path: Optional[str] = None, data: Optional[bytes] = None, name: Optional[str] = None, strict: bool = False
) -> str:
    """One document's object of ``vanban extract``, as JSON text."""

@final
class Graph:
    """The knowledge graph of a corpus."""

    @staticmethod
    def from_paths(paths: List[str]) -> "Graph":
        """The graph of the documents under ``paths``."""
    @staticmethod
    def from_jsonl(text: str, name: str) -> "Graph":
        """The graph of extraction records (JSON Lines)."""
    @staticmethod
    def from_jsonl_file(path: str, name: str) -> "Graph":
        """The graph of the extraction records of a file, read a line at a time."""
    def resolve(self, id: str) -> str:
        """The full id of a document as written."""
    def chain(
        self, id: str, relations: Optional[List[str]] = None, asserters: bool = False
    ) -> str:
        """``vanban chain ID --format json``."""
    def implementers(self, id: str, relations: Optional[List[str]] = None) -> str:
        """``vanban implementers ID --format json``."""
    def tasks(
        self,
        agency: Optional[str] = None,
        due_before: Optional[str] = None,
        due_after: Optional[str] = None,
        overdue_as_of: Optional[str] = None,
        document: Optional[str] = None,
    ) -> str:
        """``vanban tasks --format json``; ``ValueError`` for a day not in the calendar or
        empty text."""
    def to_json(self, documents_only: bool = False) -> str:
        """``vanban graph --format json``."""
    @property
    def node_count(self) -> int:
        """Number of nodes."""
    @property
    def edge_count(self) -> int:
        """Number of edges."""
