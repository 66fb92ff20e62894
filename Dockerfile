# Sigap API and worker image (one image, two commands). Build: docker build -t sigap .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm install, not npm ci: see scripts/bootstrap.js on platform-specific optional packages in the lock.
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    SIGAP_WORKFLOW_BUNDLE=/app/dist/workflow-bundle.js \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
RUN groupadd --system sigap && useradd --system --gid sigap --home /app sigap
COPY --from=build --chown=sigap:sigap /app/node_modules ./node_modules
COPY --from=build --chown=sigap:sigap /app/dist ./dist
COPY --from=build --chown=sigap:sigap /app/package.json ./package.json
USER sigap
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/api/server.js"]
