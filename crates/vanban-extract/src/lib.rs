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
mod amended;
mod assignments;
mod citations;
mod cite;
mod collective;
mod deadlines;
pub mod fold;
pub mod identity;
mod lists;
mod named;
mod references;
mod relations;
mod standards;
mod units;
mod words;

use std::sync::Arc;

use vanban_model::codes;
use vanban_model::{
    AgencyRef, Assignment, Citation, Document, Extraction, Node, RecipientRef, Reference, Span, Str,
};
use vanban_syntax::Parsed;
use vanban_text::fold::{fold_case, slug};
use vanban_text::Sub;

use crate::citations::{Found, FoundExtras, Spot};
use crate::identity::Context;
use crate::lists::{CHROME_WORDS, LOCAL_UNITS};
use crate::relations::Position;

pub use agencies::AgencyRegistry;

/// Options of [`extract_with`].
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// The agency registry; `AgencyRegistry::builtin()` by default, extendable with
    /// [`AgencyRegistry::extend_agencies`].
    pub registry: AgencyRegistry,
}

/// The word lists, registries and grammars compiled into extraction, as (file, contents), in
/// a fixed order. A cache of extraction results keys on them (`vanban extract --cache`), so
/// that a changed list or grammar is a new key; `vanban_syntax::embedded_data` gives the
/// parser's.
pub fn embedded_data() -> Vec<(&'static str, &'static str)> {
    let mut files = lists::texts();
    files.extend([
        ("../data/agencies.tsv", agencies::AGENCIES),
        ("../data/abbreviations.tsv", agencies::ABBREVIATIONS),
        ("../data/issuer-code-words.tsv", identity::ISSUER_CODE_WORDS),
        ("../data/provinces.tsv", identity::PROVINCES),
        (
            "../grammars/common.pest",
            include_str!("../grammars/common.pest"),
        ),
        (
            "../grammars/citation.pest",
            include_str!("../grammars/citation.pest"),
        ),
    ]);
    files
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
    // (A page break inside a paragraph blanked: a citation or name cut by one is read whole.)
    let reading = parsed.reading(&parsed.source);
    let text: &str = &reading;
    let reading_folded = parsed.reading(parsed.folded());
    let folded: &str = &reading_folded;
    let ctx = context(doc);
    let id = document_id(doc, &ctx);
    let mut diagnostics = parsed.diagnostics.clone();
    provisional_id(&id, doc, &mut diagnostics);

    let places = citation_places(doc, text);
    let (mut found, approved) = find_citations(text, folded, &places);
    // Alive while citations are made from them (the peak): no spare capacity.
    found.shrink_to_fit();
    let nodes = NodeIndex::new(doc);
    let mut ids = cite::Ids::default();
    let mut cites: Vec<Citation> = found
        .iter_mut()
        .map(|(f, pos)| cite::citation(text, (f, *pos), &ctx, &nodes, parsed, &mut ids))
        .collect();
    types_read(text, &found, &cites, &mut diagnostics);
    cite::resolve_fuller_mentions(&mut cites, &found);
    cite::check_issuers(&cites, &found, &mut diagnostics);
    // Relations read only where each citation is: the reader's records are freed here.
    // (A new vector: collecting `into_iter()` would reuse the larger buffer in place.)
    let mut spots: Vec<(Spot, Position)> = Vec::with_capacity(found.len());
    spots.extend(found.iter().map(|(f, pos)| {
        (
            Spot {
                start: f.start,
                end: f.end,
            },
            *pos,
        )
    }));
    drop(found);
    let found = spots;
    cite::one_number_per_legislature(&mut cites);
    link_names(doc, &mut cites, (&found, &approved), folded);
    cite::fill_from_same_target(&mut cites);
    cite::recase_issuers(&mut cites, text, folded);
    let own = ids.share(&id);
    drop(ids);
    let relations = relations::relate(&id, doc, folded, &found, &cites, &nodes, &mut diagnostics);
    let references = find_references(parsed, (text, folded), &places, &own, &cites, &nodes);
    let assignments = assignments::assignments(&options.registry, doc);
    let recipients = recipients(&options.registry, doc, &assignments);
    let agencies = agencies_named(&assignments, &recipients, ctx.province.as_deref());
    // The document naming itself (an appendix's "Kèm theo Kế hoạch số 0134/KH-UBND ngày …",
    // a saved web page's trailer "Công văn 4240/UBND-VX ngày …") cites no other document.
    cites.retain(|c| c.target_id.as_deref() != Some(id.as_str()));

    Extraction {
        source: None,
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
        assignments,
        recipients,
        agencies,
        diagnostics,
    }
}

