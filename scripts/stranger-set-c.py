"""Set c of the stranger corpus: designs written in session 18, measured blind before any rule was changed.

Loaded by `generate-stranger-corpus.py --set c`. Its pools (companies, buyers with public bodies besides ministries,
objects, number patterns, amount and date forms, fonts) are its own. Designs: a hosting provider's invoice (periods
in the lines, the SIREN in the RCS mention, often no object), a telecom bill (the sum due boxed first, a recap by
kind of charge, details on page 2), a press subscription (VAT 2,1 %), a consultancy's financial proposal (phases
with subtotals), the order as Chorus prints it (postes, monospace), an établissement's order form, an acte
d'engagement in numbered frames (tranches summed in a grid), a fiche navette as a two-column table, and a CCTP whose
object and number stand in a box on its cover.
"""
import importlib.util, os

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("stranger", os.path.join(HERE, "generate-stranger-corpus.py"))
g = importlib.util.module_from_spec(spec)
spec.loader.exec_module(g)
group, grouped, words_fr, MONTHS = g.group, g.grouped, g.words_fr, g.MONTHS
SHORT_MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]


class FactsC(g.Facts):
    COMPANIES = ["Nuage Cévenol", "Hébergement Armor Cloud", "Télécom Horizon", "Presse Territoriale Diffusion",
                 "Delorme & Associés", "Rénovation Normande du Bâtiment", "Ascenseurs Dufresne", "Quadrature Études",
                 "Arpège Solutions", "Voyages Affaires Lumière", "Papeteries de l'Ouest", "Sûreté Électronique Rhône",
                 "Paysages Véron", "Laboratoire Analytica", "Ingénierie Faure-Lambert", "Kinésis Conseil",
                 "Open Lab Occitanie", "Atelier d'Architecture Bel-Air", "Restauration Collective Bourguignonne",
                 "Éditions du Service Public", "Fibre Optique Champenoise", "Cabinet Nguyen Avocats"]
    FORMS = ["SAS", "SARL", "SA", "SASU", "SCOP", "SELARL", "EURL"]
    STREETS = ["quai des Chartrons", "impasse des Tilleuls", "cours Lafayette", "chemin du Port", "allée des Sorbiers",
               "route de Vannes", "rue du Faubourg Saint-Antoine", "esplanade de l'Europe", "rue Jean Jaurès"]
    TOWNS = [("33000", "Bordeaux"), ("69003", "Lyon"), ("44000", "Nantes"), ("35000", "Rennes"), ("21000", "Dijon"),
             ("34000", "Montpellier"), ("76000", "Rouen"), ("13002", "Marseille"), ("59000", "Lille"),
             ("31000", "Toulouse"), ("67000", "Strasbourg"), ("75011", "Paris")]
    BUYERS = [("Université de Montpellier", "Direction du patrimoine immobilier"),
              ("Agence nationale de la cohésion des territoires", "Direction du numérique"),
              ("Météo-France", "Direction des systèmes d'information"),
              ("Ministère du Travail", "Délégation générale à l'emploi et à la formation professionnelle"),
              ("Ministère de la Santé", "Direction générale de l'offre de soins"),
              ("Ministère de l'Intérieur", "Préfecture de la Gironde"),
              ("Ministère des Sports", "Institut national du sport, de l'expertise et de la performance"),
              ("Ministère de l'Enseignement supérieur", "Direction générale de la recherche et de l'innovation"),
              ("Ministère de la Mer", "Direction interrégionale de la mer Nord Atlantique-Manche Ouest"),
              ("Office français de la biodiversité", "Direction de la communication")]
    OBJECTS = [
        ("Hébergement et infogérance de la plateforme {p}", [("Serveur dédié (mois)", 189), ("Stockage objet 1 To (mois)", 9.5), ("Infogérance niveau 2 (mois)", 1200)]),
        ("Abonnement aux lignes mobiles et forfaits data des agents de {s}", [("Forfait mobile 20 Go", 14.9), ("Carte SIM data", 9), ("Option international", 5)]),
        ("Abonnement annuel à la revue {{r}}", [("Abonnement papier et numérique", 289), ("Accès multi-postes", 145), ("Hors-série", 19)]),
        ("Accompagnement à la conduite du changement du projet {p}", [("Consultant senior (jour)", 980), ("Consultant (jour)", 720), ("Directeur de mission (jour)", 1350)]),
        ("Maintenance préventive des ascenseurs du site de {s}", [("Visite de maintenance", 145), ("Dépannage (heure)", 95), ("Pièce détachée", 310)]),
        ("Organisation des déplacements professionnels des agents de {s}", [("Frais d'agence par billet", 12), ("Billet de train", 98), ("Nuitée d'hôtel", 110)]),
        ("Entretien des espaces verts du site de {s}", [("Tonte et débroussaillage (passage)", 420), ("Taille des haies", 650), ("Évacuation des déchets verts", 180)]),
        ("Analyses de la qualité de l'eau du réseau de {s}", [("Analyse microbiologique", 48), ("Analyse physico-chimique", 76), ("Prélèvement sur site", 60)]),
        ("Étude de faisabilité pour la rénovation énergétique du bâtiment de {s}", [("Relevés et diagnostic", 3200), ("Scénarios de rénovation", 4100), ("Restitution", 900)]),
        ("Conseil juridique en droit de la commande publique pour le projet {p}", [("Heure d'avocat associé", 290), ("Heure de collaborateur", 180), ("Note de synthèse", 1500)]),
    ]
    PRODUCTS = ["Signal Conso", "Rdv Service Public", "Aides Territoires", "Mon Espace Santé Pro", "Zéro Logement Vacant",
                "Pix Orga", "Data Subvention", "Resana"]
    REVIEWS = ["La Revue du droit public", "Actualité juridique du droit administratif", "La Gazette territoriale",
               "Revue française des finances publiques", "Le Courrier des achats publics"]
    SITES = ["Montpellier Triolet", "Pessac", "Saint-Mandé", "Toulouse Basso-Cambo", "Nantes Viarme", "Vincennes",
             "Brest Porte Océane", "Ivry Pasteur"]
    FONTS = ["DejaVu Sans", "Liberation Sans", "Liberation Serif", "DejaVu Sans Condensed", "DejaVu Serif Condensed"]
    MARCHES = ["%d.%02d.000", "MP%d-%04d", "%dM%04d", "DAJ-%d-%03d", "%d-PA-%03d"]
    ACCORDS = ["AC%d-%03d", "%d-ACCORD-%03d", "CAISSE-%d-%04d", "ACMO-%d-%03d"]

    def __init__(self, rng, kind):
        super().__init__(rng, kind)
        self.object = self.object.replace("{r}", rng.choice(self.REVIEWS)) if "{r}" in self.object else self.object
        self.money_style = rng.randrange(5)
        self.date_form = rng.randrange(4)

    MONEY = [lambda d, r: grouped(d, "\u202f") + ",%02d €" % r, lambda d, r: "%s,%02d" % (d, r),
             lambda d, r: grouped(d, " ") + ",%02d EUR" % r, lambda d, r: grouped(d, ".") + ",%02d €" % r,
             lambda d, r: grouped(d, " ") + ",%02d €" % r]

    def m(self, cents):
        return g.signed(cents, self.MONEY[self.money_style])

    def day(self, d=None):
        y, m, day = d or self.date
        return ["%02d/%02d/%02d" % (day, m, y % 100), "%02d/%02d/%d" % (day, m, y), "%d %s %d" % (day, MONTHS[m - 1], y),
                "%02d %s %d" % (day, SHORT_MONTHS[m - 1], y)][self.date_form]


