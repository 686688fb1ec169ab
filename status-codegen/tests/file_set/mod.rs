//! Fuzz input for the whole generator: bytes decoded into a small set of files (a root table and
//! the bases it may extend, directories and links among them), written to a directory, then
//! loaded through [`status_codegen::load_path`] as the macro loads a table.
//!
//! Shared by the property test (`tests/no_panic.rs`, on stable) and the cargo-fuzz target
//! (`fuzz/fuzz_targets/generate.rs`), so both exercise one decoding.
//!
//! The encoding, chosen so that every input decodes and a mutating fuzzer reaches deep phases
//! with a few bytes:
//!
//! - the input is split at each `0xFF` byte (never part of UTF-8 text) into at most
//!   [`MAX_FILES`] chunks, one per file; the first is the root, [`ROOT`];
//! - a base chunk opens with two selector bytes: its name (one of [`NAMES`]) and its kind (a
//!   table, a directory, or a link to another name, to itself or to a device); every chunk then
//!   has one selector byte for its `extends` (none, or one of [`EXTENDS`]);
//! - the rest of a chunk is the table's text, where the bytes `0x01..=0x08` stand for whole
//!   snippets of a table ([`SNIPPETS`], each at most once per file) and every other byte is
//!   itself.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Most files one input makes, the root included.
pub const MAX_FILES: usize = 6;

/// The root table's name, relative to the crate directory.
pub const ROOT: &str = "codes.toml";

/// Names a base can have: beside the root, below it, above the crate directory (`..`), one
/// that is the root itself, and one full of terminal controls.
pub const NAMES: &[&str] = &[
    "base.toml",
    "sub/base.toml",
    "sub/deep/base.toml",
    "../up.toml",
    "link.toml",
    "dir.toml",
    ROOT,
    "a\u{1b}[2J\u{202e}\r\n.toml",
];

/// What `extends` can name: the shipped table and its misspelling, each name of [`NAMES`]
/// reached in other ways, a missing file, a directory, devices, an empty path and absolute
/// paths (`{crate}` stands for the crate directory).
pub const EXTENDS: &[&str] = &[
    "standard",
    "base.toml",
    "sub/base.toml",
    "deep/base.toml",
    "../base.toml",
    "../up.toml",
    "../crate/codes.toml",
    "./codes.toml",
    "sub/../codes.toml",
    "link.toml",
    "dir.toml",
    "sub",
    "missing.toml",
    "a\u{1b}[2J\u{202e}\r\n.toml",
    "{crate}/base.toml",
    "{crate}/codes.toml",
    "/dev/null",
    "/nonexistent/base.toml",
    "",
    "Standard",
];

/// Where a link may point besides [`NAMES`]: a device, itself, nowhere.
const LINK_TARGETS: &[&str] = &["/dev/zero", "", "missing.toml"];

/// Pieces of a table the bytes `0x01..=0x08` stand for, each its own TOML table so that any
/// of them can follow any other (but `[codes.404]` twice in one file is still broken TOML).
pub const SNIPPETS: &[&str] = &[
    "[locales]\ndefault = \"en\"\n",
    "[codes.404]\nname = \"Not Found\"\nmessage.en = \"Nothing here.\"\n",
    "[codes.102]\nremove = true\n",
    "[codes.499]\nname = \"Client Closed Request\"\nmessage.en = \"Gone.\"\n",
    "[locales.fallback]\nzh-CN = \"ja\"\n",
    "[codes.503]\nmessage.zh-CN = \"不可用。\"\nmessage.ja = \"利用できません。\"\n",
    "[codes.404]\nremove = true\n",
    "[codes.500]\nname = \"Error\"\nvariant = \"Err\"\nmessage.en = \"Broken.\"\n",
];

/// One file of a set.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Its path relative to the crate directory.
    pub name: &'static str,
    /// What it is.
    pub kind: Kind,
}

