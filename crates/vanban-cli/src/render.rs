//! Diagnostics for people: the source line with the span underlined (miette), in colour on a
//! terminal; plain `file:line:col: severity[code]: message` lines when piped.

use std::fmt;
use std::io::IsTerminal;
use std::sync::Arc;

use clap::ValueEnum;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceSpan, SpanContents,
};
use vanban_model::{Severity, Span};
use vanban_text::Sub;

/// How diagnostics are shown.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq, Default)]
pub(crate) enum Style {
    /// Fancy on a terminal, plain when piped.
    #[default]
    Auto,
    /// The source line with the span underlined.
    Fancy,
    /// One `file:line:col: severity[code]: message` line each.
    Plain,
}

impl Style {
    /// Whether to draw fancy diagnostics on a stream that is or is not a terminal.
    pub(crate) fn fancy(self, terminal: bool) -> bool {
        match self {
            Style::Auto => terminal,
            Style::Fancy => true,
            Style::Plain => false,
        }
    }

    /// Whether stderr gets fancy diagnostics.
    pub(crate) fn fancy_stderr(self) -> bool {
        self.fancy(std::io::stderr().is_terminal())
    }
}

/// One diagnostic to show.
pub(crate) struct Item<'a> {
    pub code: &'a str,
    pub severity: Severity,
    pub message: &'a str,
    pub span: Span,
    /// An extra line under the snippet (a quote, a hint).
    pub help: Option<String>,
}

#[derive(Debug)]
struct Shown {
    message: String,
    code: String,
    severity: miette::Severity,
    source: Window,
    span: SourceSpan,
    help: Option<String>,
}

/// How much of a long line is shown on each side of a diagnostic's span, and the longest line
/// shown whole around it (bytes). A line of the document may be a megabyte long: shown whole,
/// every diagnostic on it printed all of it (output quadratic in the line), and a span past
/// display column 65 535 made the renderer panic.
const SIDE: usize = 240;
const WHOLE: usize = 2 * SIDE;

/// The part of the source a diagnostic shows: one contiguous range of bytes (the span's line,
/// cut to [`SIDE`] bytes around the span when it is longer, with the lines before and after it
/// when they are short), whatever context the renderer asks for.
#[derive(Debug)]
struct Window {
    name: String,
    source: Arc<String>,
    /// The range shown with its context lines, and the 0-based line it starts on.
    context: (usize, usize, usize),
    /// The span's own line as shown, its 0-based number and the span's 0-based column.
    own: (usize, usize, usize, usize),
}

impl Window {
    /// The window around `start..end` (within one line; `crosses`: the span goes on into the
    /// next line), which is at 1-based `line` and `column` of `source`.
    fn new(
        name: &str,
        source: &Arc<String>,
        (start, end, crosses): (usize, usize, bool),
        span: &Span,
    ) -> Window {
        let text = source.as_str();
        let line_start = text.sub(..start).rfind('\n').map_or(0, |i| i + 1);
        let line_end = text
            .sub(start..)
            .find('\n')
            .map_or(text.len(), |i| start + i);
        let own_start = match start - line_start > SIDE {
            true => vanban_text::ceil(text, start - SIDE),
            false => line_start,
        };
        let own_end = match line_end.saturating_sub(end) > SIDE {
            true => vanban_text::floor(text, end + SIDE),
            false => line_end,
        };
        let line0 = (span.line as usize).saturating_sub(1);
        let column0 = (span.column as usize).saturating_sub(1);
        let (mut from, mut to, mut first) = (own_start, own_end, line0);
        // A short line before or after goes with a line shown whole up to it.
        if own_start == line_start && line_start > 0 {
            let prev = text.sub(..line_start - 1).rfind('\n').map_or(0, |i| i + 1);
            if line_start - prev <= WHOLE {
                (from, first) = (prev, line0.saturating_sub(1));
            }
        }
        if own_end == line_end && line_end < text.len() {
            let next = text
                .sub(line_end + 1..)
                .find('\n')
                .map_or(text.len(), |i| line_end + 1 + i);
            if next - line_end <= WHOLE {
                to = next;
            } else if crosses {
                // The span goes on there (found at stop 58: "… Chương trình hành" / "động số
                // 104-CTr/TU …" showed only the first part): the start of that line.
                to = vanban_text::floor(text, line_end + 1 + WHOLE);
            }
        }
        Window {
            name: name.to_owned(),
            source: Arc::clone(source),
            context: (from, to, first),
            own: (own_start, own_end, line0, column0),
        }
    }
}

