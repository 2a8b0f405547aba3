//! Panics and Sentry, on a server built in this process by `tozo_server::build` with one more
//! route, mounted here, that panics: the product has no such route.
//!
//! These tests have a binary of their own because the Sentry client and the panic hook belong
//! to the whole process. In the `api` binary, any other test's failed assertion is a panic
//! that would reach this stand-in, and two tests here would share one client: they take turns.

// The stand-ins and the database helper are the `api` binary's; this binary uses part of them.
#[allow(dead_code)]
#[path = "../api/support/database.rs"]
mod database;
#[allow(dead_code)]
#[path = "../api/support/sentry.rs"]
mod sentry_stand_in;
#[allow(dead_code)]
#[path = "../api/support/stand_in.rs"]
mod stand_in;
#[allow(dead_code)]
#[path = "../api/support/wait.rs"]
mod wait;

use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use figment::Figment;
use reqwest::StatusCode;
use rocket::fairing::AdHoc;
use rocket::tokio::sync::oneshot;
use serde_json::Value;
use tokio::sync::Mutex;
use tozo_server::config::Settings;
use tozo_server::telemetry::{self, SentryGuard};

use crate::database::TestDatabase;
use crate::sentry_stand_in::SentryStandIn;

/// One test at a time holds the process's Sentry client.
static SENTRY_CLIENT: Mutex<()> = Mutex::const_new(());

const SESSION_COOKIE: &str = "tozo_session=a-session-cookie-that-must-stay-here";
const AUTHORIZATION: &str = "Bearer a-credential-that-must-stay-here";

#[rocket::get("/exploding/<id>")]
fn exploding(id: u32) -> &'static str {
    panic!("the exploding route blew up on {id}")
}

/// A Tozo server running in this process, reporting to `sentry`.
struct InProcessServer {
    base_url: String,
    shutdown: rocket::Shutdown,
    served: rocket::tokio::task::JoinHandle<()>,
    sentry: SentryGuard,
    _database: TestDatabase,
}

impl InProcessServer {
    async fn start(sentry: &SentryStandIn) -> Self {
        let database = TestDatabase::create().await;
        let figment = Figment::new()
            .merge(("port", 0))
            .merge(("database_url", database.url_through(database.port(), None)))
            .merge(("secret_key", BASE64.encode(rand::random::<[u8; 32]>())))
            .merge(("auth_cookie_secure", false))
            .merge(("sentry_dsn", sentry.dsn()))
            .merge(("sentry_traces_sample_rate", 1.0))
            .merge(("environment", "test"));
        let checked = Settings::from_figment(&figment).expect("the settings are valid");
        let guard = telemetry::init_sentry(&checked.settings).expect("a DSN gives a client");

        let (port_sender, port) = oneshot::channel();
        let rocket = tozo_server::build(&checked)
            .mount("/", rocket::routes![exploding])
            .attach(AdHoc::on_liftoff("Port for the test", move |rocket| {
                let port = rocket.config().port;
                Box::pin(async move {
                    let _ = port_sender.send(port);
                })
            }))
            .ignite()
            .await
            .expect("the server ignites");
        let shutdown = rocket.shutdown();
        let served = rocket::tokio::spawn(async move {
            if let Err(error) = rocket.launch().await {
                panic!("the server stopped: {error}");
            }
        });
        let port = port.await.expect("the server lifts off");

        Self {
            base_url: format!("http://127.0.0.1:{port}"),
            shutdown,
            served,
            sentry: guard,
            _database: database,
        }
    }

    /// Stops serving and sends what Sentry still has queued.
    async fn stop(self) {
        self.shutdown.notify();
        self.served.await.expect("the server stops");
        assert!(self.sentry.flush(), "every report was sent");
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(30))
        .build()
        .expect("an HTTP client builds")
}

fn items_of_kind(sentry: &SentryStandIn, kind: &str) -> Vec<Value> {
    sentry
        .items()
        .into_iter()
        .filter(|item| item.kind == kind)
        .map(|item| item.payload)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panicking_route_gives_one_event_with_its_route_and_no_cookie() {
    let _turn = SENTRY_CLIENT.lock().await;
    let sentry = SentryStandIn::start().await;
    let server = InProcessServer::start(&sentry).await;

    let response = client()
        .get(format!(
            "{}/exploding/7?email=ada%40example.com",
            server.base_url
        ))
        .header("Cookie", SESSION_COOKIE)
        .header("Authorization", AUTHORIZATION)
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let body: Value = response.json().await.expect("a JSON error");
    assert_eq!(body["code"], "INTERNAL_SERVER_ERROR");
    server.stop().await;

    let events = items_of_kind(&sentry, "event");
    assert_eq!(events.len(), 1, "one event for one panic: {events:#?}");
    let event = &events[0];
    assert_eq!(event["transaction"], "GET /exploding/<id>");
    assert_eq!(event["tags"]["route"], "/exploding/<id>");
    assert_eq!(event["tags"]["status"], "500");
    let exception = &event["exception"]["values"][0];
    assert_eq!(exception["type"], "panic");
    assert_eq!(exception["value"], "the exploding route blew up on 7");
    assert!(
        exception["stacktrace"]["frames"]
            .as_array()
            .is_some_and(|frames| !frames.is_empty()),
        "the panic's stack is reported: {event:#}"
    );
    let traced = items_of_kind(&sentry, "transaction");
    assert!(
        traced
            .iter()
            .any(|item| item["transaction"] == "GET /exploding/<id>"),
        "the request is traced by its route: {traced:#?}"
    );
    for envelope in sentry.raw_envelopes() {
        for personal in ["must-stay-here", "ada@example.com", "ada%40example.com"] {
            assert!(
                !envelope.contains(personal),
                "Sentry got {personal}: {envelope}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panic_outside_any_request_is_an_event_of_its_own() {
    let _turn = SENTRY_CLIENT.lock().await;
    let sentry = SentryStandIn::start().await;
    let server = InProcessServer::start(&sentry).await;

    let task = rocket::tokio::spawn(async { panic!("a background task gave up") });
    assert!(task.await.is_err_and(|error| error.is_panic()));
    server.stop().await;

    let events = items_of_kind(&sentry, "event");
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(
        events[0]["exception"]["values"][0]["value"],
        "a background task gave up"
    );
    assert!(events[0].get("transaction").is_none(), "{:#}", events[0]);
}
