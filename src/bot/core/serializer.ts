/**
 * Runs tasks one at a time per key and concurrently across keys: the updates of one chat
 * are handled in the order they arrived while other chats go on.
 */
export class KeyedSerializer {
  private readonly tails = new Map<string, Promise<unknown>>();
  private waiters: (() => void)[] = [];

  get size(): number {
    return this.tails.size;
  }

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(task, task);
    const tail = current.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
      if (this.tails.size === 0) {
        const waiters = this.waiters;
        this.waiters = [];
        for (const w of waiters) w();
      }
    });
    return current;
  }

  idle(): Promise<void> {
    if (this.tails.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
