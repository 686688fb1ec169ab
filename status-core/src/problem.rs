//! RFC 9457 problem details ("Problem Details for HTTP APIs", July 2023): the machine-readable
//! body of an error response, `application/problem+json`.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasher;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{Error as _, Serialize, SerializeMap, Serializer};

/// The `type` a problem has unless it says otherwise (RFC 9457, section 4.2.1): the problem
/// is just its status code, and `title` should be the status's reason phrase.
pub const ABOUT_BLANK: &str = "about:blank";

/// The members RFC 9457 defines (section 3.1); no extension may take their names.
const STANDARD_MEMBERS: [&str; 5] = ["type", "title", "status", "detail", "instance"];

/// A problem details object (RFC 9457): what went wrong, as an API client or gateway reads it.
///
/// It serializes to exactly the RFC's members, in its order: `type` (always written; the
/// default is [`ABOUT_BLANK`]), then `title`, `status`, `detail` and `instance` where set,
/// then the extension members. `language` is not a member: it is the language of `title` and
/// `detail`, which a response sends as `Content-Language`.
///
/// Every text is a [`Cow`], so a problem built from a table's static texts (what the generated
/// `StatusCode::problem(locale)` does) allocates nothing; only what the caller adds as owned
/// text, such as an `instance` path, does.
///
/// Extension members come from [`Problem::with`], chained, or from any [`Extensions`] (a map,
/// a list of pairs, or a type of one's own) given to [`Problem::with_extensions`]:
///
/// ```
/// use status_core::Problem;
///
/// // RFC 9457, section 3: the "out of credit" example.
/// let problem = Problem::new()
///     .with_type("https://example.com/probs/out-of-credit")
///     .with_title("You do not have enough credit.")
///     .with_detail("Your current balance is 30, but that costs 50.")
///     .with_instance("/account/12345/msgs/abc")
///     .with("balance", 30)
///     .with("accounts", ["/account/12345", "/account/67890"]);
/// assert_eq!(
///     serde_json::to_string(&problem).unwrap(),
///     r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#,
/// );
/// ```
///
/// From a generated table, in the client's language:
///
/// ```
/// use status_core::standard::{Locale, StatusCode};
///
/// let problem = StatusCode::TooManyRequests.problem(Locale::ZhCn);
/// assert_eq!(
///     serde_json::to_string(&problem).unwrap(),
///     r#"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"客户端在给定时间内发送的请求过多，已被限流。"}"#,
/// );
/// assert_eq!(problem.language.as_deref(), Some("zh-CN"));
/// ```
///
/// Serializing fails, with a message naming the member, when an extension takes the name of
/// one of the five standard members: a JSON object with the same name twice is ambiguous.
///
/// A problem also deserializes, for a client reading the problems it receives: see its
/// `Deserialize` impl, [`DeserializeExtensions`] and [`Problem::status_code`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Problem<'a, E = ()> {
    /// A URI reference that identifies the problem type; [`ABOUT_BLANK`] by default.
    pub r#type: Cow<'a, str>,
    /// A short summary of the problem type, the same for every occurrence except for
    /// localization.
    pub title: Option<Cow<'a, str>>,
    /// The HTTP status code of this occurrence (advisory: the response's own status wins).
    pub status: Option<u16>,
    /// An explanation of this occurrence, to help the client correct it.
    pub detail: Option<Cow<'a, str>>,
    /// A URI reference that identifies this occurrence.
    pub instance: Option<Cow<'a, str>>,
    /// The language of `title` and `detail` as a BCP 47 tag, such as `zh-CN`; not serialized.
    /// A response sends it as `Content-Language`, so it names the language the text is
    /// actually in: `StatusCode::problem(locale)` gives the locale its message came from
    /// after fallbacks, which may differ from `locale`.
    pub language: Option<Cow<'a, str>>,
    /// The reason phrase of `status`, such as `Client Closed Request`; not serialized. A
    /// response puts it on HTTP/1.1's status line for a code the `http` crate has no phrase
    /// for (otherwise hyper writes `499 <none>`).
    pub reason: Option<Cow<'a, str>>,
    /// The extension members, serialized after the standard ones.
    pub extensions: E,
}

