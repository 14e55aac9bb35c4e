import { telegramProfile } from "./bot/telegram/profile.js";
import { vkProfile } from "./bot/vk/profile.js";
import { maxProfile } from "./bot/max/profile.js";
import { allowedMessengers, isPlatform, PLATFORMS, type ContactIdentity, type Platform, type PlatformProfile } from "./domain/platforms.js";

/**
 * The registry of messengers: one line per messenger, its profile (src/bot/<platform>/profile.ts,
 * pure). Everything that differs between messengers outside their folders — limits, pace, deep
 * links, contact links, the environment's sections, the webhook paths — is read from here; the
 * transports are registered beside it in src/adapters.ts.
 */
export const PROFILES = {
  telegram: telegramProfile,
  vk: vkProfile,
  max: maxProfile,
} as const satisfies { [P in Platform]: PlatformProfile<any> };

/** Every messenger's profile, in the order of PLATFORMS. */
export const profiles = (): PlatformProfile<unknown>[] => PLATFORMS.map((p) => PROFILES[p] as PlatformProfile<unknown>);

export function profileOf(platform: Platform): PlatformProfile<unknown> {
  return PROFILES[platform] as PlatformProfile<unknown>;
}

/** The configured section of each messenger, by platform. */
export type MessengerConfigs = { [P in Platform]?: NonNullable<ReturnType<(typeof PROFILES)[P]["config"]["parse"]>> };

/** The address of a messenger's webhook on our HTTP server. */
export const webhookPath = (platform: Platform): string => `/webhooks/${platform}`;

/**
 * How to reach a person in each messenger, shared only within a confirmed pair (002 §7.3): each
 * account's link as its messenger makes it (a username link when known, else by id).
 */
export function contactLinks(identities: readonly ContactIdentity[]): string[] {
  return [...new Set(identities.map((i) => profileOf(i.platform).contactLink(i)))];
}

/**
 * An invitation's deep link on each messenger an organisation allows, of those the service runs
 * (`targets`: the running messengers' bot usernames or community ids; null: running, target not
 * known — the link cannot be made yet).
 */
export function invitationLinks(code: string, targets: Partial<Record<Platform, string | null>>, listed: readonly Platform[]): { platform: Platform; name: string; link: string | null }[] {
  return allowedMessengers(listed, Object.keys(targets).filter(isPlatform)).map((platform) => {
    const profile = profileOf(platform);
    const target = targets[platform];
    return { platform, name: profile.name, link: target ? profile.invite.link(target, code) : null };
  });
}
