//! Fairings: what happens around every request.

mod request_log;
mod security_headers;

pub use request_log::{RequestId, RequestLog};
pub use security_headers::SecurityHeaders;
