#!/usr/bin/python3
"""Writes a corpus of French purchase documents with their truth, to measure how well Eclaire reads documents.

  scripts/generate-document-corpus.py OUT [--per-type N] [--seed S] [--scans]

Six types (devis, bon de commande, acte d'engagement, facture, fiche navette, CCTP), each drawn from many layouts:
where the parties stand, how the totals are laid out (stacked, in a table, in a sentence, by VAT rate, after a
discount or a down payment), which labels name each fact, how dates and amounts are written, one page or several.
Every choice has a pool of variants split in two: the « dev » half of the corpus draws only the even variants,
the « test » half only the odd ones, so the test half is made of layouts and labels the reader was never tuned on.

OUT/text/ID.pdf are text-layer PDFs (WeasyPrint), OUT/scan/ID.pdf the same pages printed then scanned (200–300 dpi,
slight rotation, blur, noise, JPEG), OUT/truth/ID.json what each document states:
  {"id", "half", "type", "layout", "fields": {"supplier.name", "supplier.siret", …}, "invalid_ids": [...]}
Fields a document does not print are absent from "fields". One document in six prints one identifier with a wrong
check digit; its truth keeps the printed value and lists it in invalid_ids.
Seeded: the same arguments give the same corpus. Needs weasyprint, python3-pil, poppler-utils (Debian packages).
"""
import argparse, io, json, os, random, subprocess, sys, tempfile

# ---------------------------------------------------------------- identifiers with their check digits

def luhn_ok(digits):
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0

def luhn_complete(prefix):
    for d in "0123456789":
        if luhn_ok(prefix + d):
            return prefix + d

def siren(rng, public=False):
    first = rng.choice("12") if public else rng.choice("3456789")
    return luhn_complete(first + "".join(rng.choice("0123456789") for _ in range(7)))

def siret(rng, s):
    return luhn_complete(s + "".join(rng.choice("0123456789") for _ in range(4)))

def vat(s):
    return "FR%02d%s" % ((12 + 3 * (int(s) % 97)) % 97, s)

def iban_fr(rng):
    bank = "".join(rng.choice("0123456789") for _ in range(10))
    account = "".join(rng.choice("0123456789") for _ in range(11))
    rib_key = 97 - (89 * int(bank[:5]) + 15 * int(bank[5:]) + 3 * int(account)) % 97
    bban = bank + account + "%02d" % rib_key
    check = 98 - int(bban + "152700") % 97
    return "FR%02d%s" % (check, bban)

def corrupt(value, rng):
    """Changes one digit so that the check fails (every single-digit change breaks Luhn and mod 97)."""
    positions = [i for i, c in enumerate(value) if c.isdigit() and i >= (4 if value[:2].isalpha() else 0)]
    i = rng.choice(positions)
    return value[:i] + str((int(value[i]) + rng.randint(1, 9)) % 10) + value[i + 1:]

def group(value, size, sep=" "):
    return sep.join(value[i:i + size] for i in range(0, len(value), size))

# ---------------------------------------------------------------- parties, objects, numbers

FIRST = ["Axone", "Numérique", "Horizon", "Clarté", "Atlas", "Boréal", "Lumière", "Azur", "Vecteur", "Sillon", "Orée",
         "Cap", "Équinoxe", "Prisme", "Alizé", "Trièdre", "Cobalt", "Océan", "Ligne", "Sextant", "Archipel", "Quartz",
         "Émeraude", "Pivot", "Agora", "Delta", "Nova", "Praxis", "Strate", "Kairos"]
SECOND = ["Conseil", "Solutions", "Ingénierie", "Informatique", "Services", "Études", "Formation", "Digital", "Systèmes",
          "Partners", "Consulting", "Développement", "Expertise", "Technologies", "Communication", "Bureautique",
          "Logiciels", "Data", "Réseaux", "Fournitures"]
FORMS = ["SAS", "SARL", "SA", "EURL", "SASU", "SCOP"]
STREETS = ["rue de la République", "avenue Jean Jaurès", "boulevard Voltaire", "rue Victor Hugo", "allée des Tilleuls",
           "rue du Faubourg Saint-Antoine", "quai de la Rapée", "chemin des Vignes", "place Bellecour", "rue Nationale",
           "avenue de la Gare", "rue des Lilas", "cours Lafayette", "impasse des Artisans", "route de Lyon"]
TOWNS = [("75011", "Paris"), ("69003", "Lyon"), ("33000", "Bordeaux"), ("31000", "Toulouse"), ("44000", "Nantes"),
         ("59000", "Lille"), ("67000", "Strasbourg"), ("13008", "Marseille"), ("35000", "Rennes"), ("34000", "Montpellier"),
         ("92100", "Boulogne-Billancourt"), ("38000", "Grenoble"), ("21000", "Dijon"), ("76000", "Rouen")]
BUYERS = [("Premier ministre", "Direction interministérielle du numérique"),
          ("Ministère de l'Intérieur", "Direction du numérique"),
          ("Ministère du Travail, de la Santé et des Solidarités", "Délégation générale à l'emploi et à la formation professionnelle"),
          ("Ministère de l'Agriculture et de la Souveraineté alimentaire", "Secrétariat général"),
          ("Ministère de la Culture", "Direction générale des patrimoines et de l'architecture"),
          ("Ministère de l'Économie, des Finances et de l'Industrie", "Direction générale des finances publiques"),
          ("Ministère de la Transition écologique", "Direction générale de l'aménagement, du logement et de la nature"),
          ("Ministère des Armées", "Service du commissariat des armées"),
          ("Ministère de l'Éducation nationale", "Direction du numérique pour l'éducation"),
          ("Ministère de la Justice", "Secrétariat général"),
          ("Préfecture de la région Occitanie", "Secrétariat général pour les affaires régionales"),
          ("Ministère du Travail", "Direction régionale de l'économie, de l'emploi, du travail et des solidarités d'Île-de-France"),
          ("Ministère de l'Enseignement supérieur et de la Recherche", "Direction générale de la recherche et de l'innovation"),
          ("Ministère des Sports", "Direction des sports")]
