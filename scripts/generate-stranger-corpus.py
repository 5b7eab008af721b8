#!/usr/bin/python3
"""Writes a second corpus of French purchase documents, in layouts the reader was never written from.

  scripts/generate-stranger-corpus.py OUT [--per-type N] [--seed S] [--scans]

`generate-document-corpus.py` varies labels and blocks inside one page design, and the reading rules were tuned on
its dev half. This corpus is drawn from other designs, the ones French buyers receive from real software and forms:
a Dolibarr-like invoice (Émetteur / Adressé à boxes, amounts without currency, bank grid), an Odoo-like one (a row
of small fields under the title, a Taxes column), a word-processor letter (centred letterhead, totals as rows of the
item table, the sum in words), a Sage-like grid (headings over values, a horizontal totals strip), a micro-business
invoice exempt of VAT, the State's own purchase order with its budget imputation, the ATTRI1 acte d'engagement, a
fiche navette as a form of boxes and a CCTP with a cover page. Names, buyers, objects, number patterns, fonts and
amount forms come from pools of their own. It is a blind set: measure it, never tune on its documents.

Writes OUT/text, OUT/scan (with --scans), OUT/truth as generate-document-corpus.py does, with "half": "stranger".
"""
import argparse, importlib.util, json, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("corpus", os.path.join(HERE, "generate-document-corpus.py"))
corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(corpus)
siren, siret, vat, iban_fr, corrupt, group = corpus.siren, corpus.siret, corpus.vat, corpus.iban_fr, corpus.corrupt, corpus.group

COMPANIES = ["Menuiserie Leroux", "Imprimerie du Centre", "Transports Girard et Fils", "Cabinet Moreau Audit",
             "Hélios Data", "Les Ateliers de la Loire", "Électricité Bretonne", "Bureau d'études Vallon",
             "Groupe Sirius Informatique", "Atelier Graphique Morel", "Nettoyage Express Provence", "Traductions Lemaire",
             "Ergonomia", "Sécurité Gardiennage Ouest", "Studio Pixel Nord", "Librairie Papeterie Martin",
             "Datacenter Alpin", "Formations Cap Avenir", "Cabinet Roussel Conseil", "Mobilier Pro Aquitaine",
             "Réseaux & Fibres du Sud", "Editions Lumen", "Agence Tangente", "Logiciels Garnier"]
FORMS = ["SAS", "SARL", "SA", "EURL", "SNC", "SCIC", "SELARL", "SASU"]
STREETS = ["rue Pasteur", "avenue du Général Leclerc", "ZA des Landes", "boulevard de Strasbourg", "rue de la Paix",
           "Parc d'activités du Moulin", "rue Gambetta", "avenue Foch", "rue des Entrepreneurs", "place du Marché"]
TOWNS = [("49100", "Angers"), ("87000", "Limoges"), ("29200", "Brest"), ("06000", "Nice"), ("57000", "Metz"),
         ("63000", "Clermont-Ferrand"), ("86000", "Poitiers"), ("80000", "Amiens"), ("25000", "Besançon"),
         ("64000", "Pau"), ("45000", "Orléans"), ("51100", "Reims")]
BUYERS = [("Ministère de la Transition écologique", "Direction générale de la prévention des risques"),
          ("Ministère de l'Économie et des Finances", "Direction des achats de l'État"),
          ("Ministère de la Culture", "Direction régionale des affaires culturelles de Bretagne"),
          ("Ministère de la Justice", "Direction de l'administration pénitentiaire"),
          ("Ministère de l'Éducation nationale", "Rectorat de l'académie de Bordeaux"),
          ("Services du Premier ministre", "Secrétariat général du Gouvernement"),
          ("Ministère de l'Intérieur", "Direction générale des étrangers en France"),
          ("Ministère des Solidarités", "Direction générale de la cohésion sociale"),
          ("Ministère de l'Agriculture", "Direction régionale de l'alimentation, de l'agriculture et de la forêt"),
          ("Ministère des Armées", "Direction interarmées des réseaux d'infrastructure et des systèmes d'information")]
OBJECTS = [
    ("Impression des rapports annuels et plaquettes de communication", [("Impression rapport 120 pages", 14.5), ("Plaquette A5 recto-verso", 0.42), ("Livraison", 95)]),
    ("Nettoyage des locaux administratifs du site de {s}", [("Forfait nettoyage mensuel", 3150), ("Vitrerie", 640), ("Intervention ponctuelle", 210)]),
    ("Refonte graphique du site internet {p}", [("Maquettes graphiques", 2800), ("Intégration (jour)", 560), ("Charte graphique", 1900)]),
    ("Mise à disposition d'un agent de sécurité pour le site de {s}", [("Heure de gardiennage", 24.8), ("Heure de nuit", 31.2), ("Rondes", 180)]),
    ("Acquisition de sièges ergonomiques pour les agents de {s}", [("Siège ergonomique", 389), ("Repose-pieds", 49), ("Montage", 15)]),
    ("Traduction en anglais du guide {p}", [("Mot traduit", 0.14), ("Relecture (heure)", 55), ("Mise en forme", 120)]),
    ("Abonnement et support de la solution logicielle {p}", [("Licence annuelle", 4200), ("Support premium", 1300), ("Paramétrage (jour)", 750)]),
    ("Diagnostic énergétique des bâtiments de {s}", [("Visite de site", 650), ("Rapport de diagnostic", 2400), ("Thermographie", 890)]),
    ("Câblage réseau et pose de prises RJ45 au bâtiment de {s}", [("Prise RJ45 posée", 85), ("Baie de brassage", 1450), ("Jour de technicien", 520)]),
    ("Formation des encadrants au management de projet {p}", [("Journée de formation", 1650), ("Frais pédagogiques", 90), ("Déplacement formateur", 240)]),
]
PRODUCTS = ["Ma Cantine", "Mon Suivi Justice", "Démarches Plus", "Aide Juridictionnelle en ligne", "Carto Risques",
            "Égapro", "Mon Compte Formation", "Trackdéchets"]
SITES = ["Lyon Part-Dieu", "Nantes Beaulieu", "Marseille Saint-Charles", "Rennes Colombier", "Toulouse Compans",
         "Lille Euralille", "Strasbourg Esplanade", "Bordeaux Mériadeck"]
FONTS = ["DejaVu Sans", "Liberation Serif", "Liberation Sans", "DejaVu Serif", "Liberation Sans Narrow"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
UNITS = ["", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize",
         "quatorze", "quinze", "seize"]


def words_fr(n):
    """A whole number in French words (the sum « en lettres » an acte d'engagement or a letter prints)."""
    if n == 0:
        return "zéro"
    def below100(n):
        if n < 17: return UNITS[n]
        if n < 20: return "dix-" + UNITS[n - 10]
        tens = ["", "", "vingt", "trente", "quarante", "cinquante", "soixante", "soixante", "quatre-vingt", "quatre-vingt"]
        t, u = divmod(n, 10)
        if t in (7, 9): u += 10
        word = tens[t]
        if u == 0: return word + ("s" if t == 8 else "")
        return word + ("-et-" if u in (1, 11) and t not in (8, 9) else "-") + below100(u)
    def below1000(n):
        h, r = divmod(n, 100)
        head = "" if h == 0 else ("cent" if h == 1 else UNITS[h] + "-cent" + ("s" if r == 0 else ""))
        return "-".join(p for p in (head, below100(r) if r else "") if p)
    parts = []
    millions, rest = divmod(n, 1000000)
    thousands, rest = divmod(rest, 1000)
    if millions: parts.append(below1000(millions) + (" millions" if millions > 1 else " million"))
    if thousands: parts.append("mille" if thousands == 1 else below1000(thousands) + "-mille")
    if rest: parts.append(below1000(rest))
    return " ".join(parts)


def grouped(digits, sep):
    """Digits in groups of three from the right (« 12 345 »)."""
    head = len(digits) % 3 or 3
    return sep.join([digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)])


def signed(cents, form):
    """An amount in cents written by `form(digits, cents_part)`, a minus before it when negative."""
    units, rest = divmod(abs(cents), 100)
    return ("-" if cents < 0 else "") + form(str(units), rest)


def rate_text(r):
    """A VAT rate as French prints it: « 5,5 »."""
    return ("%g" % r).replace(".", ",")


