//! Word lists for the sentence splitter: abbreviations, sentence starters, speech verbs.
//!
//! Abbreviations are stored lower-case without their final dot (`"u.s"`, `"mr"`); the splitter
//! lower-cases the word in front of a dot before looking it up. Starter words are stored in
//! their sentence-initial spelling (`"The"`) and matched exactly.

use std::sync::OnceLock;

use ahash::{AHashMap, AHashSet};

use crate::text::Language;

/// How an abbreviation behaves in front of the next word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// Titles and Latin connectives (`Mr.`, `Dr.`, `e.g.`, `vs.`): never end a sentence.
    Prefix,
    /// `No.`, `Art.`, `p.`: an abbreviation only in front of a number; otherwise a plain word.
    NumPrefix,
    /// Adjective-like abbreviations (`U.S.`, `Jan.`, `St.`, initials): end a sentence only in
    /// front of a sentence-starter word (`The`, `He`, `But`, ...) or an opening quote.
    Starter,
    /// Noun-phrase enders (`Inc.`, `Ltd.`, `Jr.`, `a.m.`, `etc.`): end a sentence in front of a
    /// capitalised word unless that word looks like a name continuation (see the module docs).
    Suffix,
    /// Russian `г.`/`гг.` ("year" after a number, "city" before a name).
    RussianYear,
    /// `U.S.`, `U.K.`, `U.N.`, `E.U.`: like [`Class::Suffix`], but the institution nouns they
    /// modify (`U.S. Senate`, `E.U. Commission`) continue the sentence.
    Country,
    /// `a.m.`, `p.m.`: end a sentence before a capitalised word unless a time zone, weekday or
    /// month follows or the next word is followed by `time` (`2 p.m. Moscow time`).
    Time,
}

/// Per-language tables.
pub(super) struct Lexicon {
    abbrevs: AHashMap<&'static str, (Class, bool)>,
    starters: AHashSet<&'static str>,
    /// Nouns are capitalised (German): a capitalised word says little about a sentence start.
    pub(super) noun_capitals: bool,
}

impl Lexicon {
    /// Class of the lower-cased abbreviation `lower`; `capitalised` tells whether the original
    /// word started with an upper-case letter (titles and month names require it).
    pub(super) fn abbrev(&self, lower: &str, capitalised: bool) -> Option<Class> {
        match self.abbrevs.get(lower) {
            Some(&(class, need_cap)) if capitalised || !need_cap => Some(class),
            _ => None,
        }
    }

    /// Like [`Lexicon::abbrev`] but only for entries that need a capital letter (French `M.`):
    /// other single capital letters are initials.
    pub(super) fn abbrev_capitalised_only(&self, lower: &str) -> Option<Class> {
        match self.abbrevs.get(lower) {
            Some(&(class, true)) => Some(class),
            _ => None,
        }
    }

    pub(super) fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }
}

// (words, class, needs a capital letter)
type Group = (&'static [&'static str], Class, bool);

#[rustfmt::skip]
const COMMON: &[Group] = &[
    (&["dr", "prof"], Class::Prefix, true),
    (&["vs", "cf", "e.g", "i.e", "ca", "approx", "viz"], Class::Prefix, false),
    (&["etc"], Class::Suffix, false),
    (&["st"], Class::Starter, true),
];

#[rustfmt::skip]
const ENGLISH: &[Group] = &[
    (
        &[
            "mr", "mrs", "ms", "messrs", "mmes", "sen", "sens", "rep", "reps", "gov", "govs", "gen",
            "lt", "col", "sgt", "capt", "cpl", "maj", "adm", "cmdr", "cdr", "brig", "pvt", "rev",
            "hon", "pres", "supt", "det", "insp", "amb", "atty", "msgr", "mt", "ft", "gens",
        ],
        Class::Prefix,
        true,
    ),
    (&["est", "incl", "excl", "resp", "esp", "fmr"], Class::Prefix, false),
    (
        &["no", "nos", "vol", "vols", "fig", "figs", "art", "pp", "p", "para", "sec", "ch", "tel", "ext", "op"],
        Class::NumPrefix,
        false,
    ),
    (
        &[
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "ala", "ariz",
            "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky",
            "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore",
            "pa", "penn", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "ave", "blvd",
        ],
        Class::Starter,
        true,
    ),
    (&["u.s", "u.k", "u.n", "e.u", "u.s.a", "u.a.e"], Class::Country, false),
    (&["a.m", "p.m"], Class::Time, false),
    (&["avg", "min", "max"], Class::NumPrefix, false),
    (
        &["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"],
        Class::NumPrefix,
        true,
    ),
    (
        &["inc", "ltd", "corp", "co", "jr", "sr", "bros", "al", "ph.d", "m.d", "dept", "univ", "assn", "intl", "rd"],
        Class::Suffix,
        false,
    ),
];

