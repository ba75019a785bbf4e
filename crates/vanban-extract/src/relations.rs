//! Typed relations from Vietnamese formulae and their position.
//!
//! A trigger phrase just before a citation types it ("thực hiện Kết luận số 72-KL/TW").
//! When the phrase follows another citation in the same sentence, the claim is nested: the
//! earlier cited document is the subject ("Kế hoạch số 500-KH/TU … về thực hiện Kết luận
//! số 72-KL/TW" — 500-KH/TU implements 72-KL/TW). Otherwise the citing document is the
//! subject, but only where its position makes the claim its own: the title and the preamble
//! for every type; operative articles for amends, replaces, repeals, suspends and corrects.
//! A paragraph that opens with a formula ("Căn cứ …", "Thực hiện …") gives it to each
//! citation listed in it. Every cited document left without a relation is cited.

use std::cell::OnceCell;
use std::collections::BTreeSet;

use std::sync::Arc;
use vanban_text::{HashMap, HashSet, HashSetExt};

use vanban_model::{
    Citation, CitationForm, Diagnostic, Document, DocumentKind, Node, NodeKind, Relation,
    RelationType, Severity, Span,
};
use vanban_text::fold::{fold_case, slug};
use vanban_text::{squash_spaces, Sub};

use crate::citations::Spot;
use crate::cite::Ids;
use crate::lists::{
    ACTION_JOINERS, APPROVAL_WORDS, CITED_TITLE_TYPES, CLAIM_JOINERS, INTENT_WORDS,
    RELATION_OPENERS, RELATION_PASSIVES, RELATION_TRIGGERS, WORDING_WORDS,
};
use crate::words::Phrases;
use crate::NodeIndex;

/// Most bytes a clause that opens with a proposal runs before the submission it names.
const CLAUSE_REACH: usize = 300;

/// Where a citation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    Title,
    Preamble,
    Body,
}

/// Most bytes allowed between a trigger and the citation it types ("sửa đổi, bổ sung một số
/// điều của ").
const TRIGGER_REACH: usize = 48;

/// The trigger nearest the end of `gap` (folded text), if it is close enough to the end, and
/// its offset in `gap` with its runs of white space made one space.
pub(crate) fn trigger_before(gap: &str) -> Option<(RelationType, usize)> {
    // (Read across wraps: "… của Chính phủ sửa" / "đổi, bổ sung một số điều của …"; `lines`
    // keeps where the lines break, at the same offsets.)
    let lines = collapse_spaces(gap);
    let flat = lines.replace('\n', " ");
    let gap = flat.as_str();
    let best = exact_trigger(gap);
    // A phrase OCR read with a mark lost ("Thực hiên Chỉ thị số …", "tiêp tục thực hiện")
    // ending later than the exact phrase ending last, or as late and longer.
    let later = |u: &(RelationType, usize, usize), b: &(RelationType, usize, usize)| {
        (u.2, std::cmp::Reverse(u.1)) > (b.2, std::cmp::Reverse(b.1))
    };
    // (Read only where such a phrase may stand: from a longest trigger's length before the
    // exact one's end.)
    let from = best.map_or(0, |b| {
        word_start_before(gap.sub(..b.2), UNMARKED_PHRASE_BYTES)
    });
    let (kind, pos, end) = match (best, unmarked_trigger(gap, from)) {
        (Some(b), Some(u)) if later(&u, &b) => u,
        (b, u) => b.or(u)?,
    };
    // "… đã được sửa đổi, bổ sung theo Luật số …": a passive formula, read by
    // `passive_before`; the phrase inside it is not an active claim.
    let upto = squash_spaces(gap.sub(..end));
    if RELATION_PASSIVES.iter().any(|(p, _)| upto.ends_with(p)) {
        return None;
    }
    let tail = gap.sub(end..);
    if tail.len() > TRIGGER_REACH || tail.contains(['.', ';']) || object_ended(tail) {
        return None;
    }
    // "hướng dẫn của Bộ Nội vụ tại Công văn …": the word is a noun here, not a formula.
    if tail.trim_start().starts_with("của") {
        return None;
    }
    // "… hướng dẫn giám sát, đánh giá thực hiện Chương trình …", "Báo cáo kết quả thực hiện
    // Nghị quyết …": what is looked at is the implementing, which the document does not do.
    if kind == RelationType::Implements && evaluated(gap.sub(..pos)) {
        return None;
    }
    // "Luật sửa đổi, bổ sung một số điều của Luật …": the formula is the title of the cited
    // document, not a claim of the citing one.
    let before = lines
        .sub(..pos)
        .rsplit('\n')
        .next()
        .unwrap_or("")
        .trim_end();
    if CITED_TITLE_TYPES.iter().any(|t| before.ends_with(t)) {
        return None;
    }
    // "quy định chi tiết và hướng dẫn thi hành …", "quy định chi tiết một số điều và biện
    // pháp để tổ chức, hướng dẫn thi hành Luật …": the guidance is part of the detailing.
    if kind == RelationType::Guides {
        let clause = gap.sub(..pos).rsplit([';', '.']).next().unwrap_or("");
        if squash_spaces(clause).contains("quy định chi tiết") {
            return Some((RelationType::Details, pos));
        }
    }
    Some((kind, pos))
}

/// Whether the words before an implementing phrase (`before`, folded, up to it) name a look
/// at the implementing ("đánh giá", "kết quả", "giám sát việc"): [`EVALUATION_WORDS`], maybe
/// with "việc" after them.
fn evaluated(before: &str) -> bool {
    let b = before.trim_end();
    let b = b.strip_suffix(" việc").unwrap_or(b);
    EVALUATION_WORDS.iter().any(|w| {
        b.strip_suffix(w)
            .is_some_and(|r| r.is_empty() || r.ends_with([' ', ',', '\n']))
    })
}

/// Words of evaluation before "thực hiện" (folded): the implementing is looked at, not done.
const EVALUATION_WORDS: [&str; 8] = [
    "đánh giá",
    "giám sát",
    "kiểm tra",
    "sơ kết",
    "tổng kết",
    "kết quả",
    "tình hình",
    "tiến độ",
];

/// Whether the words after a relation phrase (`tail`, up to the citation) are its object and
/// end before the citation: words, then "và" or a comma ("… về thực hiện chuyển đổi số và
/// Kế hoạch số 81/KH-UBND …"). The citation is then joined to the one before, not what the
/// phrase is about.
fn object_ended(tail: &str) -> bool {
    let t = tail.trim_end();
    let Some(before) = t
        .strip_suffix(" và")
        .or_else(|| t.strip_suffix(','))
        .map(str::trim)
    else {
        return false;
    };
    !before.is_empty()
}

