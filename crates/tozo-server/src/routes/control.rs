use rocket::serde::json::Json;
use rocket::{Route, State, get, routes};
use serde::Serialize;

pub fn routes() -> Vec<Route> {
    routes![ping, config]
}

#[derive(Serialize)]
struct Pong {
    ping: &'static str,
}

/// Liveness for load balancers and `tozo healthcheck`: it never touches the database, so a
/// database outage does not make every instance look dead and get replaced.
#[get("/control/ping")]
fn ping() -> Json<Pong> {
    Json(Pong { ping: "pong" })
}

/// What the web app needs to know at run time, so that one built image serves every
/// environment.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FrontendConfig {
    /// The browser's Sentry DSN, if it should report errors.
    pub sentry_dsn: Option<String>,
    /// The deployment's name.
    pub environment: String,
    /// The release, the same as the server reports.
    pub release: String,
    /// Share of page loads traced.
    pub traces_sample_rate: f32,
}

#[get("/control/config")]
fn config(config: &State<FrontendConfig>) -> Json<FrontendConfig> {
    Json(config.inner().clone())
}
