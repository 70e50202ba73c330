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
# Build-only random values: production settings refuse placeholders and SQLite.
RUN R() { head -c 48 /dev/urandom | base64 | tr -d '\n/+='; } && \
    SECRET_KEY=$(R)$(R) DATABASE_URL=postgres://build@build/build \
    REDIS_URL=redis://build ALLOWED_HOSTS=build STRONGID_ISSUER=https://build \
    STRONGID_CLIENT_SECRET=build STRONGID_UID_KEYS=1:$(R) MFA_ENCRYPTION_KEYS=$(R) \
    FIELD_ENCRYPTION_SALTS=$(R) python manage.py collectstatic --no-input -v0
RUN useradd --system --uid 10001 polku && mkdir -p /app/var/media && chown -R polku /app/var
USER 10001
# Uploaded images and documents: a volume on one host, object storage on many.
VOLUME ["/app/var/media"]
EXPOSE 8000
CMD ["gunicorn", "portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