/// What a file of a set is.
#[derive(Clone, Debug)]
pub enum Kind {
    /// A table with this text.
    Table(String),
    /// A directory.
    Directory,
    /// A symbolic link to this target (as written in the link; empty for itself).
    Link(&'static str),
}

/// The files an input makes, the root first; no two share a name.
#[derive(Clone, Debug)]
pub struct FileSet {
    /// The files, the root first.
    pub entries: Vec<Entry>,
}

/// Decodes any bytes into a set of files; see the module documentation for the encoding.
pub fn decode(input: &[u8]) -> FileSet {
    let mut entries: Vec<Entry> = Vec::new();
    for (index, chunk) in input
        .split(|byte| *byte == 0xFF)
        .take(MAX_FILES)
        .enumerate()
    {
        let mut bytes = chunk.iter().copied();
        let mut selector = || bytes.next().map_or(0, usize::from);
        let (name, kind) = if index == 0 {
            (ROOT, 0)
        } else {
            (NAMES[selector() % NAMES.len()], selector())
        };
        let extends = selector();
        let rest: Vec<u8> = bytes.collect();
        if entries.iter().any(|entry| entry.name == name) {
            continue;
        }
        let kind = match kind % 8 {
            5 => Kind::Directory,
            6 => Kind::Link(NAMES[(kind / 8) % NAMES.len()]),
            7 => Kind::Link(LINK_TARGETS[(kind / 8) % LINK_TARGETS.len()]),
            _ => Kind::Table(text(extends, &rest)),
        };
        entries.push(Entry { name, kind });
    }
    if entries.is_empty() {
        entries.push(Entry {
            name: ROOT,
            kind: Kind::Table(String::new()),
        });
    }
    FileSet { entries }
}

/// A table's text: its `extends` line, then its body with the snippet bytes expanded.
fn text(extends: usize, body: &[u8]) -> String {
    let mut bytes = Vec::new();
    if extends > 0 {
        let target = EXTENDS[(extends - 1) % EXTENDS.len()];
        bytes.extend_from_slice(format!("extends = \"{}\"\n", toml_escape(target)).as_bytes());
    }
    let mut used = [false; SNIPPETS.len()];
    for &byte in body {
        match byte {
            0x01..=0x08 => {
                let index = usize::from(byte) - 1;
                if !std::mem::replace(&mut used[index], true) {
                    bytes.extend_from_slice(SNIPPETS[index].as_bytes());
                }
            }
            _ => bytes.push(byte),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// `text` as the inside of a TOML basic string.
fn toml_escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Writes the set into `case/crate/` (names with `..` land in `case/`), emptying `case` first.
/// Returns the crate directory, which is what `load_path` resolves the root against.
pub fn write(set: &FileSet, case: &Path) -> io::Result<PathBuf> {
    if case.exists() {
        fs::remove_dir_all(case)?;
    }
    let krate = case.join("crate");
    fs::create_dir_all(&krate)?;
    // The absolute paths of `EXTENDS` point into this crate directory.
    let absolute = toml_escape(&krate.to_string_lossy());
    for entry in &set.entries {
        let path = krate.join(entry.name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        match &entry.kind {
            Kind::Table(text) => fs::write(&path, text.replace("{crate}", &absolute))?,
            Kind::Directory => fs::create_dir_all(&path)?,
            Kind::Link(target) => link(target, &path)?,
        }
    }
    Ok(krate)
}

#[cfg(unix)]
fn link(target: &str, path: &Path) -> io::Result<()> {
    let target = if target.is_empty() {
        path
    } else {
        Path::new(target)
    };
    std::os::unix::fs::symlink(target, path)
}

/// Without symbolic links, a link is an empty file.
#[cfg(not(unix))]
fn link(_target: &str, path: &Path) -> io::Result<()> {
    fs::write(path, "")
}

/// Loads the set's root from `krate` as the macro does and checks what every input must give:
/// tokens that parse as a Rust file, or errors that are each non-empty, inert on a terminal,
/// and name a file (the root that could not be read, or the file their snippet is in).
pub fn check(krate: &Path) -> Result<(), String> {
    let errors = match status_codegen::load_path(krate, ROOT) {
        Ok(table) => {
            let tokens = status_codegen::expand(&table, &status_codegen::Options::default());
            return syn::parse2::<syn::File>(tokens)
                .map(drop)
                .map_err(|error| format!("generated tokens do not parse: {error}"));
        }
        Err(errors) => errors,
    };
    if errors.messages.is_empty() {
        return Err("an error without a message".to_string());
    }
    for message in &errors.messages {
        if let Some(raw) = message.chars().find(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        }) {
            return Err(format!("raw {raw:?} in a diagnostic:\n{message}"));
        }
        if message.ends_with(" not shown; fix these first")
            || message.starts_with(&format!("cannot read `{ROOT}`: "))
        {
            continue;
        }
        let named = names_a_file(krate, message);
        if !named {
            return Err(format!("a diagnostic names no file of the set:\n{message}"));
        }
    }
    Ok(())
}

/// Whether every `-->` and `:::` line of `message` names a file that exists, the shipped table
/// or the escaped hostile name, and there is at least one.
fn names_a_file(krate: &Path, message: &str) -> bool {
    let hostile = "a\\u{1b}[2J\\u{202e}\\u{d}\\u{a}.toml";
    let mut places = message
        .lines()
        .filter_map(|line| {
            let line = line.trim_start();
            line.strip_prefix("--> ")
                .or_else(|| line.strip_prefix("::: "))
        })
        .peekable();
    places.peek().is_some()
        && places.all(|place| {
            // `name:line:column`
            let name = place.rsplitn(3, ':').nth(2).unwrap_or("");
            name == "<standard>/codes.toml" || name.ends_with(hostile) || krate.join(name).is_file()
        })
}

/// Decodes `input`, writes it under `case`, checks it, and removes it again.
pub fn run(input: &[u8], case: &Path) -> Result<(), String> {
    let set = decode(input);
    let krate = write(&set, case).map_err(|error| format!("cannot write the files: {error}"))?;
    let checked = check(&krate).map_err(|problem| format!("{problem}\nfiles: {set:#?}"));
    let _ = fs::remove_dir_all(case);
    checked
}
