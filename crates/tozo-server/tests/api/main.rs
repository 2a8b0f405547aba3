//! Tozo's HTTP API, tested end to end: each test starts the real `tozo` binary on its own
//! port with its own database, and talks to it over HTTP.

mod support;

mod configuration;
mod email_confirmation;
mod errors;
mod lifecycle;
mod members;
mod monitoring;
mod navigation;
mod outages;
mod passwords;
mod rate_limits;
mod sentry;
mod sessions;
mod todos;
