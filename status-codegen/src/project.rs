//! Where `extends` may reach: a table names its base by a path, and a pull request can change
//! that path, so a base is read only when it is a `.toml` file inside the project. Otherwise
//! `extends = "/proc/self/environ"` or `"../../.cargo/credentials.toml"` would put the file's
//! lines into the build log as the snippet of a TOML error.
//!
//! The project is the directory tree of the invoking crate's Cargo workspace: the nearest
//! directory, from the crate's own up, whose `Cargo.toml` has a `[workspace]` table, else the
//! crate's directory. The `status-codes` command applies the same rule from the root table's
//! directory, taking the nearest `Cargo.toml` of any kind when none has `[workspace]`, and the
//! table's own directory when there is none at all.
//!
//! A path is checked before anything is opened: written relative, ending in `.toml`, and,
//! with `..` folded, inside the project; then the path with every link resolved
//! (`canonicalize`, which reads links and directories but opens no file) must still be a
//! `.toml` file inside the project, and only that resolved path is read.

use std::path::{Component, Path, PathBuf};

/// What a directory's `Cargo.toml` says about it, for finding the project.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Manifest {
    /// No `Cargo.toml`, or one that cannot be read.
    None,
    /// A `Cargo.toml` without `[workspace]`: a crate.
    Package,
    /// A `Cargo.toml` with `[workspace]`.
    Workspace,
}

/// Where the project starts from, which decides the rule when no workspace is found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Start {
    /// The invoking crate's directory (`CARGO_MANIFEST_DIR`), for the macro.
    Crate,
    /// The directory of the table given to the command-line tool.
    Table,
}

/// The project a table may extend files of, and the words its errors use for it.
#[derive(Clone, Debug)]
pub(crate) struct Project {
    /// The project's directory, links resolved.
    pub(crate) root: PathBuf,
    /// How the root was chosen, for the help of a refused `extends`.
    pub(crate) rule: &'static str,
}

const CRATE_RULE: &str = "the directory tree of the crate's Cargo workspace (the nearest directory from the crate's up whose Cargo.toml has `[workspace]`, else the crate's own)";
const TABLE_RULE: &str = "the directory tree of the table's Cargo workspace (the nearest directory from the table's up whose Cargo.toml has `[workspace]`, else the nearest with a Cargo.toml, else the table's own)";

impl Project {
    /// The project of a table read from `start` (already resolved), asking `manifest` what
    /// each directory's `Cargo.toml` is.
    pub(crate) fn find(
        start: &Path,
        from: Start,
        manifest: &mut dyn FnMut(&Path) -> Manifest,
    ) -> Project {
        let mut package = None;
        for dir in start.ancestors() {
            match manifest(dir) {
                Manifest::Workspace => {
                    return Project {
                        root: dir.to_path_buf(),
                        rule: rule(from),
                    };
                }
                Manifest::Package if package.is_none() => package = Some(dir),
                _ => {}
            }
        }
        let root = match (from, package) {
            (Start::Table, Some(package)) => package,
            _ => start,
        };
        Project {
            root: root.to_path_buf(),
            rule: rule(from),
        }
    }

    /// Why `extends` may not name `written` from a table in `dir` (resolved), judged by the
    /// path's text alone; `None` when it may, and the resolved path must then pass
    /// [`Project::refuses_resolved`].
    pub(crate) fn refuses(&self, dir: &Path, written: &str) -> Option<&'static str> {
        let path = Path::new(written);
        if path.has_root() || path.components().any(|c| matches!(c, Component::Prefix(_))) {
            return Some("it is an absolute path");
        }
        if !is_toml(path) {
            return Some("it is not a `.toml` file");
        }
        if !normalize(&dir.join(path)).starts_with(&self.root) {
            return Some("it leads outside the project");
        }
        None
    }

    /// Why the file `resolved` (every link followed) may not be read as a base table.
    pub(crate) fn refuses_resolved(&self, resolved: &Path) -> Option<&'static str> {
        if !resolved.starts_with(&self.root) {
            return Some("it is a link to a file outside the project");
        }
        if !is_toml(resolved) {
            return Some("it is a link to a file that is not a `.toml` file");
        }
        None
    }
}

fn rule(from: Start) -> &'static str {
    match from {
        Start::Crate => CRATE_RULE,
        Start::Table => TABLE_RULE,
    }
}

