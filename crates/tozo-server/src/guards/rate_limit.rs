use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use governor::clock::{Clock as _, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use rocket::http::Status;
use rocket::request::{FromRequest, Outcome, Request};

use super::ClientAddress;

/// The allowance of each rate-limited route, per client: `(route, requests, per seconds)`.
/// Routes that share an allowance (the two methods of one path) share a name.
const LIMITS: &[(&str, u32, u64)] = &[
    ("register", 10, 10),
    ("confirm_email", 5, 60),
    ("change_password", 5, 60),
    ("forgotten_password", 5, 60),
    ("reset_password", 5, 60),
    ("login", 5, 60),
    ("session_status", 10, 60),
    ("create_todo", 10, 10),
    ("list_todos", 10, 10),
    ("get_todo", 10, 10),
    ("update_todo", 10, 10),
    ("delete_todo", 10, 10),
];

/// Routes whose handler is named differently from the allowance they draw on.
const SHARED: &[(&str, &str)] = &[("forgotten_password_post", "forgotten_password")];

/// One limiter per rate-limited route, keyed by client address. Clones share the counts.
#[derive(Clone)]
pub struct RateLimits {
    limiters: Arc<HashMap<&'static str, DefaultKeyedRateLimiter<IpAddr>>>,
    clock: DefaultClock,
}

impl RateLimits {
    /// The limits above, each allowance multiplied by `factor` (1 in production).
    ///
    /// # Panics
    /// When `factor` is 0; the settings refuse it before this is called.
    #[must_use]
    pub fn new(factor: u32) -> Self {
        let limiters = LIMITS
            .iter()
            .map(|&(route, requests, seconds)| {
                let burst = NonZeroU32::new(requests.saturating_mul(factor)).expect("never zero");
                let refill = Duration::from_secs(seconds) / burst.get();
                let quota = Quota::with_period(refill)
                    .expect("never zero")
                    .allow_burst(burst);
                (route, DefaultKeyedRateLimiter::keyed(quota))
            })
            .collect();
        Self {
            limiters: Arc::new(limiters),
            clock: DefaultClock::default(),
        }
    }

    /// Counts one request of `client` to `route`.
    ///
    /// # Errors
    /// The seconds to wait, when `client` has used its allowance for `route`.
    ///
    /// # Panics
    /// When `route` has no allowance: a route took the guard without an entry in the table.
    pub fn check(&self, route: &str, client: IpAddr) -> Result<(), u64> {
        let name = SHARED
            .iter()
            .find(|(alias, _)| *alias == route)
            .map_or(route, |(_, name)| name);
        let limiter = self
            .limiters
            .get(name)
            .unwrap_or_else(|| panic!("the route {route} is rate limited but has no allowance"));

        limiter.check_key(&client).map_err(|not_until| {
            let wait = not_until.wait_time_from(self.clock.now());
            wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
        })
    }

    /// Forgets clients that are back to a full allowance, so memory follows recent traffic.
    pub fn forget_idle_clients(&self) {
        for limiter in self.limiters.values() {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }

    /// The names of every allowance, for checking the table against the routes.
    pub fn routes() -> impl Iterator<Item = &'static str> {
        LIMITS
            .iter()
            .map(|(route, _, _)| *route)
            .chain(SHARED.iter().map(|(alias, _)| *alias))
    }
}

/// Seconds a client over its limit should wait, for the 429 catcher's `Retry-After`.
#[derive(Debug, Clone, Copy, Default)]
pub struct RetryAfter(pub Option<u64>);

/// Passes while the client is within the route's allowance; otherwise the request ends in a
/// 429 with `Retry-After`. Put it first among a route's guards, so that a client over its
/// limit costs no database work.
pub struct RateLimited;

#[rocket::async_trait]
impl<'r> FromRequest<'r> for RateLimited {
    type Error = ();

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let route = request
            .route()
            .and_then(|route| route.name.as_deref())
            .unwrap_or_default();
        let limits = request
            .rocket()
            .state::<RateLimits>()
            .expect("rate limits are managed");

        match limits.check(route, ClientAddress::of(request).0) {
            Ok(()) => Outcome::Success(Self),
            Err(seconds) => {
                request.local_cache(|| RetryAfter(Some(seconds.max(1))));
                tracing::info!(route, client = %ClientAddress::of(request).0, "rate limited");
                Outcome::Error((Status::TooManyRequests, ()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_over_its_allowance_is_told_how_long_to_wait() {
        let limits = RateLimits::new(1);
        let client = IpAddr::from([192, 0, 2, 1]);

        for _ in 0..5 {
            assert_eq!(limits.check("login", client), Ok(()));
        }
        let wait = limits.check("login", client).unwrap_err();

        assert!((1..=12).contains(&wait), "{wait}");
    }

    #[test]
    fn clients_and_routes_have_separate_allowances() {
        let limits = RateLimits::new(1);
        let (first, second) = (IpAddr::from([192, 0, 2, 1]), IpAddr::from([192, 0, 2, 2]));
        for _ in 0..5 {
            limits.check("login", first).unwrap();
        }

        assert!(limits.check("login", first).is_err());
        assert_eq!(limits.check("login", second), Ok(()));
        assert_eq!(limits.check("reset_password", first), Ok(()));
    }

    #[test]
    fn both_forgotten_password_methods_share_one_allowance() {
        let limits = RateLimits::new(1);
        let client = IpAddr::from([192, 0, 2, 1]);
        for _ in 0..5 {
            limits.check("forgotten_password", client).unwrap();
        }

        assert!(limits.check("forgotten_password_post", client).is_err());
    }

    #[test]
    fn the_factor_multiplies_the_allowance() {
        let limits = RateLimits::new(3);
        let client = IpAddr::from([192, 0, 2, 1]);

        for _ in 0..15 {
            assert_eq!(limits.check("login", client), Ok(()));
        }
        assert!(limits.check("login", client).is_err());
    }
}
