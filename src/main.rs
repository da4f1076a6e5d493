use std::process::ExitCode;

fn main() -> ExitCode {
    blameless::cli::run(std::env::args_os())
}
