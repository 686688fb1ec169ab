//! What the structs generated for a table's problem types (`[problems.<key>]`) share: their
//! detail templates as data, rendered by one function here, and their `problem(locale)`.

use core::fmt::{Display, Write as _};

/// A piece of a detail template, as the generated code writes it.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub enum Piece {
    /// Text written as is.
    Text(&'static str),
    /// The field at this index of the struct, written with its `Display`.
    Field(usize),
}

/// What a field is guessed to take when the detail is sized: most are numbers and ids.
const FIELD_GUESS: usize = 8;

/// Renders a detail template into one `String`, sized up front for its literal text and a
/// guess per field: the fields' `Display` write into it, so nothing else is allocated unless
/// a field is longer than the guess (or its `Display` allocates on its own).
#[doc(hidden)]
pub fn render(pieces: &[Piece], fields: &[&dyn Display]) -> String {
    let mut capacity = 0;
    for piece in pieces {
        capacity += match piece {
            Piece::Text(text) => text.len(),
            Piece::Field(_) => FIELD_GUESS,
        };
    }
    let mut out = String::with_capacity(capacity);
    for piece in pieces {
        match *piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Field(index) => {
                if let Some(field) = fields.get(index) {
                    // Writing to a `String` fails only if the field's `Display` does, which
                    // leaves what it wrote so far.
                    let _ = write!(out, "{field}");
                }
            }
        }
    }
    out
}

/// `problem(locale)` and the extension members of a generated problem type, when status-core
/// has its `serde` feature.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __problem_impls {
    ($problem:ident, $locale:ident, [$($param:ident $field:ident),*]) => {
        #[automatically_derived]
        impl<$($param: $crate::__private::core::fmt::Display + $crate::__private::serde::Serialize),*>
            $crate::problem::Extensions for $problem<$($param),*>
        {
            /// Each field, by its name.
            fn serialize_members<M: $crate::__private::serde::ser::SerializeMap>(
                &self,
                serializer: &mut $crate::problem::Members<'_, M>,
            ) -> $crate::__private::core::result::Result<(), M::Error> {
                $(serializer.member($crate::__private::core::stringify!($field), &self.$field)?;)*
                $crate::__private::core::result::Result::Ok(())
            }
        }

        impl<$($param: $crate::__private::core::fmt::Display + $crate::__private::serde::Serialize),*>
            $problem<$($param),*>
        {
            /// This occurrence as an RFC 9457 problem: `type`, `status`, `title` in `locale`,
            /// `detail` rendered in `locale`, the fields as extension members, and as its
            /// language the locale the detail is written in (`language(locale)`). Allocates
            /// the detail only.
            pub fn problem(self, locale: $locale) -> $crate::Problem<'static, Self> {
                $crate::Problem::new()
                    .with_type(self.type_uri())
                    .with_title(self.title(locale))
                    .with_status(self.status().code())
                    .with_detail(self.detail(locale))
                    .with_language(self.language(locale).tag())
                    .with_reason(self.status().reason())
                    .with_extensions(self)
            }
        }
    };
}

/// Without the `serde` feature: nothing.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __problem_impls {
    ($problem:ident, $locale:ident, [$($param:ident $field:ident),*]) => {};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_renders_its_fields_in_place() {
        let pieces = [
            Piece::Text("Balance "),
            Piece::Field(0),
            Piece::Text(", cost "),
            Piece::Field(1),
            Piece::Text(", again "),
            Piece::Field(0),
        ];
        let text = render(&pieces, &[&30, &"fifty"]);
        assert_eq!(text, "Balance 30, cost fifty, again 30");
        assert!(text.capacity() >= text.len());
        assert_eq!(render(&[Piece::Text("none")], &[]), "none");
    }
}