/// The agencies named in assignments and recipients, once each, by name, with the identity the
/// graph gives them (`identity::agency_identity`).
fn agencies_named(
    assignments: &[Assignment],
    recipients: &[RecipientRef],
    province: Option<&str>,
) -> Vec<AgencyRef> {
    let names: std::collections::BTreeSet<&str> = assignments
        .iter()
        .flat_map(|a| a.lead.iter().chain(&a.cooperating).chain(&a.responsible))
        .map(String::as_str)
        .chain(recipients.iter().map(|r| r.canonical.as_str()))
        .filter(|n| !n.trim().is_empty() && as_above(n).is_none())
        .collect();
    // One entry an id: names that differ only in case ("Ban tuyên giáo tỉnh ủy", "Ban Tuyên
    // giáo Tỉnh ủy") are one agency, listed under the name sorted first.
    let mut seen: vanban_text::HashSet<String> = vanban_text::HashSet::default();
    names
        .into_iter()
        .map(|n| identity::agency_identity(n, province))
        .filter(|a| seen.insert(a.id.clone()))
        .collect()
}

/// Documents cited by name given the id the text gives them elsewhere: a law its number, a
/// programme or plan the decision that approves it (`approved`, beside `found`).
fn link_names(
    doc: &vanban_model::Document,
    cites: &mut [Citation],
    (found, approved): (&[(Spot, Position)], &[named::NamedFound]),
    folded: &str,
) {
    let own_law = doc
        .header
        .title
        .as_deref()
        .filter(|_| doc.header.kind == vanban_model::DocumentKind::Law)
        .map(|t| cite::law_key(&format!("Luật {t}")));
    cite::link_named_laws(cites, own_law.as_deref());
    cite::link_approved(cites, found, approved, folded);
}

/// Citations in the places that may hold them: numbered ones, then documents cited by name
/// where no numbered citation stands; in document order. Names a numbered citation beside
/// them approves are no citations: they are returned apart (see [`cite::link_approved`]).
fn find_citations(
    text: &str,
    folded: &str,
    places: &[((usize, usize), Position)],
) -> (Vec<(Found, Position)>, Vec<named::NamedFound>) {
    let mut found: Vec<(Found, Position)> = Vec::new();
    for &(range, pos) in places {
        for f in citations::find(text, folded, range) {
            found.push((f, pos));
        }
        for f in standards::find(text, range) {
            found.push((f, pos));
        }
    }
    let mut taken: Vec<(usize, usize)> = found.iter().map(|(f, _)| (f.start, f.end)).collect();
    taken.sort_unstable();
    let mut approved = Vec::new();
    for &(range, pos) in places {
        for mut n in named::find(text, range, &taken) {
            // (A name no decision beside it approves is a citation: "… đã được phê duyệt
            // theo quy định", "Thủ tướng Chính phủ phê duyệt Chương trình …".)
            if n.approval != named::Approval::None && named::approving(&taken, &n, text).is_none() {
                n.approval = named::Approval::None;
            }
            if n.approval == named::Approval::None {
                found.push((named_found(n), pos));
            } else {
                approved.push(n);
            }
        }
    }
    found.sort_by_key(|(f, _)| f.start);
    // Laws named in the document, mentioned again in lower case.
    let mut names: Vec<String> = found
        .iter()
        .filter(|(f, _)| f.kind == vanban_model::DocumentKind::Law)
        .filter_map(|(f, _)| {
            let name = f.name()?;
            let name = if f.number.is_some() {
                format!("luật {}", fold_case(name))
            } else {
                fold_case(name)
            };
            let name = name
                .strip_prefix("luật về ")
                .map_or(name.clone(), |r| format!("luật {r}"));
            // (A name of a few words is a word of the text as often as a law.)
            (name.split(' ').count() >= 5).then_some(name)
        })
        .collect();
    names.sort();
    names.dedup();
    if names.is_empty() {
        return (found, approved);
    }
    let mut taken: Vec<(usize, usize)> = found.iter().map(|(f, _)| (f.start, f.end)).collect();
    taken.sort_unstable();
    for &(range, pos) in places {
        for n in named::find_known(text, folded, range, &taken, &names) {
            found.push((named_found(n), pos));
        }
    }
    found.sort_by_key(|(f, _)| f.start);
    (found, approved)
}

