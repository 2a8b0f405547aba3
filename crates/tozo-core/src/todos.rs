//! To-dos: what a member keeps, and the rules for keeping it.

use chrono::{DateTime, Datelike as _, NaiveDate, SecondsFormat, Timelike as _, Utc};
use serde::{Serialize, Serializer};

use crate::{MemberId, SessionToken, StorageError, Tozo};

/// The longest task kept, in characters: far beyond a to-do, short of abuse.
const MAX_TASK_CHARACTERS: usize = 10_000;

/// The database identity of a to-do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, sqlx::Type)]
#[sqlx(transparent)]
pub struct TodoId(i64);

impl TodoId {
    /// Wraps an id taken from a request path; whether it exists is for the database to say.
    #[must_use]
    pub const fn new(id: i64) -> Self {
        Self(id)
    }

    /// The id as a number.
    #[must_use]
    pub const fn get(self) -> i64 {
        self.0
    }
}

/// A to-do's text: trimmed, never empty, at most 10,000 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::Type)]
#[sqlx(transparent)]
pub struct Task(String);

/// A due date: a moment in UTC, to the second. A plain date means midnight UTC of that day,
/// which the web app shows as the date itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due(DateTime<Utc>);

/// Why a to-do's fields were refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum InvalidTodo {
    /// Nothing but white space.
    #[error("the task is empty")]
    EmptyTask,
    /// Longer than 10,000 characters.
    #[error("the task is longer than {MAX_TASK_CHARACTERS} characters")]
    TaskTooLong,
    /// Holds a NUL character, which PostgreSQL cannot store in text.
    #[error("the task holds a NUL character")]
    NulInTask,
    /// Neither an RFC 3339 date-time nor a `YYYY-MM-DD` date.
    #[error("the due date is neither an RFC 3339 date-time nor a YYYY-MM-DD date")]
    InvalidDue,
    /// Outside the years 1 to 9999 once in UTC: RFC 3339 cannot write such a date back.
    #[error("the due date is outside the years 1 to 9999")]
    DueOutOfRange,
}

impl Task {
    /// Trims the text and checks its length.
    ///
    /// # Errors
    /// [`InvalidTodo::EmptyTask`], [`InvalidTodo::TaskTooLong`] or [`InvalidTodo::NulInTask`].
    pub fn parse(raw: &str) -> Result<Self, InvalidTodo> {
        let task = raw.trim();
        if task.is_empty() {
            Err(InvalidTodo::EmptyTask)
        } else if task.chars().count() > MAX_TASK_CHARACTERS {
            Err(InvalidTodo::TaskTooLong)
        } else if task.contains('\0') {
            Err(InvalidTodo::NulInTask)
        } else {
            Ok(Self(task.to_owned()))
        }
    }

    /// The text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Due {
    /// Reads an RFC 3339 date-time (any offset, converted to UTC, fractions of a second
    /// dropped) or a plain `YYYY-MM-DD` date (midnight UTC, so the day never moves).
    ///
    /// # Errors
    /// [`InvalidTodo::InvalidDue`] for anything else, [`InvalidTodo::DueOutOfRange`] for a
    /// moment outside the years 1 to 9999 in UTC.
    ///
    /// # Panics
    /// Never: midnight and zero nanoseconds exist on every day.
    pub fn parse(raw: &str) -> Result<Self, InvalidTodo> {
        let raw = raw.trim();
        let moment = if let Ok(moment) = DateTime::parse_from_rfc3339(raw) {
            moment.with_timezone(&Utc)
        } else {
            NaiveDate::parse_from_str(raw, "%Y-%m-%d")
                .map_err(|_| InvalidTodo::InvalidDue)?
                .and_hms_opt(0, 0, 0)
                .expect("midnight exists")
                .and_utc()
        };
        if !(1..=9999).contains(&moment.year()) {
            return Err(InvalidTodo::DueOutOfRange);
        }
        Ok(Self(
            moment
                .with_nanosecond(0)
                .expect("zero nanoseconds is valid"),
        ))
    }

    /// The moment, in UTC.
    #[must_use]
    pub fn moment(self) -> DateTime<Utc> {
        self.0
    }
}

impl Serialize for Due {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0.to_rfc3339_opts(SecondsFormat::Secs, true))
    }
}

