#!/usr/bin/env python3
"""Generates the locale data of status-locale's `data` feature, from CLDR's and IANA's own files.

Usage: scripts/cldr/generate.py CLDR_JSON_DIR [REGISTRY]

CLDR_JSON_DIR is the `supplemental` directory of the npm package `cldr-core` (CLDR's own JSON
form of its XML, published by the Unicode Consortium from unicode-org/cldr-json):

    npm pack cldr-core@48.2.0     # cldr-core-48.2.0.tgz, sha256 5310e0c7a06c1feb83dc8e54c8584bbe
                                  # 0b9c2ea8320172a18d541986b124585d, published 2026-03-25
    tar xzf cldr-core-48.2.0.tgz  # package/supplemental/
    scripts/cldr/generate.py package/supplemental

It reads `likelySubtags.json`, `aliases.json` (languageAlias), `parentLocales.json`,
`languageMatching.json` (written-new) and `territoryContainment.json`, and writes
`status-locale/src/data/cldr.rs`.

With REGISTRY, the IANA Language Subtag Registry, it also writes
`status-locale/src/data/registry.rs`. REGISTRY is either IANA's own file
(https://www.iana.org/assignments/language-subtag-registry/language-subtag-registry) or the
`data/json` directory of the npm package `language-subtag-registry` (the same records as JSON,
`registry.json`, with the file's date in `meta.json`). The registry in the repository is the
file of 2025-08-25, from that package:

    npm pack language-subtag-registry@0.4.2  # sha256 eed19742980e16d482b56cf01604d5a0e80d4364
                                             # 6e95740de2a99d5e85771ed8, File-Date 2025-08-25
    tar xzf language-subtag-registry-0.4.2.tgz  # package/data/json/
    scripts/cldr/generate.py CLDR_JSON_DIR package/data/json

Facts are carried over as they are: which rows matter is decided by the Rust code that reads
them. Only the keys of likelySubtags and parentLocales are written lower case, the case the
matcher's rows take (`status_locale::Rules`), so that a table's rows borrow them.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "status-locale" / "src" / "data"


def rust_str(text):
    assert all(32 <= ord(c) < 127 and c not in '"\\' for c in text), text
    return f'"{text}"'


def rust_rows(rows):
    """A string literal of rows, one a line, each row's fields joined by spaces: rustc compiles
    one literal far faster than an array of thousands of tuples (see `cldr/rows.rs`)."""
    rows = [tuple(fields) for fields in rows]
    for fields in rows:
        assert all(field and " " not in field and "\n" not in field for field in fields), fields
    lines = [" ".join(fields) for fields in rows]
    for line in lines:
        rust_str(line)
    return '"\\\n' + "\\n\\\n".join("    " + line for line in lines) + '"'


def rust_words(words):
    """A string literal of words joined by single spaces, twelve a source line."""
    for word in words:
        assert word and " " not in word, word
        rust_str(word)
    lines = [" ".join(words[start : start + 12]) for start in range(0, len(words), 12)]
    return '"\\\n' + " \\\n".join("    " + line for line in lines) + '"'


def supplemental(directory, name):
    """One file's `supplemental` object, and the CLDR version it states."""
    data = json.loads((directory / name).read_text(encoding="utf-8"))["supplemental"]
    return data, data["version"]["_cldrVersion"]


def likely_subtags(directory):
    data, _ = supplemental(directory, "likelySubtags.json")
    rows = {key.lower(): value for key, value in data["likelySubtags"].items()}
    assert len(rows) == len(data["likelySubtags"]), "keys that differ only in case"
    return sorted(rows.items())


def language_aliases(directory):
    data, _ = supplemental(directory, "aliases.json")
    rows = []
    for source, alias in data["metadata"]["alias"]["languageAlias"].items():
        replacement = alias.get("_replacement", "")
        # A bare language, or a legacy tag (`i-klingon`), replaced by one tag: the forms a
        # language range can take.
        bare = "-" not in source or source.startswith("i-")
        if not bare or not replacement or " " in replacement:
            continue
        rows.append((source, replacement, alias.get("_reason") or "none"))
    return sorted(rows)


