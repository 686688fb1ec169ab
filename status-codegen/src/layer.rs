//! Tables in layers: a file may start with `extends = "standard"` (the shipped table) or
//! `extends = "base.toml"` (another file, relative to the one that names it), and then hold only
//! what differs. [`chain`] reads and parses every file of the chain; [`merge`] folds their
//! documents, base first, into one [`Document`] whose every item keeps the span of the file it
//! came from, so [`crate::valid`] reports each mistake in the right file.
//!
//! What a later layer does to what it inherits:
//!
//! - In `[locales]`, a written `default` replaces the base's, and each `fallback` entry replaces
//!   the base's entry for that locale; a layer without `[locales]` keeps the base's.
//! - A new `[codes.N]` adds a code; `remove = true` alone in `[codes.N]` drops a code of a base.
//! - For a code a base defines, each key written replaces that key only (the rule is
//!   [`CodeDecl::layer`]): `name`, `variant`, `aliases` (the whole list), `retry_unchanged`, and
//!   `message`, `scenario`, `note` and `source` per locale. Everything not written is kept. A
//!   new `name` that was one of the code's inherited aliases leaves the alias list, so a vendor
//!   can promote an alias without restating the rest.
//! - A top-level `non_exhaustive` replaces the base's when written.
//! - Problem types layer as codes do, by key: a new `[problems.<key>]` adds one, `remove = true`
//!   alone drops one, and otherwise each key written replaces that key (`title` and `detail`
//!   per locale); `[problems] base` replaces the base's when written.

mod problems;

use std::collections::{HashMap, VecDeque};
use std::io;
use std::path::{Path, PathBuf};

use crate::ast::{CodeDecl, Document, LocalesDecl};
use crate::diag::{Diagnostic, Diagnostics, did_you_mean, escape_name};
use crate::parse::{self, escape};
use crate::project::{Project, normalize};
use crate::source::{FileId, SourceFile, Sources, read_failure};

/// The `extends` value that names the shipped table.
pub(crate) const STANDARD: &str = "standard";

/// The name diagnostics give the shipped table, so it cannot be mistaken for a file of the
/// user's crate.
pub(crate) const STANDARD_DISPLAY: &str = "<standard>/codes.toml";

/// The shipped table, built into the generator so that `extends = "standard"` needs no file.
pub(crate) const STANDARD_TEXT: &str = include_str!("../codes.toml");

/// Reads a file of the chain; the real one is [`crate::source::read_file`], tests pass a map.
pub(crate) type Read<'r> = dyn FnMut(&Path) -> io::Result<String> + 'r;

/// Resolves every link of a path (`std::fs::canonicalize`); tests pass a map.
pub(crate) type Resolve<'r> = dyn Fn(&Path) -> io::Result<PathBuf> + 'r;

/// The file system as the chain sees it: what may be read, and how.
pub(crate) struct Files<'r> {
    pub(crate) read: &'r mut Read<'r>,
    pub(crate) resolve: &'r Resolve<'r>,
    /// Finds the project a root table read from a directory belongs to: only its files may
    /// be extended. Asked once, at the first `extends` that names a file.
    pub(crate) project: &'r dyn Fn(&Path) -> Project,
}

/// What makes two links of a chain the same table, for cycle detection.
#[derive(PartialEq)]
enum Identity {
    Standard,
    File(PathBuf),
}

