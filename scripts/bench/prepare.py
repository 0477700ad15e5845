#!/usr/bin/env python3
"""What the bench needs before wrk starts, and the one series wrk cannot do.

  prepare.py users                 bench users in Keycloak (created once, through its admin API)
  prepare.py tokens DIR            one token per line per class of caller: DIR/tokens-<class>.txt
  prepare.py data DIR [--cert N] [--subsidy N]
                                   the bench enterprise and its listing, N submitted certification
                                   applications and N subsidy applications (ids, one per line),
                                   listing-detail paths, a bank batch of 1,000 codes, request bodies
  prepare.py race URL N AFFORD DIR N concurrent subsidy approvals through URL on one program whose
                                   budget affords AFFORD of them; prints the statuses as JSON
  prepare.py logins DIR            DIR/body-logins.txt: a password-grant form per bench user (one a line)
  prepare.py unlock                clears Keycloak's brute-force record of every user (a login series
                                   counts concurrent logins of one user against them)
  prepare.py cleanup DIR           withdraws the bench enterprise's applications still in review
  prepare.py versions              versions of the running portal's parts, as JSON

Preparation talks to the services directly (not through a gateway, whose rate limits would slow
it down). Only the Python standard library is used.
"""
import concurrent.futures
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid


def port(name, default):
    return os.environ.get(name, default)


KEYCLOAK = f"http://127.0.0.1:{port('GP_KC_PORT', '8180')}"
REALM = f"{KEYCLOAK}/realms/greenportal"
ADMIN = f"{KEYCLOAK}/admin/realms/greenportal"
REGISTRY = f"http://127.0.0.1:{port('GP_REGISTRY_PORT', '8081')}/api/v1/registry"
CERTIFICATION = f"http://127.0.0.1:{port('GP_CERTIFICATION_PORT', '8082')}/api/v1/certification"
INCENTIVES = f"http://127.0.0.1:{port('GP_INCENTIVE_PORT', '8083')}/api/v1/incentives"
PUBLICITY = f"http://127.0.0.1:{port('GP_PUBLICITY_PORT', '8084')}/api/v1/public"
PASSWORD = "greenportal-dev"

# The bench's own enterprise, so its applications never crowd the demo enterprises' lists.
# A synthetic credit code (valid check character), in Yinchuan so the municipal reviewers of 640100 see it.
BENCH_NAME = "宁夏基准测试企业有限公司"
BENCH_REGION = "640104"

# Bench users: several per class, because the gateway limits each authenticated user to 20/s.
USERS = {
    "ent": ("enterprise", None),          # uscc attribute added below
    "city": ("reviewer-municipal", {"city_code": ["640100"]}),
    "prov": ("reviewer-provincial", None),
}
USERS_PER_CLASS = 8

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc(first17):
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return first17 + USCC_ALPHABET[(31 - total % 31) % 31]


BENCH_USCC = uscc("91640104MA7BENCH0")


class HttpError(Exception):
    def __init__(self, status, body):
        super().__init__(f"HTTP {status}: {body[:300]}")
        self.status = status
        self.body = body


def call(method, url, token=None, body=None, form=None, headers=None, raw=None, content_type=None):
    data, hdrs = None, dict(headers or {})
    if token:
        hdrs["Authorization"] = f"Bearer {token}"
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        hdrs["Content-Type"] = "application/x-www-form-urlencoded"
    elif body is not None:
        data = json.dumps(body, ensure_ascii=False).encode()
        hdrs["Content-Type"] = "application/json"
    elif raw is not None:
        data = raw
        hdrs["Content-Type"] = content_type
    request = urllib.request.Request(url, data=data, method=method, headers=hdrs)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            text = response.read().decode()
            return response.status, (json.loads(text) if text.strip().startswith(("{", "[")) else text)
    except urllib.error.HTTPError as e:
        raise HttpError(e.code, e.read().decode(errors="replace")) from None


def password_token(username):
    return call("POST", f"{REALM}/protocol/openid-connect/token",
                form={"grant_type": "password", "client_id": "portal-cli", "username": username,
                      "password": PASSWORD})[1]["access_token"]


