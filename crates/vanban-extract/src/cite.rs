//! From citations as found to citations with identities: the canonical id of each, short
//! forms resolved against fuller mentions, facts shared between mentions of one document,
//! issuers recased, and symbols checked against their stated issuers.

use std::sync::Arc;
use vanban_model::codes;
use vanban_text::{HashMap, HashMapExt};

use vanban_model::{
    Citation, CitationForm, CitedIssuer, Diagnostic, DocumentKind, DocumentNumber, NumberForm,
    Severity, Span, Str,
};
use vanban_syntax::Parsed;
use vanban_text::fold::{fold_case, slug};
use vanban_text::{squash_spaces, Sub};

use crate::citations::{Found, Spot};
use crate::identity::{self, Context};
use crate::named::NamedFound;
use crate::relations::Position;
use crate::NodeIndex;

/// The canonical ids of one document's citations, each held once: the citations of one
/// document share it (a document citing one decree a hundred thousand times holds its id once).
#[derive(Default)]
pub(crate) struct Ids(vanban_text::HashSet<Arc<str>>);

impl Ids {
    /// The ids `cites` hold, to be shared again.
    pub(crate) fn of(cites: &[Citation]) -> Ids {
        Ids(cites.iter().filter_map(|c| c.target_id.clone()).collect())
    }

    /// The shared copy of `id`.
    pub(crate) fn share(&mut self, id: &str) -> Arc<str> {
        if let Some(shared) = self.0.get(id) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(id);
        self.0.insert(Arc::clone(&shared));
        shared
    }
}

/// A citation as found, with its identity. The number moves from `f` into the citation
/// (nothing reads a found citation's number afterwards).
pub(crate) fn citation(
    text: &str,
    (f, pos): (&mut Found, Position),
    ctx: &Context,
    nodes: &NodeIndex,
    parsed: &Parsed,
    ids: &mut Ids,
) -> Citation {
    let (line, column) = parsed.line_col(f.start);
    let span = Span {
        start: f.start,
        end: f.end,
        line,
        column,
    };
    let kind = cited_kind(f);
    let year = f
        .number
        .as_ref()
        .and_then(|n| n.year)
        .or(f.date().and_then(|d| d.year));
    let (target_id, number, name, form) = if f.number.is_none() && f.bare().is_none() {
        // A named citation: the name is the identity.
        let name = f.name().unwrap_or_default().to_owned();
        // ("Luật về Quản lý, sử dụng vũ khí …" is the "Luật Quản lý, sử dụng vũ khí …".)
        let id = match name.strip_prefix("Luật về ") {
            Some(rest) => identity::named_id(kind, year, &format!("Luật {rest}")),
            None => identity::named_id(kind, year, &name),
        };
        (
            Some(ids.share(&id)),
            None,
            Some(Str::from(name)),
            CitationForm::Named,
        )
    } else {
        let target_id = f
            .number
            .as_ref()
            .map(|n| ids.share(&numbered_id(f, n, kind, year, ctx)));
        let number = f.number.take().map(|n| symbol_spanned(n, span, parsed));
        let form = if f.bare().is_some() {
            CitationForm::Short
        } else {
            CitationForm::Full
        };
        (target_id, number, f.name().map(Str::from), form)
    };
    Citation {
        raw: squash_spaces(&text.sub(f.start..f.end).replace(['*', '_'], "")).into(),
        target_id,
        number,
        kind,
        date: f.date().and_then(|d| d.iso()).map(Str::from),
        year,
        issuer: f.issuer().map(|raw| {
            Box::new(CitedIssuer {
                raw: raw.into(),
                resolved: identity::resolve_issuer(raw, ctx).0.into(),
            })
        }),
        name,
        form,
        node: citation_node(f.start, pos, nodes, parsed),
        span,
    }
}

/// The kind of the cited document: the type named, unless the symbol's type code says better.
fn cited_kind(f: &Found) -> DocumentKind {
    match (f.kind, &f.number) {
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
    }
}

