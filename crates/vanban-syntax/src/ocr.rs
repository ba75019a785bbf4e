//! Markers that text recognition misread in scans. A scan's "III." comes out as "HI-" or
//! "IH.", its "I." as "1-" or "l." (the two strokes of "II" read as one "H", a lone "I" as a
//! digit one or a small L), its "II-" and "III-" as "I-" and "II-" (strokes lost); a point
//! "a)" as "8)"; an item "9." as "9,". Such a line is read as
//! the marker its sequence is missing — only where the markers around it ask for exactly that
//! one, so that an ordinary line is never taken for a marker by these rules.

use vanban_text::Sub;

use crate::clean;
use crate::line::{Line, LineKind, Marker, MarkerKind, Seen};

/// Read misrecognised markers as the markers they stand for.
pub(crate) fn repair_markers(lines: &mut [Line], seen: Seen) {
    // Each repair starts from a marker of its kind: Roman numbers, or items ("8)", "8.").
    if seen.romans {
        mark_ocr_romans(lines);
        mark_lost_strokes(lines);
    }
    if seen.items {
        mark_ocr_points(lines);
        mark_ocr_items(lines);
    }
}

/// Whether a marker's written form does not spell its number: one these repairs read ("HI-"
/// as III, "8)" as a, "9," as 9), for the `ocr-tolerated` diagnostic.
pub(crate) fn repaired(m: &Marker) -> bool {
    let Some(number) = m.number() else {
        return false;
    };
    match m.kind {
        MarkerKind::Roman | MarkerKind::Point => {
            m.text().trim_end_matches(['.', '-', '–', ')', '/', ' ']) != number
        }
        MarkerKind::Item => m.text().ends_with(','),
        _ => false,
    }
}

/// Roman sections: a line whose misread number is the one missing between the Roman
/// sections before and after it, with an upper-case heading as sections have.
fn mark_ocr_romans(lines: &mut [Line]) {
    let romans: Vec<(usize, u32)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| match &l.kind {
            LineKind::Marker(m) if m.kind == MarkerKind::Roman => {
                m.number().and_then(roman_value).map(|v| (i, v))
            }
            _ => None,
        })
        .collect();
    if romans.is_empty() {
        return;
    }
    for (i, line) in lines.iter_mut().enumerate() {
        let Some((value, marker_end)) = misread(line) else {
            continue;
        };
        let after = romans.partition_point(|r| r.0 < i);
        let prev = after.checked_sub(1).map_or(0, |p| romans[p].1);
        let next = romans[after..].iter().find(|r| r.0 > i).map(|r| r.1);
        let fits = value == prev + 1
            && match next {
                Some(n) => n == value + 1,
                None => prev > 0,
            };
        if !fits {
            continue;
        }
        let rest = line.full.sub(marker_end..).trim_start();
        line.set_clean_at(line.full.len() - rest.len());
        line.kind = LineKind::Marker(Marker::new(
            MarkerKind::Roman,
            line.full.sub(..marker_end).trim_end(),
            Some(ROMANS[value as usize - 1]),
        ));
    }
}

/// Roman sections whose strokes a scan lost: "I- … I- … II- … IV-" is I, II, III, IV. A
/// section written "I" or "II" that does not go on from the one before is read as the next
/// number when that number is II or III (one or two strokes more), its heading is upper case,
/// and the section after the run goes on from it (IV after the III read); a restart of the
/// numbering (an appendix's "I.") is never followed by such a section, so it stays.
fn mark_lost_strokes(lines: &mut [Line]) {
    let mut prev = 0;
    let mut run: Vec<(usize, u32)> = Vec::new();
    for i in 0..lines.len() {
        let LineKind::Marker(m) = &lines[i].kind else {
            continue;
        };
        if m.kind != MarkerKind::Roman {
            continue;
        }
        let Some(v) = m.number().and_then(roman_value) else {
            continue;
        };
        if v == prev + 1 {
            for &(k, value) in &run {
                if let LineKind::Marker(m) = &mut lines[k].kind {
                    m.set_number(Some(ROMANS[value as usize - 1]));
                }
            }
            run.clear();
            prev = v;
            continue;
        }
        let strokes = m.number().is_some_and(|n| n.bytes().all(|b| b == b'I'));
        let upper = clean::is_upper(lines[i].full.sub(lines[i].clean_at()..));
        if strokes && upper && v <= prev && prev < 3 && prev + 1 - v <= 2 {
            prev += 1;
            run.push((i, prev));
        } else {
            run.clear();
            prev = v;
        }
    }
}

