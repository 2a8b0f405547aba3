use rocket::http::{CookieJar, Status};
use rocket::serde::json::Json;
use rocket::{Route, State, post, put, routes};
use serde::Deserialize;
use tozo_core::{EmailAddress, Password, Tozo};

use super::Empty;
use crate::error::{ApiError, ApiResult};
use crate::guards::{JsonBody, Member, RateLimited};

pub fn routes() -> Vec<Route> {
    routes![
        register,
        confirm_email,
        change_password,
        forgotten_password,
        forgotten_password_post,
        reset_password
    ]
}

fn parse_email(raw: &str) -> ApiResult<EmailAddress> {
    EmailAddress::parse(raw).map_err(|error| ApiError::unprocessable(error.to_string()))
}

#[derive(Deserialize)]
struct Registration {
    email: String,
    password: String,
}

#[post("/members", data = "<body>")]
async fn register(
    _limit: RateLimited,
    tozo: &State<Tozo>,
    body: JsonBody<Registration>,
) -> ApiResult<(Status, Json<Empty>)> {
    let email = parse_email(&body.0.email)?;
    tozo.register(&email, &Password::new(body.0.password))
        .await?;
    Ok((Status::Created, Json(Empty {})))
}

#[derive(Deserialize)]
struct Confirmation {
    token: String,
}

#[put("/members/email", data = "<body>")]
async fn confirm_email(
    _limit: RateLimited,
    tozo: &State<Tozo>,
    body: JsonBody<Confirmation>,
) -> ApiResult<Json<Empty>> {
    tozo.confirm_email(&body.0.token).await?;
    Ok(Json(Empty {}))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PasswordChange {
    current_password: String,
    new_password: String,
}

#[put("/members/password", data = "<body>")]
async fn change_password(
    _limit: RateLimited,
    member: Member,
    tozo: &State<Tozo>,
    body: JsonBody<PasswordChange>,
) -> ApiResult<Json<Empty>> {
    let JsonBody(PasswordChange {
        current_password,
        new_password,
    }) = body;
    tozo.change_password(
        member.id,
        &member.session,
        &Password::new(current_password),
        &Password::new(new_password),
    )
    .await?;
    Ok(Json(Empty {}))
}

#[derive(Deserialize)]
struct ForgottenPassword {
    email: String,
}

#[put("/members/forgotten-password", data = "<body>")]
async fn forgotten_password(
    _limit: RateLimited,
    tozo: &State<Tozo>,
    body: JsonBody<ForgottenPassword>,
) -> ApiResult<Json<Empty>> {
    tozo.forgotten_password(&parse_email(&body.0.email)?)
        .await?;
    Ok(Json(Empty {}))
}

/// The same as `PUT`, for clients that send forms the classic way.
#[post("/members/forgotten-password", data = "<body>")]
async fn forgotten_password_post(
    limit: RateLimited,
    tozo: &State<Tozo>,
    body: JsonBody<ForgottenPassword>,
) -> ApiResult<Json<Empty>> {
    forgotten_password(limit, tozo, body).await
}

#[derive(Deserialize)]
struct PasswordReset {
    password: String,
    token: String,
}

#[put("/members/reset-password", data = "<body>")]
async fn reset_password(
    _limit: RateLimited,
    tozo: &State<Tozo>,
    cookies: &CookieJar<'_>,
    body: JsonBody<PasswordReset>,
) -> ApiResult<Json<Empty>> {
    tozo.reset_password(&body.0.token, &Password::new(body.0.password))
        .await?;
    // Every session has ended, including one this browser may hold.
    crate::guards::SessionCookies::end(cookies);
    Ok(Json(Empty {}))
}
