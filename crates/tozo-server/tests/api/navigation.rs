//! The front end: static files, navigation to app pages, caching and security headers.

use reqwest::StatusCode;
use reqwest::header::{CACHE_CONTROL, CONTENT_TYPE, HeaderMap};
use serde_json::json;

use crate::support::http::assert_error_shape;
use crate::support::{BROWSER_ACCEPT, Connection, TestApp, expect_error, expect_json, site};

const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; \
    connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; \
    object-src 'none'";

const PRIVATE_REFERRER_POLICIES: [&str; 4] = [
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
];

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|value| value.to_str().ok())
}

/// The policy's directives, so that spacing and order do not matter.
fn directives(policy: &str) -> Vec<String> {
    let mut directives: Vec<String> = policy
        .split(';')
        .map(|directive| directive.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|directive| !directive.is_empty())
        .collect();
    directives.sort();
    directives
}

fn max_age(cache_control: &str) -> Option<u64> {
    cache_control
        .split(',')
        .map(str::trim)
        .find_map(|directive| directive.strip_prefix("max-age="))
        .and_then(|seconds| seconds.parse().ok())
}

fn assert_security_headers(headers: &HeaderMap, policy: &str) {
    let actual = header(headers, "content-security-policy").expect("a CSP header");
    assert_eq!(directives(actual), directives(policy));
    assert_eq!(header(headers, "x-content-type-options"), Some("nosniff"));
    assert_eq!(header(headers, "x-frame-options"), Some("DENY"));
    let referrer = header(headers, "referrer-policy").expect("a Referrer-Policy header");
    assert!(PRIVATE_REFERRER_POLICIES.contains(&referrer), "{referrer}");
}

#[tokio::test]
async fn a_browser_navigation_to_an_app_page_gets_index_html() {
    let app = TestApp::spawn().await;

    for path in [
        "/",
        "/login/",
        "/register/",
        "/todos/",
        "/todos/5/",
        "/todos/new/",
        "/change-password/",
        "/forgotten-password/",
        "/test-error/",
        "/some/page/that/does/not/exist/",
    ] {
        let response = app.api.get_accepting(path, BROWSER_ACCEPT).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let content_type = header(response.headers(), "content-type").unwrap_or_default();
        assert!(
            content_type.starts_with("text/html"),
            "{path}: {content_type}"
        );
        assert_eq!(response.text().await.unwrap(), site::INDEX_HTML, "{path}");
    }
}

#[tokio::test]
async fn the_same_url_as_json_answers_the_api() {
    let app = TestApp::spawn().await;

    for accept in ["application/json", "*/*"] {
        let response = app.api.get_accepting("/todos/5/", accept).await;
        expect_error(response, StatusCode::UNAUTHORIZED, "UNAUTHORIZED").await;
    }
    let mut connection = Connection::open(app.port()).await;
    let without_accept = connection.send("GET", "/todos/5/", &[], "").await;
    assert_eq!(without_accept.status, StatusCode::UNAUTHORIZED);
    assert_eq!(assert_error_shape(&without_accept.body), "UNAUTHORIZED");

    let (_, client) = app.logged_in_member().await;
    let todo = client.add_todo("Reload me", None, false).await;
    let path = format!("/todos/{}/", todo["id"]);
    assert_eq!(
        expect_json(client.get(&path).await, StatusCode::OK).await,
        todo
    );
    let page = client.get_accepting(&path, BROWSER_ACCEPT).await;
    assert_eq!(page.text().await.unwrap(), site::INDEX_HTML);
}

#[tokio::test]
async fn hashed_assets_are_served_and_cached_for_a_year() {
    let app = TestApp::spawn().await;

    for accept in [BROWSER_ACCEPT, "*/*", "application/json"] {
        let response = app
            .api
            .get_accepting("/assets/app-1234abcd.js", accept)
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let content_type = header(response.headers(), "content-type").unwrap_or_default();
        assert!(content_type.contains("javascript"), "{content_type}");
        let cache_control = header(response.headers(), "cache-control").unwrap_or_default();
        assert!(
            max_age(cache_control).is_some_and(|age| age >= 31_536_000),
            "{cache_control}"
        );
        assert_eq!(response.text().await.unwrap(), site::APP_JS);
    }
}

#[tokio::test]
async fn index_html_is_not_cached() {
    let app = TestApp::spawn().await;

    for path in ["/", "/index.html", "/todos/5/"] {
        let response = app.api.get_accepting(path, BROWSER_ACCEPT).await;
        let cache_control = header(response.headers(), CACHE_CONTROL.as_str()).unwrap_or_default();
        assert!(
            cache_control.contains("no-cache") || cache_control.contains("no-store"),
            "{path}: {cache_control}"
        );
        assert!(max_age(cache_control).is_none_or(|age| age == 0), "{path}");
    }
}

