import { describe, expect, it } from "vitest";
import { deliveryKeyOf, isValidJobId, MAX_MERGED, partKey, planDeliveries, type DueNotification } from "../../../src/domain/delivery.js";

/**
 * What falls due for one person at once is merged into one message when it belongs to the same
 * merge group (reminders, curators' alerts), at most eight to a message; everything else goes
 * alone. Each message's key derives from the set of its notifications' keys, so the same set
 * always makes the same job id (and VK random_id), however often it is planned.
 */

const t0 = new Date("2026-03-02T06:00:00Z");
let n = 0;
const due = (personId: string, merge: string | null, minutes = 0, dedupKey?: string): DueNotification => {
  n++;
  return { id: `id-${n}`, personId, dedupKey: dedupKey ?? `k-${personId}-${n}`, merge, dueAt: new Date(t0.getTime() + minutes * 60_000) };
};

describe("planDeliveries", () => {
  it("merges one person's reminders into one message; alerts apart; the rest alone; another person apart", () => {
    const a1 = due("anna", "reminders", 0);
    const a2 = due("anna", "reminders", 5);
    const a3 = due("anna", "reminders", 1);
    const alert = due("anna", "alerts", 2);
    const single = due("anna", null, 3);
    const other = due("boris", "reminders", 0);
    const plan = planDeliveries([a1, single, other, a2, alert, a3]);
    expect(plan).toHaveLength(4);
    const byIds = new Map(plan.map((p) => [[...p.notificationIds].sort().join(","), p]));
    const reminders = byIds.get([a1.id, a2.id, a3.id].sort().join(","));
    expect(reminders).toMatchObject({ personId: "anna" });
    // Within the merged message, in due order.
    expect(reminders!.notificationIds).toEqual([a1.id, a3.id, a2.id]);
    expect(byIds.get(alert.id)).toMatchObject({ personId: "anna" });
    expect(byIds.get(single.id)).toMatchObject({ personId: "anna", key: deliveryKeyOf([single.dedupKey]) });
    expect(byIds.get(other.id)).toMatchObject({ personId: "boris" });
    // Every notification is in exactly one message.
    expect(plan.flatMap((p) => p.notificationIds).sort()).toEqual([a1, a2, a3, alert, single, other].map((x) => x.id).sort());
  });

  it("two notifications without a merge group are never merged, even when due at the same moment", () => {
    const plan = planDeliveries([due("anna", null), due("anna", null)]);
    expect(plan.map((p) => p.notificationIds.length)).toEqual([1, 1]);
    expect(plan[0]!.key).not.toBe(plan[1]!.key);
  });

  it("at most eight in one merged message: ten reminders make messages of 8 and 2, earliest first", () => {
    expect(MAX_MERGED).toBe(8);
    const ten = Array.from({ length: 10 }, (_, i) => due("anna", "reminders", 10 - i));
    const plan = planDeliveries(ten);
    expect(plan.map((p) => p.notificationIds.length)).toEqual([8, 2]);
    const byDue = [...ten].sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime()).map((x) => x.id);
    expect(plan[0]!.notificationIds).toEqual(byDue.slice(0, 8));
    expect(plan[1]!.notificationIds).toEqual(byDue.slice(8));
  });

  it("the same notifications in any order make the same messages with the same keys", () => {
    const list = [due("anna", "reminders", 0), due("anna", "reminders", 1), due("boris", null, 0), due("anna", "alerts", 0), due("boris", "alerts", 3)];
    const keys = (l: DueNotification[]) => planDeliveries(l).map((p) => `${p.key}=${p.notificationIds.join(",")}`).sort();
    expect(keys([...list].reverse())).toEqual(keys(list));
    expect(keys([list[2]!, list[0]!, list[4]!, list[1]!, list[3]!])).toEqual(keys(list));
  });
});

describe("keys", () => {
  it("a message's key depends on the set of its notifications' keys only", () => {
    expect(deliveryKeyOf(["b", "a", "c"])).toBe(deliveryKeyOf(["a", "b", "c"]));
    expect(deliveryKeyOf(["a", "b"])).not.toBe(deliveryKeyOf(["a", "b", "c"]));
    expect(deliveryKeyOf(["a"])).not.toBe(deliveryKeyOf(["b"]));
  });

  it("is a valid BullMQ job id: no ':', not all digits", () => {
    for (const keys of [["reminder-1:2"], ["123"], ["a", "b"], ["ending-prog-14-person"]]) expect(isValidJobId(deliveryKeyOf(keys)), keys.join()).toBe(true);
    expect(isValidJobId("a:b")).toBe(false);
    expect(isValidJobId("12345")).toBe(false);
    expect(isValidJobId("")).toBe(false);
    expect(isValidJobId("m12345")).toBe(true);
  });

  it("each part of a message has its own key, derived from the message's", () => {
    const key = deliveryKeyOf(["x"]);
    expect(partKey(key, 0)).not.toBe(partKey(key, 1));
    expect(partKey(key, 1)).toBe(partKey(key, 1));
    expect(partKey(key, 0)).not.toBe(partKey(deliveryKeyOf(["y"]), 0));
  });
});
