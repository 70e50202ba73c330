from django.urls import path

from . import views

# Under i18n_patterns: the landing page in the path's language.
urlpatterns = [path("<str:code>/", views.landing, name="referral_landing")]

# At the root: the short address printed in the QR code.
root_urlpatterns = [path("r/<str:code>", views.short_link, name="referral_short")]

admin_urlpatterns = [
    path("referrals/", views.paths_for_staff, name="referrals_paths"),
    path("referrals/numbers/", views.numbers, name="referrals_numbers"),
    path("referrals/<str:code>/", views.link_detail, name="referrals_link"),
    path("referrals/<str:code>/qr.png", views.qr_png, name="referrals_qr_png"),
    path("referrals/<str:code>/qr.svg", views.qr_svg, name="referrals_qr_svg"),
    path("referrals/<str:code>/poster/", views.poster, name="referrals_poster"),
]
