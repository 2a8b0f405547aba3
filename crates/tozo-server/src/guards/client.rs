use std::net::{IpAddr, Ipv4Addr};

use rocket::request::{FromRequest, Outcome, Request};

/// How many proxies in front of Tozo append the address they saw to `X-Forwarded-For`.
#[derive(Debug, Clone, Copy)]
pub struct TrustedProxyHops(pub u8);

/// The address of the client, as far as the trusted proxies let us know it.
///
/// With no proxy it is the socket's peer. Behind `n` proxies it is the `n`th entry from the
/// right of `X-Forwarded-For`: each proxy appends what it saw, so entries further left were
/// written by the client and prove nothing. A request with fewer entries than proxies did not
/// come through them all, and is judged by its socket address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

impl ClientAddress {
    /// The client address of `request`, worked out once and cached for the request's life.
    pub fn of(request: &Request<'_>) -> Self {
        *request.local_cache(|| {
            let socket = request
                .remote()
                .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |peer| peer.ip());
            let hops = request
                .rocket()
                .state::<TrustedProxyHops>()
                .map_or(0, |hops| hops.0);
            Self(forwarded_client(request, hops).unwrap_or(socket))
        })
    }
}

fn forwarded_client(request: &Request<'_>, hops: u8) -> Option<IpAddr> {
    let hops = usize::from(hops);
    if hops == 0 {
        return None;
    }

    let entries: Vec<&str> = request
        .headers()
        .get("X-Forwarded-For")
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .collect();
    let entry = entries
        .len()
        .checked_sub(hops)
        .and_then(|index| entries.get(index))?;
    entry.parse().ok()
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for ClientAddress {
    type Error = std::convert::Infallible;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        Outcome::Success(Self::of(request))
    }
}
