//! Bad input and unknown routes: always a 4xx JSON answer `{"code"}`, never HTML, never a
//! 500, and the connection stays usable afterwards.

use reqwest::StatusCode;
use reqwest::header::{ACCEPT, CONTENT_TYPE};

use crate::support::http::{RawResponse, assert_error_shape};
use crate::support::{Connection, TestApp, expect_error};

const JSON: (&str, &str) = ("content-type", "application/json");
const ACCEPT_JSON: (&str, &str) = ("accept", "application/json");

/// A request that the server must refuse, and how.
struct BadRequest {
    method: &'static str,
    path: &'static str,
    content_type: Option<&'static str>,
    body: String,
    status: StatusCode,
    code: &'static str,
}

fn malformed_json() -> BadRequest {
    BadRequest {
        method: "POST",
        path: "/members/",
        content_type: Some("application/json"),
        body: r#"{"email": "member@example.com", "password": "#.to_owned(),
        status: StatusCode::BAD_REQUEST,
        code: "BAD_REQUEST",
    }
}

fn wrong_shape() -> BadRequest {
    BadRequest {
        method: "POST",
        path: "/members/",
        content_type: Some("application/json"),
        body: r#"{"email": 5, "password": ["a", "list"]}"#.to_owned(),
        status: StatusCode::UNPROCESSABLE_ENTITY,
        code: "UNPROCESSABLE_ENTITY",
    }
}