/// One `ocr-tolerated` info for each citation whose type name a scan damaged ("Nghi định"
/// read as Nghị định); `cites` are made from `found`, one each, in order.
fn types_read(
    text: &str,
    found: &[(Found, Position)],
    cites: &[Citation],
    diagnostics: &mut Vec<vanban_model::Diagnostic>,
) {
    for ((f, _), c) in found.iter().zip(cites) {
        let Some(t) = f.type_read() else {
            continue;
        };
        let written = vanban_text::squash_spaces(text.sub(t.written.0..t.written.1));
        // (The name as a citation writes it: "Nghị định".)
        let shown = vanban_text::fold::capitalized(t.name);
        diagnostics.push(vanban_model::Diagnostic {
            code: codes::OCR_TOLERATED.to_owned(),
            severity: vanban_model::Severity::Info,
            message: format!(
                "the type name \"{written}\" read as \"{shown}\" (a scan's lost or garbled tone marks)"
            ),
            span: c.span,
        });
    }
}

/// A named citation as a citation found.
fn named_found(n: named::NamedFound) -> Found {
    Found::new(
        (n.start, n.end),
        n.kind,
        None,
        FoundExtras {
            date: n.date,
            name: Some(n.name),
            ..FoundExtras::default()
        },
    )
}

/// References to units in the places that may hold citations, the title left out.
fn find_references(
    parsed: &Parsed,
    (text, folded): (&str, &str),
    places: &[((usize, usize), Position)],
    own: &Arc<str>,
    cites: &[Citation],
    nodes: &NodeIndex,
) -> Vec<Reference> {
    let citation_starts: Vec<usize> = cites.iter().map(|c| c.span.start).collect();
    let span_of = |s: usize, e: usize| {
        let (line, column) = parsed.line_col(s);
        Span {
            start: s,
            end: e,
            line,
            column,
        }
    };
    let node_at = |p: usize| nodes.at(p).map(|(id, _)| Str::from(id));
    let units = units::UnitIndex::new(&parsed.document);
    let mut references = Vec::new();
    for &(range, pos) in places {
        if pos == Position::Title {
            continue;
        }
        references::find(
            &units,
            text,
            folded,
            range,
            &citation_starts,
            own,
            cites,
            &span_of,
            &node_at,
            &mut references,
        );
    }
    // (Under an amending article, the amended document's.)
    amended::retarget(&mut references, &parsed.document, cites, own);
    references
}

/// The recipients of a document, with their canonical names.
fn recipients(
    registry: &AgencyRegistry,
    doc: &Document,
    assignments: &[Assignment],
) -> Vec<RecipientRef> {
    let mut out: Vec<RecipientRef> = Vec::with_capacity(doc.closing.recipients.len());
    // The canonical names given so far, and the lines already expanded (a letter may say
    // "Như trên" more than once): each expansion is made once and checked by hash.
    let mut given: vanban_text::HashSet<String> = vanban_text::HashSet::default();
    let mut expanded: vanban_text::HashSet<AsAbove> = vanban_text::HashSet::default();
    for r in &doc.closing.recipients {
        let stands_for = as_above(&r.name);
        if stands_for.as_ref().is_some_and(|a| expanded.contains(a)) {
            continue;
        }
        let names: Vec<&str> = match &stands_for {
            Some(AsAbove::Addressees) => doc
                .header
                .addressees
                .iter()
                .map(|a| a.name.as_str())
                .collect(),
            Some(AsAbove::Article(n)) => article_parties(assignments, n),
            None => Vec::new(),
        };
        // A line that points at nothing found stays as written ("Như Điều 3" over an
        // article whose parties are persons).
        if names.is_empty() {
            let canonical = registry.canonical(&r.name);
            given.insert(canonical.clone());
            out.push(RecipientRef {
                name: r.name.clone(),
                canonical,
                purpose: r.purpose.clone(),
            });
            continue;
        }
        expanded.extend(stands_for);
        for name in names {
            let canonical = registry.canonical(name);
            if given.insert(canonical.clone()) {
                out.push(RecipientRef {
                    name: name.to_owned(),
                    canonical,
                    purpose: r.purpose.clone(),
                });
            }
        }
    }
    out
}

/// What a recipient line that points elsewhere stands for.
#[derive(PartialEq, Eq, Hash)]
enum AsAbove {
    /// "Như trên", "Như Kính gửi": the addressees.
    Addressees,
    /// "Như Điều 3": who the article charges (its number as written).
    Article(String),
}

