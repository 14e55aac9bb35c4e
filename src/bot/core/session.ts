import type { I18n, Language, TArgs, Translate } from "../../i18n/index.js";
import type { FlowState, TextRef } from "../../flows/types.js";
import type { PersonSnapshot } from "../../store/update-frame.js";
import type { Services } from "../../usecases/services.js";
import { attach, textOf } from "./render.js";
import type { Button, ChatRef, IncomingEvent, OutgoingMessage, PlatformLimits } from "./types.js";

/** Everything one update's handling reads and changes; the frame stores it when done. */
export class Session {
  readonly replies: OutgoingMessage[] = [];
  lang: Language;
  t: Translate;

  constructor(
    readonly event: IncomingEvent,
    public person: PersonSnapshot | null,
    public conversation: FlowState | null,
    readonly limits: PlatformLimits,
    private readonly i18n: I18n,
    lang: Language,
    /** Data access inside this update's transaction. */
    readonly services: Services,
  ) {
    this.lang = lang;
    this.t = i18n.translator(lang);
  }

  get chat(): ChatRef {
    return this.event.chat;
  }

  /** The person's id once known: from the database or created during this update. */
  get personId(): string | null {
    return this.person?.id ?? this.conversation?.personId ?? null;
  }

  setLanguage(lang: Language): void {
    this.lang = lang;
    this.t = this.i18n.translator(lang);
  }

  say(key: string, args?: TArgs, buttons?: Button[][]): void {
    this.sayText(this.t(key, args), buttons);
  }

  sayRef(ref: TextRef, buttons?: Button[][]): void {
    this.sayText(textOf(ref, this.t), buttons);
  }

  sayText(text: string, buttons?: Button[][]): void {
    this.replies.push(...attach(text, buttons ?? [], this.limits));
  }

  push(...messages: OutgoingMessage[]): void {
    this.replies.push(...messages);
  }
}
