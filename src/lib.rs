//! # vanban
//!
//! Reads Vietnamese administrative, legal and Party documents (plans, decisions, resolutions,
//! conclusions, letters, laws, decrees) into a typed, serde-serialisable syntax tree.
//!
//! ```
//! let text = "ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 208/KH-UBND\n\
//!             Tuyên Quang, ngày 20 tháng 11 năm 2024\nKẾ HOẠCH\nTHỰC HIỆN KẾ HOẠCH SỐ 500-KH/TU\n\
//!             I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao vai trò.\n";
//! let parsed = vanban::parse(text);
//! let header = &parsed.document.header;
//! assert_eq!(header.kind, vanban::DocumentKind::Plan);
//! assert_eq!(header.date.as_deref(), Some("2024-11-20"));
//! assert_eq!(parsed.document.body[0].id, "sec_I");
//! assert_eq!(parsed.document.body[0].children[0].id, "sec_I__item_1");
//! // Lossless: the tree renders back to the (normalised) input.
//! assert_eq!(parsed.render(), text);
//! ```
//!
//! The layering: [`model`] (types, no parser) ← [`syntax`] (normalisation, pest grammars,
//! lowering) ← [`extraction`] (citations, relations, identities, agencies, assignments) ←
//! [`graph`] (the knowledge graph of a corpus: chains, agencies, exports) ← the `vanban`
//! command-line tool (feature `cli`, on by default).
#![warn(missing_docs)]

pub use vanban_extract as extraction;
pub use vanban_graph as graph;
pub use vanban_lint as lint;
pub use vanban_model as model;
pub use vanban_syntax as syntax;

pub use vanban_extract::{extract, extract_with, AgencyRegistry, ExtractOptions};
pub use vanban_graph::{Graph, GraphBuilder};
pub use vanban_model::{
    Appendix, Archive, Assignment, Authority, Citation, CitationForm, CitedIssuer, Closing,
    DateParts, Diagnostic, Document, DocumentKind, DocumentNumber, Extra, Extraction, Header,
    Issuer, Motto, MottoKind, Node, NodeKind, NumberForm, Recipient, RecipientRef, Reference,
    Relation, RelationType, Severity, Signature, Span,
};
pub use vanban_syntax::{
    parse, parse_bytes, parse_with, DecodeError, ParseError, ParseOptions, Parsed,
};

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
