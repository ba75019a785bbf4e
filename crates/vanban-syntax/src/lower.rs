//! Lowering: from classified lines to the typed [`Document`]. Regions are found first (front
//! matter, header, preamble, body, closing, appendices, trailing text); the body hierarchy is
//! built with a stack ordered by marker rank, so nesting follows the markers, not indentation.

use vanban_model::{Appendix, Diagnostic, Document, Extra, Node, NodeKind, Severity, Span};
use vanban_text::Sub;

use crate::clean::is_upper;
use crate::header::{self, starts_preamble};
use crate::lines::{self, Line, LineKind, MarkerKind, Para, WrapProfile};
use crate::text::OffsetMap;

/// Shared state of one parse.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub lines: &'a [Line],
    pub map: &'a OffsetMap,
    pub diagnostics: Vec<Diagnostic>,
    /// The text lower-cased (offsets kept), made when an upper-case header phrase needs it.
    lower: std::cell::OnceCell<String>,
}

impl<'a> Ctx<'a> {
    pub(crate) fn span(&self, start: usize, end: usize) -> Span {
        let (line, column) = self.map.line_col(start);
        Span {
            start,
            end,
            line,
            column,
        }
    }

    pub(crate) fn diag(
        &mut self,
        code: &str,
        severity: Severity,
        message: impl Into<String>,
        span: Span,
    ) {
        self.diagnostics.push(Diagnostic {
            code: code.to_owned(),
            severity,
            message: message.into(),
            span,
        });
    }

    fn line_start(&self, i: usize) -> usize {
        self.lines.get(i).map_or(self.text.len(), |l| l.start)
    }

    /// Give an upper-case header phrase the casing the document itself uses for it, e.g.
    /// "SỞ CÔNG THƯƠNG" → "Sở Công Thương"; otherwise sentence case, or for a locality
    /// ("TỈNH TUYÊN QUANG") the unit word in lower case and the name capitalised.
    pub(crate) fn display_case(&self, phrase: &str, locality: bool) -> String {
        let phrase = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
        if !is_upper(&phrase) {
            return phrase;
        }
        let needle = crate::text::fold_case(&phrase);
        {
            let lower = self.lower.get_or_init(|| crate::text::fold_case(self.text));
            for (pos, _) in lower.match_indices(&needle) {
                let end = pos + needle.len();
                let Some(orig) = self.text.get(pos..end) else {
                    continue;
                };
                let boundary_ok = !self
                    .text
                    .sub(..pos)
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
                    && !self
                        .text
                        .sub(end..)
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if boundary_ok && orig.chars().any(char::is_lowercase) && !is_upper(orig) {
                    let first_upper = orig.chars().next().is_some_and(char::is_uppercase);
                    if locality || first_upper {
                        return orig.to_owned();
                    }
                    // Capitalise the first letter of a body name found mid-sentence.
                    let mut cs = orig.chars();
                    if let Some(f) = cs.next() {
                        return f.to_uppercase().chain(cs).collect();
                    }
                }
            }
        }
        let lower = phrase.to_lowercase();
        if !locality {
            // "ĐẢNG BỘ TỈNH LÀO CAI": the body in sentence case, the locality in its own case.
            for unit in [
                " tỉnh ",
                " thành phố ",
                " huyện ",
                " quận ",
                " xã ",
                " phường ",
            ] {
                if let Some(pos) = lower.find(unit) {
                    let (body, place) = phrase.split_at(pos);
                    return format!(
                        "{} {}",
                        capitalize(&body.to_lowercase()),
                        self.display_case(place.trim(), true)
                    );
                }
            }
        }
        if locality {
            let mut words = lower.split(' ');
            let mut out = String::new();
            let unit_len = if lower.starts_with("thành phố")
                || lower.starts_with("thị xã")
                || lower.starts_with("thị trấn")
                || lower.starts_with("đặc khu")
            {
                2
            } else {
                1
            };
            for (k, w) in words.by_ref().enumerate() {
                if !out.is_empty() {
                    out.push(' ');
                }
                if k < unit_len {
                    out.push_str(w);
                } else {
                    out.push_str(&capitalize(w));
                }
            }
            return out;
        }
        capitalize(&lower)
    }
}

