//! `crossing-fleet`: the reference fleet server's command line ([`crossing_fleet::cli`]).

fn main() -> std::process::ExitCode {
    crossing_fleet::cli::main()
}
