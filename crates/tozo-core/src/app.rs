use std::time::Duration;

use sqlx::PgPool;
use tokio_util::task::TaskTracker;

use crate::AppSecret;
use crate::email::{Email, Mailer};
use crate::password::PasswordHasher;
use crate::token::TokenSigner;

/// What [`Tozo`] needs besides its database.
pub struct TozoOptions {
    /// The public URL people reach Tozo at, used for the links in emails.
    pub base_url: String,
    /// The application secret. Tokens are signed with a key derived from it.
    pub secret: AppSecret,
    /// Where emails go.
    pub mailer: Mailer,
    /// How passwords are hashed, and how many at once.
    pub hasher: PasswordHasher,
}

/// The application: every operation a member can make, on one database.
///
/// Cheap to clone; clones share the pool, the hashing limit and the emails in flight.
#[derive(Clone)]
pub struct Tozo {
    pub(crate) pool: PgPool,
    pub(crate) signer: TokenSigner,
    pub(crate) hasher: PasswordHasher,
    mailer: Mailer,
    base_url: String,
    deliveries: TaskTracker,
}

impl Tozo {
    /// Builds the application on a connected (or lazily connecting) pool.
    #[must_use]
    pub fn new(pool: PgPool, options: TozoOptions) -> Self {
        Self {
            pool,
            signer: TokenSigner::new(&options.secret.derive("tozo tokens")),
            hasher: options.hasher,
            mailer: options.mailer,
            base_url: options.base_url.trim_end_matches('/').to_owned(),
            deliveries: TaskTracker::new(),
        }
    }

    /// The database pool, for callers that need to check or close it.
    #[must_use]
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// Waits up to `limit` for emails still being sent, so that a shutdown does not drop a
    /// member's confirmation or reset link. Returns whether all were done.
    pub async fn finish_deliveries(&self, limit: Duration) -> bool {
        self.deliveries.close();
        tokio::time::timeout(limit, self.deliveries.wait())
            .await
            .is_ok()
    }

    /// `{base_url}/{page}/{token}/`: a page of the web app that takes a token from its path.
    pub(crate) fn link(&self, page: &str, token: &str) -> String {
        format!("{}/{page}/{token}/", self.base_url)
    }

    /// `{base_url}/{page}/`.
    pub(crate) fn page(&self, page: &str) -> String {
        format!("{}/{page}/", self.base_url)
    }

    /// Sends an email in the background. The member's change is already stored, so a failure
    /// is logged for the operators and never undoes it or fails the member's request.
    pub(crate) fn deliver(&self, email: Email) {
        let mailer = self.mailer.clone();
        self.deliveries.spawn(async move {
            if let Err(error) = mailer.send(&email).await {
                tracing::error!(
                    error = %error,
                    subject = %email.subject,
                    "email could not be sent"
                );
            }
        });
    }
}
