//! Extraction: from a parsed document to knowledge — citations of other documents with their
//! canonical ids, typed relations, references to units, assignments of tasks and recipients.
//!
//! ```
//! let text = "ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 208/KH-UBND\n\
//!             Tuyên Quang, ngày 20 tháng 11 năm 2024\nKẾ HOẠCH\n\
//!             Thực hiện Kế hoạch số 500-KH/TU ngày 22/7/2024 của Ban Thường vụ Tỉnh ủy.\n\
//!             I. NHIỆM VỤ\n1. Làm việc.\n";
//! let parsed = vanban_syntax::parse(text);
//! let x = vanban_extract::extract(&parsed);
//! assert_eq!(x.id, "urn:lex:vn:ubnd.tuyen-quang:plan:2024;208-kh-ubnd");
//! assert_eq!(x.citations[0].target_id.as_deref(), Some("urn:lex:vn:tu.tuyen-quang:plan:2024;500-kh-tu"));
//! assert_eq!(x.relations[0].kind, vanban_model::RelationType::Implements);
//! ```
#![warn(missing_docs)]

pub mod agencies;
pub mod akn;
mod assignments;
mod citations;
pub mod fold;
pub mod identity;
mod named;
mod references;
mod relations;
mod units;

use std::collections::{BTreeSet, HashMap};

use vanban_model::{
    Citation, CitationForm, CitedIssuer, Diagnostic, Document, DocumentKind, Extraction, Node,
    NodeKind, NumberForm, Relation, RelationType, Severity, Span,
};
use vanban_syntax::Parsed;
use vanban_text::Sub;

use crate::citations::Found;
use crate::fold::slug;
use crate::identity::Context;
use crate::relations::Position;

pub use agencies::AgencyRegistry;

/// Options of [`extract_with`].
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// The agency registry; `AgencyRegistry::builtin()` by default, extendable with
    /// [`AgencyRegistry::extend_agencies`].
    pub registry: AgencyRegistry,
}

/// Extract citations, relations, references, assignments and recipients from a parse, with
/// the built-in agency registry.
pub fn extract(parsed: &Parsed) -> Extraction {
    static DEFAULT: std::sync::OnceLock<ExtractOptions> = std::sync::OnceLock::new();
    extract_with(parsed, DEFAULT.get_or_init(ExtractOptions::default))
}

/// Extract with options (a user-extended agency registry).
pub fn extract_with(parsed: &Parsed, options: &ExtractOptions) -> Extraction {
    let doc = &parsed.document;
    let text = parsed.source.as_str();
    let folded = fold::fold(text);
    let ctx = context(doc);
    let id = document_id(doc, &ctx, text);
    let mut diagnostics = parsed.diagnostics.clone();

    let places = citation_places(doc);
    let mut found: Vec<(Found, Position)> = Vec::new();
    for &(range, pos) in &places {
        for f in citations::find(text, &folded, range) {
            found.push((f, pos));
        }
    }
    // Documents cited by name, where no numbered citation stands.
    let mut taken: Vec<(usize, usize)> = found.iter().map(|(f, _)| (f.start, f.end)).collect();
    taken.sort_unstable();
    for &(range, pos) in &places {
        for n in named::find(text, range, &taken) {
            found.push((
                Found {
                    start: n.start,
                    end: n.end,
                    kind: n.kind,
                    number: None,
                    bare: None,
                    date: n.date,
                    issuer: None,
                    name: Some(n.name),
                },
                pos,
            ));
        }
    }
    found.sort_by_key(|(f, _)| f.start);
    let nodes = NodeIndex::new(doc);
    let mut cites: Vec<Citation> = found
        .iter()
        .map(|(f, pos)| citation(text, f, *pos, &ctx, &nodes, parsed))
        .collect();
    resolve_short_forms(&mut cites, &found, &ctx);
    fill_from_same_target(&mut cites);
    recase_issuers(&mut cites, text, &folded);
    check_issuers(&cites, &found, &mut diagnostics);
    let relations = relate(&id, doc, &folded, &found, &cites, &nodes);
    let citation_starts: Vec<usize> = cites.iter().map(|c| c.span.start).collect();
    let citation_ids: Vec<Option<String>> = cites.iter().map(|c| c.target_id.clone()).collect();
    let span_of = |s: usize, e: usize| {
        let (line, column) = line_col(parsed, s);
        Span {
            start: s,
            end: e,
            line,
            column,
        }
    };
    let node_at = |p: usize| nodes.at(p).map(|(id, _)| id.to_owned());
    let units = units::UnitIndex::new(doc);
    let mut references = Vec::new();
    for &(range, pos) in &places {
        if pos == Position::Title {
            continue;
        }
        references.extend(references::find(
            &units,
            text,
            &folded,
            range,
            &citation_starts,
            &id,
            &citation_ids,
            &span_of,
            &node_at,
        ));
    }

    Extraction {
        id,
        kind: doc.header.kind,
        number: doc.header.number.clone(),
        issuer: doc.header.issuer.clone(),
        province: ctx.province.clone(),
        place: doc.header.place.clone(),
        date: doc.header.date.clone(),
        title: doc
            .header
            .title
            .clone()
            .or_else(|| doc.header.subject.clone()),
        citations: cites,
        references,
        relations,
        assignments: assignments::assignments(&options.registry, doc),
        recipients: doc
            .closing
            .recipients
            .iter()
            .map(|r| vanban_model::RecipientRef {
                name: r.name.clone(),
                canonical: options.registry.canonical(&r.name),
                purpose: r.purpose.clone(),
            })
            .collect(),
        diagnostics,
    }
}

