//! A stand-in for Postmark's email API (`POST /email`), answering as Postmark does.

use std::sync::{Arc, Mutex};

use hyper::StatusCode;
use serde_json::{Value, json};

use super::stand_in::{RecordedRequest, Reply, StandIn};
use super::wait::{EMAIL_WAIT, poll_until};

/// How the stand-in answers the next emails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PostmarkBehaviour {
    Accept,
    /// Postmark is having an outage: 500 with a plain-text body.
    FailWithServerError,
    /// Postmark refuses the message: 422 with a non-zero `ErrorCode`.
    RejectAsInactiveRecipient,
}

#[derive(Clone, Debug)]
pub struct Email {
    pub from: String,
    pub to: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    pub message_stream: String,
}

impl Email {
    fn parse(body: &Value) -> Option<Self> {
        let field = |name: &str| body.get(name)?.as_str().map(str::to_owned);
        Some(Self {
            from: field("From")?,
            to: field("To")?,
            subject: field("Subject")?,
            text_body: field("TextBody")?,
            html_body: field("HtmlBody")?,
            message_stream: field("MessageStream")?,
        })
    }

    /// The token of the first `{base_url}/{page}/{token}/` link in both bodies.
    pub fn link_token(&self, base_url: &str, page: &str) -> String {
        let text_token = link_token_in(&self.text_body, base_url, page)
            .unwrap_or_else(|| panic!("no {page} link in the text body:\n{}", self.text_body));
        let html_token = link_token_in(&self.html_body, base_url, page)
            .unwrap_or_else(|| panic!("no {page} link in the HTML body:\n{}", self.html_body));
        assert_eq!(text_token, html_token, "both bodies carry the same link");
        text_token
    }

    pub fn has_link_to(&self, page: &str) -> bool {
        let path = format!("/{page}/");
        self.text_body.contains(&path) || self.html_body.contains(&path)
    }
}

fn link_token_in(body: &str, base_url: &str, page: &str) -> Option<String> {
    let prefix = format!("{base_url}/{page}/");
    let start = body.find(&prefix)? + prefix.len();
    let rest = &body[start..];
    let end = rest.find('/')?;
    let token = &rest[..end];
    let plausible = !token.is_empty()
        && token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.~%=".contains(c));
    plausible.then(|| token.to_owned())
}

pub struct PostmarkStandIn {
    server: StandIn,
    token: String,
    behaviour: Arc<Mutex<PostmarkBehaviour>>,
    delivered: Arc<Mutex<Vec<Email>>>,
}

impl PostmarkStandIn {
    pub async fn start() -> Self {
        let token = format!("test-server-token-{}", uuid::Uuid::new_v4());
        let behaviour = Arc::new(Mutex::new(PostmarkBehaviour::Accept));
        let delivered = Arc::new(Mutex::new(Vec::new()));

        let server = {
            let token = token.clone();
            let behaviour = Arc::clone(&behaviour);
            let delivered = Arc::clone(&delivered);
            StandIn::start(move |request| {
                let behaviour = *behaviour.lock().expect("the behaviour is readable");
                let (reply, email) = answer(request, &token, behaviour);
                if let Some(email) = email {
                    delivered
                        .lock()
                        .expect("the outbox is writable")
                        .push(email);
                }
                reply
            })
            .await
        };

        Self {
            server,
            token,
            behaviour,
            delivered,
        }
    }

    pub fn base_url(&self) -> String {
        self.server.base_url()
    }

    pub fn token(&self) -> &str {
        &self.token
    }

    pub fn behave(&self, behaviour: PostmarkBehaviour) {
        *self.behaviour.lock().expect("the behaviour is writable") = behaviour;
    }

    /// Every request the stand-in received, accepted or not.
    pub fn attempts(&self) -> Vec<RecordedRequest> {
        self.server.requests()
    }

