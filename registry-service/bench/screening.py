#!/usr/bin/env python3
"""Screens a 100,000-row portfolio through the gateway and times it (docs/benchmarks/screening.md).

    python3 registry-service/bench/screening.py [--gateway http://127.0.0.1:8080] [--rows 100000]

Standard library only. As bank-a (client credentials, the local portal's dev secret) it reads the
registry's listings, writes a portfolio (UTF-8 CSV): 40 % credit codes of registered firms, 40 % their
names spelled another way (no legal form, traditional characters, full-width brackets, region in
full), 20 % names of firms that are not registered; uploads it, polls the job's progress every
second and downloads the results (CSV). Prints the time of each step and the job's counts.
"""
import argparse
import json
import os
import random
import time
import urllib.parse
import urllib.request

TRADITIONAL = str.maketrans("宁夏银川石嘴山吴忠卫县区市业农乐东兴华发电纸药乳钢铝硅新型建材化工", "寧夏銀川石嘴山吳忠衛縣區市業農樂東興華發電紙藥乳鋼鋁矽新型建材化工")


def token(keycloak):
    body = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": "bank-a",
                                   "client_secret": os.environ.get("BANK_A_SECRET", "bank-a-dev-secret")}).encode()
    with urllib.request.urlopen(keycloak + "/realms/greenportal/protocol/openid-connect/token", body) as r:
        return json.load(r)["access_token"]


def call(method, url, bearer, body=None, content_type=None):
    request = urllib.request.Request(url, data=body, method=method, headers={"Authorization": "Bearer " + bearer})
    if content_type:
        request.add_header("Content-Type", content_type)
    with urllib.request.urlopen(request, timeout=600) as r:
        return r.status, r.read()


def firms(gateway, bearer):
    seen = {}
    page = 0
    while True:
        _, body = call("GET", f"{gateway}/api/v1/registry/listings?size=200&page={page}", bearer)
        answer = json.loads(body)
        for listing in answer["items"]:
            seen[listing["enterprise"]["uscc"]] = listing["enterprise"]["name"]
        if (page + 1) * 200 >= answer["total"]:
            return list(seen.items())
        page += 1


def variant(name, rnd):
    rule = rnd.randrange(4)
    if rule == 0:
        return name.replace("股份有限公司", "").replace("有限责任公司", "").replace("有限公司", "")
    if rule == 1:
        return name.translate(TRADITIONAL)
    if rule == 2 and name.startswith("宁夏"):
        return name[2:].replace("有限公司", "（宁夏）有限公司", 1)
    return name.replace("宁夏", "宁夏回族自治区", 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gateway", default="http://127.0.0.1:" + os.environ.get("GP_GATEWAY_PORT", "8080"))
    parser.add_argument("--keycloak", default="http://127.0.0.1:" + os.environ.get("GP_KC_PORT", "8180"))
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    rnd = random.Random(16)
    bearer = token(args.keycloak)
    registered = firms(args.gateway, bearer)
    lines = ["统一社会信用代码,企业名称,客户编号"]
    for i in range(args.rows):
        uscc, name = registered[rnd.randrange(len(registered))]
        kind = rnd.random()
        if kind < 0.4:
            lines.append(f"{uscc},,LOAN-{i:06d}")
        elif kind < 0.8:
            lines.append(f",{variant(name, rnd)},LOAN-{i:06d}")
        else:
            lines.append(f",宁夏{rnd.choice('银河东方华夏北辰永安兴盛宏达正泰润丰嘉禾')}{rnd.randrange(1000)}贸易有限公司,LOAN-{i:06d}")
    portfolio = ("\n".join(lines) + "\n").encode()
    boundary = "bench-boundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"portfolio.csv\"\r\n"
            f"Content-Type: text/csv\r\n\r\n").encode() + portfolio + f"\r\n--{boundary}--\r\n".encode()
    print(f"portfolio: {args.rows} rows, {len(portfolio):,} bytes, {len(registered)} registered firms to draw from")

    bearer = token(args.keycloak)
    start = time.monotonic()
    status, answer = call("POST", f"{args.gateway}/api/v1/registry/screenings", bearer, body,
                          "multipart/form-data; boundary=" + boundary)
    job = json.loads(answer)
    accepted = time.monotonic() - start
    print(f"upload and parse: {status} in {accepted:.2f} s, job {job['id']}")
    while True:
        time.sleep(1)
        _, answer = call("GET", f"{args.gateway}/api/v1/registry/screenings/{job['id']}", bearer)
        job = json.loads(answer)
        print(f"  {time.monotonic() - start:6.1f} s  {job['status']:8s} {job['progressPercent']:3d} %  {job['rowsDone']} rows")
        if job["status"] in ("DONE", "FAILED"):
            break
    done = time.monotonic() - start
    start_download = time.monotonic()
    _, results = call("GET", f"{args.gateway}/api/v1/registry/screenings/{job['id']}/results?format=csv", bearer)
    download = time.monotonic() - start_download
    print(f"job {job['status']} after {done:.1f} s (from the upload); matched {job['matched']}, "
          f"candidates {job['candidates']}, no match {job['noMatch']}")
    print(f"results download: {len(results):,} bytes in {download:.2f} s; upload to results in hand: {done + download:.1f} s")
    try:
        print(f"load average: {os.getloadavg()[0]:.1f}")
    except OSError:
        pass


if __name__ == "__main__":
    main()
