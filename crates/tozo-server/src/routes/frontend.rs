//! The built web app: its files, and `index.html` for every page a browser navigates to.

use std::path::{Path, PathBuf};

use rocket::fs::NamedFile;
use rocket::http::{Header, Status};
use rocket::request::{FromRequest, Outcome, Request};
use rocket::response::{self, Responder};
use rocket::{Route, get, routes};

/// Hashed file names change with their content, so they can be cached for good.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Everything else is checked with the server each time, so a deploy shows at once.
const REVALIDATE: &str = "no-cache";

/// Where the built front end lives.
#[derive(Debug, Clone)]
pub struct StaticFiles {
    /// `TOZO_STATIC_DIR`.
    pub dir: PathBuf,
}

/// Above every API route: Rocket's default ranks run from -12 to -1.
const FRONTEND_RANK: isize = -20;

pub fn routes() -> Vec<Route> {
    routes![frontend]
        .into_iter()
        .map(|mut route| {
            route.rank = FRONTEND_RANK;
            route
        })
        .collect()
}

/// What the front-end route serves.
enum FrontendFile {
    /// A file of the build, by path.
    File(PathBuf),
    /// The app's page, for a browser navigating to one of its paths.
    Index,
}

/// Runs before the API routes on every `GET`, and forwards to them unless the request is for
/// a file of the build or is a browser navigation. That is how `/todos/5/` shows the app when
/// a browser reloads it and answers JSON to the app's own requests.
#[rocket::async_trait]
impl<'r> FromRequest<'r> for FrontendFile {
    type Error = ();

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        // Rejects `..`, dot files and other segments that could leave the directory.
        let Ok(path) = request.segments::<PathBuf>(0..) else {
            return Outcome::Forward(Status::NotFound);
        };
        let static_files = request.rocket().state::<StaticFiles>().expect("managed");

        if looks_like_a_file(&path) {
            let file = static_files.dir.join(&path);
            if rocket::tokio::fs::metadata(&file)
                .await
                .is_ok_and(|metadata| metadata.is_file())
            {
                return Outcome::Success(Self::File(file));
            }
        }

        let is_page = path.as_os_str().is_empty() || is_navigation(request);
        if is_page && !path.starts_with("assets") {
            Outcome::Success(Self::Index)
        } else {
            Outcome::Forward(Status::NotFound)
        }
    }
}

/// API paths never have a dot in their last segment; files of the build always do. Checking
/// this first spares API requests a look at the file system.
fn looks_like_a_file(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| name.to_string_lossy().contains('.'))
}

/// Browsers list `text/html` in `Accept` when they load a page; API clients send
/// `application/json`, `*/*` or nothing.
fn is_navigation(request: &Request<'_>) -> bool {
    request
        .headers()
        .get("Accept")
        .flat_map(|accept| accept.split(','))
        .any(|media_type| media_type.trim().starts_with("text/html"))
}

#[get("/<_..>")]
async fn frontend(file: FrontendFile, static_files: &rocket::State<StaticFiles>) -> Cached {
    let (path, cache_control) = match file {
        FrontendFile::File(path) => {
            let hashed = path.starts_with(static_files.dir.join("assets"));
            (path, if hashed { IMMUTABLE } else { REVALIDATE })
        }
        FrontendFile::Index => (static_files.dir.join("index.html"), REVALIDATE),
    };
    Cached {
        file: NamedFile::open(&path).await.ok(),
        cache_control,
    }
}

/// A file with its `Cache-Control`; a missing `index.html` (front end not built) is a 404.
struct Cached {
    file: Option<NamedFile>,
    cache_control: &'static str,
}

impl<'r> Responder<'r, 'static> for Cached {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'static> {
        let mut response = self.file.respond_to(request)?;
        response.set_header(Header::new("Cache-Control", self.cache_control));
        Ok(response)
    }
}
