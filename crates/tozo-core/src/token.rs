//! Signed, expiring tokens for the links in emails.
//!
//! A token is `base64url(payload).base64url(HMAC-SHA256(purpose, payload))`. The payload holds
//! the member id, the time of signing and an optional fingerprint of state that must not
//! change before the token is used. The purpose is signed but not sent, so a token made for
//! one use cannot be replayed for another.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, TimeDelta, Utc};
use hmac::{Hmac, Mac as _};
use rand::RngCore as _;
use sha2::{Digest as _, Sha256};

use crate::{AppSecret, MemberId};

/// Names the signing key among the keys derived from the application secret.
const KEY_LABEL: &str = "tozo tokens";

type HmacSha256 = Hmac<Sha256>;

/// Member id (8 bytes) and time of signing (8 bytes), both big-endian.
const FIXED_PAYLOAD_LENGTH: usize = 16;

/// What a token may be used for, with how long it stays valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    /// The link in the welcome email.
    ConfirmEmail,
    /// The link in the forgotten-password email.
    ResetPassword,
}

impl TokenPurpose {
    fn label(self) -> &'static [u8] {
        match self {
            Self::ConfirmEmail => b"tozo confirm-email",
            Self::ResetPassword => b"tozo reset-password",
        }
    }

    /// How long after signing the token is accepted.
    #[must_use]
    pub fn lifetime(self) -> TimeDelta {
        match self {
            Self::ConfirmEmail => TimeDelta::days(30),
            Self::ResetPassword => TimeDelta::hours(24),
        }
    }
}

/// Why a token was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TokenError {
    /// Not a token we signed for this purpose, or its fingerprint no longer matches.
    #[error("the token is not valid")]
    Invalid,
    /// A genuine token, used after its lifetime.
    #[error("the token has expired")]
    Expired,
}

/// What a verified token says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedToken {
    /// The member the token was made for.
    pub member_id: MemberId,
    /// The fingerprint signed into the token, empty when there was none.
    pub fingerprint: Vec<u8>,
}

/// Signs and verifies tokens with a key derived from the application secret.
#[derive(Clone)]
pub struct TokenSigner {
    key: [u8; 32],
}

impl TokenSigner {
    /// Derives the signing key from the application secret, so that the secret itself, which
    /// also keys cookies, is never used directly for two things.
    ///
    /// # Panics
    /// Never: HMAC takes keys of any length.
    #[must_use]
    pub fn new(secret: &[u8]) -> Self {
        let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes keys of any length");
        mac.update(b"tozo token signing key");
        Self {
            key: mac.finalize().into_bytes().into(),
        }
    }

    /// Signs a token for `member_id`, made at `now`, carrying `fingerprint`.
    #[must_use]
    pub fn sign(
        &self,
        purpose: TokenPurpose,
        member_id: MemberId,
        fingerprint: &[u8],
        now: DateTime<Utc>,
    ) -> String {
        let mut payload = Vec::with_capacity(FIXED_PAYLOAD_LENGTH + fingerprint.len());
        payload.extend_from_slice(&member_id.get().to_be_bytes());
        payload.extend_from_slice(&now.timestamp().to_be_bytes());
        payload.extend_from_slice(fingerprint);

        let signature = self.mac(purpose, &payload).finalize().into_bytes();
        format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(&payload),
            URL_SAFE_NO_PAD.encode(signature)
        )
    }

    /// Checks a token's signature for `purpose`, then its age at `now`.
    ///
    /// # Errors
    /// [`TokenError::Invalid`] for anything we did not sign for this purpose;
    /// [`TokenError::Expired`] for a genuine token older than the purpose's lifetime.
    ///
    /// # Panics
    /// Never: the payload's length is checked before it is split.
    pub fn verify(
        &self,
        purpose: TokenPurpose,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<VerifiedToken, TokenError> {
        let (payload, signature) = token.split_once('.').ok_or(TokenError::Invalid)?;
        let payload = URL_SAFE_NO_PAD
            .decode(payload)
            .map_err(|_| TokenError::Invalid)?;
        let signature = URL_SAFE_NO_PAD
            .decode(signature)
            .map_err(|_| TokenError::Invalid)?;
        self.mac(purpose, &payload)
            .verify_slice(&signature)
            .map_err(|_| TokenError::Invalid)?;

        if payload.len() < FIXED_PAYLOAD_LENGTH {
            return Err(TokenError::Invalid);
        }
        let (member_id, rest) = payload.split_at(8);
        let (signed_at, fingerprint) = rest.split_at(8);
        let member_id = i64::from_be_bytes(member_id.try_into().expect("eight bytes"));
        let signed_at = i64::from_be_bytes(signed_at.try_into().expect("eight bytes"));
        let signed_at = DateTime::from_timestamp(signed_at, 0).ok_or(TokenError::Invalid)?;

        if now - signed_at > purpose.lifetime() {
            return Err(TokenError::Expired);
        }
        Ok(VerifiedToken {
            member_id: MemberId::new(member_id),
            fingerprint: fingerprint.to_vec(),
        })
    }

    /// The signer `Tozo` uses for an application secret; tools that make tokens for a running
    /// server (tests, seeding) use this to make the same ones.
    #[must_use]
    pub fn for_app(secret: &AppSecret) -> Self {
        Self::new(&secret.derive(KEY_LABEL))
    }

    fn mac(&self, purpose: TokenPurpose, payload: &[u8]) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(&self.key).expect("HMAC takes keys of any length");
        mac.update(purpose.label());
        mac.update(&[0]);
        mac.update(payload);
        mac
    }
}

