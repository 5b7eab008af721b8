"""Set g of the stranger corpus: designs written in session 20 after set f was read, measured blind before any rule
was changed for them.

Loaded by `generate-stranger-corpus.py --set g`. Its pools are its own: other trades and services, other number
patterns, amounts with an apostrophe or no separator, dates written « 05 MARS 2025 ». Designs: an invoice or quote
closed by « Arrêtée la présente facture à la somme de … », its totals' labels set far left of their amounts; an
invoice or quote addressed first (« Facture adressée à »), the supplier named only in its footer; a Chorus order
whose supplier is given by its Chorus code before its name, each poste with its VAT and TTC; an acte d'engagement of
an accord-cadre whose price is a maximum (HT only); a certificate of service fait sent back to the budget office; a
CCTP of one lot among several, the lot's number beside the marché's.
"""
import importlib.util, os

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("stranger", os.path.join(HERE, "generate-stranger-corpus.py"))
g = importlib.util.module_from_spec(spec)
spec.loader.exec_module(g)
group, grouped, words_fr, MONTHS = g.group, g.grouped, g.words_fr, g.MONTHS


class FactsG(g.Facts):
    COMPANIES = ["Menuiserie Bois et Lumière", "Arcane Sécurité Privée", "Transports Frigorifiques de l'Ouest",
                 "Elior Restauration Collective Sud", "Cabinet Lemaire Géomètres", "Bureau d'Études Structure Alpes",
                 "Groupe Horizon Propreté", "Sud Ascenseurs Maintenance", "Les Jardins de Sologne",
                 "Optique Conseil Numérique", "Acoustique et Vibrations Conseil", "Atelier Reliure Patrimoine",
                 "Nordic Data Services", "Imprimerie des Trois Rivières", "Signalétique Moderne du Centre"]
    FORMS = ["SAS", "SARL", "SA", "EURL", "SASU", "SNC"]
    STREETS = ["rue du Commerce", "avenue Jean Jaurès", "zone artisanale des Près", "rue de Strasbourg", "quai Saint-Pierre",
               "boulevard de l'Europe", "rue des Tanneries", "allée des Platanes", "route de Paris"]
    TOWNS = [("49000", "Angers"), ("87000", "Limoges"), ("26000", "Valence"), ("62000", "Arras"), ("56000", "Vannes"),
             ("71000", "Mâcon"), ("40000", "Mont-de-Marsan"), ("89000", "Auxerre"), ("03000", "Moulins"), ("85000", "La Roche-sur-Yon"),
             ("67000", "Strasbourg"), ("31000", "Toulouse")]
    BUYERS = [("Ministère de l'Intérieur", "Direction départementale de la sécurité publique du Maine-et-Loire"),
              ("Ministère de la Justice", "Tribunal judiciaire de Limoges"),
              ("Ministère de l'Éducation nationale", "Rectorat de l'académie de Grenoble"),
              ("Ministère des Armées", "Direction du commissariat d'outre-mer"),
              ("Ministère de la Transition écologique", "Direction interrégionale de la mer Nord Atlantique-Manche Ouest"),
              ("Ministère de l'Économie et des Finances", "Direction départementale des finances publiques de la Drôme"),
              ("Ministère de la Culture", "Archives nationales"),
              ("Ministère de l'Agriculture", "Direction départementale des territoires du Morbihan"),
              ("Ministère du Travail", "Direction régionale de l'économie, de l'emploi, du travail et des solidarités de Bourgogne-Franche-Comté"),
              ("Ministère de la Santé", "Direction générale de l'offre de soins")]
    OBJECTS = [
        ("Remplacement des portes du bâtiment de {s}", [("Porte bois pleine", 780), ("Quincaillerie (lot)", 120), ("Pose (heure)", 48)]),
        ("Gardiennage du site de {s} pendant les travaux", [("Heure d'agent de sécurité", 24), ("Heure de maître-chien", 29), ("Rapport mensuel", 90)]),
        ("Transport frigorifique des denrées de {s}", [("Tournée (forfait)", 310), ("Kilomètre supplémentaire", 1.9), ("Attente (heure)", 42)]),
        ("Restauration des agents lors du forum {p}", [("Repas (couvert)", 18.5), ("Pause café (personne)", 4.2), ("Service (heure)", 35)]),
        ("Bornage et division de la parcelle de {s}", [("Bornage", 1850), ("Plan de division", 1200), ("Frais de publicité foncière", 340)]),
        ("Diagnostic structurel du bâtiment de {s}", [("Visite et relevés", 1600), ("Note de calcul", 2400), ("Rapport de diagnostic", 1900)]),
        ("Nettoyage des locaux de {s}", [("Nettoyage quotidien (mois)", 2300), ("Vitrerie (passage)", 480), ("Remise en état", 1100)]),
        ("Maintenance des ascenseurs de {s}", [("Visite trimestrielle", 420), ("Dépannage (intervention)", 260), ("Pièce détachée", 180)]),
        ("Reliure des registres d'état civil {p}", [("Reliure d'un registre", 95), ("Restauration de feuillets", 14), ("Boîte de conservation", 22)]),
        ("Signalétique intérieure du bâtiment de {s}", [("Panneau directionnel", 145), ("Plaque de porte", 38), ("Pose (forfait)", 650)]),
    ]
    PRODUCTS = ["Forum des Métiers", "État Civil 2025", "Accueil Usagers", "Justice Proximité", "Mer Propre",
                "Sécurité Routière", "Archives en Ligne", "Agri Data"]
    SITES = ["Angers Saint-Serge", "Limoges Beaubreuil", "Valence Briffaut", "Arras Baudimont", "Vannes Kercado",
             "Mâcon Bioux", "Auxerre Saint-Siméon", "Strasbourg Neudorf"]
    FONTS = ["DejaVu Sans", "Liberation Sans", "Liberation Serif", "DejaVu Serif", "DejaVu Sans Condensed"]
    MARCHES = ["%d-TJ-%03d", "%d/DDSP49/%02d", "MAR%d%04d", "%d-0%03d-00", "DIRM%d-%02d"]
    ACCORDS = ["AC%d-%03d-UGAP", "%d-ACN-%03d", "ACC-%d/%04d", "%dBPU%03d"]
    MONEY = [lambda d, r: grouped(d, " ") + ",%02d €" % r, lambda d, r: grouped(d, "'") + ",%02d EUR" % r,
             lambda d, r: "%s,%02d" % (d, r), lambda d, r: grouped(d, "\u202f") + ",%02d €" % r]

    def __init__(self, rng, kind):
        super().__init__(rng, kind)
        self.money_style = rng.randrange(4)
        self.date_form = rng.randrange(3)

    def m(self, cents):
        return g.signed(cents, self.MONEY[self.money_style])

    def day(self, d=None):
        y, m, day = d or self.date
        return ["%02d/%02d/%d" % (day, m, y), "%02d %s %d" % (day, MONTHS[m - 1].upper(), y), "%d %s %d" % (day, MONTHS[m - 1], y)][self.date_form]


