//! JSON of a parsed document: the document's fields and its diagnostics, one object.

use serde::Serialize;
use vanban_model::{Diagnostic, Document};
use vanban_syntax::Parsed;

use crate::Error;

// The doc comment below is the description of `schemas/parse.schema.json`; the fields have
// none on purpose (a field's doc comment would become its description there).
/// The JSON/YAML shape of `vanban parse`: the document's fields plus its diagnostics.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ParseOutput<'a> {
    #[serde(flatten)]
    document: &'a Document,
    diagnostics: &'a [Diagnostic],
}

impl<'a> ParseOutput<'a> {
    /// The output of a parse.
    pub fn of(parsed: &'a Parsed) -> ParseOutput<'a> {
        ParseOutput {
            document: &parsed.document,
            diagnostics: &parsed.diagnostics,
        }
    }
}

/// The document as one pretty-printed JSON object, with a trailing newline.
pub fn json(parsed: &Parsed) -> Result<String, Error> {
    crate::pretty_json(&ParseOutput::of(parsed))
}
