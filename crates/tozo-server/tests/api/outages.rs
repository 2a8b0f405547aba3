//! Dependencies that fail: the database going away or stalling, and Postmark failing.
//! The server answers quickly with a JSON 5xx, keeps answering ping, and recovers by
//! itself; a failed email never fails the member's request.

use std::time::Duration;

use reqwest::{Response, StatusCode};

use crate::support::http::assert_error_shape;
use crate::support::postmark::PostmarkBehaviour;
use crate::support::server::free_port;
use crate::support::wait::{EMAIL_WAIT, RECOVERY_WAIT, poll_until, poll_until_async};
use crate::support::{ApiClient, TestApp, expect_empty_object, expect_json, unique_email};

/// Longer than a sensible pool timeout, far shorter than a hung connection: an answer that
/// takes this long is a hang.
const HANG: Duration = Duration::from_secs(20);

async fn send_bounded(client: &ApiClient, method: reqwest::Method, path: &str) -> Response {
    client
        .request(method, path)
        .timeout(HANG)
        .send()
        .await
        .unwrap_or_else(|error| panic!("{path} was answered during the outage: {error:?}"))
}

/// Asserts a JSON 5xx, not a 401 that would log the person out.
async fn assert_server_error(response: Response) {
    let status = response.status();
    let url = response.url().clone();
    let body = response.bytes().await.unwrap();
    assert!(
        status.is_server_error(),
        "{url} answered {status} during the outage: {}",
        String::from_utf8_lossy(&body)
    );
    assert_error_shape(&body);
}

async fn assert_outage_handled(app: &TestApp, client: &ApiClient) {
    for path in ["/todos/", "/sessions/"] {
        assert_server_error(send_bounded(client, reqwest::Method::GET, path).await).await;
    }
    let create = client
        .request(reqwest::Method::POST, "/todos/")
        .timeout(HANG)
        .json(&serde_json::json!({ "task": "During", "due": null, "complete": false }))
        .send()
        .await
        .expect("creating a todo was answered during the outage");
    assert_server_error(create).await;

    let ping = send_bounded(&app.api, reqwest::Method::GET, "/control/ping/").await;
    assert_eq!(
        ping.status(),
        StatusCode::OK,
        "ping does not need the database"
    );
}

async fn assert_recovers(client: &ApiClient, todo: &serde_json::Value) {
    let recovered = poll_until_async(RECOVERY_WAIT, || async {
        let response = client
            .request(reqwest::Method::GET, "/todos/")
            .timeout(HANG)
            .send()
            .await
            .ok()?;
        (response.status() == StatusCode::OK).then_some(response)
    })
    .await
    .unwrap_or_else(|| panic!("the server recovered within {RECOVERY_WAIT:?}"));
    let list = expect_json(recovered, StatusCode::OK).await;
    assert_eq!(list["todos"], serde_json::json!([todo]));
}

#[tokio::test]
async fn a_database_that_goes_away_gives_quick_json_server_errors_and_recovers() {
    let app = TestApp::builder().database_through_proxy().spawn().await;
    let (_, client) = app.logged_in_member().await;
    let todo = client.add_todo("Survive the outage", None, false).await;

    app.proxy().cut();
    assert_outage_handled(&app, &client).await;

    app.proxy().restore();
    assert_recovers(&client, &todo).await;
}

#[tokio::test]
async fn a_database_that_stops_answering_gives_quick_json_server_errors_and_recovers() {
    let app = TestApp::builder().database_through_proxy().spawn().await;
    let (_, client) = app.logged_in_member().await;
    let todo = client.add_todo("Survive the stall", None, false).await;

    app.proxy().stall();
    assert_outage_handled(&app, &client).await;

    app.proxy().restore();
    assert_recovers(&client, &todo).await;
}

#[tokio::test]
async fn healthcheck_passes_while_the_database_is_away() {
    let app = TestApp::builder().database_through_proxy().spawn().await;

    app.proxy().cut();
    let finished = app.run(&["healthcheck"]).await;

    assert!(finished.status.success(), "{}", finished.output());
}

#[tokio::test]
async fn a_postmark_outage_does_not_fail_registration_or_login() {
    let app = TestApp::spawn().await;
    app.postmark.behave(PostmarkBehaviour::FailWithServerError);

    let member = app.register_member().await;
    app.postmark.wait_for_attempts(1).await;

    assert!(app.can_log_in(&member.email, &member.password).await);
    let forgot = app.api.forgot_password(&member.email).await;
    expect_empty_object(forgot, StatusCode::OK).await;
    app.postmark.wait_for_attempts(2).await;

    // Once Postmark is back, emails flow again.
    app.postmark.behave(PostmarkBehaviour::Accept);
    let later = app.register_member().await;
    app.confirmation_token(&later).await;
}

#[tokio::test]
async fn a_rejected_email_does_not_fail_the_request() {
    let app = TestApp::spawn().await;
    app.postmark
        .behave(PostmarkBehaviour::RejectAsInactiveRecipient);

    let member = app.register_member().await;
    app.postmark.wait_for_attempts(1).await;
    let client = app.log_in(&member).await;
    let changed = client
        .change_password(&member.password, &crate::support::strong_password())
        .await;

    expect_empty_object(changed, StatusCode::OK).await;
}

#[tokio::test]
async fn an_unreachable_postmark_does_not_fail_registration() {
    let nothing_listens = free_port();
    let app = TestApp::builder()
        .env(
            "TOZO_POSTMARK_URL",
            &format!("http://127.0.0.1:{nothing_listens}"),
        )
        .spawn()
        .await;

    let member = app.register_member().await;

    assert!(app.can_log_in(&member.email, &member.password).await);
}

#[tokio::test]
async fn without_a_postmark_token_emails_are_logged_instead() {
    let app = TestApp::builder()
        .without_env("TOZO_POSTMARK_TOKEN")
        .spawn()
        .await;
    let email = unique_email();

    let response = app
        .api
        .register(&email, &crate::support::strong_password())
        .await;
    expect_empty_object(response, StatusCode::CREATED).await;

    let logged = poll_until(EMAIL_WAIT, || {
        let logs = app.server.logs();
        logs.contains(&format!("{}/confirm-email/", app.base_url))
            .then_some(())
    })
    .await;
    assert!(
        logged.is_some(),
        "the welcome email was logged:\n{}",
        app.server.logs()
    );
    assert!(
        app.postmark.attempts().is_empty(),
        "nothing was sent to Postmark"
    );
}