impl miette::SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        _span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let (own_start, own_end, own_line, column) = self.own;
        // (Asked without context, the renderer reads the span's own line and column.)
        let (from, to, line) = match before + after {
            0 => (own_start, own_end, own_line),
            _ => self.context,
        };
        let data = self.source.as_bytes().get(from..to).unwrap_or_default();
        let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            data,
            SourceSpan::new(from.into(), to - from),
            line,
            column,
            lines,
        )))
    }
}

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Shown {}

impl miette::Diagnostic for Shown {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            None, self.span,
        ))))
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display + 'a>)
    }
}

/// Render diagnostics of one file. `source` is the normalised text the spans point into.
pub(crate) fn render(
    name: &str,
    source: &Arc<String>,
    items: &[Item<'_>],
    fancy: bool,
    colour: bool,
) -> String {
    use vanban_text::visible;
    let mut out = String::new();
    // Nothing from the document reaches the terminal raw: control characters are escaped in
    // messages and quotes, masked (same byte length, so spans hold) in source snippets; the
    // file's name is kept on its line (a line feed in it escaped too).
    let name = vanban_text::visible_line(name);
    if !fancy {
        for d in items {
            out.push_str(&format!(
                "{name}:{}:{}: {}[{}]: {}\n",
                d.span.line,
                d.span.column,
                d.severity,
                d.code,
                visible(d.message)
            ));
            if let Some(h) = &d.help {
                out.push_str(&format!("    | {}\n", visible(h)));
            }
        }
        return out;
    }
    let source = match vanban_text::mask_controls(source) {
        std::borrow::Cow::Borrowed(_) => Arc::clone(source),
        std::borrow::Cow::Owned(masked) => Arc::new(masked),
    };
    let theme = if colour {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_context_lines(1);
    for d in items {
        let len = source.len();
        let start = vanban_text::floor(&source, d.span.start);
        let mut end = vanban_text::floor(&source, d.span.end.clamp(start, len));
        // Underline at most the first line of a long span.
        let crosses = source.sub(start..end).find('\n');
        if let Some(nl) = crosses {
            end = start + nl;
        }
        // And at most a window's width of it.
        end = end.min(vanban_text::floor(&source, start + WHOLE));
        let shown = Shown {
            message: format!(
                "{} ({}:{}:{})",
                visible(d.message),
                name,
                d.span.line,
                d.span.column
            ),
            code: d.code.to_owned(),
            severity: match d.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
                Severity::Info => miette::Severity::Advice,
            },
            source: Window::new(
                name.as_ref(),
                &source,
                (start, end, crosses.is_some()),
                &d.span,
            ),
            span: SourceSpan::new(start.into(), end - start),
            help: d.help.as_deref().map(|h| visible(h).into_owned()),
        };
        let mut s = String::new();
        if handler.render_report(&mut s, &shown).is_ok() {
            out.push_str(&s);
        }
    }
    out
}

/// Whether colour may be used on stderr: a terminal that takes colour ([`colour_allowed`]).
pub(crate) fn colour_stderr() -> bool {
    std::io::stderr().is_terminal() && colour_allowed(|name| std::env::var_os(name))
}

/// Whether a terminal may be given colour, by its environment: not when NO_COLOR is set to
/// something (set empty, it asks nothing: no-color.org), nor on a terminal that says it has
/// none (`TERM=dumb`).
pub(crate) fn colour_allowed(env: impl Fn(&str) -> Option<std::ffi::OsString>) -> bool {
    let no_colour = env("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = env("TERM").is_some_and(|t| t == "dumb");
    !no_colour && !dumb
}

#[cfg(test)]
mod tests {
    use super::colour_allowed;

    #[test]
    fn colour_follows_no_color_and_a_dumb_terminal() {
        let with = |pairs: &'static [(&'static str, &'static str)]| {
            colour_allowed(move |name| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).into())
            })
        };
        assert!(with(&[]));
        assert!(with(&[("TERM", "xterm-256color")]));
        assert!(!with(&[("NO_COLOR", "1")]));
        // (Found at stop 44: an empty NO_COLOR turned colour off, and TERM=dumb had it.)
        assert!(with(&[("NO_COLOR", "")]));
        assert!(!with(&[("TERM", "dumb")]));
    }
}