/// The trigger written as it is that ends last in `gap` (flat, folded), as whole words, and of
/// those the longest ("tiếp tục thực hiện" over "thực hiện"): its type, start and end.
fn exact_trigger(gap: &str) -> Option<(RelationType, usize, usize)> {
    static TRIGGERS: std::sync::LazyLock<Phrases> =
        std::sync::LazyLock::new(|| Phrases::new(RELATION_TRIGGERS.iter().map(|(p, _)| *p)));
    let present = TRIGGERS.present(gap);
    let mut best: Option<(RelationType, usize, usize)> = None;
    for (&(phrase, kind), _) in RELATION_TRIGGERS.iter().zip(present).filter(|(_, p)| *p) {
        if let Some(pos) = gap.rfind(phrase) {
            let end = pos + phrase.len();
            if !vanban_text::whole_word(gap, pos, end) {
                continue;
            }
            let better = match best {
                None => true,
                Some((_, bpos, bend)) => end > bend || (end == bend && pos < bpos),
            };
            if better {
                best = Some((kind, pos, end));
            }
        }
    }
    best
}

/// The trigger nearest the end of `gap` (flat, folded) read with its marks set aside, for a
/// trigger OCR misread ("Thực hiên Chỉ thị số …", "căn cú"), from byte `from` (a word's start)
/// on: its type, start and end. Only the bytes a trigger may end in are read.
fn unmarked_trigger(gap: &str, from: usize) -> Option<(RelationType, usize, usize)> {
    let from = word_start_before(gap, TRIGGER_REACH + UNMARKED_PHRASE_BYTES).max(from);
    static LETTERS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        RELATION_TRIGGERS
            .iter()
            .map(|(p, _)| vanban_text::loose::unmarked(p))
            .collect()
    });
    let unmarked = vanban_text::loose::Unmarked::of(gap.sub(from..));
    // The phrase ending last, and of those the longest, as for the exact phrases.
    let (i, s, e) = unmarked
        .matches(&LETTERS)
        .max_by_key(|&(_, s, e)| (e, std::cmp::Reverse(s)))?;
    let &(_, kind) = RELATION_TRIGGERS.get(i)?;
    Some((kind, from + s, from + e))
}

/// The longest trigger's length in bytes (39), and some for marks misread: how far before the
/// reach a trigger read with its marks set aside may start.
const UNMARKED_PHRASE_BYTES: usize = 48;

/// Passive formulae: the citation after them is the subject ("… được sửa đổi, bổ sung bởi
/// Quyết định số 29/2019/QĐ-TTg", "… được sửa đổi, bổ sung một số điều theo Luật số …").
///
/// The formula is read across a line wrap ("được " / "sửa đổi, bổ sung bởi …").
///
/// The formula stands close before the citation, in its sentence ("… được sửa đổi, bổ sung
/// một số điều bởi Nghị định số …"): a formula far back in a long gap (another article's "…
/// được thay thế …" pages before) is not this citation's.
pub(crate) fn passive_before(gap: &str) -> Option<RelationType> {
    let gap = squash_spaces(gap);
    // (Only the formulas that occur are looked for from the end.)
    static PASSIVES: std::sync::LazyLock<Phrases> =
        std::sync::LazyLock::new(|| Phrases::new(RELATION_PASSIVES.iter().map(|(p, _)| *p)));
    let close = |end: usize| {
        let tail = gap.sub(end..);
        tail.len() <= PASSIVE_REACH && !tail.contains(['.', ';'])
    };
    RELATION_PASSIVES
        .iter()
        .zip(PASSIVES.present(&gap))
        .filter(|(_, present)| *present)
        .map(|(passive, _)| passive)
        .find(|(p, _)| gap.rfind(p).is_some_and(|at| close(at + p.len())))
        .map(|&(_, k)| k)
        .or_else(|| {
            // A formula OCR read with a mark lost ("được sửa đôi, bổ sung bởi"), in the list's
            // order too.
            static LETTERS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
                RELATION_PASSIVES
                    .iter()
                    .map(|(p, _)| vanban_text::loose::unmarked(p))
                    .collect()
            });
            let from = word_start_before(&gap, PASSIVE_REACH + UNMARKED_PHRASE_BYTES);
            // (Each formula opens with its first word, "được" or "bị": a gap without one of
            // those words is not read again; a word is looked at by its first letter first.)
            static FIRSTS: std::sync::LazyLock<Vec<&str>> = std::sync::LazyLock::new(|| {
                let mut firsts: Vec<&str> =
                    LETTERS.iter().filter_map(|l| l.split(' ').next()).collect();
                firsts.dedup();
                firsts
            });
            let opens = gap.sub(from..).split_whitespace().any(|w| {
                let first = w.chars().next().map(vanban_text::loose::base_letter);
                FIRSTS
                    .iter()
                    .any(|f| f.chars().next() == first && vanban_text::loose::same_letters(w, f))
            });
            if !opens {
                return None;
            }
            let unmarked = vanban_text::loose::Unmarked::of(gap.sub(from..));
            RELATION_PASSIVES
                .iter()
                .zip(LETTERS.iter())
                .find(|(_, letters)| {
                    unmarked
                        .rfind(letters)
                        .is_some_and(|(_, end)| close(from + end))
                })
                .map(|(&(_, k), _)| k)
        })
}

/// The start of the word that holds the byte `back` bytes before the end of `text` (0 when
/// the text is shorter): a word cut short is not read as another.
fn word_start_before(text: &str, back: usize) -> usize {
    let from = text.len().saturating_sub(back);
    match (from..=text.len()).find(|&i| text.is_char_boundary(i)) {
        None | Some(0) => 0,
        Some(f) => text.sub(f..).find(' ').map_or(text.len(), |k| f + k + 1),
    }
}

/// Most bytes allowed between a passive formula and the citation it makes the subject ("
/// một số điều theo ").
const PASSIVE_REACH: usize = 80;

/// `s` trimmed, with every run of white space one character: a line break if the run holds
/// one, else a space.
fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run: Option<char> = None;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            run = Some(if c == '\n' || run == Some('\n') {
                '\n'
            } else {
                ' '
            });
            continue;
        }
        if let Some(w) = run.take() {
            out.push(w);
        }
        out.push(c);
    }
    out
}

/// A sentence tail that ends the force of the documents before it, in the present of an
/// operative article: "… hết hiệu lực (thi hành) kể từ ngày …". A past statement ("đã hết
/// hiệu lực") or a question of force ("còn hiệu lực") is not.
pub(crate) fn ends_force_after(tail: &str) -> bool {
    // (Read across a line wrap and doubled spaces: "… hết" / "hiệu lực kể từ ngày …".)
    let squashed;
    let tail = if tail.contains(['\n', '\t']) || tail.contains("  ") {
        squashed = vanban_text::fold::squash_spaces(tail);
        squashed.as_str()
    } else {
        tail
    };
    tail.find("hết hiệu lực").is_some_and(|p| {
        let before = tail.sub(..p);
        !before.ends_with("đã ") && !before.ends_with("sẽ ") && !before.contains(" khi ")
    })
}

/// How much of a paragraph's folded opening `opener` reads, in bytes.
const OPENER_BYTES: usize = 120;

