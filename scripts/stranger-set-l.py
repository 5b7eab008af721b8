"""Set l of the stranger corpus: designs written in session 23, measured blind before any rule was changed for them.

Loaded by `generate-stranger-corpus.py --set l`. Its pools are its own: other trades, other number patterns,
amounts « 1 234,56 € », « 1 234,56 » (narrow no-break space) or « 1234.56 € », dates « 05/03/2025 », « 1er mars
2025 » or « 05 MARS 2025 ». Designs: a hotel's invoice for a mission whose tourist tax (taxe de séjour) is outside
VAT, so that TTC = HT + TVA + the tax; an invoice from a supplier of another member state, reverse-charged (no
SIRET, a foreign VAT number, no VAT); a catalogue quote whose lines carry an éco-participation summed apart from the
goods; a consultancy's « proposition commerciale » priced in days at a daily rate (TJM) with a billing schedule in
percentages; an order whose EJ number is printed under a barcode (« *1300123456* »); an acte d'engagement giving its
price in figures and in words and the account to credit as a RIB grid; a purchase request (demande d'achat) with its
validation circuit, a date per step; a cahier des charges opening on a summary table (« Fiche synthétique »).
"""
import importlib.util, os

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("stranger", os.path.join(HERE, "generate-stranger-corpus.py"))
g = importlib.util.module_from_spec(spec)
spec.loader.exec_module(g)
grouped, MONTHS = g.grouped, g.MONTHS


class FactsL(g.OwnForms):
    COMPANIES = ["Hôtel du Parc et des Thermes", "Mobilier Bureau Confort", "Conseil Stratégie Publique",
                 "Lumière Éclairage Technique", "Archives et Numérisation Services", "Traiteur Les Saveurs",
                 "Matériel Médical Dumas", "Acoustique Ingénierie", "Nettoyage Vitres Azur", "Éditions Juridiques Lefort",
                 "Sécurité Incendie Guillot", "Interprétariat Babel"]
    FORMS = ["SAS", "SARL", "SA", "EURL", "SASU", "SNC"]
    STREETS = ["rue du Maréchal Foch", "avenue des Thermes", "rue de la Gare", "boulevard Carnot", "impasse des Lilas",
               "chemin des Vignes", "rue Victor Hugo", "avenue de l'Europe"]
    TOWNS = [("63130", "Royat"), ("21000", "Dijon"), ("76000", "Rouen"), ("13100", "Aix-en-Provence"), ("37000", "Tours"),
             ("54000", "Nancy"), ("31000", "Toulouse"), ("59000", "Lille"), ("72000", "Le Mans"), ("65000", "Tarbes")]
    BUYERS = [("Ministère du Travail", "Direction régionale de l'économie, de l'emploi, du travail et des solidarités de Normandie"),
              ("Ministère de la Transition écologique", "Direction régionale de l'environnement, de l'aménagement et du logement Occitanie"),
              ("Ministère de l'Intérieur", "Secrétariat général pour l'administration du ministère de l'Intérieur Sud"),
              ("Ministère de la Justice", "Cour d'appel de Dijon"),
              ("Ministère des Sports", "Centre de ressources, d'expertise et de performance sportive de Bourgogne"),
              ("Ministère de l'Économie et des Finances", "Institut national de la statistique et des études économiques"),
              ("Ministère de l'Enseignement supérieur", "Délégation régionale académique à la recherche et à l'innovation Grand Est"),
              ("Ministère de la Culture", "Archives nationales")]
    OBJECTS = [
        ("Numérisation des registres d'état civil de {s}", [("Page numérisée", 0.38), ("Indexation (lot)", 240), ("Contrôle qualité (jour)", 480)]),
        ("Fourniture de postes de travail assis-debout pour {s}", [("Bureau réglable électrique", 612), ("Caisson mobile", 149), ("Livraison et montage", 35)]),
        ("Accompagnement à la conduite du changement du projet {p}", [("Atelier de cadrage", 1450), ("Entretien utilisateur", 320), ("Restitution", 980)]),
        ("Interprétation en langue des signes pour les réunions de {s}", [("Demi-journée d'interprétation", 410), ("Déplacement", 60), ("Préparation", 90)]),
        ("Vérification des équipements de sécurité incendie de {s}", [("Extincteur vérifié", 9.5), ("Alarme incendie (contrôle)", 280), ("Rapport de vérification", 120)]),
        ("Étude acoustique de la salle de réunion de {s}", [("Mesures acoustiques", 1300), ("Modélisation", 1900), ("Note de préconisations", 750)]),
        ("Service de traiteur pour le séminaire {p}", [("Déjeuner (couvert)", 32), ("Pause café", 6.5), ("Service en salle (heure)", 38)]),
        ("Abonnement aux bases juridiques en ligne pour {s}", [("Licence utilisateur", 890), ("Module jurisprudence", 1250), ("Formation en ligne", 180)]),
    ]
    PRODUCTS = ["Signal Conso", "Mes Aides Sport", "Archives Ouvertes", "Entreprendre Travail", "Stat Locale", "Justice Proximité"]
    SITES = ["Rouen Saint-Sever", "Dijon Clemenceau", "Toulouse Matabiau", "Nancy Stanislas", "Tours Deux-Lions", "Lille Fives"]
    FONTS = ["Liberation Sans", "DejaVu Sans", "Liberation Serif", "DejaVu Sans Condensed"]
    MARCHES = ["%d-DREETS-%03d", "MP%d-%04d", "%d/INSEE/%03d", "CA-DIJ-%d-%02d", "%dAN%04d"]
    ACCORDS = ["%d-AC-DAE-%03d", "ACN%d%03d", "%d-RESAH-%04d"]
    MONEY = [lambda d, r: grouped(d, " ") + ",%02d €" % r, lambda d, r: grouped(d, "\u202f") + ",%02d" % r,
             lambda d, r: "%s.%02d €" % (d, r)]
    DATES = [lambda y, m, d: "%02d/%02d/%d" % (d, m, y),
             lambda y, m, d: "%s %s %d" % ("1er" if d == 1 else str(d), MONTHS[m - 1], y),
             lambda y, m, d: "%02d %s %d" % (d, MONTHS[m - 1].upper(), y)]


