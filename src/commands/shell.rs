//! `prepcoach completions SHELL` and `prepcoach man`: what the shell and `man` need, made
//! from the same command-line definition the program parses, so they never drift from it.

use clap::CommandFactory;

use super::emit_bytes;
use super::output::write_file;
use crate::cli::{Cli, CompletionsArgs, ManArgs};
use crate::error::{Error, Result};

pub fn completions(args: &CompletionsArgs) -> Result<i32> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "prepcoach", &mut out);
    emit_bytes(&out)?;
    Ok(0)
}

pub fn man(args: &ManArgs) -> Result<i32> {
    let cmd = Cli::command();
    let Some(dir) = &args.dir else {
        emit_bytes(&page(cmd)?)?;
        return Ok(0);
    };
    std::fs::create_dir_all(dir).map_err(|source| Error::Write {
        path: dir.clone(),
        source,
    })?;
    let mut written = Vec::new();
    for (name, cmd) in pages(cmd) {
        let path = dir.join(format!("{name}.1"));
        write_file(&path, &page(cmd)?, args.force, None)?;
        written.push(path);
    }
    eprintln!(
        "wrote {} pages into {} (add it to MANPATH, or copy them into ~/.local/share/man/man1)",
        written.len(),
        crate::render::clean(&dir.display().to_string())
    );
    Ok(0)
}

/// The main page and one page per command and sub-command, named as `man` expects
/// (`prepcoach-history-export`).
fn pages(cmd: clap::Command) -> Vec<(String, clap::Command)> {
    let cmd = cmd.name("prepcoach");
    let mut out = Vec::new();
    collect("prepcoach", &cmd, &mut out);
    out
}

fn collect(name: &str, cmd: &clap::Command, out: &mut Vec<(String, clap::Command)>) {
    let subs: Vec<clap::Command> = cmd
        .get_subcommands()
        .filter(|s| s.get_name() != "help")
        .cloned()
        .collect();
    out.push((name.to_string(), cmd.clone().name(name.to_string())));
    for sub in subs {
        let sub_name = format!("{name}-{}", sub.get_name());
        collect(&sub_name, &sub, out);
    }
}

/// What the main page says beyond the options: where files live, what the environment
/// changes, and the exit statuses (section title, then its paragraphs).
const MAIN_SECTIONS: &[(&str, &[&str])] = &[
    (
        "ENVIRONMENT",
        &[
            "PREPCOACH_HOME: the folder for the history, your banks (banks/) and rules.json; by default the platform's data and config folders (~/.local/share/prepcoach and ~/.config/prepcoach on Linux).",
            "NO_COLOR: no colour when set and not empty (--color always overrides it). COLUMNS: the width to wrap to when the terminal does not say.",
            "VISUAL, EDITOR: the editor :edit opens (else vi).",
        ],
    ),
    (
        "FILES",
        &[
            "history.sqlite3 in the data folder: every checked answer. history.txt beside it: the practice prompt's line history.",
            "banks/*.json in the config folder: your own banks, loaded with the built-in ones. rules.json in the config folder: the checker's rules and lexicons, overridden.",
        ],
    ),
];

/// One command's page in roff; the main page also gets [`MAIN_SECTIONS`] and its exit
/// statuses under EXIT STATUS.
fn page(cmd: clap::Command) -> Result<Vec<u8>> {
    let main = cmd.get_name() == "prepcoach";
    // Only the main command carries the version; clap_mangen panics without one.
    let versioned = cmd.get_version().is_some();
    let man = clap_mangen::Man::new(cmd);
    let mut out = Vec::new();
    let mut render = || -> std::io::Result<()> {
        man.render_title(&mut out)?;
        man.render_name_section(&mut out)?;
        man.render_synopsis_section(&mut out)?;
        man.render_description_section(&mut out)?;
        man.render_options_section(&mut out)?;
        man.render_subcommands_section(&mut out)?;
        if main {
            for (title, paragraphs) in MAIN_SECTIONS {
                section(&mut out, title, paragraphs);
            }
            let status = crate::cli::EXIT_CODES.trim_start_matches("Exit status: ");
            section(&mut out, "EXIT STATUS", &[status]);
        }
        if versioned {
            man.render_version_section(&mut out)?;
        }
        Ok(())
    };
    render().map_err(Error::Output)?;
    Ok(out)
}

/// A man page section of plain paragraphs, escaped for roff.
fn section(out: &mut Vec<u8>, title: &str, paragraphs: &[&str]) {
    out.extend_from_slice(format!(".SH \"{title}\"\n").as_bytes());
    for p in paragraphs {
        let text = p.replace('\\', "\\\\").replace('-', "\\-");
        out.extend_from_slice(format!(".PP\n\\&{text}\n").as_bytes());
    }
}
