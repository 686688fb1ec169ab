//! A whole table as a document: a Markdown or HTML page laid out like a vendor's status code
//! reference (a heading per class, then a table with a row per code), or JSON and CSV for
//! other tools.
//!
//! Pages show one language, or every language side by side; side by side, a locale's column
//! leaves out the texts it only shows from its fallback, so what is untranslated stands out.
//! An HTML page says the language of each text that is not in the page's own (`lang`): a
//! fallback's text in a page of one language, a locale's column side by side, the tool's
//! English words on a page in a language it has no words for.
//! JSON and CSV give every text as the generated code returns it, fallbacks applied.
//!
//! OpenAPI is the error half of an API's description: RFC 9457's problem schema and one
//! problem response per code, in one language, to merge into a service's own document.

use std::borrow::Cow;
use std::fmt::Write as _;

use status_codegen::model::{Code, Problem, Table};

use crate::args::Format;
use crate::labels::{Labels, class_index};
use crate::output::acts_on_terminal;
use crate::table::{Field, own_text, problems_of, tag_of, text, text_locale};

/// What to export: the table, the locales whose texts to show (one, or all of them), and
/// the locale the page's own words follow.
pub struct Export<'t> {
    /// The table.
    pub table: &'t Table,
    /// Indices of the locales shown, in table order.
    pub locales: Vec<usize>,
    /// The locale the headings are written for.
    pub labels_locale: usize,
}

/// The document in `format`.
pub fn document(export: &Export<'_>, format: Format) -> String {
    match format {
        Format::Markdown => markdown(&sections(export)),
        Format::Html => html(&sections(export)),
        Format::Json => json(export),
        Format::Csv => csv(export),
        Format::OpenApi => openapi(export),
    }
}

/// A page, before it is written in a format.
struct Page {
    /// The language of the page: of the texts shown in one language, or of the page's own
    /// words side by side.
    lang: String,
    /// The language of the page's own words (title, headings, yes and no), where it is not
    /// the page's: the labels fall back to English for a language they lack.
    labels_lang: Option<&'static str>,
    title: &'static str,
    sections: Vec<Section>,
    /// The heading of the problem types' part, and a section per code that has any.
    problems_heading: &'static str,
    problems: Vec<ProblemSection>,
}

/// The problem types of one code: a row per problem type.
struct ProblemSection {
    /// The code, for an HTML anchor.
    code: u16,
    /// `403 Forbidden`.
    heading: String,
    columns: Vec<String>,
    rows: Vec<Vec<Cell>>,
}

/// One class of codes.
struct Section {
    /// `1xx`, for an HTML anchor.
    id: String,
    heading: &'static str,
    meaning: &'static str,
    columns: Vec<String>,
    /// One row per code; cells by column.
    rows: Vec<Vec<Cell>>,
}

/// A table cell.
#[derive(Clone, Default)]
struct Cell {
    text: String,
    /// The language of the text, where it is not the page's: a locale's own text side by
    /// side, a fallback's text in a page of one language, or the page's own words.
    lang: Option<String>,
}