#[rustfmt::skip]
const GERMAN: &[Group] = &[
    (&["hr", "hrn", "fr", "frl", "dipl", "ing", "mag", "ehem", "geb", "gegr", "sog", "rd", "ggü", "insg", "mind", "zzt", "max", "min"], Class::Prefix, false),
    (&["z.b", "d.h", "bzw", "ggf", "evtl", "vgl", "inkl", "zzgl", "u.u", "o.ä", "z.t", "i.d.r"], Class::Prefix, false),
    (&["nr", "s", "abs", "art", "bd", "jh", "tel", "ziff"], Class::NumPrefix, false),
    (
        &["jan", "feb", "febr", "mär", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez"],
        Class::NumPrefix,
        true,
    ),
    (&["usw", "mio", "mrd", "tsd", "u.a", "v.a", "str", "v.chr", "n.chr", "jhd"], Class::Starter, false),
    (&["mr", "mrs", "ms", "inc", "ltd", "corp", "co", "u.s", "u.k", "u.n", "e.u"], Class::Starter, false),
];

#[rustfmt::skip]
const FRENCH: &[Group] = &[
    (&["m", "mm", "mme", "mmes", "mlle", "mlles", "pr", "me", "mgr", "ste", "gal", "cdt"], Class::Prefix, true),
    (&["av", "bd", "env", "p.ex", "cf", "c.-à-d", "éd", "réf"], Class::Prefix, false),
    (&["no", "n", "p", "art", "vol", "chap", "tél"], Class::NumPrefix, false),
    (
        &["janv", "févr", "fév", "avr", "juil", "sept", "oct", "nov", "déc"],
        Class::NumPrefix,
        false,
    ),
    (&["cie", "inc", "ltd", "jr"], Class::Suffix, false),
    (&["mr", "mrs", "u.s", "u.k", "u.n", "e.u"], Class::Starter, true),
];

#[rustfmt::skip]
const SPANISH: &[Group] = &[
    (
        &["sr", "sra", "srta", "sres", "sras", "dra", "lic", "ing", "arq", "ud", "uds", "vd", "vds", "d", "dña", "gral", "mons", "excmo", "excma"],
        Class::Prefix,
        true,
    ),
    (&["p.ej", "aprox", "av", "avda"], Class::Prefix, false),
    (&["núm", "no", "nº", "art", "pág", "págs", "vol", "cap", "tel", "n"], Class::NumPrefix, false),
    (
        &["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "sep", "oct", "nov", "dic"],
        Class::NumPrefix,
        true,
    ),
    (&["ee.uu", "ee. uu", "uu", "ee.uu.", "u.s", "u.e"], Class::Starter, false),
    (&["cía", "ltda", "s.a", "inc"], Class::Suffix, false),
];

#[rustfmt::skip]
const RUSSIAN: &[Group] = &[
    (&["т.е", "т.к", "т.н", "напр", "см", "ср", "им", "проф", "акад", "ул", "пер", "пл", "просп", "г-н", "г-жа", "ген", "зам"], Class::Prefix, false),
    (&["стр", "ст", "рис", "д", "с", "кв", "табл"], Class::NumPrefix, false),
    (&["т.д", "т.п", "др", "млн", "млрд", "тыс", "руб", "коп", "долл", "в", "вв", "н.э", "трлн", "км", "кг"], Class::Suffix, false),
    (&["г", "гг"], Class::RussianYear, false),
    (&["янв", "февр", "апр", "авг", "сент", "окт", "нояб", "дек"], Class::NumPrefix, false),
];

#[rustfmt::skip]
const STARTERS_EN: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These",
    "Those", "There", "Here", "But", "And", "Or", "So", "Yet", "However", "In", "On", "At", "For",
    "Its", "His", "Her", "Their", "Our", "My", "Your", "If", "When", "While", "As", "After",
    "Before", "Since", "Although", "Though", "Some", "Many", "Most", "Both", "All", "Other",
    "Another", "Meanwhile", "Last", "Earlier", "Later", "Also", "Then", "Now", "Still",
    "Instead", "What", "Why", "How", "Who", "Where", "Which", "Such", "Each", "Every", "No",
    "Not", "Nor", "One", "Two", "Three", "Officials", "Analysts", "Shares", "Prices", "Police",
    "Asked", "According", "During", "Despite", "Under", "With", "Without", "By", "From",
    "Over", "Under", "To", "Until", "Because", "Even", "Only", "Just", "Neither", "Either",
    "Both", "Several", "Few", "Much", "More", "Less", "Today", "Yesterday", "Tomorrow",
];

#[rustfmt::skip]
const STARTERS_DE: &[&str] = &[
    "Der", "Die", "Das", "Den", "Dem", "Des", "Er", "Sie", "Es", "Wir", "Ich", "Ihr", "Man",
    "Dies", "Diese", "Dieser", "Dieses", "Dann", "Aber", "Und", "Doch", "Auch", "Ein", "Eine",
    "Einer", "Im", "In", "Am", "Auf", "Nach", "Bei", "Mit", "Zudem", "Außerdem", "Laut", "Wie",
    "Was", "Wenn", "Als", "So", "Damit", "Deshalb", "Seit", "Seine", "Ihre", "Unter", "Zum",
    "Zur", "Vor", "Trotz", "Nun", "Jetzt", "Heute", "Gestern", "Bereits", "Schon", "Noch",
];

#[rustfmt::skip]
const STARTERS_FR: &[&str] = &[
    "Le", "La", "Les", "L", "Il", "Elle", "Ils", "Elles", "On", "Nous", "Vous", "Je", "Un",
    "Une", "Des", "Ce", "Cet", "Cette", "Ces", "Mais", "Et", "Puis", "En", "Dans", "Selon",
    "Pour", "Au", "Aux", "Du", "Si", "Depuis", "Lors", "Alors", "Son", "Sa", "Ses", "Leur",
    "Leurs", "Cependant", "Pourtant", "Ainsi", "Aujourd", "Hier",
];

#[rustfmt::skip]
const STARTERS_ES: &[&str] = &[
    "El", "La", "Los", "Las", "Un", "Una", "Él", "Ella", "Ellos", "Ellas", "Este", "Esta",
    "Esto", "Estos", "Estas", "Pero", "Y", "En", "Con", "Para", "Por", "Según", "Sin",
    "Además", "Desde", "Al", "Del", "Se", "No", "Si", "Hoy", "Ayer", "Su", "Sus", "Sin",
    "Sobre", "Tras", "Durante", "Mientras", "Cuando", "Luego", "Entonces", "Nosotros",
];

#[rustfmt::skip]
const STARTERS_RU: &[&str] = &[
    "Он", "Она", "Они", "Оно", "Мы", "Я", "Вы", "Это", "Этот", "Эта", "Эти", "Но", "И", "А",
    "В", "Во", "На", "По", "С", "Со", "Как", "Однако", "Также", "При", "После", "До", "Для",
    "Так", "Тогда", "Сейчас", "Его", "Ее", "Её", "Их", "Ранее", "Позже", "Кроме", "Если",
    "Когда", "Там", "Здесь", "Уже", "Еще", "Ещё", "Сегодня", "Вчера",
];

/// Words after `a.m.`/`p.m.` that continue the sentence (weekdays, months, time zones).
#[rustfmt::skip]
pub(super) const TIME_WORDS: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT",
    "PST", "PDT", "GMT", "UTC", "BST", "CET", "CEST", "EET", "MSK", "IST", "JST", "AEST",
    "AEDT", "HKT", "SGT", "WIB", "Eastern", "Central", "Pacific", "Mountain", "Greenwich",
    "Atlantic", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
];

