//! A stand-in for Sentry's ingestion endpoint (`POST /api/{project}/envelope/`).

use hyper::StatusCode;
use serde_json::{Value, json};

use super::stand_in::{Reply, StandIn};
use super::wait::{EMAIL_WAIT, poll_until};

/// One item of an envelope: its type (`event`, `transaction`, …) and its JSON payload.
#[derive(Clone, Debug)]
pub struct EnvelopeItem {
    pub kind: String,
    pub payload: Value,
}

pub struct SentryStandIn {
    server: StandIn,
}

impl SentryStandIn {
    pub async fn start() -> Self {
        let server = StandIn::start(|request| {
            let is_envelope = request.method == "POST"
                && request.path.starts_with("/api/")
                && request.path.ends_with("/envelope/");
            if is_envelope {
                let id = uuid::Uuid::new_v4().simple().to_string();
                Reply::json(StatusCode::OK, &json!({ "id": id }))
            } else {
                Reply::json(StatusCode::NOT_FOUND, &json!({ "detail": "not found" }))
            }
        })
        .await;
        Self { server }
    }

    /// A DSN pointing at this stand-in; the key is a placeholder.
    pub fn dsn(&self) -> String {
        format!("http://public-test-key@127.0.0.1:{}/1", self.server.port())
    }

    /// The raw text of every envelope received, to search for things that must not be sent.
    pub fn raw_envelopes(&self) -> Vec<String> {
        self.server
            .requests()
            .into_iter()
            .map(|request| String::from_utf8_lossy(&request.body).into_owned())
            .collect()
    }

    pub fn items(&self) -> Vec<EnvelopeItem> {
        self.server
            .requests()
            .iter()
            .flat_map(|request| {
                assert!(
                    request.header("content-encoding").is_none(),
                    "envelopes arrive uncompressed"
                );
                parse_envelope(&request.body)
            })
            .collect()
    }

    pub async fn wait_for_item(
        &self,
        kind: &str,
        matches: impl Fn(&EnvelopeItem) -> bool,
    ) -> EnvelopeItem {
        let found = poll_until(EMAIL_WAIT, || {
            self.items()
                .into_iter()
                .find(|item| item.kind == kind && matches(item))
        })
        .await;
        found.unwrap_or_else(|| {
            panic!(
                "no matching {kind} reached Sentry within {EMAIL_WAIT:?}; received: {:#?}",
                self.raw_envelopes()
            )
        })
    }
}

/// Splits an envelope: a header line, then for each item a header line and a payload, whose
/// size is the header's `length` when given and otherwise runs to the end of the line.
fn parse_envelope(body: &[u8]) -> Vec<EnvelopeItem> {
    let mut items = Vec::new();
    let Some(header_end) = body.iter().position(|&byte| byte == b'\n') else {
        return items;
    };
    let mut rest = &body[header_end + 1..];

    while !rest.is_empty() {
        let line_end = rest
            .iter()
            .position(|&byte| byte == b'\n')
            .unwrap_or(rest.len());
        let Ok(item_header) = serde_json::from_slice::<Value>(&rest[..line_end]) else {
            break;
        };
        rest = rest.get(line_end + 1..).unwrap_or_default();

        let length = item_header
            .get("length")
            .and_then(Value::as_u64)
            .and_then(|length| usize::try_from(length).ok());
        let payload_end = length.unwrap_or_else(|| {
            rest.iter()
                .position(|&byte| byte == b'\n')
                .unwrap_or(rest.len())
        });
        let payload_end = payload_end.min(rest.len());
        let payload = serde_json::from_slice(&rest[..payload_end]).unwrap_or(Value::Null);
        rest = rest.get(payload_end + 1..).unwrap_or_default();

        let kind = item_header
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        items.push(EnvelopeItem { kind, payload });
    }
    items
}
