//! Shell integration: completion scripts and manual pages made from the command line
//! definition itself.

use crate::common::{tempdir::TempHome, Run};

#[test]
fn completions_cover_every_shell_and_name_the_commands_and_options() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = Run::new().args(&["completions", shell]).ok();
        // fish names long options without their dashes (`-l competency`).
        for want in ["practice", "history", "competency", "max-answer-bytes"] {
            assert!(out.stdout.contains(want), "{shell}: no {want}");
        }
    }
    let out = Run::new().args(&["completions", "tcsh"]).fails();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("possible values: bash"),
        "{}",
        out.stderr
    );
}

/// The bash script, loaded into bash, completes a command and an option the way a user
/// pressing Tab would see.
#[test]
fn bash_completes_commands_and_options() {
    let script = Run::new().args(&["completions", "bash"]).ok().stdout;
    let probe = r#"
        eval "$SCRIPT"
        COMP_WORDS=(prepcoach hist); COMP_CWORD=1; _prepcoach prepcoach hist prepcoach
        echo "1:${COMPREPLY[*]}"
        COMP_WORDS=(prepcoach practice --comp); COMP_CWORD=2; _prepcoach prepcoach --comp practice
        echo "2:${COMPREPLY[*]}"
    "#;
    let Ok(out) = std::process::Command::new("bash")
        .args(["--norc", "-c", probe])
        .env("SCRIPT", script)
        .output()
    else {
        return; // no bash on this machine: the script's text is checked above
    };
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(out.contains("1:history"), "{out}");
    assert!(out.contains("2:--competency"), "{out}");
}

#[test]
fn the_man_page_documents_options_environment_and_exit_status() {
    let page = Run::new().args(&["man"]).ok().stdout;
    for want in [
        ".TH prepcoach 1",
        ".SH OPTIONS",
        "\\-\\-competency",
        ".SH \"ENVIRONMENT\"",
        "PREPCOACH_HOME",
        ".SH \"EXIT STATUS\"",
        "2 a usage or input error",
        "prepcoach\\-history(1)",
    ] {
        assert!(page.contains(want), "no {want} in\n{page}");
    }
}

#[test]
fn man_dir_writes_a_page_per_command_and_asks_before_replacing() {
    let dir = TempHome::new();
    let d = dir.0.join("man1");
    let d = d.to_str().unwrap();
    let out = Run::new().args(&["man", "--dir", d]).ok();
    assert!(out.stderr.contains("wrote 27 pages"), "{}", out.stderr);
    let export = std::fs::read_to_string(dir.0.join("man1/prepcoach-history-export.1")).unwrap();
    assert!(
        export.contains(".TH prepcoach-history-export 1"),
        "{export}"
    );
    assert!(export.contains("\\-\\-output"), "{export}");
    let again = Run::new().args(&["man", "--dir", d]).fails();
    assert!(
        again.stderr.contains("already exists: pass --force"),
        "{}",
        again.stderr
    );
    Run::new().args(&["man", "--dir", d, "--force"]).ok();
}
