"""Set m of the stranger corpus: designs written in session 23 after set l was read, measured blind before any rule
was changed for them. Most test what a page looks like more than what it says.

Loaded by `generate-stranger-corpus.py --set m`. Its pools are its own: other trades, other number patterns,
amounts « 1 234,56 € », « 1.234,56 » or « 1 234,56 EUR » (no-break spaces), dates « 05/03/2025 », « 5 mars 2025 »
or « 05-03-2025 ». Designs: an invoice in dark bands (white type on a dark header, table heading and total box)
under a « DUPLICATA » watermark, with a cash discount offered after its total (« Escompte 2 % … »); a works invoice
or quote whose lines are grouped by lot, each closed by its subtotal, then the grand total; a quote printed small in
light grey with a logo, a code square and a « Bon pour accord » box; an order stamped by the budget controller over
its totals, numbered in a shaded box, for a marché subséquent of an accord-cadre; an acte d'engagement priced as a
base offer plus a retained optional service (PSE); a fiche navette whose sections are dark bands; a CCTP whose
object is printed only on its cover band and in every page's footer.
"""
import importlib.util, os

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("stranger", os.path.join(HERE, "generate-stranger-corpus.py"))
g = importlib.util.module_from_spec(spec)
spec.loader.exec_module(g)
grouped, MONTHS = g.grouped, g.MONTHS


class FactsM(g.OwnForms):
    COMPANIES = ["Bâtiment Rénovation Picard", "Peinture et Décoration Morin", "Informatique Services Rhône",
                 "Électricité Générale Bonnet", "Menuiserie Aluminium Garnier", "Conseil RH Perspectives",
                 "Toitures du Val de Loire", "Sols et Revêtements Henry", "Ingénierie Fluides Marchand",
                 "Communication Graphique Lemoine", "Maintenance Ascenseurs Faure", "Multiservices Colin"]
    FORMS = ["SAS", "SARL", "SA", "EURL", "SASU", "SCOP"]
    STREETS = ["rue de la République", "avenue Pasteur", "rue des Écoles", "boulevard Gambetta", "route de Lyon",
               "rue du Stade", "allée des Peupliers", "zone industrielle Nord"]
    TOWNS = [("45000", "Orléans"), ("18000", "Bourges"), ("41000", "Blois"), ("36000", "Châteauroux"), ("28000", "Chartres"),
             ("42000", "Saint-Étienne"), ("38000", "Grenoble"), ("26000", "Valence"), ("03000", "Moulins"), ("58000", "Nevers")]
    BUYERS = [("Ministère de l'Intérieur", "Préfecture du Loiret"),
              ("Ministère de la Justice", "Direction interrégionale des services pénitentiaires de Dijon"),
              ("Ministère des Armées", "Établissement du service d'infrastructure de la défense de Lyon"),
              ("Ministère de l'Éducation nationale", "Rectorat de l'académie d'Orléans-Tours"),
              ("Ministère de l'Agriculture et de la Souveraineté alimentaire", "Direction départementale de la protection des populations du Cher"),
              ("Ministère de la Transition écologique", "Direction interdépartementale des routes Centre-Est"),
              ("Ministère de l'Économie et des Finances", "Direction régionale des douanes de Lyon"),
              ("Ministère du Travail", "Direction départementale de l'emploi, du travail et des solidarités de l'Indre")]
    OBJECTS = [
        ("Rénovation des bureaux du deuxième étage de {s}", [("Dépose des cloisons (m2)", 18), ("Peinture des murs (m2)", 24), ("Faux plafond (m2)", 46)]),
        ("Remplacement des menuiseries extérieures de {s}", [("Fenêtre aluminium", 780), ("Porte-fenêtre", 1240), ("Dépose et évacuation", 95)]),
        ("Réfection de l'étanchéité de la toiture de {s}", [("Étanchéité bicouche (m2)", 58), ("Relevés (ml)", 32), ("Installation de chantier", 1500)]),
        ("Maintenance du parc informatique de {s}", [("Intervention sur site (heure)", 68), ("Forfait mensuel", 1450), ("Pièces détachées", 240)]),
        ("Mise en conformité électrique de {s}", [("Tableau divisionnaire", 1850), ("Point lumineux", 120), ("Rapport de conformité", 450)]),
        ("Accompagnement au recrutement pour le projet {p}", [("Entretien de présélection", 180), ("Évaluation de compétences", 320), ("Synthèse", 600)]),
        ("Pose de revêtements de sol dans les locaux de {s}", [("Sol PVC (m2)", 38), ("Plinthes (ml)", 9), ("Ragréage (m2)", 14)]),
        ("Réalisation de supports de communication pour {p}", [("Conception graphique (jour)", 560), ("Dépliant (mille)", 210), ("Kakémono", 145)]),
    ]
    PRODUCTS = ["Mon Espace Candidat", "Route Sûre", "Douane Connect", "Alim Confiance", "Prépa Concours", "Emploi Inclusion"]
    SITES = ["Orléans Coligny", "Bourges Séraucourt", "Lyon Gerland", "Grenoble Europole", "Valence Latour", "Nevers Colbert"]
    FONTS = ["Liberation Sans", "DejaVu Sans", "DejaVu Serif", "Liberation Serif"]
    MARCHES = ["%d-PREF45-%03d", "MS%d-%03d", "%d/DIRCE/%04d", "%d-ESID-LY-%03d", "R45-%d-%02d"]
    ACCORDS = ["%d-AC-UGAP-%03d", "AC%dDAE%03d", "%d-ACMT-%04d"]
    MONEY = [lambda d, r: grouped(d, "\u00a0") + ",%02d\u00a0€" % r, lambda d, r: grouped(d, ".") + ",%02d" % r,
             lambda d, r: grouped(d, "\u00a0") + ",%02d\u00a0EUR" % r]
    DATES = [lambda y, m, d: "%02d/%02d/%d" % (d, m, y), lambda y, m, d: "%d %s %d" % (d, MONTHS[m - 1], y),
             lambda y, m, d: "%02d-%02d-%d" % (d, m, y)]


