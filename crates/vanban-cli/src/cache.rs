//! `--cache DIR`: what `extract`, the graph commands and `report` learn about a document, kept
//! on disk and keyed by its bytes, so that an unchanged file is not parsed again.
//!
//! - **Key.** BLAKE3, keyed with a salt made of the entry format, vanban's version, every word
//!   list, registry and grammar compiled in (`vanban_syntax::embedded_data`,
//!   `vanban_extract::embedded_data`) and the contents of the `--agencies` /
//!   `--abbreviations` files given, over the file's bytes. A changed file, list, grammar,
//!   version or option is another key; the path of the file is not part of it (a copy or a
//!   renamed file hits).
//! - **Entry.** The extraction record (without `source`) and the report line of the document
//!   (without `file`), which between them hold everything the three commands print about it,
//!   diagnostics included; the path is put back when it is read. Stored as
//!   `DIR/ab/cdef….vbc`: a header (magic, format, body length, BLAKE3 of the key and the
//!   body) and the body. An entry that does not check out (truncated, damaged, another format,
//!   another key's entry copied over it, not a regular file) is a miss and is written again;
//!   nothing is trusted that does not match its own hash, and no more is read of an entry than
//!   its header says it holds.
//! - **Safety.** An entry is written to a temporary file in its folder and renamed into place,
//!   so runs that share a cache see whole entries or none. The folder may be deleted at any
//!   time. A cache folder that cannot be made gives one warning and the run goes on as without
//!   a cache (its output is the same); an entry that cannot be written is named in a warning
//!   (the first; the others are counted in the summary).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};
use vanban_lint::report::DocumentReport;
use vanban_model::Extraction;

/// The first bytes of every entry; the last byte is the format, raised when the body changes.
const MAGIC: [u8; 8] = *b"VANBANC\x02";

/// Header: magic, body length (u64 little-endian), BLAKE3 of the key and the body (format 1
/// hashed the body alone, so that another key's entry copied over one was taken for it).
const HEADER: usize = 8 + 8 + 32;

/// The note left in the cache folder for people who find it.
const README: &str = "This folder is a cache of vanban (`--cache`): what each document gives, \
keyed by the hash of its bytes, vanban's version and the word lists compiled in.\n\
It may be deleted at any time; vanban makes it again. Several runs may share it.\n";

/// What is kept of one document.
#[derive(Serialize, Deserialize)]
pub(crate) struct Entry {
    /// The extraction record, `source` empty.
    pub extraction: Extraction,
    /// The report line, `file` empty.
    pub report: DocumentReport,
}

/// A cache folder in use, with its counts.
pub(crate) struct Cache {
    dir: PathBuf,
    salt: [u8; 32],
    hits: AtomicUsize,
    misses: AtomicUsize,
    /// Entries found damaged (and written again).
    damaged: AtomicUsize,
    /// Entries that could not be written (the first is named in a warning).
    unwritten: AtomicUsize,
}

/// The key of a document's bytes under a salt (hex).
pub(crate) type Key = String;

impl Cache {
    /// Open (make) the cache folder; `options` is the fingerprint of the extraction options.
    /// A folder that cannot be made or written is a warning (unless `quiet`) and no cache.
    pub(crate) fn open(dir: &Path, options: &[u8], quiet: bool) -> Option<Cache> {
        let made = std::fs::create_dir_all(dir).and_then(|()| {
            let readme = dir.join("README");
            if readme.is_file() {
                return Ok(());
            }
            write_atomic(dir, &readme, README.as_bytes())
        });
        if let Err(e) = made {
            if !quiet {
                note!(
                    "{}: warning: cannot use the cache folder: {e}; going on without a cache",
                    dir.display()
                );
            }
            return None;
        }
        Some(Cache {
            dir: dir.to_owned(),
            salt: salt(&embedded_data(), options),
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
            damaged: AtomicUsize::new(0),
            unwritten: AtomicUsize::new(0),
        })
    }

    /// The key of a document's bytes.
    pub(crate) fn key(&self, bytes: &[u8]) -> Key {
        blake3::keyed_hash(&self.salt, bytes).to_hex().to_string()
    }

