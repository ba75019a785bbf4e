//! The closing: signature block, "Nơi nhận" recipients and the archive line ("Lưu: VT, …").
//! Works on cells, since text renderings often put the recipients and the signature side by
//! side on one line.

use std::sync::LazyLock;

use vanban_model::{Archive, Authority, Closing, Signature, Span};
use vanban_text::fold::fold_tones;
use vanban_text::loose::unmarked;
use vanban_text::Sub;

use crate::cells::{merge_cells, split_cells, Cell};
use crate::clean::is_upper;
use crate::ctx::Ctx;
use crate::line::{Line, LineKind, MarkerKind};
use crate::lines::classify_start;
use crate::recipient::recipient;

/// "Lưu: VT, ĐTXD. (D)" → holders ["VT", "ĐTXD"], note "(D)".
fn archive(text: &str, span: Span) -> Archive {
    let raw = text
        .trim()
        .trim_start_matches(['-', '–', ' '])
        .trim()
        .to_owned();
    let body = raw
        .strip_prefix("Lưu")
        .or_else(|| raw.strip_prefix("LƯU"))
        .unwrap_or(&raw)
        .trim_start_matches([':', ' '])
        .trim_end();
    let mut list = body.trim_end_matches('.').trim_end();
    let mut note = None;
    if list.ends_with(')') {
        if let Some(open) = list.rfind('(') {
            note = Some(list.sub(open..).to_owned());
            list = list.sub(..open).trim_end();
        }
    }
    let holders = list
        .trim_end_matches(['.', ' '])
        .split([',', ';'])
        .map(|h| h.trim().trim_end_matches('.').trim().to_owned())
        .filter(|h| !h.is_empty())
        .collect();
    Archive {
        raw,
        holders,
        note,
        span,
    }
}

/// "- Chính phủ; - Ủy ban TW …; - Cục …": a recipient list flattened into one line.
pub(crate) fn is_flat_recipients(full: &str) -> bool {
    full.starts_with("- ") && full.matches("; - ").count() >= 2
}

/// A signer's name: two to six words, each capitalised, no digits. A word of a Central
/// Highlands name may hold an apostrophe, a capital after it ("H'Yim Kđoh", "H’Hen Niê").
pub(crate) fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            w.split(['\'', '’']).all(|part| {
                let mut cs = part.chars();
                cs.next().is_some_and(char::is_uppercase)
                    && cs.all(|c| c.is_lowercase() || c == '.' || c == '-')
            })
        })
}

/// What a signature may print before the signer's name (`data/signer-honorifics.tsv`).
pub(crate) const SIGNER_HONORIFICS: &str = include_str!("../data/signer-honorifics.tsv");

/// The ranks of `data/signer-honorifics.tsv` with their marks set aside ([`unmarked`]: the
/// same letters whether the tone marks are placed either way, "úy"/"uý", or a scan lost one,
/// "Đại tương"), and its abbreviations.
fn honorifics() -> &'static (Vec<String>, Vec<&'static str>) {
    static LISTS: LazyLock<(Vec<String>, Vec<&'static str>)> = LazyLock::new(|| {
        let (mut ranks, mut abbreviations) = (Vec::new(), Vec::new());
        for (kind, v) in crate::header::pairs(SIGNER_HONORIFICS) {
            match kind {
                "rank" => ranks.push(unmarked(v)),
                _ => abbreviations.push(v),
            }
        }
        (ranks, abbreviations)
    });
    &LISTS
}

/// A signer's name and what is printed before it: "Đại tướng Nguyễn Tân Cương" →
/// ("Đại tướng", "Nguyễn Tân Cương"), "PGS.TS. Trần Văn Bình" → ("PGS.TS.", "Trần Văn Bình"),
/// a bare name → (None, the name); None when `s` is no name.
pub(crate) fn signer(s: &str) -> Option<(Option<&str>, &str)> {
    // (A stray mark after the name, "Nguyễn Văn A_", is none of it.)
    let s = s.trim_end_matches(['_', '*', ' ']);
    if is_name(s) {
        return Some((None, s));
    }
    let (honorific, name) = s.split_at_checked(honorific_end(s)?)?;
    let name = name.trim_start();
    is_name(name).then_some((Some(honorific.trim_end_matches([' ', ','])), name))
}