DARK = ["#1f3b5a", "#4a1f3b", "#1f4a2e", "#333333"]


def band(f, text, size=1.0):
    colour = DARK[sum(map(ord, f.name)) % len(DARK)]
    return "<div style='background:%s;color:#fff;padding:5pt 8pt;font-size:%.1fem'>%s</div>" % (colour, size, text)


def watermark(text):
    return ("<div style='position:absolute;top:110mm;left:20mm;font-size:70pt;color:#e4e4e4;transform:rotate(-35deg);"
            "z-index:-1'>%s</div>" % text)


def dark_bands(f):
    """An invoice in dark bands: white type on a dark header (the supplier and the title), a dark table heading and
    total box, a « DUPLICATA » watermark across the page, a cash discount offered after the total."""
    truth = {}
    number = f.rng.choice(["F-%d-%05d", "%d%05d", "FA/%d/%04d"]) % (f.year, f.rng.randint(1, 99999))
    truth["numbers.document"] = number
    f.set_rates([(20, sum(l[3] for l in f.lines))])
    colour = DARK[sum(map(ord, f.name)) % len(DARK)]
    html = [watermark("DUPLICATA")]
    html.append("<table style='background:%s;color:#fff'><tr><td style='padding:8pt'><b style='font-size:1.4em'>%s</b><br>%s – %s %s</td>"
                "<td class='r' style='padding:8pt'><b style='font-size:1.6em'>FACTURE</b><br>N° %s<br>du %s</td></tr></table>" % (
                    colour, f.legal, f.street, f.postcode, f.town, number, f.day()))
    html.append("<div class='box' style='width:45%%;margin:8pt 0 8pt 55%%'>%s<br>%s<br>%s<br>%s %s</div>" % (f.ministry, f.service, f.b_street, f.b_postcode, f.b_town))
    for l, v in g.refs(f, truth, True):
        html.append("<p style='margin:2pt 0'>%s : %s</p>" % (l, v))
    html.append("<p>Objet : %s</p>" % f.object)
    truth["object"] = f.object
    html.append("<table><tr style='background:%s;color:#fff'><th>Désignation</th><th class='r'>Qté</th><th class='r'>P.U. HT</th><th class='r'>Total HT</th></tr>%s</table>" % (
        colour, "".join("<tr style='border-bottom:0.5pt solid #ccc'><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.m(u), f.m(t)) for l, q, u, t in f.lines)))
    html.append("<table style='width:45%%;margin-left:55%%;margin-top:6pt'><tr><td>Total HT</td><td class='r'>%s</td></tr><tr><td>TVA 20 %%</td><td class='r'>%s</td></tr>"
                "<tr style='background:%s;color:#fff'><td><b>TOTAL TTC</b></td><td class='r'><b>%s</b></td></tr></table>" % (f.m(f.ht), f.m(f.tva), colour, f.m(f.ttc)))
    rate = f.rng.choice([1, 2, 3])
    html.append("<p class='small'>Escompte de %d %% pour paiement sous 8 jours : %s net à payer. Pénalités de retard : trois fois le taux d'intérêt légal.</p>" % (
        rate, f.m(f.ttc - f.ttc * rate // 100)))
    html.append("<p class='small'>SIRET %s – TVA intracommunautaire %s – IBAN %s</p>" % (f.siret_text(), f.vat, f.iban_text()))
    return html, truth, g.supplier_truth(f, truth, iban=True)


LOTS = ["Lot 1 – Démolition", "Lot 2 – Travaux", "Lot 3 – Finitions", "Lot 4 – Nettoyage"]


def lot_subtotals(f):
    """A works invoice or quote whose lines are grouped by lot, each lot closed by its subtotal, then the grand
    total, the VAT and the TTC."""
    truth = {}
    number = f.rng.choice(["%d-%04d", "TX%d%03d", "%d/%03d"]) % (f.year, f.rng.randint(1, 999))
    if f.kind == "devis": number = "DEV-" + number
    truth["numbers.document"] = number
    groups = [f.lines[i::2] for i in range(2)] if len(f.lines) >= 2 else [f.lines]
    f.set_rates([(f.rng.choice([20, 10]), sum(l[3] for l in f.lines))])
    rate = f.rates[0][0]
    html = ["<p><b style='font-size:1.2em'>%s</b><br>%s<br>%s %s<br>SIRET %s – TVA %s</p>" % (f.legal, f.street, f.postcode, f.town, f.siret_text(), f.vat)]
    html.append("<div class='box' style='width:45%%;margin-left:55%%'>%s<br>%s<br>%s %s</div>" % (f.service, f.b_street, f.b_postcode, f.b_town))
    html.append("<h2>%s n° %s</h2><p>Date : %s</p>" % ("Devis" if f.kind == "devis" else "Facture", number, f.day()))
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p>Chantier : %s</p>" % f.object)
    truth["object"] = f.object
    rows = ""
    for lot, lines in zip(LOTS, groups):
        rows += "<tr class='grey'><td colspan='4'><b>%s</b></td></tr>" % lot
        rows += "".join("<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.m(u), f.m(t)) for l, q, u, t in lines)
        rows += "<tr><td colspan='3' class='r'><i>Sous-total %s HT</i></td><td class='r'><i>%s</i></td></tr>" % (lot.split(" –")[0].lower(), f.m(sum(l[3] for l in lines)))
    html.append("<table class='b'><tr><th>Désignation</th><th class='r'>Quantité</th><th class='r'>Prix unitaire HT</th><th class='r'>Montant HT</th></tr>%s</table>" % rows)
    html.append("<table style='width:50%%;margin-left:50%%;margin-top:6pt' class='b'><tr><td>Total général HT</td><td class='r'>%s</td></tr>"
                "<tr><td>TVA %s %%</td><td class='r'>%s</td></tr><tr><td><b>Total général TTC</b></td><td class='r'><b>%s</b></td></tr></table>" % (
                    f.m(f.ht), g.rate_text(rate), f.m(f.tva), f.m(f.ttc)))
    return html, truth, g.supplier_truth(f, truth)


def code_square(f):
    cells = "".join("<span style='display:inline-block;width:4pt;height:4pt;background:%s'></span>%s" % (
        "#000" if f.rng.random() < 0.5 else "#fff", "<br>" if i % 14 == 13 else "") for i in range(196))
    return "<div style='line-height:0;width:60pt;border:2pt solid #000;padding:2pt'>%s</div>" % cells


def grey_print(f):
    """A quote printed small in light grey, a logo of coloured blocks above the supplier, a code square beside the
    totals and a « Bon pour accord » box with the signature's mentions."""
    truth = {}
    number = f.rng.choice(["Q-%d-%04d", "DV%d%04d", "%d-D%03d"]) % (f.year, f.rng.randint(1, 9999))
    truth["numbers.document"] = number
    f.set_rates([(20, sum(l[3] for l in f.lines))])
    logo = "".join("<span style='display:inline-block;width:14pt;height:14pt;margin-right:2pt;background:%s'></span>" % c for c in ["#e07a1f", "#1f8ae0", "#7ac142"])
    html = ["<div style='color:#8a8a8a;font-size:8pt'>", "<div>%s</div>" % logo]
    html.append("<p><b style='font-size:1.3em;color:#666'>%s</b><br>%s – %s %s<br>SIRET %s – N° TVA %s</p>" % (f.legal, f.street, f.postcode, f.town, f.siret_text(), f.vat))
    html.append("<p style='margin-left:55%%'>%s<br>%s<br>%s %s</p>" % (f.ministry, f.service, f.b_postcode, f.b_town))
    html.append("<p><b>DEVIS N° %s</b> – %s</p>" % (number, f.day()))
    for l, v in g.refs(f, truth, False):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p>Objet : %s</p>" % f.object)
    truth["object"] = f.object
    html.append("<table class='b'><tr><th>Désignation</th><th class='r'>Qté</th><th class='r'>PU HT</th><th class='r'>Montant HT</th></tr>%s</table>" % "".join(
        "<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.m(u), f.m(t)) for l, q, u, t in f.lines))
    html.append("<table style='margin-top:6pt'><tr><td style='width:50%%'>%s</td><td><table><tr><td>Total HT</td><td class='r'>%s</td></tr>"
                "<tr><td>TVA 20 %%</td><td class='r'>%s</td></tr><tr><td>Total TTC</td><td class='r'>%s</td></tr></table></td></tr></table>" % (
                    code_square(f), f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    html.append("<div class='box' style='width:50%%;height:50pt;margin-top:8pt'>Bon pour accord<br>Date, cachet et signature précédés de la mention « lu et approuvé »</div>")
    html.append("</div>")
    return html, truth, g.supplier_truth(f, truth)


def stamped_order(f):
    """An order for a marché subséquent of an accord-cadre, its EJ in a shaded box, the budget controller's round
    stamp set over its totals."""
    truth = {"numbers.document": f.ej, "numbers.ej": f.ej}
    f.set_rates([(20, sum(l[3] for l in f.lines))])
    subsequent = "MS-%d-%03d" % (f.year, f.rng.randint(1, 300))
    accord = f.accord or f.rng.choice(f.ACCORDS) % (f.year - 2, f.rng.randint(1, 999))
    truth["numbers.marche"], truth["numbers.accord_cadre"] = subsequent, accord
    html = ["<table><tr><td><b>%s</b><br>%s<br>%s %s</td><td class='r'><div style='background:#ddd;padding:6pt;display:inline-block'>N° EJ<br><b style='font-size:1.3em'>%s</b></div></td></tr></table>" % (
        f.ministry, f.service, f.b_postcode, f.b_town, f.ej)]
    html.append("<h2 class='c'>BON DE COMMANDE</h2><p class='c'>émis le %s</p>" % f.day())
    html.append("<p>Marché subséquent n° %s de l'accord-cadre n° %s</p>" % (subsequent, accord))
    html.append("<p>Titulaire : %s – %s, %s %s – SIRET %s</p>" % (f.legal, f.street, f.postcode, f.town, f.siret_text()))
    html.append("<p>Objet : %s</p>" % f.object)
    truth["object"] = f.object
    html.append("<table class='b'><tr class='grey'><th>Désignation</th><th class='r'>Qté</th><th class='r'>PU HT</th><th class='r'>Total HT</th></tr>%s</table>" % "".join(
        "<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.m(u), f.m(t)) for l, q, u, t in f.lines))
    html.append("<div style='position:relative'><table style='width:45%%;margin-left:55%%;margin-top:6pt'><tr><td>Total HT</td><td class='r'>%s</td></tr>"
                "<tr><td>TVA 20 %%</td><td class='r'>%s</td></tr><tr><td>Total TTC</td><td class='r'>%s</td></tr></table>"
                "<div style='position:absolute;top:-4pt;left:40%%;width:70pt;height:70pt;border:2.5pt solid #2a4fa0;border-radius:50%%;color:#2a4fa0;"
                "transform:rotate(-15deg);text-align:center;font-size:7pt;padding-top:18pt'>CONTRÔLE<br>BUDGÉTAIRE<br>VISA<br>%s</div></div>" % (
                    f.m(f.ht), f.m(f.tva), f.m(f.ttc), f.day(f.later(0))))
    return html, truth, g.supplier_truth(f, truth, vat=False)


def ae_pse(f):
    """An acte d'engagement priced as a base offer plus a retained optional service (PSE n° 1), each with its HT,
    VAT and TTC, then the marché's total."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number}
    base = sum(l[3] for l in f.lines)
    pse = max(10000, base * f.rng.choice([8, 12, 15]) // 100)
    f.set_rates([(20, base + pse)])
    vat = lambda c: int(round(c * 0.2))
    html = ["<p><b>%s</b><br>%s</p><h1 class='c'>ACTE D'ENGAGEMENT</h1><p class='c'>Marché n° %s</p>" % (f.ministry, f.service, number)]
    html.append("<p><b>Objet du marché :</b> %s</p>" % f.object)
    html.append("<p><b>Le titulaire :</b> %s, %s, %s %s – SIRET %s – TVA %s</p>" % (f.legal, f.street, f.postcode, f.town, f.siret_text(), f.vat))
    row = lambda label, c: "<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (label, f.m(c), f.m(vat(c)), f.m(c + vat(c)))
    html.append("<p><b>Prix :</b></p><table class='b'><tr class='grey'><th></th><th class='r'>Montant HT</th><th class='r'>TVA 20 %%</th><th class='r'>Montant TTC</th></tr>%s%s"
                "<tr><td><b>Total (offre de base + PSE retenue)</b></td><td class='r'><b>%s</b></td><td class='r'><b>%s</b></td><td class='r'><b>%s</b></td></tr></table>" % (
                    row("Offre de base", base), row("PSE n° 1 – %s" % f.rng.choice(["Maintenance préventive", "Option de formation", "Extension de garantie"]), pse),
                    f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    html.append("<p>Compte à créditer : IBAN %s</p><p>Fait à %s, le %s</p>" % (f.iban_text(), f.town, f.day()))
    g.acte_truth(f, truth)
    return html, truth, g.supplier_truth(f, truth, iban=True)


def navette_bands(f):
    """A fiche navette whose sections are dark bands (the request, the supplier, the amounts, the EJ) over boxes."""
    truth = {"numbers.ej": f.ej, "supplier.name": f.legal, "supplier.siret": f.siret, "object": f.object}
    f.set_rates([(20, sum(l[3] for l in f.lines))])
    box = lambda rows: "<table class='b'>%s</table>" % "".join("<tr><td style='width:35%%'>%s</td><td>%s</td></tr>" % r for r in rows)
    html = ["<p>%s<br><b>%s</b></p>" % (f.ministry, f.service), band(f, "FICHE NAVETTE – DEMANDE D'ENGAGEMENT", 1.3)]
    html.append(band(f, "1. La demande") + box([("Date de la demande", f.day()), ("Objet", f.object)] + g.refs(f, truth, False)))
    html.append(band(f, "2. Le fournisseur") + box([("Raison sociale", f.legal), ("SIRET", f.siret_text())]))
    html.append(band(f, "3. Les montants") + box([("Montant HT", f.m(f.ht)), ("TVA 20 %", f.m(f.tva)), ("Montant TTC", f.m(f.ttc))]))
    html.append(band(f, "4. Réservé au service financier") + box([("N° EJ", f.ej), ("Visa", "")]))
    g.navette_truth(f, truth)
    return html, truth, ["siret"] if f.bad == "siret" else []


def cctp_footer(f):
    """A CCTP whose object is printed only on its cover's dark band and in every page's footer; its articles speak of
    « les prestations » without naming them."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number, "object": f.object, "buyer.administration": f.service}
    footer = "<style>@page { @bottom-center { content: 'CCTP – %s – page ' counter(page); font-size: 7pt; color: #555 } }</style>" % f.object.replace("'", "\\'")
    html = [footer, "<p>%s<br>%s</p>" % (f.ministry, f.service), "<div style='height:40mm'></div>"]
    html.append(band(f, "<b>%s</b>" % f.object, 1.6))
    html.append("<p class='c' style='margin-top:10pt'>CAHIER DES CLAUSES TECHNIQUES PARTICULIÈRES<br>Marché n° %s</p>" % number)
    html.append("<div style='page-break-before:always'></div>")
    for t in ["Article 1 – Objet", "Article 2 – Consistance des prestations", "Article 3 – Exécution", "Article 4 – Réception"]:
        html.append("<h3>%s</h3>%s" % (t, "<p>Le présent cahier définit les conditions techniques d'exécution des prestations du marché ; le titulaire les exécute selon les règles de l'art.</p>" * f.rng.randint(2, 4)))
    return html, truth, []


TEMPLATES = {"facture": [dark_bands, lot_subtotals], "devis": [grey_print, lot_subtotals],
             "bon_de_commande": [stamped_order], "acte_engagement": [ae_pse],
             "fiche_navette": [navette_bands], "cctp": [cctp_footer]}
FACTS = FactsM
