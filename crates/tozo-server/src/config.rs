//! Settings: defaults, then an optional `Tozo.toml`, then `TOZO_` environment variables (and
//! `SENTRY_DSN`, the name every Sentry SDK reads).

use std::net::IpAddr;
use std::path::PathBuf;
use std::str::FromStr;

use figment::providers::{Env, Format as _, Toml};
use figment::value::{Dict, Map, Value};
use figment::{Figment, Metadata, Profile, Provider};
use rocket::data::ByteUnit;
use serde::Deserialize;
use tozo_core::{AppSecret, EmailAddress, InvalidSecret};
use url::Url;

/// Settings whose values are text even when they look like numbers or booleans (a password
/// of `12345`, a token of `true`). Figment's environment provider would parse them, so they
/// are read as they are instead.
const TEXT_SETTINGS: &[&str] = &[
    "base_url",
    "database_password",
    "database_url",
    "email_from",
    "environment",
    "frontend_sentry_dsn",
    "postmark_token",
    "postmark_url",
    "secret_key",
    "static_dir",
];

/// Everything Tozo reads at start-up. Each field `foo_bar` is set by `TOZO_FOO_BAR`, except
/// `sentry_dsn`, which is `SENTRY_DSN`.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Where to listen.
    pub address: IpAddr,
    /// The port to listen on.
    pub port: u16,
    /// The public URL, used in the links of emails.
    pub base_url: String,
    /// Base64 of at least 32 random bytes; signs tokens and keys cookies.
    pub secret_key: Option<String>,
    /// `postgres://` URL of the database.
    pub database_url: String,
    /// Replaces the URL's password when set (AWS hands the password over on its own).
    pub database_password: Option<String>,
    /// Most connections the pool opens.
    pub database_pool_size: u32,
    /// Seconds to wait for a database connection before answering 500.
    pub database_timeout: u64,
    /// The `Secure` attribute of the session cookie.
    pub auth_cookie_secure: bool,
    /// The `SameSite` attribute of the session cookie.
    pub auth_cookie_samesite: SameSite,
    /// Postmark server token; without one, emails are logged instead of sent.
    pub postmark_token: Option<String>,
    /// The sender of every email.
    pub email_from: String,
    /// Postmark's API base URL.
    pub postmark_url: String,
    /// How many proxies in front of Tozo append to `X-Forwarded-For`.
    pub trusted_proxy_hops: u8,
    /// The built front end.
    pub static_dir: PathBuf,
    /// Sentry DSN of the server; unset, nothing is reported.
    pub sentry_dsn: Option<String>,
    /// Sentry DSN given to the web app; unset, the browser reports nothing.
    pub frontend_sentry_dsn: Option<String>,
    /// Share of requests traced, from 0 to 1.
    pub sentry_traces_sample_rate: f32,
    /// The deployment's name in Sentry and the logs.
    pub environment: String,
    /// `text` for a terminal, `json` for CloudWatch.
    pub log_format: LogFormat,
    /// The largest request body accepted, e.g. `65536` or `"64 KiB"`.
    pub body_limit: ByteUnit,
    /// Seconds an idle keep-alive connection stays open; keep it above the load balancer's.
    pub keep_alive: u32,
    /// Multiplies every rate limit's allowance; 1 in production.
    pub rate_limit_factor: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            address: IpAddr::from([127, 0, 0, 1]),
            port: 8080,
            base_url: "http://localhost:8080".to_owned(),
            secret_key: None,
            database_url: "postgres://localhost/tozo".to_owned(),
            database_password: None,
            database_pool_size: 10,
            database_timeout: 3,
            auth_cookie_secure: true,
            auth_cookie_samesite: SameSite::Strict,
            postmark_token: None,
            email_from: "Tozo <help@tozo.dev>".to_owned(),
            postmark_url: "https://api.postmarkapp.com".to_owned(),
            trusted_proxy_hops: 0,
            static_dir: PathBuf::from("frontend/dist"),
            sentry_dsn: None,
            frontend_sentry_dsn: None,
            sentry_traces_sample_rate: 0.2,
            environment: "development".to_owned(),
            log_format: LogFormat::Text,
            body_limit: ByteUnit::Kibibyte(64),
            keep_alive: 75,
            rate_limit_factor: 1,
        }
    }
}

/// The `SameSite` attribute of the session cookie.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SameSite {
    /// Sent only with requests from Tozo's own pages.
    Strict,
    /// Also sent when following a link to Tozo.
    Lax,
    /// Sent with every request; needs `Secure`.
    None,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines for a terminal.
    Text,
    /// One JSON object per line, for CloudWatch Logs Insights.
    Json,
}

/// A setting that cannot be used, named by its environment variable.
#[derive(Debug, thiserror::Error)]
#[error("{key}: {message}")]
pub struct ConfigError {
    /// The environment variable, e.g. `TOZO_PORT`.
    pub key: String,
    /// What is wrong with it.
    pub message: String,
}