/// Parses `root` (already in `sources`) and every table it extends, adding each file read to
/// `sources`. Returns the documents base first, or `None` when the chain is broken (a cycle, a
/// file that cannot be read or may not be, broken TOML), with the reason in `diags`.
pub(crate) fn chain(
    sources: &mut Sources,
    root: FileId,
    files: &mut Files<'_>,
    diags: &mut Diagnostics,
) -> Option<Vec<Document>> {
    // Each file by its path with links resolved: the root as given, every base as checked.
    let root_path = match &sources.get(root).path {
        Some(path) => Some((files.resolve)(path).unwrap_or_else(|_| normalize(path))),
        None => None,
    };
    let identity = match &root_path {
        Some(path) => Identity::File(path.clone()),
        None => Identity::File(PathBuf::from(&sources.get(root).display)),
    };
    let mut seen = vec![(identity, sources.get(root).display.clone())];
    let mut resolved = root_path;
    let mut project: Option<Project> = None;
    let mut documents = Vec::new();
    let mut current = root;
    loop {
        let document = parse::document(sources, current, diags)?;
        let Some(extends) = document.extends.as_ref().value().cloned() else {
            documents.push(document);
            break;
        };
        documents.push(document);
        let file = sources.get(current);
        if extends.value.is_empty() {
            // Joined to the directory, an empty path names the directory itself.
            diags.push(
                Diagnostic::new(extends.span.clone(), "`extends` is empty")
                    .label("no table named")
                    .help("write `extends = \"standard\"` or the path of a table file relative to this one, or remove `extends`"),
            );
            return None;
        }
        let (identity, next) = if extends.value == STANDARD {
            (
                Identity::Standard,
                SourceFile::new(STANDARD_DISPLAY, None, STANDARD_TEXT),
            )
        } else {
            let Some(dir) = resolved.as_deref().and_then(Path::parent) else {
                diags.push(
                    Diagnostic::new(
                        extends.span.clone(),
                        format!(
                            "cannot extend `{}`: this table was not read from a file",
                            escape(&extends.value)
                        ),
                    )
                    .help("a table given as text can extend only `\"standard\"`"),
                );
                return None;
            };
            let project = project.get_or_insert_with(|| (files.project)(dir));
            let display = display_path(&file.display, &extends.value);
            let refuse = |why: &str| {
                Diagnostic::new(
                    extends.span.clone(),
                    format!(
                        "`extends` may not name `{}`: {why}",
                        escape_name(&extends.value)
                    ),
                )
                .label("not read")
                .help(match did_you_mean(&extends.value, &[STANDARD]) {
                    Some(_) => "to extend the shipped table, write `extends = \"standard\"`, in lower case".to_string(),
                    None => format!(
                        "a base table is `\"standard\"` or a `.toml` file inside {}, named by a path relative to this file; links are followed before this is checked",
                        project.rule
                    ),
                })
            };
            // Judged on the text first, so that nothing outside is even looked at.
            if let Some(why) = crate::valid::text::first_forbidden(&extends.value, false)
                .map(|_| "it holds a control, bidirectional formatting or line separator character")
                .or_else(|| project.refuses(dir, &extends.value))
            {
                diags.push(refuse(why));
                return None;
            }
            let cannot_read = |error: &io::Error| {
                let help = match did_you_mean(&extends.value, &[STANDARD]) {
                    Some(_) => "to extend the shipped table, write `extends = \"standard\"`, in lower case".to_string(),
                    // The message names the path from the manifest directory; an absolute one
                    // would differ from machine to machine.
                    None => "`extends` is `\"standard\"` or a path relative to the file that names it, not to the crate's manifest directory".to_string(),
                };
                Diagnostic::new(
                    extends.span.clone(),
                    format!(
                        "cannot read `{}`: {}",
                        escape_name(&display),
                        read_failure(error)
                    ),
                )
                .label("extended here")
                .help(help)
            };
            let target = match (files.resolve)(&dir.join(&extends.value)) {
                Ok(target) => target,
                Err(error) => {
                    diags.push(cannot_read(&error));
                    return None;
                }
            };
            if let Some(why) = project.refuses_resolved(&target) {
                diags.push(refuse(why));
                return None;
            }
            let text = match (files.read)(&target) {
                Ok(text) => text,
                Err(error) => {
                    diags.push(cannot_read(&error));
                    return None;
                }
            };
            resolved = Some(target.clone());
            (
                Identity::File(target.clone()),
                SourceFile::new(display, Some(target), text),
            )
        };
        if let Some(start) = seen.iter().position(|(seen, _)| *seen == identity) {
            let mut links = String::new();
            for (_, display) in &seen[start..] {
                links.push_str(&escape_name(display));
                links.push_str(" → ");
            }
            links.push_str(&escape_name(&seen[start].1));
            diags.push(
                Diagnostic::new(
                    extends.span.clone(),
                    format!("`extends` makes a cycle: {links}"),
                )
                .label("extends a table that is already in the chain")
                .help("a table cannot be its own base; remove `extends` from one of these files"),
            );
            return None;
        }
        seen.push((identity, next.display.clone()));
        current = sources.add(next);
    }
    documents.reverse();
    Some(documents)
}

