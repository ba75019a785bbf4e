//! Document types (tên loại văn bản) and node kinds.

use serde::{Deserialize, Serialize};

macro_rules! cited {
    () => {
        true
    };
    (uncited) => {
        false
    };
}

macro_rules! document_kinds {
    ($( $(#[$doc:meta])* $variant:ident = $snake:literal, $name:literal, [$($code:literal),*] $($uncited:ident)?; )*) => {
        /// Type of a document (tên loại): the 29 administrative types of Nghị định 30/2020, the
        /// normative types of the Law on Promulgation and the Party types of Quy định 66-QĐ/TW.
        ///
        /// Serialised in snake case English (`plan`, `decision`, `official_letter` …).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum DocumentKind {
            $( $(#[$doc])* $variant, )*
            /// The type could not be told.
            #[default]
            Unknown,
        }

        impl DocumentKind {
            /// Every kind but `Unknown`.
            pub const ALL: &'static [DocumentKind] = &[$(DocumentKind::$variant),*];

            /// The Vietnamese type name, e.g. "Kế hoạch".
            pub fn name_vi(self) -> &'static str {
                match self { $(DocumentKind::$variant => $name,)* DocumentKind::Unknown => "" }
            }

            /// The serialised name, e.g. "plan".
            pub fn as_str(self) -> &'static str {
                match self { $(DocumentKind::$variant => $snake,)* DocumentKind::Unknown => "unknown" }
            }

            /// Whether other documents cite this type by its name and number ("Kế hoạch số …"):
            /// then its folded name is in `data/citation-types.tsv` and the citation grammar
            /// reads it (a test checks both). Kinds that are not cited so (memoranda, powers of
            /// attorney, slips, public letters, orders) are declared `uncited`.
            pub fn cited_by_name(self) -> bool {
                match self { $(DocumentKind::$variant => cited!($($uncited)?),)* DocumentKind::Unknown => false }
            }

            /// Type codes used in symbols for this type (first is the usual one).
            pub fn codes(self) -> &'static [&'static str] {
                match self { $(DocumentKind::$variant => &[$($code),*],)* DocumentKind::Unknown => &[] }
            }
        }
    };
}

document_kinds! {
    /// Nghị quyết (resolution).
    Resolution = "resolution", "Nghị quyết", ["NQ"];
    /// Quyết định (decision).
    Decision = "decision", "Quyết định", ["QĐ"];
    /// Chỉ thị (directive).
    Directive = "directive", "Chỉ thị", ["CT"];
    /// Quy chế (regulation).
    Regulation = "regulation", "Quy chế", ["QC"];
    /// Quy định (rules; the Party writes "QĐi" or "QĐ").
    Rules = "rules", "Quy định", ["QyĐ", "QĐi"];
    /// Thông cáo (communiqué).
    Communique = "communique", "Thông cáo", ["TC"];
    /// Thông báo (notice).
    Notice = "notice", "Thông báo", ["TB"];
    /// Hướng dẫn (guidance).
    Guidance = "guidance", "Hướng dẫn", ["HD"];
    /// Chương trình (programme), including "Chương trình hành động".
    Programme = "programme", "Chương trình", ["CTr"];
    /// Kế hoạch (plan).
    Plan = "plan", "Kế hoạch", ["KH"];
    /// Phương án (scheme).
    Scheme = "scheme", "Phương án", ["PA"];
    /// Đề án (project proposal).
    ProjectProposal = "project_proposal", "Đề án", ["ĐA"];
    /// Dự án (project).
    Project = "project", "Dự án", ["DA"];
    /// Báo cáo (report).
    Report = "report", "Báo cáo", ["BC"];
    /// Biên bản (minutes).
    Minutes = "minutes", "Biên bản", ["BB"];
    /// Tờ trình (submission).
    Submission = "submission", "Tờ trình", ["TTr"];
    /// Hợp đồng (contract).
    Contract = "contract", "Hợp đồng", ["HĐ"];
    /// Công văn (official letter; no type code, summary after "V/v").
    OfficialLetter = "official_letter", "Công văn", ["CV"];
    /// Công điện (official dispatch).
    Dispatch = "dispatch", "Công điện", ["CĐ"];
    /// Bản ghi nhớ (memorandum of understanding).
    Memorandum = "memorandum", "Bản ghi nhớ", ["BGN"] uncited;
    /// Bản thỏa thuận (agreement).
    Agreement = "agreement", "Bản thỏa thuận", ["BTT"] uncited;
    /// Giấy ủy quyền (power of attorney).
    PowerOfAttorney = "power_of_attorney", "Giấy ủy quyền", ["GUQ"] uncited;
    /// Giấy mời (invitation).
    Invitation = "invitation", "Giấy mời", ["GM"];
    /// Giấy giới thiệu (letter of introduction).
    Introduction = "introduction", "Giấy giới thiệu", ["GGT"] uncited;
    /// Giấy nghỉ phép (leave permit).
    LeavePermit = "leave_permit", "Giấy nghỉ phép", ["GNP"] uncited;
    /// Phiếu gửi (dispatch slip).
    SendingSlip = "sending_slip", "Phiếu gửi", ["PG"];
    /// Phiếu chuyển (transfer slip).
    TransferSlip = "transfer_slip", "Phiếu chuyển", ["PC"];
    /// Phiếu báo (notification slip).
    NoticeSlip = "notice_slip", "Phiếu báo", ["PB"];
    /// Thư công (public letter).
    PublicLetter = "public_letter", "Thư công", [] uncited;
    /// Giấy phép (licence).
    Licence = "licence", "Giấy phép", ["GP"];
    /// Hiến pháp (constitution).
    Constitution = "constitution", "Hiến pháp", [];
    /// Bộ luật (code).
    Code = "code", "Bộ luật", [];
    /// Luật (law).
    Law = "law", "Luật", [];
    /// Pháp lệnh (ordinance).
    Ordinance = "ordinance", "Pháp lệnh", ["PL"];
    /// Lệnh (order of the President).
    Order = "order", "Lệnh", ["L-CTN"] uncited;
    /// Nghị định (decree).
    Decree = "decree", "Nghị định", ["NĐ"];
    /// Thông tư (circular).
    Circular = "circular", "Thông tư", ["TT"];
    /// Thông tư liên tịch (joint circular).
    JointCircular = "joint_circular", "Thông tư liên tịch", ["TTLT"];
    /// Nghị quyết liên tịch (joint resolution).
    JointResolution = "joint_resolution", "Nghị quyết liên tịch", ["NQLT"];
    /// Văn bản hợp nhất (consolidated text).
    Consolidated = "consolidated", "Văn bản hợp nhất", ["VBHN"];
    /// Kết luận (Party conclusion).
    Conclusion = "conclusion", "Kết luận", ["KL"];
    /// Thông tri (Party circular).
    PartyCircular = "party_circular", "Thông tri", [];
    /// Điều lệ (charter).
    Charter = "charter", "Điều lệ", [];
    /// Văn bản (a document with no type name, e.g. "Văn bản số 05/CV-LV").
    Document = "document", "Văn bản", [];
    /// Tiêu chuẩn, quy chuẩn kỹ thuật (a national standard or technical regulation, cited
    /// by its code: "TCVN 14423:2025", "QCVN 01:2019/BCT").
    Standard = "standard", "Tiêu chuẩn", [] uncited;
}

