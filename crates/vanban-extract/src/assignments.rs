//! Assignments: who leads ("chủ trì"), who cooperates ("phối hợp với"), who is responsible
//! ("X: …", "Giao X …", the subject of the task) and by when, for each task node — points,
//! items, bullets and task-table rows (STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp |
//! Thời gian).

use vanban_model::{Assignment, Deadline, Document, Node, NodeKind, Str};
use vanban_text::{loose, squash_spaces, Sub};

use crate::agencies::{fold, AgencyRegistry};
use crate::deadlines::deadline;

mod fields;
mod owners;
mod partners;
use crate::lists::{
    ASSIGNING_WORDS, NOT_ASSIGNING, PARTY_HEADS, SCOPE_HEADINGS, TASK_COLUMNS, TASK_OPENERS,
};

/// Lead, cooperating and responsible agencies of a task text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Parties {
    pub lead: Vec<String>,
    pub cooperating: Vec<String>,
    pub responsible: Vec<String>,
}

/// Read the parties of a task sentence (its readers share one fold of it).
pub(crate) fn parties(registry: &AgencyRegistry, text: &str) -> Parties {
    crate::agencies::shared::sharing(text, || read_parties(registry, text))
}

fn read_parties(registry: &AgencyRegistry, text: &str) -> Parties {
    let mut p = Parties::default();
    let t = strip_enumerator(text.trim_start_matches(['-', '+', ' ']));
    if let Some(after) = after_opening(registry, t) {
        return parties(registry, after);
    }
    if let Some(members) = members_in_brackets(registry, t) {
        p.responsible = members;
        return p;
    }
    // "Giao X chủ trì …", "Đề nghị X …", "Yêu cầu X …".
    let given = ASSIGNING_WORDS.iter().find_map(|w| t.strip_prefix(w));
    let t = given.unwrap_or(t);
    let (subject, used) = subject_of(registry, given, t);
    let rest = t.sub(used..).trim_start_matches([' ', ',']);
    // ("Sở Nội vụ: chủ trì tổng hợp …": a lead after a colon; not "X: Là …", a description.)
    let rest = match rest.strip_prefix(':').map(str::trim_start) {
        Some(r) if opens_with(r, "chủ trì", "chu tri") => r,
        _ => rest,
    };
    // (Only the start of a long task text can hold these words: the words of
    // data/not-assigning.tsv and data/assigning-words.tsv are under 100 bytes.)
    let rest_fold = fold(vanban_text::window(rest, 0, 160));
    if !subject.is_empty() && (defines_abbreviation(rest) || abbreviation_line(t)) {
        return Parties::default();
    }
    if !subject.is_empty() {
        if let Some(decided) = decided_after_subject(registry, rest, &rest_fold) {
            return decided;
        }
    }
    let leads = (!subject.is_empty())
        .then(|| cue_len(rest, &rest_fold, "chủ trì", "chu tri").or_else(|| leads_later(rest)))
        .flatten();
    if let Some(cue) = leads {
        p.lead = subject;
        let after = rest.sub(cue..).trim_start_matches([' ', ',']);
        p.cooperating = cooperating_in(registry, after);
        // "Bộ Tài chính chủ trì cùng Bộ Xây dựng và các bộ, ngành liên quan rà soát …".
        if let Some(with) = ["cùng với ", "cùng "]
            .iter()
            .find_map(|w| after.strip_prefix(w))
        {
            push_new(&mut p.cooperating, registry.read_list(with).0);
        }
    } else if !subject.is_empty() {
        p.responsible = subject;
        p.cooperating = cooperating_in(registry, rest);
    } else if let Some(partners) = partner_first(t)
        .map(|first| partners_leading(registry, first))
        .filter(|partners| partners.is_some() || opens_with(t, "phối hợp với", "phoi hop voi"))
    {
        // "Phối hợp với chính quyền địa phương rà soát …" under an item that names the agency
        // ("1. Sở Công Thương"): the partner leads, the agency above cooperates.
        // ("Phối hợp chặt chẽ với …" asks for close work, it hands no lead; "Phối hợp với"
        // and no partner to lead: nobody is read.)
        if let Some(partners) = partners {
            p.lead = partners;
            p.cooperating = vec![String::new()];
        }
    } else {
        // "Chủ trì, phối hợp với …", "Tiếp tục phát huy vai trò cơ quan thường trực chủ trì,
        // phối hợp với …", "chủ động, phối hợp Bộ Nội vụ tham mưu …" under an item that names
        // the agency ("2. Bộ Xây dựng:"): the agency above leads, the partners cooperate.
        p.cooperating = cooperating_in(registry, t);
        let cooperates = opens_with(t, "phối hợp", "phoi hop");
        if opens_with(t, "chủ trì", "chu tri") || !p.cooperating.is_empty() && !cooperates {
            p.lead = vec![String::new()];
        } else if !p.cooperating.is_empty() {
            // "Phối hợp chặt chẽ với các cơ quan chủ trì …" (not "Phối hợp với X", whose
            // partner leads, above): the agency above is asked to cooperate, and leads nothing.
            p.responsible = vec![String::new()];
        } else if let Some(next) = subject_after_first_clause(registry, t) {
            // "Thực hiện sự lãnh đạo, chỉ đạo toàn diện của Đảng; các cấp ủy, tổ chức đảng,
            // các cấp chính quyền quán triệt …": the subject of the clause after the first.
            return parties(registry, next);
        }
    }
    p
}

/// The task text from its "phối hợp" when the text asks the agency above to work with a
/// partner who then leads: "Phối hợp với Sở Y tế …", "Tiếp tục phối hợp với Trung tâm …",
/// "Chủ động phối hợp với các cơ quan chức năng …" ("Chủ động phối hợp chặt chẽ với …" asks
/// for close work and hands no lead; "chủ động, phối hợp …" names the agency's own work),
/// and "Phối hợp Công an tỉnh tham mưu …", where "với" is left out and the partner's name
/// follows at once (a capital, or "các"/"UBND" …: what the partner reader reads; "Phối hợp,
/// tạo điều kiện …" and "Phối hợp tổ chức …" name no partner).
fn partner_first(t: &str) -> Option<&str> {
    let t = ["Tiếp tục ", "tiếp tục ", "Chủ động ", "chủ động "]
        .iter()
        .find_map(|w| t.strip_prefix(w))
        .unwrap_or(t);
    let opens = opens_with(t, "phối hợp với", "phoi hop voi") || {
        let after = ["Phối hợp ", "phối hợp "]
            .iter()
            .find_map(|w| t.strip_prefix(w));
        after.is_some_and(|after| {
            after.starts_with(char::is_uppercase)
                || ["các ", "cơ quan "].iter().any(|w| after.starts_with(w))
        })
    };
    // ("Phối hợp Sở Công Thương, Sở Tài chính; chủ trì điều tra …": the clause after leads.
    // Looked for only in a text that opens so: most do not.)
    let leads_later = || {
        let later = t.find(['.', ';']).map_or("", |k| t.sub(k..));
        opens_with(
            later.trim_start_matches(['.', ';', ' ']),
            "chủ trì",
            "chu tri",
        ) || later.contains(" chủ trì")
    };
    (opens && !leads_later()).then_some(t)
}

/// The partners who lead a task the agency above is asked to work on with them ([`partner_first`]),
/// if any is read. (A head word alone, "Quỹ" of "Quỹ nhà ở địa phương", "Công an" of "Công an,
/// lực lượng Hải quan", is no partner to lead.)
fn partners_leading(registry: &AgencyRegistry, t: &str) -> Option<Vec<String>> {
    let mut partners = cooperating_after(registry, t);
    partners.retain(|n| !registry.is_bare_head(n));
    (!partners.is_empty()).then_some(partners)
}

/// The bodies a heading names in brackets after what they are: "Các cơ quan đăng ký đầu tư
/// (Sở Tài chính, Ban quản lý Khu kinh tế, Ban Quản lý các Khu công nghiệp tỉnh):" over the
/// points that are their work, and the agencies after the brackets ("… và các cơ quan có liên
/// quan:"). The heading is a short label (ten words at most, a capital first, no stop) and
/// the brackets hold agencies and nothing else.
fn members_in_brackets(registry: &AgencyRegistry, t: &str) -> Option<Vec<String>> {
    let t = t.trim_end_matches([' ', ':', '.', '*']);
    // ("… (Sở Tài chính, …) và các cơ quan có liên quan:": agencies after the brackets too,
    // a few words; looked for near the end only, as most task texts have no brackets.)
    let near = vanban_text::floor(t, t.len().saturating_sub(120));
    let after_brackets = t.sub(near..).rfind(") và ").map(|k| near + k);
    let (t, more) = match after_brackets {
        Some(k) if !t.ends_with(')') => {
            let tail = t.sub(k + ") và ".len()..);
            let (names, used) = registry.read_list(tail);
            let whole = tail.sub(used..).chars().all(|c| !c.is_alphanumeric());
            if !whole || names.is_empty() {
                return None;
            }
            (t.sub(..=k), names)
        }
        _ => (t, Vec::new()),
    };
    let inner = t.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let (label, list) = (inner.sub(..open).trim_end(), inner.sub(open + 1..));
    let short = (1..=10).contains(&label.split_whitespace().count())
        && label.starts_with(char::is_uppercase)
        && !label.contains(['.', ';', ':', '(', ')']);
    if !short {
        return None;
    }
    let (mut names, used) = registry.read_list(list);
    let whole = list.sub(used..).chars().all(|c| !c.is_alphanumeric());
    if !whole || names.is_empty() || names.iter().any(|n| registry.is_bare_head(n)) {
        return None;
    }
    names.extend(more);
    Some(names)
}

/// Whether the text after a name is its abbreviation, as a line of a table of them gives it
/// ("Đảng uỷ công an: ĐUCA", "Ban chỉ đạo: BCĐ Tiểu ban: TB"): a colon, a word in capitals of
/// two to ten letters, and four words at most after it.
fn defines_abbreviation(rest: &str) -> bool {
    rest.strip_prefix(':').is_some_and(is_abbreviation)
}

/// Whether the text after a name's colon is its abbreviation: a word in capitals of two to
/// ten letters, and four words at most after it.
fn is_abbreviation(after: &str) -> bool {
    let mut words = after.split_whitespace();
    let first = words.next().unwrap_or("").trim_end_matches([',', ';', '.']);
    let letters = first.chars().filter(|c| c.is_alphabetic()).count();
    (2..=10).contains(&letters)
        && first.chars().all(|c| c.is_uppercase() || c == '-')
        && words.count() <= 4
}

/// Whether a text is a line of a table of abbreviations as a whole: a name, a colon and its
/// abbreviation at the end ("Các cơ quan tham mưu, giúp việc Ủy ban Kiểm tra Trung ương:
/// UBKTTW", whose subject reads shorter than the name).
fn abbreviation_line(t: &str) -> bool {
    t.rsplit_once(": ")
        .is_some_and(|(name, abbr)| !name.contains(['.', ':']) && is_abbreviation(abbr))
}

/// Where the "chủ trì" of a subject's own clause ends when it does not follow the subject
/// at once: after a comma ("Sở Văn hóa, Thể thao và Du lịch quản lý về công tác thông tin,
/// chủ trì phối hợp với …", "Sở Tài chính, trên cơ sở đề xuất của các cơ quan, đơn vị, chủ
/// trì tổng hợp …", "… là cơ quan thường trực, chủ trì theo dõi …") or after "là cơ quan"
/// ("Sở Công Thương là cơ quan chủ trì, có trách nhiệm …"). Not after a "phối hợp" (the
/// partner's clause) nor past the clause's end.
fn leads_later(rest: &str) -> Option<usize> {
    let window = vanban_text::window(rest, 0, 300);
    let clause = window.split([';', '.']).next().unwrap_or("");
    let at = clause
        .match_indices("chủ trì")
        .map(|(i, _)| i)
        .find(|&i| vanban_text::whole_word(clause, i, i + "chủ trì".len()))?;
    let before = clause.sub(..at).trim_end();
    let placed = before.ends_with(',') || before.ends_with("là cơ quan");
    (placed && !before.contains("phối hợp") && !before.contains("Phối hợp"))
        .then_some(at + "chủ trì".len())
}

/// The whole name of a task's one subject when the name read stops short of its "chủ trì":
/// the words between are the rest of the name ("Cục Phát triển doanh nghiệp tư nhân" | "và
/// kinh tế tập thể chủ trì", "Bệnh viện Quân y" | "175 chủ trì", "Ban Dân" | "chủ - Pháp luật
/// và Công tác xã hội chủ trì"; found at stop 60 in documents written for the test, the lead
/// was lost). Only a few words, in no punctuation but a hyphen, none a predicate or a word
/// that ends names but "và", and no second agency after "và". The name (as the registry
/// names it) and where it ends in `t`.
fn name_to_lead_cue(registry: &AgencyRegistry, t: &str, used: usize) -> Option<(String, usize)> {
    const MOST_WORDS: usize = 10;
    if used == 0 {
        return None;
    }
    let window = vanban_text::window(t, used, 120);
    let at = window
        .match_indices("chủ trì")
        .map(|(i, _)| i)
        .find(|&i| vanban_text::whole_word(window, i, i + "chủ trì".len()))?;
    let gap = window.sub(..at).trim();
    let words: Vec<(usize, &str)> = crate::agencies::word_spans(gap).collect();
    let plain = |w: &str| w.chars().all(|c| c.is_alphanumeric() || c == '-');
    let fits = !gap.is_empty()
        && words.len() <= MOST_WORDS
        && words.iter().all(|&(_, w)| plain(w))
        && (0..words.len())
            .all(|k| words[k].1 == "và" || !crate::agencies::name_ends_near(&words, k))
        && !words.iter().enumerate().any(|(k, &(i, w))| {
            w == "và"
                && words.get(k + 1).is_some()
                && !registry.read_list(gap.sub(i + 4..)).0.is_empty()
        });
    let end = used + window.sub(..at).trim_end().len();
    fits.then(|| (registry.canonical(t.sub(..end).trim()), end))
}

