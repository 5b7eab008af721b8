"""Set f of the stranger corpus: designs written in session 20 after set e was read, measured blind before any rule
was changed for them.

Loaded by `generate-stranger-corpus.py --set f`. Its pools are its own: other trades, other State services, other
number patterns, dates with two-digit years, amounts with a dot between thousands. Designs: an invoice or quote whose
first block sums it up (the amount to pay and its due date) before the lines, with a commercial discount between a
gross and a net HT; a seminar venue's invoice priced TTC line by line at two VAT rates, the HT derived at the foot
(« dont TVA »); an old accounting system's invoice printed in a fixed-width font, in capitals without accents; a quote
whose options are priced after its total and an invoice that recalls the contract's cumulated amount; an order
confirmed by a purchasing platform; an acte d'engagement priced by tranches (ferme and optionnelle); a fiche navette
written as an e-mail; a CCTP opening on a table of contents.
"""
import importlib.util, os, textwrap, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("stranger", os.path.join(HERE, "generate-stranger-corpus.py"))
g = importlib.util.module_from_spec(spec)
spec.loader.exec_module(g)
group, grouped, MONTHS = g.group, g.grouped, g.MONTHS


class FactsF(g.Facts):
    COMPANIES = ["Hôtel des Remparts", "Domaine de la Garenne Séminaires", "Ateliers Graphiques Morvan",
                 "Cabinet Delorme Expertise", "Électro Services Picards", "Géodésie Bretonne", "Sonorisation Événements Rhône",
                 "Informatique et Réseaux du Centre", "Blanchisserie Industrielle Sarthoise", "Rouland Frères Couverture",
                 "Agence Pixels et Pages", "Études Hydrauliques du Sud-Ouest", "Centre de Congrès Lumière",
                 "Berthier Climatisation", "Librairie Papeterie Gauthier", "Conseil Vauban Organisation"]
    FORMS = ["SAS", "SARL", "SA", "EURL", "SELARL", "SCIC"]
    STREETS = ["place du Général de Gaulle", "rue Pasteur", "avenue de Verdun", "impasse des Tanneurs", "ZA du Moulin",
               "rue Nationale", "cours Mirabeau", "rue Gambetta", "chemin de Halage"]
    TOWNS = [("21000", "Dijon"), ("25000", "Besançon"), ("29200", "Brest"), ("33000", "Bordeaux"), ("45000", "Orléans"),
             ("51100", "Reims"), ("57000", "Metz"), ("63000", "Clermont-Ferrand"), ("76000", "Rouen"), ("86000", "Poitiers"),
             ("13100", "Aix-en-Provence"), ("59000", "Lille")]
    BUYERS = [("Ministère de l'Économie et des Finances", "Direction régionale des douanes et droits indirects de Metz"),
              ("Ministère de l'Intérieur", "Préfecture de la Côte-d'Or"),
              ("Ministère des Sports", "Direction régionale académique à la jeunesse, à l'engagement et aux sports de Normandie"),
              ("Ministère de la Transition écologique", "Direction départementale des territoires et de la mer du Finistère"),
              ("Ministère de l'Enseignement supérieur", "Délégation régionale académique à la recherche et à l'innovation"),
              ("Ministère de la Culture", "Direction générale des patrimoines et de l'architecture"),
              ("Ministère de la Justice", "Direction de la protection judiciaire de la jeunesse Grand-Est"),
              ("Ministère des Armées", "Base de défense de Bordeaux-Mérignac"),
              ("Ministère du Travail", "Direction départementale de l'emploi, du travail et des solidarités du Doubs"),
              ("Ministère de l'Agriculture", "Direction régionale de l'alimentation, de l'agriculture et de la forêt Grand Est")]
    OBJECTS = [
        ("Séminaire annuel des cadres de {s}", [("Location de salle plénière (jour)", 1400), ("Déjeuner (couvert)", 32), ("Hébergement (nuitée)", 98)]),
        ("Conception graphique du rapport d'activité {p}", [("Maquette (forfait)", 2400), ("Mise en page (page)", 55), ("Illustrations", 900)]),
        ("Expertise comptable du dispositif {p}", [("Jour d'expert-comptable", 1100), ("Jour de collaborateur", 620), ("Note de synthèse", 1500)]),
        ("Maintenance des installations électriques de {s}", [("Visite de maintenance", 480), ("Remplacement de luminaires", 135), ("Astreinte (mois)", 300)]),
        ("Relevé géodésique des ouvrages portuaires de {s}", [("Journée de relevé", 1350), ("Traitement des données", 900), ("Rapport", 700)]),
        ("Sonorisation de la cérémonie {p}", [("Régie son (jour)", 950), ("Micro HF (unité)", 45), ("Technicien (heure)", 55)]),
        ("Renouvellement des postes de travail de {s}", [("Ordinateur portable", 890), ("Écran 24 pouces", 165), ("Station d'accueil", 190)]),
        ("Blanchissage du linge de l'internat de {s}", [("Kilo de linge plat", 2.1), ("Tenue de travail (unité)", 3.4), ("Collecte (passage)", 45)]),
        ("Réfection de la toiture du bâtiment de {s}", [("Couverture ardoise (m²)", 95), ("Zinguerie (ml)", 48), ("Échafaudage (forfait)", 2600)]),
        ("Fourniture de papeterie pour les services de {s}", [("Ramette A4 80 g", 4.6), ("Classeur à levier", 3.2), ("Agenda", 11)]),
    ]
    PRODUCTS = ["Dossier Sport", "Mon Espace Douane", "Patrimoine Ouvert", "Jeunes en Action", "Labo Innovation",
                "Rapport Public 2025", "Cap Emploi", "Mer et Littoral"]
    SITES = ["Dijon Clémenceau", "Metz Queuleu", "Brest Recouvrance", "Bordeaux Bastide", "Orléans La Source",
             "Rouen Saint-Sever", "Poitiers Beaulieu", "Lille Fives"]
    FONTS = ["DejaVu Sans", "Liberation Sans", "Liberation Serif", "DejaVu Serif", "DejaVu Sans Condensed"]
    MARCHES = ["%d-DR-%03d", "M%d-%04d-P", "%d/DDTM/%02d", "%d.MAPA.%03d", "%d%03d-PA"]
    ACCORDS = ["%d-ACCORD-%03d", "AC%d/%04d", "%d-AC-DAE-%03d", "UGAP%d-%03d"]

    def __init__(self, rng, kind):
        super().__init__(rng, kind)
        self.money_style = rng.randrange(4)
        self.date_form = rng.randrange(4)

    MONEY = [lambda d, r: grouped(d, " ") + ",%02d €" % r, lambda d, r: grouped(d, ".") + ",%02d €" % r,
             lambda d, r: grouped(d, "\u00a0") + ",%02d" % r, lambda d, r: "%s,%02d €" % (d, r)]

    def m(self, cents):
        return g.signed(cents, self.MONEY[self.money_style])

    def day(self, d=None):
        y, m, day = d or self.date
        return ["%02d/%02d/%d" % (day, m, y), "%d %s %d" % (day, MONTHS[m - 1], y), "%02d/%02d/%02d" % (day, m, y % 100),
                "le %d %s %d" % (day, MONTHS[m - 1], y)][self.date_form]


