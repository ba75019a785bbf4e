//! The corpus report: per document, what the parser and extraction found; and the diff of two
//! reports, which shows the effect of a change on the whole corpus and names regressions.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use vanban_model::{DocumentKind, Extraction, Severity};
use vanban_syntax::Parsed;

/// What one document gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentReport {
    /// The file, as given.
    pub file: String,
    /// Canonical id.
    pub id: String,
    /// Type.
    pub kind: DocumentKind,
    /// Number and symbol.
    pub number: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// Issuer.
    pub issuer: Option<String>,
    /// Title (or subject of a letter).
    pub title: Option<String>,
    /// Nodes by kind (preamble, body and appendices).
    pub nodes: BTreeMap<String, usize>,
    /// Citations: the cited document's number (or name) and form, in document order.
    pub citations: Vec<String>,
    /// Relations: `type target`, in document order.
    pub relations: Vec<String>,
    /// Number of assignments.
    pub assignments: usize,
    /// Diagnostics by severity.
    pub severities: BTreeMap<String, usize>,
    /// Diagnostics, `severity code @line`, in document order.
    pub diagnostics: Vec<String>,
}

/// A corpus report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Report {
    /// Documents, sorted by file.
    pub documents: Vec<DocumentReport>,
    /// Totals over the documents.
    pub totals: Totals,
}

/// Totals of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Totals {
    /// Documents.
    pub documents: usize,
    /// Nodes by kind.
    pub nodes: BTreeMap<String, usize>,
    /// Citations.
    pub citations: usize,
    /// Relations.
    pub relations: usize,
    /// Assignments.
    pub assignments: usize,
    /// Diagnostics by severity.
    pub severities: BTreeMap<String, usize>,
}

/// The report of one document.
pub fn document_report(file: &str, parsed: &Parsed, x: &Extraction) -> DocumentReport {
    let doc = &parsed.document;
    let mut nodes: BTreeMap<String, usize> = BTreeMap::new();
    for n in doc.nodes() {
        // (A key is allocated once per kind, not once per node.)
        let kind = n.kind.as_str();
        match nodes.get_mut(kind) {
            Some(count) => *count += 1,
            None => {
                nodes.insert(kind.to_owned(), 1);
            }
        }
    }
    let citations = x
        .citations
        .iter()
        .map(|c| {
            let what = c
                .number
                .as_ref()
                .map(|n| n.normalized.clone())
                .or_else(|| c.name.clone())
                .unwrap_or_else(|| c.raw.clone());
            let form = match c.form {
                vanban_model::CitationForm::Full => "full",
                vanban_model::CitationForm::Short => "short",
                vanban_model::CitationForm::Named => "named",
            };
            format!("{what} ({form})")
        })
        .collect();
    let relations = x
        .relations
        .iter()
        .map(|r| {
            let subject = if *r.from == *x.id {
                String::new()
            } else {
                format!("{} ", r.from)
            };
            format!("{subject}{} {}", r.kind, r.to)
        })
        .collect();
    let mut severities: BTreeMap<String, usize> = BTreeMap::new();
    let mut diagnostics = Vec::new();
    for d in &x.diagnostics {
        *severities.entry(d.severity.to_string()).or_default() += 1;
        if d.severity != Severity::Info {
            diagnostics.push(format!("{} {} @{}", d.severity, d.code, d.span.line));
        }
    }
    DocumentReport {
        file: file.to_owned(),
        id: x.id.clone(),
        kind: x.kind,
        number: x.number.as_ref().map(|n| n.normalized.to_string()),
        date: x.date.clone(),
        issuer: x.issuer.name.clone(),
        title: doc
            .header
            .title
            .clone()
            .or_else(|| doc.header.subject.clone()),
        nodes,
        citations,
        relations,
        assignments: x.assignments.len(),
        severities,
        diagnostics,
    }
}

