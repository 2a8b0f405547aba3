//! Logs and error reports: `tracing` lines on stdout, as text for a terminal or JSON for
//! CloudWatch, and Sentry events for server faults when `SENTRY_DSN` is set.
//!
//! Every error line written by Tozo's own code is a fault. Outside a request it becomes a
//! Sentry event at once; inside a request it is kept for that request's single event, which
//! [`crate::fairings::SentryReporting`] sends once the answer is known. A panic counts the same
//! way. Lines written while a request is handled carry its request id, and error lines the id
//! of the Sentry event that reports them, so an operator can go from one to the other.
//!
//! Nothing personal is sent: no cookies, headers, bodies, query strings, users or log
//! breadcrumbs, and email addresses and URL credentials are cut out of every text.

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt;
use std::io::IsTerminal as _;
use std::panic::PanicHookInfo;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, LazyLock, Mutex, MutexGuard, Once, PoisonError};
use std::time::Duration;

use sentry::integrations::backtrace::ProcessStacktraceIntegration;
use sentry::integrations::contexts::ContextIntegration;
use sentry::integrations::panic::{PanicIntegration, message_from_panic_info};
use sentry::protocol::{Event, Exception, Level as SentryLevel, Value};
use sentry::types::{Dsn, Uuid, random_uuid};
use sentry::{Client, ClientOptions, Hub};
use tokio::task;
use tracing::field::{Field, Visit};
use tracing::{Level, Subscriber};
use tracing_subscriber::filter::LevelFilter;
use tracing_subscriber::fmt::format::{JsonFields, Writer};
use tracing_subscriber::fmt::{FmtContext, FormatEvent, FormatFields};
use tracing_subscriber::layer::{Context, SubscriberExt as _};
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::{EnvFilter, Layer};

use crate::config::{LogFormat, Settings};

/// Libraries are turned down to warnings; `RUST_LOG` overrides the whole filter.
const DEFAULT_FILTER: &str = "info,sqlx=warn,hyper=warn,rocket=warn,reqwest=warn";

/// How long a stopping process waits for its last events to reach Sentry. ECS allows 30 s
/// between SIGTERM and SIGKILL; requests in flight take up to 7 of them (Rocket's grace and
/// mercy) and emails being sent up to the delivery grace of `tozo serve`.
const FLUSH_TIMEOUT: Duration = Duration::from_secs(5);

/// Error lines from these targets are faults; other libraries' errors are only logged.
const OWN_TARGET_PREFIX: &str = "tozo";

/// The release without the commit: `tozo@<version>`.
const VERSION_RELEASE: &str = concat!("tozo@", env!("CARGO_PKG_VERSION"));

/// The commit the binary was built from, given at build time by Nix or CI. Git is never run
/// by the build: the source may be a tarball, and the Nix sandbox has no `.git`.
const BUILD_COMMIT: &str = match option_env!("TOZO_GIT_COMMIT") {
    Some(commit) => commit,
    None => "",
};

const RELEASE_LENGTH: usize = if BUILD_COMMIT.is_empty() {
    VERSION_RELEASE.len()
} else {
    VERSION_RELEASE.len() + 1 + BUILD_COMMIT.len()
};

const RELEASE_BYTES: [u8; RELEASE_LENGTH] = release_bytes();

/// `tozo@<version>`, or `tozo@<version>+<commit>` when the build knew its commit: the release
/// as Sentry, the logs and the web app name it.
pub const RELEASE: &str = match std::str::from_utf8(&RELEASE_BYTES) {
    Ok(release) => release,
    Err(_) => panic!("TOZO_GIT_COMMIT must be UTF-8"),
};

const fn release_bytes() -> [u8; RELEASE_LENGTH] {
    let mut bytes = [0; RELEASE_LENGTH];
    let version = VERSION_RELEASE.as_bytes();
    let commit = BUILD_COMMIT.as_bytes();
    let mut index = 0;
    while index < version.len() {
        bytes[index] = version[index];
        index += 1;
    }
    if !commit.is_empty() {
        bytes[index] = b'+';
        let mut from = 0;
        while from < commit.len() {
            bytes[index + 1 + from] = commit[from];
            from += 1;
        }
    }
    bytes
}

