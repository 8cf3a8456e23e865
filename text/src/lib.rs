//! Crossing's words: every sentence the core shows a driver or a fleet manager, in the
//! languages Crossing ships, from Project Fluent catalogues (`text/locales/*/crossing.ftl`).
//!
//! - [`Lang`]: the shipped languages, and the pseudo-locale `en-XA` that tests use to find
//!   English left in a view model and text cut short.
//! - [`negotiate`]: the phone's (or the browser's) language list against what ships; English
//!   when nothing matches. Punjabi means Gurmukhi: `pa-Arab` (Shahmukhi) is not offered.
//! - [`Text`]: one negotiated catalogue with English behind it, so a missing message shows the
//!   English sentence, never a message id. [`tr!`] formats a message with named arguments.
//! - Numbers, clock times and dates in the locale's form ([`Text::number`], [`Text::clock`],
//!   [`Text::day_time`]): the patterns are messages of the catalogue, so a translator owns them
//!   and a test reads them (ADR 0033).
//!
//! Official terms and identifiers (CRN, CCN, PARS, PAPS, SCN, port codes, trip numbers) are
//! arguments or stay in English inside the messages; customs statuses and border actions carry
//! the English term beside the translation ("Released · ਰਿਲੀਜ਼").

mod pseudo;

use std::borrow::Cow;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A language Crossing ships (and the pseudo-locale).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English, the source language and the fallback.
    En,
    /// Canadian French.
    FrCa,
    /// Punjabi in Gurmukhi script.
    Pa,
    /// Mexican Spanish.
    EsMx,
    /// Accented and lengthened English (`en-XA`), for tests: every sentence that went through
    /// the catalogue is marked, so English left anywhere stands out.
    Pseudo,
}

impl Lang {
    /// The languages a driver can choose, the source language first.
    pub const SHIPPED: [Lang; 4] = [Lang::En, Lang::FrCa, Lang::Pa, Lang::EsMx];
    /// [`Lang::SHIPPED`] and the pseudo-locale.
    pub const ALL: [Lang; 5] = [Lang::En, Lang::FrCa, Lang::Pa, Lang::EsMx, Lang::Pseudo];

    /// The BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::FrCa => "fr-CA",
            Lang::Pa => "pa",
            Lang::EsMx => "es-MX",
            Lang::Pseudo => "en-XA",
        }
    }

    /// The language's own name ("Français (Canada)"), for a language picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::FrCa => "Français (Canada)",
            Lang::Pa => "ਪੰਜਾਬੀ",
            Lang::EsMx => "Español (México)",
            Lang::Pseudo => "Ƥşéûδô",
        }
    }

    /// The language of `tag` exactly as [`Lang::tag`] spells it (case-insensitive, `_` or `-`).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.replace('_', "-");
        Lang::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(&tag))
    }

    /// The catalogue's source text: the app's words (`crossing.ftl`), then the trip rules'
    /// (`validation.ftl`, shown by the phone and the fleet server alike). Compiled in deflated
    /// (`build.rs`) and inflated here.
    pub fn sources(self) -> [String; 2] {
        macro_rules! packed {
            ($lang:literal) => {
                [
                    include_bytes!(concat!(env!("OUT_DIR"), "/", $lang, "-crossing.ftl.z"))
                        .as_slice(),
                    include_bytes!(concat!(env!("OUT_DIR"), "/", $lang, "-validation.ftl.z"))
                        .as_slice(),
                ]
            };
        }
        let packed: [&[u8]; 2] = match self {
            Lang::En | Lang::Pseudo => packed!("en"),
            Lang::FrCa => packed!("fr-CA"),
            Lang::Pa => packed!("pa"),
            Lang::EsMx => packed!("es-MX"),
        };
        packed.map(inflate)
    }

    /// Every source of [`Lang::sources`] in one text (ids are unique across them).
    pub fn source(self) -> String {
        self.sources().join("\n")
    }

    /// The locale whose CLDR plural rules the catalogue follows.
    fn plural_locale(self) -> LanguageIdentifier {
        // CLDR's plural rules are per language: fr-CA and es-MX follow fr and es.
        let tag = match self {
            Lang::En | Lang::Pseudo => "en",
            Lang::FrCa => "fr",
            Lang::Pa => "pa",
            Lang::EsMx => "es",
        };
        tag.parse().unwrap_or_default()
    }
}

