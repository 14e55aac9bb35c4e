import type { z } from "zod";
import type { PlatformLimits } from "./messaging.js";

/**
 * The messengers the service speaks, and what the rest of the code may know about each: its
 * limits, its pace, its links and its section of the environment. The list mirrors the Prisma
 * enum `Platform` (a test compares them); each adapter describes itself with a `PlatformProfile`
 * (src/bot/<platform>/profile.ts) and src/platforms.ts registers them in one place. Pure.
 */

export const PLATFORMS = ["telegram", "vk", "max"] as const;
export type Platform = (typeof PLATFORMS)[number];

export function isPlatform(value: unknown): value is Platform {
  return typeof value === "string" && (PLATFORMS as readonly string[]).includes(value);
}

/**
 * The messengers an organisation's people use: the ones it lists (a school under a state
 * assignment may not pass personal data through a foreign messenger), or — none listed — every
 * messenger the service runs; always in the order of PLATFORMS.
 */
export function allowedMessengers(listed: readonly Platform[], running: readonly Platform[]): Platform[] {
  return PLATFORMS.filter((p) => running.includes(p) && (listed.length === 0 || listed.includes(p)));
}

/** "max,vk" → ["vk", "max"] (PLATFORMS order); "all" or "" → [] (every messenger); an unknown name is an error naming it. */
export function parseMessengerList(value: string): { ok: true; messengers: Platform[] } | { ok: false; unknown: string } {
  const names = value.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (names.length === 1 && names[0] === "all") return { ok: true, messengers: [] };
  const unknown = names.find((n) => !isPlatform(n));
  if (unknown !== undefined) return { ok: false, unknown };
  return { ok: true, messengers: PLATFORMS.filter((p) => names.includes(p)) };
}

export interface PlatformPace {
  /** Messages per second the platform allows overall. */
  perSecond: number;
  /** Least time between two messages to one chat (0: no per-chat limit). */
  perChatMs: number;
}

/** One messenger account of a person, as its contact link is made from it. */
export interface ContactIdentity {
  platform: Platform;
  externalId: string;
  username: string | null;
}

/** A messenger's variables of the environment: their schema, the rules across them, the typed section they make. */
export interface ConfigSection<C> {
  /** The variable that turns the messenger on (its token). */
  enabledBy: string;
  /** zod schemas of the variables, merged into the environment's schema (src/config.ts). */
  fields: Record<string, z.ZodType>;
  /** Problems across variables, checked on the raw values (`has`: set and not blank). */
  problems(source: Record<string, string | undefined>, has: (key: string) => boolean): string[];
  /** The section, from the parsed environment; undefined when the messenger is off. */
  parse(env: Record<string, unknown>): C | undefined;
}

export interface PlatformProfile<C = unknown> {
  readonly id: Platform;
  /** How people call it: "Telegram", "VK", "MAX". */
  readonly name: string;
  /** What one message may hold; keyboards are laid out within it. */
  readonly limits: PlatformLimits;
  /** The outbound pace: the platform's limit (the pacer aims a little under it). */
  readonly pace: PlatformPace;
  /** Sends one process has in flight at most. */
  readonly inFlight: number;
  /** The account's public username follows its updates and makes its contact link. */
  readonly keepsUsername: boolean;
  /** The invitation deep link: what it points at (bot username, community id), from the section or the raw environment. */
  readonly invite: {
    /** The variable naming the target, for the CLI and the README. */
    env: string;
    /** What the CLI prints in its place when the variable is not set. */
    placeholder: string;
    /** The target from the raw variable's value, or undefined when it cannot be one. */
    fromEnv(value: string | undefined): string | undefined;
    target(config: C): string | undefined;
    link(target: string, code: string): string;
  };
  /** How a pair's partner reaches this account. */
  contactLink(identity: ContactIdentity): string;
  readonly config: ConfigSection<C>;
}
