#!/usr/bin/python3
"""Writes a corpus of French procurement documents with the truth of the facts of their type (issue 17).

  scripts/generate-typed-corpus.py OUT [--per-type N] [--seed S]

Eight types: fiche navette (imputation), devis, bon de commande and facture (their lines), acte d'engagement (form,
procedure, lots, co-traitants, duration, renewals, advance, notification), CCAP (CCAG, prices, index, month zero,
advance rate, retenue de garantie, penalties, duration), RIB (BIC, holder, bank, French bank details and their key),
extrait Kbis (name, SIREN, activity, address, date), DC4 (sous-traitant, nature, amount, direct payment) and avenant
(number, initial amount, change, new amount). Every label, sentence and layout is drawn from a pool split in two:
the « dev » half draws the even variants, the « test » half the odd ones, which no rule was written from.

OUT/text/ID.pdf are text-layer PDFs (WeasyPrint), OUT/scan/ID.pdf (with --scans) the same pages printed then scanned
as scripts/generate-document-corpus.py does; OUT/truth/ID.json:
  {"id", "half", "type", "layout", "facts": {"imputation.centre_financier": "0129-CDBU-0001", "lignes.0.montant": "650.00", …}}
Seeded: the same arguments give the same corpus. Needs weasyprint (Debian package). The common fields are measured
by scripts/generate-document-corpus.py; this corpus is scored by scripts/score-typed-facts.py.
"""
import argparse, importlib.util, json, os, random, sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("corpus", os.path.join(here, "generate-document-corpus.py"))
corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(corpus)
A = lambda cents: corpus.fmt_amount(cents, 0)


class Doc:
    def __init__(self, rng, kind, half):
        self.rng, self.kind, self.half, self.facts, self.layout = rng, kind, half, {}, []

    def pick(self, name, pool):
        share = [i for i in range(len(pool)) if i % 2 == (0 if self.half == "dev" else 1)] or list(range(len(pool)))
        i = self.rng.choice(share)
        self.layout.append("%s%d" % (name, i))
        return pool[i]


def rows_html(d, rows):
    """Label/value rows in one of four layouts: a grid, « label : value » paragraphs, a two-column table without
    borders, or labels heading columns over their values (three by three)."""
    style = d.pick("rows", [0, 1, 2, 3])
    if style == 0:
        return "<table class='grid'>%s</table>" % "".join("<tr><th style='width:40%%'>%s</th><td>%s</td></tr>" % r for r in rows)
    if style == 1:
        return "".join("<p>%s : %s</p>" % r for r in rows)
    if style == 2:
        return "<table>%s</table>" % "".join("<tr><td style='width:45%%'>%s</td><td>%s</td></tr>" % r for r in rows)
    html = ""
    for i in range(0, len(rows), 3):
        chunk = rows[i:i + 3]
        html += "<table class='grid'><tr>%s</tr><tr>%s</tr></table>" % ("".join("<th>%s</th>" % r[0] for r in chunk),
                                                                       "".join("<td>%s</td>" % r[1] for r in chunk))
    return html


def tick(d, options, chosen):
    """Check boxes for options, the chosen one ticked, in one of two forms."""
    box = d.pick("box", [("[X]", "[ ]"), ("☒", "☐"), ("[x]", "[ ]"), ("X", "□")])
    return "<p>%s</p>" % " ".join("%s %s" % (box[0] if o == chosen else box[1], o) for o in options)


