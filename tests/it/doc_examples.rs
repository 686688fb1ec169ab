//! The examples of the documentation hold: every TOML block of `README.md` and of the table
//! format (`status-core/src/format.md`, on docs.rs as `status_core::format`) goes through the
//! generator, the format documents every key the generator knows with an example each, and the
//! README's `Cargo.toml` blocks name a dependency that resolves today. The README's Rust blocks
//! are doc-tests of this crate (`lib.rs`); the files they read are compared with their blocks
//! here.

use std::fs;
use std::path::{Path, PathBuf};

/// A fenced code block of a Markdown file.
struct Block {
    /// The info string: `rust`, `toml`, ...
    info: String,
    text: String,
    /// The line of the opening fence, counted from 1.
    line: usize,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(relative: &str) -> String {
    let path = root().join(relative);
    fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The fenced blocks of `markdown`, fences at the start of a line.
fn blocks(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    for (index, line) in markdown.lines().enumerate() {
        match (&mut open, line.strip_prefix("```")) {
            (None, Some(info)) => {
                open = Some(Block {
                    info: info.trim().to_string(),
                    text: String::new(),
                    line: index + 1,
                });
            }
            (Some(_), Some("")) => blocks.extend(open.take()),
            (Some(block), _) => {
                block.text.push_str(line);
                block.text.push('\n');
            }
            (None, None) => {}
        }
    }
    assert!(open.is_none(), "a code block is not closed");
    blocks
}

/// A block that starts with this comment is a crate manifest, not a table.
const MANIFEST: &str = "# Cargo.toml\n";

/// Generates a table block. A block with neither `extends` nor `[locales]` is part of a table,
/// as both documents say: it is checked written into one that starts with `extends =
/// "standard"`.
fn generate(file: &str, block: &Block) {
    let whole = block
        .text
        .lines()
        .any(|line| line.starts_with("extends") || line.starts_with("[locales"));
    let text = if whole {
        block.text.clone()
    } else {
        format!("extends = \"standard\"\n{}", block.text)
    };
    let display = format!("{file}, the block at line {}", block.line);
    if let Some(base) = problem_base(&block.text) {
        // It removes problem types: checked over a base that defines them.
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("doc-block-{}", block.line));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("base.toml"), base).unwrap();
        fs::write(
            dir.join("layer.toml"),
            format!("extends = \"base.toml\"\n{}", block.text),
        )
        .unwrap();
        if let Err(errors) = status_codegen::load_path(&dir, "layer.toml") {
            panic!("{errors}\n\nin the table:\n{}", block.text);
        }
        return;
    }
    if let Err(errors) = status_codegen::generate_from_str(&display, &text) {
        panic!("{errors}\n\nin the table:\n{text}");
    }
}

/// For a block that removes problem types (`[problems.<key>]` then `remove = true`), a base
/// over the standard table that defines each of them.
fn problem_base(block: &str) -> Option<String> {
    let mut base = String::from("extends = \"standard\"\n");
    let mut key = None;
    let mut removes = false;
    for line in block.lines() {
        if let Some(rest) = line.strip_prefix("[problems.") {
            key = rest.strip_suffix(']').map(str::to_string);
        } else if let (Some(key), "remove = true") = (&key, line.trim()) {
            removes = true;
            base.push_str(&format!(
                "[problems.{key}]\nstatus = 400\ntype = \"https://example.com/{key}\"\n\
                 title.en = \"T\"\ndetail.en = \"D\"\n"
            ));
        }
    }
    removes.then_some(base)
}

fn tables(blocks: &[Block]) -> impl Iterator<Item = &Block> {
    blocks
        .iter()
        .filter(|block| block.info == "toml" && !block.text.starts_with(MANIFEST))
}

#[test]
fn every_readme_block_is_of_a_kind_the_test_command_checks() {
    let readme = blocks(&read("README.md"));
    for block in &readme {
        // rustdoc compiles `rust` blocks, and an untagged one too; `ignore` or `no_run` would
        // let a Rust block drift.
        assert!(
            ["rust", "toml", "sh", "text"].contains(&block.info.as_str()),
            "README.md:{}: a block tagged `{}`; tag it rust, toml, sh or text",
            block.line,
            block.info
        );
    }
    let count = |info: &str| readme.iter().filter(|block| block.info == info).count();
    assert!(count("rust") >= 5 && count("toml") >= 5, "blocks not found");
}

#[test]
fn every_readme_table_generates() {
    let readme = blocks(&read("README.md"));
    let mut checked = 0;
    for block in tables(&readme) {
        generate("README.md", block);
        checked += 1;
    }
    assert!(checked >= 4, "only {checked} tables found");
}

