//! Confirming an email: `PUT /members/email/` with the token from the welcome email.

use chrono::TimeDelta;
use reqwest::StatusCode;
use tozo_core::token::TokenPurpose;

use crate::support::tokens::{member_id, token_signed_ago};
use crate::support::{
    BROWSER_ACCEPT, TestApp, expect_empty_object, expect_error, site, tampered_tokens,
};

#[tokio::test]
async fn the_token_from_the_welcome_email_confirms_the_email() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;
    let token = app.confirmation_token(&member).await;

    let response = app.api.confirm_email(&token).await;

    expect_empty_object(response, StatusCode::OK).await;
}

#[tokio::test]
async fn confirming_twice_is_not_an_error() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;
    app.confirm_from_email(&member).await;

    app.confirm_from_email(&member).await;
}

#[tokio::test]
async fn the_confirmation_link_opens_the_web_app_in_a_browser() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;
    let token = app.confirmation_token(&member).await;

    let response = app
        .api
        .get_accepting(&format!("/confirm-email/{token}/"), BROWSER_ACCEPT)
        .await;

    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.text().await.unwrap(), site::INDEX_HTML);
}

#[tokio::test]
async fn a_tampered_confirmation_token_is_invalid() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;
    let token = app.confirmation_token(&member).await;

    for tampered in tampered_tokens(&token) {
        let response = app.api.confirm_email(&tampered).await;
        expect_error(response, StatusCode::BAD_REQUEST, "TOKEN_INVALID").await;
    }

    expect_empty_object(app.api.confirm_email(&token).await, StatusCode::OK).await;
}

#[tokio::test]
async fn a_made_up_confirmation_token_is_invalid() {
    let app = TestApp::spawn().await;

    for made_up in ["", "abc", "not.a.token", &"A".repeat(200), "%00", "👻"] {
        let response = app.api.confirm_email(made_up).await;
        expect_error(response, StatusCode::BAD_REQUEST, "TOKEN_INVALID").await;
    }
}

#[tokio::test]
async fn a_confirmation_token_signed_with_another_secret_key_is_invalid() {
    let first = TestApp::spawn().await;
    let second = TestApp::spawn().await;
    // Both databases number their first member alike, so only the key tells them apart.
    let first_member = first.register_member().await;
    second.register_member().await;
    let token = first.confirmation_token(&first_member).await;

    let response = second.api.confirm_email(&token).await;

    expect_error(response, StatusCode::BAD_REQUEST, "TOKEN_INVALID").await;
}

#[tokio::test]
async fn a_password_reset_token_does_not_confirm_an_email() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;
    let reset_token = app.reset_token(&member, 0).await;

    let response = app.api.confirm_email(&reset_token).await;

    expect_error(response, StatusCode::BAD_REQUEST, "TOKEN_INVALID").await;
}

#[tokio::test]
async fn confirming_needs_no_session() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;
    let token = app.confirmation_token(&member).await;
    let stranger = app.new_client();

    let response = stranger.confirm_email(&token).await;

    expect_empty_object(response, StatusCode::OK).await;
    assert!(
        stranger.session_cookie().is_none(),
        "confirming does not log in"
    );
}

#[tokio::test]
async fn a_confirmation_token_older_than_thirty_days_has_expired() {
    let app = TestApp::spawn().await;
    let (_, client) = app.logged_in_member().await;
    let id = member_id(&client).await;
    let expired = token_signed_ago(
        &app,
        TokenPurpose::ConfirmEmail,
        id,
        &[],
        TimeDelta::days(31),
    );

    let response = app.api.confirm_email(&expired).await;

    expect_error(response, StatusCode::FORBIDDEN, "TOKEN_EXPIRED").await;
}

#[tokio::test]
async fn a_confirmation_token_younger_than_thirty_days_still_works() {
    let app = TestApp::spawn().await;
    let (_, client) = app.logged_in_member().await;
    let id = member_id(&client).await;
    let old = token_signed_ago(
        &app,
        TokenPurpose::ConfirmEmail,
        id,
        &[],
        TimeDelta::days(29),
    );

    let response = app.api.confirm_email(&old).await;

    expect_empty_object(response, StatusCode::OK).await;
}

#[tokio::test]
async fn a_genuine_confirmation_token_for_no_member_is_invalid() {
    let app = TestApp::spawn().await;
    app.register_member().await;
    let orphan = token_signed_ago(
        &app,
        TokenPurpose::ConfirmEmail,
        987_654,
        &[],
        TimeDelta::zero(),
    );

    let response = app.api.confirm_email(&orphan).await;

    expect_error(response, StatusCode::BAD_REQUEST, "TOKEN_INVALID").await;
}
