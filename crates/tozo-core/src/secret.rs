use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac as _};
use rand::RngCore as _;
use sha2::Sha512;

/// The fewest random bytes accepted as the application secret: 256 bits.
pub const MIN_SECRET_BYTES: usize = 32;

/// The application secret, from which every key is derived: one secret to configure, with a
/// separate key per use so that none is ever used for two things.
#[derive(Clone)]
pub struct AppSecret(Vec<u8>);

/// The configured secret cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum InvalidSecret {
    /// Not standard base64.
    #[error("it is not base64 (generate one with `openssl rand -base64 32`)")]
    NotBase64,
    /// Fewer than 32 bytes once decoded.
    #[error("it holds {0} bytes; at least 32 random bytes are needed")]
    TooShort(usize),
}

impl AppSecret {
    /// Reads a base64 secret such as `openssl rand -base64 32` prints.
    ///
    /// # Errors
    /// [`InvalidSecret`] when it is not base64 or holds fewer than 32 bytes.
    pub fn from_base64(encoded: &str) -> Result<Self, InvalidSecret> {
        let bytes = STANDARD
            .decode(encoded.trim())
            .map_err(|_| InvalidSecret::NotBase64)?;
        if bytes.len() < MIN_SECRET_BYTES {
            return Err(InvalidSecret::TooShort(bytes.len()));
        }
        Ok(Self(bytes))
    }

    /// A fresh random secret, for development: sessions and links die with the process.
    #[must_use]
    pub fn random() -> Self {
        let mut bytes = vec![0; MIN_SECRET_BYTES];
        rand::rng().fill_bytes(&mut bytes);
        Self(bytes)
    }

    /// A 64-byte key for one use, named by `label`.
    ///
    /// # Panics
    /// Never: HMAC takes keys of any length.
    #[must_use]
    pub fn derive(&self, label: &str) -> [u8; 64] {
        let mut mac = Hmac::<Sha512>::new_from_slice(&self.0).expect("HMAC takes any key");
        mac.update(label.as_bytes());
        mac.finalize().into_bytes().into()
    }
}

impl fmt::Debug for AppSecret {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("AppSecret(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_needs_32_bytes_of_base64() {
        assert_eq!(
            AppSecret::from_base64("not base64!").unwrap_err(),
            InvalidSecret::NotBase64
        );
        assert_eq!(
            AppSecret::from_base64(&STANDARD.encode([7; 31])).unwrap_err(),
            InvalidSecret::TooShort(31)
        );
        assert!(AppSecret::from_base64(&STANDARD.encode([7; 32])).is_ok());
    }

    #[test]
    fn keys_for_different_uses_differ() {
        let secret = AppSecret::random();

        assert_ne!(secret.derive("cookies"), secret.derive("tokens"));
        assert_eq!(secret.derive("cookies"), secret.derive("cookies"));
    }
}
