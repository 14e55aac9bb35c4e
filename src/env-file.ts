import { existsSync } from "node:fs";

/**
 * Reads `.env` of the working directory into the environment, when there is one: on the host
 * `npm start` and `npm run admin` take their settings from it as the README says. Variables
 * already set (by the shell, or by docker compose in the container) win over the file.
 */
export function loadEnvFile(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
