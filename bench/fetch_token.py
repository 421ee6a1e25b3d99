"""Fetch an OAuth 2.0 access token with the client-credentials grant.

A baseline for bench/run.sh: the short standard-library script that users
write instead of installing ezeep-token. It sends the same request as
ezeep-token and prints the access token.

The client id, secret and token URL come from EZEEP_CLIENT_ID,
EZEEP_CLIENT_SECRET and EZEEP_TOKEN_URL. Proxy environment variables are
ignored, so the request always goes straight to the token URL.
"""

import base64
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request


def main() -> int:
    try:
        client_id = os.environ["EZEEP_CLIENT_ID"]
        client_secret = os.environ["EZEEP_CLIENT_SECRET"]
        token_url = os.environ["EZEEP_TOKEN_URL"]
    except KeyError as error:
        print(f"fetch_token.py: error: {error.args[0]} is not set", file=sys.stderr)
        return 78

    # RFC 6749 section 2.3.1: percent-encode the id and the secret before
    # base64. quote() keeps exactly the unreserved characters A-Za-z0-9-._~.
    pair = f"{urllib.parse.quote(client_id, safe='')}:{urllib.parse.quote(client_secret, safe='')}"
    request = urllib.request.Request(
        token_url,
        data=b"grant_type=client_credentials&scope=printing",
        headers={
            "Authorization": "Basic " + base64.b64encode(pair.encode()).decode(),
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
        },
        method="POST",
    )
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=30) as response:
            reply = json.load(response)
    except (urllib.error.URLError, OSError, ValueError) as error:
        print(f"fetch_token.py: error: token request to {token_url} failed: {error}", file=sys.stderr)
        return 75

    token = reply.get("access_token") if isinstance(reply, dict) else None
    if not isinstance(token, str) or not token:
        print(f"fetch_token.py: error: no access_token in the reply from {token_url}", file=sys.stderr)
        return 76
    print(token)
    return 0


if __name__ == "__main__":
    sys.exit(main())