impl ConfigError {
    fn new(setting: &str, message: impl Into<String>) -> Self {
        Self {
            key: variable_name(setting),
            message: message.into(),
        }
    }
}

/// The environment variable that sets `setting`.
#[must_use]
pub fn variable_name(setting: &str) -> String {
    if setting == "sentry_dsn" {
        "SENTRY_DSN".to_owned()
    } else {
        format!("TOZO_{}", setting.to_uppercase())
    }
}

/// Settings that passed every check, in the forms the server uses.
#[derive(Debug, Clone)]
pub struct CheckedSettings {
    /// The settings as given.
    pub settings: Settings,
    /// The secret, decoded, or a random one in development.
    pub secret: AppSecret,
    /// Whether `secret` was made up because none was configured.
    pub secret_is_ephemeral: bool,
    /// The database URL with `database_password` applied.
    pub database_url: Url,
}

impl Settings {
    /// Reads the settings from `Tozo.toml` (when present) and the environment, and checks them.
    ///
    /// # Errors
    /// [`ConfigError`] naming the first setting that is malformed or unusable.
    pub fn load() -> Result<CheckedSettings, ConfigError> {
        Self::from_figment(&Self::figment())
    }

    /// The layered sources, for callers that add their own on top.
    #[must_use]
    pub fn figment() -> Figment {
        Figment::new()
            .merge(Toml::file("Tozo.toml"))
            .merge(Env::prefixed("TOZO_").ignore(TEXT_SETTINGS))
            .merge(TextVariables)
    }

    /// Extracts and checks settings from `figment`.
    ///
    /// # Errors
    /// [`ConfigError`] naming the first setting that is malformed or unusable.
    ///
    /// # Panics
    /// Never: figment reports at least one error when extraction fails.
    pub fn from_figment(figment: &Figment) -> Result<CheckedSettings, ConfigError> {
        let settings: Self = figment.extract().map_err(|error| {
            let error = error
                .into_iter()
                .next()
                .expect("figment reports at least one error");
            let setting = match &error.kind {
                figment::error::Kind::UnknownField(field, _) => field.clone(),
                _ => error.path.first().cloned().unwrap_or_default(),
            };
            ConfigError::new(&setting, error.kind.to_string())
        })?;
        settings.check()
    }

    fn check(self) -> Result<CheckedSettings, ConfigError> {
        let (secret, secret_is_ephemeral) = match &self.secret_key {
            Some(encoded) => {
                let secret = AppSecret::from_base64(encoded).map_err(|error: InvalidSecret| {
                    ConfigError::new("secret_key", error.to_string())
                })?;
                (secret, false)
            }
            None if cfg!(debug_assertions) => (AppSecret::random(), true),
            None => {
                return Err(ConfigError::new(
                    "secret_key",
                    "is required in production: set it to the output of `openssl rand -base64 32`",
                ));
            }
        };

        let base_url = Url::parse(&self.base_url)
            .map_err(|error| ConfigError::new("base_url", format!("not a URL: {error}")))?;
        if !matches!(base_url.scheme(), "http" | "https") {
            return Err(ConfigError::new(
                "base_url",
                "must be an http:// or https:// URL",
            ));
        }
        check_http_url("postmark_url", &self.postmark_url)?;
        check_sender(&self.email_from)?;
        let database_url = self.database_url()?;

        if !(0.0..=1.0).contains(&self.sentry_traces_sample_rate) {
            return Err(ConfigError::new(
                "sentry_traces_sample_rate",
                "must be between 0 and 1",
            ));
        }
        for (setting, dsn) in [
            ("sentry_dsn", &self.sentry_dsn),
            ("frontend_sentry_dsn", &self.frontend_sentry_dsn),
        ] {
            if let Some(dsn) = dsn {
                sentry::types::Dsn::from_str(dsn).map_err(|error| {
                    ConfigError::new(setting, format!("not a Sentry DSN: {error}"))
                })?;
            }
        }
        if self.database_pool_size == 0 {
            return Err(ConfigError::new("database_pool_size", "must be at least 1"));
        }
        if self.database_timeout == 0 {
            return Err(ConfigError::new(
                "database_timeout",
                "must be at least 1 second",
            ));
        }
        if self.rate_limit_factor == 0 {
            return Err(ConfigError::new("rate_limit_factor", "must be at least 1"));
        }
        if self.auth_cookie_samesite == SameSite::None && !self.auth_cookie_secure {
            return Err(ConfigError::new(
                "auth_cookie_samesite",
                "None needs TOZO_AUTH_COOKIE_SECURE=true: browsers drop such cookies otherwise",
            ));
        }

        Ok(CheckedSettings {
            settings: self,
            secret,
            secret_is_ephemeral,
            database_url,
        })
    }

    fn database_url(&self) -> Result<Url, ConfigError> {
        let mut url = Url::parse(&self.database_url)
            .map_err(|error| ConfigError::new("database_url", format!("not a URL: {error}")))?;
        if !matches!(url.scheme(), "postgres" | "postgresql") {
            return Err(ConfigError::new(
                "database_url",
                "must be a postgres:// URL",
            ));
        }
        if let Some(password) = &self.database_password {
            url.set_password(Some(password))
                .map_err(|()| ConfigError::new("database_password", "cannot go into this URL"))?;
        }
        Ok(url)
    }
}

