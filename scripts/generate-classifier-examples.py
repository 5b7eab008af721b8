#!/usr/bin/env python3
"""Writes the labelled examples the document-type classifier is trained on (Sources/Documents/Resources/classifier/).

Each example is the text of a document's first page as a reader sees it: often a title, the vocabulary of its type,
and the filler every purchase document carries (objects and buyers of real contracts from the DECP, suppliers,
amounts, dates, addresses), sometimes without its title and with phrases of other types mixed in, so that the
model learns vocabulary rather than titles alone. Seeded: the file is reproducible.

Usage: scripts/generate-classifier-examples.py ../shared/data/decp/decp_aife_json_2019-04-04.zip
"""
import json, random, sys, zipfile, unicodedata

VOCABULARY = {
    "devis": (["DEVIS", "Devis n° {n}", "Proposition commerciale", "Offre de prix", "Proposition financière"],
              ["Validité de l'offre : {d} jours", "Bon pour accord", "Date et signature du client précédées de la mention « bon pour accord »",
               "Conditions de règlement : 30 % à la commande, solde à la livraison", "Nous avons le plaisir de vous adresser notre proposition",
               "Offre valable jusqu'au {date}", "Remise commerciale", "Détail estimatif", "Prix unitaire HT", "Devis gratuit",
               "Ce devis ne vaut pas facture", "Délai de réalisation après acceptation du devis"]),
    "bon_de_commande": (["BON DE COMMANDE", "Bon de commande n° {ej}", "Lettre de commande", "Commande n° {ej}", "BON DE COMMANDE CHORUS"],
                        ["Engagement juridique n° {ej}", "Adresse de livraison", "Adresse de facturation", "Le titulaire est prié d'exécuter la commande ci-dessous",
                         "Service exécutant : {se}", "Imputation budgétaire", "Référence à rappeler sur la facture", "Factures à déposer sur Chorus Pro",
                         "Délai de livraison", "Émetteur de la commande", "Signature de l'ordonnateur", "Bon de commande émis au titre du marché n° {m}"]),
    "acte_engagement": (["ACTE D'ENGAGEMENT", "Acte d'engagement (AE)", "MARCHÉ PUBLIC - ACTE D'ENGAGEMENT"],
                        ["Identification du pouvoir adjudicateur", "Le titulaire s'engage à exécuter les prestations", "Objet du marché",
                         "Signature du candidat", "Engagement du candidat", "Prix global et forfaitaire", "Durée d'exécution du marché",
                         "Compte à créditer", "Nantissement ou cession de créances", "Cadre réservé à l'acheteur", "Désignation du mandataire",
                         "Offre de base", "Après avoir pris connaissance du CCAP et du CCTP"]),
    "facture": (["FACTURE", "Facture n° {n}", "FACTURE N° {n}", "Facture d'acompte n° {n}"],
                ["Date de facture : {date}", "Date d'échéance : {date}", "Net à payer", "Total TTC", "Conditions de paiement : 30 jours",
                 "Pénalités de retard : trois fois le taux d'intérêt légal", "Indemnité forfaitaire pour frais de recouvrement : 40 €",
                 "Escompte pour paiement anticipé : néant", "N° d'engagement juridique : {ej}", "Règlement par virement", "TVA acquittée sur les débits",
                 "Facture à régler avant le {date}"]),
    "avoir": (["AVOIR", "Facture d'avoir n° {n}", "Avoir n° {n}", "NOTE DE CRÉDIT"],
              ["Annule et remplace la facture n° {n}", "En remboursement de la facture n° {n}", "Montant à déduire", "Avoir sur facture",
               "Motif de l'avoir : erreur de facturation", "Remboursement", "Montant de l'avoir TTC", "Avoir à imputer sur votre prochaine facture"]),
    "fiche_navette": (["FICHE NAVETTE", "Fiche de liaison", "Demande d'achat", "FICHE NAVETTE ENGAGEMENT"],
                      ["Service demandeur", "Visa du responsable de programme", "Centre financier : {cf}", "Centre de coûts", "Domaine fonctionnel",
                       "Activité", "Constatation du service fait", "Transmis au service facturier", "Pièces jointes : devis", "Nature de la dépense",
                       "Montant à engager", "Date de la demande", "Gestionnaire", "Visa du contrôleur budgétaire"]),
    "cctp": (["CAHIER DES CLAUSES TECHNIQUES PARTICULIÈRES", "CCTP", "C.C.T.P."],
             ["Spécifications techniques", "Exigences fonctionnelles", "Livrables attendus", "Périmètre de la prestation", "Niveaux de service attendus",
              "Description des besoins", "Article 1 - Objet", "Contexte et enjeux du projet", "Réversibilité", "Exigences de sécurité",
              "Le prestataire devra", "Architecture technique", "Recette et vérification d'aptitude"]),
    "ccap": (["CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES", "CCAP", "C.C.A.P."],
             ["Pénalités de retard", "Résiliation du marché", "Forme du marché", "Modalités de règlement des comptes", "Avance", "Retenue de garantie",
              "Pièces contractuelles", "Dérogations au CCAG-TIC", "Variation des prix", "Révision des prix", "Délais d'exécution",
              "Assurances", "Règlement des différends"]),
    "rib": (["RELEVÉ D'IDENTITÉ BANCAIRE", "RIB", "Relevé d'identité bancaire (RIB)"],
            ["IBAN : {iban}", "BIC : {bic}", "Titulaire du compte", "Domiciliation", "Code banque", "Code guichet", "Numéro de compte", "Clé RIB",
             "Identifiant international de compte bancaire", "Banque", "Agence"]),
    "kbis": (["EXTRAIT KBIS", "Extrait Kbis", "Extrait d'immatriculation principale au registre du commerce et des sociétés"],
             ["Greffe du tribunal de commerce de {ville}", "Immatriculation au RCS, numéro {siren} R.C.S. {ville}", "Dénomination", "Forme juridique",
              "Capital social", "Date d'immatriculation", "Gestion, direction, administration, contrôle", "Activités principales", "Le greffier",
              "Date de commencement d'activité", "Renseignements relatifs à la personne morale"]),
    "avenant": (["AVENANT N° {k}", "Avenant n° {k} au marché", "AVENANT"],
                ["Avenant au marché n° {m}", "Modification du marché", "Objet de l'avenant", "Incidence financière de l'avenant",
                 "Les autres clauses du marché demeurent inchangées", "Montant initial du marché", "Nouveau montant du marché",
                 "Modification de contrat en cours d'exécution", "Prolongation de la durée du marché", "Le présent avenant a pour objet"]),
    "sous_traitance": (["DC4", "DÉCLARATION DE SOUS-TRAITANCE", "Acte spécial de sous-traitance"],
                       ["Sous-traitant", "Nature des prestations sous-traitées", "Paiement direct du sous-traitant",
                        "Montant maximum des sommes à verser au sous-traitant", "Identification du sous-traitant", "Conditions de paiement",
                        "Agrément du sous-traitant et des conditions de paiement", "Le titulaire déclare", "Capacités du sous-traitant"]),
    "avis_marche": (["AVIS DE MARCHÉ", "Avis d'appel public à la concurrence", "AVIS D'ATTRIBUTION", "BOAMP"],
                    ["Date limite de réception des offres : {date}", "Procédure adaptée", "Procédure ouverte", "Critères d'attribution",
                     "Section I : Pouvoir adjudicateur", "Type de procédure", "Classification CPV : {cpv}", "Instance chargée des procédures de recours",
                     "Conditions de participation", "Adresse à laquelle les offres doivent être envoyées", "Date d'envoi du présent avis",
                     "Renseignements complémentaires", "Avis publié au JOUE"]),
    "autre": (["Compte rendu de réunion", "Ordre du jour", "Note à l'attention de", "Rapport d'activité", "Procès-verbal", "Relevé de décisions",
               "Attestation sur l'honneur", "Curriculum vitae", "Planning prévisionnel"],
              ["Madame, Monsieur", "Participants", "Points abordés", "Prochaine réunion le {date}", "Je soussigné", "Expérience professionnelle",
               "Diplômes", "Décisions prises", "Pour information", "Veuillez agréer", "Étapes du projet", "Fait pour servir et valoir ce que de droit"]),
}