def letterhead(f):
    return "<p><b style='font-size:1.3em'>%s</b><br>%s<br>%s %s</p>" % (f.legal, f.street, f.postcode, f.town)


def addressee(f):
    return "<div class='box' style='width:48%%;margin-left:50%%'>%s<br>%s<br>%s<br>%s %s</div>" % (
        f.ministry, f.service, f.b_street, f.b_postcode, f.b_town)


def hotel(f):
    """A hotel's invoice for a mission: rooms at 10 %, meals at 10 %, a meeting room at 20 %, and the tourist tax
    (taxe de séjour) outside VAT, so that the TTC is HT + TVA + the tax."""
    truth = {}
    number = f.rng.choice(["%d%06d", "H-%d-%05d", "FACT%d/%04d"]) % (f.year, f.rng.randint(1, 99999))
    truth["numbers.document"] = number
    nights, guests = f.rng.randint(1, 4), f.rng.randint(1, 12)
    room = f.rng.choice([8900, 9500, 11200, 12800])
    meal = f.rng.choice([2400, 2850, 3200])
    rows = [("Chambre single – %d nuit(s) × %d personne(s)" % (nights, guests), nights * guests, room, 10),
            ("Petit-déjeuner", nights * guests, 1450, 10), ("Dîner", nights * guests, meal, 10)]
    if f.rng.random() < 0.5:
        rows.append(("Location salle de réunion (journée)", nights, 34000, 20))
    bases = {}
    for label, qty, unit, rate in rows:
        bases[rate] = bases.get(rate, 0) + qty * unit
    f.set_rates(sorted(bases.items()))
    tax = nights * guests * f.rng.choice([88, 165, 230])
    table = "".join("<tr><td>%s</td><td class='r'>%d</td><td class='r'>%s</td><td class='r'>%s %%</td><td class='r'>%s</td></tr>" % (
        l, q, f.m(u), g.rate_text(r), f.m(q * u)) for l, q, u, r in rows)
    table += "<tr><td>Taxe de séjour (non soumise à TVA)</td><td class='r'>%d</td><td class='r'>%s</td><td class='r'>–</td><td class='r'>%s</td></tr>" % (
        nights * guests, f.m(tax // (nights * guests)), f.m(tax))
    html = [letterhead(f), "<p class='small'>Tél. 04 73 %02d %02d %02d – SIRET %s – TVA %s</p>" % (
        f.rng.randint(10, 99), f.rng.randint(10, 99), f.rng.randint(10, 99), f.siret_text(), f.vat), addressee(f)]
    html.append("<h2>FACTURE N° %s</h2><p>Date : %s<br>Séjour du %s au %s<br>Chambre(s) : %d – Dossier groupe %s</p>" % (
        number, f.day(), f.day(), f.day(f.later_days(nights)), guests, f.rng.choice(["G", "GR"]) + str(f.rng.randint(1000, 9999))))
    for l, v in g.refs(f, truth, True):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p>Motif du séjour : %s</p>" % f.object)
    truth["object"] = f.object
    html.append("<table class='b'><tr class='grey'><th>Prestation</th><th class='r'>Qté</th><th class='r'>Prix unitaire HT</th><th class='r'>TVA</th><th class='r'>Total HT</th></tr>%s</table>" % table)
    recap = "".join("<tr><td>TVA %s %% sur %s</td><td class='r'>%s</td></tr>" % (g.rate_text(r), f.m(b), f.m(t)) for r, b, t in f.rates)
    html.append("<table style='width:50%%;margin-left:50%%;margin-top:6pt'><tr><td>Total HT</td><td class='r'>%s</td></tr>%s"
                "<tr><td>Taxe de séjour</td><td class='r'>%s</td></tr><tr><td><b>Total TTC</b></td><td class='r'><b>%s</b></td></tr></table>" % (
                    f.m(f.ht), recap, f.m(tax), f.m(f.ttc + tax)))
    f.ttc += tax
    html.append("<p class='small'>%s</p>" % f.legal_footer(with_iban=True))
    return html, truth, g.supplier_truth(f, truth, iban=True)


FOREIGN = [("DE", lambda r: "DE%09d" % r.randint(100000000, 999999999), "GmbH", [("10115", "Berlin"), ("80331", "München")], "Allemagne"),
           ("BE", lambda r: "BE0%09d" % r.randint(200000000, 999999999), "SRL", [("1000", "Bruxelles"), ("4000", "Liège")], "Belgique"),
           ("LU", lambda r: "LU%08d" % r.randint(10000000, 99999999), "S.à r.l.", [("L-1724", "Luxembourg")], "Luxembourg"),
           ("IE", lambda r: "IE%07d%s" % (r.randint(1000000, 9999999), r.choice(["A", "W", "WA"])), "Ltd", [("D02 X285", "Dublin 2")], "Irlande")]


def foreign_supplier(f):
    """An invoice from a supplier of another member state: no SIRET, its own VAT number, the VAT reverse-charged
    (« autoliquidation »), so the total due is the HT."""
    country, vat_of, form, towns, land = f.rng.choice(FOREIGN)
    name = "%s %s" % (f.rng.choice(["Datenwerk", "Nordlicht Software", "Brabant Services", "Moselle Cloud", "Liffey Analytics", "Kanal Digital"]), form)
    vat = vat_of(f.rng)
    postcode, town = f.rng.choice(towns)
    truth = {"supplier.name": name, "supplier.vat_number": vat}
    number = f.rng.choice(["INV-%d-%05d", "%d%06d", "RE-%d-%04d"]) % (f.year, f.rng.randint(1, 99999))
    truth["numbers.document"] = number
    f.set_rates([(0, sum(l[3] for l in f.lines))])
    html = ["<table><tr><td><b style='font-size:1.4em'>%s</b><br>%d %s<br>%s %s – %s<br>N° TVA : %s</td><td class='r'><b style='font-size:1.5em'>Facture</b><br>N° %s<br>Date : %s</td></tr></table>" % (
        name, f.rng.randint(1, 90), f.rng.choice(["Hauptstraße", "Rue Royale", "Avenue de la Liberté", "Grand Canal Street"]), postcode, town, land, vat, number, f.day())]
    html.append("<p><b>Client :</b> %s – %s – %s %s (France)</p>" % (f.ministry, f.service, f.b_postcode, f.b_town))
    for l, v in g.refs(f, truth, True):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p>Prestation : %s</p>" % f.object)
    truth["object"] = f.object
    html.append("<table class='b'><tr class='grey'><th>Description</th><th class='r'>Quantité</th><th class='r'>Prix unitaire</th><th class='r'>Montant</th></tr>%s</table>" % "".join(
        "<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.m(u), f.m(t)) for l, q, u, t in f.lines))
    html.append("<table style='width:45%%;margin-left:55%%;margin-top:6pt'><tr><td>Total HT</td><td class='r'>%s</td></tr><tr><td>TVA (autoliquidation)</td><td class='r'>%s</td></tr>"
                "<tr><td><b>Total à payer</b></td><td class='r'><b>%s</b></td></tr></table>" % (f.m(f.ht), f.m(0), f.m(f.ttc)))
    html.append("<p class='small'>Autoliquidation – TVA due par le preneur, article 283-2 du CGI (article 196 de la directive 2006/112/CE).</p>")
    html.append("<p class='small'>Paiement à 30 jours – IBAN %s – BIC %s</p>" % (f.iban_text(), f.rng.choice(["DEUTDEFF", "GEBABEBB", "BCEELULL", "BOFIIE2D"])))
    truth["iban"] = f.iban
    return html, truth, [b for b in [f.bad] if b == "iban"]


def catalogue_quote(f):
    """A catalogue quote: reference, public price, discount and net price per line, each line's éco-participation
    beside it; the goods' HT and the éco-participation summed apart, then the HT, the VAT and the TTC."""
    truth = {}
    number = f.rng.choice(["DV%d-%05d", "%d-DEV-%04d", "Q%d%05d"]) % (f.year, f.rng.randint(1, 99999))
    truth["numbers.document"] = number
    rows, goods, eco = "", 0, 0
    for label, qty, unit, total in f.lines:
        rebate = f.rng.choice([10, 15, 20, 25])
        net = unit * (100 - rebate) // 100
        tax = f.rng.choice([0, 50, 120, 300, 650]) if unit > 2000 else 0
        goods, eco = goods + qty * net, eco + qty * tax
        rows += "<tr><td>%s</td><td>%s</td><td class='r'>%d</td><td class='r'>%s</td><td class='r'>%d %%</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (
            "REF-%05d" % f.rng.randint(1, 99999), label, qty, f.m(unit), rebate, f.m(net), f.m(tax) if tax else "–", f.m(qty * net))
    f.set_rates([(20, goods + eco)])
    html = [letterhead(f), "<p class='small'>SIRET %s – TVA intracommunautaire %s</p>" % (f.siret_text(), f.vat), addressee(f)]
    html.append("<h2>Devis n° %s</h2><p>Établi le %s – valable jusqu'au %s</p>" % (number, f.day(), f.day(f.later(2))))
    for l, v in g.refs(f, truth, False):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p>Votre projet : %s</p>" % f.object)
    truth["object"] = f.object
    html.append("<table class='b'><tr class='grey'><th>Référence</th><th>Article</th><th class='r'>Qté</th><th class='r'>Prix public HT</th><th class='r'>Remise</th>"
                "<th class='r'>Prix net HT</th><th class='r'>Éco-part. unit.</th><th class='r'>Total net HT</th></tr>%s</table>" % rows)
    html.append("<table style='width:50%%;margin-left:50%%;margin-top:6pt'><tr><td>Total articles HT</td><td class='r'>%s</td></tr><tr><td>Éco-participation HT</td><td class='r'>%s</td></tr>"
                "<tr><td>Total HT</td><td class='r'>%s</td></tr><tr><td>TVA 20 %%</td><td class='r'>%s</td></tr><tr><td><b>Total TTC</b></td><td class='r'><b>%s</b></td></tr></table>" % (
                    f.m(goods), f.m(eco), f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    html.append("<p class='small'>Éco-participation : contribution au recyclage du mobilier usagé, reversée à l'éco-organisme agréé.</p>")
    return html, truth, g.supplier_truth(f, truth)


PROFILES = [("Directeur de mission", 1350), ("Consultant senior", 980), ("Consultant", 760), ("Designer de services", 820), ("Chef de projet", 900)]


def proposition(f):
    """A consultancy's « proposition commerciale »: its cover with the object as a title, a context in prose, a price
    in days per profile at a daily rate (TJM), the totals, then a billing schedule in percentages of the total."""
    truth = {}
    number = f.rng.choice(["PC-%d-%04d", "PROP%d%03d", "%d-PC-%03d"]) % (f.year, f.rng.randint(1, 999))
    truth["numbers.document"] = number
    profiles = f.rng.sample(PROFILES, f.rng.randint(2, 4))
    rows, ht = "", 0
    for name, rate in profiles:
        days = f.rng.choice([2, 3, 5, 8, 10, 12, 15, 20])
        rate = rate * 100 + f.rng.choice([0, 0, 5000])
        ht += days * rate
        rows += "<tr><td>%s</td><td class='r'>%d</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (name, days, f.m(rate), f.m(days * rate))
    f.set_rates([(20, ht)])
    html = ["<div style='height:60mm'><p><b style='font-size:1.2em'>%s</b></p></div>" % f.legal]
    html.append("<p style='font-size:1.8em'><b>%s</b></p><p>Proposition commerciale n° %s – version %d<br>%s<br>Remise le %s</p>" % (
        f.object, number, f.rng.randint(1, 3), f.service, f.day()))
    truth["object"] = f.object
    html.append("<div style='page-break-before:always'></div><h3>1. Contexte</h3><p>Vous nous avez sollicités pour vous accompagner dans ce projet. "
                "Notre équipe intervient auprès des administrations depuis %d ans.</p>" % f.rng.randint(5, 25))
    html.append("<h3>2. Proposition financière</h3><table class='b'><tr class='grey'><th>Profil</th><th class='r'>Jours</th><th class='r'>TJM HT</th><th class='r'>Montant HT</th></tr>%s</table>" % rows)
    html.append("<p style='margin-top:6pt'>Total HT : %s<br>TVA 20 %% : %s<br>Total TTC : %s</p>" % (f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    first = f.rng.choice([20, 30, 40])
    html.append("<h3>3. Échéancier de facturation</h3><table class='b' style='width:70%%'><tr><td>À la commande</td><td class='r'>%d %%</td><td class='r'>%s</td></tr>"
                "<tr><td>À la remise du livrable final</td><td class='r'>%d %%</td><td class='r'>%s</td></tr></table>" % (
                    first, f.m(f.ht * first // 100), 100 - first, f.m(f.ht - f.ht * first // 100)))
    html.append("<p class='small'>%s</p>" % f.legal_footer())
    return html, truth, g.supplier_truth(f, truth)


def barcode(f, text):
    """A Code 39-like row of bars with its human-readable text under it, as order printers print the EJ."""
    widths = [f.rng.choice([1, 1, 2, 3]) for _ in range(70)]
    bars = "".join("<span style='display:inline-block;width:%dpt;height:26pt;background:%s'></span>" % (w, "#000" if i % 2 == 0 else "#fff") for i, w in enumerate(widths))
    return "<div style='line-height:0'>%s</div><p style='font-family:\"DejaVu Sans Mono\";margin-top:2pt'>*%s*</p>" % (bars, text)


def barcode_order(f):
    """An order whose EJ number is printed under a barcode, between asterisks, the supplier in a box, the lines with
    their own VAT rate, and the total TTC in a heavy frame."""
    truth = {"numbers.document": f.ej, "numbers.ej": f.ej}
    f.set_rates([(20, sum(l[3] for l in f.lines))])
    html = ["<table><tr><td style='width:55%%'><b>%s</b><br>%s<br>%s<br>%s %s</td><td class='r'>%s</td></tr></table>" % (
        f.ministry, f.service, f.b_street, f.b_postcode, f.b_town, barcode(f, f.ej))]
    html.append("<h2 class='c'>BON DE COMMANDE</h2><p class='c'>Engagement juridique n° %s du %s</p>" % (f.ej, f.day()))
    html.append("<div class='box' style='width:50%%'>Fournisseur<br><b>%s</b><br>%s<br>%s %s<br>SIRET : %s</div>" % (f.legal, f.street, f.postcode, f.town, f.siret_text()))
    for l, v in g.refs(f, truth, False):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p>Désignation de la commande : %s</p>" % f.object)
    truth["object"] = f.object
    html.append("<table class='b'><tr class='grey'><th>Poste</th><th>Article</th><th class='r'>Quantité</th><th class='r'>Prix unitaire HT</th><th class='r'>TVA</th><th class='r'>Valeur HT</th></tr>%s</table>" % "".join(
        "<tr><td>%d</td><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>20 %%</td><td class='r'>%s</td></tr>" % ((i + 1) * 10, l, q, f.m(u), f.m(t)) for i, (l, q, u, t) in enumerate(f.lines)))
    html.append("<table style='width:45%%;margin-left:55%%;margin-top:6pt'><tr><td>Valeur totale HT</td><td class='r'>%s</td></tr><tr><td>Montant TVA</td><td class='r'>%s</td></tr></table>"
                "<div style='border:2pt solid #000;width:45%%;margin-left:55%%;padding:4pt'>Montant total TTC&nbsp;&nbsp; <b>%s</b></div>" % (f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    html.append("<p class='small'>Factures à déposer sur Chorus Pro en rappelant le numéro d'engagement juridique ci-dessus.</p>")
    return html, truth, g.supplier_truth(f, truth, vat=False)


def ae_in_words(f):
    """An acte d'engagement in articles giving its price in figures and in words, and the account to credit as a RIB
    grid (bank code, branch code, account number, key) with the IBAN under it."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number}
    f.set_rates([(20, sum(l[3] for l in f.lines))])
    words = lambda c: "%s euros%s" % (g.words_fr(c // 100), " et %s centimes" % g.words_fr(c % 100) if c % 100 else "")
    html = ["<p><b>%s</b><br>%s</p><h1 class='c'>ACTE D'ENGAGEMENT</h1><p class='c'>Marché n° %s</p>" % (f.ministry, f.service, number)]
    html.append("<h3>Article 1 – Objet</h3><p>%s</p>" % f.object)
    html.append("<h3>Article 2 – Contractant</h3><p>Je soussigné(e), agissant pour le compte de la société %s, %s, %s %s, immatriculée sous le numéro SIRET %s, "
                "TVA intracommunautaire %s, m'engage à exécuter les prestations dans les conditions ci-après.</p>" % (f.legal, f.street, f.postcode, f.town, f.siret_text(), f.vat))
    html.append("<h3>Article 3 – Prix</h3><p>Montant hors TVA : %s (%s)<br>TVA au taux de 20 %% : %s<br>Montant TVA incluse : %s (%s)</p>" % (
        f.m(f.ht), words(f.ht), f.m(f.tva), f.m(f.ttc), words(f.ttc)))
    bank, branch, account, key = f.iban[4:9], f.iban[9:14], f.iban[14:25], f.iban[25:27]
    html.append("<h3>Article 4 – Paiement</h3><p>L'administration se libère des sommes dues en faisant porter le montant au crédit du compte :</p>"
                "<table class='b' style='width:80%%'><tr class='grey'><th>Code banque</th><th>Code guichet</th><th>N° de compte</th><th>Clé RIB</th></tr>"
                "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr></table><p>IBAN : %s</p>" % (bank, branch, account, key, f.iban_text()))
    html.append("<p>Fait à %s, le %s</p>" % (f.town, f.day()))
    g.acte_truth(f, truth)
    return html, truth, g.supplier_truth(f, truth, iban=True)


def purchase_request(f):
    """A demande d'achat with its validation circuit: the requester, the manager, the budget office and the
    purchasing service each with a date; the request's own date and the EJ created at the end of the circuit."""
    truth = {"numbers.ej": f.ej, "supplier.name": f.legal, "supplier.siret": f.siret, "object": f.object}
    f.set_rates([(20, sum(l[3] for l in f.lines))])
    da = "DA-%d-%05d" % (f.year, f.rng.randint(1, 99999))
    html = ["<p><b>%s</b><br>%s</p><h2>Demande d'achat n° %s</h2><p>Créée le %s par %s</p>" % (
        f.ministry, f.service, da, f.day(), f.rng.choice(["M. Dupont", "Mme Leroy", "Mme Nguyen", "M. Haddad"]))]
    html.append("<table class='b'><tr><td class='grey'>Objet de l'achat</td><td>%s</td></tr><tr><td class='grey'>Fournisseur proposé</td><td>%s – SIRET %s</td></tr>"
                "<tr><td class='grey'>Montant HT</td><td>%s</td></tr><tr><td class='grey'>Montant TTC</td><td>%s</td></tr>%s</table>" % (
                    f.object, f.legal, f.siret_text(), f.m(f.ht), f.m(f.ttc),
                    "".join("<tr><td class='grey'>%s</td><td>%s</td></tr>" % lv for lv in g.refs(f, truth, False))))
    steps = [("Demandeur", 0), ("Chef de service", 2), ("Bureau du budget", 5), ("Service achats", 8)]
    html.append("<h3>Circuit de validation</h3><table class='b'><tr class='grey'><th>Étape</th><th>Avis</th><th>Date</th></tr>%s</table>" % "".join(
        "<tr><td>%s</td><td>Validé</td><td>%s</td></tr>" % (s, f.day(f.later_days(d))) for s, d in steps))
    html.append("<p>Engagement juridique créé dans Chorus : %s</p>" % f.ej)
    g.navette_truth(f, truth)
    return html, truth, ["siret"] if f.bad == "siret" else []


def cahier_synthese(f):
    """A cahier des charges opening on a summary table (« Fiche synthétique »): buyer, object, procedure, duration,
    reference of the consultation and the deadline for offers; the articles after it do not repeat the object."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number, "object": f.object, "buyer.administration": f.service}
    rows = [("Acheteur", "%s – %s" % (f.ministry, f.service)), ("Objet de la consultation", f.object),
            ("Procédure", "Procédure adaptée (article R2123-1 du code de la commande publique)"),
            ("Durée", "%d mois à compter de la notification" % f.rng.choice([6, 12, 24, 36])),
            ("Référence de la consultation", number), ("Date limite de remise des offres", f.day(f.later(1)))]
    html = ["<h1 class='c'>CAHIER DES CHARGES</h1><p class='c'>(cahier des clauses techniques particulières)</p>"]
    html.append("<h3>Fiche synthétique</h3><table class='b'>%s</table>" % "".join("<tr><td class='grey' style='width:35%%'>%s</td><td>%s</td></tr>" % r for r in rows))
    for t in ["1. Contexte", "2. Description des prestations", "3. Modalités d'exécution", "4. Suivi et pilotage"]:
        html.append("<h3>%s</h3>%s" % (t, "<p>Le titulaire réalise les prestations décrites dans la fiche synthétique ci-dessus, selon les règles de l'art.</p>" * f.rng.randint(1, 3)))
    return html, truth, []


TEMPLATES = {"facture": [hotel, foreign_supplier], "devis": [catalogue_quote, proposition],
             "bon_de_commande": [barcode_order], "acte_engagement": [ae_in_words],
             "fiche_navette": [purchase_request], "cctp": [cahier_synthese]}
FACTS = FactsL
