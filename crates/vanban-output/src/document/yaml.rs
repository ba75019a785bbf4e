//! YAML of a parsed document: the object of the JSON format.

use vanban_syntax::Parsed;

use super::ParseOutput;
use crate::Error;

/// The document as YAML, the same object as [`super::json`].
pub fn yaml(parsed: &Parsed) -> Result<String, Error> {
    serde_yaml_ng::to_string(&ParseOutput::of(parsed)).map_err(Error::Yaml)
}
