"""Set h of the stranger corpus: designs written in session 21 after set g was read, measured blind before any rule
was changed for them.

Loaded by `generate-stranger-corpus.py --set h`. Its pools are its own: other trades and services, other number
patterns, amounts with the euro sign first or no separator, dates written « 2025-03-05 » or « 05-03-2025 ». Designs:
an invoice or quote over two pages whose lines carry their running sum forward (« Total à reporter », « Report »);
a subcontractor's invoice paid directly by the State, its VAT self-assessed (« autoliquidation »), the holder of the
marché named with its own SIRET; an invoice for a deposit on an accepted quote (the quote's totals printed above the
deposit's); a quote whose payment terms ask a deposit after its totals; a buyer's order written as a letter with
« N/Réf. » and « V/Réf. » (the supplier's quote number), the service's SIRET for Chorus Pro; an acte d'engagement in
lettered sections with the buyer's SIRET and a subcontractor declared with its own SIRET and amount; a fiche navette
printed from a spreadsheet (column letters, row numbers); a CCTP whose object is only its cover's title in capitals.
"""
import importlib.util, os

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("stranger", os.path.join(HERE, "generate-stranger-corpus.py"))
g = importlib.util.module_from_spec(spec)
spec.loader.exec_module(g)
grouped, words_fr, MONTHS = g.grouped, g.words_fr, g.MONTHS


