//! What operators see: one log line per request, JSON logs for CloudWatch, no secrets in
//! logs, and server faults and traces in Sentry without personal data.

use reqwest::StatusCode;
use serde_json::Value;

use crate::support::wait::{EMAIL_WAIT, poll_until};
use crate::support::{TestApp, expect_empty_object, expect_json, strong_password};

/// Requests a path no other request uses, and returns it.
async fn request_unique_path(app: &TestApp) -> String {
    let path = format!("/no-such-route-{}/", uuid::Uuid::new_v4().simple());
    let response = app.api.get(&path).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    path
}

/// Waits for the stdout line that mentions every one of `parts`.
async fn wait_for_log_line(app: &TestApp, parts: &[&str]) -> String {
    poll_until(EMAIL_WAIT, || {
        app.stdout()
            .lines()
            .find(|line| parts.iter().all(|part| line.contains(part)))
            .map(str::to_owned)
    })
    .await
    .unwrap_or_else(|| {
        panic!(
            "no stdout line mentions all of {parts:?}:\n{}",
            app.server.logs()
        )
    })
}

/// The stdout lines that mention the request id the server gave `response`.
fn lines_of_request(app: &TestApp, response: &reqwest::Response) -> Vec<String> {
    let id = response
        .headers()
        .get("x-request-id")
        .and_then(|value| value.to_str().ok())
        .expect("the answer names its request id");
    app.stdout()
        .lines()
        .filter(|line| line.contains(id))
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn every_request_is_logged_on_one_line() {
    let app = TestApp::builder()
        .env("TOZO_LOG_FORMAT", "text")
        .spawn()
        .await;

    let path = request_unique_path(&app).await;

    wait_for_log_line(&app, &[&path, "GET", "404", "127.0.0.1"]).await;
}

#[tokio::test]
async fn json_logs_hold_one_object_per_line() {
    let app = TestApp::builder()
        .env("TOZO_LOG_FORMAT", "json")
        .spawn()
        .await;
    app.register_member().await;

    let path = request_unique_path(&app).await;

    let line = wait_for_log_line(&app, &[&path, "GET", "404", "127.0.0.1"]).await;
    let entry: Value = serde_json::from_str(&line).expect("the request line is JSON");
    assert!(entry.is_object());
    for line in app.stdout().lines().filter(|line| !line.trim().is_empty()) {
        let parsed: Result<Value, _> = serde_json::from_str(line);
        assert!(
            parsed.as_ref().is_ok_and(Value::is_object),
            "every stdout line is a JSON object: {line}"
        );
    }
}

#[tokio::test]
async fn a_successful_request_logs_exactly_one_line() {
    let app = TestApp::builder()
        .env("TOZO_LOG_FORMAT", "json")
        .spawn()
        .await;
    let (_, client) = app.logged_in_member().await;

    let response = client.get("/todos/").await;
    assert_eq!(response.status(), StatusCode::OK);

    let id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    wait_for_log_line(&app, &[&id, "/todos/"]).await;
    let lines = lines_of_request(&app, &response);
    assert_eq!(lines.len(), 1, "one line for a plain request: {lines:#?}");
}

#[tokio::test]
async fn a_client_mistake_is_not_logged_as_an_error() {
    let app = TestApp::builder()
        .env("TOZO_LOG_FORMAT", "json")
        .spawn()
        .await;

    let response = app.api.get("/no/such/route/").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    let id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    wait_for_log_line(&app, &[&id, "404"]).await;
    for line in lines_of_request(&app, &response) {
        let entry: Value = serde_json::from_str(&line).expect("JSON log lines");
        assert_ne!(
            entry["level"], "ERROR",
            "a 404 is the caller's mistake: {line}"
        );
    }
}

#[tokio::test]
async fn passwords_tokens_and_session_cookies_never_reach_the_logs() {
    let app = TestApp::spawn().await;
    let (member, client) = app.logged_in_member().await;
    let cookie = client.session_cookie().expect("a session cookie");
    let cookie_value = cookie.split_once('=').expect("name=value").1.to_owned();
    let confirmation = app.confirmation_token(&member).await;
    expect_empty_object(app.api.confirm_email(&confirmation).await, StatusCode::OK).await;
    let changed_password = strong_password();
    let changed = client
        .change_password(&member.password, &changed_password)
        .await;
    expect_empty_object(changed, StatusCode::OK).await;
    let reset = app.reset_token(&member, 0).await;
    let reset_password = strong_password();
    let response = app.api.reset_password(&reset, &reset_password).await;
    expect_empty_object(response, StatusCode::OK).await;
    let wrong = app
        .api
        .login(&member.email, "a-wrong-password-for-the-logs")
        .await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);

    let logs = app.server.logs();
    for secret in [
        member.password.as_str(),
        changed_password.as_str(),
        reset_password.as_str(),
        "a-wrong-password-for-the-logs",
        &cookie_value,
        &confirmation,
        &reset,
        app.postmark.token(),
        &app.env["TOZO_SECRET_KEY"],
    ] {
        assert!(!logs.contains(secret), "the logs hold a secret: {secret}");
    }
}

#[tokio::test]
async fn server_faults_reach_sentry_before_exit_without_personal_data() {
    let mut app = TestApp::builder()
        .with_sentry()
        .database_through_proxy()
        .spawn()
        .await;
    let (member, client) = app.logged_in_member().await;
    let cookie = client.session_cookie().expect("a session cookie");
    let cookie_value = cookie.split_once('=').expect("name=value").1.to_owned();

    app.proxy().cut();
    let response = client.get("/todos/").await;
    assert!(response.status().is_server_error(), "{}", response.status());
    assert!(app.stop().await.success());

    app.sentry().wait_for_item("event", |_| true).await;
    for envelope in app.sentry().raw_envelopes() {
        for personal in [&member.email, &member.password, &cookie_value] {
            assert!(
                !envelope.contains(personal.as_str()),
                "Sentry got {personal}"
            );
        }
    }
}

#[tokio::test]
async fn requests_are_traced_under_their_route_name() {
    let app = TestApp::builder()
        .with_sentry()
        .env("TOZO_SENTRY_TRACES_SAMPLE_RATE", "1.0")
        .spawn()
        .await;
    let (member, client) = app.logged_in_member().await;
    let todo = client.add_todo("Traced", None, false).await;
    let concrete_path = format!("/todos/{}/", todo["id"]);
    expect_json(client.get(&concrete_path).await, StatusCode::OK).await;

    let transaction = app
        .sentry()
        .wait_for_item("transaction", |item| {
            item.payload["transaction"]
                .as_str()
                .is_some_and(|name| name.starts_with("GET") && name.contains("/todos/"))
                && item.payload["transaction"] != "GET /todos/"
        })
        .await;

    let name = transaction.payload["transaction"]
        .as_str()
        .unwrap_or_default();
    assert!(
        !name.contains(&concrete_path),
        "named by route, not by URL: {name}"
    );
    for envelope in app.sentry().raw_envelopes() {
        assert!(
            !envelope.contains(&member.email),
            "Sentry got the member's email"
        );
        assert!(
            !envelope.contains(&member.password),
            "Sentry got the password"
        );
    }
}