MONEY_FORMS = [lambda d, r: grouped(d, "\u202f") + ",%02d\u00a0€" % r,       # Odoo, LibreOffice: narrow no-break space
               lambda d, r: grouped(d, " ") + ",%02d" % r,                     # Dolibarr: no currency in the table
               lambda d, r: grouped(d, ".") + ",%02d EUR" % r,
               lambda d, r: "%s,%02d €" % (d, r),
               lambda d, r: grouped(d, " ") + ",%02d euros" % r,
               lambda d, r: grouped(d, "\u00a0") + ",%02d €" % r]


def money(cents, style):
    return signed(cents, MONEY_FORMS[style])


def day_text(d, style):
    y, m, day = d
    import datetime
    weekday = DAYS[datetime.date(y, m, day).weekday()]
    return [lambda: "%02d/%02d/%d" % (day, m, y), lambda: "%d %s %d" % (day, MONTHS[m - 1], y),
            lambda: "%s %d %s %d" % (weekday, day, MONTHS[m - 1], y), lambda: "%d-%02d-%02d" % (y, m, day),
            lambda: "%02d.%02d.%d" % (day, m, y), lambda: "1er %s %d" % (MONTHS[m - 1], y) if day == 1 else "%02d/%02d/%d" % (day, m, y)][style]()