def rcs_footer(f, siret):
    capital = f.rng.choice(["10 069 020", "37 000", "250 000", "1 500 000"])
    named = f.legal if f.form in f.legal else "%s – %s" % (f.legal, f.form)
    parts = ["%s au capital de %s €" % (named, capital),
             "Siège social : %s, %s %s" % (f.street, f.postcode, f.town),
             "RCS %s %s" % (f.town, group(f.siren, 3)),
             "Code APE %s" % f.rng.choice(["6311Z", "6110Z", "5814Z", "7022Z"]),
             "N° TVA : %s %s %s" % (f.vat[:2], f.vat[2:4], group(f.vat[4:], 3))]
    if siret: parts.insert(3, "SIRET %s" % f.siret_text())
    return " – ".join(parts)


def hosting_invoice(f):
    """A hosting or cloud provider's invoice: the number and client reference top right, « Adresse de facturation »,
    one line per service with its billing period, the SIREN in the RCS mention; an object only now and then."""
    truth = {}
    prefix = "FR" if f.kind == "facture" else "DV"
    number = "%s%d%07d" % (prefix, f.year % 100, f.rng.randint(1, 9999999))
    truth["numbers.document"] = number
    title = "Facture" if f.kind == "facture" else "Devis"
    start, end = f.later(-1), f.date
    period = "du %02d/%02d/%d au %02d/%02d/%d" % (1, start[1], start[0], 1, end[1], end[0])
    html = ["<table><tr><td style='width:55%%'><b style='font-size:1.8em;color:#123f6d'>%s</b></td><td><b style='font-size:1.3em'>%s</b><br>N° : %s<br>Date : %s<br>Référence client : %s%d-%s</td></tr></table>" % (
        f.name, title, number, f.day(), f.name[:2].lower(), f.rng.randint(10000, 99999), f.rng.choice(["ovh", "cloud", "web"]))]
    html.append("<table style='margin-top:10pt'><tr><td style='width:55%%'></td><td><span class='small'>Adresse de facturation</span><br>%s<br>%s<br>%s<br>%s %s</td></tr></table>" % (
        f.ministry, f.service, f.b_street, f.b_postcode, f.b_town))
    stated_object = f.rng.random() < 0.4
    if stated_object:
        html.append("<p>Objet : %s</p>" % f.object)
        truth["object"] = f.object
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p class='small'>%s : %s</p>" % (l, v))
    rows = "".join("<tr><td>%s<br><span class='small'>Période %s</span></td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (
        l, period, q, f.m(u), f.m(t)) for l, q, u, t in f.lines)
    if f.shipping: rows += "<tr><td>Frais de mise en service</td><td class='r'>1</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (f.m(f.shipping), f.m(f.shipping))
    if f.discount: rows += "<tr><td>Remise commerciale %d %%</td><td></td><td></td><td class='r'>%s</td></tr>" % (f.discount_rate, f.m(-f.discount))
    html.append("<table style='margin-top:8pt;border-top:1.5pt solid #123f6d'><tr class='small'><th>Description</th><th class='r'>Quantité</th><th class='r'>Prix unitaire HT</th><th class='r'>Prix HT</th></tr>%s</table>" % rows)
    totals = [("Total HT", f.ht)] + [("TVA %s %%" % ("%.2f" % r).replace(".", ","), t) for r, b, t in f.rates if not f.exempt] + [("Total TTC", f.ttc)]
    html.append("<table style='width:40%%;margin-left:60%%;margin-top:6pt'>%s</table>" % "".join(
        "<tr><td>%s</td><td class='r'>%s</td></tr>" % (l, f.m(v)) for l, v in totals))
    if f.kind == "facture":
        html.append("<p class='small'>Paiement par virement à réception de facture sur le compte IBAN %s – BIC %s. Merci d'indiquer le numéro de facture en référence.</p>" % (
            f.iban_text(), f.rng.choice(["CMCIFRPP", "SOGEFRPP"])))
    siret = f.rng.random() < 0.5
    html.append("<p class='small c' style='margin-top:30pt'>%s</p>" % rcs_footer(f, siret))
    invalid = g.supplier_truth(f, truth, siret=siret, iban=f.kind == "facture")
    return html, truth, invalid