fn capitalize(w: &str) -> String {
    let mut cs = w.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// Lower the normalised text into a document and its diagnostics.
pub(crate) fn lower(text: &str, map: &OffsetMap) -> (Document, Vec<Diagnostic>) {
    let lines = lines::classify(text);
    let mut ctx = Ctx {
        text,
        lines: &lines,
        map,
        diagnostics: Vec::new(),
        lower: std::cell::OnceCell::new(),
    };
    let mut doc = Document::default();
    let n = lines.len();
    if lines.iter().all(Line::is_blankish) {
        let span = ctx.span(0, text.len());
        ctx.diag(
            "empty-document",
            Severity::Warning,
            "the document is empty",
            span,
        );
        doc.header.span = span;
        return (doc, ctx.diagnostics);
    }
    record_cleanups(&mut ctx);

    // Header.
    let h0 = header::find_start(&ctx);
    let (header_start, preamble_start) = match h0 {
        Some(h0) => {
            let read = header::read(&mut ctx, h0);
            doc.header = read.header;
            (h0, read.end)
        }
        None => {
            let span = ctx.span(0, 0);
            ctx.diag(
                "header-missing",
                Severity::Error,
                "no header found: no national motto, Party heading or \"Số:\" line near the top",
                span,
            );
            (0, 0)
        }
    };
    if header_start > 0 {
        doc.front_matter = Some(extra(&ctx, 0, header_start));
        let span = ctx.span(0, ctx.line_start(header_start));
        ctx.diag(
            "front-matter",
            Severity::Info,
            format!(
                "{} lines before the header are not part of the document (a website banner?); kept as front matter",
                header_start
            ),
            span,
        );
    }
    doc.header.span = ctx.span(ctx.line_start(header_start), ctx.line_start(preamble_start));
    if h0.is_some() {
        check_header(&mut ctx, &doc);
    }

    // Closing, appendices, trailing text.
    let closing_start = find_closing(&ctx, preamble_start);
    let appendix_start_in_body = closing_start
        .is_none()
        .then(|| (preamble_start..n).find(|&i| appendix_heading(&lines, i)))
        .flatten();
    let body_end = closing_start.or(appendix_start_in_body).unwrap_or(n);
    let (after_closing, trailing_start) = match closing_start {
        Some(c0) => {
            let (closing, end) = crate::closing::read(&mut ctx, c0, n);
            doc.closing = closing;
            let a0 = skip_to_content(&lines, end);
            doc.closing.span = Some(ctx.span(ctx.line_start(c0), ctx.line_start(a0)));
            (a0, None::<usize>)
        }
        None => {
            let span = ctx.span(text.len(), text.len());
            ctx.diag(
                "closing-missing",
                Severity::Info,
                "no closing found (no \"Nơi nhận\" and no signature block)",
                span,
            );
            (body_end, None)
        }
    };
    let _ = trailing_start;

    // Preamble and body.
    let profile = WrapProfile::of(&lines);
    let mut joins = 0;
    let paras = lines::paragraphs(text, &lines, preamble_start, body_end, &profile, &mut joins);
    // The body starts at the first marker; "- Căn cứ …" bullets are still preamble.
    let first_marker = paras.iter().position(|p| {
        p.marker.is_some()
            && !p.quoted
            && !(p
                .marker
                .as_ref()
                .is_some_and(|m| m.kind == MarkerKind::Indent)
                && starts_preamble(&p.text))
    });
    // The enacting formula ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:") closes the preamble.
    let enacting = paras
        .iter()
        .position(|p| p.marker.is_none() && is_enacting_formula(&p.text))
        .map(|k| k + 1);
    let preamble_end = match first_marker {
        Some(k) if enacting.is_some_and(|e| e < k) => enacting.unwrap_or(k),
        Some(k) => k,
        None => paras
            .iter()
            .position(|p| !starts_preamble(&p.text) && !is_upper(&p.text) && !p.text.is_empty())
            .unwrap_or(paras.len()),
    };
    let body_end_byte = ctx.line_start(body_end);
    let preamble_end_byte = paras
        .get(preamble_end)
        .map_or(body_end_byte, |p| ctx.line_start(p.first));
    doc.preamble = build_flat(&ctx, &paras[..preamble_end], "preamble", preamble_end_byte);
    doc.body = build_tree(&mut ctx, &paras[preamble_end..], "", body_end_byte);

    // Appendices and what follows.
    let mut k = if closing_start.is_some() {
        after_closing
    } else {
        body_end
    };
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
        if appendix_heading(&lines, k) || (annex > 0) {
            annex += 1;
            let mut after_title = k + 1;
            while after_title < n
                && (lines[after_title].is_blankish()
                    || lines[after_title].is_noise()
                    || lines[after_title].kind == LineKind::Rule
                    || (is_upper(&lines[after_title].full)
                        && lines[after_title].marker().is_none()))
            {
                after_title += 1;
            }
            let next = (after_title..n)
                .find(|&i| appendix_heading(&lines, i))
                .unwrap_or(n);
            appendices.push(appendix(&mut ctx, k, next, annex, &profile, &mut joins));
            k = next;
        } else {
            trailing_from = Some(k);
            break;
        }
    }
    if let Some(t) = trailing_from {
        let start = appendices
            .last()
            .map(|a: &Appendix| a.span.end)
            .or(doc.closing.span.map(|s| s.end))
            .unwrap_or(ctx.line_start(t));
        let mut e = extra(&ctx, t, n);
        e.span = ctx.span(start.min(ctx.line_start(t)), text.len());
        ctx.diag(
            "trailing-text",
            Severity::Info,
            "text after the document that is not an appendix; kept as trailing text",
            e.span,
        );
        doc.trailing = Some(e);
    }
    doc.appendices = appendices;
    adoption_date(&mut ctx, &mut doc, body_end);
    tile(&ctx, &mut doc);
    if joins > 0 {
        let span = ctx.span(0, 0);
        ctx.diag(
            "joined-lines",
            Severity::Info,
            format!("{joins} hard-wrapped lines joined into their paragraphs"),
            span,
        );
    }
    (doc, ctx.diagnostics)
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
        let (_, parts) = header::date_in(&text)?;
        Some((i, parts))
    });
    if let Some((i, parts)) = found {
        if let Some(iso) = parts.iso() {
            let span = ctx.span(ctx.lines[i].start, ctx.lines[i].end);
            ctx.diag(
                "date-from-adoption",
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
    let mut pieces: Vec<&mut Span> = Vec::new();
    if let Some(f) = doc.front_matter.as_mut() {
        pieces.push(&mut f.span);
    }
    pieces.push(&mut doc.header.span);
    pieces.extend(doc.preamble.iter_mut().map(|n| &mut n.span));
    pieces.extend(doc.body.iter_mut().map(|n| &mut n.span));
    if let Some(c) = doc.closing.span.as_mut() {
        pieces.push(c);
    }
    pieces.extend(doc.appendices.iter_mut().map(|a| &mut a.span));
    if let Some(t) = doc.trailing.as_mut() {
        pieces.push(&mut t.span);
    }
    let len = ctx.text.len();
    if let Some(first) = pieces.first_mut() {
        if first.start != 0 {
            **first = ctx.span(0, first.end);
        }
    }
    for k in 1..pieces.len() {
        let start = pieces[k].start;
        let prev_end = pieces[k - 1].end;
        if prev_end != start {
            // Extend the previous region over a gap, or shrink it where it overlaps.
            let prev = &mut pieces[k - 1];
            prev.end = start.max(prev.start);
        }
    }
    if let Some(last) = pieces.last_mut() {
        last.end = len;
    }
}

/// "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:", "TRƯỞNG BAN … QUYẾT ĐỊNH:" — the words that enact.
fn is_enacting_formula(t: &str) -> bool {
    let t = t.trim();
    is_upper(t)
        && t.ends_with(':')
        && (t.ends_with("QUYẾT ĐỊNH:") || t.ends_with("QUYẾT NGHỊ:") || t.ends_with("KẾT LUẬN:"))
}

fn record_cleanups(ctx: &mut Ctx) {
    let mut page_headers = Vec::new();
    let mut page_numbers = Vec::new();
    let mut stamps = Vec::new();
    let mut markup = 0;
    let mut first_markup = None;
    for l in ctx.lines {
        match l.kind {
            LineKind::PageHeader => page_headers.push((l.start, l.end)),
            LineKind::PageNumber => page_numbers.push((l.start, l.end)),
            LineKind::Stamp => stamps.push((l.start, l.end)),
            _ => {}
        }
        if l.had_markup {
            markup += 1;
            first_markup.get_or_insert((l.start, l.end));
        }
    }
    let noise = [
        (
            page_numbers,
            "page-number",
            "page number of a PDF copy left out of the text of nodes",
        ),
        (
            page_headers,
            "page-header",
            "Official Gazette page header (and page number) left out of the text of nodes",
        ),
        (
            stamps,
            "signature-stamp",
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
            "markdown",
            Severity::Info,
            format!("Markdown debris (emphasis, pipes) removed from the text of {markup} lines"),
            span,
        );
    }
}

fn check_header(ctx: &mut Ctx, doc: &Document) {
    let h = &doc.header;
    let span = h.span;
    if h.issuer.name.is_none() {
        ctx.diag(
            "header-no-issuer",
            Severity::Warning,
            "no issuing body found in the header",
            span,
        );
    }
    if h.number.is_none() {
        ctx.diag(
            "header-no-number",
            Severity::Warning,
            "no number and symbol (\"Số: …\") found in the header",
            span,
        );
    }
    match &h.date_parts {
        None => ctx.diag(
            "header-no-date",
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
            ctx.diag("header-blank-date", Severity::Info, msg, span);
        }
        _ => {}
    }
    if h.kind == vanban_model::DocumentKind::Unknown {
        ctx.diag(
            "header-no-kind",
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
                    "header-type-mismatch",
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
    let recipients = (from..lines.len()).find(|&i| match lines[i].kind {
        LineKind::RecipientsStart => {
            let rest = lines[i].clean.trim_start_matches(':').trim();
            let next = skip_to_content(lines, i + 1);
            !rest.is_empty() && rest.chars().count() < 60
                || lines.get(next).is_some_and(|l| {
                    l.marker().is_some_and(|m| m.kind == MarkerKind::Indent)
                        || l.kind == LineKind::Authority
                })
        }
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
        None => {
            let Some(last) = (from..lines.len())
                .rev()
                .find(|&i| lines[i].kind == LineKind::Authority)
            else {
                // A "Nơi nhận" block flattened into one line by a web copy, without its heading.
                let flat = (from..lines.len())
                    .find(|&i| crate::closing::is_flat_recipients(&lines[i].full));
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
    }
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
    if !crate::closing::is_name(&lines[last].full) {
        return None;
    }
    let mut k = last;
    while k > from {
        k -= 1;
        let l = &lines[k];
        if l.is_blankish() || l.full.is_empty() || l.full.chars().all(|c| !c.is_alphanumeric()) {
            continue;
        }
        if crate::closing::is_signature_note(&l.full) {
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
    let l = &lines[i];
    let f = l.full.as_str();
    if f.starts_with("PHỤ LỤC") || f.starts_with("PHỤ BIỂU") {
        return true;
    }
    if (f == "Phụ lục" || f.starts_with("Phụ lục ") || f.starts_with("Phụ lục:"))
        && f.chars().count() < 40
        && !lines::ends_sentence(f)
    {
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
        // Within a few content lines (blank lines and page noise do not count).
        let near = lines[i + 1..]
            .iter()
            .filter(|m| !m.is_blankish() && !m.is_noise())
            .take(4)
            .any(|m| {
                let t = m.full.trim_start_matches('(');
                t.starts_with("Ban hành kèm theo")
                    || t.starts_with("Kèm theo")
                    || t.starts_with("kèm theo")
            });
        return near && l.kind == LineKind::Text;
    }
    false
}

fn appendix(
    ctx: &mut Ctx,
    from: usize,
    to: usize,
    number: usize,
    profile: &WrapProfile,
    joins: &mut usize,
) -> Appendix {
    let lines = ctx.lines;
    let heading = lines[from].full.clone();
    let mut title = Vec::new();
    let mut attached_to = None;
    let mut k = from + 1;
    while k < to && k < from + 12 {
        let l = &lines[k];
        // After the "(Kèm theo …)" line the content starts.
        if attached_to.is_some() && l.kind == LineKind::Pipe {
            break;
        }
        if l.is_blankish() || l.kind == LineKind::Rule || l.is_noise() {
            k += 1;
            continue;
        }
        if attached_to.is_some() {
            break;
        }
        let f = l.full.trim_start_matches('(');
        if f.starts_with("Ban hành kèm theo")
            || f.starts_with("Kèm theo")
            || f.starts_with("kèm theo")
        {
            let mut att = l.full.clone();
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
        title.push(l.full.clone());
        k += 1;
    }
    let id = format!("annex_{number}");
    let end_byte = ctx.line_start(to);
    let paras = lines::paragraphs(ctx.text, lines, k, to, profile, joins);
    let children = build_tree(ctx, &paras, &id, end_byte);
    Appendix {
        id,
        heading,
        title: (!title.is_empty()).then(|| title.join(" ")),
        attached_to,
        children,
        span: ctx.span(ctx.line_start(from), end_byte),
    }
}

/// Rank of a paragraph that holds quoted text: above every marker, so any marker closes it.
const QUOTE_HOST: u32 = u32::MAX - 1;

/// A node under construction.
struct Building {
    node: Node,
    rank: u32,
    first_line: usize,
    children: Vec<Building>,
}

fn new_node(ctx: &Ctx, p: &Para, kind: NodeKind) -> Building {
    Building {
        node: Node {
            id: String::new(),
            kind,
            marker: p.marker.as_ref().map(|m| m.text.clone()),
            number: p.marker.as_ref().and_then(|m| m.number.clone()),
            heading: None,
            text: p.text.clone(),
            span: ctx.span(ctx.line_start(p.first), ctx.line_start(p.last)),
            cells: p.cells.clone(),
            children: Vec::new(),
        },
        rank: u32::MAX,
        first_line: p.first,
        children: Vec::new(),
    }
}

/// Preamble paragraphs: a flat list.
fn build_flat(ctx: &Ctx, paras: &[Para], prefix: &str, end: usize) -> Vec<Node> {
    let mut out: Vec<Building> = Vec::new();
    for p in paras {
        if p.text.is_empty() && p.marker.is_none() {
            // Blank or noise lines before the first paragraph stay in the region: they are
            // absorbed into the next node's span by `finish`.
            if let Some(last) = out.last_mut() {
                last.node.span.end = ctx.line_start(p.last);
            }
            continue;
        }
        out.push(new_node(ctx, p, NodeKind::Paragraph));
    }
    let start = paras.first().map(|p| ctx.line_start(p.first));
    finish(ctx, out, prefix, start, end)
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

/// Body paragraphs: a hierarchy by marker rank.
fn build_tree(ctx: &mut Ctx, paras: &[Para], prefix: &str, end: usize) -> Vec<Node> {
    let mut roots: Vec<Building> = Vec::new();
    let mut stack: Vec<Building> = Vec::new();
    let last_marker = paras.iter().rposition(|p| p.marker.is_some() && !p.quoted);
    let mut last_group: Option<char> = None;
    for (idx, p) in paras.iter().enumerate() {
        if p.text.is_empty() && p.marker.is_none() && p.cells.is_empty() {
            continue;
        }
        // "A.", "B." count as a group level only as a sequence that starts at "A" ("Q. CHÁNH
        // VĂN PHÒNG" in a quoted example is text).
        let group_ok = |m: &lines::Marker, last: Option<char>| {
            let letter = m.number.as_deref().and_then(|n| n.chars().next());
            match (letter, last) {
                (Some('A'), _) => true,
                (Some(c), Some(prev)) => next_group_letter(prev) == Some(c),
                _ => false,
            }
        };
        let marker = p
            .marker
            .as_ref()
            .filter(|m| m.kind != MarkerKind::Group || group_ok(m, last_group));
        if let Some(m) = marker {
            if m.kind == MarkerKind::Group {
                last_group = m.number.as_deref().and_then(|n| n.chars().next());
            }
            let depth = m.number.as_deref().map_or(1, |n| n.matches('.').count());
            let rank = m.kind.rank(depth);
            while stack.last().is_some_and(|b| b.rank >= rank) {
                close(&mut stack, &mut roots);
            }
            let inside_article = stack.iter().any(|b| b.node.kind == NodeKind::Article);
            let kind = marker_node_kind(m.kind, inside_article);
            let mut b = new_node(ctx, p, kind);
            b.rank = rank;
            if has_heading(m.kind, &p.text, paras.get(idx + 1), rank) {
                b.node.heading = (!p.text.is_empty()).then(|| p.text.clone());
                b.node.text = String::new();
            }
            stack.push(b);
            continue;
        }
        // Unmarked text (or a marker that does not fit, kept as text).
        let p = &rejected_marker_as_text(p);
        let kind = if p.quoted {
            NodeKind::Quoted
        } else if !p.cells.is_empty() {
            NodeKind::Row
        } else if is_note(&p.text) {
            NodeKind::Note
        } else {
            NodeKind::Paragraph
        };
        if kind == NodeKind::Note && refers_to_annex(&p.text) {
            // A note pointing to an appendix ("(Cụ thể có phụ lục kèm theo)") belongs to the
            // enclosing item, not to the last point or bullet.
            while stack
                .last()
                .is_some_and(|b| b.rank > MarkerKind::Item.rank(1))
            {
                close(&mut stack, &mut roots);
            }
        }
        let after_last_marker = last_marker.is_none_or(|lm| idx > lm);
        // (An article keeps its own last paragraph: "Điều 3. … chịu trách nhiệm thi hành./.")
        let in_article = stack.iter().any(|b| b.node.kind == NodeKind::Article);
        // The adoption sentence of a law or resolution ("… thông qua ngày …") belongs to the
        // whole document.
        let adoption = p.text.find("thông qua ngày").is_some_and(|pos| {
            header::date_in(p.text.sub(pos..)).is_some_and(|(_, d)| d.year.is_some())
        });
        if kind == NodeKind::Paragraph && after_last_marker && adoption {
            while !stack.is_empty() {
                close(&mut stack, &mut roots);
            }
        }
        if kind == NodeKind::Paragraph
            && after_last_marker
            && !in_article
            && !adoption
            && is_wrap_up(&p.text)
        {
            // The closing paragraph of the body belongs to the outermost section, or to the
            // body itself.
            let keep = stack.first().is_some_and(|b| {
                matches!(
                    b.node.kind,
                    NodeKind::Division | NodeKind::Part | NodeKind::Chapter | NodeKind::Group
                )
            });
            let target = usize::from(keep);
            while stack.len() > target {
                close(&mut stack, &mut roots);
            }
        }
        // A heading's first paragraph is the node's own text.
        if kind == NodeKind::Paragraph {
            if let Some(top) = stack.last_mut() {
                // An item whose text was wrapped onto the next line ("**1.**" / "Các cơ quan …").
                let bare_item = top.node.heading.is_none()
                    && matches!(
                        top.node.kind,
                        NodeKind::Item
                            | NodeKind::Clause
                            | NodeKind::Subitem
                            | NodeKind::Point
                            | NodeKind::Article
                    );
                if top.node.text.is_empty()
                    && top.children.is_empty()
                    && (bare_item
                        || (top.node.heading.is_some()
                            && matches!(top.node.kind, NodeKind::Article)))
                {
                    top.node.text = p.text.clone();
                    continue;
                }
                if top.node.kind == NodeKind::Article
                    && top.node.heading.is_none()
                    && top.node.text.is_empty()
                    && top.children.is_empty()
                    && p.text.chars().count() <= 150
                    && !lines::ends_sentence(&p.text)
                {
                    top.node.heading = Some(p.text.clone());
                    continue;
                }
                let titled = matches!(
                    top.node.kind,
                    NodeKind::Chapter | NodeKind::Part | NodeKind::Section | NodeKind::Subsection
                );
                if titled
                    && top.node.heading.is_none()
                    && is_upper(&p.text)
                    && top.children.is_empty()
                {
                    top.node.heading = Some(p.text.clone());
                    continue;
                }
            }
        }
        if !p.quoted {
            // Quoted text ends: close the paragraph that quoted it.
            while stack.last().is_some_and(|b| b.rank == QUOTE_HOST) {
                close(&mut stack, &mut roots);
            }
        }
        let mut b = new_node(ctx, p, kind);
        if !p.quoted && paras.get(idx + 1).is_some_and(|n| n.quoted) {
            // The paragraph that opens a quotation holds the quoted paragraphs.
            b.rank = QUOTE_HOST;
            stack.push(b);
            continue;
        }
        match stack.last_mut() {
            Some(top) => top.children.push(b),
            None => roots.push(b),
        }
    }
    while !stack.is_empty() {
        close(&mut stack, &mut roots);
    }
    let start = paras.first().map(|p| ctx.line_start(p.first));
    finish(ctx, roots, prefix, start, end)
}

fn rejected_marker_as_text(p: &Para) -> Para {
    match &p.marker {
        Some(m) => Para {
            marker: None,
            text: format!("{} {}", m.text, p.text).trim().to_owned(),
            ..p.clone()
        },
        None => p.clone(),
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
    let t = t.trim();
    t.starts_with('(') && t.ends_with(')') && t.matches('(').count() == t.matches(')').count()
}

fn is_wrap_up(t: &str) -> bool {
    let t = t.trim();
    WRAP_UP.iter().any(|w| t.starts_with(w)) || t.ends_with("./.") || t.ends_with("/.")
}

/// Whether the text after a marker is a heading: always for Phần … Điều and Roman or letter
/// groups; for items when the text is unfinished and a deeper marker follows, or is upper case.
fn has_heading(kind: MarkerKind, text: &str, next: Option<&Para>, rank: u32) -> bool {
    match kind {
        MarkerKind::Part
        | MarkerKind::Chapter
        | MarkerKind::Section
        | MarkerKind::Subsection
        | MarkerKind::Article
        | MarkerKind::Group
        | MarkerKind::Roman => true,
        MarkerKind::Item | MarkerKind::Subitem => {
            if text.is_empty() {
                return false;
            }
            if is_upper(text) {
                return true;
            }
            let deeper_next = next.and_then(|p| p.marker.as_ref()).is_some_and(|m| {
                let depth = m.number.as_deref().map_or(1, |n| n.matches('.').count());
                m.kind.rank(depth) > rank
            });
            !lines::ends_sentence(text) && text.chars().count() <= 200 && deeper_next
                || (!lines::ends_sentence(text)
                    && text.chars().count() <= 120
                    && next.is_some_and(|p| p.marker.is_none()))
        }
        _ => false,
    }
}

fn close(stack: &mut Vec<Building>, roots: &mut Vec<Building>) {
    if let Some(b) = stack.pop() {
        match stack.last_mut() {
            Some(parent) => parent.children.push(b),
            None => roots.push(b),
        }
    }
}

/// Assign ids and spans: a node runs from its first line to the start of the next sibling (or
/// the end of its parent), so the nodes of a region tile it without gaps.
fn finish(
    ctx: &Ctx,
    nodes: Vec<Building>,
    prefix: &str,
    region_start: Option<usize>,
    end: usize,
) -> Vec<Node> {
    let mut out = Vec::with_capacity(nodes.len());
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut ordinals: std::collections::HashMap<&'static str, usize> =
        std::collections::HashMap::new();
    let starts: Vec<usize> = nodes
        .iter()
        .enumerate()
        .map(|(k, b)| {
            if k == 0 {
                region_start.unwrap_or_else(|| ctx.line_start(b.first_line))
            } else {
                ctx.line_start(b.first_line)
            }
        })
        .collect();
    for (k, b) in nodes.into_iter().enumerate() {
        let Building {
            mut node, children, ..
        } = b;
        let kind_prefix = node.kind.id_prefix();
        let local = match &node.number {
            Some(num) if node.kind != NodeKind::Indent && node.kind != NodeKind::Subindent => {
                num.replace(' ', "_")
            }
            _ => {
                let c = ordinals.entry(kind_prefix).or_insert(0);
                *c += 1;
                c.to_string()
            }
        };
        let mut id = format!("{kind_prefix}_{local}");
        let count = seen.entry(id.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            id = format!("{id}_{count}");
        }
        node.id = if prefix.is_empty() {
            id
        } else {
            format!("{prefix}__{id}")
        };
        let start = starts[k];
        let node_end = starts.get(k + 1).copied().unwrap_or(end);
        node.span = ctx.span(start, node_end);
        let child_start = children.first().map(|c| ctx.line_start(c.first_line));
        let id = node.id.clone();
        node.children = finish(ctx, children, &id, child_start, node_end);
        out.push(node);
    }
    out
}