/// The citing document's province, for contextual issuers.
fn context(doc: &Document) -> Context {
    let issuer = &doc.header.issuer;
    let province = issuer
        .locality
        .as_deref()
        .and_then(identity::province_in)
        .or_else(|| issuer.locality.as_deref().map(strip_unit))
        .or_else(|| issuer.parent.as_deref().and_then(identity::province_in))
        .or_else(|| issuer.name.as_deref().and_then(identity::province_in));
    Context { province }
}

/// "tỉnh Tuyên Quang" → "Tuyên Quang".
fn strip_unit(locality: &str) -> String {
    let lower = fold::fold(locality);
    for unit in [
        "thành phố ",
        "tỉnh ",
        "huyện ",
        "quận ",
        "thị xã ",
        "xã ",
        "phường ",
    ] {
        if lower.starts_with(unit) {
            return locality.sub(unit.len()..).trim().to_owned();
        }
    }
    locality.to_owned()
}

/// The document's own canonical id.
/// A document's own id. An unsigned draft (blank number) gets `{symbol}-draft-{hash}` with a
/// hash of its whole text: two drafts with one title stay two documents, and two copies of one
/// draft are one.
fn document_id(doc: &Document, ctx: &Context, text: &str) -> String {
    let h = &doc.header;
    let year = h
        .date_parts
        .and_then(|d| d.year)
        .or(h.number.as_ref().and_then(|n| n.year));
    let code = h.number.as_ref().and_then(|n| n.issuer_code.as_deref());
    let authority = match code {
        Some(c) => identity::authority(Some(c), ctx.province.as_deref(), None),
        None => identity::authority(None, None, h.issuer.name.as_deref()),
    };
    let number = match h.number.as_ref() {
        Some(n) if n.seq.is_some() => slug(&n.normalized),
        Some(n) => format!("{}-draft-{}", slug(&n.normalized), short_hash(text)),
        None => format!("draft-{}", short_hash(text)),
    };
    identity::canonical_id(&authority, h.kind, year, &number)
}

/// A stable 128-bit hash (FNV-1a) for ids of unnumbered drafts: wide enough that two different
/// drafts do not collide (a 32-bit hash did, in about a million tries) and merge in a graph.
fn short_hash(s: &str) -> String {
    let mut h: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    for b in s.bytes() {
        h ^= u128::from(b);
        h = h.wrapping_mul(0x0000_0000_0100_0000_0000_0000_0000_013b);
    }
    format!("{h:032x}")
}

/// Regions that may hold citations: the title (or V/v subject), the preamble, the body and
/// the appendices — never front matter, the closing or trailing text (a website banner's
/// words are not evidence).
fn citation_places(doc: &Document) -> Vec<((usize, usize), Position)> {
    let mut out = Vec::new();
    if let Some(t) = doc.header.title_span {
        out.push(((t.start, t.end), Position::Title));
    }
    if let (Some(first), Some(last)) = (doc.preamble.first(), doc.preamble.last()) {
        out.push(((first.span.start, last.span.end), Position::Preamble));
    }
    if let (Some(first), Some(last)) = (doc.body.first(), doc.body.last()) {
        out.push(((first.span.start, last.span.end), Position::Body));
    }
    for a in &doc.appendices {
        out.push(((a.span.start, a.span.end), Position::Body));
    }
    // Footnotes and other text after the document ("[1] Thông báo số 627/TB-VPCP …").
    if let Some(t) = &doc.trailing {
        out.push(((t.span.start, t.span.end), Position::Body));
    }
    out
}