/// The fields a member sets on a to-do, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TodoDraft {
    /// What to do.
    pub task: Task,
    /// When, if ever.
    pub due: Option<Due>,
    /// Whether it is done.
    pub complete: bool,
}

/// A stored to-do, as the API shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Todo {
    /// Its identity.
    pub id: TodoId,
    /// What to do.
    pub task: Task,
    /// When, if ever.
    pub due: Option<Due>,
    /// Whether it is done.
    pub complete: bool,
}

#[derive(sqlx::FromRow)]
struct TodoRow {
    id: TodoId,
    task: Task,
    due: Option<DateTime<Utc>>,
    complete: bool,
}

/// A to-do joined to the session that asked for it: all `None` for a live session whose
/// member has no such to-dos.
#[derive(sqlx::FromRow)]
struct SessionTodoRow {
    id: Option<TodoId>,
    task: Option<Task>,
    due: Option<DateTime<Utc>>,
    complete: Option<bool>,
}

impl SessionTodoRow {
    fn into_todo(self) -> Option<Todo> {
        Some(Todo {
            id: self.id?,
            task: self.task?,
            due: self.due.map(Due),
            complete: self.complete?,
        })
    }
}

impl From<TodoRow> for Todo {
    fn from(row: TodoRow) -> Self {
        Self {
            id: row.id,
            task: row.task,
            due: row.due.map(Due),
            complete: row.complete,
        }
    }
}

impl Tozo {
    /// Stores a new to-do for `member`.
    ///
    /// # Errors
    /// [`StorageError`] when the database fails.
    pub async fn create_todo(
        &self,
        member: MemberId,
        draft: &TodoDraft,
    ) -> Result<Todo, StorageError> {
        let mut connection = self.connection().await?;
        let row: TodoRow = self
            .within_deadline(
                sqlx::query_as(
                    "INSERT INTO todos (member_id, task, due, complete) VALUES ($1, $2, $3, $4)
             RETURNING id, task, due, complete",
                )
                .bind(member)
                .bind(&draft.task)
                .bind(draft.due.map(Due::moment))
                .bind(draft.complete)
                .fetch_one(&mut *connection),
            )
            .await?;
        connection.release();
        Ok(row.into())
    }

    /// The to-dos of the member whose live session `session` is, oldest first, only the
    /// complete (or incomplete) ones when `complete` says so; `None` when the session has
    /// ended or never existed.
    ///
    /// The list is what members load most, and a round trip to the database is most of its
    /// cost, so the session is checked in the same query that reads the to-dos.
    ///
    /// # Errors
    /// [`StorageError`] when the database fails.
    pub async fn todos_of_session(
        &self,
        session: &SessionToken,
        complete: Option<bool>,
    ) -> Result<Option<Vec<Todo>>, StorageError> {
        let mut connection = self.connection().await?;
        // No row at all when the session is not live; a single row of NULLs when it is and
        // the member has no such to-dos.
        let rows: Vec<SessionTodoRow> = self
            .within_deadline(
                sqlx::query_as(
                    "SELECT todos.id, todos.task, todos.due, todos.complete
                     FROM sessions
                     LEFT JOIN todos ON todos.member_id = sessions.member_id
                         AND ($2::BOOLEAN IS NULL OR todos.complete = $2)
                     WHERE sessions.token_hash = $1 AND sessions.expires_at > now()
                     ORDER BY todos.id",
                )
                .bind(session.hash().as_slice())
                .bind(complete)
                .fetch_all(&mut *connection),
            )
            .await?;
        connection.release();
        if rows.is_empty() {
            return Ok(None);
        }
        Ok(Some(
            rows.into_iter()
                .filter_map(SessionTodoRow::into_todo)
                .collect(),
        ))
    }

    /// One of the member's to-dos; `None` when it does not exist or is someone else's.
    ///
    /// # Errors
    /// [`StorageError`] when the database fails.
    pub async fn todo(&self, member: MemberId, id: TodoId) -> Result<Option<Todo>, StorageError> {
        let mut connection = self.connection().await?;
        let row: Option<TodoRow> = self
            .within_deadline(
                sqlx::query_as(
                    "SELECT id, task, due, complete FROM todos WHERE id = $1 AND member_id = $2",
                )
                .bind(id)
                .bind(member)
                .fetch_optional(&mut *connection),
            )
            .await?;
        connection.release();
        Ok(row.map(Todo::from))
    }

