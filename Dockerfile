# syntax=docker/dockerfile:1
# The GitHub App (Probot) as a long-running service. README.md, "Deploy", says how to run it.
#
#   docker build -t spec-automation .
#   docker run --init --env-file .env -p 3000:3000 spec-automation
#
# Two stages: `build` installs every dependency and compiles src/ into lib/; `runtime`
# holds the production dependencies only, lib/ from the build, and runs as the image's
# non-root `node` user. test/integration/deploy/dockerfile.test.ts runs these RUN, ENV and
# CMD lines outside a container (Docker does not run on the CI machine).

# ---- build: all dependencies, then tsc ------------------------------------------------
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` compiles lib/, and src/ is not copied yet (no dependency has an install script).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build:lib

# ---- runtime: production dependencies, non-root -----------------------------------------
FROM node:24-bookworm-slim AS runtime
# HOST: Probot listens on "localhost" by default, which nothing outside the container reaches.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
# --omit=dev: nothing the app imports at run time is a devDependency (the test starts the
# app from exactly this install). --ignore-scripts: `prepare` needs tsc, a devDependency.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
# What the npm package ships (package.json "files"): the CLI, the compiled library, the manifest, the schema.
COPY bin ./bin
COPY app.yml ./
COPY schema ./schema
COPY --from=build /app/lib ./lib
USER node
EXPOSE 3000
# Node's own fetch: the slim image has no curl. PORT as the app reads it.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# One process that receives webhooks and works; compose.yaml runs lib/app/web.js and lib/app/worker.js instead.
CMD ["node", "lib/app/main.js"]
