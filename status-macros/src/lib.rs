//! The `status_codes!` macro. Use it through `status-core`, which re-exports it and holds the
//! types the generated code refers to. The work happens in `status-codegen`; this crate only
//! reads the macro's input and turns the generator's errors into compile errors.

use proc_macro::TokenStream;
use syn::{LitStr, parse_macro_input};

/// Generates `StatusCode` and `Locale` from a TOML table; see `status_core::status_codes!`.
#[proc_macro]
pub fn status_codes(input: TokenStream) -> TokenStream {
    let path = parse_macro_input!(input as PathArg).0;
    let Some(manifest_dir) = std::env::var_os("CARGO_MANIFEST_DIR") else {
        return syn::Error::new(
            path.span(),
            "CARGO_MANIFEST_DIR is not set; build with cargo",
        )
        .to_compile_error()
        .into();
    };
    match status_codegen::generate_from_path(manifest_dir.as_ref(), &path.value()) {
        Ok(tokens) => tokens.into(),
        Err(errors) => errors
            .messages
            .into_iter()
            .map(|message| syn::Error::new(path.span(), message))
            .reduce(|mut all, next| {
                all.combine(next);
                all
            })
            .map(|error| error.to_compile_error())
            .unwrap_or_default()
            .into(),
    }
}

/// The macro's input: one string literal, optionally followed by a comma.
struct PathArg(LitStr);

impl syn::parse::Parse for PathArg {
    fn parse(input: syn::parse::ParseStream<'_>) -> syn::Result<Self> {
        let path: LitStr = input.parse().map_err(|error| {
            syn::Error::new(
                error.span(),
                "expected the path of a TOML file, like `status_codes!(\"codes.toml\")`",
            )
        })?;
        if input.peek(syn::Token![,]) {
            input.parse::<syn::Token![,]>()?;
        }
        if !input.is_empty() {
            return Err(input.error("expected only the path of a TOML file"));
        }
        Ok(PathArg(path))
    }
}
