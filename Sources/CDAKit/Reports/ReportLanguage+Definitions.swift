extension ReportLanguage {
    /// The Dutch text of every definition a report prints, by the definition's key (the keys of
    /// `ThemeReport.definitionTexts` and of the conversation dynamics' definitions).
    static let dutchDefinitions: [String: String] = [
        "fragment":
            "Een afzonderlijk gecodeerd stuk tekst: document, eerste en laatste uiting, begin- en eindpositie (Unicode-codepunten); of een afzonderlijk tijdvak van de opname van een document (begin en einde in milliseconden), zonder woorden gecodeerd. Een fragment hoort bij een thema als ten minste één van zijn codes, na consolidatie, aan het thema is gekoppeld. Een tijdvakcodering en een tekstcodering van hetzelfde moment zijn twee fragmenten.",
        "round":
            "De cijfers gebruiken de coderingen van één ronde: ronde 2 zodra die begonnen is, anders ronde 1 (tenzij anders gekozen). Coderingen met samengevoegde codes tellen voor de code waarin ze zijn opgegaan; coderingen met afgevoerde codes tellen voor geen enkel thema.",
        "words":
            "Afzonderlijke woorden (de tokenizer van het project: reeksen letters en cijfers, met koppeltekens en apostroffen binnen een woord) die de vereniging van de fragmenten beslaat; een woord telt als een van zijn tekens binnen een fragment ligt.",
        "share_of_words": "woorden gedeeld door alle woorden van de meegetelde sprekers van de groep.",
        "seconds":
            "Seconden opname die de vereniging van de tijdvakfragmenten van het thema per document beslaat, opgeteld over de documenten: overlappende tijdvakken (van één code of van meer) tellen één keer. Een tijdvak telt voor de groepen van de meegetelde sprekers wier uitingen het in de tijd overlappen (tijden van de uitingen plus de verschuiving van de opname), of, als geen enkele dat doet, voor de groep van zijn document.",
        "coded_seconds": "Seconden opname die de vereniging van alle tijdvakfragmenten van de ronde beslaat, geteld zoals bij seconden.",
        "participants":
            "Afzonderlijke deelnemers die ten minste één van de fragmenten uitspraken (voor een groep: die ten minste één keer spraken).",
        "share_of_participants": "deelnemers aan het thema gedeeld door de deelnemers van de groep.",
        "documents": "Afzonderlijke documenten met ten minste één van de fragmenten.",
        "codes": "Elke geconsolideerde code van het thema met het aantal afzonderlijke fragmenten waarop hij staat.",
        "co_themes": "Andere thema's die op dezelfde fragmenten zijn gecodeerd, met het aantal gedeelde fragmenten.",
        "comparison":
            "Voor twee groepen: Dunnings log-likelihood G² op de 2×2-tabel van de woorden van het thema tegen de overige woorden van de groep, en Hardies Log Ratio (log2 van de verhouding van de twee aandelen, een telling van nul als 0,5 genomen). Voor meer groepen: G² over alle groepen. raised_more_by is de groep met het grootste aandeel woorden.",
        "moderators": "Gespreksleiders en waarnemers tellen nergens mee, tenzij --include-moderators is opgegeven.",
        "silences":
            "Thema's uit het codeboek die geen groep ter sprake bracht; thema's die de ene groep ter sprake bracht en de andere niet; gevoelige termen van een thema die een groep nergens gebruikte; het aantal deelnemers van een groep dat nooit sprak over een thema dat de groep besprak (nooit hun namen).",
        "privacy":
            "Sprekers staan er onder pseudoniem. Er staat geen tekst van deelnemers in, tenzij --quotes is opgegeven, en dan hoogstens het woordenmaximum per citaat.",
        "matrix":
            "Rijen zijn codes of thema's, kolommen groepen, documenten of sprekers. Een cel bevat de afzonderlijke fragmenten van de rij met ten minste één gedekt codepunt in de meegetelde spreektekst van de kolom (een fragment dat twee sprekers beslaat telt voor beiden), en de afzonderlijke woorden van die spreektekst die de vereniging van de fragmenten van de rij beslaat. Gespreksleiders en waarnemers tellen niet mee, tenzij meegeteld; sprekers staan er als P01, P02, … (in volgorde van hun id), tenzij om hun labels is gevraagd. totaal telt elk fragment en woord één keer.",
        "cooccurrence":
            "Alleen meegetelde spreektekst (gespreksleiders en waarnemers niet, tenzij meegeteld) van de coderingen met actieve codes in de ronde. Eenheid uiting: een item staat op een uiting als een van zijn coderingen ten minste één codepunt ervan beslaat. Eenheid fragment: per paar worden de gecodeerde stukken van beide items samengevoegd tot eenheden waar twee stukken ten minste één codepunt van een uiting delen (ook via een tussenstuk, dus A dat B overlapt dat A' overlapt is één eenheid); een stuk met beide items is een eenheid met beide. samen = eenheden met beide items, een van beide = eenheden met ten minste één, Jaccard = samen / een van beide.",
        "dynamics_turns":
            "Een beurt is één uiting; de beurten en woorden van een spreker worden geteld in de sessies (documenten) van de groep waaronder die spreker staat.",
        "dynamics_seconds":
            "Spreektijd in seconden: elke beurt duurt tot zijn eindtijd, anders tot het begin van de volgende uiting; een laatste beurt zonder eindtijd telt geen seconden, en een spreker zonder tijden heeft er geen.",
        "dynamics_floor_share":
            "Aandeel in het gesprek: de woorden van een spreker gedeeld door alle woorden in de sessies van de groep, gespreksleiders en waarnemers meegeteld.",
        "dynamics_mean_turn":
            "Gemiddelde beurt: de woorden van een spreker gedeeld door diens beurten; langste beurt: de meeste woorden in één beurt.",
        "dynamics_participants":
            "Deelnemers zijn alle deelnemers die de documenten van de groep noemen, ook stille deelnemers die daar nooit een beurt nemen.",
        "dynamics_gini":
            "Gini: Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² μ) over de woorden xᵢ van alle n genoemde deelnemers van de groep (populatieformule); 0 is volkomen gelijk verdeeld, bijna 1 betekent dat één persoon spreekt.",
        "dynamics_moderator_share":
            "Aandeel gespreksleiders: de woorden van gespreksleiders gedeeld door alle woorden in de sessies van de groep.",
        "dynamics_transitions":
            "Overgangen: paren opeenvolgende uitingen van verschillende sprekers, zonder waarnemers en uitingen zonder spreker; veel overgangen van deelnemer naar deelnemer wijzen op een dialoog, weinig op een geleid interview.",
        "dynamics_initiations":
            "Aanzet: het eerste gecodeerde fragment van een thema in een document in de ronde van het rapport; uitgelokt als de laatste beurt van de gespreksleider ervoor een van de gevoelige termen van het thema bevat (gezocht zoals overal in cda).",
    ]

    /// The definition `key` in this language; `english` when there is no translation.
    func definition(_ key: String, english: String) -> String {
        self == .dutch ? Self.dutchDefinitions[key] ?? english : english
    }
}
