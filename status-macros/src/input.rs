//! The macro's input: `[$crate ;] "path.toml" [, option = bool]* [,]`.

use proc_macro2::{Ident, TokenStream, TokenTree};
use syn::parse::{Parse, ParseStream};
use syn::{LitBool, LitStr, Token};

/// The options an invocation may set: each turns one integration off with `= false`.
const OPTIONS: &[&str] = &["serde", "http", "axum"];

pub(crate) struct Input {
    pub path: LitStr,
    pub options: status_codegen::Options,
}

impl Parse for Input {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut options = status_codegen::Options::default();
        // `$crate` arrives as an identifier of its own, from status-core's wrapper.
        if input
            .cursor()
            .ident()
            .is_some_and(|(ident, _)| ident == "$crate")
        {
            let krate: Ident = input.parse()?;
            input.parse::<Token![;]>()?;
            options.krate = TokenStream::from(TokenTree::Ident(krate));
        }
        let path = path(input)?;
        let mut seen: Vec<Ident> = Vec::new();
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let name: Ident = input.parse().map_err(|error| {
                syn::Error::new(
                    error.span(),
                    format!("expected an option, one of {}", list()),
                )
            })?;
            if let Some(first) = seen.iter().find(|seen| **seen == name) {
                let mut error = syn::Error::new(name.span(), format!("`{name}` is set twice"));
                error.combine(syn::Error::new(first.span(), "first set here"));
                return Err(error);
            }
            input.parse::<Token![=]>()?;
            let value: LitBool = input.parse().map_err(|error| {
                syn::Error::new(error.span(), format!("`{name}` takes `true` or `false`"))
            })?;
            match name.to_string().as_str() {
                "serde" => options.serde = value.value,
                "http" => options.http = value.value,
                "axum" => options.axum = value.value,
                _ => {
                    return Err(syn::Error::new(
                        name.span(),
                        format!("unknown option `{name}`; the options are {}", list()),
                    ));
                }
            }
            seen.push(name);
        }
        Ok(Input { path, options })
    }
}

/// The table's path: one plain string literal, not empty.
fn path(input: ParseStream<'_>) -> syn::Result<LitStr> {
    let path: LitStr = input.parse().map_err(|error| {
        syn::Error::new(
            error.span(),
            "expected the path of a TOML file, like `status_codes!(\"codes.toml\")`",
        )
    })?;
    if !path.suffix().is_empty() {
        return Err(syn::Error::new(
            path.span(),
            format!(
                "unexpected suffix `{}` on the path; write a plain string, like \"codes.toml\"",
                path.suffix()
            ),
        ));
    }
    if path.value().is_empty() {
        return Err(syn::Error::new(
            path.span(),
            "the path is empty; name the TOML file, like \"codes.toml\"",
        ));
    }
    Ok(path)
}

fn list() -> String {
    let options: Vec<String> = OPTIONS.iter().map(|name| format!("`{name}`")).collect();
    match options.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => options.concat(),
    }
}
