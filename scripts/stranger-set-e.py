"""Set e of the stranger corpus: designs written in session 19 after set d was read, measured blind before any rule
was changed for them.

Loaded by `generate-stranger-corpus.py --set e`. Its pools are its own: legal forms written with dots (« S.A.S. »),
names with digits and ampersands, State services of other ministries, objects, number patterns, amounts with a dot
for decimals in English-speaking software, ISO and dotted dates. Designs: an energy supplier's invoice (a
subscription at 5,5 % and the consumption at 20 %), a bilingual invoice or quote from a foreign software company
(« Total HT / Net amount »), an invoice or quote with a VAT summary by rate and a deposit deducted, an architect's
fee proposal by mission phase, an order whose references stand in a grid of headings over values, an acte
d'engagement signed by a joint group (the mandataire and a co-contractor, two SIRETs), a fiche navette as a single
row under its headings, and a CCTP whose cover ends on an architect's title block.
"""
import importlib.util, os

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("stranger", os.path.join(HERE, "generate-stranger-corpus.py"))
g = importlib.util.module_from_spec(spec)
spec.loader.exec_module(g)
group, grouped, words_fr, MONTHS, siren, siret = g.group, g.grouped, g.words_fr, g.MONTHS, g.siren, g.siret


class FactsE(g.Facts):
    COMPANIES = ["3D Ingénierie", "A2 Conseil", "Énergies Vertes Distribution", "Dupont & Fils Bâtiment",
                 "Cloudwise Europe", "Atelier Ourson Architectes", "Imprim'Express 44", "Lumière & Son Audiovisuel",
                 "Biotope Études Environnement", "Formasup Occitanie", "Nova Traduction", "Securitas Gardiennage Loire",
                 "Ateliers Réunis du Val", "Datapol Analytics", "Vert Horizon Paysage", "Omega Mobilier",
                 "Soleil Levant Énergie", "Carrosserie Martin-Roux"]
    FORMS = ["S.A.S.", "S.A.R.L.", "SAS", "SARL", "S.A.", "SASU", "SCOP"]
    STREETS = ["rue de l'Industrie", "avenue du Maréchal Foch", "rue Lamartine", "Technopôle de l'Aube",
               "boulevard de la Croisette", "rue des Forges", "allée Jacques Brel", "route nationale 7", "quai de la Fosse"]
    TOWNS = [("10000", "Troyes"), ("06400", "Cannes"), ("44000", "Nantes"), ("80000", "Amiens"), ("18000", "Bourges"),
             ("65000", "Tarbes"), ("02100", "Saint-Quentin"), ("97200", "Fort-de-France"), ("20000", "Ajaccio"),
             ("84000", "Avignon"), ("16000", "Angoulême"), ("90000", "Belfort")]
    BUYERS = [("Direction générale des finances publiques", "Service des impôts des entreprises de Troyes"),
              ("Ministère de la Culture", "Direction régionale des affaires culturelles d'Occitanie"),
              ("Ministère de la Transition écologique", "Direction interdépartementale des routes Centre-Est"),
              ("Ministère de l'Intérieur", "Secrétariat général pour l'administration du ministère de l'Intérieur Sud"),
              ("Ministère de l'Éducation nationale", "Direction des services départementaux de l'éducation nationale de l'Aube"),
              ("Ministère de la Justice", "Direction interrégionale des services pénitentiaires de Marseille"),
              ("Ministère du Travail", "Direction régionale de l'économie, de l'emploi, du travail et des solidarités"),
              ("Ministère de l'Agriculture", "Direction départementale de la protection des populations"),
              ("Services du Premier ministre", "Direction de l'information légale et administrative"),
              ("Ministère des Armées", "Établissement du service d'infrastructure de la défense de Lyon")]
    OBJECTS = [
        ("Fourniture d'électricité des bâtiments de {s}", [("Consommation heures pleines (kWh)", 0.21), ("Consommation heures creuses (kWh)", 0.16), ("Acheminement", 420)]),
        ("Licences et hébergement de l'outil de gestion documentaire {p}", [("Licence utilisateur annuelle", 96), ("Hébergement (an)", 2400), ("Support premium (an)", 1800)]),
        ("Maîtrise d'œuvre pour la réhabilitation du bâtiment de {s}", [("Esquisse", 4200), ("Avant-projet", 7800), ("Projet et consultation", 9600)]),
        ("Inventaire faune et flore du site de {s}", [("Journée de terrain", 650), ("Rapport d'inventaire", 2800), ("Cartographie", 1400)]),
        ("Captation vidéo du colloque {p}", [("Tournage (jour)", 1900), ("Montage (jour)", 850), ("Sous-titrage (minute)", 12)]),
        ("Impression des affiches de la campagne {p}", [("Affiche A2 quadri", 1.35), ("Affiche 4x3", 145), ("Pose", 380)]),
        ("Gardiennage et sécurité incendie du site de {s}", [("Heure d'agent SSIAP 1", 23.5), ("Heure de chef d'équipe", 29), ("Ronde de nuit", 160)]),
        ("Traduction en espagnol et portugais du portail {p}", [("Mot traduit", 0.13), ("Relecture (heure)", 48), ("Gestion de projet", 350)]),
        ("Aménagement paysager de la cour du site de {s}", [("Plantation d'arbres (unité)", 380), ("Engazonnement (m²)", 6.5), ("Arrosage automatique", 2900)]),
        ("Fourniture de mobilier pour les bureaux de {s}", [("Bureau réglable", 640), ("Caisson à tiroirs", 210), ("Armoire haute", 480)]),
    ]
    PRODUCTS = ["Mon Parcours Handicap", "Démarches Simplifiées", "Place de l'Emploi Public", "Signal Sécurité",
                "Ma Prime Rénov'", "France Services", "Portail RH", "Archives Ouvertes"]
    SITES = ["Troyes Hennequin", "Cannes La Bocca", "Nantes Île de Nantes", "Amiens Citadelle", "Bourges Val d'Auron",
             "Tarbes Arsenal", "Avignon Courtine", "Belfort Techn'hom"]
    FONTS = ["DejaVu Sans", "Liberation Sans", "Liberation Serif", "DejaVu Serif", "DejaVu Sans Condensed"]
    MARCHES = ["%d-MN-%03d", "MA%d%04d", "%d/DRAC/%03d", "%d.%03d", "SGAMI-%d-%03d"]
    ACCORDS = ["%d-AC-UGAP-%03d", "ACCN%d%03d", "%d/AC/%04d", "DAE-AC-%d-%03d"]

    def __init__(self, rng, kind):
        super().__init__(rng, kind)
        self.money_style = rng.randrange(5)
        self.date_form = rng.randrange(4)

    MONEY = [lambda d, r: grouped(d, " ") + ",%02d €" % r, lambda d, r: grouped(d, "\u202f") + ",%02d" % r,
             lambda d, r: "%s,%02d EUR" % (d, r), lambda d, r: grouped(d, "\u00a0") + ",%02d\u00a0€" % r,
             lambda d, r: "%s,%02d" % (d, r)]

    def m(self, cents):
        return g.signed(cents, self.MONEY[self.money_style])

    def en(self, cents):
        """An amount as English-speaking software prints it: « €1,234.56 »."""
        return g.signed(cents, lambda d, r: "€" + grouped(d, ",") + ".%02d" % r)

    def day(self, d=None):
        y, m, day = d or self.date
        return ["%04d-%02d-%02d" % (y, m, day), "%d %s %d" % (day, MONTHS[m - 1], y), "%02d.%02d.%d" % (day, m, y),
                "%02d/%02d/%d" % (day, m, y)][self.date_form]


