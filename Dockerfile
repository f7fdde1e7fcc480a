# El sitio del curso en un contenedor, para el aula: una etapa construye el sitio con Node (y Chromium, que dibuja
# los diagramas y el PDF) y otra lo sirve con nginx. La imagen final lleva solo nginx y el sitio compilado.
# Uso: docker compose up -d   (compose.yaml; el README explica el puerto y SITE_URL)

FROM node:24-trixie-slim AS build
# Chromium dibuja los diagramas y el PDF durante la compilación; las fuentes Liberation dan a Mermaid las medidas
# del texto con que se comprueba que cada figura se lee en un móvil.
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-liberation \
 && rm -rf /var/lib/apt/lists/*
# Compilar no necesita root: el usuario node de la imagen oficial.
USER node
WORKDIR /home/node/curso
# Primero solo las dependencias: esta capa se reutiliza mientras package-lock.json no cambie.
COPY --chown=node:node package.json package-lock.json ./
RUN --mount=type=cache,target=/home/node/.npm,uid=1000,gid=1000 npm ci --no-audit --no-fund
COPY --chown=node:node . .
# La dirección pública del sitio (enlaces canónicos, mapa del sitio, enlaces del PDF); vacía, el sitio no nombra
# ninguna.
ARG SITE_URL=""
# nginx envía los .gz que deja la compilación, no los .br (Brotli no viene en la imagen oficial): fuera.
RUN npm run build \
 && find dist -name '*.br' -delete \
 && node scripts/nginx-headers.ts dist/_headers > site-headers.conf

FROM nginx:1.30
# Sin los mensajes del script de arranque de la imagen oficial, que solo ajusta su configuración de ejemplo.
ENV NGINX_ENTRYPOINT_QUIET_LOGS=1
COPY docker/nginx.conf /etc/nginx/nginx.conf
COPY --from=build /home/node/curso/site-headers.conf /etc/nginx/site-headers.conf
COPY --from=build /home/node/curso/dist /srv/curso
# El usuario nginx (uid 101) de la imagen oficial, por su número: así se ve que no es root.
USER 101:101
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \
  CMD curl -fsS -o /dev/null http://127.0.0.1:8080/ || exit 1