/// The formula a paragraph opens with, for citations listed in it.
///
/// The formula is read across a line wrap and Markdown runs ("*Căn" / "cứ Quyết định …",
/// "*Căn cứ* *Nghị quyết số* …").
pub(crate) fn opener(paragraph: &str) -> Option<RelationType> {
    let head = vanban_text::floor(paragraph, OPENER_BYTES);
    let mut t = String::with_capacity(head);
    for c in paragraph.sub(..head).chars() {
        match c {
            '*' | '_' => {}
            c if c.is_whitespace() => {
                if !t.is_empty() && !t.ends_with(' ') {
                    t.push(' ');
                }
            }
            c if t.is_empty() && !c.is_alphabetic() => {}
            c => t.push(c),
        }
    }
    let found = |t: &str| {
        RELATION_OPENERS
            .iter()
            .find(|(p, _)| {
                t.strip_prefix(p)
                    .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
            })
            .map(|&(_, k)| k)
    };
    // "Tại phiên họp ngày 28/11/2025, sau khi nghe Báo cáo …, Bộ Chính trị … kết luận": a
    // meeting's place and date before the opener; only a proposal opens after it.
    let after_meeting = t
        .strip_prefix("tại ")
        .and_then(|r| r.split_once(", "))
        .and_then(|(_, r)| found(r))
        .filter(|&k| k == RelationType::ProposedBy);
    // An opener OCR read with a mark lost ("Căn cú", "Thục hiện") where none is written.
    static LETTERS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        RELATION_OPENERS
            .iter()
            .map(|(p, _)| vanban_text::loose::unmarked(p))
            .collect()
    });
    let unmarked = || {
        // (An opener is looked at only when its first letters are the paragraph's.)
        let lead = vanban_text::loose::first_letters(t.split_whitespace().next()?);
        RELATION_OPENERS
            .iter()
            .zip(LETTERS.iter())
            .find(|(_, letters)| {
                vanban_text::loose::leads_alike(lead, letters)
                    && vanban_text::loose::starts_with_unmarked(&t, letters)
            })
            .map(|(&(_, k), _)| k)
    };
    found(&t).or(after_meeting).or_else(unmarked)
}

/// Whether the document itself asserts a relation of this type from this position.
pub(crate) fn own_claim_allowed(kind: RelationType, pos: Position) -> bool {
    match pos {
        Position::Title | Position::Preamble => true,
        Position::Body => kind.is_operative(),
    }
}

/// Words of intent before a trigger: the document asks for an amendment, it does not make
/// one ("tham mưu … sửa đổi", "dự thảo Nghị định sửa đổi …", "đề xuất bãi bỏ").
pub(crate) fn intent_before(gap: &str) -> bool {
    static INTENT: std::sync::LazyLock<Phrases> =
        std::sync::LazyLock::new(|| Phrases::new(INTENT_WORDS.iter().copied()));
    INTENT.any_in(gap)
}

/// The document itself is the subject: "Kế hoạch này thay thế …", "Quyết định này bãi bỏ …".
pub(crate) fn self_subject(gap: &str) -> bool {
    // (A word "này" after another, before a space or a line wrap: "Kế hoạch này" /
    // "thay thế …".)
    gap.split(['.', ';']).next_back().is_some_and(|clause| {
        let b = clause.as_bytes();
        let space = |i: Option<&u8>| i.is_some_and(u8::is_ascii_whitespace);
        clause
            .match_indices("này")
            .any(|(p, w)| p > 0 && space(b.get(p - 1)) && space(b.get(p + w.len())))
    })
}

/// "Theo đề nghị … tại Tờ trình số …": a proposal relation only to the submission itself or
/// a letter that carries the proposal.
pub(crate) fn proposal_target(kind: DocumentKind) -> bool {
    matches!(
        kind,
        DocumentKind::Submission
            | DocumentKind::ProjectProposal
            | DocumentKind::Document
            | DocumentKind::OfficialLetter
            | DocumentKind::Report
    )
}

/// Typed relations of a document, one per (subject, object, type), in document order: the
/// claims of phrases and positions, then the ends of force stated by articles, then `cites`
/// for every document cited and not reached. A claim the time guard drops (its object newer
/// than its subject) is reported in `diagnostics` (`relation-time-guard`, info).
pub(crate) fn relate(
    own: &str,
    doc: &Document,
    folded: &str,
    found: &[(Spot, Position)],
    cites: &[Citation],
    nodes: &NodeIndex,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Relation> {
    let ev = Evidence {
        own,
        by_id: OnceCell::new(),
        doc,
        folded,
        found,
        cites,
        nodes,
    };
    let mut ids = Ids::of(cites);
    let mut out = Gathered {
        own,
        ids: &mut ids,
        relations: Vec::new(),
        seen: BTreeSet::new(),
        dropped: Vec::new(),
        topics: HashSet::new(),
    };
    claims(&ev, &mut out);
    amending_laws(&ev, &mut out);
    ends_of_force(&ev, &mut out);
    cited(&ev, &mut out);
    diagnostics.extend(out.dropped);
    out.relations
}

/// What relations are read from: the citing document, its folded text, and its citations as
/// found and as resolved (one for one).
struct Evidence<'a> {
    own: &'a str,
    /// Nodes of the body and appendices by id, made when first asked for (only a citation
    /// heading a list in an article asks: most documents never do, and the map cost a hash
    /// of every node's id).
    by_id: OnceCell<HashMap<&'a str, &'a Node>>,
    doc: &'a Document,
    folded: &'a str,
    found: &'a [(Spot, Position)],
    cites: &'a [Citation],
    nodes: &'a NodeIndex<'a>,
}

/// One citation, with the text a claim on it is read from.
struct Step<'a> {
    /// Index of the citation.
    i: usize,
    /// Its target id.
    to: &'a str,
    pos: Position,
    /// Id and start of the node (or "title") it stands in.
    para: &'a str,
    para_start: usize,
    /// The citation before it in the same node, if that one has a target.
    prev: Option<usize>,
    /// Folded text from the end of `prev` (else the start of the node) to the citation.
    gap: &'a str,
    span: Span,
}

impl<'a> Evidence<'a> {
    /// The node of the body or an appendix with this id.
    fn node(&self, id: &str) -> Option<&'a Node> {
        let doc = self.doc;
        let by_id = self.by_id.get_or_init(|| {
            doc.body
                .iter()
                .chain(doc.appendices.iter().flat_map(|a| a.children.iter()))
                .flat_map(Node::walk)
                .map(|n| (n.id(), n))
                .collect()
        });
        by_id.get(id).copied()
    }

    /// The node a citation stands in ("title" for the title): (id, start).
    fn paragraph_of(&self, i: usize) -> (&'a str, usize) {
        let (f, pos) = &self.found[i];
        match pos {
            Position::Title => (
                "title",
                self.doc.header.title_span.map_or(f.start, |s| s.start),
            ),
            _ => self.nodes.at(f.start).unwrap_or(("", f.start)),
        }
    }

    /// Citation `i` as a step, when it has a target.
    fn step(&self, i: usize) -> Option<Step<'a>> {
        let (cites, found, folded) = (self.cites, self.found, self.folded);
        let (f, pos) = &found[i];
        let to = cites[i].target_id.as_deref()?;
        let (para, para_start) = self.paragraph_of(i);
        let prev = (i > 0)
            .then(|| i - 1)
            .filter(|&p| self.paragraph_of(p).0 == para && cites[p].target_id.is_some());
        let gap_start = prev.map_or(para_start, |p| found[p].0.end);
        Some(Step {
            i,
            to,
            pos: *pos,
            para,
            para_start,
            prev,
            gap: folded.get(gap_start..f.start).unwrap_or(""),
            span: cites[i].span,
        })
    }

    /// Whether citation `i` cites a document by name only (never a subject).
    fn named(&self, i: usize) -> bool {
        self.cites[i].form == CitationForm::Named
    }

    /// The folded text of the citation's node before it.
    fn paragraph_before(&self, s: &Step<'_>) -> &'a str {
        let folded = self.folded;
        folded
            .get(s.para_start..self.found[s.i].0.start)
            .unwrap_or("")
    }
}