/// What a task text whose subject is read decides before its lead is looked for (`rest`,
/// after the subject; `rest_fold`, the fold of its start): no task at all for an approval, a
/// report or a description; the parties of the task "X đề nghị Y …" gives Y.
fn decided_after_subject(
    registry: &AgencyRegistry,
    rest: &str,
    rest_fold: &str,
) -> Option<Parties> {
    // A power or a leave ("Người đứng đầu cơ quan, tổ chức có thẩm quyền ký …", "… có thể giao
    // …") is no task, unless its sentence also charges ("có thẩm quyền cấp phép, có trách
    // nhiệm kiểm tra …", "có thể huy động …; chủ trì thẩm định …").
    const POWERS: &[&str] = &["có thẩm quyền", "có thể"];
    const DUTIES: &[&str] = &["trách nhiệm", "chủ trì", "phải"];
    if starts_with_words(rest_fold, POWERS) {
        let clause = fold(vanban_text::window(rest, 0, 400));
        let sentence = clause.split(". ").next().unwrap_or("");
        if !DUTIES.iter().any(|d| sentence.contains(d)) {
            return Some(Parties::default());
        }
    }
    // An approval, a report or a description is no task; "X đề nghị Y …" gives the task to Y.
    // ("Sở Khoa học và Công nghệ là cơ quan thường trực, chủ trì theo dõi …" is a task.)
    if starts_with_words(rest_fold, &NOT_ASSIGNING) {
        let clause = fold(vanban_text::window(rest, 0, 400));
        if !clause
            .split(['.', ';'])
            .next()
            .unwrap_or("")
            .contains("chủ trì")
        {
            return Some(Parties::default());
        }
    }
    static FOLDED: std::sync::LazyLock<Vec<String>> =
        std::sync::LazyLock::new(|| ASSIGNING_WORDS.iter().map(|w| fold(w)).collect());
    // ("Chính phủ trân trọng đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam … chủ động
    // …": a courteous request is a request.)
    let courteous = ["trân trọng ", "Trân trọng "]
        .iter()
        .find(|w| rest.starts_with(**w))
        .map_or(0, |w| w.len());
    let (rest, rest_fold) = (rest.sub(courteous..), rest_fold.sub(courteous..));
    let assigning = FOLDED.iter().find(|w| rest_fold.starts_with(w.as_str()));
    if let Some(w) = assigning.filter(|w| w.len() <= rest.len()) {
        let given = parties(registry, rest.sub(w.len()..));
        if given != Parties::default() {
            return Some(given);
        }
    }
    None
}

/// The length in bytes of a cue at the start of `text`: its exact words (`exact`, as `folded`,
/// the fold of the text's start, holds them) or, when they miss, the same words with the marks a
/// scan lost set aside (`letters`, as `vanban_text::loose::unmarked` gives them: "Chu tri,
/// phoi hop với …"); `None` when neither starts it.
fn cue_len(text: &str, folded: &str, exact: &str, letters: &str) -> Option<usize> {
    if folded.starts_with(exact) {
        return Some(exact.len());
    }
    vanban_text::loose::starts_with_unmarked(text, letters)
        .then(|| words_len(text, letters.split(' ').count()))
}

/// Whether a cue ([`cue_len`]) opens `t`.
fn opens_with(t: &str, exact: &str, letters: &str) -> bool {
    cue_len(t, &fold(vanban_text::window(t, 0, 40)), exact, letters).is_some()
}

/// The bytes of the first `n` words of `text` (with the white space before them and the
/// punctuation they hold).
fn words_len(text: &str, n: usize) -> usize {
    let mut used = 0;
    for _ in 0..n {
        let rest = text.sub(used..);
        let word = rest.trim_start();
        let len = word.find(char::is_whitespace).unwrap_or(word.len());
        used += rest.len() - word.len() + len;
    }
    used
}

/// Where each "phối hợp" of `s` whose marks a scan lost starts ("phoi hop", "phôi hơp"): a word
/// of the letters "phoi" (its first two bytes "ph" or "Ph") and then one of "hop". Read only
/// where the exact words are nowhere in the text.
fn unmarked_cooperations(s: &str) -> impl Iterator<Item = usize> + '_ {
    let b = s.as_bytes();
    memchr::memchr2_iter(b'p', b'P', b).filter(move |&i| {
        let starts_word = i == 0 || b.get(i - 1).is_some_and(|c| c.is_ascii_whitespace());
        if !starts_word || b.get(i + 1) != Some(&b'h') {
            return false;
        }
        // (By bytes first: a word of four to seven bytes, one space, a word that opens with
        // "h"; most words that open with "ph" are turned away here.)
        let rest = s.sub(i..);
        let first_len = rest.find(' ').unwrap_or(rest.len());
        let second = rest.sub(first_len + 1..);
        (4..=7).contains(&first_len)
            && second.starts_with('h')
            && loose::same_letters(rest.sub(..first_len), "phoi")
            && second
                .split_whitespace()
                .next()
                .is_some_and(|w| loose::same_letters(w, "hop"))
    })
}

/// The subject at the start of a task text (`t`, after an assigning word when `given`): the
/// agencies and the bytes they take. "Giao phòng Quản lý Công nghiệp triển khai …": a unit
/// named after "Giao"; else a list of agencies, or a group described ([`described_subject`]).
fn subject_of(registry: &AgencyRegistry, given: Option<&str>, t: &str) -> (Vec<String>, usize) {
    let (subject, used) = subject_read(registry, given, t);
    name_to_lead_cue(registry, t, used)
        .filter(|_| subject.len() == 1)
        .map_or((subject, used), |(name, at)| (vec![name], at))
}

/// [`subject_of`] as the name reader reads it, before it runs to a lead cue.
fn subject_read(registry: &AgencyRegistry, given: Option<&str>, t: &str) -> (Vec<String>, usize) {
    if let Some((name, used)) = given.and_then(|g| registry.read_assigned(g)) {
        return (vec![name], used);
    }
    // (A group described is looked for first: its first words may read as a group of
    // bodies, "các cơ quan" of "Các cơ quan được phân công chủ trì …".)
    match described_subject(t) {
        Some(len) => (vec![t.sub(..len).to_owned()], len),
        None => match registry.read_list(t) {
            (names, _) if names.is_empty() => {
                charged_party(t).map_or((names, 0), |len| (vec![t.sub(..len).to_owned()], len))
            }
            found => found,
        },
    }
}

/// A party the registry does not hold, named by its kind (`data/party-heads.tsv`) at the start
/// of a sentence that charges it: "Cơ quan đăng ký đầu tư có trách nhiệm lấy ý kiến …",
/// "Doanh nghiệp, tổ chức, cơ sở giáo dục tự chủ tài chính có trách nhiệm bố trí …". The
/// charge ("có trách nhiệm", "chịu trách nhiệm") comes within 16 words, with no mark but
/// commas before it: the byte length of the party.
fn charged_party(t: &str) -> Option<usize> {
    // (Most task texts charge nobody so: the words are looked for before folding.)
    let window = vanban_text::window(t, 0, 200);
    static CHARGE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("trách nhiệm"));
    CHARGE.find(window.as_bytes())?;
    let head = fold(window);
    if !PARTY_HEADS.iter().any(|h| starts_with_words(&head, &[h])) && !holder_named(&head) {
        return None;
    }
    let at = charge_at(&head)?;
    let party = head.sub(..at);
    // ("Tổ chức, cá nhân phải chịu trách nhiệm đối với những hành vi vi phạm …", "… chịu trách
    // nhiệm trước pháp luật": to answer for, no task.)
    let charge = head.sub(at..).split(' ').nth(4).unwrap_or("");
    if party.ends_with(" phải") || ["trước", "về", "đối", "với", "hữu"].contains(&charge)
    {
        return None;
    }
    // A party is named, not qualified by a condition, a time or a denial ("Doanh nghiệp nào
    // vi phạm … thì có trách nhiệm bồi thường", "… sau khi được cấp giấy phép …", "Doanh
    // nghiệp không có trách nhiệm …"); and one answering for a fault is punished, not
    // charged ("Tổ chức, cá nhân có trách nhiệm … do thiếu trách nhiệm … sẽ bị xử lý").
    let qualified = party
        .split(' ')
        .any(|w| ["không", "nào", "thì", "khi"].contains(&w))
        || party.contains(" được quyền");
    // (The sentence is read to its stop, within 500 bytes.)
    let sentence = vanban_text::window(t, 0, 500);
    let sentence = sentence.find(". ").map_or(sentence, |k| sentence.sub(..k));
    let punished = ["bị xử lý", "xử lý kỷ luật", "bị xử phạt"]
        .iter()
        .any(|w| sentence.contains(w));
    if qualified || punished {
        return None;
    }
    // ("Cơ quan, tổ chức, trong phạm vi nhiệm vụ, quyền hạn của mình, có trách nhiệm …": a
    // scope between the party and its charge.)
    let scoped = [", trong ", ", theo ", ", căn cứ "]
        .iter()
        .any(|w| party.contains(w));
    (party.split(' ').count() <= 16 && !party.contains([';', '.', ':', '(']) && !scoped)
        .then_some(at)
        .filter(|&at| t.is_char_boundary(at))
}

/// Where folded `head` first charges someone ("có trách nhiệm", "chịu trách nhiệm").
fn charge_at(head: &str) -> Option<usize> {
    [" có trách nhiệm ", " chịu trách nhiệm "]
        .iter()
        .filter_map(|w| head.find(w))
        .min()
}

/// Words that name a holder of duties by its office, not as an agency: "cơ quan quản lý trực
/// tiếp", "văn thư cơ quan", "cán bộ chuyên trách công nghệ thông tin", "thủ trưởng, cán bộ,
/// công chức … được cấp Chứng thư chữ ký số". They name a party only as the holder of an
/// article's duties ([`heading_owner`]) or the subject a sentence charges ([`charged_party`]),
/// not in a list of partners ("phối hợp với cơ quan có liên quan" is no party "cơ quan").
const HOLDER_WORDS: [&str; 4] = ["cơ quan", "văn thư", "cán bộ", "thủ trưởng"];

/// Whether folded `text` opens with a holder ([`HOLDER_WORDS`]) that a word in small letters
/// describes ("cơ quan quản lý trực tiếp"; not "cơ quan, tổ chức, cá nhân", whoever a law
/// governs, nor "cơ quan thực hiện", a label).
fn holder_named(text: &str) -> bool {
    HOLDER_WORDS.iter().any(|w| {
        let Some(rest) = text.strip_prefix(w) else {
            return false;
        };
        // ("thủ trưởng, cán bộ, công chức, viên chức được cấp …": offices listed.)
        if let Some(next) = rest.strip_prefix(", ") {
            return OFFICES_LISTED.iter().any(|o| next.starts_with(o));
        }
        rest.strip_prefix(' ').is_some_and(|r| {
            r.starts_with(char::is_alphabetic)
                && !["thực hiện", "chủ trì"].iter().any(|l| r.starts_with(l))
        })
    })
}

/// Offices that may follow a holder's word in a list of them ([`holder_named`]).
const OFFICES_LISTED: [&str; 4] = ["cán bộ", "công chức", "viên chức", "nhân viên"];

/// A holder of duties a heading names ([`holder_named`]), as [`party_heading`] reads a party.
fn holder_heading(text: &str) -> Option<String> {
    let t = text.trim().trim_end_matches(':').trim_end();
    (t.split_whitespace().count() <= 21 && !t.contains(['.', ';']) && holder_named(&fold(t)))
        .then(|| t.to_owned())
}

/// A group described rather than named that a sentence makes responsible: "Các cơ quan được
/// phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này có trách nhiệm lập kế hoạch …".
/// The sentence opens with "các cơ quan" or "các đơn vị", describes them by what they were
/// given ("được giao", "được phân công") and reaches "có trách nhiệm" or "chịu trách nhiệm"
/// within 16 words, with no mark but commas before it: the byte length of the description.
fn described_subject(t: &str) -> Option<usize> {
    // Most task texts open otherwise: look before folding.
    if !(t.starts_with("Các ") || t.starts_with("các ")) {
        return None;
    }
    let head = fold(vanban_text::window(t, 0, 200));
    if !["các cơ quan ", "các cơ quan, ", "các đơn vị "]
        .iter()
        .any(|h| head.starts_with(h))
    {
        return None;
    }
    let at = charge_at(&head)?;
    let described = head.sub(..at);
    (described.contains(" được ")
        && described.split(' ').count() <= 16
        && !described.contains([';', '.', ':', '(']))
    .then_some(at)
}

