"""Set d of the stranger corpus: designs written in session 19, measured blind before any rule was changed.

Loaded by `generate-stranger-corpus.py --set d`. Its pools (tradesmen and sole traders, training bodies, software
publishers, State services in the regions, objects, number patterns, amount and date forms) are its own. Designs:
a builder's progress invoice (situation de travaux: cumulated works, earlier situations deducted, retention money
kept from the sum due), a quote in lots with subtotals, a training body's invoice exempt of VAT, a software
publisher's subscription quote or invoice with monthly and yearly prices, an invoice whose totals stand in one
horizontal band (headings over values), an order stating its amounts in a sentence, an acte d'engagement in prose
(« La société … s'engage … pour un montant de … »), a fiche navette with dotted leaders and an imputation grid, and a
CCTP whose number is a « consultation » number.
"""
import importlib.util, os

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("stranger", os.path.join(HERE, "generate-stranger-corpus.py"))
g = importlib.util.module_from_spec(spec)
spec.loader.exec_module(g)
group, grouped, words_fr, MONTHS = g.group, g.grouped, g.words_fr, g.MONTHS


class FactsD(g.Facts):
    COMPANIES = ["Plomberie Chauffage Marchal", "Menuiserie Lefebvre et Fils", "Institut Pyrène Formation",
                 "Formation Continue Méditerranée", "Logiciels Calame", "Cartographie Numérique Alpine",
                 "Électricité Générale Benoît", "Traduction Polyglotte", "Imprimerie Jouve-Rivière",
                 "Nettoyage Industriel Séquanais", "Sécurité Incendie Provence", "Data Boréal",
                 "Audit & Stratégie Publique", "Géomètres Experts Associés Loire", "Mobilier de Bureau Ardennais",
                 "Transports Chevalier", "Peinture et Décoration Aubry", "Kairos Learning", "Octave Logiciels",
                 "Bureau Véritas Conseil Ouest", "Serrurerie Métallerie Duval"]
    FORMS = ["SAS", "SARL", "EURL", "SA", "EI", "SASU", "SCOP"]
    STREETS = ["rue de la République", "avenue Jean Moulin", "ZI de la Plaine", "rue Victor Hugo", "chemin des Vignes",
               "boulevard Carnot", "rue du 8 Mai 1945", "parc technologique des Collines", "avenue de la Libération"]
    TOWNS = [("38000", "Grenoble"), ("42000", "Saint-Étienne"), ("37000", "Tours"), ("72000", "Le Mans"),
             ("66000", "Perpignan"), ("30000", "Nîmes"), ("14000", "Caen"), ("68100", "Mulhouse"), ("54000", "Nancy"),
             ("17000", "La Rochelle"), ("74000", "Annecy"), ("97400", "Saint-Denis")]
    BUYERS = [("Rectorat de l'académie de Lyon", "Division des affaires financières"),
              ("Direction départementale des territoires de l'Isère", "Service eau, environnement et forêt"),
              ("Ministère de la Justice", "Service administratif régional de la cour d'appel de Rennes"),
              ("Direction régionale de l'environnement, de l'aménagement et du logement Occitanie", "Service risques naturels"),
              ("Ministère de l'Agriculture et de la Souveraineté alimentaire", "Secrétariat général"),
              ("Direction interministérielle du numérique", "Pôle design des services numériques"),
              ("Ministère des Armées", "Service du commissariat des armées"),
              ("Cour des comptes", "Direction des ressources humaines"),
              ("Institut national de la statistique et des études économiques", "Direction régionale des Hauts-de-France"),
              ("Préfecture de la région Bretagne", "Secrétariat général pour les affaires régionales")]
    OBJECTS = [
        ("Réfection des sanitaires du bâtiment de {s}", [("Dépose des équipements existants", 1850), ("Fourniture et pose de WC suspendu", 720), ("Faïence murale (m²)", 68)]),
        ("Remplacement des menuiseries extérieures du site de {s}", [("Fenêtre PVC double vitrage", 640), ("Porte-fenêtre", 1180), ("Dépose et évacuation", 95)]),
        ("Formation à la gestion budgétaire et comptable publique des agents de {s}", [("Journée de formation intra", 1450), ("Support pédagogique (stagiaire)", 35), ("Frais de déplacement du formateur", 310)]),
        ("Abonnement à la solution de gestion des rendez-vous {p}", [("Licence utilisateur (mois)", 29), ("Module statistiques (mois)", 150), ("Accompagnement au démarrage", 1200)]),
        ("Levé topographique et bornage de la parcelle de {s}", [("Levé topographique", 2300), ("Bornage contradictoire", 1650), ("Plan de récolement", 480)]),
        ("Vérification annuelle des installations de sécurité incendie de {s}", [("Contrôle des extincteurs (unité)", 12), ("Vérification du SSI", 890), ("Contrôle des désenfumages", 640)]),
        ("Traduction certifiée des pièces du dossier {p}", [("Page traduite", 42), ("Certification", 25), ("Urgence (forfait)", 150)]),
        ("Audit de la chaîne de dépense du programme {p}", [("Jour d'auditeur senior", 1250), ("Jour d'auditeur", 850), ("Rapport et restitution", 2200)]),
        ("Mise en peinture des bureaux du deuxième étage de {s}", [("Peinture murs et plafonds (m²)", 18), ("Protection des sols", 240), ("Rebouchage et ponçage (m²)", 7.5)]),
        ("Déménagement des services de {s}", [("Déménageur (heure)", 38), ("Camion 20 m³ (jour)", 290), ("Carton fourni", 2.4)]),
    ]
    PRODUCTS = ["Mes Démarches Justice", "Agenda Préfecture", "Suivi Chantiers État", "Place des Achats",
                "Budget Clair", "Dossier Facile", "Ma Sécurité", "Archipel"]
    SITES = ["Grenoble Championnet", "Lyon Gerland", "Rennes Beaumont", "Toulouse Saint-Michel", "Caen Côte de Nacre",
             "Nancy Haussonville", "Tours Deux-Lions", "Nîmes Courbessac"]
    FONTS = ["DejaVu Sans", "Liberation Sans", "Liberation Serif", "DejaVu Serif", "Liberation Sans Narrow"]
    MARCHES = ["%d-MPS-%03d", "%dDAF%04d", "M%d/%03d", "%d_%03d_SAR", "BOP%d-%03d"]
    ACCORDS = ["%d-DAE-%03d", "ACN%d-%03d", "%d-UGAP-%04d", "AC/%d/%03d"]

    def __init__(self, rng, kind):
        super().__init__(rng, kind)
        self.money_style = rng.randrange(5)
        self.date_form = rng.randrange(4)

    MONEY = [lambda d, r: grouped(d, "\u00a0") + ",%02d\u00a0€" % r, lambda d, r: "%s,%02d €" % (d, r),
             lambda d, r: grouped(d, " ") + ",%02d" % r, lambda d, r: grouped(d, ".") + ",%02d" % r,
             lambda d, r: "€ " + grouped(d, " ") + ",%02d" % r]

    def m(self, cents):
        return g.signed(cents, self.MONEY[self.money_style])

    def day(self, d=None):
        y, m, day = d or self.date
        return ["%02d/%02d/%d" % (day, m, y), "%d %s %d" % (day, MONTHS[m - 1], y), "%02d-%02d-%d" % (day, m, y),
                "%d/%d/%d" % (day, m, y)][self.date_form]

    def set_vat(self, ht, rate):
        tva = int(round(ht * rate / 100))
        self.ht, self.tva, self.ttc, self.rates = ht, tva, ht + tva, [(rate, ht, tva)]


