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

    /// Whether people read it on a terminal (its control characters are then escaped).
    pub fn for_people(self) -> bool {
        self == DocumentFormat::Outline
    }
}
