"""Schemathesis hooks for scripts/contract-fuzz.sh (loaded through SCHEMATHESIS_HOOKS).

Generated Idempotency-Key values repeat ("0", "00", ...). A repeated key with the same body is
replayed by design, so a replayed 201 can name a product deleted since, which schemathesis
would report as "created resource not found", and two workers sending one key at once meet the
documented 409 in flight. Well-formed keys are made unique per request; malformed ones (empty,
too long) are left alone so their rejection is still tested. Replays are proved by the Swift
tests, not here."""
import itertools

import schemathesis

_sequence = itertools.count()


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    headers = case.headers
    if not headers:
        return
    key = headers.get("Idempotency-Key")
    if isinstance(key, str) and 1 <= len(key) <= 200:
        headers["Idempotency-Key"] = f"{key}~{next(_sequence)}"
