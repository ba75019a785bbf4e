//! What the rest of a document tells about its header, once the closing and appendices are
//! read: the body that issued a Party document (its signature "T/M BAN THƯỜNG VỤ" under a
//! "TỈNH ỦY …" heading), and a date the header left blank or unreadable, recovered from a
//! digital-signature stamp or from the document's own appendices ("Kèm theo Chương trình hành
//! động số 31-CTr/TW, ngày 28/7/2026"). Each recovery is an info diagnostic.

use vanban_model::codes;
use vanban_model::{DateParts, Document, MottoKind, NumberForm, Severity, Span};
use vanban_text::loose;
use vanban_text::Sub;

use crate::ctx::Ctx;
use crate::header::numeric_date;
use crate::header_grammar::date_in;
use crate::line::LineKind;
use crate::lines::signature_date;

/// Complete the header from the rest of the document.
pub(crate) fn complete_header(ctx: &mut Ctx, doc: &mut Document) {
    issuer_from_signature(ctx, doc);
    if doc.header.date.is_none() {
        date_from_stamp(ctx, doc);
    }
    if doc.header.date.is_none() {
        date_from_appendix(ctx, doc);
    }
}

/// Collective bodies a Party signature names (T/M …), and the issuer they make.
fn signing_body(of: &str, header_issuer: Option<&str>) -> Option<String> {
    let central = header_issuer.is_none_or(|i| i == "Ban Chấp hành Trung ương Đảng");
    if loose::equals(of, "BỘ CHÍNH TRỊ").is_some() && central {
        return Some("Bộ Chính trị".to_owned());
    }
    if loose::equals(of, "BAN BÍ THƯ").is_some() && central {
        return Some("Ban Bí thư".to_owned());
    }
    if loose::equals(of, "BAN THƯỜNG VỤ").is_some() {
        let body = header_issuer?;
        if body.starts_with("Ban Thường vụ") {
            return None;
        }
        return Some(format!("Ban Thường vụ {body}"));
    }
    None
}

/// A Party document is issued by the collective body its signature acts for: "T/M BAN
/// THƯỜNG VỤ" under "TỈNH ỦY LÀO CAI" is the Ban Thường vụ Tỉnh ủy Lào Cai; "T/M BỘ CHÍNH
/// TRỊ" under "BAN CHẤP HÀNH TRUNG ƯƠNG" is the Bộ Chính trị.
fn issuer_from_signature(ctx: &mut Ctx, doc: &mut Document) {
    let h = &doc.header;
    let party = h.motto.as_ref().is_some_and(|m| m.kind == MottoKind::Party)
        || h.number
            .as_ref()
            .is_some_and(|n| n.form == NumberForm::Party);
    if !party {
        return;
    }
    let Some(first) = doc
        .closing
        .signature
        .as_ref()
        .and_then(|s| s.authority.first())
    else {
        return;
    };
    if !matches!(first.prefix.as_str(), "T/M" | "TM." | "T.M") {
        return;
    }
    let Some(body) = signing_body(&first.of, h.issuer.name.as_deref()) else {
        return;
    };
    let span = doc.closing.span.unwrap_or(h.span);
    ctx.diag(
        codes::ISSUER_FROM_SIGNATURE,
        Severity::Info,
        format!(
            "the header prints {}; the signature \"{} {}\" names the issuing body: {body}",
            h.issuer.name.as_deref().unwrap_or("no issuer"),
            first.prefix,
            first.of
        ),
        span,
    );
    doc.header.issuer.name = Some(body);
}

/// Date the document from `parts` when they make a date and agree with every part its
/// header prints ("ngày     tháng 11 năm 2024" leaves the day blank: a stamp of 28-07-2026 is
/// some other signing, found at stop 58, where it moved a draft's id to 2026); the date, or
/// `Err` with the date found when it disagrees.
fn set_date(doc: &mut Document, parts: DateParts) -> Result<Option<String>, String> {
    let Some(iso) = parts.iso() else {
        return Ok(None);
    };
    if let Some(printed) = doc.header.date_parts {
        let agrees = |p: Option<u16>, q: Option<u16>| p.is_none() || p == q;
        let day = |d: DateParts| d.day.map(u16::from);
        let month = |d: DateParts| d.month.map(u16::from);
        if !(agrees(day(printed), day(parts))
            && agrees(month(printed), month(parts))
            && agrees(printed.year, parts.year))
        {
            return Err(iso);
        }
    }
    doc.header.date = Some(iso.clone());
    doc.header.date_parts = Some(parts);
    Ok(Some(iso))
}

/// Report the date a document was given from `whence`, or the one that disagreed with its
/// header and was not used.
fn note_date(ctx: &mut Ctx, set: Result<Option<String>, String>, whence: (&str, &str), span: Span) {
    let (code, from) = whence;
    let message = match set {
        Ok(Some(iso)) => format!("no readable date in the header; dated {iso} from {from}"),
        Ok(None) => return,
        Err(iso) => format!(
            "no whole date in the header, and {from} gives {iso}, which disagrees with what the \
             header prints: not used"
        ),
    };
    ctx.diag(code, Severity::Info, message, span);
}

/// The date of the first digital-signature stamp ("28-07-2026 18:08:51 +07:00").
fn date_from_stamp(ctx: &mut Ctx, doc: &mut Document) {
    let found = ctx.lines.iter().find_map(|l| {
        (l.kind == LineKind::Stamp)
            .then(|| signature_date(&l.full))
            .flatten()
            .map(|d| (l.start(), l.end(), d))
    });
    let Some((start, end, (day, month, year))) = found else {
        return;
    };
    let parts = DateParts {
        day: Some(day),
        month: Some(month),
        year: Some(year),
    };
    let set = set_date(doc, parts);
    let span = ctx.span(start, end);
    let whence = (codes::DATE_FROM_STAMP, "the digital-signature stamp");
    note_date(ctx, set, whence, span);
}

/// The date the document's own appendices give it: "(Kèm theo Chương trình hành động số
/// 31-CTr/TW, ngày 28/7/2026 …)".
fn date_from_appendix(ctx: &mut Ctx, doc: &mut Document) {
    let Some(number) = doc.header.number.as_ref().filter(|n| n.seq.is_some()) else {
        return;
    };
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let own = key(&number.normalized);
    let found = ctx.lines.iter().find_map(|l| {
        let t = &l.full;
        let at = t.find("Kèm theo").or_else(|| t.find("kèm theo"))?;
        let after = t.sub(at..);
        let so = after.find(" số ")?;
        let rest = after.sub(so + " số ".len()..);
        // The own number, then its date.
        let folded = key(rest);
        if !folded.starts_with(&own) {
            return None;
        }
        let date_at = rest.find("ngày")?;
        let tail = rest.sub(date_at..);
        let parts = date_in(tail).map(|(_, p)| p).or_else(|| {
            let d = tail.trim_start_matches("ngày").trim_start();
            numeric_date(
                d.split_whitespace()
                    .next()?
                    .trim_end_matches([',', ')', '.']),
            )
        })?;
        Some((l.start(), l.end(), parts))
    });
    let Some((start, end, parts)) = found else {
        return;
    };
    let set = set_date(doc, parts);
    let span = ctx.span(start, end);
    let whence = (codes::DATE_FROM_APPENDIX, "the document's own appendix");
    note_date(ctx, set, whence, span);
}
