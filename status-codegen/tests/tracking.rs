//! Rebuild tracking through the public API: the tokens for a chain of files `include_str!`
//! every file read, so editing any layer rebuilds the crate that names the root, and check that
//! the compiler includes each file at the length the generator read.

use std::fs;
use std::path::Path;

#[test]
fn every_file_of_the_chain_is_included() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tracking");
    fs::create_dir_all(dir.join("shared")).unwrap();
    fs::write(
        dir.join("top.toml"),
        "extends = \"shared/base.toml\"\n[codes.499]\nname = \"Client Closed Request\"\nmessage.en = \"Gone.\"\n",
    )
    .unwrap();
    fs::write(
        dir.join("shared/base.toml"),
        "extends = \"standard\"\n[codes.404]\nmessage.en = \"Nothing.\"\n",
    )
    .unwrap();

    let tokens = status_codegen::generate_from_path(&dir, "top.toml")
        .unwrap()
        .to_string();
    let included: Vec<&str> = tokens
        .split("include_str !")
        .skip(1)
        .filter_map(|rest| rest.split('"').nth(1))
        .collect();
    let top = dir.join("top.toml");
    let base = dir.join("shared/base.toml");
    assert_eq!(included, [top.to_str().unwrap(), base.to_str().unwrap()]);
    // Each with the length the generator read, which the compiler checks against the file it
    // includes: a file rewritten in between fails the build instead of compiling half of it.
    for path in [&top, &base] {
        let length = fs::metadata(path).unwrap().len();
        let check = format!(
            "private :: unchanged (core :: include_str ! ({:?}) , {length} ,",
            path.to_str().unwrap()
        );
        let tail: String = tokens
            .chars()
            .skip(tokens.chars().count().saturating_sub(600))
            .collect();
        assert!(tokens.contains(&check), "no `{check}` in …{tail}");
    }
    assert!(tokens.contains("\"the table file `shared/base.toml` changed while status_codes! read it; build again once it is saved\""));
    // The shipped table is built into the generator: no file of it to include.
    assert!(!tokens.contains("<standard>"));
    assert!(tokens.contains("ClientClosedRequest = 499"));
}

#[test]
fn a_text_table_can_extend_the_standard() {
    let tokens = status_codegen::generate_from_str(
        "vendor.toml",
        "extends = \"standard\"\n[codes.102]\nremove = true\n",
    )
    .unwrap()
    .to_string();
    assert!(tokens.contains("NotFound = 404"));
    assert!(!tokens.contains("Processing = 102"));
    assert!(tokens.contains("Continue = 100"));
    assert!(!tokens.contains("include_str"));
}
