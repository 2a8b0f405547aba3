//! Sentry, as the running binary reports to it: one event per failed request and none for
//! the caller's mistakes, outages reported once, traces named by route, every report sent
//! before the process exits, and log lines that lead to the events.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::postmark::PostmarkBehaviour;
use crate::support::sentry::SentryStandIn;
use crate::support::server::free_port;
use crate::support::wait::{RECOVERY_WAIT, poll_until};
use crate::support::{ApiClient, TestApp};

/// The error events the stand-in received, transactions and other items left out.
fn events(sentry: &SentryStandIn) -> Vec<Value> {
    sentry
        .items()
        .into_iter()
        .filter(|item| item.kind == "event")
        .map(|item| item.payload)
        .collect()
}

/// An event's id as logs print it: 32 hex digits.
fn event_id(event: &Value) -> String {
    event["event_id"]
        .as_str()
        .expect("an event has an id")
        .replace('-', "")
}

/// The JSON log entries on the server's stdout.
fn log_entries(app: &TestApp) -> Vec<Value> {
    app.stdout()
        .lines()
        .filter_map(|line| serde_json::from_str(line).ok())
        .collect()
}

/// Asks for a to-do of a logged-in member while the database is cut off: a 500 whose cause
/// is the database. Returns the request id the server gave it.
async fn fail_on_the_database(client: &ApiClient) -> String {
    let response = client.get("/todos/1/").await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    response
        .headers()
        .get("x-request-id")
        .and_then(|value| value.to_str().ok())
        .expect("every answer has a request id")
        .to_owned()
}

#[tokio::test]
async fn a_server_error_just_before_sigterm_reaches_sentry_as_one_event_naming_its_route() {
    let mut app = TestApp::builder()
        .with_sentry()
        .database_through_proxy()
        .env("TOZO_LOG_FORMAT", "json")
        .spawn()
        .await;
    let (member, client) = app.logged_in_member().await;
    let cookie = client.session_cookie().expect("a session cookie");
    let cookie_value = cookie.split_once('=').expect("name=value").1.to_owned();

    app.proxy().cut();
    let request_id = fail_on_the_database(&client).await;
    assert!(app.stop().await.success(), "{}", app.server.logs());

    let events = events(app.sentry());
    assert_eq!(
        events.len(),
        1,
        "one event for one failed request: {events:#?}"
    );
    let event = &events[0];
    assert_eq!(event["transaction"], "GET /todos/<id>");
    assert_eq!(event["environment"], "test");
    assert_eq!(event["release"], tozo_server::RELEASE);
    let tags = &event["tags"];
    assert_eq!(tags["route"], "/todos/<id>");
    assert_eq!(tags["method"], "GET");
    assert_eq!(tags["status"], "500");
    assert_eq!(tags["request_id"], request_id.as_str());
    let cause = event["exception"]["values"][0]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(
        cause.contains("the database failed"),
        "the cause is reported: {event:#}"
    );
    assert!(event["request"].get("cookies").is_none(), "{event:#}");
    assert!(event["request"].get("headers").is_none(), "{event:#}");
    assert!(event.get("user").is_none(), "{event:#}");
    for envelope in app.sentry().raw_envelopes() {
        for personal in [&member.email, &member.password, &cookie_value] {
            assert!(
                !envelope.contains(personal.as_str()),
                "Sentry got {personal}"
            );
        }
    }

    // The request line and the error line lead to the event.
    let id = event_id(event);
    let entries = log_entries(&app);
    let of_request: Vec<&Value> = entries
        .iter()
        .filter(|entry| entry["request_id"] == request_id.as_str())
        .collect();
    let request_line = of_request
        .iter()
        .find(|entry| entry["message"] == "request")
        .expect("the request has its line");
    assert_eq!(request_line["sentry_event_id"], id.as_str());
    let error_line = of_request
        .iter()
        .find(|entry| entry["level"] == "ERROR")
        .unwrap_or_else(|| panic!("the failure has an error line: {of_request:#?}"));
    assert_eq!(error_line["sentry_event_id"], id.as_str());
}

#[tokio::test]
async fn client_errors_send_no_event() {
    let mut app = TestApp::builder().with_sentry().spawn().await;
    let (_, client) = app.logged_in_member().await;

    let answers = [
        app.api.get("/todos/").await.status(),
        app.api.get("/no-such-route/").await.status(),
        client.get("/todos/999999999/").await.status(),
        client
            .post("/todos/", &json!({ "task": "" }))
            .await
            .status(),
        client.delete("/control/ping/").await.status(),
    ];
    assert!(app.stop().await.success(), "{}", app.server.logs());

    for status in answers {
        assert!(status.is_client_error(), "{status} is a client error");
    }
    assert_eq!(events(app.sentry()), Vec::<Value>::new());
}

