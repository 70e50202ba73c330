from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView, TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views import sign_out
from home.sitemaps import AllLanguagesSitemap
from referrals.urls import root_urlpatterns as referrals_root_urls

from . import media
from .health import healthz, livez, readyz

LOGIN = "account_login"

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("livez/", livez, name="livez"),
    path("readyz/", readyz, name="readyz"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": AllLanguagesSitemap}},
        name="sitemap",
    ),
    # Every password form into the admin goes through allauth (and its MFA):
    # Wagtail's and Django's own login views stay unreachable.
    path("admin/login/", RedirectView.as_view(pattern_name=LOGIN, query_string=True)),
    path(
        "django-admin/login/",
        RedirectView.as_view(pattern_name=LOGIN, query_string=True),
    ),
    path("_util/login/", RedirectView.as_view(pattern_name=LOGIN, query_string=True)),
    path("accounts/sign-out/", sign_out, name="sign_out"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("core.urls")),
    path("", include((referrals_root_urls, "referrals_root"))),
]

if settings.MEDIA_SERVED_BY_DJANGO:
    urlpatterns += media.urlpatterns()

urlpatterns += i18n_patterns(
    path("_util/login/", RedirectView.as_view(pattern_name=LOGIN, query_string=True)),
    path("search/", include("search.urls")),
    path("municipality/", include("directory.urls")),
    path(_("identify/"), include("accounts.urls")),
    path("r/", include("referrals.urls")),
    path("reminders/", include("reminders.urls")),
    path("", include("progress.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# Django's own 400 page is English and renders without the request.
handler400 = "core.views.bad_request"
