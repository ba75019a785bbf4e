//! A recipient line, as the "Kính gửi" block of the header and the "Nơi nhận" list of the
//! closing both print them.

use vanban_model::{Recipient, Span};
use vanban_text::Sub;

/// A recipient line without its list punctuation, split into name and "(purpose)".
pub(crate) fn recipient(text: &str, span: Span) -> Recipient {
    let t = text
        .trim()
        .trim_start_matches(['-', '–', '+', ' '])
        .trim_end_matches([';', ',', '.', ' '])
        .trim();
    if t.ends_with(')') {
        if let Some(open) = t.rfind('(') {
            let name = t.sub(..open).trim().trim_end_matches([',', ';']).trim();
            let purpose = t.sub(open + 1..t.len() - 1).trim();
            if !name.is_empty() {
                return Recipient {
                    name: name.to_owned(),
                    purpose: (!purpose.is_empty()).then(|| purpose.to_owned()),
                    span,
                };
            }
        }
    }
    Recipient {
        name: t.to_owned(),
        purpose: None,
        span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipient_purpose() {
        let r = recipient("- Thường trực Tỉnh uỷ (báo cáo);", Span::default());
        assert_eq!(r.name, "Thường trực Tỉnh uỷ");
        assert_eq!(r.purpose.as_deref(), Some("báo cáo"));
        let r = recipient("- Các Sở, ban, ngành của tỉnh;", Span::default());
        assert_eq!(r.name, "Các Sở, ban, ngành của tỉnh");
        assert_eq!(r.purpose, None);
    }
}
