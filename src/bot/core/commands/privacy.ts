import { forgetArg } from "./codecs.js";
import { labelMyData } from "./my-data-labels.js";
import { defineCommand } from "./registry.js";
import { utcDate } from "../../../domain/time.js";
import { agreedTexts, consentLines } from "./consent-view.js";
import { FLOW_IDS } from "./flow-ids.js";

/**
 * /privacy: what the person agreed to — each consent in force with its document's version,
 * the time, the messenger, and for a child the legal representative who gave it — and how to
 * withdraw it; the texts agreed to come as a file.
 */
export const privacyCommand = defineCommand({
  name: "privacy",
  description: "cmd-privacy",
  audience: "everyone",
  audit: "privacy.view",
  async run({ session, deps, actor, allowed }) {
    const consents = actor ? await deps.services.consentDocuments.agreed(actor) : [];
    if (!actor || !consents.length) {
      session.say("privacy-no-consents");
      return;
    }
    session.sayText([session.t("privacy-consents-title"), consentLines(consents, session.t), session.t("privacy-consents-withdraw")].join("\n\n"));
    const texts = agreedTexts(consents, session.t);
    if (texts) {
      session.push({
        text: session.t("privacy-consents-file"),
        document: { filename: `nastavnik-consents-${utcDate(deps.now())}.txt`, mimeType: "text/plain; charset=utf-8", content: Buffer.from(texts, "utf8") },
      });
    }
    // An operator's documents now name new purposes or data: the consent to them is asked here.
    const due = await deps.services.consentDocuments.renewalDue(actor);
    if (due && session.conversation?.flowId !== FLOW_IDS.consentRenewal) {
      session.say("privacy-renewal-due", { organisation: due.organisation });
      await deps.runner.start(session, FLOW_IDS.consentRenewal, { organisationId: due.organisationId, own: due.own, representative: due.representative });
    }
    return allowed({ target: { type: "person", id: actor } });
  },
});

/** /mydata: everything stored about the person, as a file in the chat. */
export const myDataCommand = defineCommand({
  name: "mydata",
  description: "cmd-mydata",
  audience: "everyone",
  audit: "privacy.export",
  async run({ session, deps, actor, allowed }) {
    if (!actor) {
      session.say("privacy-nothing-stored");
      return;
    }
    const data = labelMyData(await deps.services.privacy.export(actor), session.t, deps.flows);
    const date = utcDate(deps.now());
    session.push({
      text: session.t("privacy-export-caption"),
      document: { filename: `nastavnik-my-data-${date}.json`, mimeType: "application/json", content: Buffer.from(JSON.stringify(data, null, 2), "utf8") },
    });
    return allowed({ target: { type: "person", id: actor } });
  },
});

/** /forget: withdraw consent and erase personal data, after a confirmation. */
export const forgetCommand = defineCommand({
  name: "forget",
  description: "cmd-forget",
  audience: "everyone",
  audit: "privacy.forget",
  async run({ session, input, deps, actor, allowed }) {
    if (!actor) {
      session.say("privacy-nothing-stored");
      return;
    }
    const answer = forgetArg.decode(input);
    if (answer === "cancel") {
      session.say("privacy-forget-cancelled");
      return;
    }
    if (answer !== "confirm") {
      session.say("privacy-forget-confirm", undefined, [
        [{ label: session.t("privacy-forget-yes"), payload: forgetArg.payload("forget", "confirm") }],
        [{ label: session.t("privacy-forget-no"), payload: forgetArg.payload("forget", "cancel") }],
      ]);
      return;
    }
    // The curators are told who left by role, programme and working pair, not by name: the
    // message is theirs to keep, the person's name is not.
    const programmes = await deps.services.participants.ofPerson(actor);
    const working = await deps.services.pairs.workingOf(actor);
    for (const p of programmes) {
      const pairs = working.filter((w) => w.programmeId === p.programme.id).map((w) => w.number);
      for (const curatorId of await deps.services.participants.curators(p.programme.id)) {
        if (curatorId === actor) continue;
        await deps.services.outreach.tell(curatorId, {
          kind: "privacy.left",
          dedupKey: `left-${actor}-${p.programme.id}-${curatorId}`,
          text: [{ key: "privacy-curator-told", args: { programme: p.programme.name, role: p.role, pairs: pairs.length ? pairs.join(", ") : "none" } }],
        });
      }
    }
    const result = await deps.services.privacy.forget(actor, deps.now());
    session.conversation = null;
    session.say("privacy-forgotten");
    // Written without the actor: the person is erased.
    return allowed({ anonymous: true, target: { type: "person", id: actor }, details: { programmes: result?.programmeIds.length ?? 0 } });
  },
});

export const privacyCommands = [privacyCommand, myDataCommand, forgetCommand];
