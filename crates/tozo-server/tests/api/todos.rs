//! To-dos: `/todos/` and `/todos/{id}/`.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{TestApp, expect_error, expect_json};

#[tokio::test]
async fn todos_need_a_session() {
    let app = TestApp::spawn().await;
    let body = json!({ "task": "Water the plants", "due": null, "complete": false });

    let answers = [
        app.api.get("/todos/").await,
        app.api.create_todo(&body).await,
        app.api.get("/todos/1/").await,
        app.api.put("/todos/1/", &body).await,
        app.api.delete("/todos/1/").await,
    ];

    for response in answers {
        expect_error(response, StatusCode::UNAUTHORIZED, "UNAUTHORIZED").await;
    }
}

#[tokio::test]
async fn creating_a_todo_answers_created_with_the_todo() {
    let app = TestApp::spawn().await;
    let (_, client) = app.logged_in_member().await;

    let body = json!({ "task": "Water the plants", "due": "2030-01-31", "complete": false });
    let todo = expect_json(client.create_todo(&body).await, StatusCode::CREATED).await;

    assert!(todo["id"].as_i64().is_some_and(|id| id > 0), "{todo}");
    assert_eq!(
        todo,
        json!({
            "id": todo["id"],
            "task": "Water the plants",
            "due": "2030-01-31T00:00:00Z",
            "complete": false,
        })
    );
    let fetched = expect_json(client.todo(&todo["id"]).await, StatusCode::OK).await;
    assert_eq!(fetched, todo);
}

#[tokio::test]
async fn a_todo_without_a_due_date_answers_null() {
    let app = TestApp::spawn().await;
    let (_, client) = app.logged_in_member().await;

    let todo = client.add_todo("Someday", None, false).await;

    assert_eq!(todo["due"], Value::Null);
}

#[tokio::test]
async fn a_todo_can_be_updated() {
    let app = TestApp::spawn().await;
    let (_, client) = app.logged_in_member().await;
    let todo = client.add_todo("Draft", Some("2030-01-31"), false).await;
    let id = &todo["id"];

    let body = json!({ "task": "  Final  ", "due": null, "complete": true });
    let updated = expect_json(client.update_todo(id, &body).await, StatusCode::OK).await;

    let expected = json!({ "id": id, "task": "Final", "due": null, "complete": true });
    assert_eq!(updated, expected);
    assert_eq!(
        expect_json(client.todo(id).await, StatusCode::OK).await,
        expected
    );
    assert_eq!(client.todos().await, vec![expected]);
}

#[tokio::test]
async fn deleting_a_todo_answers_accepted_with_an_empty_body() {
    let app = TestApp::spawn().await;
    let (_, client) = app.logged_in_member().await;
    let todo = client.add_todo("Short-lived", None, false).await;

    let response = client.delete_todo(&todo["id"]).await;

    assert_eq!(response.status(), StatusCode::ACCEPTED);
    assert!(response.bytes().await.unwrap().is_empty());
    expect_error(
        client.todo(&todo["id"]).await,
        StatusCode::NOT_FOUND,
        "NOT_FOUND",
    )
    .await;
    assert!(client.todos().await.is_empty());
}

#[tokio::test]
async fn the_list_holds_the_members_todos_and_filters_by_completion() {
    let app = TestApp::spawn().await;
    let (_, client) = app.logged_in_member().await;
    let open = client.add_todo("Open", None, false).await;
    let done = client.add_todo("Done", None, true).await;
    let also_open = client
        .add_todo("Also open", Some("2031-06-01"), false)
        .await;

    let mut all = client.todos().await;
    let open_ones = client.todos_where_complete(false).await;
    let done_ones = client.todos_where_complete(true).await;

    all.sort_by_key(|todo| todo["id"].as_i64());
    assert_eq!(all, vec![open.clone(), done.clone(), also_open.clone()]);
    assert_eq!(done_ones, vec![done]);
    assert_eq!(open_ones.len(), 2);
    assert!(open_ones.contains(&open) && open_ones.contains(&also_open));
}

#[tokio::test]
async fn a_new_member_has_no_todos() {
    let app = TestApp::spawn().await;
    let (_, client) = app.logged_in_member().await;

    assert!(client.todos().await.is_empty());
}

