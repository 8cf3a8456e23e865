use std::collections::{BTreeMap, BTreeSet};

use super::*;

/// The translations under test: all three, or those named in `CROSSING_TEXT_LANGS`
/// (`fr-CA,pa`), so a translator can check one catalogue while the others are being written.
fn translations() -> Vec<Lang> {
    let only = std::env::var("CROSSING_TEXT_LANGS").unwrap_or_default();
    [Lang::FrCa, Lang::Pa, Lang::EsMx]
        .into_iter()
        .filter(|l| only.is_empty() || only.split(',').any(|t| t.trim() == l.tag()))
        .collect()
}

/// Each message of a catalogue with the argument names it uses ([`catalogue_messages`]); an
/// id written twice fails.
fn messages(src: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (id, vars) in catalogue_messages(src) {
        assert!(out.insert(id.clone(), vars).is_none(), "duplicate id {id}");
    }
    out
}

#[test]
fn every_catalogue_parses_without_errors() {
    for lang in Lang::SHIPPED {
        for source in lang.sources() {
            if let Err((_, errors)) = FluentResource::try_new(source) {
                panic!("{}: {errors:?}", lang.tag());
            }
        }
    }
}

#[test]
fn every_message_exists_in_every_language_with_the_same_arguments() {
    let english = messages(&Lang::En.source());
    assert!(english.len() > 200, "{} messages", english.len());
    for lang in translations() {
        let other = messages(&lang.source());
        let missing: Vec<&String> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<&String> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.tag());
        assert!(extra.is_empty(), "{} has unknown ids {extra:?}", lang.tag());
        for (id, vars) in &english {
            assert_eq!(
                &other[id],
                vars,
                "{} message {id} uses other arguments",
                lang.tag()
            );
        }
    }
}

#[test]
fn every_catalogue_says_it_awaits_native_review() {
    for lang in translations() {
        for source in lang.sources() {
            let head: String = source.lines().take(12).collect::<Vec<_>>().join("\n");
            assert!(
                head.contains("native-speaker review pending"),
                "{}: {head}",
                lang.tag()
            );
        }
    }
}

#[test]
fn the_translations_are_translated() {
    let english = messages(&Lang::En.source());
    let en = Text::new(Lang::En);
    for lang in translations() {
        let t = Text::new(lang);
        let same: Vec<&String> = english
            .keys()
            .filter(|id| english[*id].is_empty())
            .filter(|id| t.get(id, &[]) == en.get(id, &[]))
            .collect();
        // Words that are the same in both (labels such as "VIN", "ETA", "CRN", "OK") are allowed;
        // a catalogue that is mostly English is not.
        assert!(
            same.len() * 5 < english.len(),
            "{}: {} of {} messages read as in English: {same:?}",
            lang.tag(),
            same.len(),
            english.len()
        );
    }
}

#[test]
fn official_terms_keep_the_english_word_in_front() {
    let en = Text::new(Lang::En);
    for lang in translations() {
        let t = Text::new(lang);
        for id in messages(&Lang::En.source()).keys() {
            let term = id.starts_with("event-")
                || id.starts_with("customs-signal-")
                || id.starts_with("customs-status-")
                || matches!(
                    id.as_str(),
                    "customs-released-by" | "customs-held-by" | "customs-rejected-by"
                );
            if !term {
                continue;
            }
            let english = en.get(id, &[]);
            let translated = t.get(id, &[]);
            assert!(
                translated.starts_with(&format!("{english} · ")),
                "{} {id}: {translated:?} must start with {english:?} · ",
                lang.tag()
            );
        }
    }
}

#[test]
fn identifiers_are_never_translated() {
    for lang in Lang::ALL {
        let t = Text::new(lang);
        assert!(tr!(t, "code-pars", number = "1234PARS0001").contains("1234PARS0001"));
        assert!(tr!(t, "code-pars", number = "X").contains("PARS"));
        assert!(tr!(t, "code-paps", number = "X").contains("PAPS"));
        assert!(t.get("label-crn", &[]).contains("CRN"));
        assert!(t.get("label-ccn", &[]).contains("CCN"));
        assert!(t.get("label-scn", &[]).contains("SCN"));
        assert!(t.get("label-vin", &[]).contains("VIN"));
        assert!(tr!(t, "status-at-border-port", port = "0453").contains("0453"));
    }
}

/// CLDR's plural categories, as intl_pluralrules computes them, for the numbers translators'
/// variants must cover.
#[test]
fn plural_rules_of_each_language() {
    use intl_pluralrules::{PluralCategory as C, PluralRuleType, PluralRules};
    let cases: [(Lang, [C; 5]); 4] = [
        (Lang::En, [C::OTHER, C::ONE, C::OTHER, C::OTHER, C::OTHER]),
        // French: 0 and 1 are singular. intl_pluralrules 7.0.2 predates CLDR 38's "many" for
        // French and Spanish millions, so a million takes "other" ("1 000 000 événements"):
        // a [many] variant would never be chosen (docs/glossary.md).
        (Lang::FrCa, [C::ONE, C::ONE, C::OTHER, C::OTHER, C::OTHER]),
        (Lang::Pa, [C::ONE, C::ONE, C::OTHER, C::OTHER, C::OTHER]),
        (Lang::EsMx, [C::OTHER, C::ONE, C::OTHER, C::OTHER, C::OTHER]),
    ];
    for (lang, expected) in cases {
        let rules =
            PluralRules::create(lang.plural_locale(), PluralRuleType::CARDINAL).expect("rules");
        let got: Vec<C> = [0u64, 1, 2, 21, 1_000_000]
            .iter()
            .map(|n| rules.select(*n).expect("select"))
            .collect();
        assert_eq!(got, expected, "{}", lang.tag());
    }
}

