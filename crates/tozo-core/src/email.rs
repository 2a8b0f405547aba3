//! The emails Tozo sends, and the ways of sending them.

use std::fmt::Write as _;
use std::time::Duration;

use postmark::Query as _;
use postmark::api::Body;
use postmark::api::email::SendEmailRequest;
use postmark::reqwest::PostmarkClient;

use crate::EmailAddress;

/// A sender that does not answer within this time has failed; the member's data is already
/// safe, so there is nothing to wait for.
const SEND_TIMEOUT: Duration = Duration::from_secs(15);

/// An email ready to send: plain text for every client and HTML for those that show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    /// The recipient.
    pub to: EmailAddress,
    /// The subject line.
    pub subject: String,
    /// The plain-text body.
    pub text: String,
    /// The HTML body.
    pub html: String,
}

impl Email {
    /// The welcome email, with the link that confirms the address.
    #[must_use]
    pub fn welcome(to: EmailAddress, confirm_link: &str) -> Self {
        Self::with_action(
            to,
            "Welcome to Tozo",
            "Thanks for joining Tozo. Please confirm your email address:",
            "Confirm my email",
            confirm_link,
            "If you did not sign up, ignore this email and nothing will happen.",
        )
    }

    /// The email with the link to choose a new password.
    #[must_use]
    pub fn reset_password(to: EmailAddress, reset_link: &str) -> Self {
        Self::with_action(
            to,
            "Reset your Tozo password",
            "Someone asked to reset the password of your Tozo account. Choose a new one here \
             (the link works once, for 24 hours):",
            "Choose a new password",
            reset_link,
            "If it was not you, ignore this email: your password stays as it is.",
        )
    }

    /// The notice sent after a password changes, so a member learns of a change they did not
    /// make.
    #[must_use]
    pub fn password_changed(to: EmailAddress, forgotten_link: &str) -> Self {
        Self::with_action(
            to,
            "Your Tozo password has changed",
            "The password of your Tozo account has just been changed, and your other sessions \
             have been logged out.",
            "I did not do this: reset my password",
            forgotten_link,
            "If it was you, there is nothing more to do.",
        )
    }

    fn with_action(
        to: EmailAddress,
        subject: &str,
        lead: &str,
        action: &str,
        link: &str,
        footer: &str,
    ) -> Self {
        let text = format!("{lead}\n\n{link}\n\n{footer}\n\nTozo\n");
        let html = format!(
            "<!DOCTYPE html><html><body style=\"font-family: sans-serif; line-height: 1.5\">\
             <p>{lead}</p><p><a href=\"{link}\">{action}</a></p><p>{footer}</p><p>Tozo</p>\
             </body></html>",
            lead = escape_html(lead),
            link = escape_html(link),
            action = escape_html(action),
            footer = escape_html(footer),
        );
        Self {
            to,
            subject: subject.to_owned(),
            text,
            html,
        }
    }
}

fn escape_html(text: &str) -> String {
    text.chars().fold(
        String::with_capacity(text.len()),
        |mut escaped, character| {
            match character {
                '&' => escaped.push_str("&amp;"),
                '<' => escaped.push_str("&lt;"),
                '>' => escaped.push_str("&gt;"),
                '"' => escaped.push_str("&quot;"),
                '\'' => escaped.push_str("&#39;"),
                other => {
                    let _ = write!(escaped, "{other}");
                }
            }
            escaped
        },
    )
}

/// Sending an email failed.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// Postmark refused the email or could not be reached.
    #[error("Postmark did not accept the email: {0}")]
    Postmark(String),
    /// Postmark did not answer in time.
    #[error("Postmark did not answer within {} s", SEND_TIMEOUT.as_secs())]
    Timeout,
}

/// Where emails go.
#[derive(Clone)]
pub enum Mailer {
    /// Postmark's email API.
    Postmark {
        /// A client with the server token and base URL set.
        client: PostmarkClient,
        /// The `From` header, e.g. `Tozo <help@tozo.dev>`.
        from: String,
    },
    /// The log, for development: the email, links included, is written at info level.
    Log,
}

impl Mailer {
    /// A Postmark mailer talking to `base_url` (Postmark's API, or a stand-in in tests).
    #[must_use]
    pub fn postmark(server_token: &str, base_url: &str, from: &str) -> Self {
        let client = PostmarkClient::builder()
            .server_token(server_token)
            .base_url(base_url)
            .build();
        Self::Postmark {
            client,
            from: from.to_owned(),
        }
    }

    /// Sends one email.
    ///
    /// # Errors
    /// [`SendError`] when Postmark refuses it, fails, or does not answer in time.
    pub async fn send(&self, email: &Email) -> Result<(), SendError> {
        match self {
            Self::Postmark { client, from } => {
                let request = SendEmailRequest::builder()
                    .from(from.as_str())
                    .to(email.to.as_str())
                    .subject(email.subject.as_str())
                    .body(Body::HtmlAndText {
                        html: email.html.clone(),
                        text: email.text.clone(),
                    })
                    .message_stream("outbound")
                    .build();
                let response = tokio::time::timeout(SEND_TIMEOUT, request.execute(client))
                    .await
                    .map_err(|_| SendError::Timeout)?
                    .map_err(|error| SendError::Postmark(error.to_string()))?;
                response
                    .error_for_status()
                    .map_err(|refusal| SendError::Postmark(refusal.message))?;
                Ok(())
            }
            Self::Log => {
                tracing::info!(
                    subject = %email.subject,
                    body = %email.text,
                    "email not sent: no Postmark token is configured"
                );
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_welcome_email_carries_the_link_in_both_bodies() {
        let to = EmailAddress::parse("ada@example.com").unwrap();
        let link = "https://tozo.dev/confirm-email/abc.def/";

        let email = Email::welcome(to, link);

        assert!(email.text.contains(link));
        assert!(
            email
                .html
                .contains("href=\"https://tozo.dev/confirm-email/abc.def/\"")
        );
    }

    #[test]
    fn html_bodies_escape_what_they_quote() {
        assert_eq!(
            escape_html("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