/// The name a base file gets in diagnostics: its path relative to the manifest directory, as
/// the root's own name is.
fn display_path(referrer: &str, extends: &str) -> String {
    let dir = Path::new(referrer).parent().unwrap_or(Path::new(""));
    normalize(&dir.join(extends)).to_string_lossy().into_owned()
}

/// Folds the documents of a chain, base first, into one. Removing a code no base defines is
/// reported here; every other rule is [`crate::valid`]'s.
pub(crate) fn merge(documents: Vec<Document>, diags: &mut Diagnostics) -> Option<Document> {
    let root = documents.last()?.file;
    let mut locales = None;
    let mut non_exhaustive = crate::ast::Field::Absent;
    // Every code so far: a second table for the same code in one file stays separate, so
    // validation reports it as a duplicate. A removed code leaves `None`, so that the indices
    // below stay valid.
    let mut codes: Vec<Option<CodeDecl>> = Vec::new();
    let mut problem_layers = Vec::with_capacity(documents.len());
    for (layer, document) in documents.into_iter().enumerate() {
        non_exhaustive.layer(document.non_exhaustive);
        problem_layers.push((document.problems_base, document.problems));
        if let Some(decl) = document.locales {
            locales = Some(match locales.take() {
                Some(base) => layer_locales(base, decl),
                None => decl,
            });
        }
        // The codes of the layers below, by number, in table order: each table of this layer
        // takes the first one of its number not yet taken. (`[codes.404]` and `[codes.0404]`
        // are both 404, so one number may have several.) Built once a layer, so that a table
        // of any size merges in linear time.
        let mut inherited_by_number: HashMap<u64, VecDeque<usize>> = HashMap::new();
        if layer > 0 {
            for (index, code) in codes.iter().enumerate() {
                if let Some(CodeDecl {
                    code: Some(number), ..
                }) = code
                {
                    inherited_by_number
                        .entry(*number)
                        .or_default()
                        .push_back(index);
                }
            }
        }
        for decl in document.codes {
            let inherited = decl
                .code
                .and_then(|number| inherited_by_number.get_mut(&number))
                .and_then(VecDeque::pop_front);
            if decl
                .remove
                .as_ref()
                .value()
                .is_some_and(|remove| remove.value)
            {
                remove(&mut codes, inherited, decl, layer, diags);
                continue;
            }
            match inherited
                .and_then(|index| codes.get_mut(index))
                .and_then(Option::as_mut)
            {
                Some(code) => code.layer(decl),
                None => codes.push(Some(decl)),
            }
        }
    }
    let mut merged = Vec::with_capacity(codes.len());
    for code in codes.into_iter().flatten() {
        merged.push(code);
    }
    let (problems_base, problems) = problems::merge(problem_layers, diags);
    Some(Document {
        file: root,
        extends: crate::ast::Field::Absent,
        non_exhaustive,
        locales,
        codes: merged,
        problems_base,
        problems,
    })
}

/// A later `[locales]` over an earlier one: `default` replaces the base's when written;
/// `fallback` entries replace the base's entry for the same locale and add the others.
fn layer_locales(base: LocalesDecl, layer: LocalesDecl) -> LocalesDecl {
    let mut fallback = base.fallback;
    let mut replaced = crate::index::TextIndex::with_capacity(layer.fallback.len());
    for entry in &layer.fallback {
        replaced.insert(std::borrow::Cow::Borrowed(entry.tag.value.as_str()), 0);
    }
    fallback.retain(|inherited| !replaced.contains_key(inherited.tag.value.as_str()));
    fallback.extend(layer.fallback);
    let mut default = base.default;
    default.layer(layer.default);
    LocalesDecl {
        span: layer.span,
        default,
        fallback,
    }
}

