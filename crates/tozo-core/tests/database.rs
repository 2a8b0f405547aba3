//! The pool's promise, against the machine's PostgreSQL: a connection comes back for the next
//! operation only when the last one finished on it.

use std::time::Duration;

use sqlx::postgres::PgConnectOptions;
use tozo_core::{Database, DatabaseOptions, Lease};

/// The machine's PostgreSQL; these tests create nothing in it, so its own database serves.
const DATABASE_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

fn database(idle_timeout: Duration) -> Database {
    let connect: PgConnectOptions = DATABASE_URL.parse().expect("the URL parses");
    Database::new(DatabaseOptions {
        connect,
        max_connections: 2,
        acquire_timeout: Duration::from_secs(10),
        idle_timeout,
        max_lifetime: Duration::from_hours(1),
    })
}

async fn backend_of(connection: &mut Lease) -> i32 {
    sqlx::query_scalar("SELECT pg_backend_pid()")
        .fetch_one(&mut **connection)
        .await
        .expect("PostgreSQL answers")
}

#[tokio::test]
async fn a_released_connection_serves_the_next_lease() {
    let database = database(Duration::from_mins(5));

    let mut first = database.lease().await.unwrap();
    let first_backend = backend_of(&mut first).await;
    first.release();
    let mut second = database.lease().await.unwrap();
    let second_backend = backend_of(&mut second).await;

    assert_eq!(first_backend, second_backend);
}

#[tokio::test]
async fn a_lease_dropped_without_release_is_closed_and_never_handed_out() {
    let database = database(Duration::from_mins(5));

    let mut abandoned = database.lease().await.unwrap();
    let abandoned_backend = backend_of(&mut abandoned).await;
    drop(abandoned);
    let mut next = database.lease().await.unwrap();
    let next_backend = backend_of(&mut next).await;

    assert_ne!(abandoned_backend, next_backend);
}

#[tokio::test]
async fn an_abandoned_transaction_lets_go_of_its_locks() {
    let database = database(Duration::from_mins(5));
    // Advisory locks are shared by the whole server: the process id keeps parallel runs of
    // this test apart.
    let key = i64::from(std::process::id());

    // A request cancelled in the middle of a transaction that holds a lock.
    let mut abandoned = database.lease().await.unwrap();
    sqlx::query("BEGIN").execute(&mut *abandoned).await.unwrap();
    sqlx::query("SELECT pg_advisory_xact_lock($1)")
        .bind(key)
        .execute(&mut *abandoned)
        .await
        .unwrap();
    drop(abandoned);

    // PostgreSQL ends the closed connection's backend, and its transaction, a moment later.
    let mut other = database.lease().await.unwrap();
    let mut locked = false;
    for _ in 0..100 {
        locked = sqlx::query_scalar("SELECT pg_try_advisory_lock($1)")
            .bind(key)
            .fetch_one(&mut *other)
            .await
            .unwrap();
        if locked {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    assert!(
        locked,
        "the abandoned transaction still holds its lock after 2 s"
    );
}

#[tokio::test]
async fn a_connection_idle_past_the_timeout_is_replaced() {
    let database = database(Duration::from_millis(50));

    let mut first = database.lease().await.unwrap();
    let first_backend = backend_of(&mut first).await;
    first.release();
    tokio::time::sleep(Duration::from_millis(120)).await;
    let mut second = database.lease().await.unwrap();
    let second_backend = backend_of(&mut second).await;

    assert_ne!(first_backend, second_backend);
}

#[tokio::test]
async fn a_closed_pool_refuses_new_leases() {
    let database = database(Duration::from_mins(5));
    database.lease().await.unwrap().release();

    database.close();

    assert!(matches!(
        database.lease().await,
        Err(sqlx::Error::PoolClosed)
    ));
}

#[tokio::test]
async fn an_unreachable_database_fails_the_lease_instead_of_waiting() {
    // Nothing listens on port 9 of the loopback address.
    let connect: PgConnectOptions = "postgres://postgres@127.0.0.1:9/postgres".parse().unwrap();
    let database = Database::new(DatabaseOptions {
        connect,
        max_connections: 1,
        acquire_timeout: Duration::from_secs(5),
        idle_timeout: Duration::from_mins(5),
        max_lifetime: Duration::from_hours(1),
    });

    let started = std::time::Instant::now();
    let result = database.lease().await;

    assert!(result.is_err());
    assert!(started.elapsed() < Duration::from_secs(5));
}
