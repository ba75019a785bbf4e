//! Extraction records: the JSON Lines `vanban extract --jsonl` writes, one
//! [`Extraction`] a line, read back into a [`GraphBuilder`] without the documents (the map
//! step runs anywhere, the graph is built here).

use std::io::BufRead;

use vanban_model::Extraction;

use crate::GraphBuilder;

/// A line of extraction records that could not be read: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// The name of the records given to [`GraphBuilder::add_jsonl`] (a file path, `-`).
    pub name: String,
    /// Line, from 1.
    pub line: usize,
    /// Column in the line, from 1 (0 when the line could not be read at all).
    pub column: usize,
    /// What is wrong, without the position.
    pub message: String,
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.name, self.line)?;
        if self.column > 0 {
            write!(f, ":{}", self.column)?;
        }
        write!(f, ": error: {}", self.message)
    }
}

impl std::error::Error for RecordError {}

impl GraphBuilder {
    /// Add the extraction records of `reader`, JSON Lines as `vanban extract --jsonl` writes
    /// them (blank lines are skipped); `name` names the records in errors. Each record's
    /// `source` names its document, as the file did for [`GraphBuilder::add`]; a record
    /// without one is named `name:line`. The graph is byte for byte the one built from the
    /// documents. Returns how many records were added; on the first line that is not a
    /// record, an error naming its line (the records before it stay added).
    ///
    /// ```
    /// let x = vanban_extract::extract(&vanban_syntax::parse(
    ///     "ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 208/KH-UBND\n\
    ///      Tuyên Quang, ngày 20 tháng 11 năm 2024\nKẾ HOẠCH\nTHỰC HIỆN KẾ HOẠCH SỐ 500-KH/TU\n",
    /// ));
    /// let line = serde_json::to_string(&x).unwrap();
    /// let mut builder = vanban_graph::GraphBuilder::new();
    /// assert_eq!(builder.add_jsonl(format!("{line}\n\n").as_bytes(), "records.jsonl"), Ok(1));
    /// let err = builder.add_jsonl("{\"id\": 3}\n".as_bytes(), "bad.jsonl").unwrap_err();
    /// assert_eq!((err.line, err.name.as_str()), (1, "bad.jsonl"));
    /// let graph = builder.build();
    /// assert_eq!(graph.node(&x.id).unwrap().id, x.id);
    /// ```
    pub fn add_jsonl(&mut self, reader: impl BufRead, name: &str) -> Result<usize, RecordError> {
        self.add_jsonl_seeing(reader, name, |_, _| {})
    }

    /// [`GraphBuilder::add_jsonl`], showing `see` each record (with the name it is added
    /// under) before it is added: the command line's `-v` prints each document's own
    /// warnings from it, as it does for documents read.
    pub fn add_jsonl_seeing(
        &mut self,
        mut reader: impl BufRead,
        name: &str,
        mut see: impl FnMut(&str, &Extraction),
    ) -> Result<usize, RecordError> {
        let mut added = 0;
        let mut buf = Vec::new();
        for i in 0.. {
            let at = |column: usize, message: String| RecordError {
                name: name.to_owned(),
                line: i + 1,
                column,
                message,
            };
            let Some(line) = next_line(&mut reader, &mut buf).map_err(|e| at(0, e))? else {
                break;
            };
            let text = line.trim_start_matches('\u{feff}');
            if text.trim().is_empty() {
                continue;
            }
            let x: Extraction = serde_json::from_str(text).map_err(|e| {
                let full = e.to_string();
                let why = full
                    .rsplit_once(" at line ")
                    .map_or(full.as_str(), |(why, _)| why);
                // (`vanban extract` without --jsonl writes one array: a common mix-up.)
                let hint = if text.trim_start().starts_with('[') {
                    "; this is a JSON array, and records are one object a line: write them \
                     with `vanban extract --jsonl`"
                } else {
                    ""
                };
                at(e.column(), format!("not an extraction record: {why}{hint}"))
            })?;
            check_record(&x).map_err(|why| at(0, format!("not an extraction record: {why}")))?;
            let source = x
                .source
                .clone()
                .unwrap_or_else(|| format!("{name}:{}", i + 1));
            see(&source, &x);
            self.add(source, x);
            added += 1;
        }
        Ok(added)
    }
}

/// What the JSON of a record cannot say about its values: its id is a document id (an
/// agency's or a task's id merged the record into that node, in silence), and its dates —
/// the document's, its tasks' deadlines — are days of the calendar written `YYYY-MM-DD`
/// (compared as text, "zzzz" was due after every day).
fn check_record(x: &Extraction) -> Result<(), String> {
    x.id.parse::<vanban_model::DocumentId>()
        .map_err(|e| format!("its id is {e}"))?;
    if let Some(d) = &x.date {
        crate::check_day(d).map_err(|e| format!("the date: {e}"))?;
    }
    // (An agency's or a task's id at a relation's end made the graph say a plan implements an
    // agency, or the plan's own task: found at stop 45.)
    let ends = (x.relations.iter())
        .flat_map(|r| {
            [
                ("a relation's source", &*r.from),
                ("a relation's target", &*r.to),
            ]
        })
        .chain(
            (x.citations.iter())
                .filter_map(|c| Some(("a citation's target", c.target_id.as_deref()?))),
        );
    for (what, id) in ends {
        id.parse::<vanban_model::DocumentId>()
            .map_err(|e| format!("{what} is {e}"))?;
    }
    let spans = (x.citations.iter().map(|c| ("citation", c.span)))
        .chain(x.relations.iter().map(|r| ("relation", r.span)))
        .chain(x.references.iter().map(|r| ("reference", r.span)));
    for (what, span) in spans {
        check_span(&span).map_err(|e| format!("a {what}'s span: {e}"))?;
    }
    for (k, a) in x.assignments.iter().enumerate() {
        let Some(d) = &a.deadline else {
            continue;
        };
        for day in [&d.due, &d.start, &d.end].into_iter().flatten() {
            crate::check_day(day).map_err(|e| format!("task {}'s deadline: {e}", k + 1))?;
        }
    }
    Ok(())
}

