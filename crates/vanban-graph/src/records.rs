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
        let mut added = 0;
        for (i, line) in reader.lines().enumerate() {
            let at = |column: usize, message: String| RecordError {
                name: name.to_owned(),
                line: i + 1,
                column,
                message,
            };
            let line = line.map_err(|e| at(0, format!("cannot read the records: {e}")))?;
            let text = line.trim_start_matches('\u{feff}');
            if text.trim().is_empty() {
                continue;
            }
            let x: Extraction = serde_json::from_str(text).map_err(|e| {
                let full = e.to_string();
                let why = full
                    .rsplit_once(" at line ")
                    .map_or(full.as_str(), |(why, _)| why);
                at(e.column(), format!("not an extraction record: {why}"))
            })?;
            let source = x
                .source
                .clone()
                .unwrap_or_else(|| format!("{name}:{}", i + 1));
            self.add(source, x);
            added += 1;
        }
        Ok(added)
    }
}