impl Default for Problem<'_> {
    fn default() -> Self {
        Problem::new()
    }
}

impl<'a> Problem<'a> {
    /// A problem of type [`ABOUT_BLANK`] with no other member.
    pub const fn new() -> Problem<'a> {
        Problem {
            r#type: Cow::Borrowed(ABOUT_BLANK),
            title: None,
            status: None,
            detail: None,
            instance: None,
            language: None,
            reason: None,
            extensions: (),
        }
    }

    /// The problem that is just a status code, as RFC 9457 (section 4.2.1) describes
    /// `about:blank`: `status`, `title` and `reason` its reason phrase, `detail` a
    /// description in `language`. The generated `StatusCode::problem(locale)` calls this with
    /// the table's texts.
    ///
    /// ```
    /// use status_core::Problem;
    ///
    /// let problem = Problem::for_status(404, "Not Found", "No such order.", "en");
    /// assert_eq!(problem.status, Some(404));
    /// assert_eq!(problem.r#type, "about:blank");
    /// ```
    pub const fn for_status(
        status: u16,
        reason: &'a str,
        detail: &'a str,
        language: &'a str,
    ) -> Problem<'a> {
        Problem {
            r#type: Cow::Borrowed(ABOUT_BLANK),
            title: Some(Cow::Borrowed(reason)),
            status: Some(status),
            detail: Some(Cow::Borrowed(detail)),
            instance: None,
            language: Some(Cow::Borrowed(language)),
            reason: Some(Cow::Borrowed(reason)),
            extensions: (),
        }
    }
}

impl<'a, E> Problem<'a, E> {
    /// Sets `type`, a URI reference naming the kind of problem. With a type of one's own,
    /// `title` should describe that type rather than the status.
    pub fn with_type(mut self, uri: impl Into<Cow<'a, str>>) -> Self {
        self.r#type = uri.into();
        self
    }

    /// Sets `title`.
    pub fn with_title(mut self, title: impl Into<Cow<'a, str>>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets `status`.
    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// Sets `detail`, replacing the table's description if there was one.
    pub fn with_detail(mut self, detail: impl Into<Cow<'a, str>>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Sets `instance`, such as the request path or an id to quote to support.
    pub fn with_instance(mut self, instance: impl Into<Cow<'a, str>>) -> Self {
        self.instance = Some(instance.into());
        self
    }

    /// Sets the language of `title` and `detail`.
    pub fn with_language(mut self, tag: impl Into<Cow<'a, str>>) -> Self {
        self.language = Some(tag.into());
        self
    }

    /// Sets the reason phrase for the status line (see [`Problem::reason`]).
    pub fn with_reason(mut self, reason: impl Into<Cow<'a, str>>) -> Self {
        self.reason = Some(reason.into());
        self
    }

    /// Adds the extension member `name`, after those already added. RFC 9457 (section 4) asks
    /// that names start with a letter, hold only letters, digits and `_`, and be three
    /// characters or longer.
    pub fn with<V: Serialize>(
        self,
        name: impl Into<Cow<'a, str>>,
        value: V,
    ) -> Problem<'a, Member<'a, E, V>> {
        let name = name.into();
        self.map_extensions(|rest| Member { rest, name, value })
    }

    /// Replaces the extension members.
    pub fn with_extensions<X: Extensions>(self, extensions: X) -> Problem<'a, X> {
        self.map_extensions(|_| extensions)
    }

    fn map_extensions<X>(self, f: impl FnOnce(E) -> X) -> Problem<'a, X> {
        Problem {
            r#type: self.r#type,
            title: self.title,
            status: self.status,
            detail: self.detail,
            instance: self.instance,
            language: self.language,
            reason: self.reason,
            extensions: f(self.extensions),
        }
    }
}

impl<E: Extensions> Serialize for Problem<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", &self.r#type)?;
        if let Some(title) = &self.title {
            map.serialize_entry("title", title)?;
        }
        if let Some(status) = &self.status {
            map.serialize_entry("status", status)?;
        }
        if let Some(detail) = &self.detail {
            map.serialize_entry("detail", detail)?;
        }
        if let Some(instance) = &self.instance {
            map.serialize_entry("instance", instance)?;
        }
        self.extensions
            .serialize_members(&mut Members { map: &mut map })?;
        map.end()
    }
}

