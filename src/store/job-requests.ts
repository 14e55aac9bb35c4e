import { currentFrame } from "../db/frame-context.js";

/** The job of a programme's matching run, asked for by a curator's /match (run by src/jobs/matching.ts). */
export const MATCHING_JOB = "matching-run";

/** Where requested jobs go: the job queues (src/jobs/job-queue.ts). */
export interface JobEnqueuer {
  enqueue(name: string, data: Record<string, unknown>, jobId: string): Promise<void>;
}

/**
 * Heavy work asked for by a person (a whole-cohort matching run): inside an update the
 * request is kept with the update and handed to the job queue after its COMMIT — a rolled
 * back update asks for nothing; elsewhere it is enqueued at once.
 */
export class JobRequests {
  private enqueuer?: JobEnqueuer;

  attach(enqueuer: JobEnqueuer): void {
    this.enqueuer = enqueuer;
  }

  async request(name: string, data: Record<string, unknown>, jobId: string): Promise<void> {
    const frame = currentFrame();
    if (frame) {
      frame.jobs.push({ name, data, jobId });
      return;
    }
    if (!this.enqueuer) throw new Error("job requested before the job queue was attached");
    await this.enqueuer.enqueue(name, data, jobId);
  }
}