/// Where the honorific that starts `s` ends (a byte offset): a rank of two or three words,
/// then words of abbreviations ("PGS.TS.", "BS. CKII"); None when no honorific starts it.
fn honorific_end(s: &str) -> Option<usize> {
    let (ranks, abbreviations) = honorifics();
    // The ends of the first words (after a comma that follows a rank too).
    let ends: Vec<usize> = s
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace() && s.sub(i + c.len_utf8()..).starts_with(char::is_whitespace)
        })
        .map(|(i, c)| i + c.len_utf8())
        .take(6)
        .collect();
    let rank = [3, 2].into_iter().find_map(|n| {
        let end = *ends.get(n - 1)?;
        ranks
            .contains(&unmarked(s.sub(..end).trim_end_matches(',')))
            .then_some(end)
    });
    let abbreviated = |word: &str| {
        let word = word.trim_end_matches([',', '.']);
        !word.is_empty()
            && word
                .split('.')
                .all(|part| abbreviations.contains(&part.trim()))
    };
    let mut end = rank.unwrap_or(0);
    while let Some(next) = ends.iter().find(|&&e| e > end) {
        if !abbreviated(s.sub(end..*next).trim()) {
            break;
        }
        end = *next;
    }
    (end > 0).then_some(end)
}

/// Whether `line` is a rank and nothing else ("Trung tướng", above the name on a line of its
/// own).
fn is_rank(line: &str) -> bool {
    honorifics()
        .0
        .contains(&unmarked(line.trim_end_matches(',')))
}

/// Whether a lone word may be a rank's first, wrapped away from the rest of it ("Đại" /
/// "tướng Nguyễn Tân Cương", in a narrow signature column).
fn starts_rank(word: &str) -> bool {
    let letters = unmarked(word);
    !word.contains(' ')
        && honorifics().0.iter().any(|r| {
            r.strip_prefix(letters.as_str())
                .is_some_and(|rest| rest.starts_with(' '))
        })
}

pub(crate) fn is_signature_note(s: &str) -> bool {
    let l = s.to_lowercase();
    let l = l.trim_start_matches(['[', ' ', '(']);
    l.starts_with("đã ký") || l.starts_with("ký tên") || l.starts_with("ký, ")
}

/// A drafter's mark or file code in the signature area ("HP_VP11_QĐ", "Manhpn/11/25"):
/// one short token.
fn is_drafter_mark(s: &str) -> bool {
    let short_token = !s.contains(' ') && s.chars().count() <= 25;
    let numbered = s.chars().count() <= 12 && s.chars().any(|c| c.is_ascii_digit());
    (short_token || numbered) && s.chars().any(|c| c.is_alphabetic())
}

/// Read the closing from line `from`; return it and the index of the first line after it.
pub(crate) fn read(ctx: &mut Ctx, from: usize, to: usize) -> (Closing, usize) {
    let lines = ctx.lines;
    let mut reader = Reader::default();
    let mut end = from;
    let mut i = from;
    let mut pending: Option<Cell> = None;
    while i < to {
        let cells = line_cells(ctx, &lines[i], &mut pending, closed_soon(lines, i + 1, to));
        if cells.is_empty() {
            reader.bullet |= lone_bullet(&lines[i]);
            i += 1;
            continue;
        }
        let mut consumed = false;
        for c in &cells {
            consumed |= reader.take(ctx, c, cells.len() == 1);
            // (A lone bullet's text is the line's first cell: "- Như trên;" beside "PHÓ BÍ
            // THƯ" after a stray "-" leaves the title a title.)
            reader.bullet = false;
        }
        if !consumed {
            break;
        }
        i += 1;
        end = i;
    }
    (reader.finish(ctx), end)
}

/// How many lines a bold run of the closing may wrap over ("**TM. ỦY BAN" / "NHÂN DÂN" /
/// "TỈNH**" wraps over three).
const EMPHASIS_WRAP: usize = 3;

/// Whether a line among the next [`EMPHASIS_WRAP`] from `from` closes an emphasis run left
/// open before it (it has an odd number of runs). A stray "*" that nothing closes
/// ("(Sở Công Thương gửi văn bản đến các đơn vị)*;") opens no run: held open, it made the
/// rest of the document — signature, appendices — one recipient.
fn closed_soon(lines: &[Line], from: usize, to: usize) -> bool {
    lines
        .get(from..to.min(from + EMPHASIS_WRAP))
        .is_some_and(|next| next.iter().any(|l| l.open_emphasis))
}

/// Whether the closing's reader passes over a line: blank, page furniture, a rule, a page
/// number alone on its line ("3", where a PDF's page breaks the list), a line with no letter
/// or digit (a lone "-" or "*").
pub(crate) fn passed_over(l: &Line) -> bool {
    let page_number = l.full.len() <= 3 && l.full.bytes().all(|b| b.is_ascii_digit());
    l.is_blankish()
        || l.is_noise()
        || page_number
        || l.kind == LineKind::Rule
        || l.full.chars().all(|c| !c.is_alphanumeric())
}

