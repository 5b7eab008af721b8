"""Set j of the stranger corpus: designs written in session 22 after set i was read, measured blind before any rule
was changed for them.

Loaded by `generate-stranger-corpus.py --set j`. Its pools are its own: other trades and services, other number
patterns, amounts « 1 234,56 € » with a thin space, « 1234,56 » or « 1 234,56 EUR », dates « 5 mars 2025 »,
« 05/03/2025 » or « 05 / 03 / 2025 ». Designs: an invoice or quote whose supplier stands in a shaded column down the
left of the page, the rest beside it (« Facturé à », « Montant net HT », « Net à payer TTC »); an invoice or quote
with a discount per line (« Rem. % ») and the legal mentions of late payment (« indemnité forfaitaire … 40 € »), an
invoice stamped « SERVICE FAIT » by the buyer; an order with the service's own number besides the EJ, separate
addresses for invoicing (Chorus Pro) and delivery and the supplier's Chorus code; an acte d'engagement whose price is
a summary of its DPGF with the totals in the table's foot; a fiche navette of several postes with a total row and a
demande d'achat number; a CCTP whose pages all carry a running header and whose object stands only in its cover's
table (« Intitulé de la consultation »).
"""
import importlib.util, os

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("stranger", os.path.join(HERE, "generate-stranger-corpus.py"))
g = importlib.util.module_from_spec(spec)
spec.loader.exec_module(g)
grouped, MONTHS = g.grouped, g.MONTHS


class FactsJ(g.OwnForms):
    COMPANIES = ["Plomberie Chauffage Lambert", "Optique et Vision Durand", "Cabinet Géomètre Perrot",
                 "Ascenseurs du Littoral", "Reprographie Rapide Lorraine", "Espaces Verts Chevalier",
                 "Agence Web Mistral", "Déménagements Bertin", "Laboratoire Hydro Conseil", "Vitrerie Fabre",
                 "Solutions Badges et Accès", "Institut de Sondage Opinion Plus"]
    FORMS = ["SAS", "SARL", "SA", "EURL", "SASU", "SELAS"]
    STREETS = ["rue du Commerce", "avenue Jean Jaurès", "allée des Tilleuls", "route de Paris", "quai de la Loire",
               "rue Victor Hugo", "chemin des Vignes", "cours Mirabeau"]
    TOWNS = [("13100", "Aix-en-Provence"), ("42000", "Saint-Étienne"), ("56100", "Lorient"), ("54000", "Nancy"),
             ("17000", "La Rochelle"), ("68100", "Mulhouse"), ("38000", "Grenoble"), ("76600", "Le Havre"),
             ("33000", "Bordeaux"), ("59000", "Lille")]
    BUYERS = [("Ministère de l'Intérieur", "Secrétariat général pour l'administration du ministère de l'Intérieur Sud"),
              ("Ministère de l'Éducation nationale", "Direction des services départementaux de l'éducation nationale de l'Isère"),
              ("Ministère de la Transition écologique", "Direction interdépartementale des routes Est"),
              ("Ministère du Travail", "Direction régionale de l'économie, de l'emploi, du travail et des solidarités Grand Est"),
              ("Ministère de la Justice", "Cour d'appel de Grenoble"),
              ("Ministère de l'Économie et des Finances", "Direction régionale des finances publiques de Normandie"),
              ("Ministère des Armées", "Service du commissariat des armées de Lorient"),
              ("Ministère de la Culture", "Archives nationales")]
    OBJECTS = [
        ("Maintenance des installations de chauffage du site de {s}", [("Visite de maintenance", 310), ("Remplacement de circulateur", 540), ("Déplacement", 65)]),
        ("Relevé topographique du terrain de {s}", [("Relevé (hectare)", 780), ("Plan coté", 1250), ("Implantation (jour)", 690)]),
        ("Entretien des ascenseurs du bâtiment de {s}", [("Visite trimestrielle", 420), ("Dépannage", 185), ("Contrôle réglementaire", 360)]),
        ("Reproduction des dossiers de consultation du projet {p}", [("Tirage A4 couleur", 0.18), ("Reliure", 3.5), ("Plan A0", 12)]),
        ("Entretien des espaces verts du site de {s}", [("Tonte (passage)", 380), ("Taille des haies", 920), ("Évacuation des déchets verts", 140)]),
        ("Déménagement du service {p}", [("Déménageur (heure)", 42), ("Camion 20 m3 (jour)", 390), ("Carton fourni", 2.2)]),
        ("Badges d'accès pour les agents de {s}", [("Badge sans contact", 7.8), ("Lecteur de badge", 260), ("Paramétrage (jour)", 640)]),
        ("Enquête de satisfaction des usagers de {p}", [("Questionnaire (conception)", 1800), ("Entretien téléphonique", 24), ("Rapport d'analyse", 2600)]),
    ]
    PRODUCTS = ["Rénov Habitat", "Service Public Plus", "Archives Ouvertes", "Route Sûre", "Emploi Facile", "Justice Proche"]
    SITES = ["Aix Duranne", "Saint-Étienne Châteaucreux", "Lorient Keroman", "Nancy Gentilly", "Grenoble Presqu'île", "Le Havre Docks"]
    FONTS = ["DejaVu Sans", "Liberation Sans", "Liberation Serif", "DejaVu Serif", "Liberation Sans Narrow"]
    MARCHES = ["%d-SGAMI-%03d", "M%d%04d", "%d.DIR.%03d", "%d-CA38-%02d", "DRFIP76-%d-%03d"]
    ACCORDS = ["%d-ACM-%03d", "AC%d-%04d", "%d-UGAP-AC-%03d"]
    MONEY = [lambda d, r: grouped(d, "\u2009") + ",%02d €" % r, lambda d, r: "%s,%02d" % (d, r),
             lambda d, r: grouped(d, " ") + ",%02d EUR" % r]
    DATES = [lambda y, m, d: "%d %s %d" % (d, MONTHS[m - 1], y), lambda y, m, d: "%02d/%02d/%d" % (d, m, y),
             lambda y, m, d: "%02d / %02d / %d" % (d, m, y)]


