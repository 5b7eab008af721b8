"""Set k of the stranger corpus: designs written in session 22 after set j was read, measured blind before any rule
was changed for them.

Loaded by `generate-stranger-corpus.py --set k`. Its pools are its own: other trades and services, other number
patterns, amounts « 1.234,56 € », « 1 234,56 » or « 1234,56 EUR », dates « 05/03/2025 », « 5 mars 2025 » or
« 05.03.25 ». Designs: an invoice or quote printed in landscape whose wide table gives each line's period, unit,
discount, HT, VAT rate, VAT and TTC; a credit note (« AVOIR ») refunding part of an earlier invoice, its amounts
negative; a quote whose lines carry a VAT code (A, B) summed up by code under the table; an order whose lines each
have their own delivery date; an acte d'engagement of an accord-cadre à bons de commande with its minimum and maximum
and the totals of its DQE (détail quantitatif estimatif); a fiche navette as a Chorus form (« Demande d'engagement
juridique », ticked boxes, the supplier as « Tiers » with its code); a CCTP set in two columns.
"""
import importlib.util, os

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("stranger", os.path.join(HERE, "generate-stranger-corpus.py"))
g = importlib.util.module_from_spec(spec)
spec.loader.exec_module(g)
grouped, MONTHS = g.grouped, g.MONTHS


class FactsK(g.OwnForms):
    COMPANIES = ["Boulangerie Pâtisserie Moulin", "Serrurerie Dufour", "Cabinet d'Expertise Comptable Noël",
                 "Imprimerie Numérique Atlantique", "Climatisation Service Rhône", "Centre de Formation Horizon",
                 "Location Véhicules Mercier", "Cartographie Azimut", "Auto-École Carnot", "Pépinières Roy",
                 "Signalétique Urbaine Bernard", "Studio Photo Lumière"]
    FORMS = ["SAS", "SARL", "SA", "EURL", "SASU", "SCOP"]
    STREETS = ["rue de Verdun", "boulevard Voltaire", "avenue de la République", "rue Saint-Jacques", "place de l'Hôtel de Ville",
               "rue des Artisans", "zone artisanale des Pins", "rue Jean Moulin"]
    TOWNS = [("35000", "Rennes"), ("44000", "Nantes"), ("34000", "Montpellier"), ("69003", "Lyon"), ("87000", "Limoges"),
             ("29200", "Brest"), ("66000", "Perpignan"), ("18000", "Bourges"), ("10000", "Troyes"), ("74000", "Annecy")]
    BUYERS = [("Ministère de l'Agriculture et de la Souveraineté alimentaire", "Direction départementale des territoires de la Vienne"),
              ("Ministère de l'Intérieur", "Préfecture du Finistère"),
              ("Ministère des Armées", "Base de défense de Brest-Lorient"),
              ("Ministère de la Culture", "Direction régionale des affaires culturelles d'Occitanie"),
              ("Ministère de la Justice", "Tribunal judiciaire de Rennes"),
              ("Ministère de l'Éducation nationale", "Rectorat de l'académie de Limoges"),
              ("Ministère de la Santé", "Agence régionale de santé Auvergne-Rhône-Alpes"),
              ("Ministère de l'Économie et des Finances", "Direction départementale des finances publiques de l'Aube")]
    OBJECTS = [
        ("Fourniture de repas pour la journée portes ouvertes de {s}", [("Plateau repas", 18.5), ("Viennoiseries (lot de 10)", 14), ("Livraison", 45)]),
        ("Remplacement des serrures du bâtiment de {s}", [("Cylindre de sécurité", 89), ("Main-d'œuvre (heure)", 52), ("Clé supplémentaire", 12)]),
        ("Impression des affiches de la campagne {p}", [("Affiche A2", 2.4), ("Affiche A0", 9.8), ("Bon à tirer", 60)]),
        ("Entretien des climatiseurs du site de {s}", [("Contrat d'entretien (unité)", 145), ("Recharge de gaz", 210), ("Déplacement", 70)]),
        ("Formation à la conduite en sécurité des agents de {s}", [("Stage d'une journée", 390), ("Évaluation", 85), ("Support", 15)]),
        ("Location de véhicules utilitaires pour {p}", [("Fourgon (jour)", 95), ("Kilomètre supplémentaire", 0.35), ("Assurance (jour)", 14)]),
        ("Production de cartes thématiques pour {p}", [("Carte thématique", 720), ("Jeu de données", 380), ("Reprise graphique (heure)", 65)]),
        ("Plantation d'arbres sur le site de {s}", [("Arbre tige", 165), ("Tuteurage", 24), ("Paillage (m2)", 6)]),
    ]
    PRODUCTS = ["Forêts d'avenir", "Préfecture Connectée", "Mémoire des Armées", "Justice Accessible", "École Inclusive", "Santé Territoires"]
    SITES = ["Rennes Beauregard", "Nantes Île de Nantes", "Montpellier Antigone", "Lyon Confluence", "Limoges Beaublanc", "Brest Capucins"]
    FONTS = ["DejaVu Sans", "Liberation Sans", "Liberation Serif", "DejaVu Serif"]
    MARCHES = ["%d-DDT86-%03d", "MPA%d%04d", "%d/PREF29/%03d", "%d.BDD.%04d", "DRAC-OC-%d-%02d"]
    ACCORDS = ["%d-ACBC-%03d", "AC%d-BDC-%03d", "%d-UGAP-%04d"]
    MONEY = [lambda d, r: grouped(d, ".") + ",%02d €" % r, lambda d, r: grouped(d, " ") + ",%02d" % r,
             lambda d, r: "%s,%02d EUR" % (d, r)]
    DATES = [lambda y, m, d: "%02d/%02d/%d" % (d, m, y), lambda y, m, d: "%d %s %d" % (d, MONTHS[m - 1], y),
             lambda y, m, d: "%02d.%02d.%02d" % (d, m, y % 100)]


