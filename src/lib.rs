//! The crate documentation is the project's README (below), whose Rust examples run as
//! doctests. The short version:
//!
//! ```
//! let text = "ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 208/KH-UBND\n\
//!             Tuyên Quang, ngày 20 tháng 11 năm 2024\nKẾ HOẠCH\nTHỰC HIỆN KẾ HOẠCH SỐ 500-KH/TU\n\
//!             I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao vai trò.\n";
//! let parsed = vanban::parse(text);
//! let header = &parsed.document.header;
//! assert_eq!(header.kind, vanban::DocumentKind::Plan);
//! assert_eq!(header.date.as_deref(), Some("2024-11-20"));
//! assert_eq!(parsed.document.body[0].id(), "sec_I");
//! assert_eq!(parsed.document.body[0].children[0].id(), "sec_I__item_1");
//! // Lossless: the tree renders back to the (normalised) input.
//! assert_eq!(parsed.render(), text);
//! ```
//!
//! The layering: [`model`] (types, no parser) ← [`syntax`] (normalisation, pest grammars,
//! lowering) ← [`extraction`] (citations, relations, identities, agencies, assignments) ←
//! `graph` (the knowledge graph of a corpus: chains, agencies, queries; feature `graph`) and
//! `lint` (checks and the corpus report; feature `lint`) ← [`output`] (every output format:
//! a document as JSON, YAML, outline, text or Akoma Ntoso; with `graph`, the graph exports
//! and query answers; with `graph` and `lint`, the report) ← the `vanban` command-line tool
//! (the `vanban-cli` package). Both features are on by default.
//!
//! ---
//!
#![cfg_attr(all(feature = "graph", feature = "lint"), doc = include_str!("../README.md"))]
#![warn(missing_docs)]

// The layers are shown as modules of this crate, with their own docs (a plain `pub use` of a
// crate is one line in the docs, its documentation a click away in another crate).
#[doc(inline)]
pub use vanban_extract as extraction;
#[cfg(feature = "graph")]
#[doc(inline)]
pub use vanban_graph as graph;
#[cfg(feature = "lint")]
#[doc(inline)]
pub use vanban_lint as lint;
#[doc(inline)]
pub use vanban_model as model;
#[doc(inline)]
pub use vanban_output as output;
#[doc(inline)]
pub use vanban_syntax as syntax;

pub use vanban_extract::{extract, extract_with, AgencyRegistry, ExtractOptions};
#[cfg(feature = "graph")]
pub use vanban_graph::{Graph, GraphBuilder};
pub use vanban_model::{
    AgencyRef, Appendix, Archive, Assignment, Authority, Citation, CitationForm, CitedIssuer,
    Closing, DateParts, Deadline, DeadlineKind, Diagnostic, Document, DocumentKind, DocumentNumber,
    Extra, Extraction, Header, Issuer, Motto, MottoKind, Node, NodeKind, NumberForm, Recipient,
    RecipientRef, Recurrence, Reference, Relation, RelationType, Severity, Signature, Span,
};
pub use vanban_syntax::{
    parse, parse_bytes, parse_with, DecodeError, ParseError, ParseOptions, Parsed,
};
