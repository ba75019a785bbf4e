//! Document identity: the canonical id of a document, typed.
//!
//! An id has the shape of URN:LEX, `urn:lex:vn:{authority}:{kind}:{year};{number}`:
//! `urn:lex:vn:ubnd.tuyen-quang:plan:2024;208-kh-ubnd`. The authority is the slug of a national
//! body (`chinh-phu`, `trung-uong-dang`), or an issuer code with the province of a local body
//! (`ubnd.tuyen-quang`, `tu.lao-cai`), or `_` when unknown; the year is `_` when unknown; the
//! number is the slug of the number and symbol (or of a law's name, or `draft-{hash}` for an
//! unnumbered draft). [`DocumentId`] holds the parts; it is written and read as that string
//! (`Display`, `FromStr`, serde), so JSON outputs carry the URN.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::DocumentKind;

/// Who issued a document, as an id names it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct IdAuthority {
    /// Slug of a national body's name (`chinh-phu`) or of a local issuer code (`ubnd`); empty
    /// when unknown.
    pub body: String,
    /// Slug of the province of a local body (`tuyen-quang`).
    pub province: Option<String>,
}

impl IdAuthority {
    /// Whether nothing is known of the issuer.
    pub fn is_unknown(&self) -> bool {
        self.body.is_empty()
    }
}

impl fmt::Display for IdAuthority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.body, &self.province) {
            (b, _) if b.is_empty() => f.write_str("_"),
            (b, Some(p)) => write!(f, "{b}.{p}"),
            (b, None) => f.write_str(b),
        }
    }
}

/// The canonical id of a document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocumentId {
    /// Who issued it.
    pub authority: IdAuthority,
    /// Its type.
    pub kind: DocumentKind,
    /// Its year, when known.
    pub year: Option<u16>,
    /// Slug of its number and symbol (`208-kh-ubnd`), of a law's name, or `draft-{hash}`.
    pub number: String,
}

impl DocumentId {
    /// The same document with another year (or none): ids that differ only by year name one
    /// document when one of them does not know the year.
    pub fn with_year(&self, year: Option<u16>) -> DocumentId {
        DocumentId {
            year,
            ..self.clone()
        }
    }

    /// The year of an id string, when it is a document id that gives one.
    pub fn year_of(id: &str) -> Option<u16> {
        // Read without building the id: the time guard asks this for every claim.
        let (_, _, year, number) = parts(id)?;
        if number.is_empty() {
            return None;
        }
        year.parse().ok()
    }

    /// Whether this id is provisional: the year or the issuer is not known, so a fuller id
    /// of the same document may exist.
    pub fn is_provisional(&self) -> bool {
        self.year.is_none() || self.authority.is_unknown()
    }
}

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "urn:lex:vn:{}:{}:", self.authority, self.kind.as_str())?;
        match self.year {
            Some(y) => write!(f, "{y}")?,
            None => f.write_str("_")?,
        }
        write!(f, ";{}", self.number)
    }
}

/// Why a string is not a document id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdError(pub String);

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not a document id (urn:lex:vn:{{authority}}:{{kind}}:{{year}};{{number}}): {}",
            self.0
        )
    }
}

impl std::error::Error for IdError {}

/// The four parts of an id string (authority, kind, year, number), borrowed.
fn parts(s: &str) -> Option<(&str, &str, &str, &str)> {
    let rest = s.strip_prefix("urn:lex:vn:")?;
    let (head, number) = rest.split_once(';')?;
    let mut parts = head.split(':');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(authority), Some(kind), Some(year), None) => Some((authority, kind, year, number)),
        _ => None,
    }
}

impl FromStr for DocumentId {
    type Err = IdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || IdError(s.to_owned());
        let (authority, kind, year, number) = parts(s).ok_or_else(bad)?;
        let authority = match authority {
            "_" => IdAuthority::default(),
            a => match a.split_once('.') {
                Some((b, p)) => IdAuthority {
                    body: b.to_owned(),
                    province: Some(p.to_owned()),
                },
                None => IdAuthority {
                    body: a.to_owned(),
                    province: None,
                },
            },
        };
        let kind = if kind == "unknown" {
            DocumentKind::Unknown
        } else {
            DocumentKind::ALL
                .iter()
                .copied()
                .find(|k| k.as_str() == kind)
                .ok_or_else(bad)?
        };
        let year = match year {
            "_" => None,
            y => Some(y.parse().map_err(|_| bad())?),
        };
        if number.is_empty() {
            return Err(bad());
        }
        Ok(DocumentId {
            authority,
            kind,
            year,
            number: number.to_owned(),
        })
    }
}

impl Serialize for DocumentId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DocumentId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for DocumentId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DocumentId".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "Canonical document id: urn:lex:vn:{authority}:{kind}:{year};{number}",
            "pattern": "^urn:lex:vn:[^:;]+:[a-z_]+:([0-9]+|_);.+$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_and_write_as_urns() {
        for s in [
            "urn:lex:vn:ubnd.tuyen-quang:plan:2024;208-kh-ubnd",
            "urn:lex:vn:trung-uong-dang:conclusion:2024;72-kl-tw",
            "urn:lex:vn:_:unknown:_;draft-17d0ae359d8da8ec29422a12c80b471d",
            "urn:lex:vn:quoc-hoi:law:2015;luat-to-chuc-chinh-phu",
            "urn:lex:vn:tu:resolution:_;34-nq-tu",
        ] {
            let id: DocumentId = s.parse().expect(s);
            assert_eq!(id.to_string(), s);
            let json = serde_json::to_string(&id).expect("json");
            assert_eq!(json, format!("\"{s}\""));
            let back: DocumentId = serde_json::from_str(&json).expect("back");
            assert_eq!(back, id);
        }
        let id: DocumentId = "urn:lex:vn:tu.lao-cai:resolution:2025;34-nq-tu"
            .parse()
            .expect("id");
        assert_eq!(id.authority.province.as_deref(), Some("lao-cai"));
        assert_eq!(id.year, Some(2025));
        assert_eq!(id.kind, DocumentKind::Resolution);
        assert!(!id.is_provisional());
        assert!(id.with_year(None).is_provisional());
    }

    #[test]
    fn other_strings_are_not_ids() {
        for s in [
            "208/KH-UBND",
            "urn:lex:vn:ubnd:plan:2024",
            "urn:lex:vn:ubnd:nonsense:2024;1",
            "urn:lex:vn:ubnd:plan:20x4;1",
            "urn:lex:vn:ubnd:plan:2024;",
        ] {
            assert!(s.parse::<DocumentId>().is_err(), "{s}");
        }
    }

    #[test]
    fn the_year_is_read_without_building_the_id() {
        let y = DocumentId::year_of;
        assert_eq!(
            y("urn:lex:vn:ubnd.tuyen-quang:plan:2024;208-kh-ubnd"),
            Some(2024)
        );
        assert_eq!(y("urn:lex:vn:tu:resolution:_;34-nq-tu"), None);
        assert_eq!(y("urn:lex:vn:ubnd:plan:2024;"), None);
        assert_eq!(y("urn:lex:vn:ubnd:plan:2024"), None);
        assert_eq!(y("208/KH-UBND"), None);
    }
}