OBJECTS = [
    ("Accompagnement à la conduite du changement pour le déploiement de la plateforme {p}", [("Atelier de cadrage", 1200), ("Jour de conseil senior", 1100), ("Jour de conseil", 850)]),
    ("Développement d'une application web de gestion des demandes de {d}", [("Jour de développement", 650), ("Jour de chef de projet", 800), ("Recette fonctionnelle", 600)]),
    ("Assistance à maîtrise d'ouvrage pour la refonte du système d'information {p}", [("Jour d'AMOA", 780), ("Rédaction des spécifications", 720), ("Pilotage", 900)]),
    ("Formation des agents à l'utilisation de l'outil {p}", [("Session de formation (1 jour)", 1450), ("Support pédagogique", 35), ("Frais de déplacement", 180)]),
    ("Organisation d'un séminaire de lancement du programme {p}", [("Location de salle", 2400), ("Animation", 1800), ("Déjeuner (par personne)", 32)]),
    ("Maintenance corrective et évolutive de l'application {p}", [("Forfait maintenance mensuel", 2100), ("Jour d'évolution", 690), ("Astreinte", 450)]),
    ("Fourniture de matériel informatique pour les services de {d}", [("Ordinateur portable", 890), ("Écran 27 pouces", 240), ("Station d'accueil", 165)]),
    ("Étude de faisabilité relative à la dématérialisation des procédures de {d}", [("Jour d'analyste", 750), ("Rapport d'étude", 3500), ("Entretiens", 600)]),
    ("Audit de sécurité du système d'information {p}", [("Test d'intrusion", 1300), ("Jour d'auditeur", 1050), ("Rapport d'audit", 2200)]),
    ("Prestation de traduction de documents administratifs relatifs à {d}", [("Page traduite", 45), ("Relecture", 30), ("Mise en page", 25)]),
    ("Fourniture de papier et consommables d'impression pour {d}", [("Ramette A4 80 g", 4.9), ("Cartouche de toner", 89), ("Enveloppes (boîte de 500)", 21.5)]),
    ("Hébergement et infogérance de la plateforme {p}", [("Hébergement mensuel", 1900), ("Infogérance (jour)", 720), ("Sauvegarde externalisée", 310)]),
]
PRODUCTS = ["Mon Espace Agriculteur", "Démarches Simplifiées", "Aides Territoires", "RDV Solidarités", "Pix Orga",
            "Portail Emploi Inclusion", "Signal Conso", "Mes Aides Réno", "Carte Pro", "Tchap"]
DOMAINS = ["subvention agricole", "titres de séjour", "aides à la rénovation", "inscription aux concours",
           "contrôle sanitaire", "autorisations d'urbanisme", "permis de chasser", "bourses étudiantes"]

def company(rng):
    name = "%s %s" % (rng.choice(FIRST), rng.choice(SECOND))
    return name, rng.choice(FORMS)

def address(rng):
    code, town = rng.choice(TOWNS)
    return "%d %s" % (rng.randint(1, 180), rng.choice(STREETS)), "%s %s" % (code, town)

# ---------------------------------------------------------------- formatting (pools: even = dev, odd = test)

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]

def fmt_date(d, style):
    y, m, day = d
    return [lambda: "%02d/%02d/%d" % (day, m, y), lambda: "%d %s %d" % (day, MONTHS[m - 1], y),
            lambda: "%02d.%02d.%d" % (day, m, y), lambda: "%02d/%02d/%02d" % (day, m, y % 100),
            lambda: "%d %s %d" % (day, MONTHS[m - 1], y), lambda: "%02d-%02d-%d" % (day, m, y)][style]()

def fmt_amount(cents, style):
    neg = cents < 0
    cents = abs(cents)
    units, rest = divmod(cents, 100)
    digits = str(units)
    def grouped(sep):
        g = []
        while digits[:-3 * (len(g) + 1)] and len(digits) > 3 * (len(g) + 1):
            g.append(digits[-3 * (len(g) + 1):len(digits) - 3 * len(g)])
        head = digits[:len(digits) - 3 * len(g)]
        return sep.join([head] + list(reversed(g)))
    text = [lambda: grouped("\u00a0") + ",%02d €" % rest, lambda: grouped(".") + ",%02d €" % rest,
            lambda: grouped(" ") + ",%02d EUR" % rest, lambda: digits + ",%02d €" % rest,
            lambda: grouped("\u202f") + ",%02d\u00a0€" % rest, lambda: "€ " + grouped(" ") + ",%02d" % rest][style]()
    return ("-" if neg else "") + text

