//! Logs: `tracing` to stdout, as text for a terminal or JSON for CloudWatch.

use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;

/// Libraries are turned down to warnings; `RUST_LOG` overrides the whole filter.
const DEFAULT_FILTER: &str = "info,sqlx=warn,hyper=warn,rocket=warn,reqwest=warn";

/// Installs the global subscriber. Call once, before anything logs.
pub fn init_logging(format: LogFormat) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stdout);
    match format {
        LogFormat::Text => builder.with_target(false).init(),
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(false)
            .init(),
    }
}
