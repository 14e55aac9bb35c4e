import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";

/** The web app's texts: locales/<lang>/app.ftl, the same Fluent files the bot reads, fetched from the server. */

export type T = (key: string, args?: Record<string, FluentVariable>) => string;

export async function loadTexts(lang: string): Promise<T> {
  const language = lang === "en" ? "en" : "ru";
  const res = await fetch(`/app/texts/${language}.ftl`);
  const bundle = new FluentBundle(language, { useIsolating: false });
  bundle.addResource(new FluentResource(await res.text()));
  document.documentElement.lang = language;
  return (key, args) => {
    const message = bundle.getMessage(key);
    return message?.value ? bundle.formatPattern(message.value, args) : key;
  };
}
