//! `prepcoach check` (one answer, or a JSONL batch) and `prepcoach rules`.

use std::path::Path;

use rayon::prelude::*;
use serde::Deserialize;

use super::batch_lines::{Line, Lines};
use super::{below, emit, resolve};
use crate::analysis::{Checker, QuestionContext, Report, Rules};
use crate::bank::{read_text, Catalog};
use crate::cli::{Bar, CheckArgs, CheckFormat, RulesArgs};
use crate::config::config_home;
use crate::error::{Diagnostic, Error, Result};
use crate::render::report::{report_lines, report_text, ReportOptions};
use crate::render::Paint;

/// The rules for this run: `--rules FILE`, else `rules.json` in the config folder, else the
/// built-in rules.
pub fn load_rules(explicit: Option<&Path>) -> Result<Rules> {
    let user = config_home()
        .map(|d| d.join("rules.json"))
        .filter(|p| p.is_file());
    match explicit.map(Path::to_path_buf).or(user) {
        Some(path) => Rules::with_override(&path.display().to_string(), &read_text(&path)?),
        None => Rules::builtin(),
    }
}

pub fn rules(args: &RulesArgs) -> Result<i32> {
    let rules = load_rules(args.rules.as_deref())?;
    emit(&format!("{}\n", rules.to_json()))?;
    Ok(0)
}

pub fn run(args: &CheckArgs, paint: &Paint) -> Result<i32> {
    if args.fail_below == Some(Bar::Pass) {
        return Err(Error::Usage(
            "`--fail-below pass` needs a drill's pass rules: use it with `grade` or `drill run`; here give a score, `meets` or `exceeds`".into(),
        ));
    }
    // Every bank is loaded: its model answers are what a copied answer is checked against.
    let catalog = resolve(&args.selection, None)?.0;
    let checker = Checker::new(load_rules(args.rules.as_deref())?).with_models(&catalog);
    if let Some(input) = &args.input {
        return batch(
            input,
            args.format,
            &catalog,
            &checker,
            args.max_answer_bytes,
            args.fail_below,
        );
    }
    let (name, answer) = read_answer(args.file.as_deref())?;
    if answer.trim().is_empty() {
        return Err(Error::Usage(format!(
            "the answer in {name} is empty: write the answer in a file or pipe it in, e.g. `prepcoach check answer.txt`"
        )));
    }
    if answer.len() > args.max_answer_bytes {
        return Err(Error::Usage(too_long(
            &name,
            answer.len(),
            args.max_answer_bytes,
        )));
    }
    let follow_up = args.follow_up.as_deref().map(FollowUp::parse);
    let ctx = match &args.question {
        Some(id) => {
            let q = catalog.question(id)?;
            match &follow_up {
                Some(f) => QuestionContext::of(q)
                    .with_follow_up(follow_up_text(q, f).map_err(Error::Usage)?),
                None => QuestionContext::of(q),
            }
        }
        None => QuestionContext::default(),
    };
    let report = checker.check(&answer, ctx);
    let text = match args.format {
        CheckFormat::Text => report_text(
            &answer,
            &report,
            paint,
            ReportOptions {
                no_score: args.no_score,
            },
        ),
        CheckFormat::Json => format!(
            "{}\n",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        ),
        CheckFormat::Jsonl => {
            let mut out = Vec::new();
            crate::render::report_json::write_report(&mut out, &report);
            out.push(b'\n');
            String::from_utf8_lossy(&out).into_owned()
        }
        CheckFormat::Line => report_lines(&name, &answer, &report),
    };
    emit(&text)?;
    match args.fail_below {
        Some(bar) if below(bar, report.score, report.band) => {
            eprintln!(
                "the answer is below {bar} (score {}, {})",
                report.score,
                report.band.as_str()
            );
            Ok(1)
        }
        _ => Ok(0),
    }
}