/// Finds the innermost node that holds a position, in logarithmic time: entries are in
/// document pre-order, so the innermost holder of a position is the last entry starting at or
/// before it, or one of that entry's ancestors.
struct NodeIndex {
    /// (start, end, id, parent entry), in pre-order.
    spans: Vec<(usize, usize, String, Option<usize>)>,
}

impl NodeIndex {
    fn new(doc: &Document) -> NodeIndex {
        fn walk(
            n: &Node,
            parent: Option<usize>,
            out: &mut Vec<(usize, usize, String, Option<usize>)>,
        ) {
            let me = out.len();
            out.push((n.span.start, n.span.end, n.id.clone(), parent));
            for c in &n.children {
                walk(c, Some(me), out);
            }
        }
        let mut spans = Vec::new();
        for n in doc.preamble.iter().chain(doc.body.iter()) {
            walk(n, None, &mut spans);
        }
        for a in &doc.appendices {
            let me = spans.len();
            spans.push((a.span.start, a.span.end, a.id.clone(), None));
            for n in &a.children {
                walk(n, Some(me), &mut spans);
            }
        }
        // Regions come in document order; keep the order stable if a source is odd.
        if !spans.windows(2).all(|w| w[0].0 <= w[1].0) {
            let mut order: Vec<usize> = (0..spans.len()).collect();
            order.sort_by_key(|&k| spans[k].0);
            let mut new_index = vec![0; spans.len()];
            for (new, &old) in order.iter().enumerate() {
                new_index[old] = new;
            }
            let sorted = order
                .iter()
                .map(|&k| {
                    let (s, e, id, p) = spans[k].clone();
                    (s, e, id, p.map(|p| new_index[p]))
                })
                .collect();
            spans = sorted;
        }
        NodeIndex { spans }
    }

    /// The innermost node holding `pos`: (id, own start).
    fn at(&self, pos: usize) -> Option<(&str, usize)> {
        let last = self
            .spans
            .partition_point(|(s, ..)| *s <= pos)
            .checked_sub(1)?;
        let mut k = Some(last);
        let mut steps = 0;
        while let Some(i) = k {
            let (s, e, id, parent) = &self.spans[i];
            if *s <= pos && pos < *e {
                return Some((id.as_str(), *s));
            }
            k = *parent;
            steps += 1;
            if steps > self.spans.len() {
                break;
            }
        }
        None
    }
}

