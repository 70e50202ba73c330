"""deploy/kubernetes: valid against the Kubernetes schemas, offline, and
shaped as docs/operations.md says (several web, one beat, probes, secrets)."""

from pathlib import Path

import kubernetes_validate
import pytest
import yaml

DEPLOY = Path(__file__).resolve().parent.parent / "deploy" / "kubernetes"
KUBERNETES_VERSION = "1.33.0"


def _resources():
    kustomization = yaml.safe_load((DEPLOY / "kustomization.yaml").read_text())
    files = [*kustomization["resources"], "secret.example.yaml"]
    return [
        (name, doc)
        for name in files
        for doc in yaml.safe_load_all((DEPLOY / name).read_text())
        if doc
    ]


RESOURCES = _resources()
BY_NAME = {(doc["kind"], doc["metadata"]["name"]): doc for _name, doc in RESOURCES}


@pytest.mark.parametrize(
    "doc", [doc for _n, doc in RESOURCES], ids=[n for n, _d in RESOURCES]
)
def test_every_manifest_is_valid_for_kubernetes(doc):
    """`kubectl apply` would accept each manifest (strict schema, no network)."""
    kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


def _container(kind, name):
    return BY_NAME[(kind, name)]["spec"]["template"]["spec"]["containers"][0]


def test_web_scales_out_with_probes_on_the_right_endpoints():
    """Several web pods, autoscaled on CPU; restarted on /livez/, routed on /readyz/."""
    assert BY_NAME[("Deployment", "polku-web")]["spec"]["replicas"] >= 2
    hpa = BY_NAME[("HorizontalPodAutoscaler", "polku-web")]["spec"]
    assert hpa["scaleTargetRef"]["name"] == "polku-web"
    assert hpa["metrics"][0]["resource"]["name"] == "cpu"
    web = _container("Deployment", "polku-web")
    assert web["livenessProbe"]["httpGet"]["path"] == "/livez/"
    assert web["readinessProbe"]["httpGet"]["path"] == "/readyz/"
    assert web["command"][0] == "gunicorn"


def test_exactly_one_beat_and_several_workers():
    """Only one beat ever runs, even during a rollout; workers scale out."""
    beat = BY_NAME[("Deployment", "polku-beat")]["spec"]
    assert beat["replicas"] == 1 and beat["strategy"]["type"] == "Recreate"
    assert (
        "--scheduler=portal.celery.HeartbeatScheduler"
        in _container("Deployment", "polku-beat")["command"]
    )
    assert BY_NAME[("Deployment", "polku-worker")]["spec"]["replicas"] >= 2


def test_migrations_run_as_a_job_and_secrets_come_from_a_secret():
    """A release migrates once in a Job; every pod reads its secrets from a Secret."""
    job = BY_NAME[("Job", "polku-migrate")]["spec"]["template"]["spec"]
    assert job["containers"][0]["command"][-2:] == ["migrate", "--no-input"]
    for kind, name in [("Job", "polku-migrate")] + [
        ("Deployment", f"polku-{part}") for part in ("web", "worker", "beat")
    ]:
        container = BY_NAME[(kind, name)]["spec"]["template"]["spec"]["containers"][0]
        sources = {next(iter(ref)) for ref in container["envFrom"]}
        assert sources == {"configMapRef", "secretRef"}, name
        assert "env" not in container, "no secret written into a manifest"
    config = BY_NAME[("ConfigMap", "polku-config")]["data"]
    assert config["DJANGO_SETTINGS_MODULE"] == "portal.settings.production"
    assert "MEDIA_S3_BUCKET" in config, "media in object storage on many hosts"
    assert not {"SECRET_KEY", "DATABASE_URL", "REDIS_URL"} & set(config)