/// Installs the global subscriber and the panic hook. Call once, before anything logs.
///
/// # Panics
/// When a global subscriber is installed already.
pub fn init_logging(format: LogFormat) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    // Faults are recorded whatever RUST_LOG says: it chooses what is printed, not what is
    // reported.
    let faults = FaultRecorder.with_filter(LevelFilter::ERROR);
    let registry = tracing_subscriber::registry().with(faults);
    match format {
        LogFormat::Text => {
            let lines = tracing_subscriber::fmt::format()
                .with_target(false)
                .with_ansi(std::io::stdout().is_terminal());
            let printer = tracing_subscriber::fmt::layer()
                .event_format(WithRequestContext {
                    inner: lines,
                    json: false,
                })
                .with_writer(std::io::stdout)
                .with_filter(filter);
            install(registry.with(printer));
        }
        LogFormat::Json => {
            let lines = tracing_subscriber::fmt::format()
                .json()
                .flatten_event(true)
                .with_current_span(false)
                .with_span_list(false);
            let printer = tracing_subscriber::fmt::layer()
                .fmt_fields(JsonFields::new())
                .event_format(WithRequestContext {
                    inner: lines,
                    json: true,
                })
                .with_writer(std::io::stdout)
                .with_filter(filter);
            install(registry.with(printer));
        }
    }
    install_panic_hook();
}

/// Installs the global subscriber. Not `init()`: that would also route the `log` crate into
/// tracing, and Rocket logs there every forwarded guard (a warning on each API request) and
/// every unmatched path (an error, for what is the client's mistake).
fn install(subscriber: impl tracing::Subscriber + Send + Sync + 'static) {
    tracing::subscriber::set_global_default(subscriber).expect("logging is initialised once");
}

/// Keeps the Sentry client alive; dropping it sends what is still queued, waiting up to a
/// few seconds, so that a stopping or failing process loses no report.
#[must_use = "dropping the guard closes the Sentry client"]
pub struct SentryGuard {
    client: Arc<Client>,
}

impl SentryGuard {
    /// Waits until queued events are sent, up to a few seconds. Returns whether all were.
    #[must_use]
    pub fn flush(&self) -> bool {
        self.client.flush(Some(FLUSH_TIMEOUT))
    }
}

impl Drop for SentryGuard {
    fn drop(&mut self) {
        if !self.client.close(Some(FLUSH_TIMEOUT)) {
            tracing::warn!(
                timeout_seconds = FLUSH_TIMEOUT.as_secs(),
                "Sentry did not take every queued event in time; some reports are lost"
            );
        }
    }
}

/// Starts reporting to Sentry when `SENTRY_DSN` is set; without it there is no client and
/// nothing is sent. Call before Rocket starts and keep the guard until the process ends.
///
/// The client is bound to the process's main hub, which every request's own hub starts from.
#[must_use = "dropping the guard closes the Sentry client"]
pub fn init_sentry(settings: &Settings) -> Option<SentryGuard> {
    let dsn: Dsn = match settings.sentry_dsn.as_deref()?.parse() {
        Ok(dsn) => dsn,
        Err(error) => {
            // The settings check refuses a bad DSN before this point.
            tracing::error!(%error, "SENTRY_DSN is not a Sentry DSN; nothing will be reported");
            return None;
        }
    };

    let mut options =
        ClientOptions::default().traces_sample_rate(settings.sentry_traces_sample_rate);
    options.dsn = Some(dsn);
    options.release = Some(RELEASE.into());
    options.environment = Some(settings.environment.clone().into());
    options.send_default_pii = false;
    options.max_breadcrumbs = 0;
    options.shutdown_timeout = FLUSH_TIMEOUT;
    options.before_send = Some(Arc::new(|event| Some(scrub_event(event))));
    options.in_app_include = vec!["tozo", "tozo_core", "tozo_server"];
    // The default panic integration would report a handler's panic on its own, next to the
    // request's event, and flush on the worker thread; `install_panic_hook` does it instead.
    options.default_integrations = false;
    options.integrations = vec![
        Arc::new(ContextIntegration::default()),
        Arc::new(ProcessStacktraceIntegration),
    ];

    let client = Arc::new(Client::from(sentry::apply_defaults(options)));
    Hub::main().bind_client(Some(Arc::clone(&client)));
    install_panic_hook();
    Some(SentryGuard { client })
}

