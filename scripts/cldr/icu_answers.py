#!/usr/bin/python3
"""Writes what ICU's LocaleMatcher answers for each header of tests/matching/headers.txt against
the tables of the ICU comparison, to tests/matching/icu-answers.tsv.

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
