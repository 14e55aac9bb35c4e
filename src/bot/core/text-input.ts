import type { Input } from "./types.js";

/** "/start@bot CODE" → command start with args CODE; anything else is text. */
export function parseText(text: string, botUsername?: string): Input {
  const match = /^\/([A-Za-z0-9_]{1,64})(?:@([A-Za-z0-9_]+))?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (match && (!match[2] || !botUsername || match[2].toLowerCase() === botUsername.toLowerCase())) {
    return { kind: "command", command: match[1]!.toLowerCase(), args: (match[3] ?? "").trim() };
  }
  return { kind: "text", text };
}