    /// Where the entry of a key lives.
    fn path(&self, key: &str) -> PathBuf {
        // (A key is hexadecimal: any offset is a boundary; checked all the same.)
        let (shard, rest) = key.split_at_checked(2.min(key.len())).unwrap_or(("", key));
        self.dir.join(shard).join(format!("{rest}.vbc"))
    }

    /// The entry of a key, when there is a whole one; counts a hit or a miss.
    pub(crate) fn get(&self, key: &str) -> Option<Entry> {
        let found = match read_entry(&self.path(key)) {
            Read::Entry(bytes) => match decode(key, &bytes) {
                Some(entry) => Some(entry),
                None => {
                    self.damaged.fetch_add(1, Ordering::Relaxed);
                    None
                }
            },
            Read::Damaged => {
                self.damaged.fetch_add(1, Ordering::Relaxed);
                None
            }
            Read::Missing => None,
        };
        let counter = if found.is_some() {
            &self.hits
        } else {
            &self.misses
        };
        counter.fetch_add(1, Ordering::Relaxed);
        found
    }

    /// Keep an entry. The first write that fails is named in a warning (unless `quiet`); the
    /// others are counted in the summary.
    pub(crate) fn put(&self, key: &str, entry: &Entry, quiet: bool) {
        let Some(bytes) = encode(key, entry) else {
            return;
        };
        let path = self.path(key);
        let dir = path.parent().unwrap_or(&self.dir).to_owned();
        let written =
            std::fs::create_dir_all(&dir).and_then(|()| write_atomic(&dir, &path, &bytes));
        if let Err(e) = written {
            if self.unwritten.fetch_add(1, Ordering::Relaxed) == 0 && !quiet {
                note!(
                    "{}: warning: cannot write this cache entry: {e}; the run goes on (the \
                     output is the same without the cache)",
                    path.display()
                );
            }
        }
    }

    /// `cache: 70 hits, 7 misses (DIR)` on stderr, and the damaged entries rewritten.
    pub(crate) fn summary(&self) {
        use vanban_text::count;
        let damaged = self.damaged.load(Ordering::Relaxed);
        let mut damaged = if damaged > 0 {
            format!(
                ", {} damaged and written again",
                count(damaged, "entry", "entries")
            )
        } else {
            String::new()
        };
        let unwritten = self.unwritten.load(Ordering::Relaxed);
        if unwritten > 0 {
            damaged.push_str(&format!(
                ", {} not written",
                count(unwritten, "entry", "entries")
            ));
        }
        note!(
            "cache: {}, {}{damaged} ({})",
            count(self.hits.load(Ordering::Relaxed), "hit", "hits"),
            count(self.misses.load(Ordering::Relaxed), "miss", "misses"),
            self.dir.display()
        );
    }
}

