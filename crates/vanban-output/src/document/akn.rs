//! Akoma Ntoso 3.0 XML of a parsed document: the header as `preface`, the preamble, the
//! hierarchy (Phần / Chương / Mục / Điều / khoản / điểm as `part` / `chapter` / `section` /
//! `article` / `paragraph` / `point`; the plan hierarchy I. / 1. / 1.1. / - as named
//! `hcontainer`s and `indent`s), citations as inline `ref`s, the cited documents as
//! `activeRef`s (named after the relation the document asserts: `implements_1`,
//! `based_on_2` …) and the closing as `conclusions`. Valid against the OASIS schema
//! (`akomantoso30.xsd`).

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use vanban_extract::fold::slug;
use vanban_model::{
    Closing, Document, DocumentId, DocumentKind, Extraction, Header, Node, NodeKind,
};
use vanban_syntax::Parsed;
use vanban_text::Sub;

use crate::xml_inline as xml;

/// The AKN URI of a document id (`urn:lex:vn:chinh-phu:decree:2020;30-2020-nd-cp` →
/// `/akn/vn/act/decree/chinh-phu/2020/30-2020-nd-cp`).
pub fn akn_uri(id: &str) -> String {
    let Ok(d) = id.parse::<DocumentId>() else {
        return format!("/akn/vn/doc/{}", slug(id));
    };
    let year = d
        .year
        .map_or_else(|| "undated".to_owned(), |y| y.to_string());
    let authority = if d.authority.is_unknown() {
        "unknown".to_owned()
    } else {
        d.authority.to_string().replace('.', "-")
    };
    let ty = if is_act(d.kind) { "act" } else { "doc" };
    format!(
        "/akn/vn/{ty}/{}/{authority}/{year}/{}",
        d.kind.as_str(),
        d.number
    )
}

fn is_act(kind: DocumentKind) -> bool {
    matches!(
        kind,
        DocumentKind::Constitution
            | DocumentKind::Code
            | DocumentKind::Law
            | DocumentKind::Ordinance
            | DocumentKind::Decree
            | DocumentKind::Circular
            | DocumentKind::JointCircular
    )
}

/// Element name and `name` attribute of a node kind.
fn element(kind: NodeKind) -> (&'static str, Option<&'static str>) {
    match kind {
        NodeKind::Part => ("part", None),
        NodeKind::Chapter => ("chapter", None),
        NodeKind::Section => ("section", None),
        NodeKind::Subsection => ("subsection", None),
        NodeKind::Article => ("article", None),
        NodeKind::Clause => ("paragraph", None),
        NodeKind::Point => ("point", None),
        NodeKind::Indent | NodeKind::Subindent => ("indent", None),
        NodeKind::Numbered => ("hcontainer", Some("numbered")),
        NodeKind::Group => ("hcontainer", Some("group")),
        NodeKind::Division => ("hcontainer", Some("division")),
        NodeKind::Item => ("hcontainer", Some("item")),
        NodeKind::Subitem => ("hcontainer", Some("subitem")),
        NodeKind::Paragraph => ("hcontainer", Some("paragraph")),
        NodeKind::Note => ("hcontainer", Some("note")),
        NodeKind::Quoted => ("hcontainer", Some("quotedText")),
        NodeKind::Row => ("hcontainer", Some("tableRow")),
    }
}