impl Report {
    /// A report of these documents (sorted by file).
    pub fn new(mut documents: Vec<DocumentReport>) -> Report {
        documents.sort_by(|a, b| a.file.cmp(&b.file));
        let mut totals = Totals {
            documents: documents.len(),
            ..Totals::default()
        };
        for d in &documents {
            for (k, n) in &d.nodes {
                *totals.nodes.entry(k.clone()).or_default() += n;
            }
            totals.citations += d.citations.len();
            totals.relations += d.relations.len();
            totals.assignments += d.assignments;
            for (k, n) in &d.severities {
                *totals.severities.entry(k.clone()).or_default() += n;
            }
        }
        Report { documents, totals }
    }

    /// A table a person reads.
    pub fn text(&self) -> String {
        let mut s = String::new();
        s.push_str(&format!(
            "{:<44} {:<16} {:<22} {:<10} {:>5} {:>4} {:>4} {:>4} {:>9}\n",
            "file", "type", "number", "date", "nodes", "cit", "rel", "asg", "err/warn"
        ));
        let sev = |m: &BTreeMap<String, usize>, k: &str| m.get(k).copied().unwrap_or(0);
        let names = short_names(self.documents.iter().map(|d| d.file.as_str()));
        for (d, name) in self.documents.iter().zip(names) {
            s.push_str(&format!(
                "{:<44} {:<16} {:<22} {:<10} {:>5} {:>4} {:>4} {:>4} {:>9}\n",
                crate::short(name, 44),
                d.kind.as_str(),
                crate::short(d.number.as_deref().unwrap_or("-"), 22),
                d.date.as_deref().unwrap_or("-"),
                d.nodes.values().sum::<usize>(),
                d.citations.len(),
                d.relations.len(),
                d.assignments,
                format!(
                    "{}/{}",
                    sev(&d.severities, "error"),
                    sev(&d.severities, "warning")
                ),
            ));
        }
        let t = &self.totals;
        s.push_str(&format!(
            "{:<44} {:<16} {:<22} {:<10} {:>5} {:>4} {:>4} {:>4} {:>9}\n",
            format!(
                "total: {}",
                vanban_text::count(t.documents, "document", "documents")
            ),
            "",
            "",
            "",
            t.nodes.values().sum::<usize>(),
            t.citations,
            t.relations,
            t.assignments,
            format!(
                "{}/{}",
                sev(&t.severities, "error"),
                sev(&t.severities, "warning")
            ),
        ));
        s
    }
}

/// What changed in one document between two reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentDiff {
    /// The file name.
    pub file: String,
    /// Header fields changed: (field, before, after).
    pub header: Vec<(String, Option<String>, Option<String>)>,
    /// Citations new in the current report.
    pub new_citations: Vec<String>,
    /// Citations the current report lost.
    pub lost_citations: Vec<String>,
    /// Relations new in the current report.
    pub new_relations: Vec<String>,
    /// Relations lost.
    pub lost_relations: Vec<String>,
    /// Diagnostics added.
    pub added_diagnostics: Vec<String>,
    /// Diagnostics removed.
    pub removed_diagnostics: Vec<String>,
    /// Other counts that changed: (what, before, after).
    pub counts: Vec<(String, usize, usize)>,
    /// Why this is a regression (empty when it is not).
    pub regressions: Vec<String>,
}

/// The difference between a baseline and a current report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Diff {
    /// Documents in the baseline, missing now.
    pub removed: Vec<String>,
    /// Documents new now.
    pub added: Vec<String>,
    /// Documents that changed.
    pub changed: Vec<DocumentDiff>,
}

impl Diff {
    /// Whether anything regressed: a document lost, a header field lost, fewer citations, more
    /// errors.
    pub fn regressed(&self) -> bool {
        !self.removed.is_empty() || self.changed.iter().any(|d| !d.regressions.is_empty())
    }

