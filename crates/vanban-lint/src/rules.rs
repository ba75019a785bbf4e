//! Header, citation and closing checks.

use std::collections::BTreeSet;
use std::sync::OnceLock;
use vanban_model::codes;

use regex::Regex;
use vanban_model::{Citation, CitationForm, DocumentKind, Extraction, Severity, Span};
use vanban_syntax::Parsed;
use vanban_text::Sub;

use crate::Finding;

fn span_at(parsed: &Parsed, start: usize, end: usize) -> Span {
    let (line, column) = parsed.line_col(start);
    Span {
        start,
        end,
        line,
        column,
    }
}

fn line_text(parsed: &Parsed, offset: usize) -> String {
    let src = &parsed.source;
    let start = src.sub(..offset).rfind('\n').map_or(0, |p| p + 1);
    let end = src
        .sub(offset..)
        .find('\n')
        .map_or(src.len(), |p| offset + p);
    crate::short(src.sub(start..end).trim(), 100)
}

fn date_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+\d{4}")
            .unwrap_or_else(|e| unreachable!("static pattern: {e}"))
    })
}

/// Header format (Nghị định 30/2020, Hướng dẫn 36-HD/VPTW): the motto or Party heading, and
/// the zero padding of the date: days below 10 and the months 1 and 2 take a leading 0
/// ("ngày 05 tháng 02 năm 2020"), so that no digit can be added in front.
pub fn header(parsed: &Parsed) -> Vec<Finding> {
    let doc = &parsed.document;
    let h = &doc.header;
    let mut out = Vec::new();
    if h.motto.is_none() && !h.issuer.raw.is_empty() {
        out.push(Finding {
            code: codes::HEADER_NO_MOTTO.to_owned(),
            severity: Severity::Warning,
            message: "the header has no national motto (Quốc hiệu) or Party heading".to_owned(),
            quote: h.issuer.raw.join(" / "),
            span: h.span,
        });
    }
    let region = parsed
        .source
        .sub(h.span.start..h.span.end.min(parsed.source.len()));
    if let Some(c) = date_regex().captures(region) {
        let (Some(all), Some(day), Some(month)) = (c.get(0), c.get(1), c.get(2)) else {
            return out;
        };
        let d: u32 = day.as_str().parse().unwrap_or(0);
        let m: u32 = month.as_str().parse().unwrap_or(0);
        let mut problems = Vec::new();
        if d < 10 && day.as_str().len() == 1 {
            problems.push(format!("day {d} is written without its 0 (\"0{d}\")"));
        }
        if m <= 2 && month.as_str().len() == 1 {
            problems.push(format!("month {m} is written without its 0 (\"0{m}\")"));
        }
        if !problems.is_empty() {
            let start = h.span.start + all.start();
            out.push(Finding {
                code: codes::HEADER_DATE_PADDING.to_owned(),
                severity: Severity::Info,
                message: format!(
                    "{}: days below 10 and the months 1 and 2 take a leading 0",
                    problems.join("; ")
                ),
                quote: all.as_str().to_owned(),
                span: span_at(parsed, start, h.span.start + all.end()),
            });
        }
    }
    out
}

/// Citations: the first citation of a document gives its date and issuer; nothing cites a
/// document issued after it.
pub fn citations(parsed: &Parsed, x: &Extraction) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut later_seen: BTreeSet<&str> = BTreeSet::new();
    let own_date = x.date.as_deref();
    let own_year = own_date
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse::<u16>().ok());
    for c in &x.citations {
        let Some(target) = c.target_id.as_deref() else {
            continue;
        };
        if target == x.id {
            continue;
        }
        if seen.insert(target) {
            out.extend(incomplete(parsed, c));
        }
        let later = match (c.date.as_deref(), own_date) {
            (Some(cd), Some(od)) => cd > od,
            (None, Some(_)) => c.year.zip(own_year).is_some_and(|(cy, oy)| cy > oy),
            _ => false,
        };
        // Once per cited document (its later mentions inherit the same date).
        if later && later_seen.insert(target) {
            out.push(Finding {
                code: codes::CITATION_AFTER_DOCUMENT.to_owned(),
                severity: Severity::Warning,
                message: format!(
                    "cites {} of {}, after this document's date {}",
                    cited_number(c),
                    c.date
                        .as_deref()
                        .map(str::to_owned)
                        .or_else(|| c.year.map(|y| y.to_string()))
                        .unwrap_or_default(),
                    own_date.unwrap_or("")
                ),
                quote: crate::short(&c.raw, 100),
                span: c.span,
            });
        }
    }
    out
}

