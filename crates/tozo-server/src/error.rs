//! Every answer that is not a success: one enum, mapped to HTTP in one place.

use rocket::http::{Header, Status};
use rocket::request::Request;
use rocket::response::{self, Responder};
use rocket::serde::json::Json;
use serde::Serialize;
use tozo_core::token::TokenError;
use tozo_core::{
    ChangePasswordError, ConfirmEmailError, LoginError, RegisterError, ResetPasswordError,
    StorageError,
};

/// A failed request, as the client will see it.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The password would be guessed too easily.
    #[error("the password is too weak")]
    WeakPassword,
    /// A token in a link was not one of ours, or was used already.
    #[error("the token is invalid")]
    TokenInvalid,
    /// A token in a link is older than its lifetime.
    #[error("the token has expired")]
    TokenExpired,
    /// The current password given to change it is wrong.
    #[error("the current password is wrong")]
    InvalidPassword,
    /// Login with an unknown email or a wrong password.
    #[error("the email or password is wrong")]
    InvalidCredentials,
    /// The request needs a session and has none.
    #[error("no session")]
    Unauthorized,
    /// Nothing here, or nothing of this member's.
    #[error("not found")]
    NotFound,
    /// The body cannot be used: 400 (malformed), 413 (too large), 415 (not JSON) or 422 (wrong
    /// shape or invalid values).
    #[error("unusable body ({status}): {message}")]
    InvalidBody {
        /// The status the client gets.
        status: Status,
        /// What was wrong, for the log.
        message: String,
    },
    /// Our fault: the cause is logged, the client learns nothing of it.
    #[error("internal error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

/// The body of every error answer.
#[derive(Debug, Serialize)]
pub struct ErrorBody {
    /// What went wrong, in `UPPER_SNAKE` case.
    pub code: &'static str,
}

impl ApiError {
    /// The HTTP status and the `code` the client sees.
    #[must_use]
    pub fn status_and_code(&self) -> (Status, &'static str) {
        match self {
            Self::WeakPassword => (Status::BadRequest, "WEAK_PASSWORD"),
            Self::TokenInvalid => (Status::BadRequest, "TOKEN_INVALID"),
            Self::TokenExpired => (Status::Forbidden, "TOKEN_EXPIRED"),
            Self::InvalidPassword => (Status::Unauthorized, "INVALID_PASSWORD"),
            Self::InvalidCredentials => (Status::Unauthorized, "INVALID_CREDENTIALS"),
            Self::Unauthorized => (Status::Unauthorized, code_for(Status::Unauthorized)),
            Self::NotFound => (Status::NotFound, code_for(Status::NotFound)),
            Self::InvalidBody { status, .. } => (*status, code_for(*status)),
            Self::Internal(_) => (
                Status::InternalServerError,
                code_for(Status::InternalServerError),
            ),
        }
    }

    /// A body of the wrong shape or with invalid values.
    pub fn unprocessable(message: impl Into<String>) -> Self {
        Self::InvalidBody {
            status: Status::UnprocessableEntity,
            message: message.into(),
        }
    }

    /// A body refused with 400, on routes that answer so for every unusable body.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::InvalidBody {
            status: Status::BadRequest,
            message: message.into(),
        }
    }

    /// Wraps one of our own failures.
    pub fn internal(error: impl std::error::Error + Send + Sync + 'static) -> Self {
        Self::Internal(Box::new(error))
    }
}

impl<'r> Responder<'r, 'static> for ApiError {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'static> {
        let (status, code) = self.status_and_code();
        match &self {
            Self::Internal(cause) => {
                tracing::error!(error = %error_chain(cause.as_ref()), "request failed");
            }
            Self::InvalidBody { message, .. } => tracing::info!(reason = %message, "body refused"),
            _ => {}
        }
        (status, Json(ErrorBody { code })).respond_to(request)
    }
}

/// The error and all its causes on one line, for the log.
pub fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut chain = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        chain.push_str(": ");
        chain.push_str(&cause.to_string());
        source = cause.source();
    }
    chain
}

/// `UPPER_SNAKE` from a status's reason phrase: `Payload Too Large` is `PAYLOAD_TOO_LARGE`.
#[must_use]
pub fn code_for(status: Status) -> &'static str {
    match status.code {
        400 => "BAD_REQUEST",
        401 => "UNAUTHORIZED",
        403 => "FORBIDDEN",
        404 => "NOT_FOUND",
        405 => "METHOD_NOT_ALLOWED",
        406 => "NOT_ACCEPTABLE",
        408 => "REQUEST_TIMEOUT",
        413 => "PAYLOAD_TOO_LARGE",
        415 => "UNSUPPORTED_MEDIA_TYPE",
        422 => "UNPROCESSABLE_ENTITY",
        429 => "TOO_MANY_REQUESTS",
        503 => "SERVICE_UNAVAILABLE",
        code if code >= 500 => "INTERNAL_SERVER_ERROR",
        _ => "BAD_REQUEST",
    }
}

/// An error answer with extra headers, for catchers.
pub struct CaughtError {
    /// The status to answer with.
    pub status: Status,
    /// Headers such as `Retry-After` or `Allow`.
    pub headers: Vec<Header<'static>>,
}

impl<'r> Responder<'r, 'static> for CaughtError {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'static> {
        let mut response = (
            self.status,
            Json(ErrorBody {
                code: code_for(self.status),
            }),
        )
            .respond_to(request)?;
        for header in self.headers {
            response.set_header(header);
        }
        Ok(response)
    }
}

impl From<StorageError> for ApiError {
    fn from(error: StorageError) -> Self {
        Self::internal(error)
    }
}

impl From<TokenError> for ApiError {
    fn from(error: TokenError) -> Self {
        match error {
            TokenError::Invalid => Self::TokenInvalid,
            TokenError::Expired => Self::TokenExpired,
        }
    }
}

impl From<RegisterError> for ApiError {
    fn from(error: RegisterError) -> Self {
        match error {
            RegisterError::WeakPassword(_) => Self::WeakPassword,
            RegisterError::Hashing(error) => Self::internal(error),
            RegisterError::Storage(error) => Self::internal(error),
        }
    }
}

impl From<ConfirmEmailError> for ApiError {
    fn from(error: ConfirmEmailError) -> Self {
        match error {
            ConfirmEmailError::Token(error) => error.into(),
            ConfirmEmailError::Storage(error) => Self::internal(error),
        }
    }
}

impl From<LoginError> for ApiError {
    fn from(error: LoginError) -> Self {
        match error {
            LoginError::InvalidCredentials => Self::InvalidCredentials,
            LoginError::Hashing(error) => Self::internal(error),
            LoginError::Storage(error) => Self::internal(error),
        }
    }
}

impl From<ChangePasswordError> for ApiError {
    fn from(error: ChangePasswordError) -> Self {
        match error {
            ChangePasswordError::InvalidPassword => Self::InvalidPassword,
            ChangePasswordError::WeakPassword(_) => Self::WeakPassword,
            ChangePasswordError::Hashing(error) => Self::internal(error),
            ChangePasswordError::Storage(error) => Self::internal(error),
        }
    }
}

impl From<ResetPasswordError> for ApiError {
    fn from(error: ResetPasswordError) -> Self {
        match error {
            ResetPasswordError::Token(error) => error.into(),
            ResetPasswordError::WeakPassword(_) => Self::WeakPassword,
            ResetPasswordError::Hashing(error) => Self::internal(error),
            ResetPasswordError::Storage(error) => Self::internal(error),
        }
    }
}

/// The result of a route.
pub type ApiResult<T> = Result<T, ApiError>;
