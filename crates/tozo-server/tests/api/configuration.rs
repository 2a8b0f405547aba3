//! Configuration through `TOZO_` variables: bad values stop the start, the secret key is
//! required in production, and the database password is handled as AWS hands it over.

use std::sync::Arc;

use reqwest::StatusCode;

use crate::support::database::TestDatabase;
use crate::support::{TestApp, expect_empty_object, expect_json, strong_password, unique_email};

/// Starts the server with one bad variable and expects a refusal naming it.
async fn assert_start_refused(key: &str, value: &str, name: &str) {
    let finished = TestApp::builder()
        .env(key, value)
        .spawn_expecting_failure()
        .await;

    let output = finished.output();
    assert!(
        !finished.status.success(),
        "{key}={value}: exit {}",
        finished.status
    );
    assert!(
        output
            .lines()
            .any(|line| line.to_lowercase().contains(name)),
        "{key}={value}: no line names `{name}`:\n{output}"
    );
    assert!(
        !output.contains("panicked"),
        "{key}={value} is refused cleanly, without a panic:\n{output}"
    );
}

#[tokio::test]
async fn a_port_that_is_not_a_number_stops_the_start() {
    assert_start_refused("TOZO_PORT", "abc", "port").await;
}

#[tokio::test]
async fn a_port_out_of_range_stops_the_start() {
    assert_start_refused("TOZO_PORT", "70000", "port").await;
}

#[tokio::test]
async fn an_address_that_is_not_an_ip_stops_the_start() {
    assert_start_refused("TOZO_ADDRESS", "not-an-address", "address").await;
}

#[tokio::test]
async fn a_negative_number_of_proxy_hops_stops_the_start() {
    assert_start_refused("TOZO_TRUSTED_PROXY_HOPS", "-1", "trusted_proxy_hops").await;
}

#[tokio::test]
async fn a_cookie_secure_flag_that_is_not_a_boolean_stops_the_start() {
    assert_start_refused("TOZO_AUTH_COOKIE_SECURE", "maybe", "auth_cookie_secure").await;
}

#[tokio::test]
async fn an_unknown_same_site_value_stops_the_start() {
    assert_start_refused("TOZO_AUTH_COOKIE_SAMESITE", "Sometimes", "samesite").await;
}

#[tokio::test]
async fn an_unknown_log_format_stops_the_start() {
    assert_start_refused("TOZO_LOG_FORMAT", "xml", "log_format").await;
}

#[tokio::test]
async fn a_base_url_that_is_not_a_url_stops_the_start() {
    assert_start_refused("TOZO_BASE_URL", "not a url", "base_url").await;
}

#[tokio::test]
async fn a_postmark_url_that_is_not_a_url_stops_the_start() {
    assert_start_refused("TOZO_POSTMARK_URL", "not a url", "postmark_url").await;
}

#[tokio::test]
async fn a_database_url_that_is_not_a_url_stops_the_start() {
    assert_start_refused("TOZO_DATABASE_URL", "not a url", "database_url").await;
}

#[tokio::test]
async fn a_pool_size_that_is_not_a_number_stops_the_start() {
    assert_start_refused("TOZO_DATABASE_POOL_SIZE", "many", "pool_size").await;
}

#[tokio::test]
async fn a_body_limit_that_is_not_a_number_stops_the_start() {
    assert_start_refused("TOZO_BODY_LIMIT", "lots", "body_limit").await;
}

#[tokio::test]
async fn a_keep_alive_that_is_not_a_number_stops_the_start() {
    assert_start_refused("TOZO_KEEP_ALIVE", "forever", "keep_alive").await;
}

#[tokio::test]
async fn a_rate_limit_factor_that_is_not_a_number_stops_the_start() {
    assert_start_refused("TOZO_RATE_LIMIT_FACTOR", "fast", "rate_limit_factor").await;
}

#[tokio::test]
async fn a_traces_sample_rate_that_is_not_a_number_stops_the_start() {
    assert_start_refused(
        "TOZO_SENTRY_TRACES_SAMPLE_RATE",
        "often",
        "traces_sample_rate",
    )
    .await;
}

#[tokio::test]
async fn a_sentry_dsn_that_does_not_parse_stops_the_start() {
    assert_start_refused("SENTRY_DSN", "not-a-dsn", "sentry_dsn").await;
}

#[tokio::test]
async fn a_sender_that_is_not_an_email_address_stops_the_start() {
    assert_start_refused("TOZO_EMAIL_FROM", "nobody", "email_from").await;
}

#[tokio::test]
async fn a_secret_key_that_is_not_base64_stops_the_start() {
    assert_start_refused("TOZO_SECRET_KEY", "not base64 at all!", "secret_key").await;
}

