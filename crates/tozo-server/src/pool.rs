//! The database pool, as `rocket_db_pools` manages it.
//!
//! `rocket_db_pools` 0.2 ships support for sqlx 0.7 only, which has a known vulnerability in
//! its PostgreSQL driver. Its `Pool` trait is public and meant to be implemented, so Tozo
//! implements it for the core's own pool of current sqlx connections and keeps one sqlx in
//! the tree.

use std::time::Duration;

use rocket::figment::Figment;
use rocket_db_pools::{Config, Database, Error};
use tozo_core::{DatabaseOptions, Lease};

/// How long a connection may serve before it is replaced.
const MAX_CONNECTION_LIFETIME: Duration = Duration::from_mins(30);

/// The core's pool, wrapped because the trait and the type are both foreign.
#[derive(Clone)]
pub struct TozoPool(pub tozo_core::Database);

#[rocket::async_trait]
impl rocket_db_pools::Pool for TozoPool {
    type Connection = Lease;

    type Error = Error<sqlx::Error>;

    async fn init(figment: &Figment) -> Result<Self, Self::Error> {
        let config: Config = figment.extract()?;
        let options = DatabaseOptions {
            connect: config.url.parse().map_err(Error::Init)?,
            max_connections: config.max_connections,
            acquire_timeout: Duration::from_secs(config.connect_timeout),
            // No idle timeout configured: idle connections stay open.
            idle_timeout: Duration::from_secs(config.idle_timeout.unwrap_or(u64::MAX)),
            max_lifetime: MAX_CONNECTION_LIFETIME,
        };
        Ok(Self(tozo_core::Database::new(options)))
    }

    async fn get(&self) -> Result<Self::Connection, Self::Error> {
        self.0.lease().await.map_err(Error::Get)
    }

    /// Does nothing: Rocket calls this as soon as shutdown begins, while requests in flight
    /// still need the database. `tozo serve` closes the pool once they have finished.
    async fn close(&self) {}
}

/// Tozo's database, configured under `databases.tozo`.
#[derive(Database)]
#[database("tozo")]
pub struct Db(TozoPool);