    /// Replaces the fields of one of the member's to-dos; `None` when there is no such to-do.
    ///
    /// # Errors
    /// [`StorageError`] when the database fails.
    pub async fn update_todo(
        &self,
        member: MemberId,
        id: TodoId,
        draft: &TodoDraft,
    ) -> Result<Option<Todo>, StorageError> {
        let mut connection = self.connection().await?;
        let row: Option<TodoRow> = self
            .within_deadline(
                sqlx::query_as(
                    "UPDATE todos SET task = $3, due = $4, complete = $5
             WHERE id = $1 AND member_id = $2
             RETURNING id, task, due, complete",
                )
                .bind(id)
                .bind(member)
                .bind(&draft.task)
                .bind(draft.due.map(Due::moment))
                .bind(draft.complete)
                .fetch_optional(&mut *connection),
            )
            .await?;
        connection.release();
        Ok(row.map(Todo::from))
    }

    /// Deletes one of the member's to-dos; `false` when there was no such to-do (someone
    /// else's, or deleted already).
    ///
    /// # Errors
    /// [`StorageError`] when the database fails.
    pub async fn delete_todo(&self, member: MemberId, id: TodoId) -> Result<bool, StorageError> {
        let mut connection = self.connection().await?;
        let deleted = self
            .within_deadline(
                sqlx::query("DELETE FROM todos WHERE id = $1 AND member_id = $2")
                    .bind(id)
                    .bind(member)
                    .execute(&mut *connection),
            )
            .await?;
        connection.release();
        Ok(deleted.rows_affected() > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_task_is_trimmed_and_keeps_its_emoji() {
        assert_eq!(
            Task::parse("  buy 🥚 and 🥛 \n").unwrap().as_str(),
            "buy 🥚 and 🥛"
        );
    }

    #[test]
    fn an_empty_or_blank_task_is_refused() {
        assert_eq!(Task::parse(" \t\n"), Err(InvalidTodo::EmptyTask));
    }

    #[test]
    fn a_task_is_measured_in_characters_not_bytes() {
        assert!(Task::parse(&"🥚".repeat(10_000)).is_ok());
        assert_eq!(
            Task::parse(&"a".repeat(10_001)),
            Err(InvalidTodo::TaskTooLong)
        );
    }

    #[test]
    fn a_task_with_a_nul_character_is_refused() {
        assert_eq!(Task::parse("a\0b"), Err(InvalidTodo::NulInTask));
    }

    #[test]
    fn a_plain_date_is_midnight_utc_of_that_day() {
        let due = Due::parse("2030-01-31").unwrap();

        assert_eq!(
            serde_json::to_string(&due).unwrap(),
            "\"2030-01-31T00:00:00Z\""
        );
    }

    #[test]
    fn a_date_time_with_an_offset_is_converted_to_utc() {
        let due = Due::parse("2030-01-31T23:30:00.750-02:00").unwrap();

        assert_eq!(
            serde_json::to_string(&due).unwrap(),
            "\"2030-02-01T01:30:00Z\""
        );
    }

    #[test]
    fn anything_else_is_not_a_due_date() {
        for raw in [
            "",
            "tomorrow",
            "2030-02-30",
            "31/01/2030",
            "2030-01-31T25:00:00Z",
        ] {
            assert_eq!(Due::parse(raw), Err(InvalidTodo::InvalidDue), "{raw:?}");
        }
    }

    #[test]
    fn dates_outside_the_years_1_to_9999_in_utc_are_refused() {
        for raw in [
            "-5000-01-01",
            "+12345-01-01",
            "0000-12-31",
            "9999-12-31T23:59:59-23:59",
            "0001-01-01T00:00:00+00:01",
        ] {
            assert_eq!(Due::parse(raw), Err(InvalidTodo::DueOutOfRange), "{raw:?}");
        }
    }

    #[test]
    fn the_first_and_last_moments_of_the_range_are_kept() {
        for (raw, kept) in [
            ("0001-01-01", "\"0001-01-01T00:00:00Z\""),
            ("9999-12-31T23:59:59Z", "\"9999-12-31T23:59:59Z\""),
        ] {
            let due = Due::parse(raw).unwrap();

            assert_eq!(serde_json::to_string(&due).unwrap(), kept);
        }
    }
}
