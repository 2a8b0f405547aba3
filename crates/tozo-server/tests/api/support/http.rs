//! HTTP clients for the tests: `ApiClient` is the web app's view (JSON, a cookie jar), and
//! `Connection` is one keep-alive connection sending exactly the bytes a test asks for.

use std::sync::Arc;
use std::time::Duration;

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::SendRequest;
use hyper_util::rt::TokioIo;
use reqwest::cookie::{CookieStore, Jar};
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderMap};
use reqwest::{Method, RequestBuilder, Response, StatusCode, Url};
use serde_json::{Value, json};

pub const SESSION_COOKIE: &str = "tozo_session";

/// What a browser sends when a person opens a page.
pub const BROWSER_ACCEPT: &str =
    "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

/// A generous bound: a request that takes longer is hanging.
const REQUEST_TIMEOUT: Duration = Duration::from_mins(1);

#[derive(Clone)]
pub struct ApiClient {
    http: reqwest::Client,
    jar: Arc<Jar>,
    base: Url,
}

impl ApiClient {
    pub fn new(base_url: &str) -> Self {
        let jar = Arc::new(Jar::default());
        let http = reqwest::Client::builder()
            .cookie_provider(Arc::clone(&jar))
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(REQUEST_TIMEOUT)
            .build()
            .expect("an HTTP client builds");
        let base = Url::parse(base_url).expect("the base URL parses");
        Self { http, jar, base }
    }

    pub fn url(&self, path: &str) -> Url {
        self.base.join(path).expect("the path joins the base URL")
    }

    /// A request as the web app sends it: `Accept: application/json`.
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.http
            .request(method, self.url(path))
            .header(ACCEPT, "application/json")
    }

    pub async fn get(&self, path: &str) -> Response {
        send(self.request(Method::GET, path)).await
    }

    pub async fn get_accepting(&self, path: &str, accept: &str) -> Response {
        send(self.http.get(self.url(path)).header(ACCEPT, accept)).await
    }

    pub async fn post(&self, path: &str, body: &Value) -> Response {
        send(self.request(Method::POST, path).json(body)).await
    }

    pub async fn put(&self, path: &str, body: &Value) -> Response {
        send(self.request(Method::PUT, path).json(body)).await
    }

    pub async fn delete(&self, path: &str) -> Response {
        send(self.request(Method::DELETE, path)).await
    }

    pub async fn register(&self, email: &str, password: &str) -> Response {
        self.post(
            "/members/",
            &json!({ "email": email, "password": password }),
        )
        .await
    }

    pub async fn login(&self, email: &str, password: &str) -> Response {
        self.post(
            "/sessions/",
            &json!({ "email": email, "password": password }),
        )
        .await
    }

    pub async fn login_remembered(&self, email: &str, password: &str) -> Response {
        let body = json!({ "email": email, "password": password, "remember": true });
        self.post("/sessions/", &body).await
    }

    pub async fn logout(&self) -> Response {
        self.delete("/sessions/").await
    }

    pub async fn session(&self) -> Response {
        self.get("/sessions/").await
    }

    pub async fn confirm_email(&self, token: &str) -> Response {
        self.put("/members/email/", &json!({ "token": token }))
            .await
    }

    pub async fn change_password(&self, current: &str, new: &str) -> Response {
        let body = json!({ "currentPassword": current, "newPassword": new });
        self.put("/members/password/", &body).await
    }

    pub async fn forgot_password(&self, email: &str) -> Response {
        self.put("/members/forgotten-password/", &json!({ "email": email }))
            .await
    }

    pub async fn reset_password(&self, token: &str, password: &str) -> Response {
        let body = json!({ "token": token, "password": password });
        self.put("/members/reset-password/", &body).await
    }

    pub async fn create_todo(&self, body: &Value) -> Response {
        self.post("/todos/", body).await
    }

    /// Creates a todo and returns it, asserting the answer.
    pub async fn add_todo(&self, task: &str, due: Option<&str>, complete: bool) -> Value {
        let body = json!({ "task": task, "due": due, "complete": complete });
        expect_json(self.create_todo(&body).await, StatusCode::CREATED).await
    }

    pub async fn todos(&self) -> Vec<Value> {
        todo_list(self.get("/todos/").await).await
    }

    pub async fn todos_where_complete(&self, complete: bool) -> Vec<Value> {
        todo_list(self.get(&format!("/todos/?complete={complete}")).await).await
    }

    pub async fn todo(&self, id: &Value) -> Response {
        self.get(&format!("/todos/{id}/")).await
    }

    pub async fn update_todo(&self, id: &Value, body: &Value) -> Response {
        self.put(&format!("/todos/{id}/"), body).await
    }

    pub async fn delete_todo(&self, id: &Value) -> Response {
        self.delete(&format!("/todos/{id}/")).await
    }

    /// The `Cookie` header this client would send, if it holds a session.
    pub fn cookie_header(&self) -> Option<String> {
        self.jar
            .cookies(&self.base)
            .and_then(|value| value.to_str().ok().map(str::to_owned))
    }

    /// The session cookie's value, `name=value`.
    pub fn session_cookie(&self) -> Option<String> {
        let header = self.cookie_header()?;
        header
            .split("; ")
            .find(|pair| pair.starts_with(&format!("{SESSION_COOKIE}=")))
            .map(str::to_owned)
    }

    /// A new client holding only the given `name=value` cookie, as a stolen or replayed one.
    pub fn with_cookie(&self, cookie: &str) -> Self {
        let client = Self::new(self.base.as_str());
        client
            .jar
            .add_cookie_str(&format!("{cookie}; Path=/"), &self.base);
        client
    }
}