def telecom_bill(f):
    """A telecom operator's bill: on page 1 the sum due boxed with its deadline, the account's references, a recap by
    kind of charge and the totals; page 2 lists the lines. The buyer is the account holder."""
    truth = {}
    number = "%d%02d%s" % (f.year % 100, f.date[1], "".join(f.rng.choice("0123456789") for _ in range(8)))
    truth["numbers.document"] = number
    due = f.later(1)
    subscriptions = sum(t for l, q, u, t in f.lines[:1])
    usage = sum(t for l, q, u, t in f.lines[1:]) + f.shipping
    html = ["<table><tr><td style='width:50%%'><b style='font-size:1.6em'>%s</b><br><span class='small'>Espace entreprises</span></td><td class='small'>Titulaire du compte<br><b>%s</b><br>%s<br>%s<br>%s %s</td></tr></table>" % (
        f.name, f.ministry, f.service, f.b_street, f.b_postcode, f.b_town)]
    html.append("<h2>Votre facture du %s</h2>" % g.day_text(f.date, 1))
    html.append("<table><tr><td style='width:50%%'><div class='box grey'>Montant total à payer<br><b style='font-size:1.6em'>%s</b><br>à régler avant le %s</div></td><td class='small'>N° de facture : %s<br>N° de compte client : %d<br>Période facturée : %s %d</td></tr></table>" % (
        f.m(f.ttc), f.day(due), number, f.rng.randint(100000000, 999999999), MONTHS[f.date[1] - 1], f.date[0]))
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p class='small'>%s : %s</p>" % (l, v))
    recap = [("Abonnements, forfaits et options", subscriptions), ("Consommations et services", usage)]
    if f.discount: recap.append(("Remises", -f.discount))
    recap += [("Total hors taxes", f.ht)] + [("TVA à %s %%" % ("%g" % r).replace(".", ","), t) for r, b, t in f.rates if not f.exempt] + [("Total TTC", f.ttc)]
    html.append("<h3>Récapitulatif</h3><table class='b'><tr class='grey'><th>Rubrique</th><th class='r'>Montant</th></tr>%s</table>" % "".join(
        "<tr><td>%s</td><td class='r'>%s</td></tr>" % (l, f.m(v)) for l, v in recap))
    html.append("<p class='small'>Prélèvement ou virement : IBAN %s</p>" % f.iban_text())
    html.append("<div style='page-break-before:always'></div><h3>Détail de votre facture</h3>")
    rows = "".join("<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.m(u), f.m(t)) for l, q, u, t in f.lines)
    html.append("<table class='b'><tr class='grey'><th>Libellé</th><th class='r'>Nombre</th><th class='r'>Prix unitaire HT</th><th class='r'>Montant HT</th></tr>%s</table>" % rows)
    html.append("<p class='small c' style='margin-top:30pt'>%s</p>" % rcs_footer(f, True))
    invalid = g.supplier_truth(f, truth, iban=True)
    return html, truth, invalid


def press_subscription(f):
    """A publisher's subscription invoice: VAT at the press rate, 2,1 %, the subscriber's number, the title and
    the period of service."""
    truth = {}
    number = "AB%d-%05d" % (f.year, f.rng.randint(1, 99999))
    truth["numbers.document"] = number
    ht = f.ht
    tva = int(round(ht * 0.021))
    f.rates, f.tva, f.ttc = [(2.1, ht, tva)], tva, ht + tva
    word = "FACTURE D'ABONNEMENT" if f.kind == "facture" else "PROPOSITION D'ABONNEMENT"
    html = ["<p><b style='font-size:1.4em'>%s</b><br>Service abonnements<br>%s<br>%s %s</p>" % (f.legal, f.street, f.postcode, f.town)]
    html.append("<table><tr><td style='width:50%%'><h2>%s</h2>N° %s<br>Émise le %s<br>N° d'abonné : %d</td><td><div class='box'>%s<br>%s<br>Service documentation<br>%s<br>%s %s</div></td></tr></table>" % (
        word, number, f.day(), f.rng.randint(1000000, 9999999), f.ministry, f.service, f.b_street, f.b_postcode, f.b_town))
    html.append("<p>Objet : %s</p>" % f.object)
    truth["object"] = f.object
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p>%s : %s</p>" % (l, v))
    start = f.later(1)
    rows = "".join("<tr><td>%s – du %02d/%02d/%d au %02d/%02d/%d</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (
        l, 1, start[1], start[0], 1, start[1], start[0] + 1, q, f.m(t)) for l, q, u, t in f.lines)
    html.append("<table class='b'><tr class='grey'><th>Désignation</th><th class='r'>Qté</th><th class='r'>Montant HT</th></tr>%s</table>" % rows)
    if f.discount or f.shipping:
        html.append("<p>Remise et frais inclus : %s</p>" % f.m(f.shipping - f.discount))
    html.append("<table style='width:50%%;margin-left:50%%'><tr><td>Montant HT</td><td class='r'>%s</td></tr><tr><td>TVA 2,1 %%</td><td class='r'>%s</td></tr><tr><td><b>Montant TTC</b></td><td class='r'><b>%s</b></td></tr></table>" % (
        f.m(ht), f.m(tva), f.m(f.ttc)))
    if f.kind == "facture": html.append("<p>Règlement par virement : %s</p>" % f.iban_text())
    html.append("<p class='small c' style='margin-top:25pt'>%s – SIRET %s – TVA %s – CPPAP %04d W %05d</p>" % (
        f.legal, f.siret_text(), f.vat, f.rng.randint(1000, 9999), f.rng.randint(10000, 99999)))
    invalid = g.supplier_truth(f, truth, iban=f.kind == "facture")
    return html, truth, invalid


