# Sojusz: multi-stage image; runs as a non-root user, applies migrations at start, then serves the bot.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci's postinstall (patch-package) mends the PostgreSQL driver and the Slack client: patches/README.md.
COPY patches ./patches
RUN npm ci --omit=dev --no-audit --no-fund

# The bundle production runs (scripts/build.mjs: esbuild, our TypeScript only; packages stay in node_modules).
FROM deps AS build
COPY tsconfig.json main.ts platforms.ts rotate-secret.ts ./
COPY scripts ./scripts
COPY src ./src
COPY adapters ./adapters
COPY commands ./commands
# main.ts → dist/main.js; the secret rotation as dist/rotate-secret.js (docs/operations.md); Discord
# sharding as dist/adapters/discord/sharded.js (CMD ["node", "dist/adapters/discord/sharded.js"] for a sharded bot);
# the Discord command registration as dist/adapters/discord/register-cli.js (the image has no sources for npm run).
RUN node scripts/build.mjs main.ts rotate-secret.ts adapters/discord/sharded.ts adapters/discord/shard-entry.ts adapters/discord/register-cli.ts

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data HOST=0.0.0.0
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/dist ./dist
COPY adapters/web/static ./adapters/web/static
COPY migrations ./migrations
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# Migrations run inside the start-up (under an advisory lock), so replicas can start together.
CMD ["node", "--enable-source-maps", "dist/main.js"]