/// Whether a Sentry client is bound and able to send.
pub(crate) fn sentry_is_active() -> bool {
    Hub::main()
        .client()
        .is_some_and(|client| client.is_enabled())
}

/// The id of the last event sent from outside a request, for a line that repeats its fault.
#[must_use]
pub fn last_event_id() -> Option<String> {
    Hub::main()
        .last_event_id()
        .filter(|id| !id.is_nil())
        .map(|id| id.simple().to_string())
}

/// Removes what could identify a person from an event before it leaves the process.
fn scrub_event(mut event: Event<'static>) -> Event<'static> {
    event.user = None;
    if let Some(request) = &mut event.request {
        request.cookies = None;
        request.headers.clear();
        request.data = None;
        request.query_string = None;
        request.env.clear();
        if let Some(url) = &mut request.url {
            url.set_query(None);
            url.set_fragment(None);
            let _ = url.set_username("");
            let _ = url.set_password(None);
        }
    }
    // Log lines can quote what a member typed; none are kept as breadcrumbs.
    event.breadcrumbs.values.clear();
    event.message = event.message.as_deref().map(redact);
    if let Some(entry) = &mut event.logentry {
        entry.message = redact(&entry.message);
        entry.params.clear();
    }
    for exception in &mut event.exception.values {
        exception.value = exception.value.as_deref().map(redact);
    }
    for value in event.tags.values_mut() {
        *value = redact(value);
    }
    for value in event.extra.values_mut() {
        if let Value::String(text) = value {
            *text = redact(text);
        }
    }
    event
}

/// `text` with every `something@host` (email addresses, credentials in URLs) replaced.
fn redact(text: &str) -> String {
    const REDACTED: &str = "[redacted]";
    let is_local =
        |character: char| !character.is_whitespace() && !"\"'<>()[]{},;/=".contains(character);
    let is_host = |character: char| character.is_alphanumeric() || ".-_".contains(character);

    let mut redacted = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('@') {
        let before = &rest[..at];
        let after = &rest[at + 1..];
        let local_start = before
            .char_indices()
            .rev()
            .find(|&(_, character)| !is_local(character))
            .map_or(0, |(index, character)| index + character.len_utf8());
        let host_end = after
            .char_indices()
            .find(|&(_, character)| !is_host(character))
            .map_or(after.len(), |(index, _)| index);
        if local_start < before.len() && host_end > 0 {
            redacted.push_str(&before[..local_start]);
            redacted.push_str(REDACTED);
            rest = &after[host_end..];
        } else {
            redacted.push_str(&rest[..=at]);
            rest = after;
        }
    }
    redacted.push_str(rest);
    redacted
}

/// Whether a cause chain is a failure of the database rather than of Tozo's own code.
fn is_database_failure(cause: &str) -> bool {
    static DATABASE_FAILED: LazyLock<String> =
        LazyLock::new(|| tozo_core::StorageError::from(sqlx::Error::PoolTimedOut).to_string());
    cause.contains(DATABASE_FAILED.as_str())
}

/// A database outage is reported once: the first request that fails on the database reports
/// it and starts watching the database; while it is down, further failures are logged but not
/// reported; once it answers again (see [`end_database_outage`]), the next failure is reported.
static DATABASE_OUTAGE: AtomicBool = AtomicBool::new(false);

/// Marks the reported database outage as over. Returns whether there was one.
pub(crate) fn end_database_outage() -> bool {
    DATABASE_OUTAGE.swap(false, Ordering::SeqCst)
}

/// The first fault of a request, and the event that reports it, if any.
#[derive(Default)]
pub(crate) struct Failure {
    /// The id of the event that will report the failure; none when it is not reported, such
    /// as a database failure during an outage already reported, or with no Sentry client.
    pub(crate) event_id: Option<Uuid>,
    /// What failed, from the first error line: `request failed`, `session check failed`.
    pub(crate) what: String,
    /// The error and its causes, when the line gave them.
    pub(crate) cause: Option<String>,
    /// The panic that failed the request, with its stack trace.
    pub(crate) panic: Option<Event<'static>>,
    /// Whether this failure started a database outage, which someone must now watch.
    pub(crate) started_outage: bool,
}

/// What the logs and reports know about the request a task handles.
struct RequestContext {
    request_id: String,
    failure: Option<Failure>,
}

/// Rocket handles each request on a task of its own, from its request fairings to its answer,
/// so the task says which request a log line or a panic belongs to.
static REQUESTS: LazyLock<Mutex<HashMap<task::Id, RequestContext>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

fn requests() -> MutexGuard<'static, HashMap<task::Id, RequestContext>> {
    // The map stays consistent even if a holder panicked: every change is a single call.
    REQUESTS.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Marks the current task as handling one request until the value is dropped.
///
/// NOTE: Rocket's local test client runs requests on the caller's task rather than on one of
/// their own, so two of its requests in flight at once would share one context.
pub(crate) struct RequestScope {
    task: task::Id,
}

impl RequestScope {
    /// Starts the scope of a request on the current task; `None` outside a Tokio task.
    pub(crate) fn enter(request_id: &str) -> Option<Self> {
        let task = task::try_id()?;
        let context = RequestContext {
            request_id: request_id.to_owned(),
            failure: None,
        };
        requests().insert(task, context);
        Some(Self { task })
    }

    /// Takes the request's failure, if anything failed in it so far.
    pub(crate) fn take_failure(&self) -> Option<Failure> {
        requests()
            .get_mut(&self.task)
            .and_then(|context| context.failure.take())
    }
}

impl Drop for RequestScope {
    fn drop(&mut self) {
        requests().remove(&self.task);
    }
}

/// Runs `record` on the context of the request the current task handles, if it handles one.
fn with_current_request<T>(record: impl FnOnce(&mut RequestContext) -> T) -> Option<T> {
    let task = task::try_id()?;
    requests().get_mut(&task).map(record)
}

thread_local! {
    /// The event made from the error line being written on this thread, for its printer.
    static LINE_EVENT_ID: Cell<Option<Uuid>> = const { Cell::new(None) };
}

/// The fields of a log line, as text.
#[derive(Default)]
struct LineFields {
    message: String,
    error: Option<String>,
    names_its_event: bool,
    others: Vec<(&'static str, String)>,
}

impl Visit for LineFields {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.record(field, value.to_owned());
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.record(field, format!("{value:?}"));
    }
}

impl LineFields {
    fn record(&mut self, field: &Field, value: String) {
        match field.name() {
            "message" => self.message = value,
            "error" => self.error = Some(value),
            "sentry_event_id" => self.names_its_event = true,
            name => self.others.push((name, value)),
        }
    }
}

/// Turns Tozo's error lines into faults: kept for the request's event inside a request,
/// reported at once outside one. Runs before the printer, which shows the event's id.
struct FaultRecorder;

impl<S: Subscriber> Layer<S> for FaultRecorder {
    fn on_event(&self, event: &tracing::Event<'_>, _context: Context<'_, S>) {
        LINE_EVENT_ID.set(None);
        let metadata = event.metadata();
        if *metadata.level() != Level::ERROR || !metadata.target().starts_with(OWN_TARGET_PREFIX) {
            return;
        }
        let mut fields = LineFields::default();
        event.record(&mut fields);
        if fields.names_its_event {
            return;
        }

        let reporting = sentry_is_active();
        let in_request = with_current_request(|context| {
            if context.failure.is_none() {
                context.failure = Some(request_failure(&fields, reporting));
            }
        });
        if in_request.is_none() && reporting {
            let event_id = Hub::main().capture_event(line_event(metadata.target(), fields));
            LINE_EVENT_ID.set(Some(event_id).filter(|id| !id.is_nil()));
        }
    }
}

/// The failure a request's first error line stands for, and whether it is reported.
fn request_failure(fields: &LineFields, reporting: bool) -> Failure {
    let database = fields.error.as_deref().is_some_and(is_database_failure);
    let started_outage = reporting && database && !DATABASE_OUTAGE.swap(true, Ordering::SeqCst);
    let reported = reporting && (!database || started_outage);
    Failure {
        event_id: reported.then(random_uuid),
        what: fields.message.clone(),
        cause: fields.error.clone(),
        panic: None,
        started_outage,
    }
}

/// An event for an error line written outside any request.
fn line_event(target: &str, fields: LineFields) -> Event<'static> {
    let mut event = Event {
        level: SentryLevel::Error,
        logger: Some(target.to_owned()),
        message: Some(fields.message.clone()),
        ..Event::default()
    };
    if let Some(cause) = fields.error {
        event.exception.values.push(Exception {
            ty: fields.message,
            value: Some(cause),
            ..Exception::default()
        });
    }
    for (name, value) in fields.others {
        event.extra.insert(name.to_owned(), Value::String(value));
    }
    event
}

