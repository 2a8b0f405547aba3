//! `TestApp`: one running `tozo serve` with its own database, Postmark stand-in, static
//! directory and port, torn down when the test ends.

use std::net::SocketAddr;
use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use reqwest::StatusCode;

use super::database::TestDatabase;
use super::http::{ApiClient, expect_empty_object};
use super::postmark::PostmarkStandIn;
use super::proxy::DatabaseProxy;
use super::sentry::SentryStandIn;
use super::server::{Environment, Finished, ServerProcess, Start, free_port, run_tozo};
use super::site::TestDirectory;

/// Allowances are multiplied by this in every test that is not about rate limits, so that
/// a test's own requests never meet a limit.
const RELAXED_RATE_LIMIT_FACTOR: &str = "100";

/// How many times a start is retried when the chosen port was taken in the meantime.
const START_ATTEMPTS: usize = 3;

/// A fresh secret key, as `openssl rand -base64 32` prints one.
pub fn random_secret_key() -> String {
    BASE64.encode(rand::random::<[u8; 32]>())
}

/// A password that zxcvbn rates strong, different for each call.
pub fn strong_password() -> String {
    let salt = uuid::Uuid::new_v4().simple().to_string();
    format!("violet-harbour-{}-lantern", &salt[..10])
}

pub fn unique_email() -> String {
    format!("member-{}@example.com", uuid::Uuid::new_v4().simple())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum DatabaseRoute {
    Direct,
    Proxy,
    ProxyRecordingPasswords,
}

pub struct TestAppBuilder {
    env: Environment,
    removed: Vec<String>,
    database: Option<Arc<TestDatabase>>,
    route: DatabaseRoute,
    url_password: Option<String>,
    tozo_toml: Option<String>,
    sentry: bool,
}

impl TestAppBuilder {
    /// Sets a variable of the server's environment, overriding the test defaults.
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.insert(key.to_owned(), value.to_owned());
        self
    }

    /// Leaves a variable that the tests set by default out of the server's environment.
    pub fn without_env(mut self, key: &str) -> Self {
        self.env.remove(key);
        self.removed.push(key.to_owned());
        self
    }

    /// Counts rate limits at their production allowance.
    pub fn production_rate_limits(self) -> Self {
        self.env("TOZO_RATE_LIMIT_FACTOR", "1")
    }

    /// Shares a database with another server.
    pub fn database(mut self, database: Arc<TestDatabase>) -> Self {
        self.database = Some(database);
        self
    }

    /// Puts a relay that the test can cut between the server and PostgreSQL.
    pub fn database_through_proxy(mut self) -> Self {
        self.route = DatabaseRoute::Proxy;
        self
    }

    /// Like [`Self::database_through_proxy`], and the relay records the login passwords.
    pub fn database_recording_passwords(mut self) -> Self {
        self.route = DatabaseRoute::ProxyRecordingPasswords;
        self
    }

    /// Puts a password into the database URL, already percent-encoded.
    pub fn database_url_password(mut self, encoded_password: &str) -> Self {
        self.url_password = Some(encoded_password.to_owned());
        self
    }

    /// Writes a `Tozo.toml` into the directory the server starts in.
    pub fn tozo_toml(mut self, contents: &str) -> Self {
        self.tozo_toml = Some(contents.to_owned());
        self
    }

    /// Reports to a Sentry stand-in.
    pub fn with_sentry(mut self) -> Self {
        self.sentry = true;
        self
    }

    pub async fn spawn(self) -> TestApp {
        let prepared = self.prepare().await;
        prepared.start().await
    }

    /// Runs `tozo serve` with this configuration and expects it to stop by itself.
    pub async fn spawn_expecting_failure(self) -> Finished {
        let prepared = self.prepare().await;
        let mut env = prepared.env.clone();
        // A port nothing listens on stands in when the test gives the server a bad one.
        let port = env
            .get("TOZO_PORT")
            .and_then(|port| port.parse().ok())
            .unwrap_or_else(free_port);
        env.entry("TOZO_PORT".to_owned())
            .or_insert_with(|| port.to_string());
        let mut server = ServerProcess::spawn(&env, port, &prepared.directory, "failing");
        match server.wait_until_ready().await {
            Start::Ready => panic!(
                "the server started although it should have refused:\n{}",
                server.logs()
            ),
            Start::Exited(status) => Finished {
                status,
                stdout: server.stdout(),
                stderr: server.stderr(),
            },
        }
    }

    async fn prepare(self) -> Prepared {
        let database = match self.database {
            Some(database) => database,
            None => Arc::new(TestDatabase::create().await),
        };
        let upstream = SocketAddr::from(([127, 0, 0, 1], database.port()));
        let proxy = match self.route {
            DatabaseRoute::Direct => None,
            DatabaseRoute::Proxy => Some(DatabaseProxy::start(upstream).await),
            DatabaseRoute::ProxyRecordingPasswords => {
                Some(DatabaseProxy::start_recording_passwords(upstream).await)
            }
        };
        let postmark = PostmarkStandIn::start().await;
        let sentry = if self.sentry {
            Some(SentryStandIn::start().await)
        } else {
            None
        };
        let directory = TestDirectory::create();
        if let Some(contents) = &self.tozo_toml {
            std::fs::write(directory.root().join("Tozo.toml"), contents)
                .expect("Tozo.toml is written");
        }

        let database_port = proxy.as_ref().map_or(database.port(), DatabaseProxy::port);
        let database_url = database.url_through(database_port, self.url_password.as_deref());
        let mut env = Environment::from([
            ("TOZO_ADDRESS".to_owned(), "127.0.0.1".to_owned()),
            ("TOZO_SECRET_KEY".to_owned(), random_secret_key()),
            ("TOZO_DATABASE_URL".to_owned(), database_url),
            ("TOZO_DATABASE_POOL_SIZE".to_owned(), "4".to_owned()),
            ("TOZO_AUTH_COOKIE_SECURE".to_owned(), "false".to_owned()),
            (
                "TOZO_POSTMARK_TOKEN".to_owned(),
                postmark.token().to_owned(),
            ),
            ("TOZO_POSTMARK_URL".to_owned(), postmark.base_url()),
            (
                "TOZO_STATIC_DIR".to_owned(),
                directory.site().display().to_string(),
            ),
            (
                "TOZO_RATE_LIMIT_FACTOR".to_owned(),
                RELAXED_RATE_LIMIT_FACTOR.to_owned(),
            ),
            ("TOZO_ENVIRONMENT".to_owned(), "test".to_owned()),
        ]);
        if let Some(sentry) = &sentry {
            env.insert("SENTRY_DSN".to_owned(), sentry.dsn());
        }
        for key in &self.removed {
            env.remove(key);
        }
        env.extend(self.env);

        Prepared {
            env,
            database,
            proxy,
            postmark,
            sentry,
            directory,
        }
    }
}

