//! The `[problems]` of a chain of tables, folded base first: the same rules as for codes, by
//! key instead of by number.

use crate::ast::{Field, ProblemDecl};
use crate::diag::{Diagnostic, Diagnostics};
use crate::parse::escape;
use crate::source::Sp;

/// Each layer's `[problems] base` and problem types, base first, folded into one.
pub(super) fn merge(
    layers: Vec<(Field<Sp<String>>, Vec<ProblemDecl>)>,
    diags: &mut Diagnostics,
) -> (Field<Sp<String>>, Vec<ProblemDecl>) {
    let mut base = Field::Absent;
    // Each problem type with the index of the layer that last wrote it: a key written twice
    // in one file is a TOML error already, so only a later layer can meet an earlier key.
    let mut problems: Vec<(usize, ProblemDecl)> = Vec::new();
    for (layer, (layer_base, decls)) in layers.into_iter().enumerate() {
        base.layer(layer_base);
        for decl in decls {
            let mut inherited = None;
            if layer > 0 {
                for (index, (from, problem)) in problems.iter().enumerate() {
                    if *from < layer && problem.key.value == decl.key.value {
                        inherited = Some(index);
                        break;
                    }
                }
            }
            let removes = decl
                .remove
                .as_ref()
                .value()
                .is_some_and(|remove| remove.value);
            if removes {
                remove(&mut problems, inherited, decl, diags);
                continue;
            }
            match inherited {
                Some(index) => {
                    let (from, problem) = &mut problems[index];
                    *from = layer;
                    problem.layer(decl);
                }
                None => problems.push((layer, decl)),
            }
        }
    }
    let mut merged = Vec::with_capacity(problems.len());
    for (_, problem) in problems {
        merged.push(problem);
    }
    (base, merged)
}

fn remove(
    problems: &mut Vec<(usize, ProblemDecl)>,
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
    match inherited {
        Some(index) => {
            problems.remove(index);
        }
        None => diags.push(
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