def fiche_navette(d, rng, c):
    prog = rng.choice(["0129", "0218", "0354", "0102", "0149", "0216", "0361"])
    cf = "%s-%s-%s" % (prog, rng.choice(["CDBU", "DINU", "DR75", "SGNU", "CPTR", "DITP"]), rng.choice(["0001", "0075", "DR01", "C001", "A013"]))
    df = "%s-%02d" % (prog, rng.randint(1, 12)) + ("-%02d" % rng.randint(1, 9) if rng.random() < 0.4 else "")
    act = prog + "%08d" % rng.randint(1010101, 99999999)
    cc = ("BG00/" if rng.random() < 0.3 else "") + rng.choice(["DINU", "SGNU", "CPTR", "DRFP"]) + "%04d" % rng.randint(1, 9999)
    gm = rng.choice(["36.01.01", "37.02.01", "16.01.02", "45.02", "36.02.03", "12.02.01"])
    loc = rng.choice(["N7501", "N1175", "S1175", "N6900", "N3300"])
    labels = {
        "centre_financier": ["Centre financier", "CF", "Centre financier (CF)", "Code centre financier", "Centre financier Chorus", "C.F."],
        "domaine_fonctionnel": ["Domaine fonctionnel", "DF", "Domaine fonctionnel (action)", "Code domaine fonctionnel", "Domaine fonct.", "D.F."],
        "activite": ["Activité", "Code activité", "Référentiel de programmation", "Activité Chorus", "Code activité (RefProg)", "Activité (référentiel)"],
        "centre_couts": ["Centre de coûts", "Centre de coût", "Centre de coûts (CC)", "Code centre de coûts", "Centre de coûts Chorus", "C.C."],
        "groupe_marchandises": ["Groupe de marchandises", "GM", "Groupe marchandises", "Code groupe de marchandises", "Groupe de marchandises (nature)", "Famille d'achat (GM)"],
        "localisation_interministerielle": ["Localisation interministérielle", "Localisation", "Code localisation interministérielle", "Lieu (localisation)", "Localisation (LIM)", "Loc. interministérielle"],
    }
    values = {"centre_financier": cf, "domaine_fonctionnel": df, "activite": act, "centre_couts": cc,
              "groupe_marchandises": gm, "localisation_interministerielle": loc}
    parts = [k for k in values if k in ("centre_financier", "domaine_fonctionnel", "groupe_marchandises") or rng.random() < 0.7]
    rows = [("Service demandeur", c["service"]), ("Objet de la dépense", c["object"]), ("Fournisseur", c["supplier"]),
            ("Montant TTC", A(c["ttc"]))]
    rows += [(d.pick("label_" + k, labels[k]), values[k]) for k in parts]
    for k in parts:
        d.facts["imputation." + k] = values[k]
    title = d.pick("title", ["FICHE NAVETTE", "Fiche navette — demande d'engagement", "FICHE DE LIAISON BUDGÉTAIRE", "Fiche navette achat"])
    return "<p><b>%s</b><br>%s</p><h1>%s</h1>%s<p>Visa du responsable de programme :</p>" % (c["ministry"], c["service"], title, rows_html(d, rows))


UNITS = ["jours", "j", "h", "forfait", "unités", "u", "mois", "licences"]


