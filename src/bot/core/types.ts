/**
 * The neutral vocabulary every messenger adapter translates to and from, now in
 * src/domain/messaging.ts (the stores and the jobs share it); re-exported here for the bot.
 */

export {
  chatKey,
  RateLimitedError,
  RecipientUnreachableError,
  type Button,
  type ChatRef,
  type IncomingEvent,
  type Input,
  type Messenger,
  type OutgoingMessage,
  type Platform,
  type PlatformLimits,
  type SendOptions,
  type SentMessage,
  type UnsupportedKind,
} from "../../domain/messaging.js";
