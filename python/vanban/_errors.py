"""The exceptions vanban raises. Every one is a :class:`VanbanError`."""

from typing import Optional


class VanbanError(Exception):
    """An error of vanban, with where it happened when that is known.

    ``str(error)`` is the line the command-line tool prints for the same error
    (``file:line:column: error: ...``). The attributes say the same in parts:

    - ``message``: that line;
    - ``file``: the file (or the name given for a text) the error is about, or ``None``;
    - ``line``, ``column``: 1-based position in it, or ``None`` where it does not apply.
    """

    def __init__(
        self,
        message: str,
        file: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column

    def __reduce__(self):  # type: ignore[no-untyped-def]
        """Pickle with every attribute (errors cross process pools)."""
        return (type(self), (self.message, self.file, self.line, self.column))


class ReadError(VanbanError):
    """A file could not be read (missing, a folder, no permission)."""


class DecodeError(VanbanError):
    """The bytes are not a text document: invalid UTF-8, a legacy Vietnamese 8-bit encoding
    (TCVN3, VNI, Windows-1258), an HTML page, a PDF or another binary file. ``line`` (and
    ``column`` for invalid UTF-8) say where, when known."""


class StrictError(VanbanError):
    """``strict=True`` and the document has error diagnostics; ``line`` and ``column`` are
    those of the first."""


class RecordError(VanbanError):
    """A line given to :meth:`vanban.Graph.from_extractions` is not an extraction record;
    ``file`` is the name of the records, ``line`` the line (from 1), ``column`` the column in
    it where the JSON went wrong."""


class ResolveError(VanbanError, LookupError):
    """A document id as written matched nothing in the graph, or several documents."""