def energy_invoice(f):
    """An energy supplier's invoice: the subscription at 5,5 %, the consumption and network at 20 %, a VAT line per
    rate, « Montant total TTC » and « Montant à payer », the contract and delivery point references."""
    truth = {}
    number = "%d%08d" % (f.year % 100, f.rng.randint(1, 99999999))
    truth["numbers.document"] = number
    subscription = f.rng.randint(8000, 60000)
    consumption = sum(t for l, q, u, t in f.lines)
    f.set_rates([(5.5, subscription), (20, consumption)])
    html = ["<table><tr><td style='width:50%%'><b style='font-size:1.6em;color:#0a7f3f'>%s</b><br><span class='small'>Fournisseur d'énergie</span></td><td class='small'>Titulaire du contrat<br><b>%s</b><br>%s<br>%s<br>%s %s</td></tr></table>" % (
        f.name, f.service, f.ministry, f.b_street, f.b_postcode, f.b_town)]
    word = "Facture" if f.kind == "facture" else "Proposition tarifaire"
    html.append("<h2>%s n° %s du %s</h2><p class='small'>Référence du contrat : CT-%07d – Point de livraison (PDL) : %014d – Période du %s au %s</p>" % (
        word, number, f.day(), f.rng.randint(1, 9999999), f.rng.randint(10 ** 13, 10 ** 14 - 1), f.day(f.later(-2)), f.day(f.later(-1))))
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p class='small'>%s : %s</p>" % (l, v))
    html.append("<p>Objet : %s</p>" % f.object)
    truth["object"] = f.object
    rows = "<tr><td>Abonnement (puissance souscrite 36 kVA)</td><td class='r'>5,5 %%</td><td class='r'>%s</td></tr>" % f.m(subscription)
    rows += "".join("<tr><td>%s</td><td class='r'>20 %%</td><td class='r'>%s</td></tr>" % (l, f.m(t)) for l, q, u, t in f.lines)
    html.append("<table class='b'><tr class='grey'><th>Détail</th><th class='r'>Taux TVA</th><th class='r'>Montant HT</th></tr>%s</table>" % rows)
    totals = [("Montant total HT", f.ht)] + [("TVA à %s %% sur %s" % (g.rate_text(r), f.m(b)), t) for r, b, t in f.rates] + [("Montant total TTC", f.ttc)]
    if f.kind == "facture": totals.append(("Montant à payer", f.ttc))
    html.append("<table style='width:60%%;margin-left:40%%;margin-top:6pt'>%s</table>" % "".join("<tr><td>%s</td><td class='r'>%s</td></tr>" % (l, f.m(v)) for l, v in totals))
    if f.kind == "facture": html.append("<p class='small'>Prélevé le %s sur le compte %s.</p>" % (f.day(f.later(1)), f.iban_text()))
    html.append("<p class='small c' style='margin-top:25pt'>%s %s au capital de 2 500 000 € – %s, %s %s – RCS %s %s – SIRET %s – TVA %s</p>" % (
        f.name, f.form, f.street, f.postcode, f.town, f.town, group(f.siren, 3), f.siret_text(), f.vat))
    f.legal = "%s %s" % (f.name, f.form)
    return html, truth, g.supplier_truth(f, truth, iban=f.kind == "facture")


