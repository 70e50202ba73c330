"""What every app's demo loader shares (`load_demo` runs the loaders)."""

# The languages the demo content (each app's demo_content/*.yaml) is written
# in: a site with another content language gets the demo in these three.
LANGUAGES = ("fi", "sv", "en")
