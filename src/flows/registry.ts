import type { Services } from "../usecases/services.js";
import type { FlowContext, FlowDefinition, ResolvedOption } from "./types.js";

export type AppFlow = FlowDefinition<Services>;
export type OptionLoader = (ctx: FlowContext, services: Services) => Promise<ResolvedOption[]>;

/** Every flow and every source of computed options, registered once and served on every messenger. */
export class FlowRegistry {
  private readonly flows = new Map<string, AppFlow>();
  private readonly sources = new Map<string, OptionLoader>();

  register(flow: AppFlow): this {
    if (this.flows.has(flow.id)) throw new Error(`flow ${flow.id} registered twice`);
    const ids = new Set<string>();
    for (const step of flow.steps) {
      if (ids.has(step.id)) throw new Error(`flow ${flow.id}: step ${step.id} defined twice`);
      ids.add(step.id);
    }
    this.flows.set(flow.id, flow);
    return this;
  }

  registerOptions(source: string, loader: OptionLoader): this {
    this.sources.set(source, loader);
    return this;
  }

  get(id: string): AppFlow | undefined {
    return this.flows.get(id);
  }

  all(): AppFlow[] {
    return [...this.flows.values()];
  }

  options(source: string): OptionLoader | undefined {
    return this.sources.get(source);
  }
}