impl<'a, E> Problem<'a, E> {
    /// The status as a code of a table (`StatusCode::from_u16` by another name), for a client
    /// that reads a problem and wants the table's facts or its own localized text:
    ///
    /// ```
    /// use status_core::Problem;
    /// use status_core::standard::{Locale, StatusCode};
    ///
    /// let body = r#"{"type":"about:blank","title":"Too Many Requests","status":429}"#;
    /// let problem: Problem = serde_json::from_str(body).unwrap();
    /// let code: StatusCode = problem.status_code().unwrap();
    /// assert_eq!(code.message(Locale::ZhCn), "客户端在给定时间内发送的请求过多，已被限流。");
    /// assert_eq!(code.retry_unchanged(), Some(true));
    /// ```
    ///
    /// `None` without a `status`, or for one the table lacks.
    pub fn status_code<C: TryFrom<u16>>(&self) -> Option<C> {
        C::try_from(self.status?).ok()
    }
}

impl<'de: 'a, 'a, E: DeserializeExtensions<'de>> Deserialize<'de> for Problem<'a, E> {
    /// Reads a problem object: the five standard members, every other member as an extension
    /// member through `E` (`()` skips them; a map from names to values keeps them). Strings
    /// are borrowed from the input where it holds them unescaped.
    ///
    /// As RFC 9457 (section 3.1) asks, a standard member whose value has the wrong type is
    /// ignored as if absent (`"status": "404"` leaves `status` `None`); a missing `type` is
    /// [`ABOUT_BLANK`]. A member named twice is an error. `language` and `reason` are not
    /// members: they are `None`, for the caller to fill from the response's
    /// `Content-Language` and status line if wanted.
    ///
    /// ```
    /// use std::borrow::Cow;
    /// use std::collections::BTreeMap;
    /// use status_core::Problem;
    ///
    /// let body = r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"balance":30}"#;
    /// let problem: Problem<'_, BTreeMap<Cow<'_, str>, serde_json::Value>> =
    ///     serde_json::from_str(body).unwrap();
    /// assert_eq!(problem.status, Some(403));
    /// assert!(matches!(problem.title, Some(Cow::Borrowed(_))));
    /// assert_eq!(problem.extensions["balance"], 30);
    /// ```
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ProblemVisitor(core::marker::PhantomData))
    }
}

/// Extension members read from a problem, one at a time: what [`Problem`]'s `Deserialize`
/// puts every member that is not a standard one into.
///
/// Implemented for `()` (members skipped), maps from names to values and lists of `(name,
/// value)` pairs, whose names are borrowed from the input where possible. Any value type
/// that deserializes works, such as `serde_json::Value`.
pub trait DeserializeExtensions<'de>: Default {
    /// Reads the value of the member `name` from `map` (with `map.next_value()`) and keeps it.
    fn member<A: MapAccess<'de>>(
        &mut self,
        name: Cow<'de, str>,
        map: &mut A,
    ) -> Result<(), A::Error>;
}

impl<'de> DeserializeExtensions<'de> for () {
    fn member<A: MapAccess<'de>>(&mut self, _: Cow<'de, str>, map: &mut A) -> Result<(), A::Error> {
        map.next_value::<IgnoredAny>().map(|_| ())
    }
}

impl<'de, V: Deserialize<'de>> DeserializeExtensions<'de> for BTreeMap<Cow<'de, str>, V> {
    fn member<A: MapAccess<'de>>(
        &mut self,
        name: Cow<'de, str>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        self.insert(name, map.next_value()?);
        Ok(())
    }
}

impl<'de, V: Deserialize<'de>, H: BuildHasher + Default> DeserializeExtensions<'de>
    for HashMap<Cow<'de, str>, V, H>
{
    fn member<A: MapAccess<'de>>(
        &mut self,
        name: Cow<'de, str>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        self.insert(name, map.next_value()?);
        Ok(())
    }
}

impl<'de, V: Deserialize<'de>> DeserializeExtensions<'de> for Vec<(Cow<'de, str>, V)> {
    fn member<A: MapAccess<'de>>(
        &mut self,
        name: Cow<'de, str>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        self.push((name, map.next_value()?));
        Ok(())
    }
}