/// Relations as they are gathered: one per (subject, object, type).
struct Gathered<'a> {
    /// The citing document's id.
    own: &'a str,
    /// The shared copy of each id (the citations' own, so relations hold no copy of their own).
    ids: &'a mut Ids,
    relations: Vec<Relation>,
    seen: BTreeSet<(Arc<str>, Arc<str>, RelationType)>,
    /// Claims the time guard dropped, as diagnostics.
    dropped: Vec<Diagnostic>,
    /// Where the documents cited by name that are another citation's topic stand (see
    /// [`topic_of_citation`]): no relation of the citing document's.
    topics: HashSet<usize>,
}

impl Gathered<'_> {
    fn push(&mut self, from: &str, to: &str, kind: RelationType, span: Span) {
        if from == to {
            return;
        }
        // A document implements, amends or repeals only documents older than itself.
        if let (Some(a), Some(b)) = (id_year(from), id_year(to)) {
            if b > a && kind != RelationType::Cites {
                self.drop_late(from, to, kind, (a, b), span);
                return;
            }
        }
        let (from, to) = (self.ids.share(from), self.ids.share(to));
        if self.seen.insert((Arc::clone(&from), Arc::clone(&to), kind)) {
            self.relations.push(Relation {
                from,
                to,
                kind,
                asserted_by: self.ids.share(self.own),
                span,
            });
        }
    }
}

impl Gathered<'_> {
    /// A claim whose object is newer than its subject, dropped and reported once: a wrong
    /// date (often the header's) would otherwise turn relations into citations unseen.
    fn drop_late(
        &mut self,
        from: &str,
        to: &str,
        kind: RelationType,
        years: (u16, u16),
        span: Span,
    ) {
        let message = format!(
            "the claim {from} {kind} {to} was dropped: its object is dated {} and its subject {} \
             (a document {kind} only older ones); a wrong date may be the cause",
            years.1, years.0
        );
        if self.dropped.iter().all(|d| d.message != message) {
            self.dropped.push(Diagnostic {
                code: vanban_model::codes::RELATION_TIME_GUARD.to_owned(),
                severity: Severity::Info,
                message,
                span,
            });
        }
    }
}

/// The claims of phrases and positions, citation by citation. A citation joined to the object
/// of a claim by "và" or a comma shares its claim: "về thực hiện Nghị quyết số 71/NQ-CP … và
/// Chương trình hành động số 10-CTr/TU …".
fn claims(ev: &Evidence<'_>, out: &mut Gathered<'_>) {
    let consolidated = ev.doc.header.kind == DocumentKind::Consolidated;
    let first_article = if consolidated {
        first_article_start(ev.doc)
    } else {
        None
    };
    // The document a consolidated text consolidates.
    let mut base: Option<String> = None;
    // Citations that take part in a claim, and the claim a citation joined to them shares.
    // (By citation index: one slot each, no hashing.)
    let mut claimed: Vec<Option<Claim<'_>>> = vec![None; ev.found.len()];
    for i in 0..ev.found.len() {
        let Some(step) = ev.step(i) else {
            continue;
        };
        // A consolidated text consolidates the first document it lists; the others listed
        // before its first article amend that document.
        let listed = matches!(step.pos, Position::Title | Position::Preamble)
            || first_article.is_some_and(|a| ev.found[i].0.start < a);
        if consolidated && listed {
            consolidation(ev, out, &step, &mut base);
            continue;
        }
        if let Some(claim) = claim(ev, out, &step, &claimed) {
            claimed[i] = Some(claim);
        }
    }
}

/// A citation listed by a consolidated text: the first is consolidated, the others amend it,
/// and those in its reproduced "Căn cứ …" paragraphs are its bases.
fn consolidation(
    ev: &Evidence<'_>,
    out: &mut Gathered<'_>,
    s: &Step<'_>,
    base: &mut Option<String>,
) {
    let basis = opener(ev.paragraph_before(s)) == Some(RelationType::BasedOn);
    let Some(b) = base.as_deref() else {
        out.push(ev.own, s.to, RelationType::Consolidates, s.span);
        *base = Some(s.to.to_owned());
        return;
    };
    // A basis reproduced with its description: "Căn cứ Nghị định số 37/2006/NĐ-CP … quy định
    // chi tiết Luật Thương mại …" — the law is what that decree details, not a further basis.
    let described = s.prev.zip(trigger_before(s.gap)).filter(|&(_, (kind, _))| {
        matches!(kind, RelationType::Details | RelationType::Guides)
            && !s.gap.contains([';', ':'])
            && !s.gap.contains(". ")
    });
    if let Some((p, (kind, _))) = basis.then_some(described).flatten() {
        if let Some(subject) = ev.cites[p].target_id.as_deref() {
            out.push(subject, s.to, kind, s.span);
            return;
        }
    }
    if basis {
        out.push(b, s.to, RelationType::BasedOn, s.span);
    } else if s.to != b {
        // (An amending document listed by a consolidated text is cited by it too.)
        out.push(s.to, b, RelationType::Amends, s.span);
        out.push(ev.own, s.to, RelationType::Cites, s.span);
    }
}

/// A claim a citation joined to one of its parties shares: "X is `kind` of the citation"
/// or, passive, "the citation is `kind` of X" ("… được sửa đổi, bổ sung bởi Luật số A, Luật
/// số B và Luật số C": each amends X).
#[derive(Debug, Clone)]
struct Claim<'a> {
    other: &'a str,
    kind: RelationType,
    passive: bool,
}

