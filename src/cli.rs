//! The command line: clap definitions, and a thin call into the library for each command.
//!
//! Exit codes: 0 all good, 1 findings (validation), 2 usage or input errors. Errors go to
//! stderr, one clear line first and the details after.

mod document;
mod export;
mod import;
mod library;
mod lint;
mod mv;
mod output;
mod templates;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

pub use output::Outcome;

const AFTER_HELP: &str = "\
Examples:
  blameless new --title \"Checkout API errors\"      create postmortems/YYYY-MM-DD-checkout-api-errors.yaml
  blameless templates list                         the templates you can start from
  blameless validate postmortems/*.yaml            check documents (exit 1 on findings)
  blameless export postmortems/x.yaml -o x.md      Markdown for the wiki

Exit status: 0 ok, 1 findings, 2 usage or input error.";

const LINT_HELP: &str = "\
Examples:
  blameless lint                                   postmortems/ (or the current folder)
  blameless lint postmortems/x.yaml docs/ --format github   annotations in a GitHub workflow
  blameless lint --max-severity warning            exit 1 only on errors
  blameless lint --list-rules                      every rule, its category and level

Lines and columns are 1-based and count characters, pointing into the file as written (YAML
block scalars included). Keep a finding with <!-- blameless-disable-next-line RULE --> in
Markdown, a `dismissed:` entry in a document, or switch rules off in .blameless/lint.yaml:
  rules: { loaded-tone: off, root-cause: suggestion }
  people: [Priya Raman]
  allow: [\"Sloppy Joe's\"]

Exit status: 0 no findings above --max-severity (default: suggestion), 1 findings,
2 unreadable input or usage error.";

/// Write blameless, process-focused incident postmortems, stored as YAML in git.
#[derive(Debug, Parser)]
#[command(
    name = "blameless",
    version,
    about,
    long_about = LONG_ABOUT,
    after_help = AFTER_HELP,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Without a command: the start screen, with the postmortems in ./postmortems
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A postmortem to open in the guided editor (the same as `blameless edit FILE`)
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

/// The command line read as commands alone: what a word that is neither a command nor a file
/// is told against (clap's own error, with the commands it is close to).
#[derive(Debug, Parser)]
#[command(name = "blameless", version, about)]
struct CommandsOnly {
    #[command(subcommand)]
    command: Option<Command>,
}

const LONG_ABOUT: &str = "\
Write blameless, process-focused incident postmortems, stored as YAML in git.

Without a command, blameless opens the start screen: the postmortems in ./postmortems and the
templates to start a new one from.";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a postmortem from a template and open it in the guided editor
    #[command(
        after_help = "Example:\n  blameless new --template google-sre --title \"Queue backlog\" -o postmortems/queue.yaml"
    )]
    New(NewArgs),
    /// Open a postmortem in the guided editor, at its first incomplete section
    #[command(after_help = "Example:\n  blameless edit postmortems/2026-11-24-checkout-api-errors.yaml")]
    Edit {
        /// The document to edit
        file: PathBuf,
    },
    /// Work with templates: list, show, validate, new
    #[command(subcommand)]
    Templates(TemplatesCommand),
    /// Render documents as Markdown, HTML or JSON (to stdout unless -o or --out-dir is given)
    #[command(after_help = export::EXPORT_HELP)]
    Export(ExportArgs),
    /// Turn a Markdown postmortem written elsewhere into a document
    #[command(after_help = import::HELP)]
    Import(import::ImportArgs),
    /// Check postmortems for blame-oriented wording and completeness (exit 1 on warnings)
    #[command(after_help = LINT_HELP)]
    Lint(lint::LintArgs),
    /// Check documents for schema and consistency problems (exit 1 on findings)
    #[command(after_help = "Example:\n  blameless validate postmortems/*.yaml --format json")]
    Validate(ValidateArgs),
    /// List the postmortems in a folder (recursively), newest first
    #[command(after_help = library::LIST_HELP)]
    List(library::ListArgs),
    /// List the follow-up actions of every postmortem in a folder, overdue first
    #[command(after_help = library::ACTIONS_HELP)]
    Actions(library::ActionsArgs),
    /// Numbers across incidents: per month and severity, time to detect/mitigate/resolve, recurring factors, actions
    #[command(after_help = library::STATS_HELP)]
    Stats(library::StatsArgs),
    /// Change a document's status and record who changed it and when
    #[command(after_help = library::STATUS_HELP)]
    Status(library::StatusArgs),
    /// Rename a postmortem after its title and the incident's day (or to NEW), never over
    /// another file; with `git mv` when git tracks it
    #[command(after_help = mv::HELP)]
    Mv(MvArgs),
    /// Print the JSON Schema of the document format, for editors' YAML language servers
    #[command(after_help = library::SCHEMA_HELP)]
    Schema,
    /// Print a shell completion script
    #[command(
        after_help = "Example:\n  blameless completions bash > ~/.local/share/bash-completion/completions/blameless"
    )]
    Completions {
        /// The shell to complete for
        shell: Shell,
    },
}

#[derive(Debug, clap::Args)]
pub struct MvArgs {
    /// The postmortem to rename
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The new name or folder [default: its start day and title, in the same folder]
    #[arg(value_name = "NEW")]
    pub to: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// Template name (see `blameless templates list`) or path to a template file
    #[arg(short, long, default_value = "default", value_name = "NAME|PATH")]
    pub template: String,
    /// The incident's title; also names the file
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    /// Where to write the document [default: postmortems/YYYY-MM-DD-<title>.yaml]
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The document's time zone: IANA name, UTC or an offset [default: TZ or the system's]
    #[arg(long, value_name = "ZONE")]
    pub timezone: Option<String>,
    /// Create the file without opening the editor
    #[arg(long)]
    pub no_edit: bool,
}

#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// List every template and where it comes from
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Show a template's sections, guidance and questions (after `extends` is applied)
    Show {
        /// Template name or path
        name: String,
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// Check template files; exit 1 if any is refused
    Validate {
        /// Template files to check
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Write a starter template that extends another into .blameless/templates/
    #[command(after_help = "Example:\n  blameless templates new payments --from google-sre")]
    New {
        /// Name of the new template (lowercase letters, digits and '-')
        name: String,
        /// The template to extend
        #[arg(long, default_value = "default", value_name = "NAME")]
        from: String,
    },
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The documents to export
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[arg(short, long, value_enum, default_value_t = ExportFormat::Md)]
    pub format: ExportFormat,
    /// Write to this file instead of stdout (one document only)
    #[arg(short, long, value_name = "FILE", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,
    /// Write each document to DIR/NAME.md (.html, .json), NAME being its file name without .yaml
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// Markdown: start with YAML front matter (title, date, tags, severity) for site generators
    #[arg(long)]
    pub front_matter: bool,
    /// Markdown: add a Mermaid diagram of the incident phases under the incident numbers
    #[arg(long)]
    pub mermaid: bool,
    /// HTML: show images from http(s) addresses, loaded by the reader's browser (by default
    /// they are links, so opening the page contacts no other server)
    #[arg(long)]
    pub remote_images: bool,
    /// Replace an existing file that blameless did not write (an earlier export is replaced
    /// without it; a postmortem or a symbolic link never is)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// Documents to check
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Text,
    Yaml,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Html,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

/// Parses `args` and runs the command, printing errors; returns the process exit code.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    // The editor's wording checker takes a few milliseconds to build: when the command line
    // opens the editor, that starts now, while the arguments are parsed and the document read.
    let checker = opens_editor(&args).then(crate::tui::checker_soon);
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let command = match (cli.command, cli.file) {
        // A word that names no file and looks like no path is a mistyped command: say so as
        // clap does ("unrecognized subcommand 'lnit'", with the commands it is close to).
        (None, Some(file)) if !file.exists() && file.components().count() == 1 && file.extension().is_none() => {
            if let Err(e) = CommandsOnly::try_parse_from(&args) {
                let _ = e.print();
                return ExitCode::from(2);
            }
            Some(Command::Edit { file })
        }
        (None, Some(file)) => Some(Command::Edit { file }),
        (command, _) => command,
    };
    match dispatch(command, checker) {
        Ok(outcome) => outcome.code(),
        Err(e) => match e.downcast_ref::<crate::tui::stopping::Stopped>() {
            // Stopped by a signal, the words kept: said (where anyone still reads), and the
            // conventional status.
            Some(stopped) => {
                let _ = std::io::Write::write_fmt(&mut std::io::stderr(), format_args!("{stopped}\n"));
                ExitCode::from((128 + stopped.signal).clamp(0, 255) as u8)
            }
            None => {
                output::error(&e);
                ExitCode::from(2)
            }
        },
    }
}

/// Whether `args` (the program's name first) open the editor at once: `blameless` alone or
/// `blameless edit FILE`, in a terminal.
fn opens_editor(args: &[OsString]) -> bool {
    let editing = match args.get(1).and_then(|a| a.to_str()) {
        None => true,
        Some("edit") => !args.iter().any(|a| a == "-h" || a == "--help"),
        // `blameless FILE`: a file's name, not a command's or an option.
        Some(a) => {
            // The file first: clap's command tree is built only when one is there.
            !a.starts_with('-') && std::path::Path::new(a).is_file() && Cli::command().find_subcommand(a).is_none()
        }
    };
    editing && crate::tui::has_terminal()
}

/// Runs `command`; `checker` is the wording checker already being built, if any.
fn dispatch(command: Option<Command>, checker: Option<crate::tui::CheckerSoon>) -> anyhow::Result<Outcome> {
    let soon = move || checker.unwrap_or_else(crate::tui::checker_soon);
    let Some(command) = command else { return document::start_screen(soon()) };
    match command {
        Command::New(args) => document::new(args),
        Command::Edit { file } => document::edit(&file, soon()),
        Command::Templates(cmd) => templates::run(cmd),
        Command::Export(args) => export::run(args),
        Command::Import(args) => import::run(args),
        Command::Validate(args) => document::validate(args),
        Command::Lint(args) => lint::run(args),
        Command::List(args) => library::list(args),
        Command::Actions(args) => library::actions(args),
        Command::Stats(args) => library::stats(args),
        Command::Status(args) => library::status(args),
        Command::Mv(args) => mv::run(args),
        Command::Schema => library::schema(),
        Command::Completions { shell } => {
            let mut cmd = Cli::command();
            let mut out = Vec::new();
            match shell {
                Shell::Bash => clap_complete::generate(clap_complete::Shell::Bash, &mut cmd, "blameless", &mut out),
                Shell::Zsh => clap_complete::generate(clap_complete::Shell::Zsh, &mut cmd, "blameless", &mut out),
                Shell::Fish => clap_complete::generate(clap_complete::Shell::Fish, &mut cmd, "blameless", &mut out),
            }
            output::print(&String::from_utf8_lossy(&out))
        }
    }
}