def bilingual_invoice(f):
    """A foreign software company's French invoice or quote: every label in French and English, amounts written the
    English way (« €1,234.56 »), the French entity's identifiers at the foot."""
    truth = {}
    number = ("INV-%06d" if f.kind == "facture" else "QUO-%06d") % f.rng.randint(1, 999999)
    truth["numbers.document"] = number
    f.set_rates([(20, sum(t for l, q, u, t in f.lines))])
    title = "Facture / Invoice" if f.kind == "facture" else "Devis / Quote"
    html = ["<table><tr><td><b style='font-size:1.6em'>%s</b></td><td class='r'><h1>%s</h1></td></tr></table>" % (f.name, title)]
    meta = [("N° / Number", number), ("Date", f.day()), ("Échéance / Due date" if f.kind == "facture" else "Validité / Valid until", f.day(f.later(1)))]
    html.append("<table><tr><td style='width:50%%'><span class='small'>Facturé à / Bill to</span><br>%s<br>%s<br>%s<br>%s %s</td><td><table class='small'>%s</table></td></tr></table>" % (
        f.ministry, f.service, f.b_street, f.b_postcode, f.b_town, "".join("<tr><td>%s</td><td class='r'>%s</td></tr>" % m for m in meta)))
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p class='small'>%s : %s</p>" % (l, v))
    html.append("<p>Objet / Subject : %s</p>" % f.object)
    truth["object"] = f.object
    rows = "".join("<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.en(u), f.en(t)) for l, q, u, t in f.lines)
    html.append("<table style='border-top:1pt solid #000'><tr class='small'><th>Description</th><th class='r'>Qté / Qty</th><th class='r'>Prix unitaire / Unit price</th><th class='r'>Montant / Amount</th></tr>%s</table>" % rows)
    html.append("<table style='width:50%%;margin-left:50%%;margin-top:6pt'><tr><td>Total HT / Net amount</td><td class='r'>%s</td></tr><tr><td>TVA / VAT 20 %%</td><td class='r'>%s</td></tr><tr><td><b>Total TTC / Total due</b></td><td class='r'><b>%s</b></td></tr></table>" % (
        f.en(f.ht), f.en(f.tva), f.en(f.ttc)))
    if f.kind == "facture": html.append("<p class='small'>Virement / Wire transfer – IBAN %s – BIC %s</p>" % (f.iban_text(), "BNPAFRPPXXX"))
    html.append("<p class='small c' style='margin-top:25pt'>%s %s – %s, %s %s – SIREN %s – RCS %s – N° TVA / VAT ID %s</p>" % (
        f.name, f.form, f.street, f.postcode, f.town, group(f.siren, 3), f.town, f.vat))
    f.legal = "%s %s" % (f.name, f.form)
    return html, truth, g.supplier_truth(f, truth, siret=False, iban=f.kind == "facture")


def vat_summary_invoice(f):
    """An invoice or quote with a summary of VAT by rate (« Base HT │ Taux │ Montant TVA ») under the lines, then the
    totals; an invoice deducts a deposit already paid before « Net à payer »."""
    truth = {}
    number = ("F%d-%05d" if f.kind == "facture" else "D%d-%05d") % (f.year, f.rng.randint(1, 99999))
    truth["numbers.document"] = number
    lines = sum(t for l, q, u, t in f.lines)
    low = f.lines[-1][3] if len(f.lines) >= 2 else 0
    f.set_rates([(20, lines - low), (10, low)] if low else [(20, lines)])
    html = ["<p><b style='font-size:1.5em'>%s</b> <span class='small'>%s</span><br>%s – %s %s<br>SIRET %s – TVA %s</p>" % (
        f.legal, f.form if f.form not in f.legal else "", f.street, f.postcode, f.town, f.siret_text(), f.vat)]
    html.append("<table><tr><td style='width:55%%'><h2>%s %s</h2>Date : %s</td><td><div class='box'><b>%s</b><br>%s<br>%s %s</div></td></tr></table>" % (
        "FACTURE" if f.kind == "facture" else "DEVIS", number, f.day(), f.service, f.b_street, f.b_postcode, f.b_town))
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p>Intitulé : %s</p>" % f.object)
    truth["object"] = f.object
    rows = "".join("<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s %%</td><td class='r'>%s</td></tr>" % (
        l, q, f.m(u), "10" if (low and i == len(f.lines) - 1) else "20", f.m(t)) for i, (l, q, u, t) in enumerate(f.lines))
    html.append("<table class='b'><tr class='grey'><th>Désignation</th><th class='r'>Qté</th><th class='r'>PU HT</th><th class='r'>TVA</th><th class='r'>Total HT</th></tr>%s</table>" % rows)
    html.append("<table class='b' style='width:55%%;margin-top:8pt'><tr class='grey'><th>Base HT</th><th>Taux</th><th>Montant TVA</th></tr>%s</table>" % "".join(
        "<tr><td class='r'>%s</td><td class='r'>%s %%</td><td class='r'>%s</td></tr>" % (f.m(b), g.rate_text(r), f.m(t)) for r, b, t in f.rates))
    totals = [("Total HT", f.ht), ("Total TVA", f.tva), ("Total TTC", f.ttc)]
    if f.kind == "facture":
        deposit = int(round(f.ttc * 0.3)) if f.rng.random() < 0.5 else 0
        if deposit: totals.append(("Acompte versé le %s" % f.day(f.later(-1)), -deposit))
        totals.append(("Net à payer", f.ttc - deposit))
    html.append("<table style='width:45%%;margin-left:55%%;margin-top:6pt'>%s</table>" % "".join("<tr><td>%s</td><td class='r'>%s</td></tr>" % (l, f.m(v)) for l, v in totals))
    if f.kind == "facture": html.append("<p class='small'>Règlement à 30 jours par virement : %s</p>" % f.iban_text())
    return html, truth, g.supplier_truth(f, truth, iban=f.kind == "facture")


def architect_fees(f):
    """An architect's fee proposal (or fee note): the works' estimate, the fee rate, each mission phase with its share
    of the fee, the total fee HT, VAT and TTC."""
    truth = {}
    number = ("PH-%d-%02d" if f.kind == "devis" else "NH-%d-%03d") % (f.year, f.rng.randint(1, 99))
    truth["numbers.document"] = number
    works = f.rng.randint(150, 900) * 100000
    rate = f.rng.choice([8, 9, 10, 11, 12])
    fee = works * rate // 100
    phases = [("Esquisse (ESQ)", 5), ("Avant-projet sommaire (APS)", 10), ("Avant-projet définitif (APD)", 15), ("Projet (PRO)", 25),
              ("Assistance pour la passation des contrats (ACT)", 10), ("Direction de l'exécution (DET)", 30), ("Assistance aux opérations de réception (AOR)", 5)]
    amounts = [fee * p // 100 for l, p in phases]
    amounts[-1] += fee - sum(amounts)
    if f.kind == "facture":
        chosen = phases[:3]; billed = amounts[:3]
    else:
        chosen = phases; billed = amounts
    f.set_rates([(20, sum(billed))])
    html = ["<p style='font-size:1.4em'><b>%s</b></p><p class='small'>Architectes DPLG – Ordre des architectes n° S%05d<br>%s, %s %s</p>" % (
        f.legal, f.rng.randint(1, 99999), f.street, f.postcode, f.town)]
    html.append("<h2 class='c'>%s</h2><p class='c'>N° %s – %s</p>" % ("PROPOSITION D'HONORAIRES" if f.kind == "devis" else "NOTE D'HONORAIRES", number, f.day()))
    html.append("<p>Maître d'ouvrage : %s – %s</p>" % (f.ministry, f.service))
    html.append("<p>Opération : %s</p>" % f.object)
    truth["object"] = f.object
    for l, v in g.refs(f, truth, f.kind == "facture"):
        html.append("<p>%s : %s</p>" % (l, v))
    html.append("<p>Montant prévisionnel des travaux : %s HT – taux de rémunération : %d %% – forfait de rémunération : %s HT</p>" % (f.m(works), rate, f.m(fee)))
    rows = "".join("<tr><td>%s</td><td class='r'>%d %%</td><td class='r'>%s</td></tr>" % (l, p, f.m(a)) for (l, p), a in zip(chosen, billed))
    html.append("<table class='b'><tr class='grey'><th>Élément de mission</th><th class='r'>Part</th><th class='r'>Honoraires HT</th></tr>%s</table>" % rows)
    html.append("<p style='margin-left:50%%'>Total honoraires HT : %s<br>TVA 20 %% : %s<br><b>Total honoraires TTC : %s</b></p>" % (f.m(f.ht), f.m(f.tva), f.m(f.ttc)))
    if f.kind == "facture": html.append("<p>Règlement par virement au compte %s</p>" % f.iban_text())
    html.append("<p class='small c'>SIRET %s – TVA %s</p>" % (f.siret_text(), f.vat))
    return html, truth, g.supplier_truth(f, truth, iban=f.kind == "facture")


def order_grid(f):
    """An order whose references stand in a grid of headings over values (« N° d'engagement │ Date │ Centre
    financier │ Service »), the supplier in a box titled « Titulaire », the lines and their totals."""
    truth = {"numbers.document": f.ej, "numbers.ej": f.ej}
    html = ["<p><b>%s</b><br>%s</p><h1 class='c'>BON DE COMMANDE</h1>" % (f.ministry, f.service)]
    heads = ["N° d'engagement", "Date", "Centre financier", "Service exécutant"]
    values = [f.ej, f.day(), "0%d-%s" % (f.rng.choice([361, 723, 216]), f.rng.choice(["DRAC", "DIR", "SIE"])), "SE%04d" % f.rng.randint(1, 9999)]
    html.append("<table class='b'><tr class='grey'>%s</tr><tr>%s</tr></table>" % ("".join("<th>%s</th>" % h for h in heads), "".join("<td>%s</td>" % v for v in values)))
    html.append("<table style='margin-top:8pt'><tr><td style='width:50%%'><div class='box'><b>Titulaire</b><br>%s<br>%s<br>%s %s<br>SIRET : %s</div></td><td><div class='box'><b>Livraison</b><br>%s<br>%s %s</div></td></tr></table>" % (
        f.legal, f.street, f.postcode, f.town, f.siret_text(), f.b_street, f.b_postcode, f.b_town))
    html.append("<p>Objet de la commande : %s</p>" % f.object)
    truth["object"] = f.object
    for l, v in g.refs(f, truth, False):
        html.append("<p>%s : %s</p>" % (l, v))
    f.set_rates([(f.rates[0][0] if not f.exempt else 20, sum(t for l, q, u, t in f.lines))])
    rows = "".join("<tr><td>%s</td><td class='r'>%s</td><td class='r'>%s</td><td class='r'>%s</td></tr>" % (l, q, f.m(u), f.m(t)) for l, q, u, t in f.lines)
    html.append("<table class='b'><tr class='grey'><th>Désignation</th><th class='r'>Quantité</th><th class='r'>Prix unitaire HT</th><th class='r'>Montant HT</th></tr>%s</table>" % rows)
    html.append("<table style='width:45%%;margin-left:55%%;margin-top:6pt'><tr><td>Montant HT</td><td class='r'>%s</td></tr><tr><td>TVA %s %%</td><td class='r'>%s</td></tr><tr><td><b>Montant TTC</b></td><td class='r'><b>%s</b></td></tr></table>" % (
        f.m(f.ht), g.rate_text(f.rates[0][0]), f.m(f.tva), f.m(f.ttc)))
    html.append("<p class='small'>Factures à déposer sur Chorus Pro en rappelant le numéro d'engagement ci-dessus.</p>")
    return html, truth, g.supplier_truth(f, truth, vat=False)


def ae_joint_group(f):
    """An acte d'engagement signed by a joint group: the mandataire (the supplier) and a co-contractor, each with its
    SIRET; the price shared between them, the total over both; the mandataire's account."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number}
    partner = g.Facts(f.rng, f.kind)
    partner_name = "%s %s" % (f.rng.choice(["Bureau d'études Caron", "Atelier Lemoine", "Géotech Ouest", "Acoustique Plus"]), f.rng.choice(["SARL", "SAS"]))
    html = ["<table><tr><td><b>%s</b><br>%s</td><td class='r'>Marché n° %s</td></tr></table><h1 class='c'>ACTE D'ENGAGEMENT</h1><p class='c'><b>%s</b></p>" % (
        f.ministry, f.service, number, f.object)]
    if f.accord:
        html.append("<p>Accord-cadre de rattachement : %s</p>" % f.accord)
        truth["numbers.accord_cadre"] = f.accord
    html.append("<h3>B – Engagement du groupement titulaire</h3><p>Groupement conjoint, dont le mandataire est solidaire.</p>")
    members = [("Mandataire", f.legal, "%s, %s %s" % (f.street, f.postcode, f.town), f.siret_text(), f.vat),
               ("Cotraitant", partner_name, "%s, %s %s" % (partner.street, partner.postcode, partner.town), partner.siret, partner.vat)]
    html.append("<table class='b'><tr class='grey'><th>Membre</th><th>Raison sociale</th><th>Adresse</th><th>SIRET</th><th>N° TVA</th></tr>%s</table>" % "".join(
        "<tr>%s</tr>" % "".join("<td>%s</td>" % c for c in m) for m in members))
    rate = f.rates[0][0] or 20
    share = f.ht * f.rng.choice([60, 70, 80]) // 100
    f.set_rates([(rate, f.ht)])
    html.append("<h3>C – Prix</h3><table class='b'><tr class='grey'><th>Membre</th><th class='r'>Montant HT</th></tr><tr><td>%s (mandataire)</td><td class='r'>%s</td></tr><tr><td>%s</td><td class='r'>%s</td></tr><tr><td><b>Total du marché HT</b></td><td class='r'><b>%s</b></td></tr><tr><td>TVA %s %%</td><td class='r'>%s</td></tr><tr><td><b>Total du marché TTC</b></td><td class='r'><b>%s</b></td></tr></table>" % (
        f.legal, f.m(share), partner_name, f.m(f.ht - share), f.m(f.ht), g.rate_text(rate), f.m(f.tva), f.m(f.ttc)))
    html.append("<h3>D – Compte à créditer</h3><p>Compte ouvert au nom du mandataire %s : IBAN %s</p>" % (f.legal, f.iban_text()))
    html.append("<p>Fait à %s, le %s – Signature du mandataire</p>" % (f.town, f.day()))
    g.acte_truth(f, truth)
    return html, truth, g.supplier_truth(f, truth, iban=True)


def navette_single_row(f):
    """A fiche navette as one row under its headings, the page set landscape-like in small type."""
    truth = {"numbers.ej": f.ej, "supplier.name": f.legal, "supplier.siret": f.siret, "object": f.object}
    support = f.marche or f.accord or "Hors marché"
    if f.marche: truth["numbers.marche"] = f.marche
    elif f.accord: truth["numbers.accord_cadre"] = f.accord
    heads = ["Date", "Objet", "Fournisseur", "SIRET", "Montant HT", "Montant TTC", "Marché / accord-cadre", "N° EJ"]
    values = [f.day(), f.object, f.legal, f.siret_text(), f.m(f.ht), f.m(f.ttc), support, f.ej]
    html = ["<p><b>%s</b><br>%s</p><h2 class='c'>FICHE NAVETTE – DEMANDE D'ENGAGEMENT</h2>" % (f.ministry, f.service)]
    html.append("<table class='b small'><tr class='grey'>%s</tr><tr>%s</tr></table>" % ("".join("<th>%s</th>" % h for h in heads), "".join("<td>%s</td>" % v for v in values)))
    html.append("<p style='margin-top:15pt'>Visa du gestionnaire : ________ &nbsp; Visa du responsable : ________</p>")
    g.navette_truth(f, truth)
    return html, truth, ["siret"] if f.bad == "siret" else []


def cctp_title_block(f):
    """A CCTP whose cover ends on an architect's title block: « Maître d'ouvrage │ Opération │ Marché n° │ Phase »."""
    number = f.marche or "%d-%03d" % (f.year, f.rng.randint(1, 500))
    truth = {"numbers.marche": number, "object": f.object, "buyer.administration": f.service}
    html = ["<div style='height:250mm;page-break-after:always'><h1 class='c' style='margin-top:60mm'>CAHIER DES CLAUSES TECHNIQUES PARTICULIÈRES</h1><p class='c'>Lot unique</p>"]
    html.append("<table class='b' style='margin-top:70mm'><tr><td class='grey'>Maître d'ouvrage</td><td>%s – %s</td></tr><tr><td class='grey'>Opération</td><td>%s</td></tr><tr><td class='grey'>Marché n°</td><td>%s</td></tr><tr><td class='grey'>Phase</td><td>DCE – indice B – %s</td></tr></table></div>" % (
        f.ministry, f.service, f.object, number, f.day()))
    for t in ["1. Généralités", "2. Description des ouvrages", "3. Spécifications techniques", "4. Essais et réception"]:
        html.append("<h2>%s</h2>%s" % (t, "<p>L'entrepreneur réalise les ouvrages conformément aux pièces du marché et aux normes en vigueur ; il soumet ses choix au maître d'œuvre avant exécution.</p>" * f.rng.randint(2, 3)))
    return html, truth, []


TEMPLATES = {"facture": [energy_invoice, bilingual_invoice, vat_summary_invoice, architect_fees],
             "devis": [energy_invoice, bilingual_invoice, vat_summary_invoice, architect_fees],
             "bon_de_commande": [order_grid], "acte_engagement": [ae_joint_group],
             "fiche_navette": [navette_single_row], "cctp": [cctp_title_block]}
FACTS = FactsE