/// Whether a line is a bullet alone, its text wrapped to the next line ("-" / "Thủ tướng
/// Chính phủ (để b/c);" in a recipients' list).
pub(crate) fn lone_bullet(l: &Line) -> bool {
    matches!(l.full.trim(), "-" | "+" | "•" | "–")
}

/// The cells of a closing line. A bold run wrapped over lines ("**T/M BỘ CHÍNH" / "TRỊ**", or
/// "**KT. CHỦ TỊCH" / "**") is one cell: an open last cell waits in `pending` for the next
/// line, when one of the next lines closes it (`closes`).
fn line_cells(ctx: &Ctx, l: &Line, pending: &mut Option<Cell>, closes: bool) -> Vec<Cell> {
    let skip = passed_over(l);
    let mut line_cells = if skip {
        Vec::new()
    } else {
        split_cells(ctx.text, l)
    };
    if skip && l.open_emphasis {
        if let Some(open) = pending.as_mut() {
            open.open_bold = false;
        }
    }
    if let Some(open) = pending.take() {
        line_cells.insert(0, open);
    }
    let mut cells = merge_cells(line_cells);
    if cells.last().is_some_and(|c| c.open_bold) && closes {
        *pending = cells.pop();
    }
    cells
}

/// The closing read so far.
#[derive(Default)]
struct Reader {
    closing: Closing,
    signature: Signature,
    /// Inside the "Nơi nhận" list.
    recipients_open: bool,
    /// Recipient texts with their byte range.
    items: Vec<(String, usize, usize)>,
    /// The cell taken last was an authority line.
    after_authority: bool,
    /// A lone word taken last that may start a rank wrapped away from the name after it.
    rank_start: Option<String>,
    /// The cell taken last was the signer's title.
    after_title: bool,
    /// A bullet alone on its line was passed over since the last cell: the next text is its
    /// item.
    bullet: bool,
}

/// Names an authority line's words may make, folded by [`fold_tones`] (lower case, the tone
/// marks placed one way: a PDF's "UỶ BAN" is "ỦY BAN"): the fixed issuers' printed names
/// ("ỦY BAN NHÂN DÂN", "BỘ CHÍNH TRỊ", "BAN THƯỜNG VỤ TỈNH ỦY") and officials' titles
/// (`data/official-titles.tsv`: "CHỦ TỊCH", "BỘ TRƯỞNG", "CHÁNH VĂN PHÒNG").
fn authority_names() -> &'static [String] {
    static NAMES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        let fixed = crate::header::pairs(crate::header::FIXED_ISSUERS);
        let titles = OFFICIAL_TITLES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty());
        fixed
            .map(|(printed, _)| printed)
            .chain(titles)
            .map(fold_tones)
            .collect()
    });
    &NAMES
}

/// Officials' titles, folded, one a line (`data/official-titles.tsv`).
pub(crate) const OFFICIAL_TITLES: &str = include_str!("../data/official-titles.tsv");

/// Whether an authority line's body `of` was wrapped before `next` ("TM. ỦY BAN NHÂN" /
/// "DÂN", "T/M BỘ CHÍNH" / "TRỊ", "KT. BỘ" / "TRƯỞNG", as a PDF's narrow signature column
/// prints it): `of` is no name of its own but the start of one, and with `next` it is a name
/// or the start of one. ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH": the title under a whole name.)
fn wraps_into(of: &str, next: &str) -> bool {
    let of = vanban_text::squash_spaces(&fold_tones(of));
    let next = vanban_text::squash_spaces(&fold_tones(next));
    let joined = format!("{of} {next}");
    let starts = |name: &str, head: &str| {
        name.strip_prefix(head)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    };
    let names = authority_names();
    // "KT. BỘ TRƯỞNG," / "CHỦ NHIỆM": a second title (a short line in capitals, as the
    // caller asks) after a comma.
    let titled = of.strip_suffix(',').is_some_and(|first| {
        names.contains(&first.to_owned()) && (1..=4).contains(&next.split_whitespace().count())
    });
    titled
        || (!of.is_empty()
            && !names.contains(&of)
            && names.iter().any(|n| starts(n, &of))
            && names.iter().any(|n| starts(n, &joined)))
}

impl Reader {
    /// An authority line of the signature: "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH".
    fn authority(&mut self, t: &str) {
        let at = t.find(' ').unwrap_or(t.len());
        let (prefix, of) = t.split_at_checked(at).unwrap_or((t, ""));
        self.signature.authority.push(Authority {
            prefix: prefix.to_owned(),
            of: of.trim().to_owned(),
        });
        self.signature.lines.push(t.to_owned());
        self.after_authority = true;
    }

