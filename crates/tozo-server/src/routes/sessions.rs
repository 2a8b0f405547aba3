use rocket::http::CookieJar;
use rocket::serde::json::Json;
use rocket::{Route, State, delete, get, post, routes};
use serde::{Deserialize, Serialize};
use tozo_core::{EmailAddress, MemberId, Password, Tozo};

use super::Empty;
use crate::error::{ApiError, ApiResult};
use crate::guards::{JsonBody, Member, RateLimited, SessionCookies};

pub fn routes() -> Vec<Route> {
    routes![login, logout, session_status]
}

#[derive(Deserialize)]
struct Login {
    email: String,
    password: String,
    #[serde(default)]
    remember: bool,
}

#[post("/sessions", data = "<body>")]
async fn login(
    _limit: RateLimited,
    tozo: &State<Tozo>,
    session_cookies: &State<SessionCookies>,
    cookies: &CookieJar<'_>,
    body: JsonBody<Login>,
) -> ApiResult<Json<Empty>> {
    let JsonBody(Login {
        email,
        password,
        remember,
    }) = body;
    // An address that cannot exist cannot be a member's: the same answer as a wrong password.
    let email = EmailAddress::parse(&email).map_err(|_| ApiError::InvalidCredentials)?;

    let session = tozo
        .login(&email, &Password::new(password), remember)
        .await?;
    session_cookies.start(cookies, &session);
    Ok(Json(Empty {}))
}

/// Ends the session, if there is one: logging out twice, or with no cookie, is not an error.
#[delete("/sessions")]
async fn logout(tozo: &State<Tozo>, cookies: &CookieJar<'_>) -> ApiResult<Json<Empty>> {
    if let Some(session) = SessionCookies::token(cookies) {
        tozo.logout(&session).await?;
    }
    SessionCookies::end(cookies);
    Ok(Json(Empty {}))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SessionStatus {
    member_id: MemberId,
}

#[get("/sessions")]
#[allow(
    clippy::needless_pass_by_value,
    reason = "Rocket hands guards over by value"
)]
fn session_status(_limit: RateLimited, member: Member) -> Json<SessionStatus> {
    Json(SessionStatus {
        member_id: member.id,
    })
}