/// The shipped language that best matches `requested` (BCP 47 tags in the user's order, as
/// Android's `LocaleList.toLanguageTags()` or iOS's `preferredLocalizations` give them; `_` is
/// read as `-`); English when none does. Each requested language is tried in turn, so
/// "pa-IN, en-CA" is Punjabi and "de-DE, fr-FR" is Canadian French (the nearest French). The
/// pseudo-locale is chosen only when asked for by its tag.
pub fn negotiate<S: AsRef<str>>(requested: &[S]) -> Lang {
    for raw in requested {
        let raw = raw.as_ref().trim().replace('_', "-");
        if let Some(l) = Lang::from_tag(&raw) {
            return l;
        }
        let Ok(id) = raw.parse::<LanguageIdentifier>() else {
            continue;
        };
        let wanted = [id];
        let available: Vec<LanguageIdentifier> = Lang::SHIPPED
            .iter()
            .filter_map(|l| l.tag().parse().ok())
            .collect();
        let found = fluent_langneg::negotiate_languages(
            &wanted,
            &available,
            None,
            fluent_langneg::NegotiationStrategy::Lookup,
        );
        // Punjabi ships in Gurmukhi only: a Shahmukhi (Arabic-script) reader gets English
        // rather than a script they may not read.
        let script = wanted[0].script.map(|s| s.as_str().to_ascii_lowercase());
        if let Some(first) = found.first() {
            let lang = Lang::from_tag(&first.to_string()).unwrap_or(Lang::En);
            if lang == Lang::Pa && script.as_deref().is_some_and(|s| s != "guru") {
                continue;
            }
            return lang;
        }
    }
    Lang::En
}

/// The language list of a POSIX process (a desktop shell, the CLI), from its environment as
/// `var` reads it: `LANGUAGE` (GNU's ordered list, `fr_CA:en`), then `LC_ALL`, `LC_MESSAGES`,
/// `LANG`, the first that is set and not empty. Encodings and modifiers are dropped
/// (`fr_CA.UTF-8@euro` → `fr-CA`); `C` and `POSIX` mean English. Feed it to [`negotiate`].
pub fn posix_locales(var: impl Fn(&str) -> Option<String>) -> Vec<String> {
    let clean = |s: &str| -> Option<String> {
        let base = s.split(['.', '@']).next().unwrap_or_default().trim();
        match base {
            "" => None,
            "C" | "POSIX" => Some("en".to_string()),
            b => Some(b.replace('_', "-")),
        }
    };
    let single = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|k| var(k).filter(|v| !v.trim().is_empty()));
    // GNU gettext ignores LANGUAGE when the locale is C.
    let c_locale = single.as_deref().and_then(clean).as_deref() == Some("en")
        && single
            .as_deref()
            .is_some_and(|s| s.starts_with('C') || s.starts_with("POSIX"));
    let mut out: Vec<String> = Vec::new();
    if !c_locale {
        if let Some(list) = var("LANGUAGE") {
            out.extend(list.split(':').filter_map(clean));
        }
    }
    out.extend(single.as_deref().and_then(clean));
    out
}

