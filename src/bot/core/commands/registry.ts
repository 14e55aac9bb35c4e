import type { I18n } from "../../../i18n/index.js";
import type { FlowRegistry } from "../../../flows/registry.js";
import type { Services } from "../../../store/services.js";
import type { FlowRunner } from "../flow-runner.js";
import type { Session } from "../session.js";

export interface CoreDeps {
  services: Services;
  runner: FlowRunner;
  flows: FlowRegistry;
  commands: CommandRegistry;
  i18n: I18n;
  now: () => Date;
  /** Where invitation deep links point: the Telegram bot's username and the VK community's id, when known. */
  inviteLinks?: () => { telegramBot?: string; vkGroupId?: number };
}

export type Audience = "everyone" | "participant" | "mentor" | "mentee" | "curator" | "administrator";

export interface CommandContext {
  session: Session;
  args: string;
  deps: CoreDeps;
  /** The command came from a button rather than typed text. */
  viaButton: boolean;
}

export interface Command {
  name: string;
  /** Locale key of the line in /help. */
  description: string;
  /** Who is shown the command in /help. Permission checks live in the command itself. */
  audience: Audience;
  /** Kept out of /help (flow navigation, buttons). */
  hidden?: boolean;
  run(ctx: CommandContext): Promise<void>;
}

/** Commands by name; features add theirs, and every messenger serves the same set. */
export class CommandRegistry {
  private readonly commands = new Map<string, Command>();

  register(...commands: Command[]): this {
    for (const c of commands) {
      if (this.commands.has(c.name)) throw new Error(`command /${c.name} registered twice`);
      this.commands.set(c.name, c);
    }
    return this;
  }

  get(name: string): Command | undefined {
    return this.commands.get(name);
  }

  all(): Command[] {
    return [...this.commands.values()];
  }
}