def lines_doc(d, rng, c):
    kind = d.kind
    count = rng.choice([1, 2, 3, 4, 5])
    lines, ht = [], 0
    for i in range(count):
        label, price = c["items"][i % len(c["items"])]
        qty = rng.choice([1, 2, 3, 5, 10, 12, 20]) if price > 100 else rng.choice([10, 20, 50, 100, 250])
        unit = int(round(price * rng.uniform(0.85, 1.2) * 100))
        lines.append((label + (" (%d)" % (i + 1) if i >= len(c["items"]) else ""), qty, rng.choice(UNITS), unit, qty * unit))
        ht += qty * unit
    style = d.pick("lines", [0, 1, 2, 3, 4, 5])
    heads = [["Désignation", "Qté", "Unité", "Prix unitaire HT", "Montant HT"], ["Description", "Quantité", "", "P.U. HT", "Total HT"],
             ["Libellé", "Qté", "U.", "PU", "Montant"], ["Prestation", "Nombre", "", "Prix unitaire", "Total ligne HT"],
             ["Article", "Quantité", "Unité", "Tarif unitaire", "Total"], ["Intitulé", "Nb", "", "Prix HT", "Montant HT"]][style]
    show_unit = heads[2] != ""
    table = "<table class='grid'><tr>%s</tr>" % "".join("<th>%s</th>" % h for h in heads if h)
    for l in lines:
        cells = [l[0], str(l[1])] + ([l[2]] if show_unit else []) + [A(l[3]), A(l[4])]
        table += "<tr>%s</tr>" % "".join("<td>%s</td>" % x for x in cells)
    table += "</table>"
    tva = ht // 5
    totals = "<table style='width:45%%;margin-left:55%%'><tr><td>Total HT</td><td>%s</td></tr><tr><td>TVA 20 %%</td><td>%s</td></tr><tr><td><b>Total TTC</b></td><td><b>%s</b></td></tr></table>" % (A(ht), A(tva), A(ht + tva))
    for i, l in enumerate(lines):
        d.facts["lignes.%d.designation" % i] = l[0]
        d.facts["lignes.%d.quantite" % i] = str(l[1])
        d.facts["lignes.%d.prix_unitaire" % i] = "%.2f" % (l[3] / 100)
        d.facts["lignes.%d.montant" % i] = "%.2f" % (l[4] / 100)
    title = {"devis": "DEVIS N° D-%d" % rng.randint(100, 999), "facture": "FACTURE N° F-%d" % rng.randint(1000, 9999),
             "bon_de_commande": "BON DE COMMANDE N° %s" % c["ej"]}[kind]
    head = "<p><b>%s</b><br>SIRET %s</p><p>%s<br>%s</p>" % (c["supplier"], c["siret"], c["ministry"], c["service"])
    return "%s<h1>%s</h1><p>Objet : %s</p>%s%s" % (head, title, c["object"], table, totals)


FORMS = [("marche_ordinaire", "marché ordinaire"), ("accord_cadre_bons_de_commande", "accord-cadre à bons de commande"),
         ("marche_subsequent", "marché subséquent")]
PROCEDURES = [("appel_offres_ouvert", ["Appel d'offres ouvert", "procédure d'appel d'offres ouvert"]),
              ("procedure_adaptee", ["Procédure adaptée", "procédure adaptée (MAPA)"]),
              ("procedure_negociee", ["Procédure négociée sans publicité ni mise en concurrence", "procédure négociée"])]