/// The messages of a catalogue's source, in order, each with the argument names it uses
/// (`$name`): for the tests and tools that hold catalogues against each other and against the
/// code. A message starts at an unindented `id =` line and runs over its indented lines; a
/// comment ends it. An id written twice comes back twice.
pub fn catalogue_messages(src: &str) -> Vec<(String, std::collections::BTreeSet<String>)> {
    let mut out: Vec<(String, std::collections::BTreeSet<String>)> = Vec::new();
    let mut open = false;
    for line in src.lines() {
        if line.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
            let id = line
                .split('=')
                .next()
                .unwrap_or_default()
                .trim()
                .to_string();
            out.push((id, std::collections::BTreeSet::new()));
            open = true;
        } else if line.starts_with('#') {
            open = false;
            continue;
        } else if line.trim().is_empty() {
            continue;
        }
        if let (true, Some((_, vars))) = (open, out.last_mut()) {
            let mut rest = line;
            while let Some(i) = rest.find('$') {
                rest = &rest[i + 1..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                vars.insert(name);
            }
        }
    }
    out
}

/// A value for a message's named argument.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    /// Text put in as it is (identifiers, names, already-formatted parts).
    Str(Cow<'a, str>),
    /// A number: it picks plural variants and is shown in the locale's form.
    Num(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(Cow::Borrowed(s))
    }
}
impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Str(Cow::Borrowed(s.as_str()))
    }
}
impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Str(Cow::Owned(s))
    }
}
macro_rules! num_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(n: $t) -> Self {
                Arg::Num(n as f64)
            }
        }
    )*};
}
num_arg!(usize, u32, u64, i32, i64);

/// Formats message `$id` of a [`Text`] with named arguments:
/// `tr!(text, "sync-pending", count = 3)`.
#[macro_export]
macro_rules! tr {
    ($text:expr, $id:expr) => {
        $text.get($id, &[])
    };
    ($text:expr, $id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $text.get($id, &[$((stringify!($name), $crate::Arg::from($value))),+])
    };
}

/// A message to be worded later, in the reader's language: an error made where no language is
/// known (a rule of the trip crate), worded by whoever shows it ([`Text::msg`]), and in English
/// for logs and the API ([`Msg::english`]).
/// Kept with what it is about (a trip's warnings in the phone's cache), so it is worded again
/// when the language changes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Msg {
    /// The message id.
    pub id: Cow<'static, str>,
    /// Named arguments, as text or whole numbers.
    pub args: Vec<(Cow<'static, str>, MsgArg)>,
}

/// An argument of a [`Msg`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum MsgArg {
    /// Text put in as it is.
    Str(String),
    /// A whole number (plural variants, the locale's form).
    Num(i64),
}

impl Msg {
    /// Message `id` with no arguments yet.
    pub fn new(id: &'static str) -> Msg {
        Msg {
            id: Cow::Borrowed(id),
            args: Vec::new(),
        }
    }

    /// Adds a text argument.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Msg {
        self.args
            .push((Cow::Borrowed(name), MsgArg::Str(value.into())));
        self
    }

    /// Adds a number argument.
    #[must_use]
    pub fn num(mut self, name: &'static str, value: i64) -> Msg {
        self.args.push((Cow::Borrowed(name), MsgArg::Num(value)));
        self
    }

    /// The message in English (logs, the API's `reason`).
    pub fn english(&self) -> String {
        english().msg(self)
    }
}

/// The English catalogue, made once per process.
pub fn english() -> &'static Text {
    static EN: std::sync::OnceLock<Text> = std::sync::OnceLock::new();
    EN.get_or_init(|| Text::new(Lang::En))
}

type Bundle = FluentBundle<FluentResource>;

/// One language's catalogue, with English behind it for any message it lacks.
pub struct Text {
    lang: Lang,
    bundle: Bundle,
    english: Option<Bundle>,
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Text").field("lang", &self.lang).finish()
    }
}

impl Default for Text {
    fn default() -> Self {
        Text::new(Lang::En)
    }
}

/// A compiled-in catalogue as text. The build made it from UTF-8 files, so a failure is a build
/// bug; what inflated is kept, and the tests read every catalogue whole.
fn inflate(packed: &[u8]) -> String {
    use std::io::Read;
    let mut text = String::new();
    let _ = flate2::read::DeflateDecoder::new(packed).read_to_string(&mut text);
    text
}

