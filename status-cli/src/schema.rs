//! A JSON Schema (draft 2020-12) of the table format, for editors: with taplo or Even Better
//! TOML, a `#:schema` line at the top of a table gives completion, hover text and checks as
//! one types.
//!
//! It says what JSON Schema can say of the rules `status-codegen` checks (every key, its type,
//! the form of codes, names, variants and locale tags, what a table that extends nothing must
//! hold); `status-codes check` remains the judge of the rest (a message in the default locale,
//! tags in the IANA registry, names unique across codes, what a base defines). The tests keep
//! the two in step: every table of the repository validates, and each kind of mistake the
//! schema claims to catch is one the generator rejects too.

use serde_json::{Value, json};

/// A BCP 47 tag in canonical case, as `status_codegen`'s tag check reads one:
/// `language[-Script][-REGION][-variant]*[-x-private]`, or private use alone (`x-pirate`).
const TAG_PATTERN: &str = "^(?:x(?:-[a-z0-9]{1,8})+|(?:[a-z]{2,3}|[a-z]{5,8})\
                           (?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?\
                           (?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(?:-x(?:-[a-z0-9]{1,8})+)?)$";

/// Digits, then white space or the end: `FromStr` would read such a name as a number or a
/// status line.
const READS_AS_NUMBER: &str = "^\\s*[0-9]+(?:\\s|$)";

/// The longest name, alias or tag `FromStr` matches, in bytes (JSON Schema counts characters:
/// the check is exact for ASCII and a bound for the rest).
const MAX_SPELLING: usize = 128;