#[tokio::test]
async fn someone_elses_todo_answers_not_found() {
    let app = TestApp::spawn().await;
    let (_, owner) = app.logged_in_member().await;
    let (_, intruder) = app.logged_in_member().await;
    let todo = owner.add_todo("Private", None, false).await;
    let id = &todo["id"];
    let change = json!({ "task": "Mine now", "due": null, "complete": true });

    expect_error(intruder.todo(id).await, StatusCode::NOT_FOUND, "NOT_FOUND").await;
    let update = intruder.update_todo(id, &change).await;
    expect_error(update, StatusCode::NOT_FOUND, "NOT_FOUND").await;
    let delete = intruder.delete_todo(id).await;

    assert!(intruder.todos().await.is_empty());
    let still_there = expect_json(owner.todo(id).await, StatusCode::OK).await;
    assert_eq!(still_there, todo);
    expect_error(delete, StatusCode::NOT_FOUND, "NOT_FOUND").await;
}

#[tokio::test]
async fn an_unknown_todo_id_answers_not_found() {
    let app = TestApp::spawn().await;
    let (_, client) = app.logged_in_member().await;
    let body = json!({ "task": "Ghost", "due": null, "complete": false });

    for id in ["999999", "0", "-1", "9223372036854775807"] {
        let path = format!("/todos/{id}/");
        expect_error(client.get(&path).await, StatusCode::NOT_FOUND, "NOT_FOUND").await;
        let update = client.put(&path, &body).await;
        expect_error(update, StatusCode::NOT_FOUND, "NOT_FOUND").await;
    }
}

#[tokio::test]
async fn a_non_numeric_todo_id_answers_not_found() {
    let app = TestApp::spawn().await;
    let (_, client) = app.logged_in_member().await;
    let body = json!({ "task": "Ghost", "due": null, "complete": false });

    for id in ["abc", "1.5", "99999999999999999999999", "1e3", "%20", "0x1"] {
        let path = format!("/todos/{id}/");
        expect_error(client.get(&path).await, StatusCode::NOT_FOUND, "NOT_FOUND").await;
        let update = client.put(&path, &body).await;
        expect_error(update, StatusCode::NOT_FOUND, "NOT_FOUND").await;
        expect_error(
            client.delete(&path).await,
            StatusCode::NOT_FOUND,
            "NOT_FOUND",
        )
        .await;
    }
}

#[tokio::test]
async fn tasks_are_kept_exactly_after_trimming() {
    let app = TestApp::spawn().await;
    let (_, client) = app.logged_in_member().await;
    let tasks = [
        ("  Water the plants \n", "Water the plants"),
        ("🦀 Écrire le rapport 👩‍👩‍👧‍👦 ✅", "🦀 Écrire le rapport 👩‍👩‍👧‍👦 ✅"),
        ("\t 日本語のタスク\u{3000}", "日本語のタスク"),
        (
            "Quotes \" and \\ and <b>tags</b>",
            "Quotes \" and \\ and <b>tags</b>",
        ),
        ("line one\nline two", "line one\nline two"),
    ];

    for (sent, kept) in tasks {
        let todo = client.add_todo(sent, None, false).await;
        assert_eq!(todo["task"], kept);
        let fetched = expect_json(client.todo(&todo["id"]).await, StatusCode::OK).await;
        assert_eq!(fetched["task"], kept);
    }
}

#[tokio::test]
async fn a_task_of_ten_thousand_characters_is_kept_and_a_longer_one_refused() {
    let app = TestApp::spawn().await;
    let (_, client) = app.logged_in_member().await;
    // Four bytes each: the limit counts characters, not bytes.
    let longest = "🦀".repeat(10_000);
    let too_long = "🦀".repeat(10_001);

    let todo = client.add_todo(&longest, None, false).await;
    assert_eq!(todo["task"], longest.as_str());

    let body = json!({ "task": too_long, "due": null, "complete": false });
    let response = client.create_todo(&body).await;
    expect_error(response, StatusCode::BAD_REQUEST, "BAD_REQUEST").await;
    let response = client.update_todo(&todo["id"], &body).await;
    expect_error(
        response,
        StatusCode::UNPROCESSABLE_ENTITY,
        "UNPROCESSABLE_ENTITY",
    )
    .await;
}

