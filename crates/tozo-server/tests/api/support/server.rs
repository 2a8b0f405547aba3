//! The real `tozo` binary, run as a child process configured only through its environment.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{ExitStatus, Stdio};
use std::time::Duration;

use tokio::process::{Child, Command};

use super::site::TestDirectory;
use super::wait::{EXIT_WAIT, START_WAIT};

pub type Environment = BTreeMap<String, String>;

/// `tozo` with a clean environment, in `directory` (where it looks for `Tozo.toml`):
/// nothing of the test runner's leaks into the server.
pub fn tozo_command(env: &Environment, directory: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tozo"));
    command
        .current_dir(directory)
        .env_clear()
        .envs(env)
        .stdin(Stdio::null())
        .kill_on_drop(true);
    command
}

/// A port that was free a moment ago. The server binds it itself; a clash is retried.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free loopback port exists")
        .port()
}

pub struct Finished {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

impl Finished {
    pub fn output(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Runs `tozo <args>` in `directory` to completion.
pub async fn run_tozo(args: &[&str], env: &Environment, directory: &Path) -> Finished {
    let mut command = tozo_command(env, directory);
    command
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let output = tokio::time::timeout(EXIT_WAIT, command.output())
        .await
        .unwrap_or_else(|_| panic!("`tozo {}` finished within {EXIT_WAIT:?}", args.join(" ")))
        .expect("tozo runs");
    Finished {
        status: output.status,
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

pub enum Start {
    Ready,
    Exited(ExitStatus),
}

pub struct ServerProcess {
    child: Child,
    port: u16,
    stdout: PathBuf,
    stderr: PathBuf,
}

impl ServerProcess {
    /// Starts `tozo serve` in `directory`, to be reached on `port`; its output goes to
    /// `{directory}/logs/{name}.stdout` and `.stderr`.
    pub fn spawn(env: &Environment, port: u16, directory: &TestDirectory, name: &str) -> Self {
        let stdout = directory.logs().join(format!("{name}.stdout"));
        let stderr = directory.logs().join(format!("{name}.stderr"));
        let child = tozo_command(env, directory.root())
            .arg("serve")
            .stdout(File::create(&stdout).expect("the stdout log is created"))
            .stderr(File::create(&stderr).expect("the stderr log is created"))
            .spawn()
            .expect("the tozo binary starts");
        Self {
            child,
            port,
            stdout,
            stderr,
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Waits until ping answers, or the process exits first.
    pub async fn wait_until_ready(&mut self) -> Start {
        let client = reqwest::Client::builder()
            .no_proxy()
            .timeout(Duration::from_secs(2))
            .build()
            .expect("an HTTP client builds");
        let ping = format!("{}/control/ping/", self.base_url());
        let deadline = tokio::time::Instant::now() + START_WAIT;
        loop {
            if let Some(status) = self.child.try_wait().expect("the child can be polled") {
                return Start::Exited(status);
            }
            if let Ok(response) = client.get(&ping).send().await
                && response.status() == reqwest::StatusCode::OK
            {
                return Start::Ready;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "the server answered ping within {START_WAIT:?}; its logs:\n{}",
                self.logs()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub fn id(&self) -> u32 {
        self.child.id().expect("the server is still running")
    }

    /// Sends SIGTERM, as the container runtime does on a deploy.
    pub fn terminate(&self) {
        let pid = i32::try_from(self.id()).expect("a process id fits an i32");
        nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(pid),
            nix::sys::signal::Signal::SIGTERM,
        )
        .expect("SIGTERM is delivered");
    }

    pub async fn wait_for_exit(&mut self) -> ExitStatus {
        let Ok(status) = tokio::time::timeout(EXIT_WAIT, self.child.wait()).await else {
            panic!(
                "the server exited within {EXIT_WAIT:?}; its logs:\n{}",
                self.logs()
            );
        };
        status.expect("the exit status can be read")
    }

    pub fn kill(&mut self) {
        let _ = self.child.start_kill();
    }

    /// What the server wrote to stdout so far.
    pub fn stdout(&self) -> String {
        std::fs::read_to_string(&self.stdout).unwrap_or_default()
    }

    /// What the server wrote to stderr so far.
    pub fn stderr(&self) -> String {
        std::fs::read_to_string(&self.stderr).unwrap_or_default()
    }

    pub fn logs(&self) -> String {
        format!(
            "--- stdout ---\n{}--- stderr ---\n{}",
            self.stdout(),
            self.stderr()
        )
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.kill();
        if std::thread::panicking() {
            eprintln!("server on port {}:\n{}", self.port, tail(&self.logs(), 80));
        }
    }
}

fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}