    /// Whether the reports are the same.
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.added.is_empty() && self.changed.is_empty()
    }

    /// What changed, for people.
    pub fn text(&self) -> String {
        let mut s = String::new();
        // (Every name and value on its own line: a line feed in a file name or a header
        // field cannot forge a line of the difference.)
        let one = |t: &str| vanban_text::visible_line(t).into_owned();
        for f in &self.removed {
            s.push_str(&format!(
                "{}: REGRESSION: the document is gone from the report\n",
                one(f)
            ));
        }
        for f in &self.added {
            s.push_str(&format!("{}: new document\n", one(f)));
        }
        for d in &self.changed {
            let tag = if d.regressions.is_empty() {
                "changed"
            } else {
                "REGRESSION"
            };
            s.push_str(&format!("{}: {tag}\n", one(&d.file)));
            for r in &d.regressions {
                s.push_str(&format!("  ! {}\n", one(r)));
            }
            for (f, a, b) in &d.header {
                s.push_str(&format!(
                    "  {f}: {} → {}\n",
                    one(a.as_deref().unwrap_or("(none)")),
                    one(b.as_deref().unwrap_or("(none)"))
                ));
            }
            for (sign, what, items) in [
                ('-', "citation", &d.lost_citations),
                ('+', "citation", &d.new_citations),
                ('-', "relation", &d.lost_relations),
                ('+', "relation", &d.new_relations),
                ('-', "diagnostic", &d.removed_diagnostics),
                ('+', "diagnostic", &d.added_diagnostics),
            ] {
                for c in items {
                    s.push_str(&format!("  {sign} {what} {}\n", one(c)));
                }
            }
            for (what, a, b) in &d.counts {
                s.push_str(&format!("  {what}: {a} → {b}\n"));
            }
        }
        let regressions = self
            .changed
            .iter()
            .filter(|d| !d.regressions.is_empty())
            .count()
            + self.removed.len();
        s.push_str(&format!(
            "{} changed, {} added, {} removed; {} regressed\n",
            vanban_text::count(self.changed.len(), "document", "documents"),
            self.added.len(),
            self.removed.len(),
            regressions
        ));
        s
    }
}

/// Items of `a` not in `b`, as multisets, in `a`'s order.
fn minus(a: &[String], b: &[String]) -> Vec<String> {
    let mut left: BTreeMap<&str, usize> = BTreeMap::new();
    for x in b {
        *left.entry(x.as_str()).or_default() += 1;
    }
    let mut out = Vec::new();
    for x in a {
        match left.get_mut(x.as_str()) {
            Some(n) if *n > 0 => *n -= 1,
            _ => out.push(x.clone()),
        }
    }
    out
}

/// Each path as its file name, or with as many folders before it as tell it from the others
/// ("p1/x.txt" and "p2/x.txt" where two provinces' folders hold an "x.txt").
fn short_names<'a>(files: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let files: Vec<&str> = files.collect();
    let mut names = files.clone();
    // Files not yet told apart; a file told apart at k components is told apart at more
    // (two equal keys of k + 1 components end with equal keys of k), so only these are
    // counted again, one component more each time.
    let mut open: Vec<usize> = (0..files.len()).collect();
    let mut k = 1;
    while !open.is_empty() && open.iter().any(|&i| components(files[i]) >= k) {
        let mut count: BTreeMap<&str, usize> = BTreeMap::new();
        for &i in &open {
            *count.entry(last_components(files[i], k)).or_default() += 1;
        }
        open.retain(|&i| {
            let key = last_components(files[i], k);
            let apart = count.get(key) == Some(&1);
            if apart {
                names[i] = key;
            }
            !apart
        });
        k += 1;
    }
    names
}

/// How many components a path has.
fn components(file: &str) -> usize {
    file.matches(['/', '\\']).count() + 1
}

/// The last `k` components of a path (all of them when it has fewer).
fn last_components(file: &str, k: usize) -> &str {
    let mut cut = file.len();
    for _ in 0..k {
        match file.get(..cut).and_then(|f| f.rfind(['/', '\\'])) {
            Some(i) => cut = i,
            None => return file,
        }
    }
    file.get(cut + 1..).unwrap_or(file)
}