/// The id of a document cited by number: a local code takes the province of the stated
/// issuer, else the citing document's, unless the stated issuer is a central body.
fn numbered_id(
    f: &Found,
    n: &DocumentNumber,
    kind: DocumentKind,
    year: Option<u16>,
    ctx: &Context,
) -> String {
    let central = f.issuer().is_some_and(identity::is_central);
    let province = f
        .issuer()
        .and_then(|raw| identity::resolve_issuer(raw, ctx).1)
        .or_else(|| ctx.province.clone())
        .filter(|_| !central);
    let authority = identity::authority(n.issuer_code.as_deref(), province.as_deref(), None);
    identity::canonical_id(&authority, kind, year, &slug(&n.normalized))
}

/// A symbol with its own span, within the citation's (the citation's when it falls outside).
fn symbol_spanned(mut n: Box<DocumentNumber>, span: Span, parsed: &Parsed) -> Box<DocumentNumber> {
    if n.span.end <= n.span.start || n.span.start < span.start || n.span.end > span.end {
        n.span = span;
    } else {
        let (line, column) = parsed.line_col(n.span.start);
        n.span.line = line;
        n.span.column = column;
    }
    n
}

/// The element id of the node a citation stands in: "title" for the title, "trailing" for
/// text after the document.
fn citation_node(start: usize, pos: Position, nodes: &NodeIndex, parsed: &Parsed) -> Option<Str> {
    match pos {
        Position::Title => Some("title".into()),
        _ => nodes.at(start).map(|(id, _)| Str::from(id)).or_else(|| {
            let t = parsed.document.trailing.as_ref()?;
            (t.span.start <= start && start < t.span.end).then(|| "trailing".into())
        }),
    }
}

/// Mentions that say less take the identity of the fuller ones: short forms
/// ([`resolve_short_forms`]), then mentions without their issuer ([`share_stated_issuers`]).
pub(crate) fn resolve_fuller_mentions(cites: &mut [Citation], found: &[(Found, Position)]) {
    resolve_short_forms(cites, found);
    share_stated_issuers(cites, found);
}

/// Short forms take the identity of the fuller mention of the same document: a bare number
/// ("Nghị quyết 57"), or a symbol without a year ("Kế hoạch số 500-KH/TU" after "Kế hoạch số
/// 500-KH/TU ngày 22/7/2024 …").
fn resolve_short_forms(cites: &mut [Citation], found: &[(Found, Position)]) {
    // The first full citation (year and number) of each type by running number and by
    // symbol: a short form is looked up once, not compared with every full citation (a
    // document of many short forms and many citations stays linear).
    let mut by_seq: HashMap<DocumentKind, HashMap<String, usize>> = HashMap::new();
    let mut by_symbol: HashMap<DocumentKind, HashMap<Str, usize>> = HashMap::new();
    for (i, c) in cites.iter().enumerate().filter(|(_, c)| c.year.is_some()) {
        let Some(n) = &c.number else {
            continue;
        };
        let symbols = by_symbol.entry(c.kind).or_default();
        symbols.entry(n.normalized.to_uppercase()).or_insert(i);
        let seqs = by_seq.entry(c.kind).or_default();
        if let Some(seq) = n.seq.as_deref().map(|s| s.trim_start_matches('0')) {
            if !seqs.contains_key(seq) {
                seqs.insert(seq.to_owned(), i);
            }
        }
    }
    for i in 0..cites.len() {
        let (f, _) = &found[i];
        let source = if let Some(bare) = f.bare() {
            let bare = bare.trim_start_matches('0');
            by_seq
                .get(&cites[i].kind)
                .and_then(|m| m.get(bare))
                .copied()
        } else if cites[i].year.is_none() {
            let key = cites[i]
                .number
                .as_ref()
                .map(|n| n.normalized.to_uppercase())
                .unwrap_or_default();
            by_symbol
                .get(&cites[i].kind)
                .and_then(|m| m.get(&key))
                .copied()
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
        } else if f.bare().is_some() {
            cites[i].target_id = None;
        }
    }
}