def acte_engagement(d, rng, c):
    form = rng.choice(FORMS)
    proc = rng.choice(PROCEDURES)
    html = "<h1>%s</h1><p>%s</p>" % (d.pick("title", ["ACTE D'ENGAGEMENT", "Acte d'engagement (ATTRI1)", "ACTE D'ENGAGEMENT — ATTRI1", "Acte d'engagement du marché public"]), c["ministry"])
    html += "<p>Objet du marché : %s</p>" % c["object"]
    html += "<h2>Forme du marché</h2>" + tick(d, [f[1] for f in FORMS], form[1])
    d.facts["forme_marche"] = form[0]
    html += "<p>%s</p>" % d.pick("proclabel", ["Mode de passation : {v}", "Procédure : {v}", "Type de procédure : {v}", "Le marché est passé selon la {v}"]).format(v=proc[1][rng.randint(0, 1)])
    d.facts["mode_consultation"] = proc[0]
    lots = rng.randint(0, 3)
    for i in range(lots):
        title = rng.choice(["Maintenance corrective", "Développement de nouvelles fonctionnalités", "Hébergement", "Assistance aux utilisateurs", "Formation"])
        html += "<p>%s</p>" % d.pick("lotlabel", ["Lot n° {n} : {t}", "Lot {n} - {t}", "LOT N°{n} – {t}", "Lot {n} : {t}"]).format(n=i + 1, t=title)
        d.facts["lots.%d.numero" % i] = str(i + 1)
        d.facts["lots.%d.intitule" % i] = title
    html += "<h2>Titulaire</h2><p>%s — SIRET %s</p>" % (c["supplier"], corpus.group(c["siret"][:9], 3) + " " + c["siret"][9:])
    if rng.random() < 0.5:
        name = "%s %s" % corpus.company(rng)
        s = corpus.siret(rng, corpus.siren(rng))
        amount = rng.randint(5000, 90000) * 100
        html += d.pick("cotrait", ["<p>Co-traitant : {n} — SIRET {s} — montant {a}</p>",
                                   "<table class='grid'><tr><th>Membre du groupement (co-traitant)</th><th>SIRET</th><th>Montant</th></tr><tr><td>{n}</td><td>{s}</td><td>{a}</td></tr></table>",
                                   "<p>Cotraitant : {n}, SIRET {s}, pour un montant de {a}</p>",
                                   "<p>Membres du groupement : {n} (SIRET {s}) — {a} HT</p>"]).format(n=name, s=s, a=A(amount))
        d.facts["cotraitants.0.siret"] = s
        d.facts["cotraitants.0.montant"] = "%.2f" % (amount / 100)
    months = rng.choice([6, 12, 24, 36, 48])
    html += "<p>%s</p>" % d.pick("duree", ["La durée du marché est de {m} mois à compter de sa notification.", "Durée : {m} mois",
                                           "Le marché est conclu pour une durée de {m} mois.", "Durée d'exécution : {m} mois à compter de la notification"]).format(m=months)
    d.facts["duree"] = "%d mois" % months
    renewals = rng.choice([0, 1, 2, 3])
    if renewals:
        html += "<p>%s</p>" % d.pick("recond", ["Il est reconductible {r} fois par période de 12 mois.", "Reconduction : le marché est reconductible {r} fois.",
                                                "Le marché pourra être reconduit tacitement {r} fois.", "Marché reconductible {r} fois"]).format(r=renewals)
        d.facts["reconduction"] = str(renewals)
    advance = rng.random() < 0.5
    html += "<h2>Avance</h2>" + tick(d, ["Je renonce au bénéfice de l'avance", "Je ne renonce pas au bénéfice de l'avance"],
                                     "Je ne renonce pas au bénéfice de l'avance" if advance else "Je renonce au bénéfice de l'avance")
    d.facts["avance"] = "oui" if advance else "non"
    y, m, day = rng.choice([2024, 2025]), rng.randint(1, 12), rng.randint(1, 28)
    html += "<p>%s</p>" % d.pick("notif", ["Date de notification : {v}", "Marché notifié le {v}", "Date de notification du marché : {v}", "Notifié le {v}"]).format(v=corpus.fmt_date((y, m, day), 0))
    d.facts["dates.notification"] = "%d-%02d-%02d" % (y, m, day)
    return html