#[tokio::test]
async fn requests_are_traced_under_their_route_template() {
    let app = TestApp::builder()
        .with_sentry()
        .env("TOZO_SENTRY_TRACES_SAMPLE_RATE", "1")
        .spawn()
        .await;
    let (_, client) = app.logged_in_member().await;
    let todo = client.add_todo("Traced", None, false).await;
    let concrete_path = format!("/todos/{}/", todo["id"]);

    assert_eq!(client.get(&concrete_path).await.status(), StatusCode::OK);
    assert_eq!(
        app.api.get("/no-such-route/").await.status(),
        StatusCode::NOT_FOUND
    );

    let traced = app
        .sentry()
        .wait_for_item("transaction", |item| {
            item.payload["transaction"] == "GET /todos/<id>"
        })
        .await;
    assert_eq!(traced.payload["contexts"]["trace"]["op"], "http.server");
    assert_eq!(traced.payload["contexts"]["trace"]["status"], "ok");
    app.sentry()
        .wait_for_item("transaction", |item| {
            item.payload["contexts"]["trace"]["status"] == "not_found"
        })
        .await;
    for item in app.sentry().items() {
        let name = item.payload["transaction"].as_str().unwrap_or_default();
        assert!(!name.contains("no-such-route"), "named by a path: {name}");
        let concrete = concrete_path.trim_end_matches('/');
        assert!(!name.contains(concrete), "named by a path: {name}");
    }
}

#[tokio::test]
async fn a_database_outage_is_reported_once_until_the_database_answers_again() {
    let mut app = TestApp::builder()
        .with_sentry()
        .database_through_proxy()
        .spawn()
        .await;
    let (_, client) = app.logged_in_member().await;

    app.proxy().cut();
    for _ in 0..3 {
        fail_on_the_database(&client).await;
    }
    app.proxy().restore();
    let answered = poll_until(RECOVERY_WAIT, || {
        app.stdout()
            .contains("the database answers again")
            .then_some(())
    })
    .await;
    assert!(
        answered.is_some(),
        "the outage ended:\n{}",
        app.server.logs()
    );
    app.proxy().cut();
    fail_on_the_database(&client).await;
    assert!(app.stop().await.success(), "{}", app.server.logs());

    let events = events(app.sentry());
    assert_eq!(events.len(), 2, "one event per outage: {events:#?}");
}

#[tokio::test]
async fn email_failures_are_reported_once_until_an_email_goes_through() {
    let mut app = TestApp::builder().with_sentry().spawn().await;
    app.postmark.behave(PostmarkBehaviour::FailWithServerError);
    let first = app.register_member().await;
    app.postmark.wait_for_attempts(1).await;
    app.register_member().await;
    app.postmark.wait_for_attempts(2).await;

    app.postmark.behave(PostmarkBehaviour::Accept);
    app.register_member().await;
    app.postmark.wait_for_attempts(3).await;
    app.postmark
        .behave(PostmarkBehaviour::RejectAsInactiveRecipient);
    app.register_member().await;
    app.postmark.wait_for_attempts(4).await;
    assert!(app.stop().await.success(), "{}", app.server.logs());

    let events = events(app.sentry());
    assert_eq!(events.len(), 2, "two runs of failures: {events:#?}");
    for event in &events {
        assert_eq!(event["message"], "email could not be sent");
        assert_eq!(event["extra"]["subject"], "Welcome to Tozo");
    }
    for envelope in app.sentry().raw_envelopes() {
        assert!(
            !envelope.contains(&first.email),
            "Sentry got an email address"
        );
    }
}

#[tokio::test]
async fn a_failed_start_is_reported_before_the_process_exits() {
    let sentry = SentryStandIn::start().await;
    let nothing_listens = free_port();

    let finished = TestApp::builder()
        .env("SENTRY_DSN", &sentry.dsn())
        .env(
            "TOZO_DATABASE_URL",
            &format!("postgres://postgres@127.0.0.1:{nothing_listens}/tozo"),
        )
        .env("TOZO_DATABASE_TIMEOUT", "1")
        .env("TOZO_LOG_FORMAT", "json")
        .spawn_expecting_failure()
        .await;

    assert!(!finished.status.success());
    let events = events(&sentry);
    assert_eq!(events.len(), 1, "one event for one failure: {events:#?}");
    assert_eq!(events[0]["message"], "migrations failed");
    let stopped = finished
        .stdout
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .find(|entry| entry["message"] == "the server could not start")
        .unwrap_or_else(|| panic!("the failure is logged:\n{}", finished.output()));
    assert_eq!(stopped["sentry_event_id"], event_id(&events[0]).as_str());
}

#[tokio::test]
async fn a_bad_sentry_dsn_stops_the_start_with_one_line_naming_it() {
    let finished = TestApp::builder()
        .env("SENTRY_DSN", "sentry.example.invalid/not-a-dsn")
        .spawn_expecting_failure()
        .await;

    assert!(!finished.status.success());
    let output = finished.output();
    let lines: Vec<&str> = output
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    assert_eq!(lines.len(), 1, "one line: {output}");
    assert!(lines[0].contains("SENTRY_DSN"), "{output}");
}
