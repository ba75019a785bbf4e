//! The shared state of one parse: the text, its classified lines, the offset map and the
//! diagnostics found so far. Every region reader works on it.

use vanban_model::{Diagnostic, Severity, Span};
use vanban_text::Sub;

use crate::clean::is_upper;
use crate::line::{Line, Seen};
use crate::text::{fold_case, OffsetMap};

/// Shared state of one parse.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub lines: &'a [Line],
    /// What kinds of line the document has.
    pub seen: Seen,
    pub map: &'a OffsetMap,
    pub diagnostics: Vec<Diagnostic>,
    /// The text lower-cased (offsets kept), made when an upper-case header phrase needs it.
    pub(crate) lower: std::cell::OnceCell<String>,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(text: &'a str, lines: &'a [Line], seen: Seen, map: &'a OffsetMap) -> Ctx<'a> {
        Ctx {
            text,
            lines,
            seen,
            map,
            diagnostics: Vec::new(),
            lower: std::cell::OnceCell::new(),
        }
    }

    pub(crate) fn span(&self, start: usize, end: usize) -> Span {
        let (line, column) = self.map.line_col(self.text, start);
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

    /// Byte offset where line `i` starts; the end of the text past the last line.
    pub(crate) fn line_start(&self, i: usize) -> usize {
        self.lines.get(i).map_or(self.text.len(), |l| l.start())
    }

    /// Give an upper-case header phrase the casing the document itself uses for it, e.g.
    /// "SỞ CÔNG THƯƠNG" → "Sở Công Thương"; otherwise sentence case, or for a locality
    /// ("TỈNH TUYÊN QUANG") the unit word in lower case and the name capitalised.
    pub(crate) fn display_case(&self, phrase: &str, locality: bool) -> String {
        let phrase = vanban_text::squash_spaces(phrase);
        if !is_upper(&phrase) {
            return phrase;
        }
        if let Some(found) = self.casing_in_text(&phrase, locality) {
            return found;
        }
        let lower = phrase.to_lowercase();
        if locality {
            return locality_case(&lower);
        }
        // "ĐẢNG BỘ TỈNH LÀO CAI": the body in sentence case, the locality in its own case.
        // (The unit is found in the fold, whose offsets are the phrase's: a lower-case copy
        // can be longer, "İ" lowers to two characters, and its offsets fall elsewhere, inside
        // a letter of the phrase. A fuzzer found the panic that made.)
        let folded = fold_case(&phrase);
        for unit in [
            " tỉnh ",
            " thành phố ",
            " huyện ",
            " quận ",
            " xã ",
            " phường ",
        ] {
            if let Some(pos) = folded.find(unit) {
                let (body, place) = (phrase.sub(..pos), phrase.sub(pos..));
                return format!(
                    "{} {}",
                    vanban_text::fold::capitalized(&body.to_lowercase()),
                    self.display_case(place.trim(), true)
                );
            }
        }
        vanban_text::fold::capitalized(&lower)
    }

    /// The upper-case `phrase` as the text writes it elsewhere in mixed case, as a whole
    /// phrase; a body name found mid-sentence gets a capital first letter.
    fn casing_in_text(&self, phrase: &str, locality: bool) -> Option<String> {
        let needle = fold_case(phrase);
        let lower = self.lower.get_or_init(|| fold_case(self.text));
        for (pos, _) in lower.match_indices(&needle) {
            let end = pos + needle.len();
            let Some(orig) = self.text.get(pos..end) else {
                continue;
            };
            let boundary_ok = vanban_text::whole_word(self.text, pos, end);
            if boundary_ok && orig.chars().any(char::is_lowercase) && !is_upper(orig) {
                let first_upper = orig.chars().next().is_some_and(char::is_uppercase);
                if locality || first_upper {
                    return Some(orig.to_owned());
                }
                // Capitalise the first letter of a body name found mid-sentence.
                let mut cs = orig.chars();
                if let Some(f) = cs.next() {
                    return Some(f.to_uppercase().chain(cs).collect());
                }
            }
        }
        None
    }
}

/// A lower-cased locality with its unit word(s) in lower case and the name capitalised:
/// "thành phố hà nội" → "thành phố Hà Nội".
fn locality_case(lower: &str) -> String {
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
    for (k, w) in lower.split(' ').enumerate() {
        if !out.is_empty() {
            out.push(' ');
        }
        if k < unit_len {
            out.push_str(w);
        } else {
            out.push_str(&vanban_text::fold::capitalized(w));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A body's name is cased with its locality split off where the phrase has the unit,
    /// also when the phrase's lower case is longer than the phrase ("İ" lowers to two
    /// characters: the lower-case copy's offset fell inside "Ỉ" and slicing there panicked).
    #[test]
    fn a_phrase_that_lowers_longer_splits_where_its_unit_is() {
        let text = "Văn bản.";
        let map = crate::text::normalize(text).map;
        let ctx = Ctx::new(text, &[], Seen::default(), &map);
        assert_eq!(
            ctx.display_case("ĐẢNG BỘ TỈNH LÀO CAI", false),
            "Đảng bộ tỉnh Lào Cai"
        );
        assert_eq!(
            ctx.display_case("İİİ TỈNH UỶ LÀO CAI", false),
            "I\u{307}i\u{307}i\u{307} tỉnh Uỷ Lào Cai"
        );
    }
}