fn citation(
    text: &str,
    f: &Found,
    pos: Position,
    ctx: &Context,
    nodes: &NodeIndex,
    parsed: &Parsed,
) -> Citation {
    let raw = text
        .sub(f.start..f.end)
        .replace(['*', '_'], "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let (line, column) = line_col(parsed, f.start);
    let span = Span {
        start: f.start,
        end: f.end,
        line,
        column,
    };
    let issuer = f.issuer.as_ref().map(|raw| {
        let (resolved, _) = identity::resolve_issuer(raw, ctx);
        CitedIssuer {
            raw: raw.clone(),
            resolved,
        }
    });
    let kind = match (f.kind, &f.number) {
        // A law's number has no type code; one that has is not a law's ("Luật … tại Nghị
        // định số 112/2020/NĐ-CP" read too far).
        (DocumentKind::Law | DocumentKind::Code, Some(n)) if n.type_code.is_some() => n
            .type_code
            .as_deref()
            .and_then(DocumentKind::from_code)
            .unwrap_or(f.kind),
        // "Văn bản số 3169/TTr-STP": the generic word yields to the symbol's type code; a
        // state symbol without one ("Văn bản số 4104/SNV-XDCQ") is an official letter's, so
        // "Công văn số …" and "Văn bản số …" name one document.
        (DocumentKind::Unknown | DocumentKind::Document, Some(n)) => match &n.type_code {
            Some(code) => DocumentKind::from_code(code).unwrap_or(f.kind),
            None if n.form == NumberForm::State => DocumentKind::OfficialLetter,
            None => f.kind,
        },
        (k, _) => k,
    };
    let date = f.date.and_then(|d| d.iso());
    let year = f
        .number
        .as_ref()
        .and_then(|n| n.year)
        .or(f.date.and_then(|d| d.year));
    let node = match pos {
        Position::Title => Some("title".to_owned()),
        _ => nodes.at(f.start).map(|(id, _)| id.to_owned()).or_else(|| {
            let t = parsed.document.trailing.as_ref()?;
            (t.span.start <= f.start && f.start < t.span.end).then(|| "trailing".to_owned())
        }),
    };
    if f.number.is_none() && f.bare.is_none() {
        // A named citation: the name is the identity.
        let name = f.name.clone().unwrap_or_default();
        let authority = if matches!(
            kind,
            DocumentKind::Law | DocumentKind::Code | DocumentKind::Constitution
        ) {
            "quoc-hoi".to_owned()
        } else {
            "_".to_owned()
        };
        let year = f.date.and_then(|d| d.year);
        return Citation {
            raw,
            target_id: Some(identity::canonical_id(&authority, kind, year, &slug(&name))),
            number: None,
            kind,
            date,
            year,
            issuer,
            name: Some(name),
            form: CitationForm::Named,
            node,
            span,
        };
    }
    let target_id = f.number.as_ref().map(|n| {
        let central = f.issuer.as_deref().is_some_and(identity::is_central);
        let province = f
            .issuer
            .as_deref()
            .and_then(|raw| identity::resolve_issuer(raw, ctx).1)
            .or_else(|| ctx.province.clone())
            .filter(|_| !central);
        let authority = identity::authority(n.issuer_code.as_deref(), province.as_deref(), None);
        identity::canonical_id(&authority, kind, year, &slug(&n.normalized))
    });
    let mut number = f.number.clone();
    if let Some(n) = number.as_mut() {
        // The symbol's own span, within the citation's.
        if n.span.end <= n.span.start || n.span.start < span.start || n.span.end > span.end {
            n.span = span;
        } else {
            let (line, column) = line_col(parsed, n.span.start);
            n.span.line = line;
            n.span.column = column;
        }
    }
    Citation {
        raw,
        target_id,
        number,
        kind,
        date,
        year,
        issuer,
        name: f.name.clone(),
        form: if f.bare.is_some() {
            CitationForm::Short
        } else {
            CitationForm::Full
        },
        node,
        span,
    }
}

fn line_col(parsed: &Parsed, offset: usize) -> (u32, u32) {
    parsed.line_col(offset)
}

/// Short forms take the identity of the fuller mention of the same document: a bare number
/// ("Nghị quyết 57"), or a symbol without a year ("Kế hoạch số 500-KH/TU" after "Kế hoạch số
/// 500-KH/TU ngày 22/7/2024 …").
fn resolve_short_forms(cites: &mut [Citation], found: &[(Found, Position)], ctx: &Context) {
    let full: Vec<(usize, String, Option<String>, DocumentKind)> = cites
        .iter()
        .enumerate()
        .filter(|(_, c)| c.year.is_some() && c.number.is_some())
        .map(|(i, c)| {
            let n = c
                .number
                .as_ref()
                .map(|n| n.normalized.to_uppercase())
                .unwrap_or_default();
            let seq = c.number.as_ref().and_then(|n| n.seq.clone());
            (i, n, seq, c.kind)
        })
        .collect();
    for i in 0..cites.len() {
        let (f, _) = &found[i];
        let source = if let Some(bare) = &f.bare {
            let bare = bare.trim_start_matches('0');
            full.iter()
                .find(|(_, _, seq, kind)| {
                    *kind == cites[i].kind
                        && seq.as_deref().map(|s| s.trim_start_matches('0')) == Some(bare)
                })
                .map(|t| t.0)
        } else if cites[i].year.is_none() {
            let key = cites[i]
                .number
                .as_ref()
                .map(|n| n.normalized.to_uppercase())
                .unwrap_or_default();
            full.iter()
                .find(|(_, n, _, kind)| *n == key && *kind == cites[i].kind)
                .map(|t| t.0)
        } else {
            None
        };
        if let Some(j) = source {
            let (target_id, date, year, issuer) = (
                cites[j].target_id.clone(),
                cites[j].date.clone(),
                cites[j].year,
                cites[j].issuer.clone(),
            );
            let number = cites[j].number.clone();
            let c = &mut cites[i];
            c.target_id = target_id;
            if c.date.is_none() {
                c.date = date;
            }
            c.year = year;
            if c.issuer.is_none() {
                c.issuer = issuer;
            }
            if c.number.is_none() {
                c.number = number.map(|mut n| {
                    n.span = c.span;
                    n
                });
            }
            c.form = CitationForm::Short;
        } else if f.bare.is_some() {
            cites[i].target_id = None;
        }
    }
    let _ = ctx;
}

/// Mentions of the same document share what any of them states (date, issuer).
fn fill_from_same_target(cites: &mut [Citation]) {
    let mut known: HashMap<String, (Option<String>, Option<CitedIssuer>)> = HashMap::new();
    for c in cites.iter() {
        if let Some(t) = &c.target_id {
            let e = known.entry(t.clone()).or_insert((None, None));
            if e.0.is_none() {
                e.0.clone_from(&c.date);
            }
            if e.1.is_none() {
                e.1.clone_from(&c.issuer);
            }
        }
    }
    for c in cites.iter_mut() {
        if let Some((date, issuer)) = c.target_id.as_ref().and_then(|t| known.get(t)) {
            if c.date.is_none() {
                c.date.clone_from(date);
            }
            if c.issuer.is_none() {
                c.issuer.clone_from(issuer);
            }
        }
    }
}

/// An issuer stated in upper case (a title: "… CỦA BAN THƯỜNG VỤ TỈNH ỦY") resolves to the
/// casing the document uses elsewhere: the same document's issuer in another citation, else
/// the same words written in mixed case anywhere in the text.
fn recase_issuers(cites: &mut [Citation], text: &str, folded: &str) {
    let is_upper = |s: &str| !s.chars().any(char::is_lowercase);
    let mut mixed: HashMap<String, String> = HashMap::new();
    for c in cites.iter() {
        if let (Some(t), Some(i)) = (&c.target_id, &c.issuer) {
            if !is_upper(&i.raw) {
                mixed.entry(t.clone()).or_insert_with(|| i.resolved.clone());
            }
        }
    }
    for c in cites.iter_mut() {
        let Some(issuer) = c.issuer.as_mut() else {
            continue;
        };
        if !is_upper(&issuer.raw) {
            continue;
        }
        if let Some(r) = c.target_id.as_ref().and_then(|t| mixed.get(t)) {
            issuer.resolved.clone_from(r);
            continue;
        }
        let needle = fold::fold(&issuer.raw);
        let written = folded.match_indices(&needle).find_map(|(pos, _)| {
            let orig = text.get(pos..pos + needle.len())?;
            let bounded = !text
                .sub(..pos)
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !text
                    .sub(pos + needle.len()..)
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            (bounded && !is_upper(orig)).then_some(orig)
        });
        if let Some(orig) = written {
            if let Some(rest) = issuer.resolved.strip_prefix(issuer.raw.as_str()) {
                let mut cs = orig.chars();
                let first: String = cs
                    .next()
                    .map(|f| f.to_uppercase().collect())
                    .unwrap_or_default();
                issuer.resolved = format!("{first}{}{rest}", cs.as_str());
            }
        }
    }
}

/// A symbol's issuer code that contradicts the stated issuer ("…-KH/TU của Bộ Chính trị").
fn check_issuers(
    cites: &[Citation],
    found: &[(Found, Position)],
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (c, (f, _)) in cites.iter().zip(found) {
        let (Some(n), Some(stated)) = (&c.number, &f.issuer) else {
            continue;
        };
        let Some(code) = n.issuer_code.as_deref() else {
            continue;
        };
        let Some(words) = identity::expected_issuer_words(code) else {
            continue;
        };
        let lower = fold::fold(stated);
        if !words.iter().any(|w| lower.contains(&fold::fold(w))) {
            diagnostics.push(Diagnostic {
                code: "citation-issuer-mismatch".to_owned(),
                severity: Severity::Warning,
                message: format!(
                    "the symbol {} says issuer code {code}, but the citation names \"{stated}\"",
                    n.normalized
                ),
                span: c.span,
            });
        }
    }
}

/// The year part of a canonical id, when known.
fn id_year(id: &str) -> Option<u16> {
    let (head, _) = id.rsplit_once(';')?;
    head.rsplit(':').next()?.parse().ok()
}

/// The rest of the sentence after `from`: up to ". ", ";", a blank line, or 600 bytes.
fn sentence_after(folded: &str, from: usize) -> &str {
    let mut end = (from + 600).min(folded.len());
    while !folded.is_char_boundary(end) {
        end -= 1;
    }
    let rest = folded.get(from..end).unwrap_or("");
    let stop = [". ", ".\n", ";", "\n\n"]
        .iter()
        .filter_map(|s| rest.find(s))
        .min()
        .unwrap_or(rest.len());
    rest.sub(..stop)
}

/// Typed relations, one per (subject, object, type), in document order.
fn relate(
    own: &str,
    doc: &Document,
    folded: &str,
    found: &[(Found, Position)],
    cites: &[Citation],
    nodes: &NodeIndex,
) -> Vec<Relation> {
    let mut out: Vec<Relation> = Vec::new();
    let mut seen: BTreeSet<(String, String, RelationType)> = BTreeSet::new();
    let mut push =
        |out: &mut Vec<Relation>, from: &str, to: &str, kind: RelationType, span: Span| {
            if from == to {
                return;
            }
            // A document implements, amends or repeals only documents older than itself.
            if let (Some(a), Some(b)) = (id_year(from), id_year(to)) {
                if b > a && kind != RelationType::Cites {
                    return;
                }
            }
            if seen.insert((from.to_owned(), to.to_owned(), kind)) {
                out.push(Relation {
                    from: from.to_owned(),
                    to: to.to_owned(),
                    kind,
                    asserted_by: own.to_owned(),
                    span,
                });
            }
        };
    let title_start = doc.header.title_span.map(|s| s.start);
    let paragraph_of = |i: usize| -> (String, usize) {
        let (f, pos) = &found[i];
        match pos {
            Position::Title => ("title".to_owned(), title_start.unwrap_or(f.start)),
            _ => nodes
                .at(f.start)
                .map(|(id, s)| (id.to_owned(), s))
                .unwrap_or_else(|| (String::new(), f.start)),
        }
    };
    let consolidated = doc.header.kind == DocumentKind::Consolidated;
    let mut base: Option<String> = None;
    // Citations that are the object of a claim made by a phrase: (subject, type). A citation
    // joined to one by "và" or a comma shares its claim: "về thực hiện Nghị quyết số 71/NQ-CP
    // … và Chương trình hành động số 10-CTr/TU …".
    let mut claimed: HashMap<usize, (String, RelationType)> = HashMap::new();
    for i in 0..found.len() {
        let (f, pos) = &found[i];
        let Some(to) = cites[i].target_id.as_deref() else {
            continue;
        };
        let (para, para_start) = paragraph_of(i);
        let prev = (i > 0)
            .then(|| i - 1)
            .filter(|&p| paragraph_of(p).0 == para && cites[p].target_id.is_some());
        let gap_start = prev.map_or(para_start, |p| found[p].0.end);
        let gap = folded.get(gap_start..f.start).unwrap_or("");
        let span = cites[i].span;
        // A consolidated text consolidates the first document it lists; the others listed
        // before its first article amend that document.
        if consolidated
            && (matches!(pos, Position::Title | Position::Preamble)
                || before_first_article(doc, nodes, f.start))
        {
            // The consolidated document's own "Căn cứ …" paragraphs, reproduced.
            let paragraph = folded.get(para_start..f.start).unwrap_or("");
            let basis = relations::opener(paragraph) == Some(RelationType::BasedOn);
            match &base {
                None => {
                    push(&mut out, own, to, RelationType::Consolidates, span);
                    base = Some(to.to_owned());
                }
                Some(b) if basis => {
                    let b = b.clone();
                    push(&mut out, &b, to, RelationType::BasedOn, span);
                }
                Some(b) => {
                    let b = b.clone();
                    push(&mut out, to, &b, RelationType::Amends, span);
                }
            }
            continue;
        }
        if let (Some(p), Some(kind)) = (prev, relations::passive_before(gap)) {
            // (A document cited by name only is never the subject.)
            if cites[i].form == CitationForm::Named || cites[p].form == CitationForm::Named {
                continue;
            }
            if let Some(subject) = cites[p].target_id.as_deref() {
                push(&mut out, to, subject, kind, span);
                continue;
            }
        }
        let trigger = relations::trigger_before(gap).map(|t| t.0);
        // A sentence, a quotation or a statement ("… quy định: “…") separates two claims.
        let sentence_break =
            gap.contains([';', ':', '“', '"']) || gap.contains(". ") || gap.contains("\n\n");
        // A document cited by name only is never the subject of a nested claim, nor is the
        // citing document in its place.
        if prev.is_some_and(|p| cites[p].form == CitationForm::Named)
            && !sentence_break
            && relations::trigger_before(gap).is_some()
        {
            continue;
        }
        match (prev, trigger) {
            // ("ban hành kèm theo" after a citation names an unnamed regulation, not it.)
            (Some(p), Some(kind)) if !sentence_break && kind != RelationType::Attaches => {
                let subject = cites[p].target_id.as_deref().unwrap_or(own);
                push(&mut out, subject, to, kind, span);
                claimed.insert(i, (subject.to_owned(), kind));
            }
            (_, Some(kind))
                if relations::own_claim_allowed(kind, *pos)
                    && (*pos != Position::Body
                        || (!relations::intent_before(gap)
                            && (relations::self_subject(gap) || para.contains("art_")))) =>
            {
                push(&mut out, own, to, kind, span);
                claimed.insert(i, (own.to_owned(), kind));
            }
            (Some(p), None)
                if claimed.contains_key(&p)
                    && matches!(gap.trim(), "và" | "," | ", và" | "cùng")
                    && cites[i].form != CitationForm::Named =>
            {
                if let Some((subject, kind)) = claimed.get(&p).cloned() {
                    push(&mut out, &subject, to, kind, span);
                    claimed.insert(i, (subject, kind));
                }
            }
            _ => {
                // A paragraph that opens with a formula gives it to every citation it lists.
                let paragraph = folded.get(para_start..f.start).unwrap_or("");
                let paragraph = paragraph.trim_start_matches(|c: char| !c.is_alphabetic());
                if let Some(kind) = relations::opener(paragraph) {
                    let allowed = relations::own_claim_allowed(kind, *pos)
                        && (kind != RelationType::ProposedBy
                            || relations::proposal_target(cites[i].kind));
                    if allowed {
                        push(&mut out, own, to, kind, span);
                    }
                }
            }
        }
    }
    // "Nghị định số … và Nghị định số … hết hiệu lực từ ngày Nghị định này có hiệu lực": an
    // operative article ends the force of the documents its sentence lists.
    for i in 0..found.len() {
        let (f, pos) = &found[i];
        let Some(to) = cites[i].target_id.as_deref() else {
            continue;
        };
        if *pos != Position::Body
            || cites[i].form == CitationForm::Named
            || !paragraph_of(i).0.contains("art_")
        {
            continue;
        }
        if relations::ends_force_after(sentence_after(folded, f.end)) {
            push(&mut out, own, to, RelationType::Repeals, cites[i].span);
        }
    }
    // Every document cited but not reached by any relation is cited.
    let reached: BTreeSet<String> = out.iter().map(|r| r.to.clone()).collect();
    let mut cited: Vec<(String, Span)> = Vec::new();
    let mut seen_ids: HashMap<String, ()> = HashMap::new();
    // (Named citations take part in typed relations only: a name alone is weak evidence.)
    for c in cites.iter().filter(|c| c.form != CitationForm::Named) {
        if let Some(t) = &c.target_id {
            if !reached.contains(t) && t != own && seen_ids.insert(t.clone(), ()).is_none() {
                cited.push((t.clone(), c.span));
            }
        }
    }
    for (t, span) in cited {
        push(&mut out, own, &t, RelationType::Cites, span);
    }
    out
}

/// Whether `pos` stands before the first Điều or Chương of the body (a VBHN's header list).
fn before_first_article(doc: &Document, nodes: &NodeIndex, pos: usize) -> bool {
    let first = doc
        .body
        .iter()
        .flat_map(Node::walk)
        .find(|n| matches!(n.kind, NodeKind::Article | NodeKind::Chapter));
    let _ = nodes;
    first.is_some_and(|n| pos < n.span.start)
}