PENALTIES = ("En cas de retard de paiement, pénalités au taux de %s %% par an et indemnité forfaitaire pour frais de "
             "recouvrement de 40 € (art. L441-10 du Code de commerce). Pas d'escompte pour paiement anticipé.")


def sidebar(f):
    """An invoice or quote whose supplier stands in a shaded column down the left of the page (name, address,
    identifiers, bank), the title, client, lines and totals in the column beside it."""
    truth = {}
    number = f.rng.choice(["%d%05d", "FA-%d-%05d", "%d-F%05d"]) % (f.year, f.rng.randint(1, 99999))
    if f.kind == "devis": number = "DV" + number
    truth["numbers.document"] = number
    f.set_rates([(f.rates[0][0] if not f.exempt else 20, sum(l[3] for l in f.lines))])
    side = "<b style='font-size:1.25em'>%s</b><br><br>%s<br>%s %s<br><br>Tél. 0%d %02d %02d %02d %02d<br><br>SIRET<br>%s<br><br>N° TVA<br>%s<br><br>Code NAF %s" % (
        f.legal, f.street, f.postcode, f.town, f.rng.randint(1, 5), f.rng.randint(10, 99), f.rng.randint(10, 99), f.rng.randint(10, 99), f.rng.randint(10, 99),
        f.siret_text(), f.vat, f.rng.choice(["4322A", "8130Z", "7112A", "4329A", "1812Z"]))
    if f.kind == "facture":
        side += "<br><br>Banque<br>IBAN %s" % f.iban_text()
    main = ["<h1 style='color:#355'>%s</h1><p>N° %s<br>Date : %s</p>" % ("FACTURE" if f.kind == "facture" else "DEVIS", number, f.day())]
    main.append("<div class='box' style='margin-left:35%%'>%s :<br><b>%s</b><br>%s<br>%s<br>%s %s</div>" % (
        "Facturé à" if f.kind == "facture" else "Destinataire", f.ministry, f.service, f.b_street, f.b_postcode, f.b_town))
    for l, v in g.refs(f, truth, f.kind == "facture"):
        main.append("<p>%s : %s</p>" % (l, v))
    main.append("<p><b>Objet :</b> %s</p>" % f.object)
    truth["object"] = f.object
    main.append("<table class='b'><tr class='grey'><th>Désignation</th><th class='r'>Qté</th><th class='r'>P.U. HT</th><th class='r'>Total HT</th></tr>%s</table>" % "".join(
        "<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.m(u), f.m(t)) for l, q, u, t in f.lines))
    rate = g.rate_text(f.rates[0][0])
    main.append("<table style='width:60%%;margin-left:40%%;margin-top:6pt'><tr><td>Montant net HT</td><td class='r'>%s</td></tr>"
                "<tr><td>Montant TVA %s %%</td><td class='r'>%s</td></tr><tr><td><b>Net à payer TTC</b></td><td class='r'><b>%s</b></td></tr></table>" % (
                    f.m(f.ht), rate, f.m(f.tva), f.m(f.ttc)))
    if f.kind == "facture":
        main.append("<p class='small'>Échéance : %s. %s</p>" % (f.day(f.later(1)), PENALTIES % f.rng.choice(["10", "12,5", "3 fois le taux légal, soit 9"])))
    else:
        main.append("<p class='small'>Devis valable 90 jours. Bon pour accord, date et signature :</p>")
    html = ["<table style='width:100%%'><tr><td style='width:30%%;background:#e4ecef;padding:8pt'>%s</td><td style='padding-left:10pt'>%s</td></tr></table>" % (side, "".join(main))]
    return html, truth, g.supplier_truth(f, truth, iban=f.kind == "facture")


def line_discounts(f):
    """An invoice or quote whose lines each carry a discount (« Rem. % ») so that quantity × price is not the line's
    amount, the late-payment mentions in its foot; an invoice may bear the buyer's « SERVICE FAIT » stamp."""
    truth = {}
    number = f.rng.choice(["%02d%02d%04d", "F%02d-%02d-%04d", "N° %02d%02d/%04d"]) % (f.year % 100, f.date[1], f.rng.randint(1, 9999))
    truth["numbers.document"] = number.replace("N° ", "")
    lines = []
    for label, qty, unit, _ in f.lines:
        rebate = f.rng.choice([0, 0, 5, 10, 15])
        lines.append((label, qty, unit, rebate, int(round(qty * unit * (100 - rebate) / 100))))
    rate = f.rng.choice([20, 20, 10])
    f.set_rates([(rate, sum(l[4] for l in lines))])
    html = ["<table><tr><td><b style='font-size:1.4em'>%s</b><br>%s<br>%s %s<br>%s</td><td class='r'><b>%s</b><br>%s<br>%s<br>%s %s</td></tr></table>" % (
        f.legal, f.street, f.postcode, f.town, "contact@%s.fr" % f.name.split()[0].lower(), f.ministry, f.service, f.b_street, f.b_postcode, f.b_town)]
    html.append("<h2>%s %s</h2><p>du %s</p>" % ("Facture" if f.kind == "facture" else "Devis", number, f.day()))
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p>%s</p>" % g.object_line(f))
    truth["object"] = f.object
    html.append("<table class='b'><tr class='grey'><th>Réf.</th><th>Désignation</th><th class='r'>Qté</th><th class='r'>P.U. HT</th><th class='r'>Rem. %%</th><th class='r'>Montant HT</th></tr>%s</table>" % "".join(
        "<tr><td>A%03d</td><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (
            f.rng.randint(1, 999), l, q, f.m(u), "%d,00" % r if r else "", f.m(t)) for l, q, u, r, t in lines))
    html.append("<table style='width:45%%;margin-left:55%%;margin-top:6pt'><tr><td>Total HT</td><td class='r'>%s</td></tr><tr><td>TVA %d %%</td><td class='r'>%s</td></tr>"
                "<tr><td>Total TTC</td><td class='r'>%s</td></tr></table>" % (f.m(f.ht), rate, f.m(f.tva), f.m(f.ttc)))
    html.append("<p class='small'>%s</p><p class='small'>%s</p>" % (PENALTIES % f.rng.choice(["10", "11,62"]), f.legal_footer()))
    if f.kind == "facture" and f.rng.random() < 0.6:
        html.append("<div style='position:absolute;left:12mm;bottom:40mm;transform:rotate(-9deg);border:2pt solid #a22;color:#a22;padding:5pt;font-weight:bold'>"
                    "SERVICE FAIT<br>le %s<br>Visa : %s</div>" % (f.day(f.later_days(12)), f.rng.choice(["J. Martin", "C. Roux", "P. Leblanc"])))
    return html, truth, g.supplier_truth(f, truth)


def order_own_number(f):
    """An order with the service's own number besides the EJ, the supplier given with its Chorus code, separate blocks
    for the invoicing address (Chorus Pro, the service's SIRET) and the delivery address."""
    own = f.rng.choice(["BC-%d-%04d", "%d/CMD/%04d", "DA%d%05d"]) % (f.year, f.rng.randint(1, 9999))
    truth = {"numbers.document": own, "numbers.ej": f.ej}
    f.set_rates([(20, sum(l[3] for l in f.lines))])
    html = ["<table><tr><td><b>%s</b><br>%s</td><td class='r'><b style='font-size:1.3em'>BON DE COMMANDE</b><br>N° %s<br>Date : %s<br>Engagement juridique n° %s</td></tr></table>" % (
        f.ministry, f.service, own, f.day(), f.ej)]
    html.append("<table style='margin-top:6pt'><tr><td style='width:50%%'><div class='box'><b>Fournisseur</b> (code Chorus 1000%06d)<br>%s<br>%s<br>%s %s<br>SIRET : %s</div></td>"
                "<td><div class='box'><b>Facturation</b> : déposer la facture sur Chorus Pro<br>SIRET du service : %s<br>Code service : FACT%04d<br><b>Livraison</b> : %s, %s %s</div></td></tr></table>" % (
                    f.rng.randint(0, 999999), f.legal, f.street, f.postcode, f.town, f.siret_text(), f.b_siret, f.rng.randint(1, 9999), f.b_street, f.b_postcode, f.b_town))
    for l, v in g.refs(f, truth, False):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p>Objet : %s</p>" % f.object)
    truth["object"] = f.object
    html.append("<table class='b'><tr class='grey'><th>Poste</th><th>Désignation</th><th class='r'>Quantité</th><th class='r'>Prix unitaire HT</th><th class='r'>Montant HT</th></tr>%s</table>" % "".join(
        "<tr><td>%d</td><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (10 * (i + 1), l, q, f.m(u), f.m(t)) for i, (l, q, u, t) in enumerate(f.lines)))
    html.append("<table style='width:50%%;margin-left:50%%;margin-top:6pt'><tr><td>Montant HT</td><td class='r'>%s</td></tr><tr><td>TVA 20 %%</td><td class='r'>%s</td></tr>"
                "<tr><td>Montant TTC</td><td class='r'>%s</td></tr></table>" % (f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    html.append("<p class='small'>Le numéro d'engagement juridique doit figurer sur la facture. Délai global de paiement : 30 jours.</p>")
    return html, truth, g.supplier_truth(f, truth, vat=False)


def ae_dpgf(f):
    """An acte d'engagement whose price is the summary of its DPGF: one row per part of the works or services, the
    totals HT, TVA and TTC in the table's foot; the holder ticked in a list of boxes."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number}
    rate = f.rng.choice([20, 20, 10, 5.5])
    f.set_rates([(rate, sum(l[3] for l in f.lines))])
    html = ["<p><b>%s</b><br>%s</p><h1 class='c'>MARCHÉ PUBLIC – ACTE D'ENGAGEMENT</h1><p class='c'>Référence : %s</p>" % (f.ministry, f.service, number)]
    html.append("<p><b>Objet :</b> %s</p>" % f.object)
    html.append("<p>&#9746; Le candidat individuel &nbsp; &#9744; Le groupement</p><p>Raison sociale : %s<br>Adresse : %s, %s %s<br>SIRET : %s &nbsp; N° TVA : %s</p>" % (
        f.legal, f.street, f.postcode, f.town, f.siret_text(), f.vat))
    html.append("<p>s'engage à exécuter les prestations aux prix de la décomposition ci-dessous :</p>")
    body = "".join("<tr><td>%d</td><td>%s</td><td class='r'>%s</td></tr>" % (i + 1, l, f.m(t)) for i, (l, q, u, t) in enumerate(f.lines))
    foot = "<tr class='grey'><td colspan='2'>Total HT</td><td class='r'>%s</td></tr><tr><td colspan='2'>TVA (%s %%)</td><td class='r'>%s</td></tr><tr class='grey'><td colspan='2'><b>Total TTC</b></td><td class='r'><b>%s</b></td></tr>" % (
        f.m(f.ht), g.rate_text(rate), f.m(f.tva), f.m(f.ttc))
    html.append("<table class='b'><tr class='grey'><th>N°</th><th>Décomposition</th><th class='r'>Montant HT</th></tr>%s%s</table>" % (body, foot))
    html.append("<p>Compte à créditer : IBAN %s</p><p>Fait à %s, le %s</p><p>Signature du candidat</p>" % (f.iban_text(), f.town, f.day()))
    g.acte_truth(f, truth)
    return html, truth, g.supplier_truth(f, truth, iban=True)


def navette_postes(f):
    """A fiche navette listing several postes (HT, TVA, TTC each) with a total row, a demande d'achat number and the
    requester's telephone, the EJ number left for the budget office."""
    truth = {"numbers.ej": f.ej, "supplier.name": f.legal, "supplier.siret": f.siret, "object": f.object}
    f.set_rates([(20, sum(l[3] for l in f.lines))])
    # Each poste's VAT is rounded on its own and the total row sums them, as a spreadsheet does.
    f.tva = sum(int(round(l[3] * 0.2)) for l in f.lines)
    f.ttc = f.ht + f.tva
    html = ["<p><b>%s</b><br>%s</p><h2 class='c'>FICHE NAVETTE – DEMANDE D'ENGAGEMENT</h2>" % (f.ministry, f.service)]
    html.append("<p>Date de la demande : %s<br>N° de demande d'achat : DA-%d-%04d<br>Demandeur : %s – tél. 0%d %02d %02d %02d %02d</p>" % (
        f.day(), f.year, f.rng.randint(1, 9999), f.rng.choice(["Mme Petit", "M. Garnier", "Mme Lefèvre"]), f.rng.randint(1, 5),
        f.rng.randint(10, 99), f.rng.randint(10, 99), f.rng.randint(10, 99), f.rng.randint(10, 99)))
    html.append("<p>Objet de la dépense : %s<br>Fournisseur : %s – SIRET %s</p>" % (f.object, f.legal, f.siret_text()))
    if f.marche:
        html.append("<p>Marché : %s</p>" % f.marche); truth["numbers.marche"] = f.marche
    body = ""
    for i, (l, q, u, t) in enumerate(f.lines):
        tva = int(round(t * 0.2))
        body += "<tr><td>%d</td><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (i + 1, l, f.m(t), f.m(tva), f.m(t + tva))
    body += "<tr class='grey'><td></td><td><b>Total</b></td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (f.m(f.ht), f.m(f.tva), f.m(f.ttc))
    html.append("<table class='b'><tr class='grey'><th>Poste</th><th>Désignation</th><th class='r'>HT</th><th class='r'>TVA</th><th class='r'>TTC</th></tr>%s</table>" % body)
    html.append("<p style='margin-top:8pt'>Partie réservée au service budgétaire<br>Centre financier : 0%d-%02d-%03d &nbsp; N° EJ : %s</p>" % (
        f.rng.randint(100, 999), f.rng.randint(1, 99), f.rng.randint(1, 999), f.ej))
    g.navette_truth(f, truth)
    return html, truth, ["siret"] if f.bad == "siret" else []


def cctp_header(f):
    """A CCTP whose pages carry a running header (the buyer and the marché's reference) and whose object stands only
    in its cover's table, « Intitulé de la consultation »."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number, "object": f.object, "buyer.administration": f.service}
    extra = "@page { @top-center { content: '%s – CCTP – %s'; font-size: 8pt; color: #555 } @bottom-right { content: 'Page ' counter(page) ' / ' counter(pages); font-size: 8pt } }" % (
        f.ministry.replace("'", "\\'"), number)
    html = ["<style>%s</style>" % extra, "<h1 class='c' style='margin-top:30mm'>CAHIER DES CLAUSES TECHNIQUES PARTICULIÈRES</h1>"]
    html.append("<table class='b' style='margin-top:10mm'><tr><td class='grey' style='width:35%%'>Acheteur</td><td>%s<br>%s</td></tr>"
                "<tr><td class='grey'>Intitulé de la consultation</td><td>%s</td></tr><tr><td class='grey'>Référence</td><td>%s</td></tr>"
                "<tr><td class='grey'>Procédure</td><td>Procédure adaptée (art. R2123-1 du code de la commande publique)</td></tr></table>" % (
                    f.ministry, f.service, f.object, number))
    html.append("<h2 style='page-break-before:always'>Article 1 – Contexte</h2><p>Le présent document décrit les prestations attendues du titulaire et les conditions de leur exécution.</p>")
    for t in ["Article 2 – Description des prestations", "Article 3 – Moyens du titulaire", "Article 4 – Suivi et réception"]:
        html.append("<h2>%s</h2>%s" % (t, "<p>Le titulaire met en œuvre les moyens nécessaires et rend compte de l'avancement au représentant de l'acheteur selon la périodicité convenue.</p>" * f.rng.randint(2, 4)))
    return html, truth, []


TEMPLATES = {"facture": [sidebar, line_discounts], "devis": [sidebar, line_discounts],
             "bon_de_commande": [order_own_number], "acte_engagement": [ae_dpgf],
             "fiche_navette": [navette_postes], "cctp": [cctp_header]}
FACTS = FactsJ
