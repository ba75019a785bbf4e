//! How a command fails, and the exit code of each way.

/// How a command failed. Each kind is one exit code: 1 for an answer that is "no" (`--strict`,
/// lint findings, no match, a regression), 2 for the command line, 3 for input and output, 130
/// for an interruption; success is 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CliError {
    /// `parse --strict` and the document has error diagnostics, or `lint` found something at or
    /// above `--deny`.
    Strict,
    /// The ID matched nothing or several documents, or a path or agency query found nothing.
    NoMatch,
    /// `report --baseline`: a document regressed.
    Regression,
    /// A bad command line (clap exits with the same code on its own errors), such as an output
    /// path that is one of the inputs; the message, unless it was printed already.
    Usage(Option<String>),
    /// A file could not be read or decoded, vanban failed on it, or the output could not be
    /// written; the message, unless it was printed already (each file's as it is met).
    Input(Option<String>),
    /// SIGINT, SIGTERM or SIGHUP: no output file is left half-written.
    Interrupted,
}

impl CliError {
    /// The process exit code.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Strict | CliError::NoMatch | CliError::Regression => 1,
            CliError::Usage(_) => 2,
            CliError::Input(_) => 3,
            CliError::Interrupted => 130,
        }
    }

    /// An input or output error with its message.
    pub(crate) fn input(message: impl Into<String>) -> CliError {
        CliError::Input(Some(message.into()))
    }

    /// An input error whose message was printed already.
    pub(crate) fn input_reported() -> CliError {
        CliError::Input(None)
    }

    /// A command-line error with its message.
    pub(crate) fn usage(message: impl Into<String>) -> CliError {
        CliError::Usage(Some(message.into()))
    }

    /// A command-line error whose message was printed already.
    pub(crate) fn usage_reported() -> CliError {
        CliError::Usage(None)
    }

    /// Print the message not printed yet, on stderr.
    pub(crate) fn report(&self) {
        if let CliError::Usage(Some(m)) | CliError::Input(Some(m)) = self {
            note!("{m}");
        }
    }
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::Strict => f.write_str("error diagnostics or findings at the threshold"),
            CliError::NoMatch => f.write_str("no match"),
            CliError::Regression => f.write_str("a document regressed"),
            CliError::Usage(m) => f.write_str(m.as_deref().unwrap_or("bad command line")),
            CliError::Input(m) => f.write_str(m.as_deref().unwrap_or("a file could not be read")),
            CliError::Interrupted => f.write_str("interrupted"),
        }
    }
}

impl std::error::Error for CliError {}

/// What a command ends with: `Ok` (exit 0) or how it failed.
pub type CliResult = Result<(), CliError>;

/// The outcome of a command that goes on after a file it cannot read: exit 3 at the end when
/// one was met, else `ok`.
pub(crate) fn unless_unreadable(unreadable: bool, ok: CliResult) -> CliResult {
    if unreadable {
        Err(CliError::input_reported())
    } else {
        ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_are_the_documented_ones() {
        assert_eq!(CliError::Strict.exit_code(), 1);
        assert_eq!(CliError::NoMatch.exit_code(), 1);
        assert_eq!(CliError::Regression.exit_code(), 1);
        assert_eq!(CliError::usage_reported().exit_code(), 2);
        assert_eq!(CliError::input("x").exit_code(), 3);
        assert_eq!(CliError::Interrupted.exit_code(), 130);
    }

    #[test]
    fn an_unreadable_file_outweighs_the_answer() {
        assert_eq!(
            unless_unreadable(true, Err(CliError::Regression)),
            Err(CliError::input_reported())
        );
        assert_eq!(
            unless_unreadable(false, Err(CliError::Strict)),
            Err(CliError::Strict)
        );
        assert_eq!(unless_unreadable(false, Ok(())), Ok(()));
    }
}
