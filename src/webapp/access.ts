import type { AuditEntry } from "../store/audit.js";
import type { AdministratorRow } from "../store/scope.js";
import type { Services } from "../usecases/services.js";
import type { Viewer } from "./auth.js";
import { HttpError } from "./http.js";

/**
 * The web app's access rules are the bot's: a curator of the programme (the same
 * `Participants.isCurator` the commands' scopes ask), an administrator of the scope
 * (`Scopes.administratorsOf`), and the same audit records under the commands' actions, with
 * `via: "app"`. A refusal is audited as denied and answered 403.
 */

type Details = NonNullable<AuditEntry["details"]>;

export interface AuditedUse {
  action: string;
  targetType?: string;
  targetId?: string;
  programmeId?: string;
  details?: Details;
}

export class Access {
  constructor(private readonly services: Services) {}

  async allowed(viewer: Viewer, use: AuditedUse): Promise<void> {
    await this.services.audit.record({ actorId: viewer.personId, outcome: "allowed", ...use, details: { ...use.details, via: "app" } });
  }

  private async deny(viewer: Viewer, use: AuditedUse): Promise<never> {
    await this.services.audit.record({ actorId: viewer.personId, outcome: "denied", ...use, details: { via: "app" } });
    throw new HttpError(403, "forbidden");
  }

  /** The programme, when the person curates it; otherwise refused under `action`. */
  async curator(viewer: Viewer, programmeId: string, action: string): Promise<void> {
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(programmeId) || !(await this.services.participants.isCurator(viewer.personId, programmeId))) {
      await this.deny(viewer, { action, targetType: "programme", targetId: programmeId.slice(0, 40), programmeId: undefined });
    }
  }

  /** One of the person's administrator roles, named by its id; otherwise refused under `action`. */
  async administrator(viewer: Viewer, administratorId: string, action: string): Promise<AdministratorRow> {
    const found = (await this.services.scopes.administratorsOf(viewer.personId)).find((a) => a.id === administratorId);
    if (!found) return this.deny(viewer, { action, targetType: "administrator", targetId: administratorId.slice(0, 40) });
    return found;
  }
}
