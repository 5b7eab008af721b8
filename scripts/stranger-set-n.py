"""Set n of the stranger corpus: designs written in session 24, measured blind before any rule was changed for them.

Loaded by `generate-stranger-corpus.py --set n`. Its pools are its own: other trades, other State services, other
number patterns, amounts « 1 234,56 € » that drop « ,00 » on whole euros (« 1 250 € »), « 1 234,56 » or
« 1.234,56 EUR », dates « 05/03/2025 », « 5 mars 2025 » or « 05.03.2025 ». Designs: a monthly statement invoice
listing its delivery notes (« BL n° … du … ») with a payment slip to cut off at its foot repeating the invoice's
number, the client's number and the sum to pay, and the company's registration printed up the left margin; an
invoice or quote whose totals stand in cards, each label above its amount; a quote for rented equipment priced per
day with a deposit (« dépôt de garantie ») outside the totals; an order printed by an ERP (« Bon de commande n°
4500… », postes 00010, 00020, « Valeur nette »), a purchase order number that is not an EJ; an acte d'engagement
whose price is only in its financial annex on page 2; a fiche navette comparing three quotes, the one retained
marked; a CCTP of one lot whose object is a sentence after a preamble (« Les travaux objet du présent CCTP
concernent … »).
"""
import importlib.util, os

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("stranger", os.path.join(HERE, "generate-stranger-corpus.py"))
g = importlib.util.module_from_spec(spec)
spec.loader.exec_module(g)
grouped, MONTHS = g.grouped, g.MONTHS


def whole_or_cents(sep):
    """« 1 250 € » on whole euros, « 1 250,40 € » otherwise, as a hand-made sheet prints them."""
    return lambda d, r: grouped(d, sep) + ("\u00a0€" if r == 0 else ",%02d\u00a0€" % r)


