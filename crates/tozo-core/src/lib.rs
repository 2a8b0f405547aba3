//! Tozo's application: members, their to-do lists, and everything needed to keep them safe.
//!
//! The crate knows nothing of HTTP. [`Tozo`] is the entry point: the server calls it for every
//! operation, and tests use it to set up state.

mod accounts;
mod app;
mod database;
pub mod email;
mod email_address;
mod member;
pub mod password;
mod secret;
mod session;
mod todos;
pub mod token;

pub use accounts::{
    BROWSER_SESSION, ChangePasswordError, ConfirmEmailError, LoginError, NewSession,
    REMEMBERED_SESSION, RegisterError, ResetPasswordError,
};
pub use app::{Tozo, TozoOptions};
pub use database::{Database, DatabaseOptions, Lease, StorageError, migrate};
pub use email_address::{EmailAddress, InvalidEmailAddress};
pub use member::MemberId;
pub use password::Password;
pub use secret::{AppSecret, InvalidSecret};
pub use session::SessionToken;
pub use todos::{Due, InvalidTodo, Task, Todo, TodoDraft, TodoId};