/// Whether a recipient line points elsewhere ("Như trên", "Như Kính gửi", "Như Điều 3")
/// instead of naming a body: it is no agency, it stands for the ones it points to.
fn as_above(name: &str) -> Option<AsAbove> {
    // (Most names do not start with "Như": no fold for them.)
    let name = name.trim();
    if !name
        .get(..4)
        .is_some_and(|h| h.eq_ignore_ascii_case("như") || h == "NHƯ")
    {
        return None;
    }
    let folded = fold_case(name);
    let rest = folded.strip_prefix("như ")?.trim();
    match rest {
        "trên" | "kính gửi" => Some(AsAbove::Addressees),
        _ => {
            let n = rest.strip_prefix("điều ")?.trim();
            (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                .then(|| AsAbove::Article(n.to_owned()))
        }
    }
}

/// The parties the tasks of article `n` name (lead, responsible, cooperating), each once.
fn article_parties<'a>(assignments: &'a [Assignment], n: &str) -> Vec<&'a str> {
    let id = format!("art_{n}");
    let nested = format!("__{id}");
    let of_article = |node: &str| {
        let own = node
            .strip_prefix(id.as_str())
            .or_else(|| node.split_once(nested.as_str()).map(|(_, rest)| rest));
        own.is_some_and(|rest| rest.is_empty() || rest.starts_with("__"))
    };
    let mut out: Vec<&str> = Vec::new();
    // (The document's own article: not one of a regulation it issues in an appendix.)
    let own = assignments
        .iter()
        .filter(|a| !a.node.starts_with("annex") && of_article(&a.node));
    for a in own {
        for p in a.lead.iter().chain(&a.responsible).chain(&a.cooperating) {
            if !out.contains(&p.as_str()) {
                out.push(p);
            }
        }
    }
    out
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
    let lower = fold_case(locality);
    for unit in LOCAL_UNITS.iter() {
        if lower
            .strip_prefix(unit)
            .is_some_and(|rest| rest.starts_with(' '))
        {
            return locality.sub(unit.len()..).trim().to_owned();
        }
    }
    locality.to_owned()
}

/// An id built without a year or without a known issuer is provisional: a fuller id of the
/// same document may exist (the graph merges them when exactly one fits).
fn provisional_id(id: &str, doc: &Document, diagnostics: &mut Vec<vanban_model::Diagnostic>) {
    let Ok(parsed) = id.parse::<vanban_model::DocumentId>() else {
        return;
    };
    if doc.header.number.as_ref().is_none_or(|n| n.seq.is_none()) {
        return; // a draft: its id is a hash of its text, not provisional
    }
    let mut missing = Vec::new();
    if parsed.year.is_none() {
        missing.push("no year");
    }
    if parsed.authority.is_unknown() {
        missing.push("no issuer");
    }
    if missing.is_empty() {
        return;
    }
    diagnostics.push(vanban_model::Diagnostic {
        code: codes::PROVISIONAL_ID.to_owned(),
        severity: vanban_model::Severity::Warning,
        message: format!(
            "the id {id} is provisional: the header gives {}",
            missing.join(" and ")
        ),
        span: doc.header.span,
    });
}

/// A document's own id. An unsigned draft (blank number) gets `{symbol}-draft-{hash}` with a
/// hash of the letters and digits of its tree's text ([`draft_hash`]): two drafts with one
/// title stay two documents, and two copies of one draft are one, whatever their spacing, line
/// wrapping, markup and page furniture (a Word export, its pandoc Markdown, a PDF's text layer
/// and a scan of one draft).
fn document_id(doc: &Document, ctx: &Context) -> String {
    let h = &doc.header;
    // A year in the symbol ("45/2025/NĐ-CP") is the document's own; a header date that
    // disagrees with it is reported by the parser (`header-year-mismatch`).
    let year = h
        .number
        .as_ref()
        .and_then(|n| n.year)
        .or(h.date_parts.and_then(|d| d.year));
    let code = h.number.as_ref().and_then(|n| n.issuer_code.as_deref());
    let authority = match code {
        Some(c) => identity::authority(Some(c), ctx.province.as_deref(), None),
        None => identity::authority(None, None, h.issuer.name.as_deref()),
    };
    let number = match h.number.as_ref() {
        Some(n) if n.seq.is_some() => slug(&n.normalized),
        Some(n) => format!("{}-draft-{}", slug(&n.normalized), draft_hash(doc)),
        None => format!("draft-{}", draft_hash(doc)),
    };
    identity::canonical_id(&authority, h.kind, year, &number)
}