/// AKN eIds allow letters, digits, "_", "-" and "."; anything else becomes "-".
fn eid(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '_' | '-' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// A paragraph of text with citations marked as `ref`s (where the citation's text appears).
fn text_with_refs(text: &str, refs: &[(String, String)]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for (s, e, href) in ref_marks(text, refs) {
        out.push_str(&xml(text.sub(at..s)));
        let _ = write!(
            out,
            "<ref href=\"{}\">{}</ref>",
            xml(href),
            xml(text.sub(s..e))
        );
        at = e;
    }
    out.push_str(&xml(text.sub(at..)));
    out
}

/// Where citations' texts appear in a paragraph, in order: every occurrence of each text
/// (left to right, not overlapping itself), the first citation winning where two overlap.
/// One multi-pattern scan finds every occurrence of every text: searching the paragraph again
/// for each citation, and checking each find against every mark, was cubic in a paragraph
/// listing thousands of citations.
fn ref_marks<'a>(text: &str, refs: &'a [(String, String)]) -> Vec<(usize, usize, &'a str)> {
    // Each text once, at its first citation (a repeated text overlaps its first everywhere).
    let mut first: HashSet<&str> = HashSet::new();
    let wanted: Vec<&'a (String, String)> = refs
        .iter()
        .filter(|(raw, _)| !raw.is_empty() && first.insert(raw.as_str()))
        .collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    // Built for each paragraph that has citations: an automaton without the DFA step, whose
    // construction costs more than a paragraph's scan.
    let searcher = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .build(wanted.iter().map(|(raw, _)| raw));
    let Ok(searcher) = searcher else {
        return Vec::new();
    };
    // Overlapping matches come by end, which for one text is by start: each text's own
    // occurrences, left to right, each after the end of the one taken before.
    let mut taken: Vec<Vec<(usize, usize)>> = vec![Vec::new(); wanted.len()];
    for m in searcher.find_overlapping_iter(text) {
        let own = &mut taken[m.pattern().as_usize()];
        if own.last().is_none_or(|&(_, end)| end <= m.start()) {
            own.push((m.start(), m.end()));
        }
    }
    // Marks by start; they never overlap, so only the last one starting before an end can.
    let mut marks: BTreeMap<usize, (usize, &'a str)> = BTreeMap::new();
    for (occurrences, (_, href)) in taken.into_iter().zip(&wanted) {
        for (s, e) in occurrences {
            let clear = marks
                .range(..e)
                .next_back()
                .is_none_or(|(_, &(end, _))| end <= s);
            if clear {
                marks.insert(s, (e, href.as_str()));
            }
        }
    }
    marks
        .into_iter()
        .map(|(s, (e, href))| (s, e, href))
        .collect()
}

struct Writer<'a> {
    out: String,
    refs: &'a BTreeMap<String, Vec<(String, String)>>,
}

impl Writer<'_> {
    /// `preamble`: its paragraphs, citations marked.
    fn preamble(&mut self, preamble: &[Node]) {
        if preamble.is_empty() {
            return;
        }
        self.out.push_str("    <preamble>\n");
        for n in preamble {
            let refs = self.refs.get(n.id()).map(Vec::as_slice).unwrap_or(&[]);
            let _ = writeln!(
                self.out,
                "      <p eId=\"{}\">{}</p>",
                xml(&eid(n.id())),
                text_with_refs(n.text(), refs)
            );
        }
        self.out.push_str("    </preamble>\n");
    }

    /// The body (`body` for acts, `mainBody` for other documents) and the appendices in it.
    fn body(&mut self, doc: &Document, body: &str) {
        let _ = writeln!(self.out, "    <{body}>");
        if doc.body.is_empty() && doc.appendices.is_empty() {
            self.out.push_str(
                "      <hcontainer eId=\"empty\" name=\"empty\"><content><p/></content></hcontainer>\n",
            );
        }
        for n in &doc.body {
            self.node(n, 3);
        }
        for a in &doc.appendices {
            let _ = writeln!(
                self.out,
                "      <hcontainer eId=\"{}\" name=\"appendix\">\n        <num>{}</num>",
                xml(&eid(&a.id)),
                xml(&a.heading)
            );
            if let Some(t) = &a.title {
                let _ = writeln!(self.out, "        <heading>{}</heading>", xml(t));
            }
            if a.children.is_empty() {
                self.out.push_str("        <content><p/></content>\n");
            }
            for n in &a.children {
                self.node(n, 4);
            }
            self.out.push_str("      </hcontainer>\n");
        }
        let _ = writeln!(self.out, "    </{body}>");
    }

    fn node(&mut self, n: &Node, depth: usize) {
        let pad = "  ".repeat(depth);
        let (el, name) = element(n.kind);
        let name_attr = name.map(|v| format!(" name=\"{v}\"")).unwrap_or_default();
        let _ = writeln!(
            self.out,
            "{pad}<{el} eId=\"{}\"{name_attr}>",
            xml(&eid(n.id()))
        );
        if let Some(m) = n.marker() {
            let _ = writeln!(self.out, "{pad}  <num>{}</num>", xml(m));
        }
        if let Some(h) = n.heading() {
            let _ = writeln!(self.out, "{pad}  <heading>{}</heading>", xml(h));
        }
        let own = if n.kind == NodeKind::Row && !n.cells.is_empty() {
            n.cells.join(" | ")
        } else if n.heading().is_some() {
            // The heading is the node's text when it has one.
            n.text()
                .strip_prefix(n.heading().unwrap_or(""))
                .unwrap_or("")
                .trim()
                .to_owned()
        } else {
            n.text().to_string()
        };
        let refs = self.refs.get(n.id()).map(Vec::as_slice).unwrap_or(&[]);
        let p = format!("<p>{}</p>", text_with_refs(&own, refs));
        if n.children.is_empty() {
            let _ = writeln!(self.out, "{pad}  <content>{p}</content>");
        } else {
            if !own.is_empty() {
                let _ = writeln!(self.out, "{pad}  <intro>{p}</intro>");
            }
            for c in &n.children {
                self.node(c, depth + 1);
            }
        }
        let _ = writeln!(self.out, "{pad}</{el}>");
    }
}

