# Production image: one image for web, worker and beat.
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
RUN SECRET_KEY=build-only-$(head -c 48 /dev/urandom | base64) DATABASE_URL=sqlite:// \
    REDIS_URL=redis://localhost ALLOWED_HOSTS=build STRONGID_ISSUER=https://build \
    STRONGID_CLIENT_SECRET=build python manage.py collectstatic --no-input -v0
RUN useradd --system polku && mkdir -p /app/var && chown polku /app/var
USER polku
EXPOSE 8000
CMD ["gunicorn", "portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
