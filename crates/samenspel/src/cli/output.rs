//! A command's output on standard output.

use std::io::Write;

/// Writes one line of a command's output. When the reader has gone away
/// (`samenspel admin list-users | head -1`), the command ends quietly with
/// success, as Unix tools do, instead of panicking as `println!` would
/// (Rust ignores SIGPIPE, so the write fails with `BrokenPipe`).
pub fn print_line(line: std::fmt::Arguments<'_>) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = writeln!(out, "{line}") {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write the output: {e}");
        std::process::exit(1);
    }
}