    /// The rest of the last authority line, wrapped onto a line of its own: joined to it.
    fn wrapped_authority(&mut self, t: &str) -> bool {
        let Some(last) = self.signature.authority.last_mut() else {
            return false;
        };
        if !is_upper(t) || !wraps_into(&last.of, t) {
            return false;
        }
        last.of = format!("{} {}", last.of, t.trim());
        if let Some(line) = self.signature.lines.last_mut() {
            line.push(' ');
            line.push_str(t.trim());
        }
        self.after_authority = true;
        true
    }

    /// The rest of the signer's title wrapped onto a line of its own ("PHÓ BÍ THƯ THƯỜNG" /
    /// "TRỰC", "PHÓ CHỦ" / "TỊCH" in a narrow column): one or two words in capitals right
    /// after it, joined to it (they were taken for the whole title).
    fn wrapped_title(&mut self, t: &str) -> bool {
        let t = t.trim();
        let fragment = is_upper(t)
            && (1..=2).contains(&t.split_whitespace().count())
            && !t.chars().any(|c| c.is_ascii_digit())
            && !is_signature_note(t);
        let Some(title) = self.signature.title.as_mut().filter(|_| fragment) else {
            return false;
        };
        title.push(' ');
        title.push_str(t);
        if let Some(line) = self.signature.lines.last_mut() {
            line.push(' ');
            line.push_str(t);
        }
        true
    }

    /// Take one cell (`alone` on its line); return whether it belongs to the closing.
    fn take(&mut self, ctx: &Ctx, c: &Cell, alone: bool) -> bool {
        let t = c.text.as_str();
        if std::mem::take(&mut self.after_authority) && alone && self.wrapped_authority(t) {
            return true;
        }
        if std::mem::take(&mut self.after_title) && alone && self.wrapped_title(t) {
            return true;
        }
        if is_flat_recipients(t) {
            self.recipients_open = true;
            self.push_flat(ctx, t, (c.start, c.end));
            return true;
        }
        let (kind, rest) = classify_start(t);
        match kind {
            LineKind::RecipientsStart => {
                self.recipients_open = true;
                if !rest.trim_start_matches(':').trim().is_empty() {
                    let r = rest.trim_start_matches(':').trim();
                    if classify_start(r).0 == LineKind::Authority {
                        // "Nơi nhận: T/M BAN THƯỜNG VỤ": the columns joined by one space
                        // (OCR); the signature's authority line stands beside the heading.
                        self.authority(r);
                    } else {
                        // A recipient, the archive or a whole flattened list beside the
                        // heading ("Nơi nhận: - A; - B; - Lưu: VT.").
                        self.push_flat(ctx, r, (c.start, c.end));
                    }
                }
                true
            }
            LineKind::Archive => {
                self.closing.archive = Some(archive(t, ctx.span(c.start, c.end)));
                self.recipients_open = false;
                true
            }
            LineKind::Authority => {
                self.authority(t);
                true
            }
            // Any bullet: "-", "–", "+", "•", a scan's "¬" for "-".
            LineKind::Marker(ref m)
                if self.recipients_open
                    && matches!(m.kind, MarkerKind::Indent | MarkerKind::Subindent) =>
            {
                // (Items flattened onto a bullet's line are split: "- Bộ Tài chính; - Lưu:
                // VT." gives a recipient and the archive.)
                self.push_flat(ctx, rest.trim(), (c.start, c.end));
                true
            }
            _ => self.take_text(ctx, c, alone),
        }
    }

