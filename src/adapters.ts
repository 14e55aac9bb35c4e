import type { AdapterContext, MessengerAdapter, Transport } from "./bot/core/transport.js";
import { maxAdapter } from "./bot/max/adapter.js";
import { telegramAdapter } from "./bot/telegram/adapter.js";
import { vkAdapter } from "./bot/vk/adapter.js";
import type { Platform } from "./domain/platforms.js";

/**
 * The transports of the messengers, one line each, beside their profiles (src/platforms.ts):
 * app.ts builds one for every messenger the configuration has a section for.
 */
export const ADAPTERS = {
  telegram: telegramAdapter,
  vk: vkAdapter,
  max: maxAdapter,
} as const satisfies { [P in Platform]: MessengerAdapter<any, any, any> };

type AdapterOf<P extends Platform> = (typeof ADAPTERS)[P];
export type TransportOf<P extends Platform> = ReturnType<AdapterOf<P>["create"]>;
export type ConfigOf<P extends Platform> = Parameters<AdapterOf<P>["create"]>[0];
type OptionsOf<P extends Platform> = NonNullable<Parameters<AdapterOf<P>["create"]>[1]["options"]>;

/** The transports of a process, by platform. */
export type Transports = { [P in Platform]?: TransportOf<P> };
/** Settings of each adapter (tests, benchmarks). */
export type AdapterOptions = { [P in Platform]?: OptionsOf<P> };

/** The transport of one messenger. */
export function createTransport<P extends Platform>(platform: P, config: ConfigOf<P>, context: AdapterContext<OptionsOf<P>>): TransportOf<P> {
  return (ADAPTERS[platform] as MessengerAdapter<ConfigOf<P>, Transport, OptionsOf<P>>).create(config, context) as TransportOf<P>;
}