/// The value a misread marker stands for and where the marker ends, for a text line (or an
/// item "1-"/"1.") that starts with letters a scan confuses with Roman digits, at least one of
/// them misread, then ".", "-" or "–" and an upper-case heading.
fn misread(line: &Line) -> Option<(u32, usize)> {
    let item_one = matches!(&line.kind, LineKind::Marker(m)
        if m.kind == MarkerKind::Item && m.number() == Some("1"));
    if line.kind != LineKind::Text && !item_one {
        return None;
    }
    let full = line.full.as_str();
    let token_len = full
        .find(|c: char| !matches!(c, 'I' | 'V' | 'X' | 'H' | 'l' | '1' | '|'))
        .unwrap_or(full.len());
    let token = full.sub(..token_len);
    if token.is_empty() || token.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        return None;
    }
    let mut read = String::new();
    for c in token.chars() {
        match c {
            'H' => read.push_str("II"),
            'l' | '1' | '|' => read.push('I'),
            c => read.push(c),
        }
    }
    let value = roman_value(&read)?;
    let after = full.sub(token_len..).trim_start_matches(' ');
    let punct = after
        .chars()
        .next()
        .filter(|c| matches!(c, '.' | '-' | '–'))?;
    let heading = after.sub(punct.len_utf8()..);
    let letters = heading
        .chars()
        .filter(|&c| vanban_text::is_alphabetic(c))
        .count();
    if !heading.starts_with(' ') || letters < 4 || !clean::is_upper(heading) {
        return None;
    }
    Some((value, full.len() - heading.len()))
}

/// The next marker within a page of lines after line `i`.
fn next_marker(lines: &[Line], i: usize) -> Option<&Marker> {
    lines
        .iter()
        .skip(i + 1)
        .take(NEAR)
        .find_map(|l| match &l.kind {
            LineKind::Marker(m) => Some(m),
            _ => None,
        })
}

/// The marker within a page of lines before line `i`.
fn prev_marker(lines: &[Line], i: usize) -> Option<&Marker> {
    lines
        .iter()
        .take(i)
        .rev()
        .take(NEAR)
        .find_map(|l| match &l.kind {
            LineKind::Marker(m) => Some(m),
            _ => None,
        })
}

/// How far the point repair looks for the markers around a line.
const NEAR: usize = 200;

/// Points: "8)" that opens a list whose next marker is "b)" is the "a)" before it ("a" read
/// as "8"), when no point list is open above it.
fn mark_ocr_points(lines: &mut [Line]) {
    for i in 0..lines.len() {
        let LineKind::Marker(m) = &lines[i].kind else {
            continue;
        };
        if m.kind != MarkerKind::Item || m.text() != "8)" {
            continue;
        }
        let next_b = next_marker(lines, i)
            .is_some_and(|n| n.kind == MarkerKind::Point && n.number() == Some("b"));
        let in_list = prev_marker(lines, i).is_some_and(|p| p.kind == MarkerKind::Point);
        if next_b && !in_list {
            lines[i].kind = LineKind::Marker(Marker::new(MarkerKind::Point, m.text(), Some("a")));
        }
    }
}

/// Items: a short heading line "9, Ban Tuyên giáo …" after a blank line, where the last item
/// before it is "8." — the full stop read as a comma.
fn mark_ocr_items(lines: &mut [Line]) {
    // The line of the last item ending with a full stop; its number is read only when a line
    // may follow it (a list of a million items was parsed number by number).
    let mut last_item_line: Option<usize> = None;
    for i in 0..lines.len() {
        if let LineKind::Marker(m) = &lines[i].kind {
            if m.kind == MarkerKind::Item && m.text().ends_with('.') {
                last_item_line = Some(i);
            }
            continue;
        }
        let after_blank = i > 0 && lines[i - 1].kind == LineKind::Blank;
        if lines[i].kind != LineKind::Text || !after_blank {
            continue;
        }
        let full = lines[i].full.as_str();
        let digits = full.find(|c: char| !c.is_ascii_digit()).unwrap_or(0);
        let Ok(n) = full.sub(..digits).parse::<u32>() else {
            continue;
        };
        let rest = full.sub(digits..);
        let heading = rest.strip_prefix(", ").unwrap_or("");
        let heading_like = heading.chars().next().is_some_and(char::is_uppercase)
            && heading.chars().count() <= 100
            && !heading.ends_with(['.', ',', ';', ':']);
        let last_item = last_item_line
            .and_then(|k| lines[k].marker())
            .and_then(|m| m.number())
            .and_then(|n| n.parse::<u32>().ok());
        if last_item.is_some_and(|l| l + 1 == n) && heading_like {
            let heading_len = heading.len();
            let line = &mut lines[i];
            line.set_clean_at(line.full.len() - heading_len);
            line.kind = LineKind::Marker(Marker::new(
                MarkerKind::Item,
                line.full.sub(..digits + 1),
                Some(&n.to_string()),
            ));
            last_item_line = Some(i);
        }
    }
}

/// The Roman numerals sections use, I to XXXIX.
const ROMANS: [&str; 39] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
    "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII",
    "XXVIII", "XXIX", "XXX", "XXXI", "XXXII", "XXXIII", "XXXIV", "XXXV", "XXXVI", "XXXVII",
    "XXXVIII", "XXXIX",
];

