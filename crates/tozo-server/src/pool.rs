//! The database pool, managed by `rocket_db_pools` on a current sqlx.
//!
//! `rocket_db_pools` 0.2 ships support for sqlx 0.7 only, which has a known vulnerability in
//! its PostgreSQL driver. Its `Pool` trait is public and meant to be implemented, so Tozo
//! implements it for sqlx's current `PgPool` and keeps one sqlx in the tree.

use std::time::Duration;

use rocket::figment::Figment;
use rocket_db_pools::{Config, Database, Error};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};

/// A sqlx PostgreSQL pool, wrapped because the trait and the type are both foreign.
#[derive(Clone)]
pub struct TozoPool(pub sqlx::PgPool);

#[rocket::async_trait]
impl rocket_db_pools::Pool for TozoPool {
    type Connection = sqlx::pool::PoolConnection<sqlx::Postgres>;

    type Error = Error<sqlx::Error>;

    async fn init(figment: &Figment) -> Result<Self, Self::Error> {
        let config: Config = figment.extract()?;
        let options: PgConnectOptions = config.url.parse().map_err(Error::Init)?;
        let timeout = Duration::from_secs(config.connect_timeout);

        let pool = PgPoolOptions::new()
            .max_connections(config.max_connections.try_into().unwrap_or(u32::MAX))
            .min_connections(config.min_connections.unwrap_or(0))
            .acquire_timeout(timeout)
            .idle_timeout(config.idle_timeout.map(Duration::from_secs))
            // A dead connection fails its query and is dropped; pinging before every use
            // would double the round trips of every request.
            .test_before_acquire(false)
            .connect_lazy_with(options);
        Ok(Self(pool))
    }

    async fn get(&self) -> Result<Self::Connection, Self::Error> {
        self.0.acquire().await.map_err(Error::Get)
    }

    /// Does nothing: Rocket calls this as soon as shutdown begins, while requests in flight
    /// still need the database. `tozo serve` closes the pool once they have finished.
    async fn close(&self) {}
}

/// Tozo's database, configured under `databases.tozo`.
#[derive(Database)]
#[database("tozo")]
pub struct Db(TozoPool);
