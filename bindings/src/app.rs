//! Starting the app: sign-in and first run, the recovery notice, the screen shown when the
//! core cannot be opened, how things stand out, and the log sink.

use std::sync::Arc;

pub use crossing_core::app::{Notice, ShellTexts, SignInOutcome, StartScreen, StartStep, Tone};
pub use crossing_core::log::Level as LogLevel;

use crate::events::FormInput;
use crate::sync::{Need, SyncView};
use crate::{CoreError, CrossingCore};

/// How a line stands out; show it as text and an icon, never by colour alone.
#[uniffi::remote(Enum)]
pub enum Tone {
    /// Nothing to act on.
    Neutral,
    /// Done or cleared.
    Good,
    /// Worth a look.
    Attention,
    /// Act now.
    Problem,
}

/// Which start step to show.
#[uniffi::remote(Enum)]
pub enum StartStep {
    /// Ask for the driver token.
    SignIn,
    /// Signed in; the first sync is getting the trips.
    FirstSync,
    /// Show the trip list.
    Ready,
}

/// The first-run and sign-in screen.
#[uniffi::remote(Record)]
pub struct StartScreen {
    /// Which step.
    pub step: StartStep,
    /// Screen title.
    pub title: String,
    /// What to do.
    pub message: String,
    /// The token field (sign-in only).
    pub input: Option<FormInput>,
    /// The button label (sign-in only).
    pub submit_label: Option<String>,
    /// The sync badge.
    pub sync: SyncView,
}

/// What the token check said.
#[uniffi::remote(Enum)]
pub enum SignInOutcome {
    /// Store this token in the Keystore/Keychain, then call `signed_in`.
    Accepted {
        /// The token to keep (trimmed).
        token: String,
    },
    /// Not a token; the sentence says why.
    Refused {
        /// The sentence.
        message: String,
    },
}

/// A notice: a repaired store, or why the core cannot be opened.
#[uniffi::remote(Record)]
pub struct Notice {
    /// Title.
    pub title: String,
    /// One sentence a line.
    pub lines: Vec<String>,
    /// How it stands out.
    pub tone: Tone,
    /// The button that closes it; `None`: the app cannot go on.
    pub dismiss_label: Option<String>,
    /// What the driver can do about it.
    pub needs: Option<Need>,
}

/// The words the shells show of their own, so no English literal is left in Kotlin or Swift.
#[uniffi::remote(Record)]
pub struct ShellTexts {
    /// Try a failed load again.
    pub retry: String,
    /// Back to the trip list.
    pub back: String,
    /// Close a dialog or a form.
    pub close: String,
    /// The sync button.
    pub sync_now: String,
    /// While the core opens.
    pub opening: String,
    /// The secure storage could not keep the token.
    pub token_store_locked: String,
    /// The marker of the current trip.
    pub current_trip: String,
    /// The border codes button.
    pub show_codes: String,
    /// Share a sheet's PDF.
    pub share: String,
    /// The icon description of `Tone::Neutral`.
    pub tone_neutral: String,
    /// Of `Tone::Good`.
    pub tone_good: String,
    /// Of `Tone::Attention`.
    pub tone_attention: String,
    /// Of `Tone::Problem`.
    pub tone_problem: String,
}

/// The shells' own words (buttons they add, platform failures) in the phone's language:
/// `locales` is the per-app language list (BCP 47, the user's order), as for
/// [`CrossingCore::set_preferred_locales`].
#[uniffi::export]
pub fn shell_texts(locales: Vec<String>) -> ShellTexts {
    crossing_core::app::shell_texts(&crossing_core::text::Text::negotiated(&locales))
}

/// How much a log line matters.
#[uniffi::remote(Enum)]
pub enum LogLevel {
    /// A normal step.
    Info,
    /// Something the driver may see as a problem.
    Warn,
    /// Data repaired or unreadable.
    Error,
}

/// Where the core's log lines go (Logcat, `os_log`). Lines are already redacted: no token,
/// name, document number, plate or trip number. Must not throw.
#[uniffi::export(with_foreign)]
pub trait LogSink: Send + Sync {
    /// One line.
    fn log(&self, level: LogLevel, area: String, message: String);
}

struct ShellLog(Arc<dyn LogSink>);

impl crossing_core::log::LogSink for ShellLog {
    fn log(&self, level: LogLevel, area: &str, message: &str) {
        self.0.log(level, area.to_string(), message.to_string());
    }
}

/// Installs the log sink for the process (`None`: no logging). Call before opening the core
/// so what opening repaired is logged.
#[uniffi::export]
pub fn set_log_sink(sink: Option<Arc<dyn LogSink>>) {
    crossing_core::log::set_sink(
        sink.map(|s| Arc::new(ShellLog(s)) as Arc<dyn crossing_core::log::LogSink>),
    );
}

/// The screen to show when [`CrossingCore::new`] failed, instead of crashing, in the phone's
/// language (`locales` as for [`shell_texts`]).
#[uniffi::export]
pub fn startup_notice(error: CoreError, locales: Vec<String>) -> Notice {
    use crossing_core::app::StartupFailure as F;
    let failure = match &error {
        CoreError::UpdateRequired { .. } => F::TooNew,
        CoreError::Storage { .. } => F::Storage,
        _ => F::Other,
    };
    crossing_core::app::startup_notice(failure, &crossing_core::text::Text::negotiated(&locales))
}

#[uniffi::export]
impl CrossingCore {
    /// Chooses the language of every text the core makes from the phone's per-app language
    /// list (BCP 47 tags in the user's order: Android `AppCompatDelegate.getApplicationLocales()`
    /// or the system list, iOS `Bundle.main.preferredLocalizations`; `_` is read as `-`).
    /// English when none ships. Call at start and on every locale change: screens are told to
    /// redraw. Returns the chosen language's tag (`en`, `fr-CA`, `pa`, `es-MX`).
    pub fn set_preferred_locales(&self, locales: Vec<String>) -> String {
        let core = self.app.core();
        let lang = core.set_preferred_locales(&locales);
        crate::error::set_language(core.text());
        lang.tag().to_string()
    }

    /// Where the app starts; `signed_in`: the shell holds a token.
    pub fn start_screen(&self, signed_in: bool) -> Result<StartScreen, CoreError> {
        Ok(self.app.start_screen(signed_in)?)
    }

    /// Checks a typed token before the shell stores it.
    pub fn check_token(&self, token: String) -> SignInOutcome {
        self.app.check_token(&token)
    }

    /// The shell stored a new token: sync soon.
    pub fn signed_in(&self) {
        self.app.signed_in();
    }

    /// What opening had to repair, until dismissed.
    pub fn recovery_notice(&self) -> Option<Notice> {
        self.app.recovery_notice()
    }

    /// The driver read the recovery notice.
    pub fn dismiss_recovery(&self) {
        self.app.dismiss_recovery();
    }
}