def parent_locales(directory):
    data, _ = supplemental(directory, "parentLocales.json")
    # The general parents only, not those of one component (collations, plurals...).
    parents = data["parentLocales"]["parentLocale"]
    rows = {child.lower(): parent for child, parent in parents.items()}
    assert len(rows) == len(parents), "keys that differ only in case"
    return sorted(rows.items())


def containment(directory):
    data, _ = supplemental(directory, "territoryContainment.json")
    groups = {}
    for key, group in data["territoryContainment"].items():
        region, _, status = key.partition("-status-")
        if status == "deprecated" or "_contains" not in group:
            continue
        groups.setdefault(region, set()).update(group["_contains"])
    return groups


def expand(region, groups, seen=None):
    """A region and every region it contains, transitively (019 → 419, 005, BR, ...)."""
    seen = set() if seen is None else seen
    if region in seen:
        return seen
    seen.add(region)
    for inner in groups.get(region, ()):
        expand(inner, groups, seen)
    return seen


def language_matching(directory, groups):
    data, version = supplemental(directory, "languageMatching.json")
    matches = data["languageMatching"]["written-new"]
    variables = []
    for name, variable in matches["matchVariables"].items():
        regions = set()
        for part in variable["_value"].split("+"):
            regions |= expand(part, groups)
        variables.append((name, sorted(regions)))
    # CLDR's JSON writes `_` as `-` in these patterns; the Rust side splits them on `_`.
    rows = [
        (
            m["_desired"].replace("-", "_"),
            m["_supported"].replace("-", "_"),
            int(m["_distance"]),
            bool(m.get("_oneway", False)),
        )
        for m in matches["languageMatch"]
    ]
    return version, variables, rows


def registry_records(path):
    """The registry's date and its records, each a dict of its first value for each field."""
    if path.is_dir():
        date = json.loads((path / "meta.json").read_text(encoding="utf-8"))["File-Date"]
        records = json.loads((path / "registry.json").read_text(encoding="utf-8"))
        return date, records
    text = path.read_text(encoding="utf-8")
    records = text.split("\n%%\n")
    date = records[0].split(":", 1)[1].strip()
    parsed = []
    for record in records[1:]:
        fields = {}
        for line in record.splitlines():
            if line.startswith("  "):
                continue  # continuation of a description or comment
            key, _, value = line.partition(": ")
            fields.setdefault(key, value)
        parsed.append(fields)
    return date, parsed


def registry(path):
    date, records = registry_records(path)
    subtags = {"language": [], "script": [], "region": [], "variant": []}
    deprecated = []
    for fields in records:
        kind = fields.get("Type")
        if kind not in subtags:
            continue
        subtag = fields["Subtag"]
        if ".." in subtag:  # private-use ranges (qaa..qtz) are allowed by rule, not listed
            continue
        subtags[kind].append(subtag.lower())
        if "Deprecated" in fields:
            deprecated.append((kind, subtag.lower(), fields.get("Preferred-Value", "")))
    return date, {kind: sorted(set(values)) for kind, values in subtags.items()}, sorted(deprecated)


def write_data(directory):
    groups = containment(directory)
    version, variables, matches = language_matching(directory, groups)
    for name in ["likelySubtags.json", "aliases.json", "parentLocales.json"]:
        if supplemental(directory, name)[1] != version:
            sys.exit(f"{name}: not CLDR {version}")
    likely = likely_subtags(directory)
    aliases, parents = language_aliases(directory), parent_locales(directory)
    write_data_rows(version, likely, aliases, parents, variables, matches)


