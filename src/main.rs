use clap::Parser;

fn main() {
    let cli = prepcoach::cli::Cli::parse();
    let code = match prepcoach::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err}");
            err.exit_code()
        }
    };
    std::process::exit(code);
}
