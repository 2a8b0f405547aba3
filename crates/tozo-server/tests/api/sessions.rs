//! Logging in and out: `/sessions/` and the session cookie.

use cookie::{Cookie, SameSite};
use reqwest::header::SET_COOKIE;
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};

use crate::support::http::SESSION_COOKIE;
use crate::support::{
    TestApp, expect_empty_object, expect_error, expect_json, strong_password, unique_email,
};

const ONE_YEAR: i64 = 365 * 24 * 60 * 60;
const ONE_DAY: i64 = 24 * 60 * 60;

fn session_cookie(response: &Response) -> Cookie<'static> {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .filter_map(|value| Cookie::parse(value.to_owned()).ok())
        .find(|cookie| cookie.name() == SESSION_COOKIE)
        .unwrap_or_else(|| panic!("a {SESSION_COOKIE} cookie is set: {:?}", response.headers()))
}

#[tokio::test]
async fn logging_in_answers_an_empty_object_and_sets_the_session_cookie() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;

    let response = app.api.login(&member.email, &member.password).await;

    let cookie = session_cookie(&response);
    assert!(!cookie.value().is_empty());
    assert!(
        !cookie.value().contains(&member.email),
        "the cookie is encrypted, not readable"
    );
    expect_empty_object(response, StatusCode::OK).await;
}

#[tokio::test]
async fn the_session_status_names_the_member() {
    let app = TestApp::spawn().await;
    let (_, first) = app.logged_in_member().await;
    let (_, second) = app.logged_in_member().await;

    let first_status = expect_json(first.session().await, StatusCode::OK).await;
    let second_status = expect_json(second.session().await, StatusCode::OK).await;

    for status in [&first_status, &second_status] {
        let object = status.as_object().expect("an object");
        assert_eq!(object.len(), 1, "only memberId: {status}");
        assert!(
            status["memberId"].as_i64().is_some_and(|id| id > 0),
            "{status}"
        );
    }
    assert_ne!(first_status, second_status);
}

#[tokio::test]
async fn the_session_status_without_a_session_is_unauthorized() {
    let app = TestApp::spawn().await;

    let response = app.api.session().await;

    expect_error(response, StatusCode::UNAUTHORIZED, "UNAUTHORIZED").await;
}

#[tokio::test]
async fn a_wrong_password_gives_invalid_credentials() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;

    let response = app.api.login(&member.email, &strong_password()).await;

    assert!(response.headers().get(SET_COOKIE).is_none());
    expect_error(response, StatusCode::UNAUTHORIZED, "INVALID_CREDENTIALS").await;
    expect_error(
        app.api.session().await,
        StatusCode::UNAUTHORIZED,
        "UNAUTHORIZED",
    )
    .await;
}

#[tokio::test]
async fn an_unknown_email_gives_invalid_credentials() {
    let app = TestApp::spawn().await;

    let response = app.api.login(&unique_email(), &strong_password()).await;

    expect_error(response, StatusCode::UNAUTHORIZED, "INVALID_CREDENTIALS").await;
}

#[tokio::test]
async fn the_session_cookie_is_http_only_strict_and_secure_by_default() {
    let app = TestApp::builder()
        .without_env("TOZO_AUTH_COOKIE_SECURE")
        .spawn()
        .await;
    let member = app.register_member().await;

    let response = app.api.login(&member.email, &member.password).await;

    let cookie = session_cookie(&response);
    assert_eq!(cookie.http_only(), Some(true));
    assert_eq!(cookie.same_site(), Some(SameSite::Strict));
    assert_eq!(cookie.secure(), Some(true));
    assert_eq!(cookie.path(), Some("/"));
}

#[tokio::test]
async fn the_session_cookie_is_not_secure_when_so_configured() {
    let app = TestApp::builder()
        .env("TOZO_AUTH_COOKIE_SECURE", "false")
        .spawn()
        .await;
    let member = app.register_member().await;

    let response = app.api.login(&member.email, &member.password).await;

    let cookie = session_cookie(&response);
    assert_ne!(cookie.secure(), Some(true));
    assert_eq!(cookie.http_only(), Some(true));
}

#[tokio::test]
async fn the_same_site_attribute_follows_the_configuration() {
    let app = TestApp::builder()
        .env("TOZO_AUTH_COOKIE_SAMESITE", "Lax")
        .spawn()
        .await;
    let member = app.register_member().await;

    let response = app.api.login(&member.email, &member.password).await;

    assert_eq!(session_cookie(&response).same_site(), Some(SameSite::Lax));
}