/// The text of a file, or of standard input for `-` or no file, with the name messages
/// should use for it.
pub(crate) fn read_answer(file: Option<&Path>) -> Result<(String, String)> {
    match file {
        Some(p) if p != Path::new("-") => Ok((p.display().to_string(), read_text(p)?)),
        _ => Ok(("<stdin>".into(), read_stdin()?)),
    }
}

fn read_stdin() -> Result<String> {
    crate::data::read_bounded(std::io::stdin(), Path::new("<stdin>"))
}

/// What the batch mode accepts.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The longest answer, in bytes.
    pub max_answer: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_answer: crate::session::run::MAX_ANSWER_BYTES,
        }
    }
}

/// The message for an answer over the limit.
fn too_long(what: &str, len: usize, max: usize) -> String {
    format!(
        "{what} is {len} bytes, over the limit of {max}: a spoken answer is a few kilobytes (raise it with --max-answer-bytes)"
    )
}

/// One line of a batch input file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BatchLine {
    pub id: serde_json::Value,
    pub answer: String,
    #[serde(default)]
    pub question_id: Option<String>,
    /// The follow-up question the answer answers: its number in the question's
    /// `follow_ups` (from 0), or its text.
    #[serde(default)]
    pub follow_up: Option<FollowUp>,
}

/// A follow-up question, by number in the bank or as text.
#[derive(Debug, Clone, Deserialize)]
#[serde(
    untagged,
    expecting = "expected a follow-up's number in the question (from 0) or its text"
)]
pub enum FollowUp {
    Number(usize),
    Text(String),
}

/// The question context of a batch line, or what is wrong with it.
fn line_context<'c>(
    name: &str,
    n: usize,
    line: &'c BatchLine,
    catalog: &'c Catalog,
) -> std::result::Result<QuestionContext<'c>, Diagnostic> {
    let diag = |field: &str, message: String| Diagnostic {
        file: name.to_string(),
        line: n,
        column: 1,
        field: field.into(),
        message,
    };
    let Some(id) = &line.question_id else {
        return match line.follow_up {
            Some(_) => Err(diag(
                "follow_up",
                "a follow-up needs the question it follows: add `question_id`".into(),
            )),
            None => Ok(QuestionContext::default()),
        };
    };
    let q = catalog
        .question(id)
        .map_err(|e| diag("question_id", e.to_string()))?;
    let ctx = QuestionContext::of(q);
    match &line.follow_up {
        None => Ok(ctx),
        Some(f) => Ok(
            ctx.with_follow_up(follow_up_text(q, f).map_err(|message| diag("follow_up", message))?)
        ),
    }
}

impl FollowUp {
    /// A follow-up as typed on the command line: a number picks one of the question's
    /// follow-ups, anything else is the follow-up's text.
    pub fn parse(arg: &str) -> FollowUp {
        arg.trim()
            .parse()
            .map_or_else(|_| FollowUp::Text(arg.to_string()), FollowUp::Number)
    }
}

/// The text of follow-up `f` of question `q`, or why there is none.
fn follow_up_text<'a>(
    q: crate::bank::QuestionRef<'a>,
    f: &'a FollowUp,
) -> std::result::Result<&'a str, String> {
    match f {
        FollowUp::Text(text) => Ok(text),
        FollowUp::Number(i) => q
            .question
            .follow_ups
            .get(*i)
            .map(String::as_str)
            .ok_or_else(|| {
                format!(
                    "`{}` has {} follow-up questions, numbered from 0; there is no {i}",
                    q.question.id,
                    q.question.follow_ups.len()
                )
            }),
    }
}

/// Parse every line of a JSONL answers file; every bad line is reported with its line and
/// column before anything is checked.
pub fn parse_jsonl<T: serde::de::DeserializeOwned>(
    name: &str,
    text: &str,
) -> Result<Vec<(usize, T)>> {
    let (items, diags) = parse_jsonl_all(name, text);
    if diags.is_empty() {
        Ok(items)
    } else {
        Err(Error::Invalid(diags))
    }
}