def plain(text):
    """Capitals without accents, as an old accounting system prints."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.upper()) if not unicodedata.combining(c)).replace("Œ", "OE")


def summary_first(f):
    """An invoice or quote whose first block sums it up (« Montant à payer » or « Montant du devis » and the due
    date), then the lines, a commercial discount between « Total brut HT » and « Total net HT », VAT and TTC."""
    truth = {}
    number = ("FC%02d%05d" if f.kind == "facture" else "DV%02d%05d") % (f.year % 100, f.rng.randint(1, 99999))
    truth["numbers.document"] = number
    gross = sum(t for l, q, u, t in f.lines)
    rate = f.rng.choice([3, 5, 8, 10])
    discount = gross * rate // 100
    f.set_rates([(20, gross - discount)])
    html = ["<table><tr><td style='width:55%%'><b style='font-size:1.4em'>%s</b><br>%s<br>%s %s<br>Tél. 0%d %02d %02d %02d %02d</td>" % (
        f.legal, f.street, f.postcode, f.town, f.rng.randint(1, 5), f.rng.randint(10, 99), f.rng.randint(10, 99), f.rng.randint(10, 99), f.rng.randint(10, 99))]
    head = "Montant à payer" if f.kind == "facture" else "Montant du devis"
    due = ("À régler avant le %s" if f.kind == "facture" else "Offre valable jusqu'au %s") % f.day(f.later(1))
    html.append("<td><div class='box' style='background:#f3f3f3'><span class='small'>%s</span><br><b style='font-size:1.6em'>%s</b> TTC<br><span class='small'>%s</span></div></td></tr></table>" % (head, f.m(f.ttc), due))
    html.append("<table style='margin-top:10pt'><tr><td style='width:50%%'><h2>%s n° %s</h2>Émis %s</td><td><span class='small'>Client</span><br>%s<br>%s<br>%s<br>%s %s</td></tr></table>" % (
        "Facture" if f.kind == "facture" else "Devis", number, ("le " + f.day()) if f.date_form != 3 else f.day(), f.ministry, f.service, f.b_street, f.b_postcode, f.b_town))
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p class='small'>%s : %s</p>" % (l, v))
    html.append("<p>%s</p>" % g.object_line(f))
    truth["object"] = f.object
    html.append("<table class='b'><tr class='grey'><th>Désignation</th><th class='r'>Qté</th><th class='r'>P.U. HT</th><th class='r'>Montant HT</th></tr>%s</table>" % "".join(
        "<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.m(u), f.m(t)) for l, q, u, t in f.lines))
    totals = [("Total brut HT", gross), ("Remise commerciale %d %%" % rate, -discount), ("Total net HT", f.ht), ("TVA 20 %", f.tva), ("Total TTC", f.ttc)]
    html.append("<table style='width:50%%;margin-left:50%%;margin-top:6pt'>%s</table>" % "".join("<tr><td>%s</td><td class='r'>%s</td></tr>" % (l, f.m(v)) for l, v in totals))
    if f.kind == "facture": html.append("<p class='small'>Paiement par virement – IBAN : %s – BIC : CCBPFRPPXXX</p>" % f.iban_text())
    else: html.append("<p style='margin-top:15pt'>Bon pour accord, date et signature du client :</p>")
    html.append("<p class='small c' style='margin-top:20pt'>%s</p>" % f.legal_footer(with_vat=True))
    return html, truth, g.supplier_truth(f, truth, iban=f.kind == "facture")


def venue_ttc(f):
    """A seminar venue's invoice or quote priced TTC line by line (rooms at 20 %, meals and nights at 10 %); the foot
    gives « Total TTC », then « dont TVA » per rate, then « Total HT »."""
    truth = {}
    number = ("%s-%d-%04d" % ("FA" if f.kind == "facture" else "PRO", f.year, f.rng.randint(1, 9999)))
    truth["numbers.document"] = number
    rows, by_rate = [], {10: 0, 20: 0}
    for i, (label, qty, unit, total) in enumerate(f.lines):
        rate = 20 if i % 3 == 0 else 10
        unit_ttc = int(round(unit * (100 + rate) / 100))
        rows.append((label, qty, unit_ttc, rate, qty * unit_ttc))
        by_rate[rate] += qty * unit_ttc
    parts = [(r, t, int(round(t * 100 / (100 + r)))) for r, t in sorted(by_rate.items()) if t]
    f.rates = [(r, ht, t - ht) for r, t, ht in parts]
    f.ht = sum(ht for r, t, ht in parts)
    f.ttc = sum(t for r, t, ht in parts)
    f.tva = f.ttc - f.ht
    html = ["<p style='font-size:1.5em;font-family:serif'><b>%s</b></p><p class='small'>%s – %s %s – Tél. 0%d %02d %02d %02d %02d</p>" % (
        f.legal, f.street, f.postcode, f.town, f.rng.randint(1, 5), f.rng.randint(10, 99), f.rng.randint(10, 99), f.rng.randint(10, 99), f.rng.randint(10, 99))]
    html.append("<table style='margin-top:10pt'><tr><td style='width:50%%'><b>%s</b> n° %s<br>Date : %s<br>Événement : %s</td><td><div class='box'>%s<br>%s<br>%s %s</div></td></tr></table>" % (
        "FACTURE" if f.kind == "facture" else "PROPOSITION COMMERCIALE", number, f.day(), f.object, f.service, f.b_street, f.b_postcode, f.b_town))
    truth["object"] = f.object
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p class='small'>%s : %s</p>" % (l, v))
    html.append("<table class='b' style='margin-top:6pt'><tr class='grey'><th>Prestation</th><th class='r'>Qté</th><th class='r'>Prix unitaire TTC</th><th class='r'>TVA</th><th class='r'>Total TTC</th></tr>%s</table>" % "".join(
        "<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%d %%</td><td class='r'>%s</td></tr>" % (l, q, f.m(u), r, f.m(t)) for l, q, u, r, t in rows))
    foot = [("<b>Total TTC</b>", f.ttc)] + [("dont TVA %d %%" % r, t) for r, b, t in f.rates] + [("Total HT", f.ht)]
    html.append("<table style='width:45%%;margin-left:55%%;margin-top:6pt'>%s</table>" % "".join("<tr><td>%s</td><td class='r'>%s</td></tr>" % (l, f.m(v)) for l, v in foot))
    if f.kind == "facture": html.append("<p class='small'>Règlement par virement sur le compte %s.</p>" % f.iban_text())
    html.append("<p class='small c' style='margin-top:20pt'>%s %s – SIRET %s – N° TVA %s – Licence IV</p>" % (f.legal, "au capital de 80 000 €", f.siret_text(), f.vat))
    return html, truth, g.supplier_truth(f, truth, iban=f.kind == "facture")


def fixed_width(f):
    """An old accounting system's invoice or quote in a fixed-width font: capitals without accents, columns aligned by
    spaces, « MONTANT H.T. », « T.V.A. 20,00 % », « NET A PAYER T.T.C. », dates with two-digit years."""
    truth = {}
    number = "%06d" % f.rng.randint(1, 999999)
    truth["numbers.document"] = number
    f.set_rates([(f.rates[0][0] if not f.exempt else 20, sum(t for l, q, u, t in f.lines))])
    y, mo, d = f.date
    short = "%02d/%02d/%02d" % (d, mo, y % 100)
    w = 78
    out = [plain(f.legal), plain(f.street), "%s %s" % (f.postcode, plain(f.town)), "SIRET : %s   TVA : %s" % (f.siret, f.vat), ""]
    client = [plain(f.ministry), plain(f.service), plain(f.b_street), "%s %s" % (f.b_postcode, plain(f.b_town))]
    out += [" " * 40 + part for c in client for part in textwrap.wrap(c, 38)] + [""]
    out.append("%s N. %s     DU %s" % ("FACTURE" if f.kind == "facture" else "DEVIS", number, short))
    for l, v in g.refs(f, truth, f.kind == "facture"):
        out.append("%s : %s" % (plain(l), v))
    out.append("OBJET : %s" % plain(f.object))
    truth["object"] = f.object
    out.append("-" * w)
    out.append("%-40s %6s %14s %15s" % ("DESIGNATION", "QTE", "P.U. H.T.", "MONTANT H.T."))
    out.append("-" * w)
    money = lambda c: g.grouped(str(c // 100), ".") + ",%02d" % (c % 100)
    for l, q, u, t in f.lines:
        out.append("%-40s %6s %14s %15s" % (plain(l)[:40], q, money(u), money(t)))
    out.append("-" * w)
    rate = f.rates[0][0]
    out += ["%62s %15s" % ("MONTANT H.T.", money(f.ht)), "%62s %15s" % ("T.V.A. %s %%" % ("%.2f" % rate).replace(".", ","), money(f.tva)),
            "%62s %15s" % ("NET A PAYER T.T.C." if f.kind == "facture" else "TOTAL T.T.C.", money(f.ttc)), ""]
    if f.kind == "facture": out.append("REGLEMENT : VIREMENT A 30 JOURS FIN DE MOIS - RIB : %s" % f.iban)
    html = ["<pre style='font-family:\"DejaVu Sans Mono\",\"Liberation Mono\";font-size:8pt'>%s</pre>" % "\n".join(out).replace("&", "&amp;").replace("<", "&lt;")]
    return html, truth, g.supplier_truth(f, truth, iban=f.kind == "facture")


def options_and_cumul(f):
    """A quote whose options are priced after its total (« non comprises dans le montant ci-dessus »), or an invoice
    that recalls, after its own totals, the contract's amount and what was invoiced so far (larger sums)."""
    truth = {}
    number = ("%d-%s-%04d" % (f.year, "D" if f.kind == "devis" else "F", f.rng.randint(1, 9999)))
    truth["numbers.document"] = number
    f.set_rates([(20, sum(t for l, q, u, t in f.lines))])
    html = ["<table><tr><td><b style='font-size:1.3em'>%s</b><br>%s, %s %s<br>SIRET %s</td><td class='r'><h1>%s</h1>N° %s<br>%s</td></tr></table>" % (
        f.legal, f.street, f.postcode, f.town, f.siret_text(), "DEVIS" if f.kind == "devis" else "FACTURE", number, f.day())]
    html.append("<p style='margin-left:50%%'>À l'attention de :<br>%s<br>%s<br>%s %s</p>" % (f.service, f.b_street, f.b_postcode, f.b_town))
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p><b>%s</b></p>" % g.object_line(f))
    truth["object"] = f.object
    html.append("<table class='b'><tr class='grey'><th>Désignation</th><th class='r'>Qté</th><th class='r'>PU HT</th><th class='r'>Total HT</th></tr>%s</table>" % "".join(
        "<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.m(u), f.m(t)) for l, q, u, t in f.lines))
    html.append("<table style='width:45%%;margin-left:55%%;margin-top:6pt'><tr><td>Total HT</td><td class='r'>%s</td></tr><tr><td>TVA 20 %%</td><td class='r'>%s</td></tr><tr><td><b>Total TTC</b></td><td class='r'><b>%s</b></td></tr></table>" % (
        f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    if f.kind == "devis":
        options = [(l + " (option)", q, u, q * u * 2) for l, q, u, t in f.lines[:2]]
        html.append("<h3>Options (non comprises dans le montant ci-dessus)</h3><table class='b'>%s<tr><td>Total des options HT</td><td class='r'>%s</td></tr></table>" % (
            "".join("<tr><td>%s</td><td class='r'>%s</td></tr>" % (l, f.m(t)) for l, q, u, t in options), f.m(sum(o[3] for o in options))))
    else:
        contract = f.ht * f.rng.randint(4, 9)
        html.append("<p class='small'>Pour mémoire : montant du marché %s HT ; déjà facturé %s HT ; reste à facturer %s HT.</p>" % (
            f.m(contract), f.m(f.ht * 2), f.m(contract - f.ht * 3)))
        html.append("<p class='small'>IBAN %s</p>" % f.iban_text())
    html.append("<p class='small c' style='margin-top:20pt'>TVA intracommunautaire %s – %s %s</p>" % (f.vat, f.legal, f.form if f.form not in f.legal else ""))
    return html, truth, g.supplier_truth(f, truth, iban=f.kind == "facture")


def platform_order(f):
    """An order confirmed by a purchasing platform: « Confirmation de commande », the buyer's internal reference (the
    EJ number), the seller's block, catalogue references, a subtotal, delivery costs, HT, VAT, TTC."""
    truth = {"numbers.ej": f.ej}
    number = "CMD-%d-%07d" % (f.year, f.rng.randint(1, 9999999))
    truth["numbers.document"] = number
    delivery = f.rng.choice([0, 1500, 3900])
    sub = sum(t for l, q, u, t in f.lines)
    f.set_rates([(20, sub + delivery)])
    html = ["<p style='color:#1d4f91;font-size:1.3em'><b>Plateforme achats de l'État</b></p><h1>Confirmation de commande</h1>"]
    html.append("<table class='small'><tr><td>Commande n°</td><td>%s</td></tr><tr><td>Passée le</td><td>%s à %02d:%02d</td></tr><tr><td>Référence interne acheteur (n° EJ)</td><td>%s</td></tr></table>" % (
        number, f.day(), f.rng.randint(8, 18), f.rng.randint(0, 59), f.ej))
    html.append("<table style='margin-top:8pt'><tr><td style='width:50%%'><div class='box'><b>Acheteur</b><br>%s<br>%s<br>%s %s</div></td><td><div class='box'><b>Vendeur</b><br>%s<br>%s, %s %s<br>SIRET %s</div></td></tr></table>" % (
        f.service, f.b_street, f.b_postcode, f.b_town, f.legal, f.street, f.postcode, f.town, f.siret_text()))
    for l, v in g.refs(f, truth, False):
        html.append("<p class='small'>%s : %s</p>" % (l, v))
    html.append("<p>Libellé de la commande : %s</p>" % f.object)
    truth["object"] = f.object
    html.append("<table class='b'><tr class='grey'><th>Réf. catalogue</th><th>Article</th><th class='r'>Qté</th><th class='r'>Prix HT</th><th class='r'>Total HT</th></tr>%s</table>" % "".join(
        "<tr><td>%s</td><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % ("CAT-%05d" % f.rng.randint(1, 99999), l, q, f.m(u), f.m(t)) for l, q, u, t in f.lines))
    foot = [("Sous-total articles", sub), ("Frais de livraison", delivery), ("Total HT", f.ht), ("TVA (20 %)", f.tva), ("Total TTC", f.ttc)]
    html.append("<table style='width:45%%;margin-left:55%%;margin-top:6pt'>%s</table>" % "".join("<tr><td>%s</td><td class='r'>%s</td></tr>" % (l, f.m(v)) for l, v in foot))
    html.append("<p class='small'>Cette commande vaut bon de commande de %s (%s). Facturation sur Chorus Pro.</p>" % (f.service, f.ministry))
    return html, truth, g.supplier_truth(f, truth, vat=False)


def ae_tranches(f):
    """An acte d'engagement priced by tranches: « Tranche ferme », « Tranche optionnelle n° 1 », the total of both HT,
    VAT and TTC; the titulaire described by labelled rows; the account to credit."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number}
    firm = f.ht * f.rng.choice([55, 60, 70]) // 100
    rate = f.rates[0][0] or 20
    f.set_rates([(rate, f.ht)])
    html = ["<p class='small'>%s<br>%s</p><h1 class='c'>ACTE D'ENGAGEMENT</h1><p class='c'>Marché public n° %s</p>" % (f.ministry, f.service, number)]
    html.append("<h3>Article 1 – Objet</h3><p>Le présent marché a pour objet : %s.</p>" % f.object)
    if f.accord:
        html.append("<p>Marché subséquent de l'accord-cadre n° %s.</p>" % f.accord)
        truth["numbers.accord_cadre"] = f.accord
    html.append("<h3>Article 2 – Identification du titulaire</h3><table class='b'><tr><td class='grey'>Dénomination sociale</td><td>%s</td></tr><tr><td class='grey'>Adresse du siège</td><td>%s, %s %s</td></tr><tr><td class='grey'>N° SIRET</td><td>%s</td></tr><tr><td class='grey'>N° de TVA intracommunautaire</td><td>%s</td></tr></table>" % (
        f.legal, f.street, f.postcode, f.town, f.siret_text(), f.vat))
    html.append("<h3>Article 3 – Prix</h3><table class='b'><tr class='grey'><th>Tranche</th><th class='r'>Montant HT</th></tr><tr><td>Tranche ferme</td><td class='r'>%s</td></tr><tr><td>Tranche optionnelle n° 1</td><td class='r'>%s</td></tr><tr><td><b>Montant total HT (tranche ferme et tranche optionnelle)</b></td><td class='r'><b>%s</b></td></tr><tr><td>TVA au taux de %s %%</td><td class='r'>%s</td></tr><tr><td><b>Montant total TTC</b></td><td class='r'><b>%s</b></td></tr></table>" % (
        f.m(firm), f.m(f.ht - firm), f.m(f.ht), g.rate_text(rate), f.m(f.tva), f.m(f.ttc)))
    html.append("<h3>Article 4 – Paiement</h3><p>Les sommes dues sont versées au compte IBAN %s ouvert au nom du titulaire.</p>" % f.iban_text())
    html.append("<p>Fait en un seul original, %s.</p><table class='b'><tr><td style='height:40pt'>Le titulaire</td><td>Le pouvoir adjudicateur</td></tr></table>" % (
        ("à %s, le %s" % (f.b_town, f.day())) if f.date_form != 3 else "à %s, %s" % (f.b_town, f.day())))
    g.acte_truth(f, truth)
    return html, truth, g.supplier_truth(f, truth, iban=True)


def navette_email(f):
    """A fiche navette written as an e-mail from the service to its budget office: « De : / À : / Objet : », the
    request in sentences (amounts, supplier, SIRET, marché), the EJ number given in the reply quoted below."""
    truth = {"numbers.ej": f.ej, "supplier.name": f.legal, "supplier.siret": f.siret, "object": f.object}
    html = ["<table class='small'><tr><td style='width:15%%'>De :</td><td>Secrétariat – %s</td></tr><tr><td>À :</td><td>Bureau du budget et des achats</td></tr><tr><td>Date :</td><td>%s</td></tr><tr><td>Objet :</td><td>Demande d'engagement – %s</td></tr></table><hr>" % (
        f.service, f.day(), f.object)]
    html.append("<p>%s<br>%s</p>" % (f.ministry, f.service))
    support = ""
    if f.marche:
        support = " au titre du marché n° %s" % f.marche; truth["numbers.marche"] = f.marche
    elif f.accord:
        support = " sur l'accord-cadre n° %s" % f.accord; truth["numbers.accord_cadre"] = f.accord
    html.append("<p>Bonjour,</p><p>Je vous remercie de bien vouloir engager la somme de %s TTC, soit %s HT, au profit de la société %s (SIRET %s)%s, pour l'opération suivante : %s.</p>" % (
        f.m(f.ttc), f.m(f.ht), f.legal, f.siret_text(), support, f.object[0].lower() + f.object[1:]))
    html.append("<p>Le devis signé est joint. Cordialement,</p><p>Le secrétariat</p>")
    html.append("<div style='border-left:2pt solid #999;padding-left:6pt;margin-top:12pt' class='small'><p>Réponse du bureau du budget : l'engagement juridique n° %s a été créé dans Chorus ; le bon de commande est transmis au fournisseur.</p></div>" % f.ej)
    g.navette_truth(f, truth)
    return html, truth, ["siret"] if f.bad == "siret" else []


def cctp_contents(f):
    """A CCTP opening on a table of contents (titles, dot leaders, page numbers) after a short cover that names the
    « Pouvoir adjudicateur » and the marché; the object stated in article 1.1."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number, "object": f.object, "buyer.administration": f.service}
    html = ["<p>Pouvoir adjudicateur : %s – %s</p><h1 class='c' style='margin-top:20mm'>CCTP</h1><p class='c'>Cahier des clauses techniques particulières<br>Marché n° %s</p><p class='c'><b>%s</b></p>" % (
        f.ministry, f.service, number, f.object)]
    titles = ["1. Objet et étendue du marché", "1.1 Objet", "1.2 Lieux d'exécution", "2. Description des prestations",
              "3. Moyens du titulaire", "4. Contrôle et réception", "5. Documents à fournir"]
    html.append("<h2 style='margin-top:15mm'>Sommaire</h2>%s<div style='page-break-after:always'></div>" % "".join(
        "<p>%s %s %d</p>" % (t, "." * (70 - len(t)), 2 + i // 2) for i, t in enumerate(titles)))
    html.append("<h2>1. Objet et étendue du marché</h2><h3>1.1 Objet</h3><p>Le marché a pour objet : %s.</p>" % (f.object[0].lower() + f.object[1:]))
    for t in titles[2:]:
        html.append("<h3>%s</h3>%s" % (t, "<p>Le titulaire exécute les prestations avec diligence, en liaison avec le service, et signale sans délai toute difficulté rencontrée.</p>" * f.rng.randint(2, 3)))
    return html, truth, []


TEMPLATES = {"facture": [summary_first, venue_ttc, fixed_width, options_and_cumul],
             "devis": [summary_first, venue_ttc, fixed_width, options_and_cumul],
             "bon_de_commande": [platform_order], "acte_engagement": [ae_tranches],
             "fiche_navette": [navette_email], "cctp": [cctp_contents]}
FACTS = FactsF
