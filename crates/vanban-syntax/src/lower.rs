//! Lowering: from classified lines to the typed [`Document`]. Regions are found first (front
//! matter, header, preamble, body, closing, appendices, trailing text); the body hierarchy is
//! built with a stack ordered by marker rank, so nesting follows the markers, not indentation.

use vanban_model::codes;
use vanban_model::{
    Appendix, Diagnostic, Document, Extra, Node, NodeKind, Parts, Severity, Span, Str,
};
use vanban_text::{Releasing, Sub};

use crate::clean::is_upper;
use crate::closing;
use crate::ctx::Ctx;
use crate::header::{self, starts_preamble};
use crate::header_grammar::date_in;
use crate::line::{Line, LineKind, Marker, MarkerKind};
use crate::lines::{self, Joins, Para, Paragraphs, WrapProfile};
use crate::tables::printed_number;
use crate::text::OffsetMap;

/// What lowering a text gives.
pub(crate) struct Lowered {
    pub document: Document,
    pub diagnostics: Vec<Diagnostic>,
    /// The text case-folded, when the reading made it.
    pub folded: Option<String>,
    /// Where paragraphs were joined over a page break (see [`crate::Parsed::page_breaks`]).
    pub page_breaks: Vec<(u32, u32)>,
}

/// Lower the normalised text into a document and its diagnostics.
pub(crate) fn lower(text: &str, map: &OffsetMap) -> Lowered {
    let (lines, seen) = lines::classify_seen(text);
    let mut ctx = Ctx::new(text, &lines, seen, map);
    let mut doc = Document::default();
    if lines.iter().all(Line::is_blankish) {
        let span = ctx.span(0, text.len());
        ctx.diag(
            codes::EMPTY_DOCUMENT,
            Severity::Warning,
            "the document is empty",
            span,
        );
        doc.header.span = span;
        return Lowered {
            document: doc,
            diagnostics: ctx.diagnostics,
            folded: None,
            page_breaks: Vec::new(),
        };
    }
    record_cleanups(&mut ctx);
    record_repaired_markers(&mut ctx);
    let preamble_start = lower_header(&mut ctx, &mut doc);
    // The body ends at the closing or, without one, at the first appendix.
    let closing_start = find_closing(&ctx, preamble_start);
    let body_end = closing_start
        .or_else(|| (preamble_start..lines.len()).find(|&i| appendix_heading(&lines, i)))
        .unwrap_or(lines.len());
    let after_body = lower_closing(&mut ctx, &mut doc, closing_start, body_end);
    let profile = WrapProfile::of(text, &lines);
    let mut joins = Joins::default();
    let body = (preamble_start, body_end);
    lower_preamble_and_body(&mut ctx, &mut doc, body, &profile, &mut joins);
    lower_appendices(&mut ctx, &mut doc, after_body, &profile, &mut joins);
    adoption_date(&mut ctx, &mut doc, body_end);
    crate::late::complete_header(&mut ctx, &mut doc);
    tile(&ctx, &mut doc);
    if joins.count > 0 {
        let span = ctx.span(0, 0);
        ctx.diag(
            codes::JOINED_LINES,
            Severity::Info,
            format!(
                "{} hard-wrapped lines joined into their paragraphs",
                joins.count
            ),
            span,
        );
    }
    Lowered {
        document: doc,
        diagnostics: ctx.diagnostics,
        folded: ctx.lower.into_inner(),
        page_breaks: joins.page_breaks,
    }
}

/// The header and what stands before it (front matter); returns the line where the preamble
/// starts.
fn lower_header(ctx: &mut Ctx, doc: &mut Document) -> usize {
    let h0 = header::find_start(ctx);
    let (header_start, preamble_start) = match h0 {
        Some(h0) => {
            let read = header::read(ctx, h0);
            doc.header = read.header;
            (h0, read.end)
        }
        None => {
            let span = ctx.span(0, 0);
            ctx.diag(
                codes::HEADER_MISSING,
                Severity::Error,
                "no header found: no national motto, Party heading or \"Số:\" line near the top",
                span,
            );
            (0, 0)
        }
    };
    if header_start > 0 {
        doc.front_matter = Some(extra(ctx, 0, header_start));
        let span = ctx.span(0, ctx.line_start(header_start));
        ctx.diag(
            codes::FRONT_MATTER,
            Severity::Info,
            format!(
                "{} before the header {} not part of the document (a website banner?); kept as front matter",
                vanban_text::count(header_start, "line", "lines"),
                if header_start == 1 { "is" } else { "are" }
            ),
            span,
        );
    }
    doc.header.span = ctx.span(ctx.line_start(header_start), ctx.line_start(preamble_start));
    if h0.is_some() {
        check_header(ctx, doc);
    }
    preamble_start
}

/// The closing from line `closing_start`, if there is one; returns the first content line
/// after it, or `body_end` without a closing.
fn lower_closing(
    ctx: &mut Ctx,
    doc: &mut Document,
    closing_start: Option<usize>,
    body_end: usize,
) -> usize {
    match closing_start {
        Some(c0) => {
            let n = ctx.lines.len();
            let (closing, end) = closing::read(ctx, c0, n);
            doc.closing = closing;
            let content = skip_to_content(ctx.lines, end);
            let a0 = past_letterless(ctx.lines, content);
            doc.closing.span = Some(ctx.span(ctx.line_start(c0), ctx.line_start(a0)));
            let worded = ctx.lines[content..a0]
                .iter()
                .filter(|l| !l.is_noise() && l.full.chars().any(char::is_alphabetic))
                .count();
            if worded > 0 {
                let span = ctx.span(ctx.line_start(content), ctx.line_start(a0));
                ctx.diag(
                    codes::PAGE_HEADER,
                    Severity::Info,
                    format!(
                        "{} left of a page before the appendix (a scan's noise) kept out of the text of nodes",
                        vanban_text::count(worded, "line", "lines")
                    ),
                    span,
                );
            }
            a0
        }
        None => {
            let span = ctx.span(ctx.text.len(), ctx.text.len());
            ctx.diag(
                codes::CLOSING_MISSING,
                Severity::Info,
                "no closing found (no \"Nơi nhận\" and no signature block)",
                span,
            );
            body_end
        }
    }
}

/// The preamble and the body: the paragraphs of lines `[from, to)`, split where the body
/// starts.
fn lower_preamble_and_body(
    ctx: &mut Ctx,
    doc: &mut Document,
    (from, to): (usize, usize),
    profile: &WrapProfile,
    joins: &mut Joins,
) {
    let mut paras = Paragraphs::new(ctx.text, ctx.lines, (from, to), profile, ctx.seen);
    let preamble_end = preamble_end(&mut paras);
    let preamble: Vec<Para> = paras.by_ref().take(preamble_end).collect();
    let body_end_byte = ctx.line_start(to);
    let preamble_end_byte = paras
        .peek()
        .map_or(body_end_byte, |p| ctx.line_start(p.first));
    doc.preamble = build_flat(ctx, preamble, "preamble", preamble_end_byte);
    doc.body = build_tree(ctx, &mut paras, "", body_end_byte);
    joins.add(std::mem::take(&mut paras.joins));
}

/// How many paragraphs the preamble has: up to the first marker, or to the enacting formula
/// before it; without markers, up to the first paragraph that is not a preamble line.
fn preamble_end(paras: &mut Paragraphs) -> usize {
    // The body starts at the first marker; "- Căn cứ …" bullets are still preamble.
    let body_marker = |p: &Para| {
        p.marker.is_some()
            && !p.quoted
            && !(p.marker.is_some_and(|m| m.kind == MarkerKind::Indent) && starts_preamble(&p.text))
    };
    // (Without a marked line no paragraph is marked: none is read ahead to find none.)
    let first_marker = match paras.may_have_marker() {
        true => paras.position_in((0, usize::MAX), body_marker),
        false => None,
    };
    match first_marker {
        // The enacting formula ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:") before it closes the preamble.
        Some(k) => paras
            .position_in((0, k.saturating_sub(1)), |p| {
                p.marker.is_none() && is_enacting_formula(&p.text)
            })
            .map_or(k, |e| e + 1),
        None => match paras.position_in((0, usize::MAX), |p| {
            !starts_preamble(&p.text) && !is_upper(&p.text) && !p.text.is_empty()
        }) {
            Some(k) => k,
            None => paras.total(),
        },
    }
}

/// The appendices from line `from` on, and the text after them that is not an appendix
/// (trailing text).
fn lower_appendices(
    ctx: &mut Ctx,
    doc: &mut Document,
    from: usize,
    profile: &WrapProfile,
    joins: &mut Joins,
) {
    let lines = ctx.lines;
    let n = lines.len();
    let mut k = from;
    let mut annex = 0;
    let mut appendices = Vec::new();
    let mut trailing_from = None;
    while k < n {
        if lines[k].is_blankish()
            || lines[k].is_noise()
            || lines[k].kind == LineKind::Rule
            || lines[k].full.is_empty()
        {
            k += 1;
            continue;
        }
        if appendix_heading(lines, k) || (annex > 0) {
            annex += 1;
            let next = next_appendix(lines, k);
            appendices.push(appendix(ctx, k, next, annex, profile, joins));
            k = next;
        } else {
            trailing_from = Some(k);
            break;
        }
    }
    if let Some(t) = trailing_from {
        lower_trailing(ctx, doc, &appendices, t);
    }
    doc.appendices = appendices;
}

/// Where the appendix whose heading is line `k` ends: at the next appendix heading after its
/// title lines, or at the end of the text.
fn next_appendix(lines: &[Line], k: usize) -> usize {
    let n = lines.len();
    let mut after_title = k + 1;
    while after_title < n
        && (lines[after_title].is_blankish()
            || lines[after_title].is_noise()
            || lines[after_title].kind == LineKind::Rule
            || (is_upper(&lines[after_title].full) && lines[after_title].marker().is_none()))
    {
        after_title += 1;
    }
    (after_title..n)
        .find(|&i| appendix_heading(lines, i))
        .unwrap_or(n)
}

/// Text from line `t` to the end that is not part of the document: kept as trailing text,
/// from the end of the region before it.
fn lower_trailing(ctx: &mut Ctx, doc: &mut Document, appendices: &[Appendix], t: usize) {
    let start = appendices
        .last()
        .map(|a: &Appendix| a.span.end)
        .or(doc.closing.span.map(|s| s.end))
        .unwrap_or(ctx.line_start(t));
    let mut e = extra(ctx, t, ctx.lines.len());
    e.span = ctx.span(start.min(ctx.line_start(t)), ctx.text.len());
    ctx.diag(
        codes::TRAILING_TEXT,
        Severity::Info,
        "text after the document that is not an appendix; kept as trailing text",
        e.span,
    );
    doc.trailing = Some(e);
}

/// A law or National Assembly resolution is dated by its adoption ("… thông qua ngày 25
/// tháng 6 năm 2025"), printed at the end of the text; use it when the header has no date.
fn adoption_date(ctx: &mut Ctx, doc: &mut Document, body_end: usize) {
    if doc.header.date.is_some() {
        return;
    }
    let from = body_end.saturating_sub(20);
    let found = (from..ctx.lines.len().min(body_end + 20)).find_map(|i| {
        let l = &ctx.lines[i];
        // The sentence may wrap anywhere, even between "thông qua" and "ngày".
        let pos = l.full.rfind("thông qua")?;
        let mut text = l.full.sub(pos + "thông qua".len()..).to_owned();
        if let Some(next) = ctx.lines.get(i + 1) {
            text.push(' ');
            text.push_str(&next.full);
        }
        if !text.trim_start_matches([' ', '*', '_']).starts_with("ngày") {
            return None;
        }
        let (_, parts) = date_in(&text)?;
        Some((i, parts))
    });
    if let Some((i, parts)) = found {
        if let Some(iso) = parts.iso() {
            let span = ctx.span(ctx.lines[i].start(), ctx.lines[i].end());
            ctx.diag(
                codes::DATE_FROM_ADOPTION,
                Severity::Info,
                format!("no date in the header; dated {iso} from the adoption sentence"),
                span,
            );
            doc.header.date = Some(iso);
            doc.header.date_parts = Some(parts);
        }
    }
}

