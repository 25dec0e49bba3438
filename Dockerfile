# One image for every Regwatch process: `regwatch start --only api`, `--only ingest`, `migrate`.
FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/ packages/
COPY services/ services/
# Dev dependencies stay out; the CLI runs the TypeScript sources through tsx (a runtime dependency).
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY migrations/ migrations/
USER node
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
ENTRYPOINT ["node", "services/cli/bin/regwatch.mjs"]
CMD ["start"]
