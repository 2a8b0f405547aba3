//! `tozo-bench`: the parts of `bench/run` that a shell does badly. It seeds a database through
//! tozo-core, the way the server would have stored the same data, and it times how long the
//! server takes from being started to answering its first ping.

use std::io::{Read as _, Write as _};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::os::fd::AsFd as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use clap::{Args, Parser, Subcommand};
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use sqlx::postgres::PgConnectOptions;
use tozo_core::email::Mailer;
use tozo_core::password::PasswordHasher;
use tozo_core::token::{TokenPurpose, TokenSigner};
use tozo_core::{
    AppSecret, Database, DatabaseOptions, Due, EmailAddress, Password, Task, TodoDraft, Tozo,
    TozoOptions,
};

/// How often the start-up timer knocks on the server's port: fine enough for a figure in
/// milliseconds, coarse enough not to steal the CPU the server is starting on.
const POLL_INTERVAL: Duration = Duration::from_millis(1);

/// How long a stopping server may take before it is killed.
const STOP_LIMIT: Duration = Duration::from_secs(30);

/// Seeds Tozo's database and times its start-up, for bench/run.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: BenchCommand,
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Registers members, confirms their emails and gives each the same number of to-dos.
    /// Prints one line per member: the email, a tab, and the ids of its to-dos.
    Seed(SeedOptions),
    /// Starts the server `runs` times, one after the other, and prints for each run the
    /// milliseconds from spawning it to its first answered `GET /control/ping/`. The server
    /// reads its settings from the environment, as `tozo serve` always does.
    Startup(StartupOptions),
}

#[derive(Args)]
struct SeedOptions {
    /// The database to seed; migrations are applied first.
    #[arg(long, env = "TOZO_DATABASE_URL")]
    database_url: String,
    /// The server's secret: confirmation tokens must be signed with it.
    #[arg(long, env = "TOZO_SECRET_KEY", hide_env_values = true)]
    secret_key: String,
    /// Members are named `{name}-{number}@example.com`.
    #[arg(long, default_value = "bench")]
    name: String,
    /// How many members to register.
    #[arg(long)]
    members: u32,
    /// How many to-dos each member gets.
    #[arg(long)]
    todos: u32,
    /// The password of every member.
    #[arg(long, env = "BENCH_PASSWORD", hide_env_values = true)]
    password: String,
}

