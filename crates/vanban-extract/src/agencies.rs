//! The agency registry (`data/agencies.tsv`, `data/abbreviations.tsv`, extendable by users)
//! and the reading of agency lists in task text: "Sở Kế hoạch và Đầu tư chủ trì, phối hợp
//! với các Sở, ban, ngành, Ủy ban nhân dân huyện, thành phố …", "Các Sở: Nội vụ, Kế hoạch và
//! Đầu tư, Xây dựng …".

use std::sync::LazyLock;

use vanban_text::fold::fold_case;
use vanban_text::{squash_spaces, ByFirstByte, Sub};

use crate::collective;
use crate::lists::{
    AGENCY_HEADS, AGENCY_NAME_ENDS, AREA_KINDS, ASSIGNED_HEADS, COMMA_NAMES, DISTRIBUTIVE_HEADS,
    GENERIC_BODIES, NAME_INNER_WORDS, NAME_WORDS, NOT_AGENCIES, OFFICIAL_TITLES,
    UNITS_BEFORE_NAMES,
};

pub(crate) const AGENCIES: &str = include_str!("../data/agencies.tsv");
pub(crate) const ABBREVIATIONS: &str = include_str!("../data/abbreviations.tsv");

// The folds of names live in `vanban_text::fold`; re-exported under their old names.
pub use vanban_text::fold::modern_tones;

/// Case and tone folding ([`vanban_text::fold::fold_tones`]); the same bytes, cut from a fold
/// made once when `s` is a slice of a text being read for its parties (the reading of one task
/// folded the same windows of its text again and again: a fifth of the assignment walker
/// went to these folds).
pub fn fold(s: &str) -> String {
    shared::fold(s)
}

/// The agency lists last read on this thread, by registry and text: the assignment walker
/// reads the list at the start of the same text several times (whether a unit is names only,
/// whether it hands its task down, who its parties are), a third of all the reads of the
/// bundled corpus, each a fold and a walk of the registry's names.
mod recent {
    use std::cell::RefCell;
    use std::sync::atomic::{AtomicU64, Ordering};

    use vanban_text::Recent;

    /// The most bytes of a text a list is read from.
    pub(super) const LONG: usize = 1200;

    /// A list read and the length it covers.
    type Read = (Vec<String>, usize);

    thread_local! {
        /// The last four reads (they catch 79 % of the repeats on the bundled corpus, 16
        /// would catch 87 %), tagged with the registry's stamp.
        static RECENT: RefCell<Recent<Read>> = const { RefCell::new(Recent::new(4)) };
    }

    /// A stamp no registry had: a registry takes one when made and at each change.
    pub(super) fn stamp() -> u64 {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        NEXT.fetch_add(1, Ordering::Relaxed)
    }

    /// The list read last from `text` (a text's long window) with the registry stamped
    /// `stamp`.
    pub(super) fn get(stamp: u64, text: &str) -> Option<Read> {
        RECENT.with(|r| r.borrow().get(stamp, "", text).cloned())
    }

    /// Keep what was read from `text`.
    pub(super) fn put(stamp: u64, text: &str, read: &Read) {
        RECENT.with(|r| r.borrow_mut().put(stamp, "", text, read));
    }
}

/// One fold of a text shared by the readers of its slices. Inside [`shared::sharing`], the
/// fold of a slice of the text is cut from the fold of its first [`shared::REACH`] bytes
/// when it lies there.
pub(crate) mod shared {
    use std::cell::RefCell;

    use vanban_text::fold::fold_tones;

    /// How much of a text is folded at once (agency lists stand near the start of a task
    /// text: 600 and 1 200 bytes cost the corpus the same).
    pub(crate) const REACH: usize = 600;

    /// The text being shared (its address) and the fold of its start (as long as the start:
    /// folding keeps byte lengths).
    struct Shared {
        at: usize,
        folded: String,
    }

    thread_local! {
        static SHARED: RefCell<Option<Shared>> = const { RefCell::new(None) };
    }

    /// Puts back what was shared before, also when the reader panics (a text dropped after a
    /// panic must not leave its address behind for the next text allocated there).
    struct Restore(Option<Shared>);

    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0.take();
            SHARED.with(|s| *s.borrow_mut() = previous);
        }
    }

    /// Run `read` with the fold of `text` shared (unless a text holding it is shared already).
    pub(crate) fn sharing<R>(text: &str, read: impl FnOnce() -> R) -> R {
        if SHARED.with(|s| {
            s.borrow()
                .as_ref()
                .is_some_and(|sh| offset(sh, text).is_some())
        }) {
            return read();
        }
        let start = vanban_text::window(text, 0, REACH);
        let shared = Shared {
            at: text.as_ptr() as usize,
            folded: fold_tones(start),
        };
        let _restore = Restore(SHARED.with(|s| s.borrow_mut().replace(shared)));
        read()
    }

    /// Where `s` starts in the shared text's folded start, when it lies inside it.
    fn offset(sh: &Shared, s: &str) -> Option<usize> {
        let from = (s.as_ptr() as usize).checked_sub(sh.at)?;
        (from + s.len() <= sh.folded.len()).then_some(from)
    }

    /// The fold of `s`: cut from the shared fold when `s` lies in it, else folded here.
    pub(crate) fn fold(s: &str) -> String {
        let cut = SHARED.with(|cell| {
            let shared = cell.borrow();
            let sh = shared.as_ref()?;
            let from = offset(sh, s)?;
            // Exact: folding keeps byte lengths (a letter's lower case is taken only when as
            // long; a moved mark swaps two characters of the same total length), so offsets in
            // the text are offsets in its fold. The fold of the whole differs from the fold of
            // the slice only where a pair the fold rewrites straddles an end of the slice ("o"
            // before it, "á" inside: "oá" → "óa"); the marked letter then starts at the "o",
            // so the end falls inside a character of the fold and `get` refuses it.
            sh.folded.get(from..from + s.len()).map(str::to_owned)
        });
        cut.unwrap_or_else(|| fold_tones(s))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// Sharing ends with its reader, also when the reader panics, and nested sharings put
        /// back the outer one.
        #[test]
        fn sharing_ends_with_its_reader() {
            let shared = || SHARED.with(|s| s.borrow().as_ref().map(|sh| sh.folded.clone()));
            let outer = "Hoá chất";
            sharing(outer, || {
                sharing("Thuỷ", || assert_eq!(shared().as_deref(), Some("thủy")));
                // (A slice of the shared text shares it: nothing is folded again.)
                sharing(vanban_text::Sub::sub(outer, ..2), || {
                    assert_eq!(shared().as_deref(), Some("hóa chất"))
                });
                assert_eq!(shared().as_deref(), Some("hóa chất"));
            });
            assert_eq!(shared(), None);
            let read = std::panic::catch_unwind(|| sharing("Hoá", || panic!("a reader fails")));
            assert!(read.is_err());
            assert_eq!(shared(), None);
        }
    }
}

/// The field names of one distributive head: (index into `names`, offset of the field in
/// the alias) by the field's `word_key`.
type FieldIndex = vanban_text::HashMap<String, Vec<(usize, usize)>>;

/// The most names a bucket of the registry's indexes holds and is still read name by name; a
/// larger one (a user's registry of the country's three thousand communes puts them all under
/// "ủy") is looked up a prefix of the text at a time, one hash at each place a name could end
/// instead of one comparison a name. Some builtin buckets are larger too ("các" 161 names,
/// "sở" 83, "bộ" 69, "ủy" 53): on the bundled corpus the lookup costs no more than the scan.
const SCAN_MOST: usize = 16;

/// The names under one key of `AgencyRegistry::by_word`: indices into `names`, longest alias
/// first, and the length of the longest.
#[derive(Debug, Clone, Default)]
struct Bucket {
    names: Vec<usize>,
    longest: usize,
}

/// The names under one key of `AgencyRegistry::bare`: (the alias without marks, index into
/// `names`) in the order of `names`; for a bucket of more than [`SCAN_MOST`], the first place
/// of each text without marks; and the most characters of one.
#[derive(Debug, Clone, Default)]
struct LooseBucket {
    names: Vec<(Vec<char>, usize)>,
    first: Option<vanban_text::HashMap<Vec<char>, usize>>,
    longest: usize,
}

/// The names of `AgencyRegistry::provincial` under one first character: (the alias without its
/// last word "tỉnh", index into `names`) in the order of `names`, each stem once; for a
/// bucket of more than [`SCAN_MOST`], the place of each stem; and the longest, in bytes.
#[derive(Debug, Clone, Default)]
struct Stems {
    stems: Vec<(String, usize)>,
    index: Option<vanban_text::HashMap<Box<str>, usize>>,
    longest: usize,
}

/// The most heads read one by one, as [`SCAN_MOST`] is for names: the builtin lists give some
/// sixty, all read one by one; a user's abbreviations can add thousands.
const HEADS_SCAN_MOST: usize = 128;

/// The words that start an agency name, in the order given, each once, and what answers
/// questions about them without reading them all.
#[derive(Debug, Clone, Default)]
struct Heads {
    list: Vec<String>,
    /// Each head's place in `list`.
    at: vanban_text::HashMap<Box<str>, usize>,
    /// Each head, and each of its beginnings that a space ends ("Ban", "Ban Chỉ" of "Ban Chỉ
    /// đạo"): what a name that is only a head is.
    starts: vanban_text::HashSet<Box<str>>,
    /// The first word of each head.
    firsts: vanban_text::HashSet<Box<str>>,
    /// The longest head, in bytes.
    longest: usize,
}

impl Heads {
    /// Add a head, unless it is there.
    fn push(&mut self, head: &str) {
        // A head is also written with the older tone placement ("Toà án", "Thuỷ lợi").
        let older = vanban_text::fold::older_tones(head);
        if older != head {
            self.push_one(&older);
        }
        self.push_one(head);
    }

    fn push_one(&mut self, head: &str) {
        if self.at.contains_key(head) {
            return;
        }
        self.at.insert(head.into(), self.list.len());
        self.list.push(head.to_owned());
        self.longest = self.longest.max(head.len());
        for (i, _) in head.match_indices(' ') {
            self.starts.insert(head.sub(..i).into());
        }
        self.starts.insert(head.into());
        self.firsts
            .insert(head.split(' ').next().unwrap_or(head).into());
    }

    /// The places in `list` of the heads `t` starts with, ending at a word's end.
    fn ending_in<'a>(&'a self, t: &'a str) -> impl Iterator<Item = usize> + 'a {
        prefix_ends(t, self.longest).filter_map(|end| self.at.get(t.sub(..end)).copied())
    }

    /// Whether `t` starts with a head (not only at a word's end).
    fn any_starts(&self, t: &str) -> bool {
        if self.list.len() > HEADS_SCAN_MOST {
            let reach = vanban_text::floor(t, self.longest);
            return t
                .sub(..reach)
                .char_indices()
                .map(|(i, c)| i + c.len_utf8())
                .any(|end| self.at.contains_key(t.sub(..end)));
        }
        self.list.iter().any(|h| t.starts_with(h.as_str()))
    }
}

/// The agency registry: canonical names with aliases, and abbreviations.
#[derive(Debug, Clone)]
pub struct AgencyRegistry {
    /// (folded alias, canonical), longest alias first.
    names: Vec<(String, String)>,
    /// Indices into `names` by the alias's leading letters and digits (`word_key`: "sở" for
    /// "sở nội vụ", "tp" for "tp. hồ chí minh"), longest first: a name matches a text only
    /// where both keys are the same, so a match looks at these names only.
    by_word: vanban_text::HashMap<String, Bucket>,
    /// Each alias (they are unique in `names`) and its index in `names`: a large bucket of
    /// `by_word` is looked up here, a prefix of the text at a time.
    aliases: vanban_text::HashMap<Box<str>, usize>,
    /// The field names of each distributive head ("Sở" → "nội vụ", "xây dựng" …): for each
    /// head of `data/distributive-heads.tsv`, (index into `names`, offset of the field in
    /// the alias) by the field's `word_key`, in the order of `names`.
    fields: vanban_text::HashMap<&'static str, FieldIndex>,
    /// The names of several words without their marks ("cac tinh uy, thanh uy"), with their
    /// index into `names`, by their first word as written (folded) and second word without
    /// marks ("các cap"), longest first: what a scan's garbled tone marks still match.
    bare: vanban_text::HashMap<String, LooseBucket>,
    /// The first words of the keys of `bare`: most words start no name, and are turned away
    /// without making a key.
    bare_firsts: vanban_text::HashSet<String>,
    /// The names that end with "tỉnh" without it ("báo và phát thanh, truyền hình"), with
    /// their index into `names`, by first character: what a province written in its place
    /// completes.
    provincial: vanban_text::HashMap<char, Stems>,
    /// (abbreviation, expansion).
    abbreviations: vanban_text::HashMap<String, String>,
    /// Words that start an agency name: `data/agency-heads.tsv` and the abbreviations that expand to a
    /// name starting with one ("BCHQS" → "Bộ Chỉ huy Quân sự").
    heads: Heads,
    /// A number that changes with the contents (a new one at every change): with the text,
    /// the key of the lists last read (`recent`).
    stamp: u64,
}