    /// A cell with no closing keyword: a wrapped recipient, the signer's title or name, a
    /// signature note or a drafter's mark.
    fn take_text(&mut self, ctx: &Ctx, c: &Cell, alone: bool) -> bool {
        let t = c.text.as_str();
        if self.recipients_open && self.bullet {
            self.push_flat(ctx, t, (c.start, c.end));
            return true;
        }
        // A recipient wrapped after its comma ("…, NHNNVN;") on a line of its own.
        if self.recipients_open
            && alone
            && t.chars().count() <= 40
            && self
                .items
                .last()
                .is_some_and(|(p, _, _)| p.trim_end().ends_with(','))
        {
            self.continue_item(ctx, c);
            return true;
        }
        let signature = &mut self.signature;
        // ("ĐÃ KÝ" under the title is a note, not a title.)
        if is_upper(t)
            && !is_signature_note(t)
            && t.chars().count() <= 80
            && signature.name.is_none()
            && !t.chars().any(|c| c.is_ascii_digit())
        {
            signature.title = Some(t.to_owned());
            signature.lines.push(t.to_owned());
            self.after_title = true;
            return true;
        }
        if is_signature_note(t) {
            signature.lines.push(t.to_owned());
            return true;
        }
        let rank_start = self.rank_start.take();
        if (!signature.lines.is_empty() || !self.recipients_open) && signature.name.is_none() {
            let joined = rank_start.as_ref().map(|r| format!("{r} {t}"));
            if let Some((honorific, name)) = signer(joined.as_deref().unwrap_or(t)) {
                signature.name = Some(name.to_owned());
                signature.honorific = honorific.map(str::to_owned);
                // (The lines as written: a rank or its first word on a line of its own.)
                signature.lines.extend(rank_start);
                signature.lines.push(t.to_owned());
                return true;
            }
            // (A rank held for a name that did not come is kept as written.)
            signature.lines.extend(rank_start);
            if alone && (starts_rank(t) || is_rank(t)) {
                self.rank_start = Some(t.to_owned());
                return true;
            }
        }
        if self.recipients_open
            && self.items.last().is_some_and(|(p, _, _)| {
                !p.trim_end().ends_with([';', '.'])
                    || t.chars().next().is_some_and(char::is_lowercase)
            })
        {
            self.continue_item(ctx, c);
            return true;
        }
        is_drafter_mark(t) && self.signature.name.is_none()
    }

    /// The items of a recipient list flattened into one text ("- Chính phủ; - Bộ A; - Lưu:
    /// VT."): each a recipient, the archive line the archive.
    fn push_flat(&mut self, ctx: &Ctx, text: &str, (start, end): (usize, usize)) {
        for item in text.split("; - ") {
            let item = item.trim_start_matches("- ");
            if item.starts_with("Lưu") {
                self.closing.archive = Some(archive(item, ctx.span(start, end)));
                self.recipients_open = false;
            } else {
                self.items.push((item.to_owned(), start, end));
            }
        }
    }

    /// Append a cell to the last recipient. A flattened list wrapped over lines is split
    /// again where the wrap joined its items (`"… - Các bộ,"` then `"cơ quan ngang bộ; - C;
    /// - Lưu: VT."`: they were one recipient, the archive among them).
    fn continue_item(&mut self, ctx: &Ctx, c: &Cell) {
        let Some(mut last) = self.items.pop() else {
            return;
        };
        // (Only the joined part is looked at, from the last three bytes before it: the whole
        // item each time made a recipient wrapped over thousands of lines quadratic.)
        let seam = vanban_text::floor(&last.0, last.0.len().saturating_sub(3));
        last.0.push(' ');
        last.0.push_str(&c.text);
        last.2 = c.end;
        if last.0.sub(seam..).contains("; - ") {
            self.push_flat(ctx, &last.0, (last.1, last.2));
        } else {
            self.items.push(last);
        }
    }