def client_token(client, secret):
    return call("POST", f"{REALM}/protocol/openid-connect/token",
                form={"grant_type": "client_credentials", "client_id": client, "client_secret": secret})[1]["access_token"]


def admin_token():
    user = os.environ.get("GP_KC_ADMIN", "admin")
    password = os.environ.get("GP_KC_ADMIN_PASSWORD", "admin")
    return call("POST", f"{KEYCLOAK}/realms/master/protocol/openid-connect/token",
                form={"grant_type": "password", "client_id": "admin-cli", "username": user,
                      "password": password})[1]["access_token"]


def bench_users():
    for cls in USERS:
        for i in range(1, USERS_PER_CLASS + 1):
            yield cls, f"bench-{cls}-{i}"


def cmd_users():
    token = admin_token()
    created = 0
    for cls, name in bench_users():
        role, attributes = USERS[cls]
        if cls == "ent":
            attributes = {"uscc": [BENCH_USCC]}
        if call("GET", f"{ADMIN}/users?exact=true&username={name}", token)[1]:
            continue
        # the same fields the demo users have: a complete profile, so the password grant works at once
        call("POST", f"{ADMIN}/users", token, {
            "username": name, "enabled": True, "email": f"{name}@bench.greenportal.local", "emailVerified": True,
            "firstName": "压测", "lastName": name, "attributes": attributes or {},
            "credentials": [{"type": "password", "value": PASSWORD, "temporary": False}]})
        user_id = call("GET", f"{ADMIN}/users?exact=true&username={name}", token)[1][0]["id"]
        role_rep = call("GET", f"{ADMIN}/roles/{role}", token)[1]
        call("POST", f"{ADMIN}/users/{user_id}/role-mappings/realm", token, [role_rep])
        created += 1
    print(f"bench users: {created} created, {USERS_PER_CLASS * len(USERS) - created} already there")


def cmd_tokens(directory):
    os.makedirs(directory, exist_ok=True)
    users = [name for _, name in bench_users()] + ["ent-a", "admin", "eval-a"]
    tokens = dict(zip(users, parallel(password_token, users)))
    classes = {cls: [tokens[name] for c, name in bench_users() if c == cls] for cls in USERS}
    classes["ent-a"] = [tokens["ent-a"]]
    classes["admin"] = [tokens["admin"]]
    classes["eval"] = [tokens["eval-a"]]
    classes["bank"] = [client_token("bank-a", "bank-a-dev-secret"), client_token("bank-b", "bank-b-dev-secret")]
    for cls, tokens in classes.items():
        with open(os.path.join(directory, f"tokens-{cls}.txt"), "w") as f:
            f.write("\n".join(tokens) + "\n")


def first_line(directory, cls):
    with open(os.path.join(directory, f"tokens-{cls}.txt")) as f:
        return f.readline().strip()


def parallel(function, items, workers=6):
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        return list(pool.map(function, items))


def bench_listing(admin):
    """The bench enterprise's ACTIVE listing (registered once: the idempotency key is fixed)."""
    status, listing = call("POST", f"{REGISTRY}/listings", admin, {
        "type": "GREEN_FACTORY", "level": "MUNICIPAL", "year": 2025, "batch": "压测",
        "enterprise": {"uscc": BENCH_USCC, "name": BENCH_NAME, "regionCode": BENCH_REGION, "industryCode": "C30"},
        "subject": {"siteName": "基准测试厂区", "evaluationStandard": "GB/T 36132-2018 绿色工厂评价通则"}},
        headers={"Idempotency-Key": "bench-enterprise-listing-1"})
    return listing["id"]


def shanghai(seconds_from_now):
    return time.strftime("%Y-%m-%dT%H:%M:%S+08:00", time.gmtime(time.time() + 8 * 3600 + seconds_from_now))


