/// Words and phrases that look like place names but are not mentions of a place.
///
/// Common words (English "is", "base"; French "Alep" is a place but "les" is not), nationality
/// adjectives, the organisations whose names contain a place (Hayat Tahrir al-Sham, Syria TV),
/// and the titles that announce a person's name.
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
        "sham", "levant", "nusra", "tahrir", "hayat", "ahrar", "jaysh", "jaish", "faylaq", "liwa", "jabhat",
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
        "شام", "جيش", "قوات", "نظام", "مدينه", "بلده", "قريه", "ريف", "محافظه", "طريق", "شمال", "جنوب", "شرق", "غرب",
        "نقطه", "نقاط", "قاعده", "معبر",
    ])

    /// Nationality and other adjectives that share a skeleton or a stem with a place name.
    static let adjectives: Set<String> = folded([
        "syrian", "syrians", "turkish", "turks", "turk", "russian", "russians", "iranian", "iranians", "kurdish", "kurds",
        "arab", "arabs", "arabic", "american", "israeli", "lebanese", "iraqi", "jordanian", "european", "western", "eastern",
        "northern", "southern", "northwestern", "northeastern", "southwestern", "southeastern", "syrien", "syrienne",
        "syriens", "turc", "turque", "turcs", "russe", "russes", "iranien", "suriyeli", "turkiyeli", "rus", "iranli",
        "alepin", "idlibi", "halabi", "damascene",
    ])

    /// Multi-word names that contain a place name and are not a mention of it.
    static let blockers: [String] = [
        "Hayat Tahrir al-Sham", "Hay'at Tahrir al-Sham", "Hayat Tahrir al-Cham", "Tahrir al-Sham", "Tahrir al-Cham",
        "Heyet Tahrir el-Şam", "Heyet Tahrir Şam", "Heyet Tahrir eş-Şam", "Heyet Tahrir üş-Şam", "Tahrir el-Şam",
        "Tahrir eş-Şam", "Tahrir üş-Şam", "Ahrar el-Şam", "Ahrar üş-Şam", "Ahrar eş-Şam", "Feylak el-Şam", "Faylaq al-Cham", "Ahrar al-Sham", "Ahrar al-Cham", "Faylaq al-Sham",
        "Jabhat Fatah al-Sham", "Jabhat Fateh al-Sham", "Syria TV", "Syria Television", "Syrian Observatory",
        "Syrian Observatory for Human Rights", "Observatoire syrien", "Free Syrian Army", "Syrian National Army",
        "Syrian Arab Army", "Syrian Arab Republic", "National Liberation Front", "Syrian Democratic Forces",
        "Suriye Milli Ordusu", "Suriye Ulusal Ordusu", "Özgür Suriye Ordusu", "Suriye İnsan Hakları Gözlemevi",
        "Armée syrienne libre", "Al Jazeera", "Al-Masdar", "Al Masdar News", "Enab Baladi", "Orient News", "Halab Today",
        "Idlib Post", "Step News", "Aleppo Media Center", "Damascus Now", "Levant 24", "Sham Network", "Shaam Network",
        "Bashar al-Assad", "Bashar Al Assad", "Bashar Assad", "Hafez al-Assad", "Recep Tayyip Erdogan", "Recep Tayyip Erdoğan",
        "Hulusi Akar", "Mevlut Cavusoglu", "Mevlüt Çavuşoğlu", "Vladimir Putin", "Sergei Lavrov", "Hassan Rouhani",
        "Rami Abdel Rahman", "Abu Mohammad al-Jolani", "Abu Mohammed al-Golani", "al-Jolani", "al-Golani",
        "Istanbul Convention", "State Duma", "Russian Duma", "İran Devrim Muhafızları", "Iranian Revolutionary Guard", "Iran's Revolutionary Guards",
        "Gardiens de la révolution", "Astana process", "Sochi agreement", "Sochi deal", "Astana talks",
        "هيئة تحرير الشام", "تحرير الشام", "أحرار الشام", "فيلق الشام", "جبهة فتح الشام", "تلفزيون سوريا", "المرصد السوري",
        "المرصد السوري لحقوق الإنسان", "الجبهة الوطنية للتحرير", "الجيش الوطني السوري", "الجيش السوري الحر",
        "الجيش العربي السوري", "قوات سوريا الديمقراطية", "وكالة الأنباء السورية", "شبكة شام", "بشار الأسد",
    ]

    /// Acronyms that are forces, weapons or bodies, not places, when written in capitals
    /// (SAM is not Turkish Şam, SDF is a force).
    static let acronyms: Set<String> = ["sam", "sdf", "hts", "ypg", "pkk", "fsa", "sna", "nlf", "saa", "isis", "isil",
                                        "un", "eu", "nato", "ocha", "sohr", "tsk", "mit", "afp", "ap", "bbc", "cnn", "ntv", "trt"]

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