    fn finish(self, ctx: &Ctx) -> Closing {
        let mut closing = self.closing;
        closing.recipients = self
            .items
            .into_iter()
            .map(|(t, s, e)| recipient(&t, ctx.span(s, e)))
            .collect();
        if !self.signature.lines.is_empty() {
            closing.signature = Some(self.signature);
        }
        closing
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_line() {
        let a = archive("- Lưu: VT, ĐTXD. (D)", Span::default());
        assert_eq!(a.holders, ["VT", "ĐTXD"]);
        assert_eq!(a.note.as_deref(), Some("(D)"));
        let a = archive("Lưu: VT, HC (2).", Span::default());
        assert_eq!(a.holders, ["VT", "HC"]);
        assert_eq!(a.note.as_deref(), Some("(2)"));
        let a = archive("- Lưu Văn phòng Đảng ủy.", Span::default());
        assert_eq!(a.holders, ["Văn phòng Đảng ủy"]);
    }

    /// An authority line wrapped in a narrow column goes on on the next line; a title under a
    /// whole authority does not.
    #[test]
    fn a_wrapped_authority_line_goes_on() {
        assert!(wraps_into("ỦY BAN NHÂN", "DÂN"));
        assert!(wraps_into("BỘ CHÍNH", "TRỊ"));
        assert!(wraps_into("BAN THƯỜNG", "VỤ"));
        assert!(wraps_into("BỘ", "TRƯỞNG"));
        assert!(wraps_into("CHÁNH VĂN", "PHÒNG"));
        assert!(!wraps_into("CHỦ TỊCH", "PHÓ CHỦ TỊCH"));
        assert!(!wraps_into("ỦY BAN NHÂN DÂN", "CHỦ TỊCH"));
        assert!(!wraps_into("BỘ TRƯỞNG", "THỨ TRƯỞNG"));
        assert!(!wraps_into("BAN THƯỜNG VỤ", "BÍ THƯ"));
        assert!(!wraps_into("BAN", "CHỦ TỊCH"));
        // Tone marks placed the old way, and a second title after a comma.
        assert!(wraps_into("UỶ BAN NHÂN", "DÂN"));
        assert!(wraps_into("BỘ TRƯỞNG,", "CHỦ NHIỆM"));
        assert!(!wraps_into(
            "BỘ TRƯỞNG,",
            "VÀ CÁC CƠ QUAN NGANG BỘ TRỰC THUỘC"
        ));
    }

    #[test]
    fn a_rank_or_degree_before_the_name_is_kept_apart() {
        let cases = [
            (
                "Đại tướng Nguyễn Tân Cương",
                Some("Đại tướng"),
                "Nguyễn Tân Cương",
            ),
            ("Thiếu tá Lê Văn Hùng", Some("Thiếu tá"), "Lê Văn Hùng"),
            ("Đại uý Hà Văn Tú", Some("Đại uý"), "Hà Văn Tú"),
            (
                "Chuẩn Đô đốc Phạm Văn An",
                Some("Chuẩn Đô đốc"),
                "Phạm Văn An",
            ),
            ("PGS.TS. Trần Văn Bình", Some("PGS.TS."), "Trần Văn Bình"),
            ("PGS. TS. Trần Văn Bình", Some("PGS. TS."), "Trần Văn Bình"),
            ("BS.CKII Nguyễn Thị Lan", Some("BS.CKII"), "Nguyễn Thị Lan"),
            (
                "Thượng tướng, TS. Lê Quốc Hùng",
                Some("Thượng tướng, TS."),
                "Lê Quốc Hùng",
            ),
            // A scan's rank with a mark lost.
            (
                "Đại tương Nguyễn Tân Cương",
                Some("Đại tương"),
                "Nguyễn Tân Cương",
            ),
            ("Nguyễn Hữu Long", None, "Nguyễn Hữu Long"),
            ("Nguyễn Văn An_", None, "Nguyễn Văn An"),
        ];
        for (printed, honorific, name) in cases {
            assert_eq!(signer(printed), Some((honorific, name)), "{printed}");
        }
        for not_a_signer in [
            "Như trên",
            "Trung tâm Y tế",
            "Đại hội Đảng bộ",
            "TS.",
            "Đại tướng",
        ] {
            assert_eq!(signer(not_a_signer), None, "{not_a_signer}");
        }
    }

    /// A signer's rank wrapped away from the name in a narrow signature column, and the
    /// regulation after it: the name is read with its rank, and the regulation is an
    /// appendix (the whole regulation was trailing text, its articles and tasks unread).
    #[test]
    fn a_ranked_signer_wrapped_over_two_lines_ends_the_closing() {
        let text = "BỘ QUỐC PHÒNG\nSố: 89/VBHN-BQP\n\nQUYẾT ĐỊNH\nVề quản lý cảng\n\n\
                    Điều 1. Ban hành kèm theo Quyết định này Quy chế.\n\nNơi nhận:\n\
                    - Văn phòng Chính phủ;\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\
                    Đại\ntướng Nguyễn Tân Cương\n\nQUY CHẾ\nQUẢN LÝ HOẠT ĐỘNG CỦA CẢNG\n\
                    (Ban hành kèm theo Quyết định số 25/2016/QĐ-TTg)\n\nĐiều 1. Phạm vi\n\
                    Quy chế này quy định việc quản lý.\n";
        let p = crate::parse(text);
        let signature = p.document.closing.signature.expect("a signature");
        assert_eq!(signature.name.as_deref(), Some("Nguyễn Tân Cương"));
        assert_eq!(signature.honorific.as_deref(), Some("Đại tướng"));
        assert_eq!(p.document.trailing, None);
        assert_eq!(p.document.appendices.len(), 1);
        assert_eq!(p.document.appendices[0].heading, "QUY CHẾ");
        // The rank on a line of its own, on one line with the name, and no rank at all.
        let own_line = crate::parse(&text.replace("Đại\ntướng ", "Đại tướng\n"));
        let read = |s: vanban_model::Signature| (s.name, s.honorific);
        assert_eq!(
            own_line.document.closing.signature.map(read),
            Some((
                Some("Nguyễn Tân Cương".to_owned()),
                Some("Đại tướng".to_owned())
            ))
        );
        // A rank's first word that no name follows is kept in the signature's lines.
        let lone = crate::parse(&text.replace("Đại\ntướng Nguyễn Tân Cương", "Trung\ntâm Y tế"));
        let lines = lone.document.closing.signature.map(|s| s.lines);
        assert!(lines.is_some_and(|l| l.contains(&"Trung".to_owned())));
        let one_line = crate::parse(&text.replace("Đại\ntướng", "Đại tướng"));
        assert_eq!(
            one_line.document.closing.signature.map(read),
            Some(read(signature))
        );
        let bare = crate::parse(&text.replace("Đại\ntướng ", ""));
        let signature = bare.document.closing.signature.expect("a signature");
        assert_eq!(
            (signature.name.as_deref(), signature.honorific),
            (Some("Nguyễn Tân Cương"), None)
        );
        assert_eq!(bare.document.appendices.len(), 1);
    }

    /// A signer's title wrapped in a narrow column ("PHÓ BÍ THƯ THƯỜNG" / "TRỰC", also beside
    /// a recipient) is one title; "ĐÃ KÝ" under it is a note, not a part of it.
    #[test]
    fn a_wrapped_title_is_one() {
        let title = |block: &str| {
            let text = format!(
                "TỈNH ỦY LÀO CAI\nSố: 104-CTr/TU\n\nCHƯƠNG TRÌNH\nVề X\n\n1. Các cấp ủy thực hiện.\n\n{block}\nHoàng Giang\n"
            );
            crate::parse(&text)
                .document
                .closing
                .signature
                .and_then(|s| s.title)
        };
        let want = Some("PHÓ BÍ THƯ THƯỜNG TRỰC".to_owned());
        assert_eq!(title("T/M TỈNH ỦY\nPHÓ BÍ THƯ THƯỜNG\nTRỰC"), want);
        assert_eq!(
            title("Nơi nhận:                      T/M TỈNH ỦY\n- Ban Bí thư;          PHÓ BÍ THƯ THƯỜNG\nTRỰC\n- Lưu VP."),
            want
        );
        assert_eq!(title("T/M TỈNH ỦY\nPHÓ BÍ THƯ THƯỜNG TRỰC"), want);
        assert_eq!(
            title("T/M TỈNH ỦY\nBÍ THƯ\nĐÃ KÝ"),
            Some("BÍ THƯ".to_owned())
        );
    }

    /// An emphasis run opened by a stray "*" that no line near it closes holds nothing open:
    /// the recipients after it, the signature and the attached regulation are read as
    /// without the star (the rest of the document was one recipient). A run wrapped over
    /// three lines is still one cell.
    #[test]
    fn a_stray_star_in_the_recipients_swallows_nothing() {
        let doc = |note: &str| {
            format!(
                "ỦY BAN NHÂN DÂN TỈNH A\nSố: 27/2025/QĐ-UBND\n\nQUYẾT ĐỊNH\nVề an toàn điện\n\n\
                 Điều 1. Ban hành kèm theo Quyết định này Quy định.\n\nNơi nhận:\n\
                 - Bộ Công Thương;\n- Các đơn vị điện lực\n{note};\n- Trung tâm thông tin;\n\
                 - Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\
                 Nguyễn Thanh Bình\n\nQUY ĐỊNH\nQuản lý an toàn điện\n\
                 (Ban hành kèm theo Quyết định số 27/2025/QĐ-UBND)\n\nĐiều 1. Phạm vi\n"
            )
        };
        let read = |text: &str| {
            let p = crate::parse(text);
            let c = p.document.closing;
            let names: Vec<String> = c.recipients.iter().map(|r| r.name.clone()).collect();
            let signer = c.signature.and_then(|s| s.name);
            (names, signer, p.document.appendices.len())
        };
        let clean = read(&doc("(Sở gửi văn bản)"));
        assert_eq!(clean.0.len(), 3, "{clean:?}");
        assert_eq!(clean.1.as_deref(), Some("Nguyễn Thanh Bình"));
        assert_eq!(clean.2, 1);
        assert_eq!(read(&doc("(Sở gửi văn bản)*")), clean);
        assert_eq!(read(&doc("*(Sở gửi văn bản)*")), clean);
        let wrapped = doc("(Sở gửi văn bản)").replace(
            "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
            "**TM. ỦY BAN\nNHÂN DÂN\nTỈNH A**\nKT. CHỦ TỊCH",
        );
        let p = crate::parse(&wrapped);
        let signature = p.document.closing.signature;
        let first = signature.and_then(|s| s.authority.into_iter().next());
        assert_eq!(
            first.map(|a| a.of).as_deref(),
            Some("ỦY BAN NHÂN DÂN TỈNH A")
        );
    }

    /// A recipients' list whose first bullet stands alone, its text wrapped to the next line
    /// (a web copy's table cell: "-" / "Thủ tướng Chính phủ (để b/c);"), is the closing's:
    /// it stayed in the body, the list a paragraph of the last article. A lone bullet later
    /// in the list gives its item too.
    #[test]
    fn a_lone_bullet_under_the_heading_opens_the_list() {
        let doc = |list: &str| {
            format!(
                "ỦY BAN NHÂN DÂN TỈNH A\nSố: 27/2025/QĐ-UBND\n\nQUYẾT ĐỊNH\nVề an toàn điện\n\n\
                 Điều 1. Quyết định này có hiệu lực từ ngày ký.\n\nNơi nhận:\n{list}\n\
                 - Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Thanh Bình\n"
            )
        };
        let read = |text: &str| {
            let p = crate::parse(text);
            let c = p.document.closing;
            let names: Vec<String> = c.recipients.iter().map(|r| r.name.clone()).collect();
            let signer = c.signature.and_then(|s| s.name);
            (names, signer, p.document.body.len())
        };
        let want = read(&doc("- Bộ Công Thương;\n- Sở Tài chính;"));
        assert_eq!(want.0, ["Bộ Công Thương", "Sở Tài chính"], "{want:?}");
        assert_eq!(want.1.as_deref(), Some("Nguyễn Thanh Bình"));
        assert_eq!(read(&doc("-\nBộ Công Thương;\n- Sở Tài chính;")), want);
        assert_eq!(read(&doc("- Bộ Công Thương;\n-\nSở Tài chính;")), want);
        assert_eq!(read(&doc("-\nBộ Công Thương;\n+\nSở Tài chính;")), want);
    }

    /// A recipient list flattened into one line gives its archive line as the archive, not
    /// a recipient; wrapped over lines (as a PDF's text prints it), its items are split
    /// where the wrap joined them (the last four were one recipient); so are items flattened
    /// beside the heading or onto one bullet's line.
    #[test]
    fn a_flattened_list_wrapped_over_lines_is_split() {
        let flat = "- Ban Bí thư; - Thủ tướng, các Phó Thủ tướng; - Các bộ, cơ quan ngang bộ; \
                    - HĐND, UBND các tỉnh; - Văn phòng Chủ tịch nước; - Lưu: VT, TCCV (2).";
        let wrapped = "- Ban Bí thư; - Thủ tướng, các Phó Thủ tướng; - Các bộ,\ncơ quan ngang \
                       bộ; - HĐND, UBND các\ntỉnh; - Văn phòng Chủ tịch nước; - Lưu: VT, TCCV (2).";
        let want = [
            "Ban Bí thư",
            "Thủ tướng, các Phó Thủ tướng",
            "Các bộ, cơ quan ngang bộ",
            "HĐND, UBND các tỉnh",
            "Văn phòng Chủ tịch nước",
        ];
        // Beside the heading, and in part: a bullet whose line holds the last items.
        let beside = format!(" {flat}");
        let partly =
            "- Ban Bí thư;\n- Thủ tướng, các Phó Thủ tướng;\n- Các bộ, cơ quan ngang bộ;\n\
                      - HĐND, UBND các tỉnh;\n- Văn phòng Chủ tịch nước; - Lưu: VT, TCCV (2).";
        for (heading_line, list) in [
            ("", flat),
            ("", wrapped),
            (beside.as_str(), ""),
            ("", partly),
        ] {
            let text = format!(
                "CHÍNH PHỦ\nSố: 172/2025/NĐ-CP\nNGHỊ ĐỊNH\nVề kỷ luật\nĐiều 1. Hiệu lực.\n\
                 Nơi nhận:{heading_line}\n{list}\nTM. CHÍNH PHỦ\nTHỦ TƯỚNG\nNguyễn Văn A\n"
            );
            let closing = crate::parse(&text).document.closing;
            let names: Vec<String> = closing.recipients.into_iter().map(|r| r.name).collect();
            assert_eq!(names, want, "{list}");
            let archive = closing.archive.map(|a| a.holders);
            assert_eq!(
                archive,
                Some(vec!["VT".to_owned(), "TCCV".to_owned()]),
                "{list}"
            );
        }
    }

    #[test]
    fn names() {
        assert!(is_name("Phan Trung Bá"));
        assert!(is_name("Nguyễn Hữu Long"));
        assert!(!is_name("Như trên"));
        assert!(!is_name("PHÓ CHỦ TỊCH"));
        assert!(is_name("H'Yim Kđoh"));
        assert!(is_name("H’Hen Niê"));
        assert!(is_name("Y Giang Gry Niê Knơng"));
        assert!(!is_name("H'yim Kđoh"));
        assert!(!is_name("Nguyễn Văn A'"));
    }
}