class FactsN(g.OwnForms):
    COMPANIES = ["Fournitures de Bureau Lambert", "Transports Express Vidal", "Laboratoire d'Analyses Fontaine",
                 "Imprimerie Nouvelle Perrin", "Location Matériel Chevalier", "Espaces Verts Rolland",
                 "Plomberie Chauffage Gauthier", "Sécurité Gardiennage Robin", "Traiteur Les Saveurs Mercier",
                 "Audit et Conseil Dumas", "Archives Numériques Roussel", "Formation Langues Blanchard"]
    FORMS = ["SAS", "SARL", "SA", "EURL", "SASU", "SNC"]
    STREETS = ["rue Victor Hugo", "avenue Jean Jaurès", "rue de Brest", "boulevard de la Liberté", "chemin des Vignes",
               "rue du Port", "impasse des Artisans", "quai de la Fosse"]
    TOWNS = [("35000", "Rennes"), ("29200", "Brest"), ("56100", "Lorient"), ("44000", "Nantes"), ("14000", "Caen"),
             ("76000", "Rouen"), ("31000", "Toulouse"), ("34000", "Montpellier"), ("86000", "Poitiers"), ("50100", "Cherbourg-en-Cotentin")]
    BUYERS = [("Ministère de la Culture", "Direction régionale des affaires culturelles de Bretagne"),
              ("Ministère de la Santé et de l'Accès aux soins", "Agence régionale de santé Occitanie"),
              ("Ministère des Sports", "Délégation régionale académique à la jeunesse, à l'engagement et aux sports de Normandie"),
              ("Ministère de l'Intérieur", "Secrétariat général pour l'administration du ministère de l'Intérieur Ouest"),
              ("Ministère de la Transition écologique", "Direction interrégionale de la mer Nord Atlantique-Manche Ouest"),
              ("Ministère de l'Enseignement supérieur et de la Recherche", "Rectorat de la région académique Normandie"),
              ("Ministère de la Justice", "Direction interrégionale des services pénitentiaires de Rennes"),
              ("Ministère de l'Économie et des Finances", "Direction régionale des finances publiques de Bretagne")]
    OBJECTS = [
        ("Fourniture de papeterie et consommables pour {s}", [("Ramette papier A4 80 g", 5), ("Toner noir", 78), ("Classeurs à levier", 3)]),
        ("Transport de mobilier entre les sites de {s}", [("Camion 20 m3 avec chauffeur (jour)", 640), ("Manutentionnaire (heure)", 38), ("Caisses de déménagement", 2)]),
        ("Analyses d'eau des bâtiments de {s}", [("Prélèvement", 95), ("Analyse légionelles", 140), ("Rapport d'analyse", 60)]),
        ("Impression des supports du projet {p}", [("Affiche A2 (cent)", 85), ("Brochure 16 pages (cent)", 210), ("Flyer A5 (mille)", 120)]),
        ("Location de matériel pour l'événement {p}", [("Praticable scène (jour)", 45), ("Sonorisation (jour)", 380), ("Chaise pliante (jour)", 2)]),
        ("Entretien des espaces verts de {s}", [("Tonte (passage)", 260), ("Taille des haies (ml)", 4), ("Évacuation des déchets verts", 180)]),
        ("Gardiennage du site de {s}", [("Agent de sécurité (heure)", 26), ("Ronde de nuit", 85), ("Astreinte mensuelle", 450)]),
        ("Formation en anglais des agents du projet {p}", [("Cours collectif (heure)", 70), ("Test de niveau", 45), ("Supports pédagogiques", 25)]),
    ]
    PRODUCTS = ["Culture Pass Région", "Santé Prévention", "Sport Ensemble", "Mer Connectée", "Campus Numérique", "Justice Proximité"]
    SITES = ["Rennes Colombier", "Brest Kerichen", "Caen Presqu'île", "Rouen Saint-Sever", "Toulouse Compans", "Nantes Malakoff"]
    FONTS = ["DejaVu Sans", "Liberation Serif", "Liberation Sans", "DejaVu Serif"]
    MARCHES = ["%d-DRAC-%03d", "M%d-%04d", "%d/ARS/%03d", "%d-SGAMI-O-%03d", "DIRM-%d-%02d"]
    ACCORDS = ["%d-ACN-%03d", "AC%d-%04d", "%d-UGAP-AC-%03d"]
    MONEY = [whole_or_cents("\u00a0"), lambda d, r: grouped(d, "\u00a0") + ",%02d" % r,
             lambda d, r: grouped(d, ".") + ",%02d\u00a0EUR" % r]
    DATES = [lambda y, m, d: "%02d/%02d/%d" % (d, m, y), lambda y, m, d: "%d %s %d" % (d, MONTHS[m - 1], y),
             lambda y, m, d: "%02d.%02d.%d" % (d, m, y)]

    def __init__(self, rng, kind):
        super().__init__(rng, kind)
        # Whole-euro prices half the time, so that « ,00 » dropped is seen on lines and totals.
        if rng.random() < 0.5:
            self.lines = [(l, q, u // 100 * 100, q * (u // 100 * 100)) for l, q, u, t in self.lines]


def margin_mention(f):
    """The company's registration printed up the page's left margin, as many invoices carry it."""
    return ("<div style='position:absolute;left:-12mm;top:150mm;transform:rotate(-90deg);transform-origin:left top;"
            "font-size:6.5pt;color:#666;white-space:nowrap'>%s – RCS %s %s – capital %s €</div>" % (
                f.legal, f.town, g.group(f.siren, 3), f.rng.choice(["10 000", "45 000", "150 000"])))


def statement(f):
    """A monthly statement invoice listing its delivery notes, each with its number, date and HT, a payment slip to
    cut off at its foot, the company's registration up the left margin."""
    truth = {}
    number = f.rng.choice(["FR%d-%05d", "%d%06d", "REL-%d-%04d"]) % (f.year, f.rng.randint(1, 99999))
    client = "C%05d" % f.rng.randint(1, 99999)
    truth["numbers.document"] = number
    f.set_rates([(20, sum(l[3] for l in f.lines))])
    html = [margin_mention(f)]
    html.append("<table><tr><td><b style='font-size:1.3em'>%s</b><br>%s<br>%s %s<br>SIRET %s<br>TVA %s</td>"
                "<td class='r'><h2>RELEVÉ DE FACTURATION</h2>Facture n° %s<br>Date : %s<br>N° client : %s<br>Période : %s</td></tr></table>" % (
                    f.legal, f.street, f.postcode, f.town, f.siret_text(), f.vat, number, f.day(), client, MONTHS[f.date[1] - 1]))
    html.append("<div class='box' style='width:48%%;margin:8pt 0 8pt 50%%'>%s<br>%s<br>%s<br>%s %s</div>" % (f.ministry, f.service, f.b_street, f.b_postcode, f.b_town))
    for l, v in g.refs(f, truth, True):
        html.append("<p style='margin:1pt 0'>%s : %s</p>" % (l, v))
    html.append("<p>Objet : %s</p>" % f.object)
    truth["object"] = f.object
    rows = ""
    for i, (label, qty, unit, total) in enumerate(f.lines):
        note = "BL%d%04d" % (f.year % 100, f.rng.randint(1, 9999))
        rows += "<tr><td>%s</td><td>%s</td><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (
            note, f.day(f.later_days(-20 + 5 * i)), label, qty, f.m(unit), f.m(total))
    html.append("<table class='b'><tr class='grey'><th>N° BL</th><th>Date de livraison</th><th>Désignation</th><th class='r'>Qté</th><th class='r'>P.U. HT</th><th class='r'>Montant HT</th></tr>%s</table>" % rows)
    html.append("<table style='width:45%%;margin-left:55%%;margin-top:6pt' class='b'><tr><td>Total HT</td><td class='r'>%s</td></tr>"
                "<tr><td>TVA 20 %%</td><td class='r'>%s</td></tr><tr><td><b>Total TTC</b></td><td class='r'><b>%s</b></td></tr></table>" % (f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    html.append("<p class='small'>Règlement à 30 jours par virement – IBAN %s</p>" % f.iban_text())
    html.append("<div style='border-top:1pt dashed #444;margin-top:18pt;padding-top:6pt'><p class='small'>✂ Talon à joindre à votre règlement</p>"
                "<table class='b'><tr><td>Facture n°</td><td>N° client</td><td>Échéance</td><td>Montant à régler</td></tr>"
                "<tr><td>%s</td><td>%s</td><td>%s</td><td class='r'><b>%s</b></td></tr></table></div>" % (number, client, f.day(f.later(1)), f.m(f.ttc)))
    return html, truth, g.supplier_truth(f, truth, iban=True)


def cards(f):
    """An invoice or quote whose totals stand in cards on the right, each label above its amount."""
    truth = {}
    word = "Facture" if f.kind == "facture" else "Devis"
    number = f.rng.choice(["%s-%d-%03d", "%s%d%04d"]) % (word[0], f.year, f.rng.randint(1, 999))
    truth["numbers.document"] = number
    f.set_rates([(f.rng.choice([20, 20, 10]), sum(l[3] for l in f.lines))])
    rate = f.rates[0][0]
    html = ["<p style='font-size:1.4em'><b>%s</b></p><p>%s · %s %s · SIRET %s · TVA %s</p>" % (f.legal, f.street, f.postcode, f.town, f.siret_text(), f.vat)]
    html.append("<table><tr><td style='width:50%%'><b>%s n° %s</b><br>Émis le %s</td><td>%s<br>%s<br>%s %s</td></tr></table>" % (
        word, number, f.day(), f.service, f.b_street, f.b_postcode, f.b_town))
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p style='margin:1pt 0'>%s : %s</p>" % (l, v))
    html.append("<p>Objet : %s</p>" % f.object)
    truth["object"] = f.object
    lines = "".join("<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.m(u), f.m(t)) for l, q, u, t in f.lines)
    card = lambda label, value, dark: ("<div style='border:0.8pt solid #999;border-radius:4pt;padding:5pt;margin-bottom:5pt;%s'>"
                                       "<div class='small'>%s</div><div style='font-size:1.3em'><b>%s</b></div></div>" % (
                                           "background:#eef" if dark else "", label, value))
    html.append("<table><tr><td style='width:68%%'><table class='b'><tr class='grey'><th>Désignation</th><th class='r'>Qté</th><th class='r'>P.U. HT</th><th class='r'>Total HT</th></tr>%s</table></td>"
                "<td style='padding-left:10pt'>%s%s%s</td></tr></table>" % (
                    lines, card("Total HT", f.m(f.ht), False), card("TVA %s %%" % g.rate_text(rate), f.m(f.tva), False),
                    card("Total TTC" if f.kind == "devis" else "Net à payer", f.m(f.ttc), True)))
    if f.kind == "devis":
        html.append("<p class='small'>Devis valable 60 jours. Bon pour accord, date et signature :</p>")
    return html, truth, g.supplier_truth(f, truth)


def rental(f):
    """A quote for rented equipment priced per day (quantity × days × daily rate), a deposit asked apart from the
    totals (« dépôt de garantie », returned after the event) and the delivery and collection dates."""
    truth = {}
    number = f.rng.choice(["LOC-%d-%04d", "D%d-%05d"]) % (f.year, f.rng.randint(1, 9999))
    truth["numbers.document"] = number
    days = f.rng.choice([2, 3, 5])
    lines = [(l, q, u, q * u * days) for l, q, u, t in f.lines]
    f.lines = lines
    f.set_rates([(20, sum(l[3] for l in lines))])
    deposit = max(50000, f.ttc // 2 // 10000 * 10000)
    html = ["<table><tr><td><b style='font-size:1.3em'>%s</b><br>%s, %s %s<br>SIRET %s – TVA %s</td><td class='r'><h2>DEVIS DE LOCATION</h2>N° %s<br>%s</td></tr></table>" % (
        f.legal, f.street, f.postcode, f.town, f.siret_text(), f.vat, number, f.day())]
    html.append("<p>Client : %s – %s, %s %s</p>" % (f.service, f.b_street, f.b_postcode, f.b_town))
    for l, v in g.refs(f, truth, False):
        html.append("<p style='margin:1pt 0'>%s : %s</p>" % (l, v))
    html.append("<p>Objet : %s</p><p>Livraison le %s – reprise le %s (%d jours de location)</p>" % (f.object, f.day(f.later_days(10)), f.day(f.later_days(10 + days)), days))
    truth["object"] = f.object
    html.append("<table class='b'><tr class='grey'><th>Matériel</th><th class='r'>Qté</th><th class='r'>Jours</th><th class='r'>Tarif jour HT</th><th class='r'>Montant HT</th></tr>%s</table>" % "".join(
        "<tr><td>%s</td><td class='r'>%s</td><td class='r'>%d</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, days, f.m(u), f.m(t)) for l, q, u, t in lines))
    html.append("<table style='width:45%%;margin-left:55%%;margin-top:6pt'><tr><td>Total HT</td><td class='r'>%s</td></tr><tr><td>TVA 20 %%</td><td class='r'>%s</td></tr>"
                "<tr><td><b>Total TTC</b></td><td class='r'><b>%s</b></td></tr></table>" % (f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    html.append("<p>Dépôt de garantie (chèque non encaissé, rendu au retour du matériel) : %s</p>" % f.m(deposit))
    return html, truth, g.supplier_truth(f, truth)


def erp_order(f):
    """An order printed by a public body's ERP: « Bon de commande n° 4500… » (the purchasing system's number, not
    a Chorus EJ), the supplier by its account number, postes 00010, 00020 with their net value."""
    number = "45%08d" % f.rng.randint(0, 99999999)
    truth = {"numbers.document": number}
    f.set_rates([(20, sum(l[3] for l in f.lines))])
    html = ["<table><tr><td><b>%s</b><br>%s<br>%s<br>%s %s</td><td class='r'><h2>BON DE COMMANDE</h2>N° %s<br>Date : %s</td></tr></table>" % (
        f.ministry, f.service, f.b_street, f.b_postcode, f.b_town, number, f.day())]
    html.append("<table class='b'><tr><td style='width:50%%'>Fournisseur n° %d<br><b>%s</b><br>%s<br>%s %s<br>SIRET %s</td>"
                "<td>Adresse de facturation<br>%s<br>Centre de services partagés<br>%s %s</td></tr></table>" % (
                    f.rng.randint(100000, 199999), f.legal, f.street, f.postcode, f.town, f.siret_text(), f.service, f.b_postcode, f.b_town))
    for l, v in g.refs(f, truth, False):
        html.append("<p style='margin:1pt 0'>%s : %s</p>" % (l, v))
    html.append("<p>Objet : %s</p>" % f.object)
    truth["object"] = f.object
    rows = "".join("<tr><td>%05d</td><td>%s</td><td class='r'>%s</td><td>UN</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (
        10 * (i + 1), l, q, f.m(u), f.m(t)) for i, (l, q, u, t) in enumerate(f.lines))
    html.append("<table class='b'><tr class='grey'><th>Poste</th><th>Désignation</th><th class='r'>Quantité</th><th>Unité</th><th class='r'>Prix net</th><th class='r'>Valeur nette</th></tr>%s</table>" % rows)
    html.append("<table style='width:50%%;margin-left:50%%;margin-top:6pt'><tr><td>Valeur totale nette HT</td><td class='r'>%s</td></tr>"
                "<tr><td>TVA 20 %%</td><td class='r'>%s</td></tr><tr><td><b>Montant total TTC</b></td><td class='r'><b>%s</b></td></tr></table>" % (f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    html.append("<p class='small'>Les factures rappellent le numéro du bon de commande et sont déposées sur Chorus Pro.</p>")
    return html, truth, g.supplier_truth(f, truth, vat=False)


def ae_annex(f):
    """An acte d'engagement whose first page names the parties and refers to its financial annex; the annex on
    page 2 gives the price by item and the totals."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number}
    f.set_rates([(20, sum(l[3] for l in f.lines))])
    html = ["<p><b>%s</b><br>%s</p><h1 class='c'>ACTE D'ENGAGEMENT</h1><p class='c'>Marché public n° %s</p>" % (f.ministry, f.service, number)]
    html.append("<h3>A – Objet</h3><p>%s</p>" % f.object)
    html.append("<h3>B – Identification du titulaire</h3><table class='b'><tr><td>Dénomination sociale</td><td>%s</td></tr>"
                "<tr><td>Adresse</td><td>%s, %s %s</td></tr><tr><td>SIRET</td><td>%s</td></tr><tr><td>N° TVA</td><td>%s</td></tr></table>" % (
                    f.legal, f.street, f.postcode, f.town, f.siret_text(), f.vat))
    html.append("<h3>C – Prix</h3><p>Le montant du marché est fixé dans l'annexe financière jointe au présent acte d'engagement.</p>")
    html.append("<h3>D – Paiement</h3><p>Compte à créditer : IBAN %s</p><p>Fait à %s, le %s</p>" % (f.iban_text(), f.town, f.day()))
    html.append("<div style='page-break-before:always'></div><h2 class='c'>ANNEXE FINANCIÈRE</h2><p class='c'>Marché n° %s</p>" % number)
    html.append("<table class='b'><tr class='grey'><th>Prestation</th><th class='r'>Quantité</th><th class='r'>Prix unitaire HT</th><th class='r'>Montant HT</th></tr>%s"
                "<tr><td colspan='3'>Montant total HT</td><td class='r'>%s</td></tr><tr><td colspan='3'>TVA 20 %%</td><td class='r'>%s</td></tr>"
                "<tr><td colspan='3'><b>Montant total TTC</b></td><td class='r'><b>%s</b></td></tr></table>" % (
                    "".join("<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.m(u), f.m(t)) for l, q, u, t in f.lines),
                    f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    g.acte_truth(f, truth)
    return html, truth, g.supplier_truth(f, truth, iban=True)


RIVALS = ["Bureau Vallée Services", "Ouest Logistique", "Analyses Océanes", "Print Atlantique", "Événement Plus Location",
          "Jardins de l'Ouest", "Thermique Armor", "Protection Sites Normandie", "Réceptions Bretonnes"]


def navette_rivals(f):
    """A fiche navette comparing three quotes (supplier, HT, TTC), the one retained marked « retenu » and named again
    below with its SIRET, the request's EJ filled in by the budget office."""
    truth = {"numbers.ej": f.ej, "supplier.name": f.legal, "supplier.siret": f.siret, "object": f.object}
    f.set_rates([(20, sum(l[3] for l in f.lines))])
    rivals = f.rng.sample(RIVALS, 2)
    offers = [(f.legal, f.ht, True)] + [(r, f.ht + f.rng.randint(5, 40) * f.ht // 100, False) for r in rivals]
    f.rng.shuffle(offers)
    html = ["<p>%s<br><b>%s</b></p><h2 class='c'>FICHE NAVETTE – DEMANDE D'ACHAT</h2>" % (f.ministry, f.service)]
    html.append("<p>Date de la demande : %s</p><p>Objet de l'achat : %s</p>" % (f.day(), f.object))
    for l, v in g.refs(f, truth, False):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p><b>Mise en concurrence</b></p><table class='b'><tr class='grey'><th>Fournisseur consulté</th><th class='r'>Montant HT</th><th class='r'>Montant TTC</th><th>Choix</th></tr>%s</table>" % "".join(
        "<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td>%s</td></tr>" % (n, f.m(h), f.m(h + int(round(h * 0.2))), "retenu" if kept else "") for n, h, kept in offers))
    html.append("<p>Motif du choix : offre économiquement la plus avantageuse.</p>")
    html.append("<p><b>Fournisseur retenu :</b> %s – SIRET %s</p><p>Montant engagé : %s HT, soit %s TTC</p>" % (f.legal, f.siret_text(), f.m(f.ht), f.m(f.ttc)))
    html.append("<p><b>Cadre réservé au service budgétaire</b></p><p>N° EJ : %s</p>" % f.ej)
    g.navette_truth(f, truth)
    return html, truth, ["siret"] if f.bad == "siret" else []


LOTS = [("01", "Gros œuvre"), ("02", "Plâtrerie – isolation"), ("03", "Menuiseries intérieures"), ("05", "Électricité"), ("07", "Peinture")]


def cctp_preamble(f):
    """A CCTP of one lot: its cover gives the operation and the lot, a preamble describes the site, and the object is
    a sentence of article 1 (« Les travaux objet du présent CCTP concernent … »)."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    lot, trade = f.rng.choice(LOTS)
    truth = {"numbers.marche": number, "object": f.object, "buyer.administration": f.service}
    html = ["<p>%s<br>%s</p>" % (f.ministry, f.service), "<div style='height:30mm'></div>"]
    html.append("<h1 class='c'>CAHIER DES CLAUSES TECHNIQUES PARTICULIÈRES</h1><p class='c'>Marché n° %s</p><p class='c'>Lot n° %s – %s</p>" % (number, lot, trade))
    html.append("<div style='page-break-before:always'></div><h3>Préambule</h3><p>Le site comprend plusieurs bâtiments construits entre 1970 et 1995, occupés par les services pendant toute la durée de la prestation.</p>")
    html.append("<h3>Article 1 – Généralités</h3><p>Les prestations objet du présent CCTP concernent : %s.</p>" % f.object)
    for t in ["Article 2 – Prescriptions générales", "Article 3 – Description des ouvrages", "Article 4 – Réception"]:
        html.append("<h3>%s</h3>%s" % (t, "<p>Le titulaire du lot %s exécute ses ouvrages selon les documents techniques unifiés en vigueur.</p>" % lot * f.rng.randint(2, 3)))
    return html, truth, []


TEMPLATES = {"facture": [statement, cards], "devis": [cards, rental],
             "bon_de_commande": [erp_order], "acte_engagement": [ae_annex],
             "fiche_navette": [navette_rivals], "cctp": [cctp_preamble]}
FACTS = FactsN