def consulting_proposal(f):
    """A consultancy's financial proposal or invoice: the lines grouped by phase with a subtotal each, then the
    totals; the firm's identity in a signature block at the end."""
    truth = {}
    word = "Proposition financière" if f.kind == "devis" else "Facture"
    number = ("PF-%d-%03d" if f.kind == "devis" else "%d-F%04d") % (f.year, f.rng.randint(1, 999))
    truth["numbers.document"] = number
    html = ["<p class='r small'>%s<br>%s %s</p><h1>%s</h1><p>Référence : %s%s<br>Date : %s</p>" % (
        f.legal, f.postcode, f.town, word, number, " (version %d)" % f.rng.randint(2, 3) if f.kind == "devis" else "", f.day())]
    html.append("<p>À l'attention de : %s – %s</p>" % (f.ministry, f.service))
    html.append("<p>Objet de la %s : %s</p>" % ("proposition" if f.kind == "devis" else "facture", f.object))
    truth["object"] = f.object
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p>%s : %s</p>" % (l, v))
    phases = [f.lines[:max(1, len(f.lines) // 2)], f.lines[max(1, len(f.lines) // 2):]]
    rows = ""
    for i, lines in enumerate(p for p in phases if p):
        rows += "<tr class='grey'><td colspan='4'><b>Phase %d – %s</b></td></tr>" % (i + 1, ["Cadrage", "Réalisation"][i])
        rows += "".join("<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, f.m(u), q, f.m(t)) for l, q, u, t in lines)
        rows += "<tr><td colspan='3' class='r'><i>Sous-total phase %d</i></td><td class='r'><i>%s</i></td></tr>" % (i + 1, f.m(sum(t for l, q, u, t in lines)))
    if f.shipping: rows += "<tr><td colspan='3'>Frais de déplacement</td><td class='r'>%s</td></tr>" % f.m(f.shipping)
    if f.discount: rows += "<tr><td colspan='3'>Remise (%d %%)</td><td class='r'>%s</td></tr>" % (f.discount_rate, f.m(-f.discount))
    html.append("<table class='b'><tr class='grey'><th>Profil / prestation</th><th class='r'>Prix unitaire HT</th><th class='r'>Nombre</th><th class='r'>Total HT</th></tr>%s</table>" % rows)
    totals = [("Montant total HT", f.ht)] + [("TVA (%s %%)" % ("%g" % r).replace(".", ","), t) for r, b, t in f.rates if not f.exempt] + [("Montant total TTC", f.ttc)]
    html.append("<table style='width:50%%;margin-left:50%%;margin-top:6pt'>%s</table>" % "".join("<tr><td><b>%s</b></td><td class='r'><b>%s</b></td></tr>" % (l, f.m(v)) for l, v in totals))
    if f.exempt: html.append("<p class='small'>Exonération de TVA – article 261-4-4° du CGI (formation professionnelle continue).</p>")
    if f.kind == "devis": html.append("<p>Validité de la proposition : 90 jours.</p>")
    else: html.append("<p>Paiement à 30 jours par virement sur le compte %s.</p>" % f.iban_text())
    html.append("<p style='margin-top:15pt'>Pour %s,<br>%s, associé(e)</p><p class='small'>%s – %s %s – SIRET %s – N° TVA intracommunautaire %s</p>" % (
        f.legal, f.rng.choice(["Hélène Garnier", "Paul Nguyen", "Sophie Bertrand"]), f.street, f.postcode, f.town, f.siret_text(), f.vat))
    invalid = g.supplier_truth(f, truth, vat=not f.exempt, iban=f.kind == "facture")
    return html, truth, invalid


def chorus_order_print(f):
    """The order as Chorus Cœur prints it: SAP-like monospace blocks, the supplier by its Chorus code, postes with
    their net values, « Valeur totale » of the order."""
    truth = {"numbers.document": f.ej, "numbers.ej": f.ej}
    mono = "font-family:'DejaVu Sans Mono';font-size:8.5pt"
    html = ["<div style=\"%s\"><table><tr><td style='width:50%%'><b>BON DE COMMANDE</b><br>N° de bon de commande : %s<br>Date de création : %s<br>Type : Commande de services</td><td>%s<br>%s<br>%s<br>%s %s</td></tr></table>" % (
        mono, f.ej, f.day(), f.ministry.upper(), f.service, f.b_street, f.b_postcode, f.b_town)]
    html.append("<p>FOURNISSEUR<br>Code fournisseur : %d<br>%s<br>%s<br>%s %s<br>N° SIRET : %s</p>" % (
        f.rng.randint(1000000000, 1099999999), f.legal.upper(), f.street, f.postcode, f.town, f.siret))
    html.append("<p>Texte d'en-tête : %s</p>" % f.object)
    for l, v in g.refs(f, truth, False):
        html.append("<p>%s : %s</p>" % (l, v))
    rows = "".join("<tr><td>%05d</td><td>%s</td><td class='r'>%s</td><td>UN</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (
        (i + 1) * 10, l.upper(), q, f.m(u), f.m(t)) for i, (l, q, u, t) in enumerate(f.lines))
    html.append("<table><tr style='border-bottom:1pt dashed #000'><th>Poste</th><th>Désignation</th><th class='r'>Qté</th><th>Unité</th><th class='r'>Prix net</th><th class='r'>Valeur nette</th></tr>%s</table>" % rows)
    html.append("<p>Valeur totale HT : %s<br>Montant TVA : %s<br>Valeur totale TTC : %s</p>" % (f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    html.append("<p>Adresse de facturation : Centre de services partagés – %s – dépôt des factures sur Chorus Pro (SIRET %s)</p><p>Conditions de paiement : 30 jours date de réception</p></div>" % (
        f.ministry, f.b_siret))
    truth["object"] = f.object
    return html, truth, g.supplier_truth(f, truth, vat=False)


def order_form(f):
    """An établissement's order form: « BON DE COMMANDE » and its number in a framed header, three boxes (the
    ordering service, the supplier, invoicing), a lines grid, totals and the budget imputation."""
    truth = {"numbers.document": f.ej, "numbers.ej": f.ej}
    html = ["<table class='b'><tr><td style='width:60%%'><b>%s</b><br>%s</td><td class='c'><b style='font-size:1.3em'>BON DE COMMANDE</b><br>N° %s</td></tr></table>" % (
        f.ministry, f.service, f.ej)]
    html.append("<table style='margin-top:8pt'><tr><td style='width:33%%'><div class='box'><b>Service commanditaire</b><br>%s<br>%s<br>%s %s</div></td><td style='width:34%%'><div class='box'><b>Fournisseur</b><br>%s<br>%s<br>%s %s<br>SIRET : %s</div></td><td><div class='box'><b>Facturation</b><br>Chorus Pro<br>SIRET : %s</div></td></tr></table>" % (
        f.service, f.b_street, f.b_postcode, f.b_town, f.legal, f.street, f.postcode, f.town, f.siret_text(), f.b_siret))
    html.append("<p>Date de la commande : %s<br>Libellé : %s</p>" % (f.day(), f.object))
    for l, v in g.refs(f, truth, False):
        html.append("<p>%s : %s</p>" % (l, v))
    rows = "".join("<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.m(u), f.m(t)) for l, q, u, t in f.lines)
    rows += "<tr><td colspan='3' class='r'>Total HT</td><td class='r'>%s</td></tr><tr><td colspan='3' class='r'>TVA</td><td class='r'>%s</td></tr><tr><td colspan='3' class='r'><b>Total TTC</b></td><td class='r'><b>%s</b></td></tr>" % (
        f.m(f.ht), f.m(f.tva), f.m(f.ttc))
    html.append("<table class='b'><tr class='grey'><th>Désignation</th><th class='r'>Quantité</th><th class='r'>Prix unitaire HT</th><th class='r'>Montant HT</th></tr>%s</table>" % rows)
    html.append("<p class='small'>Imputation : UB %s – CR %d – compte %d – EOTP %s</p><p class='r'>L'ordonnateur,</p>" % (
        f.rng.choice(["901", "920", "950"]), f.rng.randint(100, 999), f.rng.choice([6156, 6228, 6064]), "P%06d" % f.rng.randint(1, 999999)))
    truth["object"] = f.object
    return html, truth, g.supplier_truth(f, truth, vat=False)


def ae_frames(f):
    """An acte d'engagement in numbered frames: the marché's number in a box, the holder's identity as label/value
    rows, the price in a grid (tranche ferme, tranche optionnelle, total), the account to credit."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number}
    html = ["<table class='b'><tr><td style='width:65%%'><b>%s</b><br>%s</td><td><span class='small'>Numéro du marché</span><br><b>%s</b></td></tr></table>" % (f.ministry, f.service, number)]
    html.append("<h1 class='c'>ACTE D'ENGAGEMENT</h1>")
    html.append("<h3>Cadre 1 – Objet</h3><div class='box'>%s</div>" % f.object)
    if f.accord:
        html.append("<p>Marché subséquent de l'accord-cadre n° %s</p>" % f.accord)
        truth["numbers.accord_cadre"] = f.accord
    ident = [("Dénomination sociale", f.legal), ("Forme juridique", f.form), ("Adresse du siège", "%s, %s %s" % (f.street, f.postcode, f.town)),
             ("N° SIRET", f.siret_text()), ("N° TVA intracommunautaire", f.vat)]
    html.append("<h3>Cadre 2 – Identification du titulaire</h3><table class='b'>%s</table>" % "".join("<tr><td class='grey' style='width:35%%'>%s</td><td>%s</td></tr>" % r for r in ident))
    rate = f.rates[0][0] or 20
    if f.rng.random() < 0.5 and f.ht > 1000:
        ferme = f.ht * 7 // 10
        cells = [(l, h, int(round(h * rate / 100))) for l, h in [("Tranche ferme", ferme), ("Tranche optionnelle", f.ht - ferme)]]
    else:
        cells = [("Montant", f.ht, int(round(f.ht * rate / 100)))]
    f.tva = sum(c[2] for c in cells)
    f.ttc, f.rates = f.ht + f.tva, [(rate, f.ht, f.tva)]
    if len(cells) > 1: cells.append(("Total", f.ht, f.tva))
    grid = "".join("<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, f.m(h), f.m(t), f.m(h + t)) for l, h, t in cells)
    html.append("<h3>Cadre 3 – Prix</h3><table class='b'><tr class='grey'><th></th><th class='r'>Montant HT</th><th class='r'>TVA (%s %%)</th><th class='r'>Montant TTC</th></tr>%s</table>" % (
        ("%g" % rate).replace(".", ","), grid))
    euros = f.ttc // 100
    html.append("<p>Soit, en lettres, %s euros toutes taxes comprises.</p>" % words_fr(euros))
    html.append("<h3>Cadre 4 – Compte à créditer</h3><table class='b'><tr><td class='grey'>Titulaire du compte</td><td>%s</td></tr><tr><td class='grey'>Établissement</td><td>%s</td></tr><tr><td class='grey'>IBAN</td><td>%s</td></tr><tr><td class='grey'>BIC</td><td>%s</td></tr></table>" % (
        f.legal, f.rng.choice(["Caisse d'Épargne", "CIC", "Société Générale"]), f.iban_text(), f.rng.choice(["CEPAFRPP", "CMCIFRPP"])))
    html.append("<h3>Cadre 5 – Signature du titulaire</h3><p>Fait à %s, le %s</p><p>Le représentant habilité</p>" % (f.town, f.day()))
    g.acte_truth(f, truth)
    return html, truth, g.supplier_truth(f, truth, iban=True)


def navette_two_columns(f):
    """A fiche navette as a two-column table, « Rubrique » and « Renseignement », labels sometimes in capitals."""
    truth = {"numbers.ej": f.ej, "supplier.name": f.legal, "supplier.siret": f.siret, "object": f.object}
    caps = f.rng.random() < 0.4
    support = ("Marché n° %s" % f.marche) if f.marche else ("Accord-cadre n° %s" % f.accord if f.accord else "Hors marché (achat inférieur à 40 000 € HT)")
    if f.marche: truth["numbers.marche"] = f.marche
    elif f.accord: truth["numbers.accord_cadre"] = f.accord
    rows = [("Service demandeur", f.service), ("Date de la demande", f.day()), ("Objet de la dépense", f.object),
            ("Fournisseur pressenti", f.legal), ("SIRET du fournisseur", f.siret_text()), ("Montant HT", f.m(f.ht)),
            ("TVA", f.m(f.tva)), ("Montant TTC", f.m(f.ttc)), ("Support juridique", support),
            ("N° de l'EJ", f.ej)]
    html = ["<p><b>%s</b></p><h2 class='c'>FICHE NAVETTE N° %d-%04d</h2>" % (f.ministry, f.year, f.rng.randint(1, 9999))]
    html.append("<table class='b'><tr class='grey'><th style='width:35%%'>Rubrique</th><th>Renseignement</th></tr>%s</table>" % "".join(
        "<tr><td>%s</td><td>%s</td></tr>" % (l.upper() if caps else l, v) for l, v in rows))
    html.append("<p style='margin-top:12pt'>Visa du responsable de programme : __________</p>")
    g.navette_truth(f, truth)
    return html, truth, ["siret"] if f.bad == "siret" else []


def cctp_boxed_cover(f):
    """A CCTP whose cover holds a table « Intitulé du marché » / « Numéro » / « Procédure »; the first article states
    « Le présent marché a pour objet … »."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number, "object": f.object, "buyer.administration": f.service}
    html = ["<p><b>%s</b><br>%s</p><h1 class='c' style='margin-top:30mm'>CCTP</h1><p class='c'>Cahier des clauses techniques particulières</p>" % (f.ministry, f.service)]
    html.append("<table class='b' style='margin-top:20mm'><tr><td class='grey' style='width:30%%'>Intitulé du marché</td><td>%s</td></tr><tr><td class='grey'>Numéro</td><td>%s</td></tr><tr><td class='grey'>Procédure</td><td>Procédure adaptée</td></tr></table>" % (f.object, number))
    html.append("<div style='page-break-before:always'></div><h2>ARTICLE PREMIER : OBJET</h2><p>Le présent marché a pour objet : %s.</p>" % (f.object[0].lower() + f.object[1:]))
    for t in ["ARTICLE 2 : CONTEXTE", "ARTICLE 3 : CONSISTANCE DES PRESTATIONS", "ARTICLE 4 : LIVRABLES", "ARTICLE 5 : RÉVERSIBILITÉ"]:
        html.append("<h2>%s</h2>%s" % (t, "<p>Le titulaire assure les prestations décrites ci-après dans le respect des délais fixés au bon de commande et remet au service les livrables attendus.</p>" * f.rng.randint(2, 3)))
    return html, truth, []


TEMPLATES = {"facture": [hosting_invoice, telecom_bill, press_subscription, consulting_proposal],
             "devis": [hosting_invoice, consulting_proposal, press_subscription],
             "bon_de_commande": [chorus_order_print, order_form], "acte_engagement": [ae_frames],
             "fiche_navette": [navette_two_columns], "cctp": [cctp_boxed_cover]}
FACTS = FactsC
