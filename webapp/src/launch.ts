/**
 * What the messenger opened the app with, read from its address: Telegram puts its signed
 * `tgWebAppData` and theme in the fragment, MAX its `WebAppData`, VK its signed `vk_*` launch
 * parameters in the query. No messenger SDK is loaded: the server checks the signatures.
 */

export type Launch = { platform: "telegram" | "max" | "vk"; data: string } | null;

export interface Theme {
  dark: boolean;
  colors: Record<string, string>;
}

function fragment(): URLSearchParams {
  return new URLSearchParams(location.hash.replace(/^#/, ""));
}

export function readLaunch(): Launch {
  const hash = fragment();
  const tg = hash.get("tgWebAppData");
  if (tg) return { platform: "telegram", data: tg };
  const max = hash.get("WebAppData");
  if (max) return { platform: "max", data: max };
  const query = new URLSearchParams(location.search);
  if (query.get("sign") && query.get("vk_user_id")) return { platform: "vk", data: location.search.replace(/^\?/, "") };
  return null;
}

/** An error the login link came back with (`#error=<code>`). */
export function launchError(): string | null {
  return fragment().get("error");
}

function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return 1;
  const n = Number.parseInt(m[1] as string, 16);
  return (0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255)) / 255;
}

/** The messenger's light or dark theme (Telegram's colours where it gives them), else the system's. */
export function readTheme(): Theme {
  const hash = fragment();
  const query = new URLSearchParams(location.search);
  const colors: Record<string, string> = {};
  try {
    const params = JSON.parse(hash.get("tgWebAppThemeParams") ?? "{}") as Record<string, string>;
    for (const [k, v] of Object.entries(params)) if (typeof v === "string" && /^#[0-9a-f]{6}$/i.test(v)) colors[k] = v;
  } catch {
    // no theme given
  }
  const scheme = hash.get("tgWebAppColorScheme") ?? query.get("vk_appearance") ?? hash.get("colorScheme");
  const dark = colors.bg_color ? luminance(colors.bg_color) < 0.5 : scheme ? scheme === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
  return { dark, colors };
}

export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  root.dataset.theme = theme.dark ? "dark" : "light";
  const map: Record<string, string> = { bg_color: "--bg", text_color: "--text", hint_color: "--hint", link_color: "--link", button_color: "--accent", button_text_color: "--accent-text", secondary_bg_color: "--card" };
  for (const [k, v] of Object.entries(theme.colors)) if (map[k]) root.style.setProperty(map[k] as string, v);
}