class FactsH(g.Facts):
    COMPANIES = ["Charpentes Rousseau", "Bâtiment Génie Climatique Lorrain", "Étanchéité Moderne Atlantique",
                 "Peintures et Revêtements Dauphinois", "Serrurerie Métallerie Vosgienne", "Plâtrerie Isolation Morin",
                 "Audiovisuel Conseil Provence", "Déménagements Lebrun", "Espaces Verts du Val de Loire",
                 "Cabinet Fontaine Ingénierie", "Laboratoire Analyses Environnement Nord", "Traiteur Saveurs d'Auvergne",
                 "Contrôle Technique Bâtiment Ouest", "Ascenseurs Mistral", "Reprographie Rapide Lyonnaise"]
    FORMS = ["SAS", "SARL", "SA", "EURL", "SASU"]
    STREETS = ["rue de la République", "avenue des Alliés", "zone industrielle Nord", "rue Victor Hugo", "chemin des Vignes",
               "boulevard Carnot", "rue du Moulin à Vent", "parc d'activités de la Gare", "route de Lyon"]
    TOWNS = [("54000", "Nancy"), ("38000", "Grenoble"), ("44000", "Nantes"), ("13001", "Marseille"), ("69003", "Lyon"),
             ("88000", "Épinal"), ("17000", "La Rochelle"), ("41000", "Blois"), ("15000", "Aurillac"), ("59300", "Valenciennes"),
             ("84000", "Avignon"), ("35000", "Rennes")]
    BUYERS = [("Ministère de l'Intérieur", "Secrétariat général pour l'administration du ministère de l'Intérieur Sud-Est"),
              ("Ministère de la Justice", "Cour d'appel de Nancy"),
              ("Ministère de l'Éducation nationale", "Rectorat de la région académique Pays de la Loire"),
              ("Ministère des Armées", "Établissement du service d'infrastructure de la défense de Lyon"),
              ("Ministère de la Transition écologique", "Direction interdépartementale des routes Centre-Est"),
              ("Ministère de l'Économie et des Finances", "Direction régionale des finances publiques de Bretagne"),
              ("Ministère de la Culture", "Centre des monuments nationaux"),
              ("Ministère de l'Agriculture", "Lycée agricole de Blois"),
              ("Ministère de l'Intérieur", "Préfecture des Vosges"),
              ("Ministère de la Santé", "Agence régionale de santé Auvergne-Rhône-Alpes")]
    OBJECTS = [
        ("Réfection de la charpente du bâtiment de {s}", [("Dépose de charpente (m²)", 38), ("Charpente neuve (m²)", 142), ("Traitement des bois", 1250)]),
        ("Remplacement de la chaudière du site de {s}", [("Chaudière à condensation", 9800), ("Raccordements", 1450), ("Mise en service", 620)]),
        ("Étanchéité de la toiture-terrasse de {s}", [("Membrane bitumineuse (m²)", 54), ("Relevés d'étanchéité (ml)", 31), ("Installation de chantier", 1800)]),
        ("Peinture des couloirs et bureaux de {s}", [("Peinture murale (m²)", 16), ("Peinture plafond (m²)", 19), ("Protection des sols", 450)]),
        ("Déménagement des services de {s}", [("Déménageur (jour)", 390), ("Camion 20 m³ (jour)", 280), ("Cartons (lot de 50)", 95)]),
        ("Entretien des espaces verts de {s}", [("Tonte (passage)", 340), ("Taille des haies (ml)", 6.5), ("Évacuation des déchets verts", 280)]),
        ("Analyses de la qualité de l'eau du réseau {p}", [("Prélèvement", 85), ("Analyse bactériologique", 64), ("Rapport d'analyses", 210)]),
        ("Buffet de la cérémonie {p}", [("Cocktail (personne)", 24), ("Boissons (personne)", 7.5), ("Service (heure)", 38)]),
        ("Contrôle technique de la construction de {s}", [("Mission solidité", 3200), ("Mission sécurité des personnes", 2700), ("Visite de chantier", 420)]),
        ("Impression des dossiers de la concertation {p}", [("Dossier A4 (exemplaire)", 6.8), ("Affiche A2", 3.9), ("Façonnage (forfait)", 240)]),
    ]
    PRODUCTS = ["Route Plus Sûre", "Consultation Publique 2026", "Eau Claire", "Monuments Ouverts", "Justice Accueil",
                "Rentrée Numérique", "Santé Territoires", "Vosges Connectées"]
    SITES = ["Nancy Charles III", "Grenoble Europole", "Nantes Malakoff", "Lyon Gerland", "Épinal Saint-Michel",
             "La Rochelle Minimes", "Blois Vienne", "Rennes Beauregard"]
    FONTS = ["DejaVu Sans", "Liberation Sans", "Liberation Serif", "DejaVu Serif", "Liberation Sans Narrow"]
    MARCHES = ["%d-SGAMI-%03d", "%dT%04d", "%d/CA/%03d", "TRX-%d-%02d", "%d-DIR-%03d-00"]
    ACCORDS = ["%d-ACF-%03d", "AC.%d.%04d", "%d-UGAP-%03d", "ACCF%d%03d"]
    MONEY = [lambda d, r: "€ " + grouped(d, " ") + ",%02d" % r, lambda d, r: grouped(d, "\u00a0") + ",%02d €" % r,
             lambda d, r: "%s,%02d" % (d, r), lambda d, r: grouped(d, " ") + ",%02d EUR" % r]

    def __init__(self, rng, kind):
        super().__init__(rng, kind)
        self.money_style = rng.randrange(4)
        self.date_form = rng.randrange(3)
        self.holder = rng.choice([c for c in self.COMPANIES if c != self.name]) + " " + rng.choice(self.FORMS)
        self.holder_siret = g.siret(rng, g.siren(rng))

    def m(self, cents):
        return g.signed(cents, self.MONEY[self.money_style])

    def day(self, d=None):
        y, m, day = d or self.date
        return ["%02d/%02d/%d" % (day, m, y), "%d-%02d-%02d" % (y, m, day), "%02d-%02d-%d" % (day, m, y)][self.date_form]

    def more_lines(self, count):
        """At least `count` lines (the items again, one per site), the totals drawn again from them."""
        i = 0
        while len(self.lines) < count:
            label, price = self.items[i % len(self.items)]
            qty = self.rng.choice([1, 2, 3, 5, 8]) if price > 50 else self.rng.choice([20, 40, 120, 300])
            unit = int(round(price * self.rng.uniform(0.9, 1.15) * 100))
            self.lines.append(("%s – %s" % (label, self.SITES[i % len(self.SITES)]), qty, unit, qty * unit))
            i += 1
        self.shipping = 0
        self.set_rates([(20, sum(l[3] for l in self.lines))])


