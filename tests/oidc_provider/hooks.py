"""The provider's claims for its test people, and the one person whose tokens it issues for
another application (to prove that Readiness refuses them)."""

# Usernames at the provider whose address the provider has not verified, or whose ID token
# names another client as its audience.
UNVERIFIED = "unverified"
OTHER_AUDIENCE = "elsewhere"


def userinfo(claims: dict, user) -> dict:
    claims["email"] = user.email
    claims["email_verified"] = user.username != UNVERIFIED
    claims["given_name"] = user.first_name
    claims["family_name"] = user.last_name
    claims["name"] = f"{user.first_name} {user.last_name}".strip()
    return claims


def idtoken(id_token: dict, user, **kwargs) -> dict:
    if user.username == OTHER_AUDIENCE:
        id_token["aud"] = "some-other-application"
    return id_token
