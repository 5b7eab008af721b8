#!/usr/bin/env python3
"""A stand-in for the AIFE attachment API, for scripts/contract-test.sh and for trying `eclaire sync` by hand.

    scripts/fake-aife.py PORT FOLDER [SECRET]

Serves, on 127.0.0.1:PORT, OAuth client credentials (client `eclaire`, secret SECRET, `s3cret` by default) and the
OData v2 answers of the real API: one EJ per file of FOLDER (EJ 1300000001, 1300000002…, received on 2025-03-01),
each file an attachment of its EJ. The Swift test suite has its own fake with faults (Tests/ChorusSyncTests)."""
import json, os, re, sys, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, folder = int(sys.argv[1]), sys.argv[2]
secret = sys.argv[3] if len(sys.argv) > 3 else "s3cret"
files = sorted(f for f in os.listdir(folder) if os.path.isfile(os.path.join(folder, f)))
received = 1740787200000  # 2025-03-01T00:00:00Z
ejs = {str(1300000001 + i): name for i, name in enumerate(files)}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, status, body, kind="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        form = urllib.parse.parse_qs(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode())
        if self.path != "/oauth/token" or form.get("client_secret") != [secret] or form.get("grant_type") != ["client_credentials"]:
            return self.answer(401, {"error": "invalid_client"})
        self.answer(200, {"access_token": "token", "token_type": "Bearer", "expires_in": 3600})

    def do_GET(self):
        if self.headers.get("Authorization") != "Bearer token":
            return self.answer(401, {"error": "invalid_token"})
        url = urllib.parse.urlparse(self.path)
        query = urllib.parse.parse_qs(url.query)
        filter_ = query.get("$filter", [""])[0]
        if url.path.endswith("/liste_ej_place"):
            rows = [{"alerte": f"EJ {ej} - Création", "num_ej": ej, "date_reception": f"/Date({received})/",
                     "pur_org": "ORG1", "pur_group": "G01"} for ej in ejs]
            return self.answer(200, {"d": {"results": rows}})
        if url.path.endswith("/pieces_jointes_metadata"):
            ej = (re.search(r"num_ej eq '([^']*)'", filter_) or [None, None])[1]
            name = ejs.get(ej)
            rows = [] if name is None else [{"id_pj": f"PJ-{ej}", "nom_pj": name, "num_ej": ej,
                                             "size_pj": str(os.path.getsize(os.path.join(folder, name))),
                                             "date_pj": f"/Date({received})/"}]
            return self.answer(200, {"d": {"results": rows}})
        match = re.search(r"pieces_jointes_data\('PJ-([^']*)'\)/\$value$", urllib.parse.unquote(url.path))
        if match and match[1] in ejs:
            with open(os.path.join(folder, ejs[match[1]]), "rb") as f:
                return self.answer(200, f.read(), "application/octet-stream")
        self.answer(404, {"error": "not found"})


ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