def ccap(d, rng, c):
    ccag = rng.choice([("CCAG-TIC", "techniques de l'information et de la communication", "TIC"), ("CCAG-PI", "prestations intellectuelles", "PI"),
                       ("CCAG-FCS", "fournitures courantes et services", "FCS")])
    html = "<h1>%s</h1><p>%s</p><h2>Article 1 - Objet</h2><p>%s</p>" % (
        d.pick("title", ["CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES (CCAP)", "CCAP", "Cahier des clauses administratives particulières", "C.C.A.P."]),
        c["ministry"], c["object"])
    html += "<p>%s</p>" % d.pick("ccag", ["Le CCAG applicable est le {a}.", "Le présent marché est soumis au {a}.",
                                          "Par dérogation, les stipulations du {a} s'appliquent sauf mention contraire.", "Documents généraux : {a} (arrêté du 30 mars 2021)."]).format(a=ccag[0])
    d.facts["ccag"] = ccag[0]
    revisable = rng.random() < 0.6
    if revisable:
        html += "<p>%s</p>" % d.pick("prix", ["Les prix sont révisables annuellement selon la formule P = P0 x (0,15 + 0,85 x S/S0).",
                                              "Les prix du marché sont révisables. Révision : P = P0 × (0,125 + 0,875 I/I0).",
                                              "Prix révisables, révision annuelle selon l'indice.", "Les prix sont révisables à chaque date anniversaire."])
        d.facts["prix"] = "revisables"
        idx = d.pick("index", ["SYNTEC", "ICHTrev-TS", "SYNTEC", "BT01"])
        month = rng.choice(corpus.MONTHS[:6])
        html += "<p>L'indice de référence est l'indice %s ; le mois zéro est le mois de %s %d.</p>" % (idx, month, rng.choice([2024, 2025]))
    else:
        html += "<p>%s</p>" % d.pick("prix", ["Les prix sont fermes.", "Les prix du marché sont fermes et non révisables.", "Prix fermes pour toute la durée du marché.", "Les prix sont réputés fermes."])
        d.facts["prix"] = "fermes"
    rate = rng.choice([5, 10, 20, 30])
    html += "<p>%s</p>" % d.pick("avance", ["Une avance de {r} % du montant initial est accordée au titulaire.", "Le taux de l'avance est fixé à {r} %.",
                                            "Avance : {r} % du montant du marché.", "Le titulaire perçoit une avance égale à {r} % du montant TTC."]).format(r=rate)
    d.facts["avance_taux"] = str(rate)
    retenue = rng.random() < 0.4
    if retenue:
        html += "<p>Une retenue de garantie de 5 %% est appliquée sur chaque acompte.</p>"
        d.facts["retenue_garantie"] = "5 %"
    else:
        html += "<p>%s</p>" % d.pick("retenue", ["Il n'est pas prévu de retenue de garantie.", "Aucune retenue de garantie n'est appliquée.",
                                                 "Le marché ne prévoit pas de retenue de garantie.", "Pas de retenue de garantie."])
        d.facts["retenue_garantie"] = "non"
    penalty = rng.choice([100, 150, 200, 300, 500]) * 100
    html += "<p>%s</p>" % d.pick("penalite", ["Pénalités de retard : {a} par jour calendaire de retard.", "En cas de retard, une pénalité de {a} par jour est appliquée.",
                                              "Le titulaire encourt une pénalité journalière de {a}.", "Pénalité pour retard de livraison : {a} par jour ouvré."]).format(a=A(penalty))
    d.facts["penalites.0.montant"] = "%.2f" % (penalty / 100)
    months = rng.choice([12, 24, 36, 48])
    html += "<p>La durée du marché est de %d mois.</p>" % months
    d.facts["duree"] = "%d mois" % months
    return html


def rib(d, rng, c):
    iban = corpus.iban_fr(rng)
    bank, branch, account, key = iban[4:9], iban[9:14], iban[14:25], iban[25:27]
    bic = rng.choice(["BNPAFRPPXXX", "SOGEFRPP", "CCBPFRPPPAR", "AGRIFRPP882", "CMCIFRPP", "PSSTFRPPPAR"])
    bankname = rng.choice(["BNP PARIBAS PARIS OPERA", "SOCIETE GENERALE LYON", "CREDIT AGRICOLE TOULOUSE", "LA BANQUE POSTALE"])
    html = "<h1>%s</h1>" % d.pick("title", ["RELEVÉ D'IDENTITÉ BANCAIRE", "Relevé d'identité bancaire (RIB)", "RIB", "IDENTITÉ BANCAIRE"])
    rows = [(d.pick("holder", ["Titulaire du compte", "Intitulé du compte", "Titulaire", "Nom du titulaire"]), c["supplier"]),
            (d.pick("dom", ["Domiciliation", "Banque domiciliataire", "Domiciliation bancaire", "Domiciliation"]), bankname)]
    html += rows_html(d, rows)
    html += "<table class='grid'><tr><th>Code banque</th><th>Code guichet</th><th>N° de compte</th><th>Clé RIB</th></tr><tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr></table>" % (bank, branch, account, key)
    html += "<p>IBAN : %s</p><p>%s</p>" % (corpus.group(iban, 4), d.pick("biclabel", ["BIC : {b}", "Code BIC : {b}", "BIC {b}", "SWIFT : {b}"]).format(b=bic))
    d.facts.update({"iban": iban, "bic": bic, "titulaire": c["supplier"], "domiciliation": bankname, "rib.cle_rib": key, "rib.cle_valide": "oui"})
    return html


