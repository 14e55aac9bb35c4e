# One image for the bot, the worker and the migration job.
# Build stage: every dependency (the compiler too), the generated Prisma client, src/ compiled to dist/.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: nothing is downloaded at install time (Prisma runs on its WASM engines).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npx prisma generate && npm run build && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# Runtime stage: the compiled service (dist/, with the Prisma client in dist/db/generated), the
# web app's bundle (webapp/dist), the texts it reads at run time (locales/), the production dependencies, and what the migration job
# needs (prisma/, prisma.config.ts). No src/: the service and the admin CLI run as JavaScript.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/webapp/dist ./webapp/dist
COPY --from=build /app/locales ./locales
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/prisma.config.ts ./
USER node
EXPOSE 8080
# node itself, not npm: SIGTERM from `docker stop` reaches the service, which stops gracefully.
CMD ["node", "dist/main.js", "all"]
