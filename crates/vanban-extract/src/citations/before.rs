//! A date and an issuer a sentence states before its citation: "Ngày 18/12/2025, Cục Địa
//! chất và Khoáng sản Việt Nam có Văn bản số 3633/ĐCKS-PCKS …" is the letter of that Cục of
//! that day, as "Văn bản số 3633/ĐCKS-PCKS ngày 18/12/2025 của Cục …" would be. Only a
//! sentence that opens with the date, names its subject and says the subject issued the
//! document (`có`, `ban hành`, `ký`, `có ý kiến tại`) gives them: "Ngày 15/3/2025, Sở Nội
//! vụ nhận được Văn bản số …" says nothing of the letter's date.

use std::sync::LazyLock;

use regex::Regex;
use vanban_model::DateParts;
use vanban_text::fold::fold_case;
use vanban_text::Sub;

/// How far before a citation its sentence may start.
const REACH: usize = 240;

/// The sentence's opening, on the folded text, up to the citation's type name: the date,
/// the subject (no digit, no punctuation that would end a clause) and the verb of issuing.
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    // (A scan's lost tone marks tolerated: "Ngay …, Cục … co Văn bản số …".)
    Regex::new(concat!(
        r"^(?:[-+•*_]+ *)?ng(?:ày|ay|áy) +([0-9]{1,2})(?: *[/.-] *| +th[aá]ng +)([0-9]{1,2})",
        r"(?: *[/.-] *| +n[aă]m +)([0-9]{4}),? +([^0-9,;:.()\n]{2,120}?) +(?:[đd][aã] +)?",
        r"(?:c[oó] +[yý] +ki[eế]n(?: +ch[iỉ] +[đd][aạ]o)? +t[aạ]i|k[yý] +ban +h[aà]nh",
        r"|ban +h[aà]nh|k[yý]|c[oó]) +$",
    ))
    .unwrap_or_else(|e| unreachable!("static pattern: {e}"))
});

