//! Word lists of extraction, read from `data/` at compile time and parsed once. A list file
//! has one entry a line (two columns separated by a TAB for pairs); lines starting with `#`
//! are comments and blank lines are skipped. Entries are kept as written: a few lists carry
//! spaces on purpose, and their files say so.

use std::sync::LazyLock;

use vanban_model::RelationType;

/// The entry lines of a list file.
fn lines(tsv: &'static str) -> impl Iterator<Item = &'static str> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

/// One entry a line.
fn words(tsv: &'static str) -> Vec<&'static str> {
    lines(tsv).collect()
}

/// Two columns a line.
fn pairs(tsv: &'static str) -> Vec<(&'static str, &'static str)> {
    lines(tsv).filter_map(|l| l.split_once('\t')).collect()
}

/// A phrase and the relation type it asserts, a line.
fn relations(tsv: &'static str) -> Vec<(&'static str, RelationType)> {
    pairs(tsv)
        .into_iter()
        .filter_map(|(phrase, kind)| Some((phrase, asserted(kind)?)))
        .collect()
}

/// A relation type a phrase may assert, by its serialised name (consolidation and plain
/// citation come from position, never from a phrase).
fn asserted(name: &str) -> Option<RelationType> {
    use RelationType::*;
    [
        Implements,
        ContinuesImplementing,
        BasedOn,
        ProposedBy,
        Amends,
        Replaces,
        Repeals,
        Suspends,
        Details,
        Guides,
        Corrects,
        Attaches,
    ]
    .into_iter()
    .find(|t| t.as_str() == name)
}

/// Words separated by one space, a line.
fn phrases(tsv: &'static str) -> Vec<Vec<&'static str>> {
    lines(tsv).map(|l| l.split(' ').collect()).collect()
}

macro_rules! lists {
    ($($(#[$doc:meta])* $name:ident: $ty:ty = $parse:ident($file:literal), spaced: $spaced:literal;)*) => {
        $(
            $(#[$doc])*
            pub(crate) static $name: LazyLock<$ty> = LazyLock::new(|| $parse(include_str!($file)));
        )*

        /// Every list: (file, text), as compiled in.
        pub(crate) fn texts() -> Vec<(&'static str, &'static str)> {
            vec![$(($file, include_str!($file))),*]
        }

        /// Every list: (file, text, whether its entries carry spaces on purpose, entries parsed).
        #[cfg(test)]
        fn files() -> Vec<(&'static str, &'static str, bool, usize)> {
            vec![$(($file, include_str!($file), $spaced, $name.len())),*]
        }
    };
}

lists! {
    /// Markers of a former unit in parentheses after its name ("(cũ)", "(trước hợp nhất)";
    /// folded).
    FORMER_MARKERS: Vec<&'static str> = words("../data/former-markers.tsv"), spaced: false;
    /// Words that start an agency name ("Sở", "Ủy ban nhân dân" …), longer heads first.
    AGENCY_HEADS: Vec<&'static str> = words("../data/agency-heads.tsv"), spaced: false;
    /// Titles of officials (folded), longest first.
    OFFICIAL_TITLES: Vec<&'static str> = words("../data/official-titles.tsv"), spaced: false;
    /// Generic bodies after a title ("Giám đốc sở"), folded.
    GENERIC_BODIES: Vec<&'static str> = words("../data/generic-bodies.tsv"), spaced: false;
    /// Heads of units named only after an assigning word ("Giao phòng …"), capitalised.
    ASSIGNED_HEADS: Vec<&'static str> = words("../data/assigned-heads.tsv"), spaced: false;
    /// Words that begin with a head but name no agency ("Trường hợp …"), folded.
    NOT_AGENCIES: Vec<&'static str> = words("../data/not-agencies.tsv"), spaced: false;
    /// Plural heads whose field names follow ("Các Sở: Nội vụ, …"): (plural, head).
    DISTRIBUTIVE_HEADS: Vec<(&'static str, &'static str)> = pairs("../data/distributive-heads.tsv"), spaced: false;
    /// Kinds of area after "khu" inside an agency name, by words.
    AREA_KINDS: Vec<Vec<&'static str>> = phrases("../data/area-kinds.tsv"), spaced: false;
    /// Two-syllable words of agency names whose second syllable is in lower case.
    NAME_WORDS: Vec<&'static str> = words("../data/name-words.tsv"), spaced: false;
    /// Lower-case words that go on with an agency name ("tỉnh", "chi", "nhánh" …).
    NAME_INNER_WORDS: Vec<&'static str> = words("../data/name-inner-words.tsv"), spaced: false;
    /// Words that start the predicate after an agency name written partly in lower case.
    AGENCY_NAME_ENDS: Vec<Vec<&'static str>> = phrases("../data/agency-name-ends.tsv"), spaced: false;
    /// Unit words after which a registry name takes a place's proper name.
    UNITS_BEFORE_NAMES: Vec<&'static str> = words("../data/units-before-names.tsv"), spaced: false;
    /// Administrative units below the state ("tỉnh", "xã" …), folded.
    LOCAL_UNITS: Vec<&'static str> = words("../data/local-units.tsv"), spaced: false;
    /// Issuers that mean "of the citing document's province" ("tỉnh ủy" …), folded.
    CONTEXTUAL_ISSUERS: Vec<&'static str> = words("../data/contextual-issuers.tsv"), spaced: false;
    /// Words that make a stated issuer a central body, folded.
    CENTRAL_ISSUER_WORDS: Vec<&'static str> = words("../data/central-issuer-words.tsv"), spaced: false;
    /// Type names that start a citation, folded, longest first.
    CITATION_TYPES: Vec<&'static str> = words("../data/citation-types.tsv"), spaced: false;
    /// Misspelt issuer codes and the code meant ("Tg" → "TTg").
    CODE_TYPOS: Vec<(&'static str, &'static str)> = pairs("../data/code-typos.tsv"), spaced: false;
    /// Types whose short form is a bare number ("Nghị quyết 57").
    BARE_NUMBER_TYPES: Vec<&'static str> = words("../data/bare-number-types.tsv"), spaced: false;
    /// Words of website chrome in the text after a document, folded.
    CHROME_WORDS: Vec<&'static str> = words("../data/chrome-words.tsv"), spaced: false;
    /// Parts of agency names that hold a comma, folded: a stated issuer goes on through them.
    COMMA_NAMES: Vec<&'static str> = words("../data/comma-names.tsv"), spaced: false;
    /// Words right before a recurrence phrase that make it part of a noun ("chi thường
    /// xuyên", "ngân sách nhà nước hằng năm"), lower case.
    NOT_RECURRING_AFTER: Vec<&'static str> = words("../data/not-recurring-after.tsv"), spaced: false;
    /// Kinds of body a group of bodies is named by ("sở", "ban", "ngành" …), folded.
    COLLECTIVE_UNITS: Vec<&'static str> = words("../data/collective-units.tsv"), spaced: false;
    /// Words after a group's kinds that say which ones ("cấp tỉnh", "có liên quan"), folded.
    COLLECTIVE_QUALIFIERS: Vec<&'static str> = words("../data/collective-qualifiers.tsv"), spaced: false;
    /// Words that end a stated issuer (with their spaces).
    ISSUER_STOPS: Vec<&'static str> = words("../data/issuer-stops.tsv"), spaced: true;
    /// Starts of a line that open a clause or item (with their trailing space).
    LINE_OPENERS: Vec<&'static str> = words("../data/line-openers.tsv"), spaced: true;
    /// Words after "Quy hoạch" that make it a named plan.
    PLAN_WORDS: Vec<&'static str> = words("../data/plan-words.tsv"), spaced: false;
    /// Words after "Chương trình" or "Chiến lược" that open a name (their trailing spaces
    /// kept).
    PROGRAMME_STARTS: Vec<&'static str> = words("../data/programme-starts.tsv"), spaced: true;
    /// Words a programme's or strategy's name ends before (their spaces kept).
    PROGRAMME_ENDS: Vec<&'static str> = words("../data/programme-ends.tsv"), spaced: true;
    /// Words before a named document that make it one still to be made or approved by the
    /// decision before it, lower case.
    MAKING_WORDS: Vec<&'static str> = words("../data/making-words.tsv"), spaced: false;
    /// Codes (bộ luật) whose names are often written in lower case.
    CODE_NAMES: Vec<&'static str> = words("../data/code-names.tsv"), spaced: false;
    /// Words that end the name of a document cited by name (with their spaces).
    NAME_STOPS: Vec<&'static str> = words("../data/name-stops.tsv"), spaced: true;
    /// Phrases before a citation and the relation they assert.
    RELATION_TRIGGERS: Vec<(&'static str, RelationType)> = relations("../data/relation-triggers.tsv"), spaced: false;
    /// Passive phrases, after which the citation is the subject.
    RELATION_PASSIVES: Vec<(&'static str, RelationType)> = relations("../data/relation-passives.tsv"), spaced: false;
    /// Formulae a paragraph opens with, given to every citation in it.
    RELATION_OPENERS: Vec<(&'static str, RelationType)> = relations("../data/relation-openers.tsv"), spaced: false;
    /// Words of intent: asking for an amendment is not making one (with their spaces).
    INTENT_WORDS: Vec<&'static str> = words("../data/intent-words.tsv"), spaced: true;
    /// Words before a citation that name it as the act approving the document before it.
    APPROVAL_WORDS: Vec<&'static str> = words("../data/approval-words.tsv"), spaced: false;
    /// Words before a relation phrase that join it to the citing document's own action.
    ACTION_JOINERS: Vec<&'static str> = words("../data/action-joiners.tsv"), spaced: false;
    /// Words that make one word with a following "luật" ("kỷ luật", "pháp luật").
    LAW_COMPOUNDS: Vec<&'static str> = words("../data/law-compounds.tsv"), spaced: false;
    /// Types whose titles hold relation phrases ("Luật sửa đổi, bổ sung …").
    CITED_TITLE_TYPES: Vec<&'static str> = words("../data/cited-title-types.tsv"), spaced: false;
    /// What may join two citations that share one claim ("và", ",").
    CLAIM_JOINERS: Vec<&'static str> = words("../data/claim-joiners.tsv"), spaced: false;
    /// Words of a change of wording ("cụm từ"): a list lead that replaces or repeals them
    /// amends the document (folded).
    WORDING_WORDS: Vec<&'static str> = words("../data/wording-words.tsv"), spaced: false;
    /// Column titles of task tables: (role, word).
    TASK_COLUMNS: Vec<(&'static str, &'static str)> = pairs("../data/task-columns.tsv"), spaced: false;
    /// Words before the agency a task is given to (with their trailing space).
    ASSIGNING_WORDS: Vec<&'static str> = words("../data/assigning-words.tsv"), spaced: true;
    /// Openings of a task sentence before its subject ("Căn cứ …, các sở, ngành …"; folded):
    /// (opening, "subject" or "request").
    TASK_OPENERS: Vec<(&'static str, &'static str)> = pairs("../data/task-openers.tsv"), spaced: false;
    /// Words that start the name of a party that is no agency, in a heading over bullets
    /// ("Các chủ đầu tư dự án …"; folded).
    PARTY_HEADS: Vec<&'static str> = words("../data/party-heads.tsv"), spaced: false;
    /// Phrases that go on inside a party's description ("khu, cụm công nghiệp"; folded).
    PARTY_INNER: Vec<&'static str> = words("../data/party-inner.tsv"), spaced: false;
    /// Headings of units that say whom a document applies to, under which nothing is a task
    /// ("Đối tượng áp dụng"; folded).
    SCOPE_HEADINGS: Vec<&'static str> = words("../data/scope-headings.tsv"), spaced: false;
    /// Words after an agency that make a sentence no task (approvals, reports, descriptions).
    NOT_ASSIGNING: Vec<&'static str> = words("../data/not-assigning.tsv"), spaced: false;
    /// Labels of a closing paragraph that names who carries its unit's tasks (folded).
    CLOSING_OWNER_LABELS: Vec<&'static str> = words("../data/closing-owner-labels.tsv"), spaced: false;
    /// Words of deadlines: (role, phrase), lower case.
    DEADLINE_WORDS: Vec<(&'static str, &'static str)> = pairs("../data/deadline-words.tsv"), spaced: false;
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn every_list_is_documented_full_and_clean() {
        for (file, text, spaced, parsed) in files() {
            assert!(text.starts_with("# "), "{file}: starts with its comment");
            let entries: Vec<&str> = lines(text).collect();
            assert!(!entries.is_empty(), "{file}: empty");
            assert_eq!(parsed, entries.len(), "{file}: every line is read");
            let mut seen = HashSet::new();
            for e in &entries {
                assert!(seen.insert(*e), "{file}: {e:?} twice");
                for field in e.split('\t') {
                    assert!(!field.trim().is_empty(), "{file}: empty field in {e:?}");
                    assert!(
                        spaced || field.trim() == field,
                        "{file}: {e:?} has spaces at an end"
                    );
                }
            }
        }
    }

    #[test]
    fn lists_keep_their_order_and_spaces() {
        assert_eq!(AGENCY_HEADS.first(), Some(&"Ủy ban nhân dân"));
        assert_eq!(ISSUER_STOPS.first(), Some(&" về "));
        assert_eq!(NAME_STOPS.first(), Some(&" số "));
        assert_eq!(
            RELATION_TRIGGERS.first(),
            Some(&(
                "tiếp tục triển khai thực hiện",
                RelationType::ContinuesImplementing
            ))
        );
        assert_eq!(AREA_KINDS.get(1), Some(&vec!["công", "nghệ", "cao"]));
    }
}