struct Prepared {
    env: Environment,
    database: Arc<TestDatabase>,
    proxy: Option<DatabaseProxy>,
    postmark: PostmarkStandIn,
    sentry: Option<SentryStandIn>,
    directory: TestDirectory,
}

impl Prepared {
    async fn start(self) -> TestApp {
        let base_url_given = self.env.contains_key("TOZO_BASE_URL");
        let mut failures = Vec::new();
        for attempt in 0..START_ATTEMPTS {
            let mut env = self.env.clone();
            let port = free_port();
            env.insert("TOZO_PORT".to_owned(), port.to_string());
            if !base_url_given {
                env.insert(
                    "TOZO_BASE_URL".to_owned(),
                    format!("http://127.0.0.1:{port}"),
                );
            }
            let name = format!("server-{attempt}");
            let mut server = ServerProcess::spawn(&env, port, &self.directory, &name);
            match server.wait_until_ready().await {
                Start::Ready => {
                    return TestApp {
                        base_url: env["TOZO_BASE_URL"].clone(),
                        api: ApiClient::new(&server.base_url()),
                        env,
                        server,
                        proxy: self.proxy,
                        postmark: self.postmark,
                        sentry: self.sentry,
                        database: self.database,
                        directory: self.directory,
                    };
                }
                Start::Exited(status) => failures.push(format!("{status}:\n{}", server.logs())),
            }
        }
        panic!("the server did not start: {}", failures.join("\n\n"));
    }
}

