//! Members' accounts: registration, email confirmation, sessions and passwords.

use chrono::{TimeDelta, Utc};
use sqlx::Connection as _;

use crate::email::Email;
use crate::password::{self, HashingError, PasswordHashString, WeakPassword};
use crate::token::{TokenError, TokenPurpose, sha256};
use crate::{EmailAddress, MemberId, Password, SessionToken, StorageError, Tozo};

/// How long a "remember me" session lasts; its cookie lasts as long.
pub const REMEMBERED_SESSION: TimeDelta = TimeDelta::days(365);

/// How long a session lasts when its cookie lives only as long as the browser does. Browsers
/// that restore sessions keep such cookies for weeks; the server does not.
pub const BROWSER_SESSION: TimeDelta = TimeDelta::days(7);

/// Bytes of the password hash's SHA-256 signed into a reset token: when the password changes,
/// the fingerprint no longer matches and the token stops working.
const FINGERPRINT_LENGTH: usize = 16;

/// Registration failed.
#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    /// The password would be guessed too easily.
    #[error(transparent)]
    WeakPassword(#[from] WeakPassword),
    /// Hashing the password failed.
    #[error(transparent)]
    Hashing(#[from] HashingError),
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Confirming an email address failed.
#[derive(Debug, thiserror::Error)]
pub enum ConfirmEmailError {
    /// The token is not valid, or has expired.
    #[error(transparent)]
    Token(#[from] TokenError),
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Logging in failed.
#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    /// No member has this email, or the password is wrong: deliberately one answer.
    #[error("the email or the password is wrong")]
    InvalidCredentials,
    /// Checking the password failed.
    #[error(transparent)]
    Hashing(#[from] HashingError),
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Changing a password failed.
#[derive(Debug, thiserror::Error)]
pub enum ChangePasswordError {
    /// The current password given is wrong.
    #[error("the current password is wrong")]
    InvalidPassword,
    /// The new password would be guessed too easily.
    #[error(transparent)]
    WeakPassword(#[from] WeakPassword),
    /// Hashing a password failed.
    #[error(transparent)]
    Hashing(#[from] HashingError),
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Resetting a forgotten password failed.
#[derive(Debug, thiserror::Error)]
pub enum ResetPasswordError {
    /// The token is not valid, was used already, or has expired.
    #[error(transparent)]
    Token(#[from] TokenError),
    /// The new password would be guessed too easily.
    #[error(transparent)]
    WeakPassword(#[from] WeakPassword),
    /// Hashing the password failed.
    #[error(transparent)]
    Hashing(#[from] HashingError),
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// A session that has just begun.
#[derive(Debug)]
pub struct NewSession {
    /// The secret for the cookie.
    pub token: SessionToken,
    /// Who logged in.
    pub member_id: MemberId,
    /// Whether the member asked to be remembered: the cookie then outlives the browser.
    pub remember: bool,
}

#[derive(sqlx::FromRow)]
struct Credentials {
    id: MemberId,
    email: String,
    password_hash: PasswordHashString,
}

impl Tozo {
    /// Registers a member and sends the welcome email with its confirmation link.
    ///
    /// An email that is already registered succeeds too, with the same work done and nothing
    /// changed, so that registration does not reveal who is a member.
    ///
    /// # Errors
    /// [`RegisterError::WeakPassword`] when zxcvbn scores the password below 3; otherwise
    /// only our own failures.
    pub async fn register(
        &self,
        email: &EmailAddress,
        password: &Password,
    ) -> Result<(), RegisterError> {
        password::check_strength(password, &[email.as_str()])?;
        let hash = self.hasher.hash(password).await?;

        let mut connection = self.connection().await?;
        let member_id: Option<MemberId> = self
            .within_deadline(
                sqlx::query_scalar(
                    "INSERT INTO members (email, password_hash) VALUES ($1, $2)
             ON CONFLICT (email) DO NOTHING
             RETURNING id",
                )
                .bind(email.as_str())
                .bind(&hash)
                .fetch_optional(&mut *connection),
            )
            .await?;
        connection.release();

        if let Some(member_id) = member_id {
            tracing::info!(%member_id, "member registered");
            let token = self
                .signer
                .sign(TokenPurpose::ConfirmEmail, member_id, &[], Utc::now());
            let link = self.link("confirm-email", &token);
            self.deliver(Email::welcome(email.clone(), &link));
        } else {
            tracing::info!("registration for an email that is already a member's");
        }
        Ok(())
    }

    /// Marks the member's email as confirmed. Confirming twice is not an error.
    ///
    /// # Errors
    /// [`ConfirmEmailError::Token`] for a token that is invalid (or whose member is gone) or
    /// older than 30 days.
    pub async fn confirm_email(&self, token: &str) -> Result<(), ConfirmEmailError> {
        let verified = self
            .signer
            .verify(TokenPurpose::ConfirmEmail, token, Utc::now())?;

        let mut connection = self.connection().await?;
        let confirmed = self
            .within_deadline(
                sqlx::query(
                    "UPDATE members SET email_confirmed_at = COALESCE(email_confirmed_at, now())
             WHERE id = $1",
                )
                .bind(verified.member_id)
                .execute(&mut *connection),
            )
            .await?;
        connection.release();

        if confirmed.rows_affected() == 0 {
            return Err(TokenError::Invalid.into());
        }
        tracing::info!(member_id = %verified.member_id, "email confirmed");
        Ok(())
    }

    /// Whether the member has confirmed their email address.
    ///
    /// # Errors
    /// [`StorageError`] when the database fails.
    pub async fn is_email_confirmed(&self, member: MemberId) -> Result<bool, StorageError> {
        let mut connection = self.connection().await?;
        let confirmed: Option<bool> = self
            .within_deadline(
                sqlx::query_scalar(
                    "SELECT email_confirmed_at IS NOT NULL FROM members WHERE id = $1",
                )
                .bind(member)
                .fetch_optional(&mut *connection),
            )
            .await?;
        connection.release();
        Ok(confirmed.unwrap_or(false))
    }

    /// Checks the credentials and starts a session.
    ///
    /// An unknown email costs the same password check as a wrong password, so the time taken
    /// does not reveal who is a member.
    ///
    /// # Errors
    /// [`LoginError::InvalidCredentials`] for an unknown email or a wrong password.
    pub async fn login(
        &self,
        email: &EmailAddress,
        password: &Password,
        remember: bool,
    ) -> Result<NewSession, LoginError> {
        let member = self.credentials_by_email(email).await?;

        let matches = self
            .hasher
            .verify(
                password,
                member.as_ref().map(|member| &member.password_hash),
            )
            .await?;
        let Some(member) = member.filter(|_| matches) else {
            return Err(LoginError::InvalidCredentials);
        };

        let token = SessionToken::generate();
        let lifetime = if remember {
            REMEMBERED_SESSION
        } else {
            BROWSER_SESSION
        };
        let mut connection = self.connection().await?;
        self.within_deadline(
            sqlx::query(
                "INSERT INTO sessions (token_hash, member_id, expires_at) VALUES ($1, $2, $3)",
            )
            .bind(token.hash().as_slice())
            .bind(member.id)
            .bind(Utc::now() + lifetime)
            .execute(&mut *connection),
        )
        .await?;
        connection.release();

        tracing::info!(member_id = %member.id, remember, "member logged in");
        Ok(NewSession {
            token,
            member_id: member.id,
            remember,
        })
    }

    /// The member a session belongs to, or `None` when it has ended or never existed.
    ///
    /// # Errors
    /// [`StorageError`] when the database fails.
    pub async fn authenticate(
        &self,
        token: &SessionToken,
    ) -> Result<Option<MemberId>, StorageError> {
        let mut connection = self.connection().await?;
        let member_id = self
            .within_deadline(
                sqlx::query_scalar(
                    "SELECT member_id FROM sessions WHERE token_hash = $1 AND expires_at > now()",
                )
                .bind(token.hash().as_slice())
                .fetch_optional(&mut *connection),
            )
            .await?;
        connection.release();
        Ok(member_id)
    }

    /// Ends a session. Ending one that has already ended is not an error.
    ///
    /// # Errors
    /// [`StorageError`] when the database fails.
    pub async fn logout(&self, token: &SessionToken) -> Result<(), StorageError> {
        let mut connection = self.connection().await?;
        self.within_deadline(
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                .bind(token.hash().as_slice())
                .execute(&mut *connection),
        )
        .await?;
        connection.release();
        Ok(())
    }

    /// Changes a member's password, ends their other sessions (keeping `current_session`),
    /// and sends a notice to their email.
    ///
    /// # Errors
    /// [`ChangePasswordError::InvalidPassword`] when `current` is wrong;
    /// [`ChangePasswordError::WeakPassword`] when `new` scores below 3.
    pub async fn change_password(
        &self,
        member: MemberId,
        current_session: &SessionToken,
        current: &Password,
        new: &Password,
    ) -> Result<(), ChangePasswordError> {
        let Some(credentials) = self.credentials_by_id(member).await? else {
            return Err(ChangePasswordError::InvalidPassword);
        };
        if !self
            .hasher
            .verify(current, Some(&credentials.password_hash))
            .await?
        {
            return Err(ChangePasswordError::InvalidPassword);
        }
        password::check_strength(new, &[credentials.email.as_str()])?;
        let hash = self.hasher.hash(new).await?;

        let mut connection = self.connection().await?;
        let mut transaction = self.within_deadline(connection.begin()).await?;
        self.within_deadline(
            sqlx::query("UPDATE members SET password_hash = $2 WHERE id = $1")
                .bind(member)
                .bind(&hash)
                .execute(&mut *transaction),
        )
        .await?;
        self.within_deadline(
            sqlx::query("DELETE FROM sessions WHERE member_id = $1 AND token_hash <> $2")
                .bind(member)
                .bind(current_session.hash().as_slice())
                .execute(&mut *transaction),
        )
        .await?;
        self.within_deadline(transaction.commit()).await?;
        connection.release();

        tracing::info!(member_id = %member, "password changed");
        self.send_password_changed_notice(&credentials.email);
        Ok(())
    }

    /// Sends a reset link when the email is a member's; does nothing otherwise, with the same
    /// answer, so the form does not reveal who is a member.
    ///
    /// # Errors
    /// [`StorageError`] when the database fails.
    pub async fn forgotten_password(&self, email: &EmailAddress) -> Result<(), StorageError> {
        let Some(member) = self.credentials_by_email(email).await? else {
            tracing::info!("password reset asked for an email that is no member's");
            return Ok(());
        };

        let fingerprint = fingerprint(&member.password_hash);
        let token = self.signer.sign(
            TokenPurpose::ResetPassword,
            member.id,
            &fingerprint,
            Utc::now(),
        );
        self.deliver(Email::reset_password(
            email.clone(),
            &self.link("reset-password", &token),
        ));
        tracing::info!(member_id = %member.id, "password reset link sent");
        Ok(())
    }

    /// Sets a new password from a reset link, ends every session of the member, marks the
    /// email as confirmed (the link proved it) and sends a notice.
    ///
    /// The token works once: it carries a fingerprint of the password it may replace.
    ///
    /// # Errors
    /// [`ResetPasswordError::Token`] for an invalid, used or expired token;
    /// [`ResetPasswordError::WeakPassword`] when the password scores below 3.
    pub async fn reset_password(
        &self,
        token: &str,
        new: &Password,
    ) -> Result<(), ResetPasswordError> {
        let verified = self
            .signer
            .verify(TokenPurpose::ResetPassword, token, Utc::now())?;
        let credentials = self
            .credentials_by_id(verified.member_id)
            .await?
            .filter(|member| fingerprint(&member.password_hash) == verified.fingerprint.as_slice())
            .ok_or(TokenError::Invalid)?;
        password::check_strength(new, &[credentials.email.as_str()])?;
        let hash = self.hasher.hash(new).await?;

        let mut connection = self.connection().await?;
        let mut transaction = self.within_deadline(connection.begin()).await?;
        let replaced = self
            .within_deadline(
                sqlx::query(
                    "UPDATE members
             SET password_hash = $3, email_confirmed_at = COALESCE(email_confirmed_at, now())
             WHERE id = $1 AND password_hash = $2",
                )
                .bind(credentials.id)
                .bind(&credentials.password_hash)
                .bind(&hash)
                .execute(&mut *transaction),
            )
            .await?;
        if replaced.rows_affected() == 0 {
            // Another request used the same token a moment ago.
            return Err(TokenError::Invalid.into());
        }
        self.within_deadline(
            sqlx::query("DELETE FROM sessions WHERE member_id = $1")
                .bind(credentials.id)
                .execute(&mut *transaction),
        )
        .await?;
        self.within_deadline(transaction.commit()).await?;
        connection.release();

        tracing::info!(member_id = %credentials.id, "password reset");
        self.send_password_changed_notice(&credentials.email);
        Ok(())
    }

    fn send_password_changed_notice(&self, email: &str) {
        if let Ok(to) = EmailAddress::parse(email) {
            self.deliver(Email::password_changed(
                to,
                &self.page("forgotten-password"),
            ));
        } else {
            tracing::error!("a stored email address no longer parses");
        }
    }

    async fn credentials_by_email(
        &self,
        email: &EmailAddress,
    ) -> Result<Option<Credentials>, StorageError> {
        let mut connection = self.connection().await?;
        let credentials = self
            .within_deadline(
                sqlx::query_as("SELECT id, email, password_hash FROM members WHERE email = $1")
                    .bind(email.as_str())
                    .fetch_optional(&mut *connection),
            )
            .await?;
        connection.release();
        Ok(credentials)
    }

    async fn credentials_by_id(&self, id: MemberId) -> Result<Option<Credentials>, StorageError> {
        let mut connection = self.connection().await?;
        let credentials = self
            .within_deadline(
                sqlx::query_as("SELECT id, email, password_hash FROM members WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&mut *connection),
            )
            .await?;
        connection.release();
        Ok(credentials)
    }
}

fn fingerprint(hash: &PasswordHashString) -> [u8; FINGERPRINT_LENGTH] {
    let digest = sha256(hash.as_str().as_bytes());
    digest[..FINGERPRINT_LENGTH]
        .try_into()
        .expect("a SHA-256 digest is longer")
}
