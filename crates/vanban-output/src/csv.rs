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

/// A CSV field for a file a spreadsheet opens: as [`field`], and a field that starts with a
/// character a spreadsheet reads as the start of a formula (`=`, `+`, `-`, `@`, a tab or a
/// carriage return) gets an apostrophe before it, so that a document's text ("=HYPERLINK(…)",
/// or a deadline written "- Trước ngày 15/10/2026") is shown as text and never run.
pub(crate) fn spreadsheet_field(f: &str) -> String {
    if f.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        field(&format!("'{f}"))
    } else {
        field(f)
    }
}

/// A CSV record: the fields quoted as [`field`] does, separated by commas, ended by `\n`.
pub(crate) fn record<S: AsRef<str>>(fields: &[S]) -> String {
    record_with(fields, field)
}

/// A CSV record for a spreadsheet: each field as [`spreadsheet_field`] makes it.
pub(crate) fn spreadsheet_record<S: AsRef<str>>(fields: &[S]) -> String {
    record_with(fields, spreadsheet_field)
}

fn record_with<S: AsRef<str>>(fields: &[S], make: fn(&str) -> String) -> String {
    let mut line: String = fields
        .iter()
        .map(|f| make(f.as_ref()))
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

    #[test]
    fn a_spreadsheet_never_reads_a_field_as_a_formula() {
        for (f, want) in [
            (
                "=HYPERLINK(\"http://x\")",
                "\"'=HYPERLINK(\"\"http://x\"\")\"",
            ),
            ("+1+1", "'+1+1"),
            ("- Trước ngày 15/10/2026", "'- Trước ngày 15/10/2026"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "\"'\r=1\""),
            ("=a,b", "\"'=a,b\""),
        ] {
            assert_eq!(spreadsheet_field(f), want, "{f:?}");
        }
        // Anything else as `field` has it.
        for f in [
            "208/KH-UBND",
            "a, b",
            "",
            " =1",
            "Sở Tài chính",
            "2025-12-31",
        ] {
            assert_eq!(spreadsheet_field(f), field(f), "{f:?}");
        }
        assert_eq!(spreadsheet_record(&["=1", "a"]), "'=1,a\n");
    }
}
