import type { PlatformProfile } from "../../domain/platforms.js";
import type { Messenger, OutgoingMessage, Platform, PlatformLimits, SendOptions, SentMessage } from "./types.js";

/**
 * What every messenger's sending shares: a message that replaces an earlier one edits it (and
 * keeps its ref), any other is sent anew, and the platform's errors come out as the core's
 * (`RecipientUnreachableError`, `RateLimitedError`, or the error itself to retry). An adapter
 * gives its profile, the platform's edit, its send and its mapping of errors.
 */
export abstract class MessengerBase implements Messenger {
  readonly platform: Platform;
  readonly limits: PlatformLimits;

  constructor(profile: Pick<PlatformProfile, "id" | "limits">) {
    this.platform = profile.id;
    this.limits = profile.limits;
  }

  async send(chatId: string, message: OutgoingMessage, options?: SendOptions): Promise<SentMessage> {
    try {
      if (message.replaces) {
        await this.edit(chatId, message.replaces, message);
        return { ref: message.replaces };
      }
      return await this.sendNew(chatId, message, options);
    } catch (error) {
      throw this.mapError(error);
    }
  }

  /** Edits the bot's message `ref` in the chat to show `message` (its text and buttons; none removes them). */
  protected abstract edit(chatId: string, ref: string, message: OutgoingMessage): Promise<void>;
  /** Sends `message` as a new message (with its file or picture). */
  protected abstract sendNew(chatId: string, message: OutgoingMessage, options?: SendOptions): Promise<SentMessage>;
  /** The core's error for the platform's one. */
  protected abstract mapError(error: unknown): unknown;
}