/// The date and the subject (as written in `text`) the sentence around `start` states
/// before it, when it opens as above. `from` is where the citation's place begins.
pub(crate) fn opening(
    text: &str,
    folded: &str,
    from: usize,
    start: usize,
) -> Option<(DateParts, String)> {
    let low = vanban_text::floor(folded, start.saturating_sub(REACH).max(from));
    let window = folded.sub(low..start);
    // The sentence's start: after a line break (a hard wrap may stand inside the sentence),
    // a semicolon, a colon or a full stop, the nearest that is followed by "ngày"; none past
    // a sentence's end.
    let bytes = window.as_bytes();
    // The sentence opens with "Ngày" in capitals in the text: "… kiểm tra từ" / "ngày
    // 15/3/2025, …" is a wrapped sentence's middle.
    let opens = |at: usize| {
        let s = window.sub(at..);
        let word = s
            .trim_start()
            .trim_start_matches(['-', '+', '•', '*', '_', ' ']);
        let word_at = low + at + (s.len() - word.len());
        ["ngày", "ngay", "ngáy"].iter().any(|w| word.starts_with(w))
            && text.sub(word_at..).starts_with('N')
    };
    let mut open = None;
    for (p, &b) in bytes.iter().enumerate().rev() {
        let full_stop = b == b'.' && bytes.get(p + 1).is_some_and(u8::is_ascii_whitespace);
        if !(b == b'\n' || b == b';' || b == b':' || full_stop) {
            continue;
        }
        if opens(p + 1) {
            open = Some(p + 1);
            break;
        }
        if b != b'\n' {
            break;
        }
    }
    let open = match open {
        Some(p) => p,
        None if low == from && opens(0) => 0,
        None => return None,
    };
    let sentence = window.sub(open..);
    let lead = sentence.len() - sentence.trim_start().len();
    // (A hard wrap is a space; both are one byte, so the offsets hold.)
    let sentence = sentence.trim_start().replace('\n', " ");
    let caps = OPENING.captures(&sentence)?;
    let date = DateParts {
        day: caps.get(1)?.as_str().parse().ok(),
        month: caps.get(2)?.as_str().parse().ok(),
        year: caps.get(3)?.as_str().parse().ok(),
    };
    date.iso()?;
    let subject = caps.get(4)?;
    let at = low + open + lead;
    let written = vanban_text::squash_spaces(text.sub(at + subject.start()..at + subject.end()));
    // Words of manner before the verb are no part of the subject ("Sở Tài chính cũng có …");
    // a negation says the document was not issued ("… không có Công văn số …").
    let mut written = written.as_str();
    while let Some((rest, last)) = written.rsplit_once(' ') {
        match fold_case(last).as_str() {
            "không" | "chưa" | "chẳng" => return None,
            "cũng" | "vừa" | "mới" | "đều" | "đã" | "sẽ" | "lại" => written = rest,
            _ => break,
        }
    }
    let written = written.to_owned();
    // A body is named with a capital ("Cục …", "UBND tỉnh …", "Chính phủ"), a
    // description is not ("ngành thuế").
    written
        .starts_with(char::is_uppercase)
        .then_some((date, written))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(Option<String>, String)> {
        let start = text.find("Văn bản").or_else(|| text.find("Nghị định"))?;
        opening(text, &fold_case(text), 0, start).map(|(d, s)| (d.iso(), s))
    }

    #[test]
    fn a_sentence_opening_with_the_date_and_its_issuer() {
        for (text, date, subject) in [
            (
                "Ngày 18/12/2025, Cục Địa chất và Khoáng sản Việt Nam có Văn bản số 3633/ĐCKS-PCKS xin",
                "2025-12-18",
                "Cục Địa chất và Khoáng sản Việt Nam",
            ),
            (
                "- Ngày 08 tháng 12 năm 2023, Văn phòng Chính phủ đã có ý kiến tại Văn bản số 9611/VPCP-CN",
                "2023-12-08",
                "Văn phòng Chính phủ",
            ),
            // A scan's lost tone marks.
            (
                "Ngay  18/12/2025, Cục Địa chất co Văn bản số 3633/ĐCKS-PCKS",
                "2025-12-18",
                "Cục Địa chất",
            ),
            // Hard-wrapped, after a line that ends no sentence.
            (
                "các văn bản sau\n- Ngày 30/12/2023, UBND tỉnh\nYên Bái đã có\nVăn bản số 4516/UBND-TNMT",
                "2023-12-30",
                "UBND tỉnh Yên Bái",
            ),
            (
                "Tuy nhiên. Ngày 24/02/2020, Chính phủ ban hành Nghị định số 23/2020/NĐ-CP",
                "2020-02-24",
                "Chính phủ",
            ),
        ] {
            assert_eq!(
                read(text),
                Some((Some(date.to_owned()), subject.to_owned())),
                "{text}"
            );
        }
    }

    #[test]
    fn other_sentences_state_nothing() {
        for text in [
            // Lost tone marks elsewhere are no verb of issuing.
            "Ngay 18/12/2025, Cục Địa chất có ý Văn bản số 3633/ĐCKS-PCKS",
            // Received, not issued.
            "Ngày 15/3/2025, Sở Nội vụ nhận được Văn bản số 12/UBND-VP",
            // A description, not a body.
            "Ngày 18/02/2025, ngành thuế có Văn bản số 343/KSVN-KHTCKT",
            // The date is not the sentence's opening.
            "Sở Tài chính, ngày 18/02/2025 có Văn bản số 343/STC-NS",
            // Another citation between the date and this one.
            "Ngày 18/02/2025, theo Quyết định số 5/QĐ-UBND, Sở có Văn bản số 343/STC-NS",
            // A wrapped sentence's middle.
            "Trong đợt kiểm tra từ\nngày 15/3/2025, Sở Tài chính có Công văn số 12/STC-NS",
            // A negation.
            "Ngày 15/3/2025, Sở Tài chính không có Văn bản số 78/STC-NS",
            // No such day.
            "Ngày 31/02/2025, Sở Tài chính có Văn bản số 343/STC-NS",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }
}