def new_batch(admin):
    """A green-factory batch of the bench's own, open since yesterday."""
    return call("POST", f"{CERTIFICATION}/batches", admin, {
        "name": "压测申报批次（基准测试）", "year": int(shanghai(0)[:4]), "types": ["GREEN_FACTORY"],
        "opensAt": shanghai(-86400), "deadline": shanghai(30 * 86400), "publicityDays": 5, "passMark": 70,
        "minExperts": 3})[1]["id"]


def open_batch(token, admin):
    """An open batch for green factories: the demo data's, else one the bench opens."""
    status, batches = call("GET", f"{CERTIFICATION}/batches", token)
    items = batches["items"] if isinstance(batches, dict) else batches
    for batch in items:
        if "GREEN_FACTORY" in batch.get("types", []):
            return batch["id"]
    return new_batch(admin)


# One body confirms at most a batch's cap of engagements (1 to 1,000): the applications the bench
# submits are spread over batches of its own, each with the highest cap.
EVALUATION_CAP_MAX = 1000


def evaluation_batches(admin, count):
    """One bench batch per EVALUATION_CAP_MAX applications, its cap raised to that."""
    batches = []
    for _ in range((count + EVALUATION_CAP_MAX - 1) // EVALUATION_CAP_MAX):
        batch_id = new_batch(admin)
        call("PUT", f"{CERTIFICATION}/batches/{batch_id}/evaluation-cap", admin, {"cap": EVALUATION_CAP_MAX})
        batches.append(batch_id)
    return batches


# The demo evaluation body of the demo user eval-a (keycloak/greenportal-realm.json, evaluation_body).
EVALUATION_BODY = "91640100MA76E0001Y"
GB_T_36132_SCORES = {aspect: 85 for aspect in (
    "BASIC_REQUIREMENTS", "INFRASTRUCTURE", "MANAGEMENT_SYSTEM", "ENERGY_RESOURCE_INPUT", "PRODUCTS",
    "ENVIRONMENTAL_EMISSIONS", "PERFORMANCE")}


def evaluation_body_id():
    bodies = call("GET", f"{CERTIFICATION}/public/evaluation-bodies?size=200")[1]["items"]
    for body in bodies:
        if body["creditCode"] == EVALUATION_BODY:
            return body["id"]
    raise SystemExit(f"the demo evaluation body {EVALUATION_BODY} is not registered (demo data)")


def draft(batch_id, site="基准测试厂区"):
    return {
        "batchId": batch_id, "type": "GREEN_FACTORY", "enterpriseName": BENCH_NAME, "regionCode": BENCH_REGION,
        "industryCode": "C30",
        "subject": {"siteName": site, "evaluationStandard": "GB/T 36132-2018 绿色工厂评价通则"},
        "selfScore": 86.5,
        "indicators": [
            {"code": "ENERGY_PER_VALUE_ADDED", "value": "0.412", "unit": "tce/万元"},
            {"code": "WATER_PER_VALUE_ADDED", "value": "6.85", "unit": "m³/万元"},
            {"code": "SOLID_WASTE_UTILISATION", "value": "93.6", "unit": "%"},
            {"code": "WATER_REUSE_RATE", "value": "95.2", "unit": "%"}],
        "evaluationBody": "宁夏节能低碳评价中心", "evaluationReport": "BENCH-2025-0001 绿色工厂第三方评价报告"}


PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def submitted_application(token, evaluator, body_id, batch_id):
    """A draft evaluated by eval-a's body (engaged, confirmed, report uploaded), submitted: it waits in
    municipal review (640100). Each names a site of its own: one designation is applied for once at a time."""
    site = f"基准测试厂区 {uuid.uuid4().hex[:8]}"
    status, application = call("POST", f"{CERTIFICATION}/applications", token, draft(batch_id, site))
    url = f"{CERTIFICATION}/applications/{application['id']}"
    call("PUT", f"{url}/engagement", token, {"bodyId": body_id})
    call("POST", f"{url}/engagement/confirmation", evaluator, raw=b"", content_type="application/json")
    boundary = uuid.uuid4().hex
    report = {"reportNumber": f"BENCH-{application['id'][:8]}", "scores": GB_T_36132_SCORES, "totalScore": 85}
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.pdf\"\r\n"
            f"Content-Type: application/pdf\r\n\r\n").encode() + PDF + (
            f"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"report\"\r\n"
            f"Content-Type: application/json\r\n\r\n{json.dumps(report)}\r\n--{boundary}--\r\n").encode()
    call("POST", f"{url}/engagement/report", evaluator, raw=body, content_type=f"multipart/form-data; boundary={boundary}")
    call("POST", f"{url}/submit", token, {"comment": "压测"})
    return application["id"]