FILLER = ["{supplier} - {street} - {cp} {ville}", "SIRET : {siret}", "Montant : {amount} € HT", "Total : {amount} €", "Objet : {objet}",
          "{acheteur}", "Paris, le {date}", "{objet}", "Référence : {n}", "Tél. 01 {tel}", "Page 1 / {k}", "{amount} €"]
STREETS = ["12 rue de la République", "4 avenue Jean Jaurès", "27 boulevard Voltaire", "8 place Bellecour", "3 allée des Tilleuls"]
CITIES = [("75011", "Paris"), ("69002", "Lyon"), ("33000", "Bordeaux"), ("31000", "Toulouse"), ("59000", "Lille")]


def repair(text):
    return unicodedata.normalize("NFC", text.replace("\ufffd", "e"))


def main(decp_zip, output):
    rng = random.Random(2026)
    archive = zipfile.ZipFile(decp_zip)
    contracts = json.load(archive.open(archive.namelist()[0]))["marches"]
    objects = [repair(c["objet"]) for c in contracts if c.get("objet")]
    buyers = [repair(c["acheteur"]["nom"]) for c in contracts if c.get("acheteur", {}).get("nom")]
    suppliers = [repair(t["denominationSociale"]) for c in contracts for t in c.get("titulaires", []) if t.get("denominationSociale")]

    def fill(template):
        cp, ville = rng.choice(CITIES)
        return template.format(
            n=f"{rng.choice(['F', 'D', 'AV', ''])}{rng.randint(2019, 2026)}-{rng.randint(1, 9999):04d}", d=rng.choice([30, 60, 90]),
            date=f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2019, 2026)}", ej=str(rng.randint(1300000000, 2199999999)),
            se="SE" + str(rng.randint(100, 999)), m=f"{rng.randint(2019, 2026)}-{rng.randint(1, 999):03d}", cf=f"0{rng.randint(100, 399)}-DNUM-C001",
            iban="FR76 3000 4000 0312 3456 7890 143", bic="BNPAFRPPXXX", ville=ville, siren=f"{rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
            k=rng.randint(1, 5), cpv=f"{rng.randint(30000000, 98000000)}-{rng.randint(0, 9)}", supplier=rng.choice(suppliers),
            street=rng.choice(STREETS), cp=cp, siret=f"{rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(10000, 99999)}",
            amount=f"{rng.randint(1, 999)} {rng.randint(0, 999):03d},{rng.randint(0, 99):02d}", objet=rng.choice(objects),
            acheteur=rng.choice(buyers), tel=f"{rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}")

    types = list(VOCABULARY)
    with open(output, "w", encoding="utf-8") as out:
        for kind in types:
            titles, phrases = VOCABULARY[kind]
            for _ in range(60):
                lines = []
                if rng.random() < 0.75:
                    lines.append(fill(rng.choice(titles)))
                lines += [fill(p) for p in rng.sample(phrases, k=min(len(phrases), rng.randint(2, 5)))]
                lines += [fill(rng.choice(FILLER)) for _ in range(rng.randint(2, 5))]
                if rng.random() < 0.3:
                    other = rng.choice([t for t in types if t != kind])
                    lines.append(fill(rng.choice(VOCABULARY[other][1])))
                head, rest = lines[:1], lines[1:]
                rng.shuffle(rest)
                out.write(kind + "\t" + " | ".join(head + rest).replace("\t", " ").replace("\r", " ").replace("\n", " ") + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "Sources/Documents/Resources/classifier/examples.tsv")