/// A mention that states no issuer takes the identity of the mentions of the same number that
/// state one ("Nghị quyết số 20/2023/NQ-HĐND … của Hội đồng nhân dân tỉnh Thừa Thiên Huế",
/// later "Nghị quyết số 20/2023/NQ-HĐND" in a resolution of Huế): without it, a local symbol
/// takes the citing document's province and one document gets two ids. When the mentions
/// that state an issuer give two ids (one number of two provinces), the others keep theirs.
fn share_stated_issuers(cites: &mut [Citation], found: &[(Found, Position)]) {
    type Key = (DocumentKind, Str, Option<u16>);
    let key = |c: &Citation| -> Option<Key> {
        let n = c.number.as_ref()?;
        Some((c.kind, n.normalized.to_uppercase(), c.year))
    };
    // Per number, the one id (and date, if stated) its stated mentions give; None once two
    // disagree (two provinces, or two dates: "21/2023/NQ-HĐND ngày 05/5/2023" is not the one
    // of 10/7/2023).
    type IdDate = (Arc<str>, Option<Str>);
    let mut stated: HashMap<Key, Option<IdDate>> = HashMap::new();
    for (c, (f, _)) in cites.iter().zip(found) {
        let (Some(_), Some(t)) = (f.issuer(), &c.target_id) else {
            continue;
        };
        let Some(k) = key(c) else {
            continue;
        };
        let e = stated
            .entry(k)
            .or_insert_with(|| Some((t.clone(), c.date.clone())));
        let agrees = e.as_ref().is_some_and(|(id, date)| {
            **id == **t && (date.is_none() || c.date.is_none() || *date == c.date)
        });
        match e {
            Some((_, date)) if agrees => {
                if date.is_none() {
                    date.clone_from(&c.date);
                }
            }
            _ => *e = None,
        }
    }
    if stated.is_empty() {
        return;
    }
    for (c, (f, _)) in cites.iter_mut().zip(found) {
        if f.issuer().is_some() || c.target_id.is_none() {
            continue;
        }
        if let Some(Some((t, date))) = key(c).and_then(|k| stated.get(&k)) {
            if date.is_none() || c.date.is_none() || *date == c.date {
                c.target_id = Some(t.clone());
            }
        }
    }
}

/// What the mentions of one document state: its date and issuer.
type Stated = (Option<Str>, Option<Box<CitedIssuer>>);

/// Mentions of the same document share what any of them states (date, issuer).
pub(crate) fn fill_from_same_target(cites: &mut [Citation]) {
    let mut known: HashMap<Arc<str>, Stated> = HashMap::new();
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
pub(crate) fn recase_issuers(cites: &mut [Citation], text: &str, folded: &str) {
    let is_upper = |s: &str| !s.chars().any(char::is_lowercase);
    let mut mixed: HashMap<Arc<str>, Str> = HashMap::new();
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
        let needle = fold_case(&issuer.raw);
        let written = folded.match_indices(&needle).find_map(|(pos, _)| {
            let orig = text.get(pos..pos + needle.len())?;
            let bounded = vanban_text::whole_word(text, pos, pos + needle.len());
            (bounded && !is_upper(orig)).then_some(orig)
        });
        if let Some(orig) = written {
            if let Some(rest) = issuer.resolved.strip_prefix(issuer.raw.as_str()) {
                let mut cs = orig.chars();
                let first: String = cs
                    .next()
                    .map(|f| f.to_uppercase().collect())
                    .unwrap_or_default();
                issuer.resolved = format!("{first}{}{rest}", cs.as_str()).into();
            }
        }
    }
}