/// A stable 128-bit hash (FNV-1a) for ids of unnumbered drafts: wide enough that two different
/// drafts do not collide (a 32-bit hash did, in about a million tries) and merge in a graph.
/// It reads the document as the tree holds it — the title, the appendices' headings and
/// titles, every node's heading and text — and of those only letters and digits, folded to
/// small letters with tone marks in one placement: what a copy's form changes (spaces, line
/// breaks, Markdown, a pandoc hard line break, the placement of tone marks, page numbers,
/// running headers and scan markers, which no node's text holds, or a paragraph of a bare page
/// number) leaves the hash as it is.
fn draft_hash(doc: &Document) -> String {
    let mut h: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    let mut utf8 = [0u8; 4];
    // (The Latin table first: `char::is_alphanumeric` searches Unicode's for every
    // Vietnamese letter.)
    let kept = |&c: &char| {
        c.is_ascii_digit() || vanban_text::is_alphabetic(c) || (!c.is_ascii() && c.is_numeric())
    };
    let mut feed = |s: &str| {
        // (Folded, tone marks in one placement: a copy that writes "uỷ", "hoà" is the same
        // draft as one that writes "ủy", "hòa"; found at stop 58. The fold of the agency
        // reader: it moves marks in place, where placing them as official names do took a
        // vector of characters for every text with "quý" in it.)
        let s = vanban_text::fold::fold_tones(s);
        for c in s.chars().filter(kept) {
            for &b in c.encode_utf8(&mut utf8).as_bytes() {
                h ^= u128::from(b);
                h = h.wrapping_mul(0x0000_0000_0100_0000_0000_0000_0000_013b);
            }
        }
    };
    feed(doc.header.title.as_deref().unwrap_or_default());
    for a in &doc.appendices {
        feed(&a.heading);
        feed(a.title.as_deref().unwrap_or_default());
    }
    // (The document's last paragraph, when it is a bare number of a few digits after one that
    // asks for nothing more, is a page number no other page number around it told apart: a
    // two-page copy's "2" at its foot. Found at stop 58; a number after "…:" is content.)
    let mut before = "";
    let mut nodes = doc.nodes().peekable();
    while let Some(n) = nodes.next() {
        feed(n.heading().unwrap_or_default());
        let text = n.text();
        let bare = !text.is_empty() && text.len() <= 3 && text.bytes().all(|b| b.is_ascii_digit());
        let last = nodes.peek().is_none();
        let page_number = bare && last && !before.trim_end().ends_with(':');
        if !page_number {
            feed(text);
        }
        before = text;
    }
    format!("{h:032x}")
}

/// Regions that may hold citations: the title (or V/v subject), the preamble, the body and
/// the appendices — never front matter, the closing or trailing text (a website banner's
/// words are not evidence).
fn citation_places(doc: &Document, text: &str) -> Vec<((usize, usize), Position)> {
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
    // Footnotes and other text after the document ("[1] Thông báo số 627/TB-VPCP …"), the
    // website's chrome left out.
    if let Some(t) = &doc.trailing {
        for block in not_chrome(text, (t.span.start, t.span.end)) {
            out.push((block, Position::Body));
        }
    }
    out
}

/// The blocks of `range` (lines between blank lines) that are not website chrome: a block
/// that holds a word of chrome ("văn bản liên quan", "cookie", "chính sách bảo mật" …) is the
/// website's — its related-document list, privacy notice, banner or trailer — not the
/// document's.
fn not_chrome(text: &str, range: (usize, usize)) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = range.0;
    let part = text.get(range.0..range.1).unwrap_or("");
    let mut at = range.0;
    for line in part.split_inclusive('\n') {
        let end = at + line.len();
        if line.trim().is_empty() || end >= range.1 {
            let block_end = if line.trim().is_empty() { at } else { end };
            let block = fold_case(text.get(start..block_end).unwrap_or(""));
            if block_end > start && !CHROME_WORDS.iter().any(|w| block.contains(w)) {
                out.push((start, block_end));
            }
            start = end;
        }
        at = end;
    }
    out
}

/// Finds the innermost node that holds a position, in logarithmic time: entries are in
/// document pre-order, so the innermost holder of a position is the last entry starting at or
/// before it, or one of that entry's ancestors.
pub(crate) struct NodeIndex<'d> {
    /// One entry a node, in pre-order (24 bytes: a document of many small nodes holds many).
    spans: Vec<Entry<'d>>,
}

