# Production image: one image for web, worker, beat and the migration job.
# tests/test_dockerfile.py runs this file's build steps (ENV, WORKDIR, RUN) in
# a clean environment, so a step that cannot work fails `make test`.
FROM python:3.11-slim
ENV PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/app/.venv \
    DJANGO_SETTINGS_MODULE=portal.settings.production \
    PATH="/app/.venv/bin:$PATH"
RUN apt-get update && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/* && pip install --no-cache-dir uv
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev
COPY . .
# Production settings refuse to import without their secrets: give throw-away
# values for the build only (collectstatic touches neither database nor Redis).
RUN SECRET_KEY=build-only-$(head -c 48 /dev/urandom | base64 | tr -d '\n') \
    DATABASE_URL=postgres://build@localhost/build REDIS_URL=redis://localhost \
    ALLOWED_HOSTS=build STRONGID_ISSUER=https://build STRONGID_CLIENT_SECRET=build \
    STRONGID_UID_KEYS=1:build MFA_ENCRYPTION_KEYS=build FIELD_ENCRYPTION_SALTS=build \
    python manage.py collectstatic --no-input -v0
RUN useradd --system --uid 10001 polku && mkdir -p /app/var/media && chown -R polku /app/var
USER 10001
# Uploaded images and documents: a volume on one host, object storage on many.
VOLUME ["/app/var/media"]
EXPOSE 8000
CMD ["gunicorn", "portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
