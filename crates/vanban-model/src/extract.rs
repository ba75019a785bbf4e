//! What extraction finds in a document: citations of other documents, references to units,
//! typed relations, assignments of tasks, recipients.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::{Diagnostic, DocumentKind, DocumentNumber, Issuer, Span, Str, ThinVec};

/// How a citation names the document it cites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CitationForm {
    /// Type and number, often with date and issuer: "Kế hoạch số 500-KH/TU ngày 22/7/2024 …".
    Full,
    /// A later, shorter mention: "Nghị quyết 57", "Kết luận số 75-KL/TW".
    Short,
    /// A document named without a number: "Luật Tổ chức chính quyền địa phương", "Đề án 06".
    Named,
}

/// The issuer a citation states, and what it resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CitedIssuer {
    /// As written after "của", e.g. "Ban Thường vụ Tỉnh ủy".
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub raw: Str,
    /// Resolved full name, e.g. "Ban Thường vụ Tỉnh ủy Tuyên Quang" (contextual words such as
    /// "Tỉnh ủy" take the citing document's province).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub resolved: Str,
}

/// A citation of another document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Citation {
    /// The citation as written, markup and line breaks folded.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub raw: Str,
    /// Canonical id of the cited document (see the README's identity section); `None` for a
    /// short form that could not be resolved.
    // (Shared: the citations of one document that cite the same document hold one copy.)
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub target_id: Option<Arc<str>>,
    /// Number and symbol, when the citation has one.
    // (Boxed: a citation is small when it has none, and a reader's number moves into it
    // without a copy.)
    pub number: Option<Box<DocumentNumber>>,
    /// Type of the cited document.
    pub kind: DocumentKind,
    /// Date of the cited document (`YYYY-MM-DD`), when stated or known from an earlier mention.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub date: Option<Str>,
    /// Year, when known (from the date or the symbol).
    pub year: Option<u16>,
    /// Issuer as stated and resolved.
    // (Boxed: most citations state none.)
    pub issuer: Option<Box<CitedIssuer>>,
    /// Name of a named citation ("Luật Tổ chức chính quyền địa phương").
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub name: Option<Str>,
    /// Full, short or named.
    pub form: CitationForm,
    /// Element id of the node the citation stands in ("title" for the title).
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub node: Option<Str>,
    /// Where it is.
    pub span: Span,
}

macro_rules! relation_types {
    ($( $(#[$doc:meta])* $variant:ident = $snake:literal, eli: $eli:expr, implementation: $imp:literal, operative: $op:literal; )*) => {
        /// Type of a relation between documents, named after the Vietnamese formula that
        /// asserts it. Declared once (here); every list of relation types in vanban — the
        /// graph's relation edges, the implementation relations chains follow, the RDF
        /// properties, the JSON Schemas, the README table — is derived from this declaration
        /// (a test checks each).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum RelationType {
            $( $(#[$doc])* $variant, )*
        }

        impl RelationType {
            /// Every relation type, in declaration order.
            pub const ALL: &'static [RelationType] = &[$(RelationType::$variant),*];

            /// Snake-case name, as serialised.
            pub fn as_str(self) -> &'static str {
                match self { $(RelationType::$variant => $snake,)* }
            }

            /// The ELI ontology property that names this relation, when ELI has one
            /// (`eli:implements`, `eli:based_on` …); others are the project's own (`vb:`).
            pub fn eli_property(self) -> Option<&'static str> {
                match self { $(RelationType::$variant => $eli,)* }
            }

            /// Whether an implementation chain follows this relation (implements, continues
            /// implementing, details, guides).
            pub fn is_implementation(self) -> bool {
                match self { $(RelationType::$variant => $imp,)* }
            }

            /// Whether a document states this relation of its own in its operative text (an
            /// article that amends, replaces, repeals, suspends or corrects), not only in its
            /// title and preamble.
            pub fn is_operative(self) -> bool {
                match self { $(RelationType::$variant => $op,)* }
            }
        }
    };
}

relation_types! {
    /// "thực hiện", "triển khai thực hiện", "cụ thể hóa".
    Implements = "implements", eli: Some("implements"), implementation: true, operative: false;
    /// "tiếp tục thực hiện".
    ContinuesImplementing = "continues_implementing", eli: None, implementation: true, operative: false;
    /// "Căn cứ …" in the preamble.
    BasedOn = "based_on", eli: Some("based_on"), implementation: false, operative: false;
    /// "Theo đề nghị của … tại Tờ trình số …".
    ProposedBy = "proposed_by", eli: None, implementation: false, operative: false;
    /// "sửa đổi, bổ sung".
    Amends = "amends", eli: Some("amends"), implementation: false, operative: true;
    /// "thay thế".
    Replaces = "replaces", eli: None, implementation: false, operative: true;
    /// "bãi bỏ", "hủy bỏ".
    Repeals = "repeals", eli: Some("repeals"), implementation: false, operative: true;
    /// "đình chỉ", "tạm ngưng".
    Suspends = "suspends", eli: None, implementation: false, operative: true;
    /// "quy định chi tiết".
    Details = "details", eli: None, implementation: true, operative: false;
    /// "hướng dẫn".
    Guides = "guides", eli: None, implementation: true, operative: false;
    /// "đính chính".
    Corrects = "corrects", eli: Some("corrects"), implementation: false, operative: true;
    /// A consolidated text (VBHN) consolidates the document it lists first.
    Consolidates = "consolidates", eli: Some("consolidates"), implementation: false, operative: false;
    /// "ban hành kèm theo", "kèm theo".
    Attaches = "attaches", eli: None, implementation: false, operative: false;
    /// Any other citation.
    Cites = "cites", eli: Some("cites"), implementation: false, operative: false;
}

impl std::str::FromStr for RelationType {
    type Err = String;
    /// The snake-case name, e.g. "based_on".
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RelationType::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| format!("unknown relation type {s:?}"))
    }
}

