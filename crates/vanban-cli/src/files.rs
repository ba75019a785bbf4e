//! Files in and out: walking folders for documents, and writing outputs so that a reader
//! never sees a partial file.
//!
//! - A walk reads regular files only (a FIFO, socket or device named `*.txt` is reported and
//!   skipped: reading one blocks forever), follows directory links but reads every directory
//!   and file once (by device and inode; a link back to an ancestor is reported as a loop), and
//!   reports every path it cannot read — a path longer than the system allows included — instead
//!   of skipping it in silence.
//! - An output named with `-o` is written to a temporary file in the same folder and renamed
//!   over the target when complete; an interrupted run (Ctrl-C, SIGTERM, SIGHUP) removes the
//!   temporary file, so the target is either the old file or the whole new one. An output path
//!   that is also an input is refused before anything is read.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// What a walk found: the documents in order, and what it had to say about the rest.
#[derive(Debug, Default)]
pub struct Walk {
    /// Documents to read, in order: each root's files sorted, roots in the order given.
    pub files: Vec<PathBuf>,
    /// `path: error: …` lines: paths that could not be read (the exit code says so).
    pub errors: Vec<String>,
    /// `path: warning: …` lines: things skipped on purpose (loops, FIFOs, sockets, devices).
    pub warnings: Vec<String>,
}

impl Walk {
    /// Print the errors and warnings on stderr (warnings unless `quiet`); whether there were
    /// errors.
    pub(crate) fn report(&self, quiet: bool) -> bool {
        for e in &self.errors {
            note!("{}", vanban_text::visible(e));
        }
        if !quiet {
            for w in &self.warnings {
                note!("{}", vanban_text::visible(w));
            }
        }
        !self.errors.is_empty()
    }
}

/// The identity of a file or directory: device and inode where the platform has them.
#[cfg(unix)]
fn identity(meta: &std::fs::Metadata, _path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn identity(_meta: &std::fs::Metadata, _path: &Path) -> Option<(u64, u64)> {
    None
}

/// What kind of non-regular file this is, for the message.
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    let _ = meta;
    "not a regular file"
}

/// Whether a path names standard input.
pub(crate) fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Expand files and folders into the documents to read. A file given by name is read whatever
/// its extension or type (`<(…)` process substitution gives a pipe); inside folders only
/// regular `.txt` files are taken.
pub fn walk(roots: &[PathBuf]) -> Walk {
    let mut walk = Walk::default();
    let mut seen_files = SeenFiles::new();
    let mut seen_dirs: HashSet<(u64, u64)> = HashSet::new();
    let mut stdin = false;
    for root in roots {
        if is_stdin(root) {
            if std::mem::replace(&mut stdin, true) {
                walk.warnings.push(
                    "-: warning: skipped: standard input is given again; it is read once"
                        .to_owned(),
                );
            } else {
                walk.files.push(root.clone());
            }
            continue;
        }
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                walk.errors
                    .push(format!("{}: error: cannot read: {}", root.display(), e));
                continue;
            }
        };
        if meta.is_dir() {
            walk_dir(root, &mut walk, &mut seen_dirs, &mut seen_files);
        } else {
            if let Some(id) = identity(&meta, root) {
                if meta.is_file() && !first_sight(&mut seen_files, id, root, &mut walk) {
                    continue;
                }
            }
            walk.files.push(root.clone());
        }
    }
    walk
}

/// A folder to open, with the identities of its ancestors (for loops).
type Frame = (PathBuf, Vec<(u64, u64)>);

/// Identities (device, inode) of the folders met.
type Seen = HashSet<(u64, u64)>;

/// Identities (device, inode) of the files met, with the path each was first met by.
type SeenFiles = std::collections::HashMap<(u64, u64), PathBuf>;

/// Whether the file `id` at `path` is met for the first time; else a warning naming the path
/// it was read by (the same file given twice, or through a link: read once, but never left
/// out without a word).
fn first_sight(seen: &mut SeenFiles, id: (u64, u64), path: &Path, walk: &mut Walk) -> bool {
    match seen.entry(id) {
        std::collections::hash_map::Entry::Vacant(e) => {
            e.insert(path.to_owned());
            true
        }
        std::collections::hash_map::Entry::Occupied(e) => {
            walk.warnings.push(format!(
                "{}: warning: skipped: the same file as {}, which is read once",
                path.display(),
                e.get().display()
            ));
            false
        }
    }
}

