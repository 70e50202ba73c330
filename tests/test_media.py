"""Uploads in production: images and renditions served, documents as
attachments, and object storage for several hosts (moto's S3 server)."""

import io
import json
import os
import subprocess
import sys

import boto3
import pytest
import requests
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import override_settings
from django.urls import Resolver404, resolve
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

from portal import processes
from portal.media import serve_image
from tests.production import PRODUCTION_ENV


def _png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (0, 120, 90)).save(buffer, "PNG")
    return buffer.getvalue()


def _new_image(title="Polku"):

    return Image.objects.create(
        title=title, file=ImageFile(io.BytesIO(_png()), name="polku.png")
    )


@pytest.fixture(autouse=True)
def _root_collection(db):
    """Images and documents live in collections; a flushed database has none."""

    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")


@pytest.fixture
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.django_db
def test_renditions_are_served_without_debug(client, media_root, settings):
    """A step's picture shows in production: its rendition answers 200, DEBUG off."""
    assert settings.DEBUG is False
    rendition = _new_image().get_rendition("fill-32x32")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "immutable" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


@pytest.mark.django_db
def test_uploaded_documents_are_not_served_from_media(client, media_root):
    """A document's file is reachable only through the document view, never /media/."""
    (media_root / "documents").mkdir()
    (media_root / "documents" / "secret.pdf").write_bytes(b"%PDF-1.4")

    for path in ("/media/documents/secret.pdf", "/media/images/../documents/x.pdf"):
        try:
            assert resolve(path).func is not serve_image, path
        except Resolver404:
            pass


@pytest.mark.django_db
def test_documents_download_as_attachments(client, media_root):
    """An uploaded HTML or PDF never renders in the portal's origin: it downloads."""

    for name, body in (("leaflet.pdf", b"%PDF-1.4 leaflet"), ("page.txt", b"<b>")):
        document = Document.objects.create(
            title=name, file=ContentFile(body, name=name)
        )
        response = client.get(document.url)
        assert response.status_code == 200, name
        assert response["Content-Disposition"].startswith("attachment"), name
        assert response["X-Content-Type-Options"] == "nosniff"


@pytest.fixture(scope="module")
def s3_server():
    """moto's S3-compatible server on loopback, standing in for object storage."""
    port = processes.free_port()
    process = processes.start(
        [processes.BIN / "moto_server", "-p", port],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    # Any answer will do: moto's root answers 200 or an S3 error.
    if not processes.wait_for_url(url, 30, ok=lambda status: status is not None):
        processes.stop(process)
        raise RuntimeError(f"moto_server did not answer on {url}")
    yield url
    processes.stop(process)


@pytest.mark.django_db
def test_uploads_and_renditions_go_to_object_storage(s3_server, settings):
    """Several web hosts share uploads: images and renditions live in the bucket."""
    credentials = {"aws_access_key_id": "test", "aws_secret_access_key": "test"}
    s3 = boto3.client(
        "s3", endpoint_url=s3_server, region_name="eu-north-1", **credentials
    )
    s3.create_bucket(
        Bucket="polku-media",
        CreateBucketConfiguration={"LocationConstraint": "eu-north-1"},
    )
    # Public pages link images straight to the bucket: operators make the
    # bucket's objects publicly readable, as docs/operations.md says.
    s3.put_bucket_policy(
        Bucket="polku-media",
        Policy=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": "*",
                        "Action": "s3:GetObject",
                        "Resource": "arn:aws:s3:::polku-media/*",
                    }
                ],
            }
        ),
    )
    storages = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "polku-media",
                "endpoint_url": s3_server,
                "region_name": "eu-north-1",
                "access_key": "test",
                "secret_key": "test",
                "querystring_auth": False,
                "file_overwrite": False,
            },
        },
    }
    with override_settings(STORAGES=storages):
        image = _new_image()
        rendition = image.get_rendition("fill-32x32")
        keys = {
            item["Key"]
            for item in s3.list_objects_v2(Bucket="polku-media").get("Contents", [])
        }
        assert image.file.name in keys
        assert rendition.file.name in keys
        assert rendition.url.startswith(f"{s3_server}/polku-media/")
        fetched = requests.get(rendition.url, timeout=5)
        assert fetched.status_code == 200
        assert fetched.content.startswith(b"\x89PNG")


def test_production_with_a_bucket_uses_object_storage_and_allows_its_images():
    """MEDIA_S3_BUCKET switches uploads to the bucket and lets CSP show its images."""

    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.STORAGES['default']['BACKEND']); print(s.MEDIA_SERVED_BY_DJANGO); "
        "print(' '.join(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']))"
    )
    env = {
        **{k: v for k, v in os.environ.items() if k != "STRONGID_ALLOW_TEST_CODES"},
        **PRODUCTION_ENV,
        "MEDIA_S3_BUCKET": "polku-media",
        "MEDIA_S3_ENDPOINT_URL": "https://objects.example.fi",
    }
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    assert out[0] == "storages.backends.s3.S3Storage"
    assert out[1] == "False"
    assert "https://objects.example.fi" in out[2].split()