/// [`parse_jsonl`]'s good lines and its problems both, so a caller can check the good
/// lines further and report every problem of the file at once.
fn parse_jsonl_all<T: serde::de::DeserializeOwned>(
    name: &str,
    text: &str,
) -> (Vec<(usize, T)>, Vec<Diagnostic>) {
    let mut items = Vec::new();
    let mut diags = Vec::new();
    for (i, line) in text.lines().enumerate() {
        match parse_line(name, i + 1, line) {
            Some(Ok(v)) => items.push((i + 1, v)),
            Some(Err(found)) => diags.extend(found),
            None => {}
        }
    }
    (items, diags)
}

/// Line `n` of a JSONL file parsed as a `T`, or every problem with it; `None` for a blank
/// line.
fn parse_line<T: serde::de::DeserializeOwned>(
    name: &str,
    n: usize,
    line: &str,
) -> Option<std::result::Result<T, Vec<Diagnostic>>> {
    if line.trim().is_empty() {
        return None;
    }
    Some(
        crate::data::shape::parse_all(name, line).map_err(|mut found| {
            // The line was read on its own: its line 1 is the file's line `n`.
            for d in &mut found {
                d.line = n;
            }
            found
        }),
    )
}

/// `check --input FILE`: the batch is read twice, once to find every problem and once to
/// check it, so a batch of any size runs in bounded memory. Standard input and pipes, which
/// cannot be read twice, are first copied to a private temporary file.
fn batch(
    input: &Path,
    format: CheckFormat,
    catalog: &Catalog,
    checker: &Checker,
    max_answer: usize,
    bar: Option<Bar>,
) -> Result<i32> {
    let limits = Limits { max_answer };
    let read_err = |source| Error::Read {
        path: input.to_path_buf(),
        source,
    };
    let stdin = input == Path::new("-");
    let name = if stdin {
        "<stdin>".to_string()
    } else {
        input.display().to_string()
    };
    let regular = !stdin && std::fs::metadata(input).map_err(read_err)?.is_file();
    let spool = if regular {
        None
    } else {
        let mut file = tempfile::tempfile().map_err(read_err)?;
        let runaway = max_line(limits).saturating_add(RUNAWAY_SLACK);
        let copied = if stdin {
            spool_lines(&mut std::io::stdin().lock(), &mut file, runaway, MAX_SPOOL)
        } else {
            std::fs::File::open(input)
                .and_then(|mut f| spool_lines(&mut f, &mut file, runaway, MAX_SPOOL))
        };
        match copied.map_err(read_err)? {
            Spooled::Done => {}
            Spooled::TooLarge => {
                return Err(Error::Usage(format!(
                    "{name} is over {} GB: save a batch this large to a file and pass its path (`--input answers.jsonl`), which is read in place with no limit",
                    MAX_SPOOL >> 30
                )))
            }
            Spooled::Runaway(line) => {
                return Err(Error::Usage(format!(
                    "{name}:{line}: a line runs on past {runaway} bytes without a line break: a batch is one JSON object a line"
                )))
            }
        }
        Some(file)
    };
    let mut open = || -> std::io::Result<Box<dyn std::io::BufRead>> {
        let file = match &spool {
            Some(f) => {
                let mut f = f.try_clone()?;
                std::io::Seek::rewind(&mut f)?;
                f
            }
            None => std::fs::File::open(input)?,
        };
        Ok(Box::new(std::io::BufReader::with_capacity(1 << 16, file)))
    };
    let mut sink = |out: &[u8]| -> Result<()> {
        use std::io::Write as _;
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(out)
            .and_then(|()| stdout.flush())
            .map_err(Error::Output)
    };
    match check_batch_from(
        &name, &mut open, format, catalog, checker, limits, bar, &mut sink,
    ) {
        // The reader went away (`| head`): stop checking, as a pipeline expects.
        Err(Error::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(0),
        Err(e) => Err(e),
        Ok(n) => Ok(match bar {
            Some(bar) if n > 0 => {
                eprintln!("{n} answers are below {bar}");
                1
            }
            _ => 0,
        }),
    }
}

/// How far past the longest allowed line a stream may run without a line break before the
/// copy stops: an endless stream (`/dev/zero`) must not fill the disk.
const RUNAWAY_SLACK: usize = 64 << 20;

/// The most a stream (standard input, a pipe) is copied to disk before it is checked: a
/// batch this large is a file, read in place with no limit.
const MAX_SPOOL: u64 = 4 << 30;

/// How copying a stream ended.
#[derive(Debug, PartialEq, Eq)]
enum Spooled {
    Done,
    /// This line ran on past the bound without a line break.
    Runaway(usize),
    /// The stream ran past [`MAX_SPOOL`] (or the bound given).
    TooLarge,
}

/// Copy `from` into `to` until its end, until a line runs on past `runaway` bytes, or
/// until more than `cap` bytes in all.
fn spool_lines(
    from: &mut dyn std::io::Read,
    to: &mut dyn std::io::Write,
    runaway: usize,
    cap: u64,
) -> std::io::Result<Spooled> {
    let mut buf = vec![0u8; 1 << 16];
    let (mut line, mut since_break, mut total) = (1usize, 0usize, 0u64);
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) => return Ok(Spooled::Done),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let chunk = &buf[..n];
        match memchr::memrchr(b'\n', chunk) {
            Some(last) => {
                line += memchr::memchr_iter(b'\n', chunk).count();
                since_break = n - last - 1;
            }
            None => since_break += n,
        }
        if since_break > runaway {
            return Ok(Spooled::Runaway(line));
        }
        total += n as u64;
        if total > cap {
            return Ok(Spooled::TooLarge);
        }
        to.write_all(chunk)?;
    }
}