impl<'a> Claim<'a> {
    fn active(subject: &'a str, kind: RelationType) -> Claim<'a> {
        Claim {
            other: subject,
            kind,
            passive: false,
        }
    }

    /// The claim on citation `s`, pushed.
    fn push_on(&self, out: &mut Gathered<'_>, s: &Step<'_>) {
        if self.passive {
            out.push(s.to, self.other, self.kind, s.span);
        } else {
            out.push(self.other, s.to, self.kind, s.span);
        }
    }
}

/// The claim a phrase or a position makes on a citation, pushed; returned when a citation
/// joined to this one may share it.
fn claim<'a>(
    ev: &Evidence<'a>,
    out: &mut Gathered<'_>,
    s: &Step<'_>,
    claimed: &[Option<Claim<'a>>],
) -> Option<Claim<'a>> {
    if let (Some(p), Some(kind)) = (s.prev, passive_before(s.gap)) {
        // (A document cited by name only is never the subject. It may be the object when it
        // heads a paragraph of the preamble: "Căn cứ Hiến pháp … đã được sửa đổi, bổ sung
        // một số điều theo Nghị quyết số 203/2025/QH15"; after another citation the name is
        // often that one's topic: "Nghị định số 08/2015/NĐ-CP … thi hành Luật Hải quan …,
        // được sửa đổi, bổ sung tại Nghị định số 167/2025/NĐ-CP" — the decree is the object.)
        let heads = s.pos == Position::Preamble && (p == 0 || ev.paragraph_of(p - 1).0 != s.para);
        if ev.named(s.i) {
            return None;
        }
        let p = if ev.named(p) && !heads {
            described_by(ev, s, p)?
        } else {
            p
        };
        if let Some(object) = ev.cites[p].target_id.as_deref() {
            let c = Claim {
                other: object,
                kind,
                passive: true,
            };
            c.push_on(out, s);
            return Some(c);
        }
    }
    let trigger = trigger_before(s.gap).map(|t| t.0);
    // A sentence, a quotation or a statement ("… quy định: “…") separates two claims.
    let sentence_break =
        s.gap.contains([';', ':', '“', '"']) || s.gap.contains(". ") || s.gap.contains("\n\n");
    // A document cited by name only is never the subject of a nested claim, nor is the
    // citing document in its place.
    if s.prev.is_some_and(|p| ev.named(p)) && !sentence_break && trigger.is_some() {
        return None;
    }
    if trigger.is_none() && !sentence_break && topic_of_citation(ev, s) {
        out.topics.insert(s.span.start);
        return None;
    }
    match (s.prev, trigger) {
        // ("ban hành kèm theo" after a citation names an unnamed regulation, not it; "gắn
        // với thực hiện …" is the action of the sentence, not of the citation before.)
        (Some(p), Some(kind))
            if !sentence_break && kind != RelationType::Attaches && !joins_action(s.gap) =>
        {
            let subject = subject_before(ev, claimed, p, s.gap);
            let c = Claim::active(subject, kind);
            c.push_on(out, s);
            Some(c)
        }
        (_, Some(kind)) if own_claim(kind, s) => {
            let c = Claim::active(ev.own, kind);
            c.push_on(out, s);
            Some(c)
        }
        (Some(p), None) if claimed[p].as_ref().is_some_and(|c| joined(ev, s, c)) => {
            let c = claimed[p].clone()?;
            c.push_on(out, s);
            Some(c)
        }
        _ => {
            let c = list_head_claim(ev, s).or_else(|| clause_proposal(ev, s));
            if let Some(c) = &c {
                c.push_on(out, s);
            } else {
                opener_claim(ev, out, s);
            }
            c
        }
    }
}

/// The subject of a trigger after citation `p`: that citation, or the citing document when
/// the trigger is a second verb joined to its own, whose object `p` was ("Nghị quyết này thay
/// thế Nghị quyết số 32/2021/NQ-HĐND … và bãi bỏ Nghị quyết số 18/2022/NQ-HĐND …").
fn subject_before<'a>(
    ev: &Evidence<'a>,
    claimed: &[Option<Claim<'a>>],
    p: usize,
    gap: &str,
) -> &'a str {
    let own_object = claimed[p]
        .as_ref()
        .is_some_and(|c| !c.passive && c.other == ev.own);
    match own_object && coordinated_trigger(gap) {
        true => ev.own,
        false => ev.cites[p].target_id.as_deref().unwrap_or(ev.own),
    }
}

/// Whether the trigger nearest the end of `gap` is joined to the verb before the citation the
/// gap follows, by "và", a comma or "đồng thời" and nothing else (" và bãi bỏ "): a second verb
/// of the same sentence (found at stop 60, in documents written for the test: the second
/// document was read as cited).
fn coordinated_trigger(gap: &str) -> bool {
    let Some((_, at)) = trigger_before(gap) else {
        return false;
    };
    let flat = collapse_spaces(gap).replace('\n', " ");
    let before = flat.sub(..at).trim_end();
    // (Right after the citation, its date and issuer: words between may be a verb of the
    // cited document's own, "… quy định chi tiết một số điều và biện pháp để tổ chức, hướng
    // dẫn thi hành Luật …".)
    matches!(before, "và" | "," | ", và" | ", đồng thời" | "đồng thời")
}

/// Whether citation `s`, a document cited by name that is no law, stands in the description
/// of the numbered citation before it, in one sentence: a description that says what that
/// document is about ([`DESCRIPTION_WORDS`], none of [`CLAUSE_WORDS`]) ("Thông tư số 06/2022/TT-BTTTT … hướng dẫn thực hiện
/// Dự án … thuộc Chương trình mục tiêu quốc gia giảm nghèo bền vững …"), no document of the
/// citing one's own. (A law there is read as before: most are what the citation details or
/// guides, and the phrases say so.)
fn topic_of_citation(ev: &Evidence<'_>, s: &Step<'_>) -> bool {
    let law = matches!(
        ev.cites[s.i].kind,
        DocumentKind::Law | DocumentKind::Code | DocumentKind::Constitution
    );
    let Some(p) = s.prev else {
        return false;
    };
    if !ev.named(s.i) || law || ev.named(p) {
        return false;
    }
    // (The description opens with what it is about — "… về việc hợp nhất … vào", "…
    // hướng dẫn thực hiện … thuộc" — and holds no words of the sentence's own: "… bảo đảm
    // phù hợp với", "… gắn với", "… cho doanh nghiệp trong".)
    let gap = format!(" {} ", squash_spaces(s.gap));
    let described = DESCRIPTION_WORDS.iter().any(|w| gap.contains(w));
    let own = CLAUSE_WORDS.iter().any(|w| gap.contains(w));
    described && !own
}

/// Words that open a cited document's description (folded, with their spaces).
const DESCRIPTION_WORDS: [&str; 4] = [" về ", " hướng dẫn ", " quy định ", " thuộc "];

/// Words of the citing sentence's own after a citation (folded, with their spaces).
const CLAUSE_WORDS: [&str; 8] = [
    " bảo đảm ",
    " đảm bảo ",
    " phù hợp ",
    " gắn với ",
    " để ",
    " nhằm ",
    " cho ",
    " trong ",
];

/// Whether the relation phrase nearest the end of `gap` follows words that join it to the
/// action of the sentence ("… gắn với thực hiện Chỉ thị số 05-CT/TW").
fn joins_action(gap: &str) -> bool {
    let gap = squash_spaces(gap);
    trigger_before(&gap).is_some_and(|(_, pos)| {
        let before = gap.sub(..pos).trim_end();
        ACTION_JOINERS.iter().any(|w| before.ends_with(w))
    })
}

/// The citation whose description names citation `p` (a document cited by name) in the same
/// sentence: "Nghị định số 78/2025/NĐ-CP … quy định chi tiết … và hướng dẫn thi hành Luật Ban
/// hành văn bản quy phạm pháp luật" — 78/2025/NĐ-CP.
fn described_by(ev: &Evidence<'_>, s: &Step<'_>, p: usize) -> Option<usize> {
    let q = p.checked_sub(1)?;
    if ev.named(q) || ev.cites[q].target_id.is_none() || ev.paragraph_of(q).0 != s.para {
        return None;
    }
    let between = ev.folded.get(ev.found[q].0.end..ev.found[p].0.start)?;
    let broken = between.contains([';', ':', '“', '"']) || between.contains(". ");
    (!broken && trigger_before(between).is_some()).then_some(q)
}