fn remove(
    codes: &mut [Option<CodeDecl>],
    inherited: Option<usize>,
    decl: CodeDecl,
    layer: usize,
    diags: &mut Diagnostics,
) {
    if decl.writes_more_than_remove() {
        diags.push(
            Diagnostic::new(
                decl.key.span.clone(),
                format!(
                    "code {} is both removed and given keys",
                    escape(&decl.key.value)
                ),
            )
            .label("`remove = true` here drops the whole code")
            .help("to change the code, drop `remove = true`; to drop it, drop its other keys"),
        );
        return;
    }
    match inherited {
        Some(index) => {
            if let Some(code) = codes.get_mut(index) {
                *code = None;
            }
        }
        // A key that is not a number was reported by the parser already.
        None if decl.code.is_none() => {}
        None => {
            let help = if layer == 0 {
                "`remove = true` drops a code of the table this file extends, and this file extends none"
            } else {
                "check the number; the base tables do not define this code, so there is nothing to remove"
            };
            diags.push(
                Diagnostic::new(
                    decl.key.span.clone(),
                    format!(
                        "cannot remove code {}: no base table defines it",
                        escape(&decl.key.value)
                    ),
                )
                .label("removed here")
                .help(help),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::model::Table;

    /// Builds a table from in-memory files under `/crate`; the root is `files[0]`.
    pub(super) fn build(tables: &[(&str, &str)]) -> Result<Table, Vec<String>> {
        let disk: HashMap<PathBuf, String> = tables
            .iter()
            .map(|(path, text)| (Path::new("/crate").join(path), text.to_string()))
            .collect();
        let mut read = |path: &Path| {
            disk.get(path)
                .cloned()
                .ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))
        };
        // No links: a file resolves to its normalized path, if it exists.
        let resolve = |path: &Path| {
            let path = normalize(path);
            match disk.contains_key(&path) {
                true => Ok(path),
                false => Err(io::Error::from(io::ErrorKind::NotFound)),
            }
        };
        let project = |_: &Path| Project {
            root: PathBuf::from("/crate"),
            rule: "the crate",
        };
        let mut files = Files {
            read: &mut read,
            resolve: &resolve,
            project: &project,
        };
        crate::load_with(
            Path::new("/crate"),
            tables[0].0,
            crate::MANIFEST_HELP,
            &mut files,
        )
        .map_err(|errors| errors.messages)
    }

    fn table(files: &[(&str, &str)]) -> Table {
        match build(files) {
            Ok(table) => table,
            Err(errors) => panic!("unexpected errors:\n{}", errors.join("\n\n")),
        }
    }

    fn errors(files: &[(&str, &str)]) -> Vec<String> {
        match build(files) {
            Ok(_) => panic!("expected errors"),
            Err(errors) => errors,
        }
    }

    const BASE: &str = r#"
[locales]
default = "en"

[codes.404]
name = "Not Found"
aliases = ["Missing", "Gone Away"]
message.en = "Nothing here."
message.zh-CN = "未找到。"
note.en = "A note."
retry_unchanged = false

[codes.500]
name = "Internal Server Error"
message.en = "Broken."
"#;

    #[test]
    fn an_override_keeps_the_rest_of_the_entry() {
        let table = table(&[
            (
                "top.toml",
                "extends = \"base.toml\"\n[codes.404]\nmessage.zh-CN = \"找不到。\"\n",
            ),
            ("base.toml", BASE),
        ]);
        let code = &table.codes[0];
        assert_eq!(code.name, "Not Found");
        assert_eq!(code.message, ["Nothing here.", "找不到。"]);
        assert_eq!(code.aliases, ["Missing", "Gone Away"]);
        assert_eq!(code.note[0].as_deref(), Some("A note."));
        assert_eq!(code.retry_unchanged, Some(false));
        assert_eq!(table.codes[1].message, ["Broken.", "Broken."]);
    }

    #[test]
    fn a_layer_adds_codes_and_locales_after_the_base_ones() {
        let table = table(&[
            (
                "top.toml",
                "extends = \"base.toml\"\n[codes.499]\nname = \"Client Closed Request\"\nmessage.en = \"Gone.\"\n[codes.404]\nmessage.ja = \"ない。\"\n",
            ),
            ("base.toml", BASE),
        ]);
        let tags: Vec<&str> = table.locales.iter().map(|l| l.tag.as_str()).collect();
        assert_eq!(tags, ["en", "zh-CN", "ja"]);
        let codes: Vec<u16> = table.codes.iter().map(|c| c.code).collect();
        assert_eq!(codes, [404, 499, 500]);
        assert_eq!(table.codes[1].message, ["Gone.", "Gone.", "Gone."]);
        assert_eq!(table.codes[0].message[2], "ない。");
    }

    #[test]
    fn locales_are_inherited_or_replaced() {
        let inherited = table(&[
            ("top.toml", "extends = \"base.toml\"\n"),
            ("base.toml", BASE),
        ]);
        assert_eq!(inherited.locales[0].tag, "en");
        let replaced = table(&[
            (
                "top.toml",
                "extends = \"base.toml\"\n[locales]\ndefault = \"zh-CN\"\n[codes.500]\nmessage.zh-CN = \"坏了。\"\n",
            ),
            ("base.toml", BASE),
        ]);
        let tags: Vec<&str> = replaced.locales.iter().map(|l| l.tag.as_str()).collect();
        assert_eq!(tags, ["zh-CN", "en"]);
    }

    #[test]
    fn fallbacks_layer_per_locale_and_keep_the_default() {
        let table = table(&[
            (
                "top.toml",
                "extends = \"mid.toml\"\n[locales]\nfallback = { zh-HK = \"en\" }\n[codes.404]\nmessage.zh-HK = \"搵唔到。\"\n",
            ),
            (
                "mid.toml",
                "extends = \"base.toml\"\n[locales.fallback]\nzh-HK = \"zh-CN\"\nja = \"zh-CN\"\n[codes.404]\nmessage.ja = \"ない。\"\n",
            ),
            ("base.toml", BASE),
        ]);
        let tags: Vec<&str> = table.locales.iter().map(|l| l.tag.as_str()).collect();
        assert_eq!(tags, ["en", "zh-CN", "ja", "zh-HK"]);
        // The top layer's entry replaced the middle one's for zh-HK; ja's entry was kept.
        assert_eq!(table.locales[2].fallback_chain, [1, 0]);
        assert_eq!(table.locales[3].fallback_chain, [0]);
    }

    #[test]
    fn name_aliases_and_variant_are_replaced_whole() {
        let table = table(&[
            (
                "top.toml",
                "extends = \"base.toml\"\n[codes.404]\nname = \"Gone Away\"\n[codes.500]\nvariant = \"Oops\"\naliases = [\"Broken\"]\n",
            ),
            ("base.toml", BASE),
        ]);
        let not_found = &table.codes[0];
        assert_eq!(not_found.name, "Gone Away");
        assert_eq!(not_found.variant, "GoneAway");
        // The promoted alias left the list; the other stayed.
        assert_eq!(not_found.aliases, ["Missing"]);
        assert_eq!(table.codes[1].variant, "Oops");
        assert_eq!(table.codes[1].aliases, ["Broken"]);
        assert_eq!(table.codes[1].name, "Internal Server Error");
    }

    #[test]
    fn chains_run_base_first_and_the_nearest_layer_wins() {
        let table = table(&[
            (
                "vendor/top.toml",
                "extends = \"../shared/mid.toml\"\n[codes.404]\nmessage.en = \"Top.\"\n",
            ),
            (
                "shared/mid.toml",
                "extends = \"base.toml\"\n[codes.404]\nmessage.en = \"Mid.\"\nmessage.zh-CN = \"中。\"\n",
            ),
            ("shared/base.toml", BASE),
        ]);
        assert_eq!(table.codes[0].message, ["Top.", "中。"]);
        // Every file is tracked, the root first.
        let files: Vec<(&Path, &str, usize)> = table
            .files
            .iter()
            .map(|file| (file.path.as_path(), file.display.as_str(), file.len))
            .collect();
        let length = |name: &str| {
            let text = match name {
                "vendor/top.toml" => 0,
                "shared/mid.toml" => 1,
                _ => 2,
            };
            [
                "extends = \"../shared/mid.toml\"\n[codes.404]\nmessage.en = \"Top.\"\n".len(),
                "extends = \"base.toml\"\n[codes.404]\nmessage.en = \"Mid.\"\nmessage.zh-CN = \"中。\"\n".len(),
                BASE.len(),
            ][text]
        };
        assert_eq!(
            files,
            [
                (
                    Path::new("/crate/vendor/top.toml"),
                    "vendor/top.toml",
                    length("vendor/top.toml")
                ),
                (
                    Path::new("/crate/shared/mid.toml"),
                    "shared/mid.toml",
                    length("shared/mid.toml")
                ),
                (
                    Path::new("/crate/shared/base.toml"),
                    "shared/base.toml",
                    length("shared/base.toml")
                ),
            ]
        );
    }

    #[test]
    fn standard_is_the_shipped_table() {
        let table = table(&[(
            "vendor.toml",
            "extends = \"standard\"\n[codes.499]\nname = \"Client Closed Request\"\nmessage.en = \"Gone.\"\n",
        )]);
        assert_eq!(table.codes.len(), 63);
        assert!(table.codes.iter().any(|code| code.code == 499));
        // The shipped table is built in, so there is no file of it to track.
        let files: Vec<&Path> = table.files.iter().map(|file| file.path.as_path()).collect();
        assert_eq!(files, [Path::new("/crate/vendor.toml")]);
    }

    #[test]
    fn remove_drops_an_inherited_code() {
        let table = table(&[
            (
                "top.toml",
                "extends = \"base.toml\"\n[codes.500]\nremove = true\n",
            ),
            ("base.toml", BASE),
        ]);
        let codes: Vec<u16> = table.codes.iter().map(|c| c.code).collect();
        assert_eq!(codes, [404]);
    }

    #[test]
    fn removing_what_no_base_defines_is_an_error() {
        let errors = errors(&[
            (
                "top.toml",
                "extends = \"base.toml\"\n[codes.499]\nremove = true\n",
            ),
            ("base.toml", BASE),
        ]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0]
                .starts_with("cannot remove code 499: no base table defines it\n --> top.toml:2:8"),
            "{}",
            errors[0]
        );
        let alone = errors_of_one("[locales]\ndefault = \"en\"\n[codes.404]\nremove = true\n");
        assert!(alone.contains("this file extends none"), "{alone}");
    }

    fn errors_of_one(text: &str) -> String {
        errors(&[("one.toml", text)]).join("\n\n")
    }

    #[test]
    fn removing_a_key_that_is_not_a_code_is_reported_once() {
        let errors = errors(&[
            (
                "top.toml",
                "extends = \"base.toml\"\n[codes.4o4]\nremove = true\n",
            ),
            ("base.toml", BASE),
        ]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("code `4o4` is not a number"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn remove_with_other_keys_is_an_error() {
        let errors = errors(&[
            (
                "top.toml",
                "extends = \"base.toml\"\n[codes.500]\nremove = true\nname = \"Oops\"\n",
            ),
            ("base.toml", BASE),
        ]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].starts_with("code 500 is both removed and given keys"));
    }

    #[test]
    fn a_code_twice_in_one_layer_is_still_a_duplicate() {
        let errors = errors(&[
            (
                "top.toml",
                "extends = \"base.toml\"\n[codes.404]\nmessage.en = \"A.\"\n[codes.0404]\nmessage.en = \"B.\"\n",
            ),
            ("base.toml", BASE),
        ]);
        let all = errors.join("\n\n");
        assert!(
            all.contains("duplicate code 404\n --> top.toml:4:8"),
            "{all}"
        );
        assert!(all.contains("::: top.toml:2:8"), "{all}");
    }

    #[test]
    fn a_cycle_names_the_chain_at_the_extends_that_closes_it() {
        let errors = errors(&[
            ("a.toml", "extends = \"b.toml\"\n"),
            ("b.toml", "extends = \"./a.toml\"\n"),
        ]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        let expected = "`extends` makes a cycle: a.toml → b.toml → a.toml\n --> b.toml:1:11";
        assert!(errors[0].starts_with(expected), "{}", errors[0]);
        let own = errors_of_one("extends = \"one.toml\"\n");
        assert!(own.contains("one.toml → one.toml"), "{own}");
    }

    #[test]
    fn a_missing_base_is_named_with_its_resolved_path() {
        let errors = errors(&[("sub/top.toml", "\n\nextends = \"../base.toml\"\n")]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("cannot read `base.toml`: no such file\n --> sub/top.toml:3:11"),
            "{}",
            errors[0]
        );
        assert!(errors[0].contains("relative to the file that names it"));
        assert!(!errors[0].contains("/crate"), "{}", errors[0]);
        let typo = errors_of_one("extends = \"Standard\"\n");
        assert!(
            typo.contains("write `extends = \"standard\"`, in lower case"),
            "{typo}"
        );
    }

    #[test]
    fn mistakes_in_a_base_name_the_base_file() {
        let errors = errors(&[
            (
                "top.toml",
                "extends = \"base.toml\"\n[codes.404]\nnmae = \"x\"\n",
            ),
            (
                "base.toml",
                "[locales]\ndefault = \"en\"\n[codes.404]\nname = \"Not Found\"\nmesage.en = \"x\"\n",
            ),
        ]);
        let all = errors.join("\n\n");
        // Sorted by file, root first, then the base.
        assert!(
            all.contains("unknown key `nmae` in `[codes.404]`\n --> top.toml:3:1"),
            "{all}"
        );
        assert!(
            all.contains("unknown key `mesage` in `[codes.404]`\n --> base.toml:5:1"),
            "{all}"
        );
        let broken = errors_of_two("extends = \"base.toml\"\n", "[codes.404\n");
        assert!(
            broken.contains("invalid TOML\n --> base.toml:1:"),
            "{broken}"
        );
    }

    fn errors_of_two(top: &str, base: &str) -> String {
        errors(&[("top.toml", top), ("base.toml", base)]).join("\n\n")
    }

    #[test]
    fn a_clash_with_the_standard_points_into_it() {
        let errors = errors(&[(
            "vendor.toml",
            "extends = \"standard\"\n[codes.499]\nname = \"Not Found\"\nmessage.en = \"x\"\n",
        )]);
        let all = errors.join("\n\n");
        assert!(all.contains("--> vendor.toml:3:8"), "{all}");
        assert!(all.contains("::: <standard>/codes.toml:"), "{all}");
    }

    #[test]
    fn an_empty_extends_names_no_file() {
        let errors = errors(&[("top.toml", "extends = \"\"\n")]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("`extends` is empty\n --> top.toml:1:11"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn text_tables_extend_only_the_standard() {
        let errors = crate::load_str("t.toml", "extends = \"base.toml\"\n").unwrap_err();
        assert_eq!(errors.messages.len(), 1);
        assert!(
            errors.messages[0]
                .starts_with("cannot extend `base.toml`: this table was not read from a file"),
            "{errors}"
        );
    }

    #[test]
    fn paths_normalize_without_the_disk() {
        assert_eq!(
            normalize(Path::new("a/./b/../c.toml")),
            Path::new("a/c.toml")
        );
        assert_eq!(normalize(Path::new("../a/../../b")), Path::new("../../b"));
        assert_eq!(normalize(Path::new("/../x")), Path::new("/x"));
        assert_eq!(display_path("overlays/v.toml", "../base.toml"), "base.toml");
        assert_eq!(display_path("v.toml", "sub/b.toml"), "sub/b.toml");
    }
}