/// Institution nouns that `U.S.`, `U.K.`, `U.N.`, `E.U.` modify (`U.S. Senate voted`).
#[rustfmt::skip]
pub(super) const INSTITUTIONS: &[&str] = &[
    "President", "Vice", "Senate", "Senator", "House", "Congress", "Treasury", "Department",
    "Army", "Navy", "Air", "Marine", "Marines", "Coast", "Embassy", "Ambassador", "Secretary",
    "Court", "Supreme", "Federal", "State", "Attorney", "Defense", "Defence", "Justice",
    "Commerce", "Trade", "Representative", "Central", "Command", "Forces", "Special", "Envoy",
    "National", "Census", "Securities", "Postal", "Open", "Fed", "Government", "Parliament",
    "Commission", "Council", "Assembly", "Agency", "Office", "Ministry", "Minister",
    "Chancellor", "Foreign", "Home", "Health", "Energy", "Labor", "Labour", "Intelligence",
    "Military", "Olympic", "Mission", "Consulate", "Consul", "Administration", "Border",
    "Customs", "Capitol", "Bank", "Dollar", "Economy", "Economic", "Inflation", "Jobs",
    "Treasuries", "Bonds", "Stocks", "Markets", "Crude", "Sanctions", "Tariffs",
    "Policy", "Election", "Elections", "Citizens", "Troops", "Soldiers",
    "Peacekeepers", "Peacekeeping", "Refugee", "Refugees", "Humanitarian", "Human", "Aid",
    "Food", "Development", "Environment", "Environmental", "Climate", "Nuclear", "Space",
];