/// The salt of every key: format, version, the data compiled in, the options.
fn salt(data: &[(&str, &str)], options: &[u8]) -> [u8; 32] {
    let mut h = blake3::Hasher::new();
    let mut field = |bytes: &[u8]| {
        h.update(&(bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    field(&MAGIC);
    field(env!("CARGO_PKG_VERSION").as_bytes());
    for (file, text) in data {
        field(file.as_bytes());
        field(text.as_bytes());
    }
    field(options);
    *h.finalize().as_bytes()
}

/// Every list and grammar compiled in, the parser's then extraction's.
pub(crate) fn embedded_data() -> Vec<(&'static str, &'static str)> {
    let mut all = vanban_syntax::embedded_data();
    all.extend(vanban_extract::embedded_data());
    all
}

/// The hash of an entry's body under its key: an entry holds the hash of its own key, so one
/// copied over another's path does not check out.
fn entry_hash(key: &str, body: &[u8]) -> blake3::Hash {
    let mut h = blake3::Hasher::new();
    h.update(&(key.len() as u64).to_le_bytes());
    h.update(key.as_bytes());
    h.update(body);
    h.finalize()
}

/// Header and body of the entry of `key`.
fn encode(key: &str, entry: &Entry) -> Option<Vec<u8>> {
    let body = serde_json::to_vec(entry).ok()?;
    let mut out = Vec::with_capacity(HEADER + body.len());
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(entry_hash(key, &body).as_bytes());
    out.extend_from_slice(&body);
    Some(out)
}

/// The entry of `key` in these bytes, when the header is ours and the body whole, unchanged
/// and written for this key.
fn decode(key: &str, bytes: &[u8]) -> Option<Entry> {
    let (head, body) = bytes.split_at_checked(HEADER)?;
    let (magic, rest) = head.split_at(8);
    let (len, hash) = rest.split_at(8);
    let len = u64::from_le_bytes(len.try_into().ok()?);
    if magic != MAGIC || len != body.len() as u64 || entry_hash(key, body).as_bytes() != hash {
        return None;
    }
    // Checked as UTF-8 once, not string by string.
    serde_json::from_str(std::str::from_utf8(body).ok()?).ok()
}

/// What reading an entry's file found.
enum Read {
    /// The bytes of a file whose header is ours and whose size is what it says.
    Entry(Vec<u8>),
    /// Something else: not a regular file (a FIFO would block the run, a device would never
    /// end), a header not ours, a size not the header's.
    Damaged,
    /// No entry.
    Missing,
}

/// The bytes of the entry at `path`, reading no more than its header says the entry holds:
/// a damaged entry costs at most its own size, never a read without end.
fn read_entry(path: &Path) -> Read {
    use std::io::Read as _;
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(_) => return Read::Missing,
    };
    if !meta.is_file() {
        return Read::Damaged;
    }
    let Ok(mut file) = std::fs::File::open(path) else {
        return Read::Missing;
    };
    let mut head = [0u8; HEADER];
    if file.read_exact(&mut head).is_err() || head.get(..8) != Some(&MAGIC[..]) {
        return Read::Damaged;
    }
    let len = head
        .get(8..16)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u64::from_le_bytes);
    if Some(len) != meta.len().checked_sub(HEADER as u64) {
        return Read::Damaged;
    }
    let mut bytes = head.to_vec();
    // (One byte more than the header says, to see a file that grew meanwhile.)
    match file.take(len + 1).read_to_end(&mut bytes) {
        Ok(n) if n as u64 == len => Read::Entry(bytes),
        _ => Read::Damaged,
    }
}

/// Write `bytes` to `path` through a temporary file in `dir` renamed into place.
fn write_atomic(dir: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut tmp = tempfile::Builder::new().prefix(".part-").tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.persist(path).map(|_| ()).map_err(|e| e.error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_list_and_grammar_is_in_the_key() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let keyed: std::collections::BTreeSet<String> = embedded_data()
            .iter()
            .filter_map(|(f, _)| Path::new(f).file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect();
        for dir in ["data", "grammars"] {
            for entry in std::fs::read_dir(repo.join(dir)).expect("read the folder") {
                let name = entry.expect("entry").file_name();
                let name = name.to_string_lossy();
                assert!(
                    keyed.contains(name.as_ref()),
                    "{dir}/{name} is compiled in but not part of the cache key"
                );
            }
        }
    }

    #[test]
    fn a_changed_word_list_or_option_is_another_salt() {
        let data = embedded_data();
        let base = salt(&data, b"");
        assert_eq!(base, salt(&data, b""));
        assert_ne!(base, salt(&data, b"x"), "an option");
        for i in [0, data.len() / 2, data.len() - 1] {
            let mut changed: Vec<(&str, &str)> = data.clone();
            let text = format!("{} ", changed[i].1);
            changed[i].1 = &text;
            assert_ne!(base, salt(&changed, b""), "{} changed", changed[i].0);
        }
    }

    #[test]
    fn a_damaged_entry_is_not_read() {
        let parsed = vanban_syntax::parse("ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 208/KH-UBND\n");
        let extraction = vanban_extract::extract(&parsed);
        let report = vanban_lint::report::document_report("", &parsed, &extraction);
        let bytes = encode("ab12", &Entry { extraction, report }).expect("encode");
        assert!(decode("ab12", &bytes).is_some());
        assert!(
            decode("ab12", &bytes[..bytes.len() - 1]).is_none(),
            "truncated"
        );
        let mut flipped = bytes.clone();
        let last = flipped.len() - 2;
        flipped[last] ^= 1;
        assert!(decode("ab12", &flipped).is_none(), "a changed byte");
        assert!(decode("ab12", b"VANBANC").is_none(), "a short file");
        // Another key's entry, whole and unchanged, copied over this one's path.
        assert!(decode("ab13", &bytes).is_none(), "another key's entry");
    }
}
