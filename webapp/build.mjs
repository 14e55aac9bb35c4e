// Builds the web app's client: webapp/src (Preact + htm, Fluent texts read at run time) bundled by
// esbuild into webapp/dist — app.js, app.css and index.html — which the service serves at /app.
// `npm run build` runs it; the browser tests run it too. Nothing is fetched from a CDN.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const HERE = dirname(fileURLToPath(import.meta.url));

const INDEX = `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="color-scheme" content="light dark">
<title>Наставник</title>
<link rel="stylesheet" href="/app/app.css">
<script type="module" src="/app/app.js"></script>
</head>
<body>
<div id="root" aria-live="polite"></div>
</body>
</html>
`;

/** Writes the client to `outDir` (default webapp/dist). */
export async function buildClient(outDir = join(HERE, "dist")) {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(HERE, "src", "main.ts")],
    bundle: true,
    format: "esm",
    target: "es2020",
    minify: true,
    outfile: join(outDir, "app.js"),
    legalComments: "none",
    logLevel: "warning",
  });
  copyFileSync(join(HERE, "src", "app.css"), join(outDir, "app.css"));
  writeFileSync(join(outDir, "index.html"), INDEX);
  return outDir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildClient();
