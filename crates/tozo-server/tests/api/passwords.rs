//! Changing, forgetting and resetting a password.

use chrono::TimeDelta;
use reqwest::StatusCode;
use serde_json::json;
use tozo_core::token::TokenPurpose;

use crate::support::tokens::{member_id, token_signed_ago};
use crate::support::{
    BROWSER_ACCEPT, TestApp, expect_empty_object, expect_error, expect_json, site, strong_password,
    tampered_tokens, unique_email,
};

#[tokio::test]
async fn changing_the_password_needs_a_session() {
    let app = TestApp::spawn().await;

    let response = app
        .api
        .change_password("anything", &strong_password())
        .await;

    expect_error(response, StatusCode::UNAUTHORIZED, "UNAUTHORIZED").await;
}

#[tokio::test]
async fn changing_the_password_with_a_wrong_current_password_is_refused() {
    let app = TestApp::spawn().await;
    let (member, client) = app.logged_in_member().await;
    let new_password = strong_password();

    let response = client
        .change_password("not-my-password", &new_password)
        .await;

    expect_error(response, StatusCode::UNAUTHORIZED, "INVALID_PASSWORD").await;
    expect_json(client.session().await, StatusCode::OK).await;
    assert!(app.can_log_in(&member.email, &member.password).await);
    assert!(!app.can_log_in(&member.email, &new_password).await);
}

#[tokio::test]
async fn changing_to_a_weak_password_is_refused() {
    let app = TestApp::spawn().await;
    let (member, client) = app.logged_in_member().await;

    let response = client.change_password(&member.password, "password1").await;

    expect_error(response, StatusCode::BAD_REQUEST, "WEAK_PASSWORD").await;
    assert!(app.can_log_in(&member.email, &member.password).await);
}

#[tokio::test]
async fn after_a_change_only_the_new_password_logs_in() {
    let app = TestApp::spawn().await;
    let (member, client) = app.logged_in_member().await;
    let new_password = strong_password();

    let response = client
        .change_password(&member.password, &new_password)
        .await;

    expect_empty_object(response, StatusCode::OK).await;
    assert!(app.can_log_in(&member.email, &new_password).await);
    assert!(!app.can_log_in(&member.email, &member.password).await);
}

#[tokio::test]
async fn changing_the_password_ends_the_other_sessions_and_keeps_this_one() {
    let app = TestApp::spawn().await;
    let (member, client) = app.logged_in_member().await;
    let other_browser = app.log_in(&member).await;
    let stolen_cookie = other_browser.session_cookie().expect("a session cookie");

    let response = client
        .change_password(&member.password, &strong_password())
        .await;

    expect_empty_object(response, StatusCode::OK).await;
    expect_json(client.session().await, StatusCode::OK).await;
    expect_error(
        other_browser.session().await,
        StatusCode::UNAUTHORIZED,
        "UNAUTHORIZED",
    )
    .await;
    let replayed = app.api.with_cookie(&stolen_cookie);
    expect_error(
        replayed.get("/todos/").await,
        StatusCode::UNAUTHORIZED,
        "UNAUTHORIZED",
    )
    .await;
}

#[tokio::test]
async fn changing_the_password_sends_a_notice() {
    let app = TestApp::spawn().await;
    let (member, client) = app.logged_in_member().await;
    app.confirmation_token(&member).await;

    let response = client
        .change_password(&member.password, &strong_password())
        .await;
    expect_empty_object(response, StatusCode::OK).await;

    let notice = app
        .postmark
        .wait_for_email(&member.email, |email| !email.has_link_to("confirm-email"))
        .await;
    assert!(!notice.subject.trim().is_empty());
    assert!(
        !notice.has_link_to("reset-password"),
        "a notice carries no reset token"
    );
}

#[tokio::test]
async fn forgetting_the_password_sends_a_reset_link() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;

    let response = app.api.forgot_password(&member.email).await;
    expect_empty_object(response, StatusCode::OK).await;

    let email = app
        .postmark
        .wait_for_email(&member.email, |email| email.has_link_to("reset-password"))
        .await;
    assert_eq!(email.from, "Tozo <help@tozo.dev>");
    assert_eq!(email.message_stream, "outbound");
    email.link_token(&app.base_url, "reset-password");
}

#[tokio::test]
async fn forgetting_the_password_also_answers_post() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;

    let body = json!({ "email": member.email });
    let response = app.api.post("/members/forgotten-password/", &body).await;

    expect_empty_object(response, StatusCode::OK).await;
    app.postmark
        .reset_token(&member.email, &app.base_url, 0)
        .await;
}

#[tokio::test]
async fn forgetting_the_password_of_an_unknown_email_answers_ok_and_sends_nothing() {
    let app = TestApp::spawn().await;
    let unknown = unique_email();

    let response = app.api.forgot_password(&unknown).await;
    expect_empty_object(response, StatusCode::OK).await;

    // A later email proves that the earlier request had its chance to send one.
    let member = app.register_member().await;
    app.reset_token(&member, 0).await;
    assert!(app.postmark.delivered_to(&unknown).is_empty());
    assert!(
        app.postmark
            .attempts()
            .iter()
            .all(|request| !String::from_utf8_lossy(&request.body).contains(&unknown))
    );
}