def kbis(d, rng, c):
    y, m, day = rng.choice([2024, 2025]), rng.randint(1, 12), rng.randint(1, 28)
    activity = rng.choice(["Conseil en systèmes et logiciels informatiques", "Ingénierie, études techniques", "Formation continue d'adultes"])
    html = "<h1>%s</h1><p>Greffe du tribunal de commerce de %s</p>" % (d.pick("title", ["EXTRAIT KBIS", "Extrait Kbis", "Extrait d'immatriculation principale au registre du commerce et des sociétés", "KBIS"]), c["town"])
    html += "<p>%s</p>" % d.pick("date", ["À jour au {v}", "Extrait mis à jour le {v}", "Date de l'extrait : {v}", "Délivré le {v}"]).format(v=corpus.fmt_date((y, m, day), 0))
    rows = [(d.pick("name", ["Dénomination", "Dénomination sociale", "Raison sociale", "Dénomination"]), c["supplier"]),
            (d.pick("rcs", ["Immatriculation au RCS, numéro", "Numéro d'identification", "N° RCS", "SIREN"]), "%s R.C.S. %s" % (corpus.group(c["siren"], 3), c["town"])),
            (d.pick("seat", ["Adresse du siège", "Siège social", "Adresse du siège social", "Siège"]), c["address"]),
            (d.pick("act", ["Activité principale", "Activités exercées", "Activité principale exercée", "Objet social"]), activity)]
    html += rows_html(d, rows)
    d.facts.update({"denomination": c["supplier"], "siren": c["siren"], "adresse": c["address"], "activite_principale": activity,
                    "date": "%d-%02d-%02d" % (y, m, day)})
    return html


def dc4(d, rng, c):
    name = "%s %s" % corpus.company(rng)
    s = corpus.siret(rng, corpus.siren(rng))
    nature = rng.choice(["hébergement des serveurs", "tierce maintenance applicative", "traduction des supports", "animation des ateliers"])
    amount = rng.randint(4000, 60000) * 100
    direct = rng.random() < 0.7
    html = "<h1>%s</h1><p>Titulaire : %s</p>" % (d.pick("title", ["DC4 — DÉCLARATION DE SOUS-TRAITANCE", "Déclaration de sous-traitance (DC4)", "DC4", "ACTE SPÉCIAL DE SOUS-TRAITANCE (DC4)"]), c["supplier"])
    html += "<h2>%s</h2><p>%s — SIRET %s</p>" % (d.pick("sub", ["Identification du sous-traitant", "Sous-traitant", "Le sous-traitant", "Désignation du sous-traitant"]), name, corpus.group(s[:9], 3) + " " + s[9:])
    rows = [(d.pick("nat", ["Nature des prestations sous-traitées", "Nature des prestations", "Prestations sous-traitées", "Objet de la sous-traitance"]), nature),
            (d.pick("amount", ["Montant maximum des sommes à verser au sous-traitant", "Montant des prestations sous-traitées", "Montant de la sous-traitance", "Montant maximum HT"]), A(amount))]
    html += rows_html(d, rows)
    html += "<p>Paiement direct du sous-traitant :</p>" + tick(d, ["oui", "non"], "oui" if direct else "non")
    d.facts.update({"sous_traitant.siret": s, "nature": nature, "montant": "%.2f" % (amount / 100), "paiement_direct": "oui" if direct else "non"})
    return html