/// The clause after a short first clause that names nobody, when it starts with agencies:
/// "Thực hiện sự lãnh đạo …; các cấp ủy, tổ chức đảng … quán triệt …".
/// The first clause opens with a capitalised word (a bullet sign a scan misread aside) and
/// is no label ("Trách nhiệm chỉ đạo thực hiện: …") nor a group ("Các cơ quan chuyên trách
/// …; các chi bộ …"); the next starts with "các …" or a capitalised name (not "lãnh đạo Thanh
/// tra tỉnh", "cơ quan, đơn vị, doanh nghiệp …" of a law's enumeration).
fn subject_after_first_clause<'t>(registry: &AgencyRegistry, t: &'t str) -> Option<&'t str> {
    // (Only the first 160 bytes are looked at for the "; ".)
    let head = t.as_bytes().get(..t.len().min(162)).unwrap_or_default();
    let semi = memchr::memmem::find(head, b"; ").filter(|&i| i <= 160)?;
    let first = t
        .sub(..semi)
        .trim_start_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '“' | '"' | '('));
    let opens = first.chars().next().is_some_and(char::is_uppercase)
        && !first.contains(':')
        && !fold(first).starts_with("các ");
    let next = t.sub(semi + 2..);
    let named = next.starts_with("các ") || next.chars().next().is_some_and(char::is_uppercase);
    let (names, _) = registry.read_list(next);
    (opens && named && !names.is_empty() && !names.iter().any(|n| registry.is_bare_head(n)))
        .then_some(next)
}

/// The partners of every "phối hợp (với) …" of a text, each once, in order ("chủ trì, phối hợp
/// với Văn phòng Chính phủ …; phối hợp với Đài Truyền hình Việt Nam …").
/// A "phối hợp" whose sentence names its own subject ("… Các tỉnh uỷ, thành uỷ phối hợp Bộ Y
/// tế …") is that subject's, and left out.
fn cooperating_in(registry: &AgencyRegistry, s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // "phối hợp" / "Phối hợp", found without folding the whole text (tone folding leaves
    // these letters alone).
    static COOPERATE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("hối hợp"));
    // Where the clause ("; ") and the sentence (". ") of the current "phối hợp" start, kept
    // up to date from one "phối hợp" to the next: each byte before them is looked at once.
    // (Searched back from each one to the text's start, a line of thousands of "chủ trì,
    // phối hợp với" took time as the square of its length.)
    let (mut clause, mut sentence, mut scanned) = (0, 0, 0);
    let exact = COOPERATE.find_iter(s.as_bytes()).filter_map(|k| {
        k.checked_sub(1)
            .filter(|&i| matches!(s.as_bytes().get(i), Some(b'p' | b'P')))
    });
    // (With the marks a scan lost set aside where the exact words are nowhere.)
    let mut found = exact.peekable();
    let starts: Box<dyn Iterator<Item = usize>> = match found.peek() {
        Some(_) => Box::new(found),
        None => Box::new(unmarked_cooperations(s)),
    };
    for i in starts {
        let since = s.sub(scanned..i);
        if let Some(j) = since.rfind("; ") {
            clause = scanned + j + 2;
        }
        if let Some(j) = since.rfind(". ") {
            sentence = scanned + j + 2;
        }
        scanned = i;
        if let Some(asked) = asked_to_cooperate(registry, s.sub(clause..i)) {
            push_new(&mut out, asked);
        } else if !has_own_subject(registry, s.sub(sentence..i)) {
            push_new(&mut out, cooperating_after(registry, s.sub(i..)));
        }
    }
    out
}

/// The agencies a clause asks to cooperate, when the clause up to a "phối hợp" (`clause`,
/// from the "; " before it) is a request and its agencies: "…; đề nghị Ủy ban Mặt trận Tổ
/// quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh phối hợp thực hiện".
fn asked_to_cooperate(registry: &AgencyRegistry, clause: &str) -> Option<Vec<String>> {
    let clause = clause.trim();
    let asked = ["đề nghị ", "Đề nghị ", "yêu cầu ", "Yêu cầu "]
        .iter()
        .find_map(|w| clause.strip_prefix(w))?;
    let (names, used) = registry.read_list(asked);
    (!names.is_empty() && asked.sub(used..).trim().is_empty()).then_some(names)
}

/// Add the names not in the list yet, in order.
fn push_new(list: &mut Vec<String>, names: Vec<String>) {
    for name in names {
        if !list.contains(&name) {
            list.push(name);
        }
    }
}

/// The subject after an opening ("Căn cứ nội dung Kế hoạch và tình hình thực tiễn, các sở,
/// ngành … có trách nhiệm …" → "các sở, ngành …"; `data/task-openers.tsv`): the text after
/// the first comma of the opening's sentence that agencies follow (capitalised, "các …", or
/// after an assigning word: "Căn cứ ý kiến chỉ đạo, yêu cầu các Sở, ngành …").
fn after_opening<'t>(registry: &AgencyRegistry, t: &'t str) -> Option<&'t str> {
    // The opening words first, on a short window: most task texts have none.
    let start = fold(vanban_text::window(t, 0, 24));
    let &(_, follows) = TASK_OPENERS
        .iter()
        .find(|(w, _)| starts_with_words(&start, &[w]))
        .or_else(|| unmarked_opening(&start))?;
    let head = fold(vanban_text::window(t, 0, 2 * OPENING));
    let request_only = follows == "request";
    // An opening is short and ends within its clause; an agent phrase "… do X, Y, Z tiến
    // hành, …" goes on after its commas. An assigning word may come later in the clause
    // ("Trên đây là Kế hoạch … của Sở Công Thương tỉnh Lào Cai, đề nghị các tổ chức …").
    let clause = [". ", "; ", " do "]
        .iter()
        .filter_map(|w| head.find(w))
        .fold(head.len(), usize::min);
    // The first comma that something like a subject follows ("các sở, ngành …", "Giám đốc
    // …", "yêu cầu các Sở …"; not a lower-case phrase that happens to be a name: "Trong quá
    // trình tiến hành thanh tra, kiểm toán nhà nước …").
    let (comma, after, given) = head
        .match_indices(", ")
        .map(|(i, _)| i)
        .take_while(|&i| i < clause)
        .find_map(|comma| {
            let mut after = t.sub(comma + 2..);
            let mut given = ASSIGNING_WORDS.iter().find_map(|w| after.strip_prefix(w));
            // A request a few words into the clause: "…, nếu có khó khăn, vướng mắc đề nghị
            // các Sở, ban, ngành … kịp thời phản ánh".
            if given.is_none() {
                if let Some(at) = request_within(after) {
                    after = after.sub(at..);
                    given = ASSIGNING_WORDS.iter().find_map(|w| after.strip_prefix(w));
                } else if let Some(at) = group_within(registry, after) {
                    // "…, nếu có khó khăn, vướng mắc các cơ quan, đơn vị, địa phương kịp thời
                    // phản ánh …": a known group a few words in.
                    after = after.sub(at..);
                }
            }
            let capital = after.chars().next().is_some_and(char::is_uppercase);
            let subject =
                (capital || after.starts_with("các ")) && comma < OPENING && !request_only;
            (subject || given.is_some()).then_some((comma, after, given))
        })
        .or_else(|| request_only.then(|| request_sentence(t, &head)).flatten())?;
    // Agencies of more than a head word, and not the next name of a list the opening holds
    // ("Đối với nguồn vốn ủy thác cho Ngân hàng Chính sách xã hội, Hội đồng nhân dân …").
    let (names, _) = registry.read_list(given.unwrap_or(after));
    let fits = !names.is_empty()
        && !names.iter().any(|n| registry.is_bare_head(n))
        && (given.is_some() || !ends_with_agency(registry, t.sub(..comma)));
    fits.then_some(after)
}

/// A request that opens the sentence after a closing opening's ("Trên đây là Kế hoạch … năm
/// 2026. Yêu cầu các sở, ban, ngành …"): (where the sentence starts, the sentence, the text
/// after the request word). `head` is the folded start of `t` (same byte offsets).
fn request_sentence<'t>(t: &'t str, head: &str) -> Option<(usize, &'t str, Option<&'t str>)> {
    let end = head.find(". ")?;
    let after = t.sub(end + 2..);
    let given = ["Yêu cầu ", "Đề nghị ", "Giao "]
        .iter()
        .find_map(|w| after.strip_prefix(w))?;
    Some((end, after, Some(given)))
}

/// Where a request word ("đề nghị", "yêu cầu") stands within the first four words of a
/// clause part (before its next comma).
fn request_within(part: &str) -> Option<usize> {
    let end = part.find(", ").unwrap_or(part.len());
    let segment = part.sub(..end);
    [" đề nghị ", " yêu cầu "].iter().find_map(|w| {
        let at = segment.find(w)? + 1;
        (segment.sub(..at).split_whitespace().count() <= 4).then_some(at)
    })
}

/// Where a known group of agencies ("các cơ quan, đơn vị, địa phương") starts within the first
/// three words of a clause part.
fn group_within(registry: &AgencyRegistry, part: &str) -> Option<usize> {
    let end = part.find(", ").unwrap_or(part.len());
    let segment = part.sub(..end);
    let at = segment.find(" các ")? + 1;
    // Lower-case words of the clause before it ("vướng mắc"), not a title ("Giám đốc các Sở")
    // nor a partner phrase ("phối hợp với các …").
    let before: Vec<&str> = segment.sub(..at).split_whitespace().collect();
    // (Nor the object of a verb: "chỉ đạo các đơn vị trực thuộc".)
    let words: Vec<(usize, &str)> = before.iter().map(|&w| (0, w)).collect();
    let verb = (0..words.len()).any(|k| crate::agencies::predicate_starts(&words[k..]));
    let near = before.len() <= 3
        && !verb
        && before.iter().all(|w| {
            w.chars().next().is_some_and(char::is_lowercase)
                && !["với", "cùng", "của", "cho", "hợp", "và"].contains(w)
        });
    let (names, _) = registry.read_list(part.sub(at..));
    (near && !names.is_empty() && !names.iter().any(|n| registry.is_bare_head(n))).then_some(at)
}

/// How far into a task sentence its opening may run, in bytes.
const OPENING: usize = 200;

/// Whether a text ends with an agency name (one of its last eight words starts a name that
/// runs to the end).
fn ends_with_agency(registry: &AgencyRegistry, text: &str) -> bool {
    text.rmatch_indices(' ')
        .filter(|&(i, _)| i > 0)
        .take(8)
        .any(|(i, _)| {
            let tail = text.sub(i + 1..);
            let (names, used) = registry.read_list(tail);
            !names.is_empty() && tail.sub(used..).trim().is_empty()
        })
}

/// A paragraph numbered in parentheses, "(1) Giao Bộ …", read without its number.
fn strip_enumerator(t: &str) -> &str {
    let Some(rest) = t.strip_prefix('(') else {
        return t;
    };
    let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(0);
    match rest.sub(digits..).strip_prefix(") ") {
        Some(after) if (1..=2).contains(&digits) => after.trim_start(),
        _ => t,
    }
}

/// Whether a text is little more than the agencies it starts with: six words at most after them.
fn names_only(registry: &AgencyRegistry, text: &str) -> bool {
    let t = text.trim_start_matches(['-', '+', ' ']);
    let (list, used) = registry.read_list(t);
    !list.is_empty() && t.sub(used..).split_whitespace().count() <= 6
}

/// Whether a task text ends with "phối hợp" (or "phối hợp với"), its partners left to the
/// bullets under it: "b) Chủ trì, phối hợp", "Chủ trì, phối hợp với:".
fn partners_below(text: &str) -> bool {
    let t = text.trim_end_matches([' ', ':', '.', '*']);
    let tail = vanban_text::window(t, vanban_text::floor(t, t.len().saturating_sub(24)), 24);
    // (Its letters in lower case with the marks set aside, as a scan may have lost them: "Chu
    // tri, phoi hop".)
    let letters = loose::unmarked(tail);
    letters.ends_with("phoi hop") || letters.ends_with("phoi hop voi")
}

/// Whether a text is an assigning word and little more than the agencies after it ("11. Đề
/// nghị Chi cục Hải quan khu vực XIX" over "a) Tăng cường …", "2. Giao Sở Tài chính"): a
/// heading whose points are those agencies' work.
fn addressed_only(registry: &AgencyRegistry, text: &str) -> bool {
    let t = text.trim_start_matches(['-', '+', ' ']);
    ASSIGNING_WORDS
        .iter()
        .find_map(|w| t.strip_prefix(w))
        .is_some_and(|rest| names_only(registry, rest))
}

/// Whether a unit that names who does the work and ends with ":" hands it to the units under
/// it ("1. Ủy ban nhân dân tỉnh, chỉ đạo các cơ quan, đơn vị có liên quan:" over "- Nghiên
/// cứu …"): its subject acts, not a description that goes on ("Quỹ … được hình thành từ các
/// nguồn sau:", "X gồm:").
fn hands_down(registry: &AgencyRegistry, n: &Node, text: &str, p: &Parties) -> bool {
    if p.responsible.is_empty() || n.children.is_empty() || !text.trim_end().ends_with(':') {
        return false;
    }
    // A bare head ("Quỹ" of "Quỹ phát triển dữ liệu quốc gia …") is no named body.
    if p.responsible.iter().any(|r| !r.contains(' ')) {
        return false;
    }
    let t = text.trim_start_matches(['-', '+', ' ']);
    let (_, used) = registry.read_list(t);
    let clause = fold(vanban_text::window(t.sub(used..), 0, 200));
    let verb = clause.trim_start_matches([' ', ',']);
    let passive = clause.split_whitespace().any(|w| w == "được" || w == "gồm");
    // ("Các sở, ban, ngành, địa phương: Là các đơn vị được lấy ý kiến thẩm định, chịu trách
    // nhiệm … các nội dung sau:": described, then charged.)
    let charged = clause.contains("chịu trách nhiệm") || clause.contains("có trách nhiệm");
    charged || !passive && !starts_with_words(verb, &["là", "có", "có các", "thuộc"])
}