#[test]
fn every_plural_message_reads_right_for_0_1_2_21_and_a_million() {
    let english = messages(&Lang::En.source());
    let plural_ids: Vec<(&String, &str)> = english
        .iter()
        .filter_map(|(id, vars)| {
            let v = ["count", "total"].into_iter().find(|v| vars.contains(*v))?;
            Some((id, v))
        })
        .collect();
    assert!(plural_ids.len() >= 8, "{plural_ids:?}");
    for lang in Lang::ALL {
        let t = Text::new(lang);
        for (id, var) in &plural_ids {
            let say = |n: i64| {
                let mut args = vec![(*var, Arg::from(n))];
                for other in &english[*id] {
                    if other != var {
                        args.push((other.as_str(), Arg::from("X")));
                    }
                }
                t.get(id, &args)
            };
            let texts: Vec<String> = [0, 1, 2, 21, 1_000_000].into_iter().map(say).collect();
            for s in &texts {
                assert!(
                    !s.contains('{') && !s.contains(id.as_str()),
                    "{} {id}: {s}",
                    lang.tag()
                );
            }
            assert!(
                texts[4].contains(&t.number(1_000_000)),
                "{} {id}: {}",
                lang.tag(),
                texts[4]
            );
            let singular_zero = matches!(lang, Lang::FrCa | Lang::Pa);
            let (zero, one, two) = (
                texts[0].replace('0', "#"),
                texts[1].replace('1', "#"),
                texts[2].replace('2', "#"),
            );
            if lang != Lang::Pa {
                // Punjabi nouns often keep one form; its variants are checked by hand (glossary).
                assert_ne!(one, two, "{} {id}: one and two read alike", lang.tag());
            }
            if singular_zero {
                assert_eq!(zero, one, "{} {id}: 0 is singular", lang.tag());
            } else {
                assert_eq!(zero, two, "{} {id}: 0 is plural", lang.tag());
            }
        }
    }
}

#[test]
fn english_counts_read_as_before() {
    let t = Text::new(Lang::En);
    assert_eq!(tr!(t, "count-events", count = 0_i64), "0 events");
    assert_eq!(tr!(t, "count-events", count = 1_i64), "1 event");
    assert_eq!(tr!(t, "count-events", count = 21_i64), "21 events");
    assert_eq!(
        tr!(t, "count-events", count = 1_000_000_i64),
        "1,000,000 events"
    );
    let fr = Text::new(Lang::FrCa);
    assert!(tr!(fr, "count-events", count = 1_000_000_i64).starts_with("1\u{a0}000\u{a0}000"));
}

#[test]
fn negotiation_follows_the_users_order_and_falls_back_to_english() {
    assert_eq!(negotiate(&["pa-IN", "en-CA"]), Lang::Pa);
    assert_eq!(negotiate(&["pa_Guru_IN"]), Lang::Pa);
    assert_eq!(negotiate(&["fr-CA"]), Lang::FrCa);
    assert_eq!(negotiate(&["fr-FR"]), Lang::FrCa);
    assert_eq!(negotiate(&["fr"]), Lang::FrCa);
    assert_eq!(negotiate(&["es-US", "en-US"]), Lang::EsMx);
    assert_eq!(negotiate(&["es-MX"]), Lang::EsMx);
    assert_eq!(negotiate(&["de-DE", "fr-CA"]), Lang::FrCa);
    assert_eq!(negotiate(&["en-US", "fr-CA"]), Lang::En);
    assert_eq!(negotiate(&["de-DE"]), Lang::En);
    assert_eq!(negotiate::<&str>(&[]), Lang::En);
    assert_eq!(negotiate(&["", "not a tag!"]), Lang::En);
    // Shahmukhi readers are not given Gurmukhi.
    assert_eq!(negotiate(&["pa-Arab-PK", "ur"]), Lang::En);
    assert_eq!(negotiate(&["pa-Arab-PK", "es-MX"]), Lang::EsMx);
    // The pseudo-locale only by name.
    assert_eq!(negotiate(&["en-XA"]), Lang::Pseudo);
    assert_eq!(negotiate(&["en-GB"]), Lang::En);
}

