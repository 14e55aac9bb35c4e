/**
 * The environment for a child process that must run on the real clock although the tests may
 * run with their clock moved by libfaketime (`npm run test:moved-clock`): without the library
 * in LD_PRELOAD and without its settings. redis-server hangs at start-up under libfaketime, and a
 * Redis of the tests keeps the real time as the shared one does.
 */
export function realClockEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (name === "FAKETIME" || name.startsWith("FAKETIME_")) continue;
    if (name === "LD_PRELOAD") {
      const kept = (value ?? "").split(/[:\s]+/).filter((lib) => lib && !lib.includes("libfaketime"));
      if (kept.length) out[name] = kept.join(":");
      continue;
    }
    out[name] = value;
  }
  return out;
}
