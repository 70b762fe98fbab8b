"""The web server's entry point (gunicorn, and runserver through WSGI_APPLICATION)."""

import os

from django.core.wsgi import get_wsgi_application

from readiness.lib.deploy import refuse_unsafe_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "readiness.settings")
refuse_unsafe_secret_key()
application = get_wsgi_application()
