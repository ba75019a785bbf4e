//! The `vanban` command-line tool; see `vanban --help`.

fn main() -> std::process::ExitCode {
    vanban_cli::main()
}