#[derive(Args)]
struct StartupOptions {
    /// The `tozo` binary.
    #[arg(long)]
    server: PathBuf,
    /// The port the environment makes it listen on, on 127.0.0.1.
    #[arg(long)]
    port: u16,
    /// How many times to start it.
    #[arg(long, default_value_t = 3)]
    runs: u32,
    /// Seconds to wait for a ping before giving up.
    #[arg(long, default_value_t = 30)]
    timeout: u64,
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        BenchCommand::Seed(options) => tokio::runtime::Runtime::new()
            .map_err(|error| format!("no async runtime: {error}"))
            .and_then(|runtime| runtime.block_on(seed(&options))),
        BenchCommand::Startup(options) => time_startups(&options),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("tozo-bench: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn seed(options: &SeedOptions) -> Result<(), String> {
    let secret = AppSecret::from_base64(&options.secret_key)
        .map_err(|error| format!("TOZO_SECRET_KEY cannot be used: {error}"))?;
    let connect: PgConnectOptions = options
        .database_url
        .parse()
        .map_err(|error| format!("TOZO_DATABASE_URL cannot be used: {error}"))?;
    let database = Database::new(DatabaseOptions {
        connect,
        max_connections: 2,
        acquire_timeout: Duration::from_secs(30),
        idle_timeout: Duration::from_mins(1),
        max_lifetime: Duration::from_hours(1),
    });
    tozo_core::migrate(&database)
        .await
        .map_err(|error| format!("migrations failed: {error}"))?;

    let signer = TokenSigner::for_app(&secret);
    let tozo = Tozo::new(
        database,
        TozoOptions {
            base_url: "http://127.0.0.1".to_owned(),
            secret,
            mailer: Mailer::Log,
            hasher: PasswordHasher::new(2),
            query_timeout: Duration::from_secs(30),
        },
    );
    let password = Password::new(options.password.as_str());
    let drafts = todo_drafts(options.todos)?;

    let mut stdout = std::io::stdout().lock();
    for number in 1..=options.members {
        let email = EmailAddress::parse(&format!("{}-{number}@example.com", options.name))
            .map_err(|error| format!("a bench email does not parse: {error}"))?;
        tozo.register(&email, &password)
            .await
            .map_err(|error| format!("registering {}: {error}", email.as_str()))?;

        // Logging in is the public way to learn the new member's id; the session is ended at
        // once, as bench/run logs in over HTTP to get real cookies.
        let session = tozo
            .login(&email, &password, false)
            .await
            .map_err(|error| format!("logging in {}: {error}", email.as_str()))?;
        tozo.logout(&session.token)
            .await
            .map_err(|error| format!("logging out {}: {error}", email.as_str()))?;
        let token = signer.sign(
            TokenPurpose::ConfirmEmail,
            session.member_id,
            &[],
            Utc::now(),
        );
        tozo.confirm_email(&token)
            .await
            .map_err(|error| format!("confirming {}: {error}", email.as_str()))?;

        let mut ids = Vec::with_capacity(drafts.len());
        for draft in &drafts {
            let todo = tozo
                .create_todo(session.member_id, draft)
                .await
                .map_err(|error| format!("adding a to-do for {}: {error}", email.as_str()))?;
            ids.push(todo.id.get().to_string());
        }
        writeln!(stdout, "{}\t{}", email.as_str(), ids.join(","))
            .map_err(|error| format!("cannot write the seeded members: {error}"))?;
    }
    tozo.database().close();
    Ok(())
}

/// The to-dos each member gets: a mix of due dates and states, like a list in use.
fn todo_drafts(count: u32) -> Result<Vec<TodoDraft>, String> {
    (1..=count)
        .map(|number| {
            let task = Task::parse(&format!(
                "Task {number}: water the plants and call the bank"
            ))
            .map_err(|error| error.to_string())?;
            let due = if number % 2 == 0 {
                Some(Due::parse("2030-01-31T09:30:00Z").map_err(|error| error.to_string())?)
            } else {
                None
            };
            Ok(TodoDraft {
                task,
                due,
                complete: number % 3 == 0,
            })
        })
        .collect()
}

fn time_startups(options: &StartupOptions) -> Result<(), String> {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, options.port));
    let timeout = Duration::from_secs(options.timeout);
    for _ in 0..options.runs {
        let started = Instant::now();
        let mut child = spawn_server(&options.server)?;
        let answered = wait_for_ping(&mut child, address, timeout);
        let elapsed = started.elapsed();
        stop(&mut child)?;
        answered?;
        println!("{:.1}", elapsed.as_secs_f64() * 1000.0);
    }
    Ok(())
}

fn spawn_server(server: &Path) -> Result<Child, String> {
    // The server's stdout goes to our stderr, which bench/run keeps with the server's log.
    let log = std::io::stderr()
        .as_fd()
        .try_clone_to_owned()
        .map_err(|error| format!("cannot share stderr: {error}"))?;
    Command::new(server)
        .arg("serve")
        .stdin(Stdio::null())
        .stdout(Stdio::from(log))
        .spawn()
        .map_err(|error| format!("cannot start {}: {error}", server.display()))
}

fn wait_for_ping(child: &mut Child, address: SocketAddr, timeout: Duration) -> Result<(), String> {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if let Some(status) = child
            .try_wait()
            .map_err(|error| format!("cannot check the server: {error}"))?
        {
            return Err(format!("the server exited before answering: {status}"));
        }
        if ping(address) {
            return Ok(());
        }
        std::thread::sleep(POLL_INTERVAL);
    }
    Err(format!("no answer to ping within {} s", timeout.as_secs()))
}

/// Whether `GET /control/ping/` answers 200; any failure to connect or read is a no.
fn ping(address: SocketAddr) -> bool {
    let Ok(mut stream) = TcpStream::connect_timeout(&address, Duration::from_millis(100)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(1)));
    let request = "GET /control/ping/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    answer.starts_with(b"HTTP/1.1 200")
}

/// Stops the server as a container platform would: SIGTERM, then SIGKILL if it lingers.
fn stop(child: &mut Child) -> Result<(), String> {
    let pid = i32::try_from(child.id()).map_err(|_| "the server's pid is out of range")?;
    let _ = kill(Pid::from_raw(pid), Signal::SIGTERM);
    let deadline = Instant::now() + STOP_LIMIT;
    while Instant::now() < deadline {
        if child
            .try_wait()
            .map_err(|error| format!("cannot check the server: {error}"))?
            .is_some()
        {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = child.kill();
    let _ = child.wait();
    Err(format!(
        "the server ignored SIGTERM for {} s",
        STOP_LIMIT.as_secs()
    ))
}
