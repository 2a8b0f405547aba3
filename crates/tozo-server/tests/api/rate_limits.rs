//! Rate limits, at their production allowance, per client and per route.
//!
//! A limit's allowance is a burst that refills over its window. The first `allowance`
//! requests are never refused; after them a refusal must come soon, within a few extra
//! requests, since on a busy machine part of the allowance may refill meanwhile.

use std::future::Future;

use reqwest::header::RETRY_AFTER;
use reqwest::{Response, StatusCode};
use serde_json::json;

use crate::support::{TestApp, expect_empty_object, expect_error, strong_password, unique_email};

/// Requests sent after the allowance before the test gives up waiting for a 429.
const EXTRA_ATTEMPTS: usize = 10;

async fn assert_limited_after<F, R>(allowance: usize, window_seconds: u64, mut send: F)
where
    F: FnMut(usize) -> R,
    R: Future<Output = Response>,
{
    for attempt in 0..allowance {
        let status = send(attempt).await.status();
        assert_ne!(
            status,
            StatusCode::TOO_MANY_REQUESTS,
            "request {} of an allowance of {allowance} was refused",
            attempt + 1
        );
    }
    for extra in 0..EXTRA_ATTEMPTS {
        let response = send(allowance + extra).await;
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            assert_too_many(response, window_seconds).await;
            return;
        }
    }
    panic!("no 429 within {EXTRA_ATTEMPTS} requests past an allowance of {allowance}");
}