#[tokio::test]
async fn an_empty_or_unstorable_task_is_refused() {
    let app = TestApp::spawn().await;
    let (_, client) = app.logged_in_member().await;
    let todo = client.add_todo("Something", None, false).await;

    // PostgreSQL cannot store a NUL character in text.
    for refused in ["", "   ", "\n\t ", "a\u{0}b"] {
        let body = json!({ "task": refused, "due": null, "complete": false });
        let created = client.create_todo(&body).await;
        expect_error(created, StatusCode::BAD_REQUEST, "BAD_REQUEST").await;
        let updated = client.update_todo(&todo["id"], &body).await;
        expect_error(
            updated,
            StatusCode::UNPROCESSABLE_ENTITY,
            "UNPROCESSABLE_ENTITY",
        )
        .await;
    }

    assert_eq!(client.todos().await, vec![todo]);
}

#[tokio::test]
async fn a_plain_date_keeps_its_day() {
    let app = TestApp::spawn().await;
    let (_, client) = app.logged_in_member().await;

    for (date, due) in [
        ("2030-01-31", "2030-01-31T00:00:00Z"),
        ("2030-12-31", "2030-12-31T00:00:00Z"),
        ("2032-02-29", "2032-02-29T00:00:00Z"),
    ] {
        let todo = client.add_todo("Dated", Some(date), false).await;
        assert_eq!(todo["due"], due);
    }
}

#[tokio::test]
async fn a_due_with_an_offset_is_converted_to_utc() {
    let app = TestApp::spawn().await;
    let (_, client) = app.logged_in_member().await;

    for (sent, kept) in [
        ("2030-01-31T10:15:00+02:00", "2030-01-31T08:15:00Z"),
        ("2030-01-01T01:00:00+03:00", "2029-12-31T22:00:00Z"),
        ("2030-06-30T20:30:00-05:00", "2030-07-01T01:30:00Z"),
        ("2030-01-31T10:15:00Z", "2030-01-31T10:15:00Z"),
    ] {
        let todo = client.add_todo("Timed", Some(sent), false).await;
        assert_eq!(todo["due"], kept, "{sent}");
        let body = json!({ "task": "Timed", "due": sent, "complete": false });
        let updated =
            expect_json(client.update_todo(&todo["id"], &body).await, StatusCode::OK).await;
        assert_eq!(updated["due"], kept, "{sent}");
    }
}

#[tokio::test]
async fn an_unparseable_or_out_of_range_due_is_refused() {
    let app = TestApp::spawn().await;
    let (_, client) = app.logged_in_member().await;
    let todo = client.add_todo("Something", None, false).await;

    for due in [
        "tomorrow",
        "2030-02-30",
        "31/01/2030",
        "2030-01-31T25:00:00Z",
        "",
        // Valid, but outside what PostgreSQL stores or RFC 3339 writes back.
        "-5000-01-01",
        "+12345-01-01",
        "9999-12-31T23:59:59-23:59",
    ] {
        let body = json!({ "task": "Dated", "due": due, "complete": false });
        let created = client.create_todo(&body).await;
        expect_error(created, StatusCode::BAD_REQUEST, "BAD_REQUEST").await;
        let updated = client.update_todo(&todo["id"], &body).await;
        expect_error(
            updated,
            StatusCode::UNPROCESSABLE_ENTITY,
            "UNPROCESSABLE_ENTITY",
        )
        .await;
    }

    assert_eq!(client.todos().await, vec![todo]);
}

#[tokio::test]
async fn a_wrongly_shaped_todo_is_a_bad_request() {
    let app = TestApp::spawn().await;
    let (_, client) = app.logged_in_member().await;

    for body in [
        json!({ "task": 5, "due": null, "complete": false }),
        json!({ "task": "Fine", "due": null, "complete": "yes" }),
        json!(["Water the plants"]),
        json!("Water the plants"),
    ] {
        let response = client.create_todo(&body).await;
        expect_error(response, StatusCode::BAD_REQUEST, "BAD_REQUEST").await;
    }
    assert!(client.todos().await.is_empty());
}

#[tokio::test]
async fn an_invalid_completion_filter_is_refused_as_json() {
    let app = TestApp::spawn().await;
    let (_, client) = app.logged_in_member().await;

    let response = client.get("/todos/?complete=maybe").await;

    let status = response.status();
    assert!(status.is_client_error(), "{status}");
    let body = response.bytes().await.unwrap();
    crate::support::http::assert_error_shape(&body);
}
