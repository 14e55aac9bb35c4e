import { ON_EVERY_PLATFORM, TEST_PLATFORMS } from "../support/platforms.js";
import type { Platform } from "../../src/domain/platforms.js";
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Frame, UpdateFrames } from "../../src/store/update-frame.js";
import type { ChatRef } from "../../src/bot/core/types.js";
import { lifecycleWorld, local, textSince, type LifecycleWorld } from "./lifecycle-support.js";
import { VK_GROUP_ID } from "../support/fake-vk.js";

/**
 * Everything one update writes — its flow answers, the effects of a command (Prisma writes
 * of curator commands included), audit records, outbox rows for other people, /language,
 * /link — commits or rolls back with the update. A failure injected after the handler has
 * written all of it leaves nothing stored and tells nobody; the same update delivered again
 * has its effect once. Messages to others never hold up anybody's answer.
 */
describe.each(ON_EVERY_PLATFORM)("one transaction per update on %s", (platform) => {
  let w: LifecycleWorld;
  let pairId: string;
  /** Makes the next update of this chat fail after its handler ran (before COMMIT). */
  let failAfterHandler: (chat: (c: ChatRef) => boolean) => void;

  beforeAll(async () => {
    w = await lifecycleWorld(platform, local("2026-11-30", "10:00"));
    pairId = await w.confirmPair();
    const frames = (w.h.app.processor as unknown as { deps: { frames: UpdateFrames } }).deps.frames;
    const run = frames.run.bind(frames);
    let armed: ((c: ChatRef) => boolean) | null = null;
    failAfterHandler = (which) => (armed = which);
    frames.run = (<T>(key: string, chat: ChatRef, handler: (frame: Frame) => Promise<T>) =>
      run(key, chat, async (frame) => {
        const result = await handler(frame);
        if (armed?.(chat)) {
          armed = null;
          throw new Error("injected failure after the handler's writes");
        }
        return result;
      })) as typeof frames.run;
  });
  afterAll(() => w?.h.close());

  const counts = async () => {
    const p = w.h.app.db.prisma;
    return {
      audit: await p.auditLog.count(),
      notifications: await p.notification.count(),
      pairsEnded: await p.pair.count({ where: { status: "ended_early" } }),
      tasks: await p.curatorTask.count(),
      rounds: await p.surveyRound.count(),
      links: await p.identityLinkCode.count(),
      conversations: await p.conversation.count(),
    };
  };
  const chatOf = (id: string) => (c: ChatRef) => c.userId === id;

  it("/language: a failed update keeps the old language; the retry changes it once", async () => {
    const before = await w.h.app.db.prisma.person.findUniqueOrThrow({ where: { id: w.mentorPerson } });
    failAfterHandler(chatOf(w.mentor.id));
    await w.mentor.send("/language en");
    expect(w.mentor.last().text).toContain("Что-то пошло не так");
    expect((await w.h.app.db.prisma.person.findUniqueOrThrow({ where: { id: w.mentorPerson } })).language).toBe(before.language);
    await w.mentor.send("/language en");
    expect((await w.h.app.db.prisma.person.findUniqueOrThrow({ where: { id: w.mentorPerson } })).language).toBe("en");
    await w.mentor.send("/language ru");
  });

  it("/link: no code is stored by a failed update", async () => {
    const before = await counts();
    failAfterHandler(chatOf(w.mentee.id));
    await w.mentee.send("/link");
    expect(await counts()).toEqual(before);
    await w.mentee.send("/link");
    expect((await counts()).links).toBe(before.links + 1);
  });

  it("a flow answer is not kept by a failed update: the question is asked again and the answer is taken once", async () => {
    await w.mentee.send("/questionnaire");
    await w.mentee.press("Продолжить");
    expect(w.mentee.last().text).toContain("Сколько вам лет?");
    const state = () => w.h.app.db.prisma.conversation.findFirst({ where: { personId: w.menteePerson } });
    const asked = await state();
    expect(asked?.flowId).toBe("mentee-request");
    failAfterHandler(chatOf(w.mentee.id));
    await w.mentee.send("12");
    expect(w.mentee.last().text).toContain("Что-то пошло не так");
    expect(await state()).toEqual(asked);
    await w.mentee.send("12");
    expect(w.mentee.last().text).toContain("В каком вы классе?");
    const answered = (await state())?.state as { answers: Record<string, unknown> } | undefined;
    expect(answered?.answers.age).toBe(12);
    await w.mentee.send("/cancel");
    await w.mentee.press("Остановить и удалить ответы");
  });

  it("a curator's /end: pair, meetings, audit, tasks, survey round and outbox rows all roll back; the redelivered update ends the pair once and tells each side once", async () => {
    w.clock.now = local("2026-12-01", "11:00");
    await w.curator.send("/end 1");
    const before = await counts();
    const marks = [w.mentor.mark(), w.mentee.mark()] as const;
    failAfterHandler(chatOf(w.curator.id));
    // The same update twice, as a messenger redelivers one that was not acknowledged.
    const press = await lastPress(w, "Переезд");
    await press();
    expect(await counts()).toEqual(before);
    await w.delivered();
    expect(w.mentor.since(marks[0])).toEqual([]);
    expect(w.mentee.since(marks[1])).toEqual([]);
    await press();
    await press();
    const pair = await w.h.app.db.prisma.pair.findUniqueOrThrow({ where: { id: pairId } });
    expect(pair).toMatchObject({ status: "ended_early", endReason: "moved" });
    await w.delivered();
    expect(w.mentor.since(marks[0]).filter((t) => t.includes("завершена досрочно"))).toHaveLength(1);
    expect(w.mentee.since(marks[1]).filter((t) => t.includes("завершена досрочно"))).toHaveLength(1);
    expect(await w.h.app.db.prisma.auditLog.count({ where: { action: "curator.end", outcome: "allowed", targetId: pairId } })).toBe(1);
  });

  it("with the outbound queues' Redis not answering, people are still answered and the messages wait in the outbox", async () => {
    const outbound = w.h.app.outbound;
    const dispatch = outbound.dispatch;
    // A Redis that accepts the connection and never answers: every hand-over hangs.
    outbound.dispatch = () => new Promise<number>(() => undefined);
    try {
      const before = await w.h.app.db.prisma.notification.count({ where: { status: "pending" } });
      const mark = w.curator.mark();
      // Opening the mutual-choice survey writes a message to every participant.
      expect(await rawSend(w, w.curator, "/survey_open")).toBe("handled");
      expect(w.curator.since(mark).join("\n")).toContain("Опрос взаимного выбора открыт");
      expect(await rawSend(w, w.h.user(platform), "/help")).toBe("handled");
      expect(await w.h.app.db.prisma.notification.count({ where: { status: "pending" } })).toBeGreaterThan(before);
    } finally {
      outbound.dispatch = dispatch;
    }
  });

  it("a recipient whose messenger does not answer delays neither the sender's answer nor anyone else's", async () => {
    // The mentor's messenger hangs on everything sent to her.
    TEST_PLATFORMS[platform].hangNext(w.h, w.mentor.id, 5);
    const mark = w.curator.mark();
    const other = w.h.user(platform);
    const handled = await Promise.all([rawSend(w, w.mentee, "/request_change"), rawSend(w, other, "/help")]);
    expect(handled).toEqual(["handled", "handled"]);
    expect(lastTo(w, other.id)).toContain("/start");
    expect(textSince(w.curator, mark)).not.toContain("Что-то пошло не так");
  });
});