/// Make the top-level regions tile the text: each region ends where the next one starts, so
/// that every byte belongs to exactly one region (blank lines between regions go to the region
/// before them).
fn tile(ctx: &Ctx, doc: &mut Document) {
    // (Each region taken in order as it is reached, not gathered into a vector first: a
    // million paragraphs made that vector 8 MB.)
    let mut prev = None;
    for f in doc.front_matter.iter_mut() {
        tile_step(ctx, &mut prev, &mut f.span);
    }
    tile_step(ctx, &mut prev, &mut doc.header.span);
    for n in doc.preamble.iter_mut().chain(doc.body.iter_mut()) {
        tile_step(ctx, &mut prev, &mut n.span);
    }
    if let Some(c) = doc.closing.span.as_mut() {
        tile_step(ctx, &mut prev, c);
    }
    for a in doc.appendices.iter_mut() {
        tile_step(ctx, &mut prev, &mut a.span);
    }
    if let Some(t) = doc.trailing.as_mut() {
        tile_step(ctx, &mut prev, &mut t.span);
    }
    if let Some(last) = prev {
        last.end = ctx.text.len();
    }
}

/// One region of [`tile`]: the first starts the text; a region before another ends where
/// that one starts.
fn tile_step<'a>(ctx: &Ctx, prev: &mut Option<&'a mut Span>, piece: &'a mut Span) {
    match prev.take() {
        None if piece.start != 0 => *piece = ctx.span(0, piece.end),
        // Extend the previous region over a gap, or shrink it where it overlaps.
        Some(p) if p.end != piece.start => p.end = piece.start.max(p.start),
        _ => {}
    }
    *prev = Some(piece);
}

/// "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:", "TRƯỞNG BAN … QUYẾT ĐỊNH:" — the words that enact.
fn is_enacting_formula(t: &str) -> bool {
    let t = t.trim();
    is_upper(t)
        && t.ends_with(':')
        && (t.ends_with("QUYẾT ĐỊNH:") || t.ends_with("QUYẾT NGHỊ:") || t.ends_with("KẾT LUẬN:"))
}

/// One `ocr-tolerated` info per marker read through a scan's misrecognition ("HI-" as III).
fn record_repaired_markers(ctx: &mut Ctx) {
    // (A repaired marker is of one of these kinds.)
    if !(ctx.seen.romans || ctx.seen.items) {
        return;
    }
    let repaired: Vec<(usize, usize, String)> = ctx
        .lines
        .iter()
        .filter_map(|l| match &l.kind {
            LineKind::Marker(m) if crate::ocr::repaired(m) => Some((
                l.start(),
                l.end(),
                format!(
                    "marker \"{}\" read as {} (a scan's misrecognition)",
                    m.text(),
                    m.number().unwrap_or("")
                ),
            )),
            _ => None,
        })
        .collect();
    for (start, end, message) in repaired {
        let span = ctx.span(start, end);
        ctx.diag(codes::OCR_TOLERATED, Severity::Info, message, span);
    }
}

fn record_cleanups(ctx: &mut Ctx) {
    let seen = ctx.seen;
    // (Page numbers are made of lines of digits; stamps of stamp lines and "Người ký:".)
    if !(seen.page_headers || seen.digits || seen.stamps || seen.markup) {
        return;
    }
    let mut page_headers = Vec::new();
    let mut page_numbers = Vec::new();
    let mut stamps = Vec::new();
    let mut markup = 0;
    let mut first_markup = None;
    for l in ctx.lines {
        match l.kind {
            LineKind::PageHeader => page_headers.push((l.start(), l.end())),
            LineKind::PageNumber => page_numbers.push((l.start(), l.end())),
            LineKind::Stamp => stamps.push((l.start(), l.end())),
            _ => {}
        }
        if l.had_markup {
            markup += 1;
            first_markup.get_or_insert((l.start(), l.end()));
        }
    }
    let noise = [
        (
            page_numbers,
            codes::PAGE_NUMBER,
            "page number of a PDF copy left out of the text of nodes",
        ),
        (
            page_headers,
            codes::PAGE_HEADER,
            "page header or page marker (a Gazette running header, a scan's or a converter's page marker, and its page number) left out of the text of nodes",
        ),
        (
            stamps,
            codes::SIGNATURE_STAMP,
            "digital-signature stamp left out of the text of nodes",
        ),
    ];
    for (spans, code, message) in noise {
        for (s, e) in spans {
            let span = ctx.span(s, e);
            ctx.diag(code, Severity::Info, message, span);
        }
    }
    if let Some((s, e)) = first_markup {
        let span = ctx.span(s, e);
        ctx.diag(
            codes::MARKDOWN,
            Severity::Info,
            format!(
                "Markdown debris (emphasis, pipes) removed from the text of {}",
                vanban_text::count(markup, "line", "lines")
            ),
            span,
        );
    }
}

/// The symbol's year ("45/2025/NĐ-CP") against the header date's.
fn check_year(ctx: &mut Ctx, h: &vanban_model::Header) {
    if let (Some(n), Some(d)) = (&h.number, &h.date_parts) {
        if let (Some(sy), Some(dy)) = (n.year, d.year) {
            if sy != dy {
                ctx.diag(
                    codes::HEADER_YEAR_MISMATCH,
                    Severity::Warning,
                    format!(
                        "the symbol {} says {sy}, the header date says {dy}; the id takes {sy}",
                        n.normalized
                    ),
                    n.span,
                );
            }
        }
    }
}

fn check_header(ctx: &mut Ctx, doc: &Document) {
    let h = &doc.header;
    let span = h.span;
    if h.issuer.name.is_none() {
        ctx.diag(
            codes::HEADER_NO_ISSUER,
            Severity::Warning,
            "no issuing body found in the header",
            span,
        );
    }
    if h.number.is_none() {
        ctx.diag(
            codes::HEADER_NO_NUMBER,
            Severity::Warning,
            "no number and symbol (\"Số: …\") found in the header",
            span,
        );
    }
    match &h.date_parts {
        None => ctx.diag(
            codes::HEADER_NO_DATE,
            Severity::Warning,
            "no place-and-date line (\"…, ngày … tháng … năm …\") found in the header",
            span,
        ),
        Some(p) if h.date.is_none() => {
            let msg = if p.day.is_none() || p.month.is_none() || p.year.is_none() {
                "the date has blank parts (an unsigned draft)"
            } else {
                "the date is not a real calendar date"
            };
            ctx.diag(codes::HEADER_BLANK_DATE, Severity::Info, msg, span);
        }
        _ => {}
    }
    check_year(ctx, h);
    if h.kind == vanban_model::DocumentKind::Unknown {
        ctx.diag(
            codes::HEADER_NO_KIND,
            Severity::Warning,
            "the document type could not be told",
            span,
        );
    }
    if let (Some(n), Some(_)) = (&h.number, &h.kind_raw) {
        if let Some(code_kind) = n
            .type_code
            .as_deref()
            .and_then(vanban_model::DocumentKind::from_code)
        {
            let compatible = code_kind == h.kind
                || (code_kind == vanban_model::DocumentKind::Decision
                    && h.kind == vanban_model::DocumentKind::Rules);
            if !compatible {
                ctx.diag(
                    codes::HEADER_TYPE_MISMATCH,
                    Severity::Warning,
                    format!(
                        "the type code {} says {}, the type name says {}",
                        n.type_code.as_deref().unwrap_or(""),
                        code_kind.name_vi(),
                        h.kind.name_vi()
                    ),
                    n.span,
                );
            }
        }
    }
}