impl std::fmt::Display for RelationType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A typed relation between two documents, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Relation {
    // (The ids are shared: a document's relations hold one copy of each id, the one its
    // citations and references hold.)
    /// Canonical id of the subject.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub from: Arc<str>,
    /// Canonical id of the object.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub to: Arc<str>,
    /// What the relation is.
    #[serde(rename = "type")]
    pub kind: RelationType,
    /// Canonical id of the document that asserts it.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub asserted_by: Arc<str>,
    /// The text that asserts it (the object's citation).
    pub span: Span,
}

/// A reference to a unit of a document: "điểm a khoản 2 Điều 5 Nghị định này".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Reference {
    /// As written.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub raw: Str,
    /// Element ids it resolves to in the document it names (several for "Điều 3, 4 và 5" or
    /// "từ Điều 5 đến Điều 9"); empty when no such unit exists.
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub targets: ThinVec<Str>,
    /// Canonical id of the document the units belong to (this document for "… này" or a bare
    /// unit).
    // (Shared: the references of one document hold one copy of each id, as citations do.)
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub document: Option<Arc<str>>,
    /// The units as read, outermost first, e.g. ["Điều 5", "khoản 2", "điểm a"].
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub units: ThinVec<Str>,
    /// Element id of the node the reference stands in.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub node: Option<Str>,
    /// Where it is.
    pub span: Span,
}

/// Who must do what, by when, in one task node.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Assignment {
    /// Element id of the task node (a point, item, bullet or table row).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub node: Str,
    /// Agencies that lead ("chủ trì"), canonical names.
    pub lead: Vec<String>,
    /// Agencies that cooperate ("phối hợp với"), canonical names.
    pub cooperating: Vec<String>,
    /// Agencies the task is addressed to ("X: …", "Giao X …", the subject of the sentence).
    pub responsible: Vec<String>,
    /// Deadline or time target: as written, and as dates.
    // (Boxed: most tasks have none, and a deadline inline made every task 120 bytes larger.)
    pub deadline: Option<Box<Deadline>>,
    /// The task text.
    pub text: String,
}

/// What a deadline is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// A date to finish by ("trước ngày 05/12/2025", "hoàn thành trong tháng 11/2025").
    Due,
    /// A span of time to work in ("Quý IV/2025", "6 tháng đầu năm 2026", "2026 - 2030").
    Period,
    /// Again and again ("hằng năm", "trước ngày 20 hằng tháng", "thường xuyên").
    Recurring,
    /// Counted from an event ("trong thời hạn 15 ngày kể từ ngày ký"); `due` is set when the
    /// event is the document's own date.
    Relative,
    /// Words only ("theo tiến độ …", "sau khi Nghị định được ban hành").
    #[default]
    Text,
}

/// How often a recurring task comes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Recurrence {
    /// "hằng năm", "hàng năm".
    Yearly,
    /// "6 tháng một lần", "định kỳ 6 tháng".
    HalfYearly,
    /// "hằng quý".
    Quarterly,
    /// "hằng tháng".
    Monthly,
    /// "hằng tuần".
    Weekly,
    /// "thường xuyên", "liên tục": all the time.
    Ongoing,
}

