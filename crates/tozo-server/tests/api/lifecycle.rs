//! The `tozo` process: `migrate`, `healthcheck`, several instances at once, and SIGTERM.

use std::sync::Arc;

use reqwest::StatusCode;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::{Duration, sleep, timeout};

use crate::support::app::random_secret_key;
use crate::support::database::TestDatabase;
use crate::support::server::{Environment, free_port, run_tozo};
use crate::support::site::TestDirectory;
use crate::support::wait::EXIT_WAIT;
use crate::support::{Connection, TestApp, expect_empty_object, strong_password, unique_email};

fn migrate_environment(database_url: String) -> Environment {
    Environment::from([
        ("TOZO_DATABASE_URL".to_owned(), database_url),
        ("TOZO_SECRET_KEY".to_owned(), random_secret_key()),
    ])
}

#[tokio::test]
async fn migrate_applies_the_migrations_and_exits_zero() {
    let database = Arc::new(TestDatabase::create().await);
    let env = migrate_environment(database.url_through(database.port(), None));
    let directory = TestDirectory::create();
    assert_eq!(database.table_count().await, 0);

    let first = run_tozo(&["migrate"], &env, directory.root()).await;
    assert!(first.status.success(), "{}", first.output());
    let tables = database.table_count().await;
    assert!(tables > 0, "migrations created tables");

    let second = run_tozo(&["migrate"], &env, directory.root()).await;
    assert!(second.status.success(), "{}", second.output());
    assert_eq!(database.table_count().await, tables);

    let app = TestApp::builder().database(database).spawn().await;
    app.register_member().await;
}

#[tokio::test]
async fn migrate_without_a_database_exits_non_zero() {
    let nothing_listens = free_port();
    let url = format!("postgres://postgres@127.0.0.1:{nothing_listens}/tozo");

    let directory = TestDirectory::create();

    let finished = run_tozo(&["migrate"], &migrate_environment(url), directory.root()).await;

    assert!(!finished.status.success(), "{}", finished.output());
}

#[tokio::test]
async fn healthcheck_exits_zero_while_the_server_answers_and_non_zero_after() {
    let mut app = TestApp::spawn().await;

    let healthy = app.run(&["healthcheck"]).await;
    assert!(healthy.status.success(), "{}", healthy.output());

    assert!(app.stop().await.success());
    let unhealthy = app.run(&["healthcheck"]).await;
    assert!(!unhealthy.status.success(), "{}", unhealthy.output());
}

#[tokio::test]
async fn several_instances_started_at_once_on_an_empty_database_all_come_up() {
    let database = Arc::new(TestDatabase::create().await);

    let (first, second, third) = tokio::join!(
        TestApp::builder().database(Arc::clone(&database)).spawn(),
        TestApp::builder().database(Arc::clone(&database)).spawn(),
        TestApp::builder().database(Arc::clone(&database)).spawn(),
    );

    let member = first.register_member().await;
    for other in [&second, &third] {
        assert!(other.can_log_in(&member.email, &member.password).await);
    }
}

#[tokio::test]
async fn sigterm_lets_a_request_in_flight_finish_then_exits_zero() {
    let mut app = TestApp::spawn().await;
    let email = unique_email();
    let password = strong_password();
    let body = json!({ "email": email, "password": password }).to_string();
    let (first_half, second_half) = body.split_at(body.len() / 2);

    let mut stream = TcpStream::connect(("127.0.0.1", app.port())).await.unwrap();
    let head = format!(
        "POST /members/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(first_half.as_bytes()).await.unwrap();
    // These pauses only order events: the server reads the head before the signal, and
    // receives the signal before the rest of the body.
    sleep(Duration::from_millis(300)).await;
    app.server.terminate();
    sleep(Duration::from_millis(300)).await;
    stream.write_all(second_half.as_bytes()).await.unwrap();

    let mut response = Vec::new();
    timeout(EXIT_WAIT, stream.read_to_end(&mut response))
        .await
        .expect("the request in flight is answered")
        .expect("the answer can be read");
    let response = String::from_utf8_lossy(&response);
    assert!(response.starts_with("HTTP/1.1 201"), "{response}");
    let status = app.server.wait_for_exit().await;
    assert!(status.success(), "exit status {status}");

    let next = TestApp::builder()
        .database(Arc::clone(&app.database))
        .spawn()
        .await;
    assert!(next.can_log_in(&email, &password).await);
}

#[tokio::test]
async fn sigterm_with_an_idle_keep_alive_connection_exits_zero() {
    let mut app = TestApp::spawn().await;
    let mut idle = Connection::open(app.port()).await;
    let ping = idle.send("GET", "/control/ping/", &[], "").await;
    assert_eq!(ping.status, StatusCode::OK);

    let status = app.stop().await;

    assert!(status.success(), "exit status {status}");
}

#[tokio::test]
async fn ping_answers_pong() {
    let app = TestApp::spawn().await;

    let response = app.api.get("/control/ping/").await;

    let body = crate::support::expect_json(response, StatusCode::OK).await;
    assert_eq!(body, json!({ "ping": "pong" }));
}

#[tokio::test]
async fn members_todos_and_sessions_outlive_a_restart_with_the_same_secret_key() {
    let mut app = TestApp::spawn().await;
    let (member, client) = app.logged_in_member().await;
    let todo = client
        .add_todo("Outlive a restart", Some("2030-01-31"), false)
        .await;
    let cookie = client.session_cookie().expect("a session cookie");
    assert!(app.stop().await.success());

    let next = TestApp::builder()
        .database(Arc::clone(&app.database))
        .env("TOZO_SECRET_KEY", &app.env["TOZO_SECRET_KEY"])
        .spawn()
        .await;

    let same_browser = next.api.with_cookie(&cookie);
    assert_eq!(same_browser.todos().await, vec![todo.clone()]);
    let fresh_login = next.log_in(&member).await;
    assert_eq!(fresh_login.todos().await, vec![todo]);
    expect_empty_object(fresh_login.logout().await, StatusCode::OK).await;
}
