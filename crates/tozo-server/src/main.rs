//! `tozo`: serve the app, migrate its database, or check that it answers.

use std::net::IpAddr;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use sqlx::postgres::PgConnectOptions;
use tozo_core::{Database, DatabaseOptions, Tozo};
use tozo_server::config::{CheckedSettings, Settings};
use tozo_server::error::error_chain;
use tozo_server::telemetry;

/// mimalloc instead of glibc's allocator: glibc keeps the 19 MiB of every argon2 hash in the
/// arena of the thread that ran it, so memory grew with the threads that had hashed (255 MB
/// after logins, against 57 MB), and mimalloc's allocations are cheaper per request.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// How long `tozo healthcheck` waits for an answer.
const HEALTHCHECK_TIMEOUT: Duration = Duration::from_secs(3);

/// How long a stopping server waits for emails still being sent.
const DELIVERY_GRACE: Duration = Duration::from_secs(10);

/// Tozo, the to-do list. Configured by TOZO_ environment variables (see the README).
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Apply pending migrations, then serve the app and its API (the default).
    Serve,
    /// Apply pending migrations and exit.
    Migrate,
    /// Exit 0 when the server on this machine answers its ping; for container health checks.
    Healthcheck,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Serve);
    if let Command::Healthcheck = command {
        return rocket::execute(healthcheck());
    }

    let checked = match Settings::load() {
        Ok(checked) => checked,
        Err(error) => {
            eprintln!("tozo: invalid configuration: {error}");
            return ExitCode::from(2);
        }
    };
    telemetry::init_logging(checked.settings.log_format);
    if checked.secret_is_ephemeral {
        tracing::warn!(
            "TOZO_SECRET_KEY is not set: using a random key, so sessions and emailed links \
             stop working when the server restarts"
        );
    }

    let sentry = telemetry::init_sentry(&checked.settings);
    let code = match command {
        Command::Serve => rocket::execute(serve(checked)),
        Command::Migrate => rocket::execute(migrate(checked)),
        Command::Healthcheck => unreachable!("handled above"),
    };
    // Sends what is still queued, after a stop on SIGTERM as after a failed start.
    drop(sentry);
    code
}

async fn serve(checked: CheckedSettings) -> ExitCode {
    // Relative to where the server starts: run from elsewhere, the web app is easily missed.
    let web_app = checked.settings.static_dir.join("index.html");
    if !web_app.is_file() {
        tracing::warn!(
            path = %web_app.display(),
            "the web app is not there (TOZO_STATIC_DIR): only the API will answer"
        );
    }

    let rocket = match tozo_server::build(&checked).ignite().await {
        Ok(rocket) => rocket,
        Err(error) => {
            // A failing start-up step has logged, and reported, its own cause already.
            let cause_reported =
                matches!(error.kind(), rocket::error::ErrorKind::FailedFairings(_));
            if let Some(id) = telemetry::last_event_id().filter(|_| cause_reported) {
                tracing::error!(%error, sentry_event_id = %id, "the server could not start");
            } else {
                tracing::error!(%error, "the server could not start");
            }
            return ExitCode::FAILURE;
        }
    };
    let tozo = rocket.state::<Tozo>().cloned();
    let config = rocket.config();
    tracing::info!(address = %config.address, port = config.port, "serving");

    let result = rocket.launch().await;
    if let Some(tozo) = &tozo {
        tozo.database().close();
    }
    if let Some(tozo) = tozo
        && !tozo.finish_deliveries(DELIVERY_GRACE).await
    {
        tracing::error!("stopped with emails still being sent");
    }
    match result {
        Ok(_) => {
            tracing::info!("stopped");
            ExitCode::SUCCESS
        }
        Err(error) => {
            tracing::error!(error = %error, "the server failed");
            ExitCode::FAILURE
        }
    }
}

async fn migrate(checked: CheckedSettings) -> ExitCode {
    let timeout = Duration::from_secs(checked.settings.database_timeout);
    let connect = checked.database_url.as_str().parse::<PgConnectOptions>();
    let result = match connect {
        Ok(connect) => {
            let database = Database::new(DatabaseOptions {
                connect,
                max_connections: 1,
                acquire_timeout: timeout,
                idle_timeout: timeout,
                max_lifetime: timeout,
            });
            tozo_core::migrate(&database)
                .await
                .map_err(|error| error_chain(&error))
        }
        Err(error) => Err(error_chain(&error)),
    };
    match result {
        Ok(()) => {
            tracing::info!("the database is up to date");
            ExitCode::SUCCESS
        }
        Err(error) => {
            tracing::error!(%error, "migrations failed");
            ExitCode::FAILURE
        }
    }
}

/// Reads only where the server listens, so that a check never fails on unrelated settings.
async fn healthcheck() -> ExitCode {
    let figment = Settings::figment();
    let port: u16 = figment.extract_inner("port").unwrap_or(8080);
    let address: IpAddr = figment
        .extract_inner("address")
        .unwrap_or(IpAddr::from([127, 0, 0, 1]));
    let address = if address.is_unspecified() {
        IpAddr::from([127, 0, 0, 1])
    } else {
        address
    };
    let host = match address {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => format!("[{v6}]"),
    };

    let client = reqwest::Client::builder()
        .timeout(HEALTHCHECK_TIMEOUT)
        .build();
    let answer = match client {
        Ok(client) => {
            client
                .get(format!("http://{host}:{port}/control/ping/"))
                .send()
                .await
        }
        Err(error) => Err(error),
    };
    match answer {
        Ok(response) if response.status().is_success() => ExitCode::SUCCESS,
        Ok(response) => {
            eprintln!("tozo: ping answered {}", response.status());
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("tozo: ping failed: {}", error_chain(&error));
            ExitCode::FAILURE
        }
    }
}