/// Lines checked together, one per core at a time: enough to keep every core busy, few
/// enough that their output stays small.
const BLOCK: usize = 256;

/// The most answer text held at once while a batch is checked: a block ends early when
/// its answers reach this, so long answers do not make a block large.
const BLOCK_BYTES: usize = 4 << 20;

/// Lines a core checks in one go, writing them into one buffer.
const RUN: usize = 16;

/// The most problems a batch lists; the rest are counted.
const MAX_LISTED: usize = 200;

/// The longest line a batch may hold: its answer at the limit, every byte written as a
/// JSON escape, and room for the other fields.
fn max_line(limits: Limits) -> usize {
    limits.max_answer.saturating_mul(6).saturating_add(1 << 16)
}

/// One line's output in the batch's format, appended to `out`.
fn batch_output(
    line: &BatchLine,
    ctx: QuestionContext<'_>,
    format: CheckFormat,
    checker: &Checker,
    out: &mut Vec<u8>,
) -> Report {
    let mut report: Report = checker.check(&line.answer, ctx);
    report.id = Some(line.id.clone());
    // Serialising into memory cannot fail: every field is plain data.
    match format {
        CheckFormat::Line => {
            let label = match &line.id {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            out.extend_from_slice(report_lines(&label, &line.answer, &report).as_bytes());
        }
        CheckFormat::Json => {
            let _ = serde_json::to_writer_pretty(&mut *out, &report);
            out.push(b'\n');
        }
        _ => {
            crate::render::report_json::write_report(out, &report);
            out.push(b'\n');
        }
    }
    report
}

/// How much output the batch mode gathers before handing it on: small enough that the
/// buffer stays in the processor's cache, where a megabyte of it pushed out what the
/// checker keeps there (its word memo) on every pass.
const CHUNK: usize = 1 << 16;

/// Check every answer of a JSONL batch (`text`, read from `name`) and hand `sink` the
/// output (UTF-8), one line (or block) per answer in input order, in chunks of about
/// 64 KiB.
/// Every bad line and unknown question id is reported, with its line, before anything is
/// checked.
pub fn check_batch(
    name: &str,
    text: &str,
    format: CheckFormat,
    catalog: &Catalog,
    checker: &Checker,
    limits: Limits,
    sink: &mut dyn FnMut(&[u8]) -> Result<()>,
) -> Result<()> {
    let mut open =
        || -> std::io::Result<Box<dyn std::io::BufRead + '_>> { Ok(Box::new(text.as_bytes())) };
    check_batch_from(
        name, &mut open, format, catalog, checker, limits, None, sink,
    )
    .map(|_| ())
}

/// Opens a batch's input from its start; called once to validate it and once to check it.
type Open<'a, 'b> = dyn FnMut() -> std::io::Result<Box<dyn std::io::BufRead + 'b>> + 'a;

/// [`check_batch`] on input that `open` reads from its start, twice: first every line is
/// validated (nothing is checked if one is bad), then the lines are checked a block at a
/// time, so memory stays bounded by the block however long the input is.
/// Returns how many answers are below `bar`, when one is given.
#[allow(clippy::too_many_arguments)]
pub fn check_batch_from(
    name: &str,
    open: &mut Open<'_, '_>,
    format: CheckFormat,
    catalog: &Catalog,
    checker: &Checker,
    limits: Limits,
    bar: Option<Bar>,
    sink: &mut dyn FnMut(&[u8]) -> Result<()>,
) -> Result<usize> {
    let read_err = |source| Error::Read {
        path: name.into(),
        source,
    };
    let problems = validate_batch(
        &mut Lines::new(open().map_err(read_err)?, name, max_line(limits)),
        name,
        catalog,
        limits,
    )
    .map_err(read_err)?;
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    let mut lines = Lines::new(open().map_err(read_err)?, name, max_line(limits));
    // Reports run to about five bytes of JSON per byte of answer: sized for up to two
    // chunks, a small batch's buffer is not copied as it grows.
    let mut out: Vec<u8> = Vec::with_capacity(2 * CHUNK);
    let mut below = 0;
    loop {
        let block = read_block(&mut lines, name).map_err(read_err)??;
        if block.is_empty() {
            break;
        }
        below += check_block(&block, name, format, catalog, checker, bar, &mut out, sink)?;
    }
    sink(&out)?;
    Ok(below)
}

/// Every problem of a batch (at most [`MAX_LISTED`], then a count of the rest), with its
/// line: lines that are not batch lines, empty or overlong answers, unknown question ids
/// and follow-ups.
fn validate_batch<R: std::io::BufRead>(
    lines: &mut Lines<R>,
    name: &str,
    catalog: &Catalog,
    limits: Limits,
) -> std::io::Result<Vec<Diagnostic>> {
    let mut listed = Vec::new();
    let mut unlisted = 0usize;
    let mut last = 0;
    while let Some(line) = lines.next_line()? {
        let problems = match line {
            Line::Bad(d) => vec![d],
            Line::Text(n, text) => {
                last = n;
                line_problem(name, n, text, catalog, limits)
            }
        };
        for d in problems {
            if listed.len() < MAX_LISTED {
                listed.push(d);
            } else {
                unlisted += 1;
            }
        }
    }
    if unlisted > 0 {
        listed.push(Diagnostic {
            file: name.to_string(),
            line: last,
            column: 1,
            field: String::new(),
            message: format!(
                "{unlisted} more problems like these are not listed: fix these and run again"
            ),
        });
    }
    Ok(listed)
}

/// What is wrong with batch line `n`, if anything.
fn line_problem(
    name: &str,
    n: usize,
    text: &str,
    catalog: &Catalog,
    limits: Limits,
) -> Vec<Diagnostic> {
    let line: BatchLine = match parse_line(name, n, text) {
        None => return Vec::new(),
        Some(Ok(line)) => line,
        Some(Err(found)) => return found,
    };
    let answer_problem = if line.answer.trim().is_empty() {
        Some("the answer is empty".to_string())
    } else if line.answer.len() > limits.max_answer {
        Some(too_long("the answer", line.answer.len(), limits.max_answer))
    } else {
        None
    };
    if let Some(message) = answer_problem {
        return vec![Diagnostic {
            file: name.to_string(),
            line: n,
            column: 1,
            field: "answer".into(),
            message,
        }];
    }
    line_context(name, n, &line, catalog)
        .err()
        .into_iter()
        .collect()
}

/// The next lines of a validated batch: up to [`BLOCK`] lines or [`BLOCK_BYTES`] of
/// answers, empty at the end. A line that no longer parses (the file changed between the
/// two readings) is an error.
fn read_block<R: std::io::BufRead>(
    lines: &mut Lines<R>,
    name: &str,
) -> std::io::Result<Result<Vec<(usize, BatchLine)>>> {
    let mut block = Vec::new();
    let mut bytes = 0;
    while block.len() < BLOCK && bytes < BLOCK_BYTES {
        let Some(line) = lines.next_line()? else {
            break;
        };
        let parsed = match line {
            Line::Bad(d) => Some(Err(vec![d])),
            Line::Text(n, text) => {
                parse_line::<BatchLine>(name, n, text).map(|r| r.map(|l| (n, l)))
            }
        };
        match parsed {
            Some(Ok((n, line))) => {
                bytes += line.answer.len();
                block.push((n, line));
            }
            Some(Err(found)) => return Ok(Err(Error::Invalid(found))),
            None => {}
        }
    }
    Ok(Ok(block))
}

/// Check a block of batch lines on every core and write their output in input order.
/// Returns how many of the block's answers are below `bar`.
#[allow(clippy::too_many_arguments)]
fn check_block(
    block: &[(usize, BatchLine)],
    name: &str,
    format: CheckFormat,
    catalog: &Catalog,
    checker: &Checker,
    bar: Option<Bar>,
    out: &mut Vec<u8>,
    sink: &mut dyn FnMut(&[u8]) -> Result<()>,
) -> Result<usize> {
    let is_below = |r: &Report| bar.is_some_and(|b| below(b, r.score, r.band));
    let work = block
        .iter()
        .map(|(n, l)| Ok((l, line_context(name, *n, l, catalog)?)))
        .collect::<std::result::Result<Vec<_>, Diagnostic>>()
        .map_err(|d| Error::Invalid(vec![d]))?;
    let mut flush = |out: &mut Vec<u8>| -> Result<()> {
        if out.len() > CHUNK {
            sink(out)?;
            out.clear();
        }
        Ok(())
    };
    if rayon::current_num_threads() == 1 {
        // One core: check on this thread, straight into the output.
        let mut n = 0;
        for (line, ctx) in &work {
            n += usize::from(is_below(&batch_output(line, *ctx, format, checker, out)));
            flush(out)?;
        }
        return Ok(n);
    }
    // Each core writes a run of lines into one buffer; the runs come back in order.
    let runs: Vec<(Vec<u8>, usize)> = work
        .par_chunks(RUN)
        .map(|run| {
            let mut buf = Vec::with_capacity(run.iter().map(|(l, _)| l.answer.len() * 6).sum());
            let mut n = 0;
            for (line, ctx) in run {
                n += usize::from(is_below(&batch_output(
                    line, *ctx, format, checker, &mut buf,
                )));
            }
            (buf, n)
        })
        .collect();
    let mut n = 0;
    for (r, below) in runs {
        out.extend_from_slice(&r);
        n += below;
        flush(out)?;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_is_copied_whole_or_refused_at_its_bounds() {
        let mut out = Vec::new();
        let got = spool_lines(&mut &b"a\nbb\n"[..], &mut out, 10, 100).unwrap();
        assert_eq!((got, out.as_slice()), (Spooled::Done, &b"a\nbb\n"[..]));
        // Lines with breaks, but more in all than the bound: refused, not copied on.
        let many = "x\n".repeat(50_000);
        let got = spool_lines(&mut many.as_bytes(), &mut Vec::new(), 10, 1_000).unwrap();
        assert_eq!(got, Spooled::TooLarge);
        // One line with no break past the runaway bound: its line is named.
        let long = format!("ok\n{}", "y".repeat(200_000));
        let got = spool_lines(&mut long.as_bytes(), &mut Vec::new(), 1_000, u64::MAX).unwrap();
        assert_eq!(got, Spooled::Runaway(2));
    }
}