/// Walk one folder without recursion (a deep tree cannot overflow the stack): entries sorted by
/// name, depth first.
fn walk_dir(
    root: &Path,
    walk: &mut Walk,
    seen_dirs: &mut HashSet<(u64, u64)>,
    seen_files: &mut SeenFiles,
) {
    let mut stack: Vec<Frame> = Vec::new();
    match std::fs::metadata(root) {
        Ok(m) => {
            if let Some(id) = identity(&m, root) {
                if !seen_dirs.insert(id) {
                    return;
                }
                stack.push((root.to_owned(), vec![id]));
            } else {
                stack.push((root.to_owned(), Vec::new()));
            }
        }
        Err(e) => {
            walk.errors
                .push(format!("{}: error: cannot read: {}", root.display(), e));
            return;
        }
    }
    while let Some((dir, ancestors)) = stack.pop() {
        let Some(paths) = entries(&dir, walk) else {
            continue;
        };
        let mut subdirs = Vec::new();
        for path in paths {
            visit(
                path,
                &ancestors,
                walk,
                (seen_dirs, seen_files),
                &mut subdirs,
            );
        }
        // Depth first, in name order: push in reverse.
        stack.extend(subdirs.into_iter().rev());
    }
}

/// The entries of a folder, sorted; `None` when it cannot be read (an error in the walk).
fn entries(dir: &Path, walk: &mut Walk) -> Option<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(r) => r,
        Err(e) => {
            walk.errors.push(format!(
                "{}: error: cannot read the folder: {}",
                dir.display(),
                e
            ));
            return None;
        }
    };
    let mut paths = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => paths.push(e.path()),
            Err(e) => walk.errors.push(format!(
                "{}: error: cannot read an entry of the folder: {}",
                dir.display(),
                e
            )),
        }
    }
    paths.sort();
    Some(paths)
}

/// One entry of a folder: a folder to walk (unless a loop or seen before), a `.txt` file to
/// read (unless not regular or seen before), or nothing.
fn visit(
    path: PathBuf,
    ancestors: &[(u64, u64)],
    walk: &mut Walk,
    (seen_dirs, seen_files): (&mut Seen, &mut SeenFiles),
    subdirs: &mut Vec<Frame>,
) {
    let meta = match std::fs::metadata(&path) {
        Ok(m) => m,
        Err(e) => {
            // A dangling link that does not look like a document is not worth a word.
            let is_link =
                std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
            if !is_link || has_txt(&path) {
                walk.errors
                    .push(format!("{}: error: cannot read: {}", path.display(), e));
            }
            return;
        }
    };
    let id = identity(&meta, &path);
    if meta.is_dir() {
        match id {
            Some(id) if ancestors.contains(&id) => walk.warnings.push(format!(
                "{}: warning: skipped: a link back to a folder above it (a loop)",
                path.display()
            )),
            Some(id) if !seen_dirs.insert(id) => {} // reached before by another path
            _ => {
                let mut a = ancestors.to_vec();
                a.extend(id);
                subdirs.push((path, a));
            }
        }
    } else if has_txt(&path) {
        if !meta.is_file() {
            walk.warnings.push(format!(
                "{}: warning: skipped: {}, not a document file",
                path.display(),
                special_kind(&meta)
            ));
        } else if id.is_none_or(|id| first_sight(seen_files, id, &path, walk)) {
            walk.files.push(path);
        }
    }
}

fn has_txt(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "txt")
}

/// Temporary files not yet renamed into place, removed when the process is interrupted.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Remove temporary outputs and exit when the user interrupts (SIGINT, SIGTERM, SIGHUP):
/// no partial file is left at an output path.
pub(crate) fn install_interrupt_handler() {
    let _ = ctrlc::set_handler(|| {
        if let Ok(list) = PENDING.lock() {
            for p in list.iter() {
                let _ = std::fs::remove_file(p);
            }
        }
        note!("interrupted: no output file was written");
        std::process::exit(i32::from(crate::CliError::Interrupted.exit_code()));
    });
    // A file-size limit (`ulimit -f`) kills a process that writes past it (SIGXFSZ, exit 153,
    // nothing said, the temporary file left). Caught, the write fails with "File too large"
    // instead, and the output error path reports it and removes the temporary file.
    #[cfg(unix)]
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
}