def progress_invoice(f):
    """A builder's situation de travaux: each line with its market amount, its cumulated progress and the works
    done to date; the earlier situations deducted give this one's HT; 5 % retention money is kept from the TTC."""
    truth = {}
    word = "Facture" if f.kind == "facture" else "Devis"
    number = "%s %d-%04d" % ("SIT" if f.kind == "facture" else "DEV", f.year, f.rng.randint(1, 9999))
    truth["numbers.document"] = number
    html = ["<table><tr><td style='width:55%%'><b style='font-size:1.3em'>%s</b><br>%s<br>%s %s<br>Tél. 0%d %02d %02d %02d %02d</td><td class='r'><b style='font-size:1.3em'>%s n° %s</b><br>%s%s</td></tr></table>" % (
        f.legal, f.street, f.postcode, f.town, f.rng.randint(1, 5), f.rng.randint(10, 99), 45, 67, 89, word, number,
        "Situation de travaux n° %d<br>" % f.rng.randint(2, 6) if f.kind == "facture" else "", "Le %s" % f.day())]
    html.append("<table style='margin-top:8pt'><tr><td style='width:50%%'><b>Maître d'ouvrage</b><br>%s<br>%s<br>%s<br>%s %s</td><td><b>Chantier</b><br>%s</td></tr></table>" % (
        f.ministry, f.service, f.b_street, f.b_postcode, f.b_town, f.object))
    truth["object"] = f.object
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p>%s : %s</p>" % (l, v))
    rate = f.rng.choice([10, 20])
    if f.kind == "facture":
        progress = [f.rng.choice([40, 50, 60, 75, 80, 100]) for _ in f.lines]
        done = [t * p // 100 for (l, q, u, t), p in zip(f.lines, progress)]
        cumulated = sum(done)
        earlier = cumulated * f.rng.choice([30, 40, 50]) // 100
        f.set_vat(cumulated - earlier, rate)
        rows = "".join("<tr><td>%s</td><td class='r'>%s</td><td class='r'>%d %%</td><td class='r'>%s</td></tr>" % (
            l, f.m(t), p, f.m(d)) for (l, q, u, t), p, d in zip(f.lines, progress, done))
        html.append("<table class='b'><tr class='grey'><th>Désignation</th><th class='r'>Montant du marché HT</th><th class='r'>Avancement</th><th class='r'>Cumul HT</th></tr>%s</table>" % rows)
        retention = int(round(f.ttc * 0.05))
        totals = [("Montant cumulé des travaux HT", cumulated), ("À déduire : situations précédentes", -earlier),
                  ("Montant de la situation HT", f.ht), ("TVA %s %%" % g.rate_text(rate), f.tva), ("Montant TTC", f.ttc),
                  ("Retenue de garantie 5 %", -retention), ("Net à payer", f.ttc - retention)]
    else:
        f.set_vat(sum(t for l, q, u, t in f.lines), rate)
        rows = "".join("<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.m(u), f.m(t)) for l, q, u, t in f.lines)
        html.append("<table class='b'><tr class='grey'><th>Désignation</th><th class='r'>Quantité</th><th class='r'>P.U. HT</th><th class='r'>Montant HT</th></tr>%s</table>" % rows)
        totals = [("Total HT", f.ht), ("TVA %s %%" % g.rate_text(rate), f.tva), ("Total TTC", f.ttc)]
    html.append("<table style='width:50%%;margin-left:50%%;margin-top:6pt'>%s</table>" % "".join(
        "<tr><td>%s</td><td class='r'>%s</td></tr>" % (l, f.m(v)) for l, v in totals))
    if rate == 10: html.append("<p class='small'>TVA à taux réduit (article 279-0 bis du CGI) : travaux d'amélioration sur des locaux achevés depuis plus de deux ans.</p>")
    if f.kind == "facture": html.append("<p>Règlement par virement : IBAN %s</p>" % f.iban_text())
    html.append("<p class='small c' style='margin-top:25pt'>%s – SIRET %s – TVA intracommunautaire %s – Assurance décennale %s</p>" % (
        f.legal, f.siret_text(), f.vat, f.rng.choice(["SMABTP", "AXA Construction"])))
    return html, truth, g.supplier_truth(f, truth, iban=f.kind == "facture")


def quote_in_lots(f):
    """A quote (or its invoice) split in lots, each with its lines and its subtotal; an eco-participation line; the
    totals stacked after a « Récapitulatif par lot »."""
    truth = {}
    number = ("D%d%04d" if f.kind == "devis" else "F%d%04d") % (f.year % 100, f.rng.randint(1, 9999))
    truth["numbers.document"] = number
    html = ["<p><b style='font-size:1.6em;color:#7a3b00'>%s</b><br><span class='small'>%s – %s %s – %s</span></p>" % (
        f.legal, f.street, f.postcode, f.town, f.rng.choice(["Entreprise certifiée RGE", "Artisan depuis 1987", "Qualibat 2111"]))]
    html.append("<table><tr><td style='width:50%%'><h2>%s</h2>Numéro : %s<br>Date : %s</td><td><div class='box'>%s<br>%s<br>%s<br>%s %s</div></td></tr></table>" % (
        "DEVIS ESTIMATIF" if f.kind == "devis" else "FACTURE", number, f.day(), f.ministry, f.service, f.b_street, f.b_postcode, f.b_town))
    html.append("<p><u>Objet</u> : %s</p>" % f.object)
    truth["object"] = f.object
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p>%s : %s</p>" % (l, v))
    half = max(1, len(f.lines) // 2)
    lots = [("Lot 1 – Travaux préparatoires", f.lines[:half]), ("Lot 2 – Fourniture et pose", f.lines[half:])]
    rows, recap = "", []
    for name, lines in lots:
        if not lines: continue
        rows += "<tr><td colspan='4'><b>%s</b></td></tr>" % name
        rows += "".join("<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.m(u), f.m(t)) for l, q, u, t in lines)
        subtotal = sum(t for l, q, u, t in lines)
        rows += "<tr><td colspan='3' class='r'>Sous-total %s</td><td class='r'>%s</td></tr>" % (name.split(" –")[0], f.m(subtotal))
        recap.append((name, subtotal))
    eco = 0
    if f.rng.random() < 0.5:
        eco = f.rng.choice([120, 350, 600])
        rows += "<tr><td>Éco-participation (DEEE)</td><td class='r'>1</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (f.m(eco), f.m(eco))
        recap.append(("Éco-participation", eco))
    html.append("<table class='b'><tr class='grey'><th>Désignation</th><th class='r'>Qté</th><th class='r'>PU HT</th><th class='r'>Total HT</th></tr>%s</table>" % rows)
    rate = f.rng.choice([20, 10, 5.5])
    f.set_vat(sum(v for l, v in recap), rate)
    html.append("<h3>Récapitulatif par lot</h3><table class='b' style='width:60%%'>%s</table>" % "".join("<tr><td>%s</td><td class='r'>%s</td></tr>" % (l, f.m(v)) for l, v in recap))
    html.append("<table style='width:45%%;margin-left:55%%;margin-top:6pt'><tr><td>Total HT</td><td class='r'>%s</td></tr><tr><td>TVA %s %%</td><td class='r'>%s</td></tr><tr><td><b>Total TTC</b></td><td class='r'><b>%s</b></td></tr></table>" % (
        f.m(f.ht), g.rate_text(rate), f.m(f.tva), f.m(f.ttc)))
    if f.kind == "devis": html.append("<p>Conditions : acompte de 30 %% à la commande, solde à la réception des travaux. Devis valable 60 jours.</p><p>Bon pour accord – date, cachet et signature du client :</p>")
    else: html.append("<p>Paiement par virement sous 30 jours – RIB %s</p>" % f.iban_text())
    html.append("<p class='small c'>%s %s – Capital %s € – SIRET %s – RCS %s – N° TVA %s</p>" % (
        f.legal, "" if f.form in f.legal else f.form, f.rng.choice(["7 500", "30 000", "150 000"]), f.siret_text(), f.town, f.vat))
    return html, truth, g.supplier_truth(f, truth, iban=f.kind == "facture")


def training_invoice(f):
    """A training body's invoice or quote: exempt of VAT, the activity declaration number, the agreement (convention)
    number, the trainees, « Net à payer » as the only total besides the HT."""
    truth = {}
    number = ("FC-%d-%04d" if f.kind == "facture" else "PROP-%d-%03d") % (f.year, f.rng.randint(1, 9999))
    truth["numbers.document"] = number
    f.set_vat(sum(t for l, q, u, t in f.lines), 0)
    f.exempt = True
    html = ["<table><tr><td style='width:60%%'><b style='font-size:1.4em'>%s</b><br>Organisme de formation<br>%s, %s %s<br>Déclaration d'activité enregistrée sous le n° %d %d %05d %d auprès du préfet de région</td><td class='r'><h2>%s</h2>N° %s<br>du %s</td></tr></table>" % (
        f.legal, f.street, f.postcode, f.town, f.rng.randint(11, 93), f.rng.randint(10, 99), f.rng.randint(10000, 99999), f.rng.randint(10, 99),
        "FACTURE" if f.kind == "facture" else "PROPOSITION DE FORMATION", number, f.day())]
    html.append("<table style='margin-top:10pt'><tr><td style='width:50%%'>Convention de formation n° CF%d-%03d</td><td><i>Client</i><br>%s – %s<br>%s<br>%s %s</td></tr></table>" % (
        f.year, f.rng.randint(1, 999), f.ministry, f.service, f.b_street, f.b_postcode, f.b_town))
    html.append("<p>Intitulé de la formation : %s</p>" % f.object)
    truth["object"] = f.object
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p class='small'>Dates : du %s au %s – %d stagiaires – lieu : %s</p>" % (f.day(), f.day(f.later(1)), f.rng.randint(6, 14), f.b_town))
    rows = "".join("<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.m(u), f.m(t)) for l, q, u, t in f.lines)
    html.append("<table class='b'><tr class='grey'><th>Désignation</th><th class='r'>Quantité</th><th class='r'>Prix unitaire</th><th class='r'>Montant</th></tr>%s</table>" % rows)
    html.append("<table style='width:45%%;margin-left:55%%;margin-top:6pt'><tr><td>Total HT</td><td class='r'>%s</td></tr><tr><td>TVA</td><td class='r'>Exonérée</td></tr><tr><td><b>Net à payer</b></td><td class='r'><b>%s</b></td></tr></table>" % (
        f.m(f.ht), f.m(f.ttc)))
    html.append("<p class='small'>Exonération de TVA en application de l'article 261-4-4° a du code général des impôts.</p>")
    if f.kind == "facture": html.append("<p>À régler par virement à l'ordre de %s – IBAN %s</p>" % (f.legal, f.iban_text()))
    html.append("<p class='small c' style='margin-top:20pt'>SIRET %s – Code NAF 8559A – Cet enregistrement ne vaut pas agrément de l'État.</p>" % f.siret_text())
    return html, truth, g.supplier_truth(f, truth, vat=False, iban=f.kind == "facture")


def saas_subscription(f):
    """A software publisher's subscription quote or invoice: monthly and yearly prices side by side, the yearly
    column summed; the client's account number; totals labelled « annuel »."""
    truth = {}
    number = ("Q-%d-%05d" if f.kind == "devis" else "INV-%d-%05d") % (f.year, f.rng.randint(1, 99999))
    truth["numbers.document"] = number
    html = ["<table><tr><td><b style='font-size:1.7em;color:#2b5dab'>%s</b></td><td class='r small'>%s<br>%s %s<br>support@%s.fr</td></tr></table>" % (
        f.name, f.street, f.postcode, f.town, f.name.split()[0].lower())]
    label = "Offre commerciale" if f.kind == "devis" else "Facture"
    html.append("<h1>%s</h1><table class='small'><tr><td>%s n°</td><td><b>%s</b></td><td>Émise le</td><td><b>%s</b></td><td>Compte client</td><td><b>C%06d</b></td></tr></table>" % (
        label, label.split()[0], number, f.day(), f.rng.randint(1, 999999)))
    html.append("<p><span class='small'>Client</span><br>%s<br>%s<br>%s %s</p>" % (f.service, f.ministry, f.b_postcode, f.b_town))
    stated = f.rng.random() < 0.6
    if stated:
        html.append("<p>%s</p>" % f.object)
        truth["object"] = f.object
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p class='small'>%s : %s</p>" % (l, v))
    rows, total = "", 0
    for l, q, u, t in f.lines:
        monthly = t
        yearly = monthly * 12
        total += yearly
        rows += "<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.m(monthly), f.m(yearly))
    f.set_vat(total, 20)
    html.append("<table style='border-top:1pt solid #2b5dab'><tr class='small'><th>Produit</th><th class='r'>Utilisateurs</th><th class='r'>Prix mensuel HT</th><th class='r'>Prix annuel HT</th></tr>%s</table>" % rows)
    html.append("<table style='width:45%%;margin-left:55%%;margin-top:6pt'><tr><td>Total annuel HT</td><td class='r'>%s</td></tr><tr><td>TVA (20 %%)</td><td class='r'>%s</td></tr><tr><td><b>Total annuel TTC</b></td><td class='r'><b>%s</b></td></tr></table>" % (
        f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    if f.kind == "facture": html.append("<p class='small'>Prélèvement SEPA sur le compte %s le %s.</p>" % (f.iban_text(), f.day(f.date)))
    else: html.append("<p class='small'>Offre valable 30 jours. Engagement annuel, facturation terme à échoir.</p>")
    html.append("<p class='small c' style='margin-top:25pt'>%s · %s au capital de %s € · RCS %s %s · TVA %s</p>" % (
        f.legal, f.form, f.rng.choice(["12 000", "145 800"]), f.town, group(f.siren, 3), f.vat))
    return html, truth, g.supplier_truth(f, truth, siret=False, iban=f.kind == "facture")


def totals_band(f):
    """An invoice or quote whose totals stand in one horizontal band: headings (« Montant brut HT », « Remise »,
    « Total HT », « TVA », « Total TTC », « Net à payer ») over their values; the client block on the left."""
    truth = {}
    number = "%s%06d" % ("FA" if f.kind == "facture" else "DE", f.rng.randint(1, 999999))
    truth["numbers.document"] = number
    html = ["<table><tr><td style='width:50%%'><span class='small'>Client</span><br><b>%s</b><br>%s<br>%s<br>%s %s</td><td class='r'><b style='font-size:1.5em'>%s</b><br>%s<br>%s %s<br>SIRET %s</td></tr></table>" % (
        f.ministry, f.service, f.b_street, f.b_postcode, f.b_town, f.legal, f.street, f.postcode, f.town, f.siret_text())]
    meta = [("%s N°" % ("Facture" if f.kind == "facture" else "Devis"), number), ("Date", f.day()), ("Code client", "CL%05d" % f.rng.randint(1, 99999))]
    html.append("<table class='b' style='margin-top:10pt'><tr class='grey'>%s</tr><tr>%s</tr></table>" % (
        "".join("<th>%s</th>" % l for l, v in meta), "".join("<td>%s</td>" % v for l, v in meta)))
    html.append("<p>Désignation : %s</p>" % f.object)
    truth["object"] = f.object
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p>%s : %s</p>" % (l, v))
    rows = "".join("<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.m(u), f.m(t)) for l, q, u, t in f.lines)
    html.append("<table class='b'><tr class='grey'><th>Article</th><th class='r'>Qté</th><th class='r'>PU HT</th><th class='r'>Montant HT</th></tr>%s</table>" % rows)
    gross = sum(t for l, q, u, t in f.lines)
    discount = gross * f.discount_rate // 100
    rate = f.rates[0][0] if not f.exempt else 20
    f.set_vat(gross - discount, rate)
    band = [("Montant brut HT", gross)] + ([("Remise %d %%" % f.discount_rate, -discount)] if discount else []) + [
        ("Total HT", f.ht), ("TVA %s %%" % g.rate_text(rate), f.tva), ("Total TTC", f.ttc)]
    if f.kind == "facture": band.append(("Net à payer", f.ttc))
    html.append("<table class='b' style='margin-top:10pt'><tr class='grey'>%s</tr><tr>%s</tr></table>" % (
        "".join("<th class='c'>%s</th>" % l for l, v in band), "".join("<td class='r'>%s</td>" % f.m(v) for l, v in band)))
    if f.kind == "facture": html.append("<p>Mode de règlement : virement – IBAN %s</p>" % f.iban_text())
    html.append("<p class='small c' style='margin-top:20pt'>%s – TVA intracommunautaire %s – APE %s</p>" % (f.legal, f.vat, f.rng.choice(["4332A", "1812Z", "7490B"])))
    return html, truth, g.supplier_truth(f, truth, iban=f.kind == "facture")


def order_in_sentences(f):
    """A service's order written as a letter: « Bon de commande n° », the holder named in a sentence, the amounts
    stated in a sentence (« s'élève à … HT, soit … TTC »), the imputation in a small table."""
    truth = {"numbers.document": f.ej, "numbers.ej": f.ej}
    html = ["<p><b>%s</b><br>%s<br>%s<br>%s %s</p>" % (f.ministry.upper(), f.service, f.b_street, f.b_postcode, f.b_town)]
    html.append("<p class='r'>%s, le %s</p>" % (f.b_town, f.day()))
    html.append("<h2 class='c'>BON DE COMMANDE N° %s</h2>" % f.ej)
    html.append("<p>Destinataire : %s, %s, %s %s (SIRET %s)</p>" % (f.legal, f.street, f.postcode, f.town, f.siret_text()))
    basis = ("en application du marché n° %s" % f.marche) if f.marche else ("sur le fondement de l'accord-cadre n° %s" % f.accord if f.accord else "hors marché, après consultation de trois fournisseurs")
    if f.marche: truth["numbers.marche"] = f.marche
    elif f.accord: truth["numbers.accord_cadre"] = f.accord
    html.append("<p>Madame, Monsieur,</p><p>Je vous prie de bien vouloir exécuter, %s, la prestation suivante : %s.</p>" % (
        basis, f.object[0].lower() + f.object[1:]))
    truth["object"] = f.object
    rate = f.rates[0][0] if not f.exempt else 20
    f.set_vat(sum(t for l, q, u, t in f.lines), rate)
    html.append("<p>Le montant de la présente commande s'élève à %s HT, soit %s TTC (TVA à %s %% : %s), conformément à votre devis du %s.</p>" % (
        f.m(f.ht), f.m(f.ttc), g.rate_text(rate), f.m(f.tva), f.day(f.later(-1))))
    html.append("<table class='b small'><tr class='grey'><th>Centre financier</th><th>Domaine fonctionnel</th><th>Activité</th><th>Compte PCE</th></tr><tr><td>0%d-%s-%s</td><td>0%d-%02d</td><td>0%d%08d</td><td>%d</td></tr></table>" % (
        f.rng.choice([215, 354, 218]), f.rng.choice(["CDIR", "DR69", "SGAR"]), f.rng.choice(["0001", "C038"]), f.rng.choice([215, 354]), f.rng.randint(1, 20),
        f.rng.choice([215, 354]), f.rng.randint(1, 99999999), f.rng.choice([6132200000, 6156100000, 6228100000])))
    html.append("<p>La facture, qui rappellera le numéro du présent bon de commande, sera déposée sur Chorus Pro (SIRET de facturation %s, code service %s).</p>" % (
        f.b_siret, f.rng.choice(["FACTURES_PUBLIQUES", "SAR35", "DDT38"])))
    html.append("<p style='margin-left:55%%'>Le responsable du service,<br><br>%s</p>" % f.rng.choice(["Claire Dumont", "Marc Petitjean", "Nadia Benali"]))
    return html, truth, g.supplier_truth(f, truth, vat=False)


def ae_prose(f):
    """An acte d'engagement written in prose: the holder's identity and its pledge in sentences, the price in a
    sentence with the sum in words, the marché number in the running footer of each page."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number}
    foot = "<p class='small c' style='margin-top:15pt'>Marché n° %s – Acte d'engagement – page %%d/2</p>" % number
    html = ["<p><b>%s</b><br>%s</p><h1 class='c'>ACTE D'ENGAGEMENT</h1><p class='c'>%s</p>" % (f.ministry, f.service, f.object)]
    if f.accord:
        html.append("<p>Le présent marché est passé sur le fondement de l'accord-cadre %s.</p>" % f.accord)
        truth["numbers.accord_cadre"] = f.accord
    html.append("<h3>Article 1 – Contractant</h3><p>Je soussigné(e), %s, agissant au nom et pour le compte de la société %s, %s, dont le siège social est situé %s, %s %s, immatriculée sous le numéro SIRET %s, numéro de TVA intracommunautaire %s,</p>" % (
        f.rng.choice(["Mme Lucie Ferrand, présidente", "M. Olivier Brun, gérant", "M. Karim Haddad, directeur général"]), f.legal, f.form, f.street, f.postcode, f.town, f.siret_text(), f.vat))
    html.append("<p>après avoir pris connaissance du cahier des clauses administratives particulières et du cahier des clauses techniques particulières, m'engage sans réserve à exécuter les prestations dans les conditions ci-après définies.</p>")
    rate = f.rates[0][0] or 20
    f.set_vat(f.ht, rate)
    html.append("<h3>Article 2 – Prix</h3><p>Les prestations seront rémunérées par application d'un prix global et forfaitaire de %s hors taxes, soit une TVA au taux de %s %% de %s, et un montant toutes taxes comprises de %s (%s euros).</p>" % (
        f.m(f.ht), g.rate_text(rate), f.m(f.tva), f.m(f.ttc), words_fr(f.ttc // 100)))
    html.append(foot % 1 + "<div style='page-break-before:always'></div>")
    html.append("<h3>Article 3 – Délai d'exécution</h3><p>Le délai d'exécution est de %d mois à compter de la notification.</p>" % f.rng.choice([3, 6, 12]))
    html.append("<h3>Article 4 – Paiement</h3><p>Le pouvoir adjudicateur se libérera des sommes dues en faisant porter le montant au crédit du compte ouvert au nom de %s : IBAN %s, BIC %s.</p>" % (
        f.legal, f.iban_text(), f.rng.choice(["CCBPFRPPGRE", "AGRIFRPP881"])))
    html.append("<p>Fait à %s, le %s</p><p>Signature du titulaire</p>" % (f.town, f.day()))
    html.append("<h3>Acceptation de l'offre</h3><p>Est acceptée la présente offre pour valoir acte d'engagement. Pour %s, le pouvoir adjudicateur.</p>" % f.service)
    html.append(foot % 2)
    g.acte_truth(f, truth)
    return html, truth, g.supplier_truth(f, truth, iban=True)


def navette_dotted(f):
    """A fiche navette as a typed form: labels followed by dotted leaders, the budget imputation in a grid
    (centre financier, domaine fonctionnel, activité, montant AE), the amounts as « Montant HT » and « Montant TTC »."""
    truth = {"numbers.ej": f.ej, "supplier.name": f.legal, "supplier.siret": f.siret, "object": f.object}
    dots = lambda label, value: "<p>%s %s %s</p>" % (label, "." * f.rng.randint(6, 20), value)
    html = ["<table><tr><td><b>%s</b><br>%s</td><td class='r small'>Circuit de la dépense<br>Version %d</td></tr></table>" % (f.ministry, f.service, f.rng.randint(2, 5))]
    html.append("<h2 class='c'>Fiche de demande d'achat</h2>")
    html.append(dots("Date de la demande", f.day()))
    html.append(dots("Objet de l'achat", f.object))
    html.append(dots("Fournisseur retenu", f.legal))
    html.append(dots("N° SIRET", f.siret_text()))
    if f.marche:
        html.append(dots("Marché de référence", f.marche)); truth["numbers.marche"] = f.marche
    elif f.accord:
        html.append(dots("Accord-cadre", f.accord)); truth["numbers.accord_cadre"] = f.accord
    else:
        html.append(dots("Procédure", "achat sans publicité ni mise en concurrence préalables (art. R. 2122-8)"))
    html.append(dots("Montant HT", f.m(f.ht)))
    html.append(dots("Montant TTC", f.m(f.ttc)))
    html.append("<table class='b small' style='margin-top:8pt'><tr class='grey'><th>Centre financier</th><th>Domaine fonctionnel</th><th>Activité</th><th class='r'>Montant AE</th></tr><tr><td>0%d-%s</td><td>0%d-%02d</td><td>0%d%08d</td><td class='r'>%s</td></tr></table>" % (
        f.rng.choice([215, 354]), f.rng.choice(["CBOP-DR38", "SGAR-BRE"]), f.rng.choice([215, 354]), f.rng.randint(1, 20), f.rng.choice([215, 354]), f.rng.randint(1, 99999999), f.m(f.ttc)))
    html.append(dots("Engagement juridique (saisi par le centre de services partagés)", f.ej))
    html.append("<table class='b' style='margin-top:12pt'><tr><td style='height:40pt;width:50%'>Le demandeur</td><td>Le responsable budgétaire</td></tr></table>")
    g.navette_truth(f, truth)
    return html, truth, ["siret"] if f.bad == "siret" else []


def cctp_consultation(f):
    """A CCTP whose cover names the purchase a « consultation » with its number; the object stated under
    « Intitulé de la consultation » and again in article 1.1."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number, "object": f.object, "buyer.administration": f.service}
    html = ["<div style='height:250mm;page-break-after:always'><table><tr><td><b>%s</b><br>%s</td><td class='r'>Consultation n° %s</td></tr></table>" % (f.ministry, f.service, number)]
    html.append("<div class='c' style='margin-top:50mm'><p>Intitulé de la consultation :</p><h1>%s</h1><p style='margin-top:20mm;font-size:1.3em'>Cahier des clauses techniques particulières (CCTP)</p><p>Date limite de remise des offres : %s à 12 h 00</p></div></div>" % (f.object, f.day()))
    html.append("<h2>1. Généralités</h2><h3>1.1 Objet de la consultation</h3><p>La présente consultation a pour objet : %s.</p>" % (f.object[0].lower() + f.object[1:]))
    for t in ["1.2 Décomposition en lots", "2. Description des prestations", "3. Exigences de qualité", "4. Réception"]:
        html.append("<h3>%s</h3>%s" % (t, "<p>Les prestations sont exécutées selon les règles de l'art ; le titulaire propose les moyens adaptés et en informe le représentant du pouvoir adjudicateur.</p>" * f.rng.randint(2, 3)))
    return html, truth, []


TEMPLATES = {"facture": [progress_invoice, training_invoice, saas_subscription, totals_band],
             "devis": [quote_in_lots, training_invoice, saas_subscription, totals_band],
             "bon_de_commande": [order_in_sentences], "acte_engagement": [ae_prose],
             "fiche_navette": [navette_dotted], "cctp": [cctp_consultation]}
FACTS = FactsD