class Facts:
    """Everything one document states, drawn once; the templates only lay it out. Another set draws from other pools
    by overriding the class's pools."""
    COMPANIES, FORMS, STREETS, TOWNS, BUYERS = COMPANIES, FORMS, STREETS, TOWNS, BUYERS
    OBJECTS, PRODUCTS, SITES, FONTS = OBJECTS, PRODUCTS, SITES, FONTS
    MARCHES = ["%d-%03d-MAPA", "%dMP%05d", "%d-AOO-%03d", "MAPA-%d-%02d", "%d/%04d"]
    ACCORDS = ["%d-AC-%04d", "AC-%d-%02d", "UGAP-%d-%04d", "%dAC%03d"]

    def __init__(self, rng, kind):
        self.rng, self.kind = rng, kind
        self.year = rng.choice([2024, 2025, 2026])
        self.date = (self.year, rng.randint(1, 12), rng.randint(1, 28))
        self.name = rng.choice(self.COMPANIES)
        self.form = rng.choice(self.FORMS)
        self.legal = self.name.upper() if rng.random() < 0.3 else self.name
        self.legal = "%s %s" % (self.legal, self.form) if rng.random() < 0.6 else self.legal
        self.siren = siren(rng)
        self.siret, self.vat, self.iban = siret(rng, self.siren), vat(self.siren), iban_fr(rng)
        self.street = "%d %s" % (rng.randint(1, 120), rng.choice(self.STREETS))
        self.postcode, self.town = rng.choice(self.TOWNS)
        self.ministry, self.service = rng.choice(self.BUYERS)
        self.b_siret = siret(rng, siren(rng, public=True))
        self.b_street = "%d %s" % (rng.randint(1, 250), rng.choice(self.STREETS))
        self.b_postcode, self.b_town = rng.choice(self.TOWNS)
        template, self.items = rng.choice(self.OBJECTS)
        self.object = template.format(p=rng.choice(self.PRODUCTS), s=rng.choice(self.SITES))
        self.ej = rng.choice(["1300", "2103", "1400", "2300"]) + "%06d" % rng.randint(0, 999999)
        self.marche = rng.choice(self.MARCHES) % (self.year - 1, rng.randint(1, 999)) if rng.random() < 0.5 else None
        self.accord = rng.choice(self.ACCORDS) % (self.year - 2, rng.randint(1, 999)) if rng.random() < 0.35 else None
        self.amount_style = rng.randrange(6)
        self.date_style = rng.randrange(6)
        self.bad = rng.choice(["siret", "vat_number", "iban"]) if rng.random() < 1 / 6 else None
        if self.bad == "siret": self.siret = corrupt(self.siret, rng)
        if self.bad == "vat_number": self.vat = corrupt(self.vat, rng)
        if self.bad == "iban": self.iban = corrupt(self.iban, rng)
        count = rng.choice([1, 2, 3, 3, 4, 5]) if rng.random() < 0.9 else rng.randint(18, 30)
        self.lines = []
        for i in range(count):
            label, price = self.items[i % len(self.items)]
            qty = rng.choice([1, 2, 3, 4, 6, 12]) if price > 50 else rng.choice([100, 250, 500, 1000, 2000])
            unit = int(round(price * rng.uniform(0.9, 1.15) * 100))
            suffix = " (%s)" % rng.choice(self.SITES) if count > len(self.items) else ""
            self.lines.append((label + suffix, qty, unit, qty * unit))
        self.shipping = rng.choice([0, 0, 0, 2500, 4900]) if kind in ("facture", "devis") else 0
        self.discount_rate = rng.choice([0, 0, 0, 0, 5, 10])
        lines = sum(l[3] for l in self.lines)
        self.discount = lines * self.discount_rate // 100
        self.ht = lines - self.discount + self.shipping
        self.exempt = kind in ("facture", "devis") and rng.random() < 0.08
        if self.exempt:
            self.rates = [(0, self.ht, 0)]
        elif rng.random() < 0.15 and len(self.lines) >= 2 and 2 * min(l[3] for l in self.lines) < self.ht:
            low = min(l[3] for l in self.lines)
            self.rates = [(20, self.ht - low, (self.ht - low) * 20 // 100), (5.5, low, int(round(low * 0.055)))]
            self.rates = [(r, b, int(round(b * r / 100))) for r, b, _ in self.rates]
        else:
            rate = rng.choice([20, 20, 20, 20, 10])
            self.rates = [(rate, self.ht, int(round(self.ht * rate / 100)))]
        self.tva = sum(r[2] for r in self.rates)
        self.ttc = self.ht + self.tva
        self.deposit = int(round(self.ttc * 0.3)) if kind == "facture" and rng.random() < 0.12 else 0

    def m(self, cents):
        return money(cents, self.amount_style)

    def day(self, d=None):
        return day_text(d or self.date, self.date_style)

    def later(self, months=1):
        """The date `months` after the document's (before it when negative), on the same day."""
        y, m, d = self.date
        m += months
        return (y + (m - 1) // 12, (m - 1) % 12 + 1, d)

    def later_days(self, days):
        """The date `days` after the document's, months counted as 28 days (the day stays a real one)."""
        y, m, d = self.date
        d += days
        while d > 28:
            d -= 28
            m += 1
            if m > 12: m, y = 1, y + 1
        return (y, m, d)

    def set_rates(self, parts):
        """parts: [(rate, base)]; sets HT, TVA, TTC and the rates."""
        self.rates = [(r, b, int(round(b * r / 100))) for r, b in parts]
        self.ht = sum(b for r, b in parts)
        self.tva = sum(t for r, b, t in self.rates)
        self.ttc = self.ht + self.tva

    def siret_text(self):
        return self.rng.choice([self.siret, "%s %s %s %s" % (self.siret[:3], self.siret[3:6], self.siret[6:9], self.siret[9:])])

    def iban_text(self):
        return self.rng.choice([group(self.iban, 4), self.iban])

    def legal_footer(self, with_vat=True, with_iban=False):
        parts = ["%s %s" % (self.legal, "au capital de %s €" % self.rng.choice(["1 000", "8 000", "50 000", "120 000"])) if self.form not in ("SNC", "SCIC") else self.legal,
                 "%s, %s %s" % (self.street, self.postcode, self.town),
                 "SIRET %s" % self.siret_text(), "RCS %s %s" % (self.town, group(self.siren, 3)),
                 "APE %s" % self.rng.choice(["1812Z", "8121Z", "6201Z", "7410Z", "4791B", "8559A"])]
        if with_vat: parts.append("TVA intracommunautaire %s" % self.vat)
        if with_iban: parts.append("IBAN %s" % self.iban_text())
        return self.rng.choice([" - ", " • ", " | ", " – "]).join(parts)


class OwnForms(Facts):
    """A set's own amount and date forms: MONEY, a list of `form(digits, cents)`, and DATES, a list of
    `form(year, month, day)`, one of each drawn per document."""
    MONEY, DATES = [], []

    def __init__(self, rng, kind):
        super().__init__(rng, kind)
        self.money_style = rng.randrange(len(self.MONEY))
        self.date_form = rng.randrange(len(self.DATES))

    def m(self, cents):
        return signed(cents, self.MONEY[self.money_style])

    def day(self, d=None):
        return self.DATES[self.date_form](*(d or self.date))


def css(f, extra=""):
    rng = f.rng
    return """@page { size: A4; margin: %dmm %dmm }
body { font-family: '%s'; font-size: %.1fpt; color: #222 } table { border-collapse: collapse; width: 100%% }
td, th { padding: 3pt 4pt; vertical-align: top } .r { text-align: right; white-space: nowrap } .c { text-align: center }
.b td, .b th { border: 0.5pt solid #888 } .grey { background: #eee } .small { font-size: 0.8em; color: #555 }
.box { border: 0.6pt solid #666; padding: 5pt; border-radius: 3pt } h1, h2, h3 { margin: 4pt 0 }
""" % (rng.randint(10, 18), rng.randint(10, 18), rng.choice(f.FONTS), rng.uniform(8.5, 10.5)) + extra


def tax_rows(f):
    """Per-rate VAT rows as billing software print them."""
    if f.exempt:
        return []
    return [("TVA %s %%" % ("%g" % r).replace(".", ","), t) for r, b, t in f.rates]


def item_rows(f, columns):
    out = []
    for label, qty, unit, total in f.lines:
        cells = {"label": label, "qty": str(qty), "unit": f.m(unit), "total": f.m(total),
                 "rate": "%g %%" % f.rates[0][0] if not f.exempt else "0 %", "ref": "R%03d" % f.rng.randint(1, 999)}
        out.append("<tr>%s</tr>" % "".join("<td%s>%s</td>" % (" class='r'" if c in ("qty", "unit", "total", "rate") else "", cells[c]) for c in columns))
    if f.shipping:
        cells = {"label": "Frais de port et d'emballage", "qty": "1", "unit": f.m(f.shipping), "total": f.m(f.shipping), "rate": "20 %", "ref": "PORT"}
        out.append("<tr>%s</tr>" % "".join("<td%s>%s</td>" % (" class='r'" if c != "label" and c != "ref" else "", cells[c]) for c in columns))
    return "".join(out)


def object_line(f):
    label = f.rng.choice(["Objet : ", "Objet de la facture : ", "Réf. : ", "Votre demande : ", "Prestation : ", "Intitulé : ", "Libellé de la commande : "])
    return label + f.object


def refs(f, truth, with_ej):
    out = []
    if with_ej and f.rng.random() < 0.85:
        out.append((f.rng.choice(["N° engagement juridique", "Votre commande", "Bon de commande", "Réf. client", "N° EJ Chorus", "Engagement"]), f.ej))
        truth["numbers.ej"] = f.ej
    if f.marche:
        out.append((f.rng.choice(["Marché", "N° marché", "Marché public", "Référence marché"]), f.marche))
        truth["numbers.marche"] = f.marche
    if f.accord:
        out.append((f.rng.choice(["Accord-cadre", "N° accord-cadre", "Accord cadre"]), f.accord))
        truth["numbers.accord_cadre"] = f.accord
    return out


def supplier_truth(f, truth, vat=True, iban=False, siret=True):
    """The truth of the supplier's identity for the identifiers the design prints, and those printed invalid."""
    truth["supplier.name"] = f.legal
    if siret: truth["supplier.siret"] = f.siret
    if siret or vat: truth["supplier.siren"] = f.siren  # the SIREN is read from the SIRET or the VAT number
    if vat: truth["supplier.vat_number"] = f.vat
    if iban: truth["iban"] = f.iban
    return [b for b in [f.bad] if b and (b != "vat_number" or vat) and (b != "iban" or iban) and (b != "siret" or siret)]


def acte_truth(f, truth, buyer=True):
    """What an acte d'engagement states besides its parties and numbers: its date, object, buyer and totals."""
    truth["date_issued"] = "%04d-%02d-%02d" % f.date
    truth["object"] = f.object
    if buyer: truth["buyer.administration"] = f.service
    amounts_truth(f, truth)


def amounts_truth(f, truth, tva=True):
    truth["amounts.ht"] = "%.2f" % (f.ht / 100)
    if tva: truth["amounts.tva"] = "%.2f" % (f.tva / 100)
    truth["amounts.ttc"] = "%.2f" % (f.ttc / 100)


def buyer_html(f, siret=True):
    return "%s<br>%s<br>%s<br>%s %s%s" % (f.ministry, f.service, f.b_street, f.b_postcode, f.b_town,
                                           "<br>SIRET : %s" % f.b_siret if siret else "")


def number_for(f):
    n = f.rng.randint(1, 999)
    if f.kind == "devis":
        return f.rng.choice(["DE%02d%02d-%04d", "PR%02d%02d-%04d", "D-%02d%02d-%03d"]) % (f.year % 100, f.date[1], n)
    return f.rng.choice(["FA%02d%02d-%04d", "FAC-%02d%02d-%03d", "F%02d%02d%04d"]) % (f.year % 100, f.date[1], n)


# ---------------------------------------------------------------- templates

def dolibarr(f):
    truth = {}
    title = {"facture": "Facture", "devis": "Proposition commerciale"}[f.kind]
    number = number_for(f)
    truth["numbers.document"] = number
    rows = ["<b style='font-size:1.5em'>%s %s</b>" % (title, number),
            "Date %s : %s" % ("facturation" if f.kind == "facture" else "proposition", f.day()),
            ("Date échéance : %s" if f.kind == "facture" else "Date fin validité : %s") % f.day((f.year, f.date[1] % 12 + 1, f.date[2])),
            "Code client : CU%02d%02d-%05d" % (f.year % 100, f.date[1], f.rng.randint(1, 9999))]
    rows += ["%s : %s" % r for r in refs(f, truth, f.kind == "facture")]
    html = ["<table><tr><td style='width:50%%'><b style='font-size:1.6em;color:#446'>%s</b></td><td class='r'>%s</td></tr></table>" % (f.legal, "<br>".join(rows))]
    html.append("<table><tr><td style='width:48%%'><div class='small'>Émetteur</div><div class='box grey'><b>%s</b><br>%s<br>%s %s<br>Tél. : 0%d %02d %02d %02d %02d<br>Email : contact@%s.fr</div></td><td style='width:4%%'></td><td><div class='small'>Adressé à</div><div class='box'><b>%s</b></div></td></tr></table>" % (
        f.legal, f.street, f.postcode, f.town, f.rng.randint(1, 5), f.rng.randint(10, 99), f.rng.randint(10, 99), f.rng.randint(10, 99), f.rng.randint(10, 99),
        f.name.lower().replace(" ", "").replace("'", "")[:12], buyer_html(f)))
    html.append("<p>%s</p><p class='r small'>Montants exprimés en Euros</p>" % object_line(f))
    html.append("<table class='b'><tr class='grey'><th>Désignation</th><th class='r'>TVA</th><th class='r'>P.U. HT</th><th class='r'>Qté</th><th class='r'>Total HT</th></tr>%s</table>" % item_rows(f, ["label", "rate", "unit", "qty", "total"]))
    totals = [("Total HT", f.ht)] + [("Total " + l, v) for l, v in tax_rows(f)] + [("Total TTC", f.ttc)]
    if f.deposit: totals += [("Payé", f.deposit), ("Reste à payer", f.ttc - f.deposit)]
    left = "Conditions de règlement : 30 jours<br>Mode de règlement : Virement bancaire"
    if f.kind == "facture":
        left += "<br><br>Règlement par virement sur le compte bancaire suivant :<br><table class='b small'><tr><td>Code banque</td><td>Code guichet</td><td>Numéro de compte</td><td>Clé RIB</td></tr><tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr></table>IBAN : %s<br>BIC/SWIFT : %s" % (
            f.iban[4:9], f.iban[9:14], f.iban[14:25], f.iban[25:27], f.iban_text(), f.rng.choice(["CCBPFRPPNAN", "CMCIFR2A", "AGRIFRPP847"]))
    if f.exempt: left += "<br>TVA non applicable, art. 293 B du CGI"
    html.append("<table><tr><td style='width:55%%'>%s</td><td><table>%s</table></td></tr></table>" % (
        left, "".join("<tr%s><td>%s</td><td class='r'>%s</td></tr>" % (" class='grey'" if "TTC" in l else "", l, f.m(v)) for l, v in totals)))
    if f.kind == "devis":
        html.append("<p>Cachet, date, signature et mention « Bon pour accord »</p>")
    html.append("<p class='small c' style='margin-top:30pt'>%s</p>" % f.legal_footer(with_vat=not f.exempt))
    invalid = supplier_truth(f, truth, vat=not f.exempt, iban=f.kind == "facture")
    return html, truth, invalid


def odoo(f):
    truth = {}
    number = ("INV/%d/%05d" if f.kind == "facture" else "S%05d") % ((f.year, f.rng.randint(1, 9999)) if f.kind == "facture" else (f.rng.randint(1, 99999),))
    truth["numbers.document"] = number
    html = ["<table><tr><td><b>%s</b><br>%s<br>%s %s<br>France</td><td class='r small'>%s<br>contact@%s.com</td></tr></table><hr>" % (
        f.legal, f.street, f.postcode, f.town, "+33 %d %02d %02d %02d %02d" % (f.rng.randint(1, 5), 10, 20, 30, 40), f.name.split()[0].lower())]
    html.append("<table><tr><td style='width:55%%'></td><td>%s<br>%s<br>%s %s<br>France</td></tr></table>" % (f.service, f.b_street, f.b_postcode, f.b_town))
    html.append("<h2 style='color:#714b67'>%s %s</h2>" % ("Facture" if f.kind == "facture" else "Devis n°", number))
    fields = [("Date de facturation:" if f.kind == "facture" else "Date du devis:", f.day())]
    if f.kind == "facture": fields.append(("Date d'échéance:", f.day((f.year, f.date[1] % 12 + 1, f.date[2]))))
    fields += [(l + ":", v) for l, v in refs(f, truth, f.kind == "facture")]
    html.append("<table><tr>%s</tr><tr>%s</tr></table>" % ("".join("<td><b>%s</b></td>" % l for l, _ in fields), "".join("<td>%s</td>" % v for _, v in fields)))
    html.append("<p>%s</p>" % f.object)
    html.append("<table><tr style='border-bottom:1pt solid #333'><th>Description</th><th class='r'>Quantité</th><th class='r'>Prix unitaire</th><th class='r'>Taxes</th><th class='r'>Montant</th></tr>%s</table>" % item_rows(f, ["label", "qty", "unit", "rate", "total"]))
    totals = [("Montant hors taxes", f.ht)] + tax_rows(f) + [("Total", f.ttc)]
    html.append("<table><tr><td style='width:55%%'></td><td><table>%s</table></td></tr></table>" % "".join(
        "<tr style='border-top:0.5pt solid #999'><td>%s</td><td class='r'>%s</td></tr>" % (l if l != "Total" else "<b>Total</b>", f.m(v)) for l, v in totals))
    if f.kind == "facture":
        html.append("<p>Veuillez utiliser la communication suivante pour votre paiement : <b>%s</b></p><p>Conditions de paiement : 30 jours</p>" % number)
        html.append("<p>Compte bancaire : %s</p>" % f.iban_text())
    html.append("<p class='small c' style='margin-top:25pt;border-top:0.5pt solid #999'>SIRET : %s – TVA : %s<br>%s %s – %s</p>" % (
        f.siret, f.vat, f.legal, f.form if f.form not in f.legal else "", "www.%s.fr" % f.name.split()[0].lower()))
    truth["object"] = f.object
    invalid = supplier_truth(f, truth, vat=True, iban=f.kind == "facture")
    return html, truth, invalid


def letter(f):
    truth = {}
    number = "%d-%03d" % (f.year, f.rng.randint(1, 400)) if f.rng.random() < 0.5 else "%d%02d%02d" % (f.year % 100, f.date[1], f.rng.randint(1, 60))
    truth["numbers.document"] = number
    html = ["<p class='c'><b style='font-size:1.7em;letter-spacing:1pt'>%s</b><br><i>%s</i><br>%s – %s %s<br>Tél. 0%d %02d %02d %02d %02d</p>" % (
        f.legal.upper(), f.rng.choice(["Conseil et accompagnement", "Impression – Façonnage – Routage", "Depuis 1987", "Votre partenaire au quotidien"]),
        f.street, f.postcode, f.town, f.rng.randint(1, 5), 11, 22, 33, 44)]
    html.append("<table><tr><td style='width:50%%'></td><td>%s<br>%s<br>%s %s</td></tr></table>" % (f.ministry, f.service, f.b_postcode, f.b_town))
    html.append("<p class='r'>%s, le %s</p>" % (f.town, day_text(f.date, 1)))
    html.append("<h2 class='c'><u>%s N° %s</u></h2>" % ("FACTURE" if f.kind == "facture" else "DEVIS", number))
    html.append("<p><b>Objet :</b> %s</p>" % f.object)
    for l, v in refs(f, truth, f.kind == "facture"):
        html.append("<p>%s : %s</p>" % (l, v))
    body = item_rows(f, ["label", "qty", "unit", "total"])
    totals = [("TOTAL HT", f.ht)] + [(l.upper(), v) for l, v in tax_rows(f)] + [("TOTAL TTC", f.ttc)]
    if f.deposit: totals += [("Acompte versé", -f.deposit), ("NET À PAYER", f.ttc - f.deposit)]
    body += "".join("<tr><td colspan='3' class='r'><b>%s</b></td><td class='r'><b>%s</b></td></tr>" % (l, f.m(v)) for l, v in totals)
    html.append("<table class='b'><tr class='grey'><th>Désignation</th><th>Quantité</th><th>Prix unitaire HT</th><th>Montant HT</th></tr>%s</table>" % body)
    euros, cents = divmod(f.ttc - f.deposit, 100)
    html.append("<p>Arrêtée la présente %s à la somme de %s euros%s TTC.</p>" % (
        "facture" if f.kind == "facture" else "offre", words_fr(euros), " et %s centimes" % words_fr(cents) if cents else ""))
    if f.kind == "facture": html.append("<p>Règlement à réception par virement : %s</p>" % f.iban_text())
    html.append("<p style='margin-top:20pt'>Le gérant</p><p class='small c' style='margin-top:40pt'>%s</p>" % f.legal_footer())
    truth["object"] = f.object
    invalid = supplier_truth(f, truth, iban=f.kind == "facture")
    return html, truth, invalid


def sage_grid(f):
    truth = {}
    number = ("%s%06d" % ("FA" if f.kind == "facture" else "DE", f.rng.randint(1, 99999)))
    truth["numbers.document"] = number
    html = ["<table><tr><td style='width:50%%'><b style='font-size:1.3em'>%s</b><br>%s<br>%s %s<br>Siret : %s<br>N° TVA : %s</td><td><div class='box'>%s</div></td></tr></table>" % (
        f.legal, f.street, f.postcode, f.town, f.siret_text(), f.vat, buyer_html(f, siret=False))]
    heads = ["%s" % ("Facture" if f.kind == "facture" else "Devis"), "Date", "Code client"]
    values = [number, f.day(), "C%05d" % f.rng.randint(1, 99999)]
    for l, v in refs(f, truth, f.kind == "facture"):
        heads.append(l); values.append(v)
    if f.kind == "facture": heads.append("Échéance"); values.append(f.day((f.year, f.date[1] % 12 + 1, f.date[2])))
    html.append("<h1>%s</h1>" % ("FACTURE" if f.kind == "facture" else "DEVIS"))
    html.append("<table class='b'><tr class='grey'>%s</tr><tr>%s</tr></table>" % ("".join("<th>%s</th>" % h for h in heads), "".join("<td>%s</td>" % v for v in values)))
    html.append("<p>Désignation de la prestation : %s</p>" % f.object)
    html.append("<table class='b'><tr class='grey'><th>Référence</th><th>Désignation</th><th class='r'>Qté</th><th class='r'>P.U. HT</th><th class='r'>Montant HT</th></tr>%s</table>" % item_rows(f, ["ref", "label", "qty", "unit", "total"]))
    if not f.exempt:
        html.append("<table class='b' style='width:60%%;margin-top:8pt'><tr class='grey'><th>Code</th><th class='r'>Base HT</th><th class='r'>Taux</th><th class='r'>Montant TVA</th></tr>%s</table>" % "".join(
            "<tr><td>%d</td><td class='r'>%s</td><td class='r'>%s %%</td><td class='r'>%s</td></tr>" % (i + 1, f.m(b), ("%g" % r).replace(".", ","), f.m(t)) for i, (r, b, t) in enumerate(f.rates)))
    heads, values = ["Total HT"], [f.ht]
    if f.discount:
        heads, values = ["Total brut HT", "Remise %d %%" % f.discount_rate, "Net HT"], [f.ht + f.discount - f.shipping, -f.discount, f.ht - f.shipping]
        if f.shipping: heads.append("Port"); values.append(f.shipping); heads.append("Total HT"); values.append(f.ht)
    heads += ["Total TVA", "Total TTC"]; values += [f.tva, f.ttc]
    if f.deposit: heads += ["Acompte", "Net à payer"]; values += [f.deposit, f.ttc - f.deposit]
    html.append("<table class='b' style='margin-top:8pt'><tr class='grey'>%s</tr><tr>%s</tr></table>" % (
        "".join("<th class='r'>%s</th>" % h for h in heads), "".join("<td class='r'>%s</td>" % f.m(v) for v in values)))
    if f.kind == "facture": html.append("<p>Coordonnées bancaires : IBAN %s</p>" % f.iban_text())
    html.append("<p class='small' style='margin-top:25pt'>%s</p>" % f.legal_footer(with_vat=False))
    truth["object"] = f.object
    invalid = supplier_truth(f, truth, iban=f.kind == "facture")
    return html, truth, invalid


def state_order(f):
    truth = {"numbers.document": f.ej, "numbers.ej": f.ej}
    html = ["<table><tr><td style='width:50%%'><b>RÉPUBLIQUE FRANÇAISE</b><br><i>Liberté<br>Égalité<br>Fraternité</i><br><br><b>%s</b><br>%s</td><td class='r'><b style='font-size:1.5em'>BON DE COMMANDE</b><br>N° %s<br>du %s</td></tr></table>" % (
        f.ministry.upper(), f.service, f.ej, f.day())]
    html.append("<table class='b'><tr class='grey'><th style='width:50%%'>Fournisseur</th><th>Adresse de facturation</th></tr><tr><td>%s<br>%s<br>%s %s<br>SIRET : %s<br>N° fournisseur Chorus : %d</td><td>Chorus Pro<br>SIRET : %s<br>Code service : %s</td></tr></table>" % (
        f.legal, f.street, f.postcode, f.town, f.siret_text(), f.rng.randint(1000000000, 1999999999), f.b_siret, f.rng.choice(["FACTURES_PUBLIQUES", "SE%05d" % f.rng.randint(1, 99999)])))
    html.append("<p>Service prescripteur : %s<br>Adresse de livraison : %s, %s %s</p>" % (f.service, f.b_street, f.b_postcode, f.b_town))
    html.append("<p>Objet de la commande : %s</p>" % f.object)
    for l, v in refs(f, truth, False):
        html.append("<p>%s : %s</p>" % (l, v))
    if not f.marche and not f.accord: html.append("<p>Procédure : achat hors marché (article R. 2122-8 du code de la commande publique)</p>")
    rows = "".join("<tr><td>%d</td><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (
        (i + 1) * 10, l, q, f.m(u), f.m(t), "%g %%" % f.rates[0][0]) for i, (l, q, u, t) in enumerate(f.lines))
    html.append("<table class='b'><tr class='grey'><th>Poste</th><th>Désignation</th><th class='r'>Qté</th><th class='r'>PU HT</th><th class='r'>Montant HT</th><th class='r'>TVA</th></tr>%s</table>" % rows)
    html.append("<table style='width:50%%;margin-left:50%%'><tr><td>Montant total HT</td><td class='r'>%s</td></tr><tr><td>Montant TVA</td><td class='r'>%s</td></tr><tr><td><b>Montant total TTC</b></td><td class='r'><b>%s</b></td></tr></table>" % (f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    html.append("<table class='b small'><tr class='grey'><th>Centre financier</th><th>Centre de coûts</th><th>Domaine fonctionnel</th><th>Activité</th><th>Compte budgétaire</th></tr><tr><td>0%d-%s</td><td>%s</td><td>0%d-%02d</td><td>0%d%08d</td><td>%d</td></tr></table>" % (
        f.rng.choice([181, 214, 107, 123]), f.rng.choice(["C001", "DR35", "SG75"]), f.rng.choice(["DGPR001", "SGCC075"]), f.rng.choice([181, 214]), f.rng.randint(1, 12), f.rng.choice([181, 214]), f.rng.randint(0, 99999999), f.rng.choice([6132, 6156, 6228, 2183])))
    html.append("<p>Le fournisseur rappellera le numéro d'engagement juridique %s sur sa facture, à déposer sur Chorus Pro.</p><p class='r'>Le responsable du service,<br>signé</p>" % f.ej)
    truth["object"] = f.object
    # The service is printed under the ministry: the buyer is the service.
    return html, truth, supplier_truth(f, truth, vat=False)


def attri1(f):
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number}
    euros, cents = divmod(f.ttc, 100)
    html = ["<table><tr><td><b>MINISTÈRE</b><br>%s</td><td class='r small'>MARCHÉS PUBLICS<br>ATTRI1</td></tr></table>" % f.ministry.upper()]
    html.append("<h1 class='c'>ACTE D'ENGAGEMENT</h1><p class='c small'>Le formulaire ATTRI1 est un modèle de lettre d'engagement, qui peut être utilisé par l'acheteur.</p>")
    html.append("<h3 class='grey'>A - Objet de l'acte d'engagement.</h3><p>■ Objet du marché public :</p><p>%s</p><p>Référence de la consultation : %s</p>" % (f.object, number))
    if f.accord:
        html.append("<p>Cet acte d'engagement correspond à un marché subséquent de l'accord-cadre n° %s.</p>" % f.accord)
        truth["numbers.accord_cadre"] = f.accord
    html.append("<h3 class='grey'>B - Engagement du titulaire ou du groupement titulaire.</h3><p>Après avoir pris connaissance des pièces constitutives du marché public, le signataire s'engage, sur la base de son offre, pour le compte de la société :</p>")
    html.append("<p>[Nom commercial et dénomination sociale, adresse de l'établissement, adresse électronique, numéros de téléphone et de télécopie et numéro SIRET]</p><p><b>%s</b>, %s, %s %s, contact@%s.fr, numéro SIRET %s</p>" % (
        f.legal, f.street, f.postcode, f.town, f.name.split()[0].lower(), f.siret_text()))
    html.append("<p>à exécuter les prestations demandées dans les conditions définies ci-après ;</p><p>L'offre ainsi présentée ne vaut engagement que si l'acceptation en est notifiée dans un délai de 120 jours à compter de la date limite de réception des offres.</p>")
    html.append("<p>Montant hors taxes : %s</p><p>Taux de la TVA : %s %%</p><p>Montant TTC : %s</p><p>Montant TTC arrêté en lettres : %s euros</p>" % (
        f.m(f.ht), ("%g" % f.rates[0][0]).replace(".", ","), f.m(f.ttc), words_fr(euros)))
    html.append("<h3 class='grey'>C - Compte(s) à créditer.</h3><p>■ Nom de l'établissement bancaire : %s</p><p>■ Numéro de compte : %s</p>" % (f.rng.choice(["Crédit Mutuel", "Banque Populaire", "LCL"]), f.iban_text()))
    html.append("<div style='page-break-before:always'></div><h3 class='grey'>D - Identification de l'acheteur.</h3><p>■ Désignation de l'acheteur :</p><p>%s – %s</p><p>■ Nom, prénom, qualité du signataire du marché public : le directeur</p><p>■ Désignation, adresse, numéro de téléphone du comptable assignataire : Contrôleur budgétaire et comptable ministériel</p><p>■ Imputation budgétaire : programme %d</p>" % (
        f.ministry, f.service, f.rng.choice([181, 214, 107, 123, 354])))
    html.append("<h3 class='grey'>E - Signature du marché public par le titulaire</h3><p>À %s, le %s</p><p>Signature</p>" % (f.town, f.day()))
    acte_truth(f, truth, buyer=False)
    return html, truth, supplier_truth(f, truth, vat=False, iban=True)


def navette_truth(f, truth):
    """What every fiche navette states besides its references: the service, the date, HT and TTC."""
    truth["buyer.administration"] = f.service
    truth["date_issued"] = "%04d-%02d-%02d" % f.date
    truth["amounts.ht"] = "%.2f" % (f.ht / 100)
    truth["amounts.ttc"] = "%.2f" % (f.ttc / 100)
    return truth


def navette(f):
    truth = {"numbers.ej": f.ej, "supplier.name": f.legal, "supplier.siret": f.siret, "object": f.object}
    cells = [("Direction / service", f.service), ("Nature de la dépense", f.object), ("Titulaire", f.legal),
             ("N° SIRET", f.siret_text()), ("Montant estimatif HT", f.m(f.ht)), ("Montant TTC", f.m(f.ttc)),
             ("Programme / BOP / UO", "0%d / 0%d-%s / 0%d-%s-%s" % ((f.rng.choice([181, 214]),) * 2 + (f.rng.choice(["DR", "SG"]),) + (f.rng.choice([181, 214]),) + (f.rng.choice(["DR", "SG"]), "0001"))),
             ("N° d'engagement juridique", f.ej), ("Date", f.day())]
    for l, v in refs(f, truth, False):
        cells.append((l, v))
    if not f.marche and not f.accord: cells.append(("Procédure", "Hors marché – MAPA"))
    html = ["<table><tr><td><b>%s</b><br>%s</td><td class='r'>Réf. FN-%d-%03d</td></tr></table>" % (f.ministry, f.service, f.year, f.rng.randint(1, 999))]
    html.append("<h1 class='c' style='border:1pt solid #000;padding:4pt'>FICHE NAVETTE<br><span style='font-size:0.6em'>Demande d'engagement de dépense</span></h1>")
    pairs = [cells[i:i + 2] for i in range(0, len(cells), 2)]
    html.append("<table class='b'>%s</table>" % "".join("<tr>%s</tr>" % "".join("<td class='grey' style='width:20%%'>%s</td><td style='width:30%%'>%s</td>" % c for c in p) for p in pairs))
    html.append("<table class='b' style='margin-top:15pt'><tr><td style='height:50pt'>Visa du chef de service</td><td>Visa du contrôleur budgétaire</td><td>Saisie Chorus</td></tr></table>")
    return html, navette_truth(f, truth), ["siret"] if f.bad == "siret" else []


def cctp(f):
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number, "object": f.object}
    html = ["<div style='height:250mm;page-break-after:always'><p><b>%s</b><br>%s</p><div style='margin-top:60mm' class='c'><p style='font-size:1.2em'>MARCHÉ PUBLIC DE SERVICES</p><p style='font-size:1.1em'><b>%s</b></p><h1 style='font-size:1.8em'>Cahier des Clauses Techniques Particulières</h1><p>Marché n° %s</p><p>Procédure adaptée en application de l'article R. 2123-1 du code de la commande publique</p></div></div>" % (
        f.ministry, f.service, f.object.upper(), number)]
    html.append("<h2>1. Présentation du pouvoir adjudicateur</h2><p>%s, %s, situé %s, %s %s.</p>" % (f.service, f.ministry, f.b_street, f.b_postcode, f.b_town))
    html.append("<h2>2. Objet de la consultation</h2><p>La présente consultation concerne : %s.</p>" % f.object)
    for t in ["3. Contexte et enjeux", "4. Périmètre des prestations", "5. Modalités d'exécution", "6. Pénalités", "7. Clauses environnementales"]:
        html.append("<h2>%s</h2>%s" % (t, "<p>Le prestataire met en œuvre les moyens nécessaires à la bonne exécution des prestations, rend compte de son activité au représentant du pouvoir adjudicateur et respecte les exigences du présent cahier.</p>" * f.rng.randint(2, 4)))
    truth["buyer.administration"] = f.service
    return html, truth, []


# ---------------------------------------------------------------- set b: other designs again, kept blind

def online_invoice(f):
    """An invoice or quote from an online billing service: meta in a right column of label/value rows, the client
    under « Destinataire », a tax column, « Montant à payer », payment by transfer at the foot."""
    truth = {}
    number = ("F-%d-%03d" if f.kind == "facture" else "D-%d-%03d") % (f.year, f.rng.randint(1, 999))
    truth["numbers.document"] = number
    meta = [("Numéro de facture" if f.kind == "facture" else "Numéro de devis", number),
            ("Date d'émission", f.day())]
    if f.kind == "facture": meta.append(("Date d'exigibilité du paiement", f.day((f.year, f.date[1] % 12 + 1, f.date[2]))))
    else: meta.append(("Date de validité", f.day((f.year, f.date[1] % 12 + 1, f.date[2]))))
    meta += refs(f, truth, f.kind == "facture")
    html = ["<table><tr><td style='width:50%%'><h1 style='font-size:2em'>%s</h1></td><td><table class='small'>%s</table></td></tr></table>" % (
        "Facture" if f.kind == "facture" else "Devis", "".join("<tr><td>%s</td><td class='r'><b>%s</b></td></tr>" % m for m in meta))]
    html.append("<table><tr><td style='width:50%%'><b>%s</b><br>%s<br>%s %s<br>SIREN : %s<br>N° TVA : %s</td><td><span class='small'>Destinataire</span><br><b>%s</b><br>%s<br>%s<br>%s %s</td></tr></table>" % (
        f.legal, f.street, f.postcode, f.town, group(f.siren, 3), f.vat, f.ministry, f.service, f.b_street, f.b_postcode, f.b_town))
    html.append("<p><b>%s</b></p>" % f.object)
    rows = "".join("<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (
        l, q, f.m(u), "%g %%" % f.rates[0][0] if not f.exempt else "-", f.m(t)) for l, q, u, t in f.lines)
    html.append("<table style='border-top:1pt solid #000'><tr class='small'><th>Désignation</th><th class='r'>Qté</th><th class='r'>Prix unitaire HT</th><th class='r'>TVA</th><th class='r'>Total HT</th></tr>%s</table>" % rows)
    totals = [("Total HT", f.ht)] + [("TVA (%s %%)" % ("%g" % r).replace(".", ","), t) for r, b, t in f.rates if not f.exempt] + [("Total TTC", f.ttc)]
    if f.deposit: totals += [("Acompte déjà versé", -f.deposit)]
    totals += [("Montant à payer" if f.kind == "facture" else "Montant total", f.ttc - f.deposit)]
    html.append("<table style='width:45%%;margin-left:55%%'>%s</table>" % "".join("<tr><td>%s</td><td class='r'>%s</td></tr>" % (l, f.m(v)) for l, v in totals))
    if f.exempt: html.append("<p class='small'>TVA non applicable, article 293 B du code général des impôts.</p>")
    if f.kind == "facture":
        html.append("<p><b>Paiement</b><br>Par virement bancaire<br>IBAN %s<br>BIC %s</p>" % (f.iban_text(), f.rng.choice(["QNTOFRP1XXX", "BOUSFRPPXXX"])))
    html.append("<p class='small'>En cas de retard de paiement, une pénalité égale à 3 fois le taux d'intérêt légal sera exigible. Indemnité forfaitaire pour frais de recouvrement : 40 €.</p>")
    html.append("<p class='small c' style='margin-top:20pt'>%s, %s au capital de %s € – SIRET %s – RCS %s</p>" % (f.legal, f.form, f.rng.choice(["5 000", "20 000"]), f.siret_text(), f.town))
    truth["object"] = f.object
    invalid = supplier_truth(f, truth, vat=True, iban=f.kind == "facture")
    return html, truth, invalid


def artisan_quote(f):
    """A tradesman's quote or invoice: the firm's block boxed top left, « Client » and « Adresse du chantier »,
    « Désignation des travaux », totals in a framed box with « Net à payer », insurance and signature lines."""
    truth = {}
    number = "%d%02d%03d" % (f.year, f.date[1], f.rng.randint(1, 999))
    truth["numbers.document"] = number
    word = "DEVIS" if f.kind == "devis" else "FACTURE"
    html = ["<table><tr><td style='width:55%%'><div class='box'><b style='font-size:1.2em'>%s</b><br>%s<br>%s %s<br>Tél : 0%d.%02d.%02d.%02d.%02d<br>Siret %s – APE %s</div></td><td class='r'><h2>%s N° %s</h2>Date : %s</td></tr></table>" % (
        f.legal, f.street, f.postcode, f.town, f.rng.randint(1, 5), 12, 34, 56, 78, f.siret_text(), f.rng.choice(["4321A", "4332A", "4334Z"]), word, number, f.day())]
    html.append("<table><tr><td style='width:50%%'><u>Adresse du chantier</u><br>%s<br>%s %s</td><td><u>Client</u><br>%s<br>%s<br>%s %s</td></tr></table>" % (
        f.b_street, f.b_postcode, f.b_town, f.service, f.b_street, f.b_postcode, f.b_town))
    for l, v in refs(f, truth, f.kind == "facture"):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p><b>Nature des travaux :</b> %s</p>" % f.object)
    rows = "".join("<tr><td>%s</td><td class='c'>%s</td><td class='c'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (
        l, "u" if q < 100 else "m²", q, f.m(u), f.m(t)) for l, q, u, t in f.lines)
    html.append("<table class='b'><tr class='grey'><th>Désignation des travaux</th><th>U</th><th>Qté</th><th>P.U. HT</th><th>Total HT</th></tr>%s</table>" % rows)
    box = [("Total HT", f.ht)] + [("TVA %s %%" % ("%g" % r).replace(".", ","), t) for r, b, t in f.rates if not f.exempt] + [("Total TTC", f.ttc)]
    if f.kind == "devis": box.append(("Acompte à la commande (30 %)", int(round(f.ttc * 0.3))))
    else: box.append(("Net à payer", f.ttc))
    html.append("<table class='b' style='width:45%%;margin-left:55%%;margin-top:8pt'>%s</table>" % "".join("<tr><td>%s</td><td class='r'>%s</td></tr>" % (l, f.m(v)) for l, v in box))
    html.append("<p class='small'>Assurance décennale : %s, contrat n° %d. TVA intracommunautaire %s.</p>" % (f.rng.choice(["SMABTP", "MAAF Pro"]), f.rng.randint(100000, 999999), f.vat))
    if f.kind == "devis": html.append("<p>Devis valable 3 mois. Bon pour accord, date et signature :</p>")
    else: html.append("<p>Règlement par virement – RIB : %s</p>" % f.iban_text())
    truth["object"] = f.object
    invalid = supplier_truth(f, truth, vat=True, iban=f.kind == "facture")
    return html, truth, invalid


