//! Passwords: how strong they must be, and how they are stored.

use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Mutex, OnceLock, mpsc};
use std::{fmt, thread};

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::oneshot;

/// The lowest zxcvbn score accepted: "safely unguessable: moderate protection from offline
/// slow-hash scenarios". The web app uses the same threshold for its feedback.
const MIN_SCORE: zxcvbn::Score = zxcvbn::Score::Three;

/// OWASP's recommended argon2id cost: 19 MiB of memory, two passes, one lane.
const MEMORY_KIB: u32 = 19 * 1024;
const PASSES: u32 = 2;
const LANES: u32 = 1;

/// A password as typed. It never prints, so it cannot leak into a log.
#[derive(Clone)]
pub struct Password(String);

impl Password {
    /// Wraps a password typed by a person.
    #[must_use]
    pub fn new(password: impl Into<String>) -> Self {
        Self(password.into())
    }

    /// The password as typed; call this only to hash or score it.
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("Password(***)")
    }
}

/// The password would be guessed too easily.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("the password is too easy to guess")]
pub struct WeakPassword;

/// Scores a password with zxcvbn, counting words of the member's own (the email) against it.
///
/// # Errors
/// [`WeakPassword`] when the score is below 3.
pub fn check_strength(password: &Password, user_inputs: &[&str]) -> Result<(), WeakPassword> {
    if zxcvbn::zxcvbn(password.expose(), user_inputs).score() >= MIN_SCORE {
        Ok(())
    } else {
        Err(WeakPassword)
    }
}

/// A stored argon2id hash in PHC format.
#[derive(Clone, PartialEq, Eq, sqlx::Type)]
#[sqlx(transparent)]
pub struct PasswordHashString(String);

impl PasswordHashString {
    /// The PHC string, as stored.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for PasswordHashString {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("PasswordHashString(***)")
    }
}

/// Hashing or checking a password failed for a reason other than a wrong password.
#[derive(Debug, thiserror::Error)]
pub enum HashingError {
    /// argon2 refused its inputs or a stored hash is corrupt.
    #[error("argon2 failed: {0}")]
    Argon2(String),
    /// The hashing thread panicked on this password, or every hashing thread has stopped.
    #[error("the hashing thread did not finish")]
    ThreadFailed,
}

/// Work for a hashing thread; it answers through a channel of its own.
type HashingJob = Box<dyn FnOnce() + Send>;

/// Hashes and verifies passwords with argon2id on a few long-lived threads of its own.
///
/// Each hash takes tens of milliseconds of CPU and 19 MiB of memory on purpose. The fixed
/// number of threads bounds both: a burst of logins queues here instead of taking every core
/// from the other routes, and each thread reuses its own buffer where short-lived blocking
/// threads would each take a fresh one.
#[derive(Clone)]
pub struct PasswordHasher {
    jobs: mpsc::Sender<HashingJob>,
}

impl PasswordHasher {
    /// Starts `threads` hashing threads (at least one); they stop when the last clone of the
    /// hasher is dropped.
    ///
    /// # Panics
    /// When the operating system refuses to start a thread.
    #[must_use]
    pub fn new(threads: usize) -> Self {
        let (jobs, queue) = mpsc::channel::<HashingJob>();
        let queue = Arc::new(Mutex::new(queue));
        for number in 0..threads.max(1) {
            let queue = Arc::clone(&queue);
            thread::Builder::new()
                .name(format!("tozo-hasher-{number}"))
                .spawn(move || run_hashing_thread(&queue))
                .expect("the hashing thread starts");
        }
        Self { jobs }
    }

    /// Leaves one core for everything else when there is more than one.
    #[must_use]
    pub fn for_this_machine() -> Self {
        let cores = thread::available_parallelism().map_or(1, std::num::NonZero::get);
        Self::new(cores.saturating_sub(1))
    }

    /// Hashes a password with a fresh random salt.
    ///
    /// # Errors
    /// [`HashingError`] when argon2 fails or the hashing thread does not finish.
    pub async fn hash(&self, password: &Password) -> Result<PasswordHashString, HashingError> {
        let password = password.clone();
        self.run(move || {
            argon2()
                .hash_password(password.expose().as_bytes())
                .map(|hash| PasswordHashString(hash.to_string()))
                .map_err(|error| HashingError::Argon2(error.to_string()))
        })
        .await
    }

    /// Checks a password against a stored hash, or against a fixed decoy hash when there is
    /// none, so that a login for an unknown email costs the same time as a wrong password.
    ///
    /// # Errors
    /// [`HashingError`] when the stored hash cannot be parsed or the thread does not finish.
    pub async fn verify(
        &self,
        password: &Password,
        stored: Option<&PasswordHashString>,
    ) -> Result<bool, HashingError> {
        let password = password.clone();
        let stored = stored.cloned();
        self.run(move || {
            let matches = verify_against(&password, stored.as_ref().unwrap_or_else(|| decoy()))?;
            Ok(matches && stored.is_some())
        })
        .await
    }