def program(admin, budget, code_prefix):
    closes = shanghai(365 * 86400)
    return call("POST", f"{INCENTIVES}/programs", admin, {
        "code": f"{code_prefix}-{uuid.uuid4().hex[:8].upper()}", "name": "压测技改资金（基准测试）", "kind": "RETROFIT",
        "description": "created by ./portal bench", "opensAt": "2025-01-01T00:00:00+08:00", "closesAt": closes,
        "budget": budget, "eligibility": {"regions": ["640000"]},
        "amountRule": {"share": "0.10", "cap": "25000000.00"}})[1]["id"]


def subsidy_applications(token, program_id, listing_id, count):
    def apply(i):
        return call("POST", f"{INCENTIVES}/subsidy-applications", token, {
            "programId": program_id, "listingId": listing_id,
            "project": {"name": f"压测节能改造项目 {i + 1}", "content": "基准测试", "totalInvestment": "1000000.00"}})[1]["id"]
    return parallel(apply, range(count))


def write_lines(path, lines):
    with open(path, "w") as f:
        f.write("".join(f"{line}\n" for line in lines))


def cmd_data(directory, cert, subsidy):
    admin = first_line(directory, "admin")
    ent = first_line(directory, "ent")
    listing_id = bench_listing(admin)
    batch_id = open_batch(ent, admin)
    with open(os.path.join(directory, "body-application.json"), "w") as f:
        json.dump(draft(batch_id), f, ensure_ascii=False)
    with open(os.path.join(directory, "body-review.json"), "w") as f:
        json.dump({"decision": "APPROVE", "comment": "材料齐全，同意上报（压测）"}, f, ensure_ascii=False)
    with open(os.path.join(directory, "body-approval.json"), "w") as f:
        json.dump({"amount": "1000.00", "comment": "同意（压测）"}, f, ensure_ascii=False)

    # every public listing, for the listing-detail requests; and a bank's portfolio of 1,000 codes:
    # every credit code of the demo data, the rest synthetic (valid, mostly unknown to the registry)
    listings = call("GET", f"{PUBLICITY}/export.json")[1]
    write_lines(os.path.join(directory, "paths-listing.txt"), [f"/api/v1/public/listings/{x['id']}" for x in listings])
    codes = sorted({x["uscc"] for x in listings})
    n = 0
    while len(codes) < 1000:
        codes.append(uscc(f"91640100MA7{n:06d}"))
        n += 1
    with open(os.path.join(directory, "body-batch.json"), "w") as f:
        json.dump({"usccs": codes[:1000]}, f)

    started = time.time()
    evaluator, body_id = first_line(directory, "eval"), evaluation_body_id()
    batches = evaluation_batches(admin, cert)
    ids = parallel(lambda i: submitted_application(ent, evaluator, body_id, batches[i // EVALUATION_CAP_MAX]),
                   range(cert))
    write_lines(os.path.join(directory, "ids-review.txt"), ids)
    program_id = program(admin, "1000000000.00", "BENCH")
    write_lines(os.path.join(directory, "ids-subsidy.txt"), subsidy_applications(ent, program_id, listing_id, subsidy))
    print(f"prepared {cert} certification applications in municipal review and {subsidy} subsidy applications "
          f"in {time.time() - started:.0f} s")


def cmd_race(url, count, afford, directory):
    admin, ent, reviewer = (first_line(directory, c) for c in ("admin", "ent", "prov"))
    program_id = program(admin, f"{afford * 100000}.00", "BENCH-RACE")
    ids = subsidy_applications(ent, program_id, bench_listing(admin), count)
    start = threading.Barrier(count)

    def approve(application_id):
        start.wait()
        try:
            return call("POST", f"{url}/api/v1/incentives/subsidy-applications/{application_id}/approval", reviewer,
                        {"amount": "100000.00", "comment": "同意（并发压测）"})[0]
        except HttpError as e:
            return e.status
        except OSError:
            return 0

    with concurrent.futures.ThreadPoolExecutor(count) as pool:
        statuses = list(pool.map(approve, ids))
    committed = call("GET", f"{INCENTIVES}/programs/{program_id}", admin)[1]["committed"]
    counts = {}
    for s in statuses:
        counts[str(s)] = counts.get(str(s), 0) + 1
    print(json.dumps({"approvals": count, "affordable": afford, "statuses": counts,
                      "committed": str(committed), "budget": f"{afford * 100000}.00"}))


def cmd_cleanup(directory):
    ent = first_line(directory, "ent")
    ids, page = [], 0
    while True:
        result = call("GET", f"{CERTIFICATION}/applications?state=MUNICIPAL_REVIEW&state=PROVINCIAL_REVIEW"
                             f"&state=SUBMITTED&page={page}&size=200", ent)[1]
        ids += [a["id"] for a in result["items"]]
        if (page + 1) * 200 >= result["total"]:
            break
        page += 1

    def withdraw(application_id):
        try:
            call("POST", f"{CERTIFICATION}/applications/{application_id}/withdraw", ent, {"comment": "压测结束"})
        except HttpError:
            pass
    parallel(withdraw, ids)
    print(f"withdrew {len(ids)} bench applications still in review")


def cmd_logins(directory):
    write_lines(os.path.join(directory, "body-logins.txt"), [
        urllib.parse.urlencode({"grant_type": "password", "client_id": "portal-cli", "username": name,
                                "password": PASSWORD}) for _, name in bench_users()])


def cmd_unlock():
    call("DELETE", f"{ADMIN}/attack-detection/brute-force/users", admin_token())


def cmd_versions():
    versions = {}
    try:
        info = call("GET", f"{KEYCLOAK}/admin/serverinfo", admin_token())[1]
        versions["keycloak"] = info["systemInfo"]["version"]
    except Exception as e:  # the doc says "unknown" rather than failing the bench
        versions["keycloak"] = f"unknown ({e})"
    try:
        nodes = call("GET", f"{os.environ.get('GP_ES_URL', 'http://127.0.0.1:9200')}/_nodes?filter_path=nodes.*.version")[1]
        versions["elasticsearch"] = next(iter(nodes["nodes"].values()))["version"]
    except Exception as e:
        versions["elasticsearch"] = f"unknown ({e})"
    built = []
    for name, url in (("registry", REGISTRY), ("certification", CERTIFICATION), ("incentive", INCENTIVES),
                      ("publicity", PUBLICITY)):
        try:
            info = call("GET", url.split("/api/")[0] + "/actuator/info")[1]
            built.append(f"{name} {info['build']['time'][:16]}")
        except Exception:
            built.append(f"{name} unknown")
    versions["services_built"] = ", ".join(built)
    print(json.dumps(versions))


def main(args):
    if not args:
        sys.exit(__doc__)
    command, rest = args[0], args[1:]
    if command == "users":
        cmd_users()
    elif command == "tokens":
        cmd_tokens(rest[0])
    elif command == "data":
        options = dict(zip(rest[1::2], rest[2::2]))
        cmd_data(rest[0], int(options.get("--cert", 0)), int(options.get("--subsidy", 0)))
    elif command == "race":
        cmd_race(rest[0], int(rest[1]), int(rest[2]), rest[3])
    elif command == "logins":
        cmd_logins(rest[0])
    elif command == "unlock":
        cmd_unlock()
    elif command == "cleanup":
        cmd_cleanup(rest[0])
    elif command == "versions":
        cmd_versions()
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
