use sqlx::PgPool;
use sqlx::migrate::{MigrateError, Migrator};

/// The schema, embedded in the binary so the image needs no migration files.
static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

/// The database failed, could not be reached, or did not answer in time. The cause is kept
/// for the log; callers only learn that it was not their fault.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The database answered with an error, or the connection failed.
    #[error("the database failed")]
    Database(#[from] sqlx::Error),
    /// The database did not answer within the configured time: a stalled connection would
    /// otherwise hold the request, and the client, forever.
    #[error("the database failed")]
    Timeout(#[source] tokio::time::error::Elapsed),
}

/// Brings the schema up to date.
///
/// Several instances may start at once against one database: sqlx takes a
/// `PostgreSQL` advisory lock before it looks at the schema, so one migrates while the others wait and
/// then find nothing left to do.
///
/// # Errors
/// [`MigrateError`] when the database cannot be reached, a migration fails, or an applied
/// migration differs from the one embedded here.
pub async fn migrate(pool: &PgPool) -> Result<(), MigrateError> {
    MIGRATOR.run(pool).await
}
