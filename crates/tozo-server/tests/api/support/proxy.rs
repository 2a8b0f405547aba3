//! A TCP relay between the server and PostgreSQL that a test can cut, stall and restore,
//! so that a database outage can be staged without touching the machine's PostgreSQL.
//!
//! It can also play the first step of PostgreSQL's authentication itself: it asks the server
//! for a cleartext password, records it, then hands the connection to the real database,
//! whose trust authentication answers the rest. That shows which password the server sends.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinHandle;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Link {
    Open,
    /// Connections are closed at once, as when the database host is gone.
    Cut,
    /// Connections stay open and nothing goes through, as when packets are dropped.
    Stalled,
}

/// The user and password a client sent while logging in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credentials {
    pub user: String,
    pub password: String,
}

struct Shared {
    upstream: SocketAddr,
    link: watch::Sender<Link>,
    asks_for_password: bool,
    credentials: Mutex<Vec<Credentials>>,
}

pub struct DatabaseProxy {
    port: u16,
    shared: Arc<Shared>,
    accept_loop: JoinHandle<()>,
}

impl DatabaseProxy {
    pub async fn start(upstream: SocketAddr) -> Self {
        Self::start_with(upstream, false).await
    }

    pub async fn start_recording_passwords(upstream: SocketAddr) -> Self {
        Self::start_with(upstream, true).await
    }

    async fn start_with(upstream: SocketAddr, asks_for_password: bool) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("the proxy binds a loopback port");
        let port = listener
            .local_addr()
            .expect("the proxy has an address")
            .port();
        let shared = Arc::new(Shared {
            upstream,
            link: watch::Sender::new(Link::Open),
            asks_for_password,
            credentials: Mutex::new(Vec::new()),
        });

        let accepting = Arc::clone(&shared);
        let accept_loop = tokio::spawn(async move {
            while let Ok((inbound, _)) = listener.accept().await {
                tokio::spawn(relay(inbound, Arc::clone(&accepting)));
            }
        });

        Self {
            port,
            shared,
            accept_loop,
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Closes every connection and refuses new ones.
    pub fn cut(&self) {
        self.shared.link.send_replace(Link::Cut);
    }

    /// Keeps every connection open but forwards nothing, and does the same to new ones.
    pub fn stall(&self) {
        self.shared.link.send_replace(Link::Stalled);
    }

    /// Lets new connections through again; connections from the outage are closed.
    pub fn restore(&self) {
        self.shared.link.send_replace(Link::Open);
    }

    pub fn credentials(&self) -> Vec<Credentials> {
        self.shared
            .credentials
            .lock()
            .expect("the credentials are readable")
            .clone()
    }
}

impl Drop for DatabaseProxy {
    fn drop(&mut self) {
        self.accept_loop.abort();
        // Ends the relays too, so that no connection outlives the test.
        self.shared.link.send_replace(Link::Cut);
    }
}

async fn relay(mut inbound: TcpStream, shared: Arc<Shared>) {
    let mut link = shared.link.subscribe();
    let current = *link.borrow_and_update();
    match current {
        Link::Open => {}
        Link::Cut => return,
        Link::Stalled => {
            // Holds the connection, silent, until the outage ends; then closes it.
            let _ = link.wait_for(|state| *state != Link::Stalled).await;
            return;
        }
    }

    let startup = if shared.asks_for_password {
        match take_password(&mut inbound).await {
            Ok((startup, credentials)) => {
                shared
                    .credentials
                    .lock()
                    .expect("the credentials are writable")
                    .push(credentials);
                Some(startup)
            }
            Err(_) => return,
        }
    } else {
        None
    };

    let Ok(mut outbound) = TcpStream::connect(shared.upstream).await else {
        return;
    };
    if let Some(startup) = startup
        && outbound.write_all(&startup).await.is_err()
    {
        return;
    }

    let outage = tokio::select! {
        _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound) => false,
        _ = link.wait_for(|state| *state != Link::Open) => true,
    };
    if outage && *link.borrow() == Link::Stalled {
        let _ = link.wait_for(|state| *state != Link::Stalled).await;
    }
}

const SSL_REQUEST: u32 = 80_877_103;
const GSS_ENCRYPTION_REQUEST: u32 = 80_877_104;
const AUTHENTICATION_CLEARTEXT_PASSWORD: [u8; 9] = [b'R', 0, 0, 0, 8, 0, 0, 0, 3];

/// Reads the client's startup message (declining encryption), asks for a cleartext
/// password and reads it. Returns the startup message, to be replayed to the database.
async fn take_password(inbound: &mut TcpStream) -> std::io::Result<(Vec<u8>, Credentials)> {
    let startup = loop {
        let length = inbound.read_u32().await?;
        let mut message = vec![0; body_length(length)?];
        inbound.read_exact(&mut message).await?;
        let code = message
            .get(..4)
            .map(|code| u32::from_be_bytes([code[0], code[1], code[2], code[3]]));
        if matches!(code, Some(SSL_REQUEST | GSS_ENCRYPTION_REQUEST)) {
            inbound.write_all(b"N").await?;
            continue;
        }
        let mut startup = length.to_be_bytes().to_vec();
        startup.extend_from_slice(&message);
        break startup;
    };
    let user = startup_parameter(&startup[8..], "user").unwrap_or_default();

    inbound
        .write_all(&AUTHENTICATION_CLEARTEXT_PASSWORD)
        .await?;
    let tag = inbound.read_u8().await?;
    let length = inbound.read_u32().await?;
    let mut password = vec![0; body_length(length)?];
    inbound.read_exact(&mut password).await?;
    if tag != b'p' {
        return Err(std::io::Error::other("the client did not send a password"));
    }
    password.pop_if(|byte| *byte == 0);
    let password = String::from_utf8(password).map_err(std::io::Error::other)?;

    Ok((startup, Credentials { user, password }))
}

fn body_length(length: u32) -> std::io::Result<usize> {
    let length = usize::try_from(length).map_err(std::io::Error::other)?;
    length
        .checked_sub(4)
        .filter(|body| *body <= 64 * 1024)
        .ok_or_else(|| std::io::Error::other("implausible message length"))
}

/// Reads one `name\0value\0` pair from the parameters of a startup message.
fn startup_parameter(parameters: &[u8], name: &str) -> Option<String> {
    let mut fields = parameters.split(|byte| *byte == 0);
    while let Some(key) = fields.next() {
        let value = fields.next()?;
        if key == name.as_bytes() {
            return String::from_utf8(value.to_vec()).ok();
        }
    }
    None
}
