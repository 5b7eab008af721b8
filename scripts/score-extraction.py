#!/usr/bin/env python3
"""Scores `eclaire extract --json` output against a truth: field accuracy, invalid identifiers, confidence bands.

  scripts/score-extraction.py TRUTH_DIR EXTRACT.jsonl [--half dev|test] [--errors FIELD] [--by-type]

TRUTH_DIR holds ID.json files as scripts/generate-document-corpus.py writes them (or any {"fields", "invalid_ids"});
each line of EXTRACT.jsonl is matched to its truth by file name (ID.pdf → ID.json). Rules of the comparison, the
same as eclaire-bench quality's: amounts to the cent in absolute value, identifiers compact, names without case,
accents, punctuation or legal form; a buyer matches when one name holds the other (« Ministère … — Direction du
numérique » holds « Direction du numérique »); an object when it shares 60 % of its words with the truth.
A field is counted where the truth states it; a number (marché, accord-cadre, EJ) read where the truth has none is
counted as a false find.
"""
import argparse, collections, json, os, re, signal, sys, unicodedata

signal.signal(signal.SIGPIPE, signal.SIG_DFL)

FIELDS = ["document_type", "supplier.name", "supplier.siret", "supplier.siren", "supplier.vat_number",
          "buyer.administration", "object", "amounts.ht", "amounts.tva", "amounts.ttc", "date_issued",
          "numbers.document", "numbers.ej", "numbers.marche", "numbers.accord_cadre", "iban"]
LEGAL = {"sas", "sarl", "sa", "eurl", "sasu", "snc", "scop", "scic", "gie", "selarl", "sca", "sci", "ei", "gmbh", "ltd"}

def fold(text):
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))

def name_key(text):
    # A legal form written with dots (« S.A.S. », « S.A.R.L ») is the same form.
    text = re.sub(r"\b((?:[a-z]\.){1,3}[a-z])\.?(?![a-z])", lambda m: m.group(1).replace(".", ""), fold(text))
    words = re.findall(r"[a-z0-9]+", text)
    return " ".join(w for w in words if w not in LEGAL)

def words(text):
    return {w for w in re.findall(r"[a-z0-9]+", fold(text)) if len(w) >= 3}

def flat(report):
    """The contract's nested JSON as flat keys."""
    out = {}
    for key, value in report.items():
        if isinstance(value, dict) and key in ("supplier", "buyer", "amounts", "numbers"):
            for sub, v in value.items():
                out["%s.%s" % (key, sub)] = v
        else:
            out[key] = value
    return out

def matches(field, got, truth):
    if got is None:
        return False
    if field.startswith("amounts."):
        try:
            return abs(abs(float(got)) - abs(float(truth))) < 0.005
        except ValueError:
            return False
    if field == "supplier.name":
        return name_key(got) == name_key(truth)
    if field == "buyer.administration":
        g, t = name_key(got), name_key(truth)
        # « Ministère de l'Intérieur › Direction du numérique » names « Direction du numérique » with its ministry.
        segments = [name_key(part) for part in re.split(r"[›>/|—]", got)]
        return bool(g) and (g == t or t in segments or (g in t and len(g) >= 0.6 * len(t)))
    if field == "object":
        g, t = words(got), words(truth)
        return bool(t) and len(g & t) / len(g | t) >= 0.6
    if field in ("document_type", "date_issued"):
        return got == truth
    compact = lambda s: re.sub(r"[^A-Za-z0-9]", "", str(s)).upper()
    return compact(got) == compact(truth)

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("truth")
    parser.add_argument("extract")
    parser.add_argument("--half")
    parser.add_argument("--errors", help="lists the misses of a field (or 'all')")
    parser.add_argument("--by-type", action="store_true")
    args = parser.parse_args()
    right, total, spurious = collections.Counter(), collections.Counter(), collections.Counter()
    by_type = collections.defaultdict(lambda: [0, 0])
    bands = collections.defaultdict(lambda: [0, 0])
    flagged = missed_flags = false_alarms = invalid_docs = 0
    errors = []
    documents = 0
    for line in open(args.extract, encoding="utf-8"):
        report = json.loads(line)
        ident = os.path.splitext(report["file"])[0]
        path = os.path.join(args.truth, ident + ".json")
        if not os.path.exists(path):
            continue
        truth = json.load(open(path, encoding="utf-8"))
        if args.half and truth.get("half") != args.half:
            continue
        documents += 1
        got = flat(report)
        confidence = report.get("confidence") or {}
        for field in FIELDS:
            expected = truth["fields"].get(field)
            if expected is None:
                if field.startswith("numbers.") and field != "numbers.document" and got.get(field) is not None:
                    spurious[field] += 1
                continue
            total[field] += 1
            ok = matches(field, got.get(field), expected)
            right[field] += ok
            by_type[(truth.get("type", "?"), field)][0] += ok
            by_type[(truth.get("type", "?"), field)][1] += 1
            if got.get(field) is not None:
                c = confidence.get(field, 0)
                band = "≥ 0.9" if c >= 0.9 else "0.7–0.9" if c >= 0.7 else "0.5–0.7" if c >= 0.5 else "< 0.5"
                bands[band][0] += ok
                bands[band][1] += 1
            if not ok and args.errors in (field, "all"):
                errors.append("  %s %s: %r ≠ %r" % (ident, field, got.get(field), expected))
        expected_invalid = set(truth.get("invalid_ids", []))
        reported = set(report.get("invalid_ids") or [])
        if expected_invalid:
            invalid_docs += len(expected_invalid)
            flagged += len(expected_invalid & reported)
        false_alarms += len(reported - expected_invalid)
    accuracies = [right[f] / total[f] for f in FIELDS if total[f]]
    print("%d documents%s — exactitude moyenne par champ %.3f" % (documents, " (%s)" % args.half if args.half else "",
                                                                  sum(accuracies) / max(len(accuracies), 1)))
    print("| champ | justes | exactitude |")
    print("|---|---|---|")
    for f in FIELDS:
        if total[f]:
            print("| %s | %d/%d | %.2f |" % (f, right[f], total[f], right[f] / total[f]))
    print("identifiants invalides signalés : %d/%d, fausses alertes : %d" % (flagged, invalid_docs, false_alarms))
    if spurious:
        print("numéros lus sans exister : " + ", ".join("%s %d" % kv for kv in sorted(spurious.items())))
    print("| confiance | justes | exactitude |")
    print("|---|---|---|")
    for band in ["≥ 0.9", "0.7–0.9", "0.5–0.7", "< 0.5"]:
        if bands[band][1]:
            print("| %s | %d/%d | %.3f |" % (band, bands[band][0], bands[band][1], bands[band][0] / bands[band][1]))
    if args.by_type:
        for kind in sorted({k for k, _ in by_type}):
            cells = ["%s %d/%d" % (f, *by_type[(kind, f)]) for f in FIELDS if by_type[(kind, f)][1]]
            print("%s: %s" % (kind, ", ".join(cells)))
    if errors:
        print("\n".join(errors))

if __name__ == "__main__":
    main()
