"""Signed, expiring links to the upload page, each bound to one application.

The token is the application id signed with the app's secret key and a timestamp (itsdangerous,
which Flask already depends on), so a link cannot be forged or redirected to another application,
and it stops working after ``LINK_HOURS``.
"""
from __future__ import annotations

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

LINK_HOURS = 24
_SALT = "upload-link"


class UploadLinks:
    def __init__(self, secret_key: str, public_url: str) -> None:
        self.serializer = URLSafeTimedSerializer(secret_key, salt=_SALT)
        self.public_url = public_url.rstrip("/")

    def token_for(self, application_id: str) -> str:
        return self.serializer.dumps(application_id)

    def url_for(self, application_id: str) -> str:
        return f"{self.public_url}/upload/{self.token_for(application_id)}"

    def application_of(self, token: str) -> str | None:
        """The application a token opens, or None when it is forged or expired."""
        try:
            return self.serializer.loads(token, max_age=LINK_HOURS * 3600)
        except (BadSignature, SignatureExpired):
            return None
