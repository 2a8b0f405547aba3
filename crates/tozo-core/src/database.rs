//! PostgreSQL: the schema, and the pool of connections every operation borrows from.

use std::ops::{Deref, DerefMut};
use std::time::Duration;

use deadpool::Runtime;
use deadpool::managed::{self, Metrics, Object, PoolError, RecycleError, RecycleResult};
use sqlx::migrate::{MigrateError, Migrator};
use sqlx::postgres::{PgConnectOptions, PgConnection};
use sqlx::{ConnectOptions as _, Executor as _};

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

/// How the pool opens, shares and retires connections.
#[derive(Debug, Clone)]
pub struct DatabaseOptions {
    /// Where the database is and how to log in to it.
    pub connect: PgConnectOptions,
    /// The most connections open at once.
    pub max_connections: usize,
    /// How long to wait for a free connection, or for a new one to open, before failing.
    pub acquire_timeout: Duration,
    /// A connection left unused this long is closed rather than used again.
    pub idle_timeout: Duration,
    /// A connection this old is closed rather than used again, so that none outlives a
    /// failover or a change of the database's settings for long.
    pub max_lifetime: Duration,
}

/// Tozo's pool of PostgreSQL connections. Cheap to clone; clones share the connections.
///
/// sqlx's own pool checks every connection given back to it with a round trip to the
/// database, which cost GET /todos/ a quarter of its throughput (see bench/RESULTS.md). This
/// pool gives no connection back unchecked either, but proves it another way: a [`Lease`]
/// returns its connection only when the operation on it finished, and closes it otherwise.
#[derive(Clone)]
pub struct Database {
    pool: managed::Pool<Connector>,
}

impl Database {
    /// A pool that opens its connections on first use, so the server can start while the
    /// database is still coming up.
    ///
    /// # Panics
    /// Never in practice: the pool refuses to build only without an async runtime, and this
    /// names tokio's.
    #[must_use]
    pub fn new(options: DatabaseOptions) -> Self {
        let connector = Connector {
            connect: options.connect,
            idle_timeout: options.idle_timeout,
            max_lifetime: options.max_lifetime,
        };
        let pool = managed::Pool::builder(connector)
            .max_size(options.max_connections.max(1))
            .wait_timeout(Some(options.acquire_timeout))
            .create_timeout(Some(options.acquire_timeout))
            .runtime(Runtime::Tokio1)
            .build()
            .expect("the pool has a runtime for its timeouts");
        Self { pool }
    }

    /// Borrows a connection, opening one if none is free and the pool is not full.
    ///
    /// # Errors
    /// The connection could not be opened, none came free in time, or the pool is closed.
    pub async fn lease(&self) -> Result<Lease, sqlx::Error> {
        match self.pool.get().await {
            Ok(connection) => Ok(Lease(Some(connection))),
            Err(PoolError::Backend(error)) => Err(error),
            Err(PoolError::Timeout(_)) => Err(sqlx::Error::PoolTimedOut),
            Err(PoolError::Closed) => Err(sqlx::Error::PoolClosed),
            Err(other) => Err(sqlx::Error::Configuration(other.to_string().into())),
        }
    }

    /// Answers whether the database takes a query, on a connection of the pool.
    ///
    /// # Errors
    /// The error the database or the connection gave.
    pub async fn check(&self) -> Result<(), sqlx::Error> {
        let mut connection = self.lease().await?;
        connection.execute("SELECT 1").await?;
        connection.release();
        Ok(())
    }

    /// Closes the connections that sat unused for longer than the idle timeout; the pool
    /// otherwise retires them only when it next hands one out.
    pub fn close_idle(&self) {
        let idle_timeout = self.pool.manager().idle_timeout;
        self.pool
            .retain(|_, metrics| metrics.last_used() < idle_timeout);
    }

    /// Closes every free connection and refuses new leases; leased connections close when
    /// they come back.
    pub fn close(&self) {
        self.pool.close();
    }
}

/// A connection borrowed from the [`Database`] for one operation.
///
/// It goes back to the pool only through [`Lease::release`], called once the operation has
/// finished. Dropped any other way (an error, a timeout, a request cancelled mid-query) it is
/// closed instead: it may still owe half a reply or hold an open transaction and its locks,
/// which the next request must not inherit. Closing the socket makes PostgreSQL roll back.
pub struct Lease(Option<Object<Connector>>);

impl Lease {
    /// Gives the connection back to the pool for the next operation.
    pub fn release(mut self) {
        // Dropping the pool's handle is what returns the connection.
        self.0.take();
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        if let Some(connection) = self.0.take() {
            // Taken out of the pool, the connection closes as it drops.
            drop(Object::take(connection));
        }
    }
}

impl Deref for Lease {
    type Target = PgConnection;

    fn deref(&self) -> &PgConnection {
        self.0
            .as_ref()
            .expect("a lease holds its connection until dropped")
    }
}

impl DerefMut for Lease {
    fn deref_mut(&mut self) -> &mut PgConnection {
        self.0
            .as_mut()
            .expect("a lease holds its connection until dropped")
    }
}

/// Opens connections for the pool and decides which may be used again.
struct Connector {
    connect: PgConnectOptions,
    idle_timeout: Duration,
    max_lifetime: Duration,
}

impl managed::Manager for Connector {
    type Type = PgConnection;
    type Error = sqlx::Error;

    async fn create(&self) -> Result<PgConnection, sqlx::Error> {
        // Opening a connection (TLS included) is a future of many kilobytes; boxed, it stays
        // out of every request's future, which would otherwise carry it even when a free
        // connection is ready.
        Box::pin(self.connect.connect()).await
    }

    async fn recycle(
        &self,
        _connection: &mut PgConnection,
        metrics: &Metrics,
    ) -> RecycleResult<sqlx::Error> {
        if metrics.last_used() >= self.idle_timeout || metrics.age() >= self.max_lifetime {
            return Err(RecycleError::message("the connection is retired"));
        }
        Ok(())
    }
}

/// Brings the schema up to date.
///
/// Several instances may start at once against one database: sqlx takes a
/// `PostgreSQL` advisory lock before it looks at the schema, so one migrates while the others
/// wait and then find nothing left to do.
///
/// # Errors
/// [`MigrateError`] when the database cannot be reached, a migration fails, or an applied
/// migration differs from the one embedded here.
pub async fn migrate(database: &Database) -> Result<(), MigrateError> {
    let mut connection = database.lease().await?;
    // `run_direct` is what `run` calls once it holds a connection. Called through `run` on a
    // borrowed connection, the future could not be proven `Send`, which the server needs.
    MIGRATOR.run_direct(None, &mut *connection, false).await?;
    connection.release();
    Ok(())
}
