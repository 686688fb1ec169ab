//! What the generator emits for a small table, compared with a committed file, so that every
//! change to the generated code shows in review as a diff of `tests/golden/expansion.rs`.
//!
//! After a deliberate change, write the new expansion with
//! `BLESS=1 cargo test -p status-codegen --test golden` and review the diff.

use std::path::Path;

#[test]
fn the_expansion_of_a_small_table_is_the_committed_one() {
    let table = status_codegen::load_str("golden.toml", include_str!("golden/table.toml"))
        .unwrap_or_else(|errors| panic!("{errors}"));
    let tokens = status_codegen::expand(&table, &status_codegen::Options::default());
    let file = syn::parse2::<syn::File>(tokens).expect("the expansion parses as a Rust file");
    let expansion = format!(
        "// The expansion of `golden/table.toml`. Written by\n\
         // `BLESS=1 cargo test -p status-codegen --test golden`; do not edit.\n\n{}",
        prettyplease::unparse(&file)
    );
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/expansion.rs");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &expansion).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != expansion {
        let line = committed
            .lines()
            .zip(expansion.lines())
            .position(|(old, new)| old != new)
            .unwrap_or(committed.lines().count().min(expansion.lines().count()));
        panic!(
            "the expansion differs from {} from line {}:\n  committed: {:?}\n  generated: {:?}\n\
             if the change is meant, run `BLESS=1 cargo test -p status-codegen --test golden`",
            path.display(),
            line + 1,
            committed.lines().nth(line).unwrap_or("<end>"),
            expansion.lines().nth(line).unwrap_or("<end>"),
        );
    }
}
