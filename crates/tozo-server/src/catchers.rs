//! Answers for requests that no route answered: always JSON `{"code"}`, never HTML.

use rocket::http::{Header, Method, Status};
use rocket::request::Request;
use rocket::{Catcher, catch, catchers};

use crate::error::CaughtError;
use crate::guards::RetryAfter;

/// The one catcher, for every status.
#[must_use]
pub fn all() -> Vec<Catcher> {
    catchers![any_error]
}

#[catch(default)]
fn any_error(status: Status, request: &Request<'_>) -> CaughtError {
    let mut headers = Vec::new();
    let mut status = status;

    if status == Status::TooManyRequests
        && let RetryAfter(Some(seconds)) = request.local_cache(RetryAfter::default)
    {
        headers.push(Header::new("Retry-After", seconds.to_string()));
    }

    // Rocket answers 404 when no route matches, even where the path exists for other methods.
    if status == Status::NotFound {
        let allowed = methods_allowed(request);
        if !allowed.is_empty() && !allowed.contains(&request.method()) {
            status = Status::MethodNotAllowed;
            let allowed: Vec<&str> = allowed.iter().map(|method| method.as_str()).collect();
            headers.push(Header::new("Allow", allowed.join(", ")));
        }
    }

    if status.code >= 500 {
        tracing::error!(status = status.code, "request failed in the server");
    }
    CaughtError { status, headers }
}

/// The methods of the API routes whose path template matches the request's path.
fn methods_allowed(request: &Request<'_>) -> Vec<Method> {
    let path = request.uri().path();
    let mut methods: Vec<Method> = request
        .rocket()
        .routes()
        .filter(|route| !route.uri.path().contains("..>"))
        .filter(|route| template_matches(route.uri.path(), path.as_str()))
        .map(|route| route.method)
        .collect();
    if methods.contains(&Method::Get) {
        methods.push(Method::Head);
    }
    methods.sort_by_key(|method| method.as_str());
    methods.dedup();
    methods
}

/// Whether a path like `/todos/5/` fits a template like `/todos/<id>`. Like Rocket's router,
/// it ignores empty segments, so a trailing slash makes no difference.
fn template_matches(template: &str, path: &str) -> bool {
    let (template, path) = (segments(template), segments(path));
    template.len() == path.len()
        && template
            .iter()
            .zip(&path)
            .all(|(expected, actual)| expected == actual || expected.starts_with('<'))
}

fn segments(path: &str) -> Vec<&str> {
    path.split('/')
        .filter(|segment| !segment.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::template_matches;

    #[test]
    fn templates_match_paths_segment_by_segment() {
        assert!(template_matches("/todos/<id>", "/todos/5/"));
        assert!(template_matches("/todos", "/todos/"));
        assert!(!template_matches("/todos/<id>", "/todos/"));
        assert!(!template_matches("/todos/<id>", "/todos/5/extra/"));
        assert!(!template_matches("/sessions", "/todos/"));
    }
}