LANDSCAPE = "<style>@page { size: A4 landscape }</style>"


def header(f, title, number):
    return ("<table><tr><td style='width:50%%'><b style='font-size:1.3em'>%s</b><br>%s<br>%s %s<br>SIRET %s – TVA %s</td>"
            "<td class='r'><b style='font-size:1.4em'>%s</b><br>N° %s<br>Date : %s</td></tr></table>"
            "<div class='box' style='width:45%%;margin-left:55%%'>%s<br>%s<br>%s<br>%s %s</div>") % (
        f.legal, f.street, f.postcode, f.town, f.siret_text(), f.vat, title, number, f.day(),
        f.ministry, f.service, f.b_street, f.b_postcode, f.b_town)


def landscape(f):
    """An invoice or quote printed in landscape: its wide table gives each line's period, unit, discount, HT, VAT
    rate, VAT and TTC; the totals under the table's last columns."""
    truth = {}
    number = f.rng.choice(["%d-%05d", "FC%d%04d", "%d/F/%04d"]) % (f.year, f.rng.randint(1, 9999))
    if f.kind == "devis": number = "D" + number
    truth["numbers.document"] = number
    rate = f.rng.choice([20, 20, 10])
    rows, ht, tva = "", 0, 0
    for label, qty, unit, total in f.lines:
        rebate = f.rng.choice([0, 0, 0, 5])
        net = int(round(total * (100 - rebate) / 100))
        vat = int(round(net * rate / 100))
        ht, tva = ht + net, tva + vat
        rows += ("<tr><td>%s</td><td>%s</td><td class='r'>%s</td><td>u</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td>"
                 "<td class='r'>%d %%</td><td class='r'>%s</td><td class='r'>%s</td></tr>") % (
            label, "%02d/%d" % (f.date[1], f.year), qty, f.m(unit), "%d %%" % rebate if rebate else "-", f.m(net), rate, f.m(vat), f.m(net + vat))
    f.ht, f.tva, f.ttc = ht, tva, ht + tva
    html = [LANDSCAPE, header(f, "FACTURE" if f.kind == "facture" else "DEVIS", number)]
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p>Objet : %s</p>" % f.object)
    truth["object"] = f.object
    html.append("<table class='b'><tr class='grey'><th>Désignation</th><th>Période</th><th class='r'>Qté</th><th>Unité</th><th class='r'>PU HT</th>"
                "<th class='r'>Remise</th><th class='r'>Montant HT</th><th class='r'>Taux TVA</th><th class='r'>Montant TVA</th><th class='r'>Montant TTC</th></tr>%s</table>" % rows)
    html.append("<table style='width:35%%;margin-left:65%%;margin-top:6pt'><tr><td>Total HT</td><td class='r'>%s</td></tr><tr><td>Total TVA</td><td class='r'>%s</td></tr>"
                "<tr><td><b>Total TTC</b></td><td class='r'><b>%s</b></td></tr></table>" % (f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    if f.kind == "facture":
        html.append("<p class='small'>Règlement à 30 jours par virement – IBAN %s</p>" % f.iban_text())
    return html, truth, g.supplier_truth(f, truth, iban=f.kind == "facture")


def credit_note(f):
    """A credit note refunding part of an earlier invoice: « AVOIR N° … », the invoice it corrects cited with its date,
    its amounts negative."""
    truth = {"document_type": "avoir"}
    number = f.rng.choice(["AV%d-%04d", "A-%d-%03d", "AVR%d%04d"]) % (f.year, f.rng.randint(1, 999))
    truth["numbers.document"] = number
    f.set_rates([(20, sum(l[3] for l in f.lines[:2]))])
    cited = f.rng.choice(["F%d-%04d", "FA%d%04d"]) % (f.year, f.rng.randint(1, 9999))
    html = [header(f, "AVOIR", number)]
    html.append("<p>Avoir sur la facture n° %s du %s</p>" % (cited, f.day(f.later(-1))))
    for l, v in g.refs(f, truth, True):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p>Motif : prestation non réalisée – %s</p>" % f.object)
    truth["object"] = f.object
    html.append("<table class='b'><tr class='grey'><th>Désignation</th><th class='r'>Qté</th><th class='r'>PU HT</th><th class='r'>Montant HT</th></tr>%s</table>" % "".join(
        "<tr><td>%s</td><td class='r'>-%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.m(u), f.m(-t)) for l, q, u, t in f.lines[:2]))
    html.append("<table style='width:45%%;margin-left:55%%;margin-top:6pt'><tr><td>Total HT</td><td class='r'>%s</td></tr><tr><td>TVA 20 %%</td><td class='r'>%s</td></tr>"
                "<tr><td>Total TTC de l'avoir</td><td class='r'>%s</td></tr></table>" % (f.m(-f.ht), f.m(-f.tva), f.m(-f.ttc)))
    html.append("<p class='small'>Cet avoir sera déduit de votre prochain règlement.</p><p class='small'>%s</p>" % f.legal_footer())
    return html, truth, g.supplier_truth(f, truth)


def coded_vat(f):
    """A quote or invoice whose lines carry a VAT code (A: 20 %, B: 5,5 % or 10 %), the VAT summed up by code under
    the table (code, rate, base, VAT), then the totals."""
    truth = {}
    number = f.rng.choice(["%d-%03d", "N%d%03d"]) % (f.year, f.rng.randint(1, 999))
    truth["numbers.document"] = number
    low = f.rng.choice([5.5, 10])
    codes = [("A" if i % 2 == 0 else "B") for i in range(len(f.lines))]
    if len(f.lines) == 1: codes = ["A"]
    base_a = sum(l[3] for l, c in zip(f.lines, codes) if c == "A")
    base_b = sum(l[3] for l, c in zip(f.lines, codes) if c == "B")
    f.set_rates([(20, base_a)] + ([(low, base_b)] if base_b else []))
    html = [header(f, "FACTURE" if f.kind == "facture" else "DEVIS", number)]
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p>Objet : %s</p>" % f.object)
    truth["object"] = f.object
    html.append("<table class='b'><tr class='grey'><th>Désignation</th><th class='r'>Qté</th><th class='r'>PU HT</th><th class='r'>Montant HT</th><th>TVA</th></tr>%s</table>" % "".join(
        "<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='c'>%s</td></tr>" % (l, q, f.m(u), f.m(t), c) for (l, q, u, t), c in zip(f.lines, codes)))
    recap = "".join("<tr><td>%s</td><td class='r'>%s %%</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % ("A" if r == 20 else "B", g.rate_text(r), f.m(b), f.m(t)) for r, b, t in f.rates)
    html.append("<table style='width:55%%;margin-top:6pt' class='b'><tr class='grey'><th>Code</th><th class='r'>Taux</th><th class='r'>Base HT</th><th class='r'>TVA</th></tr>%s</table>" % recap)
    html.append("<table style='width:40%%;margin-left:60%%;margin-top:6pt'><tr><td>Total HT</td><td class='r'>%s</td></tr><tr><td>Total TVA</td><td class='r'>%s</td></tr>"
                "<tr><td>Total TTC</td><td class='r'>%s</td></tr></table>" % (f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    return html, truth, g.supplier_truth(f, truth)


def order_delivery_dates(f):
    """An order whose lines each have their own delivery date, the order's date in its header."""
    truth = {"numbers.document": f.ej, "numbers.ej": f.ej}
    f.set_rates([(20, sum(l[3] for l in f.lines))])
    html = ["<p><b>%s</b><br>%s<br>%s %s</p><h2 class='c'>COMMANDE N° %s</h2><p class='c'>émise le %s</p>" % (
        f.ministry, f.service, f.b_postcode, f.b_town, f.ej, f.day())]
    html.append("<p>Fournisseur : %s, %s, %s %s – SIRET %s</p>" % (f.legal, f.street, f.postcode, f.town, f.siret_text()))
    for l, v in g.refs(f, truth, False):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p>Objet : %s</p>" % f.object)
    truth["object"] = f.object
    rows = "".join("<tr><td>%d</td><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td><td>%s</td></tr>" % (
        i + 1, l, q, f.m(u), f.m(t), f.day(f.later(i + 1))) for i, (l, q, u, t) in enumerate(f.lines))
    html.append("<table class='b'><tr class='grey'><th>Ligne</th><th>Désignation</th><th class='r'>Qté</th><th class='r'>PU HT</th><th class='r'>Montant HT</th><th>Livraison souhaitée</th></tr>%s</table>" % rows)
    html.append("<p style='margin-top:6pt'>Montant total HT : %s<br>TVA 20 %% : %s<br>Montant total TTC : %s</p>" % (f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    return html, truth, g.supplier_truth(f, truth, vat=False)


def ae_bons_de_commande(f):
    """An acte d'engagement of an accord-cadre à bons de commande: its minimum and maximum per year HT, then the
    totals of its DQE (the estimate the offer was judged on)."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number}
    f.set_rates([(20, sum(l[3] for l in f.lines))])
    minimum, maximum = f.ht // 2 // 1000 * 1000, (f.ht * 3 // 1000 + 1) * 1000
    html = ["<p><b>%s</b><br>%s</p><h1 class='c'>ACTE D'ENGAGEMENT</h1><p class='c'>Accord-cadre à bons de commande n° %s</p>" % (f.ministry, f.service, number)]
    html.append("<p><b>Objet :</b> %s</p>" % f.object)
    html.append("<p><b>Le titulaire :</b> %s – %s, %s %s – SIRET %s – N° TVA %s</p>" % (f.legal, f.street, f.postcode, f.town, f.siret_text(), f.vat))
    html.append("<p><b>Montants :</b> l'accord-cadre est conclu avec un montant minimum annuel de %s HT et un montant maximum annuel de %s HT.</p>" % (f.m(minimum), f.m(maximum)))
    html.append("<p><b>Détail quantitatif estimatif :</b></p><table class='b' style='width:60%%'><tr><td>Total HT du DQE</td><td class='r'>%s</td></tr>"
                "<tr><td>TVA 20 %%</td><td class='r'>%s</td></tr><tr><td>Total TTC du DQE</td><td class='r'>%s</td></tr></table>" % (f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    html.append("<p>Paiement sur le compte IBAN %s</p><p>À %s, le %s</p>" % (f.iban_text(), f.town, f.day()))
    g.acte_truth(f, truth)
    return html, truth, g.supplier_truth(f, truth, iban=True)


def chorus_form(f):
    """A fiche navette as a Chorus form: « Demande d'engagement juridique », ticked boxes for the kind of purchase,
    the supplier as « Tiers » with its Chorus code and SIRET, the amounts in labelled boxes."""
    truth = {"numbers.ej": f.ej, "supplier.name": f.legal, "supplier.siret": f.siret, "object": f.object}
    f.set_rates([(20, sum(l[3] for l in f.lines))])
    box = lambda label, value: "<tr><td class='grey' style='width:35%%'>%s</td><td>%s</td></tr>" % (label, value)
    html = ["<p><b>%s</b> – %s</p><h2>Demande d'engagement juridique (fiche navette)</h2>" % (f.ministry, f.service)]
    html.append("<p>&#9746; Marché public &nbsp; &#9744; Hors marché &nbsp; &#9744; Subvention</p>")
    rows = [box("Date de saisie", f.day()), box("Tiers (code Chorus)", "1000%06d" % f.rng.randint(0, 999999)),
            box("Raison sociale", f.legal), box("Identifiant (SIRET)", f.siret_text()), box("Objet", f.object),
            box("Montant HT", f.m(f.ht)), box("Taux de TVA", "20 %"), box("Montant TTC", f.m(f.ttc)), box("N° d'EJ créé", f.ej)]
    if f.marche:
        rows.insert(5, box("Référence du marché", f.marche)); truth["numbers.marche"] = f.marche
    html.append("<table class='b'>%s</table>" % "".join(rows))
    g.navette_truth(f, truth)
    return html, truth, ["siret"] if f.bad == "siret" else []


def cctp_two_columns(f):
    """A CCTP set in two columns: its title across the page, its articles flowing from the left column to the right,
    the object in the first article's sentence."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number, "object": f.object, "buyer.administration": f.service}
    first = f.object[0].lower() + f.object[1:]
    html = ["<p><b>%s</b><br>%s</p><h1 class='c'>CCTP</h1><p class='c'>Cahier des clauses techniques particulières – marché n° %s</p>" % (f.ministry, f.service, number)]
    body = "<h3>Article 1 – Objet</h3><p>Le présent marché a pour objet : %s.</p>" % first
    for t in ["Article 2 – Description", "Article 3 – Exécution", "Article 4 – Contrôles", "Article 5 – Réception"]:
        body += "<h3>%s</h3>%s" % (t, "<p>Le titulaire exécute les prestations conformément aux règles de l'art et aux prescriptions du présent cahier.</p>" * f.rng.randint(2, 4))
    html.append("<div style='column-count:2;column-gap:12mm;text-align:justify'>%s</div>" % body)
    return html, truth, []


TEMPLATES = {"facture": [landscape, credit_note], "devis": [landscape, coded_vat],
             "bon_de_commande": [order_delivery_dates], "acte_engagement": [ae_bons_de_commande],
             "fiche_navette": [chorus_form], "cctp": [cctp_two_columns]}
FACTS = FactsK
