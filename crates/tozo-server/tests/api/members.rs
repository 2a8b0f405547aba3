//! Registering: `POST /members/`.

use reqwest::StatusCode;
use serde_json::json;

use crate::support::{TestApp, expect_empty_object, expect_error, strong_password, unique_email};

#[tokio::test]
async fn registering_answers_created_with_an_empty_object() {
    let app = TestApp::spawn().await;

    let response = app.api.register(&unique_email(), &strong_password()).await;

    expect_empty_object(response, StatusCode::CREATED).await;
}

#[tokio::test]
async fn a_registered_member_can_log_in_before_confirming_their_email() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;

    let response = app.api.login(&member.email, &member.password).await;

    expect_empty_object(response, StatusCode::OK).await;
}

#[tokio::test]
async fn registering_with_a_weak_password_is_refused() {
    let app = TestApp::spawn().await;
    let email = unique_email();

    for weak in ["password", "12345678", "tozo", "qwertyuiop"] {
        let response = app.api.register(&email, weak).await;
        expect_error(response, StatusCode::BAD_REQUEST, "WEAK_PASSWORD").await;
    }

    assert!(!app.can_log_in(&email, "password").await);
}

#[tokio::test]
async fn registering_with_an_invalid_email_is_unprocessable() {
    let app = TestApp::spawn().await;

    for email in ["", "not-an-email", "@example.com", "member@"] {
        let response = app.api.register(email, &strong_password()).await;
        expect_error(
            response,
            StatusCode::UNPROCESSABLE_ENTITY,
            "UNPROCESSABLE_ENTITY",
        )
        .await;
    }
}

#[tokio::test]
async fn registering_without_a_password_is_unprocessable() {
    let app = TestApp::spawn().await;

    let response = app
        .api
        .post("/members/", &json!({ "email": unique_email() }))
        .await;

    expect_error(
        response,
        StatusCode::UNPROCESSABLE_ENTITY,
        "UNPROCESSABLE_ENTITY",
    )
    .await;
}

#[tokio::test]
async fn registering_a_taken_email_answers_the_same_and_keeps_the_first_password() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;
    let intruder_password = strong_password();

    let response = app.api.register(&member.email, &intruder_password).await;

    expect_empty_object(response, StatusCode::CREATED).await;
    assert!(app.can_log_in(&member.email, &member.password).await);
    assert!(!app.can_log_in(&member.email, &intruder_password).await);
}

#[tokio::test]
async fn registering_a_taken_email_sends_no_second_welcome() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;
    app.confirmation_token(&member).await;

    let response = app.api.register(&member.email, &strong_password()).await;
    expect_empty_object(response, StatusCode::CREATED).await;

    // A later registration's welcome proves that the earlier one had its chance to send.
    let later = app.register_member().await;
    app.confirmation_token(&later).await;
    let welcomes = app
        .postmark
        .delivered_to(&member.email)
        .into_iter()
        .filter(|email| email.has_link_to("confirm-email"))
        .count();
    assert_eq!(
        welcomes,
        1,
        "{:#?}",
        app.postmark.delivered_to(&member.email)
    );
}

#[tokio::test]
async fn registering_sends_a_welcome_email_through_postmark() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;

    let email = app
        .postmark
        .wait_for_email(&member.email, |email| email.has_link_to("confirm-email"))
        .await;

    assert_eq!(email.from, "Tozo <help@tozo.dev>");
    assert_eq!(email.message_stream, "outbound");
    assert!(!email.subject.trim().is_empty());
    let token = email.link_token(&app.base_url, "confirm-email");
    assert!(
        token.len() >= 16,
        "the token is long enough to be unguessable: {token}"
    );
    let request = app
        .postmark
        .attempts()
        .into_iter()
        .find(|request| request.method == "POST")
        .expect("the email was posted");
    assert_eq!(request.header("accept"), Some("application/json"));
    assert!(
        request
            .header("content-type")
            .is_some_and(|value| value.starts_with("application/json"))
    );
}

#[tokio::test]
async fn the_sender_of_emails_follows_the_configuration() {
    let app = TestApp::builder()
        .env("TOZO_EMAIL_FROM", "Tozo Tests <tests@example.com>")
        .spawn()
        .await;
    let member = app.register_member().await;

    let email = app.postmark.wait_for_email(&member.email, |_| true).await;

    assert_eq!(email.from, "Tozo Tests <tests@example.com>");
}

#[tokio::test]
async fn welcome_links_use_the_configured_base_url() {
    let app = TestApp::builder()
        .env("TOZO_BASE_URL", "https://tozo.example.com")
        .spawn()
        .await;
    let member = app.register_member().await;

    let email = app.postmark.wait_for_email(&member.email, |_| true).await;

    let token = email.link_token("https://tozo.example.com", "confirm-email");
    expect_empty_object(app.api.confirm_email(&token).await, StatusCode::OK).await;
}
