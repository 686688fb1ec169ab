//! The spanned TOML tree [`super::read`] builds: tables keep their entries in the order they were
//! first written, and every key and value keeps its byte range.

use std::borrow::Cow;
use std::ops::Range;

use crate::index::TextIndex;

/// Above this many entries a table keeps a map from key to entry: `[codes]` has one entry per
/// code, and a linear search per header would be quadratic.
const INDEXED_FROM: usize = 16;

/// A table, from a `[header]`, dotted keys or `{ ... }`.
#[derive(Debug, Default)]
pub(crate) struct Table<'i> {
    entries: Vec<Entry<'i>>,
    index: Option<TextIndex<'i>>,
    /// Made by a dotted key or a header's path, not by its own header (yet).
    pub implicit: bool,
    /// Made (or extended) by a dotted key: a `[header]` may no longer define it.
    pub dotted: bool,
    /// Written as `{ ... }` (or made by a dotted key inside one): closed once written.
    pub inline: bool,
}

/// One `key = value` of a table.
#[derive(Debug)]
pub(crate) struct Entry<'i> {
    pub key: Key<'i>,
    pub value: Value<'i>,
}

/// A decoded key and where it was written.
#[derive(Debug, Clone)]
pub(crate) struct Key<'i> {
    pub text: Cow<'i, str>,
    pub span: Range<usize>,
}

/// A value and where it was written: the scalar, `[ ... ]`, `{ ... }`, or for a table made by a
/// header or a dotted key, that header or key.
#[derive(Debug)]
pub(crate) struct Value<'i> {
    pub span: Range<usize>,
    pub kind: Kind<'i>,
}

/// What a value holds. Of numbers and datetimes only the type is kept: no key of a table takes
/// one.
#[derive(Debug)]
pub(crate) enum Kind<'i> {
    String(Cow<'i, str>),
    Integer,
    Float,
    Boolean(bool),
    Datetime,
    Array(Array<'i>),
    Table(Box<Table<'i>>),
}

/// `[ ... ]`, or the tables of one `[[header]]`.
#[derive(Debug, Default)]
pub(crate) struct Array<'i> {
    pub items: Vec<Value<'i>>,
    pub of_tables: bool,
}

impl Kind<'_> {
    /// The type's name as TOML's own errors spell it (`cannot extend value of type integer`).
    pub(crate) fn toml_type(&self) -> &'static str {
        match self {
            Kind::String(_) => "string",
            Kind::Integer => "integer",
            Kind::Float => "float",
            Kind::Boolean(_) => "boolean",
            Kind::Datetime => "datetime",
            Kind::Array(_) => "array",
            Kind::Table(_) => "table",
        }
    }
}

impl<'i> Table<'i> {
    pub(crate) fn new(implicit: bool, dotted: bool, inline: bool) -> Self {
        Table {
            implicit,
            dotted,
            inline,
            ..Table::default()
        }
    }

    pub(crate) fn entries(&self) -> &[Entry<'i>] {
        &self.entries
    }

    pub(crate) fn position(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(key).copied(),
            None => {
                for (at, entry) in self.entries.iter().enumerate() {
                    if entry.key.text.as_ref() == key {
                        return Some(at);
                    }
                }
                None
            }
        }
    }

    pub(crate) fn entry_mut(&mut self, at: usize) -> Option<&mut Entry<'i>> {
        self.entries.get_mut(at)
    }

    /// Appends an entry; the caller has checked that the key is new.
    pub(crate) fn push(&mut self, key: Key<'i>, value: Value<'i>) -> usize {
        let at = self.entries.len();
        if let Some(index) = &mut self.index {
            index.insert(key.text.clone(), at);
        } else if at == INDEXED_FROM {
            let mut index = TextIndex::with_capacity(2 * INDEXED_FROM);
            for (at, entry) in self.entries.iter().enumerate() {
                index.insert(entry.key.text.clone(), at);
            }
            index.insert(key.text.clone(), at);
            self.index = Some(index);
        }
        self.entries.push(Entry { key, value });
        at
    }

    /// Takes an entry out, keeping the others in order.
    pub(crate) fn remove(&mut self, at: usize) -> Entry<'i> {
        let entry = self.entries.remove(at);
        if let Some(index) = &mut self.index {
            index.remove(entry.key.text.as_ref());
            for later in index.values_mut() {
                if *later > at {
                    *later -= 1;
                }
            }
        }
        entry
    }
}