LABELS = {
    "ht": ["Total HT", "Montant hors taxes", "Total H.T.", "Sous-total HT", "Montant HT", "Base HT", "Total hors taxe", "Prix total HT", "Montant net HT", "Total net H.T."],
    "tva": ["TVA 20 %", "Montant TVA", "T.V.A. (20%)", "TVA", "Total TVA", "Taxe sur la valeur ajoutée", "TVA à 20,00 %", "Dont TVA", "TVA collectée", "Montant de la TVA"],
    "ttc": ["Total TTC", "Montant TTC", "Net à payer", "Total T.T.C.", "Montant toutes taxes comprises", "Net à payer TTC", "TOTAL À PAYER", "Prix total TTC", "Montant à payer", "NET À PAYER"],
    "siret": ["SIRET : {v}", "N° SIRET {v}", "Siret : {v}", "SIRET n° {v}", "Numéro SIRET : {v}", "SIRET {v}", "N° Siret : {v}", "Immatriculation SIRET : {v}"],
    "vat": ["TVA intracommunautaire : {v}", "N° TVA : {v}", "TVA intracom. {v}", "N° de TVA intracommunautaire : {v}", "Identifiant TVA : {v}", "VAT : {v}", "TVA : {v}", "N° d'identification TVA : {v}"],
    "iban": ["IBAN : {v}", "IBAN {v}", "Coordonnées bancaires — IBAN : {v}", "Compte : IBAN {v}", "RIB / IBAN : {v}", "IBAN (compte à créditer) : {v}"],
    "object": ["Objet : {v}", "Intitulé : {v}", "Objet de la prestation : {v}", "Concerne : {v}", "Objet de la commande : {v}", "Désignation : {v}", "Libellé : {v}", "Nature de la prestation : {v}"],
    "marche": ["Marché n° {v}", "Référence du marché : {v}", "N° de marché : {v}", "Marché public n° {v}", "Réf. marché : {v}", "Contrat n° {v}", "N° du marché : {v}", "Marché subséquent n° {v}"],
    "accord": ["Accord-cadre n° {v}", "Accord-cadre : {v}", "En application de l'accord-cadre n° {v}", "N° de l'accord-cadre : {v}", "Réf. accord-cadre {v}", "Accord cadre n° {v}", "Accord-cadre référencé {v}", "Au titre de l'accord-cadre {v}"],
    "ej": ["N° EJ : {v}", "Engagement juridique n° {v}", "N° d'engagement : {v}", "Bon de commande Chorus n° {v}", "EJ {v}", "N° de bon de commande : {v}", "Numéro d'engagement juridique : {v}", "Réf. Chorus (EJ) : {v}"],
    "date": ["Date : {v}", "Date d'émission : {v}", "Émis le {v}", "Fait à Paris, {v}", "Date du document : {v}", "{town}, {v}", "Date d'édition : {v}", "Établi le {v}"],
    "client": ["Client", "Destinataire", "Facturé à", "Adresse de facturation", "À l'attention de", "Acheteur", "Client :", "Adressé à"],
}
TITLES = {
    "devis": [("DEVIS", "Devis n° {n}"), ("PROPOSITION COMMERCIALE", "Référence : {n}"), ("Devis", "N° de devis : {n}"),
              ("OFFRE DE PRIX", "Offre n° {n}"), ("Devis estimatif", "Numéro : {n}"), ("PROPOSITION FINANCIÈRE", "Réf. {n}"),
              ("Devis n° {n}", ""), ("DEVIS", "Référence du devis : {n}")],
    "facture": [("FACTURE", "Facture n° {n}"), ("Facture", "N° de facture : {n}"), ("FACTURE N° {n}", ""),
                ("Facture", "Numéro : {n}"), ("FACTURE", "Réf. facture {n}"), ("Note d'honoraires", "N° {n}"),
                ("FACTURE", "N° de pièce : {n}"), ("Facture de prestations", "Numéro de facture {n}")],
    "bon_de_commande": [("BON DE COMMANDE", "N° {n}"), ("Bon de commande n° {n}", ""), ("LETTRE DE COMMANDE", "Commande n° {n}"),
                        ("BON DE COMMANDE", "Numéro de commande : {n}"), ("Commande", "Bon de commande n° {n}"), ("BON DE COMMANDE CHORUS", "N° EJ {n}"),
                        ("BON DE COMMANDE", "Réf. commande : {n}"), ("Bon de commande", "N° d'EJ : {n}")],
}
FONTS = ["DejaVu Sans", "DejaVu Serif", "Liberation Sans", "Liberation Serif", "DejaVu Sans Condensed", "Liberation Mono",
         "Liberation Sans Narrow", "DejaVu Serif Condensed"]

def docnum(rng, kind, year):
    n = rng.randint(1, 9999)
    pools = {"devis": ["DEV-%d-%04d", "D%d%04d", "PROP-%d-%03d", "%d-DV-%04d", "OFF%d/%04d", "Q-%d-%05d"],
             "facture": ["FA-%d-%04d", "F%d%05d", "FAC/%d/%04d", "%d-%04d", "INV-%d-%04d", "FC%d-%04d"]}[kind]
    return rng.choice(pools) % (year, n)

def marche_number(rng, year):
    return rng.choice(["%d-DINUM-%03d", "%dM%04d", "MP-%d-%03d", "%d/MAR/%03d", "%d-%04d-00", "M%d%03d"]) % (year, rng.randint(1, 999))

def accord_number(rng, year):
    return rng.choice(["AC-%d-%03d", "%dAC%04d", "ACCORD-%d-%02d", "%d-AC-%03d", "UGAP-%d-%04d", "AC%d.%03d"]) % (year, rng.randint(1, 999))

# ---------------------------------------------------------------- one document

class Doc:
    def __init__(self, rng, kind, half, number):
        self.rng, self.kind, self.half, self.number = rng, kind, half, number
        self.truth, self.invalid = {"document_type": kind}, []
        self.layout = []

    def pick(self, name, pool):
        """A variant of a pool, from the half's share of it (even indices for dev, odd for test)."""
        share = [i for i in range(len(pool)) if i % 2 == (0 if self.half == "dev" else 1)] or list(range(len(pool)))
        i = self.rng.choice(share)
        self.layout.append("%s%d" % (name, i))
        return pool[i] if not isinstance(pool, range) else i