fn oversized() -> BadRequest {
    // Valid JSON, only too large: 70 KiB against the default limit of 64 KiB.
    let padding = "x".repeat(70 * 1024);
    BadRequest {
        method: "POST",
        path: "/members/",
        content_type: Some("application/json"),
        body: format!(r#"{{"email": "member@example.com", "password": "{padding}"}}"#),
        status: StatusCode::PAYLOAD_TOO_LARGE,
        code: "PAYLOAD_TOO_LARGE",
    }
}

fn not_json() -> BadRequest {
    BadRequest {
        method: "POST",
        path: "/members/",
        content_type: Some("text/plain"),
        body: r#"{"email": "member@example.com", "password": "irrelevant"}"#.to_owned(),
        status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
        code: "UNSUPPORTED_MEDIA_TYPE",
    }
}

fn form_encoded() -> BadRequest {
    BadRequest {
        method: "POST",
        path: "/sessions/",
        content_type: Some("application/x-www-form-urlencoded"),
        body: "email=member%40example.com&password=irrelevant".to_owned(),
        status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
        code: "UNSUPPORTED_MEDIA_TYPE",
    }
}

fn unparseable_media_type() -> BadRequest {
    BadRequest {
        method: "POST",
        path: "/members/",
        content_type: Some("garbage"),
        body: r#"{"email": "member@example.com", "password": "irrelevant"}"#.to_owned(),
        status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
        code: "UNSUPPORTED_MEDIA_TYPE",
    }
}

fn unknown_method() -> BadRequest {
    BadRequest {
        method: "PATCH",
        path: "/members/",
        content_type: Some("application/json"),
        body: "{}".to_owned(),
        status: StatusCode::METHOD_NOT_ALLOWED,
        code: "METHOD_NOT_ALLOWED",
    }
}

fn unknown_path() -> BadRequest {
    BadRequest {
        method: "GET",
        path: "/no/such/route/",
        content_type: None,
        body: String::new(),
        status: StatusCode::NOT_FOUND,
        code: "NOT_FOUND",
    }
}

impl BadRequest {
    async fn send_on(&self, connection: &mut Connection) -> RawResponse {
        let mut headers = vec![ACCEPT_JSON];
        if let Some(content_type) = self.content_type {
            headers.push(("content-type", content_type));
        }
        connection
            .send(self.method, self.path, &headers, self.body.clone())
            .await
    }

    fn check(&self, response: &RawResponse) {
        let what = format!("{} {}", self.method, self.path);
        assert_eq!(response.status, self.status, "{what}: {}", response.text());
        assert!(
            response
                .header("content-type")
                .is_some_and(|value| value.starts_with("application/json")),
            "{what} answered JSON: {:?}",
            response.headers
        );
        assert_eq!(assert_error_shape(&response.body), self.code, "{what}");
    }
}

/// Sends the requests many times over one connection, then a ping over the same one.
async fn assert_connection_survives(app: &TestApp, requests: &[BadRequest]) {
    let mut connection = Connection::open(app.port()).await;
    for _ in 0..20 {
        for request in requests {
            let response = request.send_on(&mut connection).await;
            request.check(&response);
        }
    }
    let ping = connection.send("GET", "/control/ping/", &[], "").await;
    assert_eq!(ping.status, StatusCode::OK);
}

#[tokio::test]
async fn malformed_json_is_a_bad_request() {
    let app = TestApp::spawn().await;
    assert_connection_survives(&app, &[malformed_json()]).await;
}

#[tokio::test]
async fn a_body_of_the_wrong_shape_is_unprocessable() {
    let app = TestApp::spawn().await;
    assert_connection_survives(&app, &[wrong_shape()]).await;
}

#[tokio::test]
async fn a_body_over_the_limit_is_too_large() {
    let app = TestApp::spawn().await;
    assert_connection_survives(&app, &[oversized()]).await;
}

#[tokio::test]
async fn a_body_that_is_not_json_is_an_unsupported_media_type() {
    let app = TestApp::spawn().await;
    assert_connection_survives(
        &app,
        &[not_json(), form_encoded(), unparseable_media_type()],
    )
    .await;
}

#[tokio::test]
async fn an_unknown_method_is_not_allowed() {
    let app = TestApp::spawn().await;
    assert_connection_survives(&app, &[unknown_method()]).await;

    let (_, client) = app.logged_in_member().await;
    for (method, path) in [
        ("PATCH", "/todos/"),
        ("DELETE", "/todos/"),
        ("PATCH", "/todos/1/"),
        ("POST", "/control/ping/"),
        ("PUT", "/sessions/"),
    ] {
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let response = client.request(method, path).send().await.unwrap();
        expect_error(
            response,
            StatusCode::METHOD_NOT_ALLOWED,
            "METHOD_NOT_ALLOWED",
        )
        .await;
    }
}

#[tokio::test]
async fn an_unknown_api_path_is_not_found_as_json() {
    let app = TestApp::spawn().await;
    assert_connection_survives(&app, &[unknown_path()]).await;

    for accept in ["application/json", "*/*"] {
        let response = app.api.get_accepting("/no/such/route/", accept).await;
        expect_error(response, StatusCode::NOT_FOUND, "NOT_FOUND").await;
    }
}

#[tokio::test]
async fn one_connection_survives_every_kind_of_bad_request_in_turn() {
    let app = TestApp::spawn().await;
    let requests = [
        malformed_json(),
        oversized(),
        wrong_shape(),
        not_json(),
        unknown_method(),
        unknown_path(),
        form_encoded(),
    ];
    assert_connection_survives(&app, &requests).await;
}

#[tokio::test]
async fn the_body_limit_follows_the_configuration() {
    let app = TestApp::builder()
        .env("TOZO_BODY_LIMIT", "1024")
        .spawn()
        .await;
    let mut connection = Connection::open(app.port()).await;
    let body = |size: usize| format!(r#"{{"token": "{}"}}"#, "x".repeat(size));

    let under = connection
        .send("PUT", "/members/email/", &[JSON, ACCEPT_JSON], body(900))
        .await;
    let over = connection
        .send("PUT", "/members/email/", &[JSON, ACCEPT_JSON], body(2000))
        .await;

    assert_eq!(under.status, StatusCode::BAD_REQUEST, "{}", under.text());
    assert_eq!(assert_error_shape(&under.body), "TOKEN_INVALID");
    assert_eq!(over.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(assert_error_shape(&over.body), "PAYLOAD_TOO_LARGE");
}

#[tokio::test]
async fn errors_are_json_even_when_the_client_prefers_html() {
    let app = TestApp::spawn().await;

    let response = app
        .api
        .request(reqwest::Method::POST, "/members/")
        .header(ACCEPT, "text/html")
        .header(CONTENT_TYPE, "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();

    expect_error(response, StatusCode::BAD_REQUEST, "BAD_REQUEST").await;
}

#[tokio::test]
async fn bad_input_to_every_json_route_is_a_client_error() {
    let app = TestApp::spawn().await;
    let (_, client) = app.logged_in_member().await;
    let routes = [
        ("POST", "/members/"),
        ("PUT", "/members/email/"),
        ("PUT", "/members/password/"),
        ("PUT", "/members/forgotten-password/"),
        ("POST", "/members/forgotten-password/"),
        ("PUT", "/members/reset-password/"),
        ("POST", "/sessions/"),
        ("POST", "/todos/"),
        ("PUT", "/todos/1/"),
    ];
    let bodies = [
        "{",
        "[]",
        "null",
        "{\"email\": {}}",
        "\u{0}",
        &"[".repeat(10_000),
    ];

    for (method, path) in routes {
        for body in bodies {
            let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
            let response = client
                .request(method, path)
                .header(CONTENT_TYPE, "application/json")
                .body(body.to_owned())
                .send()
                .await
                .unwrap();
            let status = response.status();
            let text = response.bytes().await.unwrap();
            assert!(
                status.is_client_error(),
                "{path} with {body:.20} answered {status}"
            );
            assert_error_shape(&text);
        }
    }

    // The server is still well after all that.
    let member = app.register_member().await;
    assert!(app.can_log_in(&member.email, &member.password).await);
}
