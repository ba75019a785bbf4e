//! Checks for people who review new directives, and a corpus report that makes every change
//! to the parser visible.
//!
//! [`lint`] gives coded, positioned findings: numbering (gaps, duplicates, order at every
//! level), header format (Nghị định 30/2020, Hướng dẫn 36-HD/VPTW), citations (a first
//! citation without date or issuer, a cited document dated after the citing one, a symbol
//! whose issuer code contradicts the stated issuer) and closing (the "./." end mark, "Lưu",
//! the signature). Findings are never parse failures: a damaged document still gets them.
//!
//! ```
//! let parsed = vanban_syntax::parse(
//!     "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 5/KH-UBND\nLào Cai, ngày 5 tháng 3 năm 2025\n\
//!      KẾ HOẠCH\nVề X\nI. MỤC ĐÍCH\nII. NHIỆM VỤ\n1. Một.\n3. Ba.\n",
//! );
//! let x = vanban_extract::extract(&parsed);
//! let findings = vanban_lint::lint(&parsed, &x);
//! assert!(findings.iter().any(|f| f.code == "numbering-gap" && f.span.line == 10));
//! ```
#![warn(missing_docs)]

mod numbering;
pub mod report;
mod rules;

use serde::Serialize;
use vanban_model::{Extraction, Severity, Span};
use vanban_syntax::Parsed;
use vanban_text::Sub;

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable code (`numbering-gap`, `header-date-padding`, `citation-incomplete` …).
    pub code: String,
    /// How bad.
    pub severity: Severity,
    /// What is wrong, in plain words.
    pub message: String,
    /// The text it is about, as written (shortened).
    pub quote: String,
    /// Where.
    pub span: Span,
}

/// Every finding for a parsed document and its extraction, sorted by position: the parse's
/// and extraction's warnings and errors, and the checks of this crate.
pub fn lint(parsed: &Parsed, extraction: &Extraction) -> Vec<Finding> {
    let mut out: Vec<Finding> = extraction
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .map(|d| Finding {
            code: d.code.clone(),
            severity: d.severity,
            message: d.message.clone(),
            quote: quote_at(parsed, d.span.start),
            span: d.span,
        })
        .collect();
    out.extend(numbering::check(&parsed.document));
    out.extend(rules::header(parsed));
    out.extend(rules::citations(parsed, extraction));
    out.extend(rules::closing(parsed));
    out.sort_by(|a, b| {
        (a.span.start, a.span.line, &a.code, &a.message).cmp(&(
            b.span.start,
            b.span.line,
            &b.code,
            &b.message,
        ))
    });
    out.dedup();
    out
}

/// The line at an offset, shortened.
fn quote_at(parsed: &Parsed, offset: usize) -> String {
    let src = &parsed.source;
    let o = vanban_text::floor(src, offset);
    let start = src.sub(..o).rfind('\n').map_or(0, |p| p + 1);
    let end = src.sub(o..).find('\n').map_or(src.len(), |p| o + p);
    short(src.sub(start..end).trim(), 100)
}

/// Text shortened to `max` characters, white space folded.
pub(crate) fn short(text: &str, max: usize) -> String {
    let text = vanban_text::squash_spaces(text);
    if text.chars().count() <= max {
        return text;
    }
    let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
}