#[tokio::test]
async fn a_missing_asset_is_not_found_even_for_a_browser() {
    let app = TestApp::spawn().await;

    for accept in [BROWSER_ACCEPT, "application/json"] {
        let response = app.api.get_accepting("/assets/missing.js", accept).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{accept}");
        let body = response.text().await.unwrap();
        assert_ne!(body, site::INDEX_HTML);
    }
}

#[tokio::test]
async fn files_of_the_static_dir_are_served_for_any_accept() {
    let app = TestApp::spawn().await;

    for accept in [BROWSER_ACCEPT, "*/*", "application/json", "text/plain"] {
        let response = app.api.get_accepting("/robots.txt", accept).await;
        assert_eq!(response.status(), StatusCode::OK, "{accept}");
        assert_eq!(response.text().await.unwrap(), site::ROBOTS_TXT);
    }
}

#[tokio::test]
async fn dot_dot_segments_cannot_leave_the_static_dir() {
    let app = TestApp::spawn().await;
    let mut connection = Connection::open(app.port()).await;

    for target in [
        "/../secret.txt",
        "/assets/../../secret.txt",
        "/assets/..%2f..%2fsecret.txt",
        "/%2e%2e/secret.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt",
        "/..%5csecret.txt",
        "/assets/....//....//secret.txt",
    ] {
        for accept in [BROWSER_ACCEPT, "*/*"] {
            let response = connection
                .send("GET", target, &[("accept", accept)], "")
                .await;
            assert!(
                !response.text().contains(site::SECRET_MARKER),
                "{target} leaked a file outside the static directory"
            );
            assert!(
                !response.status.is_server_error(),
                "{target}: {}",
                response.status
            );
        }
    }
}

#[tokio::test]
async fn responses_carry_the_security_headers() {
    let app = TestApp::spawn().await;
    let (_, client) = app.logged_in_member().await;

    let responses = [
        client.get_accepting("/", BROWSER_ACCEPT).await,
        client.get_accepting("/todos/5/", BROWSER_ACCEPT).await,
        client.get_accepting("/assets/app-1234abcd.js", "*/*").await,
        client.get("/control/ping/").await,
        client.get("/todos/").await,
        client.get("/todos/abc/").await,
        app.api.get("/sessions/").await,
    ];

    for response in responses {
        let url = response.url().clone();
        assert_security_headers(response.headers(), CONTENT_SECURITY_POLICY);
        assert!(
            header(response.headers(), "strict-transport-security").is_none(),
            "{url}: no HSTS while cookies are not Secure"
        );
    }
}

#[tokio::test]
async fn hsts_is_sent_when_cookies_are_secure() {
    let app = TestApp::builder()
        .without_env("TOZO_AUTH_COOKIE_SECURE")
        .spawn()
        .await;

    for response in [
        app.api.get_accepting("/", BROWSER_ACCEPT).await,
        app.api.get("/control/ping/").await,
    ] {
        let hsts = header(response.headers(), "strict-transport-security")
            .expect("HSTS with Secure cookies");
        let max_age = hsts
            .split(';')
            .map(str::trim)
            .find_map(|directive| directive.strip_prefix("max-age="))
            .and_then(|seconds| seconds.parse::<u64>().ok());
        assert!(max_age.is_some_and(|age| age > 0), "{hsts}");
    }
}

#[tokio::test]
async fn the_runtime_configuration_reports_no_sentry_by_default() {
    let app = TestApp::spawn().await;

    let config = expect_json(app.api.get("/control/config/").await, StatusCode::OK).await;

    assert_eq!(config["sentryDsn"], json!(null));
    assert_eq!(config["environment"], "test");
    assert_eq!(config["release"], "tozo@0.1.0");
}

#[tokio::test]
async fn a_configured_frontend_sentry_is_allowed_by_the_policy_and_reported_to_the_app() {
    let dsn = "https://public-key@127.0.0.1:9443/7";
    let app = TestApp::builder()
        .env("TOZO_FRONTEND_SENTRY_DSN", dsn)
        .env("TOZO_ENVIRONMENT", "production")
        .spawn()
        .await;

    let config = expect_json(app.api.get("/control/config/").await, StatusCode::OK).await;
    let page = app.api.get_accepting("/", BROWSER_ACCEPT).await;

    assert_eq!(config["sentryDsn"], dsn);
    assert_eq!(config["environment"], "production");
    assert_eq!(config["release"], "tozo@0.1.0");
    let policy = CONTENT_SECURITY_POLICY.replace(
        "connect-src 'self'",
        "connect-src 'self' https://127.0.0.1:9443",
    );
    assert_security_headers(page.headers(), &policy);
    assert!(
        header(page.headers(), CONTENT_TYPE.as_str())
            .is_some_and(|value| value.starts_with("text/html"))
    );
}
