//! The `status_codes!` macro. Use it through `status-core`, whose `status_codes!` wrapper passes
//! this macro the path to itself (`$crate`), and which holds the types the generated code refers
//! to. The work happens in `status-codegen`; this crate only reads the macro's input and turns
//! the generator's errors into compile errors.

mod input;

use proc_macro::TokenStream;

/// Generates `StatusCode` and `Locale` from a TOML table; see `status_core::status_codes!`.
#[proc_macro]
pub fn status_codes(input: TokenStream) -> TokenStream {
    let input = match syn::parse::<input::Input>(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error().into(),
    };
    let Some(manifest_dir) = std::env::var_os("CARGO_MANIFEST_DIR") else {
        return syn::Error::new(
            input.path.span(),
            "CARGO_MANIFEST_DIR is not set; build with cargo",
        )
        .to_compile_error()
        .into();
    };
    let table = status_codegen::load_path(manifest_dir.as_ref(), &input.path.value());
    match table {
        Ok(table) => status_codegen::expand(&table, &input.options).into(),
        Err(errors) => {
            let span = input.path.span();
            let mut all = errors
                .messages
                .into_iter()
                .map(|message| syn::Error::new(span, message));
            // `Errors` always holds at least one message.
            let first = all
                .next()
                .unwrap_or_else(|| syn::Error::new(span, "the table has mistakes"));
            all.fold(first, |mut all, next| {
                all.combine(next);
                all
            })
            .to_compile_error()
            .into()
        }
    }
}
