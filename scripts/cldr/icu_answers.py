#!/usr/bin/python3
"""Writes what ICU's LocaleMatcher answers for each header of tests/matching/headers.txt against
the tables of the ICU comparison, to tests/matching/icu-answers.tsv; and what it answers for each
default-settings case of ICU's own test file (tests/data/localeMatcherTest.txt), to
tests/data/icu-suite-answers.tsv, which shows where the installed ICU and its CLDR data depart from
the file.

Needs PyICU (Debian: python3-icu). ICU's defaults: demotion per desired locale, favouring the
language, the table's default (its first tag) when nothing matches.
Usage: scripts/cldr/icu_answers.py
"""

from pathlib import Path

import icu

ROOT = Path(__file__).resolve().parents[2]

# The tables of tests/it/icu_agreement.rs, tags in table order (default first).
TABLES = {
    "shipped": ["en", "zh-CN"],
    "chinese": ["en", "zh-CN", "zh-TW", "zh-HK", "ja"],
    "issue": ["en", "en-GB", "zh-Hant", "zh-CN", "ja"],
    "regional": [
        "en", "en-GB", "es", "es-419", "pt-BR", "pt-PT", "sr", "sr-Latn", "uz", "uz-Arab",
        "az", "az-Arab", "pa", "pa-Arab", "he", "nb", "id", "fil", "de", "zh-Hant-HK", "zh-TW",
    ],
    "wide": [
        "en", "en-GB", "fr", "de", "es", "es-419", "it", "pt-BR", "pt-PT", "ru", "uk", "pl",
        "nl", "nb", "sv", "da", "fi", "cs", "sk", "hu", "ro", "bg", "el", "tr", "ar", "he", "fa",
        "hi", "ja", "ko", "zh-Hans", "zh-Hant", "vi", "th", "id", "ca", "sr", "sr-Latn", "hr",
        "sl", "lt", "lv", "et",
    ],
}


def locale(tag):
    """A tag as ICU's suite means it: a BCP 47 tag, else an ICU locale ID (`root`, `91`)."""
    try:
        return icu.Locale.forLanguageTag(tag)
    except icu.ICUError:
        return icu.Locale(tag)


def suite():
    """The line number, supported list, default and desired list of every case of ICU's test
    file that runs with default settings (as tests/icu_agreement.rs reads it)."""
    text = (ROOT / "tests/data/localeMatcherTest.txt").read_text(encoding="utf-8")
    supported, default, favor, threshold = [], None, "", ""
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#")[0]
        if line.startswith("** test:"):
            supported, default, favor, threshold = [], None, "", ""
        elif line.startswith("@supported="):
            supported = [tag.strip() for tag in line[len("@supported="):].split(",")]
        elif line.startswith("@default="):
            default = line[len("@default="):].strip() or None
        elif line.startswith("@favor="):
            favor = line[len("@favor="):].strip()
        elif line.startswith("@threshold="):
            threshold = line[len("@threshold="):].strip()
        elif ">>" in line:
            desired, expected = line.split(">>", 1)
            expected = expected.split("|")[0].strip()
            # ICU's matcher cannot be built without a supported locale.
            if expected and not favor and not threshold and supported:
                yield number, supported, default, desired.strip()


def suite_answers():
    out = [
        f"# ICU {icu.ICU_VERSION} LocaleMatcher (PyICU {icu.VERSION}) on the default-settings "
        "cases of localeMatcherTest.txt, written by scripts/cldr/icu_answers.py: line, answer "
        "(null: no match and no default).",
    ]
    for number, supported, default, desired in suite():
        builder = icu.LocaleMatcher.Builder().setSupportedLocales(
            [locale(tag) for tag in supported]
        )
        if default:
            builder = builder.setDefaultLocale(locale(default))
        best = builder.build().getBestMatchForListString(desired)
        out.append(f"{number}\t{best.toLanguageTag() if best is not None else 'null'}")
    (ROOT / "tests/data/icu-suite-answers.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")


def main():
    lines = (ROOT / "tests/matching/headers.txt").read_text(encoding="utf-8").splitlines()
    # A header listed under two sources is answered once.
    headers = list(dict.fromkeys(line for line in lines if line and not line.startswith("#")))
    out = [
        f"# ICU {icu.ICU_VERSION} LocaleMatcher (PyICU {icu.VERSION}), written by "
        "scripts/cldr/icu_answers.py: table, answer, header.",
    ]
    for name, tags in TABLES.items():
        matcher = (
            icu.LocaleMatcher.Builder()
            .setSupportedLocales([icu.Locale.forLanguageTag(tag) for tag in tags])
            .build()
        )
        for header in headers:
            best = matcher.getBestMatchForListString(header)
            answer = best.toLanguageTag() if best is not None else tags[0]
            out.append(f"{name}\t{answer}\t{header}")
    (ROOT / "tests/matching/icu-answers.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
    suite_answers()
