//! The TOML files a table is read from, and positions inside them.

use std::io::{self, Read as _, Seek as _};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The largest table file read, in bytes. A table of every code from 100 to 999 in a dozen
/// languages is a few megabytes; anything larger is not a table.
pub const MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// Reads a table file: only a regular file (after following links), checked by type before any
/// byte is read so a FIFO or a device cannot hang or flood the build, and at most
/// [`MAX_FILE_SIZE`] bytes of it.
pub(crate) fn read_file(path: &Path) -> io::Result<String> {
    let metadata = std::fs::metadata(path)?;
    let kind = metadata.file_type();
    if kind.is_dir() {
        return Err(io::Error::other("it is a directory, not a file"));
    }
    if !kind.is_file() {
        return Err(io::Error::other(
            "it is not a regular file (a device, a pipe or a socket)",
        ));
    }
    if metadata.len() > MAX_FILE_SIZE {
        return Err(too_large());
    }
    let mut file = std::fs::File::open(path)?;
    // A file written while it is read gives a mix of two versions, or a part of one: the read
    // counts only when the file's size and modification time are the same before and after
    // it, and the bytes read are that many. A few attempts ride out one save; a file that
    // keeps changing is an error, never a partial table.
    let mut attempts = 0;
    let bytes = loop {
        let before = file.metadata()?;
        let mut bytes = Vec::new();
        (&mut file)
            .take(MAX_FILE_SIZE + 1)
            .read_to_end(&mut bytes)?;
        // The file may have grown since its size was read.
        if bytes.len() as u64 > MAX_FILE_SIZE {
            return Err(too_large());
        }
        let after = file.metadata()?;
        let same = before.len() == after.len()
            && after.len() == bytes.len() as u64
            && before.modified().ok() == after.modified().ok();
        if same {
            break bytes;
        }
        attempts += 1;
        if attempts == READ_ATTEMPTS {
            return Err(io::Error::other(
                "it changed while it was read; build again once it is saved",
            ));
        }
        file.seek(io::SeekFrom::Start(0))?;
    };
    String::from_utf8(bytes).map_err(|error| not_utf8(error.as_bytes(), error.utf8_error()))
}

/// How many times a file that changes while it is read is read again.
const READ_ATTEMPTS: usize = 3;

/// Where a file stops being UTF-8: the first bad byte, by line and column (in characters), as
/// an editor shows it.
fn not_utf8(bytes: &[u8], error: std::str::Utf8Error) -> io::Error {
    let valid = error.valid_up_to();
    let before = String::from_utf8_lossy(&bytes[..valid]);
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    let line = before.matches('\n').count() + 1;
    let column = before[line_start..].chars().count() + 1;
    let byte = bytes.get(valid).copied().unwrap_or_default();
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!(
            "it is not UTF-8 text: byte 0x{byte:02X} at line {line}, column {column} is not part of a UTF-8 character; save the file as UTF-8"
        ),
    )
}

fn too_large() -> io::Error {
    io::Error::other(format!(
        "it is larger than {} MiB, the most a table may be",
        MAX_FILE_SIZE / 1024 / 1024
    ))
}

/// Why a file could not be read, in a few words.
pub(crate) fn read_failure(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::InvalidData if error.get_ref().is_some() => error.to_string(),
        io::ErrorKind::InvalidData => "it is not UTF-8 text".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            // The system's words in the style of the others: "too many levels of symbolic
            // links", not "Too many levels of symbolic links (os error 40)".
            let text = error.to_string();
            let text = text.split(" (os error ").next().unwrap_or_default();
            let mut chars = text.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_lowercase().chain(chars).collect()
            })
        }
    }
}

/// Index of a file in [`Sources`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub(crate) usize);

/// A byte range in one source file.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// The file the range is in.
    pub file: FileId,
    /// Byte offsets into that file's text.
    pub range: Range<usize>,
}

impl Span {
    pub(crate) fn new(file: FileId, range: Range<usize>) -> Self {
        Span { file, range }
    }
}

