use std::fmt;

/// The longest address SMTP can carry (RFC 5321, forward path less its brackets).
const MAX_LENGTH: usize = 254;

/// An email address that has passed a syntax check, lower-cased so that one mailbox maps to
/// one member whatever capitals were typed.
///
/// The check is deliberately loose: the only real proof that an address works is the
/// confirmation email, so it refuses only what can never be delivered.
#[derive(Clone, PartialEq, Eq)]
pub struct EmailAddress(String);

/// The text given as an email address cannot be one.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("not a valid email address")]
pub struct InvalidEmailAddress;

impl EmailAddress {
    /// Parses an address typed by a person: surrounding spaces are dropped.
    ///
    /// # Errors
    /// [`InvalidEmailAddress`] when there is no local part, no domain with a dot, white space
    /// or control characters inside, or more than 254 bytes.
    pub fn parse(raw: &str) -> Result<Self, InvalidEmailAddress> {
        let address = raw.trim().to_lowercase();
        let Some((local, domain)) = address.rsplit_once('@') else {
            return Err(InvalidEmailAddress);
        };

        let well_formed = !local.is_empty()
            && address.len() <= MAX_LENGTH
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
            && !address.chars().any(|c| c.is_whitespace() || c.is_control());
        if well_formed {
            Ok(Self(address))
        } else {
            Err(InvalidEmailAddress)
        }
    }

    /// The address as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Addresses are personal data: logs and panics show only the domain.
impl fmt::Debug for EmailAddress {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let domain = self.0.rsplit_once('@').map_or("", |(_, domain)| domain);
        write!(formatter, "EmailAddress(***@{domain})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_trimmed_and_lower_cased() {
        let address = EmailAddress::parse("  Ada@Example.COM ").unwrap();

        assert_eq!(address.as_str(), "ada@example.com");
    }

    #[test]
    fn malformed_addresses_are_refused() {
        for raw in [
            "",
            "ada",
            "@example.com",
            "ada@",
            "ada@localhost",
            "a da@example.com",
        ] {
            assert_eq!(
                EmailAddress::parse(raw),
                Err(InvalidEmailAddress),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn an_address_longer_than_smtp_allows_is_refused() {
        let raw = format!("{}@example.com", "a".repeat(250));

        assert_eq!(EmailAddress::parse(&raw), Err(InvalidEmailAddress));
    }

    #[test]
    fn debug_output_hides_the_mailbox() {
        let address = EmailAddress::parse("ada@example.com").unwrap();

        assert_eq!(format!("{address:?}"), "EmailAddress(***@example.com)");
    }
}
