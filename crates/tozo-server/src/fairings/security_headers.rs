use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::Header;
use rocket::{Request, Response};

/// Headers that tell browsers to refuse what Tozo never does: framing, sniffing, foreign
/// scripts, leaking the path (which can hold a reset token) in `Referer`.
pub struct SecurityHeaders {
    content_security_policy: String,
    strict_transport_security: bool,
}

impl SecurityHeaders {
    /// `report_origin` is the origin the browser's Sentry client sends to, if any;
    /// `https_only` adds HSTS, which is right only when Tozo is served over HTTPS.
    #[must_use]
    pub fn new(report_origin: Option<&str>, https_only: bool) -> Self {
        let connect =
            report_origin.map_or_else(|| "'self'".to_owned(), |origin| format!("'self' {origin}"));
        let content_security_policy = format!(
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
             img-src 'self' data:; font-src 'self' data:; connect-src {connect}; \
             frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"
        );
        Self {
            content_security_policy,
            strict_transport_security: https_only,
        }
    }
}

#[rocket::async_trait]
impl Fairing for SecurityHeaders {
    fn info(&self) -> Info {
        Info {
            name: "Security headers",
            kind: Kind::Response,
        }
    }

    async fn on_response<'r>(&self, _request: &'r Request<'_>, response: &mut Response<'r>) {
        response.set_header(Header::new(
            "Content-Security-Policy",
            self.content_security_policy.clone(),
        ));
        response.set_header(Header::new("X-Content-Type-Options", "nosniff"));
        response.set_header(Header::new("X-Frame-Options", "DENY"));
        response.set_header(Header::new("Referrer-Policy", "no-referrer"));
        response.set_header(Header::new("Cross-Origin-Opener-Policy", "same-origin"));
        response.set_header(Header::new(
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=()",
        ));
        if self.strict_transport_security {
            response.set_header(Header::new(
                "Strict-Transport-Security",
                "max-age=63072000; includeSubDomains",
            ));
        }
    }
}