fn check_http_url(setting: &str, value: &str) -> Result<(), ConfigError> {
    match Url::parse(value) {
        Ok(url) if matches!(url.scheme(), "http" | "https") => Ok(()),
        Ok(_) => Err(ConfigError::new(
            setting,
            "must be an http:// or https:// URL",
        )),
        Err(error) => Err(ConfigError::new(setting, format!("not a URL: {error}"))),
    }
}

/// A sender is `address` or `Name <address>`, with an address that can receive replies.
fn check_sender(sender: &str) -> Result<(), ConfigError> {
    let address = match sender.rsplit_once('<') {
        Some((_, bracketed)) => bracketed.strip_suffix('>'),
        None => Some(sender),
    };
    address
        .and_then(|address| EmailAddress::parse(address).ok())
        .map(|_| ())
        .ok_or_else(|| ConfigError::new("email_from", "must be `address` or `Name <address>`"))
}

/// The text settings from the environment, exactly as written. An empty variable counts as
/// unset, which is what container platforms give for an optional value left blank.
struct TextVariables;

impl Provider for TextVariables {
    fn metadata(&self) -> Metadata {
        Metadata::named("TOZO_ environment variable(s)")
    }

    fn data(&self) -> Result<Map<Profile, Dict>, figment::Error> {
        let mut settings = Dict::new();
        for setting in TEXT_SETTINGS.iter().copied().chain(["sentry_dsn"]) {
            if let Ok(value) = std::env::var(variable_name(setting))
                && !value.is_empty()
            {
                settings.insert(setting.to_owned(), Value::from(value));
            }
        }
        Ok(Profile::Default.collect(settings))
    }
}

impl<'de> Deserialize<'de> for SameSite {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = String::deserialize(deserializer)?;
        match value.to_ascii_lowercase().as_str() {
            "strict" => Ok(Self::Strict),
            "lax" => Ok(Self::Lax),
            "none" => Ok(Self::None),
            _ => Err(serde::de::Error::custom(format!(
                "{value:?} is not one of Strict, Lax or None"
            ))),
        }
    }
}

impl<'de> Deserialize<'de> for LogFormat {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = String::deserialize(deserializer)?;
        match value.to_ascii_lowercase().as_str() {
            "text" => Ok(Self::Text),
            "json" => Ok(Self::Json),
            _ => Err(serde::de::Error::custom(format!(
                "{value:?} is not one of text or json"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use figment::providers::Serialized;

    use super::*;

    /// Base64 of 32 bytes: release builds, which the tests run as, refuse to start without one.
    const SECRET: &str = "dGVzdHMgbmVlZCBhIGtleSBvZiAzMiBieXRlcyBvciBtb3Jl";

    fn load(pairs: &[(&str, &str)]) -> Result<CheckedSettings, ConfigError> {
        let mut figment = Figment::new().merge(Serialized::default("secret_key", SECRET));
        for (key, value) in pairs {
            figment = figment.merge(Serialized::default(key, value.parse::<Value>().unwrap()));
        }
        Settings::from_figment(&figment)
    }

    #[test]
    fn defaults_match_the_documented_ones() {
        let checked = load(&[]).unwrap();

        assert_eq!(checked.settings.port, 8080);
        assert_eq!(checked.settings.auth_cookie_samesite, SameSite::Strict);
        assert_eq!(checked.database_url.as_str(), "postgres://localhost/tozo");
    }

    #[test]
    fn a_bad_value_names_its_variable() {
        let error = load(&[("port", "abc")]).unwrap_err();

        assert_eq!(error.key, "TOZO_PORT");
    }

    #[test]
    fn the_database_password_replaces_the_urls() {
        let checked = Settings {
            database_url: "postgres://tozo:old@db.internal:5432/tozo".to_owned(),
            database_password: Some("n3w/p@ss".to_owned()),
            secret_key: Some(SECRET.to_owned()),
            ..Settings::default()
        }
        .check()
        .unwrap();

        assert_eq!(checked.database_url.password(), Some("n3w%2Fp%40ss"));
    }

    #[test]
    fn a_sender_needs_a_real_address() {
        assert!(load(&[("email_from", "Tozo <help@tozo.dev>")]).is_ok());
        assert!(load(&[("email_from", "help@tozo.dev")]).is_ok());
        for sender in ["nobody", "Tozo <nobody>", "Tozo <help@tozo.dev"] {
            assert_eq!(
                load(&[("email_from", sender)]).unwrap_err().key,
                "TOZO_EMAIL_FROM"
            );
        }
    }

    #[test]
    fn a_short_secret_is_refused() {
        let error = load(&[("secret_key", "c2hvcnQ=")]).unwrap_err();

        assert_eq!(error.key, "TOZO_SECRET_KEY");
    }
}
