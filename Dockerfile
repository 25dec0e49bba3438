# One image for every Regwatch process: `regwatch start --only api`, `--only ingest`, `migrate`.
# The build stage compiles the `regwatch` bundle (services/cli/dist) with the dev dependencies;
# the image keeps only the production dependencies and runs the compiled JavaScript.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/ packages/
COPY services/ services/
RUN npm ci --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/ packages/
COPY services/ services/
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/services/cli/dist/ services/cli/dist/
COPY migrations/ migrations/
USER node
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
ENTRYPOINT ["node", "services/cli/bin/regwatch.mjs"]
CMD ["start"]
