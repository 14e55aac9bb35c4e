import { commandPayload } from "../payload.js";
import type { Command } from "./registry.js";

/** /mydata: everything stored about the person, as a file in the chat. */
export const myDataCommand: Command = {
  name: "mydata",
  description: "cmd-mydata",
  audience: "everyone",
  async run({ session, deps }) {
    const personId = session.person?.id;
    if (!personId) {
      session.say("privacy-nothing-stored");
      return;
    }
    const data = await deps.services.privacy.export(personId);
    await deps.services.audit.record({ actorId: personId, action: "privacy.export", outcome: "allowed", targetType: "person", targetId: personId });
    const date = deps.now().toISOString().slice(0, 10);
    session.push({
      text: session.t("privacy-export-caption"),
      document: { filename: `nastavnik-my-data-${date}.json`, mimeType: "application/json", content: Buffer.from(JSON.stringify(data, null, 2), "utf8") },
    });
  },
};

/** /forget: withdraw consent and erase personal data, after a confirmation. */
export const forgetCommand: Command = {
  name: "forget",
  description: "cmd-forget",
  audience: "everyone",
  async run({ session, args, deps }) {
    const personId = session.person?.id;
    if (!personId) {
      session.say("privacy-nothing-stored");
      return;
    }
    if (args.trim() === "cancel") {
      session.say("privacy-forget-cancelled");
      return;
    }
    if (args.trim() !== "confirm") {
      session.say("privacy-forget-confirm", undefined, [
        [{ label: session.t("privacy-forget-yes"), payload: commandPayload("forget", "confirm") }],
        [{ label: session.t("privacy-forget-no"), payload: commandPayload("forget", "cancel") }],
      ]);
      return;
    }
    // The curators are told before the name is erased.
    const programmes = await deps.services.participants.ofPerson(personId);
    const name = session.person?.displayName ?? "—";
    for (const p of programmes) {
      for (const curatorId of await deps.services.participants.curators(p.programme.id)) {
        if (curatorId === personId) continue;
        await deps.services.outreach.tell(curatorId, {
          kind: "privacy.left",
          dedupKey: `left-${personId}-${p.programme.id}-${curatorId}`,
          text: [{ key: "privacy-curator-told", args: { name, programme: p.programme.name, role: session.t(`role-${p.role}`) } }],
        });
      }
    }
    const result = await deps.services.privacy.forget(personId, deps.now());
    await deps.services.audit.record({ actorId: null, action: "privacy.forget", outcome: "allowed", targetType: "person", targetId: personId, details: { programmes: result?.programmeIds.length ?? 0 } });
    session.conversation = null;
    session.say("privacy-forgotten");
  },
};

export const privacyCommands: Command[] = [myDataCommand, forgetCommand];