impl Default for AgencyRegistry {
    fn default() -> Self {
        Self::builtin()
    }
}

impl AgencyRegistry {
    /// The registry shipped in `data/`.
    pub fn builtin() -> AgencyRegistry {
        let mut r = AgencyRegistry {
            names: Vec::new(),
            by_word: vanban_text::HashMap::default(),
            aliases: vanban_text::HashMap::default(),
            fields: vanban_text::HashMap::default(),
            bare: vanban_text::HashMap::default(),
            bare_firsts: vanban_text::HashSet::default(),
            provincial: vanban_text::HashMap::default(),
            abbreviations: vanban_text::HashMap::default(),
            heads: Heads::default(),
            stamp: recent::stamp(),
        };
        for h in AGENCY_HEADS.iter() {
            r.heads.push(h);
        }
        r.extend_agencies(AGENCIES);
        r.extend_abbreviations(ABBREVIATIONS);
        r
    }

    /// Add abbreviations in the `data/abbreviations.tsv` format: the abbreviation, a TAB, the
    /// expansion. Lines starting with "#" are comments. A later entry for the same
    /// abbreviation wins.
    pub fn extend_abbreviations(&mut self, tsv: &str) {
        self.stamp = recent::stamp();
        for line in tsv
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            if let Some((a, e)) = line.split_once('\t') {
                let (a, e) = (a.trim(), e.trim());
                if a.is_empty() || e.is_empty() {
                    continue;
                }
                self.abbreviations.insert(a.to_owned(), e.to_owned());
                let starts_name = AGENCY_HEADS.iter().any(|h| {
                    e.strip_prefix(h)
                        .is_some_and(|r| r.is_empty() || r.starts_with(' '))
                });
                if starts_name {
                    self.heads.push(a);
                }
            }
        }
    }

    /// What in a table for [`AgencyRegistry::extend_agencies`] is not read as it stands, by
    /// line number (from 1): a row with no name (skipped), a name that is only a head of
    /// names ("Sở": it would name every "Sở …"), columns past the third (left out). The table
    /// is read all the same; the command line shows these as warnings naming file and line.
    pub fn check_agencies(tsv: &str) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        for (n, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let name = cols.first().map_or("", |c| c.trim());
            if name.is_empty() {
                out.push((
                    n + 1,
                    "no agency name in the first column: row skipped".to_owned(),
                ));
            } else if AGENCY_HEADS.contains(&name) {
                out.push((
                    n + 1,
                    format!("\"{name}\" is only the head of names: it names every \"{name} …\""),
                ));
            }
            if cols.len() > 3 {
                out.push((
                    n + 1,
                    format!(
                        "{} columns: only name, aliases and a note are read",
                        cols.len()
                    ),
                ));
            }
        }
        out
    }

    /// What in a table for [`AgencyRegistry::extend_abbreviations`] is not read as it stands,
    /// by line number (from 1): a row without a TAB or with an empty side (skipped), a row
    /// with more than one TAB (the rest is part of the expansion).
    pub fn check_abbreviations(tsv: &str) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        for (n, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            match line.split_once('\t') {
                None => out.push((
                    n + 1,
                    "no TAB between abbreviation and expansion: row skipped".to_owned(),
                )),
                Some((a, e)) if a.trim().is_empty() || e.trim().is_empty() => {
                    out.push((
                        n + 1,
                        "an empty abbreviation or expansion: row skipped".to_owned(),
                    ));
                }
                Some((_, e)) if e.contains('\t') => {
                    out.push((
                        n + 1,
                        "more than one TAB: the rest is read as the expansion".to_owned(),
                    ));
                }
                Some(_) => {}
            }
        }
        out
    }

    /// Add agencies in the `data/agencies.tsv` format: canonical name, a TAB, aliases
    /// separated by "|", optionally a TAB and a note. Lines starting with "#" are comments.
    /// An alias already known is mapped to the new canonical name.
    pub fn extend_agencies(&mut self, tsv: &str) {
        self.stamp = recent::stamp();
        let mut added: Vec<(String, String)> = Vec::new();
        for line in tsv
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let mut cols = line.split('\t');
            let Some(canonical) = cols.next().map(str::trim).filter(|c| !c.is_empty()) else {
                continue;
            };
            added.push((fold(canonical), canonical.to_owned()));
            if let Some(aliases) = cols.next() {
                for alias in aliases.split('|').map(str::trim).filter(|a| !a.is_empty()) {
                    added.push((fold(alias), canonical.to_owned()));
                }
            }
        }
        // A later file overrides an earlier one for the same alias.
        let keys: vanban_text::HashSet<&str> = added.iter().map(|(a, _)| a.as_str()).collect();
        self.names.retain(|(a, _)| !keys.contains(a.as_str()));
        let written: Vec<(String, String)> = added
            .iter()
            .flat_map(|(a, c)| comma_variants(a).into_iter().map(move |v| (v, c.clone())))
            .filter(|(v, _)| !keys.contains(v.as_str()))
            .collect();
        self.names.extend(added);
        self.names.extend(written);
        self.names
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        self.names.dedup_by(|a, b| a.0 == b.0);
        self.by_word.clear();
        self.aliases.clear();
        self.bare.clear();
        self.bare_firsts.clear();
        self.provincial.clear();
        self.index_fields();
        for (i, (alias, _)) in self.names.iter().enumerate() {
            self.aliases.insert(alias.as_str().into(), i);
            if let Some(c) = alias.chars().next() {
                let bucket = self.by_word.entry(word_key(alias).to_owned()).or_default();
                bucket.names.push(i);
                bucket.longest = bucket.longest.max(alias.len());
                if let Some(stem) = alias.strip_suffix(" tỉnh") {
                    let bucket = self.provincial.entry(c).or_default();
                    bucket.longest = bucket.longest.max(stem.len());
                    bucket.stems.push((stem.to_owned(), i));
                }
            }
            if let Some(key) = loose_key(alias) {
                if let Some((first, _)) = key.split_once(' ') {
                    self.bare_firsts.insert(first.to_owned());
                }
                let b = bare(alias);
                let bucket = self.bare.entry(key).or_default();
                bucket.longest = bucket.longest.max(b.len());
                bucket.names.push((b, i));
            }
        }
        for bucket in self.provincial.values_mut() {
            if bucket.stems.len() > SCAN_MOST {
                let index = bucket.stems.iter().enumerate();
                bucket.index = Some(index.map(|(k, (s, _))| (s.as_str().into(), k)).collect());
            }
        }
        for bucket in self.bare.values_mut() {
            if bucket.names.len() > SCAN_MOST {
                let mut first = vanban_text::HashMap::default();
                for (k, (b, _)) in bucket.names.iter().enumerate() {
                    first.entry(b.clone()).or_insert(k);
                }
                bucket.first = Some(first);
            }
        }
    }

    /// Build `fields` from `names`.
    fn index_fields(&mut self) {
        self.fields.clear();
        for &(_, head) in DISTRIBUTIVE_HEADS.iter() {
            if self.fields.contains_key(head) {
                continue;
            }
            let prefix = format!("{} ", fold(head));
            let mut by_key = FieldIndex::default();
            for (i, (alias, _)) in self.names.iter().enumerate() {
                if let Some(field) = alias.strip_prefix(&prefix) {
                    by_key
                        .entry(word_key(field).to_owned())
                        .or_default()
                        .push((i, prefix.len()));
                }
            }
            self.fields.insert(head, by_key);
        }
    }

    /// Expand abbreviations, whole words only: "Thường trực HĐND tỉnh" → "Thường trực Hội
    /// đồng nhân dân tỉnh".
    pub fn expand(&self, name: &str) -> String {
        // Word by word into one buffer (the words joined again by the spaces they were split
        // at), each abbreviation looked up by the word.
        let mut out = String::with_capacity(name.len());
        for (i, w) in name.split(' ').enumerate() {
            if i > 0 {
                out.push(' ');
            }
            let core = w.trim_end_matches([',', ';', '.', ':']);
            match self.abbreviations.get(core) {
                Some(e) => {
                    out.push_str(e);
                    out.push_str(w.sub(core.len()..));
                }
                None => out.push_str(w),
            }
        }
        out
    }

    /// The canonical name of an agency as written: the registry's name when the whole text
    /// is a known name or alias, else the text with abbreviations expanded.
    pub fn canonical(&self, name: &str) -> String {
        let clean = squash_spaces(name);
        if let Some(c) = self.exact(&fold(&clean)) {
            return c.to_owned();
        }
        let expanded = self.expand(&clean);
        if let Some(c) = self.exact(&fold(&expanded)) {
            return c.to_owned();
        }
        let folded = fold(&expanded);
        // (Offsets into the folded name are offsets into the name when folding keeps lengths.)
        if let Some((name, len)) = self
            .province_named(&expanded, &folded)
            .filter(|_| folded.len() == expanded.len())
        {
            if len == expanded.len() {
                return name;
            }
        }
        // An official and the body they head: the body's canonical name ("Chủ tịch Ủy ban nhân
        // dân các xã, phường" → "Chủ tịch Ủy ban nhân dân xã, phường").
        if let Some(t) = title_at(&folded).filter(|&t| folded.sub(t..).starts_with(' ')) {
            let body = expanded.sub(t..).trim();
            if !body.is_empty() {
                return format!(
                    "{} {}",
                    modern_tones(expanded.sub(..t)),
                    self.canonical(body)
                );
            }
        }
        modern_tones(&expanded)
    }

    /// Whether a name is a head of names, or the start of one, and nothing more ("Quỹ",
    /// "Hội đồng"): what a reader gives when the words after a head are not a name. (A
    /// plural, "các Bộ", names a group and is not bare.)
    pub(crate) fn is_bare_head(&self, name: &str) -> bool {
        self.heads.starts.contains(name.trim())
    }

    /// The canonical name of an alias given whole (folded).
    fn exact(&self, key: &str) -> Option<&str> {
        // (Aliases are unique: the one equal to `key`, which is in `key`'s bucket.)
        self.aliases.get(key).map(|&i| self.names[i].1.as_str())
    }

    /// The longest registry name at the start of `folded` (ending at a word boundary):
    /// (byte length, canonical).
    fn match_at(&self, folded: &str) -> Option<(usize, &str)> {
        let key = word_key(folded);
        let bucket = self.by_word.get(key)?;
        if bucket.names.len() > SCAN_MOST {
            // The longest alias that is a prefix ending at a boundary: the first the scan
            // below meets, as the bucket runs longest first and aliases are unique.
            return prefix_ends(folded, bucket.longest).find_map(|end| {
                let &i = self.aliases.get(folded.sub(..end))?;
                let (alias, canonical) = &self.names[i];
                (word_key(alias) == key).then_some((alias.len(), canonical.as_str()))
            });
        }
        bucket.names.iter().find_map(|&i| {
            let (alias, canonical) = &self.names[i];
            let rest = folded.strip_prefix(alias.as_str())?;
            let boundary = !rest.chars().next().is_some_and(char::is_alphanumeric);
            boundary.then_some((alias.len(), canonical.as_str()))
        })
    }

    /// A registry name of several words at the start of `folded` read with its tone marks
    /// set aside, longer than `exact` bytes: a scan's "Các cấp uỷ, tô chức đảng" is "các
    /// cấp ủy, tổ chức đảng", its "các tỉnh uỷ, thành uý" "các tỉnh ủy, thành ủy". The first
    /// word must be as written ("Số" is never "Sở").
    fn loose_match_at(&self, folded: &str, exact: usize) -> Option<(usize, &str)> {
        // (A key is its first word, a space and its second word's letters.)
        let (first, _) = folded.split_once(' ')?;
        if !self.bare_firsts.contains(first) {
            return None;
        }
        let bucket = self.bare.get(&loose_key(folded)?)?;
        // The text without marks (and where each character ends), read only as far as the
        // longest candidate needs.
        let need = bucket.longest + 1;
        let (mut text, mut ends) = (Vec::with_capacity(need), Vec::with_capacity(need));
        for (i, c) in folded.char_indices().take(need) {
            text.push(base_char(c));
            ends.push(i + c.len_utf8());
        }
        if let Some(first) = &bucket.first {
            return self.loose_indexed(bucket, first, (&text, &ends), exact);
        }
        bucket.names.iter().find_map(|(b, i)| {
            let same = text.get(..b.len()) == Some(b.as_slice());
            let end = *ends.get(b.len().checked_sub(1)?)?;
            let boundary = !text
                .get(b.len())
                .is_some_and(|&c| vanban_text::is_alphanumeric(c));
            (same && boundary && end > exact).then(|| (end, self.names[*i].1.as_str()))
        })
    }

    /// `loose_match_at` on a large bucket: of the names without marks that the text (`text`,
    /// each character's end in `ends`) starts with, ending at a boundary and past `exact`,
    /// the one the scan meets first — the least place in the bucket — found by looking up
    /// the text's prefixes instead of comparing each name.
    fn loose_indexed(
        &self,
        bucket: &LooseBucket,
        first: &vanban_text::HashMap<Vec<char>, usize>,
        (text, ends): (&[char], &[usize]),
        exact: usize,
    ) -> Option<(usize, &str)> {
        (1..=bucket.longest.min(text.len()))
            .rev()
            // (Ends only grow with the length: none shorter is past `exact` either.)
            .take_while(|&n| ends[n - 1] > exact)
            .filter(|&n| {
                !text
                    .get(n)
                    .is_some_and(|&c| vanban_text::is_alphanumeric(c))
            })
            .filter_map(|n| first.get(text.get(..n)?).map(|&k| (k, n)))
            .min()
            .map(|(k, n)| (ends[n - 1], self.names[bucket.names[k].1].1.as_str()))
    }

    /// A provincial body written with its province where the registry says "tỉnh" ("Báo và
    /// Phát thanh Truyền hình Lai Châu" for "Báo và Phát thanh, Truyền hình tỉnh"): the
    /// registry name with the province after it ("… tỉnh Lai Châu", "… thành phố Cần Thơ") and
    /// the length read.
    fn province_named(&self, text: &str, folded: &str) -> Option<(String, usize)> {
        let first = folded.chars().next()?;
        let bucket = self.provincial.get(&first)?;
        if let Some(index) = &bucket.index {
            // Each place a stem could end (before a space), longest first: the order of the
            // scan below, as stems are unique and run longest first.
            let reach = folded.len().min(bucket.longest + 1);
            let mut spaces = memchr::memrchr_iter(b' ', folded.as_bytes().get(..reach)?);
            return spaces.find_map(|p| {
                let &k = index.get(folded.sub(..p))?;
                self.provincial_at(text, p + 1, bucket.stems[k].1)
            });
        }
        bucket.stems.iter().find_map(|(stem, i)| {
            let rest = folded.strip_prefix(stem.as_str())?.strip_prefix(' ')?;
            self.provincial_at(text, folded.len() - rest.len(), *i)
        })
    }

    /// The provincial body `names[i]` (a name ending with "tỉnh") with the province that
    /// stands at byte `at` of `text` in its place, and where it ends.
    fn provincial_at(&self, text: &str, at: usize, i: usize) -> Option<(String, usize)> {
        let canonical = &self.names[i].1;
        let place = text.sub(at..);
        let stem = canonical.strip_suffix(" tỉnh").unwrap_or(canonical);
        // "thành phố" of a city that is a province, in the city's own documents ("Báo và
        // Phát thanh, Truyền hình thành phố").
        let city = place
            .strip_prefix("thành phố")
            .filter(|r| !r.starts_with(|c: char| c.is_alphanumeric()));
        if let Some(rest) = city {
            if crate::identity::known_province_at(rest.trim_start()).is_none() {
                return Some((format!("{stem} thành phố"), at + "thành phố".len()));
            }
        }
        let province = crate::identity::known_province_at(place)?;
        let len = proper_name_len(place);
        let unit = if crate::identity::is_city(province) {
            "thành phố"
        } else {
            "tỉnh"
        };
        (len > 0).then(|| (format!("{stem} {unit} {province}"), at + len))
    }

    /// Field names of departments with a given head ("Sở" → "Nội vụ", "Kế hoạch và Đầu tư" …).
    fn field_at(&self, head: &str, folded: &str) -> Option<(usize, String)> {
        let by_key = self.fields.get(head)?;
        by_key.get(word_key(folded))?.iter().find_map(|&(i, at)| {
            let (alias, canonical) = &self.names[i];
            let field = alias.sub(at..);
            let rest = folded.strip_prefix(field)?;
            let boundary = !rest.chars().next().is_some_and(char::is_alphanumeric);
            boundary.then(|| (field.len(), canonical.clone()))
        })
    }

    /// Read a list of agencies at the start of `text`. Returns the canonical names and how
    /// many bytes of `text` they took.
    pub fn read_list(&self, text: &str) -> (Vec<String>, usize) {
        // What is read depends on the long window alone (and on whether the text is longer
        // than the short one, which the long window tells): the key of the lists last read.
        let key = vanban_text::window(text, 0, recent::LONG);
        if let Some(found) = recent::get(self.stamp, key) {
            return found;
        }
        let found = self.read_list_uncached(text);
        // (A list read past the long window depends on more than the key: not kept.)
        if found.1 + LIST_LEFT < recent::LONG || text.len() <= recent::LONG {
            recent::put(self.stamp, key, &found);
        }
        found
    }

    /// [`AgencyRegistry::read_list`] without the lists last read.
    fn read_list_uncached(&self, text: &str) -> (Vec<String>, usize) {
        // A list of agencies stands at the start of a text: read a window of it, a short one
        // first (most lists are short, and most texts hold none), a longer one when the list
        // runs near the end of the short one.
        const SHORT: usize = 240;
        const LONG: usize = recent::LONG;
        let short = vanban_text::window(text, 0, SHORT);
        let (out, pos) = self.read_list_in(short);
        if short.len() == text.len() || pos + LIST_LEFT < short.len() {
            return (out, pos);
        }
        let long = vanban_text::window(text, 0, LONG);
        let (out, pos) = self.read_list_in(long);
        if long.len() == text.len() || pos + LIST_LEFT < long.len() {
            return (out, pos);
        }
        // A list that runs on past the long window (a plan's sixty communes, found at stop
        // 60: cut at a fixed byte, its last name was cut in a word, "Ủy ban nhân dân xã T", and
        // the "chủ trì" after it was lost) is read in a window of at most `LIST_MOST` bytes
        // that ends at a separator, so that no name is cut.
        self.read_list_in(list_window(text, LIST_MOST))
    }

    fn read_list_in(&self, text: &str) -> (Vec<String>, usize) {
        let folded = fold(text);
        // Tone folding keeps byte lengths except for rare letters; fall back to reading
        // nothing rather than misplacing offsets.
        if folded.len() != text.len() {
            return (Vec::new(), 0);
        }
        let mut out = Vec::new();
        let mut pos = 0;
        loop {
            let skip = text.sub(pos..).len() - text.sub(pos..).trim_start().len();
            let at = pos + skip;
            let Some((agencies, len)) = self.read_one(text.sub(at..), folded.sub(at..)) else {
                break;
            };
            out.extend(agencies);
            pos = at + len;
            // A parenthesised part of the name: "Văn phòng … (Trung tâm phục vụ …)".
            if text.sub(pos..).trim_start().starts_with('(') {
                let open = pos + (text.sub(pos..).len() - text.sub(pos..).trim_start().len());
                if let Some(close) = text.sub(open..).find(')') {
                    if close < 120 {
                        // "(sau đây gọi tắt là …)" defines a short name, "(Cơ quan thường trực
                        // Ban Vì sự tiến bộ phụ nữ …)" says the body's role: not part of the name.
                        let inside = folded.sub(open..=open + close);
                        let short_name = ["sau đây", "gọi tắt", "viết tắt"]
                            .iter()
                            .any(|w| inside.contains(w))
                            || ["(cơ quan thường trực", "(cơ quan đầu mối", "(thường trực"]
                                .iter()
                                .any(|w| inside.starts_with(w));
                        if let (false, Some(last)) = (short_name, out.last_mut()) {
                            last.push(' ');
                            last.push_str(text.sub(open..=open + close).trim());
                        }
                        pos = open + close + 1;
                    }
                }
            }
            // Separators: ", ", "; ", " và ", ", các ".
            let rest = folded.sub(pos..);
            let sep = [", và ", "; ", ", ", " và ", ";"]
                .iter()
                .find(|s| rest.starts_with(*s))
                .map(|s| s.len());
            match sep {
                Some(n) if self.starts_agency(text.sub(pos + n..), folded.sub(pos + n..)) => {
                    pos += n
                }
                _ => break,
            }
        }
        (out, pos)
    }

    /// The name of a unit right after an assigning word, with a head of
    /// `data/assigned-heads.tsv` in either case ("phòng Quản lý Công nghiệp triển khai …" →
    /// "Phòng Quản lý Công nghiệp"): the name and the bytes it takes.
    pub(crate) fn read_assigned(&self, text: &str) -> Option<(String, usize)> {
        let first = text.chars().next()?;
        let cap: String = first.to_uppercase().chain(text.chars().skip(1)).collect();
        if cap.len() != text.len() {
            return None;
        }
        let head = ASSIGNED_HEADS
            .iter()
            .find(|h| cap.strip_prefix(**h).is_some_and(|r| r.starts_with(' ')))?;
        let tail = name_tail_len(cap.sub(head.len()..), head.split(' ').next_back());
        let end = head.len() + tail;
        (tail > 0).then(|| (self.canonical(cap.sub(..end).trim()), end))
    }

    fn starts_agency(&self, text: &str, folded: &str) -> bool {
        let t = text.trim_start();
        let f = folded.sub(folded.len() - t.len()..);
        self.match_at(f).is_some()
            || self.loose_match_at(f, 0).is_some()
            || title_at(f).is_some()
            || self.heads.any_starts(t)
            || t.strip_prefix("các ")
                .is_some_and(|r| self.heads.any_starts(r))
            || distributive_head(t).is_some()
            || collective::collective_len(t, f).is_some()
    }

    /// Whether a list goes on with another agency at the start of `rest` (after ", " or " và "),
    /// one that is no group of kinds of its own ("các cơ quan, đơn vị" | ", tổ chức, cá nhân"
    /// is one group).
    fn list_goes_on(&self, rest: &str, folded: &str) -> bool {
        let sep = [", ", " và "].iter().find(|s| folded.starts_with(**s));
        sep.is_some_and(|s| {
            let (next, next_folded) = (rest.sub(s.len()..), folded.sub(s.len()..));
            self.starts_agency(next, next_folded)
                && collective::collective_len(next, next_folded).is_none()
        })
    }

    /// The name of a group of bodies: the registry's when it knows it, else as written, "các"
    /// in small letters.
    fn group_name(&self, written: &str) -> String {
        let name = self.canonical(written);
        match name.strip_prefix("Các ") {
            Some(rest) => format!("các {rest}"),
            None => name,
        }
    }

    /// One agency (or a group) at the start of `text`, with the kinds that go on a name
    /// ending with a plural kind ("Ủy ban nhân dân các tỉnh" + ", thành phố").
    fn read_one(&self, text: &str, folded: &str) -> Option<(Vec<String>, usize)> {
        let (mut names, len) = self.read_one_named(text, folded)?;
        let more = match names.as_slice() {
            [_] => collective::continued_len(folded.sub(..len), text.sub(len..), folded.sub(len..)),
            _ => 0,
        };
        if more == 0 {
            return Some((names, len));
        }
        names = vec![self.canonical(text.sub(..len + more))];
        Some((names, len + more))
    }

    /// [`AgencyRegistry::read_one`] up to the kinds that go on.
    fn read_one_named(&self, text: &str, folded: &str) -> Option<(Vec<String>, usize)> {
        if let Some(found) = self.read_distributive(text, folded) {
            return Some(found);
        }
        // "Các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ …": officials, not the group "Các Bộ".
        if let Some(rest) = folded
            .strip_prefix("các ")
            .filter(|r| title_at(r).is_some())
        {
            let at = folded.len() - rest.len();
            if let Some((names, len)) = self.read_official(text.sub(at..), rest) {
                return Some((names, at + len));
            }
        }
        let exact = self.match_at(folded);
        let loose = self.loose_match_at(folded, exact.map_or(0, |e| e.0));
        let matched = loose.or(exact);
        // A group of bodies by their kinds, unless the registry names as much of it, or names
        // a part of it that the list goes on after ("các cấp ủy, tổ chức đảng" | ", chính
        // quyền"; not "các Sở, ban, ngành" | ", đoàn thể cấp tỉnh").
        if let Some(n) = collective::collective_len(text, folded) {
            let part =
                |len: usize| len < n && !self.list_goes_on(text.sub(len..), folded.sub(len..));
            if matched.is_none_or(|(len, _)| part(len)) {
                return Some((vec![self.group_name(text.sub(..n))], n));
            }
        }
        if let Some((len, canonical)) = matched {
            return Some(registered(text, len, canonical));
        }
        if let Some((name, len)) = self.province_named(text, folded) {
            return Some((vec![name], len));
        }
        if let Some(found) = self.read_official(text, folded) {
            return Some(found);
        }
        // Words that begin with a head but name no agency ("Trường hợp …", "Ban hành …").
        static NOT_BY_FIRST_BYTE: LazyLock<ByFirstByte> =
            LazyLock::new(|| ByFirstByte::new(NOT_AGENCIES.iter().copied()));
        let candidates = NOT_BY_FIRST_BYTE.candidates(folded.as_bytes()).iter();
        if candidates.map(|&i| NOT_AGENCIES[i]).any(|w| {
            folded
                .strip_prefix(w)
                .is_some_and(|r| !r.chars().next().is_some_and(char::is_alphanumeric))
        }) {
            return None;
        }
        self.read_headed(text)
    }

    /// "Các Sở: Nội vụ, Kế hoạch và Đầu tư, Xây dựng" → Sở Nội vụ, Sở Kế hoạch và Đầu tư …
    fn read_distributive(&self, text: &str, folded: &str) -> Option<(Vec<String>, usize)> {
        let (head, after) = distributive_head(text)?;
        let mut pos = after;
        let mut out = Vec::new();
        loop {
            let skip = folded.sub(pos..).len() - folded.sub(pos..).trim_start().len();
            let at = pos + skip;
            // A field is written capitalised ("Các Sở: Nội vụ, Xây dựng"); "các Sở xây dựng
            // kế hoạch" is a verb after a group.
            let capital = text
                .sub(at..)
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            match self.field_at(head, folded.sub(at..)).filter(|_| capital) {
                Some((len, canonical)) => {
                    out.push(canonical);
                    pos = at + len;
                }
                None => break,
            }
            let rest = folded.sub(pos..);
            let sep = [", ", " và ", "; "]
                .iter()
                .find(|s| rest.starts_with(*s))
                .map(|s| s.len());
            match sep {
                Some(n)
                    if self
                        .field_at(head, folded.sub(pos + n..).trim_start())
                        .is_some() =>
                {
                    pos += n
                }
                _ => break,
            }
        }
        (!out.is_empty()).then_some((out, pos))
    }

    /// An official: a title and the body it heads ("Giám đốc sở", "Thủ trưởng các Sở, ban,
    /// ngành", "Chủ tịch Ủy ban nhân dân huyện, thành phố").
    fn read_official(&self, text: &str, folded: &str) -> Option<(Vec<String>, usize)> {
        let t = title_at(folded)?;
        let rest = text.sub(t..);
        let sp = rest.len() - rest.trim_start_matches(' ').len();
        // A title standing for every official who holds it: "Bộ trưởng, Thủ trưởng cơ quan
        // ngang bộ, … chịu trách nhiệm thi hành".
        if sp == 0 && rest.starts_with([',', ';']) {
            return Some((vec![text.sub(..t).to_owned()], t));
        }
        if sp == 0 {
            return None;
        }
        let at = t + sp;
        let generic = GENERIC_BODIES
            .iter()
            .find(|g| {
                folded
                    .sub(at..)
                    .strip_prefix(*g)
                    .is_some_and(|r| !r.chars().next().is_some_and(char::is_alphanumeric))
            })
            .map(|g| (text.sub(at..at + g.len()).to_owned(), g.len()));
        let (name, len) = match self.read_one(text.sub(at..), folded.sub(at..)) {
            Some((names, len))
                if names.len() == 1 && generic.as_ref().is_none_or(|g| g.1 <= len) =>
            {
                Some((names[0].clone(), len))
            }
            _ => generic,
        }?;
        let title = text.sub(..t);
        // The official's own name after the body: "Phó Thủ tướng Chính phủ Trần Hồng Hà".
        let person = self.person_after(text.sub(at + len..));
        let full = format!("{title} {name}{}", text.sub(at + len..at + len + person));
        Some((vec![full], at + len + person))
    }

    /// The byte length of a person's name right after an official's body (" Trần Hồng Hà"):
    /// two to four capitalised words of letters, none a head of agency names, before a
    /// lower-case word, a punctuation mark or the end.
    fn person_after(&self, s: &str) -> usize {
        let Some(rest) = s.strip_prefix(' ') else {
            return 0;
        };
        let mut end = 0;
        let mut n = 0;
        for (i, w) in word_spans(rest) {
            let bare = w.trim_end_matches([',', ';', '.', ':']);
            let capital = bare.chars().next().is_some_and(char::is_uppercase)
                && bare.chars().all(vanban_text::is_alphabetic)
                && bare.chars().skip(1).all(|c| !c.is_uppercase());
            if !capital || self.heads.firsts.contains(bare) {
                break;
            }
            n += 1;
            end = i + bare.len();
            if bare.len() != w.len() || n == 4 {
                break;
            }
        }
        if (2..=4).contains(&n) {
            end + 1
        } else {
            0
        }
    }

    /// The longest head that starts the text, or its words after "Các " ("Viện kiểm sát"
    /// over "Viện"), as a word. (A head is compared only when its first byte is where it
    /// would stand: most texts start with no head, and this runs for every agency read.)
    fn longest_head(&self, text: &str) -> Option<&String> {
        let plural = text
            .strip_prefix("Các ")
            .or_else(|| text.strip_prefix("các "));
        let heads = &self.heads;
        if heads.list.len() > HEADS_SCAN_MOST {
            // The heads that end at a word's end at the start of the text or of its plural
            // (each head once), the longest and, of equal length, the last listed: what the
            // scan below keeps.
            let found = heads
                .ending_in(text)
                .chain(plural.into_iter().flat_map(|p| heads.ending_in(p)));
            return found
                .max_by_key(|&k| (heads.list[k].len(), k))
                .map(|k| &heads.list[k]);
        }
        let firsts = [text, plural.unwrap_or(text)].map(|t| t.as_bytes().first().copied());
        let word = |t: &str, h: &str| {
            t.strip_prefix(h)
                .is_some_and(|r| !r.chars().next().is_some_and(char::is_alphanumeric))
        };
        heads
            .list
            .iter()
            .filter(|h| {
                firsts.contains(&h.as_bytes().first().copied())
                    && (word(text, h) || plural.is_some_and(|p| word(p, h)))
            })
            .max_by_key(|h| h.len())
    }

    /// A head word and the capitalised words of its name: "Sở Tư pháp", "Ban Tổ chức Trung
    /// ương".
    fn read_headed(&self, text: &str) -> Option<(Vec<String>, usize)> {
        // Heads that are also common words ("Phòng, chống …", "Phòng ngừa …", "Vụ việc …")
        // name a unit only with a name after them ("Phòng Kinh tế", "Vụ Tổng hợp").
        const NAMED_ONLY: &[&str] = &["Phòng", "Vụ"];
        let head = self.longest_head(text)?;
        let head_end = text.find(head.as_str()).map_or(0, |p| p + head.len());
        let tail = name_tail_len(text.sub(head_end..), head.split(' ').next_back());
        if tail == 0 && NAMED_ONLY.contains(&head.as_str()) {
            return None;
        }
        let end = head_end + tail;
        let written = text.sub(..end).trim();
        Some((vec![self.canonical(written)], end))
    }
}

