/// Function words left out of suggestions and keyness lists, Dutch and English.
public enum StopWords {
    /// Lowercased stop words.
    public static let all: Set<String> = dutch.union(english)

    /// Common Dutch function words.
    public static let dutch: Set<String> = Set(
        """
        aan al alle alles als altijd andere ben bij daar daarom dan dat de der deze die dit doch doen door dus een eens en er ga gaan
        gaat geen geweest goed had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je jij jou jouw juist kan kun
        kunnen maar me meer men met mij mijn moet moeten na naar natuurlijk nee niet niets nog nou nu of ok oké om omdat ons onze ook
        op over reeds toch toen tot u uit uw van veel voor want waren was wat we wel welk welke wie wij wil willen worden wordt zal
        ze zei zelf zich zij zijn zo zoals zou zouden zullen echt even eigenlijk gewoon heel best beetje ergens denk denken vind
        vinden weet weten zeg zeggen zie zien hè hé eh uh ehm hm oh nou ja, zo'n z'n m'n 't d'r dingen ding soort manier
        """.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," }).map(String.init))

    /// Common English function words.
    public static let english: Set<String> = Set(
        """
        a about after all also an and any are as at be because been but by can could did do does for from had has have he her him
        his how i if in into is it its just like me more my no not now of on one only or other our out she so some than that the
        their them then there these they this to too up us very was we were what when which who will with would yes you your
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Whether a lowercased word is a stop word.
    public static func contains(_ word: String) -> Bool { all.contains(word) }
}
