//! Tokens signed in the test with the server's own secret key, through tozo-core's public
//! token API: the only way to have a genuine token from 30 days ago.

use chrono::{TimeDelta, Utc};
use reqwest::StatusCode;
use tozo_core::token::{TokenPurpose, TokenSigner};
use tozo_core::{AppSecret, MemberId};

use super::app::TestApp;
use super::http::{ApiClient, expect_json};

/// Signs a token for `member_id`, dated `age` ago, as the server would have signed it then.
pub fn token_signed_ago(
    app: &TestApp,
    purpose: TokenPurpose,
    member_id: i64,
    fingerprint: &[u8],
    age: TimeDelta,
) -> String {
    let secret = AppSecret::from_base64(&app.env["TOZO_SECRET_KEY"])
        .expect("the test's secret key is valid");
    // NOTE: this repeats the label `Tozo::new` derives its signing key with; it will go once
    // tozo-core offers a signer built from an `AppSecret`.
    let signer = TokenSigner::new(&secret.derive("tozo tokens"));
    signer.sign(
        purpose,
        MemberId::new(member_id),
        fingerprint,
        Utc::now() - age,
    )
}

/// The member id the session of `client` belongs to.
pub async fn member_id(client: &ApiClient) -> i64 {
    let status = expect_json(client.session().await, StatusCode::OK).await;
    status["memberId"].as_i64().expect("memberId is a number")
}
