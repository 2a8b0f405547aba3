//! The API's routes. Each parses its input, calls tozo-core and answers.

mod control;
mod frontend;
mod members;
mod sessions;
mod todos;

use rocket::Route;
use serde::Serialize;

pub use control::FrontendConfig;
pub use frontend::StaticFiles;

/// `{}`: the body of answers that have nothing to say.
#[derive(Debug, Serialize)]
pub struct Empty {}

/// Every route of the API, and the front end's catch-all.
#[must_use]
pub fn all() -> Vec<Route> {
    [
        control::routes(),
        members::routes(),
        sessions::routes(),
        todos::routes(),
        frontend::routes(),
    ]
    .concat()
}