def write_data_rows(version, likely, aliases, parents, variables, matches):
    out = [
        "//! CLDR data for language matching. Generated by `scripts/cldr/generate.py` from CLDR",
        f"//! {version} (the npm package cldr-core 48.2.0 of 2026-03-25, CLDR's JSON of its",
        "//! `common/supplemental` files): likelySubtags, parentLocales, territoryContainment,",
        "//! languageAlias and languageMatches written-new. Unicode License v3. Do not edit; run",
        "//! the script again.",
        "",
        "/// The CLDR release these rows come from (a test reads it against this file's header).",
        f"pub const CLDR_VERSION: &str = {rust_str(version)};",
        "",
        "/// likelySubtags, one row a line: a tag (lower case) and its most likely",
        "/// `language-Script-REGION`, sorted by tag.",
        f"pub(crate) const LIKELY: &str = {rust_rows(likely)};",
    ]
    out += [
        "",
        "/// languageAlias for bare languages and legacy tags (`i-klingon`), one row a line: the",
        "/// alias, its replacement and CLDR's reason, sorted.",
        f"pub(crate) const LANGUAGE_ALIASES: &str = {rust_rows(aliases)};",
        "",
        "/// parentLocales, one row a line: a locale (lower case) and its parent, sorted.",
        f"pub(crate) const PARENTS: &str = {rust_rows(parents)};",
        "",
        "/// matchVariables, each region group expanded to every region it contains.",
        "pub(crate) const MATCH_VARIABLES: &[(&str, &[&str])] = &[",
    ]
    for name, regions in variables:
        out.append(f"    ({rust_str(name)}, &[{', '.join(rust_str(r) for r in regions)}]),")
    out += [
        "];",
        "",
        "/// languageMatch rows in CLDR's order (the first that applies wins), one a line: desired,",
        "/// supported, distance, one-way (`true` or `false`).",
        "pub(crate) const LANGUAGE_MATCHES: &str = "
        + rust_rows((d, s, str(n), str(o).lower()) for d, s, n, o in matches)
        + ";",
        "",
        "/// The regions languageMatch rows name alone (`GB` of `en_*_GB`), sorted: a row's",
        "/// region set borrows its one region from here.",
        "pub(crate) const WRITTEN_REGIONS: &[&str] = &["
        + ", ".join(rust_str(r) for r in written_regions(matches))
        + "];",
        "",
    ]
    (OUT / "cldr.rs").write_text("\n".join(out), encoding="utf-8")


def written_regions(matches):
    regions = set()
    for desired, supported, _, _ in matches:
        for side in (desired, supported):
            parts = side.split("_")
            if len(parts) == 3 and parts[2] != "*" and not parts[2].startswith("$"):
                regions.add(parts[2])
    return sorted(regions)


def write_registry_rows(date, subtags, deprecated):
    out = [
        "//! The IANA Language Subtag Registry, as far as tags in a table need it. Generated by",
        f"//! `scripts/cldr/generate.py` from the registry file of {date} (File-Date). Do not",
        "//! edit; run the script again. Private-use ranges (`qaa..qtz`, `Qaaa..Qabx`, `QM..QZ`,",
        "//! `XA..XZ`) are rules in `tag.rs`, not rows here.",
        "",
        "/// The registry's File-Date (a test reads it against this file's header).",
        f"pub const REGISTRY_DATE: &str = {rust_str(date)};",
    ]
    for kind, name in [
        ("language", "LANGUAGES"),
        ("script", "SCRIPTS"),
        ("region", "REGIONS"),
        ("variant", "VARIANTS"),
    ]:
        out += [
            "",
            f"/// Every registered {kind} subtag, lower case, sorted, separated by spaces.",
            f"pub(crate) const {name}: &str = {rust_words(subtags[kind])};",
        ]
    out += [
        "",
        "/// Deprecated subtags, one a line: type, subtag (lower case) and the Preferred-Value, if",
        "/// any; sorted.",
        "pub(crate) const DEPRECATED: &str = "
        + rust_rows((k, s, p) if p else (k, s) for k, s, p in deprecated)
        + ";",
        "",
    ]
    (OUT / "registry.rs").write_text("\n".join(out), encoding="utf-8")


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    OUT.mkdir(parents=True, exist_ok=True)
    write_data(Path(sys.argv[1]))
    if len(sys.argv) == 3:
        write_registry_rows(*registry(Path(sys.argv[2])))


if __name__ == "__main__":
    main()
