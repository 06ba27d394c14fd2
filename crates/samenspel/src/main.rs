//! The `samenspel` binary.

/// mimalloc: a heap per thread, so requests on different threads do not
/// wait for each other's allocations, and memory freed after a busy minute
/// goes back to the system. Its `override` feature gives SQLite's C code
/// the same allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    samenspel::cli::main()
}