/// A value together with where it was written.
#[derive(Clone, Debug)]
pub struct Sp<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Sp<T> {
    pub(crate) fn new(value: T, span: Span) -> Self {
        Sp { value, span }
    }
}

/// One file's text and the names it is known by.
#[derive(Debug)]
pub struct SourceFile {
    /// The name shown in diagnostics: the path as written, relative to the manifest directory.
    pub display: String,
    /// The file on disk, if it came from one; generated code `include_str!`s it so that cargo
    /// rebuilds when it changes.
    pub path: Option<PathBuf>,
    /// The file's contents.
    pub text: String,
    /// Where each line starts, found the first time a diagnostic needs a line: a table without
    /// mistakes never pays for the scan.
    line_starts: std::cell::OnceCell<Vec<usize>>,
}

impl SourceFile {
    /// A file with the given display name, disk path and text.
    pub fn new(display: impl Into<String>, path: Option<PathBuf>, text: impl Into<String>) -> Self {
        SourceFile {
            display: display.into(),
            path,
            text: text.into(),
            line_starts: std::cell::OnceCell::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            for (newline, _) in self.text.match_indices('\n') {
                starts.push(newline + 1);
            }
            starts
        })
    }

    /// Zero-based line index of a byte offset.
    pub(crate) fn line_index(&self, offset: usize) -> usize {
        match self.line_starts().binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// The text of a zero-based line, without its line break.
    pub(crate) fn line_text(&self, line: usize) -> &str {
        let starts = self.line_starts();
        let start = starts[line];
        let end = starts.get(line + 1).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// One-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.floor_char_boundary(offset);
        let line = self.line_index(offset);
        let start = self.line_starts()[line];
        let column = self.text[start..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// The largest char boundary at or below `offset`, so spans from the parser can never split
    /// a character when we slice.
    pub(crate) fn floor_char_boundary(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

/// Every file read for one table, in the order they were read.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    /// No files yet.
    pub fn new() -> Self {
        Sources::default()
    }

    /// Adds a file and returns its id.
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(self.files.len() - 1)
    }

    /// The file with this id.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0]
    }

    /// All files, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = &SourceFile> {
        self.files.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_of_bounded_size_are_read() {
        let dir = std::env::temp_dir().join(format!("status-codegen-read-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let failure = |path: &Path| read_failure(&read_file(path).unwrap_err());
        assert_eq!(failure(&dir), "it is a directory, not a file");
        assert_eq!(failure(&dir.join("missing.toml")), "no such file");
        #[cfg(unix)]
        assert!(failure(Path::new("/dev/zero")).starts_with("it is not a regular file"));
        let big = dir.join("big.toml");
        let file = std::fs::File::create(&big).unwrap();
        file.set_len(MAX_FILE_SIZE + 1).unwrap();
        assert_eq!(
            failure(&big),
            "it is larger than 16 MiB, the most a table may be"
        );
        #[cfg(unix)]
        {
            let looped = dir.join("loop.toml");
            std::os::unix::fs::symlink(&looped, &looped).unwrap();
            assert_eq!(failure(&looped), "too many levels of symbolic links");
            let long = dir.join("x".repeat(300));
            assert_eq!(failure(&long), "file name too long");
        }
        let latin1 = dir.join("latin1.toml");
        std::fs::write(&latin1, b"[codes.404]\n# \xe4\xb8\xad\nname = \"Caf\xe9\"").unwrap();
        assert_eq!(
            failure(&latin1),
            "it is not UTF-8 text: byte 0xE9 at line 3, column 12 is not part of a UTF-8 character; save the file as UTF-8"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let file = SourceFile::new("t.toml", None, "a = 1\nb = \"中文\" x\n");
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(6), (2, 1));
        let x = file.text.find('x').unwrap();
        assert_eq!(file.line_col(x), (2, 10));
        assert_eq!(file.line_text(1), "b = \"中文\" x");
    }

    #[test]
    fn offsets_inside_a_character_round_down() {
        let file = SourceFile::new("t.toml", None, "é");
        assert_eq!(file.line_col(1), (1, 1));
        assert_eq!(file.line_col(99), (1, 2));
    }
}