fn is_toml(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "toml")
        && path.file_stem().is_some_and(|stem| !stem.is_empty())
}

/// What the `Cargo.toml` in `dir` is, read from the disk.
pub(crate) fn manifest_on_disk(dir: &Path) -> Manifest {
    let Ok(text) = crate::source::read_file(&dir.join("Cargo.toml")) else {
        return Manifest::None;
    };
    if crate::parse::has_top_level_table(&text, "workspace") {
        Manifest::Workspace
    } else {
        Manifest::Package
    }
}

/// Removes `.` and folds `name/..` without touching the disk; leading `..` stay.
pub(crate) fn normalize(path: &Path) -> PathBuf {
    let mut out: Vec<Component<'_>> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(component),
            },
            other => out.push(other),
        }
    }
    out.iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(start: &str, from: Start, manifests: &[(&str, Manifest)]) -> PathBuf {
        let mut manifest = |dir: &Path| {
            manifests
                .iter()
                .find(|(at, _)| Path::new(at) == dir)
                .map_or(Manifest::None, |(_, kind)| *kind)
        };
        Project::find(Path::new(start), from, &mut manifest).root
    }

    #[test]
    fn the_project_is_the_nearest_workspace_else_the_crate() {
        let nested = [
            ("/w", Manifest::Workspace),
            ("/w/crates/a", Manifest::Package),
            ("/w/crates/a/inner", Manifest::Workspace),
        ];
        assert_eq!(find("/w/crates/a", Start::Crate, &nested), Path::new("/w"));
        assert_eq!(
            find("/w/crates/a/inner", Start::Crate, &nested),
            Path::new("/w/crates/a/inner")
        );
        assert_eq!(find("/w", Start::Crate, &nested), Path::new("/w"));
        let alone = [("/home/me/tool", Manifest::Package)];
        assert_eq!(
            find("/home/me/tool", Start::Crate, &alone),
            Path::new("/home/me/tool")
        );
        // The command-line tool starts from the table: its crate when there is no workspace,
        // its own directory when there is no crate either.
        assert_eq!(
            find("/home/me/tool/tables", Start::Table, &alone),
            Path::new("/home/me/tool")
        );
        assert_eq!(
            find("/home/me/tool/tables", Start::Table, &nested),
            Path::new("/home/me/tool/tables")
        );
        assert_eq!(
            find("/srv/tables", Start::Table, &alone),
            Path::new("/srv/tables")
        );
        assert_eq!(
            find("/w/crates/a/t", Start::Table, &nested),
            Path::new("/w")
        );
    }

    #[test]
    fn a_base_is_a_relative_toml_path_inside_the_project() {
        let project = Project {
            root: PathBuf::from("/w"),
            rule: CRATE_RULE,
        };
        let dir = Path::new("/w/crate/tables");
        assert_eq!(project.refuses(dir, "base.toml"), None);
        assert_eq!(project.refuses(dir, "../../shared/base.toml"), None);
        assert_eq!(project.refuses(dir, "./sub/../base.toml"), None);
        assert_eq!(
            project.refuses(dir, "/etc/passwd"),
            Some("it is an absolute path")
        );
        assert_eq!(
            project.refuses(dir, "/w/crate/base.toml"),
            Some("it is an absolute path")
        );
        assert_eq!(
            project.refuses(dir, "../../../etc/passwd"),
            Some("it is not a `.toml` file")
        );
        assert_eq!(
            project.refuses(dir, "../../../home/me/.cargo/credentials.toml"),
            Some("it leads outside the project")
        );
        assert_eq!(
            project.refuses(dir, "../../../w2/base.toml"),
            Some("it leads outside the project")
        );
        assert_eq!(
            project.refuses(dir, ".git-credentials"),
            Some("it is not a `.toml` file")
        );
        assert_eq!(
            project.refuses(dir, ".toml"),
            Some("it is not a `.toml` file")
        );
        assert_eq!(
            project.refuses(dir, "base.TOML"),
            Some("it is not a `.toml` file")
        );
        assert_eq!(
            project.refuses_resolved(Path::new("/w/shared/base.toml")),
            None
        );
        assert_eq!(
            project.refuses_resolved(Path::new("/etc/base.toml")),
            Some("it is a link to a file outside the project")
        );
        assert_eq!(
            project.refuses_resolved(Path::new("/w/.env")),
            Some("it is a link to a file that is not a `.toml` file")
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
    }
}
