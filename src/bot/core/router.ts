import { normalizeCode } from "../../domain/invitation.js";
import { parsePayload } from "./payload.js";
import { executeCommand } from "./commands/execute.js";
import type { CoreDeps } from "./commands/registry.js";
import type { Session } from "./session.js";

/**
 * Decides what one input means: a command, a flow's button or answer, an invitation code
 * typed by hand, or something the bot answers with a hint. Never leaves a person without
 * an answer, and never drops the flow they are in. A command runs through executeCommand,
 * which enforces its declared audience and scope and writes its audit record.
 */
export async function route(session: Session, deps: CoreDeps): Promise<void> {
  const input = session.event.input;
  switch (input.kind) {
    case "command": {
      const command = deps.commands.get(input.command.toLowerCase());
      if (!command) {
        session.say("unknown-command", { command: input.command.slice(0, 32) });
        await deps.runner.reprompt(session);
        return;
      }
      return executeCommand(command, { session, args: input.args, deps, viaButton: false });
    }
    case "button": {
      const payload = parsePayload(input.payload);
      if (payload?.kind === "flow" && session.conversation) {
        return deps.runner.handle(session, { kind: "button", runId: payload.runId, seq: payload.seq, action: payload.action });
      }
      if (payload?.kind === "command") {
        const command = deps.commands.get(payload.command);
        if (command) return executeCommand(command, { session, args: payload.args, deps, viaButton: true });
      }
      session.say("stale-button");
      await deps.runner.reprompt(session);
      return;
    }
    case "text": {
      if (session.conversation) return deps.runner.handle(session, { kind: "text", text: input.text });
      if (normalizeCode(input.text)) {
        const start = deps.commands.get("start");
        if (start) return executeCommand(start, { session, args: input.text, deps, viaButton: false });
      }
      session.say("not-understood");
      return;
    }
    case "unsupported": {
      if (session.conversation) return deps.runner.handle(session, { kind: "unsupported" });
      session.say("unsupported-input");
      return;
    }
    case "reach":
      // Nothing is said: a stopped bot cannot write, and one allowed again waits for the person.
      await session.services.people.setReachable(session.event.chat, input.reachable);
      return;
  }
}
