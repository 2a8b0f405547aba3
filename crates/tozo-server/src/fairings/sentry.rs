use std::sync::Arc;
use std::time::Duration;

use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::Method;
use rocket::{Data, Request, Response};
use sentry::protocol::{self, Event, Exception, Level, SpanStatus};
use sentry::{Hub, Transaction, TransactionContext};
use tozo_core::Tozo;

use super::RequestId;
use crate::telemetry::{self, Failure, RequestScope};

/// How often a database whose outage was reported is checked, and how long a check may take.
const OUTAGE_CHECK_INTERVAL: Duration = Duration::from_secs(5);

/// The name of a request that matched no route; paths are never names, they hold ids.
const NO_ROUTE: &str = "(no route)";

/// The id of the Sentry event that reports a request, for its log line.
#[derive(Debug, Clone, Default)]
pub struct SentryEventId(pub Option<String>);

/// What Sentry knows of one request: a hub of its own, so its scope holds its tags only, and
/// its transaction.
struct Report {
    hub: Arc<Hub>,
    transaction: Transaction,
}

/// The request's place in the logs and reports; see [`RequestScope`].
struct Scope(Option<RequestScope>);

/// Reports requests to Sentry: a transaction named by the route template (`GET /todos/<id>`)
/// for the traced share of requests, and one error event for each request that answered 5xx
/// or logged an error, with its method, route, status and request id. 4xx answers are the
/// caller's fault and send nothing. Without a Sentry client it only keeps the request's
/// context for the logs. Attach it before the request log, whose line names the event.
pub struct SentryReporting;

#[rocket::async_trait]
impl Fairing for SentryReporting {
    fn info(&self) -> Info {
        Info {
            name: "Sentry reporting",
            kind: Kind::Request | Kind::Response,
        }
    }

    async fn on_request(&self, request: &mut Request<'_>, _data: &mut Data<'_>) {
        // The same id the request log would make; whichever fairing runs first makes it.
        let RequestId(request_id) =
            request.local_cache(|| RequestId(tozo_core::token::random_text(12)));
        let scope = RequestScope::enter(request_id);
        let report = telemetry::sentry_is_active().then(|| start_report(request, request_id));
        request.local_cache(|| Scope(scope));
        request.local_cache(|| report);
    }

    async fn on_response<'r>(&self, request: &'r Request<'_>, response: &mut Response<'r>) {
        let Scope(scope) = request.local_cache(|| Scope(None));
        let failure = scope.as_ref().and_then(RequestScope::take_failure);
        let Some(report) = request.local_cache(|| None::<Report>) else {
            return;
        };

        let status = response.status().code;
        let route = request.route().map(|route| route.uri.path().to_owned());
        let name = format!(
            "{} {}",
            request.method(),
            route.as_deref().unwrap_or(NO_ROUTE)
        );
        report.hub.configure_scope(|scope| {
            scope.set_transaction(Some(&name));
            scope.set_tag("route", route.as_deref().unwrap_or(NO_ROUTE));
            scope.set_tag("method", request.method());
            scope.set_tag("status", status);
        });

        let started_outage = failure
            .as_ref()
            .is_some_and(|failure| failure.started_outage);
        if let Some(event) = failure_event(failure, status, request.method(), &name) {
            let event_id = report.hub.capture_event(event);
            if !event_id.is_nil() {
                let event_id = Some(event_id.simple().to_string());
                request.local_cache(|| SentryEventId(event_id));
            }
        }
        if started_outage && let Some(tozo) = request.rocket().state::<Tozo>() {
            rocket::tokio::spawn(watch_outage(tozo.database().clone()));
        }

        let transaction = report.transaction.clone();
        transaction.set_name(&name);
        transaction.set_status(span_status(status));
        transaction.set_data("http.response.status_code", status.into());
        transaction.finish();
    }
}

fn start_report(request: &Request<'_>, request_id: &str) -> Report {
    let hub = Arc::new(Hub::new_from_top(Hub::main()));
    // Sampling is decided now; the name is known only once the request has been routed.
    let context =
        TransactionContext::new(&format!("{} {NO_ROUTE}", request.method()), "http.server");
    let transaction = hub.start_transaction(context);
    transaction.set_request(protocol::Request {
        method: Some(request.method().to_string()),
        ..protocol::Request::default()
    });
    hub.configure_scope(|scope| {
        scope.set_span(Some(transaction.clone().into()));
        scope.set_tag("request_id", request_id);
    });
    Report { hub, transaction }
}

/// The request's error event: for a failure its first error line or panic reported, and for
/// a 5xx answer that logged nothing.
fn failure_event(
    failure: Option<Failure>,
    status: u16,
    method: Method,
    name: &str,
) -> Option<Event<'static>> {
    let failure = match failure {
        Some(failure) => failure,
        None if status >= 500 => Failure {
            event_id: Some(sentry::types::random_uuid()),
            ..Failure::default()
        },
        None => return None,
    };
    let event_id = failure.event_id?;

    let mut event = failure.panic.unwrap_or_default();
    event.event_id = event_id;
    event.level = Level::Error;
    event.message = Some(format!("{name} answered {status}"));
    event.request = Some(protocol::Request {
        method: Some(method.to_string()),
        ..protocol::Request::default()
    });
    if event.exception.values.is_empty()
        && let Some(cause) = failure.cause
    {
        event.exception.values.push(Exception {
            ty: failure.what,
            value: Some(cause),
            ..Exception::default()
        });
    }
    Some(event)
}

/// Checks the database until it answers, then lets its next failure be reported.
async fn watch_outage(database: tozo_core::Database) {
    loop {
        rocket::tokio::time::sleep(OUTAGE_CHECK_INTERVAL).await;
        let check = database.check();
        if let Ok(Ok(())) = rocket::tokio::time::timeout(OUTAGE_CHECK_INTERVAL, check).await {
            if telemetry::end_database_outage() {
                tracing::info!("the database answers again; its next failure will be reported");
            }
            return;
        }
    }
}

/// Sentry's status for an HTTP status, as its performance views group them.
fn span_status(status: u16) -> SpanStatus {
    match status {
        100..=399 => SpanStatus::Ok,
        401 => SpanStatus::Unauthenticated,
        403 => SpanStatus::PermissionDenied,
        404 => SpanStatus::NotFound,
        409 => SpanStatus::AlreadyExists,
        429 => SpanStatus::ResourceExhausted,
        400..=499 => SpanStatus::InvalidArgument,
        501 => SpanStatus::Unimplemented,
        503 => SpanStatus::Unavailable,
        504 => SpanStatus::DeadlineExceeded,
        _ => SpanStatus::InternalError,
    }
}
