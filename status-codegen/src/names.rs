//! Rust names derived from the table: enum variants from reason phrases and locale tags.

use heck::ToUpperCamelCase;

/// Associated items of the generated enums that a variant must not shadow.
const RESERVED: &[&str] = &["ALL", "DEFAULT"];

/// The variant a reason phrase gives: `Not Found` → `NotFound`, `I'm a teapot` → `ImATeapot`.
pub fn variant_from_name(name: &str) -> String {
    name.replace(['\'', '’'], "").to_upper_camel_case()
}

/// The variant a locale tag gives: `zh-CN` → `ZhCn`, `es-419` → `Es419`.
pub fn variant_from_tag(tag: &str) -> String {
    tag.to_upper_camel_case()
}

/// Why `ident` cannot name a variant, if it cannot. Variants are plain ASCII UpperCamelCase, so
/// they are valid identifiers in every edition and never keywords.
pub fn variant_problem(ident: &str) -> Option<&'static str> {
    let mut chars = ident.chars();
    match chars.next() {
        None => Some("it is empty"),
        Some(first) if !first.is_ascii_uppercase() => {
            Some("a variant must start with an ASCII capital letter")
        }
        _ if !chars.all(|c| c.is_ascii_alphanumeric()) => {
            Some("a variant may only hold ASCII letters and digits")
        }
        _ if ident == "Self" => Some("`Self` is a Rust keyword"),
        _ if RESERVED.contains(&ident) => Some("it is reserved by the generated code"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_upper_camel_case() {
        assert_eq!(variant_from_name("Not Found"), "NotFound");
        assert_eq!(variant_from_name("OK"), "Ok");
        assert_eq!(variant_from_name("URI Too Long"), "UriTooLong");
        assert_eq!(
            variant_from_name("Non-Authoritative Information"),
            "NonAuthoritativeInformation"
        );
        assert_eq!(variant_from_name("I'm a teapot"), "ImATeapot");
        assert_eq!(
            variant_from_name("Client Closed Request"),
            "ClientClosedRequest"
        );
    }

    #[test]
    fn tags_become_upper_camel_case() {
        assert_eq!(variant_from_tag("en"), "En");
        assert_eq!(variant_from_tag("zh-CN"), "ZhCn");
        assert_eq!(variant_from_tag("zh-Hant-TW"), "ZhHantTw");
        assert_eq!(variant_from_tag("es-419"), "Es419");
    }

    #[test]
    fn only_plain_upper_camel_case_idents_pass() {
        assert_eq!(variant_problem("NotFound"), None);
        assert_eq!(variant_problem("Code499"), None);
        assert!(variant_problem("").is_some());
        assert!(variant_problem("404").is_some());
        assert!(variant_problem("notFound").is_some());
        assert!(variant_problem("Not_Found").is_some());
        assert!(variant_problem("Self").is_some());
        assert!(variant_problem("ALL").is_some());
        assert!(variant_problem("Ünknown").is_some());
    }
}
