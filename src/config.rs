//! Resolved settings: where prepcoach keeps its files, whether to use colour, how wide to
//! wrap. Raw flags ([`crate::cli`]) are resolved here once into plain settings the library
//! takes (a [`Style`], paths); nothing else looks at the environment.

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::cli::ColorChoice;
use crate::render::Style;

/// How terminal output should look, decided once from `--color`, the environment and the
/// terminal: colour when asked, or on a terminal with `NO_COLOR` unset; width from the
/// terminal, else `COLUMNS`, else 80, kept between 40 and 100 so text stays readable.
pub fn style(choice: ColorChoice) -> Style {
    let tty = std::io::stdout().is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            tty && !no_color && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    };
    let width = terminal_size::terminal_size()
        .map(|(w, _)| w.0 as usize)
        .or_else(|| std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()))
        .unwrap_or(80)
        .clamp(40, 100);
    Style { color, width }
}

/// prepcoach's config folder: `$PREPCOACH_HOME`, else the platform's config folder.
pub fn config_home() -> Option<PathBuf> {
    match std::env::var_os("PREPCOACH_HOME") {
        Some(h) if !h.is_empty() => Some(PathBuf::from(h)),
        _ => dirs::config_dir().map(|d| d.join("prepcoach")),
    }
}

/// prepcoach's data folder (history): `$PREPCOACH_HOME`, else the platform's data folder.
pub fn data_home() -> Option<PathBuf> {
    match std::env::var_os("PREPCOACH_HOME") {
        Some(h) if !h.is_empty() => Some(PathBuf::from(h)),
        _ => dirs::data_dir().map(|d| d.join("prepcoach")),
    }
}

/// The banks/ folder inside prepcoach's config folder: `$PREPCOACH_HOME/banks`, else the
/// platform's config folder.
pub fn user_bank_dir() -> Option<PathBuf> {
    config_home().map(|d| d.join("banks"))
}
