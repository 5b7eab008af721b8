"""Set i of the stranger corpus: designs written in session 21 after set h was read, measured blind before any rule
was changed for them.

Loaded by `generate-stranger-corpus.py --set i`. Its pools are its own: other trades and services, other number
patterns, amounts « 1 234,56 » without currency or « EUR 1 234,56 », dates « 5.3.2025 » or « 05 mars 2025 ». Designs:
an invoice or quote whose fees come after the lines' subtotal (« Sous-total HT », « Frais de gestion 5 % », « Total
HT »); an invoice from a public body to a State service (the supplier's SIREN starts with 1 or 2, as the State's
own); an order whose lines are grouped by imputation, each group with its subtotal, then the order's totals; an acte
d'engagement granting an advance stated as a share of the TTC; a fiche navette asking AE for the whole contract and
CP for the year; a CCTP with a table of versions whose object is stated as « L'opération consiste en … ».
"""
import importlib.util, os

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("stranger", os.path.join(HERE, "generate-stranger-corpus.py"))
g = importlib.util.module_from_spec(spec)
spec.loader.exec_module(g)
grouped, MONTHS = g.grouped, g.MONTHS


class FactsI(g.OwnForms):
    COMPANIES = ["Fontaines et Réseaux d'Eau", "Sérigraphie Martin Frères", "Clinique Vétérinaire des Halles",
                 "Ateliers Numériques Garonne", "Location Engins du Sud", "Scènes et Lumières d'Alsace",
                 "Cabinet Ravel Avocats", "Transports Scolaires Bocage", "Biolab Analyses Médicales",
                 "Maison Perrin Traiteur", "Archivage Sécurisé Normandie", "Groupe Ecovert Énergie"]
    PUBLIC = ["Institut national de l'information géographique et forestière", "Union des groupements d'achats publics",
              "Météo-France", "Centre national des œuvres universitaires et scolaires", "Agence pour l'informatique financière de l'État"]
    FORMS = ["SAS", "SARL", "SA", "EURL", "SCOP"]
    STREETS = ["rue des Remparts", "avenue de la Libération", "chemin du Stade", "rue Nationale", "place Carnot",
               "boulevard Gambetta", "impasse du Four", "rue de la Gare"]
    TOWNS = [("31000", "Toulouse"), ("64000", "Pau"), ("67000", "Strasbourg"), ("14000", "Caen"), ("86000", "Poitiers"),
             ("37000", "Tours"), ("21000", "Dijon"), ("80000", "Amiens"), ("30000", "Nîmes"), ("72000", "Le Mans")]
    BUYERS = [("Ministère de l'Intérieur", "Préfecture de la Haute-Garonne"),
              ("Ministère de la Justice", "Direction interrégionale des services pénitentiaires de Toulouse"),
              ("Ministère de l'Éducation nationale", "Rectorat de l'académie de Normandie"),
              ("Ministère des Armées", "Direction de la maintenance aéronautique"),
              ("Ministère de la Transition écologique", "Direction régionale de l'environnement, de l'aménagement et du logement Grand Est"),
              ("Ministère de l'Économie et des Finances", "Service des impôts des entreprises de Pau"),
              ("Ministère de la Culture", "Bibliothèque nationale de France"),
              ("Ministère de l'Agriculture", "Direction départementale de la protection des populations de la Somme")]
    OBJECTS = [
        ("Entretien des fontaines du site de {s}", [("Visite d'entretien", 220), ("Traitement de l'eau (mois)", 85), ("Pièces (forfait)", 140)]),
        ("Marquage des tenues du personnel de {s}", [("Marquage brodé", 6.5), ("Écusson", 3.2), ("Frais de calage", 90)]),
        ("Location d'une nacelle pour le site de {s}", [("Nacelle 12 m (jour)", 260), ("Transport aller-retour", 180), ("Assurance (jour)", 18)]),
        ("Sonorisation et éclairage du colloque {p}", [("Régie lumière (jour)", 780), ("Console son (jour)", 240), ("Technicien (heure)", 48)]),
        ("Conseil juridique sur le projet {p}", [("Heure d'avocat associé", 280), ("Heure de collaborateur", 160), ("Note de consultation", 900)]),
        ("Archivage des dossiers de {s}", [("Boîte archivée (an)", 2.4), ("Collecte (passage)", 150), ("Destruction certifiée (kg)", 0.6)]),
        ("Cartographie des zones à risques {p}", [("Jeu de données (licence)", 1200), ("Traitement cartographique (jour)", 650), ("Impression des cartes", 35)]),
        ("Restauration du séminaire {p}", [("Déjeuner (personne)", 29), ("Pause (personne)", 6), ("Service (heure)", 36)]),
    ]
    PRODUCTS = ["Territoires 2030", "Justice Numérique", "Campus Avenir", "Mer et Climat", "Patrimoine Vivant", "Fiscalité Simple"]
    SITES = ["Toulouse Saint-Cyprien", "Pau Université", "Strasbourg Meinau", "Caen Presqu'île", "Tours Deux-Lions", "Nîmes Costières"]
    FONTS = ["DejaVu Sans", "Liberation Sans", "Liberation Serif", "DejaVu Serif"]
    MARCHES = ["%d-PREF31-%03d", "MP%d-%03d", "%d/BNF/%04d", "%d-DMAé-%02d", "%dDIR%03d"]
    ACCORDS = ["%d-AC-NAT-%03d", "ACN%d.%03d", "%d-UGAP-%04d"]
    MONEY = [lambda d, r: grouped(d, " ") + ",%02d" % r, lambda d, r: "EUR " + grouped(d, " ") + ",%02d" % r,
             lambda d, r: grouped(d, "\u00a0") + ",%02d €" % r]
    DATES = [lambda y, m, d: "%d.%d.%d" % (d, m, y), lambda y, m, d: "%02d %s %d" % (d, MONTHS[m - 1], y),
             lambda y, m, d: "%02d/%02d/%d" % (d, m, y)]


