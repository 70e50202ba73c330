"""The claims of an ID token, and the ways a test may ask for them broken."""

import datetime
import hashlib
import secrets
import time

from stdnum.fi import hetu as hetu_codes

LOA2 = "http://ftn.ficora.fi/2017/loa2"
LOA3 = "http://ftn.ficora.fi/2017/loa3"
BROKEN_CHOICES = {
    "": "Valid token",
    "expired": "Expired ID token",
    "wrong_aud": "Wrong audience (aud)",
    "wrong_iss": "Wrong issuer (iss)",
    "wrong_nonce": "Wrong nonce",
    "no_nonce": "Missing nonce",
    "wrong_acr": "Wrong acr (test assurance)",
    "no_acr": "No acr claim",
    "no_hetu": "No personal identity code claim",
    "birthdate_mismatch": "birthdate disagrees with the code",
    "bad_signature": "Signed with an unknown key",
    "hs256": "Signed with HS256 and the client secret (algorithm not pinned)",
    "old_auth_time": "auth_time an hour ago (no fresh login)",
    "no_auth_time": "No auth_time claim",
    "jwe_wrong_iss": "FTN: another issuer in the JWE header",
    "jwe_wrong_aud": "FTN: another audience in the JWE header",
    "error": "Error response at the token endpoint",
}


class Claims:
    """The ID token's claims for a grant (a mixin of `Provider`)."""

    def claims_for(self, grant):
        now = int(time.time())
        code = grant["hetu"]
        broken = grant.get("broken", "")
        claims = {
            "iss": self.issuer,
            "sub": hashlib.sha256(f"testidp:{code}".encode()).hexdigest()[:32],
            "aud": grant["client_id"],
            "iat": now,
            "exp": now + 300,
            "auth_time": int(grant.get("auth_time") or now),
            "acr": grant.get("acr") or LOA2,
            "name": "Testi Nuori",
            "given_name": "Testi",
            "family_name": "Nuori",
        }
        if grant.get("nonce"):
            claims["nonce"] = grant["nonce"]
        if code:
            claims[self.hetu_claim] = code
            try:
                birth = hetu_codes.compact(code)
                if hetu_codes.is_valid(code, allow_temporary=True):
                    claims["birthdate"] = _birthdate(birth).isoformat()
            except Exception:  # noqa: BLE001 - invalid codes are a test case too
                pass
        if broken == "expired":
            claims["iat"], claims["exp"] = now - 3600, now - 1800
        elif broken == "wrong_aud":
            claims["aud"] = "someone-else"
        elif broken == "wrong_iss":
            claims["iss"] = "https://evil.example"
        elif broken == "wrong_nonce":
            claims["nonce"] = secrets.token_urlsafe(16)
        elif broken == "no_nonce":
            claims.pop("nonce", None)
        elif broken == "wrong_acr":
            claims["acr"] = "urn:oid:1.2.246.517.3002.110.999"
        elif broken == "no_acr":
            claims.pop("acr", None)
        elif broken == "no_hetu":
            claims.pop(self.hetu_claim, None)
        elif broken == "birthdate_mismatch" and "birthdate" in claims:
            claims["birthdate"] = "1990-01-01"
        elif broken == "old_auth_time":
            claims["auth_time"] = now - 3600
        elif broken == "no_auth_time":
            claims.pop("auth_time")
        return claims


def _birthdate(compact):
    century = {"+": 1800, "-": 1900, "A": 2000}
    sign = compact[6]
    base = century.get(sign, 1900 if sign in "YXWVU" else 2000)
    return datetime.date(base + int(compact[4:6]), int(compact[2:4]), int(compact[0:2]))
