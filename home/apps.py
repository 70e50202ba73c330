from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and content pages"
    demo_content = "home.demo.load"