/// How near its window's end a list may stop for the window to be known to hold it all.
const LIST_LEFT: usize = 120;

/// The most bytes a list of agencies is read from.
const LIST_MOST: usize = 16 * 1024;

/// At most `max` bytes of `text` from its start, cut back to the last separator of a list
/// (", " or "; ") when the text is longer: no name is cut in a word.
fn list_window(text: &str, max: usize) -> &str {
    let w = vanban_text::window(text, 0, max);
    if w.len() == text.len() {
        return w;
    }
    match w.rfind(", ").into_iter().chain(w.rfind("; ")).max() {
        Some(at) => w.sub(..at),
        None => w,
    }
}

/// A letter without its marks (lower case, đ as d); other characters as they are.
fn base_char(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else if vanban_text::is_alphabetic(c) {
        vanban_text::loose::base_letter(c)
    } else {
        c
    }
}

/// The key of a folded text in the registry's names without marks: its first word as written
/// and its second word's letters without marks ("các cấp ủy, tổ …" → "các cap").
fn loose_key(folded: &str) -> Option<String> {
    let (first, rest) = folded.split_once(' ')?;
    let second = rest.split(' ').next().unwrap_or(rest);
    let mut key = String::with_capacity(first.len() + second.len() + 1);
    key.push_str(first);
    key.push(' ');
    key.extend(
        second
            .chars()
            .filter(|&c| vanban_text::is_alphanumeric(c))
            .map(base_char),
    );
    Some(key)
}

