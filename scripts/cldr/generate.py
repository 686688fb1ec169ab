#!/usr/bin/env python3
"""Generates the locale data status-codegen compiles in, from CLDR's and IANA's own files.

Usage: scripts/cldr/generate.py DIR

DIR holds CLDR's `common/supplemental/{likelySubtags,supplementalData,supplementalMetadata,
languageInfo}.xml` and `common/dtd/ldmlSupplemental.dtd` (for the CLDR version), and the IANA
`language-subtag-registry` file, all side by side. Writes
`status-codegen/src/cldr/data.rs` (CLDR) and `status-codegen/src/cldr/registry.rs` (IANA).
Facts are carried over as they are: which rows matter is decided by the Rust code that reads them.
"""

import re
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "status-codegen" / "src" / "cldr"


def tag(text):
    """CLDR writes `en_GB`; BCP 47 and the rest of the project write `en-GB`."""
    return text.replace("_", "-")


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


def cldr_version(directory):
    dtd = (directory / "ldmlSupplemental.dtd").read_text(encoding="utf-8")
    match = re.search(r'<!ATTLIST version cldrVersion CDATA #FIXED "([^"]+)"', dtd)
    if not match:
        sys.exit("ldmlSupplemental.dtd: no cldrVersion")
    return match.group(1)


def likely_subtags(directory):
    root = ElementTree.parse(directory / "likelySubtags.xml").getroot()
    return sorted((tag(e.get("from")), tag(e.get("to"))) for e in root.iter("likelySubtag"))


def language_aliases(directory):
    root = ElementTree.parse(directory / "supplementalMetadata.xml").getroot()
    rows = []
    for alias in root.iter("languageAlias"):
        source, replacement = alias.get("type"), alias.get("replacement")
        # Only a bare language replaced by one tag: the forms a language range can take.
        if "_" in source or not replacement or " " in replacement:
            continue
        rows.append((source, tag(replacement), alias.get("reason") or ""))
    return sorted(rows)


def parent_locales(directory):
    root = ElementTree.parse(directory / "supplementalData.xml").getroot()
    rows = []
    for parent in root.iter("parentLocale"):
        for child in parent.get("locales").split():
            rows.append((tag(child), tag(parent.get("parent"))))
    return sorted(rows)


def containment(directory):
    root = ElementTree.parse(directory / "supplementalData.xml").getroot()
    groups = {}
    for group in root.iter("group"):
        if group.get("status") == "deprecated":
            continue
        groups.setdefault(group.get("type"), set()).update(group.get("contains").split())
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
    root = ElementTree.parse(directory / "languageInfo.xml").getroot()
    for matches in root.iter("languageMatches"):
        if matches.get("type") != "written_new":
            continue
        variables = []
        for variable in matches.iter("matchVariable"):
            regions = set()
            for part in variable.get("value").split("+"):
                regions |= expand(part, groups)
            variables.append((variable.get("id"), sorted(regions)))
        rows = [
            (
                m.get("desired"),
                m.get("supported"),
                int(m.get("distance")),
                m.get("oneway") == "true",
            )
            for m in matches.iter("languageMatch")
        ]
        return variables, rows
    sys.exit("languageInfo.xml: no written_new languageMatches")


def registry(directory):
    text = (directory / "language-subtag-registry").read_text(encoding="utf-8")
    records = text.split("\n%%\n")
    date = records[0].split(":", 1)[1].strip()
    subtags = {"language": [], "script": [], "region": [], "variant": []}
    deprecated = []
    for record in records[1:]:
        fields = {}
        for line in record.splitlines():
            if line.startswith("  "):
                continue  # continuation of a description or comment
            key, _, value = line.partition(": ")
            fields.setdefault(key, value)
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
    version = cldr_version(directory)
    groups = containment(directory)
    variables, matches = language_matching(directory, groups)
    likely = likely_subtags(directory)
    aliases, parents = language_aliases(directory), parent_locales(directory)
    write_data_rows(version, likely, aliases, parents, variables, matches)


def write_data_rows(version, likely, aliases, parents, variables, matches):
    out = [
        "//! CLDR data for language matching. Generated by `scripts/cldr/generate.py` from CLDR",
        f"//! {version}: `common/supplemental/likelySubtags.xml`, `supplementalData.xml` (parentLocales,",
        "//! territoryContainment), `supplementalMetadata.xml` (languageAlias) and `languageInfo.xml`",
        "//! (languageMatches written_new). Do not edit; run the script again.",
        "",
        "/// The CLDR release these rows come from.",
        f"pub(crate) const CLDR_VERSION: &str = {rust_str(version)};",
        "",
        "/// likelySubtags, one row a line: a tag and its most likely `language-Script-REGION`,",
        "/// sorted by tag.",
        f"pub(crate) const LIKELY: &str = {rust_rows(likely)};",
    ]
    out += [
        "",
        "/// languageAlias for bare languages, one row a line: the alias, its replacement and CLDR's",
        "/// reason, sorted.",
        f"pub(crate) const LANGUAGE_ALIASES: &str = {rust_rows(aliases)};",
        "",
        "/// parentLocales, one row a line: a locale and its parent, sorted.",
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
    ]
    (OUT / "data.rs").write_text("\n".join(out), encoding="utf-8")


def write_registry(directory):
    write_registry_rows(*registry(directory))


def write_registry_rows(date, subtags, deprecated):
    out = [
        "//! The IANA Language Subtag Registry, as far as tags in a table need it. Generated by",
        f"//! `scripts/cldr/generate.py` from the registry file of {date}. Do not edit; run the script",
        "//! again. Private-use ranges (`qaa..qtz`, `Qaaa..Qabx`, `QM..QZ`, `XA..XZ`) are rules in",
        "//! `tag.rs`, not rows here.",
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
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    directory = Path(sys.argv[1])
    OUT.mkdir(parents=True, exist_ok=True)
    write_data(directory)
    write_registry(directory)


if __name__ == "__main__":
    main()
