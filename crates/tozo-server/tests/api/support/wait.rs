//! Bounded polling. These bounds only keep a broken build from hanging a test: they are
//! never a speed requirement, and nextest's timeouts sit above them.

use std::future::Future;
use std::time::Duration;

use tokio::time::{Instant, sleep};

/// How long a background email may take to reach the stand-in.
pub const EMAIL_WAIT: Duration = Duration::from_secs(30);

/// How long a server may take to migrate its database and answer ping.
pub const START_WAIT: Duration = Duration::from_mins(1);

/// How long a server may take to exit after a signal, or a command to finish.
pub const EXIT_WAIT: Duration = Duration::from_mins(1);

/// How long a server may take to notice that its database is back.
pub const RECOVERY_WAIT: Duration = Duration::from_secs(90);

const INTERVAL: Duration = Duration::from_millis(50);

/// Calls `check` until it returns something or `limit` has passed.
pub async fn poll_until<T>(limit: Duration, mut check: impl FnMut() -> Option<T>) -> Option<T> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(found) = check() {
            return Some(found);
        }
        if Instant::now() >= deadline {
            return None;
        }
        sleep(INTERVAL).await;
    }
}

/// Like [`poll_until`], for checks that are themselves asynchronous.
pub async fn poll_until_async<T, F>(limit: Duration, mut check: impl FnMut() -> F) -> Option<T>
where
    F: Future<Output = Option<T>>,
{
    let deadline = Instant::now() + limit;
    loop {
        if let Some(found) = check().await {
            return Some(found);
        }
        if Instant::now() >= deadline {
            return None;
        }
        sleep(INTERVAL).await;
    }
}
