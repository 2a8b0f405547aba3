use std::time::Instant;

use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::Header;
use rocket::{Data, Request, Response};

use super::SentryEventId;
use crate::guards::ClientAddress;

/// A random id for each request, returned in `X-Request-Id` and written in its log line, so
/// that one request can be found from what a person reports.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

struct Started(Instant);

/// One log line per request: method, path, route, status, bytes, duration, client, id.
pub struct RequestLog;

#[rocket::async_trait]
impl Fairing for RequestLog {
    fn info(&self) -> Info {
        Info {
            name: "Request log",
            kind: Kind::Request | Kind::Response,
        }
    }

    async fn on_request(&self, request: &mut Request<'_>, _data: &mut Data<'_>) {
        request.local_cache(|| Started(Instant::now()));
        request.local_cache(|| RequestId(tozo_core::token::random_text(12)));
    }

    async fn on_response<'r>(&self, request: &'r Request<'_>, response: &mut Response<'r>) {
        let started = request.local_cache(|| Started(Instant::now()));
        let RequestId(request_id) = request.local_cache(|| RequestId(String::new()));
        let SentryEventId(event_id) = request.local_cache(SentryEventId::default);
        let duration_ms = started.0.elapsed().as_secs_f64() * 1000.0;
        let route = request.route().map(|route| route.uri.to_string());
        let status = response.status().code;

        tracing::info!(
            target: "tozo::request",
            method = %request.method(),
            path = %redacted_path(request.uri().path().as_str()),
            route = route.as_deref().unwrap_or("-"),
            status,
            bytes = response.body().preset_size().unwrap_or(0),
            duration_ms = (duration_ms * 100.0).round() / 100.0,
            client = %ClientAddress::of(request).0,
            request_id = %request_id,
            sentry_event_id = event_id.as_deref(),
            "request"
        );
        response.set_header(Header::new("X-Request-Id", request_id.clone()));
    }
}

/// The pages that carry a token in their path show it as `<token>` in the log.
fn redacted_path(path: &str) -> String {
    for page in ["/confirm-email/", "/reset-password/"] {
        if let Some(rest) = path.strip_prefix(page)
            && !rest.is_empty()
        {
            return format!("{page}<token>/");
        }
    }
    path.to_owned()
}

#[cfg(test)]
mod tests {
    use super::redacted_path;

    #[test]
    fn tokens_in_page_paths_never_reach_the_log() {
        assert_eq!(
            redacted_path("/reset-password/abc.def/"),
            "/reset-password/<token>/"
        );
        assert_eq!(
            redacted_path("/confirm-email/abc.def/"),
            "/confirm-email/<token>/"
        );
        assert_eq!(redacted_path("/todos/5/"), "/todos/5/");
    }
}