/// Whether a span could come from a document (its offsets within the 4 GiB a normalised text
/// of at most 1 GiB can reach, in order; line and column from 1, within what the exports
/// declare: GraphML's `long`, Neo4j's `int`); else why not.
fn check_span(span: &vanban_model::Span) -> Result<(), String> {
    let most = u64::from(u32::MAX);
    let (start, end) = (span.start as u64, span.end as u64);
    if start > end || end > most {
        return Err(format!(
            "offsets {start}..{end} are not a piece of a document"
        ));
    }
    let (line, column) = (span.line, span.column);
    if !(1..=i32::MAX as u32).contains(&line) || !(1..=i32::MAX as u32).contains(&column) {
        return Err(format!(
            "line {line}, column {column} are not a place in a document"
        ));
    }
    Ok(())
}

/// The longest line of records read: a record of the longest document a parse reads (1 GiB)
/// fits, and a source without an end (`/dev/zero`, a stream of one endless line) is refused
/// at this length instead of being read until memory runs out.
pub const MAX_RECORD_LINE: usize = 1 << 30;

/// The next line of `reader` (without its line end) read into `buf`, at most
/// [`MAX_RECORD_LINE`] bytes; `None` at the end. A line that holds a NUL byte (no JSON does:
/// a binary file, a device) is refused at the first one read, and one that is not UTF-8 once
/// it is read.
fn next_line<'b>(
    reader: &mut impl BufRead,
    buf: &'b mut Vec<u8>,
) -> Result<Option<&'b str>, String> {
    buf.clear();
    let mut ended = false;
    loop {
        let chunk = reader
            .fill_buf()
            .map_err(|e| format!("cannot read the records: {e}"))?;
        if chunk.is_empty() {
            break;
        }
        let (part, feed) = match chunk.iter().position(|&b| b == b'\n') {
            Some(k) => (&chunk[..k], true),
            None => (chunk, false),
        };
        if let Some(at) = part.iter().position(|&b| b == 0) {
            return Err(format!(
                "a NUL byte (at byte {}): not extraction records but a binary file",
                buf.len() + at + 1
            ));
        }
        if buf.len() + part.len() > MAX_RECORD_LINE {
            return Err(format!(
                "a line longer than {} MiB: not extraction records",
                MAX_RECORD_LINE >> 20
            ));
        }
        buf.extend_from_slice(part);
        let used = part.len() + usize::from(feed);
        reader.consume(used);
        if feed {
            ended = true;
            break;
        }
    }
    if !ended && buf.is_empty() {
        return Ok(None);
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    std::str::from_utf8(buf)
        .map(Some)
        .map_err(|e| format!("cannot read the records: the line is not UTF-8 text ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8]) -> Vec<Result<String, String>> {
        // A reader that hands out three bytes at a time, so that lines span its buffers.
        let mut reader = std::io::BufReader::with_capacity(3, input);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            match next_line(&mut reader, &mut buf) {
                Ok(Some(l)) => out.push(Ok(l.to_owned())),
                Ok(None) => break,
                Err(e) => {
                    out.push(Err(e));
                    break;
                }
            }
        }
        out
    }

    #[test]
    fn lines_are_read_as_buf_read_lines_reads_them() {
        for input in [
            &b"{\"a\": 1}\n{\"b\": 2}\n"[..],
            b"one\r\ntwo\r\n\r\nlast without a feed",
            b"\n\n\n",
            b"",
            "\u{feff}{}\nđ\n".as_bytes(),
        ] {
            let want: Vec<Result<String, String>> = std::io::BufRead::lines(input)
                .map(|l| Ok(l.expect("UTF-8")))
                .collect();
            assert_eq!(lines(input), want, "{:?}", String::from_utf8_lossy(input));
        }
    }

    #[test]
    fn a_nul_or_a_byte_that_is_not_utf8_is_refused_where_it_stands() {
        let got = lines(b"{}\nab\0cd\nnot read");
        assert_eq!(got[0], Ok("{}".to_owned()));
        assert_eq!(
            got[1],
            Err("a NUL byte (at byte 3): not extraction records but a binary file".to_owned())
        );
        assert_eq!(got.len(), 2);
        let got = lines(b"{}\n\xff\xfe{}\n");
        assert!(
            matches!(&got[1], Err(e) if e.contains("not UTF-8")),
            "{got:?}"
        );
    }
}
