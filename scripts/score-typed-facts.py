#!/usr/bin/python3
"""Scores the facts of each document type (the `facts` object of `eclaire extract --json`) against a corpus's truth.

  scripts/score-typed-facts.py TRUTH_DIR EXTRACT.jsonl [--half dev|test] [--errors N]

Per type: how often the type was recognised, and per fact (list positions folded: `lignes.*.montant`) the share of
documents whose value is right. Values compare without case, accents, spaces or punctuation; amounts to the cent.
A list also counts as wrong where it has more items than the truth (an invented lot or line).
"""
import argparse, collections, json, os, re, sys, unicodedata


def fold(text):
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]", "", text)


def same(truth, value):
    if value is None:
        return False
    try:
        if re.fullmatch(r"-?\d+\.\d{2}", truth):
            return round(float(value) * 100) == round(float(truth) * 100)
    except ValueError:
        return False
    return fold(truth) == fold(value)


def flatten(node, path=""):
    if isinstance(node, dict) and "value" in node and "confidence" in node:
        yield path, node["value"]
    elif isinstance(node, dict):
        for key, child in node.items():
            yield from flatten(child, "%s.%s" % (path, key) if path else key)
    elif isinstance(node, list):
        for i, child in enumerate(node):
            yield from flatten(child, "%s.%d" % (path, i))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("truth")
    parser.add_argument("extract")
    parser.add_argument("--half")
    parser.add_argument("--errors", type=int, default=0)
    args = parser.parse_args()
    read = {}
    for line in open(args.extract):
        if line.strip():
            record = json.loads(line)
            read[os.path.splitext(record["file"])[0]] = record
    typed = collections.Counter()
    docs = collections.Counter()
    right = collections.defaultdict(collections.Counter)
    errors = []
    for name in sorted(os.listdir(args.truth)):
        truth = json.load(open(os.path.join(args.truth, name)))
        if args.half and truth["half"] != args.half:
            continue
        kind = truth["type"]
        docs[kind] += 1
        record = read.get(truth["id"], {})
        if record.get("document_type") == kind:
            typed[kind] += 1
        got = dict(flatten(record.get("facts", {})))
        for path, value in truth["facts"].items():
            key = re.sub(r"\.\d+", ".*", path)
            right[kind][key + "|n"] += 1
            if same(value, got.get(path)):
                right[kind][key + "|ok"] += 1
            elif len(errors) < 10_000:
                errors.append((truth["id"], path, value, got.get(path)))
        # Invented items: an index the truth does not have.
        for path in got:
            top = path.split(".")[0]
            if re.search(r"\.\d+", path) and any(k.startswith(top + ".") for k in truth["facts"]) and path not in truth["facts"] \
                    and re.sub(r"\.\d+", ".*", path) in {re.sub(r"\.\d+", ".*", k) for k in truth["facts"]}:
                key = re.sub(r"\.\d+", ".*", path)
                right[kind][key + "|extra"] += 1
    total_ok = total_n = 0
    print("| type | documents | type recognised | fact | right |")
    print("|---|---|---|---|---|")
    for kind in docs:
        keys = sorted({k.split("|")[0] for k in right[kind]})
        first = True
        for key in keys:
            n, ok = right[kind][key + "|n"], right[kind][key + "|ok"]
            extra = right[kind][key + "|extra"]
            total_ok += ok
            total_n += n
            cells = ("%s | %d | %.2f" % (kind, docs[kind], typed[kind] / docs[kind])) if first else " | | "
            print("| %s | %s | %.2f (%d/%d)%s |" % (cells, key, ok / n, ok, n, ", %d invented" % extra if extra else ""))
            first = False
    print("\nall facts: %.3f (%d/%d)" % (total_ok / max(total_n, 1), total_ok, total_n))
    for e in errors[:args.errors]:
        print("  %s %s: truth %r, read %r" % e, file=sys.stderr)


if __name__ == "__main__":
    main()