#[test]
fn readme_manifests_name_a_dependency_that_resolves_today() {
    let workspace: toml::Table = read("Cargo.toml").parse().unwrap();
    let repository = workspace["workspace"]["package"]["repository"]
        .as_str()
        .unwrap();
    let core: toml::Table = read("status-core/Cargo.toml").parse().unwrap();
    let features = core["features"].as_table().unwrap();

    let readme = blocks(&read("README.md"));
    let manifests: Vec<&Block> = readme
        .iter()
        .filter(|block| block.info == "toml" && block.text.starts_with(MANIFEST))
        .collect();
    assert!(manifests.len() >= 2, "no `# Cargo.toml` blocks found");
    for block in manifests {
        let manifest: toml::Table = block.text.parse().unwrap_or_else(|error| {
            panic!("README.md:{}: {error}", block.line);
        });
        let dependency = &manifest["dependencies"]["status-core"];
        // Not published yet: a version alone resolves to nothing.
        let source = dependency.get("git").and_then(|git| git.as_str());
        assert!(
            source == Some(repository) || dependency.get("path").is_some(),
            "README.md:{}: status-core must come from {repository} or a path, not {dependency}",
            block.line
        );
        for feature in dependency
            .get("features")
            .and_then(|features| features.as_array())
            .into_iter()
            .flatten()
        {
            let feature = feature.as_str().unwrap();
            assert!(
                features.contains_key(feature),
                "README.md:{}: status-core has no feature `{feature}`",
                block.line
            );
        }
    }
}

/// The files the README's doc-tests read are the README's own blocks, so what the reader sees
/// is what runs.
#[test]
fn the_files_of_the_readme_doc_tests_are_its_blocks() {
    let readme = blocks(&read("README.md"));
    for (first_line, file) in [
        ("# vendor-codes.toml", "tests/vendor-codes.toml"),
        ("// src/status.rs", "tests/status.rs"),
    ] {
        let block = readme
            .iter()
            .find(|block| block.text.lines().next() == Some(first_line))
            .unwrap_or_else(|| panic!("no README block starts with `{first_line}`"));
        assert_eq!(
            block.text,
            read(file),
            "README.md:{} and {file} differ",
            block.line
        );
    }
}

const FORMAT: &str = "status-core/src/format.md";

#[test]
fn every_format_example_generates() {
    let format = blocks(&read(FORMAT));
    for block in &format {
        assert_eq!(block.info, "toml", "{FORMAT}:{}", block.line);
    }
    let mut checked = 0;
    for block in tables(&format) {
        generate(FORMAT, block);
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} examples found");
}

/// The keys the generator allows, at the top, in `[locales]`, in a code and in a problem type,
/// as its message for an unknown key lists them.
fn generator_keys() -> Vec<String> {
    let tables = [
        "zzzzzzzz = 1\n",
        "[locales]\ndefault = \"en\"\nzzzzzzzz = 1\n",
        "[locales]\ndefault = \"en\"\n[codes.404]\nname = \"Not Found\"\nmessage.en = \"x\"\nzzzzzzzz = 1\n",
        "[problems.x]\nzzzzzzzz = 1\n",
    ];
    let mut keys = Vec::new();
    for table in tables {
        let errors = status_codegen::generate_from_str("keys.toml", table)
            .expect_err("an unknown key is an error")
            .to_string();
        let (_, allowed) = errors
            .split_once("the keys allowed here are ")
            .unwrap_or_else(|| panic!("no list of keys in:\n{errors}"));
        let allowed = allowed.lines().next().unwrap();
        keys.extend(allowed.split('`').skip(1).step_by(2).map(str::to_string));
    }
    assert!(keys.len() >= 10, "{keys:?}");
    keys
}

/// The key a heading documents: its first code span without brackets or a `.<tag>` part, so
/// `` `[codes.N]` `` is `codes` and `` `message.<tag>` `` is `message`.
fn heading_key(heading: &str) -> Option<&str> {
    let code = heading.split('`').nth(1)?;
    let code = code.trim_start_matches('[').trim_end_matches(']');
    Some(code.split('.').next().unwrap_or(code))
}

/// Whether a line of TOML writes `key`: `key = `, `key.tag = `, `[key]`, `[key.N]`,
/// `[locales.key]`.
fn writes(line: &str, key: &str) -> bool {
    let line = line.trim();
    line.strip_prefix(key)
        .is_some_and(|rest| rest.starts_with([' ', '.', '=']))
        || line.contains(&format!("[{key}]"))
        || line.contains(&format!("[{key}."))
        || line.contains(&format!(".{key}]"))
}

#[test]
fn the_format_documents_every_key_with_an_example() {
    let format = read(FORMAT);
    let lines: Vec<&str> = format.lines().collect();
    // The heading level of each line, 0 for text and for every line of a code block.
    let mut fenced = false;
    let levels: Vec<usize> = lines
        .iter()
        .map(|line| {
            fenced ^= line.starts_with("```");
            match fenced || line.starts_with("```") {
                true => 0,
                false => line.chars().take_while(|c| *c == '#').count(),
            }
        })
        .collect();
    for key in generator_keys() {
        let start = lines
            .iter()
            .zip(&levels)
            .position(|(line, level)| *level > 0 && heading_key(line) == Some(key.as_str()))
            .unwrap_or_else(|| panic!("{FORMAT} has no heading for the key `{key}`"));
        // The section runs to the next heading of the same or a higher level.
        let end = levels[start + 1..]
            .iter()
            .position(|level| (1..=levels[start]).contains(level))
            .map_or(lines.len(), |offset| start + 1 + offset);
        let section = lines[start..end].join("\n");
        let example = blocks(&section)
            .iter()
            .any(|block| block.info == "toml" && block.text.lines().any(|l| writes(l, &key)));
        assert!(
            example,
            "{FORMAT}:{}: the section of `{key}` has no example that writes it",
            start + 1
        );
    }
}
