/// Words and phrases that look like place names but are not mentions of a place.
///
/// Only language-level lists live here: common words (English "is", "base"; French "les"), compass
/// adjectives, titles that announce a person's name, words for provinces, roads and sites. What
/// belongs to one theatre's news (the adjectives of its peoples, the organisations, outlets and
/// people whose names hold a place) is data: `Gazetteer/not_places.tsv` of each theatre (`NotPlaces`).
enum Stoplists {
    /// Folded single words never taken as a place on their own (in any Latin-script language).
    static let commonWords: Set<String> = folded([
        // English
        "a", "an", "the", "is", "are", "was", "be", "been", "as", "at", "in", "on", "of", "to", "by", "for", "or", "and",
        "it", "its", "he", "she", "we", "they", "his", "her", "this", "that", "these", "those", "there", "here", "but",
        "base", "bases", "post", "posts", "camp", "camps", "hill", "town", "city", "village", "road", "highway", "border",
        "army", "forces", "force", "state", "states", "north", "south", "east", "west", "central", "new", "old", "said",
        "says", "will", "may", "can", "could", "would", "should", "must", "also", "after", "before", "since", "until",
        "more", "most", "some", "many", "all", "any", "each", "other", "than", "then", "when", "where", "which", "who",
        "friday", "saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "january", "february", "march",
        "april", "june", "july", "august", "september", "october", "november", "december", "reuters", "afp", "ap",
        "photo", "file", "news", "minister", "ministry", "president", "government", "regime", "rebels", "rebel",
        "opposition", "militants", "troops", "soldiers", "military", "security", "source", "sources", "report",
        "human", "rights", "observatory", "defence", "defense", "ministry", "red", "crescent", "white", "helmets",
        "mar", "mart", "bab", "deir", "tal", "tell", "kafr", "jabal", "jebel", "wadi", "khan", "ain", "ayn", "abu",
        "umm", "bir", "ras", "qasr", "tell", "sheikh", "shaykh", "sayyid", "jisr", "qalaat", "maarat", "dayr",
        // French
        "le", "la", "les", "des", "du", "de", "et", "un", "une", "est", "sont", "dans", "sur", "pour", "par", "avec",
        "selon", "qui", "que", "au", "aux", "ce", "cette", "ont", "mais", "ou", "nord", "sud", "est", "ouest", "ville",
        // Turkish
        "ve", "bir", "bu", "ile", "icin", "olarak", "da", "de", "gore", "olan", "ise", "gibi", "kuzey", "guney", "dogu",
        "bati", "il", "ili", "sehir", "koy", "ordu", "ordusu", "asker", "askeri", "us", "uss", "nokta", "noktasi",
        "bakan", "bakani", "bakanligi", "cumhurbaskani", "son", "yeni", "gun", "ay", "yil", "mart", "subat", "ocak",
    ])

    /// Folded Arabic words never taken as a place on their own.
    static let arabicWords: Set<String> = folded([
        "جيش", "قوات", "نظام", "مدينه", "بلده", "قريه", "ريف", "محافظه", "طريق", "شمال", "جنوب", "شرق", "غرب",
        "نقطه", "نقاط", "قاعده", "معبر",
    ])

    /// Compass adjectives: they share stems with place names ("Northern") but are never one alone.
    static let adjectives: Set<String> = folded([
        "western", "eastern", "northern", "southern", "northwestern", "northeastern", "southwestern", "southeastern",
    ])

    /// International bodies and wire services that are not places when written in capitals (a
    /// theatre adds its own forces and outlets in not_places.tsv).
    static let acronyms: Set<String> = ["un", "eu", "nato", "ocha", "afp", "ap", "bbc", "cnn"]

    /// Words just before a person's name.
    static let titles: Set<String> = folded([
        "president", "minister", "mr", "mrs", "ms", "dr", "gen", "general", "colonel", "col", "commander", "spokesman",
        "spokeswoman", "envoy", "ambassador", "leader", "chief", "king", "prince", "emir", "secretary", "senator", "pope",
        "president", "ministre", "general", "porte-parole", "cumhurbaskani", "bakani", "sozcusu", "baskani",
        "الرئيس", "وزير", "العميد", "اللواء", "العقيد", "الناطق", "المتحدث", "الشيخ",
    ])

    /// Words after a name that make it the province ("Idlib province", "Aleppo countryside",
    /// "İdlib ilinde", "İdlib kırsalı"), or before it ("province of Idlib", "محافظة إدلب", "ريف حلب").
    static let provinceAfter: Set<String> = folded(["province", "provinces", "governorate", "countryside", "region", "ili", "ilinde",
                                             "ilindeki", "ilinin", "iline", "ilini", "vilayeti", "kirsali", "kirsalinda",
                                             "kirsalindaki", "kirsalini", "kirsalina", "bolgesi", "bolgesinde", "bolgesindeki"])
    static let provinceBefore: Set<String> = folded(["province", "governorate", "countryside", "region", "gouvernorat",
                                              "campagne", "محافظه", "ريف"])
    /// Words after a place name that make the phrase an event, not a mention (Astana agreement).
    static let eventWords: Set<String> = folded(["agreement", "agreements", "accord", "accords", "deal", "process", "format",
                                                 "memorandum", "protocol", "summit", "talks", "ceasefire", "anlasmasi",
                                                 "mutabakati", "sureci", "zirvesi", "accord", "sommet", "processus"])
    /// Arabic words before a place name: village, town, city, area, neighbourhood (also dual/plural).
    static let arabicPlaceWords: Set<String> = folded(["قرية", "قريتي", "قرى", "بلدة", "بلدتي", "بلدات", "مدينة", "مدينتي", "مدن",
                                                       "منطقة", "مناطق", "حي", "تلة", "جبل", "محيط", "أطراف", "مطار", "معبر"])
    /// Words for a road, near "A–B" (in any of the four languages).
    static let roadWords: Set<String> = folded(["highway", "road", "motorway", "expressway", "route", "karayolu", "karayolunu",
                                                "karayolunda", "karayolunun", "otoyolu", "yolu", "autoroute", "axe", "طريق",
                                                "اوتوستراد", "اوتوستراد", "دولي", "الدولي"])
    static let siteWords: Set<String> = folded(["post", "posts", "outpost", "observation", "point", "base", "airbase", "airport",
                                                 "poste", "noktasi", "noktasina", "noktasinda", "us", "ussu", "نقطه", "قاعده", "مطار"])
    static let cityWords: Set<String> = folded(["city", "ville", "sehri", "sehrinde", "kenti", "kentinde", "مدينه", "town"])

    /// The keys of words as the matcher sees them (folded; Arabic without its article).
    static func folded(_ words: [String]) -> Set<String> { Set(words.map(Fold.nameKey)) }
}