/// The places in `s`, at most `longest` bytes in and longest first, where a name read from
/// its start could end: before a character that is not a letter or a digit, or at its end.
fn prefix_ends(s: &str, longest: usize) -> impl Iterator<Item = usize> + '_ {
    let reach = vanban_text::floor(s, longest);
    let tail = s.sub(reach..).chars().next();
    let at_reach = (reach > 0 && !tail.is_some_and(vanban_text::is_alphanumeric)).then_some(reach);
    let inside = s
        .sub(..reach)
        .char_indices()
        .rev()
        .filter(|&(i, c)| i > 0 && !vanban_text::is_alphanumeric(c))
        .map(|(i, _)| i);
    at_reach.into_iter().chain(inside)
}

/// The letters and digits at the start of `s`, up to the first other character: a name
/// (`match_at`, `field_at`) matches a text only where the two have the same key, since a
/// name ends at a word boundary.
fn word_key(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|&(_, c)| !vanban_text::is_alphanumeric(c))
        .map_or(s.len(), |(i, _)| i);
    s.sub(..end)
}

/// A folded name without its marks, a character a letter.
fn bare(folded: &str) -> Vec<char> {
    folded.chars().map(base_char).collect()
}

/// A name with commas as writers also give it, some or all of its first three commas left
/// out ("các cơ quan, đơn vị liên quan" → "các cơ quan đơn vị liên quan"; "các sở, ban,
/// ngành có liên quan" → "các sở, ban ngành có liên quan" …).
fn comma_variants(name: &str) -> Vec<String> {
    let at: Vec<usize> = name.match_indices(", ").map(|(i, _)| i).take(3).collect();
    (1..1u32 << at.len())
        .map(|mask| {
            let mut out = String::with_capacity(name.len());
            let mut from = 0;
            for (k, &i) in at.iter().enumerate() {
                out.push_str(name.sub(from..i));
                if mask & (1 << k) == 0 {
                    out.push(',');
                }
                from = i + 1;
            }
            out.push_str(name.sub(from..));
            out
        })
        .collect()
}

/// A registry name `len` bytes long at the start of `text`, with the proper name of its place
/// when it ends with a unit word ("Ủy ban nhân dân thành phố" + "Tuyên Quang").
fn registered(text: &str, len: usize, canonical: &str) -> (Vec<String>, usize) {
    let mut end = len;
    let canon_fold = fold(canonical);
    if UNITS_BEFORE_NAMES.iter().any(|u| canon_fold.ends_with(u)) {
        end += proper_name_len(text.sub(len..));
    } else {
        // "Sở Công Thương tỉnh Quảng Ngãi": the province of a registry name.
        end += province_after(text.sub(len..));
    }
    end += area_code_len(text.sub(end..));
    let written = text.sub(..end).trim();
    let name = if end > len {
        format!("{}{}", canonical, written.sub(len.min(written.len())..))
    } else {
        canonical.to_owned()
    };
    (vec![name], end)
}

/// The length of " tỉnh X" / " thành phố X" at the start of `s` when X is a province.
fn province_after(s: &str) -> usize {
    for unit in [" tỉnh ", " thành phố "] {
        if let Some(rest) = s.strip_prefix(unit) {
            if crate::identity::known_province_at(rest).is_some() {
                return unit.len() + proper_name_len(rest);
            }
        }
    }
    0
}

/// The length of " khu vực II" / " khu vực 8" at the start of `s`: the area of a regional
/// office of a registry name ("Kiểm toán nhà nước khu vực II", "Kho bạc Nhà nước khu vực XI").
fn area_code_len(s: &str) -> usize {
    let Some(rest) = s
        .strip_prefix(" khu vực ")
        .or_else(|| s.strip_prefix(" Khu vực "))
    else {
        return 0;
    };
    let code = rest
        .split(' ')
        .next()
        .unwrap_or_default()
        .trim_end_matches([',', ';', '.', ':', ')']);
    let roman = code.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    let digits = code.chars().all(|c| c.is_ascii_digit());
    if code.is_empty() || !(roman || digits) {
        return 0;
    }
    " khu vực ".len() + code.len()
}

/// The byte length of an official's title at the start of folded text.
pub(crate) fn title_at(folded: &str) -> Option<usize> {
    static BY_FIRST_BYTE: LazyLock<ByFirstByte> =
        LazyLock::new(|| ByFirstByte::new(OFFICIAL_TITLES.iter().copied()));
    let titles = BY_FIRST_BYTE.candidates(folded.as_bytes()).iter();
    titles.map(|&i| OFFICIAL_TITLES[i]).find_map(|t| {
        let rest = folded.strip_prefix(t)?;
        // "Bộ trưởng, Thủ trưởng …": a "-trưởng" title may stand alone before a comma (not a
        // verb such as "Lãnh đạo, chỉ đạo …").
        let alone = t.ends_with("trưởng") && rest.starts_with([',', ';']);
        (rest.starts_with(' ') || alone).then_some(t.len())
    })
}

/// "Các Sở:", "các Sở", "Các Bộ:" — a plural head whose field names follow.
fn distributive_head(text: &str) -> Option<(&'static str, usize)> {
    static BY_FIRST_BYTE: LazyLock<ByFirstByte> =
        LazyLock::new(|| ByFirstByte::new(DISTRIBUTIVE_HEADS.iter().map(|&(p, _)| p)));
    for &i in BY_FIRST_BYTE.candidates(text.as_bytes()) {
        let (prefix, head) = DISTRIBUTIVE_HEADS[i];
        if let Some(rest) = text.strip_prefix(prefix) {
            let after = if rest.starts_with(':') {
                prefix.len() + 1
            } else {
                prefix.len()
            };
            // "các Sở, ban, ngành" is a group, not a list of departments.
            if rest.starts_with(',') {
                return None;
            }
            return Some((head, after));
        }
    }
    None
}

