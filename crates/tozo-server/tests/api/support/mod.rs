//! What every test uses: the app under test and the stand-ins around it.

pub mod app;
pub mod database;
pub mod http;
pub mod postmark;
pub mod proxy;
pub mod sentry;
pub mod server;
pub mod site;
pub mod stand_in;
pub mod tokens;
pub mod wait;

pub use app::{TestApp, strong_password, unique_email};
pub use http::{
    ApiClient, BROWSER_ACCEPT, Connection, expect_empty_object, expect_error, expect_json,
};

/// Copies of `token` with one character changed: near the start, in the middle and near the
/// end, so that both a signed payload and its signature are altered somewhere.
pub fn tampered_tokens(token: &str) -> Vec<String> {
    let characters: Vec<char> = token.chars().collect();
    let alphanumeric: Vec<usize> = (0..characters.len())
        .filter(|&index| characters[index].is_ascii_alphanumeric())
        .collect();
    assert!(alphanumeric.len() >= 3, "a token to tamper with: {token}");
    let picks = [
        alphanumeric[0],
        alphanumeric[alphanumeric.len() / 2],
        alphanumeric[alphanumeric.len() - 2],
    ];
    picks
        .iter()
        .map(|&index| {
            let mut changed = characters.clone();
            // A swap that changes the high bits of a base64 digit, not only its padding.
            changed[index] = if changed[index] == 'z' { 'A' } else { 'z' };
            changed.into_iter().collect()
        })
        .collect()
}
