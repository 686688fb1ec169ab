//! The typed model of one TOML file, as written: every key and value keeps its span, and nothing
//! is checked yet beyond its TOML type. [`crate::parse`] builds it; [`crate::layer`] folds a chain
//! of them into one; [`crate::valid`] checks it.

use crate::source::{FileId, Sp, Span};

/// What a file says about one key: nothing, something of the wrong TOML type (already reported
/// by the parser, so later phases stay quiet about it), or a value.
#[derive(Debug, Clone, Default)]
pub(crate) enum Field<T> {
    /// The key is not written.
    #[default]
    Absent,
    /// The key is written with a value of the wrong type.
    Invalid,
    /// The key is written with a value of the right type.
    Present(T),
}

impl<T> Field<T> {
    /// Whether the key is written at all, with a valid value or not.
    pub(crate) fn is_written(&self) -> bool {
        !matches!(self, Field::Absent)
    }

    pub(crate) fn as_ref(&self) -> Field<&T> {
        match self {
            Field::Absent => Field::Absent,
            Field::Invalid => Field::Invalid,
            Field::Present(value) => Field::Present(value),
        }
    }

    /// The value, if written with the right type.
    pub(crate) fn value(self) -> Option<T> {
        match self {
            Field::Present(value) => Some(value),
            Field::Absent | Field::Invalid => None,
        }
    }

    /// The one layering rule of a plain key: a later layer that writes it replaces it.
    pub(crate) fn layer(&mut self, over: Field<T>) {
        if over.is_written() {
            *self = over;
        }
    }
}

/// One file of the table.
#[derive(Debug)]
pub(crate) struct Document {
    /// The file it was read from.
    pub file: FileId,
    /// `extends = "standard"` or `extends = "base.toml"`: the table this file layers on.
    pub extends: Field<Sp<String>>,
    /// `non_exhaustive = true`: the generated enums may gain variants in a later version.
    pub non_exhaustive: Field<Sp<bool>>,
    /// The `[locales]` table, if present.
    pub locales: Option<LocalesDecl>,
    /// Every `[codes.N]` table, in file order.
    pub codes: Vec<CodeDecl>,
    /// `[problems] base = "https://example.com/probs/"`: what relative problem `type`s are
    /// resolved against.
    pub problems_base: Field<Sp<String>>,
    /// Every `[problems.<key>]` table, in file order.
    pub problems: Vec<ProblemDecl>,
}

/// The `[locales]` table.
#[derive(Debug)]
pub(crate) struct LocalesDecl {
    /// The `locales` key.
    pub span: Span,
    /// `default = "en"`.
    pub default: Field<Sp<String>>,
    /// `fallback = { "zh-HK" = "zh-TW" }`, in file order.
    pub fallback: Vec<FallbackDecl>,
}

/// One entry of `[locales.fallback]`: where a locale's missing texts come from, before the
/// default locale.
#[derive(Debug)]
pub(crate) struct FallbackDecl {
    /// The locale that falls back (`zh-HK`).
    pub tag: Sp<String>,
    /// The locales it falls back to, in order (`"zh-TW"` or `["zh-TW", "zh-CN"]`).
    pub targets: Vec<Sp<String>>,
}

/// One `[codes.N]` table.
#[derive(Debug)]
pub(crate) struct CodeDecl {
    /// The key as written (`404`, `0404`).
    pub key: Sp<String>,
    /// The key's number, if it is a number; range is checked later.
    pub code: Option<u64>,
    /// `name = "Not Found"`.
    pub name: Field<Sp<String>>,
    /// `variant = "NotFound"`.
    pub variant: Field<Sp<String>>,
    /// `aliases = [...]`; items of the wrong type are left out (and reported).
    pub aliases: Field<Vec<Sp<String>>>,
    /// `message.<tag> = "..."`.
    pub message: Texts,
    /// `scenario.<tag> = "..."`: when an API typically returns the code.
    pub scenario: Texts,
    /// `note.<tag> = "..."`: where sources disagree, the other wording.
    pub note: Texts,
    /// `source.<tag> = "..."`: where the texts in that locale come from.
    pub source: Texts,
    /// `retry_unchanged = false`: whether repeating the same request can succeed.
    pub retry_unchanged: Field<Sp<bool>>,
    /// `remove = true`: drop the code a base table defines.
    pub remove: Field<Sp<bool>>,
}

impl CodeDecl {
    /// Whether the table writes anything but `remove`.
    pub(crate) fn writes_more_than_remove(&self) -> bool {
        self.name.is_written()
            || self.variant.is_written()
            || self.aliases.is_written()
            || self.message.is_written()
            || self.scenario.is_written()
            || self.note.is_written()
            || self.source.is_written()
            || self.retry_unchanged.is_written()
    }

    /// Every text of the code that is shown to users (`message`, `scenario`, `note`): the
    /// locales of a table are the tags these use. `source` only describes them.
    pub(crate) fn texts(&self) -> impl Iterator<Item = &LocalizedText> {
        [&self.message, &self.scenario, &self.note]
            .into_iter()
            .flat_map(|texts| texts.entries())
    }