fn extra(ctx: &Ctx, from: usize, to: usize) -> Extra {
    let text = ctx.lines[from..to]
        .iter()
        .filter(|l| !l.is_blankish())
        .map(|l| l.full.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    Extra {
        text,
        span: ctx.span(ctx.line_start(from), ctx.line_start(to)),
    }
}

/// Line `i`, or the appendix heading after up to three short lines with no letter at `i`
/// (a page number the classifier left as text, "……", a lone quote mark) between the closing
/// and an appendix: such a line made the appendix trailing text (its tasks were lost). The
/// lines stay in the closing's span.
fn past_letterless(lines: &[Line], i: usize) -> usize {
    let letterless = |l: &Line| {
        l.marker().is_none()
            && l.full.chars().count() <= 12
            && !l.full.chars().any(char::is_alphabetic)
    };
    let mut k = i;
    for _ in 0..3 {
        match lines.get(k) {
            Some(l) if letterless(l) => k = skip_to_content(lines, k + 1),
            _ => break,
        }
    }
    match k > i && k < lines.len() && appendix_heading(lines, k) {
        true => k,
        false => past_page_leftover(lines, i),
    }
}

/// The appendix heading that opens a page, after what a scan left of the page before (`i`: at
/// most a page of short lines, none a sentence — "¬", "SỐ óãaãaãẽãẽ...", "LH" — then a page
/// marker; a page marker among them too), or `i`.
fn past_page_leftover(lines: &[Line], i: usize) -> usize {
    const PAGE: usize = 40;
    let mut k = i;
    let mut left = 0;
    while let Some(l) = lines.get(k) {
        if l.is_noise() {
            let heading = skip_to_content(lines, k);
            if left > 0 && heading < lines.len() && appendix_heading(lines, heading) {
                return heading;
            }
        } else if !l.is_blankish() {
            let short = l.full.chars().count() <= 48 && l.full.split_whitespace().count() <= 5;
            if !short || left == PAGE {
                return i;
            }
            left += 1;
        }
        k += 1;
    }
    i
}

fn skip_to_content(lines: &[Line], mut i: usize) -> usize {
    while i < lines.len() && (lines[i].is_blankish() || lines[i].is_noise()) {
        i += 1;
    }
    i
}

/// The closing starts at the first "Nơi nhận" line followed by a recipient (or at the
/// signature block just before it); without one, at the last signature authority line
/// ("TM. …", "T/M …"). Guides quote signature blocks as examples, so an authority line alone
/// does not end the body.
fn find_closing(ctx: &Ctx, from: usize) -> Option<usize> {
    let lines = ctx.lines;
    if !ctx.seen.closing {
        // No recipients' heading, authority line or flattened recipients: the searches for
        // them below would find none.
        return bare_signature(lines, from);
    }
    let recipients = (from..lines.len()).find(|&i| match lines[i].kind {
        LineKind::RecipientsStart => opens_recipients(lines, i),
        // "Nơi nhận:" in the left column with the signature on the right.
        _ => lines[i].full.starts_with("Nơi nhận") && lines[i].full.contains("   "),
    });
    match recipients {
        Some(r) => {
            // A signature block printed before "Nơi nhận" belongs to the closing too.
            let mut start = r;
            let mut k = r;
            while k > from && r - k < 12 {
                k -= 1;
                let l = &lines[k];
                if l.kind == LineKind::Authority {
                    start = k;
                } else if !(l.is_blankish() || l.is_noise() || is_upper(&l.full)) {
                    break;
                }
            }
            Some(start)
        }
        None => without_recipients(lines, from),
    }
}

/// Whether "Nơi nhận" line `i` opens the recipients: a recipient follows it, beside it or on
/// the next line the closing's reader takes.
fn opens_recipients(lines: &[Line], i: usize) -> bool {
    let rest = lines[i].clean().trim_start_matches(':').trim();
    // (Past what the closing's reader passes over: a lone "-" or "*" or a page
    // number under the heading left the recipients in the body.)
    let next = (i + 1..lines.len())
        .find(|&k| !closing::passed_over(&lines[k]))
        .unwrap_or(lines.len());
    // A recipient beside the heading is a bullet or a name ("Nơi nhận: - Như trên;",
    // "Nơi nhận: Như Điều 3;"); prose about recipients wrapped to a line's start is not
    // ("Nơi nhận văn bản trình bày góc phải, …", "Nơi nhận: ghi ở góc trái …" in a
    // guide to document format).
    let beside = rest.starts_with(|c: char| c == '-' || c.is_uppercase());
    // A sentence about recipients has no colon after the words ("Nơi nhận kế hoạch
    // này có trách nhiệm phổ biến …:" over a list of tasks made the rest of the
    // document the closing).
    let colon = lines[i].full.sub(..lines[i].clean_at()).contains(':');
    if !colon && rest.starts_with(char::is_lowercase) {
        return false;
    }
    // A lone bullet passed over is the next line's: its text wrapped to a line of its own
    // ("-" / "Thủ tướng Chính phủ (để b/c);" / "- Lãnh đạo BQP;").
    let bulleted = (i + 1..next).any(|k| closing::lone_bullet(&lines[k]));
    beside && rest.chars().count() < 60
        || lines.get(next).is_some_and(|l| {
            l.marker().is_some_and(|m| m.kind == MarkerKind::Indent)
                || l.kind == LineKind::Authority
                || bulleted && l.clean().starts_with(char::is_uppercase)
        })
}

/// Where the closing of a document without a recipients' heading starts: at its last
/// signature authority line before the appendices, at a flattened recipients' line, or at a
/// bare signature.
fn without_recipients(lines: &[Line], from: usize) -> Option<usize> {
    // The signature stands before the appendices: a form inside one has its own
    // ("TL. THỦ TRƯỞNG ĐƠN VỊ" under a payment request) and took the closing, the real
    // signature and the appendix with it.
    let annex = (from..lines.len())
        .find(|&i| appendix_heading(lines, i))
        .unwrap_or(lines.len());
    let signing = |i: &usize| lines[*i].kind == LineKind::Authority && signs(lines, *i);
    let last = (from..annex)
        .rev()
        .find(signing)
        .or_else(|| (annex..lines.len()).rev().find(signing));
    let Some(last) = last else {
        // A "Nơi nhận" block flattened into one line by a web copy, without its heading.
        let flat = (from..lines.len()).find(|&i| closing::is_flat_recipients(&lines[i].full));
        return flat.or_else(|| bare_signature(lines, from));
    };
    // The first of a run of authority lines (TM. … / KT. …).
    let mut start = last;
    while start > from
        && (lines[start - 1].kind == LineKind::Authority || lines[start - 1].is_blankish())
    {
        start -= 1;
    }
    Some(skip_to_content(lines, start).min(last))
}

/// Whether authority line `i` opens a signature block: it is no sentence (a line of 80
/// characters or more, or one ending with a full stop: "KT. Bộ trưởng, Thứ trưởng Bộ Nội vụ
/// chủ trì …") and no marked line follows its run of authority lines (a "TM. …" line among
/// a law's articles, say in an example, made the rest of the law its closing).
fn signs(lines: &[Line], i: usize) -> bool {
    let text = lines[i].full.trim_end();
    if text.chars().count() >= 80 || text.ends_with('.') {
        return false;
    }
    // (A dozen lines at most: thousands of authority lines are each asked.)
    let after = (i + 1..lines.len().min(i + 12))
        .find(|&k| !(lines[k].kind == LineKind::Authority || closing::passed_over(&lines[k])));
    after.is_none_or(|k| lines[k].marker().is_none())
}

/// A signature with no authority prefix at the end of the text: a short upper-case title
/// ("THỦ TƯỚNG", "CHỦ TỊCH QUỐC HỘI") followed within a few lines by the signer's name.
fn bare_signature(lines: &[Line], from: usize) -> Option<usize> {
    // The name stands last, or before a few lines of a website's trailer.
    (from..lines.len())
        .rev()
        .filter(|&i| !lines[i].is_blankish() && !lines[i].full.is_empty())
        .take(4)
        .find_map(|last| signature_ending_at(lines, from, last))
}

/// The title line of a signature whose signer's name is `lines[last]`.
fn signature_ending_at(lines: &[Line], from: usize, last: usize) -> Option<usize> {
    // The name, then back over blank lines and marks such as "[" or "(Đã ký)" to the title.
    closing::signer(&lines[last].full)?;
    let mut k = last;
    while k > from {
        k -= 1;
        let l = &lines[k];
        if l.is_blankish() || l.full.is_empty() || l.full.chars().all(|c| !c.is_alphanumeric()) {
            continue;
        }
        if closing::is_signature_note(&l.full) {
            continue;
        }
        let title = is_upper(&l.full) && l.full.chars().count() <= 50 && l.marker().is_none();
        return title.then_some(k);
    }
    None
}

/// A line that starts an appendix or an attached document: "PHỤ LỤC …", "Phụ lục I", or an
/// upper-case type name followed within three lines by "(Ban hành kèm theo …)" / "(Kèm theo …)".
fn appendix_heading(lines: &[Line], i: usize) -> bool {
    // (A marked line is none: no marker starts with the words below, and an upper-case
    // heading must be unmarked; a test checks the reading without this on every marked line.
    // One byte is neither a heading's start nor upper case. A list of a million bullets
    // asks a million times.)
    if lines[i].marker().is_some() || lines[i].full.len() < 2 {
        return false;
    }
    appendix_heading_read(lines, i)
}

/// [`appendix_heading`] without its shortcuts.
fn appendix_heading_read(lines: &[Line], i: usize) -> bool {
    let l = &lines[i];
    let f = l.full.as_str();
    if f.starts_with("PHỤ LỤC") || f.starts_with("PHỤ BIỂU") {
        return true;
    }
    // (Right after a lone "|", a cell of a one-cell-a-line table: a list of forms names the
    // "Phụ lục danh sách …" each form attaches.)
    if (f == "Phụ lục" || f.starts_with("Phụ lục ") || f.starts_with("Phụ lục:"))
        && f.chars().count() < 40
        && !lines::ends_sentence(f)
        && !i
            .checked_sub(1)
            .is_some_and(|p| lines[p].kind == LineKind::Pipe)
    {
        return true;
    }
    if l.marker().is_none() && specked_appendix_heading(f) {
        return true;
    }
    if (f.starts_with("Mẫu biểu") || f.starts_with("MẪU BIỂU") || f.starts_with("Biểu mẫu"))
        && f.chars().count() < 40
    {
        return true;
    }
    if !is_upper(f) || f.chars().count() >= 160 || l.marker().is_some() {
        return false;
    }
    let typed = f.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
    let names_a_type = vanban_model::DocumentKind::from_name(&typed).is_some()
        || vanban_model::DocumentKind::from_name(f.split_whitespace().next().unwrap_or(""))
            .is_some()
        || f.starts_with("DANH MỤC")
        || f.starts_with("BIỂU MẪU")
        || f.starts_with("MẪU ");
    if is_upper(f)
        && f.chars().count() < 160
        && l.marker().is_none()
        && (names_a_type || f.chars().count() >= 8)
    {
        // Within a few content lines (blank lines and page noise do not count), before any
        // marked line: "ĐIỀU KHOẢN THI HÀNH" / "Điều 44. …" / "1. Sửa đổi … ban hành" / "kèm
        // theo Luật …" is a chapter's title over a wrapped sentence, not an attachment.
        let near = lines[i + 1..]
            .iter()
            .filter(|m| !m.is_blankish() && !m.is_noise())
            .take(4)
            .take_while(|m| m.marker().is_none())
            .any(|m| attaches(&m.full));
        return near && l.kind == LineKind::Text;
    }
    false
}

/// Whether a line opens as an attachment's "(Ban hành kèm theo …)" / "(Kèm theo …)" does;
/// with the marks a scan lost set aside when the exact words miss ("(Ban hanh kem theo …").
fn attaches(full: &str) -> bool {
    let t = full.trim_start_matches('(');
    t.starts_with("Ban hành kèm theo")
        || t.starts_with("Kèm theo")
        || t.starts_with("kèm theo")
        || ["ban hanh kem theo", "kem theo"]
            .iter()
            .any(|w| vanban_text::loose::starts_with_unmarked(t, w))
}

/// A scan's specks before an appendix heading ("„ Sa „ Phụ lục": a stamp's edge or dust read
/// as marks and letters): the heading's words end the line, a number or a Roman numeral at
/// most after them, and what stands before them is short, holds a sign and no run of three
/// letters (no word of a sentence: "Xem Phụ lục", "và Phụ lục", "tại Phụ lục 2" stay text);
/// for an unmarked line ("a) Phụ lục" is a point).
fn specked_appendix_heading(f: &str) -> bool {
    let Some(at) = f.find("Phụ lục").or_else(|| f.find("PHỤ LỤC")) else {
        return false;
    };
    let before = f.sub(..at).trim();
    let after = f.sub(at + "Phụ lục".len()..).trim();
    let numbered = after.split_whitespace().count() <= 1
        && after.chars().all(|c| c.is_ascii_alphanumeric() || c == '.');
    let mut run = 0;
    let letter_runs_short = before.chars().all(|c| {
        run = if c.is_alphabetic() { run + 1 } else { 0 };
        run < 3
    });
    // (A speck is a sign: "và Phụ lục", "ở Phụ lục" are words.)
    let specked = before
        .chars()
        .any(|c| !c.is_alphanumeric() && !c.is_whitespace());
    specked && before.chars().count() <= 10 && letter_runs_short && numbered
}

fn appendix(
    ctx: &mut Ctx,
    from: usize,
    to: usize,
    number: usize,
    profile: &WrapProfile,
    joins: &mut Joins,
) -> Appendix {
    let lines = ctx.lines;
    let heading = lines[from].full.to_string();
    let mut title = Vec::new();
    let mut attached_to = None;
    let mut k = from + 1;
    while k < to && k < from + 12 {
        let l = &lines[k];
        // After the "(Kèm theo …)" line the content starts.
        if attached_to.is_some() && l.kind == LineKind::Pipe {
            break;
        }
        // A year a wrap put on a line of its own goes on with the title ("… ĐẾN NĂM" / "2030":
        // the title lost its year and the appendix's tasks their deadline, found at stop 59).
        if attached_to.is_none() && wrapped_year(&title, &l.full) {
            title.push(l.full.to_string());
            k += 1;
            continue;
        }
        if l.is_blankish() || l.kind == LineKind::Rule || l.is_noise() {
            k += 1;
            continue;
        }
        if attached_to.is_some() {
            break;
        }
        if attaches(&l.full) {
            let mut att = l.full.to_string();
            k += 1;
            while k < to && !att.trim_end().ends_with(')') && lines[k].kind == LineKind::Text {
                att.push(' ');
                att.push_str(&lines[k].full);
                k += 1;
            }
            attached_to = Some(att);
            continue;
        }
        if l.marker().is_some() || attached_to.is_some() && !is_upper(&l.full) {
            break;
        }
        if !is_upper(&l.full) && !title.is_empty() {
            break;
        }
        title.push(l.full.to_string());
        k += 1;
    }
    let id = format!("annex_{number}");
    let end_byte = ctx.line_start(to);
    let mut paras = Paragraphs::new(ctx.text, lines, (k, to), profile, ctx.seen);
    let children = build_tree(ctx, &mut paras, &id, end_byte);
    joins.add(std::mem::take(&mut paras.joins));
    Appendix {
        id,
        heading,
        title: (!title.is_empty()).then(|| title.join(" ")),
        attached_to,
        children,
        span: ctx.span(ctx.line_start(from), end_byte),
    }
}

/// Whether `line` is a year alone after a title line that ends asking for it ("NĂM", "năm").
fn wrapped_year(title: &[String], line: &str) -> bool {
    let asks = title
        .last()
        .is_some_and(|t| t.ends_with(" NĂM") || t.ends_with(" năm"));
    asks && line.len() == 4 && line.bytes().all(|b| b.is_ascii_digit())
}

/// Rank of a paragraph that holds quoted text: above every marker, so any marker closes it.
const QUOTE_HOST: u32 = u32::MAX - 1;

/// Rank of a table's group row ("I", "II.1" in its first cell): above every marker, so any
/// marker closes it, below [`QUOTE_HOST`]; deeper groups ("II.1") rank higher.
const TABLE_GROUP: u32 = u32::MAX - 16;

fn is_table_group(rank: u32) -> bool {
    (TABLE_GROUP..QUOTE_HOST).contains(&rank)
}

/// The rank of a table row numbered `number` when it is a group row (a Roman number).
fn group_rank(number: &str) -> Option<u32> {
    let first = number.split('.').next().unwrap_or("");
    let roman = !first.is_empty() && first.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    roman.then(|| TABLE_GROUP + number.matches('.').count().min(8) as u32)
}

/// The printed number of a table row: its first cell's number; a Roman number only on a group
/// row, that names its group in words ("I | Tăng cường sự lãnh đạo …", "I. Kinh tế số",
/// "III | THU TỪ HOẠT ĐỘNG XUẤT, NHẬP KHẨU | 315.000"), not on a row of column letters
/// ("X | Y").
fn row_number(cells: &[Str]) -> Option<Str> {
    let first = cells.first()?;
    let number = printed_number(first)?;
    if group_rank(&number).is_none() {
        return Some(number.into());
    }
    // The group's name: the rest of the first cell ("I. Kinh tế số") or the second cell.
    let own_words = first.split_whitespace().count().saturating_sub(1);
    let name_words = cells.get(1).map_or(0, |c| c.split_whitespace().count());
    (own_words.max(name_words) >= 2).then(|| number.into())
}

/// A node under construction. Until `finish` gives the tree its spans, `node.span.start`
/// holds the index of the node's first line (no second record per node is kept).
struct Building {
    node: Node,
    rank: u32,
}

/// The node of paragraph `p`; its text and cells are moved out of the paragraph.
fn new_node(p: &mut Para, kind: NodeKind) -> Building {
    Building {
        node: {
            let span = Span {
                start: p.first,
                ..Span::default()
            };
            let parts = Parts {
                marker: p.marker.map(|m| m.text()),
                number: p.marker.and_then(|m| m.number()),
                text: &p.text,
                ..Parts::default()
            };
            let mut node = Node::from_parts(kind, span, parts);
            node.cells = std::mem::take(&mut p.cells);
            node
        },
        rank: u32::MAX,
    }
}

/// Preamble paragraphs: a flat list (the paragraphs consumed as for the tree).
fn build_flat(ctx: &Ctx, paras: Vec<Para>, prefix: &str, end: usize) -> Vec<Node> {
    let mut out: Vec<Node> = Vec::with_capacity(paras.len());
    let start = paras.first().map(|p| ctx.line_start(p.first));
    for mut p in Releasing::new(paras) {
        if p.text.is_empty() && p.marker.is_none() {
            // Blank or noise lines before the first paragraph stay in the region: they are
            // absorbed into the next node's span by `finish`.
            continue;
        }
        out.push(new_node(&mut p, NodeKind::Paragraph).node);
    }
    finish(ctx, &mut out, prefix, start, end);
    out.shrink_to_fit();
    out
}

fn marker_node_kind(kind: MarkerKind, inside_article: bool) -> NodeKind {
    match kind {
        MarkerKind::Part => NodeKind::Part,
        MarkerKind::Chapter => NodeKind::Chapter,
        MarkerKind::Section => NodeKind::Section,
        MarkerKind::Subsection => NodeKind::Subsection,
        MarkerKind::Article => NodeKind::Article,
        MarkerKind::Group => NodeKind::Group,
        MarkerKind::Roman => NodeKind::Division,
        MarkerKind::Item if inside_article => NodeKind::Clause,
        MarkerKind::Item => NodeKind::Item,
        MarkerKind::Subitem => NodeKind::Subitem,
        MarkerKind::Point => NodeKind::Point,
        MarkerKind::Numbered => NodeKind::Numbered,
        MarkerKind::Indent => NodeKind::Indent,
        MarkerKind::Subindent => NodeKind::Subindent,
    }
}

const WRAP_UP: &[&str] = &[
    "Trên đây là",
    "Trong quá trình",
    "Quá trình",
    "Căn cứ ý kiến",
    "Căn cứ nội dung",
    "Yêu cầu các",
    "Đề nghị các",
    "Đề nghị Ủy ban",
    "Đề nghị Uỷ ban",
    "Giao Văn phòng",
];

/// Body paragraphs: a hierarchy by marker rank. The paragraphs are made as the tree takes
/// them (see [`Paragraphs`]); their texts move into the nodes.
fn build_tree(ctx: &mut Ctx, paras: &mut Paragraphs, prefix: &str, end: usize) -> Vec<Node> {
    let mut tree = Tree::default();
    // At most one root a paragraph (a flat list of bullets has as many); `shrink_to_fit`
    // below gives back what a nested document leaves unused.
    tree.roots.reserve_exact(paras.at_most_left());
    let start = paras.peek().map(|p| ctx.line_start(p.first));
    let mut last_group: Option<char> = None;
    loop {
        let idx = paras.next_index();
        let Some(mut p) = paras.next() else {
            break;
        };
        let p = &mut p;
        if p.text.is_empty() && p.marker.is_none() && p.cells.is_empty() {
            continue;
        }
        let fits = p
            .marker
            .is_some_and(|m| m.kind != MarkerKind::Group || group_continues(m, last_group));
        if fits {
            if let Some(m) = p.marker.filter(|m| m.kind == MarkerKind::Group) {
                last_group = m.number().and_then(|n| n.chars().next());
            }
            // ("**Điều 3. **Chánh Văn phòng …": the article's words are its text.)
            let worded = p.marker.is_some_and(|m| m.kind == MarkerKind::Article)
                && lines::worded_article(ctx.text, ctx.lines, p.first);
            tree.open(p, paras.peek(), worded);
            continue;
        }
        // Unmarked text (or a marker that does not fit, kept as text).
        let next_quoted = paras.peek().is_some_and(|n| n.quoted);
        tree.add_text(p, next_quoted, &mut || !paras.marker_after(idx));
    }
    tree.close_to(0);
    let mut roots = tree.roots;
    finish(ctx, &mut roots, prefix, start, end);
    roots.shrink_to_fit();
    roots
}

/// "A.", "B." count as a group level only as a sequence that starts at "A" ("Q. CHÁNH VĂN
/// PHÒNG" in a quoted example is text).
fn group_continues(m: &Marker, last: Option<char>) -> bool {
    let letter = m.number().and_then(|n| n.chars().next());
    match (letter, last) {
        (Some('A'), _) => true,
        (Some(c), Some(prev)) => next_group_letter(prev) == Some(c),
        _ => false,
    }
}

/// A hierarchy under construction: the open nodes, innermost last, and the finished roots.
#[derive(Default)]
struct Tree {
    roots: Vec<Node>,
    stack: Vec<Building>,
}

impl Tree {
    /// Close the innermost open node into its parent (or the roots).
    fn close(&mut self) {
        if let Some(b) = self.stack.pop() {
            self.add(b.node);
        }
    }

    /// Close open nodes while the innermost one satisfies `f`.
    fn close_while(&mut self, f: impl Fn(&Building) -> bool) {
        while self.stack.last().is_some_and(&f) {
            self.close();
        }
    }

    /// Close open nodes until `depth` are left open.
    fn close_to(&mut self, depth: usize) {
        while self.stack.len() > depth {
            self.close();
        }
    }

    /// Add a finished node to the innermost open node (or the roots).
    fn add(&mut self, node: Node) {
        match self.stack.last_mut() {
            Some(parent) => parent.node.children.push(node),
            None => self.roots.push(node),
        }
    }

    fn in_article(&self) -> bool {
        self.stack.iter().any(|b| b.node.kind == NodeKind::Article)
    }

    /// Open the node of a marked paragraph, after closing the nodes of the same or a deeper
    /// rank.
    fn open(&mut self, p: &mut Para, next: Option<&Para>, worded: bool) {
        let Some(m) = p.marker else {
            return;
        };
        let depth = m.number().map_or(1, |n| n.matches('.').count());
        let marker_kind = m.kind;
        let rank = marker_kind.rank(depth);
        self.close_while(|b| b.rank >= rank);
        let kind = marker_node_kind(marker_kind, self.in_article());
        let heading = !worded && has_heading(marker_kind, &p.text, next, rank);
        let mut b = new_node(p, kind);
        b.rank = rank;
        if heading {
            let text = Str::from(b.node.text());
            b.node.set_text("");
            b.node.set_heading((!text.is_empty()).then_some(&text));
        }
        self.stack.push(b);
    }

    /// Place an unmarked paragraph (`next_quoted`: the paragraph after it is quoted;
    /// `after_last_marker` asks whether no body marker comes after it).
    fn add_text(
        &mut self,
        p: &mut Para,
        next_quoted: bool,
        after_last_marker: &mut dyn FnMut() -> bool,
    ) {
        reject_marker_as_text(p);
        let kind = if p.quoted {
            NodeKind::Quoted
        } else if !p.cells.is_empty() {
            NodeKind::Row
        } else if is_note(&p.text) {
            NodeKind::Note
        } else {
            NodeKind::Paragraph
        };
        if kind != NodeKind::Row {
            // Text after a table ends its group rows.
            self.close_while(|b| is_table_group(b.rank));
        }
        self.close_for_text(p, kind, after_last_marker);
        // A heading's first paragraph is the node's own text.
        if kind == NodeKind::Paragraph && self.absorb(p) {
            return;
        }
        if !p.quoted {
            // Quoted text ends: close the paragraph that quoted it.
            self.close_while(|b| b.rank == QUOTE_HOST);
        }
        let mut b = new_node(p, kind);
        if kind == NodeKind::Row {
            // A row numbered in its first cell takes that number, as items take theirs; a
            // group row ("I | Tăng cường …") holds the rows under it.
            let number = row_number(&b.node.cells);
            b.node.set_number(number.as_deref());
            if let Some(rank) = b.node.number().and_then(group_rank) {
                self.close_while(|o| o.rank >= rank && is_table_group(o.rank));
                b.rank = rank;
                self.stack.push(b);
                return;
            }
        }
        if !p.quoted && next_quoted {
            // The paragraph that opens a quotation holds the quoted paragraphs.
            b.rank = QUOTE_HOST;
            self.stack.push(b);
            return;
        }
        self.add(b.node);
    }

    /// Close the open nodes an unmarked paragraph of `kind` does not belong to.
    fn close_for_text(
        &mut self,
        p: &Para,
        kind: NodeKind,
        after_last_marker: &mut dyn FnMut() -> bool,
    ) {
        if kind == NodeKind::Note && refers_to_annex(&p.text) {
            // A note pointing to an appendix ("(Cụ thể có phụ lục kèm theo)") belongs to the
            // enclosing item, not to the last point or bullet.
            self.close_while(|b| b.rank > MarkerKind::Item.rank(1));
        }
        if kind == NodeKind::Paragraph && self.list_ended_before(&p.text) {
            self.close();
        }
        // (An article keeps its own last paragraph: "Điều 3. … chịu trách nhiệm thi hành./.")
        let in_article = self.in_article();
        // The adoption sentence of a law or resolution ("… thông qua ngày …") belongs to the
        // whole document.
        static ADOPTED: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::Finder::new("thông qua ngày"));
        let adoption = ADOPTED
            .find(p.text.as_bytes())
            .is_some_and(|pos| date_in(p.text.sub(pos..)).is_some_and(|(_, d)| d.year.is_some()));
        // (Whether a marker follows is asked last: the answer may read paragraphs ahead.)
        if kind == NodeKind::Paragraph && adoption && after_last_marker() {
            self.close_to(0);
        }
        if kind == NodeKind::Paragraph
            && !in_article
            && !adoption
            && is_wrap_up(&p.text)
            && after_last_marker()
        {
            // The closing paragraph of the body belongs to the outermost section, or to the
            // body itself.
            let keep = self.stack.first().is_some_and(|b| {
                matches!(
                    b.node.kind,
                    NodeKind::Division | NodeKind::Part | NodeKind::Chapter | NodeKind::Group
                )
            });
            self.close_to(usize::from(keep));
        }
    }

    /// Whether an unmarked paragraph `text` comes after a list rather than inside its last
    /// entry: the innermost open node is a bullet or a point that ends a sentence with a full
    /// stop, after siblings of its kind none of which holds a paragraph of its own, and the
    /// paragraph starts a sentence that is no labelled line ("- … ." / "- … ." / "Bên cạnh
    /// những kết quả …" belongs to the list's parent; "Ví dụ: …", "Đơn vị chủ trì: …" stay
    /// with the entry before them, as do the paragraphs of entries that each have some).
    fn list_ended_before(&self, text: &str) -> bool {
        let Some((top, rest)) = self.stack.split_last() else {
            return false;
        };
        let node = &top.node;
        if !node.kind.is_list_entry() || !node.children.is_empty() {
            return false;
        }
        let own = node.text().trim_end_matches([' ', '*', '_']);
        if !own.ends_with('.') || own.ends_with("..") {
            return false;
        }
        let siblings: &[Node] = rest.last().map_or(&self.roots, |b| &b.node.children);
        let run = siblings.iter().rev().take_while(|s| s.kind == node.kind);
        let mut any = false;
        for s in run {
            if !s.children.is_empty() {
                return false;
            }
            any = true;
        }
        let labelled = text.bytes().take(40).any(|b| b == b':');
        any && !labelled && text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Take a paragraph as the text or heading of the innermost open node when that node has
    /// none yet; return whether it was taken.
    fn absorb(&mut self, p: &mut Para) -> bool {
        let Some(top) = self.stack.last_mut() else {
            return false;
        };
        // An article's marker alone on its line ("Điều 5." / "Trách nhiệm của Ủy ban nhân dân
        // cấp xã", as a PDF's layout prints it): a title under it is its heading.
        if top.node.kind == NodeKind::Article
            && top.node.heading().is_none()
            && top.node.text().is_empty()
            && top.node.children.is_empty()
            && p.text.chars().count() <= 150
            && !lines::ends_sentence(&p.text)
        {
            top.node.set_heading(Some(&std::mem::take(&mut p.text)));
            return true;
        }
        // An item whose text was wrapped onto the next line ("**1.**" / "Các cơ quan …").
        let bare_item = top.node.heading().is_none()
            && matches!(
                top.node.kind,
                NodeKind::Item
                    | NodeKind::Clause
                    | NodeKind::Subitem
                    | NodeKind::Point
                    | NodeKind::Article
            );
        if top.node.text().is_empty()
            && top.node.children.is_empty()
            && (bare_item
                || (top.node.heading().is_some() && matches!(top.node.kind, NodeKind::Article)))
        {
            top.node.set_text(&std::mem::take(&mut p.text));
            return true;
        }
        let titled = matches!(
            top.node.kind,
            NodeKind::Chapter | NodeKind::Part | NodeKind::Section | NodeKind::Subsection
        );
        if titled
            && top.node.heading().is_none()
            && is_upper(&p.text)
            && top.node.children.is_empty()
        {
            top.node.set_heading(Some(&std::mem::take(&mut p.text)));
            return true;
        }
        false
    }
}

/// A marker that does not fit where it stands is kept as text.
fn reject_marker_as_text(p: &mut Para) {
    if let Some(m) = p.marker.take() {
        p.text = format!("{} {}", m.text(), p.text).trim().into();
    }
}

fn next_group_letter(c: char) -> Option<char> {
    const LETTERS: &str = "ABCDĐEGHKLMNOPQRSTUVXY";
    let mut it = LETTERS.chars().skip_while(|&x| x != c);
    it.next()?;
    it.next()
}

fn refers_to_annex(t: &str) -> bool {
    let l = t.to_lowercase();
    l.contains("phụ lục") || l.contains("kèm theo") || l.contains("biểu mẫu")
}

fn is_note(t: &str) -> bool {
    let t = vanban_text::trim(t);
    t.starts_with('(') && t.ends_with(')') && t.matches('(').count() == t.matches(')').count()
}

fn is_wrap_up(t: &str) -> bool {
    let t = vanban_text::trim(t);
    // (Also a start OCR read with a mark lost: "Căn cú ý kiến chỉ đạo, …".)
    static LETTERS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        WRAP_UP
            .iter()
            .map(|w| vanban_text::loose::unmarked(w))
            .collect()
    });
    WRAP_UP.iter().any(|w| t.starts_with(w))
        || t.ends_with("./.")
        || t.ends_with("/.")
        || (header::may_start_capitalised(t) && header::starts_unmarked(t, &LETTERS))
}