#[tokio::test]
async fn without_remember_the_cookie_lasts_for_the_browser_session() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;

    let response = app.api.login(&member.email, &member.password).await;

    let cookie = session_cookie(&response);
    assert_eq!(cookie.max_age(), None);
    assert_eq!(cookie.expires(), None);
}

#[tokio::test]
async fn with_remember_the_cookie_lasts_about_a_year() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;

    let response = app
        .api
        .login_remembered(&member.email, &member.password)
        .await;

    let max_age = session_cookie(&response)
        .max_age()
        .expect("a Max-Age with remember")
        .whole_seconds();
    assert!(
        (ONE_YEAR - ONE_DAY..=ONE_YEAR + ONE_DAY).contains(&max_age),
        "Max-Age {max_age} is about a year"
    );
}

#[tokio::test]
async fn a_remembered_session_works_like_any_other() {
    let app = TestApp::spawn().await;
    let member = app.register_member().await;
    let client = app.new_client();

    let response = client
        .login_remembered(&member.email, &member.password)
        .await;
    expect_empty_object(response, StatusCode::OK).await;

    expect_json(client.session().await, StatusCode::OK).await;
}

#[tokio::test]
async fn logging_out_ends_the_session_on_the_server() {
    let app = TestApp::spawn().await;
    let (_, client) = app.logged_in_member().await;
    let old_cookie = client.session_cookie().expect("a session cookie");

    let response = client.logout().await;

    expect_empty_object(response, StatusCode::OK).await;
    expect_error(
        client.session().await,
        StatusCode::UNAUTHORIZED,
        "UNAUTHORIZED",
    )
    .await;
    let replayed = app.api.with_cookie(&old_cookie);
    expect_error(
        replayed.session().await,
        StatusCode::UNAUTHORIZED,
        "UNAUTHORIZED",
    )
    .await;
    expect_error(
        replayed.get("/todos/").await,
        StatusCode::UNAUTHORIZED,
        "UNAUTHORIZED",
    )
    .await;
}

#[tokio::test]
async fn logging_out_removes_the_cookie_from_the_browser() {
    let app = TestApp::spawn().await;
    let (_, client) = app.logged_in_member().await;

    let response = client.logout().await;

    let removal = session_cookie(&response);
    let expired = removal
        .max_age()
        .is_some_and(cookie::time::Duration::is_zero)
        || removal
            .expires_datetime()
            .is_some_and(|when| when < cookie::time::OffsetDateTime::now_utc());
    assert!(expired, "the cookie is expired: {removal}");
    assert!(client.session_cookie().is_none());
}

#[tokio::test]
async fn logging_out_without_a_session_answers_ok() {
    let app = TestApp::spawn().await;

    let response = app.api.logout().await;

    expect_empty_object(response, StatusCode::OK).await;
}

#[tokio::test]
async fn logging_out_ends_only_this_session() {
    let app = TestApp::spawn().await;
    let (member, client) = app.logged_in_member().await;
    let other_browser = app.log_in(&member).await;

    expect_empty_object(client.logout().await, StatusCode::OK).await;

    expect_json(other_browser.session().await, StatusCode::OK).await;
}

#[tokio::test]
async fn a_forged_session_cookie_is_unauthorized() {
    let app = TestApp::spawn().await;
    let other_app = TestApp::spawn().await;
    let (_, elsewhere) = other_app.logged_in_member().await;
    app.logged_in_member().await;
    let foreign = elsewhere.session_cookie().expect("a session cookie");

    let forgeries = [
        format!("{SESSION_COOKIE}=1"),
        format!("{SESSION_COOKIE}=garbage"),
        format!("{SESSION_COOKIE}={}", "A".repeat(64)),
        // Sealed with another secret key, for a member with the same id.
        foreign,
    ];
    for forged in forgeries {
        let client = app.api.with_cookie(&forged);
        expect_error(
            client.session().await,
            StatusCode::UNAUTHORIZED,
            "UNAUTHORIZED",
        )
        .await;
    }
}

#[tokio::test]
async fn logging_in_without_a_password_is_unprocessable() {
    let app = TestApp::spawn().await;

    let body: Value = json!({ "email": unique_email() });
    let response = app.api.post("/sessions/", &body).await;

    expect_error(
        response,
        StatusCode::UNPROCESSABLE_ENTITY,
        "UNPROCESSABLE_ENTITY",
    )
    .await;
}
