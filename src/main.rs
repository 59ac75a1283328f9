use clap::Parser;

/// mimalloc instead of the system allocator: an answer's analysis makes about a hundred
/// short-lived allocations (tokens, spans, messages), and the batch mode spent nearly a
/// tenth of its time in glibc's malloc and free.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = prepcoach::cli::Cli::parse();
    let code = match prepcoach::run(cli) {
        Ok(code) => code,
        Err(err) => {
            // Error messages quote what the user gave (file names, ids, JSON): made safe for
            // the terminal like every other output.
            eprintln!("error: {}", prepcoach::render::clean(&err.to_string()));
            err.exit_code()
        }
    };
    std::process::exit(code);
}