/// Whether an article's words are a sentence: they end with the "./." of a closing article,
/// or with a full stop after eight words or more (a title has no full stop; a short one,
/// "Điều 5. Giải thích từ ngữ.", keeps its heading).
fn article_sentence(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with("/.") || t.ends_with('.') && t.split_whitespace().nth(7).is_some()
}

/// Whether the text after a marker is a heading: always for Phần … Điều and Roman or letter
/// groups; for items when the text is unfinished and a deeper marker follows, or is upper case.
fn has_heading(kind: MarkerKind, text: &str, next: Option<&Para>, rank: u32) -> bool {
    let deeper_next = || {
        next.and_then(|p| p.marker).is_some_and(|m| {
            let depth = m.number().map_or(1, |n| n.matches('.').count());
            m.kind.rank(depth) > rank
        })
    };
    match kind {
        MarkerKind::Part
        | MarkerKind::Chapter
        | MarkerKind::Section
        | MarkerKind::Subsection
        | MarkerKind::Group
        | MarkerKind::Roman => true,
        // A decision's article is a sentence, not a title: "Điều 2. Quyết định này có hiệu
        // lực thi hành kể từ ngày ký.", "Điều 3. Các ông (bà) Chánh Văn phòng … thi hành./.".
        MarkerKind::Article => {
            // (A title written with a full stop over its clauses keeps its heading: "Điều 1.
            // Sửa đổi, bổ sung một số điều của Thông tư số 43/2025/TT-BCT … khoáng sản." /
            // "1. Sửa đổi, bổ sung khoản 4 …".)
            !article_sentence(text) || deeper_next() && !text.trim_end().ends_with("/.")
        }
        MarkerKind::Item | MarkerKind::Subitem => {
            if text.is_empty() {
                return false;
            }
            if is_upper(text) {
                return true;
            }
            !lines::ends_sentence(text) && text.chars().count() <= 200 && deeper_next()
                || (!lines::ends_sentence(text)
                    && text.chars().count() <= 120
                    && next.is_some_and(|p| p.marker.is_none()))
        }
        _ => false,
    }
}