/// An output file written in full or not at all. A target that exists and is not a regular
/// file (`/dev/null`, a FIFO, a terminal) is written to directly: renaming a file over it
/// would replace the device or pipe with a plain file. A link to a regular file is followed,
/// so the link stays and its target gets the output.
pub(crate) struct AtomicFile {
    file: Option<tempfile::NamedTempFile>,
    direct: Option<std::fs::File>,
    target: PathBuf,
}

impl AtomicFile {
    /// A temporary file beside `target` (or `target` itself when it is not a regular file).
    pub(crate) fn create(target: &Path) -> std::io::Result<AtomicFile> {
        if let Ok(meta) = std::fs::metadata(target) {
            if !meta.is_file() {
                let direct = std::fs::OpenOptions::new().write(true).open(target)?;
                return Ok(AtomicFile {
                    file: None,
                    direct: Some(direct),
                    target: target.to_owned(),
                });
            }
        }
        let resolved = match std::fs::symlink_metadata(target) {
            Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(target)?,
            _ => target.to_owned(),
        };
        let target = resolved.as_path();
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
            _ => PathBuf::from("."),
        };
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let prefix = format!(".{name}.");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".part");
        // A new output gets the mode of any file the user creates (0666 less the umask, which
        // the system applies), not the temporary file's 0600; a replaced one keeps its mode.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        // (A missing folder is named as such: the temporary file's error names a path the
        // user never gave, ".out.json.QicemX.part".)
        if !dir.is_dir() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("there is no folder {}", dir.display()),
            ));
        }
        let file = builder.tempfile_in(&dir)?;
        if let Ok(existing) = std::fs::metadata(target) {
            file.as_file().set_permissions(existing.permissions())?;
        }
        if let Ok(mut list) = PENDING.lock() {
            list.push(file.path().to_owned());
        }
        Ok(AtomicFile {
            file: Some(file),
            direct: None,
            target: target.to_owned(),
        })
    }

    /// Flush and rename over the target.
    pub(crate) fn commit(mut self) -> std::io::Result<()> {
        if let Some(mut direct) = self.direct.take() {
            return direct.flush();
        }
        let Some(mut file) = self.file.take() else {
            return Ok(());
        };
        file.flush()?;
        let tmp = file.path().to_owned();
        let result = file.persist(&self.target).map(|_| ()).map_err(|e| e.error);
        forget_pending(&tmp);
        result
    }
}

