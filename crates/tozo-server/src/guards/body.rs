use rocket::data::{self, Data, FromData};
use rocket::http::Status;
use rocket::request::Request;
use rocket::serde::json::Json;
use serde::Deserialize;

use crate::error::ApiError;

/// How much of a body is looked at before it is parsed, to find its first character.
const PEEK_BYTES: usize = 64;

/// A JSON request body. A body sent as another media type is refused with 415; one without a
/// `Content-Type` is read as JSON, as API clients such as curl often send none.
///
/// Beyond that Rocket's JSON reader decides: malformed JSON is 400, JSON of the wrong shape
/// 422, a body over `TOZO_BODY_LIMIT` 413.
pub struct JsonBody<T>(pub T);

/// Why a body was refused, with the status it earns.
#[derive(Debug)]
pub struct BodyError {
    /// 400, 413, 415 or 422.
    pub status: Status,
    /// What was wrong, for the log.
    pub message: String,
}

impl BodyError {
    /// The error for routes that answer 400 to every unusable body (SPEC: `POST /todos/`),
    /// keeping 413 and 415, which are about the transport rather than the content.
    #[must_use]
    pub fn into_bad_request(self) -> ApiError {
        let status = match self.status {
            Status::UnprocessableEntity => Status::BadRequest,
            other => other,
        };
        ApiError::InvalidBody {
            status,
            message: self.message,
        }
    }
}

impl From<BodyError> for ApiError {
    fn from(error: BodyError) -> Self {
        Self::InvalidBody {
            status: error.status,
            message: error.message,
        }
    }
}

#[rocket::async_trait]
impl<'r, T: Deserialize<'r>> FromData<'r> for JsonBody<T> {
    type Error = BodyError;

    async fn from_data(request: &'r Request<'_>, mut data: Data<'r>) -> data::Outcome<'r, Self> {
        // A header Rocket cannot parse as a media type is no JSON either.
        if let Some(declared) = request.headers().get_one("Content-Type")
            && !request.content_type().is_some_and(|media| media.is_json())
        {
            let message = format!("the body's media type, {declared:?}, is not JSON");
            return data::Outcome::Error((
                Status::UnsupportedMediaType,
                BodyError {
                    status: Status::UnsupportedMediaType,
                    message,
                },
            ));
        }

        // serde reads a struct from an array of its fields in order; the API takes objects.
        let start = data
            .peek(PEEK_BYTES)
            .await
            .iter()
            .find(|byte| !byte.is_ascii_whitespace());
        if start == Some(&b'[') {
            let status = Status::UnprocessableEntity;
            let message = "the body is an array, not an object".to_owned();
            return data::Outcome::Error((status, BodyError { status, message }));
        }

        match Json::<T>::from_data(request, data).await {
            data::Outcome::Success(Json(body)) => data::Outcome::Success(Self(body)),
            data::Outcome::Forward(forward) => data::Outcome::Forward(forward),
            data::Outcome::Error((status, error)) => data::Outcome::Error((
                status,
                BodyError {
                    status,
                    message: error.to_string(),
                },
            )),
        }
    }
}