def build(rng, kind, half, number):
    d = Doc(rng, kind, half, number)
    year = rng.choice([2024, 2025, 2026])
    date = (year, rng.randint(1, 12), rng.randint(1, 28))
    date_style = d.pick("date", range(6))
    amount_style = d.pick("amount", range(6))
    font = d.pick("font", FONTS)
    name, form = company(rng)
    s_siren = siren(rng)
    s_siret, s_vat, s_iban = siret(rng, s_siren), vat(s_siren), iban_fr(rng)
    street, town = address(rng)
    ministry, service = rng.choice(BUYERS)
    b_siret = siret(rng, siren(rng, public=True))
    b_street, b_town = address(rng)
    obj_template, items = rng.choice(OBJECTS)
    obj = obj_template.format(p=rng.choice(PRODUCTS), d=rng.choice(DOMAINS))
    ej = rng.choice(["1300", "2103", "1500", "2200"]) + "%06d" % rng.randint(0, 999999)
    marche = marche_number(rng, year - 1) if rng.random() < 0.6 else None
    accord = accord_number(rng, year - 2) if rng.random() < 0.45 else None

    # One identifier in six printed with a wrong check digit.
    bad = rng.choice(["siret", "vat_number", "iban"]) if rng.random() < 1 / 6 else None
    if bad == "siret": s_siret = corrupt(s_siret, rng)
    if bad == "vat_number": s_vat = corrupt(s_vat, rng)
    if bad == "iban": s_iban = corrupt(s_iban, rng)

    legal_name = "%s %s" % (name, form) if rng.random() < 0.7 else name
    ids_style = d.pick("ids", range(4))
    siret_text = d.pick("siretlabel", LABELS["siret"]).format(v=[s_siret, group(s_siret[:9], 3) + " " + s_siret[9:], s_siret][rng.randint(0, 2)])
    vat_text = d.pick("vatlabel", LABELS["vat"]).format(v=[s_vat, s_vat[:4] + " " + group(s_vat[4:], 3)][rng.randint(0, 1)])
    iban_text = d.pick("ibanlabel", LABELS["iban"]).format(v=[group(s_iban, 4), s_iban][rng.randint(0, 1)])
    print_vat = kind in ("devis", "facture") or rng.random() < 0.3
    print_iban = kind in ("facture",) or (kind in ("devis", "acte_engagement") and rng.random() < 0.5)
    rcs = "RCS %s %s" % (town.split(" ", 1)[1], group(s_siren, 3))
    capital = "au capital de %s €" % "{:,}".format(rng.choice([1000, 5000, 10000, 37000, 150000])).replace(",", " ")

    def remember_ids():
        d.truth["supplier.name"] = legal_name
        d.truth["supplier.siret"] = s_siret
        d.truth["supplier.siren"] = s_siren
        if print_vat: d.truth["supplier.vat_number"] = s_vat
        if print_iban: d.truth["iban"] = s_iban
        if bad and (bad != "vat_number" or print_vat) and (bad != "iban" or print_iban): d.invalid.append(bad)

    # Lines and totals.
    lines = []
    count = rng.choice([1, 2, 3, 4, 6]) if rng.random() < 0.85 else rng.randint(25, 40)
    for i in range(count):
        label, price = items[i % len(items)]
        qty = rng.choice([1, 1, 2, 3, 5, 10, 12, 0.5, 2.5]) if price > 100 else rng.choice([10, 20, 50, 100, 250])
        unit = int(round(price * rng.uniform(0.85, 1.2) * 100))
        total = int(round(qty * unit))
        lines.append(("%s%s" % (label, " — lot %d" % (i // len(items) + 1) if count > len(items) else ""), qty, unit, total))
    ht_lines = sum(l[3] for l in lines)
    discount = int(round(ht_lines * rng.choice([0.03, 0.05, 0.1]))) if rng.random() < 0.2 else 0
    ht = ht_lines - discount
    rate_mix = rng.random()
    if rate_mix < 0.12 and len(lines) >= 2:
        rates = [(20, ht - ht // 3), (10, ht // 3)]
    elif rate_mix < 0.2:
        rates = [(rng.choice([10, 5.5]), ht)]
    else:
        rates = [(20, ht)]
    tvas = [(r, base, int(round(base * r / 100))) for r, base in rates]
    tva = sum(t[2] for t in tvas)
    ttc = ht + tva
    deposit = int(round(ttc * 0.3)) if kind == "facture" and rng.random() < 0.15 else 0
    A = lambda c: fmt_amount(c, amount_style)

    css = """@page { size: A4; margin: %dmm %dmm; @bottom-center { content: "%s"; font-size: 7pt; color: #444 } }
body { font-family: '%s'; font-size: %.1fpt; color: #111 }
table { border-collapse: collapse; width: 100%%; margin: 8pt 0 } td, th { padding: 3pt 5pt; vertical-align: top }
table.grid td, table.grid th { border: 0.6pt solid #555 } th { background: #e4e4e4; text-align: left }
.num { text-align: right; white-space: nowrap } .box { border: 0.8pt solid #333; padding: 6pt 8pt; margin: 6pt 0 }
.right { margin-left: 55%%; } .small { font-size: 0.85em } h1 { font-size: 1.6em; margin: 6pt 0 } h2 { font-size: 1.15em; margin: 10pt 0 4pt }
.band { background: #203a60; color: white; padding: 6pt 8pt } .center { text-align: center }
""" % (rng.randint(12, 22), rng.randint(12, 20), "Page " if rng.random() < 0.5 else "", font, rng.uniform(8.5, 10.5))
    css = css.replace('content: "Page "', 'content: "Page " counter(page) " / " counter(pages)')

    supplier_block = "<b>%s</b><br>%s<br>%s" % (legal_name, street, town)
    supplier_ids = [siret_text] + ([vat_text] if print_vat else [])
    buyer_block = "<b>%s</b><br>%s<br>%s<br>%s" % (ministry, service, b_street, b_town)
    buyer_siret_text = "SIRET : %s" % group(b_siret[:9], 3) + " " + b_siret[9:]
    footer = "%s — %s %s — %s — %s — Code APE %s" % (legal_name, capital if form in ("SAS", "SA", "SARL", "SASU", "EURL") else "", street + ", " + town, rcs, siret_text, rng.choice(["6202A", "7022Z", "8559A", "7112B", "4651Z"]))
    if print_vat: footer += " — " + vat_text

    html = []
    def totals_html(labels):
        style = d.pick("totals", range(8))
        ht_l, tva_l, ttc_l = labels
        rows = []
        if discount:
            rows.append(("Total des prestations HT", A(ht_lines)))
            rows.append(("Remise commerciale %d %%" % round(discount * 100 / ht_lines), A(-discount)))
        if style == 4 or len(tvas) > 1:
            # A table by VAT rate.
            t = "<table class='grid'><tr><th>Taux</th><th class='num'>Base HT</th><th class='num'>Montant TVA</th></tr>"
            for r, base, amount in tvas:
                t += "<tr><td>%s %%</td><td class='num'>%s</td><td class='num'>%s</td></tr>" % (str(r).replace(".", ","), A(base), A(amount))
            t += "</table>"
            rows_html = "".join("<tr><td>%s</td><td class='num'>%s</td></tr>" % r for r in rows)
            return t + "<table class='right' style='width:45%%'>%s<tr><td>%s</td><td class='num'>%s</td></tr><tr><td>Total TVA</td><td class='num'>%s</td></tr><tr><td><b>%s</b></td><td class='num'><b>%s</b></td></tr>%s</table>" % (
                rows_html, ht_l, A(ht), A(tva), ttc_l, A(ttc), deposit_rows())
        if style == 0 or style == 2:
            # Stacked, labels left of values (style 2: values without any label on the TVA line's rate).
            rows += [(ht_l, A(ht)), (tva_l if style == 0 else "TVA (%s %%)" % str(tvas[0][0]).replace(".", ","), A(tva)), ("<b>%s</b>" % ttc_l, "<b>%s</b>" % A(ttc))]
            return "<table class='right' style='width:45%%'>%s%s</table>" % ("".join("<tr><td>%s</td><td class='num'>%s</td></tr>" % r for r in rows), deposit_rows())
        if style == 1:
            # One row: headings above values.
            heads = [h for h, _ in rows] + [ht_l, tva_l, ttc_l]
            values = [v for _, v in rows] + [A(ht), A(tva), A(ttc)]
            return "<table class='grid'><tr>%s</tr><tr>%s</tr></table>%s" % ("".join("<th class='num'>%s</th>" % h for h in heads),
                                                                           "".join("<td class='num'>%s</td>" % v for v in values), "<table>%s</table>" % deposit_rows() if deposit else "")
        if style == 6:
            # Labels and values in a bordered grid, no « total » before the VAT, the rate in its own column.
            rate = str(tvas[0][0]).replace(".", ",") if len(tvas) == 1 else "—"
            return "<table class='grid' style='width:60%%;margin-left:40%%'>%s<tr><td>%s</td><td></td><td class='num'>%s</td></tr><tr><td>TVA</td><td>%s %%</td><td class='num'>%s</td></tr><tr><td><b>%s</b></td><td></td><td class='num'><b>%s</b></td></tr>%s</table>" % (
                "".join("<tr><td>%s</td><td></td><td class='num'>%s</td></tr>" % r for r in rows), ht_l, A(ht), rate, A(tva), ttc_l, A(ttc), deposit_rows())
        if style == 7:
            # Values alone in a column at the right, their labels in upper case far to the left.
            lines_ = rows + [(ht_l.upper(), A(ht)), (tva_l.upper(), A(tva)), (ttc_l.upper(), A(ttc))]
            return "<table>%s%s</table>" % ("".join("<tr><td style='width:70%%'>%s</td><td class='num'>%s</td></tr>" % r for r in lines_), deposit_rows())
        if style == 3:
            # A sentence.
            return "<p>%sLe montant total s'élève à %s hors taxes, soit %s TTC (TVA de %s incluse).</p>%s" % (
                "Après remise de %s, " % A(discount) if discount else "", A(ht), A(ttc), A(tva), "<table>%s</table>" % deposit_rows() if deposit else "")
        # style 5: values stacked in a box, the labels in their own column far left, no "total" word.
        return "<div class='box' style='width:50%%;margin-left:48%%'><table>%s<tr><td>%s</td><td class='num'>%s</td></tr><tr><td>%s</td><td class='num'>%s</td></tr><tr><td>%s</td><td class='num'>%s</td></tr>%s</table></div>" % (
            "".join("<tr><td>%s</td><td class='num'>%s</td></tr>" % r for r in rows), ht_l, A(ht), tva_l, A(tva), ttc_l, A(ttc), deposit_rows())

    def deposit_rows():
        if not deposit: return ""
        return "<tr><td>Acompte versé</td><td class='num'>%s</td></tr><tr><td><b>Reste à payer</b></td><td class='num'><b>%s</b></td></tr>" % (A(-deposit), A(ttc - deposit))

    def lines_html():
        style = d.pick("lines", range(4))
        if style == 3 and count <= 6:
            return "".join("<p>— %s : %s × %s = %s HT</p>" % (l[0], str(l[1]).replace(".", ","), A(l[2]), A(l[3])) for l in lines)
        heads = [["Désignation", "Qté", "Prix unitaire HT", "Montant HT"], ["Description", "Quantité", "P.U. HT", "Total HT"],
                 ["Libellé", "Qté", "PU", "Montant"], ["Prestation", "Nombre", "Prix unitaire", "Total ligne HT"]][style]
        t = "<table class='grid'><tr>%s</tr>" % "".join("<th%s>%s</th>" % (" class='num'" if i else "", h) for i, h in enumerate(heads))
        for l in lines:
            t += "<tr><td>%s</td><td class='num'>%s</td><td class='num'>%s</td><td class='num'>%s</td></tr>" % (l[0], str(l[1]).replace(".", ","), A(l[2]), A(l[3]))
        return t + "</table>"

    town_name = town.split(" ", 1)[1]
    date_text = d.pick("datelabel", LABELS["date"]).format(v=fmt_date(date, date_style), town=town_name)
    d.truth["date_issued"] = "%04d-%02d-%02d" % date
    obj_text = d.pick("objlabel", LABELS["object"]).format(v=obj)

    if kind in ("devis", "facture"):
        title, sub = d.pick("title", TITLES[kind])
        number = docnum(rng, kind, year)
        d.truth["numbers.document"] = number
        head_style = d.pick("head", range(8))
        client_label = d.pick("client", LABELS["client"])
        client = "<div class='box'><b>%s</b><br>%s</div>" % (client_label, buyer_block.replace("<b>", "").replace("</b>", "", 1))
        ids_line = "<br>".join(supplier_ids)
        if head_style == 0:
            html.append("<table><tr><td style='width:55%%'>%s<br><span class='small'>%s</span></td><td>%s</td></tr></table>" % (supplier_block, ids_line, client))
        elif head_style == 1:
            html.append("<div class='band'>%s — %s</div><p class='small'>%s</p><div class='right'>%s</div>" % (legal_name, street + ", " + town, ids_line, client))
        elif head_style == 2:
            html.append("<table><tr><td style='width:50%%'>%s</td><td>%s<br><span class='small'>%s</span></td></tr></table>" % (client, supplier_block, ids_line))
        elif head_style == 3:
            html.append("<p class='center'><b style='font-size:1.4em'>%s</b><br>%s — %s</p><div class='right'>%s</div>" % (legal_name, street, town, client))
        elif head_style == 4:
            html.append("<table class='grid'><tr><th>Émetteur</th><th>%s</th></tr><tr><td>%s<br>%s</td><td>%s</td></tr></table>" % (
                client_label, supplier_block, ids_line, buyer_block))
        elif head_style == 5:
            html.append("<p>%s</p><p class='small'>%s</p>%s" % (supplier_block, ids_line, client))
        elif head_style == 6:
            # The supplier's name alone at the top right, its identity only in the legal footer.
            html.append("<p style='text-align:right'><b style='font-size:1.3em'>%s</b><br>%s<br>%s</p>%s" % (legal_name, street, town, client))
        else:
            # A two-column table: seller and buyer with their identifiers.
            html.append("<table class='grid'><tr><th>Vendeur</th><th>Acheteur</th></tr><tr><td>%s<br>%s</td><td>%s<br>%s</td></tr></table>" % (
                supplier_block, ids_line, buyer_block, buyer_siret_text))
        if rng.random() < 0.5:
            html.append("<p class='small'>%s — %s</p>" % (ministry, buyer_siret_text))
        html.append("<h1>%s</h1>%s" % (title.format(n=number), "<p>%s</p>" % sub.format(n=number) if sub else ""))
        refs = [date_text, obj_text]
        if kind == "facture":
            d.truth["numbers.ej"] = ej
            refs.append(d.pick("ejlabel", LABELS["ej"]).format(v=ej))
            if rng.random() < 0.5: refs.append("Date d'échéance : %s" % fmt_date((date[0], date[1] % 12 + 1, date[2]), date_style))
        else:
            refs.append("Validité de l'offre : %d jours" % rng.choice([30, 60, 90]))
        if marche:
            d.truth["numbers.marche"] = marche
            refs.append(d.pick("marchelabel", LABELS["marche"]).format(v=marche))
        if accord:
            d.truth["numbers.accord_cadre"] = accord
            refs.append(d.pick("accordlabel", LABELS["accord"]).format(v=accord))
        rng.shuffle(refs)
        html.append("".join("<p>%s</p>" % r for r in refs))
        html.append(lines_html())
        html.append(totals_html((d.pick("htlabel", LABELS["ht"]), d.pick("tvalabel", LABELS["tva"]), d.pick("ttclabel", LABELS["ttc"]))))
        if kind == "facture":
            html.append("<p class='small'>Conditions de paiement : 30 jours à réception. Pénalités de retard : trois fois le taux d'intérêt légal. Indemnité forfaitaire pour frais de recouvrement : 40 €.</p>")
        else:
            html.append("<p>Bon pour accord, date et signature du client :</p>")
        if print_iban: html.append("<p>%s — BIC : %s</p>" % (iban_text, rng.choice(["BNPAFRPPXXX", "CEPAFRPP751", "AGRIFRPP882", "SOGEFRPP"])))
        html.append("<p class='small' style='margin-top:20pt;border-top:0.5pt solid #888'>%s</p>" % footer)
        d.truth["buyer.administration"] = service
        d.truth["object"] = obj
        remember_ids()
        set_amounts(d, ht, tva, ttc)
    elif kind == "bon_de_commande":
        title, sub = d.pick("title", TITLES[kind])
        d.truth["numbers.document"] = ej
        d.truth["numbers.ej"] = ej
        html.append("<p><b>%s</b><br>%s<br>%s<br>%s<br><span class='small'>%s</span></p>" % (ministry.upper(), service, b_street, b_town, buyer_siret_text))
        html.append("<h1>%s</h1>%s" % (title.format(n=ej), "<p>%s</p>" % sub.format(n=ej) if sub else ""))
        label = d.pick("supplierlabel", ["Fournisseur", "Titulaire", "Prestataire", "Destinataire de la commande", "Entreprise", "Cocontractant"])
        html.append("<div class='box' style='width:50%%;margin-left:45%%'><b>%s</b><br>%s<br>%s</div>" % (label, supplier_block, "<br>".join(supplier_ids)))
        refs = [date_text, obj_text, "Service acheteur : %s" % service]
        if marche:
            d.truth["numbers.marche"] = marche
            refs.append(d.pick("marchelabel", LABELS["marche"]).format(v=marche))
        if accord:
            d.truth["numbers.accord_cadre"] = accord
            refs.append(d.pick("accordlabel", LABELS["accord"]).format(v=accord))
        rng.shuffle(refs)
        html.append("".join("<p>%s</p>" % r for r in refs))
        html.append(lines_html())
        html.append(totals_html((d.pick("htlabel", LABELS["ht"]), d.pick("tvalabel", LABELS["tva"]), d.pick("ttclabel", LABELS["ttc"]))))
        html.append("<p>Factures à déposer sur Chorus Pro en rappelant le numéro de bon de commande %s.</p><p>L'ordonnateur,</p>" % ej)
        d.truth["buyer.administration"] = service
        d.truth["object"] = obj
        remember_ids()
        set_amounts(d, ht, tva, ttc)
    elif kind == "acte_engagement":
        number = marche or marche_number(rng, year)
        d.truth["numbers.marche"] = number
        form_style = d.pick("form", range(4))
        html.append("<p class='small'>MARCHÉS PUBLICS</p><h1>%s</h1>" % ["ACTE D'ENGAGEMENT", "Acte d'engagement (ATTRI1)", "MARCHÉ PUBLIC — ACTE D'ENGAGEMENT", "ACTE D'ENGAGEMENT (AE)"][form_style])
        html.append("<h2>A - Identification du pouvoir adjudicateur</h2><p>%s<br>%s<br>%s %s</p><p class='small'>%s</p>" % (ministry, service, b_street, b_town, buyer_siret_text))
        html.append("<h2>B - Objet du marché</h2><p>%s</p>" % obj_text)
        html.append("<p>%s</p>" % d.pick("marchelabel", LABELS["marche"]).format(v=number))
        if accord:
            d.truth["numbers.accord_cadre"] = accord
            html.append("<p>%s</p>" % d.pick("accordlabel", LABELS["accord"]).format(v=accord))
        html.append("<h2>C - Engagement du titulaire</h2><p>Après avoir pris connaissance des pièces constitutives du marché, le signataire [X] engage la société</p>")
        label = d.pick("supplierlabel", ["Nom commercial et dénomination sociale", "Titulaire", "Raison sociale", "Désignation du titulaire", "Dénomination", "Nom du titulaire"])
        html.append("<table class='grid'><tr><td>%s</td><td>%s</td></tr><tr><td>Adresse</td><td>%s, %s</td></tr><tr><td>SIRET</td><td>%s</td></tr>%s</table>" % (
            label, legal_name, street, town, s_siret if form_style % 2 else group(s_siret[:9], 3) + " " + s_siret[9:],
            "<tr><td>N° TVA intracommunautaire</td><td>%s</td></tr>" % s_vat if print_vat else ""))
        html.append("<p>à exécuter les prestations demandées dans les conditions définies ci-après.</p><h2>D - Prix</h2>")
        html.append(totals_html((d.pick("htlabel", LABELS["ht"]), d.pick("tvalabel", LABELS["tva"]), d.pick("ttclabel", LABELS["ttc"]))))
        html.append("<p>Durée d'exécution du marché : %d mois à compter de sa notification.</p>" % rng.choice([6, 12, 24, 36]))
        if print_iban: html.append("<h2>E - Compte à créditer</h2><p>%s</p>" % iban_text)
        html.append("<div style='page-break-before: always'></div><h2>F - Signature</h2><p>%s</p><p>Signature du titulaire</p><h2>G - Acceptation de l'offre par le pouvoir adjudicateur</h2><p>La présente offre est acceptée. Le représentant du pouvoir adjudicateur.</p>" % date_text)
        d.truth["buyer.administration"] = service
        d.truth["object"] = obj
        remember_ids()
        set_amounts(d, ht, tva, ttc)
    elif kind == "fiche_navette":
        html.append("<p><b>%s</b><br>%s</p><h1>%s</h1>" % (ministry, service, d.pick("title", ["FICHE NAVETTE", "Fiche navette — demande d'engagement", "FICHE DE LIAISON", "Fiche navette achat", "DEMANDE D'ACHAT — FICHE NAVETTE", "Fiche navette"])))
        d.truth["numbers.ej"] = ej
        rows = [("Service demandeur", service), ("Objet de la dépense", obj), ("Fournisseur", legal_name),
                ("SIRET du fournisseur", s_siret), ("Montant HT", A(ht)), ("Montant TTC", A(ttc)),
                ("Centre financier", "0%d-%s-%s" % (rng.choice([129, 218, 354, 102, 149]), rng.choice(["CDBU", "DINU", "DR75"]), rng.choice(["0001", "0075", "DR01"]))),
                ("Domaine fonctionnel", "0%d-%02d" % (rng.choice([129, 218, 354]), rng.randint(1, 12))),
                ("Groupe de marchandises", rng.choice(["36.01.01", "37.02.01", "16.01.02"])), ("N° EJ", ej),
                ("Date de la demande", fmt_date(date, date_style))]
        if marche: rows.append(("Marché", marche)); d.truth["numbers.marche"] = marche
        if accord: rows.append(("Accord-cadre", accord)); d.truth["numbers.accord_cadre"] = accord
        style = d.pick("rows", range(2))
        if style == 0:
            html.append("<table class='grid'>%s</table>" % "".join("<tr><th style='width:35%%'>%s</th><td>%s</td></tr>" % r for r in rows))
        else:
            html.append("".join("<p>%s : %s</p>" % r for r in rows))
        html.append("<p>Visa du responsable de programme :</p><p>Visa du gestionnaire :</p>")
        d.truth["buyer.administration"] = service
        d.truth["object"] = obj
        d.truth["supplier.name"] = legal_name
        d.truth["supplier.siret"] = s_siret
        if bad == "siret": d.invalid.append("siret")
        d.truth["amounts.ht"] = "%.2f" % (ht / 100)
        d.truth["amounts.ttc"] = "%.2f" % (ttc / 100)
    elif kind == "cctp":
        html.append("<p class='center'>%s<br>%s</p>" % (ministry, service))
        html.append("<h1 class='center'>%s</h1>" % d.pick("title", ["CAHIER DES CLAUSES TECHNIQUES PARTICULIÈRES (CCTP)", "CCTP", "Cahier des clauses techniques particulières", "C.C.T.P."]))
        number = marche or marche_number(rng, year)
        d.truth["numbers.marche"] = number
        html.append("<p class='center'>%s</p>" % d.pick("marchelabel", LABELS["marche"]).format(v=number))
        html.append("<h2>Article 1 - Objet</h2><p>%s</p>" % obj_text)
        for title in ["Article 2 - Contexte", "Article 3 - Description des prestations", "Article 4 - Livrables attendus", "Article 5 - Exigences de sécurité", "Article 6 - Réversibilité"]:
            html.append("<h2>%s</h2>%s" % (title, "".join("<p>Le titulaire devra assurer la continuité du service, documenter ses travaux et rendre compte au pouvoir adjudicateur selon les modalités définies au présent cahier, notamment lors des comités de suivi mensuels.</p>" for _ in range(rng.randint(2, 5)))))
        d.truth["buyer.administration"] = service
        d.truth["object"] = obj
        del d.truth["date_issued"]  # a CCTP is not dated
    return d, "<html><head><meta charset='utf-8'><style>%s</style></head><body>%s</body></html>" % (css, "".join(html))

def set_amounts(d, ht, tva, ttc):
    d.truth["amounts.ht"] = "%.2f" % (ht / 100)
    d.truth["amounts.tva"] = "%.2f" % (tva / 100)
    d.truth["amounts.ttc"] = "%.2f" % (ttc / 100)

# ---------------------------------------------------------------- printing and scanning

def scan(pdf_path, out_path, rng, harsh=False):
    """harsh: a poor scanner or a phone's photo — 150–200 dpi, turned up to ±2.5°, always blurred, JPEG 35–60."""
    from PIL import Image, ImageFilter
    dpi = rng.choice([150, 180, 200]) if harsh else rng.choice([200, 240, 300])
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", pdf_path, os.path.join(tmp, "p")], check=True)
        pages = sorted(p for p in os.listdir(tmp) if p.endswith(".pgm"))
        jpegs = []
        for name in pages:
            image = Image.open(os.path.join(tmp, name))
            angle = rng.uniform(-2.5, 2.5) if harsh else rng.uniform(-1.5, 1.5)
            image = image.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
            if harsh or rng.random() < 0.6:
                image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.1) if harsh else rng.uniform(0.3, 0.9)))
            noise = Image.effect_noise(image.size, rng.uniform(6, 18))
            image = Image.blend(image, noise, 0.12 if harsh else 0.08)
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=rng.randint(35, 60) if harsh else rng.randint(55, 85))
            path = os.path.join(tmp, name + ".jpg")
            open(path, "wb").write(buffer.getvalue())
            jpegs.append(path)
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "scan-pdf.py")
        subprocess.run([sys.executable, script, out_path, str(dpi)] + jpegs, check=True)

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--per-type", type=int, default=24, help="documents per type and half")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--scans", action="store_true", help="also write scanned copies (OUT/scan)")
    args = parser.parse_args()
    import logging
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from weasyprint import HTML
    for sub in ("text", "truth", "scan", "html"):
        os.makedirs(os.path.join(args.out, sub), exist_ok=True)
    rng = random.Random(args.seed)
    kinds = ["devis", "facture", "bon_de_commande", "acte_engagement", "fiche_navette", "cctp"]
    for half in ("dev", "test"):
        for kind in kinds:
            for i in range(args.per_type):
                ident = "%s-%s-%03d" % (half, kind, i)
                d, html = build(random.Random(rng.random()), kind, half, i)
                pdf = os.path.join(args.out, "text", ident + ".pdf")
                HTML(string=html).write_pdf(pdf)
                open(os.path.join(args.out, "html", ident + ".html"), "w").write(html)
                truth = {"id": ident, "half": half, "type": kind, "layout": "-".join(d.layout), "fields": d.truth,
                         "invalid_ids": d.invalid}
                json.dump(truth, open(os.path.join(args.out, "truth", ident + ".json"), "w"), ensure_ascii=False, indent=1)
                if args.scans:
                    scan(pdf, os.path.join(args.out, "scan", ident + ".pdf"), random.Random(rng.random()))
            print("%s %s: %d" % (half, kind, args.per_type), file=sys.stderr)

if __name__ == "__main__":
    main()
