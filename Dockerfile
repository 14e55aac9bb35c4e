# One image for the bot, the worker and the migration job.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# No install scripts: nothing is downloaded at install time (Prisma runs on its WASM engines).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npx prisma generate
USER node
EXPOSE 8080
CMD ["npm", "start"]