/// The value of a Roman numeral as sections write it.
fn roman_value(s: &str) -> Option<u32> {
    ROMANS.iter().position(|r| *r == s).map(|p| p as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::classify;

    fn outline(text: &str) -> Vec<String> {
        // (The line pass ends with the repairs.)
        classify(text)
            .iter()
            .filter_map(|l| match &l.kind {
                LineKind::Marker(m) => Some(format!(
                    "{:?} {} {} | {}",
                    m.kind,
                    m.text(),
                    m.number().unwrap_or("-"),
                    l.clean()
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn sections_that_lost_strokes_take_the_numbers_their_sequence_asks_for() {
        let got = outline("I- BỐI CẢNH\nx\nI- QUAN ĐIỂM\ny\nII- NHIỆM VỤ\nz\nIV- TỔ CHỨC\n");
        let numbers: Vec<&str> = got
            .iter()
            .map(|l| l.split(' ').nth(2).unwrap_or(""))
            .collect();
        assert_eq!(numbers, ["I", "II", "III", "IV"]);
        // Not without a section that goes on from the run, nor for a restart (an appendix).
        let got = outline("I. MỘT\nII. HAI\nPHỤ LỤC\nI. MỘT\n");
        assert_eq!(got[2], "Roman I. I | MỘT");
        let got = outline("I. MỘT\nII. HAI\nIII. BA\nPHỤ LỤC\nI. MỘT\nII. HAI\nIII. BA\n");
        let numbers: Vec<&str> = got
            .iter()
            .map(|l| l.split(' ').nth(2).unwrap_or(""))
            .collect();
        assert_eq!(numbers, ["I", "II", "III", "I", "II", "III"]);
        // Not a heading in lower case.
        let got = outline("I. MỘT\nI. hai\nIII. BA\n");
        assert_eq!(got[1], "Roman I. I | hai");
    }

    #[test]
    fn misread_sections_between_read_ones_are_roman() {
        let text = "1- MỤC ĐÍCH, YÊU CẦU\n1. Cụ thể hoá.\nII- NHIỆM VỤ CHỦ YẾU\n1. Tăng cường.\n\
                    HI- TỎ CHỨC THỰC HIỆN\n1. Đảng uỷ Quốc hội\nIV. KINH PHÍ\n";
        let got = outline(text);
        assert_eq!(got[0], "Roman 1- I | MỤC ĐÍCH, YÊU CẦU");
        assert_eq!(got[4], "Roman HI- III | TỎ CHỨC THỰC HIỆN");
        assert_eq!(got[5], "Item 1. 1 | Đảng uỷ Quốc hội");
    }

    #[test]
    fn only_where_the_sequence_asks_for_it() {
        // No Roman section at all: "1." stays an item.
        let got = outline("1. MỤC ĐÍCH\n2. YÊU CẦU\n");
        assert!(got[0].starts_with("Item"), "{got:?}");
        // "I." is there already: the item after it stays an item.
        let got = outline("I. MỤC ĐÍCH\n1. MỤC TIÊU CHUNG\nII. NHIỆM VỤ\n");
        assert!(got[1].starts_with("Item"), "{got:?}");
        // A number that does not continue the sequence, or a heading in small letters.
        let got = outline("I. A B C\nII. D E F\nH- KHÔNG PHẢI\nHI- Tổ chức thực hiện\n");
        assert_eq!(got.len(), 2, "{got:?}");
        // After the last section, a misread one must follow it.
        let got = outline("I. MỤC ĐÍCH\nII. NHIỆM VỤ\nlV. KINH PHÍ\nHI. TỔ CHỨC THỰC HIỆN\n");
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[2], "Roman HI. III | TỔ CHỨC THỰC HIỆN");
    }

    #[test]
    fn misread_points_and_items_in_sequence() {
        let text = "7. Các tỉnh uỷ, thành uỷ\n\n8) Xây dựng chương trình.\n\nb) Lãnh đạo.\n\n\
                    8. Ban Chính sách\n\na) Chủ trì.\n\n9, Ban Tuyên giáo và Dân vận Trung ương\n\n\
                    Chủ trì hướng dẫn.\n";
        let got = outline(text);
        assert_eq!(got[1], "Point 8) a | Xây dựng chương trình.", "{got:?}");
        assert_eq!(
            got[5], "Item 9, 9 | Ban Tuyên giáo và Dân vận Trung ương",
            "{got:?}"
        );
        // A repaired item continues the sequence for the next ("9," then "10,").
        let got = outline("8. Tám\n\n9, Ban Tuyên giáo\n\n10, Ban Dân vận\n");
        assert_eq!(got[2], "Item 10, 10 | Ban Dân vận", "{got:?}");
        // "8)" with no "b)" after it, and "9, 10" in a sentence, stay as they are.
        let got = outline("7. A\n\n8) Xây dựng.\n\n9. B\n\n10, Sở Tài chính báo cáo.\n");
        assert_eq!(got[1], "Item 8) 8 | Xây dựng.", "{got:?}");
        assert_eq!(got.len(), 3, "{got:?}");
    }
}