/// Citations by node (text and target URI), and the cited documents (URI → how to show them).
type Cited = (
    BTreeMap<String, Vec<(String, String)>>,
    BTreeMap<String, String>,
);

fn citations(x: &Extraction) -> Cited {
    let mut refs: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut cited: BTreeMap<String, String> = BTreeMap::new();
    for c in &x.citations {
        let Some(t) = &c.target_id else { continue };
        let href = akn_uri(t);
        if let Some(node) = &c.node {
            refs.entry(node.to_string())
                .or_default()
                .push((c.raw.to_string(), href.clone()));
        }
        let show = c
            .number
            .as_ref()
            .map(|n| n.normalized.to_string())
            .or_else(|| c.name.as_deref().map(str::to_owned))
            .unwrap_or_else(|| c.raw.to_string());
        cited.entry(href).or_insert(show);
    }
    (refs, cited)
}

/// The document as Akoma Ntoso 3.0 XML.
pub fn akn(parsed: &Parsed, x: &Extraction) -> String {
    let doc = &parsed.document;
    let h = &doc.header;
    let act = is_act(h.kind);
    let root = if act { "act" } else { "doc" };
    let body = if act { "body" } else { "mainBody" };
    let (refs, cited) = citations(x);
    let mut w = Writer {
        out: String::new(),
        refs: &refs,
    };
    w.out
        .push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    w.out
        .push_str("<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n");
    let _ = writeln!(w.out, "  <{root} name=\"{}\">", h.kind.as_str());
    meta(&mut w.out, h, x, &cited);
    preface(&mut w.out, h);
    w.preamble(&doc.preamble);
    w.body(doc, body);
    conclusions(&mut w.out, &doc.closing);
    let _ = writeln!(w.out, "  </{root}>\n</akomaNtoso>");
    w.out
}

/// `meta`: FRBR identification (the URN:LEX id as an alias) and the references (the cited
/// documents as `activeRef`s, the issuer).
fn meta(o: &mut String, h: &Header, x: &Extraction, cited: &BTreeMap<String, String>) {
    let uri = akn_uri(&x.id);
    let date = h
        .date
        .clone()
        .or_else(|| {
            x.number
                .as_ref()
                .and_then(|n| n.year)
                .map(|y| format!("{y}-01-01"))
        })
        .unwrap_or_else(|| "1900-01-01".to_owned());
    let author = slug(h.issuer.name.as_deref().unwrap_or("unknown"));
    o.push_str("    <meta>\n      <identification source=\"#vanban\">\n");
    let _ = writeln!(
        o,
        "        <FRBRWork>\n          <FRBRthis value=\"{uri}/!main\"/>\n          <FRBRuri value=\"{uri}\"/>\n          <FRBRalias value=\"{}\" name=\"urn-lex\"/>\n          <FRBRdate date=\"{date}\" name=\"signature\"/>\n          <FRBRauthor href=\"#{author}\"/>\n          <FRBRcountry value=\"vn\"/>{}\n        </FRBRWork>",
        xml(&x.id),
        h.number
            .as_ref()
            .map(|n| format!("\n          <FRBRnumber value=\"{}\"/>", xml(&n.normalized)))
            .unwrap_or_default()
    );
    let _ = writeln!(
        o,
        "        <FRBRExpression>\n          <FRBRthis value=\"{uri}/vie@/!main\"/>\n          <FRBRuri value=\"{uri}/vie@\"/>\n          <FRBRdate date=\"{date}\" name=\"signature\"/>\n          <FRBRauthor href=\"#{author}\"/>\n          <FRBRlanguage language=\"vie\"/>\n        </FRBRExpression>"
    );
    let _ = writeln!(
        o,
        "        <FRBRManifestation>\n          <FRBRthis value=\"{uri}/vie@/!main.xml\"/>\n          <FRBRuri value=\"{uri}/vie@.akn\"/>\n          <FRBRdate date=\"{date}\" name=\"conversion\"/>\n          <FRBRauthor href=\"#vanban\"/>\n        </FRBRManifestation>"
    );
    o.push_str("      </identification>\n");
    references(o, h, x, cited, &author);
    o.push_str("    </meta>\n");
}

