import dayjs from "dayjs";
import { afterEach, describe, expect, it } from "vitest";

import { dueState, dueToPickerValue, formatDue, parseDue, pickerValueToDue } from "./dates";

const originalZone = process.env.TZ;

function inZone(zone: string) {
  process.env.TZ = zone;
}

afterEach(() => {
  process.env.TZ = originalZone;
});

describe("a date-only due", () => {
  it.each(["America/Los_Angeles", "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"])(
    "keeps its calendar day in %s",
    (zone) => {
      inZone(zone);
      const due = parseDue("2030-01-31T00:00:00Z");
      expect(due).toEqual({ kind: "date", date: "2030-01-31" });
      if (due === null) {
        return;
      }
      expect(formatDue(due, "en-GB")).toBe("Thu, 31 Jan 2030");
      expect(dueToPickerValue("2030-01-31T00:00:00Z")?.format("YYYY-MM-DD")).toBe("2030-01-31");
    },
  );

  it("keeps a year below 100 as it is", () => {
    inZone("UTC");
    const due = parseDue("0050-03-01T00:00:00Z");
    expect(due).toEqual({ kind: "date", date: "0050-03-01" });
    if (due === null) {
      return;
    }
    expect(formatDue(due, "en-GB")).toMatch(/ 1 Mar 50$/);
    const picked = dueToPickerValue("0050-03-01T00:00:00Z");
    expect(picked?.format("YYYY-MM-DD")).toBe("0050-03-01");
    expect(pickerValueToDue(picked ?? null, "0050-03-01T00:00:00Z")).toBe("0050-03-01");
  });

  it("really runs in the zones above", () => {
    inZone("America/Los_Angeles");
    expect(new Date("2030-01-31T00:00:00Z").getDate()).toBe(30);
    inZone("Pacific/Kiritimati");
    expect(new Date("2030-01-31T00:00:00Z").getHours()).toBe(14);
  });

  it("goes back to the server as the same plain date", () => {
    inZone("America/Los_Angeles");
    const picked = dueToPickerValue("2030-01-31T00:00:00Z");
    expect(pickerValueToDue(picked, "2030-01-31T00:00:00Z")).toBe("2030-01-31");
  });
});

describe("a due with a time of day", () => {
  it("is shown in the person's time zone", () => {
    inZone("Asia/Tokyo");
    const due = parseDue("2030-01-31T18:30:00Z");
    expect(due?.kind).toBe("instant");
    if (due === null) {
      return;
    }
    expect(formatDue(due, "en-GB")).toBe("Fri, 1 Feb 2030, 3:30");
  });

  it("keeps its time while its day is left alone, and becomes a plain date when moved", () => {
    inZone("Europe/Paris");
    const previous = "2030-01-31T18:30:00Z";
    const unchanged = dueToPickerValue(previous);
    expect(pickerValueToDue(unchanged, previous)).toBe(previous);
    expect(pickerValueToDue(dayjs("2030-02-03"), previous)).toBe("2030-02-03");
  });
});

describe("dueState", () => {
  it("compares calendar days where the person is", () => {
    inZone("America/Los_Angeles");
    // 20:00 on 30 January in Los Angeles is already 31 January in UTC.
    const now = new Date("2030-01-31T04:00:00Z");
    const on = (date: string) => ({ kind: "date", date }) as const;
    expect(dueState(on("2030-01-29"), now)).toBe("overdue");
    expect(dueState(on("2030-01-30"), now)).toBe("today");
    expect(dueState(on("2030-01-31"), now)).toBe("later");
  });

  it("calls a passed time today overdue", () => {
    inZone("UTC");
    const now = new Date("2030-01-31T12:00:00Z");
    expect(dueState({ kind: "instant", instant: new Date("2030-01-31T09:00:00Z") }, now)).toBe(
      "overdue",
    );
    expect(dueState({ kind: "instant", instant: new Date("2030-01-31T15:00:00Z") }, now)).toBe(
      "today",
    );
  });
});

describe("parseDue", () => {
  it("treats no due and nonsense alike as nothing to show", () => {
    expect(parseDue(null)).toBeNull();
    expect(parseDue("soon")).toBeNull();
  });
});