/// A deadline or time target, as written and as dates (ISO 8601, `YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Deadline {
    /// As written ("trước ngày 15/12 hằng năm", "Quý IV/2025").
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub text: Str,
    /// What it is.
    pub kind: DeadlineKind,
    /// The date to finish by: the day given, or the last day of the month, quarter or year
    /// given ("hoàn thành trong tháng 11/2025" → 2025-11-30).
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub due: Option<Str>,
    /// First day of the period ("Quý IV/2025" → 2025-10-01, "2026 – 2030" → 2026-01-01).
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub start: Option<Str>,
    /// Last day of the period.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub end: Option<Str>,
    /// How often it comes back.
    pub recurrence: Option<Recurrence>,
    /// The day of a recurring deadline, as an ISO 8601 recurring date: `--12-15` (15 December
    /// every year), `---20` (the 20th of every month).
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub on: Option<Str>,
    /// The year was left out ("trước ngày 15/12") and is the document's year.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub year_inferred: bool,
}

/// A recipient with its canonical name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RecipientRef {
    /// As written. A line that points elsewhere gives those it stands for: "Như trên" the
    /// addressees of "Kính gửi", "Như Điều 3" who the document's Điều 3 charges (each as
    /// written there); one that points at nothing found stays as written (no agency, and
    /// no recipient in the graph).
    pub name: String,
    /// With abbreviations expanded and the agency registry applied.
    pub canonical: String,
    /// Parenthesised purpose ("báo cáo", "phối hợp chỉ đạo").
    pub purpose: Option<String>,
}

/// An agency a document names (in its assignments and recipients), with the identity the
/// graph gives it: a provincial body named without its province ("Sở Tài chính") takes the
/// document's province, so the extraction of a document and the graph of a corpus join on
/// `id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgencyRef {
    /// The name as the assignments and recipients give it ("Sở Tài chính").
    pub name: String,
    /// The id of the agency's node in the graph ("agency:so-tai-chinh.dong-thap").
    pub id: String,
    /// The full name: "Ủy ban nhân dân tỉnh" of a Lào Cai document is "Ủy ban nhân dân tỉnh
    /// Lào Cai"; other names as given.
    pub canonical: String,
    /// The province of a provincial body named without one (the document's province);
    /// absent for central bodies and names that carry their place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locality: Option<String>,
    /// Former names of the agency this one resolves to: a body of a province merged in the
    /// 2025 reorganisation is the body of the province it joined ("Sở Tài chính tỉnh Yên
    /// Bái" → canonical "Sở Tài chính tỉnh Lào Cai", alias "Sở Tài chính tỉnh Yên Bái"; "Sở
    /// Tài chính" of a Yên Bái document → locality "Lào Cai", alias "Sở Tài chính (Yên
    /// Bái)").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Extraction {
    /// Where the document was read from: the path as given to `vanban extract` (`-` for
    /// standard input). `None` (and absent from the JSON) when the library extracts a text it
    /// was handed. A graph built from extraction records (`vanban graph --from-jsonl`) names
    /// the document's source by it, as a graph built from the files does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Canonical id of the document.
    pub id: String,
    /// Document type.
    pub kind: DocumentKind,
    /// Number and symbol.
    pub number: Option<DocumentNumber>,
    /// Issuing body.
    pub issuer: Issuer,
    /// Province or centrally-run city of a local issuing body ("Tuyên Quang"); the locality
    /// that contextual issuers in citations ("Tỉnh ủy", "UBND tỉnh") resolve to.
    pub province: Option<String>,
    /// Place of issue.
    pub place: Option<String>,
    /// Date of issue.
    pub date: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Citations of other documents, in document order.
    pub citations: Vec<Citation>,
    /// References to units of this or another document.
    pub references: Vec<Reference>,
    /// Typed relations asserted by this document (one per subject, object and type).
    pub relations: Vec<Relation>,
    /// Assignments of tasks.
    pub assignments: Vec<Assignment>,
    /// Recipients with canonical names.
    pub recipients: Vec<RecipientRef>,
    /// Every agency named in `assignments` and `recipients`, once, by name, with its graph
    /// identity and province. Absent in records written before it existed.
    #[serde(default)]
    pub agencies: Vec<AgencyRef>,
    /// Diagnostics of parsing and extraction.
    pub diagnostics: Vec<Diagnostic>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A task's deadline is boxed (most tasks have none): an assignment is 128 bytes, not 248.
    #[test]
    fn assignments_are_small() {
        let size = std::mem::size_of::<Assignment>();
        assert!(size <= 128, "{size}");
    }
}
