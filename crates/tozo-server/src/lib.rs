//! Tozo's HTTP server: Rocket routes, guards, fairings and configuration over `tozo-core`.
//!
//! [`build`] makes the Rocket instance that `tozo serve` launches.

pub mod catchers;
pub mod config;
pub mod error;
pub mod fairings;
pub mod guards;
pub mod pool;
pub mod routes;
pub mod telemetry;

use std::time::Duration;

use base64::Engine as _;
use rocket::config::LogLevel;
use rocket::data::Limits;
use rocket::fairing::AdHoc;
use rocket::figment::Figment;
use rocket::{Build, Rocket};
use rocket_db_pools::Database as _;
use tozo_core::email::Mailer;
use tozo_core::password::PasswordHasher;
use tozo_core::{Tozo, TozoOptions};

use crate::config::CheckedSettings;
use crate::fairings::{RequestLog, SecurityHeaders, SentryReporting};
use crate::guards::{RateLimits, SessionCookies, TrustedProxyHops};
use crate::pool::Db;
use crate::routes::{FrontendConfig, StaticFiles};

/// How long requests in flight may take to finish after SIGTERM. Behind the load balancer,
/// SIGTERM comes after the target has drained, so only idle keep-alive connections are left
/// to wait for; the slowest request (a password hash) takes well under a second.
const SHUTDOWN_GRACE_SECONDS: u32 = 5;

/// Seconds an idle database connection is kept before it is closed.
const IDLE_CONNECTION_SECONDS: u64 = 300;

/// How often rate limiters forget clients that are back to a full allowance, and the pool
/// closes connections idle for longer than [`IDLE_CONNECTION_SECONDS`].
const UPKEEP_INTERVAL: Duration = Duration::from_mins(1);

/// The release as Sentry and the web app name it: `tozo@<version>`, with `+<commit>` when the
/// build was given `TOZO_GIT_COMMIT`.
pub const RELEASE: &str = telemetry::RELEASE;

/// Builds the server from checked settings: configuration, state, fairings, routes, catchers.
///
/// # Panics
/// Never: the state the fairings read is managed here, before they run.
#[must_use]
pub fn build(checked: &CheckedSettings) -> Rocket<Build> {
    let settings = &checked.settings;
    let cookie_key =
        base64::engine::general_purpose::STANDARD.encode(checked.secret.derive("tozo cookies"));
    let database = rocket_db_pools::Config {
        url: checked.database_url.to_string(),
        min_connections: None,
        max_connections: settings.database_pool_size.try_into().unwrap_or(usize::MAX),
        connect_timeout: settings.database_timeout,
        idle_timeout: Some(IDLE_CONNECTION_SECONDS),
        extensions: None,
    };
    let figment = Figment::from(rocket::Config::default())
        .merge(("address", settings.address))
        .merge(("port", settings.port))
        .merge(("keep_alive", settings.keep_alive))
        .merge((
            "limits",
            Limits::default().limit("json", settings.body_limit),
        ))
        .merge(("secret_key", cookie_key))
        .merge(("ip_header", false))
        .merge(("log_level", LogLevel::Off))
        .merge(("cli_colors", false))
        .merge(("shutdown.grace", SHUTDOWN_GRACE_SECONDS))
        .merge(("shutdown.mercy", 2))
        .merge(("databases.tozo", database));

    let options = TozoOptions {
        base_url: settings.base_url.clone(),
        secret: checked.secret.clone(),
        mailer: match &settings.postmark_token {
            Some(token) => Mailer::postmark(token, &settings.postmark_url, &settings.email_from),
            None => Mailer::Log,
        },
        hasher: PasswordHasher::for_this_machine(),
        query_timeout: Duration::from_secs(settings.database_timeout),
    };
    let frontend_config = FrontendConfig {
        sentry_dsn: settings.frontend_sentry_dsn.clone(),
        environment: settings.environment.clone(),
        release: RELEASE.to_owned(),
        traces_sample_rate: settings.sentry_traces_sample_rate,
    };
    let report_origin = settings.frontend_sentry_dsn.as_deref().and_then(dsn_origin);

    rocket::custom(figment)
        .manage(StaticFiles {
            dir: settings.static_dir.clone(),
        })
        .manage(TrustedProxyHops(settings.trusted_proxy_hops))
        .manage(SessionCookies {
            secure: settings.auth_cookie_secure,
            same_site: settings.auth_cookie_samesite,
        })
        .manage(RateLimits::new(settings.rate_limit_factor))
        .manage(frontend_config)
        .attach(Db::init())
        .attach(AdHoc::try_on_ignite("Migrations", |rocket| async move {
            let Some(db) = Db::fetch(&rocket) else {
                return Err(rocket);
            };
            let pool = db.0.clone();
            match tozo_core::migrate(&pool).await {
                Ok(()) => Ok(rocket.manage(Tozo::new(pool, options))),
                Err(error) => {
                    tracing::error!(error = %error::error_chain(&error), "migrations failed");
                    Err(rocket)
                }
            }
        }))
        .attach(SentryReporting)
        .attach(RequestLog)
        .attach(SecurityHeaders::new(
            report_origin.as_deref(),
            settings.auth_cookie_secure,
        ))
        .attach(AdHoc::on_liftoff("Upkeep", |rocket| {
            Box::pin(async move {
                let limits = rocket.state::<RateLimits>().expect("managed").clone();
                let database = rocket.state::<Tozo>().map(|tozo| tozo.database().clone());
                rocket::tokio::spawn(async move {
                    let mut interval = rocket::tokio::time::interval(UPKEEP_INTERVAL);
                    loop {
                        interval.tick().await;
                        limits.forget_idle_clients();
                        if let Some(database) = &database {
                            database.close_idle();
                        }
                    }
                });
            })
        }))
        .mount("/", routes::all())
        .register("/", catchers::all())
}

/// `https://host[:port]` of a Sentry DSN: where the browser sends its reports.
fn dsn_origin(dsn: &str) -> Option<String> {
    let url = url::Url::parse(dsn).ok()?;
    Some(url.origin().ascii_serialization())
}
