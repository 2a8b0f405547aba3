use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio_util::task::TaskTracker;

use crate::database::{Database, Lease};
use crate::email::{Email, Mailer};
use crate::password::PasswordHasher;
use crate::token::TokenSigner;
use crate::{AppSecret, StorageError};

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
    /// How long one database operation may take before it fails.
    pub query_timeout: Duration,
}

/// The application: every operation a member can make, on one database.
///
/// Cheap to clone; clones share the database pool, the hashing threads and the emails in
/// flight.
#[derive(Clone)]
pub struct Tozo {
    database: Database,
    pub(crate) signer: TokenSigner,
    pub(crate) hasher: PasswordHasher,
    mailer: Mailer,
    base_url: String,
    query_timeout: Duration,
    deliveries: TaskTracker,
    /// Whether the last email failed; see [`Tozo::deliver`].
    email_failing: Arc<AtomicBool>,
}

impl Tozo {
    /// Builds the application on a database pool.
    #[must_use]
    pub fn new(database: Database, options: TozoOptions) -> Self {
        Self {
            database,
            signer: TokenSigner::for_app(&options.secret),
            hasher: options.hasher,
            mailer: options.mailer,
            base_url: options.base_url.trim_end_matches('/').to_owned(),
            query_timeout: options.query_timeout,
            deliveries: TaskTracker::new(),
            email_failing: Arc::new(AtomicBool::new(false)),
        }
    }

    /// The database pool, for callers that need to check or close it.
    #[must_use]
    pub fn database(&self) -> &Database {
        &self.database
    }

    /// Waits up to `limit` for emails still being sent, so that a shutdown does not drop a
    /// member's confirmation or reset link. Returns whether all were done.
    pub async fn finish_deliveries(&self, limit: Duration) -> bool {
        self.deliveries.close();
        tokio::time::timeout(limit, self.deliveries.wait())
            .await
            .is_ok()
    }

    /// Runs one database operation (a query, or a whole transaction) within the query timeout.
    pub(crate) async fn within_deadline<T>(
        &self,
        operation: impl Future<Output = Result<T, sqlx::Error>>,
    ) -> Result<T, StorageError> {
        match tokio::time::timeout(self.query_timeout, operation).await {
            Ok(result) => Ok(result?),
            Err(elapsed) => Err(StorageError::Timeout(elapsed)),
        }
    }

    /// A connection for one operation, waited for within the query timeout. Call
    /// [`Lease::release`] once the operation has finished.
    pub(crate) async fn connection(&self) -> Result<Lease, StorageError> {
        self.within_deadline(self.database.lease()).await
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
    ///
    /// A sender that is down fails every email, so failures are reported once: the first one
    /// is logged as an error (which the server reports to Sentry), the following ones only as
    /// warnings, and the next email that goes through ends the run, so that the failure after
    /// it is an error again.
    pub(crate) fn deliver(&self, email: Email) {
        let mailer = self.mailer.clone();
        let failing = Arc::clone(&self.email_failing);
        self.deliveries.spawn(async move {
            match mailer.send(&email).await {
                Ok(()) => {
                    if failing.swap(false, Ordering::SeqCst) {
                        tracing::info!(subject = %email.subject, "emails are being sent again");
                    }
                }
                Err(error) if failing.swap(true, Ordering::SeqCst) => {
                    tracing::warn!(
                        error = %error,
                        subject = %email.subject,
                        "email could not be sent; emails are still failing"
                    );
                }
                Err(error) => {
                    tracing::error!(
                        error = %error,
                        subject = %email.subject,
                        "email could not be sent"
                    );
                }
            }
        });
    }
}