#[tokio::test]
async fn the_reset_link_opens_the_web_app_in_a_browser() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;
    let token = app.reset_token(&member, 0).await;

    let response = app
        .api
        .get_accepting(&format!("/reset-password/{token}/"), BROWSER_ACCEPT)
        .await;

    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.text().await.unwrap(), site::INDEX_HTML);
}

#[tokio::test]
async fn a_reset_token_works_once() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;
    let token = app.reset_token(&member, 0).await;
    let first = strong_password();
    let second = strong_password();

    expect_empty_object(app.api.reset_password(&token, &first).await, StatusCode::OK).await;
    let again = app.api.reset_password(&token, &second).await;

    expect_error(again, StatusCode::BAD_REQUEST, "TOKEN_INVALID").await;
    assert!(app.can_log_in(&member.email, &first).await);
    assert!(!app.can_log_in(&member.email, &second).await);
    assert!(!app.can_log_in(&member.email, &member.password).await);
}

#[tokio::test]
async fn using_one_reset_token_spends_the_others() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;
    let older = app.reset_token(&member, 0).await;
    let newer = app.reset_token(&member, 1).await;

    let used = app.api.reset_password(&newer, &strong_password()).await;
    expect_empty_object(used, StatusCode::OK).await;
    let response = app.api.reset_password(&older, &strong_password()).await;

    expect_error(response, StatusCode::BAD_REQUEST, "TOKEN_INVALID").await;
}

#[tokio::test]
async fn changing_the_password_spends_outstanding_reset_tokens() {
    let app = TestApp::spawn().await;
    let (member, client) = app.logged_in_member().await;
    let token = app.reset_token(&member, 0).await;

    let changed = client
        .change_password(&member.password, &strong_password())
        .await;
    expect_empty_object(changed, StatusCode::OK).await;
    let response = app.api.reset_password(&token, &strong_password()).await;

    expect_error(response, StatusCode::BAD_REQUEST, "TOKEN_INVALID").await;
}

#[tokio::test]
async fn resetting_the_password_ends_every_session() {
    let app = TestApp::spawn().await;
    let (member, client) = app.logged_in_member().await;
    let other_browser = app.log_in(&member).await;
    let token = app.reset_token(&member, 0).await;

    let response = app.api.reset_password(&token, &strong_password()).await;

    expect_empty_object(response, StatusCode::OK).await;
    for browser in [&client, &other_browser] {
        expect_error(
            browser.session().await,
            StatusCode::UNAUTHORIZED,
            "UNAUTHORIZED",
        )
        .await;
    }
}

#[tokio::test]
async fn resetting_the_password_sends_a_notice() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;
    let token = app.reset_token(&member, 0).await;

    let response = app.api.reset_password(&token, &strong_password()).await;
    expect_empty_object(response, StatusCode::OK).await;

    let notice = app
        .postmark
        .wait_for_email(&member.email, |email| {
            !email.has_link_to("confirm-email") && !email.has_link_to("reset-password")
        })
        .await;
    assert!(!notice.subject.trim().is_empty());
}

#[tokio::test]
async fn resetting_to_a_weak_password_is_refused_and_keeps_the_token_usable() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;
    let token = app.reset_token(&member, 0).await;

    let weak = app.api.reset_password(&token, "password").await;
    expect_error(weak, StatusCode::BAD_REQUEST, "WEAK_PASSWORD").await;
    assert!(app.can_log_in(&member.email, &member.password).await);

    let strong = app.api.reset_password(&token, &strong_password()).await;
    expect_empty_object(strong, StatusCode::OK).await;
}

#[tokio::test]
async fn a_tampered_reset_token_is_invalid() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;
    let token = app.reset_token(&member, 0).await;

    for tampered in tampered_tokens(&token) {
        let response = app.api.reset_password(&tampered, &strong_password()).await;
        expect_error(response, StatusCode::BAD_REQUEST, "TOKEN_INVALID").await;
    }

    assert!(app.can_log_in(&member.email, &member.password).await);
}

#[tokio::test]
async fn a_confirmation_token_cannot_reset_a_password() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;
    let confirmation = app.confirmation_token(&member).await;

    let response = app
        .api
        .reset_password(&confirmation, &strong_password())
        .await;

    expect_error(response, StatusCode::BAD_REQUEST, "TOKEN_INVALID").await;
    assert!(app.can_log_in(&member.email, &member.password).await);
}

#[tokio::test]
async fn a_reset_token_older_than_a_day_has_expired() {
    let app = TestApp::spawn().await;
    let (member, client) = app.logged_in_member().await;
    let id = member_id(&client).await;
    // The expiry is checked with the signature, before the password fingerprint, so any
    // fingerprint shows it.
    let expired = token_signed_ago(
        &app,
        TokenPurpose::ResetPassword,
        id,
        &[0; 16],
        TimeDelta::hours(25),
    );

    let response = app.api.reset_password(&expired, &strong_password()).await;

    expect_error(response, StatusCode::FORBIDDEN, "TOKEN_EXPIRED").await;
    assert!(app.can_log_in(&member.email, &member.password).await);
}
