//! A fresh PostgreSQL database per test, dropped when the test ends.

use sqlx::{AssertSqlSafe, Connection, PgConnection};

/// The machine's PostgreSQL, reached as a superuser that may create databases and roles.
const POSTGRES_HOST: &str = "127.0.0.1";
const POSTGRES_PORT: u16 = 5432;
const ADMIN_ROLE: &str = "postgres";

pub struct TestDatabase {
    name: String,
    port: u16,
    /// A role created for this database only, when the test needs one.
    own_role: Option<String>,
}

impl TestDatabase {
    /// An empty database owned by the admin role: the server migrates it on start.
    pub async fn create() -> Self {
        let name = unique_name();
        let mut admin = admin_connection().await;
        execute(&mut admin, &format!(r#"CREATE DATABASE "{name}""#)).await;
        Self {
            name,
            port: POSTGRES_PORT,
            own_role: None,
        }
    }

    /// An empty database owned by a new login role with the given password.
    pub async fn create_with_role(password: &str) -> Self {
        let name = unique_name();
        let role = format!("{name}_owner");
        let mut admin = admin_connection().await;
        let quoted_password = password.replace('\'', "''");
        execute(
            &mut admin,
            &format!(r#"CREATE ROLE "{role}" LOGIN PASSWORD '{quoted_password}'"#),
        )
        .await;
        execute(
            &mut admin,
            &format!(r#"CREATE DATABASE "{name}" OWNER "{role}""#),
        )
        .await;
        Self {
            name,
            port: POSTGRES_PORT,
            own_role: Some(role),
        }
    }

    /// The role the server should log in as.
    pub fn role(&self) -> &str {
        self.own_role.as_deref().unwrap_or(ADMIN_ROLE)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// A URL for the server, reaching PostgreSQL on `port`: its own, or a relay's.
    pub fn url_through(&self, port: u16, encoded_password: Option<&str>) -> String {
        let user = match encoded_password {
            Some(password) => format!("{}:{password}", self.role()),
            None => self.role().to_owned(),
        };
        format!("postgres://{user}@{POSTGRES_HOST}:{port}/{}", self.name)
    }

    /// How many tables the public schema holds: zero until the migrations ran.
    pub async fn table_count(&self) -> i64 {
        let url = format!(
            "postgres://{ADMIN_ROLE}@{POSTGRES_HOST}:{POSTGRES_PORT}/{}",
            self.name
        );
        let mut connection = PgConnection::connect(&url)
            .await
            .expect("the test database accepts connections");
        sqlx::query_scalar(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'",
        )
        .fetch_one(&mut connection)
        .await
        .expect("the table count can be read")
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let name = self.name.clone();
        let role = self.own_role.take();

        // Drop runs inside the test's runtime, which cannot block on itself: a thread with
        // its own small runtime does the clean-up.
        let cleanup = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a clean-up runtime starts");
            runtime.block_on(async move {
                let mut admin = admin_connection().await;
                let drop_database = format!(r#"DROP DATABASE IF EXISTS "{name}" WITH (FORCE)"#);
                let _ = sqlx::raw_sql(AssertSqlSafe(drop_database))
                    .execute(&mut admin)
                    .await;
                if let Some(role) = role {
                    let drop_role = format!(r#"DROP ROLE IF EXISTS "{role}""#);
                    let _ = sqlx::raw_sql(AssertSqlSafe(drop_role))
                        .execute(&mut admin)
                        .await;
                }
            });
        });
        let _ = cleanup.join();
    }
}

fn unique_name() -> String {
    format!("tozo_test_{}", uuid::Uuid::new_v4().simple())
}

async fn admin_connection() -> PgConnection {
    let url = format!("postgres://{ADMIN_ROLE}@{POSTGRES_HOST}:{POSTGRES_PORT}/postgres");
    PgConnection::connect(&url)
        .await
        .unwrap_or_else(|error| panic!("PostgreSQL answers at {url}: {error}"))
}

async fn execute(connection: &mut PgConnection, statement: &str) {
    sqlx::raw_sql(AssertSqlSafe(statement.to_owned()))
        .execute(connection)
        .await
        .unwrap_or_else(|error| panic!("`{statement}` runs: {error}"));
}