/// Assign ids and spans in place: a node runs from its first line (held in `span.start`
/// until now) to the start of the next sibling (or the end of its parent), so the nodes of a
/// region tile it without gaps.
fn finish(ctx: &Ctx, nodes: &mut [Node], prefix: &str, region_start: Option<usize>, end: usize) {
    finish_at(ctx, nodes, (prefix, region_start, end), &mut Vec::new());
}

/// [`finish`] at one level of the tree; `levels` holds the id makers of this level and the
/// deeper ones, reused from one parent to the next (a maker's buffers and maps were made and
/// given back for every parent).
fn finish_at(
    ctx: &Ctx,
    nodes: &mut [Node],
    (prefix, region_start, end): (&str, Option<usize>, usize),
    levels: &mut Vec<SiblingIds>,
) {
    let mut start = match nodes.first() {
        Some(first) => region_start.unwrap_or_else(|| ctx.line_start(first.span.start)),
        None => return,
    };
    let mut ids = levels.pop().unwrap_or_default();
    ids.reset(nodes);
    for k in 0..nodes.len() {
        let node_end = nodes
            .get(k + 1)
            .map_or(end, |next| ctx.line_start(next.span.start));
        let node = &mut nodes[k];
        node.set_id(ids.id_of(node, prefix));
        node.span = ctx.span(start, node_end);
        if !node.children.is_empty() {
            // (The parent's id read in place: a copy of it a parent was an allocation for
            // each id too long to be inline.)
            let (id, children) = node.id_and_children_mut();
            let child_start = children.first().map(|c| ctx.line_start(c.span.start));
            finish_at(ctx, children, (id, child_start, node_end), levels);
        }
        node.children.shrink_to_fit();
        start = node_end;
    }
    levels.push(ids);
}

/// The ids of one parent's children, made in order, each in the same buffer. No allocation
/// beyond one map key per distinct local id that is not an ordinal.
struct SiblingIds {
    /// How many times each local id other than an ordinal one ("item_3", "row_0") was given.
    /// Ordinal ids ("p_7") are never stored: each is given once, and whether one was given is
    /// read from the counters in `ordinals` (a million paragraphs make no entry here).
    seen: vanban_text::HashMap<String, usize>,
    ordinals: Vec<(&'static str, usize)>,
    local: String,
    /// Among rows with printed numbers, an unnumbered row (a header, a continuation) is
    /// counted under the last printed number before it ("row_0" for a header, "row_3_2").
    printed_rows: bool,
    last_printed: String,
    /// The id last made (one buffer for all siblings).
    id: String,
    /// The non-ordinal local id given last, and how many times it was given (0: none): its
    /// count is kept here, not in `seen`, until another id is given, so that siblings with
    /// one number ("1." a million times) are counted without a map lookup each. `seen` holds
    /// the count of every other id.
    repeated: String,
    repeated_count: usize,
}

impl Default for SiblingIds {
    fn default() -> SiblingIds {
        SiblingIds {
            // Grown as ids are given, not sized for every numbered sibling: a million "1."
            // items share one entry.
            seen: vanban_text::HashMap::default(),
            ordinals: Vec::new(),
            local: String::new(),
            printed_rows: false,
            last_printed: String::from("0"),
            id: String::new(),
            repeated: String::new(),
            repeated_count: 0,
        }
    }
}

impl SiblingIds {
    /// Ready for the children of another parent: nothing given yet (the buffers and maps keep
    /// their room).
    fn reset(&mut self, nodes: &[Node]) {
        // (A map grown by one parent's hundreds of numbered children is given back rather
        // than cleared: clearing costs its whole room, which each small parent after it
        // would pay again.)
        if self.seen.capacity() > 64 {
            self.seen = vanban_text::HashMap::default();
        } else {
            self.seen.clear();
        }
        self.ordinals.clear();
        self.local.clear();
        self.printed_rows = nodes
            .iter()
            .any(|n| n.kind == NodeKind::Row && n.number().is_some());
        self.last_printed.clear();
        self.last_printed.push('0');
        self.id.clear();
        self.repeated_count = 0;
    }

    /// How many times the id in `local` was given as a non-ordinal id.
    fn given(&self) -> usize {
        if self.repeated_count == 0 && self.seen.is_empty() {
            // (No lookup while nothing is stored: a million "1." items store only
            // `repeated`.)
            0
        } else if self.repeated_count > 0 && self.repeated.as_bytes() == self.local.as_bytes() {
            self.repeated_count
        } else {
            self.seen.get(self.local.as_str()).copied().unwrap_or(0)
        }
    }