fn bundle(lang: Lang, extra: Option<&'static str>) -> Bundle {
    let mut b = Bundle::new_concurrent(vec![lang.plural_locale()]);
    b.set_use_isolating(false);
    // NUMBER(), for the clock's zero-padded minutes; it cannot fail on a fresh bundle.
    let _ = b.add_builtins();
    b.set_formatter(Some(match lang {
        Lang::FrCa => numbers::french,
        Lang::Pa => numbers::indian,
        _ => numbers::english,
    }));
    if lang == Lang::Pseudo {
        b.set_transform(Some(pseudo::transform));
    }
    // The catalogues are compiled in and checked by this crate's tests: a syntax error is a
    // build-time bug, and the entries that did parse are still used.
    for source in lang.sources().into_iter().chain(extra.map(str::to_string)) {
        let resource = match FluentResource::try_new(source) {
            Ok(r) | Err((r, _)) => r,
        };
        // Overriding cannot fail on duplicates; the tests refuse duplicate ids.
        b.add_resource_overriding(resource);
    }
    b
}

impl Text {
    /// The catalogue of `lang`.
    pub fn new(lang: Lang) -> Text {
        Text::extended(lang, |_| None)
    }

    /// The catalogue of `lang` with a catalogue of the caller's added (the fleet console's
    /// words, which the phone does not carry): `extra(lang)` is its source in that language,
    /// `None` where it has none (English answers for it).
    pub fn extended(lang: Lang, extra: fn(Lang) -> Option<&'static str>) -> Text {
        let english_extra = extra(Lang::En);
        Text {
            lang,
            bundle: bundle(
                lang,
                extra(lang).or(english_extra.filter(|_| lang == Lang::Pseudo)),
            ),
            english: matches!(lang, Lang::FrCa | Lang::Pa | Lang::EsMx)
                .then(|| bundle(Lang::En, english_extra)),
        }
    }

    /// The catalogue [`negotiate`] picks for `requested`.
    pub fn negotiated<S: AsRef<str>>(requested: &[S]) -> Text {
        Text::new(negotiate(requested))
    }

    /// Its language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Message `id` with `args` (use [`tr!`]). A message this language lacks is taken from
    /// English; an id no catalogue has comes back as the id itself (the tests make sure none
    /// does).
    pub fn get(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fargs = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fargs.set(
                *name,
                match value {
                    Arg::Str(s) => FluentValue::from(s.as_ref()),
                    Arg::Num(n) => FluentValue::from(*n),
                },
            );
        }
        let from = |b: &Bundle| {
            let pattern = b.get_message(id)?.value()?;
            let mut errors = Vec::new();
            Some(
                b.format_pattern(pattern, Some(&fargs), &mut errors)
                    .into_owned(),
            )
        };
        let found = from(&self.bundle).or_else(|| self.english.as_ref().and_then(from));
        match found {
            Some(s) if self.lang == Lang::Pseudo => format!("⟦{s}⟧"),
            Some(s) => s,
            None => id.to_string(),
        }
    }

    /// Message `id` without arguments (templates: `{{ w.t("board-title") }}`).
    pub fn t(&self, id: &str) -> String {
        self.get(id, &[])
    }

    /// A [`Msg`] in this language.
    pub fn msg(&self, m: &Msg) -> String {
        let args: Vec<(&str, Arg<'_>)> = m
            .args
            .iter()
            .map(|(k, v)| {
                (
                    k.as_ref(),
                    match v {
                        MsgArg::Str(s) => Arg::from(s),
                        MsgArg::Num(n) => Arg::from(*n),
                    },
                )
            })
            .collect();
        self.get(&m.id, &args)
    }

    /// Whether this language's own catalogue has message `id` (not counting English behind it).
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// A number in the locale's form: "1,000,000" in English, "1 000 000" in Canadian French,
    /// "10,00,000" in Punjabi (Indian grouping).
    pub fn number(&self, n: i64) -> String {
        match self.lang {
            Lang::FrCa => numbers::group(n, '\u{a0}', false),
            Lang::Pa => numbers::group(n, ',', true),
            _ => numbers::group(n, ',', false),
        }
    }

    /// A clock time, 24-hour: "09:05" in English, "9 h 05" in Canadian French (the catalogue
    /// pads with `NUMBER($hour, minimumIntegerDigits: 2)` where its language does).
    pub fn clock(&self, hour: u32, minute: u32) -> String {
        tr!(self, "time-clock", hour = hour, minute = minute)
    }

    /// A day and a clock time: "Wed 2 Dec 14:37" in English, "mer. 2 déc. 14 h 37" in Canadian
    /// French. `weekday` counts from Monday = 1, `month` from January = 1; `time` is
    /// [`Text::clock`]'s text, `zone` an abbreviation ("EST") or empty.
    pub fn day_time(&self, weekday: u32, day: u32, month: u32, time: &str, zone: &str) -> String {
        let wd = self.get("weekday-short", &[("day", Arg::Num(f64::from(weekday)))]);
        let mo = self.get("month-short", &[("month", Arg::Num(f64::from(month)))]);
        let s = tr!(
            self,
            "time-day",
            weekday = wd,
            day = day,
            month = mo,
            time = time
        );
        if zone.is_empty() {
            s
        } else {
            tr!(self, "time-zoned", time = s, zone = zone)
        }
    }
}

