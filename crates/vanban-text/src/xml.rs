//! Escaping text for XML and HTML (Akoma Ntoso, GraphML, SVG, the HTML report).

/// What [`escape_xml`] does with tabs and line breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XmlSpace {
    /// Keep them (GraphML values, HTML).
    Keep,
    /// Make each a space (inline text: Akoma Ntoso, SVG labels).
    Space,
    /// Write each as a character reference (`&#9;`, `&#10;`, `&#13;`): an XML reader gives
    /// them back as they were, where it turns a raw one in an attribute value into a space and
    /// a raw carriage return anywhere into a line feed (GraphML ids and values).
    Exact,
}

/// Text for XML or HTML content and attribute values: `& < > " '` escaped, the control
/// characters and non-characters XML 1.0 forbids dropped.
pub fn escape_xml(s: &str, space: XmlSpace) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' if space == XmlSpace::Keep => out.push(c),
            '\t' | '\n' | '\r' if space == XmlSpace::Exact => {
                out.push_str(match c {
                    '\t' => "&#9;",
                    '\n' => "&#10;",
                    _ => "&#13;",
                });
            }
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            // (DEL and the C1 controls XML 1.0 discourages and 1.1 takes only as references:
            // kept, as references, so that none reaches a reader raw.)
            '\u{7f}'..='\u{9f}' => out.push_str(&format!("&#x{:x};", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escaping() {
        let t = "a<b> & \"c\" 'd'\te\nf\u{1}\u{FFFF}";
        assert_eq!(
            escape_xml(t, XmlSpace::Keep),
            "a&lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;\te\nf"
        );
        assert_eq!(
            escape_xml(t, XmlSpace::Space),
            "a&lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; e f"
        );
        assert_eq!(
            escape_xml("a\tb\nc\r\nd\u{1}", XmlSpace::Exact),
            "a&#9;b&#10;c&#13;&#10;d"
        );
        assert_eq!(
            escape_xml("Lào Cai\u{7f}\u{9b}31m", XmlSpace::Keep),
            "Lào Cai&#x7f;&#x9b;31m"
        );
    }
}
