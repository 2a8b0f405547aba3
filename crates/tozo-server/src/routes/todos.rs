use rocket::http::{CookieJar, Status};
use rocket::serde::json::Json;
use rocket::{Route, State, delete, get, post, put, routes};
use serde::{Deserialize, Serialize};
use tozo_core::{Due, InvalidTodo, Task, Todo, TodoDraft, TodoId, Tozo};

use crate::error::{ApiError, ApiResult};
use crate::guards::{BodyError, JsonBody, Member, RateLimited, SessionCookies};

pub fn routes() -> Vec<Route> {
    routes![create_todo, list_todos, get_todo, update_todo, delete_todo]
}

/// Ids are taken as text and parsed here, so that a non-numeric id is a 404 like any other
/// id that names nothing (Rocket would answer 422 for a path segment that does not parse).
fn todo_id(raw: &str) -> ApiResult<TodoId> {
    raw.parse().map(TodoId::new).map_err(|_| ApiError::NotFound)
}

/// A to-do's fields as sent; [`TodoFields::parse`] checks them.
#[derive(Deserialize)]
struct TodoFields {
    task: String,
    #[serde(default)]
    due: Option<String>,
    #[serde(default)]
    complete: bool,
}

impl TodoFields {
    fn parse(self) -> Result<TodoDraft, InvalidTodo> {
        Ok(TodoDraft {
            task: Task::parse(&self.task)?,
            due: self.due.as_deref().map(Due::parse).transpose()?,
            complete: self.complete,
        })
    }
}

/// SPEC's table answers 400 for every unusable body of this route, where others answer 422.
#[post("/todos", data = "<body>")]
async fn create_todo(
    _limit: RateLimited,
    member: Member,
    tozo: &State<Tozo>,
    body: Result<JsonBody<TodoFields>, BodyError>,
) -> ApiResult<(Status, Json<Todo>)> {
    let fields = body.map_err(BodyError::into_bad_request)?.0;
    let draft = fields
        .parse()
        .map_err(|error| ApiError::bad_request(error.to_string()))?;

    let todo = tozo.create_todo(member.id, &draft).await?;
    Ok((Status::Created, Json(todo)))
}

#[derive(Serialize)]
struct TodoList {
    todos: Vec<Todo>,
}

/// Checks the session itself, in the query that reads the list, instead of taking a [`Member`]:
/// that saves a round trip to the database on the page members load most.
#[get("/todos?<complete>")]
async fn list_todos(
    _limit: RateLimited,
    cookies: &CookieJar<'_>,
    tozo: &State<Tozo>,
    complete: Option<&str>,
) -> ApiResult<Json<TodoList>> {
    let session = SessionCookies::token(cookies).ok_or(ApiError::Unauthorized)?;
    let complete = match complete {
        None => None,
        Some("true") => Some(true),
        Some("false") => Some(false),
        Some(other) => {
            // A caller without a live session learns that first, as on every other route.
            tozo.authenticate(&session)
                .await?
                .ok_or(ApiError::Unauthorized)?;
            return Err(ApiError::unprocessable(format!(
                "complete={other} is not true or false"
            )));
        }
    };
    let todos = tozo
        .todos_of_session(&session, complete)
        .await?
        .ok_or(ApiError::Unauthorized)?;
    Ok(Json(TodoList { todos }))
}

#[get("/todos/<id>")]
async fn get_todo(
    _limit: RateLimited,
    member: Member,
    tozo: &State<Tozo>,
    id: &str,
) -> ApiResult<Json<Todo>> {
    let todo = tozo.todo(member.id, todo_id(id)?).await?;
    todo.map(Json).ok_or(ApiError::NotFound)
}

#[put("/todos/<id>", data = "<body>")]
async fn update_todo(
    _limit: RateLimited,
    member: Member,
    tozo: &State<Tozo>,
    id: &str,
    body: JsonBody<TodoFields>,
) -> ApiResult<Json<Todo>> {
    let draft = body
        .0
        .parse()
        .map_err(|error| ApiError::unprocessable(error.to_string()))?;

    let todo = tozo.update_todo(member.id, todo_id(id)?, &draft).await?;
    todo.map(Json).ok_or(ApiError::NotFound)
}

#[delete("/todos/<id>")]
async fn delete_todo(
    _limit: RateLimited,
    member: Member,
    tozo: &State<Tozo>,
    id: &str,
) -> ApiResult<Status> {
    if tozo.delete_todo(member.id, todo_id(id)?).await? {
        Ok(Status::Accepted)
    } else {
        Err(ApiError::NotFound)
    }
}