/// `bytes` random bytes from the operating system's generator, as URL-safe base64.
#[must_use]
pub fn random_text(bytes: usize) -> String {
    let mut buffer = vec![0; bytes];
    rand::rng().fill_bytes(&mut buffer);
    URL_SAFE_NO_PAD.encode(buffer)
}

/// SHA-256 of `data`.
#[must_use]
pub fn sha256(data: &[u8]) -> [u8; 32] {
    Sha256::digest(data).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signer() -> TokenSigner {
        TokenSigner::new(b"a test secret that is long enough for the job")
    }

    #[test]
    fn a_token_verifies_for_its_purpose_within_its_lifetime() {
        let now = Utc::now();
        let token = signer().sign(TokenPurpose::ConfirmEmail, MemberId::new(42), b"fp", now);

        let verified = signer()
            .verify(
                TokenPurpose::ConfirmEmail,
                &token,
                now + TimeDelta::days(29),
            )
            .unwrap();

        assert_eq!(verified.member_id, MemberId::new(42));
        assert_eq!(verified.fingerprint, b"fp");
    }

    #[test]
    fn a_token_for_one_purpose_is_invalid_for_another() {
        let now = Utc::now();
        let token = signer().sign(TokenPurpose::ConfirmEmail, MemberId::new(1), &[], now);

        let result = signer().verify(TokenPurpose::ResetPassword, &token, now);

        assert_eq!(result, Err(TokenError::Invalid));
    }

    #[test]
    fn an_old_token_is_expired() {
        let now = Utc::now();
        let token = signer().sign(TokenPurpose::ResetPassword, MemberId::new(1), &[], now);

        let result = signer().verify(
            TokenPurpose::ResetPassword,
            &token,
            now + TimeDelta::hours(25),
        );

        assert_eq!(result, Err(TokenError::Expired));
    }

    #[test]
    fn a_token_signed_with_another_secret_is_invalid() {
        let now = Utc::now();
        let token = TokenSigner::new(b"another secret").sign(
            TokenPurpose::ConfirmEmail,
            MemberId::new(1),
            &[],
            now,
        );

        assert_eq!(
            signer().verify(TokenPurpose::ConfirmEmail, &token, now),
            Err(TokenError::Invalid)
        );
    }

    #[test]
    fn tampered_and_malformed_tokens_are_invalid() {
        let now = Utc::now();
        let token = signer().sign(TokenPurpose::ConfirmEmail, MemberId::new(1), &[], now);
        let (payload, signature) = token.split_once('.').unwrap();
        let forged_payload = URL_SAFE_NO_PAD
            .encode([&2_i64.to_be_bytes()[..], &now.timestamp().to_be_bytes()].concat());

        for bad in [
            String::new(),
            "no-dot".to_owned(),
            format!("{forged_payload}.{signature}"),
            format!("{payload}.{}", URL_SAFE_NO_PAD.encode([0_u8; 32])),
            format!("{payload}.!!"),
        ] {
            assert_eq!(
                signer().verify(TokenPurpose::ConfirmEmail, &bad, now),
                Err(TokenError::Invalid)
            );
        }
    }
}