fn forget_pending(path: &Path) {
    if let Ok(mut list) = PENDING.lock() {
        list.retain(|p| p != path);
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if let Some(f) = self.file.take() {
            let tmp = f.path().to_owned();
            drop(f); // NamedTempFile removes itself
            forget_pending(&tmp);
        }
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Some(d) = &mut self.direct {
            return d.write(buf);
        }
        match &mut self.file {
            Some(f) => f.write(buf),
            None => Ok(0),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        if let Some(d) = &mut self.direct {
            return d.flush();
        }
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

/// Write a whole output at once: to the file (atomically) or to standard output (a closed
/// pipe, as with `| head`, is not an error).
pub(crate) fn write_all(path: Option<&PathBuf>, text: &str) -> std::io::Result<()> {
    write_streamed(path, |w| w.write_all(text.as_bytes()))
}

/// Write an output as it is made, buffered: to the file (atomically: the target is replaced
/// only when `write` succeeds) or to standard output (a closed pipe is not an error).
pub(crate) fn write_streamed(
    path: Option<&PathBuf>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    match path {
        Some(p) => {
            let mut f = std::io::BufWriter::new(AtomicFile::create(p)?);
            write(&mut f)?;
            f.into_inner().map_err(|e| e.into_error())?.commit()
        }
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            match write(&mut out).and_then(|()| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r,
            }
        }
    }
}

/// [`write_streamed`] of an output made by vanban-output, with the errors a command reports:
/// `{prefix}error: cannot serialise the output: …` when the output could not be made (it
/// always can: the model's types serialise), [`crate::output_error`] (naming the output)
/// when the writer failed.
pub(crate) fn write_made(
    path: Option<&PathBuf>,
    prefix: &str,
    make: impl FnOnce(&mut dyn Write) -> Result<(), vanban_output::Error>,
) -> Result<(), crate::CliError> {
    let mut unserialisable = None;
    write_streamed(path, |w| {
        make(w).map_err(|e| match e {
            vanban_output::Error::Io(e) => e,
            e => {
                let message = format!("{prefix}error: cannot serialise the output: {e}");
                unserialisable = Some(message.clone());
                std::io::Error::other(message)
            }
        })
    })
    .map_err(|e| match unserialisable.take() {
        Some(message) => crate::CliError::input(message),
        None => crate::output_error(path, e),
    })
}

/// Refuse an output path that names one of the inputs (it would be overwritten before or while
/// it is read). Compares device and inode when the output exists, else the resolved paths.
pub(crate) fn output_clobbers_input(output: &Path, inputs: &[PathBuf]) -> Option<PathBuf> {
    let out_meta = std::fs::metadata(output).ok()?;
    let out_id = identity(&out_meta, output);
    let out_canon = std::fs::canonicalize(output).ok();
    inputs
        .iter()
        .filter(|p| !is_stdin(p))
        .find(|p| {
            let meta = std::fs::metadata(p).ok();
            match (out_id, meta.as_ref().and_then(|m| identity(m, p))) {
                (Some(a), Some(b)) => a == b,
                _ => out_canon.is_some() && std::fs::canonicalize(p).ok() == out_canon,
            }
        })
        .cloned()
}

/// The documents and the other files a command reads (registry tables, a list of files, a
/// baseline): an output must overwrite none of them.
pub(crate) fn all_inputs<'a>(
    files: &'a [PathBuf],
    others: impl IntoIterator<Item = &'a PathBuf>,
) -> Vec<PathBuf> {
    files.iter().chain(others).cloned().collect()
}

/// Print an error and return true when `output` names one of the inputs.
pub(crate) fn refuse_clobber(output: Option<&PathBuf>, inputs: &[PathBuf]) -> bool {
    let Some(out) = output else { return false };
    match output_clobbers_input(out, inputs) {
        Some(input) => {
            note!(
                "{}: error: the output would overwrite the input {}; choose another output path",
                out.display(),
                input.display()
            );
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_walk_takes_regular_txt_files_in_name_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        std::fs::create_dir_all(d.join("b/c")).expect("mkdir");
        for f in ["b/c/z.txt", "b/a.txt", "a.txt", "note.md"] {
            std::fs::write(d.join(f), "x").expect("write");
        }
        let w = walk(&[d.to_owned()]);
        let names: Vec<String> = w
            .files
            .iter()
            .map(|p| p.strip_prefix(d).expect("prefix").display().to_string())
            .collect();
        assert_eq!(names, ["a.txt", "b/a.txt", "b/c/z.txt"]);
        assert!(w.errors.is_empty() && w.warnings.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_loop_is_reported_and_each_file_read_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        std::fs::create_dir_all(d.join("s")).expect("mkdir");
        std::fs::write(d.join("a.txt"), "x").expect("write");
        std::os::unix::fs::symlink("..", d.join("s/up")).expect("link");
        std::os::unix::fs::symlink("..", d.join("s/up2")).expect("link");
        std::os::unix::fs::symlink("a.txt", d.join("b.txt")).expect("link");
        let w = walk(&[d.to_owned()]);
        assert_eq!(w.files.len(), 1, "{:?}", w.files);
        assert_eq!(w.warnings.len(), 3, "{:?}", w.warnings);
        assert!(w.warnings[0].contains("same file as"), "{:?}", w.warnings);
        assert!(w.warnings[1].contains("loop") && w.warnings[2].contains("loop"));
    }

    // Found at stop 44: a file given twice, or through a hard or symbolic link, and standard
    // input given twice were left out without a word (with -v too); the second `-` read an
    // empty document.
    #[cfg(unix)]
    #[test]
    fn a_file_met_again_is_read_once_and_named() {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        std::fs::create_dir_all(d.join("s")).expect("mkdir");
        std::fs::write(d.join("a.txt"), "x").expect("write");
        std::fs::hard_link(d.join("a.txt"), d.join("s/hard.txt")).expect("link");
        std::os::unix::fs::symlink("../a.txt", d.join("s/sym.txt")).expect("link");
        let a = d.join("a.txt");
        let w = walk(&[a.clone(), a.clone(), d.join("s"), "-".into(), "-".into()]);
        assert_eq!(w.files, [a.clone(), PathBuf::from("-")]);
        let first = format!("the same file as {}, which is read once", a.display());
        let named = |p: &Path| format!("{}: warning: skipped: {first}", p.display());
        assert_eq!(
            w.warnings,
            [
                named(&a),
                named(&d.join("s/hard.txt")),
                named(&d.join("s/sym.txt")),
                "-: warning: skipped: standard input is given again; it is read once".to_owned(),
            ]
        );
        assert!(w.errors.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_in_a_folder_is_skipped_with_a_warning() {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        std::fs::write(d.join("a.txt"), "x").expect("write");
        let fifo = d.join("z.txt");
        let ok = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            return; // no mkfifo here: nothing to test
        }
        let w = walk(&[d.to_owned()]);
        assert_eq!(w.files.len(), 1);
        assert!(w.warnings[0].contains("FIFO"), "{:?}", w.warnings);
    }

    #[test]
    fn a_missing_root_is_an_error_naming_it() {
        let w = walk(&[PathBuf::from("/no/such/folder")]);
        assert!(w.files.is_empty());
        assert!(w.errors[0].starts_with("/no/such/folder: error: cannot read"));
    }

    #[test]
    fn an_atomic_file_appears_whole_or_not_at_all() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("out.json");
        std::fs::write(&target, "old").expect("write");
        {
            let mut f = AtomicFile::create(&target).expect("create");
            f.write_all(b"new, half").expect("write");
            // dropped without commit
        }
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "old");
        assert_eq!(std::fs::read_dir(dir.path()).expect("ls").count(), 1);
        let mut f = AtomicFile::create(&target).expect("create");
        f.write_all(b"new").expect("write");
        f.commit().expect("commit");
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "new");
        assert_eq!(std::fs::read_dir(dir.path()).expect("ls").count(), 1);
    }

    #[test]
    fn a_pipe_or_a_link_is_written_through_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().expect("tempdir");
        // `-o /dev/null` once replaced the device with a plain file (a rename over it); a
        // FIFO is the same kind of target that a test may make.
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        assert!(made, "mkfifo");
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read(fifo))
        };
        let mut f = AtomicFile::create(&fifo).expect("create");
        f.write_all(b"through the pipe").expect("write");
        f.commit().expect("commit");
        let kind = std::fs::symlink_metadata(&fifo).expect("meta").file_type();
        assert!(kind.is_fifo(), "the FIFO was replaced by a file");
        let got = reader.join().expect("join").expect("read");
        assert_eq!(got, b"through the pipe");
        // A link to a regular file stays a link, and its target gets the output.
        let real = dir.path().join("real.json");
        std::fs::write(&real, "old").expect("write");
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        let mut f = AtomicFile::create(&link).expect("create");
        f.write_all(b"new").expect("write");
        f.commit().expect("commit");
        let kind = std::fs::symlink_metadata(&link).expect("meta").file_type();
        assert!(kind.is_symlink(), "the link was replaced by a file");
        assert_eq!(std::fs::read_to_string(&real).expect("read"), "new");
    }

    #[test]
    fn an_output_has_the_mode_of_a_file_the_user_makes() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        // What the umask makes of 0666 here: the mode of a file made the ordinary way.
        let plain = dir.path().join("plain");
        std::fs::write(&plain, "x").expect("write");
        let expected = std::fs::metadata(&plain)
            .expect("meta")
            .permissions()
            .mode()
            & 0o777;
        let target = dir.path().join("out.json");
        let mut f = AtomicFile::create(&target).expect("create");
        f.write_all(b"new").expect("write");
        f.commit().expect("commit");
        let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&target), expected, "not the temporary file's 0600");
        // A replaced file keeps its mode.
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        let mut f = AtomicFile::create(&target).expect("create");
        f.write_all(b"newer").expect("write");
        f.commit().expect("commit");
        assert_eq!(mode(&target), 0o640);
    }

    #[test]
    fn an_output_that_is_an_input_is_found() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = dir.path().join("a.txt");
        std::fs::write(&a, "x").expect("write");
        let other = dir.path().join("b.json");
        assert_eq!(
            output_clobbers_input(&a, std::slice::from_ref(&a)),
            Some(a.clone())
        );
        let dotted = dir.path().join(".").join("a.txt");
        assert_eq!(
            output_clobbers_input(&dotted, std::slice::from_ref(&a)),
            Some(a.clone())
        );
        assert_eq!(
            output_clobbers_input(&other, std::slice::from_ref(&a)),
            None
        );
    }
}