/// Whether a text is agency names and nothing else.
fn bare_name(registry: &AgencyRegistry, text: &str) -> bool {
    let (list, used) = registry.read_list(text.trim());
    !list.is_empty()
        && text
            .trim()
            .sub(used..)
            .chars()
            .all(|c| !c.is_alphanumeric())
}

/// The opening of `start` (a task text's folded start) read with its marks set aside, as
/// OCR may leave it ("Căn cú tình hình thực tế, các cơ quan …"): openings of two words or more
/// only ("để" so read would be "Đề nghị").
fn unmarked_opening(start: &str) -> Option<&'static (&'static str, &'static str)> {
    static LETTERS: std::sync::LazyLock<Vec<(&(&str, &str), String)>> =
        std::sync::LazyLock::new(|| {
            TASK_OPENERS
                .iter()
                .map(|o| (o, vanban_text::loose::unmarked(o.0)))
                .filter(|(_, l)| l.contains(' '))
                .collect()
        });
    // (Turned away on the first byte where it starts no opening's first letter, with or
    // without its mark: "đối với" and "dối với".)
    static FIRST_BYTES: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
        LETTERS
            .iter()
            .flat_map(|(o, l)| [o.0.as_bytes().first(), l.as_bytes().first()])
            .flatten()
            .copied()
            .collect()
    });
    if !start
        .as_bytes()
        .first()
        .is_some_and(|b| FIRST_BYTES.contains(b))
    {
        return None;
    }
    let lead = vanban_text::loose::first_letters(start.split_whitespace().next()?);
    LETTERS
        .iter()
        .find(|(_, l)| {
            vanban_text::loose::leads_alike(lead, l)
                && vanban_text::loose::starts_with_unmarked(start, l)
        })
        .map(|&(o, _)| o)
}

/// Whether `folded` starts with one of `phrases` as whole words.
fn starts_with_words(folded: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|w| {
        folded
            .strip_prefix(w)
            .is_some_and(|r| !r.chars().next().is_some_and(char::is_alphanumeric))
    })
}

/// Agencies after "phối hợp (với)": "…, phối hợp với Sở Tài chính và các cơ quan …".
fn cooperating_after(registry: &AgencyRegistry, s: &str) -> Vec<String> {
    let window = vanban_text::window(s, 0, 60);
    let f = fold(window);
    let found = f
        .find("phối hợp")
        .map(|i| (i, i + "phối hợp".len()))
        .or_else(|| {
            // (With its marks set aside: "phoi hop voi".)
            let i = unmarked_cooperations(window).next()?;
            Some((i, i + words_len(s.sub(i..), 2)))
        });
    let Some((i, end)) = found else {
        return Vec::new();
    };
    if i > 12 {
        return Vec::new();
    }
    let mut rest = s.sub(end..);
    rest = rest.trim_start();
    // ("Phối hợp chặt chẽ, thường xuyên với …", "Phối hợp tốt với …", "Phối hợp cùng …".)
    for _ in 0..3 {
        match COOPERATION_MANNERS
            .iter()
            .find_map(|m| rest.strip_prefix(m))
        {
            Some(after) => rest = after.trim_start_matches([',', ' ']),
            None => break,
        }
    }
    let with = match rest
        .strip_prefix("với")
        .or_else(|| rest.strip_prefix("cùng"))
    {
        Some(after) => Some(after),
        None if loose::starts_with_unmarked(rest, "voi") => Some(rest.sub(words_len(rest, 1)..)),
        None => None,
    };
    rest = with.unwrap_or(rest).trim_start_matches([' ', ':']);
    partners::partners(registry, rest)
}

/// Words of how one cooperates, between "phối hợp" and "với" or the partner.
const COOPERATION_MANNERS: [&str; 5] = ["chặt chẽ", "thường xuyên", "tốt", "kịp thời", "hiệu quả"];

/// Whether `sentence` (from the ". " before a "phối hợp" up to it) is agencies and nothing
/// else: "Các tỉnh uỷ, thành uỷ " of "… Các tỉnh uỷ, thành uỷ phối hợp …".
fn has_own_subject(registry: &AgencyRegistry, sentence: &str) -> bool {
    let sentence = sentence.trim();
    if sentence.is_empty() {
        return false;
    }
    let (names, used) = registry.read_list(sentence);
    !names.is_empty() && sentence.sub(used..).trim_matches([' ', ',']).is_empty()
}

/// Task-bearing node kinds.
fn is_task_kind(kind: NodeKind) -> bool {
    matches!(
        kind,
        NodeKind::Point
            | NodeKind::Item
            | NodeKind::Subitem
            | NodeKind::Clause
            | NodeKind::Indent
            | NodeKind::Subindent
            | NodeKind::Numbered
            | NodeKind::Paragraph
    )
}

/// Assignments of a document, in document order.
pub(crate) fn assignments(registry: &AgencyRegistry, doc: &Document) -> Vec<Assignment> {
    // A draft's blank date ("ngày … tháng … năm 2026") still gives the year.
    let year = doc
        .header
        .date_parts
        .as_ref()
        .and_then(|p| p.year)
        .map(|y| y.to_string());
    let w = Walker {
        registry,
        date: doc.header.date.as_deref().or(year.as_deref()),
    };
    let mut out = Vec::new();
    w.walk(&doc.body, &Inherited::default(), &mut out);
    // An appendix's title is the heading of its tasks: "Các chỉ tiêu chủ yếu giai đoạn
    // 2026-2030" dates the rows of its table that give no date of their own.
    for a in &doc.appendices {
        let above = Inherited {
            deadline: a
                .title
                .as_deref()
                .and_then(|t| deadline(t, false, w.date))
                .map(Box::new),
            ..Inherited::default()
        };
        w.walk(&a.children, &above, &mut out);
    }
    out
}

/// What a task node takes from the units above it.
#[derive(Default, Clone)]
struct Inherited {
    /// The agencies named above ("1. Sở Tài chính:" over its bullets).
    agencies: Vec<String>,
    /// A deadline in a heading above.
    deadline: Option<Box<Deadline>>,
    /// The parties of the unit above, that its bullets naming nobody take ("b) Sở Kế hoạch
    /// và Đầu tư chủ trì, phối hợp với Sở Tài chính:" over "- Tham mưu …"), or those of a
    /// closing "Trách nhiệm chỉ đạo thực hiện: …" paragraph of the unit.
    parties: Option<Parties>,
    /// The lead of a unit that ends with "phối hợp" and lists its partners in the bullets
    /// under it ("b) Chủ trì, phối hợp" over "- Sở Tài chính và các đơn vị có liên quan tham
    /// mưu …"): the agencies a bullet names are that lead's partners.
    partners_below: Option<Vec<String>>,
    /// The unit above is a heading that names its agencies and nothing else ("1. Sở Tài
    /// chính" over a paragraph "Bố trí kinh phí …"): its unmarked paragraphs take its parties
    /// as its bullets do.
    named_heading: bool,
}

struct Walker<'a> {
    registry: &'a AgencyRegistry,
    /// The document's date, that years left out and relative deadlines count from.
    date: Option<&'a str>,
}

impl Walker<'_> {
    fn walk(&self, nodes: &[Node], inherited: &Inherited, out: &mut Vec<Assignment>) {
        let mut header: Option<Columns> = None;
        // The parties of a sibling that hands out what follows it ("1. Giao phòng Quản lý
        // Công nghiệp triển khai, thực hiện các công việc liên quan:" over "2. Tổ chức …",
        // "3. Chuẩn bị …" written at its own level).
        let mut carry: Option<Parties> = None;
        let mut prev: Option<NodeKind> = None;
        for n in nodes {
            let after_list = prev.replace(n.kind).is_some_and(NodeKind::is_list_entry);
            if n.kind == NodeKind::Row {
                match &header {
                    None => header = Columns::of(&n.cells),
                    Some(cols) => self.rows(cols, std::slice::from_ref(n), inherited, out),
                }
                continue;
            }
            // "Điều 2. Đối tượng áp dụng", "1. Đối tượng thực hiện" over its bullets: whom the
            // document applies to, no task.
            let scope = n
                .heading()
                .or_else(|| (!n.children.is_empty()).then(|| n.text()));
            if scope.is_some_and(is_scope_heading) {
                continue;
            }
            let mut own = inherited.clone();
            if let Some(d) = n.heading().and_then(|h| deadline(h, false, self.date)) {
                own.deadline = Some(Box::new(d));
            }
            if let Some(a) = fields::assignment(self, n) {
                out.push(a);
                continue;
            }
            // "Điều 5. Trách nhiệm của Ủy ban nhân dân cấp xã" over "1. Chủ trì, phối hợp
            // với …": the article's clauses are the agency's tasks.
            if let Some(p) = (n.kind == NodeKind::Article)
                .then(|| n.heading().and_then(|h| heading_owner(self.registry, h)))
                .flatten()
            {
                own.agencies.clone_from(&p.responsible);
                own.parties = Some(p);
            }
            // (An article with words and no title, "Điều 3. Chánh Văn phòng …; Giám đốc Sở
            // … chịu trách nhiệm thi hành Quyết định này./.", is a task as a clause is.)
            let worded = n.kind == NodeKind::Article && n.heading().is_none();
            if is_task_kind(n.kind) || worded && !n.text().is_empty() {
                let carried;
                let base = match &carry {
                    Some(p) => {
                        carried = Inherited {
                            parties: Some(p.clone()),
                            ..inherited.clone()
                        };
                        &carried
                    }
                    // A paragraph after a list of bullets or points ("Việc giảm lãi suất …
                    // áp dụng …" after "đ) Ngân hàng Chính sách xã hội:" / "- …" / "- …")
                    // says more about them: no task of the heading's on its own.
                    None if after_list && inherited.named_heading => {
                        carried = Inherited {
                            named_heading: false,
                            ..inherited.clone()
                        };
                        &carried
                    }
                    None => inherited,
                };
                let p = self.task(n, base, &mut own, out);
                if p.own {
                    carry = hands_out(n, &p.parties).then_some(p.parties);
                }
            }
            if let Some(p) = owners::closing_owner(self.registry, n) {
                own.parties = Some(p);
            }
            self.walk(&n.children, &own, out);
        }
    }

    /// Rows of a task table and the rows under them (a group row "I | Tăng cường …" over
    /// its rows), read with the table's columns. A row without a date of its own takes the
    /// one of the headings above it, group rows included.
    fn rows(&self, cols: &Columns, rows: &[Node], above: &Inherited, out: &mut Vec<Assignment>) {
        for r in rows.iter().filter(|r| r.kind == NodeKind::Row) {
            let mut a = cols.assignment(self, r);
            if let Some(a) = a.as_mut().filter(|a| a.deadline.is_none()) {
                a.deadline.clone_from(&above.deadline);
            }
            out.extend(a);
            let mut own = above.clone();
            if let Some(d) = cols.group_deadline(self, r) {
                own.deadline = Some(Box::new(d));
            }
            self.rows(cols, &r.children, &own, out);
        }
    }

    /// The assignment of a task node, if it names agencies; what its children inherit. Returns
    /// the parties of the node.
    fn task(
        &self,
        n: &Node,
        inherited: &Inherited,
        own: &mut Inherited,
        out: &mut Vec<Assignment>,
    ) -> Found {
        let text = match (n.heading(), n.text().is_empty()) {
            (Some(h), true) => h.to_string(),
            (Some(h), false) => format!("{h} {}", n.text()),
            (None, _) => n.text().to_string(),
        };
        let nobody = Inherited::default();
        let above = if names_own_holder(&text) {
            &nobody
        } else {
            inherited
        };
        let mut p = fill_from_above(parties(self.registry, &text), above);
        let charged = p == Parties::default() && heading_party(n, &text, &mut p);
        let named = p != Parties::default();
        if let Some(lead) = above.partners_below.as_ref().filter(|_| p.lead.is_empty()) {
            if named {
                p = partners_of(p, lead);
            }
        }
        own.partners_below = (!p.lead.is_empty() && partners_below(&text)).then(|| p.lead.clone());
        // A bullet that names nobody carries the task of the unit above it, and so does a
        // paragraph under a heading that is only the agency's name.
        let carries = n.marker().is_some()
            || above.named_heading && n.kind == NodeKind::Paragraph && !states(&text);
        if let (true, true, Some(q)) = (p == Parties::default(), carries, &above.parties) {
            p = q.clone();
        }
        // Its bullets take a task that leads ("b) Sở X chủ trì, phối hợp với …:") or a heading
        // that is little more than the agency ("1. Sở Công Thương"); not a description that
        // goes on ("Quỹ … được hình thành từ các nguồn sau:").
        if p != Parties::default()
            && (!p.lead.is_empty()
                || names_only(self.registry, &text)
                || addressed_only(self.registry, &text)
                || hands_down(self.registry, n, &text, &p)
                || (named && continued_by_bullets(n))
                || heading_owner(self.registry, &text).is_some()
                || charged
                || members_in_brackets(self.registry, &text).is_some())
        {
            own.parties = Some(p.clone());
        } else if named {
            // (A unit that names its own parties hands down none from above: "1. Trách
            // nhiệm của Bộ Xây dựng" in an article on the duties of ministries.)
            own.parties = None;
        }
        if !p.responsible.is_empty() {
            own.agencies.clone_from(&p.responsible);
        } else if !p.lead.is_empty() {
            own.agencies.clone_from(&p.lead);
        }
        let found = self.node_deadline(n, &text, own);
        let entry = entry_of_names(self.registry, n, &text);
        own.named_heading = named && heads_tasks(self.registry, n, &text);
        let parties = !(p.lead.is_empty() && p.cooperating.is_empty() && p.responsible.is_empty());
        if parties && !entry {
            out.push(Assignment {
                node: n.id().into(),
                lead: p.lead.clone(),
                cooperating: p.cooperating.clone(),
                responsible: p.responsible.clone(),
                deadline: found.or_else(|| inherited.deadline.clone()),
                text,
            });
        }
        Found {
            parties: p,
            own: named,
        }
    }

    /// The deadline of a task node's own text, which its children inherit (in `own`), or else
    /// of an unnumbered paragraph under it: "1.1. Giao Sở Tài chính chủ trì …" over a paragraph
    /// that says what and by when.
    fn node_deadline(&self, n: &Node, text: &str, own: &mut Inherited) -> Option<Box<Deadline>> {
        let found = deadline(text, false, self.date).map(Box::new);
        if found.is_some() {
            own.deadline.clone_from(&found);
        }
        found.or_else(|| {
            n.children
                .iter()
                .filter(|c| c.marker().is_none() && c.kind == NodeKind::Paragraph)
                .find_map(|c| deadline(c.text(), false, self.date).map(Box::new))
        })
    }
}