/// Whether citation `s` is joined to the one before it so as to share its claim: by "và" or
/// a comma ("… và Chương trình hành động số 10-CTr/TU"); an item of a list the document's
/// own end of force runs over may follow the description of the item before it ("thay thế
/// các quyết định: Quyết định số 1201/QĐ-UBND ngày … về …, Quyết định số 377/QĐ-UBND …").
fn joined(ev: &Evidence<'_>, s: &Step<'_>, c: &Claim<'_>) -> bool {
    if ev.named(s.i) {
        return false;
    }
    let gap = s.gap.trim();
    if CLAIM_JOINERS.contains(&gap) {
        return true;
    }
    let effect = matches!(
        c.kind,
        RelationType::Repeals | RelationType::Replaces | RelationType::Suspends
    );
    effect
        && !c.passive
        && c.other == ev.own
        && !s.gap.contains(". ")
        && !s.gap.contains("\n\n")
        && trigger_before(s.gap).is_none()
        && CLAIM_JOINERS
            .iter()
            .chain([";"].iter())
            .any(|j| gap.ends_with(j))
}

/// Whether a phrase before a citation is the citing document's own claim: anywhere in the
/// title and preamble; in the body only for the types it allows, in an operative article or
/// after "… này", and never after words of intent.
fn own_claim(kind: RelationType, s: &Step<'_>) -> bool {
    own_claim_allowed(kind, s.pos)
        && (s.pos != Position::Body
            || (!intent_before(s.gap) && (self_subject(s.gap) || s.para.contains("art_"))))
}

/// An item of a list an operative article introduces with an end of force ("Điều 1. Bãi bỏ
/// toàn bộ một số văn bản …" / "1. Quyết định số 104/2000/QĐ-TTg …"; "2. Bãi bỏ:" / "a)
/// Khoản 2, khoản 3 Điều 2 … Quyết định số 960/QĐ-TTg"; "Các quyết định sau hết hiệu lực
/// thi hành kể từ ngày …:"): the document repeals (replaces, suspends) the document the item
/// names first. The lead is the heading of the article or a unit whose text ends with ":".
fn list_head_claim<'a>(ev: &Evidence<'a>, s: &Step<'_>) -> Option<Claim<'a>> {
    if s.pos != Position::Body || s.prev.is_some() || !s.para.contains("art_") {
        return None;
    }
    if intent_before(ev.paragraph_before(s)) {
        return None;
    }
    let parts: Vec<&str> = s.para.split("__").collect();
    for k in (1..parts.len()).rev() {
        let id = parts[..k].join("__");
        let node = ev.node(&id)?;
        let heading = fold_case(node.heading().unwrap_or(""));
        let text = fold_case(node.text());
        let lead = if text.trim_end().ends_with(':') {
            format!("{heading} {text}")
        } else if node.kind == NodeKind::Article {
            heading
        } else {
            String::new()
        };
        if let Some(kind) = effect_in(&lead) {
            return Some(Claim::active(ev.own, kind));
        }
        if node.kind == NodeKind::Article {
            break;
        }
    }
    None
}

/// The end of force a list's lead states, if any, and not as an intent.
fn effect_in(lead: &str) -> Option<RelationType> {
    if lead.is_empty() || intent_before(lead) {
        return None;
    }
    if ends_force_after(lead) {
        return Some(RelationType::Repeals);
    }
    let effect = RELATION_TRIGGERS
        .iter()
        .filter(|(_, k)| {
            matches!(
                k,
                RelationType::Repeals | RelationType::Replaces | RelationType::Suspends
            )
        })
        .find(|(p, _)| contains_word(lead, p))
        .map(|&(_, k)| k)?;
    // "Thay thế, bãi bỏ một số cụm từ …": a change of wording amends. (Wording alone is no
    // effect: "Giải thích từ ngữ" / "các từ ngữ dưới đây được hiểu như sau:" defines terms.)
    if WORDING_WORDS.iter().any(|w| lead.contains(w)) {
        return Some(RelationType::Amends);
    }
    Some(effect)
}

/// Whether `phrase` stands in `text` as whole words.
fn contains_word(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase)
        .any(|(pos, _)| vanban_text::whole_word(text, pos, pos + phrase.len()))
}

/// "…; Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 9807/TTr-SNV …": a clause that
/// opens with the formula of a proposal, wherever it stands, names the submission.
///
/// The clause is read from the text, not the node: a wrap inside the formula may have split
/// the paragraph ("Theo đề nghị của Giám đốc Sở" / "Nội vụ tại Tờ trình số …").
fn clause_proposal<'a>(ev: &Evidence<'a>, s: &Step<'_>) -> Option<Claim<'a>> {
    let end = ev.found[s.i].0.start;
    let start = vanban_text::floor(ev.folded, end.saturating_sub(CLAUSE_REACH));
    let before = ev.folded.get(start..end).unwrap_or("");
    let cut = [";", ".", ":", "\n\n"]
        .iter()
        .filter_map(|p| before.rfind(p).map(|i| i + p.len()))
        .max()?;
    let clause = before.sub(cut..);
    // "… về giải quyết đề nghị của Công ty … tại Tờ trình số 01/TTr-CT05": the proposal named
    // inside a clause.
    let squashed = squash_spaces(clause);
    let inside = squashed.contains("đề nghị của ") && squashed.ends_with(" tại");
    ((opener(clause) == Some(RelationType::ProposedBy) || inside)
        && proposal_target(ev.cites[s.i].kind))
    .then(|| Claim::active(ev.own, RelationType::ProposedBy))
}

/// A paragraph that opens with a formula gives it to every citation it lists.
/// The title opens with its formula after the document type ("NGHỊ QUYẾT" / "SỬA ĐỔI, BỔ
/// SUNG MỘT SỐ ĐIỀU CỦA QUY ĐỊNH … BAN HÀNH THEO NGHỊ QUYẾT SỐ 20/2023/NQ-HĐND").
fn opener_claim(ev: &Evidence<'_>, out: &mut Gathered<'_>, s: &Step<'_>) {
    // Only the title's opening is read: folded whole for each of its citations, a long title
    // listing thousands of laws was quadratic. A character folds to at least one byte, so
    // the first `OPENER_BYTES` folded bytes come from at most as many characters.
    let title = match s.pos {
        Position::Title => ev
            .doc
            .header
            .title
            .as_deref()
            .map(|t| fold_case(vanban_text::window(t, 0, 4 * OPENER_BYTES))),
        _ => None,
    };
    let paragraph = title.as_deref().unwrap_or_else(|| ev.paragraph_before(s));
    // "… đã được … phê duyệt tại Quyết định số …": the act that approved the document
    // before, not one the formula lists.
    let approving = squash_spaces(s.gap);
    if APPROVAL_WORDS.iter().any(|w| approving.ends_with(w)) {
        return;
    }
    if let Some(kind) = opener(paragraph) {
        // ("(Kèm theo Báo cáo số 565-BC/BTCTW …)": a line of the document's own, where it
        // stands.)
        let allowed = (own_claim_allowed(kind, s.pos) || kind == RelationType::Attaches)
            && (kind != RelationType::ProposedBy || proposal_target(ev.cites[s.i].kind));
        if allowed {
            out.push(ev.own, s.to, kind, s.span);
        }
    }
}