/// A node of the index (the document's node or appendix) and its parent entry.
#[derive(Clone, Copy)]
struct Entry<'d> {
    unit: Unit<'d>,
    parent: Option<u32>,
}

#[derive(Clone, Copy)]
enum Unit<'d> {
    Node(&'d Node),
    Appendix(&'d vanban_model::Appendix),
}

impl<'d> Entry<'d> {
    fn span(self) -> &'d Span {
        match self.unit {
            Unit::Node(n) => &n.span,
            Unit::Appendix(a) => &a.span,
        }
    }

    fn id(self) -> &'d str {
        match self.unit {
            Unit::Node(n) => n.id(),
            Unit::Appendix(a) => &a.id,
        }
    }
}

impl<'d> NodeIndex<'d> {
    fn new(doc: &'d Document) -> NodeIndex<'d> {
        fn walk<'d>(n: &'d Node, parent: Option<u32>, out: &mut Vec<Entry<'d>>) {
            let me = u32::try_from(out.len()).ok();
            out.push(Entry {
                unit: Unit::Node(n),
                parent,
            });
            for c in &n.children {
                walk(c, me, out);
            }
        }
        // Sized once: a document of many small nodes holds one entry per node.
        let count = doc
            .preamble
            .iter()
            .chain(doc.body.iter())
            .map(|n| n.walk().count())
            .sum::<usize>()
            + doc
                .appendices
                .iter()
                .map(|a| 1 + a.children.iter().map(|n| n.walk().count()).sum::<usize>())
                .sum::<usize>();
        let mut spans = Vec::with_capacity(count);
        for n in doc.preamble.iter().chain(doc.body.iter()) {
            walk(n, None, &mut spans);
        }
        for a in &doc.appendices {
            let me = u32::try_from(spans.len()).ok();
            spans.push(Entry {
                unit: Unit::Appendix(a),
                parent: None,
            });
            for n in &a.children {
                walk(n, me, &mut spans);
            }
        }
        // Regions come in document order; keep the order stable if a source is odd.
        if !spans
            .windows(2)
            .all(|w| w[0].span().start <= w[1].span().start)
        {
            let mut order: Vec<usize> = (0..spans.len()).collect();
            order.sort_by_key(|&k| spans[k].span().start);
            let mut new_index = vec![0u32; spans.len()];
            for (new, &old) in order.iter().enumerate() {
                new_index[old] = vanban_text::saturating_u32(new);
            }
            let sorted = order
                .iter()
                .map(|&k| Entry {
                    parent: spans[k].parent.map(|p| new_index[p as usize]),
                    ..spans[k]
                })
                .collect();
            spans = sorted;
        }
        NodeIndex { spans }
    }

    /// The innermost node holding `pos`: (id, own start).
    pub(crate) fn at(&self, pos: usize) -> Option<(&'d str, usize)> {
        let last = self
            .spans
            .partition_point(|e| e.span().start <= pos)
            .checked_sub(1)?;
        let mut k = Some(last);
        let mut steps = 0;
        while let Some(i) = k {
            let entry = self.spans[i];
            let span = entry.span();
            if span.start <= pos && pos < span.end {
                return Some((entry.id(), span.start));
            }
            k = entry.parent.map(|p| p as usize);
            steps += 1;
            if steps > self.spans.len() {
                break;
            }
        }
        None
    }
}

/// What the readers' tests are run on.
#[cfg(test)]
pub(crate) mod testing {
    pub(crate) use vanban_text::testing::compositions;

    /// The texts of the seed and of every bundled corpus document.
    pub(crate) fn seed_and_corpus() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../");
        let mut files = vec![format!("{dir}seeds/208-KH-UBND_2024_TuyenQuang.txt")];
        for entry in std::fs::read_dir(format!("{dir}corpus")).expect("corpus") {
            let path = entry.expect("corpus entry").path();
            if path.extension().is_some_and(|x| x == "txt") {
                files.push(path.display().to_string());
            }
        }
        files
            .iter()
            .map(|f| std::fs::read_to_string(f).expect(f))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recipients_of(text: &str) -> Vec<(String, Option<String>)> {
        extract(&vanban_syntax::parse(text))
            .recipients
            .into_iter()
            .map(|r| (r.canonical, r.purpose))
            .collect()
    }