/// Length of capitalised words (a place name) at the start of `s` after a space.
pub(crate) fn proper_name_len(s: &str) -> usize {
    let mut end = 0;
    for (i, w) in word_spans(s).take(4) {
        if !w.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        end = i + w.trim_end_matches([',', ';', '.', ':', ')']).len();
        if w.ends_with([',', ';', '.', ':']) {
            break;
        }
    }
    end
}

fn second_syllable(prev: Option<&str>, word: &str) -> bool {
    let Some(prev) = prev else {
        return false;
    };
    if !prev.chars().next().is_some_and(char::is_uppercase) || !word.starts_with(char::is_lowercase)
    {
        return false;
    }
    let prev = fold_case(prev);
    SECOND_SYLLABLES
        .get(prev.as_str())
        .is_some_and(|rests| rests.contains(&word))
}

/// The words of `data/name-words.tsv` cut at their first space: the rest by the first word
/// (a lookup instead of a pass over every name word for each word of a name).
static SECOND_SYLLABLES: LazyLock<vanban_text::HashMap<&'static str, Vec<&'static str>>> =
    LazyLock::new(|| {
        let mut by_first = vanban_text::HashMap::default();
        for (first, rest) in NAME_WORDS.iter().filter_map(|w| w.split_once(' ')) {
            by_first.entry(first).or_insert_with(Vec::new).push(rest);
        }
        by_first
    });

/// When `words[k]` is "khu" followed by a kind of area, the number of words of that kind.
fn area_at(words: &[(usize, &str)], k: usize) -> Option<usize> {
    if words.get(k).map(|&(_, w)| w) != Some("khu") {
        return None;
    }
    AREA_KINDS
        .iter()
        .find(|a| phrase_at(words, k + 1, a))
        .map(|a| a.len())
}

/// Whether the words of `phrase` stand at `words[k..]` (only the last word may carry
/// punctuation).
fn phrase_at(words: &[(usize, &str)], k: usize, phrase: &[&str]) -> bool {
    let n = phrase.len();
    words.get(k..k + n).is_some_and(|ws| {
        ws.iter()
            .zip(phrase)
            .enumerate()
            .all(|(j, (&(_, w), want))| {
                let w = if j + 1 == n {
                    w.trim_end_matches([',', ';', '.', ':'])
                } else {
                    w
                };
                w == *want
            })
    })
}

/// The words of an agency name after its head: capitalised words, abbreviations, and "và"
/// or "-" between capitalised words; a few lower-case words that belong to names.
fn name_tail_len(s: &str, head_last: Option<&str>) -> usize {
    let mut end = 0;
    let mut words: Vec<(usize, &str)> = word_spans(s).take(17).collect();
    // Whether the text ends within the words looked at.
    let whole = words.len() <= 16;
    words.truncate(16);
    let mut k = 0;
    // Whether the words before `words[k]` are a kind of area ("các khu chế xuất | và công
    // nghiệp Cần Thơ": another kind after "và" is a second area of the name).
    let mut after_area = false;
    while k < words.len() {
        let (i, w) = words[k];
        let bare = w.trim_end_matches([',', ';', '.', ':']);
        // A part of a name that holds a comma ("Chính sách, chiến lược Trung ương",
        // `data/comma-names.tsv`): the name goes on through it. "khu vực", "khu công nghiệp" …:
        // a kind of area inside a name; after one, "và" and another kind ("các khu chế xuất và
        // công nghiệp Cần Thơ"). (The words taken, and whether they are an area.)
        let part = comma_name_at(s, &words, k).map(|n| (n, false)).or_else(|| {
            let kind = || AREA_KINDS.iter().find(|a| phrase_at(&words, k + 1, a));
            let second = (after_area && bare == "và").then(kind).flatten();
            area_at(&words, k)
                .or(second.map(|a| a.len()))
                .map(|n| (n + 1, true))
        });
        if let Some((taken, area)) = part {
            let (i_last, w_last) = words[k + taken - 1];
            let last = w_last.trim_end_matches([',', ';', '.', ':']);
            end = i_last + last.len();
            if last.len() != w_last.len() {
                break;
            }
            k += taken;
            after_area = area;
            continue;
        }
        after_area = false;
        let capital = bare.chars().next().is_some_and(char::is_uppercase);
        let joiner = (bare == "và" || bare == "-")
            && (joins_capital(&words, k) || area_at(&words, k + 1).is_some());
        // "xã/phường": each part a word of names.
        let inner = NAME_INNER_WORDS.contains(&bare)
            || numbered_unit_at(&words, k)
            || same_level_at(&words, k)
            || (bare.contains('/') && bare.split('/').all(|p| NAME_INNER_WORDS.contains(&p)))
            || second_syllable(
                match k {
                    0 => head_last,
                    _ => words.get(k - 1).map(|&(_, w)| w),
                },
                bare,
            );
        let ends = !capital && !joiner && name_ends_near(&words, k);
        if !(capital || joiner || inner) || ends {
            // A name cut in the middle of its lower-case words ("Trung tâm Chuyển | đổi số
            // tỉnh") goes on to where the predicate starts.
            // Only after a capitalised word of the name, not right after its head ("Hội đồng
            // kỷ luật họp" keeps "Hội đồng").
            // (Or after the lower-case second syllable of a capitalised word: "Đầu tư |
            // phát triển Đô thị".)
            let capital_at = |j: usize| words[j].1.chars().next().is_some_and(char::is_uppercase);
            let after_capital = k > 0
                && (capital_at(k - 1)
                    || (k > 1
                        && capital_at(k - 2)
                        && second_syllable(Some(words[k - 2].1), words[k - 1].1)));
            if !ends && !capital && !joiner && after_capital {
                end = run_on(&words, k, whole).unwrap_or(end);
            }
            break;
        }
        end = i + bare.len();
        if bare.len() != w.len() {
            break;
        }
        k += 1;
    }
    end
}

/// Whether `words[k]` is the number of a unit numbered within its kind ("Quận 3", "Phường 1",
/// "Trường Tiểu học số 1", "Khu vực 5"): one to three digits after such a word (found at stop
/// 60: "UBND Phường 1, UBND Phường 2" were one "Ủy ban nhân dân Phường", and no lead).
fn numbered_unit_at(words: &[(usize, &str)], k: usize) -> bool {
    const NUMBERED: &[&str] = &["Quận", "quận", "Phường", "phường", "số", "vực", "Đội", "Tổ"];
    let is_number = |j: usize| {
        words.get(j).is_some_and(|&(_, w)| {
            let number = w.trim_end_matches([',', ';', '.', ':']);
            (1..=3).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit())
        })
    };
    // The number, after its word; or the "số" before a number.
    let after_word = is_number(k)
        && k.checked_sub(1)
            .and_then(|j| words.get(j))
            .is_some_and(|&(_, prev)| NUMBERED.contains(&prev));
    after_word || words.get(k).is_some_and(|&(_, w)| w == "số") && is_number(k + 1)
}

/// Whether `words[k]` is the "cùng" of "… cùng cấp" (the body at the same level: "Ủy ban nhân
/// dân cùng cấp"), not the "cùng" of "Sở A cùng Sở B".
fn same_level_at(words: &[(usize, &str)], k: usize) -> bool {
    words.get(k).is_some_and(|&(_, w)| w == "cùng")
        && words
            .get(k + 1)
            .is_some_and(|&(_, n)| n.trim_end_matches([',', ';', '.', ':']) == "cấp")
}

/// When a part of a name that holds a comma (`data/comma-names.tsv`, folded) starts at
/// `words[k]` of `s`, the number of words it takes.
fn comma_name_at(s: &str, words: &[(usize, &str)], k: usize) -> Option<usize> {
    let (i, _) = *words.get(k)?;
    let rest = fold_case(vanban_text::window(s, i, 120));
    let name = COMMA_NAMES.iter().find(|n| {
        rest.strip_prefix(**n)
            .is_some_and(|r| !r.chars().next().is_some_and(char::is_alphanumeric))
    })?;
    // Folding keeps the byte length of the letters of names: count the words it spans.
    let n = name.split(' ').filter(|w| !w.is_empty()).count();
    // One without a comma is a body's name written in small letters ("Ban xây dựng đảng"): it
    // goes on only before the capitalised name of the body it belongs to ("… Đảng ủy").
    let belongs = || {
        words
            .get(k + n)
            .is_some_and(|(_, w)| w.starts_with(char::is_uppercase))
            && !words[k + n - 1].1.ends_with([',', ';', '.', ':'])
    };
    (k + n <= words.len() && (name.contains(',') || belongs())).then_some(n)
}

/// Whether "và" (or "-") at `words[k]` joins two parts of one name: the next word is
/// capitalised and does not start another agency ("Đô thị và Khu công nghiệp" goes on; "Sở
/// Tài chính và Sở Xây dựng" is two names).
fn joins_capital(words: &[(usize, &str)], k: usize) -> bool {
    let Some(&(_, next)) = words.get(k + 1) else {
        return false;
    };
    if !next.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let tail: Vec<&str> = words
        .get(k + 1..)
        .unwrap_or(&[])
        .iter()
        .map(|&(_, w)| w)
        .collect();
    let after = tail.join(" ");
    !AGENCY_HEADS.iter().any(|h| {
        after
            .strip_prefix(h)
            .is_some_and(|r| !r.chars().next().is_some_and(char::is_alphanumeric))
    })
}

/// Whether a word of `data/agency-name-ends.tsv` (the start of a predicate: "chủ trì", "thành
/// lập", "và" …) stands at `words[k]`.
pub(crate) fn name_ends_at(words: &[(usize, &str)], k: usize) -> bool {
    let Some(&(_, word)) = words.get(k) else {
        return false;
    };
    // A phrase's first word is the word itself, or, alone, the word without its punctuation.
    let bare = word.trim_end_matches([',', ';', '.', ':']);
    let by_first = &*NAME_ENDS_BY_FIRST;
    let candidates = by_first.get(word).into_iter();
    let candidates = candidates.chain((bare != word).then(|| by_first.get(bare)).flatten());
    candidates
        .flatten()
        .any(|phrase| phrase_at(words, k, phrase))
}

/// Whether a phrase of two words or more of `data/agency-name-ends.tsv` (a predicate: "chủ
/// trì", "thực hiện", "thúc đẩy"; not a joining word such as "và", "của") starts `words`.
pub(crate) fn predicate_starts(words: &[(usize, &str)]) -> bool {
    let by_first = &*NAME_ENDS_BY_FIRST;
    words.first().is_some_and(|&(_, w)| {
        by_first.get(w).is_some_and(|phrases| {
            phrases
                .iter()
                .any(|p| p.len() >= 2 && phrase_at(words, 0, p))
        })
    })
}

/// [`name_ends_at`], or, where its exact words miss, a phrase of two words or more of
/// `data/agency-name-ends.tsv` whose marks a scan lost (`… Ban Quản lý Khu kinh tế chu trì, …`,
/// `… các cơ quan đảng liên quan thưc hiện …`): one-word ends stay exact (`giao`, `trình` are
/// too often a name's own word with other marks), and a word of its own that a cue's letters
/// make is read as written (`vanban_text::loose::HOMOGRAPHS`).
pub(crate) fn name_ends_near(words: &[(usize, &str)], k: usize) -> bool {
    name_ends_at(words, k) || unmarked_name_end_at(words, k)
}

/// The phrases of two words or more of `data/agency-name-ends.tsv`, their words with marks set
/// aside, by the first base letter of their first word (`a`–`z`).
static UNMARKED_NAME_ENDS: LazyLock<Vec<Vec<Vec<String>>>> = LazyLock::new(|| {
    let mut by_letter = vec![Vec::new(); 26];
    for phrase in AGENCY_NAME_ENDS.iter().filter(|p| p.len() >= 2) {
        let words: Vec<String> = phrase
            .iter()
            .map(|w| vanban_text::loose::unmarked(w))
            .collect();
        let first = words[0].bytes().next().unwrap_or(b'?');
        if let Some(bucket) = by_letter.get_mut(usize::from(first.wrapping_sub(b'a'))) {
            bucket.push(words);
        }
    }
    by_letter
});

/// The marks-aside half of [`name_ends_near`].
fn unmarked_name_end_at(words: &[(usize, &str)], k: usize) -> bool {
    let Some(&(_, word)) = words.get(k) else {
        return false;
    };
    let first = word.chars().next().map(vanban_text::loose::base_letter);
    let Some(bucket) = first
        .and_then(|c| u8::try_from(c).ok())
        .and_then(|c| UNMARKED_NAME_ENDS.get(usize::from(c.wrapping_sub(b'a'))))
    else {
        return false;
    };
    bucket.iter().any(|phrase| {
        let read = words.get(k..k + phrase.len()).unwrap_or_default();
        read.len() == phrase.len()
            && read
                .iter()
                .zip(phrase)
                .all(|(&(_, w), l)| vanban_text::loose::same_letters(w, l))
            && {
                // (A homograph is read as written: looked at only once the letters match.)
                let text: Vec<&str> = read.iter().map(|&(_, w)| w).collect();
                vanban_text::loose::starts_with_unmarked(&text.join(" "), &phrase.join(" "))
            }
    })
}