mod numbers {
    use fluent_bundle::FluentValue;

    /// A whole number, and the digits `NUMBER(…, minimumIntegerDigits: n)` asks for.
    fn whole(v: &FluentValue) -> Option<(i64, Option<usize>)> {
        match v {
            FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 1e15 =>
            {
                #[allow(clippy::cast_possible_truncation)]
                Some((n.value as i64, n.options.minimum_integer_digits))
            }
            _ => None,
        }
    }

    fn format(v: &FluentValue, sep: char, indian: bool) -> Option<String> {
        whole(v).map(|(n, digits)| match digits {
            Some(d) => format!("{n:0d$}"),
            None => group(n, sep, indian),
        })
    }

    /// Fluent's number formatter for English and Spanish (and the pseudo-locale).
    pub fn english<M>(v: &FluentValue, _: &M) -> Option<String> {
        format(v, ',', false)
    }

    /// Canadian French: a no-break space between thousands (CLDR `fr-CA`).
    pub fn french<M>(v: &FluentValue, _: &M) -> Option<String> {
        format(v, '\u{a0}', false)
    }

    /// Punjabi: Indian grouping, 10,00,000 (CLDR `pa`, Latin digits).
    pub fn indian<M>(v: &FluentValue, _: &M) -> Option<String> {
        format(v, ',', true)
    }

    /// `n` with `sep` between groups of three digits, or with Indian grouping (three, then
    /// twos). Numbers under 10,000 are not grouped ("2500 kg"): a design choice, so a
    /// four-digit weight reads as it does on the shipment's papers (CLDR groups them in English).
    pub fn group(n: i64, sep: char, indian: bool) -> String {
        let digits = n.unsigned_abs().to_string();
        let mut out = String::new();
        if digits.len() <= 4 {
            out.push_str(&digits);
        } else {
            let (head, last3) = digits.split_at(digits.len() - 3);
            let step = if indian { 2 } else { 3 };
            let mut groups = Vec::new();
            let mut rest = head;
            while rest.len() > step {
                let (a, b) = rest.split_at(rest.len() - step);
                groups.push(b);
                rest = a;
            }
            groups.push(rest);
            groups.reverse();
            for g in groups {
                out.push_str(g);
                out.push(sep);
            }
            out.push_str(last3);
        }
        if n < 0 {
            format!("-{out}")
        } else {
            out
        }
    }
}

#[cfg(test)]
mod tests;
