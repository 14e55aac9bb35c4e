import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lifecycleWorld, local, type LifecycleWorld } from "./lifecycle-support.js";

const DAY = 86_400_000;
const SUBJECTS = 72_000;

/**
 * A region's scheduler reads more subjects than PostgreSQL takes parameters in one statement
 * (65,535): no statement it sends may carry a list as long as the data. Here one tick looks at
 * 72,000 meetings of the last days (the subjects of their feedback forms) and still decides
 * exactly who is reminded.
 */
describe("the scheduler over more subjects than one statement can list", () => {
  let w: LifecycleWorld;
  let pairId: string;
  const start = local("2026-11-30", "12:00");

  beforeAll(async () => {
    w = await lifecycleWorld("telegram", start);
    pairId = await w.confirmPair();
    // Meetings that began a minute ago: in the scheduler's window, nothing about them due yet.
    await w.h.app.db.prisma.$executeRawUnsafe(
      `INSERT INTO "Meeting"(id, "pairId", stage, "startsAt", status, "proposedById", "confirmedAt", "createdAt")
       SELECT 'bulk' || n, $1, 'regular', $2::timestamp, 'confirmed', $3, $2::timestamp, $2::timestamp FROM generate_series(1, ${SUBJECTS}) AS n`,
      pairId,
      new Date(start.getTime() - 60_000),
      w.mentorPerson,
    );
  }, 120_000);
  afterAll(() => w?.h.close());

  it(`reminds of the feedback still missing after a tick over ${SUBJECTS.toLocaleString("en")} meetings`, async () => {
    // Two meetings three days ago (the feedback reminder comes after two): the mentor answered for one.
    const at = new Date(start.getTime() - 3 * DAY);
    const meetings = { answered: "pastanswered", open: "pastopen" };
    for (const id of Object.values(meetings)) {
      await w.h.app.db.prisma.meeting.create({ data: { id, pairId, stage: "regular", startsAt: at, status: "held", proposedById: w.mentorPerson, confirmedAt: at, createdAt: at } });
    }
    await w.meetingsStored(pairId);
    await w.h.app.services.forms.submit({ personId: w.mentorPerson, programmeId: w.programmeId, formId: "meeting-feedback", formVersion: 1, subjectKey: meetings.answered, answers: { rating: 5 } });

    await w.h.app.lifecycle.tick(start);

    const reminded = await w.h.app.db.prisma.notification.findMany({ where: { kind: "feedback-reminder" }, select: { dedupKey: true } });
    expect(reminded.map((r) => r.dedupKey).sort()).toEqual(
      [`feedback-reminder-${meetings.answered}-${w.menteePerson}`, `feedback-reminder-${meetings.open}-${w.menteePerson}`, `feedback-reminder-${meetings.open}-${w.mentorPerson}`].sort(),
    );
    // Nothing is due yet of the meetings that just began.
    expect(await w.h.app.db.prisma.notification.count({ where: { dedupKey: { startsWith: "meeting-outcome-bulk" } } })).toBe(0);
  }, 300_000);
});