    /// Queues `work` for the next free hashing thread and waits for its answer.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> Result<T, HashingError> + Send + 'static,
    ) -> Result<T, HashingError> {
        let (answer, answered) = oneshot::channel();
        let job = Box::new(move || {
            // A request cancelled while it queued (its client went away) wants no answer, and
            // the hash would only delay the requests behind it.
            if !answer.is_closed() {
                // The receiver may go between the check and the send; then the answer is lost.
                let _ = answer.send(work());
            }
        });
        self.jobs
            .send(job)
            .map_err(|_| HashingError::ThreadFailed)?;
        answered.await.map_err(|_| HashingError::ThreadFailed)?
    }
}

/// Runs jobs until every sender is gone. A job that panics loses only its own answer.
fn run_hashing_thread(queue: &Mutex<mpsc::Receiver<HashingJob>>) {
    loop {
        // The lock is held while waiting: an idle thread has nothing else to do, and the next
        // job goes to whichever thread takes the lock after it.
        let job = match queue.lock() {
            Ok(receiver) => receiver.recv(),
            Err(poisoned) => poisoned.into_inner().recv(),
        };
        let Ok(job) = job else { return };
        let _ = panic::catch_unwind(AssertUnwindSafe(job));
    }
}

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, PASSES, LANES, None).expect("the cost is valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

fn verify_against(password: &Password, stored: &PasswordHashString) -> Result<bool, HashingError> {
    let hash = PasswordHash::new(stored.as_str())
        .map_err(|error| HashingError::Argon2(error.to_string()))?;
    Ok(argon2()
        .verify_password(password.expose().as_bytes(), &hash)
        .is_ok())
}

/// A hash of a random password, computed once, that no typed password matches in practice.
fn decoy() -> &'static PasswordHashString {
    static DECOY: OnceLock<PasswordHashString> = OnceLock::new();
    DECOY.get_or_init(|| {
        let random = crate::token::random_text(32);
        let hash = argon2()
            .hash_password(random.as_bytes())
            .expect("argon2 hashes");
        PasswordHashString(hash.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_and_personal_passwords_are_weak() {
        for weak in [
            "password",
            "tozo1234",
            "qwertyuiop",
            "ada.lovelace@example.com",
        ] {
            let result = check_strength(&Password::new(weak), &["ada.lovelace@example.com"]);

            assert_eq!(result, Err(WeakPassword), "{weak}");
        }
    }

    #[test]
    fn a_long_unusual_password_is_strong() {
        let strong = Password::new("correct horse battery staple kettle");

        assert_eq!(check_strength(&strong, &[]), Ok(()));
    }

    #[test]
    fn passwords_never_print() {
        let debug = format!("{:?}", Password::new("hunter2-secret"));

        assert!(!debug.contains("hunter2"));
    }

    #[tokio::test]
    async fn a_hash_matches_its_password_and_no_other() {
        let hasher = PasswordHasher::new(1);
        let hash = hasher
            .hash(&Password::new("kettle-lantern-orbit"))
            .await
            .unwrap();

        assert!(hash.as_str().starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(
            hasher
                .verify(&Password::new("kettle-lantern-orbit"), Some(&hash))
                .await
                .unwrap()
        );
        assert!(
            !hasher
                .verify(&Password::new("kettle-lantern-orbiT"), Some(&hash))
                .await
                .unwrap()
        );
    }

    #[tokio::test]
    async fn one_thread_answers_many_waiting_checks() {
        let hasher = PasswordHasher::new(1);
        let hash = hasher
            .hash(&Password::new("quiet-harbour-map"))
            .await
            .unwrap();

        let right = Password::new("quiet-harbour-map");
        let wrong = Password::new("quiet-harbour-maps");
        let answers = tokio::join!(
            hasher.verify(&right, Some(&hash)),
            hasher.verify(&wrong, Some(&hash)),
            hasher.verify(&right, Some(&hash)),
        );

        let answers = [answers.0.unwrap(), answers.1.unwrap(), answers.2.unwrap()];
        assert_eq!(answers, [true, false, true]);
    }

    #[tokio::test]
    async fn a_panic_loses_one_answer_and_keeps_the_thread() {
        let hasher = PasswordHasher::new(1);

        let failed = hasher.run::<()>(|| panic!("argon2 exploded")).await;
        let next = hasher.hash(&Password::new("after-the-panic")).await;

        assert!(matches!(failed, Err(HashingError::ThreadFailed)));
        assert!(next.is_ok());
    }

    #[tokio::test]
    async fn no_password_matches_a_missing_hash() {
        let hasher = PasswordHasher::new(1);

        assert!(
            !hasher
                .verify(&Password::new("anything"), None)
                .await
                .unwrap()
        );
    }
}
