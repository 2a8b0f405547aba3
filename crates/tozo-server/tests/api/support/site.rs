//! A per-test directory holding a small built front end, and a file beside it that the
//! server must never serve.

use std::fs;
use std::path::{Path, PathBuf};

pub const INDEX_HTML: &str = "<!doctype html>\n<html><head><title>Tozo</title>\
    <script type=\"module\" src=\"/assets/app-1234abcd.js\"></script></head>\
    <body><div id=\"root\"></div></body></html>\n";
pub const APP_JS: &str = "console.log(\"tozo test bundle\");\n";
pub const ROBOTS_TXT: &str = "User-agent: *\nAllow: /\n";
pub const SECRET_MARKER: &str = "outside-the-static-dir";

pub struct TestDirectory {
    root: PathBuf,
}

impl TestDirectory {
    pub fn create() -> Self {
        let root = std::env::temp_dir().join(format!("tozo-test-{}", uuid::Uuid::new_v4()));
        let site = root.join("site");
        fs::create_dir_all(site.join("assets")).expect("the site directory is created");
        fs::write(site.join("index.html"), INDEX_HTML).expect("index.html is written");
        fs::write(site.join("assets/app-1234abcd.js"), APP_JS).expect("the bundle is written");
        fs::write(site.join("robots.txt"), ROBOTS_TXT).expect("robots.txt is written");
        fs::write(root.join("secret.txt"), SECRET_MARKER).expect("the secret is written");
        fs::create_dir_all(root.join("logs")).expect("the log directory is created");
        Self { root }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn site(&self) -> PathBuf {
        self.root.join("site")
    }

    pub fn logs(&self) -> PathBuf {
        self.root.join("logs")
    }
}

impl Drop for TestDirectory {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}
