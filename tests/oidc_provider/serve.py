"""Start the test provider: `python -m tests.oidc_provider.serve DB READINESS_URL [PORT]`.

Makes its tables in a new SQLite file DB (any old one is replaced), one signing key, the
client for Readiness (redirecting back to READINESS_URL) and the test people, then serves on
the loopback at PORT (by default a free one) and prints `READY <port>` once it listens.
Everything in one process: a second start-up would double the tests' wait. docs/deploy.md
shows how to try single sign-on with it on your own machine.
"""

import os
import sys

PASSWORD = "provider-pass-phrase-1"
CLIENT_ID = "readiness-test-client"
CLIENT_SECRET = "readiness-test-secret-0123456789"
# username: (e-mail, first name, last name)
PEOPLE = {
    "known": ("Known.Person@Anytown.gov.uk", "Kim", "Known"),
    "newcomer": ("newcomer@anytown.gov.uk", "Nia", "Newcomer"),
    "stranger": ("stranger@example.org", "Sam", "Stranger"),
    "unverified": ("unverified@anytown.gov.uk", "Una", "Verified"),
    "elsewhere": ("elsewhere@anytown.gov.uk", "Eli", "Where"),
}


def set_up(readiness_url: str) -> None:
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from oidc_provider.models import Client, ResponseType, RSAKey

    from .keys import new_private_pem

    call_command("migrate", run_syncdb=True, verbosity=0)
    RSAKey.objects.create(key=new_private_pem())
    code, _ = ResponseType.objects.get_or_create(
        value="code", defaults={"description": "code (Authorization Code Flow)"}
    )
    client = Client(
        name="Readiness",
        client_type="confidential",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        jwt_alg="RS256",
        require_consent=False,
        reuse_consent=True,
    )
    client.redirect_uris = [readiness_url + "/accounts/sso/callback/"]
    client.post_logout_redirect_uris = [readiness_url + "/accounts/login/"]
    client.save()
    client.response_types.add(code)
    for username, (email, first, last) in PEOPLE.items():
        User.objects.create_user(
            username, email=email, password=PASSWORD, first_name=first, last_name=last
        )


def main() -> None:
    db, readiness_url = sys.argv[1], sys.argv[2].rstrip("/")
    port = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    if os.path.exists(db):
        os.remove(db)
    os.environ["OIDC_PROVIDER_DB"] = db
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.oidc_provider.settings"
    # Apps without migrations get their tables straight from the models: quicker.
    import django
    from django.conf import settings

    settings.MIGRATION_MODULES = {
        app: None for app in ("auth", "contenttypes", "sessions", "oidc_provider")
    }
    django.setup()
    set_up(readiness_url)

    from django.core.servers.basehttp import (
        ThreadedWSGIServer,
        WSGIRequestHandler,
        get_internal_wsgi_application,
    )

    server = ThreadedWSGIServer(("127.0.0.1", port), WSGIRequestHandler)
    server.set_app(get_internal_wsgi_application())
    port = server.server_address[1]
    settings.SITE_URL = f"http://127.0.0.1:{port}"
    print(f"READY {port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