def rows(f, lines):
    return "".join("<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.m(u), f.m(t)) for l, q, u, t in lines)


HEADS = "<tr class='grey'><th>Désignation</th><th class='r'>Qté</th><th class='r'>P.U. HT</th><th class='r'>Total HT</th></tr>"


def carried_forward(f):
    """An invoice or quote over two pages: the first page's lines end on « Total à reporter » with their running sum,
    the second page opens on « Report » with the same sum, then the last lines and the totals."""
    truth = {}
    f.more_lines(f.rng.randint(8, 14))
    number = f.rng.choice(["FV-%d-%05d", "%d/FA/%04d", "DV-%d-%05d"]) % (f.year, f.rng.randint(1, 9999))
    truth["numbers.document"] = number
    title = "FACTURE" if f.kind == "facture" else "DEVIS"
    html = ["<table><tr><td style='width:55%%'><b style='font-size:1.3em'>%s</b><br>%s<br>%s %s<br>SIRET : %s<br>N° TVA : %s</td>"
            "<td><div class='box'>Client :<br><b>%s</b><br>%s<br>%s<br>%s %s</div></td></tr></table>" % (
                f.legal, f.street, f.postcode, f.town, f.siret_text(), f.vat, f.ministry, f.service, f.b_street, f.b_postcode, f.b_town)]
    html.append("<h2>%s N° %s</h2><p>Date : %s</p>" % (title, number, f.day()))
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p>Objet : %s</p>" % f.object)
    truth["object"] = f.object
    cut = len(f.lines) * 3 // 5
    carried = sum(l[3] for l in f.lines[:cut])
    html.append("<table class='b'>%s%s<tr><td colspan='3'><b>Total à reporter</b></td><td class='r'><b>%s</b></td></tr></table>" % (
        HEADS, rows(f, f.lines[:cut]), f.m(carried)))
    html.append("<p class='small r'>Page 1/2</p><div style='page-break-before:always'></div>")
    html.append("<p class='small'>%s – %s N° %s (suite)</p>" % (f.legal, title.capitalize(), number))
    html.append("<table class='b'>%s<tr><td colspan='3'><b>Report</b></td><td class='r'><b>%s</b></td></tr>%s</table>" % (
        HEADS, f.m(carried), rows(f, f.lines[cut:])))
    html.append("<table style='width:45%%;margin-left:55%%;margin-top:8pt'><tr><td>Total HT</td><td class='r'>%s</td></tr>"
                "<tr><td>TVA 20 %%</td><td class='r'>%s</td></tr><tr><td><b>Total TTC</b></td><td class='r'><b>%s</b></td></tr></table>" % (
                    f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    if f.kind == "facture":
        html.append("<p class='small'>Règlement par virement à 30 jours : IBAN %s</p>" % f.iban_text())
    html.append("<p class='small r'>Page 2/2</p>")
    return html, truth, g.supplier_truth(f, truth, iban=f.kind == "facture")


def subcontractor_invoice(f):
    """A subcontractor's invoice paid directly by the State: its VAT self-assessed (« autoliquidation »), the holder
    of the marché named with its own SIRET, « Net à payer HT »."""
    truth = {}
    number = "ST%02d-%04d" % (f.year % 100, f.rng.randint(1, 9999))
    truth["numbers.document"] = number
    f.set_rates([(0, sum(l[3] for l in f.lines))])
    html = ["<p><b style='font-size:1.3em'>%s</b><br>%s – %s %s<br>SIRET %s – TVA %s</p>" % (f.legal, f.street, f.postcode, f.town, f.siret_text(), f.vat)]
    html.append("<h2 class='c'>FACTURE N° %s</h2><p class='c'>Sous-traitance avec paiement direct</p><p>Date de facture : %s</p>" % (number, f.day()))
    html.append("<table class='b'><tr><td class='grey' style='width:35%%'>Maître d'ouvrage</td><td>%s<br>%s<br>%s %s</td></tr>"
                "<tr><td class='grey'>Entreprise titulaire</td><td>%s – SIRET %s</td></tr>" % (
                    f.ministry, f.service, f.b_postcode, f.b_town, f.holder, f.holder_siret))
    if not f.marche:
        f.marche = g.Facts.MARCHES[0] % (f.year - 1, f.rng.randint(1, 999))
    html.append("<tr><td class='grey'>Marché n°</td><td>%s</td></tr></table>" % f.marche)
    truth["numbers.marche"] = f.marche
    if f.rng.random() < 0.7:
        html.append("<p>Bon de commande : %s</p>" % f.ej)
        truth["numbers.ej"] = f.ej
    html.append("<p>Objet : %s</p>" % f.object)
    truth["object"] = f.object
    html.append("<table class='b'>%s%s</table>" % (HEADS, rows(f, f.lines)))
    html.append("<table style='width:55%%;margin-left:45%%;margin-top:8pt'><tr><td>Total HT</td><td class='r'>%s</td></tr>"
                "<tr><td>TVA</td><td class='r'>Autoliquidation</td></tr><tr><td><b>Net à payer HT</b></td><td class='r'><b>%s</b></td></tr></table>" % (
                    f.m(f.ht), f.m(f.ht)))
    html.append("<p class='small'>Autoliquidation de la TVA par le preneur – article 283-2 nonies du code général des impôts. "
                "Paiement direct du sous-traitant (loi n° 75-1334 du 31 décembre 1975) sur le compte IBAN %s.</p>" % f.iban_text())
    return html, truth, g.supplier_truth(f, truth, iban=True)


def deposit_invoice(f):
    """An invoice for a deposit on an accepted quote: the quote's number and totals, then the deposit's share, its
    HT, VAT, TTC and « Net à payer »."""
    truth = {}
    number = "FA%d%05d" % (f.year, f.rng.randint(1, 99999))
    truth["numbers.document"] = number
    quote = sum(l[3] for l in f.lines)
    share = f.rng.choice([20, 30, 40, 50])
    f.set_rates([(20, quote * share // 100)])
    q_tva = int(round(quote * 0.2))
    html = ["<table><tr><td><b style='font-size:1.3em'>%s</b><br>%s<br>%s %s</td><td class='r'>%s<br>%s<br>%s<br>%s %s</td></tr></table>" % (
        f.legal, f.street, f.postcode, f.town, f.ministry, f.service, f.b_street, f.b_postcode, f.b_town)]
    html.append("<h2>FACTURE D'ACOMPTE N° %s</h2><p>Émise le %s</p>" % (number, f.day()))
    for l, v in g.refs(f, truth, True):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p>Objet : %s</p>" % f.object)
    truth["object"] = f.object
    html.append("<p>Acompte de %d %% sur notre devis n° D%d-%04d accepté le %s.</p>" % (share, f.year, f.rng.randint(1, 9999), f.day(f.later(-1))))
    html.append("<table class='b' style='width:70%%'><tr class='grey'><th>Rappel du devis</th><th class='r'>Montant</th></tr>"
                "<tr><td>Total HT du devis</td><td class='r'>%s</td></tr><tr><td>TVA 20 %%</td><td class='r'>%s</td></tr>"
                "<tr><td>Total TTC du devis</td><td class='r'>%s</td></tr></table>" % (f.m(quote), f.m(q_tva), f.m(quote + q_tva)))
    html.append("<table style='width:55%%;margin-left:45%%;margin-top:10pt'><tr><td>Acompte %d %% HT</td><td class='r'>%s</td></tr>"
                "<tr><td>TVA 20 %%</td><td class='r'>%s</td></tr><tr><td>Acompte TTC</td><td class='r'>%s</td></tr>"
                "<tr class='grey'><td><b>Net à payer</b></td><td class='r'><b>%s</b></td></tr></table>" % (share, f.m(f.ht), f.m(f.tva), f.m(f.ttc), f.m(f.ttc)))
    html.append("<p class='small c' style='margin-top:20pt'>%s</p>" % f.legal_footer(with_vat=True, with_iban=True))
    return html, truth, g.supplier_truth(f, truth, iban=True)


def deposit_quote(f):
    """A quote whose terms, after its totals, ask a deposit (« acompte de 30 % à la commande, soit … »), with its
    validity and a « Bon pour accord » box."""
    truth = {}
    number = "DEV-%02d%02d-%03d" % (f.year % 100, f.date[1], f.rng.randint(1, 999))
    truth["numbers.document"] = number
    f.set_rates([(f.rates[0][0] if not f.exempt else 20, sum(l[3] for l in f.lines))])
    html = ["<p><b style='font-size:1.3em'>%s</b><br>%s, %s %s<br>Tél. 0%d %02d %02d %02d %02d</p>" % (
        f.legal, f.street, f.postcode, f.town, f.rng.randint(1, 5), f.rng.randint(10, 99), f.rng.randint(10, 99), f.rng.randint(10, 99), f.rng.randint(10, 99))]
    html.append("<div class='box' style='width:50%%;margin-left:50%%'>%s<br>%s<br>%s<br>%s %s</div>" % (f.ministry, f.service, f.b_street, f.b_postcode, f.b_town))
    html.append("<h2>Devis n° %s</h2><p>Établi le %s – valable trois mois</p>" % (number, f.day()))
    for l, v in g.refs(f, truth, False):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p>Objet : %s</p>" % f.object)
    truth["object"] = f.object
    html.append("<table class='b'>%s%s</table>" % (HEADS, rows(f, f.lines)))
    html.append("<table style='width:45%%;margin-left:55%%;margin-top:8pt'><tr><td>Total HT</td><td class='r'>%s</td></tr>%s"
                "<tr><td><b>Total TTC</b></td><td class='r'><b>%s</b></td></tr></table>" % (
                    f.m(f.ht), "".join("<tr><td>TVA %s %%</td><td class='r'>%s</td></tr>" % (g.rate_text(r), f.m(t)) for r, b, t in f.rates), f.m(f.ttc)))
    share = f.rng.choice([30, 40, 50])
    html.append("<p>Conditions de règlement : acompte de %d %% à la commande, soit %s TTC, le solde à la réception des travaux.</p>" % (share, f.m(f.ttc * share // 100)))
    html.append("<table style='margin-top:10pt'><tr><td class='box' style='height:40pt'>Bon pour accord, date et signature du client :</td></tr></table>")
    html.append("<p class='small c'>%s</p>" % f.legal_footer(with_vat=True))
    return html, truth, g.supplier_truth(f, truth)


def order_our_refs(f):
    """A buyer's order written as a letter: the supplier as addressee, « N/Réf. » (the EJ) and « V/Réf. » (the
    supplier's quote), the lines and totals, the budget imputation and the service's SIRET for Chorus Pro."""
    truth = {"numbers.document": f.ej, "numbers.ej": f.ej}
    f.set_rates([(20, sum(l[3] for l in f.lines))])
    with_siret = f.rng.random() < 0.7
    html = ["<table><tr><td style='width:50%%'><p class='small'>RÉPUBLIQUE FRANÇAISE</p><b>%s</b><br>%s<br>%s<br>%s %s</td>"
            "<td><br><br>%s<br>À l'attention de M. %s<br>%s<br>%s %s%s</td></tr></table>" % (
                f.ministry, f.service, f.b_street, f.b_postcode, f.b_town, f.legal, f.rng.choice(["Durand", "Petit", "Lambert", "Fabre"]),
                f.street, f.postcode, f.town, "<br>SIRET : %s" % f.siret_text() if with_siret else "")]
    html.append("<p>N/Réf. : bon de commande n° %s<br>V/Réf. : votre devis n° %s du %s<br>Affaire suivie par : Mme %s</p>" % (
        f.ej, f.rng.choice(["D%d-%03d", "DEV%d%03d", "%d-Q%03d"]) % (f.year, f.rng.randint(1, 999)), f.day(f.later(-1)),
        f.rng.choice(["Roux", "Blanc", "Mercier", "Garnier"])))
    html.append("<p class='r'>%s, le %s</p>" % (f.b_town, f.day()))
    html.append("<p><b>Objet : %s</b></p>" % f.object)
    truth["object"] = f.object
    for l, v in g.refs(f, truth, False):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p>Madame, Monsieur, je vous prie de bien vouloir exécuter la commande suivante, conformément à votre devis :</p>")
    html.append("<table class='b'>%s%s</table>" % (HEADS, rows(f, f.lines)))
    html.append("<table style='width:45%%;margin-left:55%%;margin-top:6pt'><tr><td>Total HT</td><td class='r'>%s</td></tr>"
                "<tr><td>TVA 20 %%</td><td class='r'>%s</td></tr><tr><td>Total TTC</td><td class='r'>%s</td></tr></table>" % (f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    html.append("<p class='small'>Imputation : centre financier 0%d-DR%02d-C%03d – domaine fonctionnel 0%d-%02d.<br>"
                "Les factures rappelleront le numéro du bon de commande et seront déposées sur Chorus Pro (SIRET du service : %s).</p>" % (
                    f.rng.randint(100, 999), f.rng.randint(1, 99), f.rng.randint(1, 999), f.rng.randint(100, 999), f.rng.randint(1, 20), f.b_siret))
    html.append("<p class='r'>Le responsable du service</p>")
    return html, truth, g.supplier_truth(f, truth, vat=False, siret=with_siret)


def ae_subcontracting(f):
    """An acte d'engagement in lettered sections: the buyer with its SIRET, the object and marché, the holder, the
    price, a subcontractor declared with its own SIRET and amount, the holder's account."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number}
    f.set_rates([(20, sum(l[3] for l in f.lines))])
    sub = f.ht * f.rng.randint(15, 40) // 100
    html = ["<h1 class='c'>ACTE D'ENGAGEMENT</h1><p class='c'>Marché public n° %s</p>" % number]
    html.append("<h3>A – Identification de l'acheteur</h3><p>%s<br>%s<br>%s, %s %s<br>SIRET : %s</p>" % (f.ministry, f.service, f.b_street, f.b_postcode, f.b_town, f.b_siret))
    html.append("<h3>B – Objet du marché</h3><p>%s</p>" % f.object)
    html.append("<h3>C – Engagement du titulaire</h3><p>Le signataire s'engage, au nom et pour le compte de la société %s, "
                "%s, %s %s, immatriculée sous le SIRET %s (TVA %s), à exécuter les prestations aux conditions ci-après.</p>" % (
                    f.legal, f.street, f.postcode, f.town, f.siret_text(), f.vat))
    html.append("<h3>D – Prix</h3><table class='b' style='width:60%%'><tr><td>Montant HT</td><td class='r'>%s</td></tr>"
                "<tr><td>TVA au taux de 20 %%</td><td class='r'>%s</td></tr><tr><td>Montant TTC</td><td class='r'>%s</td></tr></table>"
                "<p>Soit, en lettres, %s euros toutes taxes comprises.</p>" % (f.m(f.ht), f.m(f.tva), f.m(f.ttc), words_fr(f.ttc // 100)))
    html.append("<h3>E – Sous-traitance</h3><p>Prestations sous-traitées : %s.<br>Sous-traitant : %s, SIRET %s, admis au paiement direct.<br>"
                "Montant maximum sous-traité : %s HT.</p>" % (f.items[0][0].lower(), f.holder, f.holder_siret, f.m(sub)))
    html.append("<h3>F – Compte à créditer</h3><p>Titulaire du compte : %s<br>IBAN : %s</p>" % (f.legal, f.iban_text()))
    html.append("<p>Fait à %s, le %s</p>" % (f.town, f.day()))
    g.acte_truth(f, truth)
    return html, truth, g.supplier_truth(f, truth, iban=True)


def navette_spreadsheet(f):
    """A fiche navette printed from a spreadsheet: column letters over the cells, row numbers down the left, the
    labels in column A and the values in column B, the EJ filled in by the service centre."""
    truth = {"numbers.ej": f.ej, "supplier.name": f.legal, "supplier.siret": f.siret, "object": f.object}
    cells = [("FICHE NAVETTE – DEMANDE D'ENGAGEMENT", ""), ("", ""), ("Service demandeur", f.service),
             ("Date de la demande", f.day()), ("Objet de la dépense", f.object), ("Fournisseur", f.legal),
             ("SIRET", f.siret), ("Montant HT", f.m(f.ht)), ("TVA", f.m(f.tva)), ("Montant TTC", f.m(f.ttc)),
             ("Centre financier", "0%d-DR%02d" % (f.rng.randint(100, 999), f.rng.randint(1, 99))),
             ("N° EJ (rempli par le CSP)", f.ej)]
    if f.marche:
        cells.insert(7, ("Marché n°", f.marche)); truth["numbers.marche"] = f.marche
    elif f.accord:
        cells.insert(7, ("Accord-cadre n°", f.accord)); truth["numbers.accord_cadre"] = f.accord
    head = "<tr class='grey'><td></td><td class='c'>A</td><td class='c'>B</td><td class='c'>C</td></tr>"
    body = "".join("<tr><td class='grey c small'>%d</td><td>%s</td><td%s>%s</td><td></td></tr>" % (
        i + 1, "<b>%s</b>" % a if i == 0 else a, " class='r'" if b.startswith(("€",)) or b[:1].isdigit() and "," in b else "", b) for i, (a, b) in enumerate(cells))
    html = ["<p class='small'>%s</p>" % f.ministry, "<table class='b'>%s%s</table>" % (head, body),
            "<p class='small c' style='margin-top:20pt'>Feuil1 – Page 1</p>"]
    g.navette_truth(f, truth)
    return html, truth, ["siret"] if f.bad == "siret" else []


def cctp_capitals(f):
    """A CCTP whose object is only its cover's title, in capitals; the consultation's reference under it and in
    every page's footer."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number, "object": f.object, "buyer.administration": f.service}
    html = ["<p class='c small'>RÉPUBLIQUE FRANÇAISE<br>Liberté – Égalité – Fraternité</p><p class='c'><b>%s</b><br>%s</p>" % (f.ministry, f.service)]
    html.append("<h1 class='c' style='margin-top:35mm;font-size:1.6em'>%s</h1>" % f.object.upper())
    html.append("<p class='c' style='margin-top:10mm'>CAHIER DES CLAUSES TECHNIQUES PARTICULIÈRES (C.C.T.P.)</p>"
                "<p class='c'>Procédure adaptée – article R. 2123-1 du code de la commande publique</p>"
                "<p class='c'>Référence de la consultation : %s</p>" % number)
    html.append("<p class='small c' style='margin-top:40mm'>C.C.T.P. – %s – page 1</p><div style='page-break-before:always'></div>" % number)
    for t in ["Article 1 – Contexte", "Article 2 – Consistance des prestations", "Article 3 – Normes applicables", "Article 4 – Réception"]:
        html.append("<h2>%s</h2>%s" % (t, "<p>Les prestations sont exécutées selon les règles de l'art ; le titulaire soumet au représentant de l'acheteur toute adaptation qu'il juge utile.</p>" * f.rng.randint(2, 3)))
    html.append("<p class='small c'>C.C.T.P. – %s – page 2</p>" % number)
    return html, truth, []


TEMPLATES = {"facture": [carried_forward, subcontractor_invoice, deposit_invoice], "devis": [carried_forward, deposit_quote],
             "bon_de_commande": [order_our_refs], "acte_engagement": [ae_subcontracting],
             "fiche_navette": [navette_spreadsheet], "cctp": [cctp_capitals]}
FACTS = FactsH