static PANIC_HOOK: Once = Once::new();

/// Panics are logged as error lines and reported like them: a handler's panic is the fault
/// of its request (which Rocket answers with 500), any other is an event of its own. The
/// standard hook still prints the message and, with `RUST_BACKTRACE`, the backtrace.
fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let standard = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            report_panic(info);
            standard(info);
        }));
    });
}

fn report_panic(info: &PanicHookInfo<'_>) {
    let message = message_from_panic_info(info).to_owned();
    let location = info
        .location()
        .map_or_else(String::new, ToString::to_string);
    let reporting = sentry_is_active();
    let mut event = reporting.then(|| PanicIntegration::new().event_from_panic_info(info));

    let in_request = with_current_request(|context| {
        let failure = context.failure.get_or_insert_with(Failure::default);
        if failure.panic.is_none() {
            "panicked".clone_into(&mut failure.what);
            failure.cause = Some(message.clone());
            failure.panic = event.take().map(|mut event| {
                event.level = SentryLevel::Error;
                event
            });
            if reporting && failure.event_id.is_none() {
                failure.event_id = Some(random_uuid());
            }
        }
    });
    if in_request.is_some() {
        tracing::error!(panic = %message, %location, "a request handler panicked");
        return;
    }

    let event_id = event
        .map(|event| Hub::main().capture_event(event))
        .filter(|id| !id.is_nil());
    if let Some(id) = event_id {
        let id = id.simple();
        tracing::error!(panic = %message, %location, sentry_event_id = %id, "a task panicked");
    } else {
        tracing::error!(panic = %message, %location, "a task panicked");
    }
}