/// A symbol's issuer code that contradicts the stated issuer ("…-KH/TU của Bộ Chính trị").
pub(crate) fn check_issuers(
    cites: &[Citation],
    found: &[(Found, Position)],
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (c, (f, _)) in cites.iter().zip(found) {
        let (Some(n), Some(stated)) = (&c.number, f.issuer()) else {
            continue;
        };
        let Some(code) = n.issuer_code.as_deref() else {
            continue;
        };
        let Some(words) = identity::expected_issuer_words(code) else {
            continue;
        };
        let lower = fold_case(stated);
        if !words.iter().any(|w| lower.contains(&fold_case(w))) {
            diagnostics.push(Diagnostic {
                code: codes::CITATION_ISSUER_MISMATCH.to_owned(),
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

/// The key of a law's name: its slug, "Luật về Quản lý …" read as "Luật Quản lý …".
pub(crate) fn law_key(name: &str) -> String {
    let name = squash_spaces(name);
    let name = name
        .strip_prefix("Luật về ")
        .map_or(name.clone(), |rest| format!("Luật {rest}"));
    slug(&name)
}

/// The laws a document names with their number ("Luật Ban hành văn bản quy phạm pháp luật số
/// 64/2025/QH15"), and those it names without one: the key of each name and the id it has
/// in this document, a number first. An amending law's title is its own name, not that of
/// the law it amends.
pub(crate) fn law_names(cites: &[Citation]) -> HashMap<String, Arc<str>> {
    let mut out: HashMap<String, Arc<str>> = HashMap::new();
    let laws = cites
        .iter()
        .filter(|c| matches!(c.kind, DocumentKind::Law | DocumentKind::Code));
    for c in laws {
        let (Some(t), Some(name)) = (&c.target_id, &c.name) else {
            continue;
        };
        if c.form == CitationForm::Named {
            out.entry(law_key(name)).or_insert_with(|| t.clone());
        } else if c.number.is_some() {
            let head = if c.kind == DocumentKind::Code {
                "Bộ luật"
            } else {
                "Luật"
            };
            out.insert(law_key(&format!("{head} {name}")), t.clone());
        }
    }
    out
}

/// A law cited by name takes the number the document gives it elsewhere ("Căn cứ Luật Ban
/// hành văn bản quy phạm pháp luật số 64/2025/QH15", later "… hướng dẫn thi hành Luật Ban
/// hành văn bản quy phạm pháp luật"), when one law of the document has that name. A law
/// naming itself (`own`: the key of the citing law's name) is not the older law of that
/// name it cites ("Luật Việc làm" in the Luật Việc làm, "Luật Việc làm số 38/2013/QH13" the
/// one it repeals).
pub(crate) fn link_named_laws(cites: &mut [Citation], own: Option<&str>) {
    let mut numbered: HashMap<String, Option<Arc<str>>> = HashMap::new();
    for c in cites.iter().filter(|c| c.form != CitationForm::Named) {
        if let (Some(t), Some(name), DocumentKind::Law) = (&c.target_id, &c.name, c.kind) {
            let key = law_key(&format!("Luật {name}"));
            let e = numbered.entry(key).or_insert_with(|| Some(t.clone()));
            if e.as_deref() != Some(&**t) {
                *e = None; // two laws of one name: the name alone says neither
            }
        }
    }
    for c in cites.iter_mut().filter(|c| c.form == CitationForm::Named) {
        let key = c.name.as_deref().map(law_key).unwrap_or_default();
        if own == Some(key.as_str()) {
            continue;
        }
        if let Some(Some(t)) = numbered.get(&key) {
            c.target_id = Some(t.clone());
        }
    }
    date_named_laws(cites, own);
}

/// A document cited by name that a numbered citation of the same text approves ("Quyết định
/// số 7619/QĐ-BCA … phê duyệt Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm
/// 2030", "Chiến lược … được UBND Thành phố phê duyệt tại Quyết định số 1229/QĐ-UBND") is that
/// decision's document: a later mention of the name ("… triển khai thực hiện Chương trình mục
/// tiêu quốc gia phòng, chống ma túy đến năm 2030 trên địa bàn tỉnh") takes the decision's
/// id, the one a careful reader records it under. A name two decisions approve is neither's.
/// `approved` are the names (see [`crate::named::Approval`]), `spots` where each citation
/// stands, `folded` the text.
pub(crate) fn link_approved(
    cites: &mut [Citation],
    spots: &[(Spot, Position)],
    approved: &[NamedFound],
    folded: &str,
) {
    // The numbered citations, where they stand and which they are.
    let (ranges, which): (Vec<(usize, usize)>, Vec<usize>) = spots
        .iter()
        .enumerate()
        .filter(|(i, _)| cites[*i].form != CitationForm::Named)
        .map(|(i, (s, _))| ((s.start, s.end), i))
        .unzip();
    let mut by_name: HashMap<String, Option<Arc<str>>> = HashMap::new();
    for a in approved {
        let approver = crate::named::approving(&ranges, a, folded).map(|k| which[k]);
        let Some(t) = approver.and_then(|i| cites[i].target_id.clone()) else {
            continue;
        };
        let e = by_name
            .entry(slug(&a.name))
            .or_insert_with(|| Some(t.clone()));
        if e.as_deref() != Some(&*t) {
            *e = None;
        }
    }
    if by_name.is_empty() {
        return;
    }
    let law_like = |k: DocumentKind| {
        matches!(
            k,
            DocumentKind::Law | DocumentKind::Code | DocumentKind::Constitution
        )
    };
    for c in cites
        .iter_mut()
        .filter(|c| c.form == CitationForm::Named && !law_like(c.kind))
    {
        let key = c.name.as_deref().map(slug).unwrap_or_default();
        let hit = by_name.iter().find(|(k, _)| same_document_name(k, &key));
        if let Some((_, Some(t))) = hit {
            c.target_id = Some(t.clone());
        }
    }
}

/// Whether two slugs name one document: equal, or one the other with words after it, both
/// of five words or more ("chien-luoc-du-lieu-thanh-pho-ha-noi" and "…-den-nam-2030").
fn same_document_name(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long
        || (short.split('-').count() >= 5
            && long.starts_with(short)
            && long.as_bytes().get(short.len()) == Some(&b'-'))
}

/// A law named without a year ("Luật Tài nguyên nước") is the law of that name the document
/// names with a year ("Luật Tài nguyên nước năm 2023"), when it names one only: one law, one
/// id (the graph joins them across a corpus the same way). With two years named ("Bộ luật
/// Hàng hải" of 2005 and of 2015) the name alone says neither; nor is a law naming itself
/// another of its name.
fn date_named_laws(cites: &mut [Citation], own: Option<&str>) {
    let named = |c: &Citation| {
        c.form == CitationForm::Named && matches!(c.kind, DocumentKind::Law | DocumentKind::Code)
    };
    type IdYear = (Arc<str>, Option<u16>);
    let mut dated: HashMap<String, Option<IdYear>> = HashMap::new();
    for c in cites.iter().filter(|c| named(c) && c.year.is_some()) {
        let (Some(t), Some(name)) = (&c.target_id, &c.name) else {
            continue;
        };
        let e = dated
            .entry(law_key(name))
            .or_insert_with(|| Some((t.clone(), c.year)));
        if e.as_ref().is_some_and(|(id, _)| **id != **t) {
            *e = None;
        }
    }
    if dated.is_empty() {
        return;
    }
    for c in cites.iter_mut().filter(|c| named(c) && c.year.is_none()) {
        let key = c.name.as_deref().map(law_key).unwrap_or_default();
        if own == Some(key.as_str()) {
            continue;
        }
        if let Some(Some((t, year))) = dated.get(&key) {
            if c.target_id
                .as_deref()
                .is_some_and(|own| own.contains(":_;"))
            {
                c.target_id = Some(t.clone());
                c.year = *year;
            }
        }
    }
}

/// The National Assembly numbers its laws and resolutions in one run per legislature
/// ("42/2024/QH15"): one number of one legislature is one document, and a mention with
/// another year is a slip of the pen ("Luật số 42/2025/QH15" after "Căn cứ Luật số
/// 42/2024/QH15 …"). Such a mention takes the identity of the first one.
pub(crate) fn one_number_per_legislature(cites: &mut [Citation]) {
    let mut first: HashMap<(String, Str), (Arc<str>, Option<u16>)> = HashMap::new();
    for c in cites.iter_mut() {
        let Some(n) = &c.number else {
            continue;
        };
        let (Some(seq), Some(code), Some(t)) = (&n.seq, &n.issuer_code, &c.target_id) else {
            continue;
        };
        if !code.starts_with("QH") || n.type_code.is_some() {
            continue;
        }
        let key = (seq.trim_start_matches('0').to_owned(), code.clone());
        match first.get(&key) {
            Some((id, year)) if id != t => {
                c.target_id = Some(id.clone());
                c.year = *year;
            }
            Some(_) => {}
            None => {
                first.insert(key, (t.clone(), c.year));
            }
        }
    }
}