    /// The emails the stand-in accepted, in order of arrival.
    pub fn delivered(&self) -> Vec<Email> {
        self.delivered
            .lock()
            .expect("the outbox is readable")
            .clone()
    }

    pub fn delivered_to(&self, address: &str) -> Vec<Email> {
        self.delivered()
            .into_iter()
            .filter(|email| email.to == address)
            .collect()
    }

    /// Waits for an accepted email to `address` that `matches`; emails go out after the
    /// response, so a test polls for them.
    pub async fn wait_for_email(&self, address: &str, matches: impl Fn(&Email) -> bool) -> Email {
        let found = poll_until(EMAIL_WAIT, || {
            self.delivered_to(address)
                .into_iter()
                .find(|email| matches(email))
        })
        .await;
        found.unwrap_or_else(|| {
            panic!(
                "no matching email to {address} within {EMAIL_WAIT:?}; received: {:#?}",
                self.attempts()
            )
        })
    }

    /// Waits until the stand-in has received `count` requests, accepted or not.
    pub async fn wait_for_attempts(&self, count: usize) {
        let arrived = poll_until(EMAIL_WAIT, || {
            (self.attempts().len() >= count).then_some(())
        })
        .await;
        assert!(
            arrived.is_some(),
            "expected {count} requests to Postmark within {EMAIL_WAIT:?}, got {}",
            self.attempts().len()
        );
    }

    /// Waits for the welcome email to `address` and returns its confirmation token.
    pub async fn confirmation_token(&self, address: &str, base_url: &str) -> String {
        self.wait_for_email(address, |email| email.has_link_to("confirm-email"))
            .await
            .link_token(base_url, "confirm-email")
    }

    /// Waits for a password reset email to `address` newer than the `already_seen` ones.
    pub async fn reset_token(&self, address: &str, base_url: &str, already_seen: usize) -> String {
        let found = poll_until(EMAIL_WAIT, || {
            self.delivered_to(address)
                .into_iter()
                .filter(|email| email.has_link_to("reset-password"))
                .nth(already_seen)
        })
        .await;
        found
            .unwrap_or_else(|| panic!("no reset email number {already_seen} to {address}"))
            .link_token(base_url, "reset-password")
    }
}

fn answer(
    request: &RecordedRequest,
    token: &str,
    behaviour: PostmarkBehaviour,
) -> (Reply, Option<Email>) {
    if request.method != "POST" || request.path != "/email" {
        let body = json!({"ErrorCode": 404, "Message": "Not found."});
        return (Reply::json(StatusCode::NOT_FOUND, &body), None);
    }
    if request.header("x-postmark-server-token") != Some(token) {
        let body = json!({
            "ErrorCode": 10,
            "Message": "Request does not contain a valid Server token.",
        });
        return (Reply::json(StatusCode::UNAUTHORIZED, &body), None);
    }
    let Some(email) = serde_json::from_slice(&request.body)
        .ok()
        .as_ref()
        .and_then(Email::parse)
    else {
        let body = json!({"ErrorCode": 300, "Message": "Invalid email request."});
        return (Reply::json(StatusCode::UNPROCESSABLE_ENTITY, &body), None);
    };

    match behaviour {
        PostmarkBehaviour::Accept => {
            let body = json!({
                "To": email.to,
                "SubmittedAt": chrono::Utc::now().to_rfc3339(),
                "MessageID": uuid::Uuid::new_v4().to_string(),
                "ErrorCode": 0,
                "Message": "OK",
            });
            (Reply::json(StatusCode::OK, &body), Some(email))
        }
        PostmarkBehaviour::FailWithServerError => (
            Reply::text(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error"),
            None,
        ),
        PostmarkBehaviour::RejectAsInactiveRecipient => {
            let body = json!({
                "ErrorCode": 406,
                "Message": "You tried to send to a recipient that has been marked as inactive.",
            });
            (Reply::json(StatusCode::UNPROCESSABLE_ENTITY, &body), None)
        }
    }
}
