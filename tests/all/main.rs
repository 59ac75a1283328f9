//! prepcoach's integration tests, in one binary so they build and link once.

mod accuracy;
mod adversarial;
mod banks;
mod battery;
mod check;
mod common;
mod drills;
mod history;
mod layering;
mod model_answers;
mod practice;
mod readme;
mod roleplay;
mod rules;
mod shell;
mod snapshots;