/// Prints a line with the standard format, then the request id of the request being handled
/// and the id of the Sentry event that reports an error line, unless the line names them.
struct WithRequestContext<F> {
    inner: F,
    json: bool,
}

impl<S, N, F> FormatEvent<S, N> for WithRequestContext<F>
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
    F: FormatEvent<S, N>,
{
    fn format_event(
        &self,
        context: &FmtContext<'_, S, N>,
        mut writer: Writer<'_>,
        event: &tracing::Event<'_>,
    ) -> fmt::Result {
        let mut line = String::new();
        self.inner
            .format_event(context, Writer::new(&mut line), event)?;
        let added = context_fields(event);
        if added.is_empty() {
            return writer.write_str(&line);
        }

        let line = line.strip_suffix('\n').unwrap_or(&line);
        if self.json {
            let object = line.strip_suffix('}').unwrap_or(line);
            writer.write_str(object)?;
            for (name, value) in added {
                write!(writer, ",\"{name}\":\"{value}\"")?;
            }
            writer.write_str("}\n")
        } else {
            writer.write_str(line)?;
            for (name, value) in added {
                write!(writer, " {name}={value}")?;
            }
            writer.write_char('\n')
        }
    }
}

/// The ids a line gains. Both are URL-safe characters only, so they need no quoting.
fn context_fields(event: &tracing::Event<'_>) -> Vec<(&'static str, String)> {
    let metadata = event.metadata();
    let names = metadata.fields();
    let is_error = *metadata.level() == Level::ERROR;
    let wants_event_id = is_error && names.field("sentry_event_id").is_none();
    let mut added = Vec::new();

    let request = with_current_request(|context| {
        let event_id = context
            .failure
            .as_ref()
            .and_then(|failure| failure.event_id);
        (context.request_id.clone(), event_id)
    });
    let event_id = match request {
        Some((request_id, event_id)) => {
            if names.field("request_id").is_none() {
                added.push(("request_id", request_id));
            }
            event_id
        }
        None => LINE_EVENT_ID.take(),
    };
    if wants_event_id && let Some(event_id) = event_id {
        added.push(("sentry_event_id", event_id.simple().to_string()));
    }
    added
}