/** The update of pressing a button of the curator's newest message that shows it, to be delivered again and again unchanged. */
async function lastPress(w: LifecycleWorld, label: string): Promise<() => Promise<void>> {
  const u = w.curator;
  const message = u.messages().findLast((m) => m.buttons.flat().some((b) => b.label === label))!;
  const payload = message.buttons.flat().find((b) => b.label === label)!.payload;
  const app = w.h.app;
  const unique = 800_000 + Math.floor(Math.random() * 100_000);
  if (u.platform === "telegram") {
    const from = { id: Number(u.id), is_bot: false, first_name: "Тест", language_code: "ru" };
    const update = {
      update_id: unique,
      callback_query: { id: String(unique), from, chat_instance: "ci", data: payload, message: { message_id: message.id, date: 0, chat: { id: Number(u.id), type: "private", first_name: "Тест" }, text: "" } },
    } as unknown as Update;
    return async () => {
      await app.telegram!.handleUpdate(update);
      await app.processor.drain();
    };
  }
  if (u.platform === "max") {
    const user = { user_id: Number(u.id), name: "Тест", first_name: "Тест", username: null, is_bot: false, last_activity_time: 0 };
    const update = {
      update_type: "message_callback",
      timestamp: unique,
      callback: { timestamp: unique, callback_id: `cb-again-${unique}`, payload, user },
      message: { recipient: { chat_id: Number(u.id) + 1, chat_type: "dialog", user_id: Number(u.id) }, timestamp: 0, body: { mid: `mid.${message.id}`, seq: 1, text: "" } },
    };
    return async () => {
      await app.max!.handleUpdate(update as any);
      await app.processor.drain();
    };
  }
  const eventId = `ev-again-${unique}`;
  const event = { type: "message_event", event_id: eventId, v: "5.199", group_id: VK_GROUP_ID, object: { user_id: Number(u.id), peer_id: Number(u.id), event_id: eventId, payload: JSON.parse(payload), conversation_message_id: message.id } };
  return async () => {
    await app.vk!.handleEvent(event as any);
    await app.processor.drain();
  };
}

/** An update handed straight to the processor, without waiting for anybody's deliveries. */
async function rawSend(w: LifecycleWorld, u: { platform: Platform; id: string }, text: string) {
  const isCommand = text.startsWith("/");
  return w.h.app.processor.handle({
    updateKey: `raw:${u.platform}:${u.id}:${Math.random()}`,
    chat: { platform: u.platform, chatId: TEST_PLATFORMS[u.platform].chatIdOf(u.id), userId: u.id },
    input: isCommand ? { kind: "command", command: text.slice(1).split(" ")[0]!, args: text.split(" ").slice(1).join(" ") } : { kind: "text", text },
  });
}

function lastTo(w: LifecycleWorld, id: string): string {
  const u = w.h.user(w.mentee.platform, id);
  return u.last().text;
}
