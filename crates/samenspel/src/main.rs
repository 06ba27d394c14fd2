//! The `samenspel` binary.

fn main() -> std::process::ExitCode {
    samenspel::cli::main()
}