def chorus_invoice(f):
    """The invoice as Chorus Pro renders one typed in its portal: blocks titled « Fournisseur », « Destinataire »,
    « Références », a lines table and a recap of amounts."""
    truth = {}
    number = "%s%d%05d" % (f.rng.choice(["FAC", "CPP"]), f.year, f.rng.randint(1, 99999))
    truth["numbers.document"] = number
    word = "Facture" if f.kind == "facture" else "Devis"
    html = ["<h1 class='c'>%s n° %s</h1><p class='c small'>Émise le %s</p>" % (word, number, f.day())]
    html.append("<table class='b'><tr class='grey'><th style='width:50%%'>Fournisseur</th><th>Destinataire</th></tr><tr><td>Raison sociale : %s<br>Identifiant (SIRET) : %s<br>Adresse : %s, %s %s<br>N° TVA intracommunautaire : %s</td><td>%s<br>%s<br>Identifiant (SIRET) : %s<br>Code service : %s</td></tr></table>" % (
        f.legal, f.siret, f.street, f.postcode, f.town, f.vat, f.ministry, f.service, f.b_siret, "SE%04d" % f.rng.randint(1, 9999)))
    refs_rows = refs(f, truth, f.kind == "facture")
    if refs_rows:
        html.append("<table class='b' style='margin-top:6pt'><tr class='grey'><th colspan='2'>Références</th></tr>%s</table>" % "".join("<tr><td style='width:35%%'>%s</td><td>%s</td></tr>" % r for r in refs_rows))
    html.append("<p>Objet : %s</p>" % f.object)
    rows = "".join("<tr><td>%d</td><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (
        i + 1, l, q, f.m(u), "%g" % f.rates[0][0] if not f.exempt else "0", f.m(t)) for i, (l, q, u, t) in enumerate(f.lines))
    html.append("<table class='b' style='margin-top:6pt'><tr class='grey'><th>N°</th><th>Désignation</th><th class='r'>Quantité</th><th class='r'>Prix unitaire HT</th><th class='r'>Taux TVA</th><th class='r'>Montant HT</th></tr>%s</table>" % rows)
    recap = [("Montant HT", f.ht), ("Montant TVA", f.tva), ("Montant TTC", f.ttc)]
    if f.deposit: recap.append(("Montant déjà payé", f.deposit))
    recap.append(("Net à payer", f.ttc - f.deposit))
    html.append("<table class='b' style='width:50%%;margin-left:50%%;margin-top:6pt'>%s</table>" % "".join("<tr><td class='grey'>%s</td><td class='r'>%s</td></tr>" % (l, f.m(v)) for l, v in recap))
    if f.kind == "facture": html.append("<p>Coordonnées bancaires du bénéficiaire : IBAN %s</p>" % f.iban_text())
    truth["object"] = f.object
    invalid = supplier_truth(f, truth, vat=True, iban=f.kind == "facture")
    return html, truth, invalid


