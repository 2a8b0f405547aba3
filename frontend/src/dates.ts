import dayjs, { type Dayjs } from "dayjs";

/**
 * A due as the web app understands it. The server stores a plain date as that day at
 * 00:00:00Z, so such a value is a calendar date and is never shifted into the local time zone;
 * any other time is an instant shown in the person's time zone.
 */
export type Due = { kind: "date"; date: string } | { kind: "instant"; instant: Date };

const midnightUtc = /^(\d{4}-\d{2}-\d{2})T00:00:00(?:\.0+)?(?:Z|[+-]00:00)$/;

export function parseDue(due: string | null): Due | null {
  if (due === null) {
    return null;
  }
  const dateOnly = midnightUtc.exec(due);
  if (dateOnly?.[1] !== undefined) {
    return { kind: "date", date: dateOnly[1] };
  }
  const instant = new Date(due);
  return Number.isNaN(instant.getTime()) ? null : { kind: "instant", instant };
}

/** Today's date where the person is, as `YYYY-MM-DD`. */
export function localDate(now: Date): string {
  return dayjs(now).format("YYYY-MM-DD");
}

export function formatDue(due: Due, locale?: string): string {
  if (due.kind === "date") {
    const [year = 0, month = 1, day = 1] = due.date.split("-").map(Number);
    // Formatting a UTC midnight in UTC is what keeps the calendar date from moving.
    const midnight = new Date(Date.UTC(2000, month - 1, day));
    // Set apart: Date.UTC reads the years 0 to 99 as 1900 to 1999.
    midnight.setUTCFullYear(year);
    return new Intl.DateTimeFormat(locale, {
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    }).format(midnight);
  }
  return new Intl.DateTimeFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).format(due.instant);
}

export type DueState = "overdue" | "today" | "later";

export function dueState(due: Due, now: Date): DueState {
  const today = localDate(now);
  const dueDay = due.kind === "date" ? due.date : localDate(due.instant);
  if (dueDay === today) {
    return due.kind === "instant" && due.instant < now ? "overdue" : "today";
  }
  return dueDay < today ? "overdue" : "later";
}

/** The value a date picker shows for a due: local midnight of the due's calendar day. */
export function dueToPickerValue(due: string | null): Dayjs | null {
  const parsed = parseDue(due);
  if (parsed === null) {
    return null;
  }
  if (parsed.kind === "instant") {
    return dayjs(parsed.instant).startOf("day");
  }
  // dayjs reads the years 0 to 99 as 1900 to 1999; setting the year again keeps it.
  return dayjs(parsed.date).year(Number(parsed.date.slice(0, 4)));
}

/**
 * What to send for a picked date. A due that carried a time of day (set by another client)
 * keeps it while its day is left alone; otherwise the day goes as a plain `YYYY-MM-DD`.
 */
export function pickerValueToDue(value: Dayjs | null, previous: string | null): string | null {
  if (value === null) {
    return null;
  }
  const picked = value.format("YYYY-MM-DD");
  const before = parseDue(previous);
  if (before?.kind === "instant" && localDate(before.instant) === picked) {
    return previous;
  }
  return picked;
}
