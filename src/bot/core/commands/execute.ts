import type { AllowedNote, AuditTarget, Command, CommandContext, DeniedNote, Outcome } from "./registry.js";

/** What a person who has not joined is told by a participant's command. */
const JOIN_FIRST = "form-join-first";

/**
 * Runs one command as declared: the audience (a participant's command needs a person who
 * joined), the scope (the programme, pair, participant or administrator's area it is about,
 * refused when it is not the person's), the arguments' codec, then the handler with the
 * resolved actor and object — and the audit record, allowed or denied, under the
 * declaration's action. Everything a command refuses is refused here, in one place.
 */
export async function executeCommand(command: Command, ctx: CommandContext): Promise<void> {
  const spec = command.spec;
  const { session } = ctx;
  const audit = session.services.audit;
  const actorId = session.person?.id ?? null;
  const defaultAction = command.actions[0];
  const actionOf = (action: string | undefined): string => {
    const chosen = action ?? defaultAction;
    if (chosen === undefined || !command.actions.includes(chosen)) throw new Error(`command /${command.name}: audit action ${String(chosen)} is not declared`);
    return chosen;
  };
  const deny = async (key: string, target: AuditTarget | undefined, action?: string): Promise<void> => {
    session.say(key);
    await audit.record({ actorId, action: actionOf(action), outcome: "denied", targetType: target?.type, targetId: target?.id, programmeId: target?.programmeId });
  };

  if (command.audience.includes("participant") && !session.person?.hasConsent) {
    session.say(JOIN_FIRST);
    return;
  }

  let object: unknown;
  let rest = ctx.args.trim();
  let target: AuditTarget | undefined;
  if (spec.scope) {
    const resolved = await spec.scope.resolve({ ...ctx, command: command.name, actorId });
    if (!resolved.ok) {
      if (resolved.denial) await deny(resolved.denial.key, resolved.denial.target);
      return;
    }
    object = resolved.object;
    rest = resolved.rest.trim();
    target = resolved.target;
  }

  let input: unknown = rest;
  if (spec.args) {
    const decoded = spec.args.decode(rest);
    if (decoded === null) {
      session.say(spec.args.usage);
      return;
    }
    input = decoded;
  }

  if (actorId === null && !command.audience.includes("everyone")) throw new Error(`command /${command.name}: resolved without a person`);
  const outcome = await spec.run({
    ...ctx,
    command: command.name,
    actor: actorId,
    object,
    input,
    allowed: (...notes: AllowedNote<string>[]): Outcome<string> => ({ outcome: "allowed", notes: notes.length ? notes : [{}] }),
    denied: (denial: DeniedNote<string>): Outcome<string> => ({ outcome: "denied", denial }),
    invoke: (other, args) => executeCommand(other, { ...ctx, args }),
  });
  if (!outcome) return;
  if (outcome.outcome === "denied") {
    await deny(outcome.denial.key, outcome.denial.target, outcome.denial.action);
    return;
  }
  for (const note of outcome.notes) {
    const t = note.target === undefined ? target : (note.target ?? undefined);
    await audit.record({
      actorId: note.anonymous ? null : actorId,
      action: actionOf(note.action),
      outcome: "allowed",
      targetType: t?.type,
      targetId: t?.id,
      programmeId: t?.programmeId,
      details: note.details,
    });
  }
}