/// `data/agency-name-ends.tsv` by first word.
static NAME_ENDS_BY_FIRST: LazyLock<
    vanban_text::HashMap<&'static str, Vec<&'static [&'static str]>>,
> = LazyLock::new(|| {
    let mut by_first = vanban_text::HashMap::default();
    for phrase in AGENCY_NAME_ENDS.iter() {
        if let Some(&first) = phrase.first() {
            by_first
                .entry(first)
                .or_insert_with(Vec::new)
                .push(phrase.as_slice());
        }
    }
    by_first
});

/// The end of an agency name that goes on in lower case from `words[k]`: up to the word before
/// a predicate word, through a word that ends with punctuation, or to the end of the text
/// (`whole`), within nine words; `None` when no such end comes.
fn run_on(words: &[(usize, &str)], k: usize, whole: bool) -> Option<usize> {
    const MOST: usize = 9;
    let end_of = |j: usize| {
        let (i, w) = words[j];
        i + w.trim_end_matches([',', ';', '.', ':']).len()
    };
    for j in k..words.len().min(k + MOST) {
        let (_, w) = words[j];
        let bare = w.trim_end_matches([',', ';', '.', ':']);
        let wordlike = bare
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '/')
            || numbered_unit_at(words, j);
        // "Đô thị và Khu công nghiệp": "và" before a capitalised word that starts no agency
        // joins two parts of the name.
        let joins = bare == "và" && bare.len() == w.len() && joins_capital(words, j);
        if bare.is_empty() || !wordlike || (name_ends_near(words, j) && !joins) {
            return (j > k).then(|| end_of(j - 1));
        }
        if bare.len() != w.len() {
            return Some(end_of(j));
        }
    }
    (whole && words.len() <= k + MOST && words.len() > k).then(|| end_of(words.len() - 1))
}