    /// A later layer's keys over this code's: each field by its own rule, texts locale by
    /// locale. A new `name` that was one of the code's aliases leaves the alias list unless the
    /// layer writes `aliases` too, so promoting an alias needs no restating of the rest.
    pub(crate) fn layer(&mut self, over: CodeDecl) {
        self.key = over.key;
        if let (Field::Present(name), false) = (&over.name, over.aliases.is_written()) {
            let promoted = crate::names::fold(&name.value);
            if let Field::Present(aliases) = &mut self.aliases {
                aliases.retain(|alias| crate::names::fold(&alias.value) != promoted);
            }
        }
        self.name.layer(over.name);
        self.variant.layer(over.variant);
        self.aliases.layer(over.aliases);
        self.message.layer(over.message);
        self.scenario.layer(over.scenario);
        self.note.layer(over.note);
        self.source.layer(over.source);
        self.retry_unchanged.layer(over.retry_unchanged);
    }
}

/// One `[problems.<key>]` table: a problem type (RFC 9457) of one of the table's codes.
#[derive(Debug)]
pub(crate) struct ProblemDecl {
    /// The key as written (`out-of-credit`), which names the generated struct.
    pub key: Sp<String>,
    /// `status = 403`: the number as written, if it is a decimal integer that fits.
    pub status: Field<Sp<Option<u64>>>,
    /// `type = "https://example.com/probs/out-of-credit"`, or a reference relative to `base`.
    pub r#type: Field<Sp<String>>,
    /// `title.<tag> = "..."`: the same for every occurrence, but for localization.
    pub title: Texts,
    /// `detail.<tag> = "..."`: a template with `{placeholder}`s, one per field.
    pub detail: Texts,
    /// `remove = true`: drop the problem type a base table defines.
    pub remove: Field<Sp<bool>>,
}

impl ProblemDecl {
    /// Whether the table writes anything but `remove`.
    pub(crate) fn writes_more_than_remove(&self) -> bool {
        self.status.is_written()
            || self.r#type.is_written()
            || self.title.is_written()
            || self.detail.is_written()
    }

    /// A later layer's keys over this problem's: `status` and `type` replace, texts replace
    /// locale by locale.
    pub(crate) fn layer(&mut self, over: ProblemDecl) {
        self.key = over.key;
        self.status.layer(over.status);
        self.r#type.layer(over.r#type);
        self.title.layer(over.title);
        self.detail.layer(over.detail);
    }
}

/// A field of texts by locale tag (`message.en = "..."`), in file order.
#[derive(Debug, Default)]
pub(crate) struct Texts {
    /// The field is written, but not as a table: its locales are unknown.
    pub invalid: bool,
    /// One entry per tag written.
    pub entries: Vec<LocalizedText>,
}

impl Texts {
    fn is_written(&self) -> bool {
        self.invalid || !self.entries.is_empty()
    }

    /// The entries, with a text of the right type or not.
    pub(crate) fn entries(&self) -> impl Iterator<Item = &LocalizedText> {
        self.entries.iter()
    }

    /// Whether the field has, or tried to write, a text in `tag`. A field that is not a table
    /// may have meant any locale, so it counts as mentioning every one.
    pub(crate) fn mentions(&self, tag: &str) -> bool {
        if self.invalid {
            return true;
        }
        for text in &self.entries {
            if text.tag.value == tag {
                return true;
            }
        }
        false
    }

    /// The valid texts, as (tag, text) pairs.
    pub(crate) fn valid(&self) -> impl Iterator<Item = (&str, &str)> + Clone {
        self.entries.iter().filter_map(|entry| match &entry.text {
            Field::Present(text) => Some((entry.tag.value.as_str(), text.value.as_str())),
            _ => None,
        })
    }

    /// Per locale: a text of the later layer replaces the one in that locale, or adds one.
    fn layer(&mut self, over: Texts) {
        self.invalid |= over.invalid;
        if over.entries.is_empty() {
            return;
        }
        // By tag, so that layering stays linear however many locales both layers write. A tag
        // written twice in one layer is a TOML error, so the first entry is the only one.
        let mut by_tag: crate::index::TextIndex<'_> =
            crate::index::TextIndex::with_capacity(self.entries.len());
        for (index, old) in self.entries.iter().enumerate() {
            by_tag
                .entry(std::borrow::Cow::Owned(old.tag.value.clone()))
                .or_insert(index);
        }
        let mut replaced: Vec<(usize, LocalizedText)> = Vec::new();
        for text in over.entries {
            match by_tag.get(text.tag.value.as_str()) {
                Some(&index) => replaced.push((index, text)),
                None => self.entries.push(text),
            }
        }
        for (index, text) in replaced {
            self.entries[index] = text;
        }
    }
}

/// `<field>.<tag> = "text"`.
#[derive(Debug)]
pub(crate) struct LocalizedText {
    /// The locale tag key (`zh-CN`).
    pub tag: Sp<String>,
    /// The text; [`Field::Invalid`] when written with the wrong type.
    pub text: Field<Sp<String>>,
}
