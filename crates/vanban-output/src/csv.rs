//! CSV fields and records as RFC 4180 has them, shared by the task list (`tasks --format
//! csv`) and the graph's import files (`graph --format csv`).

/// A CSV field, quoted when it holds a comma, a quote or a line break (a quote inside is
/// doubled). CSV has no escapes: control characters other than tab and line breaks (NUL
/// included, which bulk importers reject) are left out.
pub(crate) fn field(f: &str) -> String {
    let cleaned;
    let f = if f.contains(|c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r')) {
        cleaned = f
            .chars()
            .filter(|&c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
            .collect::<String>();
        cleaned.as_str()
    } else {
        f
    };
    if f.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f.to_owned()
    }
}

/// A CSV record: the fields quoted as [`field`] does, separated by commas, ended by `\n`.
pub(crate) fn record<S: AsRef<str>>(fields: &[S]) -> String {
    let mut line: String = fields
        .iter()
        .map(|f| field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    line.push('\n');
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(field("208/KH-UBND"), "208/KH-UBND");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("cr\r"), "\"cr\r\"");
        assert_eq!(field(""), "");
        assert_eq!(field("a\u{0}b\u{1b}[31m\tc"), "ab[31m\tc");
        assert_eq!(record(&["a", "b,c", ""]), "a,\"b,c\",\n");
    }
}