/// `references`: an `activeRef` per cited document, named after the relation this document
/// asserts to it ("implements_1", "based_on_2", "cites_3"), and the organisations.
fn references(
    o: &mut String,
    h: &Header,
    x: &Extraction,
    cited: &BTreeMap<String, String>,
    author: &str,
) {
    o.push_str("      <references source=\"#vanban\">\n");
    let mut relation_of: BTreeMap<String, &str> = BTreeMap::new();
    for r in x.relations.iter().filter(|r| *r.from == *x.id) {
        relation_of.entry(akn_uri(&r.to)).or_insert(r.kind.as_str());
    }
    for (i, (href, show)) in cited.iter().enumerate() {
        let _ = writeln!(
            o,
            "        <activeRef eId=\"{}_{}\" href=\"{}\" showAs=\"{}\"/>",
            relation_of.get(href).copied().unwrap_or("mentions"),
            i + 1,
            xml(href),
            xml(show)
        );
    }
    let _ = writeln!(
        o,
        "        <TLCOrganization eId=\"{author}\" href=\"/akn/ontology/organizations/vn/{author}\" showAs=\"{}\"/>",
        xml(h.issuer.name.as_deref().unwrap_or("unknown"))
    );
    o.push_str(
        "        <TLCOrganization eId=\"vanban\" href=\"/akn/ontology/organizations/vanban\" showAs=\"vanban\"/>\n",
    );
    o.push_str("      </references>\n");
}

/// `preface`: the header.
fn preface(o: &mut String, h: &Header) {
    o.push_str("    <preface>\n");
    for line in &h.issuer.raw {
        let _ = writeln!(o, "      <p class=\"issuer\">{}</p>", xml(line));
    }
    if let Some(m) = &h.motto {
        for line in &m.lines {
            let _ = writeln!(o, "      <p class=\"motto\">{}</p>", xml(line));
        }
    }
    if let Some(n) = &h.number {
        let _ = writeln!(
            o,
            "      <p class=\"number\"><docNumber>{}</docNumber></p>",
            xml(&n.raw)
        );
    }
    if let (Some(d), Some(place)) = (&h.date, &h.place) {
        let _ = writeln!(
            o,
            "      <p class=\"placeDate\"><location refersTo=\"#place\">{}</location>, <docDate date=\"{d}\">{d}</docDate></p>",
            xml(place)
        );
    } else if let Some(d) = &h.date {
        let _ = writeln!(
            o,
            "      <p class=\"placeDate\"><docDate date=\"{d}\">{d}</docDate></p>"
        );
    }
    if let Some(k) = &h.kind_raw {
        let _ = writeln!(
            o,
            "      <p class=\"type\"><docType>{}</docType></p>",
            xml(k)
        );
    }
    if let Some(t) = h.title.as_ref().or(h.subject.as_ref()) {
        let _ = writeln!(
            o,
            "      <p class=\"title\"><docTitle>{}</docTitle></p>",
            xml(t)
        );
    }
    if h.issuer.raw.is_empty() && h.number.is_none() && h.title.is_none() {
        o.push_str("      <p/>\n");
    }
    o.push_str("    </preface>\n");
}