/// Whether a unit names its own holder, known or not, and takes nobody from above: "- Trách
/// nhiệm của chủ nhiệm lớp: …" under "Trách nhiệm của các tổ chức, cá nhân trong quản lý lớp
/// học:".
fn names_own_holder(text: &str) -> bool {
    fold(vanban_text::window(text, 0, 24)).starts_with("trách nhiệm của ")
}

/// The parties of a bullet under a unit that lists its partners in its bullets ("b) Chủ trì,
/// phối hợp" over "- Sở Tài chính … tham mưu …"): the unit's lead leads, the agencies the bullet
/// names cooperate.
fn partners_of(mut p: Parties, lead: &[String]) -> Parties {
    let mut partners = std::mem::take(&mut p.responsible);
    push_new(&mut partners, std::mem::take(&mut p.cooperating));
    Parties {
        lead: lead.to_vec(),
        cooperating: partners,
        responsible: Vec::new(),
    }
}

/// The agencies an article's heading gives the duties of ("Trách nhiệm của Ủy ban nhân dân
/// cấp xã", "Nhiệm vụ, quyền hạn của Thanh tra tỉnh"): a short heading, no sentence, whose
/// opening words (`DUTY_HEADINGS`) say duties and whose words after "của" are agency names
/// and nothing else. (An article named by a body alone, "Điều 9. Thanh tra Chính phủ",
/// describes it; a bare head, "Quỹ", names none.)
fn heading_owner(registry: &AgencyRegistry, heading: &str) -> Option<Parties> {
    let t = heading.trim().trim_end_matches([':', '.']).trim_end();
    if t.split_whitespace().count() > 24 || t.contains(['.', ';']) {
        return None;
    }
    let (duty, names) = t.split_once(" của ")?;
    // (With the marks a scan lost set aside where the exact words miss: "Trach nhiệm".)
    let duty = fold(duty);
    if !DUTY_HEADINGS.contains(&duty.as_str()) {
        let letters = vanban_text::loose::unmarked(&duty);
        if !DUTY_HEADINGS
            .iter()
            .any(|d| vanban_text::loose::unmarked(d) == letters)
        {
            return None;
        }
    }
    let (list, used) = registry.read_list(names);
    let whole = names.sub(used..).trim_matches([' ', ',']).is_empty();
    let responsible = if whole && !list.is_empty() {
        list
    } else {
        // A party the registry does not hold ("các đơn vị điện lực", "tổ chức, cá nhân sử
        // dụng điện"), as a heading over bullets names it.
        vec![party_heading(names).or_else(|| holder_heading(names))?]
    };
    (!responsible.iter().any(|n| registry.is_bare_head(n))).then(|| Parties {
        responsible,
        ..Parties::default()
    })
}

/// The opening words of an article's heading that say it lists an agency's duties, folded.
const DUTY_HEADINGS: &[&str] = &[
    "trách nhiệm",
    "nhiệm vụ",
    "nhiệm vụ, quyền hạn",
    "nhiệm vụ và quyền hạn",
    "trách nhiệm, quyền hạn",
    "quyền hạn, trách nhiệm",
    "chức năng, nhiệm vụ",
    "trách nhiệm thực hiện",
];

/// Whether a heading says whom or what the document applies to (`data/scope-headings.tsv`).
fn is_scope_heading(heading: &str) -> bool {
    let h = fold(heading.trim().trim_end_matches(['.', ':']));
    if SCOPE_HEADINGS.contains(&h.as_str()) {
        return true;
    }
    // (With the marks a scan lost set aside: "Đối tượng thuc hien".)
    static UNMARKED: std::sync::LazyLock<Vec<String>> =
        std::sync::LazyLock::new(|| SCOPE_HEADINGS.iter().map(|w| loose::unmarked(w)).collect());
    h.len() < 64 && UNMARKED.contains(&loose::unmarked(&h))
}

/// A heading that is the name of a party other than an agency (`data/party-heads.tsv`): "Các
/// chủ đầu tư dự án hạ tầng kỹ thuật khu, cụm công nghiệp" — at most 17 words, no sentence.
fn party_heading(text: &str) -> Option<String> {
    let t = text.trim().trim_end_matches(':').trim_end();
    if t.split_whitespace().count() > 17 || t.contains(['.', ';']) {
        return None;
    }
    let folded = fold(t);
    PARTY_HEADS
        .iter()
        .any(|h| starts_with_words(&folded, &[h]))
        .then(|| t.to_owned())
}

/// The party of a unit that names nobody the registry holds, as its heading names one over
/// what is under it, put in `p`: a heading that charges its party ("11. Các đơn vị cấp nước
/// sạch trên địa bàn thành phố có trách nhiệm:" over points or bullets: whether it did), or a
/// party's name over bullets ("10. Các chủ đầu tư dự án …").
fn heading_party(n: &Node, text: &str, p: &mut Parties) -> bool {
    if n.children.is_empty() {
        return false;
    }
    if let Some(name) = charged_heading(text) {
        p.responsible = vec![name];
        return true;
    }
    if let Some(name) = continued_by_bullets(n)
        .then(|| party_heading(text))
        .flatten()
    {
        p.responsible = vec![name];
    }
    false
}

/// The party of a heading that ends by charging it ("Các đơn vị cấp nước sạch trên địa bàn
/// thành phố có trách nhiệm:"), as [`party_heading`] reads a party.
fn charged_heading(text: &str) -> Option<String> {
    let t = text.trim().trim_end_matches(':').trim_end();
    let party = [" có trách nhiệm", " chịu trách nhiệm"]
        .iter()
        .find_map(|w| t.strip_suffix(w))?;
    party_heading(party).or_else(|| holder_heading(party))
}

/// Whether a paragraph's first clause (its first 100 bytes, to a stop) states rather than
/// charges the agency whose heading is above it: what a body is ("Sở Công Thương là cơ quan
/// chuyên môn …", not "… nhất là doanh nghiệp nhỏ và vừa"), what was done ("Đã thẩm định …",
/// "Năm 2024, Sở Công Thương đã tổ chức …"; not "… các nhiệm vụ đã đề ra", a task's object), a
/// subject of its own that is charged ("Cơ quan đăng ký đầu tư có trách nhiệm …").
fn states(text: &str) -> bool {
    let head = fold(vanban_text::window(text, 0, 100));
    let clause = head.split(['.', ';', ':']).next().unwrap_or("");
    let words: Vec<&str> = clause.split_whitespace().collect();
    let dated = words
        .first()
        .is_some_and(|w| ["năm", "trong", "qua", "từ"].contains(w));
    words.iter().enumerate().any(|(i, &w)| {
        let before = i.checked_sub(1).and_then(|k| words.get(k)).copied();
        let next = words.get(i + 1).copied();
        match w {
            "đã" => i == 0 || dated && next != Some("được"),
            "là" => before.is_some_and(|b| !["nhất", "biệt", "đó", "tức", "chính"].contains(&b)),
            "trách" => i >= 2 && next == Some("nhiệm") && ["có", "chịu"].contains(&words[i - 1]),
            _ => false,
        }
    })
}

/// Whether a unit is a heading that names agencies and nothing else, over units that take
/// them as their tasks' ("1. Sở Tài chính" over "- Tham mưu …" or a paragraph "Bố trí kinh
/// phí …"). (It keeps its own assignment, as the seed's reading has it: "a) Các Sở, ban,
/// ngành, Ủy ban nhân dân huyện, thành phố:" over its bullets.)
fn heads_tasks(registry: &AgencyRegistry, n: &Node, text: &str) -> bool {
    // (The children first: reading the name again is the costly test.)
    !n.children.is_empty()
        && n.children.iter().all(|c| is_task_kind(c.kind))
        && bare_name(registry, text)
}

/// Whether a unit's work goes on in bullets under it: every child is a "-" or "+" bullet
/// ("1. Sở Khoa học và Công nghệ theo dõi, đôn đốc …" over "- Cơ quan thường trực Tổ công
/// tác … trước ngày 20 hằng tháng …").
fn continued_by_bullets(n: &Node) -> bool {
    !n.children.is_empty()
        && n.children
            .iter()
            .all(|c| matches!(c.kind, NodeKind::Indent | NodeKind::Subindent))
}

/// The agency left blank by `parties` (the one of the heading above) filled in: the lead of
/// "Chủ trì, phối hợp với …", the cooperating one of "Phối hợp với X …". With no agency above
/// to cooperate, the partner does not lead: a duty "Phối hợp với Kiểm toán nhà nước …" in a
/// list of some body's duties is no task.
fn fill_from_above(mut p: Parties, inherited: &Inherited) -> Parties {
    if p.lead == [String::new()] {
        // With nobody above to lead, partners alone make no task.
        if inherited.agencies.is_empty() {
            return Parties::default();
        }
        p.lead.clone_from(&inherited.agencies);
        // "2.12. Các sở, ban, ngành: … phối hợp với các sở, ban, ngành …": no partner of itself.
        p.cooperating.retain(|c| !p.lead.contains(c));
    }
    if p.cooperating == [String::new()] {
        if inherited.agencies.is_empty() {
            return Parties::default();
        }
        // ("Phối hợp Sở Công Thương các tỉnh lân cận …" under "1. Sở Công Thương": a partner
        // read as the agency itself is no partner; the agency acts.)
        if p.lead == inherited.agencies {
            return Parties {
                responsible: inherited.agencies.clone(),
                ..Parties::default()
            };
        }
        p.cooperating.clone_from(&inherited.agencies);
    }
    if p.responsible == [String::new()] {
        if inherited.agencies.is_empty() {
            return Parties::default();
        }
        p.responsible.clone_from(&inherited.agencies);
        p.cooperating.retain(|c| !p.responsible.contains(c));
    }
    p
}

/// Whether a node names who, not what: an entry of a list of bodies ("a) Các sở, ban ngành
/// thuộc tỉnh;" under "Đối tượng áp dụng", "- Các tỉnh ủy, thành ủy,"), or an unmarked line
/// that is a name and nothing else (a name printed as an example of a form: "Ví dụ 2:" /
/// "ĐẢNG UỶ CÔNG AN TRUNG ƯƠNG").
fn entry_of_names(registry: &AgencyRegistry, n: &Node, text: &str) -> bool {
    n.children.is_empty()
        && (text.trim_end().ends_with([',', ';']) && names_only(registry, text)
            || n.marker().is_none() && bare_name(registry, text))
}

/// The parties of a task node, and whether the node named them itself (not taken from above).
struct Found {
    parties: Parties,
    own: bool,
}

/// Whether a node hands its parties to the siblings after it: it ends with ":" and has no
/// children of its own, and names who carries the work.
fn hands_out(n: &Node, p: &Parties) -> bool {
    let text = if n.text().is_empty() {
        n.heading().unwrap_or("")
    } else {
        n.text()
    };
    n.children.is_empty()
        && text.trim_end().ends_with(':')
        && (!p.lead.is_empty() || !p.responsible.is_empty())
        && !p.lead.iter().any(String::is_empty)
}

/// The words of `data/task-columns.tsv` with their marks set aside, in the list's order (for
/// a title OCR misread).
static UNMARKED_COLUMNS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    TASK_COLUMNS
        .iter()
        .map(|(_, w)| vanban_text::loose::unmarked(w))
        .collect()
});

/// Which words of `data/task-columns.tsv` (bits by their place) a folded cell holds with their
/// marks set aside.
pub(crate) fn held_column_words(cell: &str) -> u64 {
    vanban_text::loose::Unmarked::of(cell)
        .matches(&UNMARKED_COLUMNS)
        .fold(0, |held, (i, _, _)| held | word_bit(i))
}