def rows(f, lines):
    return "".join("<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.m(u), f.m(t)) for l, q, u, t in lines)


HEADS = "<tr class='grey'><th>Libellé</th><th class='r'>Quantité</th><th class='r'>Prix unitaire</th><th class='r'>Montant</th></tr>"


def fees_after_subtotal(f):
    """An invoice or quote whose management fees come after the lines' subtotal: « Sous-total HT », « Frais de
    gestion 5 % », « Total HT », « TVA 20 % », « Total TTC »; the client's block on the left, the firm's on the right."""
    truth = {}
    number = f.rng.choice(["%d-%04d", "N%d%04d", "%d/%04d/F"]) % (f.year, f.rng.randint(1, 9999))
    truth["numbers.document"] = number
    subtotal = sum(l[3] for l in f.lines)
    fee_rate = f.rng.choice([3, 5, 8])
    fee = subtotal * fee_rate // 100
    f.set_rates([(20, subtotal + fee)])
    html = ["<table><tr><td style='width:50%%'><div class='box'>%s<br>%s<br>%s<br>%s %s</div></td><td class='r'><b style='font-size:1.2em'>%s</b><br>%s<br>%s %s<br>SIRET %s<br>TVA %s</td></tr></table>" % (
        f.ministry, f.service, f.b_street, f.b_postcode, f.b_town, f.legal, f.street, f.postcode, f.town, f.siret_text(), f.vat)]
    html.append("<h2>%s n° %s</h2><p>En date du %s</p>" % ("Facture" if f.kind == "facture" else "Devis", number, f.day()))
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p>Objet : %s</p>" % f.object)
    truth["object"] = f.object
    html.append("<table class='b'>%s%s</table>" % (HEADS, rows(f, f.lines)))
    totals = [("Sous-total HT", subtotal), ("Frais de gestion %d %%" % fee_rate, fee), ("Total HT", f.ht), ("TVA 20 %", f.tva), ("Total TTC", f.ttc)]
    html.append("<table style='width:45%%;margin-left:55%%;margin-top:8pt'>%s</table>" % "".join(
        "<tr><td>%s</td><td class='r'>%s</td></tr>" % (l, f.m(v)) for l, v in totals))
    if f.kind == "facture":
        html.append("<p class='small'>À régler sous 30 jours. IBAN : %s</p>" % f.iban_text())
    return html, truth, g.supplier_truth(f, truth, iban=f.kind == "facture")


def public_supplier(f):
    """An invoice or quote from a public body (an établissement public) to a State service: its SIREN starts with 1
    or 2 like the State's own; its name and identifiers head the page, the client's block under them."""
    truth = {}
    f.legal = f.rng.choice(FactsI.PUBLIC)
    f.siren = g.siren(f.rng, public=True)
    f.siret, f.vat = g.siret(f.rng, f.siren), g.vat(f.siren)
    if f.bad == "iban": f.iban = g.iban_fr(f.rng)
    f.bad = None
    number = "%s%d%06d" % (f.rng.choice(["FC", "FV", "DE"]), f.year, f.rng.randint(1, 999999))
    truth["numbers.document"] = number
    f.set_rates([(20, sum(l[3] for l in f.lines))])
    html = ["<p><b style='font-size:1.2em'>%s</b><br>Établissement public<br>%s – %s %s<br>SIRET : %s – N° TVA : %s</p>" % (
        f.legal, f.street, f.postcode, f.town, f.siret_text(), f.vat)]
    html.append("<div class='box' style='width:55%%;margin-left:45%%'>Client :<br>%s<br>%s<br>%s %s</div>" % (f.ministry, f.service, f.b_postcode, f.b_town))
    html.append("<h2>%s N° %s</h2><p>Date : %s</p>" % ("FACTURE" if f.kind == "facture" else "DEVIS", number, f.day()))
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p>Objet : %s</p>" % f.object)
    truth["object"] = f.object
    html.append("<table class='b'>%s%s</table>" % (HEADS, rows(f, f.lines)))
    html.append("<table style='width:45%%;margin-left:55%%;margin-top:8pt'><tr><td>Total HT</td><td class='r'>%s</td></tr>"
                "<tr><td>TVA 20 %%</td><td class='r'>%s</td></tr><tr><td>Total TTC</td><td class='r'>%s</td></tr></table>" % (f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    if f.kind == "facture":
        html.append("<p class='small'>Paiement par virement au comptable de l'établissement : IBAN %s</p>" % f.iban_text())
    return html, truth, g.supplier_truth(f, truth, iban=f.kind == "facture")


def order_by_imputation(f):
    """An order whose lines are grouped by imputation (two centres financiers), each group with its subtotal HT,
    then the order's totals."""
    truth = {"numbers.document": f.ej, "numbers.ej": f.ej}
    cut = max(1, len(f.lines) // 2)
    groups = [f.lines[:cut], f.lines[cut:]] if len(f.lines) > 1 else [f.lines]
    f.set_rates([(20, sum(l[3] for l in f.lines))])
    html = ["<p><b>%s</b><br>%s</p><h2>BON DE COMMANDE</h2><p>N° d'engagement juridique : %s<br>Date : %s</p>" % (f.ministry, f.service, f.ej, f.day())]
    html.append("<p>Titulaire : %s – SIRET %s<br>%s, %s %s</p>" % (f.legal, f.siret_text(), f.street, f.postcode, f.town))
    for l, v in g.refs(f, truth, False):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p>Objet de la commande : %s</p>" % f.object)
    truth["object"] = f.object
    body = ""
    for index, group in enumerate(groups):
        body += "<tr class='grey'><td colspan='4'>Imputation : centre financier 0%d-DR%02d-C%03d</td></tr>" % (f.rng.randint(100, 999), f.rng.randint(1, 99), f.rng.randint(1, 999))
        body += rows(f, group)
        body += "<tr><td colspan='3'>Sous-total HT de l'imputation</td><td class='r'>%s</td></tr>" % f.m(sum(l[3] for l in group))
    html.append("<table class='b'>%s%s</table>" % (HEADS, body))
    html.append("<p style='margin-top:8pt'>Total HT de la commande : %s<br>TVA (20 %%) : %s<br>Total TTC de la commande : %s</p>" % (f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    return html, truth, g.supplier_truth(f, truth, vat=False)


def ae_advance(f):
    """An acte d'engagement whose price is followed by the advance granted, stated as a share of the TTC, and the
    holder's account."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number}
    f.set_rates([(20, sum(l[3] for l in f.lines))])
    share = f.rng.choice([5, 10, 20, 30])
    html = ["<p><b>%s</b><br>%s</p><h1 class='c'>ACTE D'ENGAGEMENT</h1><p class='c'>Marché n° %s</p>" % (f.ministry, f.service, number)]
    html.append("<p><b>Objet du marché :</b> %s</p>" % f.object)
    html.append("<p><b>Titulaire :</b> %s, %s, %s %s – SIRET %s – TVA %s</p>" % (f.legal, f.street, f.postcode, f.town, f.siret_text(), f.vat))
    html.append("<p><b>Prix :</b> le marché est conclu pour un montant de %s HT, soit %s TTC (TVA au taux de 20 %% : %s).</p>" % (f.m(f.ht), f.m(f.ttc), f.m(f.tva)))
    html.append("<p><b>Avance :</b> le titulaire bénéficie d'une avance de %d %% du montant TTC, soit %s, versée à la notification.</p>" % (share, f.m(f.ttc * share // 100)))
    html.append("<p><b>Compte à créditer :</b> IBAN %s</p><p>Fait à %s, le %s</p>" % (f.iban_text(), f.b_town, f.day()))
    g.acte_truth(f, truth)
    return html, truth, g.supplier_truth(f, truth, iban=True)


def navette_ae_cp(f):
    """A fiche navette asking AE for the whole contract and CP for the year (a share of it), besides the amounts HT
    and TTC of the purchase."""
    truth = {"numbers.ej": f.ej, "supplier.name": f.legal, "supplier.siret": f.siret, "object": f.object}
    cp = f.ttc * f.rng.choice([25, 40, 50]) // 100
    rows_ = [("Service", f.service), ("Date", f.day()), ("Objet", f.object), ("Fournisseur", f.legal), ("SIRET", f.siret_text()),
             ("Montant HT", f.m(f.ht)), ("Montant TTC", f.m(f.ttc)), ("AE à engager", f.m(f.ttc)),
             ("CP %d" % f.year, f.m(cp)), ("N° EJ", f.ej)]
    if f.marche:
        rows_.insert(5, ("Marché", f.marche)); truth["numbers.marche"] = f.marche
    html = ["<p><b>%s</b></p><h2 class='c'>FICHE NAVETTE</h2>" % f.ministry,
            "<table class='b'>%s</table>" % "".join("<tr><td class='grey' style='width:30%%'>%s</td><td>%s</td></tr>" % r for r in rows_),
            "<p class='small'>Les CP des années suivantes seront demandés à chaque échéance.</p>"]
    g.navette_truth(f, truth)
    return html, truth, ["siret"] if f.bad == "siret" else []


def cctp_versions(f):
    """A CCTP opening on a table of its versions, its object stated as « L'opération consiste en … », its reference
    « MAPA n° … »."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number, "object": f.object, "buyer.administration": f.service}
    html = ["<p><b>%s</b><br>%s</p><h1 class='c'>Cahier des clauses techniques particulières</h1><p class='c'>MAPA n° %s</p>" % (f.ministry, f.service, number)]
    html.append("<table class='b' style='margin-top:10mm'><tr class='grey'><th>Version</th><th>Date</th><th>Auteur</th><th>Modifications</th></tr>"
                "<tr><td>1.0</td><td>%s</td><td>Service achats</td><td>Création</td></tr><tr><td>1.1</td><td>%s</td><td>Service technique</td><td>Relecture</td></tr></table>" % (
                    f.day(f.later(-2)), f.day(f.later(-1))))
    first = f.object[0].lower() + f.object[1:]
    html.append("<h2>1. Présentation de l'opération</h2><p>L'opération consiste en : %s.</p>" % first)
    for t in ["2. Consistance des prestations", "3. Exigences de qualité", "4. Réception des prestations"]:
        html.append("<h2>%s</h2>%s" % (t, "<p>Les prestations sont conduites selon les règles de l'art et les normes en vigueur ; toute adaptation est soumise au représentant de l'acheteur.</p>" * f.rng.randint(2, 3)))
    return html, truth, []


TEMPLATES = {"facture": [fees_after_subtotal, public_supplier], "devis": [fees_after_subtotal, public_supplier],
             "bon_de_commande": [order_by_imputation], "acte_engagement": [ae_advance],
             "fiche_navette": [navette_ae_cp], "cctp": [cctp_versions]}
FACTS = FactsI