impl DocumentKind {
    /// The kind a type code stands for, e.g. "KH" → `Plan`. Case-sensitive except for a
    /// wrong-case final letter; "QĐ" is `Decision` (the Party also uses it for Quy định: the
    /// printed type name decides).
    pub fn from_code(code: &str) -> Option<DocumentKind> {
        Self::ALL
            .iter()
            .copied()
            .find(|k| k.codes().contains(&code))
            .or(match code {
                "TT" => Some(DocumentKind::Circular),
                "QĐI" | "QDi" => Some(DocumentKind::Rules),
                "QYĐ" | "QYD" => Some(DocumentKind::Rules),
                _ => None,
            })
    }

    /// The kind for a type name in any case, e.g. "KẾ HOẠCH", "Kế hoạch", "kế hoạch".
    ///
    /// Both tone-mark placements are accepted ("thỏa"/"thoả", "ủy"/"uỷ").
    pub fn from_name(name: &str) -> Option<DocumentKind> {
        static FOLDED: std::sync::OnceLock<Vec<(String, DocumentKind)>> =
            std::sync::OnceLock::new();
        let folded = FOLDED.get_or_init(|| {
            Self::ALL
                .iter()
                .map(|&k| (fold_name(k.name_vi()), k))
                .collect()
        });
        // Type names are at most four words; anything longer is not one.
        if name.len() > 40 {
            return None;
        }
        let key = fold_name(name);
        folded
            .iter()
            .find(|(n, _)| *n == key)
            .map(|&(_, k)| k)
            .or(match key.as_str() {
                "chương trình hành động" => Some(DocumentKind::Programme),
                "nghị quyết liên tịch" => Some(DocumentKind::JointResolution),
                _ => None,
            })
    }
}

/// Lower-case, single spaces, and the old tone-mark placement for oa/oe/uy.
fn fold_name(s: &str) -> String {
    // The words joined by one space into one buffer, lower-cased in place of a second copy
    // when no character changes in lower case (type words as most citations write them; a
    // vector of words, the joined string and its lower case were three allocations a call).
    let mut joined = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(w);
    }
    let unchanged = joined.chars().all(|c| match c.is_ascii() {
        true => !c.is_ascii_uppercase(),
        false => c.to_lowercase().eq([c]),
    });
    let lower = if unchanged {
        joined
    } else {
        joined.to_lowercase()
    };
    // (Most names hold none of the marks moved: no copies then.)
    if !lower.contains(['ả', 'ỷ', 'á', 'à']) {
        return lower;
    }
    lower
        .replace("oả", "ỏa")
        .replace("uỷ", "ủy")
        .replace("oá", "óa")
        .replace("oà", "òa")
}

#[cfg(test)]
mod fold_name_tests {
    use super::fold_name;