struct ProblemVisitor<'a, E>(core::marker::PhantomData<fn() -> Problem<'a, E>>);

impl<'de: 'a, 'a, E: DeserializeExtensions<'de>> Visitor<'de> for ProblemVisitor<'a, E> {
    type Value = Problem<'a, E>;

    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("a problem details object (RFC 9457)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Problem<'a, E>, A::Error> {
        let mut problem = Problem::new().map_extensions(|()| E::default());
        let mut seen = [false; STANDARD_MEMBERS.len()];
        while let Some(Text(name)) = map.next_key::<Text<'de>>()? {
            let Some(index) = STANDARD_MEMBERS.iter().position(|member| *member == name) else {
                problem.extensions.member(name, &mut map)?;
                continue;
            };
            if core::mem::replace(&mut seen[index], true) {
                return Err(de::Error::duplicate_field(STANDARD_MEMBERS[index]));
            }
            let value = map.next_value::<Lenient<'de>>()?;
            match (STANDARD_MEMBERS[index], value) {
                ("type", Lenient::Text(uri)) => problem.r#type = uri,
                ("title", Lenient::Text(title)) => problem.title = Some(title),
                ("status", Lenient::Number(status)) => problem.status = u16::try_from(status).ok(),
                ("detail", Lenient::Text(detail)) => problem.detail = Some(detail),
                ("instance", Lenient::Text(instance)) => problem.instance = Some(instance),
                // The wrong type for the member: ignored (RFC 9457, section 3.1).
                _ => {}
            }
        }
        Ok(problem)
    }
}

/// A string, borrowed from the input where it holds it unescaped.
struct Text<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;

            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(text)))
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(text.to_owned())))
            }

            fn visit_string<E: de::Error>(self, text: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(text)))
            }
        }

        deserializer.deserialize_str(TextVisitor)
    }
}

/// The value of a standard member, of whatever type it has: a string, a non-negative
/// integer, or anything else, which is skipped.
enum Lenient<'de> {
    Text(Cow<'de, str>),
    Number(u64),
    Other,
}

impl<'de> Deserialize<'de> for Lenient<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LenientVisitor;

        impl<'de> Visitor<'de> for LenientVisitor {
            type Value = Lenient<'de>;

            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("any value")
            }

            fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Lenient<'de>, E> {
                Ok(Lenient::Text(Cow::Borrowed(text)))
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Lenient<'de>, E> {
                Ok(Lenient::Text(Cow::Owned(text.to_owned())))
            }

            fn visit_string<E: de::Error>(self, text: String) -> Result<Lenient<'de>, E> {
                Ok(Lenient::Text(Cow::Owned(text)))
            }

            fn visit_u64<E: de::Error>(self, number: u64) -> Result<Lenient<'de>, E> {
                Ok(Lenient::Number(number))
            }

            fn visit_i64<E: de::Error>(self, number: i64) -> Result<Lenient<'de>, E> {
                Ok(u64::try_from(number).map_or(Lenient::Other, Lenient::Number))
            }

            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Lenient<'de>, E> {
                Ok(Lenient::Other)
            }

            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Lenient<'de>, E> {
                Ok(Lenient::Other)
            }

            fn visit_unit<E: de::Error>(self) -> Result<Lenient<'de>, E> {
                Ok(Lenient::Other)
            }

            fn visit_none<E: de::Error>(self) -> Result<Lenient<'de>, E> {
                Ok(Lenient::Other)
            }

            fn visit_some<D: Deserializer<'de>>(self, value: D) -> Result<Lenient<'de>, D::Error> {
                value.deserialize_any(LenientVisitor)
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Lenient<'de>, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Lenient::Other)
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Lenient<'de>, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Lenient::Other)
            }
        }

        deserializer.deserialize_any(LenientVisitor)
    }
}

/// Where [`Extensions`] write their members: the problem's JSON object, guarded against
/// names of the standard members.
pub struct Members<'m, M> {
    map: &'m mut M,
}

