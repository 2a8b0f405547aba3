use rocket::State;
use rocket::http::{Cookie, CookieJar, SameSite, Status};
use rocket::request::{FromRequest, Outcome, Request};
use rocket::time::{Duration, OffsetDateTime};
use tozo_core::{MemberId, NewSession, SessionToken, Tozo};

use crate::config;
use crate::error::error_chain;

/// The name of the session cookie.
pub const SESSION_COOKIE: &str = "tozo_session";

/// How session cookies are made: their attributes come from the settings.
#[derive(Debug, Clone, Copy)]
pub struct SessionCookies {
    /// The `Secure` attribute.
    pub secure: bool,
    /// The `SameSite` attribute.
    pub same_site: config::SameSite,
}

impl SessionCookies {
    /// Puts a new session into the (encrypted) cookie; with `remember` the cookie outlives the
    /// browser, otherwise it is a session cookie.
    pub fn start(&self, cookies: &CookieJar<'_>, session: &NewSession) {
        let mut cookie = Cookie::build((SESSION_COOKIE, session.token.expose().to_owned()))
            .path("/")
            .http_only(true)
            .secure(self.secure)
            .same_site(match self.same_site {
                config::SameSite::Strict => SameSite::Strict,
                config::SameSite::Lax => SameSite::Lax,
                config::SameSite::None => SameSite::None,
            });
        cookie = if session.remember {
            let lifetime = Duration::seconds(tozo_core::REMEMBERED_SESSION.num_seconds());
            cookie
                .max_age(lifetime)
                .expires(OffsetDateTime::now_utc() + lifetime)
        } else {
            // Said explicitly: Rocket gives private cookies without one a week's expiry.
            cookie.expires(None::<OffsetDateTime>)
        };
        cookies.add_private(cookie);
    }

    /// Tells the browser to forget the session cookie.
    pub fn end(cookies: &CookieJar<'_>) {
        cookies.remove_private(Cookie::build(SESSION_COOKIE).path("/"));
    }

    /// The session token in the request's cookie, if any and if it decrypts.
    #[must_use]
    pub fn token(cookies: &CookieJar<'_>) -> Option<SessionToken> {
        cookies
            .get_private(SESSION_COOKIE)
            .map(|cookie| SessionToken::from_cookie(cookie.value()))
    }
}

/// The member whose live session made the request; without one the request ends in a 401.
pub struct Member {
    /// Who is logged in.
    pub id: MemberId,
    /// The session the request came with.
    pub session: SessionToken,
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Member {
    type Error = ();

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let Some(session) = SessionCookies::token(request.cookies()) else {
            return Outcome::Error((Status::Unauthorized, ()));
        };
        let tozo = request
            .guard::<&State<Tozo>>()
            .await
            .expect("Tozo is managed");

        match tozo.authenticate(&session).await {
            Ok(Some(id)) => Outcome::Success(Self { id, session }),
            Ok(None) => Outcome::Error((Status::Unauthorized, ())),
            Err(error) => {
                tracing::error!(error = %error_chain(&error), "session check failed");
                Outcome::Error((Status::InternalServerError, ()))
            }
        }
    }
}