    /// "Như trên" stands for the addressees and "Như Điều 3" for who the decision's Điều 3
    /// charges (not an article of a regulation in its appendix); neither is an agency, and
    /// one that points at nothing found stays as written.
    #[test]
    fn a_recipient_as_above_stands_for_those_it_points_to() {
        let letter = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 100/UBND-KT\nV/v thử nghiệm\n\n\
                      Kính gửi:\n- Sở Tài chính;\n- Sở Nội vụ.\n\nGiao các sở thực hiện.\n\n\
                      Nơi nhận:\n- Như trên (t/h);\n- Sở Nội vụ;\n- Lưu: VT.\n";
        let got = recipients_of(letter);
        let t_h = Some("t/h".to_owned());
        assert_eq!(
            got,
            [
                ("Sở Tài chính".to_owned(), t_h.clone()),
                ("Sở Nội vụ".to_owned(), t_h),
                ("Sở Nội vụ".to_owned(), None),
            ]
        );
        let decision = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 5/QĐ-UBND\n\nQUYẾT ĐỊNH\nVề việc thử\n\n\
                        Điều 1. Ban hành Quy chế kèm theo Quyết định này.\n\
                        Điều 2. Quyết định này có hiệu lực từ ngày ký.\n\
                        Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tài chính \
                        chịu trách nhiệm thi hành Quyết định này./.\n\n\
                        Nơi nhận:\n- Như Điều 3;\n- Như Điều 2;\n- Lưu: VT.\n\n\
                        TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn A\n\n\
                        QUY CHẾ\n(Ban hành kèm theo Quyết định số 5/QĐ-UBND)\n\nĐiều 3. Trách nhiệm của Sở Nội vụ\n\
                        1. Sở Nội vụ chủ trì hướng dẫn.\n";
        let got: Vec<String> = recipients_of(decision).into_iter().map(|r| r.0).collect();
        assert_eq!(
            got,
            [
                "Chánh Văn phòng Ủy ban nhân dân tỉnh",
                "Giám đốc Sở Tài chính",
                "Như Điều 2"
            ]
        );
        // The line kept as written is no agency.
        let x = extract(&vanban_syntax::parse(decision));
        assert!(x.agencies.iter().all(|a| !a.name.starts_with("Như")));
        assert!(identity::points_elsewhere("Như Điều 2"));
        // A thousand addressees and a thousand "Như trên" lines: each addressee once.
        let many: String = (0..1000).map(|i| format!("- Sở số {i};\n")).collect();
        let again = "- Như trên;\n".repeat(1000);
        let big = letter
            .replacen("- Sở Tài chính;\n- Sở Nội vụ.\n", &many, 1)
            .replacen("- Như trên (t/h);\n", &again, 1);
        assert_eq!(recipients_of(&big).len(), 1001);
    }

    /// One entry a node: a document of a million one-line bullets holds a million.
    #[test]
    fn a_node_index_entry_is_24_bytes() {
        assert_eq!(std::mem::size_of::<Entry>(), 24);
    }

    /// The index answers the innermost node of a nested tree, and no node outside every one.
    #[test]
    fn the_node_index_finds_the_innermost_node() {
        let parsed = vanban_syntax::parse(
            "Căn cứ Luật số 1/2020/QH14;\n\nI. MỤC TIÊU\n1. Một là thế này.\na) Điểm a thế kia.\n",
        );
        let nodes = NodeIndex::new(&parsed.document);
        let text = parsed.source.as_str();
        let at = |needle: &str| nodes.at(text.find(needle).expect(needle)).map(|(id, _)| id);
        assert_eq!(at("Điểm a"), Some("sec_I__item_1__point_a"));
        assert_eq!(at("Một là"), Some("sec_I__item_1"));
        assert_eq!(at("MỤC TIÊU"), Some("sec_I"));
        assert_eq!(nodes.at(text.len() + 1), None);
    }

    /// A scan's "ngay" for "ngày" and "sô" for "số" (a tone mark lost) still date a citation, and its issuer
    /// after the date is read: the citation keeps its id instead of a second one without a
    /// year (42 bundled documents' citations changed so in a scan's rewriting).
    #[test]
    fn a_date_after_ngay_without_its_tone_mark_is_read() {
        for (so, ngay) in [
            ("số", "ngày"),
            ("số", "ngay"),
            ("SỐ", "NGAY"),
            ("sô", "ngày"),
        ] {
            let text = format!(
                "Điều 1. Phạm vi\n1. Thực hiện theo Quyết định {so} 1311/QĐ-UBND {ngay} 19/6/2025 \
                 của Ủy ban nhân dân tỉnh Lào Cai.\n"
            );
            let x = extract(&vanban_syntax::parse(&text));
            let c = &x.citations[0];
            assert_eq!(c.date.as_deref(), Some("2025-06-19"), "{so} {ngay}");
            assert!(c.issuer.is_some(), "{so} {ngay}");
        }
    }