impl<M: SerializeMap> Members<'_, M> {
    /// Writes one extension member. Fails for the name of a standard member (`type`, `title`,
    /// `status`, `detail`, `instance`).
    pub fn member<V: Serialize + ?Sized>(&mut self, name: &str, value: &V) -> Result<(), M::Error> {
        if STANDARD_MEMBERS.contains(&name) {
            return Err(M::Error::custom(format_args!(
                "the extension member `{name}` repeats a member RFC 9457 defines; \
                 set it with `with_{name}` or rename the extension"
            )));
        }
        self.map.serialize_entry(name, value)
    }
}

/// The extension members of a [`Problem`].
///
/// Implemented for `()` (none), the chain [`Problem::with`] builds, maps from names to
/// values, and lists or arrays of `(name, value)` pairs. A type of one's own implements it by
/// writing each member:
///
/// ```
/// use serde::ser::SerializeMap;
/// use status_core::problem::{Extensions, Members};
///
/// struct OutOfCredit {
///     balance: u32,
/// }
///
/// impl Extensions for OutOfCredit {
///     fn serialize_members<M: SerializeMap>(
///         &self,
///         members: &mut Members<'_, M>,
///     ) -> Result<(), M::Error> {
///         members.member("balance", &self.balance)
///     }
/// }
///
/// let problem = status_core::Problem::new().with_extensions(OutOfCredit { balance: 30 });
/// assert_eq!(
///     serde_json::to_string(&problem).unwrap(),
///     r#"{"type":"about:blank","balance":30}"#,
/// );
/// ```
pub trait Extensions {
    /// Writes every member, in order, through [`Members::member`].
    fn serialize_members<M: SerializeMap>(
        &self,
        members: &mut Members<'_, M>,
    ) -> Result<(), M::Error>;
}

impl Extensions for () {
    fn serialize_members<M: SerializeMap>(&self, _: &mut Members<'_, M>) -> Result<(), M::Error> {
        Ok(())
    }
}

impl<T: Extensions + ?Sized> Extensions for &T {
    fn serialize_members<M: SerializeMap>(
        &self,
        members: &mut Members<'_, M>,
    ) -> Result<(), M::Error> {
        (**self).serialize_members(members)
    }
}

/// One member added by [`Problem::with`], after the members of `rest`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Member<'a, E, V> {
    rest: E,
    name: Cow<'a, str>,
    value: V,
}

impl<E: Extensions, V: Serialize> Extensions for Member<'_, E, V> {
    fn serialize_members<M: SerializeMap>(
        &self,
        members: &mut Members<'_, M>,
    ) -> Result<(), M::Error> {
        self.rest.serialize_members(members)?;
        members.member(&self.name, &self.value)
    }
}

impl<K: AsRef<str>, V: Serialize> Extensions for [(K, V)] {
    fn serialize_members<M: SerializeMap>(
        &self,
        members: &mut Members<'_, M>,
    ) -> Result<(), M::Error> {
        self.iter()
            .try_for_each(|(name, value)| members.member(name.as_ref(), value))
    }
}

impl<K: AsRef<str>, V: Serialize, const N: usize> Extensions for [(K, V); N] {
    fn serialize_members<M: SerializeMap>(
        &self,
        members: &mut Members<'_, M>,
    ) -> Result<(), M::Error> {
        self.as_slice().serialize_members(members)
    }
}

impl<K: AsRef<str>, V: Serialize> Extensions for Vec<(K, V)> {
    fn serialize_members<M: SerializeMap>(
        &self,
        members: &mut Members<'_, M>,
    ) -> Result<(), M::Error> {
        self.as_slice().serialize_members(members)
    }
}

impl<K: AsRef<str>, V: Serialize> Extensions for BTreeMap<K, V> {
    fn serialize_members<M: SerializeMap>(
        &self,
        members: &mut Members<'_, M>,
    ) -> Result<(), M::Error> {
        self.iter()
            .try_for_each(|(name, value)| members.member(name.as_ref(), value))
    }
}

impl<K: AsRef<str>, V: Serialize, H: BuildHasher> Extensions for HashMap<K, V, H> {
    fn serialize_members<M: SerializeMap>(
        &self,
        members: &mut Members<'_, M>,
    ) -> Result<(), M::Error> {
        self.iter()
            .try_for_each(|(name, value)| members.member(name.as_ref(), value))
    }
}
