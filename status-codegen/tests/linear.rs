//! Checking a table takes time linear in its size. Aliases were checked against a list, so
//! 50,000 aliases took 17 s and 100,000 took 71 s; layering matched each key of a layer
//! against every key of its base in the same way.
//!
//! Four times the input must take about four times as long; a quadratic step takes up to
//! sixteen. A ratio, not an absolute bound, keeps the test meaningful on a slow or busy machine
//! and in an unoptimized build; the fastest of three runs is the least disturbed, and the two
//! cases run one after the other in one test, alone in this binary, so that no other test of
//! the crate competes with them. Measured here: 2.9 to 5.2 times now; 8.9 to 12.2 times with
//! the quadratic checks this replaced (the fixed costs hide part of the square at these
//! sizes), hence the bound of seven. Each case takes a few seconds in a debug build.

// Test code: a panic is a failing test.
#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A valid table with `count` aliases: half on code 404 (one code's own list), half spread
/// over codes 100..=999 (the checks across codes).
fn alias_table(count: usize) -> String {
    let mut text = String::from("[locales]\ndefault = \"en\"\n");
    let mut spread: Vec<Vec<String>> = vec![Vec::new(); 900];
    let mut own = Vec::new();
    for index in 0..count {
        let alias = format!("\"Alias {index}\"");
        if index % 2 == 0 {
            own.push(alias);
        } else {
            spread[index % 900].push(alias);
        }
    }
    for (offset, aliases) in spread.iter().enumerate() {
        let code = 100 + offset;
        let aliases = if code == 404 { &own } else { aliases };
        writeln!(
            text,
            "[codes.{code}]\nname = \"Code {code}\"\naliases = [{}]\nmessage.en = \"m\"",
            aliases.join(", ")
        )
        .unwrap();
    }
    text
}

/// A base and a layer that each write `count` codes (numbers past 999, refused later), `count`
/// texts of one code and `count` fallbacks: every step of layering that matches the layer's
/// keys to the base's.
fn layered_files(count: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("linear-{count}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let mut base = String::from("[locales]\ndefault = \"en\"\n[locales.fallback]\n");
    let mut top = String::from("extends = \"base.toml\"\n[locales.fallback]\n");
    for index in 0..count {
        writeln!(base, "x-f{index} = \"en\"").unwrap();
        writeln!(top, "x-f{index} = \"en\"").unwrap();
    }
    for file in [&mut base, &mut top] {
        file.push_str("[codes.404]\nname = \"Not Found\"\nmessage.en = \"m\"\n");
        for index in 0..count {
            writeln!(file, "message.x-t{index} = \"t\"").unwrap();
        }
        for index in 0..count {
            writeln!(file, "[codes.{}]\nname = \"N\"", 1000 + index).unwrap();
        }
    }
    fs::write(dir.join("base.toml"), base).unwrap();
    fs::write(dir.join("top.toml"), top).unwrap();
    dir
}

/// A base with `count` problem types over 900 codes, each with a few placeholders, and a layer
/// that rewords each one's Chinese detail: the problem types' checks and their layering. With
/// the struct-name clash check as a scan of a list, 2,500 took 0.27 s and 10,000 took 2.5 s
/// (9.5 times as long).
fn problem_files(count: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("linear-problems-{count}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let mut base = String::from("[locales]\ndefault = \"en\"\n");
    for code in 100..1000 {
        writeln!(
            base,
            "[codes.{code}]\nname = \"Code {code}\"\nmessage.en = \"m\"\nmessage.zh-CN = \"m\""
        )
        .unwrap();
    }
    base.push_str("[problems]\nbase = \"https://example.com/probs/\"\n");
    let mut top = String::from("extends = \"base.toml\"\n");
    for index in 0..count {
        writeln!(
            base,
            "[problems.p-{index}]\nstatus = {}\ntitle.en = \"T\"\ntitle.zh-CN = \"T\"\n\
             detail.en = \"{{a}} {{b}} {{c}} {{{{x}}}}\"\ndetail.zh-CN = \"{{c}} {{b}} {{a}}\"",
            100 + index % 900
        )
        .unwrap();
        writeln!(
            top,
            "[problems.p-{index}]\ndetail.zh-CN = \"{{a}}{{b}}{{c}}\""
        )
        .unwrap();
    }
    fs::write(dir.join("base.toml"), base).unwrap();
    fs::write(dir.join("top.toml"), top).unwrap();
    dir
}

/// The shortest of three runs of `check`.
fn fastest(check: impl Fn()) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        check();
        best = best.min(start.elapsed());
    }
    best
}

fn assert_linear(what: &str, small: (usize, Duration), large: (usize, Duration)) {
    let ratio = large.1.as_secs_f64() / small.1.as_secs_f64();
    assert!(
        ratio < 7.0,
        "{what}: {} took {:?}, {} took {:?}: {ratio:.1} times as long",
        small.0,
        small.1,
        large.0,
        large.1
    );
}

#[test]
fn checking_takes_time_linear_in_the_tables_size() {
    let aliases = |count: usize| {
        let text = alias_table(count);
        let time = fastest(|| {
            let table = status_codegen::load_str("aliases.toml", &text);
            assert!(table.is_ok(), "{}", table.unwrap_err());
        });
        (count, time)
    };
    assert_linear("aliases", aliases(10_000), aliases(40_000));

    let layered = |count: usize| {
        let dir = layered_files(count);
        let time = fastest(|| {
            assert!(status_codegen::load_path(&dir, "top.toml").is_err());
        });
        (count, time)
    };
    assert_linear(
        "keys of a layer and its base",
        layered(2_500),
        layered(10_000),
    );

    let problems = |count: usize| {
        let dir = problem_files(count);
        let time = fastest(|| {
            let table = status_codegen::load_path(&dir, "top.toml");
            assert!(table.is_ok(), "{}", table.unwrap_err());
        });
        (count, time)
    };
    assert_linear("problem types", problems(2_500), problems(10_000));
}