async fn send(request: RequestBuilder) -> Response {
    request
        .send()
        .await
        .unwrap_or_else(|error| panic!("the server answers: {error:?}"))
}

async fn todo_list(response: Response) -> Vec<Value> {
    let body = expect_json(response, StatusCode::OK).await;
    assert_eq!(
        body.as_object().map(serde_json::Map::len),
        Some(1),
        "the list holds only `todos`: {body}"
    );
    body["todos"]
        .as_array()
        .unwrap_or_else(|| panic!("`todos` is an array: {body}"))
        .clone()
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/json"))
}

/// Asserts the status and a JSON body, and returns the body.
pub async fn expect_json(response: Response, status: StatusCode) -> Value {
    let actual = response.status();
    let url = response.url().clone();
    let json_type = is_json(response.headers());
    let text = response.text().await.expect("the body can be read");
    assert_eq!(actual, status, "{url} answered {actual} with {text}");
    assert!(json_type, "{url} answered JSON, got {text}");
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{url}: {error}: {text}"))
}

/// Asserts an error answer: the status and exactly `{"code": code}` as JSON.
pub async fn expect_error(response: Response, status: StatusCode, code: &str) {
    let body = expect_json(response, status).await;
    assert_eq!(body, json!({ "code": code }));
}

/// Asserts a success answer with the body `{}`.
pub async fn expect_empty_object(response: Response, status: StatusCode) {
    let body = expect_json(response, status).await;
    assert_eq!(body, json!({}));
}

/// Asserts a JSON error body of the contract's shape, whatever its code, and returns it.
pub fn assert_error_shape(body: &[u8]) -> String {
    let body: Value = serde_json::from_slice(body).unwrap_or_else(|error| {
        panic!("{error}: {}", String::from_utf8_lossy(body));
    });
    let object = body.as_object().expect("the error is an object");
    assert_eq!(object.len(), 1, "the error holds only `code`: {body}");
    let code = object["code"].as_str().expect("`code` is a string");
    assert!(
        !code.is_empty() && code.chars().all(|c| c.is_ascii_uppercase() || c == '_'),
        "`code` is UPPER_SNAKE: {code}"
    );
    code.to_owned()
}

/// One answer read off a [`Connection`].
pub struct RawResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl RawResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One HTTP/1.1 keep-alive connection: every request goes over the same socket, and the
/// request target is sent exactly as given (no `..` clean-up).
pub struct Connection {
    sender: SendRequest<Full<Bytes>>,
    host: String,
}

impl Connection {
    pub async fn open(port: u16) -> Self {
        let stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .expect("the server accepts a connection");
        let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .expect("the HTTP/1.1 handshake succeeds");
        tokio::spawn(connection);
        Self {
            sender,
            host: format!("127.0.0.1:{port}"),
        }
    }

    /// Sends a request; panics if the server closed the connection.
    pub async fn send(
        &mut self,
        method: &str,
        target: &str,
        headers: &[(&str, &str)],
        body: impl Into<Bytes>,
    ) -> RawResponse {
        self.sender.ready().await.unwrap_or_else(|error| {
            panic!("the connection is still open before {target}: {error}")
        });
        let mut request = hyper::Request::builder()
            .method(method)
            .uri(target)
            .header("host", &self.host);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let request = request
            .body(Full::new(body.into()))
            .expect("the request is well formed");
        let response = tokio::time::timeout(REQUEST_TIMEOUT, self.sender.send_request(request))
            .await
            .unwrap_or_else(|_| panic!("{method} {target} was answered within {REQUEST_TIMEOUT:?}"))
            .unwrap_or_else(|error| panic!("{method} {target} was answered: {error}"));
        let (parts, body) = response.into_parts();
        let body = body
            .collect()
            .await
            .expect("the body can be read")
            .to_bytes();
        RawResponse {
            status: parts.status,
            headers: parts.headers,
            body,
        }
    }
}
