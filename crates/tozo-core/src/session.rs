use std::fmt;

use crate::token::{random_text, sha256};

/// The secret in a member's session cookie. The database keeps only its hash.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionToken(String);

impl SessionToken {
    /// A new random token: 256 bits, beyond guessing.
    #[must_use]
    pub fn generate() -> Self {
        Self(random_text(32))
    }

    /// Wraps the token read back from a cookie.
    #[must_use]
    pub fn from_cookie(value: &str) -> Self {
        Self(value.to_owned())
    }

    /// The value to put in the cookie.
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub(crate) fn hash(&self) -> [u8; 32] {
        sha256(self.0.as_bytes())
    }
}

impl fmt::Debug for SessionToken {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("SessionToken(***)")
    }
}
