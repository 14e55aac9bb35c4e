/** At most `max` holders at once; the rest wait in order. */
export class Gate {
  private held = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}

  async enter(): Promise<void> {
    if (this.held < this.max) {
      this.held++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held--;
  }
}