    /// Count one more giving of the non-ordinal id in `local`; how many there were before.
    fn give(&mut self) -> usize {
        let given = self.given();
        if self.repeated_count == 0 || self.repeated.as_bytes() != self.local.as_bytes() {
            if self.repeated_count > 0 {
                let previous = std::mem::take(&mut self.repeated);
                self.seen.insert(previous, self.repeated_count);
            }
            self.repeated.clear();
            self.repeated.push_str(&self.local);
        }
        self.repeated_count = given + 1;
        given
    }

    /// The id of the next sibling: `prefix__local`, with "_2", "_3" … on a repeated local id.
    fn id_of(&mut self, node: &Node, prefix: &str) -> &str {
        let unnumbered_row = node.kind == NodeKind::Row && node.number().is_none();
        if self.printed_rows && node.kind == NodeKind::Row {
            match &node.number() {
                Some(n) => {
                    self.last_printed.clear();
                    self.last_printed.push_str(n);
                }
                None => {
                    self.local.clear();
                    self.local.push_str("row_");
                    self.local.push_str(&self.last_printed);
                }
            }
        }
        // The header row of a table whose rows print no number ("TT | Nhiệm vụ …" over rows
        // Word numbered by itself) is "row_0", as in numbered tables: the rows count from 1.
        let mut ordinal = false;
        let head_row = !self.printed_rows
            && unnumbered_row
            && node
                .cells
                .first()
                .is_some_and(|c| crate::tables::is_head(c));
        if head_row {
            self.local.clear();
            self.local.push_str("row_0");
        } else if !(self.printed_rows && unnumbered_row) {
            ordinal = local_id(&mut self.local, node, &mut self.ordinals);
        }
        // Given before: the times it was given as a non-ordinal id, plus once if it is the form
        // of an ordinal already given ("p_5" after five unnumbered paragraphs).
        let count = if ordinal {
            // (No call while nothing is stored: a million unnumbered paragraphs store
            // nothing.)
            match self.repeated_count == 0 && self.seen.is_empty() {
                true => 1,
                false => self.given() + 1,
            }
        } else {
            let as_ordinal = usize::from(ordinal_given(&self.local, &self.ordinals));
            self.give() + as_ordinal + 1
        };
        let id = &mut self.id;
        id.clear();
        if !prefix.is_empty() {
            id.push_str(prefix);
            id.push_str("__");
        }
        id.push_str(&self.local);
        if count > 1 {
            id.push('_');
            push_number(id, count);
        }
        id
    }
}

/// Kinds whose local id is always "kind_ordinal" (see [`local_id`]), numbered or not.
fn ordinal_only(kind: NodeKind) -> bool {
    matches!(kind, NodeKind::Indent | NodeKind::Subindent)
}

/// Whether `local` is an ordinal id already given: "kind_N" with N in 1 ..= the kind's counter,
/// written as [`push_number`] writes it.
fn ordinal_given(local: &str, ordinals: &[(&'static str, usize)]) -> bool {
    ordinals.iter().any(|&(prefix, given)| {
        local
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_prefix('_'))
            .filter(|n| !n.starts_with('0') && n.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|n| n.parse::<usize>().ok())
            .is_some_and(|n| n <= given)
    })
}

/// The id of `node` among its siblings before duplicates are counted: "item_3", "point_đ", or
/// for unnumbered nodes the kind and an ordinal ("para_2"); built in `local`. True for an
/// ordinal id.
fn local_id(local: &mut String, node: &Node, ordinals: &mut Vec<(&'static str, usize)>) -> bool {
    let kind_prefix = node.kind.id_prefix();
    local.clear();
    local.push_str(kind_prefix);
    local.push('_');
    match &node.number() {
        Some(num) if !ordinal_only(node.kind) => {
            local.extend(num.chars().map(|c| if c == ' ' { '_' } else { c }));
            false
        }
        _ => {
            let at = match ordinals.iter().position(|(p, _)| *p == kind_prefix) {
                Some(at) => at,
                None => {
                    ordinals.push((kind_prefix, 0));
                    ordinals.len() - 1
                }
            };
            ordinals[at].1 += 1;
            push_number(local, ordinals[at].1);
            true
        }
    }
}

/// Append `n` in decimal (with `itoa`: the formatting machinery cost a fifth of the ids'
/// time on a million list lines, a digit at a time a tenth).
fn push_number(s: &mut String, n: usize) {
    s.push_str(itoa::Buffer::new().format(n));
}

#[cfg(test)]
mod paragraph_tests {
    use super::*;
    use crate::line::Seen;

    /// The lowering skips the readers whose lines a document lacks (tables, the closing's
    /// searches, the cleanups' and repairs' diagnostics) and gets what they got when each
    /// ran, on every corpus document and its pieces (fails when a flag of `Seen` is left
    /// unset for a line a reader acts on: each reader skipped misreads the pieces).
    #[test]
    fn skipped_readers_would_have_found_nothing() {
        let all = Seen::everything();
        let mut set = crate::FlagCounts::default();
        let texts = crate::texts_and_pieces();
        for text in &texts {
            let map = crate::text::normalize(text).map;
            let (lines, seen) = lines::classify_seen(text);
            let read = |seen: Seen| {
                let mut ctx = Ctx::new(text, &lines, seen, &map);
                record_cleanups(&mut ctx);
                record_repaired_markers(&mut ctx);
                let closings: Vec<Option<usize>> = (0..lines.len())
                    .step_by(5)
                    .map(|from| find_closing(&ctx, from))
                    .collect();
                let profile = WrapProfile::of(text, &lines);
                let paras: Vec<_> = Paragraphs::new(text, &lines, (0, lines.len()), &profile, seen)
                    .map(|p| (p.first, p.text.to_string(), p.cells.len(), p.quoted))
                    .collect();
                let diags: Vec<String> = ctx.diagnostics.iter().map(|d| format!("{d:?}")).collect();
                (diags, closings, paras)
            };
            assert_eq!(read(seen), read(all), "{text}");
            set.count([
                seen.pipes,
                seen.table_heads,
                seen.closing,
                seen.markup,
                seen.page_headers,
            ]);
        }
        set.assert_both_ways(20);
    }

    /// No marked line is an appendix heading, nor a line of one byte, read in full: the
    /// shortcut `appendix_heading` takes (every line of the corpus, its pieces and bullets).
    #[test]
    fn marked_and_one_byte_lines_head_no_appendix() {
        let mut texts = crate::texts_and_pieces();
        texts.extend(
            [
                "- a\n",
                "-\n",
                "1.\n",
                "a)\n",
                "I. PHỤ LỤC\n",
                "1. Phụ lục\n",
            ]
            .map(|t| t.repeat(20)),
        );
        let mut marked = 0;
        for text in &texts {
            let lines = lines::classify(text);
            for i in 0..lines.len() {
                if lines[i].marker().is_some() || lines[i].full.len() < 2 {
                    assert!(!appendix_heading_read(&lines, i), "{:?}", lines[i].full);
                    marked += 1;
                }
            }
        }
        assert!(marked > 10_000, "{marked}");
    }

    /// An upper-case title heads an appendix when an attachment line ("(Kèm theo …)") follows
    /// it before any marked line; a wrapped sentence whose second line starts "kèm theo"
    /// under a chapter's title and an article does not make the title an appendix (a law lost
    /// its last articles and its date so).
    #[test]
    fn a_wrapped_kem_theo_under_a_chapter_title_heads_no_appendix() {
        let chapter = "ĐIỀU KHOẢN THI HÀNH\n\nĐiều 44. Sửa đổi luật\n\n1. Sửa đổi Phụ lục số 01 ban hành\nkèm theo Luật Phí và lệ phí số 97/2015/QH13 như sau:\n";
        let annex = "DANH MỤC NHIỆM VỤ\n\n(Kèm theo Kế hoạch số 5/KH-UBND)\n\n1. Việc một\n";
        let titled =
            "QUY CHẾ\nPhối hợp trong công tác\n(Ban hành kèm theo Quyết định số 5/QĐ-UBND)\n";
        // A scan's marks lost from the attachment's words.
        let scanned = titled.replace("Ban hành kèm theo", "Ban hanh kem theo");
        let scanned_annex = annex.replace("Kèm theo", "Kem thco");
        for (text, heads) in [
            (chapter, false),
            (annex, true),
            (titled, true),
            (scanned.as_str(), true),
            (scanned_annex.as_str(), false),
        ] {
            let lines = lines::classify(text);
            assert_eq!(appendix_heading(&lines, 0), heads, "{text}");
        }
    }

    /// A cell of a one-cell-a-line table (a list of forms, each naming the "Phụ lục danh
    /// sách …" it attaches) heads no appendix: right after a lone "|" it is a cell; the same
    /// words after a blank line head one.
    #[test]
    fn a_phu_luc_cell_of_a_table_heads_no_appendix() {
        for (text, heads) in [
            ("|\nMẫu số 08\n|\nPhụ lục danh sách người\n|\n", false),
            (
                "Mẫu số 08\n\nPhụ lục danh sách người\n\n(Kèm theo Công văn số 5)\n",
                true,
            ),
        ] {
            let lines = lines::classify(text);
            let at = lines
                .iter()
                .position(|l| l.full.starts_with("Phụ lục"))
                .expect("the line");
            assert_eq!(appendix_heading(&lines, at), heads, "{text}");
        }
    }

    /// A "Nơi nhận …" or "Kính gửi:" line that the body keeps (a notice's "Nơi nhận hồ sơ:
    /// …", a form's heading inside an appendix) keeps its words: they were cut from its text,
    /// and a heading alone on its line was dropped.
    #[test]
    fn a_recipients_word_the_body_keeps_is_kept_whole() {
        let text = "ỦY BAN NHÂN DÂN\nTỈNH A\nSố: 1/TB-UBND\n\nTHÔNG BÁO\nVề tuyển dụng\n\n\
                    1. Hồ sơ dự tuyển gồm các giấy tờ sau.\n\
                    Nơi nhận hồ sơ: Sở Nội vụ tỉnh A.\n\nNơi nhận:\n- Lưu: VT.\n\n\
                    KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n";
        let d = crate::parse(text).document;
        let texts: Vec<String> = d.body[0]
            .children
            .iter()
            .map(|n| n.text().to_string())
            .collect();
        assert_eq!(texts, ["Nơi nhận hồ sơ: Sở Nội vụ tỉnh A."]);
        assert_eq!(d.closing.recipients.len(), 0);
        assert!(d.closing.archive.is_some());
    }

    /// A scan's specks before an appendix heading keep it one ("„ Sa „ Phụ lục" in KL_75's
    /// scan: its appendix of targets was trailing text); a sentence that names an appendix
    /// does not head one.
    #[test]
    fn an_appendix_heading_behind_a_scans_specks_is_one() {
        for (text, heads) in [
            ("„ Sa „ Phụ lục\n", true),
            ("' . PHỤ LỤC II\n", true),
            ("~ Phụ lục 01\n", true),
            ("Xem Phụ lục\n", false),
            ("tại Phụ lục 2\n", false),
            ("„ Sa „ Phụ lục các chỉ tiêu\n", false),
            ("„ Sa „ „ Sa „ „ Phụ lục\n", false),
            ("và Phụ lục\n", false),
            ("Ở Phụ lục I\n", false),
        ] {
            let lines = lines::classify(text);
            assert_eq!(appendix_heading(&lines, 0), heads, "{text}");
        }
    }

    /// A year a wrap put on a line of its own under an appendix's title that asks for it ("…
    /// ĐẾN NĂM" / "2030") is the title's.
    #[test]
    fn an_appendix_title_wrapped_before_its_year_keeps_it() {
        let doc = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 12/KH-UBND\nKẾ HOẠCH\nVề rà soát\n\
                   I. NHIỆM VỤ\n1. Sở Nội vụ chủ trì.\nNơi nhận:\n- Bộ Nội vụ;\n- Lưu: VT.\n\
                   TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A\nPHỤ LỤC\n\
                   CÁC CHỈ TIÊU ĐẾN NĂM\n2030\n(Kèm theo Kế hoạch số 12/KH-UBND)\n\
                   1. Sở Tư pháp chủ trì.\n";
        let d = crate::parse(doc).document;
        let annex = d.appendices.first();
        assert_eq!(
            annex.and_then(|a| a.title.as_deref()),
            Some("CÁC CHỈ TIÊU ĐẾN NĂM 2030")
        );
        assert!(annex.is_some_and(|a| a.attached_to.is_some()));
        // A number after a title that asks for none is the content's.
        let other = doc.replace("ĐẾN NĂM\n2030", "ĐẾN NĂM 2030\n2030");
        let d = crate::parse(&other).document;
        assert_eq!(
            d.appendices.first().and_then(|a| a.title.as_deref()),
            Some("CÁC CHỈ TIÊU ĐẾN NĂM 2030")
        );
    }

    /// A line with no letter between the signature and an appendix (a page number left as
    /// text, "……", a lone quote mark) or a page number in any of its printed shapes inside
    /// the signature keeps the appendix and the signature whole; the appendix was trailing
    /// text and its tasks were lost.
    #[test]
    fn a_page_number_after_the_signature_keeps_the_appendix() {
        let doc = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 12/KH-UBND\nKẾ HOẠCH\nVề rà soát\n\
                   I. NHIỆM VỤ\n1. Sở Nội vụ chủ trì.\nNơi nhận:\n- Bộ Nội vụ;\n- Lưu: VT.\n\
                   TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A\nPHỤ LỤC\n\
                   DANH MỤC NHIỆM VỤ\n(Kèm theo Kế hoạch số 12/KH-UBND)\n1. Sở Tư pháp chủ trì.\n";
        let read = |text: &str| {
            let d = crate::parse(text).document;
            let signature = d.closing.signature.map(|s| s.lines);
            (signature, d.appendices.len(), d.trailing.is_some())
        };
        let whole = read(doc);
        assert_eq!(whole.1, 1);
        assert_eq!(whole.0.as_ref().map(Vec::len), Some(4));
        for stray in [
            "2",
            "- 2 -",
            "– 14 –",
            "Trang 3/10",
            "……",
            "“",
            "_",
            "12\n\n3",
        ] {
            for at in ["Nguyễn Văn A\n", "KT. CHỦ TỊCH\n"] {
                let text = doc.replacen(at, &format!("{at}{stray}\n"), 1);
                assert_eq!(read(&text), whole, "{text}");
            }
        }
        // A line with words there is still trailing text, not skipped.
        let worded = doc.replacen("Nguyễn Văn A\n", "Nguyễn Văn A\nGhi chú thêm\n", 1);
        assert_eq!(read(&worded).1, 0);
        // What a scan left of a page before the appendix's page (CTr_31: a page of specks)
        // keeps the appendix, with a diagnostic; a sentence there, or no page marker before
        // the appendix, is still trailing text.
        let page = "¬\n\"HH.  a\nSỐ óãaãaãẽãẽãẽ.ẽ... Sẽ...\nLH\n\n===== Trang 13 =====\n";
        let scanned = doc.replacen("Nguyễn Văn A\n", &format!("Nguyễn Văn A\n{page}"), 1);
        assert_eq!(read(&scanned), whole);
        let said = crate::parse(&scanned).diagnostics;
        assert!(said
            .iter()
            .any(|d| d.message.starts_with("3 lines left of a page")));
        let sentence = "Bản sao này được in từ hệ thống quản lý văn bản điện tử.\n";
        for (with, without) in [
            (page, page.replacen("LH\n", sentence, 1)),
            (page, page.replacen("===== Trang 13 =====\n", "", 1)),
        ] {
            assert_ne!(with, without);
            let text = doc.replacen("Nguyễn Văn A\n", &format!("Nguyễn Văn A\n{without}"), 1);
            assert_eq!(read(&text).1, 0, "{without}");
        }
    }

    /// The heading and text of each top unit of a decision with `body`.
    fn articles(body: &str) -> Vec<(Option<String>, String)> {
        let doc = format!(
            "ỦY BAN NHÂN DÂN TỈNH A\nSố: 27/2025/QĐ-UBND\n\nQUYẾT ĐỊNH\nVề an toàn điện\n\n\
             {body}\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Thanh Bình\n"
        );
        crate::parse(&doc)
            .document
            .body
            .iter()
            .map(|n| (n.heading().map(str::to_owned), n.text().to_owned()))
            .collect()
    }

    /// A decision's article is a sentence, not a title: its words are its text when its
    /// marker alone is emphasised ("**Điều 3. **Chánh" / "Văn phòng …", the line running on
    /// into the next) or when they end as a sentence does ("./.", or a full stop after eight
    /// words); a law's title keeps its heading, and so does one written with a full stop
    /// over its clauses, or one under a marker alone on its line (as a PDF's layout prints
    /// it: "Điều 5." / "Trách nhiệm của …" was the article's text), or one cut after a word
    /// that cannot end it ("Điều 6. Trách nhiệm của" / "Ủy ban nhân dân tỉnh Khánh Hòa").
    /// One syllable after the marker is no title: a line after it in capitals goes on with
    /// the article's words ("Điều 4. Chánh" / "Văn phòng …").
    #[test]
    fn a_decisions_article_is_a_sentence_not_a_title() {
        let worded = articles(
            "**Điều 1. **Ban\nhành kèm theo Quyết định này Quy định an toàn điện.\n\n\
             **Điều 2.** Quyết định này có\nhiệu lực từ ngày ký\n\n\
             **Điều 3. **Chánh\nVăn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Công Thương chịu \
             trách nhiệm thi hành Quyết định này./.",
        );
        assert_eq!(
            worded,
            [
                (
                    None,
                    "Ban hành kèm theo Quyết định này Quy định an toàn điện.".to_owned()
                ),
                (None, "Quyết định này có hiệu lực từ ngày ký".to_owned()),
                (
                    None,
                    "Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Công Thương chịu trách \
                     nhiệm thi hành Quyết định này./."
                        .to_owned()
                )
            ]
        );
        let plain = articles(
            "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n\
             Điều 3. Các ông (bà) Chánh Văn phòng căn cứ Quyết định thi hành./.\n\
             Điều 4. Chánh\nVăn phòng Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành./.",
        );
        assert!(
            plain.iter().all(|(h, t)| h.is_none() && !t.is_empty()),
            "{plain:?}"
        );
        assert_eq!(
            plain.last().map(|(_, t)| t.as_str()),
            Some("Chánh Văn phòng Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành./.")
        );
    }

    /// In a wrapped copy, words that hold a semicolon on a line as wide as the wrap are the
    /// article's, not a title ("Điều 3. Giám đốc Sở, …; Chủ tịch" / "Ủy ban nhân dân xã …", a
    /// scan's wrap); a short title with one stays a title, as in a copy a paragraph a line.
    #[test]
    fn an_article_listing_its_parties_is_no_title() {
        let wrapped = articles(
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế sử dụng Hệ thống lấy ý\n\
             kiến điện tử của Ủy ban nhân dân tỉnh trong việc xây dựng văn bản quy\n\
             phạm pháp luật và các văn bản hành chính của tỉnh.\n\
             Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký và thay thế\n\
             các quy định trước đây trái với Quyết định này.\n\
             Điều 3. Giám đốc Sở, Thủ trưởng cơ quan, ban, ngành tỉnh; Chủ tịch\n\
             Ủy ban nhân dân xã, phường; cơ quan, tổ chức và cá nhân có liên quan chịu\n\
             trách nhiệm thi hành Quyết định này./.",
        );
        assert_eq!(
            wrapped.last(),
            Some(&(
                None,
                "Giám đốc Sở, Thủ trưởng cơ quan, ban, ngành tỉnh; Chủ tịch Ủy ban nhân dân xã, \
                 phường; cơ quan, tổ chức và cá nhân có liên quan chịu trách nhiệm thi hành \
                 Quyết định này./."
                    .to_owned()
            )),
            "{wrapped:?}"
        );
        let titled = articles(
            "Điều 1. Phạm vi điều chỉnh\nLuật này quy định về dữ liệu.\n\
             Điều 2. Hiệu lực thi hành; quy định chuyển tiếp\n\
             Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026.",
        );
        assert_eq!(
            titled.get(1).and_then(|(h, _)| h.as_deref()),
            Some("Hiệu lực thi hành; quy định chuyển tiếp"),
            "{titled:?}"
        );
    }

    /// The titles the rules above leave titles (see
    /// `a_decisions_article_is_a_sentence_not_a_title`).
    #[test]
    fn a_title_stays_a_title() {
        let titled = articles(
            "**Điều 1. Phạm vi điều chỉnh**\nQuy định này quy định về an toàn điện.\n\
             **Điều 2.** **Đối tượng áp dụng**\nCác cơ quan, tổ chức.\n\
             Điều 3. Giải thích từ ngữ.\n\
             Điều 4. Sửa đổi, bổ sung một số điều của Thông tư số 43/2025/TT-BCT về an toàn.\n\
             1. Sửa đổi khoản 4 Điều 3.\n\
             Điều 5.\nTrách nhiệm của Ủy ban nhân dân cấp xã\n1. Chỉ đạo xử lý vi phạm.\n\
             Điều 6. Trách nhiệm của\nỦy ban nhân dân tỉnh Khánh Hòa\n1. Phối hợp tiếp đón.\n\
             Điều 7. Vị\ntrí và chức năng\n1. Sở Tư pháp là cơ quan chuyên môn.\n\
             **Điều 8.** Phạm vi điều chỉnh\nLuật này quy định về an toàn điện.",
        );
        let headings: Vec<Option<&str>> = titled.iter().map(|(h, _)| h.as_deref()).collect();
        assert_eq!(
            headings,
            [
                Some("Phạm vi điều chỉnh"),
                Some("Đối tượng áp dụng"),
                Some("Giải thích từ ngữ."),
                Some("Sửa đổi, bổ sung một số điều của Thông tư số 43/2025/TT-BCT về an toàn."),
                Some("Trách nhiệm của Ủy ban nhân dân cấp xã"),
                Some("Trách nhiệm của Ủy ban nhân dân tỉnh Khánh Hòa"),
                Some("Vị trí và chức năng"),
                Some("Phạm vi điều chỉnh")
            ]
        );
        assert!(lines::marker_alone_emphasised(
            "**Điều 3.**** **Các Bộ trưởng"
        ));
        assert!(!lines::marker_alone_emphasised(
            "**Điều 3.** **Các Bộ trưởng**"
        ));
        assert!(!lines::marker_alone_emphasised("**Điều 3. Các Bộ trưởng**"));
        assert!(!lines::marker_alone_emphasised("**Chương 3.** Các Bộ"));
    }

    /// A bold title wrapped over four lines is one heading, whatever its lines start with
    /// ("20/2023/NQ-HĐND …" cut it after two); a run closed on a line does not pull the
    /// sentence after it into the paragraph ("… *(Đính kèm" / "Bảng tiêu chí)*." / "Đề nghị
    /// …" were one); a stray "**" that nothing closes holds one line.
    #[test]
    fn an_emphasis_run_holds_its_lines_until_it_closes() {
        let doc = |body: &str| {
            format!(
                "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HUẾ\nSố: 37/2025/NQ-HĐND\n\nNGHỊ QUYẾT\n\
                 Sửa đổi Quy định\n\n{body}\n\nTM. HỘI ĐỒNG NHÂN DÂN\nCHỦ TỊCH\n\
                 Nguyễn Văn Phương\n"
            )
        };
        let p = crate::parse(&doc(
            "**Điều 1. Sửa\nđổi, bổ sung một số điều của Quy định ban hành kèm theo Nghị quyết số\n\
             20/2023/NQ-HĐND ngày 21 tháng 8 năm 2023 của Hội đồng nhân dân tỉnh Thừa Thiên\n\
             Huế (nay thành phố Huế)**\n\n1. Sửa đổi khoản 2 Điều 2.",
        ));
        let first = p.document.body.first();
        assert_eq!(
            first.and_then(|n| n.heading()),
            Some(
                "Sửa đổi, bổ sung một số điều của Quy định ban hành kèm theo Nghị quyết số \
                 20/2023/NQ-HĐND ngày 21 tháng 8 năm 2023 của Hội đồng nhân dân tỉnh Thừa \
                 Thiên Huế (nay thành phố Huế)"
            )
        );
        assert_eq!(first.map(|n| n.text()), Some(""));
        let p = crate::parse(&doc(
            "1. Sở hướng dẫn đánh giá theo Bảng tiêu chí *(Đính kèm\nBảng tiêu chí)*.\n\
             Đề nghị Ủy ban nhân dân phường gửi kết quả về Sở.",
        ));
        let body = &p.document.body;
        let texts: Vec<&str> = body
            .iter()
            .flat_map(|n| std::iter::once(n).chain(n.children.iter()))
            .map(|n| n.text())
            .collect();
        assert_eq!(
            texts,
            [
                "Sở hướng dẫn đánh giá theo Bảng tiêu chí (Đính kèm Bảng tiêu chí).",
                "Đề nghị Ủy ban nhân dân phường gửi kết quả về Sở."
            ]
        );
        // A stray "**" that no line near it closes holds one line, not five.
        let p = crate::parse(&doc("1. Nhiệm vụ\n**Sở Tài chính thẩm định dự toán\n\
                                   Sở Nội vụ tổng hợp biên chế\nSở Xây dựng cấp phép xây dựng\n\
                                   Sở Y tế kiểm tra an toàn thực phẩm"));
        let paragraphs = p.document.body.first().map_or(0, |n| n.children.len());
        assert!(paragraphs >= 3, "{:#?}", p.document.body);
    }

    /// A line the closing's reader passes over (a lone "-", "*", "—", a page number) right
    /// under "Nơi nhận:" keeps the recipients in the closing; they were left in the body
    /// and the closing had none.
    #[test]
    fn a_stray_line_under_the_recipients_heading_keeps_the_recipients() {
        let doc = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 12/KH-UBND\nKẾ HOẠCH\nVề rà soát\n\
                   I. NHIỆM VỤ\n1. Sở Nội vụ chủ trì.\nNơi nhận:\n- Bộ Nội vụ;\n- Sở Tư pháp;\n\
                   - Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n";
        let read = |text: &str| {
            let d = crate::parse(text).document;
            let names: Vec<String> = d.closing.recipients.into_iter().map(|r| r.name).collect();
            (names, d.closing.archive.is_some())
        };
        let whole = read(doc);
        assert_eq!(whole.0.len(), 2, "{whole:?}");
        for stray in ["-", "*", "—", "12", "\n-\n"] {
            let text = doc.replacen("Nơi nhận:\n", &format!("Nơi nhận:\n{stray}\n"), 1);
            assert_eq!(read(&text), whole, "{text}");
        }
    }

    /// Body lines that look like a closing's marks do not start the closing: a sentence that
    /// begins "Nơi nhận" without a colon over a list of tasks, a "TM. …" line among a law's
    /// articles, a sentence that begins "KT." (each made the rest of the document the
    /// closing: its tasks, and the real signature, were lost).
    #[test]
    fn closing_marks_inside_the_body_start_no_closing() {
        let plan = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 12/KH-UBND\nKẾ HOẠCH\nVề rà soát\n\
                    I. NHIỆM VỤ\n1. Sở Nội vụ chủ trì tập huấn.\n2. Sở Tư pháp chủ trì rà soát.\n\
                    Nơi nhận:\n- Bộ Nội vụ;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n";
        let law = "QUỐC HỘI\nLuật số: 84/2025/QH15\nLUẬT\nTHANH TRA\nĐiều 1. Phạm vi\n\
                   Luật này quy định về thanh tra.\nĐiều 2. Trách nhiệm\n\
                   1. Bộ Nội vụ chủ trì hướng dẫn thi hành Luật này.\n\
                   2. Bộ Tài chính bảo đảm kinh phí.\nĐiều 3. Hiệu lực\n\
                   Luật này có hiệu lực từ ngày 01 tháng 7 năm 2025.\nCHỦ TỊCH QUỐC HỘI\n\
                   Trần Thanh Mẫn\n";
        let read = |text: &str| {
            let d = crate::parse(text).document;
            let nodes = d.nodes().count();
            let signature = d.closing.signature.map(|s| s.lines);
            (signature, d.closing.recipients.len(), nodes)
        };
        let cases = [
            (
                plan,
                "1. Sở Nội vụ chủ trì tập huấn.\n2. Sở Tư pháp chủ trì rà soát.\n",
                "Nơi nhận kế hoạch này có trách nhiệm phổ biến:\n- Sở Nội vụ chủ trì tập huấn.\n\
                 - Sở Tư pháp chủ trì rà soát.\n",
            ),
            (
                law,
                "Điều 2. Trách nhiệm\n",
                "TM. ỦY BAN NHÂN DÂN\nĐiều 2. Trách nhiệm\n",
            ),
            (
                law,
                "1. Bộ Nội vụ chủ trì",
                "KT. Bộ trưởng, Thứ trưởng Bộ Nội vụ chủ trì",
            ),
            (
                law,
                "Luật này có hiệu lực",
                "KT. Bộ trưởng ký văn bản hướng dẫn; Luật này có hiệu lực",
            ),
        ];
        for (doc, from, to) in cases {
            let whole = read(doc);
            assert!(whole.0.is_some(), "{doc}");
            let text = doc.replacen(from, to, 1);
            let got = read(&text);
            assert_eq!((&got.0, got.1), (&whole.0, whole.1), "{text}");
            assert!(
                got.2 + 1 >= whole.2,
                "{text}: {} nodes, {} before",
                got.2,
                whole.2
            );
        }
    }

    /// Without "Nơi nhận", the signature is looked for before the appendices: a form's own
    /// signature inside an appendix ("TL. THỦ TRƯỞNG ĐƠN VỊ") took the closing, the real
    /// signature and the appendix.
    #[test]
    fn a_forms_signature_inside_an_appendix_is_not_the_documents() {
        let text = "BỘ TÀI CHÍNH\nSố: 12/2026/TT-BTC\nTHÔNG TƯ\nHướng dẫn quản lý kinh phí\n\
                    Điều 1. Phạm vi\nThông tư này hướng dẫn quản lý kinh phí.\n\
                    KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn A\n\nPHỤ LỤC\nMẪU GIẤY ĐỀ NGHỊ\n\
                    (Kèm theo Thông tư số 12/2026/TT-BTC)\n1. Tên đơn vị:\n2. Số tiền:\n\
                    TL. THỦ TRƯỞNG ĐƠN VỊ\nKẾ TOÁN TRƯỞNG\n";
        let d = crate::parse(text).document;
        let signer = d.closing.signature.and_then(|s| s.name);
        assert_eq!(signer.as_deref(), Some("Nguyễn Văn A"));
        assert_eq!(d.appendices.len(), 1);
    }

    /// A closing paragraph of the body ("Căn cứ ý kiến chỉ đạo, yêu cầu …") belongs to the
    /// body, not to the last item, also when OCR lost a mark of its opening words ("Căn cú");
    /// in capitals it is no such start.
    #[test]
    fn a_wrap_up_read_with_a_mark_lost_is_still_one() {
        for (start, wraps) in [
            ("Căn cứ ý kiến", true),
            ("Căn cú ý kiến", true),
            ("Cân cứ y kiên", true),
            ("CĂN CÚ Ý KIẾN", false),
            ("Căn cứu ý kiến", false),
        ] {
            let text = format!(
                "I. MỤC TIÊU\n\n1. Việc thứ nhất.\n\n2. Việc thứ hai.\n\n\
                 {start} chỉ đạo, yêu cầu các Sở, ngành triển khai thực hiện.\n"
            );
            let d = crate::parse(&text).document;
            let roots: Vec<String> = d.body.iter().map(|n| n.id().to_string()).collect();
            let under_section = d.body.first().map_or(0, |n| n.children.len());
            assert_eq!(
                under_section == 3,
                wraps,
                "{start}: {roots:?} {under_section}"
            );
        }
    }

    /// A long body is read a quotation window at a time: finding where the preamble ends
    /// reads no paragraph ahead of the body's first (fails when it looks for a marker through
    /// a body that has none, as it did at first).
    #[test]
    fn a_long_body_is_read_a_window_at_a_time() {
        for line in ["-", "1. Một", "a) điểm", "Văn bản thường.", "“Trích.”"] {
            let text = format!("{line}\n").repeat(5000);
            let (lines, seen) = lines::classify_seen(&text);
            let profile = WrapProfile::of(&text, &lines);
            let mut paras = Paragraphs::new(&text, &lines, (0, lines.len()), &profile, seen);
            assert_eq!(preamble_end(&mut paras), 0, "{line}");
            assert_eq!(paras.by_ref().map(|p| p.first).last(), Some(4999));
            let held = paras.most_held;
            assert!(held <= lines::QUOTE_WINDOW + 2, "{line}: {held}");
        }
    }
}

#[cfg(test)]
mod sibling_id_tests {
    use super::*;

    /// Numbers are written as `format!` writes them.
    #[test]
    fn numbers_are_written_in_decimal() {
        let mut n = 0usize;
        let mut cases = vec![usize::MAX, usize::MAX / 10];
        while n < usize::MAX / 7 {
            cases.extend([n, n + 1, n + 9]);
            n = n * 7 + 3;
        }
        for n in cases {
            let mut s = String::from("p_");
            push_number(&mut s, n);
            assert_eq!(s, format!("p_{n}"));
        }
    }

    fn node(kind: NodeKind, number: Option<&str>) -> Node {
        Node::new(kind, vanban_model::Span::default()).with_number(number)
    }

    /// Ordinal ids are counted from the ordinal counters, not stored: every sibling list of up
    /// to five nodes (paragraphs, items and "sec" kinds, numbered like an ordinal or not)
    /// gets the ids a map of every local id would give.
    #[test]
    fn ordinal_ids_count_as_a_map_of_every_id_would() {
        let alphabet = [
            node(NodeKind::Paragraph, None),
            node(NodeKind::Paragraph, Some("1")),
            node(NodeKind::Paragraph, Some("2")),
            node(NodeKind::Paragraph, Some("01")),
            node(NodeKind::Section, Some("1")),
            node(NodeKind::Division, None),
            node(NodeKind::Item, Some("1")),
            node(NodeKind::Indent, Some("1")),
        ];
        let n = alphabet.len();
        // One maker for every sequence, reset between them as `finish` reuses it from one
        // parent to the next: what one parent gave must not count for the next.
        let mut ids = SiblingIds::default();
        for len in 1..=5u32 {
            for code in 0..n.pow(len) {
                let nodes: Vec<Node> = (0..len)
                    .map(|i| alphabet[code / n.pow(i) % n].clone())
                    .collect();
                ids.reset(&nodes);
                let mut every: vanban_text::HashMap<String, usize> = Default::default();
                for nd in &nodes {
                    let id = ids.id_of(nd, "").to_owned();
                    let count = every.entry(ids.local.clone()).or_default();
                    *count += 1;
                    let want = match *count {
                        1 => ids.local.clone(),
                        c => format!("{}_{c}", ids.local),
                    };
                    assert_eq!(
                        id,
                        want,
                        "{:?}",
                        nodes
                            .iter()
                            .map(|x| (x.kind, x.number()))
                            .collect::<Vec<_>>()
                    );
                }
            }
        }
    }
}