/// The bit of the word at place `i` of `data/task-columns.tsv` (none past 64 words: a test
/// keeps the list shorter).
fn word_bit(i: usize) -> u64 {
    u32::try_from(i)
        .ok()
        .and_then(|i| 1u64.checked_shl(i))
        .unwrap_or(0)
}

/// Whether the words [`held_column_words`] found hold the word at place `i`.
pub(crate) fn holds_word(held: u64, i: usize) -> bool {
    held & word_bit(i) != 0
}

/// Column roles of a task table, read from its header row.
struct Columns {
    width: usize,
    content: Option<usize>,
    lead: Option<usize>,
    cooperating: Option<usize>,
    /// "Người thực hiện", "Đơn vị thực hiện": who carries a row's task when no column leads.
    responsible: Option<usize>,
    deadline: Option<usize>,
}

impl Columns {
    fn of(cells: &[Str]) -> Option<Columns> {
        // A column title is short ("Cơ quan chủ trì", "Cơ quan, tổ chức đảng chủ trì",
        // "Thời gian hoàn thành"); a long cell that mentions "phối hợp" is content, and its row
        // is no header. Each short cell is folded once for the five roles (folding it again
        // for every column word was a fold per word and role).
        let folded: Vec<Option<String>> = cells
            .iter()
            .map(|c| (c.split_whitespace().count() <= 8).then(|| fold(c)))
            .collect();
        let exact = Columns::read(&folded, |f, _, w| f.contains(w));
        if exact.as_ref().is_some_and(Columns::complete) {
            return exact;
        }
        // A title OCR read with a mark lost ("Cơ quan, tổ chức đảng chu trì") fills a role no
        // title holds as written; a row with no title written so is a header when such titles
        // name two roles or more. (Each cell read once for all the words: which it holds.)
        let held: Vec<Option<u64>> = folded
            .iter()
            .map(|f| f.as_deref().map(held_column_words))
            .collect();
        let unmarked = Columns::read(&held, |&held, i, _| holds_word(held, i));
        match (exact, unmarked) {
            (Some(exact), Some(unmarked)) => Some(exact.filled_from(unmarked)),
            (None, Some(unmarked)) => (unmarked.roles() >= 2).then_some(unmarked),
            (exact, None) => exact,
        }
    }

    /// Whether every role has its column (who carries a task is the responsible column's
    /// only when no column leads).
    fn complete(&self) -> bool {
        self.content.is_some()
            && (self.lead.is_some() || self.responsible.is_some())
            && self.cooperating.is_some()
            && self.deadline.is_some()
    }

    /// How many roles have a column.
    fn roles(&self) -> usize {
        [
            self.content,
            self.lead,
            self.cooperating,
            self.responsible,
            self.deadline,
        ]
        .iter()
        .filter(|c| c.is_some())
        .count()
    }

    /// These columns, with the roles they lack taken from `other`.
    fn filled_from(self, other: Columns) -> Columns {
        let lead = self.lead.or(other.lead);
        Columns {
            width: self.width,
            content: self.content.or(other.content),
            lead,
            cooperating: self.cooperating.or(other.cooperating),
            responsible: self
                .responsible
                .or(other.responsible)
                .filter(|_| lead.is_none()),
            deadline: self.deadline.or(other.deadline),
        }
    }

    /// The roles of the header cells (`None` for a long cell), a title's word found in a cell
    /// by `holds` (given the word's place in `data/task-columns.tsv`, and the word).
    fn read<T>(folded: &[Option<T>], holds: impl Fn(&T, usize, &str) -> bool) -> Option<Columns> {
        let find = |role: &str| {
            folded.iter().position(|f| {
                f.as_ref().is_some_and(|f| {
                    TASK_COLUMNS
                        .iter()
                        .enumerate()
                        .any(|(i, &(r, w))| r == role && holds(f, i, w))
                })
            })
        };
        let lead = find("lead");
        let cooperating = find("cooperating");
        let responsible =
            find("responsible").filter(|&r| Some(r) != lead && Some(r) != cooperating);
        let cols = Columns {
            width: folded.len(),
            content: find("content"),
            lead,
            cooperating,
            responsible: responsible.filter(|_| lead.is_none()),
            deadline: find("deadline"),
        };
        (cols.lead.is_some() || cols.cooperating.is_some() || cols.responsible.is_some())
            .then_some(cols)
    }

    /// The date a group row gives the rows under it, in its content ("Các nhiệm vụ cần làm
    /// ngay trong năm 2026") or its deadline cell.
    fn group_deadline(&self, w: &Walker, row: &Node) -> Option<Deadline> {
        if row.children.is_empty() {
            return None;
        }
        let cell = |i: Option<usize>| i.and_then(|i| row.cells.get(i));
        cell(self.deadline)
            .and_then(|d| deadline(d, true, w.date))
            .or_else(|| cell(self.content).and_then(|c| deadline(c, false, w.date)))
    }

    fn assignment(&self, w: &Walker, row: &Node) -> Option<Assignment> {
        let registry = w.registry;
        // A pipe row may leave out its empty last cells ("| 1 | Việc | Sở A | |"); a row
        // wider than the header belongs to no column.
        if row.cells.len() > self.width || row.cells.len() < 2 {
            return None;
        }
        let cell = |i: Option<usize>| i.and_then(|i| row.cells.get(i)).map(|c| c.as_str());
        let agencies = |i: Option<usize>| cell(i).map_or_else(Vec::new, |c| read_cell(registry, c));
        let mut cooperating = agencies(self.cooperating);
        // A lead or responsible cell may be a sentence: its agencies, then what they do.
        let mut read = |i: Option<usize>| match cell(i).and_then(|c| sentence_cell(registry, c)) {
            Some((leads, partners)) => {
                push_new(&mut cooperating, partners);
                leads
            }
            None => agencies(i),
        };
        let lead = read(self.lead);
        let responsible = read(self.responsible);
        if lead.is_empty() && cooperating.is_empty() && responsible.is_empty() {
            return None;
        }
        Some(Assignment {
            node: row.id().into(),
            lead,
            cooperating,
            responsible,
            deadline: self
                .deadline
                .and_then(|i| row.cells.get(i))
                .and_then(|d| deadline(d, true, w.date))
                .map(Box::new),
            text: self
                .content
                .and_then(|i| row.cells.get(i))
                .map(|c| c.to_string())
                .unwrap_or_else(|| row.cells.join(" | ")),
        })
    }
}

/// A lead or responsible cell written as a sentence — agencies, then what they do ("Sở Tài
/// chính chủ trì, phối hợp các đơn vị liên quan", "Sở Khoa học và Công nghệ thúc đẩy, theo
/// dõi …", "Sở KH&CN chủ trì hướng dẫn, tổng hợp; Các sở, ngành thực hiện …") — read as
/// running text is, part by part (between ";"): the agencies of the parts up to the first
/// that says what they do lead ("Sở A; Sở B; Sở C thúc đẩy …": all three), those of the
/// parts after it and every partner named cooperate. `None` for a cell of names, whose words
/// after its agencies are no predicate (read by [`read_cell`]: each part a name).
fn sentence_cell(registry: &AgencyRegistry, cell: &str) -> Option<(Vec<String>, Vec<String>)> {
    let acts = |part: &str| {
        let (list, used) = registry.read_list(part.trim());
        let rest = part.trim().sub(used..);
        let words: Vec<(usize, &str)> = crate::agencies::word_spans(rest).take(4).collect();
        !list.is_empty() && crate::agencies::predicate_starts(&words)
    };
    if !cell.split(';').any(acts) {
        return None;
    }
    let (mut lead, mut partners, mut led) = (Vec::new(), Vec::new(), false);
    for part in cell.split(';') {
        let p = parties(registry, part);
        if led {
            for names in [p.lead, p.responsible, p.cooperating] {
                push_new(&mut partners, names);
            }
            continue;
        }
        push_new(
            &mut lead,
            if p.lead.is_empty() {
                p.responsible
            } else {
                p.lead
            },
        );
        push_new(&mut partners, p.cooperating);
        led = acts(part);
    }
    lead.retain(|n| !n.is_empty());
    partners.retain(|n| !n.is_empty() && !lead.contains(n));
    (!lead.is_empty()).then_some((lead, partners))
}

/// A group named in lower case that runs to the end of a cell ("cơ quan, địa phương liên
/// quan"), as one name.
fn push_group(registry: &AgencyRegistry, rest: &str, out: &mut Vec<String>) {
    let g = squash_spaces(rest);
    let g = g.trim_end_matches(['.', ';', ',']);
    if !g.is_empty() && rest.split_whitespace().count() <= 12 {
        out.push(registry.canonical(g));
    }
}

/// Whether the words after a list in a cell, up to its next comma, say which of its last
/// group: "liên quan", or lower-case words after a group ("các cơ quan, đơn vị theo quy định").
fn qualifies(list: &[String], tail: &str) -> bool {
    let group_last = list.last().is_some_and(|l| l.starts_with("các "));
    ["liên quan", "có liên quan"].contains(&tail)
        || (group_last
            && !tail.is_empty()
            && tail.split_whitespace().count() <= 6
            && tail
                .chars()
                .all(|c| !c.is_uppercase() && !c.is_ascii_digit()))
}