    /// Either placement of a moved mark folds to one key, and a name without one is kept.
    #[test]
    fn names_fold_either_tone_placement() {
        for (a, b) in [
            ("Thoả thuận", "thỏa thuận"),
            ("ỦY BAN", "Uỷ ban"),
            ("Hoá đơn", "hóa đơn"),
            ("hoà bình", "HÒA  BÌNH"),
        ] {
            assert_eq!(fold_name(a), fold_name(b), "{a} / {b}");
        }
        assert_eq!(fold_name(" Kế   hoạch "), "kế hoạch");
    }

    /// The one-buffer fold gives what splitting, joining and lower-casing gave, on names in
    /// every case, with tabs and wide spaces, on Greek capital sigma (lower-cased by its
    /// place in a word) and on title-case letters that are neither upper nor lower case.
    #[test]
    fn the_one_buffer_fold_is_the_split_join_lowercase() {
        let reference = |s: &str| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        let words = [
            "Kế",
            "hoạch",
            "KẾ",
            "HOẠCH",
            "Nghị",
            "quyết",
            "LIÊN",
            "TỊCH",
            "Thoả",
            "ỦY",
            "Ban",
            "ΣΟΦΙΑ",
            "σοφία",
            "Σ",
            "ǅ",
            "ǲ",
            "Ⅻ",
            "İ",
            "ß",
            "ẞ",
            "2024",
            "NQ-CP",
            "",
        ];
        let spaces = [" ", "  ", "\t", "\u{a0}", "\u{3000}", " \n "];
        let mut checked = 0;
        for (i, a) in words.iter().enumerate() {
            for (j, b) in words.iter().enumerate() {
                let sp = spaces[(i + j) % spaces.len()];
                let s = format!("{sp}{a}{sp}{b} {a}");
                let old = reference(&s);
                // (The tone-mark swaps come after: compared on names without those marks.)
                if !old.contains(['ả', 'ỷ', 'á', 'à']) {
                    assert_eq!(fold_name(&s), old, "{s:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 400, "{checked}");
    }
}

impl std::fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! node_kinds {
    ($( $(#[$doc:meta])* $variant:ident = $snake:literal, id: $prefix:literal; )*) => {
        /// Kind of a node of the body hierarchy, from the largest unit to the smallest.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum NodeKind {
            $( $(#[$doc])* $variant, )*
        }

        impl NodeKind {
            /// Every kind, from the largest unit to the smallest.
            pub const ALL: &'static [NodeKind] = &[$(NodeKind::$variant),*];

            /// Snake-case name, as serialised (`article`, `point`, `subitem` …).
            pub fn as_str(self) -> &'static str {
                match self { $(NodeKind::$variant => $snake,)* }
            }

            /// The prefix used in element ids, e.g. `art`, `point`.
            pub fn id_prefix(self) -> &'static str {
                match self { $(NodeKind::$variant => $prefix,)* }
            }
        }
    };
}

node_kinds! {
    /// Phần (part).
    Part = "part", id: "part";
    /// Chương (chapter).
    Chapter = "chapter", id: "chp";
    /// Mục (section of a law, "Mục 1").
    Section = "section", id: "sec";
    /// Tiểu mục (subsection).
    Subsection = "subsection", id: "subsec";
    /// Điều (article).
    Article = "article", id: "art";
    /// "A.", "B." above the Roman level of a plan.
    Group = "group", id: "grp";
    /// "I.", "II." (or Party "I-") sections of a plan, report or guide.
    Division = "division", id: "sec";
    /// Khoản: "1." inside an article.
    Clause = "clause", id: "cl";
    /// "1." outside an article (plans, letters).
    Item = "item", id: "item";
    /// "1.1.", "1.1.1." sub-items.
    Subitem = "subitem", id: "item";
    /// Điểm: "a)", "đ)".
    Point = "point", id: "point";
    /// A paragraph numbered in parentheses: "(1)", "(2)" (notices and conclusions list their
    /// requests so).
    Numbered = "numbered", id: "num";
    /// "-" bullet.
    Indent = "indent", id: "indent";
    /// "+" bullet.
    Subindent = "subindent", id: "indent";
    /// An unmarked paragraph.
    Paragraph = "paragraph", id: "p";
    /// A whole-line parenthesised note, e.g. "(Cụ thể có phụ lục kèm theo)".
    Note = "note", id: "note";
    /// Text quoted inside another node (amendment text: "… như sau: “…”").
    Quoted = "quoted", id: "quot";
    /// A table row, with its cells.
    Row = "row", id: "row";
}

impl NodeKind {
    /// An entry of a list: a bullet ("-", "+") or a lettered point ("a)").
    pub fn is_list_entry(self) -> bool {
        matches!(
            self,
            NodeKind::Indent | NodeKind::Subindent | NodeKind::Point
        )
    }
}

#[cfg(test)]
mod node_kind_tests {
    use super::NodeKind;

    #[test]
    fn as_str_is_the_serialised_name() {
        for &k in NodeKind::ALL {
            let json = serde_json::to_string(&k).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", k.as_str()));
        }
    }
}
