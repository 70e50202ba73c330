"""Uploaded images on the portal's own disk (one host, compose's media volume).

Wagtail keeps originals in original_images/ and renditions in images/; the
public pages link both under MEDIA_URL. Django serves them here (whitenoise
serves only static files, which are known at build time). A rendition's name
changes whenever its image does, so it may be cached for a long time.
Documents are not served from here: they go through Wagtail's document view,
which checks privacy and sends them as attachments. With object storage
(MEDIA_STORAGE=s3) the bucket serves media and this view is not routed.
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve


def serve_image(request, path):
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def urlpatterns():
    prefix = settings.MEDIA_URL.strip("/")
    return [
        re_path(
            rf"^{prefix}/(?P<path>(?:original_images|images)/[^/]+)$",
            serve_image,
            name="media_image",
        )
    ]
