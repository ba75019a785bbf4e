//! One home for every output format of vanban.
//!
//! Formats come in families, each an enum that is its registry: [`DocumentFormat`] (one parsed
//! document: JSON, YAML, outline, text, Akoma Ntoso), [`GraphFormat`] (a corpus graph: a
//! summary, node-link JSON, Cytoscape, GraphML, DOT, SVG, Turtle, JSON-LD, Cypher, the CSV
//! files of a Neo4j import; feature `graph`), [`QueryFormat`] and [`ChainFormat`] (the answers of the graph queries),
//! [`ReportFormat`] (the corpus report: text, JSON, HTML; features `graph` and `lint`) and, with
//! the feature `schema`, [`Schema`] (the JSON Schemas of the outputs). Each enum has `ALL`,
//! `name()` (the value of `--format`), `description()` (one line, the `--help` text) and a
//! `render` function; with the feature `clap` it is a `clap::ValueEnum`, so a command line
//! takes its values from here and nowhere else.
//!
//! ```
//! use vanban_output::DocumentFormat;
//!
//! let parsed = vanban_syntax::parse("ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 208/KH-UBND\n");
//! let format: DocumentFormat = "outline".parse().unwrap();
//! assert!(format.render(&parsed).unwrap().contains("208/KH-UBND"));
//! assert_eq!(DocumentFormat::Text.render(&parsed).unwrap(), parsed.render());
//! assert!(DocumentFormat::ALL.iter().any(|f| f.name() == "akn"));
//! ```
#![warn(missing_docs)]

/// Declares a family of formats: the enum, `ALL`, `name`, `description`, `FromStr`,
/// `Display` and, with the feature `clap`, `clap::ValueEnum`.
macro_rules! formats {
    (
        $(#[$meta:meta])*
        pub enum $family:ident {
            $( $variant:ident = $name:literal: $description:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $family {
            $( #[doc = $description] $variant, )+
        }

        impl $family {
            /// Every format of the family, in the order `--help` lists them.
            pub const ALL: &'static [$family] = &[$($family::$variant),+];

            /// The name `--format` takes ("json", "outline" …).
            pub fn name(self) -> &'static str {
                match self {
                    $($family::$variant => $name,)+
                }
            }

            /// What the format is, in one line (the `--help` text).
            pub fn description(self) -> &'static str {
                match self {
                    $($family::$variant => $description,)+
                }
            }
        }

        impl std::str::FromStr for $family {
            type Err = $crate::UnknownFormat;
            /// The format named `name`.
            fn from_str(name: &str) -> Result<Self, Self::Err> {
                $family::ALL
                    .iter()
                    .copied()
                    .find(|f| f.name() == name)
                    .ok_or_else(|| $crate::UnknownFormat {
                        name: name.to_owned(),
                        known: $family::ALL.iter().map(|f| f.name()).collect(),
                    })
            }
        }

        impl std::fmt::Display for $family {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }

        #[cfg(feature = "clap")]
        impl clap::ValueEnum for $family {
            fn value_variants<'a>() -> &'a [Self] {
                $family::ALL
            }

            fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
                Some(clap::builder::PossibleValue::new(self.name()).help(self.description()))
            }
        }
    };
}

#[cfg(feature = "graph")]
mod csv;
pub mod document;
pub mod extraction;
#[cfg(feature = "graph")]
pub mod graph;
#[cfg(feature = "graph")]
pub mod query;
#[cfg(all(feature = "graph", feature = "lint"))]
pub mod report;
#[cfg(feature = "schema")]
pub mod schema;
#[cfg(test)]
mod tests;

pub use document::DocumentFormat;
#[cfg(feature = "graph")]
pub use graph::{Export, ExportOptions, GraphFormat};
#[cfg(feature = "graph")]
pub use query::{ChainFormat, QueryFormat, TaskFormat};
#[cfg(all(feature = "graph", feature = "lint"))]
pub use report::ReportFormat;
#[cfg(feature = "schema")]
pub use schema::Schema;

/// A format name that is not one of its family's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat {
    /// The name given.
    pub name: String,
    /// The names of the family.
    pub known: Vec<&'static str>,
}

impl std::fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown format \"{}\"; known: {}",
            self.name,
            self.known.join(", ")
        )
    }
}

impl std::error::Error for UnknownFormat {}

/// Why an output could not be made.
#[derive(Debug)]
pub enum Error {
    /// Serialising to JSON failed.
    Json(serde_json::Error),
    /// Serialising to YAML failed.
    Yaml(serde_yaml_ng::Error),
    /// The format needs the corpus graph and none was given (the HTML report).
    NeedsGraph,
    /// The format cannot show a difference between two reports (HTML).
    NoDiff,
    /// Writing the output failed (outputs written as they are made).
    Io(std::io::Error),
}

impl Error {
    /// A JSON error, or [`Error::Io`] when it is the writer's.
    pub fn from_json(e: serde_json::Error) -> Error {
        if e.is_io() {
            Error::Io(std::io::Error::from(e))
        } else {
            Error::Json(e)
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Json(e) => e.fmt(f),
            Error::Yaml(e) => e.fmt(f),
            Error::NeedsGraph => f.write_str("this format needs the graph of the corpus"),
            Error::NoDiff => f.write_str("this format cannot show a difference of two reports"),
            Error::Io(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Json(e) => Some(e),
            Error::Yaml(e) => Some(e),
            Error::Io(e) => Some(e),
            Error::NeedsGraph | Error::NoDiff => None,
        }
    }
}

/// Pretty-printed JSON with a trailing newline, as every JSON output of the command line.
pub fn pretty_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    let mut s = serde_json::to_string_pretty(value).map_err(Error::Json)?;
    s.push('\n');
    Ok(s)
}

/// [`pretty_json`] written to `out` as it is made (the same bytes).
pub fn write_pretty_json<T: serde::Serialize + ?Sized>(
    value: &T,
    mut out: impl std::io::Write,
) -> Result<(), Error> {
    serde_json::to_writer_pretty(&mut out, value).map_err(Error::from_json)?;
    out.write_all(b"\n").map_err(Error::Io)
}

/// [`pretty_json`] of values that always serialise (query answers, JSON values): an empty
/// string in the impossible case.
#[cfg(feature = "graph")]
pub(crate) fn json_text<T: serde::Serialize + ?Sized>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

/// XML text that keeps tabs and line breaks (HTML).
#[cfg(feature = "graph")]
pub(crate) fn xml_keep(s: &str) -> String {
    vanban_text::xml::escape_xml(s, vanban_text::xml::XmlSpace::Keep)
}

/// XML text whose tabs and line breaks every XML reader gives back as they were (GraphML).
#[cfg(feature = "graph")]
pub(crate) fn xml_exact(s: &str) -> String {
    vanban_text::xml::escape_xml(s, vanban_text::xml::XmlSpace::Exact)
}

/// XML text on one line (Akoma Ntoso, SVG labels).
pub(crate) fn xml_inline(s: &str) -> String {
    vanban_text::xml::escape_xml(s, vanban_text::xml::XmlSpace::Space)
}