def items_table(f, heads=("Désignation", "Qté", "Prix unitaire HT", "Montant HT")):
    rows = "".join("<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.m(u), f.m(t)) for l, q, u, t in f.lines)
    return "<table class='b'><tr class='grey'>%s</tr>%s</table>" % ("".join("<th%s>%s</th>" % ("" if i == 0 else " class='r'", h) for i, h in enumerate(heads)), rows)


def amount_in_words(f):
    """An invoice or quote whose totals' labels stand far left of their amounts (a wide table), closed by « Arrêtée la
    présente facture à la somme de … euros TTC »."""
    truth = {}
    number = ("%s %d-%05d" % ("Facture" if f.kind == "facture" else "Devis", f.year, f.rng.randint(1, 99999)))
    truth["numbers.document"] = number.split(" ", 1)[1]
    f.set_rates([(f.rates[0][0] if not f.exempt else 20, sum(t for l, q, u, t in f.lines))])
    html = ["<table><tr><td style='width:60%%'><b style='font-size:1.4em'>%s</b><br>%s<br>%s %s<br>SIRET %s – TVA %s</td><td><b>%s</b><br>%s<br>%s<br>%s %s</td></tr></table>" % (
        f.legal, f.street, f.postcode, f.town, f.siret_text(), f.vat, f.ministry, f.service, f.b_street, f.b_postcode, f.b_town)]
    html.append("<h2 style='margin-top:10pt'>%s</h2><p>%s, le %s</p>" % (number.upper(), f.town, f.day()))
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p>Objet : %s</p>" % f.object)
    truth["object"] = f.object
    html.append(items_table(f))
    totals = [("TOTAL HORS TAXES", f.ht), ("TVA AU TAUX DE %s %%" % g.rate_text(f.rates[0][0]), f.tva), ("TOTAL TOUTES TAXES COMPRISES", f.ttc)]
    html.append("<table style='margin-top:8pt'>%s</table>" % "".join("<tr><td style='width:75%%'>%s</td><td class='r'>%s</td></tr>" % (l, f.m(v)) for l, v in totals))
    euros, cents = divmod(f.ttc, 100)
    html.append("<p style='margin-top:10pt'>Arrêté%s la présente %s à la somme de %s euros%s toutes taxes comprises.</p>" % (
        "e" if f.kind == "facture" else "", "facture" if f.kind == "facture" else "offre", words_fr(euros), " et %s centimes" % words_fr(cents) if cents else ""))
    if f.kind == "facture": html.append("<p class='small'>Paiement à réception, par virement : %s</p>" % f.iban_text())
    return html, truth, g.supplier_truth(f, truth, iban=f.kind == "facture")


def addressed_first(f):
    """An invoice or quote that starts with its addressee (« Facture adressée à : »), the title and references in a
    grey band, the supplier named only in the footer with its identifiers."""
    truth = {}
    number = ("%02d%02d%04d" % (f.year % 100, f.date[1], f.rng.randint(1, 9999)))
    truth["numbers.document"] = number
    f.set_rates([(20, sum(t for l, q, u, t in f.lines))])
    label = "Facture adressée à" if f.kind == "facture" else "Devis établi pour"
    html = ["<p class='small'>%s :</p><p><b>%s</b><br>%s<br>%s<br>%s %s</p>" % (label, f.ministry, f.service, f.b_street, f.b_postcode, f.b_town)]
    html.append("<div class='grey' style='padding:6pt;margin-top:10pt'><b>%s N° %s</b> &nbsp; du %s</div>" % ("FACTURE" if f.kind == "facture" else "DEVIS", number, f.day()))
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p class='small'>%s : %s</p>" % (l, v))
    html.append("<p>Intitulé : %s</p>" % f.object)
    truth["object"] = f.object
    html.append(items_table(f, ("Prestation", "Quantité", "PU HT", "Total HT")))
    html.append("<table style='width:40%%;margin-left:60%%;margin-top:6pt'><tr><td>Total HT</td><td class='r'>%s</td></tr><tr><td>TVA 20 %%</td><td class='r'>%s</td></tr><tr><td><b>Net à payer</b></td><td class='r'><b>%s</b></td></tr></table>" % (
        f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    html.append("<p class='small c' style='margin-top:30pt'>%s</p>" % f.legal_footer(with_vat=True, with_iban=f.kind == "facture"))
    return html, truth, g.supplier_truth(f, truth, iban=f.kind == "facture")


def chorus_code_order(f):
    """A Chorus order whose supplier is given by its Chorus code before its name (« Fournisseur : 1000458732 – ACME »),
    each poste with its VAT rate, HT and TTC, the totals of the order."""
    truth = {"numbers.document": f.ej, "numbers.ej": f.ej}
    code = "1000%06d" % f.rng.randint(0, 999999)
    rate = f.rates[0][0] if not f.exempt else 20
    f.set_rates([(rate, sum(t for l, q, u, t in f.lines))])
    html = ["<p><b>%s</b><br>%s</p><h1>BON DE COMMANDE N° %s</h1><p>Date de la commande : %s</p>" % (f.ministry, f.service, f.ej, f.day())]
    html.append("<p>Fournisseur : %s – %s<br>%s, %s %s<br>SIRET : %s</p>" % (code, f.legal, f.street, f.postcode, f.town, f.siret_text()))
    for l, v in g.refs(f, truth, False):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p>Texte d'en-tête : %s</p>" % f.object)
    truth["object"] = f.object
    rows = "".join("<tr><td>%d</td><td>%s</td><td class='r'>%s</td><td class='r'>%s %%</td><td class='r'>%s</td></tr>" % (
        10 * (i + 1), l, f.m(t), g.rate_text(rate), f.m(int(round(t * (100 + rate) / 100)))) for i, (l, q, u, t) in enumerate(f.lines))
    html.append("<table class='b'><tr class='grey'><th>Poste</th><th>Désignation</th><th class='r'>Montant HT</th><th class='r'>TVA</th><th class='r'>Montant TTC</th></tr>%s</table>" % rows)
    html.append("<p style='margin-top:8pt'>Montant total de la commande : %s HT – TVA %s – %s TTC</p>" % (f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    html.append("<p class='small'>Adresse de facturation : centre de services partagés – factures à déposer sur Chorus Pro.</p>")
    return html, truth, g.supplier_truth(f, truth, vat=False)


def ae_maximum(f):
    """An acte d'engagement of an accord-cadre à bons de commande: no price but a maximum HT over its whole term."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number}
    maximum = f.rng.randint(20, 400) * 100000
    html = ["<p><b>%s</b><br>%s</p><h1 class='c'>ACTE D'ENGAGEMENT</h1><p class='c'>Accord-cadre à bons de commande n° %s</p>" % (f.ministry, f.service, number)]
    html.append("<p><b>Objet :</b> %s</p>" % f.object)
    html.append("<h3>1. Le titulaire</h3><p>%s, %s, %s %s, SIRET %s, TVA intracommunautaire %s, représentée par son gérant.</p>" % (
        f.legal, f.street, f.postcode, f.town, f.siret_text(), f.vat))
    html.append("<h3>2. Montant</h3><p>L'accord-cadre est conclu sans montant minimum et avec un montant maximum de %s HT sur sa durée totale (%s euros hors taxes). Les prix unitaires sont ceux du bordereau des prix.</p>" % (
        f.m(maximum), words_fr(maximum // 100)))
    html.append("<h3>3. Durée</h3><p>Un an à compter de la notification, reconductible trois fois.</p>")
    html.append("<h3>4. Paiement</h3><p>Compte à créditer : IBAN %s</p><p>Fait à %s, le %s</p>" % (f.iban_text(), f.b_town, f.day()))
    truth["date_issued"] = "%04d-%02d-%02d" % f.date
    truth["object"] = f.object
    truth["buyer.administration"] = f.service
    truth["amounts.ht"] = "%.2f" % (maximum / 100)
    return html, truth, g.supplier_truth(f, truth, iban=True)


def service_fait(f):
    """A certificate of service fait sent back to the budget office: the EJ, the supplier's invoice, the amounts to
    pay, « Je certifie que les prestations ont été exécutées conformément à la commande »."""
    truth = {"numbers.ej": f.ej, "supplier.name": f.legal, "supplier.siret": f.siret, "object": f.object}
    html = ["<p><b>%s</b><br>%s</p><h2 class='c'>ATTESTATION DE SERVICE FAIT</h2>" % (f.ministry, f.service)]
    rows = [("Engagement juridique", f.ej), ("Fournisseur", f.legal), ("SIRET", f.siret_text()),
            ("Facture du fournisseur", "n° F%d-%04d du %s" % (f.year, f.rng.randint(1, 9999), f.day())),
            ("Prestations", f.object), ("Montant HT", f.m(f.ht)), ("Montant TTC", f.m(f.ttc))]
    if f.marche:
        rows.insert(1, ("Marché", f.marche)); truth["numbers.marche"] = f.marche
    elif f.accord:
        rows.insert(1, ("Accord-cadre", f.accord)); truth["numbers.accord_cadre"] = f.accord
    html.append("<table class='b'>%s</table>" % "".join("<tr><td class='grey' style='width:35%%'>%s</td><td>%s</td></tr>" % r for r in rows))
    html.append("<p style='margin-top:10pt'>Je certifie que les prestations ont été exécutées conformément à la commande et peuvent être payées.</p><p>À %s, le %s – Le chef de service</p>" % (f.b_town, f.day()))
    g.navette_truth(f, truth)
    return html, truth, ["siret"] if f.bad == "siret" else []


def cctp_lot(f):
    """A CCTP of one lot among several: « Lot n° 3 – … » beside « Marché n° … », the lots listed in article 1."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number, "object": f.object, "buyer.administration": f.service}
    lot = f.rng.randint(2, 6)
    html = ["<table><tr><td><b>%s</b><br>%s</td><td class='r'>Marché n° %s<br>Lot n° %d</td></tr></table>" % (f.ministry, f.service, number, lot)]
    html.append("<h1 class='c' style='margin-top:30mm'>CCTP</h1><p class='c'>Cahier des clauses techniques particulières</p><p class='c'><b>Lot %d : %s</b></p>" % (lot, f.object))
    html.append("<h2 style='margin-top:20mm'>Article 1 – Allotissement</h2><p>La consultation comprend %d lots ; le présent cahier concerne le lot n° %d.</p>" % (lot + 1, lot))
    for t in ["Article 2 – Description des prestations", "Article 3 – Conditions d'exécution", "Article 4 – Réception"]:
        html.append("<h2>%s</h2>%s" % (t, "<p>Le titulaire du lot exécute ses prestations en coordination avec les titulaires des autres lots et suit les instructions du maître d'ouvrage.</p>" * f.rng.randint(2, 3)))
    return html, truth, []


TEMPLATES = {"facture": [amount_in_words, addressed_first], "devis": [amount_in_words, addressed_first],
             "bon_de_commande": [chorus_code_order], "acte_engagement": [ae_maximum],
             "fiche_navette": [service_fait], "cctp": [cctp_lot]}
FACTS = FactsG