/// Speech verbs of an attribution that follows a quotation (`“Is it over?” Peskov asked.`).
#[rustfmt::skip]
pub(super) const SPEECH_VERBS: &[&str] = &[
    "said", "says", "asked", "asks", "told", "tells", "added", "adds", "wrote", "writes",
    "replied", "replies", "shouted", "explained", "insisted", "noted", "stated", "declared",
    "continued", "recalled", "tweeted", "posted", "warned", "cried", "demanded", "wondered",
    "argued", "answered", "responded", "admitted", "sagte", "fragte", "erklärte", "betonte",
];

/// Lower-case words after which a line break does not end a sentence.
#[rustfmt::skip]
pub(super) const LINE_CONTINUERS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or",
    "but", "nor", "that", "as", "than", "into", "onto", "about", "over", "under", "after",
    "before", "between", "said", "says", "told", "would", "will", "could", "should", "may",
    "might", "must", "has", "have", "had", "was", "were", "is", "are", "be", "been", "its",
    "his", "her", "their", "our", "your", "my", "this", "these", "those", "which", "who",
    "whose", "whom", "where", "when", "while", "if", "because", "though", "although", "via",
    "per", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "und", "oder",
    "von", "zu", "mit", "im", "am", "für", "auf", "aus", "bei", "nach", "über", "le", "la",
    "les", "un", "une", "de", "du", "et", "ou", "à", "au", "aux", "en", "dans", "pour", "par",
    "sur", "avec", "que", "qui", "el", "los", "las", "una", "del", "y", "o", "con", "por",
    "para", "al", "и", "в", "на", "с", "по", "к", "о", "от", "из", "за", "что", "а", "но",
    "или", "для",
];

fn build(groups: &[&[Group]], starters: &[&[&'static str]], noun_capitals: bool) -> Lexicon {
    let mut abbrevs = AHashMap::new();
    for list in groups {
        for &(words, class, need_cap) in *list {
            for &w in words {
                abbrevs.insert(w, (class, need_cap));
            }
        }
    }
    let starters = starters.iter().flat_map(|s| s.iter().copied()).collect();
    Lexicon {
        abbrevs,
        starters,
        noun_capitals,
    }
}

/// The tables for `language`: dedicated lists for English, German, French, Spanish and
/// Russian; the English lists plus the common ones for every other language.
pub(super) fn lexicon(language: Language) -> &'static Lexicon {
    static EN: OnceLock<Lexicon> = OnceLock::new();
    static DE: OnceLock<Lexicon> = OnceLock::new();
    static FR: OnceLock<Lexicon> = OnceLock::new();
    static ES: OnceLock<Lexicon> = OnceLock::new();
    static RU: OnceLock<Lexicon> = OnceLock::new();
    match language {
        Language::German => DE.get_or_init(|| build(&[COMMON, GERMAN], &[STARTERS_DE], true)),
        Language::French => FR.get_or_init(|| build(&[COMMON, FRENCH], &[STARTERS_FR], false)),
        Language::Spanish => ES.get_or_init(|| build(&[COMMON, SPANISH], &[STARTERS_ES], false)),
        Language::Russian => RU.get_or_init(|| build(&[COMMON, RUSSIAN], &[STARTERS_RU], false)),
        _ => EN.get_or_init(|| build(&[COMMON, ENGLISH], &[STARTERS_EN], false)),
    }
}