/// `conclusions`: signature, recipients, archive.
fn conclusions(o: &mut String, c: &Closing) {
    let mut lines: Vec<(String, &str)> = Vec::new();
    if let Some(s) = &c.signature {
        for a in &s.authority {
            lines.push((format!("{} {}", a.prefix, a.of), "authority"));
        }
        if let Some(t) = &s.title {
            lines.push((t.clone(), "signerTitle"));
        }
        if let Some(h) = &s.honorific {
            lines.push((h.clone(), "signerHonorific"));
        }
        if let Some(n) = &s.name {
            lines.push((n.clone(), "signerName"));
        }
    }
    for r in &c.recipients {
        let text = match &r.purpose {
            Some(p) => format!("{} ({p})", r.name),
            None => r.name.clone(),
        };
        lines.push((text, "recipient"));
    }
    if let Some(a) = &c.archive {
        lines.push((a.raw.clone(), "archive"));
    }
    if !lines.is_empty() {
        o.push_str("    <conclusions>\n");
        for (t, class) in lines {
            let _ = writeln!(o, "      <p class=\"{class}\">{}</p>", xml(&t));
        }
        o.push_str("    </conclusions>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris() {
        assert_eq!(
            akn_uri("urn:lex:vn:chinh-phu:decree:2020;30-2020-nd-cp"),
            "/akn/vn/act/decree/chinh-phu/2020/30-2020-nd-cp"
        );
        assert_eq!(
            akn_uri("urn:lex:vn:ubnd.tuyen-quang:plan:2024;208-kh-ubnd"),
            "/akn/vn/doc/plan/ubnd-tuyen-quang/2024/208-kh-ubnd"
        );
        assert_eq!(eid("sec_II__item_4__point_đ"), "sec_II__item_4__point_đ");
        assert_eq!(eid("a b/c"), "a-b-c");
    }

    #[test]
    fn refs_are_marked_in_text() {
        let t = text_with_refs(
            "Căn cứ Nghị định số 30/2020/NĐ-CP & Luật",
            &[(
                "Nghị định số 30/2020/NĐ-CP".to_owned(),
                "/akn/vn/x".to_owned(),
            )],
        );
        assert_eq!(
            t,
            "Căn cứ <ref href=\"/akn/vn/x\">Nghị định số 30/2020/NĐ-CP</ref> &amp; Luật"
        );
    }

    /// The marks as they were first made: each citation's text searched again from the start,
    /// each find checked against every mark (cubic on a long list, exact by construction).
    fn marks_by_search<'a>(
        text: &str,
        refs: &'a [(String, String)],
    ) -> Vec<(usize, usize, &'a str)> {
        let mut marks: Vec<(usize, usize, &str)> = Vec::new();
        for (raw, href) in refs {
            if raw.is_empty() {
                continue;
            }
            let mut from = 0;
            while let Some(p) = text.sub(from..).find(raw.as_str()) {
                let (s, e) = (from + p, from + p + raw.len());
                if !marks.iter().any(|&(a, b, _)| s < b && a < e) {
                    marks.push((s, e, href));
                }
                from = e;
            }
        }
        marks.sort();
        marks
    }

    /// Texts and citations of a few overlapping pieces ("ư" for a multi-byte letter), with
    /// repeated and self-overlapping citation texts: the one-pass marks are the searched ones.
    #[test]
    fn one_scan_marks_what_searching_each_citation_marked() {
        const PIECES: [&str; 5] = ["a", "b", "ab", "aa", "ư"];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..3_000 {
            let text: String = (0..next(30)).map(|_| PIECES[next(5)]).collect();
            let refs: Vec<(String, String)> = (0..next(6))
                .map(|k| {
                    let raw: String = (0..next(4)).map(|_| PIECES[next(5)]).collect();
                    (raw, format!("/r{}", k % 3))
                })
                .collect();
            assert_eq!(
                ref_marks(&text, &refs),
                marks_by_search(&text, &refs),
                "{text:?} {refs:?}"
            );
        }
    }

    /// A paragraph listing thousands of citations is marked in one pass (it took seconds at
    /// 2 000 and grew with the cube).
    #[test]
    fn a_long_list_of_citations_is_marked_once_each() {
        let raw = "Nghị định số 1/2020/NĐ-CP";
        let text = format!("{raw}, ").repeat(20_000);
        let refs = vec![(raw.to_owned(), "/akn/vn/x".to_owned()); 20_000];
        assert_eq!(ref_marks(&text, &refs).len(), 20_000);
    }
}