/// The normalised number of a cited document, else its citation as written.
fn cited_number(c: &Citation) -> &str {
    c.number
        .as_ref()
        .map_or(c.raw.as_str(), |n| n.normalized.as_str())
}

/// A first full citation (of anything but a law, outside trailing text) without date or
/// issuer.
fn incomplete(parsed: &Parsed, c: &Citation) -> Option<Finding> {
    let law = matches!(
        c.kind,
        DocumentKind::Law | DocumentKind::Code | DocumentKind::Constitution
    );
    if c.form != CitationForm::Full || law || c.node.as_deref() == Some("trailing") {
        return None;
    }
    let mut missing = Vec::new();
    if c.date.is_none() {
        missing.push("date");
    }
    // "Theo đề nghị của Sở Công Thương tại Tờ trình số …": the issuer stands before.
    let from = vanban_text::ceil(&parsed.source, c.span.start.saturating_sub(160));
    let lead = parsed.source.get(from..c.span.start).unwrap_or("");
    let named_before = lead.trim_end().ends_with("tại")
        && lead
            .rsplit(['.', ';'])
            .next()
            .is_some_and(|l| l.contains("của "));
    if c.issuer.is_none() && !named_before {
        missing.push("issuer");
    }
    if missing.is_empty() {
        return None;
    }
    Some(Finding {
        code: codes::CITATION_INCOMPLETE.to_owned(),
        severity: Severity::Info,
        message: format!(
            "the first citation of {} gives no {} (a first citation names type, number, date \
             and issuer)",
            cited_number(c),
            missing.join(" and ")
        ),
        quote: crate::short(&c.raw, 100),
        span: c.span,
    })
}

/// Closing: the "./." that ends the content, the "Lưu" line under "Nơi nhận", a signature.
pub fn closing(parsed: &Parsed) -> Vec<Finding> {
    let doc = &parsed.document;
    let mut out = Vec::new();
    let Some(closing_span) = doc.closing.span else {
        return out;
    };
    // The last line of text before the closing (lines of Markdown debris such as "|" skipped).
    let mut before = parsed.source.sub(..closing_span.start).trim_end();
    loop {
        let start = before.rfind('\n').map_or(0, |p| p + 1);
        if start == 0 || before.sub(start..).chars().any(char::is_alphanumeric) {
            break;
        }
        before = before.sub(..start).trim_end();
    }
    let last_line_start = before.rfind('\n').map_or(0, |p| p + 1);
    let last = before
        .sub(last_line_start..)
        .trim()
        .trim_end_matches(['*', '_', ' '])
        .trim_end();
    let ends = last.ends_with("./.") || last.ends_with("/.") || last.ends_with("./. ");
    if !ends && !before.is_empty() && !doc.body.is_empty() {
        out.push(Finding {
            code: codes::CLOSING_NO_END_MARK.to_owned(),
            severity: Severity::Info,
            message: "the content does not end with \"./.\"".to_owned(),
            quote: line_text(parsed, last_line_start),
            span: span_at(parsed, last_line_start, before.len()),
        });
    }
    if !doc.closing.recipients.is_empty() && doc.closing.archive.is_none() {
        let first = &doc.closing.recipients[0];
        out.push(Finding {
            code: codes::CLOSING_NO_ARCHIVE.to_owned(),
            severity: Severity::Warning,
            message: "\"Nơi nhận\" has no \"Lưu: VT, …\" line".to_owned(),
            quote: line_text(parsed, first.span.start),
            span: first.span,
        });
    }
    if doc.closing.signature.is_none() {
        out.push(Finding {
            code: codes::CLOSING_NO_SIGNATURE.to_owned(),
            severity: Severity::Warning,
            message: "no signature block (authority, title and name of the signer)".to_owned(),
            quote: line_text(parsed, closing_span.start),
            span: closing_span,
        });
    }
    out
}