/// The documents of a baseline and of a current report that are the same file, as (baseline,
/// current) places; those left over were removed or added. A path is matched whole first
/// (documents of one path — only names that are not UTF-8 share one — in order); then, for
/// a corpus read from another folder or with other paths, by its last component, its last
/// two, and so on, each step matching only a key that names one document on each side
/// still unmatched. Two files of one name in two folders are thus never taken for each
/// other, whichever of them is gone.
fn pairs(before: &[DocumentReport], after: &[DocumentReport]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // Step 0: whole paths (one path on both sides, or several that are not UTF-8, paired in
    // order: which of them is gone cannot be told).
    let mut groups = group(before, after, (0..before.len(), 0..after.len()), 0);
    let (mut open_b, mut open_a) = (Vec::new(), Vec::new());
    for (b, a) in groups.values() {
        out.extend(b.iter().copied().zip(a.iter().copied()));
        open_b.extend(b.iter().skip(a.len()));
        open_a.extend(a.iter().skip(b.len()));
    }
    // Then the last k components. A document whose key has no partner on the other side has
    // none with more components either (two equal keys of k + 1 components end with equal
    // keys of k): it is left out of the next steps, so they end quickly.
    let mut k = 1;
    while !open_b.is_empty() && !open_a.is_empty() {
        groups = group(before, after, (open_b.drain(..), open_a.drain(..)), k);
        for (b, a) in groups.values() {
            let deeper = b.iter().any(|&i| components(&before[i].file) > k)
                || a.iter().any(|&j| components(&after[j].file) > k);
            match (b.len(), a.len()) {
                (1, 1) => out.push((b[0], a[0])),
                (0, _) | (_, 0) => {}
                _ if deeper => {
                    open_b.extend(b);
                    open_a.extend(a);
                }
                _ => {}
            }
        }
        k += 1;
    }
    out.sort_unstable();
    out
}

/// The documents of `open` on each side grouped by their path's last `k` components (the
/// whole path for `k` = 0).
fn group(
    before: &[DocumentReport],
    after: &[DocumentReport],
    (open_b, open_a): (impl Iterator<Item = usize>, impl Iterator<Item = usize>),
    k: usize,
) -> BTreeMap<String, (Vec<usize>, Vec<usize>)> {
    let key = |file: &str| match k {
        0 => file.to_owned(),
        _ => last_components(file, k).to_owned(),
    };
    let mut groups: BTreeMap<String, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for i in open_b {
        groups.entry(key(&before[i].file)).or_default().0.push(i);
    }
    for j in open_a {
        groups.entry(key(&after[j].file)).or_default().1.push(j);
    }
    groups
}

/// Compare a baseline with a current report, document by document: matched by their whole
/// path, then by their last component, last two and so on, where such a key names one
/// document on each side still unmatched.
pub fn diff(baseline: &Report, current: &Report) -> Diff {
    let (before, after) = (&baseline.documents, &current.documents);
    let matched = pairs(before, after);
    let mut out = Diff::default();
    let (mut seen_b, mut seen_a) = (vec![false; before.len()], vec![false; after.len()]);
    for &(i, j) in &matched {
        seen_b[i] = true;
        seen_a[j] = true;
        out.changed
            .extend(document_diff(&after[j].file, &before[i], &after[j]));
    }
    let unseen = |docs: &[DocumentReport], seen: &[bool]| -> Vec<String> {
        let files = docs.iter().zip(seen).filter(|(_, s)| !**s);
        files.map(|(d, _)| d.file.clone()).collect()
    };
    out.removed = unseen(before, &seen_b);
    out.added = unseen(after, &seen_a);
    out.removed.sort();
    out.added.sort();
    out.changed.sort_by(|x, y| x.file.cmp(&y.file));
    out
}