/// "Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế số 46/2014/QH13": an amending
/// law amends each law its title names — by the number the document gives that law elsewhere
/// ("Luật Bảo hiểm y tế số 25/2008/QH12"), else by its name. The claim is the cited law's
/// title, stated by this document.
fn amending_laws(ev: &Evidence<'_>, out: &mut Gathered<'_>) {
    let names = crate::cite::law_names(ev.cites);
    for c in ev.cites {
        if c.kind != DocumentKind::Law {
            continue;
        }
        let Some(subject) = c.target_id.as_deref() else {
            continue;
        };
        let amended = c.name.as_deref().map(crate::named::amended_laws);
        for law in amended.iter().flatten() {
            let kind = if law.starts_with("Bộ luật") {
                DocumentKind::Code
            } else {
                DocumentKind::Law
            };
            let object = names
                .get(&crate::cite::law_key(law))
                .cloned()
                .unwrap_or_else(|| crate::identity::named_id(kind, None, law).into());
            out.push(subject, &object, RelationType::Amends, c.span);
        }
    }
}

/// "Nghị định số … và Nghị định số … hết hiệu lực từ ngày Nghị định này có hiệu lực": an
/// operative article ends the force of the documents its sentence lists.
fn ends_of_force(ev: &Evidence<'_>, out: &mut Gathered<'_>) {
    for (i, (f, pos)) in ev.found.iter().enumerate() {
        let Some(to) = ev.cites[i].target_id.as_deref() else {
            continue;
        };
        if *pos != Position::Body || ev.named(i) || !ev.paragraph_of(i).0.contains("art_") {
            continue;
        }
        // ("Luật Việc làm số 38/2013/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số
        // 41/2024/QH15 hết hiệu lực …": the amender is named for the claim; the law whose
        // force ends is the one it amended.)
        let amender = ev
            .step(i)
            .is_some_and(|s| s.prev.is_some() && passive_before(s.gap).is_some());
        if amender {
            continue;
        }
        if ends_force_after(sentence_after(ev.folded, f.end)) {
            out.push(ev.own, to, RelationType::Repeals, ev.cites[i].span);
        }
    }
}

/// Every document cited but not reached by any relation is cited. A document cited by name
/// is reached when a relation reaches the same name with a date ("Căn cứ Luật Thể dục, thể
/// thao ngày 29 tháng 11 năm 2006" and later "theo quy định của Luật Thể dục, thể thao"), and
/// a law naming itself ("… theo quy định của Luật Dữ liệu" in the Luật Dữ liệu) cites nothing.
///
/// A document introduced only to state a nested claim is no citation: the amender in "…
/// được sửa đổi, bổ sung bởi Quyết định số 38/2010/QĐ-TTg", the object in "Nghị định số
/// 09/1998/NĐ-CP sửa đổi, bổ sung Nghị định số 50/CP", each link of a chain ("Kế hoạch số
/// 500-KH/TU … về thực hiện Kết luận số 72-KL/TW …"), and a later mention of it restates
/// the chain where its node cites another document of the chain ("… tiếp tục tổ chức thực
/// hiện Nghị quyết số 13-NQ/TW …, Kết luận số 72-KL/TW … và Kế hoạch số 500-KH/TU …"); one
/// beside other documents ("quán triệt Nghị quyết số 27-NQ/TW …; Nghị quyết số 66-NQ/TW …")
/// is cited for itself. The document the claim is stated about is cited ("theo Quyết định số
/// 142/2008/QĐ-TTg …, được sửa đổi, bổ sung bởi …", "Nghị định số 09/1998/NĐ-CP sửa đổi …":
/// the citing document cites both), and so is one mentioned for itself before it is named
/// in a claim ("theo Nghị định số 159/2006/NĐ-CP …, Nghị định số 11/2011/NĐ-CP sửa đổi, bổ
/// sung một số điều của Nghị định số 159/2006/NĐ-CP").
fn cited(ev: &Evidence<'_>, out: &mut Gathered<'_>) {
    // The mentions that state a nested claim: the citation each nested relation rests on.
    let nested: HashSet<usize> = out
        .relations
        .iter()
        .filter(|r| *r.from != *ev.own)
        .map(|r| r.span.start)
        .collect();
    // (A consolidated text speaks for the document it consolidates: that one's bases are
    // its own, and a later mention of one restates nothing new.)
    let consolidated = out
        .relations
        .iter()
        .find(|r| *r.from == *ev.own && r.kind == RelationType::Consolidates)
        .map(|r| Arc::clone(&r.to));
    let reached: BTreeSet<Arc<str>> = out
        .relations
        .iter()
        .filter(|r| *r.from == *ev.own || consolidated.as_ref() == Some(&r.from))
        .map(|r| Arc::clone(&r.to))
        .collect();
    let mut names: BTreeSet<&str> = reached.iter().map(|id| id_name(id)).collect();
    let own_name = ev
        .doc
        .header
        .title
        .as_deref()
        .map(|t| match ev.doc.header.kind {
            DocumentKind::Law => slug(&format!("luật {t}")),
            DocumentKind::Code => slug(&format!("bộ luật {t}")),
            _ => String::new(),
        });
    if let Some(n) = own_name.as_deref() {
        names.insert(n);
    }
    let chain_ids = nested_pairs(ev, out);
    let chain: HashSet<(&str, &str)> = chain_ids.iter().map(|(a, b)| (&**a, &**b)).collect();
    // Documents (by key) already cited or introduced in a claim; of those, the ones only
    // introduced in a nested claim so far.
    let mut seen: HashSet<&str> = HashSet::new();
    let mut in_chain_only: HashSet<&str> = HashSet::new();
    for (i, c) in ev.cites.iter().enumerate() {
        if out.topics.contains(&c.span.start) {
            continue;
        }
        let named = c.form == CitationForm::Named;
        let Some(t) = c.target_id.as_deref() else {
            continue;
        };
        if named && names.contains(id_name(t)) {
            continue;
        }
        // (One name cited with several years is one citation: "Luật Địa chất và khoáng
        // sản năm 2024", later "Luật Địa chất và khoáng sản".)
        let key = if named { id_name(t) } else { t };
        if nested.contains(&c.span.start) {
            if seen.insert(key) {
                in_chain_only.insert(key);
            }
            continue;
        }
        let for_itself = in_chain_only.contains(key) && !restates_chain(ev, &chain, i, t);
        if for_itself {
            in_chain_only.remove(key);
        }
        if !reached.contains(t) && t != ev.own && (seen.insert(key) || for_itself) {
            out.push(ev.own, t, RelationType::Cites, c.span);
        }
    }
}

