//! National standards and technical regulations cited by their code: "TCVN 14423:2025",
//! "QCVN 01:2019/BCT", "QCVN 01: 2019/BCT" (a space after the colon), "TCVN" / "14423:2025"
//! (wrapped). The code names the document: number, year and, for a regulation, the issuing
//! ministry's code.

use std::sync::OnceLock;

use regex::Regex;
use vanban_model::{DocumentKind, DocumentNumber, NumberForm, Span};
use vanban_text::Sub;

use crate::citations::{Found, FoundExtras};

fn code_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"\b(TCVN|QCVN)[ \n]+(\d{1,5}(?:-\d{1,3})*)[ \n]*:[ \n]*((?:19|20)\d\d)\b(?:[ \n]*/[ \n]*([A-ZĐ][A-ZĐa-z]{1,9})\b)?",
        )
        .unwrap_or_else(|e| unreachable!("static pattern: {e}"))
    })
}

/// Every standard or technical regulation cited by code in `range` of the text.
pub(crate) fn find(text: &str, range: (usize, usize)) -> Vec<Found> {
    let (from, to) = range;
    code_regex()
        .captures_iter(text.sub(from..to))
        .filter_map(|c| {
            let whole = c.get(0)?;
            let (series, seq, year) = (c.get(1)?.as_str(), c.get(2)?.as_str(), c.get(3)?);
            let issuer = c.get(4).map(|m| m.as_str().to_owned());
            let normalized = match &issuer {
                Some(code) => format!("{series} {seq}:{}/{code}", year.as_str()),
                None => format!("{series} {seq}:{}", year.as_str()),
            };
            let (start, end) = (from + whole.start(), from + whole.end());
            Some(Found::new(
                (start, end),
                DocumentKind::Standard,
                Some(Box::new(DocumentNumber {
                    raw: vanban_text::squash_spaces(whole.as_str()).into(),
                    normalized: normalized.into(),
                    seq: Some(seq.into()),
                    year: year.as_str().parse().ok(),
                    type_code: Some(series.into()),
                    issuer_code: issuer.map(Into::into),
                    form: NumberForm::State,
                    span: Span {
                        start,
                        end,
                        line: 0,
                        column: 0,
                    },
                })),
                FoundExtras::default(),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        let t = "theo tiêu chuẩn TCVN\n14423:2025 về An ninh mạng; QCVN 01: 2019/BCT của Bộ; QCVN 01:2019/BCT (Tr.124)";
        let got: Vec<String> = find(t, (0, t.len()))
            .into_iter()
            .filter_map(|f| f.number.map(|n| n.normalized.to_string()))
            .collect();
        assert_eq!(
            got,
            ["TCVN 14423:2025", "QCVN 01:2019/BCT", "QCVN 01:2019/BCT"]
        );
        assert!(find("TCVN là", (0, 8)).is_empty());
    }
}
