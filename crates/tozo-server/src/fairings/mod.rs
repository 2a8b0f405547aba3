//! Fairings: what happens around every request.

mod request_log;
mod security_headers;
mod sentry;

pub use request_log::{RequestId, RequestLog};
pub use security_headers::SecurityHeaders;
pub use sentry::{SentryEventId, SentryReporting};