#[test]
fn the_pseudo_locale_marks_every_message_and_leaves_arguments_alone() {
    let t = Text::new(Lang::Pseudo);
    let s = tr!(t, "status-at-border-port", port = "0453");
    assert!(s.starts_with('⟦') && s.ends_with('⟧'), "{s}");
    assert!(s.contains("0453"), "{s}");
    assert!(!s.contains("border"), "{s}");
    let en = Text::new(Lang::En).get("notice-cancelled", &[]);
    let pseudo = t.get("notice-cancelled", &[]);
    assert!(
        pseudo.chars().count() * 10 >= en.chars().count() * 13,
        "at least 30 % longer: {pseudo}"
    );
    assert!(!pseudo.bytes().any(|b| b.is_ascii_lowercase()), "{pseudo}");
}

#[test]
fn a_missing_message_falls_back_to_english_and_an_unknown_id_is_itself() {
    let fr = Text::new(Lang::FrCa);
    assert_eq!(fr.get("no-such-message", &[]), "no-such-message");
    // The English behind every translation answers for it (same text as English's own).
    let en = Text::new(Lang::En);
    assert_eq!(
        fr.english.as_ref().map(|b| b.has_message("trips-title")),
        Some(true)
    );
    assert!(en.has("trips-title"));
}

#[test]
fn numbers_take_the_locales_grouping() {
    let n = 1_234_567;
    assert_eq!(Text::new(Lang::En).number(n), "1,234,567");
    assert_eq!(Text::new(Lang::FrCa).number(n), "1\u{a0}234\u{a0}567");
    assert_eq!(Text::new(Lang::Pa).number(n), "12,34,567");
    assert_eq!(Text::new(Lang::EsMx).number(n), "1,234,567");
    assert_eq!(Text::new(Lang::En).number(2500), "2500");
    assert_eq!(Text::new(Lang::En).number(-12_000), "-12,000");
}

#[test]
fn clock_times_and_days_in_each_language() {
    let en = Text::new(Lang::En);
    assert_eq!(en.clock(14, 7), "14:07");
    assert_eq!(en.day_time(3, 2, 12, "12:00", "EST"), "Wed 2 Dec 12:00 EST");
    assert_eq!(en.day_time(7, 29, 11, "08:00", ""), "Sun 29 Nov 08:00");
    let fr = Text::new(Lang::FrCa);
    assert_eq!(fr.clock(14, 30), "14 h 30");
    assert_eq!(fr.clock(9, 5), "9 h 05");
    assert_eq!(en.clock(9, 5), "09:05");
    let day = fr.day_time(3, 2, 12, &fr.clock(12, 0), "HNE");
    assert!(day.contains("12 h 00") && day.contains('2'), "{day}");
    for lang in Lang::ALL {
        let t = Text::new(lang);
        for wd in 1..=7 {
            for month in 1..=12 {
                let s = t.day_time(wd, 28, month, &t.clock(9, 5), "");
                assert!(!s.contains('{') && s.contains("28"), "{}: {s}", lang.tag());
            }
        }
    }
}

#[test]
fn a_msg_is_worded_in_each_language_and_in_english_for_logs() {
    let m = Msg::new("rule-note-length").num("max", 500);
    assert_eq!(m.english(), "must be at most 500 characters");
    for lang in Lang::ALL {
        let s = Text::new(lang).msg(&m);
        assert!(s.contains("500"), "{}: {s}", lang.tag());
    }
}

#[test]
fn posix_environment_gives_the_cli_its_language() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_string())
        }
    };
    assert_eq!(posix_locales(env(&[("LANG", "fr_CA.UTF-8")])), ["fr-CA"]);
    assert_eq!(
        posix_locales(env(&[
            ("LANG", "en_US.UTF-8"),
            ("LC_MESSAGES", "pa_IN.UTF-8")
        ])),
        ["pa-IN"]
    );
    assert_eq!(
        posix_locales(env(&[("LC_ALL", "es_MX.UTF-8"), ("LANG", "fr_CA.UTF-8")])),
        ["es-MX"]
    );
    assert_eq!(
        posix_locales(env(&[("LANGUAGE", "pa:fr_CA"), ("LANG", "en_CA.UTF-8")])),
        ["pa", "fr-CA", "en-CA"]
    );
    assert_eq!(
        posix_locales(env(&[("LANGUAGE", "pa"), ("LANG", "C.UTF-8")])),
        ["en"]
    );
    assert!(posix_locales(env(&[])).is_empty());
    assert_eq!(
        negotiate(&posix_locales(env(&[("LANG", "fr_CA.UTF-8")]))),
        Lang::FrCa
    );
}

#[test]
fn the_compiled_in_catalogues_are_the_files_byte_for_byte() {
    for (lang, dir) in [
        (Lang::En, "en"),
        (Lang::FrCa, "fr-CA"),
        (Lang::Pa, "pa"),
        (Lang::EsMx, "es-MX"),
    ] {
        for (i, file) in ["crossing.ftl", "validation.ftl"].iter().enumerate() {
            let path = format!("{}/locales/{dir}/{file}", env!("CARGO_MANIFEST_DIR"));
            let on_disk = std::fs::read_to_string(&path).expect("catalogue");
            assert_eq!(lang.sources()[i], on_disk, "{path}");
        }
    }
}