fn sections(export: &Export<'_>) -> Page {
    let table = export.table;
    let tag = |locale: usize| tag_of(table, locale);
    let labels = Labels::for_tag(tag(export.labels_locale));
    let side_by_side = export.locales.len() > 1;
    let page_lang = if side_by_side {
        // The page's own words are all that is in one language.
        if status_locale::same_language(labels.tag, tag(export.labels_locale)) {
            tag(export.labels_locale)
        } else {
            labels.tag
        }
    } else {
        export.locales.first().map_or("", |&locale| tag(locale))
    };
    let labels_lang = (!status_locale::same_language(labels.tag, page_lang)).then_some(labels.tag);
    let marked = |lang: &str| (lang != page_lang).then(|| lang.to_owned());
    let mut sections: Vec<Section> = Vec::new();
    for class in 0..labels.class_headings.len() {
        let codes: Vec<&Code> = table
            .codes()
            .iter()
            .filter(|code| class_index(code.code()) == class)
            .collect();
        if codes.is_empty() {
            continue;
        }
        // Every column that could be shown, with its cells; empty ones are dropped below.
        let mut candidates: Vec<(String, Vec<Cell>)> = Vec::new();
        candidates.push((
            labels.code.to_owned(),
            cells(&codes, |code| Some((code.code().to_string(), None))),
        ));
        // A reason phrase is printable ASCII protocol text, English as in RFC 9110; so are
        // the aliases that are ASCII (`Request Entity Too Large`).
        let english = (!status_locale::same_language("en", page_lang)).then(|| "en".to_owned());
        candidates.push((
            labels.name.to_owned(),
            cells(&codes, |code| {
                Some((code.name().to_string(), english.clone()))
            }),
        ));
        candidates.push((
            labels.aliases.to_owned(),
            cells(&codes, |code| {
                let aliases = code.aliases().join(", ");
                let lang = english.clone().filter(|_| aliases.is_ascii());
                Some((aliases, lang))
            }),
        ));
        for (field, heading) in Field::ALL.into_iter().zip(labels.fields) {
            for &locale in &export.locales {
                let heading = if side_by_side {
                    format!("{heading} ({})", tag(locale))
                } else {
                    heading.to_owned()
                };
                let cell = |code: &Code| {
                    if side_by_side {
                        let text = own_text(code, field, locale)?;
                        Some((text.to_owned(), marked(tag(locale))))
                    } else {
                        let text = text(code, field, locale)?;
                        let from = text_locale(table, code, field, locale).unwrap_or(locale);
                        Some((text.to_owned(), marked(tag(from))))
                    }
                };
                candidates.push((heading, cells(&codes, cell)));
            }
        }
        candidates.push((
            labels.retry.to_owned(),
            cells(&codes, |code| {
                code.retry_unchanged().map(|retry| {
                    let answer = labels.yes_no[usize::from(!retry)].to_owned();
                    (answer, labels_lang.map(str::to_owned))
                })
            }),
        ));
        candidates.retain(|(_, cells)| cells.iter().any(|cell| !cell.text.is_empty()));
        let (columns, by_column): (Vec<String>, Vec<Vec<Cell>>) = candidates.into_iter().unzip();
        let rows = (0..codes.len())
            .map(|row| by_column.iter().map(|cells| cells[row].clone()).collect())
            .collect();
        sections.push(Section {
            id: labels.class_headings[class]
                .split(' ')
                .next()
                .unwrap_or_default()
                .to_owned(),
            heading: labels.class_headings[class],
            meaning: labels.class_meanings[class],
            columns,
            rows,
        });
    }
    let problems = problem_sections(export, labels, &tag, &marked);
    Page {
        lang: page_lang.to_owned(),
        labels_lang,
        title: labels.title,
        sections,
        problems_heading: labels.problems[0],
        problems,
    }
}

/// A section per code with problem types: key, type URI, then title and detail (the template,
/// placeholders as written) in each locale shown, as the class sections show texts.
fn problem_sections<'t>(
    export: &Export<'t>,
    labels: &Labels,
    tag: &dyn Fn(usize) -> &'t str,
    marked: &dyn Fn(&str) -> Option<String>,
) -> Vec<ProblemSection> {
    let table = export.table;
    let side_by_side = export.locales.len() > 1;
    let mut sections = Vec::new();
    for code in table.codes() {
        let problems: Vec<&Problem> = problems_of(table, code.code()).collect();
        if problems.is_empty() {
            continue;
        }
        let mut candidates: Vec<(String, Vec<Cell>)> = Vec::new();
        let plain = |text: &str| Cell {
            text: text.to_owned(),
            lang: None,
        };
        candidates.push((
            labels.problems[1].to_owned(),
            problems
                .iter()
                .map(|problem| plain(problem.key()))
                .collect(),
        ));
        candidates.push((
            labels.problems[2].to_owned(),
            problems
                .iter()
                .map(|problem| plain(problem.r#type()))
                .collect(),
        ));
        for (index, heading) in [(0, labels.problems[3]), (1, labels.problems[4])] {
            for &locale in &export.locales {
                let heading = if side_by_side {
                    format!("{heading} ({})", tag(locale))
                } else {
                    heading.to_owned()
                };
                let cells = problems
                    .iter()
                    .map(|problem| {
                        let (shown, text) = if index == 0 {
                            (
                                problem.title_locale().get(locale).copied(),
                                problem.title().get(locale).cloned(),
                            )
                        } else {
                            (
                                problem.detail_locale().get(locale).copied(),
                                problem
                                    .detail()
                                    .get(locale)
                                    .map(|template| template.source(problem.fields())),
                            )
                        };
                        match (shown, text) {
                            (Some(shown), Some(text)) if !side_by_side || shown == locale => Cell {
                                text,
                                lang: marked(tag(shown)),
                            },
                            _ => Cell::default(),
                        }
                    })
                    .collect();
                candidates.push((heading, cells));
            }
        }
        candidates.retain(|(_, cells)| cells.iter().any(|cell| !cell.text.is_empty()));
        let (columns, by_column): (Vec<String>, Vec<Vec<Cell>>) = candidates.into_iter().unzip();
        let rows = (0..problems.len())
            .map(|row| by_column.iter().map(|cells| cells[row].clone()).collect())
            .collect();
        sections.push(ProblemSection {
            code: code.code(),
            heading: format!("{} {}", code.code(), code.name()),
            columns,
            rows,
        });
    }
    sections
}

/// A column's cells, empty where the code has nothing to show.
fn cells(codes: &[&Code], cell: impl Fn(&Code) -> Option<(String, Option<String>)>) -> Vec<Cell> {
    codes
        .iter()
        .map(|code| cell(code).map_or_else(Cell::default, |(text, lang)| Cell { text, lang }))
        .collect()
}

fn markdown(page: &Page) -> String {
    let mut out = format!("# {}\n", page.title);
    for section in &page.sections {
        let _ = write!(out, "\n## {}\n\n{}\n\n", section.heading, section.meaning);
        let row = |out: &mut String, cells: &mut dyn Iterator<Item = String>| {
            out.push('|');
            for cell in cells {
                let _ = write!(out, " {cell} |");
            }
            out.push('\n');
        };
        row(
            &mut out,
            &mut section.columns.iter().map(|column| markdown_text(column)),
        );
        row(
            &mut out,
            &mut section.columns.iter().map(|_| "---".to_owned()),
        );
        for cells in &section.rows {
            row(
                &mut out,
                &mut cells.iter().map(|cell| markdown_text(&cell.text)),
            );
        }
    }
    if !page.problems.is_empty() {
        let _ = writeln!(out, "\n## {}", page.problems_heading);
    }
    for section in &page.problems {
        let _ = write!(out, "\n### {}\n\n", markdown_text(&section.heading));
        markdown_table(&mut out, &section.columns, &section.rows);
    }
    out
}

/// A Markdown table: the header, the rule, a line per row.
fn markdown_table(out: &mut String, columns: &[String], rows: &[Vec<Cell>]) {
    let row = |out: &mut String, cells: &mut dyn Iterator<Item = String>| {
        out.push('|');
        for cell in cells {
            let _ = write!(out, " {cell} |");
        }
        out.push('\n');
    };
    row(out, &mut columns.iter().map(|column| markdown_text(column)));
    row(out, &mut columns.iter().map(|_| "---".to_owned()));
    for cells in rows {
        row(out, &mut cells.iter().map(|cell| markdown_text(&cell.text)));
    }
}

/// Text for a Markdown table cell: punctuation that Markdown reads as markup is escaped with
/// a backslash, so a text shows as written; a line break is `<br>`, which keeps the row on
/// one line.
fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '&' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("<br>"),
            '\r' => {}
            // Shown as an escape, as the terminal sees it: `\u` is no Markdown escape.
            _ if acts_on_terminal(c) => out.extend(c.escape_unicode()),
            _ => out.push(c),
        }
    }
    out
}