def avenant(d, rng, c):
    number = rng.randint(1, 6)
    initial = rng.randint(20000, 400000) * 100
    change = rng.randint(1000, 40000) * 100 * (1 if rng.random() < 0.6 else -1)
    new = initial + change
    html = "<h1>%s</h1>" % d.pick("title", ["AVENANT N° {n}", "Avenant n° {n} au marché", "AVENANT NO {n}", "Avenant numéro {n}"]).format(n=number)
    html += "<p>Objet de l'avenant : %s</p>" % rng.choice(["prolongation du délai d'exécution", "ajout de prestations complémentaires", "réduction du périmètre"])
    word = ("plus-value" if change > 0 else "moins-value")
    rows = [(d.pick("initial", ["Montant initial du marché", "Montant du marché initial", "Montant avant avenant", "Ancien montant"]), A(initial)),
            (d.pick("change", ["Montant de l'avenant (%s)" % word, "Incidence financière de l'avenant", "Montant de la modification", "Variation (%s)" % word]),
             A(abs(change)) if rng.random() < 0.5 else A(change)),
            (d.pick("new", ["Nouveau montant du marché", "Montant après avenant", "Nouveau montant", "Montant total après avenant"]), A(new))]
    html += rows_html(d, rows)
    d.facts.update({"numero": str(number), "montant_initial": "%.2f" % (initial / 100), "montant_modification": "%.2f" % (change / 100),
                    "nouveau_montant": "%.2f" % (new / 100)})
    return html


BUILDERS = {"fiche_navette": fiche_navette, "devis": lines_doc, "bon_de_commande": lines_doc, "facture": lines_doc,
            "acte_engagement": acte_engagement, "ccap": ccap, "rib": rib, "kbis": kbis, "sous_traitance": dc4, "avenant": avenant}


def build(rng, kind, half):
    d = Doc(rng, kind, half)
    name, form = corpus.company(rng)
    s_siren = corpus.siren(rng)
    street, town = corpus.address(rng)
    ministry, service = rng.choice(corpus.BUYERS)
    template, items = rng.choice(corpus.OBJECTS)
    c = {"supplier": "%s %s" % (name, form), "siren": s_siren, "siret": corpus.siret(rng, s_siren), "ministry": ministry,
         "service": service, "object": template.format(p=rng.choice(corpus.PRODUCTS), d=rng.choice(corpus.DOMAINS)),
         "items": items, "ttc": rng.randint(1000, 90000) * 100, "ej": "1300%06d" % rng.randint(0, 999999),
         "address": "%s, %s" % (street, town), "town": town.split(" ", 1)[1]}
    body = BUILDERS[kind](d, rng, c)
    font = d.pick("font", corpus.FONTS)
    css = """@page { size: A4; margin: 16mm } body { font-family: '%s'; font-size: 10pt }
table { border-collapse: collapse; width: 100%% } td, th { padding: 3pt 5pt; text-align: left; vertical-align: top }
table.grid td, table.grid th { border: 0.6pt solid #555 }""" % font
    return d, "<html><head><meta charset='utf-8'><style>%s</style></head><body>%s</body></html>" % (css, body)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--per-type", type=int, default=12, help="documents per type and half")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--scans", action="store_true", help="also write printed-and-scanned copies (OUT/scan)")
    args = parser.parse_args()
    import logging
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from weasyprint import HTML
    for sub in ("text", "truth", "scan"):
        os.makedirs(os.path.join(args.out, sub), exist_ok=True)
    rng = random.Random(args.seed)
    for half in ("dev", "test"):
        for kind in BUILDERS:
            for i in range(args.per_type):
                ident = "%s-%s-%03d" % (half, kind, i)
                d, html = build(random.Random(rng.random()), kind, half)
                pdf = os.path.join(args.out, "text", ident + ".pdf")
                HTML(string=html).write_pdf(pdf)
                if args.scans:
                    # Seeded by the document, so that the corpus is the same with or without scans.
                    corpus.scan(pdf, os.path.join(args.out, "scan", ident + ".pdf"), random.Random("%d-%s" % (args.seed, ident)))
                json.dump({"id": ident, "half": half, "type": kind, "layout": "-".join(d.layout), "facts": d.facts},
                          open(os.path.join(args.out, "truth", ident + ".json"), "w"), ensure_ascii=False, indent=1)
            print("%s %s: %d" % (half, kind, args.per_type), file=sys.stderr)


if __name__ == "__main__":
    main()
