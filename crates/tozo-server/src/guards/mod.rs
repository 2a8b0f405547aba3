//! Request guards: who the client is, whether they are over a limit, who is logged in, and
//! what their body says.

mod body;
mod client;
mod member;
mod rate_limit;

pub use body::{BodyError, JsonBody};
pub use client::{ClientAddress, TrustedProxyHops};
pub use member::{Member, SESSION_COOKIE, SessionCookies};
pub use rate_limit::{RateLimited, RateLimits, RetryAfter};