/// A member registered through the API.
#[derive(Clone, Debug)]
pub struct Member {
    pub email: String,
    pub password: String,
}

pub struct TestApp {
    /// A client of the server, with its own cookie jar.
    pub api: ApiClient,
    /// The public URL the server puts into emails.
    pub base_url: String,
    /// The server's whole environment.
    pub env: Environment,
    // Declared before the services it uses, so that it stops first.
    pub server: ServerProcess,
    pub proxy: Option<DatabaseProxy>,
    pub postmark: PostmarkStandIn,
    pub sentry: Option<SentryStandIn>,
    pub database: Arc<TestDatabase>,
    pub directory: TestDirectory,
}

impl TestApp {
    pub fn builder() -> TestAppBuilder {
        TestAppBuilder {
            env: Environment::new(),
            removed: Vec::new(),
            database: None,
            route: DatabaseRoute::Direct,
            url_password: None,
            tozo_toml: None,
            sentry: false,
        }
    }

    pub async fn spawn() -> Self {
        Self::builder().spawn().await
    }

    pub fn port(&self) -> u16 {
        self.server.port()
    }

    /// A client with an empty cookie jar: another browser.
    pub fn new_client(&self) -> ApiClient {
        ApiClient::new(&self.server.base_url())
    }

    pub fn proxy(&self) -> &DatabaseProxy {
        self.proxy
            .as_ref()
            .expect("the app was built with a database proxy")
    }

    pub fn sentry(&self) -> &SentryStandIn {
        self.sentry.as_ref().expect("the app was built with Sentry")
    }

    /// Registers a new member with a strong password.
    pub async fn register_member(&self) -> Member {
        let member = Member {
            email: unique_email(),
            password: strong_password(),
        };
        let response = self.api.register(&member.email, &member.password).await;
        expect_empty_object(response, StatusCode::CREATED).await;
        member
    }

    /// Registers a new member and logs them in on a client of their own.
    pub async fn logged_in_member(&self) -> (Member, ApiClient) {
        let member = self.register_member().await;
        let client = self.log_in(&member).await;
        (member, client)
    }

    /// Logs a member in on a new client.
    pub async fn log_in(&self, member: &Member) -> ApiClient {
        let client = self.new_client();
        let response = client.login(&member.email, &member.password).await;
        expect_empty_object(response, StatusCode::OK).await;
        client
    }

    /// Waits for the member's welcome email and returns its confirmation token.
    pub async fn confirmation_token(&self, member: &Member) -> String {
        self.postmark
            .confirmation_token(&member.email, &self.base_url)
            .await
    }

    /// Confirms the member's email with the link from their welcome email.
    pub async fn confirm_from_email(&self, member: &Member) {
        let token = self.confirmation_token(member).await;
        expect_empty_object(self.api.confirm_email(&token).await, StatusCode::OK).await;
    }

    /// Asks for a reset link and returns its token; `earlier` reset emails are skipped.
    pub async fn reset_token(&self, member: &Member, earlier: usize) -> String {
        let response = self.api.forgot_password(&member.email).await;
        expect_empty_object(response, StatusCode::OK).await;
        self.postmark
            .reset_token(&member.email, &self.base_url, earlier)
            .await
    }

    /// Runs another `tozo` command with this server's environment.
    pub async fn run(&self, args: &[&str]) -> Finished {
        run_tozo(args, &self.env, self.directory.root()).await
    }

    /// Sends SIGTERM and waits for the exit.
    pub async fn stop(&mut self) -> std::process::ExitStatus {
        self.server.terminate();
        self.server.wait_for_exit().await
    }

    /// Whether the member's login works, without keeping the session.
    pub async fn can_log_in(&self, email: &str, password: &str) -> bool {
        let response = self.new_client().login(email, password).await;
        match response.status() {
            StatusCode::OK => true,
            StatusCode::UNAUTHORIZED => false,
            other => panic!("a login answered {other}"),
        }
    }

    /// Output that appeared on the server's stdout so far.
    pub fn stdout(&self) -> String {
        self.server.stdout()
    }
}