/// (byte offset, word) pairs of `s`, starting after leading spaces.
pub(crate) fn word_spans(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    s.split(' ').filter_map(move |w| {
        let here = offset;
        offset += w.len() + 1;
        (!w.is_empty()).then_some((here, w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A unit numbered within its kind keeps its number: "Phường 1" and "Phường 2" are two
    /// wards, "Trường Tiểu học số 1" a school (stop 60: one "Ủy ban nhân dân Phường", a
    /// "Trường Tiểu học số"); a number after other words is no part of a name.
    #[test]
    fn numbered_units_keep_their_numbers() {
        let r = AgencyRegistry::builtin();
        for (text, want) in [
            (
                "UBND Phường 1, UBND Phường 2 chủ trì",
                &["Ủy ban nhân dân Phường 1", "Ủy ban nhân dân Phường 2"][..],
            ),
            ("UBND Quận 3 chủ trì", &["Ủy ban nhân dân Quận 3"]),
            (
                "Trường Tiểu học số 1, Trường Tiểu học số 2 chủ trì",
                &["Trường Tiểu học số 1", "Trường Tiểu học số 2"],
            ),
            ("Sở Tài chính 2 bản", &["Sở Tài chính"]),
        ] {
            assert_eq!(r.read_list(text).0, want, "{text}");
        }
    }

    /// A list of sixty communes before its "chủ trì" is read whole (stop 60: cut at 1 200
    /// bytes, the lead was lost and the last name cut in a word, "Ủy ban nhân dân xã T"); a
    /// list longer than the most read stops at a separator, never in a name.
    #[test]
    fn a_long_list_is_read_whole_and_never_cut_in_a_name() {
        let r = AgencyRegistry::builtin();
        const WORDS: [&str; 10] = [
            "An", "Bình", "Tân", "Hòa", "Phú", "Long", "Thạnh", "Hiệp", "Vĩnh", "Đông",
        ];
        let name = |k: usize| format!("UBND xã {} {}", WORDS[k / 10 % 10], WORDS[k % 10]);
        let names: Vec<String> = (0..60).map(name).collect();
        let text = format!("{} chủ trì thực hiện.", names.join(", "));
        let (read, used) = r.read_list(&text);
        assert_eq!(read.len(), 60, "{read:?}");
        assert!(text.sub(used..).trim_start().starts_with("chủ trì"));
        let many: Vec<String> = (0..2000).map(name).collect();
        let (read, _) = r.read_list(&many.join(", "));
        assert!(read.len() > 500, "{}", read.len());
        let whole = |n: &String| WORDS.iter().any(|w| n.ends_with(&format!(" {w}")));
        assert!(read.iter().all(whole), "{:?}", read.last());
    }

    /// Abbreviations expanded by a lookup, as by the pass over the list in file order (a
    /// later entry replacing an earlier one) that it replaces: on every line of the seed and
    /// the corpus, and on each abbreviation alone and with punctuation.
    #[test]
    fn abbreviations_expand_as_by_the_list() {
        let mut list: Vec<(&str, &str)> = Vec::new();
        for line in ABBREVIATIONS.lines().filter(|l| !l.starts_with('#')) {
            if let Some((a, e)) = line.split_once('\t') {
                let (a, e) = (a.trim(), e.trim());
                if !a.is_empty() && !e.is_empty() {
                    list.retain(|(x, _)| *x != a);
                    list.push((a, e));
                }
            }
        }
        let by_list = |name: &str| {
            name.split(' ')
                .map(|w| {
                    let core = w.trim_end_matches([',', ';', '.', ':']);
                    let tail = w.sub(core.len()..);
                    match list.iter().find(|(a, _)| *a == core) {
                        Some((_, e)) => format!("{e}{tail}"),
                        None => w.to_owned(),
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let r = AgencyRegistry::builtin();
        let mut texts = crate::testing::seed_and_corpus();
        texts.extend(list.iter().map(|(a, _)| format!("{a}\n  {a}, x;\nx {a}.")));
        let mut expanded = 0;
        for text in &texts {
            for line in text.lines() {
                let by = by_list(line);
                expanded += usize::from(by != line);
                assert_eq!(r.expand(line), by, "{line:?}");
            }
        }
        assert!(expanded > 100, "{expanded}");
    }

    /// A list read again is the list read first: every line of the seed and the corpus (and
    /// each line's start after a dash), read in turn, each again right away, again after three
    /// others (still kept) and again after five (read anew), against a read without the lists
    /// kept; a line longer than the long window reads as its window does.
    #[test]
    fn lists_read_again_are_the_lists_read_first() {
        let r = AgencyRegistry::builtin();
        let mut lines: Vec<String> = Vec::new();
        for text in crate::testing::seed_and_corpus() {
            for line in text.lines() {
                let t = line.trim_start_matches(['-', '+', ' ', '*']);
                lines.push(t.to_owned());
            }
        }
        let long = lines
            .iter()
            .max_by_key(|l| l.len())
            .cloned()
            .unwrap_or_default();
        lines.push(format!("Sở Tài chính, Sở Nội vụ, {}", "x ".repeat(800)));
        lines.push(format!("{long} {long}"));
        // Two lists that run past the short window and part there: the same first 240
        // bytes, then another agency or the end of the list.
        let many = "Sở Tài chính, Sở Nội vụ, Sở Y tế, Sở Xây dựng, Sở Tư pháp, Sở Công Thương, Sở Giáo dục và Đào tạo, Sở Văn hóa, Thể thao và Du lịch, Sở Khoa học và Công nghệ, Sở Lao động - Thương binh và Xã hội, Sở Thông tin và Truyền thông";
        assert!(many.len() > 240);
        lines.push(format!(
            "{many}, Sở Ngoại vụ, Sở Nông nghiệp và Môi trường thực hiện."
        ));
        lines.push(format!("{many} thực hiện, phối hợp với Sở Ngoại vụ."));
        let mut listed = 0;
        for (k, line) in lines.iter().enumerate() {
            let want = r.read_list_uncached(line);
            listed += usize::from(!want.0.is_empty());
            assert_eq!(r.read_list(line), want, "{line:?}");
            assert_eq!(r.read_list(line), want, "{line:?} again");
            for back in [3, 5] {
                if let Some(earlier) = k.checked_sub(back).and_then(|b| lines.get(b)) {
                    assert_eq!(r.read_list(earlier), r.read_list_uncached(earlier));
                }
            }
        }
        assert!(listed > 1000, "{listed}");
    }

    /// A registry changed after a read reads again: a name added is found in the text just
    /// read without it, and a clone changed apart keeps its own answers.
    #[test]
    fn a_changed_registry_reads_again() {
        let text = "Nhóm Vạn Bản Xanh chủ trì, phối hợp với Sở Tài chính.";
        let mut r = AgencyRegistry::builtin();
        let before = r.read_list(text);
        assert!(before.0.is_empty(), "{before:?}");
        let unchanged = r.clone();
        r.extend_agencies("Nhóm Vạn Bản Xanh\t\n");
        let after = r.read_list(text);
        assert_eq!(after.0, ["Nhóm Vạn Bản Xanh"]);
        assert_eq!(unchanged.read_list(text), before);
        r.extend_abbreviations("TTVB\tNhóm Vạn Bản Xanh\n");
        assert_eq!(
            r.read_list("TTVB chủ trì."),
            r.read_list_uncached("TTVB chủ trì.")
        );
    }

    /// The lookups by first word answer as the passes over every phrase they replace: on each
    /// word of the seed and the corpus (with the word before it), on each phrase of the lists
    /// with and without punctuation, capitalised and not.
    #[test]
    fn lookups_by_first_word_answer_as_the_passes_over_every_phrase() {
        let ends_by_pass = |words: &[(usize, &str)], k: usize| {
            AGENCY_NAME_ENDS
                .iter()
                .any(|phrase| phrase_at(words, k, phrase))
        };
        let second_by_pass = |prev: Option<&str>, word: &str| {
            let Some(prev) = prev else { return false };
            if !prev.chars().next().is_some_and(char::is_uppercase)
                || !word.starts_with(char::is_lowercase)
            {
                return false;
            }
            let prev = fold_case(prev);
            NAME_WORDS
                .iter()
                .any(|w| w.split_once(' ') == Some((prev.as_str(), word)))
        };
        let mut texts = crate::testing::seed_and_corpus();
        for phrase in AGENCY_NAME_ENDS.iter() {
            let joined = phrase.join(" ");
            texts.extend([
                format!("x {joined}"),
                format!("{joined}, y"),
                format!("{joined}."),
            ]);
        }
        for w in NAME_WORDS.iter() {
            let capital = vanban_text::fold::capitalized(w);
            texts.extend([capital.clone(), format!("{capital}, x"), w.to_string()]);
        }
        let (mut ends, mut seconds) = (0, 0);
        for text in &texts {
            for line in text.lines() {
                let words: Vec<(usize, &str)> = word_spans(line).collect();
                for k in 0..=words.len() {
                    let by_pass = ends_by_pass(&words, k);
                    ends += usize::from(by_pass);
                    assert_eq!(name_ends_at(&words, k), by_pass, "{line:?} {k}");
                    let Some(&(_, word)) = words.get(k) else {
                        continue;
                    };
                    let prev = k.checked_sub(1).map(|j| words[j].1);
                    let by_pass = second_by_pass(prev, word);
                    seconds += usize::from(by_pass);
                    assert_eq!(second_syllable(prev, word), by_pass, "{line:?} {k}");
                }
            }
        }
        assert!(ends > 1_000 && seconds > 100, "{ends} {seconds}");
    }

    /// The longest head, found comparing only heads whose first byte stands at the start, is
    /// the one found comparing every head: at every line start and after every space of the
    /// seed and the corpus, and for every head alone, in the plural, before a letter or a
    /// space, and with its last byte changed.
    #[test]
    fn the_longest_head_is_found_by_its_first_byte() {
        let r = AgencyRegistry::builtin();
        assert!(r.heads.list.len() <= HEADS_SCAN_MOST);
        let documents = crate::testing::seed_and_corpus();
        let texts = head_texts(&r, documents.iter().map(String::as_str));
        assert!(heads_agree_with_scans(&r, &texts) > 5_000);
    }

    /// With a user's abbreviations for thousands of bodies (each a head), the heads are looked
    /// up by prefix: the same answers as reading each.
    #[test]
    fn many_heads_are_looked_up_as_reading_each_finds() {
        let mut r = AgencyRegistry::builtin();
        let mut tsv = String::new();
        for k in 0..400 {
            tsv.push_str(&format!(
                "UBX{k}\tỦy ban nhân dân xã Số {k}\nSTN{}\tSở Tài nguyên {k}\nBan X{k}\tBan Quản lý {k}\n",
                k % 37
            ));
        }
        r.extend_abbreviations(&tsv);
        assert!(
            r.heads.list.len() > HEADS_SCAN_MOST * 4,
            "{}",
            r.heads.list.len()
        );
        let seed = include_str!("../../../seeds/208-KH-UBND_2024_TuyenQuang.txt");
        let texts = head_texts(&r, [seed]);
        assert!(heads_agree_with_scans(&r, &texts) > 5_000);
    }

    /// Every head alone, in the plural, before a letter or a space, and with its last byte
    /// changed; and a window at every line start and after every space of `documents`.
    fn head_texts<'a>(
        r: &AgencyRegistry,
        documents: impl IntoIterator<Item = &'a str>,
    ) -> Vec<String> {
        let mut texts: Vec<String> = Vec::new();
        for h in &r.heads.list {
            for form in [
                "{}",
                "Các {}",
                "các {} x",
                "{} Tỉnh",
                "{}x",
                "Các {}a",
                "{},",
            ] {
                texts.push(form.replace("{}", h));
            }
            let mut cut = h.clone();
            cut.pop();
            texts.push(format!("{cut}z ủy"));
        }
        for text in documents {
            for (i, c) in text.char_indices() {
                if i == 0 || c == ' ' || c == '\n' {
                    let at = text.sub(i..).trim_start();
                    texts.push(vanban_text::window(at, 0, 40).to_owned());
                }
            }
        }
        texts
    }

    /// The questions about heads against reading every head, on `texts`; how many texts
    /// start with a head.
    fn heads_agree_with_scans(r: &AgencyRegistry, texts: &[String]) -> usize {
        let list = &r.heads.list;
        let every = |text: &str| {
            let word = |t: &str, h: &str| {
                t.strip_prefix(h)
                    .is_some_and(|r| !r.chars().next().is_some_and(char::is_alphanumeric))
            };
            let plural = text
                .strip_prefix("Các ")
                .or_else(|| text.strip_prefix("các "));
            list.iter()
                .filter(|h| word(text, h) || plural.is_some_and(|p| word(p, h)))
                .max_by_key(|h| h.len())
        };
        let mut found = 0;
        for t in texts {
            let want = every(t);
            found += usize::from(want.is_some());
            assert_eq!(r.longest_head(t), want, "{t:?}");
            let starts = list.iter().any(|h| t.starts_with(h.as_str()));
            assert_eq!(r.heads.any_starts(t), starts, "{t:?}");
            for w in t.split(' ').take(3) {
                let n = w.trim();
                let bare = list
                    .iter()
                    .any(|h| h == n || h.strip_prefix(n).is_some_and(|r| r.starts_with(' ')));
                assert_eq!(r.is_bare_head(w), bare, "{w:?}");
                let first = list.iter().any(|h| h.split(' ').next() == Some(w));
                assert_eq!(r.heads.firsts.contains(w), first, "{w:?}");
            }
        }
        found
    }

    /// A slice's fold cut from the shared fold is the slice folded alone: every slice (at
    /// character boundaries) of every text of up to four pieces from letters the tone fold
    /// rewrites in pairs, their capitals, and others; and slices of a long text past the
    /// shared reach.
    #[test]
    fn a_shared_fold_cuts_what_folding_the_slice_gives() {
        let pieces = ["o", "U", "á", "Ỷ", "ả", "é", "a", "Đ", " ", "oá"];
        let mut texts = crate::testing::compositions(&pieces, 4);
        let long = "Hoá chất, thuỷ sản và Ủy ban nhân dân tỉnh ".repeat(60);
        texts.push(long);
        let mut cut = 0;
        for text in &texts {
            let bounds: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            shared::sharing(text, || {
                for (k, &a) in bounds.iter().enumerate() {
                    // (Slices of up to 40 characters: the long text has millions.)
                    for &b in bounds.iter().skip(k).take(40) {
                        let slice = text.sub(a..b);
                        let alone = vanban_text::fold::fold_tones(slice);
                        assert_eq!(fold(slice), alone, "{text:?} {a}..{b}");
                        cut += usize::from(b <= shared::REACH);
                    }
                }
            });
        }
        assert!(cut > 200_000, "{cut}");
        // Outside a sharing, and for a text that is not the shared one, the fold is made here.
        let other = String::from("HOÁ");
        shared::sharing("khác", || assert_eq!(fold(&other), "hóa"));
        assert_eq!(fold("THUỶ"), "thủy");
    }

    /// Texts to read names from: every name of the registry as it stands, followed by a
    /// space, a comma, a letter, and cut short; and the text at every word of the seed.
    fn name_texts(r: &AgencyRegistry) -> Vec<String> {
        let mut texts: Vec<String> = Vec::new();
        for (alias, _) in &r.names {
            let cut = alias.sub(..alias.len().saturating_sub(2));
            for t in [
                alias.clone(),
                format!("{alias} chủ trì"),
                format!("{alias}, các"),
                format!("{alias}x"),
                cut.to_owned(),
            ] {
                texts.push(t);
            }
        }
        let seed = fold(include_str!(
            "../../../seeds/208-KH-UBND_2024_TuyenQuang.txt"
        ));
        for (i, _) in seed.match_indices(' ') {
            texts.push(vanban_text::window(&seed, i + 1, 120).to_owned());
        }
        texts
    }

    #[test]
    fn the_name_indexes_find_what_a_scan_of_every_name_finds() {
        // The indexes by leading word (`match_at`, `field_at`) against the scan of every
        // name they replace, and the loose reading against its reading character by
        // character: on every registry name (whole, followed by a word, a comma or a
        // letter, cut short) and at every word of the seed.
        let r = AgencyRegistry::builtin();
        let [matched, fields, loose, provincial] = indexes_agree_with_scans(&r, &name_texts(&r));
        assert!(
            matched > 1000 && fields > 50 && loose > 100 && provincial > 10,
            "{matched} {fields} {loose} {provincial}"
        );
    }

    #[test]
    fn large_buckets_looked_up_by_prefix_find_what_a_scan_finds() {
        // A user's registry of communes, provincial centres and Party committees puts
        // hundreds of names under one key of each index: such a bucket is looked up a prefix
        // of the text at a time, which must find what reading its names one by one finds.
        let mut r = AgencyRegistry::builtin();
        let mut tsv = String::new();
        for k in 0..120 {
            let place = ["An Bình", "Tân Hòa", "Tân Hoà", "Phú Mỹ", "Long Hưng"][k % 5];
            tsv.push_str(&format!(
                "Ủy ban nhân dân xã {place} {k}\tUBND xã {place} {k}|Uy ban nhan dan xa {place} {k}\n\
                 Trung tâm {place} {k} tỉnh\tTrung tâm {place} tỉnh\n\
                 Các cấp ủy {place} {k}\tCac cap uy {place}, {k}\n\
                 Sở {place} {k}\tSở {place}\n"
            ));
        }
        r.extend_agencies(&tsv);
        let largest = |sizes: &mut dyn Iterator<Item = usize>| sizes.max().unwrap_or(0);
        assert!(largest(&mut r.by_word.values().map(|b| b.names.len())) > SCAN_MOST * 10);
        assert!(largest(&mut r.bare.values().map(|b| b.names.len())) > SCAN_MOST * 10);
        assert!(largest(&mut r.provincial.values().map(|b| b.stems.len())) > SCAN_MOST * 5);
        let texts: Vec<String> = name_texts(&r)
            .into_iter()
            .filter(|t| {
                ["ủy", "uy", "ubnd", "trung", "các", "cac", "sở"]
                    .iter()
                    .any(|w| t.starts_with(w))
            })
            // (And the fields of "Sở …", as a distributive head's list gives them.)
            .flat_map(|t| [t.strip_prefix("sở ").map(str::to_owned), Some(t)])
            .flatten()
            .collect();
        let [matched, fields, loose, provincial] = indexes_agree_with_scans(&r, &texts);
        assert!(
            matched > 1000 && fields > 100 && loose > 500 && provincial > 100,
            "{matched} {fields} {loose} {provincial}"
        );
    }

    /// Every index lookup of `r` against the scan it replaces, on `texts` (folded) and on each
    /// "… tỉnh" name with a province in its place; how many of each found something.
    fn indexes_agree_with_scans(r: &AgencyRegistry, texts: &[String]) -> [usize; 4] {
        let scan_match = |folded: &str| {
            r.names.iter().find_map(|(alias, canonical)| {
                let rest = folded.strip_prefix(alias.as_str())?;
                let boundary = !rest.chars().next().is_some_and(char::is_alphanumeric);
                boundary.then_some((alias.len(), canonical.as_str()))
            })
        };
        let scan_field = |head: &str, folded: &str| {
            let prefix = format!("{} ", fold(head));
            r.names.iter().find_map(|(alias, canonical)| {
                let field = alias.strip_prefix(&prefix)?;
                let rest = folded.strip_prefix(field)?;
                let boundary = !rest.chars().next().is_some_and(char::is_alphanumeric);
                boundary.then(|| (field.len(), canonical.clone()))
            })
        };
        let scan_province = |text: &str, folded: &str| {
            r.names.iter().enumerate().find_map(|(i, (alias, _))| {
                let stem = alias.strip_suffix(" tỉnh")?;
                let rest = folded.strip_prefix(stem)?.strip_prefix(' ')?;
                r.provincial_at(text, folded.len() - rest.len(), i)
            })
        };
        let heads: Vec<&str> = DISTRIBUTIVE_HEADS.iter().map(|(_, h)| *h).collect();
        let mut found = [0; 4];
        for t in texts {
            let m = r.match_at(t);
            assert_eq!(m, scan_match(t), "{t:?}");
            found[0] += usize::from(m.is_some());
            let whole = r
                .names
                .iter()
                .find(|(a, _)| a == t)
                .map(|(_, c)| c.as_str());
            assert_eq!(r.exact(t), whole, "{t:?}");
            for head in &heads {
                let f = r.field_at(head, t);
                assert_eq!(f, scan_field(head, t), "{head:?} {t:?}");
                found[1] += usize::from(f.is_some());
            }
            // Past no byte, and past each word's end.
            for exact in std::iter::once(0).chain(t.match_indices(' ').map(|(i, _)| i)) {
                let l = r.loose_match_at(t, exact);
                assert_eq!(l, loose_by_char(r, t, exact), "{t:?} past {exact}");
                found[2] += usize::from(l.is_some());
            }
        }
        for (alias, _) in &r.names {
            let Some(stem) = alias.strip_suffix(" tỉnh") else {
                continue;
            };
            for place in ["Lào Cai chủ trì", "Cần Thơ,", "Xyz", ""] {
                let text = format!("{stem} {place}");
                let folded = fold(&text);
                let p = r.province_named(&text, &folded);
                assert_eq!(p, scan_province(&text, &folded), "{text:?}");
                found[3] += usize::from(p.is_some());
            }
        }
        found
    }

    /// `loose_match_at` as first written: the text read a character at a time.
    fn loose_by_char<'r>(
        r: &'r AgencyRegistry,
        folded: &str,
        exact: usize,
    ) -> Option<(usize, &'r str)> {
        let candidates = &r.bare.get(&loose_key(folded)?)?.names;
        let text: Vec<(char, usize)> = folded
            .char_indices()
            .map(|(i, c)| (base_char(c), i + c.len_utf8()))
            .collect();
        candidates.iter().find_map(|(b, i)| {
            let same = b
                .iter()
                .enumerate()
                .all(|(k, &c)| text.get(k).is_some_and(|&(t, _)| t == c));
            let (_, end) = *text.get(b.len().checked_sub(1)?)?;
            let boundary = !text
                .get(b.len())
                .is_some_and(|&(c, _)| vanban_text::is_alphanumeric(c));
            (same && boundary && end > exact).then(|| (end, r.names[*i].1.as_str()))
        })
    }

    #[test]
    fn areas_and_slashed_places_inside_names() {
        assert_eq!(
            list("Chi cục Hải quan khu vực XI tăng cường"),
            ["Chi cục Hải quan khu vực XI"]
        );
        assert_eq!(
            list("Ban Quản lý các khu công nghệ cao và khu công nghiệp Thành phố chủ trì"),
            ["Ban Quản lý các khu công nghệ cao và khu công nghiệp Thành phố"]
        );
        assert_eq!(
            list("UBND các xã/phường: tổ chức"),
            ["Ủy ban nhân dân các xã/phường"]
        );
        assert_eq!(
            list("Ban Quản lý Dự án (sau đây gọi tắt là “Ban Quản lý”) chủ trì"),
            ["Ban Quản lý Dự án"]
        );
        assert_eq!(
            list("Ủy ban Mặt trận Tổ quốc tỉnh, các tổ chức chính trị"),
            ["Ủy ban Mặt trận Tổ quốc tỉnh"]
        );
        assert_eq!(
            list("Ban Tuyên giáo Tỉnh ủy phối hợp"),
            ["Ban Tuyên giáo Tỉnh ủy"]
        );
        // A verb after a place name is not a second syllable.
        assert_eq!(
            list("UBND tỉnh Nghệ An triển khai"),
            ["Ủy ban nhân dân tỉnh Nghệ An"]
        );
        // A "khu" that is not an area of a name ends it.
        assert_eq!(list("Sở Xây dựng khu nhà ở"), ["Sở Xây dựng"]);
    }

    #[test]
    fn names_run_to_where_the_predicate_starts() {
        // Corpus sentences (KH_134, NQ_34, KL_75 and the issue's examples).
        assert_eq!(
            list("Ban Quản lý Khu kinh tế chủ trì, phối hợp với các sở ban ngành"),
            ["Ban Quản lý Khu kinh tế"]
        );
        assert_eq!(
            list("Ban Quản lý Khu kinh tế và Ban Quản lý các Khu công nghiệp tỉnh chủ trì"),
            [
                "Ban Quản lý Khu kinh tế",
                "Ban Quản lý các Khu công nghiệp tỉnh"
            ]
        );
        assert_eq!(
            list("Ủy ban Kiểm tra Tỉnh ủy phối hợp với các cơ quan, đơn vị có liên quan"),
            ["Ủy ban Kiểm tra Tỉnh ủy"]
        );
        assert_eq!(
            list("Trung tâm Chuyển đổi số tỉnh triển khai nền tảng"),
            ["Trung tâm Chuyển đổi số tỉnh"]
        );
        // Not right after the head: "Hội đồng kỷ luật họp" is no name "Hội đồng kỷ luật họp".
        assert_eq!(list("Hội đồng kỷ luật họp"), ["Hội đồng"]);
        assert_eq!(
            list("Ủy ban Mặt trận Tổ quốc các cấp thành phố Hà Nội tham gia"),
            ["Ủy ban Mặt trận Tổ quốc các cấp thành phố Hà Nội"]
        );
        // "cùng cấp": the body at the same level; "cùng" before another body joins two.
        assert_eq!(
            list("Ủy ban nhân dân cùng cấp chủ trì, phối hợp"),
            ["Ủy ban nhân dân cùng cấp"]
        );
        assert_eq!(
            list("Viện kiểm sát nhân dân cùng cấp, Sở Tư pháp"),
            ["Viện kiểm sát nhân dân cùng cấp", "Sở Tư pháp"]
        );
        // "thành" of "thành lập" is no part of "thành phố".
        assert_eq!(
            list("Ủy ban nhân dân cấp tỉnh thành lập Ban Chỉ đạo"),
            ["Ủy ban nhân dân cấp tỉnh"]
        );
        // A request's courtesy word ends the name ("kính đề nghị", a form's opening).
        assert_eq!(
            list("Công ty TNHH Tân Cảng - Petro Cam Ranh kính đề nghị cấp phép"),
            ["Công ty TNHH Tân Cảng - Petro Cam Ranh"]
        );
        // No predicate within reach: the name ends at its last capitalised word.
        assert_eq!(
            list("Ban Chỉ đạo Tỉnh một hai ba bốn năm sáu bảy tám chín mười"),
            ["Ban Chỉ đạo Tỉnh"]
        );
    }

    fn list(t: &str) -> Vec<String> {
        AgencyRegistry::builtin().read_list(t).0
    }

    #[test]
    fn kinds_listed_after_a_body_go_on_with_it() {
        // KH_174-KH-UBND_2025_HoChiMinh, VI/1; CV_5155-SGDDT-GDTXNNDH_2025, Phụ lục 1.
        assert_eq!(
            list("Ủy ban nhân dân phường, xã, đặc khu xây dựng dự toán"),
            ["Ủy ban nhân dân phường, xã, đặc khu"]
        );
        // A group's kinds are the group's: the list goes on with another name.
        assert_eq!(
            list("Các cấp uỷ, tổ chức Đảng, chính quyền lãnh đạo, chỉ đạo"),
            ["các cấp ủy, tổ chức đảng", "chính quyền"]
        );
        // KH_174-KH-UBND_2025_HoChiMinh, V/1: a role in brackets is no part of the name.
        assert_eq!(
            list("Sở Nội vụ (Cơ quan thường trực Ban Vì sự tiến bộ phụ nữ Thành phố) chủ trì"),
            ["Sở Nội vụ"]
        );
        // KH_144-KH-UBND_2025_BacNinh, VI/12: the State Bank's regional office, in small
        // letters as written.
        assert_eq!(
            list("Ngân hàng nhà nước khu vực XII chủ động triển khai"),
            ["Ngân hàng Nhà nước khu vực XII"]
        );
    }

    #[test]
    fn names_with_commas_stay_whole() {
        // A Party body's name in small letters goes on only before its committee's name
        // (CV_2449-CV-ĐU_2026_LaoCai); "xây dựng đảng" as the predicate ends the name.
        assert_eq!(
            list("Ban xây dựng đảng Đảng ủy chủ trì, hướng dẫn"),
            ["Ban xây dựng đảng Đảng ủy"]
        );
        assert_eq!(
            list("Ban Thường vụ xây dựng đảng bộ vững mạnh"),
            ["Ban Thường vụ"]
        );
        assert_eq!(
            list("Sở Văn hóa, Thể thao và Du lịch chủ trì"),
            ["Sở Văn hóa, Thể thao và Du lịch"]
        );
        assert_eq!(
            list("Sở Văn hoá, Thể thao và Du lịch chủ trì"),
            ["Sở Văn hóa, Thể thao và Du lịch"]
        );
        // Corpus sentences (KL_75 IV/7 and IV/5, CTr_104 IV/4): a name not in the registry goes
        // on through a part of `data/comma-names.tsv`.
        assert_eq!(
            list("Ban Chính sách, chiến lược Trung ương chủ trì, phối hợp với các cơ quan"),
            ["Ban Chính sách, chiến lược Trung ương"]
        );
        assert_eq!(
            list("Đảng uỷ Mặt trận Tổ quốc, các đoàn thể Trung ương lãnh đạo, chỉ đạo"),
            ["Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương"]
        );
        assert_eq!(
            list("Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh"),
            ["Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh"]
        );
        // A comma after a name that is no such part still ends it.
        assert_eq!(
            list("Ủy ban Mặt trận Tổ quốc tỉnh, các tổ chức chính trị"),
            ["Ủy ban Mặt trận Tổ quốc tỉnh"]
        );
    }

    #[test]
    fn and_before_a_capitalised_word_goes_on_with_the_name() {
        // TTr_unnumbered-TTr-SCT_2026_LaoCai, item 2.
        assert_eq!(
            list("Công ty Cổ phần Đầu tư phát triển Đô thị và Khu công nghiệp có trách nhiệm thực hiện đầy đủ quy định"),
            ["Công ty Cổ phần Đầu tư phát triển Đô thị và Khu công nghiệp"]
        );
        // "và" before another agency's head still ends the name (KH_134 V/7).
        assert_eq!(
            list(
                "Ban Quản lý Khu kinh tế và Ban Quản lý các Khu công nghiệp tỉnh Lào Cai phối hợp"
            ),
            [
                "Ban Quản lý Khu kinh tế",
                "Ban Quản lý các Khu công nghiệp tỉnh Lào Cai"
            ]
        );
        assert_eq!(
            list("Trung tâm Phục vụ hành chính công và Sở Tư pháp chủ trì"),
            ["Trung tâm Phục vụ hành chính công", "Sở Tư pháp"]
        );
    }

    #[test]
    fn distributive_lists() {
        assert_eq!(
            list("Các Sở: Nội vụ, Kế hoạch và Đầu tư, Xây dựng, Tài nguyên và Môi trường, Văn phòng Ủy ban nhân dân tỉnh (Trung tâm phục vụ hành chính công tỉnh) và các cơ quan, đơn vị liên quan theo chức năng"),
            [
                "Sở Nội vụ",
                "Sở Kế hoạch và Đầu tư",
                "Sở Xây dựng",
                "Sở Tài nguyên và Môi trường",
                "Văn phòng Ủy ban nhân dân tỉnh (Trung tâm phục vụ hành chính công tỉnh)",
                "các cơ quan, đơn vị liên quan",
            ]
        );
        // A verb after the group is no department: "các Sở xây dựng kế hoạch".
        assert!(!list("các Sở xây dựng kế hoạch").contains(&"Sở Xây dựng".to_owned()));
    }

    #[test]
    fn an_official_and_their_name() {
        assert_eq!(
            list("Phó Thủ tướng Chính phủ Trần Hồng Hà trực tiếp chỉ đạo"),
            ["Phó Thủ tướng Chính phủ Trần Hồng Hà"]
        );
        // Not a name of one word, nor the next agency.
        assert_eq!(
            list("Chủ tịch Ủy ban nhân dân tỉnh Lào Cai chỉ đạo"),
            ["Chủ tịch Ủy ban nhân dân tỉnh Lào Cai"]
        );
        assert_eq!(
            list("Giám đốc Sở Tài chính, Sở Nội vụ"),
            ["Giám đốc Sở Tài chính", "Sở Nội vụ"]
        );
    }

    #[test]
    fn groups_and_places() {
        assert_eq!(
            list("các Sở, ban, ngành, Ủy ban nhân dân huyện, thành phố tập trung"),
            ["các Sở, ban, ngành", "Ủy ban nhân dân huyện, thành phố"]
        );
        assert_eq!(
            list("Ủy ban nhân dân thành phố Tuyên Quang chủ trì"),
            ["Ủy ban nhân dân thành phố Tuyên Quang"]
        );
        assert_eq!(list("Cục Thuế tỉnh: Tổ chức"), ["Cục Thuế tỉnh"]);
        assert_eq!(list("Sở Tư pháp chủ trì"), ["Sở Tư pháp"]);
        // The Party's addressees: committees, organisations and the government beside them.
        assert_eq!(
            list("Các cấp uỷ, tổ chức Đảng, chính quyền, lãnh đạo, chỉ đạo"),
            ["các cấp ủy, tổ chức đảng", "chính quyền"]
        );
        assert_eq!(list("chính quyền cơ sở bảo đảm"), ["chính quyền cơ sở"]);
    }

    #[test]
    fn names_whose_tone_marks_a_scan_garbled() {
        assert_eq!(
            list("Các cấp uỷ, tô chức đảng, các cấp chính quyền phải quán triệt"),
            ["các cấp ủy, tổ chức đảng", "các cấp chính quyền"]
        );
        assert_eq!(
            list("Các tỉnh uỷ, thành uý, đảng uỷ trực thuộc Trung ương xây dựng"),
            ["các tỉnh ủy, thành ủy", "đảng ủy trực thuộc Trung ương"]
        );
        assert_eq!(list("Sở Tài chinh chủ trì"), ["Sở Tài chính"]);
        // The first word as written: "Số" is no "Sở".
        assert!(list("Số Tài chính").is_empty());
    }

    #[test]
    fn groups_written_with_fewer_commas() {
        assert_eq!(
            comma_variants("các sở, ban, ngành"),
            ["các sở ban, ngành", "các sở, ban ngành", "các sở ban ngành"]
        );
        assert!(comma_variants("sở tư pháp").is_empty());
        let r = AgencyRegistry::builtin();
        assert_eq!(
            r.read_list(
                "Sở Xây dựng, Ban Quản lý khu Kinh tế và các cơ quan đơn vị liên quan thực hiện"
            )
            .0
            .last()
            .map(String::as_str),
            Some("các cơ quan, đơn vị liên quan")
        );
        assert_eq!(
            r.canonical("các sở, ban ngành có liên quan"),
            "các Sở, ban, ngành liên quan"
        );
    }

    #[test]
    fn canonical_names() {
        let r = AgencyRegistry::builtin();
        assert_eq!(
            r.canonical("Thường trực HĐND tỉnh"),
            "Thường trực Hội đồng nhân dân tỉnh"
        );
        assert_eq!(
            r.canonical("UBND các huyện, thành phố"),
            "Ủy ban nhân dân huyện, thành phố"
        );
        assert_eq!(r.canonical("Sở KH&ĐT"), "Sở Kế hoạch và Đầu tư");
        // An official's body takes its canonical name too.
        assert_eq!(
            r.canonical("Chủ tịch UBND các xã, phường"),
            "Chủ tịch Ủy ban nhân dân xã, phường"
        );
        // Tone marks take the current placement (`modern_tones`, tested in vanban-text).
        assert_eq!(r.canonical("Thường trực Tỉnh uỷ"), "Thường trực Tỉnh ủy");
        // A provincial body with its province written where the registry has "tỉnh".
        assert_eq!(
            r.canonical("Báo và Phát thanh Truyền hình Lai Châu"),
            "Báo và Phát thanh, Truyền hình tỉnh Lai Châu"
        );
        assert_eq!(
            r.canonical("Báo và Phát thanh, Truyền hình Cần Thơ"),
            "Báo và Phát thanh, Truyền hình thành phố Cần Thơ"
        );
    }

    #[test]
    fn a_province_written_where_the_registry_says_tinh() {
        assert_eq!(
            list("Báo và Phát thanh - Truyền hình Đắk Lắk, Sở Văn hóa, Thể thao và Du lịch"),
            [
                "Báo và Phát thanh, Truyền hình tỉnh Đắk Lắk",
                "Sở Văn hóa, Thể thao và Du lịch"
            ]
        );
        // Not a province: the name is read as before.
        assert_eq!(
            list("Kho bạc Nhà nước Khu vực II"),
            ["Kho bạc Nhà nước Khu vực II"]
        );
    }
}