/// The schema, as `status-codes schema` prints it.
pub fn table_schema() -> Value {
    let tag = json!({
        "type": "string",
        "pattern": TAG_PATTERN,
        "maxLength": MAX_SPELLING,
    });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "status-codes table",
        "description": "A table of status codes for the status_codes! macro and the status-codes command: a [locales] table and one [codes.N] table per code, or `extends` and what differs from its base.",
        "type": "object",
        "properties": {
            "extends": {
                "description": "The table this one layers on: \"standard\" (the table shipped in status-core) or a path relative to this file.",
                "type": "string",
                "minLength": 1,
            },
            "non_exhaustive": {
                "description": "Makes the generated StatusCode and Locale #[non_exhaustive], so a later version of the table may add codes and locales.",
                "type": "boolean",
            },
            "locales": { "$ref": "#/$defs/locales" },
            "codes": {
                "description": "One table per code: [codes.404].",
                "type": "object",
                "propertyNames": {
                    "description": "A code from 100 to 999.",
                    "pattern": "^0*[1-9][0-9]{2}$",
                },
                "additionalProperties": { "$ref": "#/$defs/code" },
            },
            "problems": {
                "description": "Problem types (RFC 9457): one table per kind of occurrence of a code, [problems.out-of-credit], each a generated struct (OutOfCredit); and `base`, the URI relative types are resolved against.",
                "type": "object",
                "propertyNames": {
                    "description": "ASCII words joined by - or _, starting with a letter: the struct is their UpperCamelCase.",
                    "pattern": "^[A-Za-z][A-Za-z0-9_-]*$",
                },
                "properties": {
                    "base": {
                        "description": "An absolute URI (https://example.com/probs/): a problem type without `type` gets it followed by its key, a relative `type` is resolved against it.",
                        "type": "string",
                        "pattern": "^[A-Za-z][A-Za-z0-9+.-]*:[^\\s]*$",
                    },
                },
                "additionalProperties": { "$ref": "#/$defs/problem" },
            },
        },
        "additionalProperties": false,
        // A table that extends nothing holds everything itself.
        "if": { "not": { "required": ["extends"] } },
        "then": {
            "required": ["locales", "codes"],
            "properties": {
                "locales": { "required": ["default"] },
                "codes": { "minProperties": 1 },
            },
        },
        "$defs": {
            "tag": tag,
            "locales": {
                "description": "The table's default locale and the fallbacks of the others.",
                "type": "object",
                "properties": {
                    "default": {
                        "description": "The locale every code has a message in, and the one every missing text falls back to last.",
                        "$ref": "#/$defs/tag",
                    },
                    "fallback": {
                        "description": "Per locale, the locales its missing texts come from before the default: a tag, or an array tried in order.",
                        "type": "object",
                        "propertyNames": { "$ref": "#/$defs/tag" },
                        "additionalProperties": {
                            "oneOf": [
                                { "$ref": "#/$defs/tag" },
                                {
                                    "type": "array",
                                    "items": { "$ref": "#/$defs/tag" },
                                    "minItems": 1,
                                },
                            ],
                        },
                    },
                },
                "additionalProperties": false,
            },
            "texts": {
                "type": "object",
                "propertyNames": { "$ref": "#/$defs/tag" },
                "additionalProperties": {
                    "type": "string",
                    "pattern": "\\S",
                },
            },
            "problem": {
                "type": "object",
                "properties": {
                    "status": {
                        "description": "The code it is returned with: a code of the table.",
                        "type": "integer",
                        "minimum": 100,
                        "maximum": 999,
                    },
                    "type": {
                        "description": "The problem type's URI: absolute, or relative to [problems] base; never about:blank, which means no more than the status code.",
                        "type": "string",
                        "pattern": "^[^\\s]+$",
                        "not": { "pattern": "^[Aa][Bb][Oo][Uu][Tt]:[Bb][Ll][Aa][Nn][Kk]$" },
                    },
                    "title": {
                        "description": "A short summary of the problem type by locale, the same for every occurrence; required in the default locale.",
                        "$ref": "#/$defs/texts",
                    },
                    "detail": {
                        "description": "What happened this time, by locale: a template whose {placeholders} (lower-case ASCII letters, digits and _, starting with a letter) are the struct's fields; {{ and }} are literal braces. Every translation has exactly the default locale's placeholders.",
                        "$ref": "#/$defs/texts",
                    },
                    "remove": {
                        "description": "remove = true, alone, drops a problem type that a base table defines.",
                        "type": "boolean",
                    },
                },
                "additionalProperties": false,
                "if": {
                    "properties": { "remove": { "const": true } },
                    "required": ["remove"],
                },
                "then": { "maxProperties": 1 },
            },
            "code": {
                "type": "object",
                "properties": {
                    "name": {
                        "description": "The reason phrase (Not Found): printable ASCII, as it goes on the wire. Required for a new code.",
                        "type": "string",
                        "pattern": "^[!-~](?:[ -~]*[!-~])?$",
                        "maxLength": MAX_SPELLING,
                        "not": { "pattern": READS_AS_NUMBER },
                    },
                    "variant": {
                        "description": "The StatusCode variant; by default the name in UpperCamelCase.",
                        "type": "string",
                        "pattern": "^[A-Z][A-Za-z0-9]*$",
                        "not": { "enum": ["Self", "ALL", "DEFAULT"] },
                    },
                    "aliases": {
                        "description": "Other names FromStr accepts for the code.",
                        "type": "array",
                        "uniqueItems": true,
                        "items": {
                            "type": "string",
                            "pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]*\\S[^\\u0000-\\u001f\\u007f-\\u009f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]*$",
                            "maxLength": MAX_SPELLING,
                            "not": { "pattern": READS_AS_NUMBER },
                        },
                    },
                    "message": {
                        "description": "The code's description by locale (message.en); required in the default locale.",
                        "$ref": "#/$defs/texts",
                    },
                    "scenario": {
                        "description": "The typical situations in which an API returns the code, by locale.",
                        "$ref": "#/$defs/texts",
                    },
                    "note": {
                        "description": "Where sources disagree, the other wording, by locale.",
                        "$ref": "#/$defs/texts",
                    },
                    "source": {
                        "description": "Where the texts in a locale come from; never falls back.",
                        "$ref": "#/$defs/texts",
                    },
                    "retry_unchanged": {
                        "description": "Whether the same request can succeed if sent again unchanged.",
                        "type": "boolean",
                    },
                    "remove": {
                        "description": "remove = true, alone, drops a code that a base table defines.",
                        "type": "boolean",
                    },
                },
                "additionalProperties": false,
                "if": {
                    "properties": { "remove": { "const": true } },
                    "required": ["remove"],
                },
                "then": { "maxProperties": 1 },
            },
        },
    })
}