/// Borders and padding only: the page reads as well without them.
const STYLE: &str = "table { border-collapse: collapse; } \
                     th, td { border: 1px solid #999; padding: 0.25em 0.5em; \
                     text-align: left; vertical-align: top; }";

fn html(page: &Page) -> String {
    // On every element of the page's own words, when they are not in the page's language.
    let words = lang_attribute(page.labels_lang);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title{words}>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1{words}>{}</h1>\n",
        html_text(&page.lang),
        html_text(page.title),
        html_text(page.title)
    );
    for section in &page.sections {
        let _ = write!(
            out,
            "<section id=\"class-{}\">\n<h2{words}>{}</h2>\n<p{words}>{}</p>\n<table>\n<thead>\n<tr{words}>",
            html_text(&section.id),
            html_text(section.heading),
            html_text(section.meaning)
        );
        html_table_rows(&mut out, &section.columns, &section.rows, "code-");
        out.push_str("</section>\n");
    }
    if !page.problems.is_empty() {
        let _ = write!(
            out,
            "<section id=\"problems\">\n<h2{words}>{}</h2>\n",
            html_text(page.problems_heading)
        );
        // A code's reason phrase is English protocol text.
        let english =
            lang_attribute((!status_locale::same_language("en", &page.lang)).then_some("en"));
        for section in &page.problems {
            let _ = write!(
                out,
                "<section id=\"problems-{}\">\n<h3{english}>{}</h3>\n<table>\n<thead>\n<tr{words}>",
                section.code,
                html_text(&section.heading)
            );
            html_table_rows(&mut out, &section.columns, &section.rows, "problem-");
            out.push_str("</section>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The rest of a table whose header row `<tr>` is open: its column headings, then a row per
/// entry, identified as `id_prefix` and its first cell (a code, a problem type's key), each cell
/// marked with its own language where it has one.
fn html_table_rows(out: &mut String, columns: &[String], rows: &[Vec<Cell>], id_prefix: &str) {
    for heading in columns {
        let _ = write!(out, "<th scope=\"col\">{}</th>", html_text(heading));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for cells in rows {
        let id = cells.first().map_or("", |cell| cell.text.as_str());
        let _ = write!(out, "<tr id=\"{id_prefix}{}\">", html_text(id));
        for cell in cells {
            let lang = lang_attribute(cell.lang.as_deref().filter(|_| !cell.text.is_empty()));
            let text = html_text(&cell.text).replace('\n', "<br>");
            let _ = write!(out, "<td{lang}>{text}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// ` lang="en"`, or nothing.
fn lang_attribute(lang: Option<&str>) -> String {
    lang.map(|lang| format!(" lang=\"{}\"", html_text(lang)))
        .unwrap_or_default()
}

/// Text for HTML content or a quoted attribute value.
fn html_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' => {}
            // Controls have no place in HTML text, and a bidi override would reorder the
            // cell's text: both are shown as escapes.
            _ if acts_on_terminal(c) => out.extend(c.escape_unicode()),
            _ => out.push(c),
        }
    }
    out
}

/// `{"locales": [...], "default": "en", "codes": [...]}`; each code's texts are objects by
/// locale tag, holding only the locales shown and only the texts that exist, and `fallback`
/// says which of them are in another locale's language.
fn json(export: &Export<'_>) -> String {
    let table = export.table;
    let tag = |locale: usize| tag_of(table, locale);
    let codes: Vec<serde_json::Value> = table
        .codes()
        .iter()
        .map(|code| {
            let mut value = serde_json::json!({
                "code": code.code(),
                "class": format!("{}xx", code.code() / 100),
                "name": code.name(),
                "variant": code.variant().as_str(),
                "aliases": code.aliases(),
                "retry_unchanged": code.retry_unchanged(),
            });
            if let Some(object) = value.as_object_mut() {
                for field in Field::ALL {
                    object.insert(
                        field.key().to_owned(),
                        by_locale(export, &|locale| {
                            text(code, field, locale).map(str::to_owned)
                        }),
                    );
                }
                object.insert(
                    "source".to_owned(),
                    by_locale(export, &|locale| {
                        code.source().get(locale).cloned().flatten()
                    }),
                );
                object.insert("fallback".to_owned(), fallbacks(export, code));
            }
            value
        })
        .collect();
    let mut document = serde_json::json!({
        "locales": export.locales.iter().map(|&locale| tag(locale)).collect::<Vec<_>>(),
        "default": tag(0),
        "codes": codes,
    });
    // Only a table with problem types has the key, so the export of one without is as it was.
    if let (false, Some(object)) = (table.problems().is_empty(), document.as_object_mut()) {
        object.insert("problems".to_owned(), problems_json(export));
    }
    crate::render::json(&document)
}

/// Each problem type: its key, struct, status, type and fields, and its title and detail
/// template by locale (fallbacks applied, as the generated code returns them).
fn problems_json(export: &Export<'_>) -> serde_json::Value {
    export
        .table
        .problems()
        .iter()
        .map(|problem| {
            serde_json::json!({
                "problem": problem.key(),
                "struct": problem.ident().as_str(),
                "status": problem.status(),
                "type": problem.r#type(),
                "fields": crate::export::fields(problem),
                "title": by_locale(export, &|locale| problem.title().get(locale).cloned()),
                "detail": by_locale(export, &|locale| {
                    problem.detail().get(locale).map(|template| template.source(problem.fields()))
                }),
                "language": by_locale(export, &|locale| {
                    problem.detail_locale().get(locale).map(|&shown| tag_of(export.table, shown).to_owned())
                }),
            })
        })
        .collect()
}

/// A text per locale of the export, keyed by tag (`{"en": "...", "zh-CN": "..."}`), leaving out
/// the locales `text` has nothing for.
fn by_locale(export: &Export<'_>, text: &dyn Fn(usize) -> Option<String>) -> serde_json::Value {
    let map: serde_json::Map<String, serde_json::Value> = export
        .locales
        .iter()
        .filter_map(|&locale| {
            Some((
                tag_of(export.table, locale).to_owned(),
                text(locale)?.into(),
            ))
        })
        .collect();
    serde_json::Value::Object(map)
}

/// The texts above that a locale shows from another, by field, then by the locale showing
/// them, naming the locale they are in: `{"message": {"ja": "en"}}`.
fn fallbacks(export: &Export<'_>, code: &Code) -> serde_json::Value {
    let table = export.table;
    let tag = |locale: usize| tag_of(table, locale);
    let mut fields = serde_json::Map::new();
    for field in Field::ALL {
        let from: serde_json::Map<String, serde_json::Value> = export
            .locales
            .iter()
            .filter_map(|&locale| {
                let from = text_locale(table, code, field, locale)?;
                (from != locale).then(|| (tag(locale).to_owned(), tag(from).into()))
            })
            .collect();
        if !from.is_empty() {
            fields.insert(field.key().to_owned(), from.into());
        }
    }
    fields.into()
}

/// RFC 4180: a header row, a row per code, CRLF line ends, fields with a comma, quote or
/// line break in double quotes. Text columns are named `message.en`, as keys in the table.
fn csv(export: &Export<'_>) -> String {
    let table = export.table;
    let tag = |locale: usize| tag_of(table, locale);
    let mut header: Vec<String> = ["code", "class", "name", "aliases", "retry_unchanged"]
        .map(str::to_owned)
        .to_vec();
    for field in Field::ALL {
        for &locale in &export.locales {
            header.push(format!("{}.{}", field.key(), tag(locale)));
        }
    }
    let mut out = String::new();
    csv_row(&mut out, header.iter().map(String::as_str));
    for code in table.codes() {
        let mut row = vec![
            code.code().to_string(),
            format!("{}xx", code.code() / 100),
            code.name().to_string(),
            code.aliases().join("; "),
            code.retry_unchanged()
                .map(|retry| retry.to_string())
                .unwrap_or_default(),
        ];
        for field in Field::ALL {
            for &locale in &export.locales {
                row.push(text(code, field, locale).unwrap_or_default().to_owned());
            }
        }
        csv_row(&mut out, row.iter().map(String::as_str));
    }
    if !table.problems().is_empty() {
        // The problem types' own records: after an empty line, a header of their own.
        out.push_str("\r\n");
        let mut header: Vec<String> = ["problem", "struct", "status", "type", "fields"]
            .map(str::to_owned)
            .to_vec();
        for key in ["title", "detail"] {
            for &locale in &export.locales {
                header.push(format!("{key}.{}", tag(locale)));
            }
        }
        csv_row(&mut out, header.iter().map(String::as_str));
        for problem in table.problems() {
            let mut row = vec![
                problem.key().to_string(),
                problem.ident().to_string(),
                problem.status().to_string(),
                problem.r#type().to_string(),
                fields(problem).join("; "),
            ];
            for &locale in &export.locales {
                row.push(problem.title().get(locale).cloned().unwrap_or_default());
            }
            for &locale in &export.locales {
                let detail = problem.detail().get(locale);
                row.push(
                    detail
                        .map(|template| template.source(problem.fields()))
                        .unwrap_or_default(),
                );
            }
            csv_row(&mut out, row.iter().map(String::as_str));
        }
    }
    out
}

/// An OpenAPI 3.1 document whose `components` hold `Problem`, the schema of RFC 9457's problem
/// details (section 3.1), and a response per code named by its variant (`NotFound`): its
/// message as the description, and as example the body the generated `problem(locale)`
/// serializes to. A service refers to them from its operations
/// (`"404": {"$ref": "#/components/responses/NotFound"}`).
fn openapi(export: &Export<'_>) -> String {
    let table = export.table;
    let locale = export.locales.first().copied().unwrap_or(0);
    let responses: serde_json::Map<String, serde_json::Value> = table
        .codes()
        .iter()
        .map(|code| {
            let message = text(code, Field::Message, locale).unwrap_or_default();
            // Member for member what `Problem::for_status` serializes to, in its order.
            let example = serde_json::json!({
                "type": "about:blank",
                "title": code.name(),
                "status": code.code(),
                "detail": message,
            });
            let mut content = serde_json::json!({
                "schema": { "$ref": "#/components/schemas/Problem" },
                "example": example,
            });
            let problems: Vec<&Problem> = problems_of(table, code.code()).collect();
            if let (false, Some(object)) = (problems.is_empty(), content.as_object_mut()) {
                // `example` and `examples` exclude each other: the code's own problem becomes
                // the first of the examples, then one per problem type.
                let mut examples = serde_json::Map::new();
                if let Some(example) = object.remove("example") {
                    examples.insert(
                        "about:blank".to_owned(),
                        serde_json::json!({ "summary": code.name(), "value": example }),
                    );
                }
                for problem in problems {
                    examples.insert(problem.key().to_string(), problem_example(problem, locale));
                }
                object.insert("examples".to_owned(), examples.into());
            }
            let response = serde_json::json!({
                "description": message,
                "content": { "application/problem+json": content },
            });
            (code.variant().to_string(), response)
        })
        .collect();
    let labels = Labels::for_tag(tag_of(table, locale));
    crate::render::json(&serde_json::json!({
        "openapi": "3.1.0",
        "info": {
            "title": labels.title,
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Problem responses (RFC 9457), one per status code of the table, written by `status-codes export --format openapi`.",
        },
        "components": {
            "schemas": { "Problem": problem_schema() },
            "responses": responses,
        },
    }))
}

/// An example of a problem type's body, member for member what its generated `problem(locale)`
/// serializes to when each field's value is the text `{field}`.
fn problem_example(problem: &Problem, locale: usize) -> serde_json::Value {
    let shown: Vec<String> = problem
        .fields()
        .iter()
        .map(|field| format!("{{{field}}}"))
        .collect();
    let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
    let mut value = serde_json::json!({
        "type": problem.r#type(),
        "title": problem.title().get(locale),
        "status": problem.status(),
        "detail": problem.detail().get(locale).map(|template| template.render(&shown)),
    });
    if let Some(object) = value.as_object_mut() {
        for field in problem.fields() {
            object.insert(field.to_string(), format!("{{{field}}}").into());
        }
    }
    serde_json::json!({
        "summary": problem.title().get(locale),
        "value": value,
    })
}

/// The members of a problem details object as RFC 9457 defines them (section 3.1; its
/// Appendix A gives them as a JSON Schema), with one change: `status` goes up to 999, since a
/// table's codes do. Any other member is an extension, allowed.
fn problem_schema() -> serde_json::Value {
    serde_json::json!({
        "type": "object",
        "description": "Problem details for HTTP APIs (RFC 9457): what went wrong, for a client to read.",
        "properties": {
            "type": {
                "type": "string",
                "format": "uri-reference",
                "default": "about:blank",
                "description": "Names the kind of problem; about:blank when the status code says it all.",
            },
            "title": {
                "type": "string",
                "description": "A short summary of the kind of problem; for about:blank, the status code's reason phrase.",
            },
            "status": {
                "type": "integer",
                "minimum": 100,
                "maximum": 999,
                "description": "The status code of the response this problem came in.",
            },
            "detail": {
                "type": "string",
                "description": "What happened this time, to help the client put it right.",
            },
            "instance": {
                "type": "string",
                "format": "uri-reference",
                "description": "Names this occurrence of the problem.",
            },
        },
    })
}

fn csv_row<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (index, field) in fields.enumerate() {
        if index > 0 {
            out.push(',');
        }
        let field = csv_inert(field);
        if field.contains([',', '"', '\n', '\r']) {
            let _ = write!(out, "\"{}\"", field.replace('"', "\"\""));
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

/// A cell that a spreadsheet would read as a formula gets a leading `'`, as OWASP advises
/// against CSV injection: one starting with `=`, `+`, `-` or `@`, or with a tab or CR, which
/// some spreadsheets skip before looking for those. The spreadsheet shows the text; other
/// tools see the `'`.
fn csv_inert(field: &str) -> Cow<'_, str> {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{field}"))
    } else {
        Cow::Borrowed(field)
    }
}

/// A problem type's fields, as text.
pub fn fields(problem: &Problem) -> Vec<&str> {
    problem
        .fields()
        .iter()
        .map(|field| field.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = r#"
        [locales]
        default = "en"

        [codes.404]
        name = "Not Found"
        aliases = ["Missing"]
        message.en = "Nothing <here> & \"there\" | *nowhere*."
        message.zh-CN = "这里没有。"
        scenario.en = "A wrong ID,\nor a deleted one."
        retry_unchanged = false

        [codes.200]
        name = "OK"
        message.en = "Fine."

        [codes.699]
        name = "Vendor Thing"
        message.en = "Ours."
        message.zh-CN = "我们的。"
    "#;

    fn export(locales: Vec<usize>, labels_locale: usize, format: Format) -> String {
        let table = status_codegen::load_str("t.toml", TABLE).unwrap();
        document(
            &Export {
                table: &table,
                locales,
                labels_locale,
            },
            format,
        )
    }

    #[test]
    fn markdown_in_one_language_shows_fallbacks_and_escapes_markup() {
        assert_eq!(
            export(vec![1], 1, Format::Markdown),
            "# 状态码\n\
             \n## 2xx 成功\n\n请求已被成功接收、理解并接受。\n\n\
             | 状态码 | 名称 | 说明 |\n\
             | --- | --- | --- |\n\
             | 200 | OK | Fine. |\n\
             \n## 4xx 客户端错误\n\n请求包含错误的语法或无法被满足。\n\n\
             | 状态码 | 名称 | 别名 | 说明 | 适用场景 | 原样重试 |\n\
             | --- | --- | --- | --- | --- | --- |\n\
             | 404 | Not Found | Missing | 这里没有。 | A wrong ID,<br>or a deleted one. | 不可以 |\n\
             \n## 6xx–9xx 其他\n\nRFC 9110 所定义类别之外的状态码，由本表定义。\n\n\
             | 状态码 | 名称 | 说明 |\n\
             | --- | --- | --- |\n\
             | 699 | Vendor Thing | 我们的。 |\n"
        );
        let english = export(vec![0], 0, Format::Markdown);
        assert!(english.contains(
            "| 404 | Not Found | Missing | Nothing \\<here\\> \\& \"there\" \\| \\*nowhere\\*. |"
        ));
    }

    #[test]
    fn markdown_side_by_side_shows_each_locales_own_texts() {
        let text = export(vec![0, 1], 0, Format::Markdown);
        // 200 has no zh-CN text of its own, and is alone in its class: no zh-CN column.
        assert!(
            text.contains(
                "| Status code | Name | Description (en) |\n\
             | --- | --- | --- |\n\
             | 200 | OK | Fine. |\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("| 699 | Vendor Thing | Ours. | 我们的。 |\n"),
            "{text}"
        );
        // zh-CN has no scenario of its own: no column for it.
        assert!(
            text.contains(
                "| Status code | Name | Also known as | Description (en) | Description (zh-CN) \
             | Scenario (en) | Retry unchanged |\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn html_is_escaped_and_every_element_closed() {
        let page = export(vec![0, 1], 0, Format::Html);
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n"));
        assert!(
            page.contains(
                "<td>Nothing &lt;here&gt; &amp; &quot;there&quot; | *nowhere*.</td>\
             <td lang=\"zh-CN\">这里没有。</td><td>A wrong ID,<br>or a deleted one.</td>"
            ),
            "{page}"
        );
        assert!(page.contains("<tr id=\"code-200\"><td>200</td><td>OK</td><td>Fine.</td></tr>"));
        assert!(page.contains("<h2>4xx Client Error</h2>\n<p>The request contains bad syntax"));
        assert_eq!(outline(&page), Ok(()));
    }

    #[test]
    fn html_marks_each_text_with_the_language_it_is_in() {
        const CHAIN: &str = r#"
            [locales]
            default = "en"
            fallback = { "zh-HK" = "zh-TW" }

            [codes.404]
            name = "Not Found"
            message.en = "Nothing here."
            message.zh-TW = "找不到。"
            scenario.en = "A wrong ID."

            [codes.410]
            name = "Gone"
            message.en = "Gone for good."
            message.zh-HK = "已永久移除。"
        "#;
        let table = status_codegen::load_str("t.toml", CHAIN).unwrap();
        let page = |locales: Vec<usize>, labels_locale: usize| {
            let export = Export {
                table: &table,
                locales,
                labels_locale,
            };
            document(&export, Format::Html)
        };
        // Locales: en, zh-TW, zh-HK. In zh-HK, 404's message is zh-TW's and its scenario
        // English; 410's message is zh-HK's own.
        let hong_kong = page(vec![2], 2);
        assert!(hong_kong.starts_with("<!DOCTYPE html>\n<html lang=\"zh-HK\">\n"));
        assert!(
            hong_kong.contains(
                "<tr id=\"code-404\"><td>404</td><td lang=\"en\">Not Found</td>\
                 <td lang=\"zh-TW\">找不到。</td><td lang=\"en\">A wrong ID.</td></tr>"
            ),
            "{hong_kong}"
        );
        assert!(
            hong_kong.contains("<td lang=\"en\">Gone</td><td>已永久移除。</td>"),
            "{hong_kong}"
        );
        // The labels are Traditional Chinese: in the page's language, so unmarked.
        assert!(hong_kong.contains("<h2>4xx 用戶端錯誤</h2>"), "{hong_kong}");
        assert_eq!(outline(&hong_kong), Ok(()));

        // In English only the Chinese text is marked.
        let english = page(vec![0, 1, 2], 0);
        assert!(english.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n"));
        assert!(
            english.contains(
                "<td>404</td><td>Not Found</td><td>Nothing here.</td>\
                 <td lang=\"zh-TW\">找不到。</td><td></td><td>A wrong ID.</td>"
            ),
            "{english}"
        );
        assert!(english.contains("<td lang=\"zh-HK\">已永久移除。</td>"));
    }

    /// Checks that every element is closed in order and every `&` starts one of the entities
    /// [`html_text`] writes: the page is well-formed whatever the table's texts hold.
    pub(crate) fn outline(page: &str) -> Result<(), String> {
        const VOID: [&str; 2] = ["meta", "br"];
        let mut open: Vec<&str> = Vec::new();
        let mut rest = page;
        while let Some(start) = rest.find(['<', '&', '>']) {
            let tail = &rest[start..];
            if let Some(entity) = tail.strip_prefix('&') {
                if !["amp;", "lt;", "gt;", "quot;", "#39;"]
                    .iter()
                    .any(|name| entity.starts_with(name))
                {
                    return Err(format!("a bare & at {:?}", &tail[..tail.len().min(20)]));
                }
                rest = entity;
                continue;
            }
            if tail.starts_with('>') {
                return Err(format!("a bare > at {:?}", &tail[..tail.len().min(20)]));
            }
            let end = tail.find('>').ok_or("a tag that never ends")?;
            let tag = &tail[1..end];
            if tag.contains('<') {
                return Err(format!("a < inside the tag {tag:?}"));
            }
            let name = tag
                .split([' ', '/'])
                .find(|part| !part.is_empty())
                .unwrap_or("");
            if tag.starts_with('!') || VOID.contains(&name) {
                // The doctype, or an element with no end tag.
            } else if tag.starts_with('/') {
                match open.pop() {
                    Some(last) if last == name => {}
                    last => return Err(format!("</{name}> closes {last:?}")),
                }
            } else {
                open.push(name);
            }
            rest = &tail[end + 1..];
        }
        if open.is_empty() {
            Ok(())
        } else {
            Err(format!("never closed: {open:?}"))
        }
    }

    #[test]
    fn the_outline_check_finds_what_it_should() {
        assert_eq!(outline("<p>a &amp; b<br></p>"), Ok(()));
        assert!(outline("<p>a & b</p>").is_err());
        assert!(outline("<p><b></p></b>").is_err());
        assert!(outline("<p>a > b</p>").is_err());
        assert!(outline("<td>").is_err());
    }

    #[test]
    fn json_holds_every_text_by_locale() {
        let value: serde_json::Value =
            serde_json::from_str(&export(vec![0, 1], 0, Format::Json)).unwrap();
        assert_eq!(value["locales"], serde_json::json!(["en", "zh-CN"]));
        assert_eq!(value["codes"][0]["code"], 200);
        // Fallbacks applied, as `message(Locale::ZhCn)` returns.
        assert_eq!(
            value["codes"][0]["message"],
            serde_json::json!({"en": "Fine.", "zh-CN": "Fine."})
        );
        assert_eq!(
            value["codes"][1]["scenario"]["en"],
            "A wrong ID,\nor a deleted one."
        );
        assert_eq!(value["codes"][1]["note"], serde_json::json!({}));
        // 200's zh-CN message is the English one, and says so; 404 has a zh-CN message but
        // shows the English scenario.
        assert_eq!(
            value["codes"][0]["fallback"],
            serde_json::json!({"message": {"zh-CN": "en"}})
        );
        assert_eq!(
            value["codes"][1]["fallback"],
            serde_json::json!({"scenario": {"zh-CN": "en"}})
        );
        assert_eq!(value["codes"][2]["fallback"], serde_json::json!({}));
        assert_eq!(value["codes"][1]["retry_unchanged"], false);
        let one: serde_json::Value =
            serde_json::from_str(&export(vec![1], 1, Format::Json)).unwrap();
        assert_eq!(
            one["codes"][2]["message"],
            serde_json::json!({"zh-CN": "我们的。"})
        );
    }

    #[test]
    fn pages_show_what_a_terminal_acts_on_escaped_and_right_to_left_text_as_text() {
        assert_eq!(
            markdown_text("a\u{1b}[2J\u{202E}b\u{9b}\u{0}\u{2066}"),
            "a\\u{1b}\\[2J\\u{202e}b\\u{9b}\\u{0}\\u{2066}"
        );
        assert_eq!(
            html_text("\u{1b}]8;;https://evil.example/\u{7}x\u{7f}\u{2028}"),
            "\\u{1b}]8;;https://evil.example/\\u{7}x\\u{7f}\\u{2028}"
        );
        for text in [
            "הדף לא נמצא",
            "لم يتم العثور على الصفحة",
            "服务器无法找到被请求的页面。",
        ] {
            assert_eq!(markdown_text(text), text);
            assert_eq!(html_text(text), text);
        }
    }

    #[test]
    fn csv_cells_a_spreadsheet_would_run_start_with_a_quote() {
        let mut out = String::new();
        csv_row(
            &mut out,
            [
                "=HYPERLINK(\"x\")",
                "+1",
                "-1",
                "@SUM(A1)",
                "\t=1",
                "\r=1",
                "a=b",
                "",
                "404",
            ]
            .into_iter(),
        );
        assert_eq!(
            out,
            "\"'=HYPERLINK(\"\"x\"\")\",'+1,'-1,'@SUM(A1),'\t=1,\"'\r=1\",a=b,,404\r\n"
        );
    }

    #[test]
    fn csv_quotes_what_needs_it() {
        let text = export(vec![0], 0, Format::Csv);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "code,class,name,aliases,retry_unchanged,message.en,scenario.en,note.en"
        );
        assert_eq!(lines[1], "200,2xx,OK,,,Fine.,,");
        assert_eq!(
            lines[2],
            "404,4xx,Not Found,Missing,false,\"Nothing <here> & \"\"there\"\" | *nowhere*.\",\
             \"A wrong ID,\nor a deleted one.\","
        );
        assert_eq!(lines[3], "699,6xx,Vendor Thing,,,Ours.,,");
        assert_eq!(lines[4], "");
    }
}
