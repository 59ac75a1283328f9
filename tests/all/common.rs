//! A small builder for running the `prepcoach` binary in tests, in the spirit of just's
//! `Test::new().arg("x").stdout("...").success()`.

#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

pub struct Run {
    cmd: Command,
    stdin: Option<Vec<u8>>,
    pub home: tempdir::TempHome,
}

pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn new() -> Run {
        let home = tempdir::TempHome::new();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_prepcoach"));
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("PREPCOACH_HOME", &home.0)
            .env("HOME", &home.0)
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        Run {
            cmd,
            stdin: None,
            home,
        }
    }

    pub fn args(mut self, args: &[&str]) -> Run {
        self.cmd.args(args);
        self
    }

    pub fn env(mut self, k: &str, v: &str) -> Run {
        self.cmd.env(k, v);
        self
    }

    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Run {
        self.stdin = Some(input.into());
        self
    }

    pub fn run(mut self) -> Output {
        self.cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = self.cmd.spawn().expect("prepcoach runs");
        let input = self.stdin.take().unwrap_or_default();
        let mut pipe = child.stdin.take().unwrap();
        let writer = std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap();
        Output {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Run and require exit status 0.
    pub fn ok(self) -> Output {
        let out = self.run();
        assert_eq!(
            out.code, 0,
            "stdout:\n{}\nstderr:\n{}",
            out.stdout, out.stderr
        );
        out
    }

    /// Run and require a non-zero exit status and no panic.
    pub fn fails(self) -> Output {
        let out = self.run();
        assert_ne!(out.code, 0, "expected failure; stdout:\n{}", out.stdout);
        assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
        out
    }
}

pub fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

pub mod tempdir {
    use std::path::PathBuf;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A fresh folder for one test's PREPCOACH_HOME, removed when dropped.
    pub struct TempHome(pub PathBuf);

    impl TempHome {
        pub fn new() -> TempHome {
            static N: AtomicUsize = AtomicUsize::new(0);
            let dir = std::env::temp_dir().join(format!(
                "prepcoach-test-{}-{}",
                std::process::id(),
                N.fetch_add(1, Ordering::SeqCst)
            ));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            TempHome(dir)
        }
    }

    impl Drop for TempHome {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}
