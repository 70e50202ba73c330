from django.urls import path

from . import views

app_name = "referrals"

# Codes are letters and digits: `slug` keeps a NUL byte or a quote from ever
# reaching the database (a 404 from the resolver instead of a 500).

# Under i18n_patterns: the landing page in the path's language.
urlpatterns = [path("<slug:code>/", views.landing, name="landing")]

# At the root: the short address printed in the QR code.
root_urlpatterns = [path("r/<slug:code>", views.short_link, name="short")]

admin_urlpatterns = [
    path("referrals/", views.paths_for_staff, name="paths"),
    path("referrals/numbers/", views.numbers, name="numbers"),
    path("referrals/<slug:code>/", views.link_detail, name="link"),
    path("referrals/<slug:code>/qr.png", views.qr_png, name="qr_png"),
    path("referrals/<slug:code>/qr.svg", views.qr_svg, name="qr_svg"),
    path("referrals/<slug:code>/poster/", views.poster, name="poster"),
]