/// Asserts a 429 with `Retry-After` in whole seconds within the window, and the JSON code.
async fn assert_too_many(response: Response, window_seconds: u64) {
    let retry_after = response
        .headers()
        .get(RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
        .expect("a 429 carries Retry-After");
    let seconds: u64 = retry_after
        .parse()
        .unwrap_or_else(|_| panic!("Retry-After is whole seconds: {retry_after}"));
    assert!(
        (1..=window_seconds).contains(&seconds),
        "Retry-After {seconds} lies within the {window_seconds}-second window"
    );
    expect_error(response, StatusCode::TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS").await;
}

fn is_limited(response: &Response) -> bool {
    response.status() == StatusCode::TOO_MANY_REQUESTS
}

#[tokio::test]
async fn registration_allows_ten_requests_per_ten_seconds() {
    let app = TestApp::builder().production_rate_limits().spawn().await;

    let api = &app.api;

    assert_limited_after(10, 10, move |_| async move {
        api.register(&unique_email(), &strong_password()).await
    })
    .await;
}

#[tokio::test]
async fn email_confirmation_allows_five_requests_per_minute() {
    let app = TestApp::builder().production_rate_limits().spawn().await;

    assert_limited_after(5, 60, |_| app.api.confirm_email("not-a-token")).await;
}

#[tokio::test]
async fn password_changes_allow_five_requests_per_minute() {
    let app = TestApp::builder().production_rate_limits().spawn().await;
    let (_, client) = app.logged_in_member().await;
    let new_password = strong_password();

    assert_limited_after(5, 60, |_| {
        client.change_password("wrong-password", &new_password)
    })
    .await;
}

#[tokio::test]
async fn forgotten_password_requests_allow_five_per_minute() {
    let app = TestApp::builder().production_rate_limits().spawn().await;
    let email = unique_email();

    assert_limited_after(5, 60, |_| app.api.forgot_password(&email)).await;
}

#[tokio::test]
async fn password_resets_allow_five_requests_per_minute() {
    let app = TestApp::builder().production_rate_limits().spawn().await;
    let password = strong_password();

    assert_limited_after(5, 60, |_| app.api.reset_password("not-a-token", &password)).await;
}

#[tokio::test]
async fn logins_allow_five_requests_per_minute() {
    let app = TestApp::builder().production_rate_limits().spawn().await;
    let member = app.register_member().await;
    let wrong = strong_password();

    assert_limited_after(5, 60, |_| app.api.login(&member.email, &wrong)).await;
}

#[tokio::test]
async fn session_status_allows_ten_requests_per_minute() {
    let app = TestApp::builder().production_rate_limits().spawn().await;
    let (_, client) = app.logged_in_member().await;

    assert_limited_after(10, 60, |_| client.session()).await;
}

#[tokio::test]
async fn creating_todos_allows_ten_requests_per_ten_seconds() {
    let app = TestApp::builder().production_rate_limits().spawn().await;
    let (_, client) = app.logged_in_member().await;
    let body = json!({ "task": "Again", "due": null, "complete": false });

    assert_limited_after(10, 10, |_| client.create_todo(&body)).await;
}

#[tokio::test]
async fn listing_todos_allows_ten_requests_per_ten_seconds_apart_from_other_todo_routes() {
    let app = TestApp::builder().production_rate_limits().spawn().await;
    let (_, client) = app.logged_in_member().await;

    assert_limited_after(10, 10, |_| client.get("/todos/")).await;

    // The other to-do routes keep their own allowance.
    client.add_todo("Still possible", None, false).await;
}

#[tokio::test]
async fn reading_a_todo_allows_ten_requests_per_ten_seconds() {
    let app = TestApp::builder().production_rate_limits().spawn().await;
    let (_, client) = app.logged_in_member().await;
    let todo = client.add_todo("Read me", None, false).await;

    assert_limited_after(10, 10, |_| client.todo(&todo["id"])).await;
}

#[tokio::test]
async fn updating_a_todo_allows_ten_requests_per_ten_seconds() {
    let app = TestApp::builder().production_rate_limits().spawn().await;
    let (_, client) = app.logged_in_member().await;
    let todo = client.add_todo("Change me", None, false).await;
    let body = json!({ "task": "Changed", "due": null, "complete": true });

    assert_limited_after(10, 10, |_| client.update_todo(&todo["id"], &body)).await;
}

#[tokio::test]
async fn deleting_todos_allows_ten_requests_per_ten_seconds() {
    let app = TestApp::builder().production_rate_limits().spawn().await;
    let (_, client) = app.logged_in_member().await;
    let todo = client.add_todo("Delete me", None, false).await;

    assert_limited_after(10, 10, |_| client.delete_todo(&todo["id"])).await;
}

#[tokio::test]
async fn limits_are_counted_per_route() {
    let app = TestApp::builder().production_rate_limits().spawn().await;
    let member = app.register_member().await;
    let wrong = strong_password();
    assert_limited_after(5, 60, |_| app.api.login(&member.email, &wrong)).await;

    let response = app.api.register(&unique_email(), &strong_password()).await;
    expect_empty_object(response, StatusCode::CREATED).await;
    let response = app.api.forgot_password(&member.email).await;
    expect_empty_object(response, StatusCode::OK).await;
}

#[tokio::test]
async fn ping_is_never_limited() {
    let app = TestApp::builder().production_rate_limits().spawn().await;

    for _ in 0..300 {
        let response = app.api.get("/control/ping/").await;
        assert_eq!(response.status(), StatusCode::OK);
    }
}

#[tokio::test]
async fn logging_out_is_never_limited() {
    let app = TestApp::builder().production_rate_limits().spawn().await;

    for _ in 0..100 {
        expect_empty_object(app.api.logout().await, StatusCode::OK).await;
    }
}

#[tokio::test]
async fn without_trusted_proxies_a_forwarded_for_header_is_ignored() {
    let app = TestApp::builder()
        .production_rate_limits()
        .env("TOZO_TRUSTED_PROXY_HOPS", "0")
        .spawn()
        .await;

    assert_limited_after(5, 60, |attempt| {
        confirm_from(&app, &format!("203.0.113.{}", attempt + 1))
    })
    .await;
}

/// Asks to confirm an email, as a request the load balancer forwarded.
fn confirm_from(app: &TestApp, forwarded_for: &str) -> impl Future<Output = Response> + use<> {
    let request = app
        .api
        .request(reqwest::Method::PUT, "/members/email/")
        .header("X-Forwarded-For", forwarded_for)
        .json(&json!({ "token": "not-a-token" }));
    async move { request.send().await.expect("the server answers") }
}

#[tokio::test]
async fn behind_one_proxy_the_right_most_forwarded_address_is_the_client() {
    let app = TestApp::builder()
        .production_rate_limits()
        .env("TOZO_TRUSTED_PROXY_HOPS", "1")
        .spawn()
        .await;

    assert_limited_after(5, 60, |_| confirm_from(&app, "203.0.113.7")).await;

    assert!(!is_limited(&confirm_from(&app, "203.0.113.8").await));
    assert!(is_limited(
        &confirm_from(&app, "198.51.100.1, 203.0.113.7").await
    ));
    assert!(is_limited(&confirm_from(&app, "203.0.113.7").await));
}

#[tokio::test]
async fn behind_one_proxy_addresses_a_client_writes_do_not_renew_its_allowance() {
    let app = TestApp::builder()
        .production_rate_limits()
        .env("TOZO_TRUSTED_PROXY_HOPS", "1")
        .spawn()
        .await;

    assert_limited_after(5, 60, |attempt| {
        let forged = format!("198.51.100.{}, 203.0.113.9", attempt + 1);
        confirm_from(&app, &forged)
    })
    .await;
}