/// The agencies of a table cell: registry lists where they stand ("Sở, ban, ngành liên
/// quan" stays one group), else each part between "," and ";" as written, canonicalised.
fn read_cell(registry: &AgencyRegistry, cell: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < cell.len() {
        let rest = cell.sub(pos..);
        let skip = rest.len() - rest.trim_start_matches([' ', ',', ';', '\n']).len();
        pos += skip;
        if pos >= cell.len() {
            break;
        }
        let (list, used) = registry.read_list(cell.sub(pos..));
        let next = cell
            .sub(pos..)
            .find([',', ';'])
            .map_or(cell.len(), |p| pos + p);
        // A list read up to a separator (or the end) stands; a part of a name does not.
        let end = pos + used;
        let clean_end = cell.sub(end..).trim_start().is_empty()
            || cell.sub(end..).trim_start().starts_with([',', ';']);
        // "Sở Tài chính và cơ quan, địa phương liên quan": the agencies, then a group
        // named in lower case that runs to the end of the cell.
        let group = cell
            .sub(end..)
            .trim_start()
            .strip_prefix("và ")
            .filter(|g| {
                g.trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
            });
        // "… và các địa phương liên quan": a known group, then the words that qualify it.
        let tail_end = cell
            .sub(end..)
            .find([',', ';'])
            .map_or(cell.len(), |p| end + p);
        let tail = cell.sub(end..tail_end).trim();
        let qualified = qualifies(&list, tail);
        if !list.is_empty() && (clean_end || qualified) {
            let mut list = list;
            if let (true, Some(last)) = (qualified, list.last_mut()) {
                last.push(' ');
                last.push_str(tail);
            }
            out.extend(list);
            pos = if qualified { tail_end } else { end };
        } else if let (false, Some(group)) = (list.is_empty(), group) {
            out.extend(list);
            push_group(registry, group, &mut out);
            break;
        } else {
            let part = cell.sub(pos..next).trim();
            // Numbers, sentences and headings are not agencies ("5.3. Huy động các nguồn lực").
            let name_like = part.chars().next().is_some_and(char::is_alphabetic)
                && part.split_whitespace().count() <= 12;
            // "Văn phòng Ban Chỉ huy và cơ quan, địa phương liên quan": a name, then a group
            // in lower case running to the end of the cell.
            let split = part
                .match_indices(" và ")
                .map(|(i, _)| i)
                .find(|&i| part.sub(i + " và ".len()..).starts_with(char::is_lowercase));
            if let (true, Some(i)) = (name_like, split) {
                out.push(registry.canonical(part.sub(..i).trim()));
                let lead = cell.sub(pos..next).len() - cell.sub(pos..next).trim_start().len();
                let rest = cell.get(pos + lead + i + " và ".len()..).unwrap_or("");
                push_group(registry, rest, &mut out);
                break;
            }
            if name_like {
                out.push(registry.canonical(part));
            }
            pos = next;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A column title read with a mark lost is found through the bit of its word, and the
    /// list of words has a bit for each.
    #[test]
    fn column_words_read_with_marks_lost_have_a_bit_each() {
        assert!(TASK_COLUMNS.len() <= 64, "{}", TASK_COLUMNS.len());
        let lead = TASK_COLUMNS.iter().position(|&(_, w)| w == "chủ trì");
        let held = held_column_words("cơ quan, tổ chức đảng chu trì");
        assert!(lead.is_some_and(|lead| holds_word(held, lead)));
        assert_eq!(held.count_ones(), 1);
        assert_eq!(held_column_words("chủ trìx"), 0);
        assert!(!holds_word(u64::MAX, 64));
    }

    /// A header row with one title OCR damaged among clean ones keeps that column; a row of
    /// damaged titles only is a header when they name two roles or more (a table of medicines
    /// whose "Công năng, chu trị" column reads as a lead is none).
    #[test]
    fn a_damaged_column_title_fills_its_role() {
        let of = |cells: &[&str]| {
            let cells: Vec<Str> = cells.iter().map(|&c| Str::from(c)).collect();
            Columns::of(&cells).map(|c| (c.content, c.lead, c.cooperating, c.deadline))
        };
        let header = [
            "TT",
            "Nội dung",
            "Cơ quan chu trì",
            "Cơ quan phối hợp",
            "Thời gian",
        ];
        assert_eq!(of(&header), Some((Some(1), Some(2), Some(3), Some(4))));
        let damaged = [
            "TT",
            "Nôi dung",
            "Cơ quan chu trì",
            "Cơ quan phôi hợp",
            "Thơi gian",
        ];
        assert_eq!(of(&damaged), Some((Some(1), Some(2), Some(3), Some(4))));
        assert_eq!(
            of(&["STT", "Tên vị thuốc", "Công năng, chu trị", "Liều dùng"]),
            None
        );
    }

    /// The lead and partner cues of running text read with the marks a scan lost, where the
    /// exact words are missing: the same parties as the clean sentence gives.
    #[test]
    fn running_text_cues_read_with_marks_lost() {
        let r = AgencyRegistry::builtin();
        let clean = "Sở Y tế chủ trì, phối hợp với Sở Tài chính triển khai tiêm chủng";
        for damaged in [
            "Sở Y tế chu tri, phoi hop với Sở Tài chính triển khai tiêm chủng",
            "Sở Y tế chủ trì, phôi hợp vơi Sở Tài chính triển khai tiêm chủng",
            "Sở Y tế chu trì, phối hơp voi Sở Tài chính triển khai tiêm chủng",
        ] {
            assert_eq!(parties(&r, damaged), parties(&r, clean), "{damaged}");
        }
        let clean = parties(&r, "Sở Y tế chủ trì, phối hợp với Sở Tài chính triển khai");
        assert_eq!(clean.lead, ["Sở Y tế"]);
        assert_eq!(clean.cooperating, ["Sở Tài chính"]);
        // Under an agency named above: "Chủ trì, phối hợp với …", "Phối hợp với X …".
        let under = parties(
            &r,
            "Chu tri, phoi hop với các đơn vị liên quan tổ chức tập huấn",
        );
        assert_eq!(
            (under.lead, under.cooperating),
            (vec![String::new()], vec!["các đơn vị liên quan".to_owned()])
        );
        let partner_leads = parties(&r, "Phoi hop voi Sở Tài chính rà soát kinh phí");
        assert_eq!(partner_leads.lead, ["Sở Tài chính"]);
        // A name in small letters ends where a damaged predicate starts.
        let ends = parties(&r, "Ban Quản lý Khu kinh tế chu trì, phối hợp với các sở, ngành liên quan thưc hiện kiểm tra");
        assert_eq!(ends.lead, ["Ban Quản lý Khu kinh tế"]);
        assert_eq!(ends.cooperating, ["các Sở, ngành liên quan"]);
        // A medicine's indications are no lead.
        assert_eq!(
            parties(&r, "Bộ Y tế công bố công năng, chủ trị của vị thuốc").lead,
            Vec::<String>::new()
        );
    }

    /// A lead cell written as a sentence gives its agencies, not its words; a cell of names
    /// is left to `read_cell`.
    #[test]
    fn a_lead_cell_written_as_a_sentence() {
        let r = AgencyRegistry::builtin();
        let read = |cell: &str| sentence_cell(&r, cell);
        let owned = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            read("Sở Tài chính chủ trì, phối hợp các đơn vị liên quan"),
            Some((owned(&["Sở Tài chính"]), owned(&["các đơn vị liên quan"])))
        );
        assert_eq!(
            read("Sở KH&CN chủ trì hướng dẫn, tổng hợp; Các sở, ngành, UBND cấp xã thực hiện"),
            Some((
                owned(&["Sở Khoa học và Công nghệ"]),
                owned(&["các Sở, ngành", "Ủy ban nhân dân cấp xã"])
            ))
        );
        assert_eq!(
            read("Sở Giáo dục và Đào tạo; Sở Nội vụ; Sở Khoa học và Công nghệ thúc đẩy, theo dõi"),
            Some((
                owned(&[
                    "Sở Giáo dục và Đào tạo",
                    "Sở Nội vụ",
                    "Sở Khoa học và Công nghệ"
                ]),
                vec![]
            ))
        );
        for names in [
            "Sở Tài chính, Sở Nội vụ",
            "Sở Tài chính và cơ quan, địa phương liên quan",
            "Sở Nội vụ; các địa phương có liên quan",
            "Các Sở, ban, ngành và các địa phương liên quan",
        ] {
            assert_eq!(read(names), None, "{names}");
        }
    }

    #[test]
    fn lead_and_cooperating() {
        let r = AgencyRegistry::builtin();
        let p = parties(&r, "Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các Sở, ban, ngành, Ủy ban nhân dân huyện, thành phố tập trung triển khai");
        assert_eq!(p.lead, ["Sở Kế hoạch và Đầu tư"]);
        assert_eq!(
            p.cooperating,
            ["các Sở, ban, ngành", "Ủy ban nhân dân huyện, thành phố"]
        );
        let p = parties(&r, "Cục Thuế tỉnh: Tổ chức quản lý các nguồn thu");
        assert_eq!(p.responsible, ["Cục Thuế tỉnh"]);
        let p = parties(&r, "Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với các cơ quan, đơn vị, địa phương xây dựng");
        assert_eq!(p.lead, ["Sở Nông nghiệp và Môi trường"]);
        assert_eq!(p.cooperating, ["các cơ quan, đơn vị, địa phương"]);
    }

    /// Units of a ministry or a department lead as agencies do ("Vụ Tổng hợp", "Phòng Kinh
    /// tế"), and "Phòng" or "Vụ" with no name after it is a word ("Phòng, chống …", "Phòng
    /// ngừa …", "Vụ việc …"); a lead whose name the reader stops short of its "chủ trì" is
    /// the whole name up to it (stop 60: documents written for the test lost these leads).
    #[test]
    fn units_lead_and_a_name_runs_to_its_lead_cue() {
        let r = AgencyRegistry::builtin();
        for (text, lead, cooperating) in [
            (
                "Vụ Tổng hợp chủ trì, phối hợp với Vụ Pháp chế xây dựng báo cáo",
                "Vụ Tổng hợp",
                Some("Vụ Pháp chế"),
            ),
            (
                "Phòng Kinh tế chủ trì, phối hợp với Sở Tài chính thực hiện",
                "Phòng Kinh tế",
                Some("Sở Tài chính"),
            ),
            (
                "Cục Phát triển doanh nghiệp tư nhân và kinh tế tập thể chủ trì thực hiện",
                "Cục Phát triển doanh nghiệp tư nhân và kinh tế tập thể",
                None,
            ),
            (
                "Bệnh viện Quân y 175 chủ trì thực hiện",
                "Bệnh viện Quân y 175",
                None,
            ),
            (
                "UBND Quận 3 chủ trì thực hiện trước ngày 31/12/2025",
                "Ủy ban nhân dân Quận 3",
                None,
            ),
            (
                "Ban Dân chủ - Pháp luật và Công tác xã hội chủ trì, phối hợp với Sở Y tế rà soát",
                "Ban Dân chủ - Pháp luật và Công tác xã hội",
                Some("Sở Y tế"),
            ),
        ] {
            let p = parties(&r, text);
            assert_eq!(p.lead, [lead], "{text}");
            assert_eq!(
                p.cooperating.first().map(String::as_str),
                cooperating,
                "{text}"
            );
        }
        for text in [
            "Phòng, chống dịch bệnh trong mùa mưa lũ",
            "Phòng ngừa, ứng phó với bạo lực trên cơ sở giới",
            "Vụ việc phức tạp được báo cáo kịp thời",
        ] {
            assert_eq!(parties(&r, text), Parties::default(), "{text}");
        }
        // Not over a predicate ("tổng hợp kết quả và").
        let p = parties(&r, "Sở Tài chính tổng hợp kết quả và chủ trì báo cáo");
        assert!(p.lead.is_empty(), "{p:?}");
    }

    #[test]
    fn approvals_reports_and_descriptions_are_no_tasks() {
        let r = AgencyRegistry::builtin();
        // Corpus sentences: KL_75 / CTr_31 (approvals), a report of what was done, a
        // description of a unit.
        for text in [
            "Bộ Chính trị, Ban Bí thư cơ bản nhất trí với Tờ trình của Đảng ủy Chính phủ",
            "Bộ Chính trị, Ban Bí thư ghi nhận những kết quả đạt được",
            "Ủy ban nhân dân tỉnh đã ban hành nhiều văn bản chỉ đạo điều hành",
            "Sở Công Thương nhận được Văn bản số 11/VT ngày 29/5/2026",
            "Giám đốc Quỹ là người đại diện theo pháp luật của Quỹ",
            // A submission's closing request to its superior.
            "Sở Công Thương kính đề nghị UBND tỉnh xem xét, chỉ đạo./.",
            "Ủy ban nhân dân tỉnh kính trình Thủ tướng Chính phủ xem xét, quyết định",
        ] {
            assert_eq!(parties(&r, text), Parties::default(), "{text}");
        }
        // "X đề nghị Y …": the task is Y's.
        let p = parties(
            &r,
            "Cục Hóa chất đề nghị Sở Công Thương tỉnh Quảng Ngãi căn cứ các quy định trên",
        );
        assert_eq!(p.responsible, ["Sở Công Thương tỉnh Quảng Ngãi"]);
        // An assigning form stays a task (dong-thap 552-KH, VI/1).
        let p = parties(&r, "Sở Tư pháp chủ trì thẩm định");
        assert_eq!(p.lead, ["Sở Tư pháp"]);
        let p = parties(
            &r,
            "Sở Khoa học và Công nghệ là cơ quan thường trực, chủ trì theo dõi, đôn đốc",
        );
        assert_eq!(p.lead, ["Sở Khoa học và Công nghệ"]);
    }

    /// "chủ trì" later in the subject's own clause, after a comma or "là cơ quan", leads;
    /// after the subject's "phối hợp với" clause or past the clause's end it does not.
    #[test]
    fn a_lead_written_later_in_the_subjects_clause() {
        let r = AgencyRegistry::builtin();
        let leads = |text: &str| parties(&r, text).lead;
        // QD_27-2025-QD-UBND_2025_ThaiNguyen 4.5; KH_552-KH-UBND_2025_DongThap VI.1;
        // KH_7360-KH-UBND_2025_LaiChau III.3.
        let cases = [
            (
                "Sở Văn hóa, Thể thao và Du lịch quản lý về công tác thông tin tuyên truyền, \
                 chủ trì phối hợp với Báo Thái Nguyên tuyên truyền về an toàn điện.",
                "Sở Văn hóa, Thể thao và Du lịch",
            ),
            (
                "Sở Khoa học và Công nghệ là cơ quan thường trực, chủ trì theo dõi, đôn đốc \
                 việc thực hiện Kế hoạch.",
                "Sở Khoa học và Công nghệ",
            ),
            (
                "Sở Tài chính, trên cơ sở đề xuất của các cơ quan, đơn vị, địa phương, chủ trì \
                 tổng hợp trình cấp có thẩm quyền bố trí kinh phí.",
                "Sở Tài chính",
            ),
            (
                "Sở Công Thương là cơ quan chủ trì, có trách nhiệm tổng hợp kết quả.",
                "Sở Công Thương",
            ),
        ];
        for (text, lead) in cases {
            assert_eq!(leads(text), [lead], "{text}");
        }
        assert!(leads("Sở Tài chính phối hợp với Sở Nội vụ, chủ trì việc thẩm định.").is_empty());
        assert!(leads("Sở Tài chính thẩm định dự toán. Sở Nội vụ, chủ trì việc đó.").is_empty());
    }

    #[test]
    fn a_bullet_that_only_leads_takes_the_agency_of_its_heading() {
        // KH_unnumbered-KH-UBND_2026_LaoCai, IV/6: "6. Sở Nội vụ" over "- Chủ trì, phối hợp
        // với các cơ quan liên quan tuyên truyền …": the lead is left for the heading's agency.
        let r = AgencyRegistry::builtin();
        let p = parties(
            &r,
            "Chủ trì, phối hợp với các cơ quan liên quan tuyên truyền, phổ biến các quy định",
        );
        assert_eq!(p.lead, [""]);
        assert_eq!(p.cooperating, ["các cơ quan liên quan"]);
    }

    #[test]
    fn a_head_in_lower_case_after_giao() {
        // KH_2242-KH-SCT_2026_LaoCai, III/1.
        let r = AgencyRegistry::builtin();
        let p = parties(
            &r,
            "Giao phòng Quản lý Công nghiệp triển khai, thực hiện các công việc liên quan:",
        );
        assert_eq!(p.responsible, ["Phòng Quản lý Công nghiệp"]);
        // Not a head: nothing is read.
        let p = parties(&r, "Giao nhiệm vụ cho các đơn vị");
        assert_eq!(p, Parties::default());
        // Elsewhere "Phòng" starts no name without one after it: "Phòng, chống …".
        for text in [
            "Phòng, chống tham nhũng, lãng phí",
            "Phòng chuyên môn, nghiệp vụ:",
        ] {
            assert_eq!(parties(&r, text), Parties::default(), "{text}");
        }
        // A unit named alone is read as any agency is (since stop 60, when "Phòng" became a
        // head); the units a decision lists (QD_2979-QD-UBND_2025_HaTinh, Điều 3) are still
        // no tasks, as no bare list of names is (the corpus's extraction is unchanged).
        let p = parties(&r, "Phòng Xây dựng pháp luật;");
        assert_eq!(p.responsible, ["Phòng Xây dựng pháp luật"]);
    }

    #[test]
    fn a_cell_with_agencies_and_a_group() {
        let r = AgencyRegistry::builtin();
        assert_eq!(
            read_cell(&r, "Sở Tài chính và cơ\nquan, địa phương liên quan"),
            ["Sở Tài chính", "cơ quan, địa phương liên quan"]
        );
        assert_eq!(
            read_cell(&r, "Sở Tài chính, Sở Nội vụ"),
            ["Sở Tài chính", "Sở Nội vụ"]
        );
        assert_eq!(
            read_cell(
                &r,
                "Văn phòng Ban Chỉ\nhuy và cơ quan, địa phương liên quan"
            ),
            ["Văn phòng Ban Chỉ huy", "cơ quan, địa phương liên quan"]
        );
        // Names joined by "và" in capitals stay whole.
        assert_eq!(
            read_cell(&r, "Sở Kế hoạch và Đầu tư"),
            ["Sở Kế hoạch và Đầu tư"]
        );
    }
}
#[cfg(test)]
mod cell_tests {
    use super::*;

    #[test]
    fn a_known_group_keeps_the_words_that_qualify_it() {
        let r = AgencyRegistry::builtin();
        let got = read_cell(&r, "Các Sở, ban, ngành và các địa phương liên quan");
        assert_eq!(got, ["các Sở, ban, ngành", "các địa phương liên quan"]);
        let got = read_cell(&r, "Sở Nội vụ; các địa phương có liên quan");
        assert_eq!(got, ["Sở Nội vụ", "các địa phương có liên quan"]);
    }

    #[test]
    fn every_partner_of_a_task_and_not_those_of_another_subject() {
        let r = AgencyRegistry::builtin();
        // CD_224-CD-TTg_2025, 2.a: two "phối hợp với" in one sentence, no agency of its own.
        let p = parties(&r, "Tiếp tục phát huy vai trò cơ quan Thường trực chủ trì, phối hợp với Văn phòng Chính phủ, Bộ Tài chính rà soát danh mục; phối hợp với Đài Truyền hình Việt Nam xây dựng Chương trình.");
        assert_eq!(p.lead, [""]);
        assert_eq!(
            p.cooperating,
            [
                "Văn phòng Chính phủ",
                "Bộ Tài chính",
                "Đài Truyền hình Việt Nam"
            ]
        );
        // "chủ trì cùng …" names partners.
        let p = parties(&r, "Bộ Tài chính chủ trì cùng Bộ Xây dựng và các bộ, ngành liên quan rà soát, đánh giá đề xuất thưởng");
        assert_eq!(p.lead, ["Bộ Tài chính"]);
        assert_eq!(p.cooperating, ["Bộ Xây dựng", "các Bộ, ngành liên quan"]);
        // KL_221-KL-TW_2025: the later sentence has a subject of its own.
        let p = parties(&r, "Yêu cầu các cấp uỷ, cơ quan, đơn vị, địa phương đẩy mạnh việc rà soát. Các tỉnh uỷ, thành uỷ phối hợp Bộ Y tế, Bộ Nội vụ khẩn trương sắp xếp các trạm y tế cấp xã.");
        assert!(p.cooperating.is_empty(), "{p:?}");
        // Partners with nobody above to lead make no task.
        let q = fill_from_above(
            parties(
                &r,
                "Chủ trì, phối hợp với Bộ Tài chính kiểm tra hoạt động của Quỹ;",
            ),
            &Inherited::default(),
        );
        assert_eq!(q, Parties::default());
        let above = Inherited {
            agencies: vec!["Bộ Xây dựng".into()],
            ..Inherited::default()
        };
        let q = fill_from_above(
            parties(
                &r,
                "Chủ trì, phối hợp với Bộ Tài chính kiểm tra hoạt động của Quỹ;",
            ),
            &above,
        );
        assert_eq!(
            (q.lead, q.cooperating),
            (
                vec!["Bộ Xây dựng".to_owned()],
                vec!["Bộ Tài chính".to_owned()]
            )
        );
        // A head word alone does not lead: "Phối hợp với Quỹ nhà ở địa phương …".
        let p = parties(
            &r,
            "Phối hợp với Quỹ nhà ở địa phương trong việc tuyên truyền",
        );
        assert!(p.lead.is_empty(), "{p:?}");
    }

    #[test]
    fn the_subject_after_an_opening() {
        let r = AgencyRegistry::builtin();
        // KH_7360-KH-UBND_2025_LaiChau, IV.2 and III.2.
        let p = parties(&r, "Căn cứ nội dung Kế hoạch và tình hình thực tiễn, các sở, ngành và Ủy ban nhân dân các xã, phường được phân công chủ trì thực hiện nhiệm vụ có trách nhiệm xây dựng kế hoạch chi tiết");
        assert_eq!(
            p.responsible,
            ["các Sở, ngành", "Ủy ban nhân dân xã, phường"]
        );
        let p = parties(&r, "Đối với các nhiệm vụ triển khai trong năm 2025, các sở, ngành liên quan chủ động cân đối bố trí");
        assert_eq!(p.responsible, ["các Sở, ngành liên quan"]);
        // KH_134-KH-UBND_2026_LaoCai VI.2: the subject after a later comma of the opening;
        // CV_9387-UBND-KT_2026_LaoCai: after an assigning word.
        let p = parties(&r, "Trong quá trình tổ chức triển khai thực hiện, nếu có vướng mắc phát sinh cần sửa đổi, bổ sung kế hoạch, Thủ trưởng các cơ quan, đơn vị, Chủ tịch Ủy ban nhân dân các xã, phường chủ động gửi ý kiến về Sở Công Thương");
        assert_eq!(
            p.responsible,
            [
                "Thủ trưởng các cơ quan, đơn vị",
                "Chủ tịch Ủy ban nhân dân xã, phường"
            ]
        );
        let p = parties(
            &r,
            "Căn cứ ý kiến chỉ đạo, yêu cầu các Sở, ngành, địa phương triển khai thực hiện./.",
        );
        assert_eq!(p.responsible, ["các Sở, ngành, địa phương"]);
        // A request a few words into a part of the opening (KH_308-KH-UBND_2025_HaNoi III).
        let p = parties(&r, "Trong quá trình thực hiện Kế hoạch, nếu có khó khăn, vướng mắc đề nghị các Sở, ban, ngành, UBND xã, phường kịp thời phản ánh về Sở Khoa học và Công nghệ");
        assert_eq!(
            p.responsible,
            ["các Sở, ban, ngành", "Ủy ban nhân dân xã, phường"]
        );
        // A known group a few lower-case words in (KH_7360-KH-UBND_2025_LaiChau IV.3); not
        // after a title or a partner phrase.
        let p = parties(&r, "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc các cơ quan, đơn vị, địa phương kịp thời phản ánh về Ủy ban nhân dân tỉnh");
        assert_eq!(p.responsible, ["các cơ quan, đơn vị, địa phương"]);
        let p = parties(&r, "Căn cứ kế hoạch này, Giám đốc các Sở xây dựng kế hoạch");
        assert_eq!(p.responsible, ["Giám đốc các Sở"]);
        // The subject of the clause after a first one that names nobody (CTr_31-CTr-TW_2026
        // II.1); not after a label, nor a lower-case title or a law's enumeration.
        let p = parties(&r, "Thực hiện sự lãnh đạo, chỉ đạo toàn diện của Đảng; các cấp Uỷ, tổ chức đảng, các cấp chính quyền quán triệt sâu sắc quan điểm của Đảng");
        assert_eq!(
            p.responsible,
            ["các cấp ủy, tổ chức đảng", "các cấp chính quyền"]
        );
        for t in [
            "Trách nhiệm chỉ đạo thực hiện: Các cấp ủy, tổ chức đảng; Đảng ủy Ủy ban nhân dân tỉnh.",
            "Lãnh đạo, chỉ đạo, kiểm tra công tác thanh tra; lãnh đạo Thanh tra tỉnh thực hiện nhiệm vụ",
        ] {
            assert_eq!(parties(&r, t), Parties::default(), "{t}");
        }
        // Not further in: "… nếu có khó khăn trong việc thực hiện các nhiệm vụ mà Bộ đề nghị
        // …" names no one asked.
        let p = parties(&r, "Trong quá trình thực hiện, nếu có khó khăn trong việc thực hiện các nhiệm vụ đề nghị Sở Tài chính xem xét");
        assert_eq!(p, Parties::default());
        // A plan's closing request (KH_2242-KH-SCT_2026_LaoCai); not the issuer speaking of
        // itself after "Trên đây là …" (KH_0204-KH-UBND_2025_CaMau).
        let p = parties(&r, "Trên đây là Kế hoạch kiểm tra, cấp Giấy chứng nhận huấn luyện kỹ thuật an toàn vật liệu nổ công nghiệp trên địa bàn tỉnh Lào Cai của Sở Công Thương tỉnh Lào Cai, đề nghị các tổ chức, cá nhân liên quan phối hợp, triển khai thực hiện./.");
        assert_eq!(p.responsible, ["các tổ chức, cá nhân liên quan"]);
        let p = parties(&r, "Trên đây là Kế hoạch tài chính - ngân sách nhà nước 03 năm 2026 - 2028 tỉnh Cà Mau, Ủy ban nhân dân tỉnh Cà Mau báo cáo Bộ Tài chính.");
        assert_eq!(p, Parties::default());
        // A lower-case phrase that reads as a name, the next name of a list the opening
        // holds, an agent phrase, a head word alone, a name after the clause: no subject.
        let none = [
            "Trong quá trình tiến hành thanh tra, kiểm toán nhà nước hoặc trước khi ban hành kết luận",
            "Đối với nguồn vốn ủy thác cho Ngân hàng Chính sách xã hội, Hội đồng nhân dân cấp tỉnh quyết định",
            "Đối với cuộc thanh tra do các cơ quan thanh tra trong Quân đội nhân dân, Công an nhân dân tiến hành, thời gian không quá 15 ngày",
            "Đối với công chức giữ chức vụ lãnh đạo, quản lý, Hội đồng kỷ luật có 03 thành viên, bao gồm:",
            "Trong quá trình thực hiện nếu có khó khăn, vướng mắc đề nghị các cơ quan phản ánh về Sở Khoa học và Công nghệ để phối hợp giải quyết; trường hợp vượt thẩm quyền, Sở Khoa học và Công nghệ tổng hợp báo cáo",
        ];
        for t in none {
            assert_eq!(parties(&r, t), Parties::default(), "{t}");
        }
    }

    #[test]
    fn closing_requests_asked_partners_and_described_groups() {
        let r = AgencyRegistry::builtin();
        // The request may open the next sentence (KH_134-KH-UBND_2026_LaoCai,
        // KH_597-KH-UBND_2025_DongThap); a sentence that is no request names no one.
        let p = parties(&r, "Trên đây là Kế hoạch thực hiện Nghị quyết số 34-NQ/TU của Tỉnh uỷ Lào Cai về phát triển các khu, cụm công nghiệp năm 2026. Yêu cầu các sở, ban, ngành của tỉnh, Ủy ban nhân dân các phường, xã và các cơ quan đơn vị có liên quan triển khai thực hiện; đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh Lào Cai phối hợp thực hiện./.");
        // Those a later clause asks to cooperate cooperate.
        assert_eq!(
            p.cooperating,
            [
                "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
                "các tổ chức chính trị - xã hội tỉnh Lào Cai"
            ]
        );
        assert_eq!(
            p.responsible,
            [
                "các Sở, ban, ngành",
                "Ủy ban nhân dân xã, phường",
                "các cơ quan, đơn vị liên quan"
            ]
        );
        // A group described, not named (KH_7360-KH-UBND_2025_LaiChau III/4).
        let p = parties(&r, "Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này có trách nhiệm lập kế hoạch chi tiết");
        assert_eq!(
            p.responsible,
            ["Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này"]
        );
        // Not described by what it was given: the group of bodies by its kinds, up to the
        // predicate, not the clause up to "có trách nhiệm".
        let p = parties(
            &r,
            "Các cơ quan báo chí tăng cường tuyên truyền, có trách nhiệm đưa tin",
        );
        assert_eq!(p.responsible, ["các cơ quan báo chí"]);
        let p = parties(&r, "Trên đây là Kế hoạch tổ chức Hội nghị năm 2026. Ủy ban nhân dân tỉnh báo cáo Bộ Tài chính.");
        assert_eq!(p, Parties::default());
    }

    #[test]
    fn a_responsibility_clause_names_who_carries_its_points() {
        let r = AgencyRegistry::builtin();
        // ND_302-2025-ND-CP, Điều 24: "1. Trách nhiệm của Bộ Xây dựng" over "a) …".
        let p = parties(&r, "Trách nhiệm của Bộ Xây dựng");
        assert_eq!(p.responsible, ["Bộ Xây dựng"]);
        // Officials standing for every holder of the title, and the longest head.
        let p = parties(&r, "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thi hành Quyết định này.");
        assert_eq!(
            p.responsible,
            [
                "Bộ trưởng",
                "Thủ trưởng cơ quan ngang bộ",
                "Thủ trưởng cơ quan thuộc Chính phủ",
                "Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương"
            ]
        );
        let p = parties(&r, "Lãnh đạo, chỉ đạo các cơ quan triển khai thực hiện");
        assert!(p.responsible.is_empty(), "{p:?}");
        let p = parties(
            &r,
            "Đề nghị Viện kiểm sát nhân dân thành phố, Tòa án nhân dân thành phố phối hợp",
        );
        assert_eq!(
            p.responsible,
            [
                "Viện kiểm sát nhân dân thành phố",
                "Tòa án nhân dân thành phố"
            ]
        );
    }
}
