import { LOOK_NOW } from "../../src/store/lifecycle-schedule.js";
import type { Platform } from "../../src/domain/platforms.js";
import { startHarness, type Harness } from "../support/harness.js";
import type { TestUser } from "../support/users.js";
import { zonedTime } from "../../src/domain/time.js";
import { join, other, participationOf } from "./forms-support.js";

/**
 * Helpers of the lifecycle tests: a programme in a far-eastern zone, a fake clock the app
 * and the scheduler read, a curator, a mentor and a mentee who joined through the bot, and
 * their pair confirmed by the curator.
 */

export const TZ = "Asia/Vladivostok";

/** The instant of a local wall-clock time in the programme's zone ("2026-12-04", "17:00"). */
export const local = (date: string, time: string, tz = TZ): Date => {
  const [h, m] = time.split(":").map(Number) as [number, number];
  return zonedTime(date, h, m, tz);
};

export interface Clock {
  now: Date;
}

export interface LifecycleWorld {
  h: Harness;
  clock: Clock;
  programmeId: string;
  curator: TestUser;
  mentor: TestUser;
  mentee: TestUser;
  curatorPerson: string;
  mentorPerson: string;
  menteePerson: string;
  mentorParticipation: string;
  menteeParticipation: string;
  /** Runs the scheduler at the clock's time (moved to `at` first) and waits for what it sent. */
  tick(at?: Date): Promise<void>;
  /** Waits until everything due is delivered. */
  delivered(): Promise<void>;
  confirmPair(options?: { probation?: boolean; mentee?: string }): Promise<string>;
  /** Meetings written straight into the database: the pair is brought forward, as the bot's own changes to its meetings do. */
  meetingsStored(pairId: string): Promise<void>;
}

/** Lets the messages out at once: pacing has its own tests and benchmark. */
const FAST = { perSecond: 10_000, perChatMs: 0 };

export async function lifecycleWorld(platform: Platform, start: Date, options: { timezone?: string } = {}): Promise<LifecycleWorld> {
  const clock: Clock = { now: start };
  const h = await startHarness({ app: { now: () => clock.now, outbound: { pace: { telegram: FAST, vk: FAST } } } });
  // The school year the tests' dates fall in (their clock is the world's, not the system's).
  const { programmeId } = await h.seedProgramme({ timezone: options.timezone ?? TZ, startsOn: "2026-09-01", endsOn: "2027-05-31" });
  const curator = h.user(other(platform));
  const curatorPerson = await join(h, curator, programmeId, "curator", "Елена Куратор");
  const mentor = h.user(platform);
  const mentorPerson = await join(h, mentor, programmeId, "mentor", "Мария Иванова");
  const mentee = h.user(platform);
  const menteePerson = await join(h, mentee, programmeId, "mentee", "Петя Смирнов");
  const mentorParticipation = (await participationOf(h, mentorPerson, programmeId, "mentor")).id;
  const menteeParticipation = (await participationOf(h, menteePerson, programmeId, "mentee")).id;
  await h.app.db.prisma.participation.update({ where: { id: mentorParticipation }, data: { status: "approved" } });
  const delivered = async () => {
    if (!(await h.app.outbound.drained(clock.now))) throw new Error("outbound not drained");
  };
  return {
    h,
    clock,
    programmeId,
    curator,
    mentor,
    mentee,
    curatorPerson,
    mentorPerson,
    menteePerson,
    mentorParticipation,
    menteeParticipation,
    delivered,
    async tick(at) {
      if (at) clock.now = at;
      await h.app.lifecycle.tick(clock.now);
      await delivered();
    },
    async meetingsStored(pairId) {
      await h.app.db.prisma.pair.update({ where: { id: pairId }, data: { nextLookAt: LOOK_NOW } });
    },
    async confirmPair(o = {}) {
      const r = await h.app.services.pairs.confirmPair({
        programmeId,
        mentorParticipationId: mentorParticipation,
        menteeParticipationIds: [o.mentee ?? menteeParticipation],
        confirmedById: curatorPerson,
        probation: o.probation,
        now: clock.now,
      });
      if (!r.ok) throw new Error(`pair not confirmed: ${r.problem}`);
      await delivered();
      return r.pairId;
    },
  };
}

/** Texts that arrived in the chat after the mark, joined. */
export const textSince = (u: TestUser, mark: number): string => u.since(mark).join("\n---\n");