def order_letter(f):
    """A purchase order written as a letter by the buyer's service: letterhead, « Objet : », the order in a
    paragraph, amounts in the text, the supplier as addressee."""
    truth = {"numbers.document": f.ej, "numbers.ej": f.ej}
    html = ["<p><b>%s</b><br>%s<br>%s<br>%s %s</p>" % (f.ministry.upper(), f.service, f.b_street, f.b_postcode, f.b_town)]
    html.append("<table><tr><td style='width:50%%'></td><td>%s<br>%s<br>%s %s<br>SIRET %s</td></tr></table>" % (f.legal, f.street, f.postcode, f.town, f.siret_text()))
    html.append("<p class='r'>%s, le %s</p>" % (f.b_town, day_text(f.date, 1)))
    html.append("<p><b>Objet :</b> bon de commande n° %s – %s</p>" % (f.ej, f.object))
    html.append("<p>Madame, Monsieur,</p><p>Je vous prie de bien vouloir exécuter la prestation suivante : %s, pour un montant de %s hors taxes, soit %s TTC (TVA de %s).</p>" % (
        f.object[0].lower() + f.object[1:], f.m(f.ht), f.m(f.ttc), f.m(f.tva)))
    for l, v in refs(f, truth, False):
        html.append("<p>%s : %s.</p>" % (l, v))
    rows = "".join("<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.m(t)) for l, q, u, t in f.lines)
    html.append("<table class='b'><tr class='grey'><th>Prestation</th><th class='r'>Quantité</th><th class='r'>Montant HT</th></tr>%s</table>" % rows)
    html.append("<p>La facture, établie en un exemplaire, sera déposée sur Chorus Pro en rappelant le numéro d'engagement juridique ci-dessus.</p><p>Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.</p><p class='r'>Le chef du bureau des moyens généraux</p>")
    truth["object"] = f.object
    return html, truth, supplier_truth(f, truth, vat=False)


def contract_articles(f):
    """An acte d'engagement written in articles (« Article 1 – Contractant », « Je soussigné … agissant au nom de la
    société … »), the price in a sentence, the account in the last article."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number}
    html = ["<p class='c'><b>%s</b><br>%s</p><h1 class='c'>ACTE D'ENGAGEMENT</h1><p class='c'>Marché public n° %s</p><p class='c'><i>%s</i></p>" % (
        f.ministry, f.service, number, f.object)]
    if f.accord:
        html.append("<p class='c'>Marché subséquent à l'accord-cadre %s</p>" % f.accord)
        truth["numbers.accord_cadre"] = f.accord
    html.append("<h3>Article 1 – Contractant</h3><p>Je soussigné(e), M. %s, agissant en qualité de gérant, au nom et pour le compte de la société %s, dont le siège social est situé %s, %s %s, immatriculée sous le numéro SIRET %s, m'engage à exécuter les prestations du présent marché.</p>" % (
        f.rng.choice(["Jean Dupuis", "Claire Martin", "Karim Benali"]), f.legal, f.street, f.postcode, f.town, f.siret_text()))
    html.append("<h3>Article 2 – Prix</h3><p>Le montant du marché s'élève à %s hors taxes, soit %s toutes taxes comprises, la TVA au taux de %s %% s'élevant à %s.</p>" % (
        f.m(f.ht), f.m(f.ttc), ("%g" % f.rates[0][0]).replace(".", ","), f.m(f.tva)))
    html.append("<h3>Article 3 – Durée</h3><p>Le marché est conclu pour une durée de %d mois à compter de sa notification.</p>" % f.rng.choice([12, 24]))
    html.append("<h3>Article 4 – Paiement</h3><p>Le pouvoir adjudicateur se libérera des sommes dues en faisant porter le montant au crédit du compte ouvert au nom de %s : IBAN %s.</p>" % (f.legal, f.iban_text()))
    html.append("<p>Fait à %s, le %s</p><p>Le titulaire</p><p style='margin-top:20pt'>Acceptation de l'offre par le pouvoir adjudicateur : %s</p>" % (f.town, f.day(), f.service))
    acte_truth(f, truth)
    return html, truth, supplier_truth(f, truth, vat=False, iban=True)


def navette_checkboxes(f):
    """A fiche navette laid out as a questionnaire: labelled lines ending with a colon, boxes ticked for the
    procedure, the EJ written by the service centre at the end."""
    truth = {"numbers.ej": f.ej, "supplier.name": f.legal, "supplier.siret": f.siret, "object": f.object}
    html = ["<p><b>%s</b><br>%s</p><h2 class='c'>Fiche navette – engagement de dépense</h2>" % (f.ministry, f.service)]
    html.append("<p>Objet de l'achat : %s</p>" % f.object)
    html.append("<p>Fournisseur retenu : %s</p><p>SIRET : %s</p>" % (f.legal, f.siret_text()))
    html.append("<p>Montant de la dépense : %s HT – %s TTC</p>" % (f.m(f.ht), f.m(f.ttc)))
    if f.marche:
        html.append("<p>☐ Hors marché &nbsp; ☒ Marché n° %s</p>" % f.marche)
        truth["numbers.marche"] = f.marche
    else:
        html.append("<p>☒ Hors marché &nbsp; ☐ Marché n° ........</p>")
    if f.accord:
        html.append("<p>Accord-cadre de rattachement : %s</p>" % f.accord)
        truth["numbers.accord_cadre"] = f.accord
    html.append("<p>Imputation : programme %d – centre financier 0%d-%s – domaine fonctionnel 0%d-%02d</p>" % (
        f.rng.choice([181, 214]), f.rng.choice([181, 214]), f.rng.choice(["C001", "DR35"]), f.rng.choice([181, 214]), f.rng.randint(1, 12)))
    html.append("<p>Demande établie le %s par le service prescripteur.</p>" % f.day())
    html.append("<p style='margin-top:15pt'><i>Cadre réservé au centre de services partagés</i></p><p>N° EJ (Chorus) : %s</p><p>Date de saisie : %s</p>" % (f.ej, f.day()))
    return html, navette_truth(f, truth), ["siret"] if f.bad == "siret" else []


def cctp_running_header(f):
    """A CCTP whose every page repeats the marché's reference in a header line, the object stated in its first
    article as « Les stipulations du présent CCTP concernent : … »."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number, "object": f.object, "buyer.administration": f.service}
    head = "<p class='small r'>CCTP – Marché n° %s</p>" % number
    html = [head, "<p><b>%s</b><br>%s</p><h1 class='c'>CAHIER DES CLAUSES TECHNIQUES PARTICULIÈRES</h1>" % (f.ministry, f.service)]
    html.append("<h3>Article 1 – Objet du marché</h3><p>Les stipulations du présent cahier concernent : %s.</p>" % f.object)
    for i, t in enumerate(["Article 2 – Description de l'existant", "Article 3 – Prestations attendues", "Article 4 – Suivi et pilotage"]):
        if i == 1: html.append("<div style='page-break-before:always'></div>" + head)
        html.append("<h3>%s</h3>%s" % (t, "<p>Le titulaire exécute les prestations conformément aux règles de l'art et aux normes en vigueur ; il informe le pouvoir adjudicateur de toute difficulté rencontrée.</p>" * f.rng.randint(2, 4)))
    return html, truth, []


TEMPLATES_B = {"facture": [online_invoice, artisan_quote, chorus_invoice], "devis": [online_invoice, artisan_quote, chorus_invoice],
               "bon_de_commande": [order_letter], "acte_engagement": [contract_articles], "fiche_navette": [navette_checkboxes],
               "cctp": [cctp_running_header]}


TEMPLATES = {"facture": [dolibarr, odoo, letter, sage_grid], "devis": [dolibarr, odoo, letter, sage_grid],
             "bon_de_commande": [state_order], "acte_engagement": [attri1], "fiche_navette": [navette], "cctp": [cctp]}


def build(rng, kind, i, templates=None, facts=None):
    f = (facts or Facts)(rng, kind)
    templates = templates or TEMPLATES
    template = templates[kind][i % len(templates[kind])]
    html, truth, invalid = template(f)
    truth.setdefault("document_type", kind)  # a credit note among invoices says « avoir »
    if kind in ("facture", "devis"):
        truth.setdefault("date_issued", "%04d-%02d-%02d" % f.date)
        truth["buyer.administration"] = f.service
        amounts_truth(f, truth)
    elif kind == "bon_de_commande":
        truth["date_issued"] = "%04d-%02d-%02d" % f.date
        truth["buyer.administration"] = f.service
        amounts_truth(f, truth)
    page = "<html><head><meta charset='utf-8'><style>%s</style></head><body>%s</body></html>" % (css(f), "".join(html))
    return page, truth, invalid, template.__name__


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--per-type", type=int, default=16)
    parser.add_argument("--seed", type=int, default=1789)
    parser.add_argument("--scans", action="store_true")
    parser.add_argument("--set", choices=["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n"], default="a",
                        help="a, b: the designs of session 17; c: session 18's; d, e: session 19's; f, g: session 20's; h, i: session 21's; j, k: session 22's; l, m: session 23's; n: session 24's (stranger-set-X.py)")
    args = parser.parse_args()
    import logging
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from weasyprint import HTML
    for sub in ("text", "truth", "scan", "html"):
        os.makedirs(os.path.join(args.out, sub), exist_ok=True)
    rng = random.Random(args.seed)
    templates, facts, half = {"a": (TEMPLATES, Facts, "stranger"), "b": (TEMPLATES_B, Facts, "stranger-b")}.get(args.set, (None, None, None))
    if args.set in ("c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n"):
        spec_set = importlib.util.spec_from_file_location("stranger_" + args.set, os.path.join(HERE, "stranger-set-%s.py" % args.set))
        designs = importlib.util.module_from_spec(spec_set)
        spec_set.loader.exec_module(designs)
        templates, facts, half = designs.TEMPLATES, designs.FACTS, "stranger-" + args.set
    for kind in ["devis", "facture", "bon_de_commande", "acte_engagement", "fiche_navette", "cctp"]:
        for i in range(args.per_type):
            ident = "%s-%s-%03d" % (half, kind, i)
            page, truth, invalid, layout = build(random.Random(rng.random()), kind, i, templates, facts)
            pdf = os.path.join(args.out, "text", ident + ".pdf")
            HTML(string=page).write_pdf(pdf)
            open(os.path.join(args.out, "html", ident + ".html"), "w").write(page)
            json.dump({"id": ident, "half": half, "type": kind, "layout": layout, "fields": truth, "invalid_ids": invalid},
                      open(os.path.join(args.out, "truth", ident + ".json"), "w"), ensure_ascii=False, indent=1)
            if args.scans:
                corpus.scan(pdf, os.path.join(args.out, "scan", ident + ".pdf"), random.Random(rng.random()))
        print("%s: %d" % (kind, args.per_type), file=sys.stderr)


if __name__ == "__main__":
    main()
