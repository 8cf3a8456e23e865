//! Test helper: the `crossing-fleet` command line itself ([`crossing_fleet::cli`]), built
//! inside this crate so its tests can run the real binary (e.g. under `ulimit -n`) while the
//! fleet package keeps the phone core out of its own dependencies.

fn main() -> std::process::ExitCode {
    crossing_fleet::cli::main()
}