#[tokio::test]
async fn a_secret_key_shorter_than_32_bytes_stops_the_start() {
    // "short", base64-encoded: valid encoding, far too little randomness.
    assert_start_refused("TOZO_SECRET_KEY", "c2hvcnQ=", "secret_key").await;
}

#[tokio::test]
async fn without_a_secret_key_a_release_build_refuses_to_start() {
    if cfg!(debug_assertions) {
        // A debug build makes up a key for each start and says so.
        let app = TestApp::builder()
            .without_env("TOZO_SECRET_KEY")
            .spawn()
            .await;
        let output = app.server.logs().to_lowercase();
        assert!(
            output.contains("secret"),
            "a warning about the key:\n{output}"
        );
    } else {
        let finished = TestApp::builder()
            .without_env("TOZO_SECRET_KEY")
            .spawn_expecting_failure()
            .await;
        let output = finished.output();
        assert!(!finished.status.success());
        assert!(
            output
                .lines()
                .any(|line| line.to_lowercase().contains("secret_key")),
            "a line names the secret key:\n{output}"
        );
    }
}

#[tokio::test]
async fn a_numeric_looking_database_password_is_used_as_a_string() {
    let database = Arc::new(TestDatabase::create_with_role("12345").await);
    let app = TestApp::builder()
        .database(Arc::clone(&database))
        .database_recording_passwords()
        .env("TOZO_DATABASE_PASSWORD", "12345")
        .spawn()
        .await;

    let response = app.api.register(&unique_email(), &strong_password()).await;

    expect_empty_object(response, StatusCode::CREATED).await;
    let logins = app.proxy().credentials();
    assert!(!logins.is_empty());
    for login in logins {
        assert_eq!(login.user, database.role());
        assert_eq!(login.password, "12345");
    }
}

#[tokio::test]
async fn the_database_password_replaces_the_password_in_the_url() {
    let password = "s3cr3t p@ss:w/rd?#%&=";
    let database = Arc::new(TestDatabase::create_with_role(password).await);
    let app = TestApp::builder()
        .database(Arc::clone(&database))
        .database_recording_passwords()
        .database_url_password("stale-password-from-the-url")
        .env("TOZO_DATABASE_PASSWORD", password)
        .spawn()
        .await;

    let response = app.api.register(&unique_email(), &strong_password()).await;

    expect_empty_object(response, StatusCode::CREATED).await;
    let logins = app.proxy().credentials();
    assert!(!logins.is_empty());
    for login in logins {
        assert_eq!(login.user, database.role());
        assert_eq!(login.password, password);
    }
}

#[tokio::test]
async fn without_a_separate_password_the_one_in_the_url_is_used() {
    let database = Arc::new(TestDatabase::create_with_role("from/the url").await);
    let app = TestApp::builder()
        .database(Arc::clone(&database))
        .database_recording_passwords()
        .database_url_password("from%2Fthe%20url")
        .spawn()
        .await;

    let response = app.api.register(&unique_email(), &strong_password()).await;

    expect_empty_object(response, StatusCode::CREATED).await;
    let logins = app.proxy().credentials();
    assert!(!logins.is_empty());
    assert!(logins.iter().all(|login| login.password == "from/the url"));
}

#[tokio::test]
async fn settings_in_tozo_toml_apply() {
    let app = TestApp::builder()
        .tozo_toml("environment = \"from-the-file\"\n")
        .without_env("TOZO_ENVIRONMENT")
        .spawn()
        .await;

    let config = expect_json(app.api.get("/control/config/").await, StatusCode::OK).await;

    assert_eq!(config["environment"], "from-the-file");
}

#[tokio::test]
async fn environment_variables_override_tozo_toml() {
    let app = TestApp::builder()
        .tozo_toml("environment = \"from-the-file\"\n")
        .env("TOZO_ENVIRONMENT", "from-the-environment")
        .spawn()
        .await;

    let config = expect_json(app.api.get("/control/config/").await, StatusCode::OK).await;

    assert_eq!(config["environment"], "from-the-environment");
}

#[tokio::test]
async fn a_bad_value_in_tozo_toml_stops_the_start_naming_the_key() {
    let finished = TestApp::builder()
        .tozo_toml("trusted_proxy_hops = \"several\"\n")
        .spawn_expecting_failure()
        .await;

    let output = finished.output();
    assert!(!finished.status.success());
    assert!(
        output
            .lines()
            .any(|line| line.to_lowercase().contains("trusted_proxy_hops")),
        "{output}"
    );
}

#[tokio::test]
async fn an_unknown_tozo_variable_stops_the_start_naming_it() {
    // A typo would otherwise leave a setting silently at its default.
    assert_start_refused("TOZO_AUTH_COOKIE_SECURED", "false", "auth_cookie_secured").await;
}
