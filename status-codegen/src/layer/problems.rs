//! The `[problems]` of a chain of tables, folded base first: the same rules as for codes, by
//! key instead of by number.

use std::collections::HashMap;

use crate::ast::{Field, ProblemDecl};
use crate::diag::{Diagnostic, Diagnostics};
use crate::parse::escape;
use crate::source::Sp;

/// Each layer's `[problems] base` and problem types, base first, folded into one, in linear
/// time: a layer looks its keys up in a map of those below it.
pub(super) fn merge(
    layers: Vec<(Field<Sp<String>>, Vec<ProblemDecl>)>,
    diags: &mut Diagnostics,
) -> (Field<Sp<String>>, Vec<ProblemDecl>) {
    let mut base = Field::Absent;
    // Every problem type so far; a removed one leaves `None`, so that indices stay valid. A key
    // written twice in one file is a TOML error already, so only a later layer meets an earlier
    // key.
    let mut problems: Vec<Option<ProblemDecl>> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (layer, (layer_base, decls)) in layers.into_iter().enumerate() {
        base.layer(layer_base);
        let below = problems.len();
        for decl in decls {
            let inherited = by_key
                .get(&decl.key.value)
                .copied()
                .filter(|&index| layer > 0 && index < below);
            let removes = decl
                .remove
                .as_ref()
                .value()
                .is_some_and(|remove| remove.value);
            if removes {
                remove(&mut problems, inherited, decl, diags);
                continue;
            }
            match inherited
                .and_then(|index| problems.get_mut(index))
                .and_then(Option::as_mut)
            {
                Some(problem) => problem.layer(decl),
                None => {
                    by_key.insert(decl.key.value.clone(), problems.len());
                    problems.push(Some(decl));
                }
            }
        }
    }
    let mut merged = Vec::with_capacity(problems.len());
    for problem in problems.into_iter().flatten() {
        merged.push(problem);
    }
    (base, merged)
}

fn remove(
    problems: &mut [Option<ProblemDecl>],
    inherited: Option<usize>,
    decl: ProblemDecl,
    diags: &mut Diagnostics,
) {
    let key = escape(&decl.key.value);
    if decl.writes_more_than_remove() {
        diags.push(
            Diagnostic::new(
                decl.key.span.clone(),
                format!("problem type `{key}` is both removed and given keys"),
            )
            .label("`remove = true` here drops the whole problem type")
            .help("to change it, drop `remove = true`; to drop it, drop its other keys"),
        );
        return;
    }
    match inherited.and_then(|index| problems.get_mut(index)) {
        Some(slot) if slot.is_some() => *slot = None,
        _ => diags.push(
            Diagnostic::new(
                decl.key.span.clone(),
                format!("cannot remove problem type `{key}`: no base table defines it"),
            )
            .label("removed here")
            .help(
                "check the key; `remove = true` drops a problem type of a table this file extends",
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Table;

    const BASE: &str = r#"
[locales]
default = "en"

[codes.403]
name = "Forbidden"
message.en = "No."
message.zh-CN = "不行。"

[codes.404]
name = "Not Found"
message.en = "Nothing here."

[problems]
base = "https://base.example/probs/"

[problems.out-of-credit]
status = 403
title.en = "You do not have enough credit."
title.zh-CN = "您的余额不足。"
detail.en = "Your current balance is {balance}."
detail.zh-CN = "您当前的余额为 {balance}。"

[problems.project-not-found]
status = 404
title.en = "No such project."
detail.en = "No project {id}."
"#;

    fn build(layer: &str) -> Result<Table, String> {
        crate::layer::tests::build(&[("codes.toml", layer), ("base.toml", BASE)])
            .map_err(|errors| errors.join("\n\n"))
    }

    #[test]
    fn layers_add_override_and_remove_problem_types() {
        let table = build(
            r#"
extends = "base.toml"

[problems]
base = "https://vendor.example/errors/"

[problems.out-of-credit]
status = 404
detail.zh-CN = "余额：{balance}。"

[problems.project-not-found]
remove = true

[problems.task-not-found]
status = 404
title.en = "No such task."
detail.en = "No task {task_id}."
"#,
        )
        .unwrap();
        let keys: Vec<&str> = table.problems.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, ["out-of-credit", "task-not-found"]);
        let credit = &table.problems[0];
        assert_eq!(credit.status, 404);
        // The layer's base, and its own Chinese detail; the title is the base's.
        assert_eq!(credit.r#type, "https://vendor.example/errors/out-of-credit");
        assert_eq!(credit.detail[1].source(&credit.fields), "余额：{balance}。");
        assert_eq!(
            credit.detail[0].source(&credit.fields),
            "Your current balance is {balance}."
        );
        assert_eq!(credit.title[1], "您的余额不足。");
        assert_eq!(table.problems[1].fields, ["task_id"]);
    }

    #[test]
    fn removing_a_problem_type_no_base_has_or_removing_and_changing_is_an_error() {
        let errors =
            build("extends = \"base.toml\"\n[problems.nope]\nremove = true\n").unwrap_err();
        assert!(
            errors.contains("cannot remove problem type `nope`: no base table defines it"),
            "{errors}"
        );
        let errors = build(
            "extends = \"base.toml\"\n[problems.out-of-credit]\nremove = true\nstatus = 403\n",
        )
        .unwrap_err();
        assert!(
            errors.contains("problem type `out-of-credit` is both removed and given keys"),
            "{errors}"
        );
    }

    #[test]
    fn a_layer_that_changes_the_default_detail_is_checked_against_inherited_translations() {
        let errors = build(
            "extends = \"base.toml\"\n[problems.out-of-credit]\ndetail.en = \"Balance {amount}.\"\n",
        )
        .unwrap_err();
        assert!(
            errors.contains("`detail.zh-CN` lacks the placeholder `{amount}`"),
            "{errors}"
        );
        assert!(errors.contains("--> base.toml:"), "{errors}");
    }
}
