/**
 * Contacts in a relay message: what a mentor and a minor mentee must not swap before the
 * curator allows it — phone numbers, e-mail addresses, @usernames and links to a messenger or
 * a social network. Pure: `stripContacts` takes them out and says which kinds it found.
 */

export const CONTACT_KINDS = ["link", "email", "username", "phone"] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** Hosts of messengers and social networks (with any subdomain: m.vk.com, chat.whatsapp.com). */
const HOSTS = [
  "t\\.me",
  "telegram\\.(?:me|dog|org)",
  "vk\\.(?:com|ru|me|cc)",
  "vkontakte\\.ru",
  "max\\.ru",
  "wa\\.me",
  "whatsapp\\.com",
  "viber\\.com",
  "instagram\\.com",
  "instagr\\.am",
  "ok\\.ru",
  "odnoklassniki\\.ru",
  "discord\\.(?:gg|com)",
  "tiktok\\.com",
  "snapchat\\.com",
  "facebook\\.com",
  "fb\\.com",
  "skype\\.com",
  "icq\\.(?:com|im)",
];

const PATTERNS: readonly [ContactKind, RegExp][] = [
  // A scheme that opens a chat, or a link (with or without https://) to a messenger's host.
  ["link", new RegExp(`(?:\\b(?:tg|viber|whatsapp|skype|vk|icq)://\\S*)|(?:(?:https?://)?(?:[\\w-]+\\.)*(?:${HOSTS.join("|")})(?:[/?#]\\S*)?)(?![\\w.-])`, "giu")],
  ["email", /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/giu],
  ["username", /(?<![\p{L}\p{N}_@])@[A-Za-z0-9_.]{3,}/gu],
  // Ten digits or more, spaced, dashed or bracketed as phone numbers are written (+7 (912) 345-67-89).
  ["phone", /(?<![\p{L}\p{N}])\+?\d(?:[\s().-]{0,3}\d){9,14}(?![\p{N}])/gu],
];

export interface Stripped {
  text: string;
  /** The kinds taken out, each once, in the order of CONTACT_KINDS. */
  removed: ContactKind[];
}

/** The text with every contact replaced by `placeholder`. */
export function stripContacts(text: string, placeholder: string): Stripped {
  const found = new Set<ContactKind>();
  let out = text;
  for (const [kind, re] of PATTERNS) {
    out = out.replace(re, () => {
      found.add(kind);
      return placeholder;
    });
  }
  return { text: out, removed: CONTACT_KINDS.filter((k) => found.has(k)) };
}

/** Whether the text holds any contact. */
export function hasContacts(text: string): boolean {
  return stripContacts(text, "").removed.length > 0;
}