#[cfg(test)]
mod tests {
    use sentry::protocol::{Breadcrumb, Request, User};

    use super::*;

    #[test]
    fn the_release_names_the_version() {
        assert!(RELEASE.starts_with(concat!("tozo@", env!("CARGO_PKG_VERSION"))));
    }

    #[test]
    fn email_addresses_and_url_credentials_are_redacted() {
        assert_eq!(
            redact("no such recipient: ada.lovelace+tozo@example.com."),
            "no such recipient: [redacted]"
        );
        assert_eq!(
            redact("connecting to postgres://tozo:s3cret@db.internal:5432/tozo failed"),
            "connecting to postgres://[redacted]:5432/tozo failed"
        );
        assert_eq!(redact("\"ada@example.com\""), "\"[redacted]\"");
        assert_eq!(
            redact("an @ alone, and tozo@ too"),
            "an @ alone, and tozo@ too"
        );
    }

    #[test]
    fn scrubbed_events_keep_no_personal_data() {
        let mut request = Request {
            url: "https://tozo.dev/todos/?q=secret#part".parse().ok(),
            method: Some("GET".to_owned()),
            cookies: Some("tozo_session=abc".to_owned()),
            query_string: Some("q=secret".to_owned()),
            data: Some("{\"password\":\"hunter2\"}".to_owned()),
            ..Request::default()
        };
        request
            .headers
            .insert("Authorization".to_owned(), "Bearer abc".to_owned());
        let mut event = Event {
            user: Some(User {
                email: Some("ada@example.com".to_owned()),
                ..User::default()
            }),
            request: Some(request),
            message: Some("could not mail ada@example.com".to_owned()),
            ..Event::default()
        };
        event.breadcrumbs.values.push(Breadcrumb::default());

        let event = scrub_event(event);

        let sent = serde_json::to_string(&event).unwrap();
        for personal in [
            "ada@example.com",
            "tozo_session",
            "Bearer",
            "secret",
            "hunter2",
        ] {
            assert!(!sent.contains(personal), "{personal} was kept: {sent}");
        }
        assert_eq!(event.request.unwrap().method.as_deref(), Some("GET"));
    }

    #[test]
    fn storage_errors_are_database_failures() {
        let error = tozo_core::StorageError::from(sqlx::Error::PoolTimedOut);

        assert!(is_database_failure(&crate::error::error_chain(&error)));
        assert!(!is_database_failure("the password could not be hashed"));
    }
}