    /// A law cited by name with a scan's "ngay" before its date keeps its name and takes the
    /// date ("Luật Tổ chức Chính phủ ngay 18 tháng 02 năm 2025": the name had run on into
    /// "ngay 18 tháng 02", a law that does not exist).
    #[test]
    fn a_named_laws_date_after_ngay_is_its_date() {
        for ngay in ["ngày", "ngay"] {
            let text = format!(
                "Căn cứ Luật Tổ chức Chính phủ {ngay} 18 tháng 02 năm 2025;\n\
                 Căn cứ Luật Thi đua, khen thưởng {ngay} 15/6/2022;\n\nĐiều 1. Phạm vi\n"
            );
            let x = extract(&vanban_syntax::parse(&text));
            let laws: Vec<_> = x
                .citations
                .iter()
                .map(|c| (c.target_id.as_deref(), c.date.as_deref()))
                .collect();
            assert_eq!(
                laws,
                [
                    (
                        Some("urn:lex:vn:quoc-hoi:law:2025;luat-to-chuc-chinh-phu"),
                        Some("2025-02-18")
                    ),
                    (
                        Some("urn:lex:vn:quoc-hoi:law:2022;luat-thi-dua-khen-thuong"),
                        Some("2022-06-15")
                    )
                ],
                "{ngay}"
            );
        }
    }

    /// A draft's id is the same in every copy's form: page markers, a Gazette's running
    /// header, hard wraps and a pandoc backslash change nothing; another body is another id.
    #[test]
    fn a_drafts_id_is_the_same_in_every_form() {
        let draft = "UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
                     Độc lập - Tự do - Hạnh phúc\nSố:      /KH-SCT\nLào Cai, ngày     tháng 6 năm 2026\n\
                     KẾ HOẠCH\nKiểm tra an toàn vật liệu nổ công nghiệp\nI. MỤC ĐÍCH\n\
                     1. Bảo đảm an toàn trong sử dụng vật liệu nổ công nghiệp trên địa bàn tỉnh.\n\
                     2. Phát hiện và xử lý kịp thời các vi phạm.\nII. NỘI DUNG\n\
                     1. Sở Công Thương chủ trì kiểm tra các doanh nghiệp.\nNơi nhận:\n\
                     - UBND tỉnh;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn B\n";
        let id = |t: &str| extract(&vanban_syntax::parse(t)).id;
        let plain = id(draft);
        assert!(plain.contains("-draft-"), "{plain}");
        let at = "2. Phát hiện";
        for page in [
            "--- Trang 2 ---\n",
            "<!-- page 2 -->\n",
            "\nCÔNG BÁO/Số 123 + 124/Ngày 15-02-2025\n\n",
        ] {
            let paged = draft.replacen(at, &format!("{page}{at}"), 1);
            assert_eq!(id(&paged), plain, "{page:?}");
        }
        let wrapped = draft.replace(" trong sử dụng ", "\ntrong sử dụng ");
        assert_eq!(id(&wrapped), plain);
        assert_eq!(id(&draft.replace(".\n", ".\\\n")), plain);
        assert_ne!(id(&draft.replace("doanh nghiệp", "hộ kinh doanh")), plain);
    }

    /// Units whose "của" ends the line belong to the document cited on the next ("… các Điều
    /// 10, 12 và 17 của" / "Nghị định số 68/2024/NĐ-CP.": QD_165 read them as its own).
    #[test]
    fn units_of_a_document_named_on_the_next_line_are_that_documents() {
        for gap in [" ", "\n", " \n"] {
            let text = format!(
                "Điều 1. Phạm vi\n1. Thủ tục thuộc các trường hợp quy định tại các Điều 10, 12 \
                 và 17 của{gap}Nghị định số 68/2024/NĐ-CP.\n"
            );
            let x = extract(&vanban_syntax::parse(&text));
            let documents: Vec<_> = x.references.iter().map(|r| r.document.as_deref()).collect();
            assert_eq!(
                documents,
                [Some("urn:lex:vn:chinh-phu:decree:2024;68-2024-nd-cp")],
                "{gap:?}"
            );
        }
    }
}
