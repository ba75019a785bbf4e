//! The formats of one parsed document (`vanban parse --format …`): JSON, YAML, the outline, the
//! lossless text and Akoma Ntoso.

mod akn;
mod json;
mod outline;
mod text;
mod yaml;

use vanban_syntax::Parsed;

pub use akn::{akn, akn_uri};
pub use json::{json, ParseOutput};
pub use outline::{outline, OutlineOptions};
pub use text::text;
pub use yaml::yaml;

use crate::Error;

formats! {
    /// The output formats of a parsed document.
    pub enum DocumentFormat {
        Json = "json": "One JSON object: header, preamble, body, closing, appendices, diagnostics",
        Yaml = "yaml": "The same object as YAML",
        Outline = "outline": "An indented outline a person reads at a glance",
        Text = "text": "The lossless rendering: the normalised input, byte for byte",
        Akn = "akn": "Akoma Ntoso 3.0 XML (preface, preamble, hierarchy, citations as `ref`, cited documents as `activeRef`, conclusions)",
    }
}

impl DocumentFormat {
    /// The document in this format. Akoma Ntoso names the cited documents, so it extracts
    /// them (with the default options).
    pub fn render(self, parsed: &Parsed) -> Result<String, Error> {
        match self {
            DocumentFormat::Json => json(parsed),
            DocumentFormat::Yaml => yaml(parsed),
            DocumentFormat::Outline => Ok(outline(&parsed.document, OutlineOptions::default())),
            DocumentFormat::Text => Ok(text(parsed)),
            DocumentFormat::Akn => Ok(akn(parsed, &vanban_extract::extract(parsed))),
        }
    }

    /// The document in this format, written to `out`: JSON as it is serialised, never held
    /// whole in memory (a million-node tree is hundreds of megabytes of JSON); the other
    /// formats rendered, then written. The same bytes as [`render`](Self::render). An error
    /// writing to `out` is [`Error::Io`].
    pub fn write<W: std::io::Write>(self, parsed: &Parsed, mut out: W) -> Result<(), Error> {
        match self {
            DocumentFormat::Json => crate::write_pretty_json(&ParseOutput::of(parsed), out),
            _ => out
                .write_all(self.render(parsed)?.as_bytes())
                .map_err(Error::Io),
        }
    }

    /// Whether people read it on a terminal (its control characters are then escaped).
    pub fn for_people(self) -> bool {
        self == DocumentFormat::Outline
    }
}