/// What changed in one document, if anything.
fn document_diff(name: &str, a: &DocumentReport, b: &DocumentReport) -> Option<DocumentDiff> {
    let mut d = DocumentDiff {
        file: name.to_owned(),
        header: Vec::new(),
        new_citations: minus(&b.citations, &a.citations),
        lost_citations: minus(&a.citations, &b.citations),
        new_relations: minus(&b.relations, &a.relations),
        lost_relations: minus(&a.relations, &b.relations),
        added_diagnostics: minus(&b.diagnostics, &a.diagnostics),
        removed_diagnostics: minus(&a.diagnostics, &b.diagnostics),
        counts: Vec::new(),
        regressions: Vec::new(),
    };
    header_diff(a, b, &mut d);
    if b.citations.len() < a.citations.len() {
        d.regressions.push(format!(
            "fewer citations ({} → {})",
            a.citations.len(),
            b.citations.len()
        ));
    }
    let errors = |r: &DocumentReport| r.severities.get("error").copied().unwrap_or(0);
    if errors(b) > errors(a) {
        d.regressions
            .push(format!("more errors ({} → {})", errors(a), errors(b)));
    }
    let total = |r: &DocumentReport| r.nodes.values().sum::<usize>();
    if total(a) != total(b) {
        d.counts.push(("nodes".to_owned(), total(a), total(b)));
    }
    if a.assignments != b.assignments {
        d.counts
            .push(("assignments".to_owned(), a.assignments, b.assignments));
    }
    let changed = !d.header.is_empty()
        || !d.new_citations.is_empty()
        || !d.lost_citations.is_empty()
        || !d.new_relations.is_empty()
        || !d.lost_relations.is_empty()
        || !d.added_diagnostics.is_empty()
        || !d.removed_diagnostics.is_empty()
        || !d.counts.is_empty();
    changed.then_some(d)
}

/// Header fields that changed; a field lost, or a kind become unknown, is a regression.
fn header_diff(a: &DocumentReport, b: &DocumentReport, d: &mut DocumentDiff) {
    let fields = [
        (
            "kind",
            Some(a.kind.as_str().to_owned()),
            Some(b.kind.as_str().to_owned()),
        ),
        ("number", a.number.clone(), b.number.clone()),
        ("date", a.date.clone(), b.date.clone()),
        ("issuer", a.issuer.clone(), b.issuer.clone()),
        ("title", a.title.clone(), b.title.clone()),
        ("id", Some(a.id.clone()), Some(b.id.clone())),
    ];
    for (f, x, y) in fields {
        if x != y {
            let lost =
                x.is_some() && y.is_none() || (f == "kind" && y.as_deref() == Some("unknown"));
            if lost {
                d.regressions.push(format!("header field {f} lost"));
            }
            d.header.push((f.to_owned(), x, y));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_cut_to_their_last_components() {
        assert_eq!(last_components("a/b/x.txt", 1), "x.txt");
        assert_eq!(last_components("a/b/x.txt", 2), "b/x.txt");
        assert_eq!(last_components("a/b/x.txt", 5), "a/b/x.txt");
        assert_eq!(last_components("x.txt", 1), "x.txt");
        assert_eq!(last_components("c:\\a\\x.txt", 2), "a\\x.txt");
        assert_eq!(last_components("/x.txt", 2), "/x.txt");
    }

    #[test]
    fn short_names_tell_files_of_one_name_apart() {
        let files = [
            "corpus/p1/x.txt",
            "corpus/p2/x.txt",
            "corpus/p1/y.txt",
            "z.txt",
        ];
        assert_eq!(
            short_names(files.iter().copied()),
            ["p1/x.txt", "p2/x.txt", "y.txt", "z.txt"]
        );
        // One path twice (names that are not UTF-8): given whole.
        let files = ["d/\u{fffd}.txt", "d/\u{fffd}.txt"];
        assert_eq!(short_names(files.iter().copied()), files);
    }
}