/// The pairs of documents of the nested claims gathered, both ways round.
fn nested_pairs(ev: &Evidence<'_>, out: &Gathered<'_>) -> Vec<(Arc<str>, Arc<str>)> {
    out.relations
        .iter()
        .filter(|r| *r.from != *ev.own)
        .flat_map(|r| {
            [
                (Arc::clone(&r.from), Arc::clone(&r.to)),
                (Arc::clone(&r.to), Arc::clone(&r.from)),
            ]
        })
        .collect()
}

/// Whether citation `i` of `t` stands in a node that cites a document a nested claim links
/// to `t` (a pair of `chain`) among the [`RESTATING_REACH`] citations on either side of it.
fn restates_chain(ev: &Evidence<'_>, chain: &HashSet<(&str, &str)>, i: usize, t: &str) -> bool {
    let para = ev.paragraph_of(i).0;
    let same_node = |j: &usize| ev.paragraph_of(*j).0 == para;
    let before = (0..i).rev().take(RESTATING_REACH).take_while(same_node);
    let after = (i + 1..ev.cites.len())
        .take(RESTATING_REACH)
        .take_while(same_node);
    before
        .chain(after)
        .filter_map(|j| ev.cites[j].target_id.as_deref())
        .any(|u| chain.contains(&(t, u)))
}

/// How many citations on either side of a mention [`restates_chain`] looks at (a chain is
/// restated in a short list).
const RESTATING_REACH: usize = 16;

/// The last part of a canonical id: the slug of the number or the name.
fn id_name(id: &str) -> &str {
    id.rsplit(';').next().unwrap_or(id)
}

/// The year part of a canonical id, when known.
fn id_year(id: &str) -> Option<u16> {
    vanban_model::DocumentId::year_of(id)
}

/// The rest of the sentence after `from`: up to ". ", ";", a blank line, or 600 bytes.
fn sentence_after(folded: &str, from: usize) -> &str {
    let end = vanban_text::floor(folded, from + 600);
    let rest = folded.get(from..end).unwrap_or("");
    let stop = [". ", ".\n", ";", "\n\n"]
        .iter()
        .filter_map(|s| rest.find(s))
        .min()
        .unwrap_or(rest.len());
    rest.sub(..stop)
}

/// Where the first Điều or Chương of the body starts (a VBHN lists its documents before it).
fn first_article_start(doc: &Document) -> Option<usize> {
    doc.body
        .iter()
        .flat_map(Node::walk)
        .find(|n| matches!(n.kind, NodeKind::Article | NodeKind::Chapter))
        .map(|n| n.span.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words that make a repeal or a replacement are read across a line wrap and
    /// doubled spaces (NQ_55 of the corpus: "… hết" / "hiệu lực kể từ ngày …" was no repeal).
    #[test]
    fn force_and_self_subject_read_across_a_wrap() {
        for tail in [
            " hết hiệu lực kể từ ngày",
            " hết\nhiệu lực kể từ ngày",
            " hết  hiệu\nlực",
        ] {
            assert!(ends_force_after(tail), "{tail:?}");
        }
        assert!(!ends_force_after(" đã hết\nhiệu lực"));
        assert!(!ends_force_after(" còn hiệu lực"));
        for gap in ["(kế hoạch này ", "(kế hoạch này\n", "kế hoạch\nnày\t"] {
            assert!(self_subject(gap), "{gap:?}");
        }
        for gap in ["này ", "kế hoạch số 1. ", "các văn bản nàyxx "] {
            assert!(!self_subject(gap), "{gap:?}");
        }
    }

    /// The formulas looked for only where the automaton saw them read as a search for each:
    /// on texts of formulas, intent words, fillers and stops.
    #[test]
    fn formulas_are_read_as_a_search_for_each_reads_them() {
        let by_search = |gap: &str| {
            let gap = squash_spaces(gap);
            RELATION_PASSIVES
                .iter()
                .find(|(p, _)| {
                    gap.rfind(p).is_some_and(|at| {
                        let tail = gap.sub(at + p.len()..);
                        tail.len() <= PASSIVE_REACH && !tail.contains(['.', ';'])
                    })
                })
                .map(|&(_, k)| k)
        };
        let mut pieces: Vec<&str> = RELATION_PASSIVES.iter().map(|(p, _)| *p).collect();
        pieces.extend(INTENT_WORDS.iter().copied());
        let far = "x ".repeat(50);
        pieces.extend([" ", "theo ", ". ", &far]);
        let mut read = 0;
        for t in crate::testing::compositions(&pieces, 3) {
            let want = by_search(&t);
            read += usize::from(want.is_some());
            assert_eq!(passive_before(&t), want, "{t:?}");
            assert_eq!(
                intent_before(&t),
                INTENT_WORDS.iter().any(|w| t.contains(w)),
                "{t:?}"
            );
        }
        assert!(read > 1_000, "{read}");
    }

    #[test]
    fn triggers() {
        assert_eq!(
            trigger_before(" về tiếp tục thực hiện ").map(|t| t.0),
            Some(RelationType::ContinuesImplementing)
        );
        assert_eq!(
            trigger_before(" sửa đổi, bổ sung một số điều của ").map(|t| t.0),
            Some(RelationType::Amends)
        );
        assert_eq!(trigger_before(", "), None);
        assert_eq!(trigger_before(" thực hiện nhiệm vụ; "), None);
        // Read with a mark OCR lost or misread; the phrase ending last, the longest of those.
        for (gap, kind) in [
            (
                " ngày 20 tháng 9 năm 2023 của chính phủ sửa đôi, bổ sung một số điều của ",
                RelationType::Amends,
            ),
            (" thưc hiện ", RelationType::Implements),
            (
                " sửa đổi. tiếp tục thực hiên ",
                RelationType::ContinuesImplementing,
            ),
            (" tiêp tục thực hiện ", RelationType::ContinuesImplementing),
        ] {
            assert_eq!(trigger_before(gap).map(|t| t.0), Some(kind), "{gap}");
        }
        assert_eq!(trigger_before(" thức hiệu "), None);
        // A word of its own that looks like a trigger with its marks aside.
        assert_eq!(trigger_before(" như đã thấy thế "), None);
    }

    #[test]
    fn openers() {
        assert_eq!(opener("căn cứ luật tổ chức"), Some(RelationType::BasedOn));
        assert_eq!(
            opener("*thực hiện kế hoạch"),
            Some(RelationType::Implements)
        );
        assert_eq!(opener("ủy ban nhân dân tỉnh ban hành"), None);
        // Across a wrap and Markdown runs (corpus forms "*Căn" / "cứ …", "*Căn cứ* *Nghị
        // quyết số* …", "Theo đề" / "nghị của …").
        assert_eq!(
            opener("*căn\ncứ quyết định số"),
            Some(RelationType::BasedOn)
        );
        assert_eq!(
            opener("*căn cứ* *nghị quyết số*"),
            Some(RelationType::BasedOn)
        );
        assert_eq!(opener("theo đề\nnghị của"), Some(RelationType::ProposedBy));
        assert_eq!(opener("xét tờ trình số"), Some(RelationType::ProposedBy));
        assert_eq!(opener("xétx"), None);
    }
}
