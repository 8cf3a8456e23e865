//! The manager's language (issue 17): each request is answered in the language its reader asked
//! for — the console's `crossing_lang` cookie (set by its language links), else
//! `Accept-Language` — among English and Canadian French (and the pseudo-locale `en-XA`, for
//! tests); English otherwise. The language is scoped to the request (a task-local set by
//! [`with_language`]), so the one place that words an answer ([`crate::error::ApiFailure`]'s
//! response, the console's pages) reads it without passing it down every call.
//!
//! The trip rules' words come from `crossing-text` (shared with the phone); the console's and
//! the API's own from `fleet/locales/*/console.ftl`, which only the server carries.

use std::sync::OnceLock;

use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;
use crossing_text::{Lang, Text};

tokio::task_local! {
    static READER: Lang;
}

/// The cookie a manager's language choice is kept in (not a secret; `SameSite=Lax`).
pub const LANG_COOKIE: &str = "crossing_lang";

/// The languages the server answers in.
pub const SERVED: [Lang; 2] = [Lang::En, Lang::FrCa];

/// The console's catalogue in `lang`, if it has one (English answers for the others).
fn console_source(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En | Lang::Pseudo => Some(include_str!("../locales/en/console.ftl")),
        Lang::FrCa => Some(include_str!("../locales/fr-CA/console.ftl")),
        Lang::Pa | Lang::EsMx => None,
    }
}

/// The words of `lang` (made once per process and language).
pub fn text(lang: Lang) -> &'static Text {
    static EN: OnceLock<Text> = OnceLock::new();
    static FR: OnceLock<Text> = OnceLock::new();
    static PSEUDO: OnceLock<Text> = OnceLock::new();
    let (cell, lang) = match lang {
        Lang::FrCa => (&FR, Lang::FrCa),
        Lang::Pseudo => (&PSEUDO, Lang::Pseudo),
        _ => (&EN, Lang::En),
    };
    cell.get_or_init(|| Text::extended(lang, console_source))
}

/// The language of the request being answered (English outside one).
pub fn reader() -> Lang {
    READER.try_with(|l| *l).unwrap_or(Lang::En)
}

/// The words of the request being answered.
pub fn words() -> &'static Text {
    text(reader())
}

/// The tags of an `Accept-Language` header, best first (RFC 9110 §12.5.4: `q` weights, ties in
/// the order written, `q=0` refused); a malformed entry is skipped.
pub fn accept_language(header: &str) -> Vec<String> {
    let mut tags: Vec<(u16, usize, String)> = header
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
            if tag.is_empty() || tag == "*" {
                return None;
            }
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1000), |q| {
                    q.trim()
                        .parse::<f32>()
                        .ok()
                        .filter(|q| (0.0..=1.0).contains(q))
                        .map(|q| (q * 1000.0).round() as u16)
                })?;
            (q > 0).then(|| (q, i, tag.to_string()))
        })
        .collect();
    tags.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    tags.into_iter().map(|(_, _, t)| t).collect()
}

/// The language to answer `headers` in: the console's cookie, then `Accept-Language`.
pub fn negotiate(headers: &HeaderMap) -> Lang {
    let cookie = crate::console::cookie(headers, LANG_COOKIE).and_then(Lang::from_tag);
    if let Some(l) = cookie.filter(|l| SERVED.contains(l) || *l == Lang::Pseudo) {
        return l;
    }
    let asked = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(accept_language)
        .unwrap_or_default();
    // The reader's first language the server serves: "pa-IN, fr-CA;q=0.5" is French.
    for tag in &asked {
        match crossing_text::negotiate(&[tag]) {
            l @ (Lang::FrCa | Lang::Pseudo) => return l,
            Lang::En if tag.to_ascii_lowercase().starts_with("en") => return Lang::En,
            _ => {}
        }
    }
    Lang::En
}

/// Middleware: answers the request in its reader's language, and says which
/// (`Content-Language`; `Vary: Accept-Language, Cookie` for caches).
pub async fn with_language(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let lang = negotiate(req.headers());
    let mut resp = READER.scope(lang, next.run(req)).await;
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.tag()),
    );
    h.append(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_is_read_by_weight_then_order() {
        assert_eq!(
            accept_language("en-US;q=0.5, fr-CA, fr;q=0.9, *;q=0.1"),
            ["fr-CA", "fr", "en-US"]
        );
        assert_eq!(accept_language("de;q=0, es-MX;q=0.8"), ["es-MX"]);
        assert_eq!(accept_language("fr;q=abc, pa"), ["pa"]);
        assert!(accept_language("").is_empty());
    }

    #[test]
    fn the_server_answers_in_english_or_french() {
        let mut h = HeaderMap::new();
        assert_eq!(negotiate(&h), Lang::En);
        h.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("fr-FR,fr;q=0.9"),
        );
        assert_eq!(negotiate(&h), Lang::FrCa);
        h.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("pa-IN, fr-CA;q=0.5"),
        );
        // Punjabi is not served (the console has none): the reader's next language.
        assert_eq!(negotiate(&h), Lang::FrCa);
        h.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("pa-IN, en;q=0.8, fr;q=0.5"),
        );
        assert_eq!(negotiate(&h), Lang::En);
        h.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static("es-MX"));
        assert_eq!(negotiate(&h), Lang::En);
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=b; crossing_lang=fr-CA"),
        );
        assert_eq!(negotiate(&h), Lang::FrCa, "the console's choice wins");
    }
}
