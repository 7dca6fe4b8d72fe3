"""Which indicator a figure measures: keyword rules ranked by how close the keyword stands to the figure."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.extract.indicators import NAMED_DRUG, distance

_SEIZE = (
    # "seized drugs" names drugs kept after a seizure (often then destroyed), unless they are the subject of the
    # figure's verb: "Seized narcotics amounted to 3 tonnes".
    r"seiz(?:ed|ure|ures|ing)(?!\s+(?:drugs|narcotics|substances|materials|pills|tablets|quantities|items)\b"
    r"(?!\s+(?:amounted|totall?ed|weighed|came\s+to)\b))"
    r"|confiscat\w*|intercept\w*|impound\w*|were\s+found|recovered|taken\s+off\s+the\s+streets?"
    r"|\b(?:police|forces|officers|agents|units|teams|detectives)\s+(?:also\s+)?found\b"  # "police found 14.6 million pills"
    # Drugs found on someone or carried by them ("stopped a truck and found 7 million pills", "suspects carrying
    # over a kilogram", "a suspect in possession of 2 kilograms"); only masses and pills may take these.
    r"|\bfound\b|\bfinding\b|\bcarr(?:y|ying|ied|ies)\b|\bin\s+(?:the\s+)?possession\s+of\b"
    r"|\bin\s+(?:his|her|their)\s+possession\b"  # "arrested ... with 5 kilograms of marijuana in his possession"
    # what intercepted loads held: "The consignments together held 262,000 pills"
    r"|\b(?:consignments?|shipments?|loads?|cargo(?:es)?)\s+(?:\w+\s+)?(?:held|contained)\b"
    # a smuggler stopped while bringing the drugs in ("arrested a man trying to bring 50,000 pills into Iraq")
    r"|\b(?:trying|tried|attempting|attempted|seeking|sought)\s+to\s+(?:bring|smuggle|sneak|move|transport|take|get)\b"
    # "a dealer who was holding 49,000 pills", "a man caught in Kut with 2 kg", "possessing 3 kg"
    # a seizure named by its noun: "one find in which 3.5 million pills had been hidden", "the haul"
    r"|\b(?:one|a|the|this|that)\s+(?:[\w-]+\s+)?(?:find|haul)\b"
    # a smuggling attempt stopped is a seizure of what was smuggled ("foiled an attempt to smuggle 600,000 pills")
    r"|\b(?:foil\w*|thwart\w*|stopp?(?:ed|ing)?|prevent\w*|block\w*|frustrat\w*)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?"
    r"attempts?\s+to\s+smuggle\b"
    r"|\bholding\b|\bpossess(?:ed|ing)\b|\byielded\b|\bnetted\b|\b(?:caught|stopped|arrested|detained)\s+(?:[\w-]+\s+){0,3}?with\b"
)
# Security forces named as the other side ("clashes with security forces", "مع القوات الأمنية") or members of a
# gang are not the casualties counted.
_SECURITY = (
    r"(?<!\bwith\s)(?<!\bwith\sthe\s)(?<!\bgang\s)(?<!مع\s)"
    r"(?:\b(?:officers?|police\w*|security|personnel|soldiers|agents|members|forces)\b"
    r"|منتسب\w*|عناصر|ضابط|ضباط|شرطي|القوات)"
)
# Casualties among traffickers ("36 gang members were killed", "قتل 31 من المتاجرين"): no indicator counts them.
CASUALTIES = {"security_killed", "security_wounded"}
OTHER_SIDE = re.compile(r"\bgangs?\b|\bgunmen\b|عصاب\w*|مسلح\w*")
# "الكميات المتلفة" (the destroyed quantities) names destruction as the verb does.
_DESTROY = (
    r"destroy\w*|\bdestruction\b|\bburn(?:ed|t)\b|incinerat\w*|disposed\s+of|disposal|\bset\s+(?:fire\s+to|ablaze|alight)\b|\btorched\b"
    r"|إتلاف|اتلاف|أتلف\w*|(?:ال)?متلف(?!ز)\w*|حرق|(?<!\w)(?:و)?(?:إحراق|احراق|أحرق\w*)(?!\w)"
)
DESTROY_WORDS = re.compile(_DESTROY, re.IGNORECASE)
_SEIZE_AR = (
    r"(?<!\w)(?:و|ف|ل)?(?:ضبط\w*|المضبوط\w*|مضبوط\w*|مصادرة|صادر\w*|حجز|أحبط\w*|إحباط"
    r"|(?:ت|ي)?عثر\w*|العثور|(?:ب)?حوز(?:ة|ته|تها|تهم|تهما)?)(?!\w)"  # "عثرت على" (found), "بحوزته" (on him)
)
SEIZURE_WORDS = re.compile(_SEIZE + "|" + _SEIZE_AR, re.IGNORECASE)


@dataclass(frozen=True)
class Rule:
    indicator: str
    keywords: re.Pattern
    requires: re.Pattern | None = None  # must also appear in the figure's clause


def _rule(indicator: str, keywords: str, requires: str | None = None) -> Rule:
    return Rule(
        indicator, re.compile(keywords, re.IGNORECASE), re.compile(requires, re.IGNORECASE) if requires else None
    )


# People under sentence of death at a date, and executions carried out: the ledger holds them only for all offences
# (context indicators), so a text's figures of either are those.
DEATH_ROW = r"death\s+row|(?:awaiting|facing|await)\s+execution|بانتظار\s+(?:تنفيذ\s+)?(?:حكم\s+|أحكام\s+)?(?:ال)?إعدام"
_EXECUTED = (
    r"\bexecut(?:ed|ions?)\b|put\s+to\s+death|\bhanged\b|(?<!\w)(?:و)?(?:أ|ا)عدم(?:ت|وا)?(?!\w)|(?<!\w)(?:ال)?إعدامات"
    r"|(?:تنفيذ|نفذ\w*)\s+(?:حكم\s+|أحكام\s+)?(?:ال)?(?:إعدام|اعدام)"
)
# The words of the Population indicator's definition ("resident population at a date or for a year"): residents,
# inhabitants, a census, a civil registry, a planning ministry's estimate of "عدد السكان".
POPULATION = (
    r"(?<!prison\s)\bpopulation\b|\binhabitants\b|\bresidents\b|\bcensus\b|\bcivil\s+(?:registry|register|status)\b"
    r"|(?<!\w)(?:ب|و|ل)?(?:ال)?(?:سكان|سكانا|سكانها|سكانية|السكاني)(?!\w)|(?<!\w)نسمة(?!\w)|(?<!\w)(?:ال)?تعداد(?!\w)"
)
# On a tie in distance, the rule listed first wins.
RULES = [
    _rule("death_row_all_offences", DEATH_ROW),
    _rule("executions_all_offences", _EXECUTED),
    _rule(
        "death_sentences",
        # (the sentenced may be named at length, "sentenced six members of an international drug smuggling network
        # to death", but with no other "to" or "and" between: "sentenced 5 to life and 3 to death" is not death)
        r"death\s+sentences?|sentenced\b(?:\s+(?!to\b|and\b)[^\s,.;]+){0,10}?\s+to\s+death|death\s+penalt(?:y|ies)"
        r"|condemned\s+to\s+death|بالإعدام|بالاعدام|الإعدام|الاعدام",
    ),
    _rule(
        "life_sentences",
        r"life\s+sentences?|sentenced\b(?:\s+\S+){0,5}?\s+to\s+life|life\s+imprisonment"
        r"|life\s+terms?|(?:given|handed|received)\s+life\b|المؤبد|مؤبد"
        r"|\blife\s+in\s+(?:prison|jail)\b|\bto\s+life\b",  # "and 30 others to life in prison"
    ),
    _rule(
        "convictions",
        r"\bconvicted\b|\bconvictions?\b|\bsentenced\b|pass(?:ed|ing)?\s+sentences?\s+(?:on|against)|found\s+guilty|court\s+rulings?|rulings?\s+against|إدانة|ادانة|المحكومين|محكوم\w*|صدرت\s+أحكام|أحكاماً|أحكام"
        r"|(?<!\w)حكم\s+على"  # "حُكم على 235 منهم": 235 of them were sentenced
        # "أصدرت 900 حكم بحق المدانين", "the courts issued 900 rulings in drug cases": rulings against people
        r"|(?<!\w)بحق\s+المدانين(?!\w)|\bcourts?\s+(?:\S+\s+){0,3}?(?:issued|handed\s+down|passed)\s+(?:[\d,.]+\s+)?rulings\b"
        r"|(?<!\w)(?:و|ف)?أدان(?:ت|وا)?(?!\w)"  # "المحاكم أدانت 200 شخص": the courts convicted 200
        # "issued 2,318 judicial sentences": court judgments against people, of no one kind of punishment
        r"|\bjudicial\s+(?:sentences|rulings|verdicts)\b"
        # "the courts handed down sentences to 682 of those detainees": the sentenced, whoever held them before
        r"|\b(?:handed\s+down|handed\s+out|handed|gave|issued|delivered)\s+(?:(?:prison|jail)\s+)?(?:sentences|verdicts)\s+to\b",
    ),
    _rule(
        "arrests",
        r"\barrest(?:ed|s)?\b|\bdetain(?:ed|ees)?\b|apprehended|\bcaught\b|\bcaptured\b|rounded\s+up"
        # "Among the 2,000 people held", "suspects were held": taken into custody (held in prisons is a stock)
        r"|\b(?:people|persons|suspects|individuals)\s+(?:were\s+)?held\b(?!\s+(?:in|inside)\s+(?:\w+\s+)?(?:prisons?|jails?))"
        # a headline's "1,019 held on drug charges": a figure held on charges was taken into custody
        r"|(?<=\d\s)held\s+(?:on|over|for)\s+(?:\S+\s+){0,2}?charges?\b"
        r"|\b(?:in|into)\s+custody|القبض|المقبوض|اعتقال|اعتقل\w*|توقيف|أوقف\w*|احتجاز|الموقوفين|(?:أمر|أوامر)\s+(?:ال)?قبض"
        r"|(?<!\w)(?:ب|و)?(?:ال)?إطاحة|(?<!\w)(?:و|ف)?أطاح\w*"  # "الإطاحة بـ 59 متاجراً": brought down, of people
        # "قبضت على 900 متهم" (seized, of people), "عدد المعتقلين" (the detained): taken into custody
        r"|(?<!\w)(?:و|ف)?قبض(?:ت|وا)?(?!\w)|(?<!\w)(?:و|ب|ل)?(?:ال)?معتقل(?:ين|ون|اً|ا)?(?!\w)",
    ),
    _rule(
        "rehab_completed",
        r"complet(?:ed|ing)\s+(?:their\s+|the\s+)?(?:full\s+|whole\s+|entire\s+)?(?:drug\s+|addiction\s+)?(?:treatment|rehabilitation|programmes?"
        r"|programs?)|\brecovered\b|reintegrated|graduat(?:ed|es)\b|finish(?:ed|ing)\s+(?:their\s+)?treatment"
        r"|تعافى|تعافي|المتعافين|متعافين|إعادة\s+تأهيل|تأهيلهم|تم\s+تأهيل|(?:أ|ا)عاد\w*\s+تأهيل"
        r"|\bovercom(?:e|ing)\s+(?:their\s+|the\s+)?(?:drug\s+)?addictions?|\bbeat\s+(?:their\s+)?addictions?"
        r"|\bgot\s+clean\b|تخلص\w*\s+من\s+(?:ال)?إدمان"
        r"|تماثل\w*|(?<!\w)(?:لل|ل|بال)شفاء|(?:ب|و)?إكمال\s+(?:برامج\s+|برنامج\s+)?العلاج|أكمل\w*\s+(?:برامج\s+)?العلاج",
    ),
    _rule(
        "rehab_admitted",
        r"\badmitted\b|\badmissions?\b|\benrolled\b"
        # "referred to treatment", "sent to these centres for treatment": taken in by a treatment service
        r"|\b(?:referred|sent)\b(?:\s+\S+){0,3}?\s+to\s+(?:\S+\s+){0,3}?(?:treatment|rehabilitation|rehab"
        r"|(?:treatment\s+|rehabilitation\s+)?(?:centres|centers|hospitals?)\s+for\s+treatment)"
        r"|(?<!\w)(?:و|ف)?(?:استقبل\w*|دخلوا|أدخل\w*|إدخال)",  # a centre "received" (استقبلت) or admitted them
    ),
    # A treatment centre that "has registered about 100 patients" took them in; hospitals that "received 5,000
    # people seeking treatment" did too ("received treatment" is treatment given, below).
    _rule("rehab_admitted", r"\bregistered\b", r"\b(?:treatment|rehabilitation|rehab|addiction)\b"),
    _rule(
        "rehab_admitted",
        r"\breceived\b(?!\s+(?:medical\s+)?treatment)|\btook\s+in\b",
        r"\b(?:treatment|rehabilitation|rehab|addiction|hospitals?|clinics?|centres?|centers?)\b",
    ),
    _rule(
        "rehab_inpatients",
        r"currently\s+(?:being\s+treated|receiving\s+treatment|in\s+treatment|hold|house)|\binpatients\b"
        r"|(?:were|are)\s+(?:still\s+)?(?:receiving|undergoing)\s+treatment"  # in treatment at the time said
        # "about 40 patients are being treated at the centre": in treatment now
        r"|\b(?:are|is)\s+(?:currently\s+|now\s+|still\s+)?being\s+treated\b",
    ),
    _rule(
        "patients_treated",
        r"received\s+treatment|\btreated\b|علاج|معالجة|عولج\w*|(?<!\w)(?:و)?عالج(?:ت|وا)?(?!\w)|تلقوا\s+العلاج",
    ),
    _rule(
        "prisoners_drug",
        r"\bprisoners\b|\binmates\b|behind\s+bars|السجناء|سجناء|النزلاء|نزلاء"
        # a stock of people held: "currently held on drug charges", "held in prisons", "المودعين" (lodged)
        r"|\b(?:are|is)\s+(?:currently\s+|still\s+|now\s+)?(?:held|jailed|imprisoned|incarcerated)\b"
        r"|\bcurrently\s+(?:held|jailed|imprisoned|incarcerated|detained)\b|(?:ال)?مودع(?:ين|ون|ات)?(?!\w)"
        # where they are held: "1,214 of the people in our reformatories", "في السجون" (in the prisons)
        # ("life in prison", "ten years in jail" are sentences, not where the figure's people are)
        r"|(?<!life\s)(?<!years\s)(?<!months\s)\b(?:in|inside)\s+(?:(?:(?:our|the|its|their|her|his|this|that)\s+"
        r"(?:[\w'’-]+\s+)?(?:prisons?|jails?|reformator(?:y|ies)|penitentiar(?:y|ies)))|(?:[\w'’-]+\s+)?(?:prisons"
        r"|jails|reformatories|penitentiaries)|correctional\s+(?:facilities|centres|centers|institutions))\b"
        r"|(?<!\w)(?:في|داخل)\s+(?:ال)?(?:سجون|إصلاحيات|اصلاحيات|دوائر\s+الإصلاح)(?!\w)"
        # the prisons as the subject holding them: "سجون المحافظة تضم 500 متعاطٍ", "the province's jails hold 500"
        r"|(?<!\w)(?:ال)?سجون(?:\s+\S+){0,3}?\s+(?:ت|ي)ضم(?!\w)|\b(?:prisons|jails)\s+(?:\S+\s+)?(?:hold|house)\b",
    ),
    _rule("security_killed", r"\bkilled\b|\bmartyred\b|\blost\s+their\s+lives\b|استشهد\w*|استشهاد|مقتل|قتل", _SECURITY),
    _rule("security_wounded", r"\bwounded\b|\binjured\b|إصابة|اصابة|جرح|أصيب\w*", _SECURITY),
    _rule("drugs_destroyed", _DESTROY),
    # "شملت ... 91 ألفاً و126 حبة مخدرة": pills destroyed are counted apart, when named as drugs (a ministry also
    # destroys expired medicines, which no indicator counts).
    _rule("drugs_destroyed_pills", _DESTROY, NAMED_DRUG),
    _rule("seizures", _SEIZE + "|" + _SEIZE_AR),
    _rule("seizures_pills", _SEIZE + "|" + _SEIZE_AR),
    # "an estimated 2 million users", "تشير إلى وجود ما يزيد على مليوني متعاطٍ": how many use drugs, not a count
    # of people arrested or treated (who have verbs of their own).
    _rule(
        "drug_users_estimated",
        r"\bestimated\b|\bestimates?\b|(?<!\w)(?:ت|ي)?قدر\w*|(?<!\w)وجود(?!\w)|\bthere\s+(?:are|were)\b"
        # "put the number of drug users at about 10,000": a count of users someone gives is an estimate
        r"|\bput(?:s|ting)?\s+(?:the|their)\s+(?:number|total)\b|\bnumber\s+of\s+(?:drug\s+)?(?:users|addicts)\b"
        r"|(?<!\w)عدد\s+(?:ال)?(?:متعاط\w*|مدمن\w*)",
        r"\b(?:users|addicts|addicted)\b|متعاط\w*|مدمن\w*",
    ),
    # "10,000 people in Basra are addicted to crystal": how many are, not what was done to them
    _rule("drug_users_estimated", r"\b(?:are|were)\s+(?:now\s+)?addicted\b|\buse\s+drugs\b"),
    # How many live somewhere ("the population of Basra reached 3 million", "43 مليون نسمة", "the civil registry
    # counted 6.1 million residents"): last, so that any drug keyword as near as the population word wins ("a
    # million people use drugs" stays an estimate of users; "prison population" counts prisoners).
    _rule("population", POPULATION),
    # Offences recorded by the police or a monitor ("Drug-use offences followed a similar pattern"); last, so any
    # other keyword at the same distance wins, and only figures counting cases or crimes may take it.
    _rule("crimes_trafficking_recorded", r"\bcrimes?\b|\boffen[cs]es?\b|(?<!\w)(?:ال)?(?:جرائم|جريمة)(?!\w)"),
]
# Units that name the indicator by themselves.
UNIT_INDICATORS = {
    "centres": "rehab_centres",
    "beds": "rehab_beds",
    "networks": "networks_dismantled",
    "cases": "court_cases",
    "crimes": "crimes_trafficking_recorded",
    "executions": "executions_all_offences",  # narrowed to use crimes by the figure's own words (specialise)
}
# Who a figure counts when its own noun is prisoners ("1,250 convicted inmates", "1576 نزيلاً"): the prison
# population, whatever verb ("currently hold", "convicted") stands nearer.
PRISONER_WORDS = {"prisoners", "prisoner", "inmates", "inmate", "سجين", "سجيناً", "سجناء", "نزيل", "نزيلاً", "نزلاء"}
# "6,024 inmates are held for other crimes", "nearly 6,000 prisoners in total": not those held on drug charges.
NOT_DRUG_PRISONERS = re.compile(
    r"\bother\s+(?:crimes|offen[cs]es|charges)\b|\bin\s+total\b|\boverall\b|قضايا\s+أخرى|جرائم\s+أخرى|(?:ال)?مجموع",
    re.I,
)


@dataclass(frozen=True)
class Guess:
    indicator: str
    why: str


def nearest_rule(window: str, figure: tuple[int, int], clause: str, allowed: set[str]) -> Guess | None:
    """The allowed indicator whose keyword stands nearest the figure in `window` (offsets relative to it)."""
    best: tuple[int, int, str, str] | None = None
    for rank, rule in enumerate(RULES):
        if rule.indicator not in allowed or (rule.requires and not rule.requires.search(clause)):
            continue
        for match in rule.keywords.finditer(window):
            key = (distance(match.span(), figure), rank, rule.indicator, match.group())
            best = key if best is None or key < best else best
    if best is None:
        return None
    return Guess(best[2], f"'{' '.join(best[3].split())}' next to the figure")


TRAFFICKERS = re.compile(
    r"\b(?:traffickers?|dealers?|smugglers?|promoters?)\b|(?<!\w)(?:و|ب)?(?:ال)?(?:تاجر\w*|ا?تجار|متاجر\w*|مروج\w*|مهرب\w*)"
    r"|\b(?:suspicion\s+of|charged\s+with|accused\s+of|charges?\s+of|for|on)\s+(?:drug\s+)?(?:trafficking|dealing|smuggling)\b"
    # members of dealing or smuggling networks ("عنصر في شبكات ترويج المخدرات", "members of smuggling gangs")
    r"|(?<!\w)(?:ال)?(?:شبكات|شبكة|عصابات|عصابة)\s+(?:ل)?(?:ال)?(?:ترويج|تهريب|اتجار|إتجار|متاجرة|تجارة)(?!\w)"
    r"|\b(?:drug[\s-]+)?(?:trafficking|dealing|smuggling)\s+(?:networks?|gangs?|rings?|cells?)\b"
    r"|\b(?:trafficking|dealing|smuggling)\s+(?:arrests|suspects|detainees)\b",
    re.IGNORECASE,
)
_USERS = re.compile(
    r"\b(?:users?|addicts?|consumers?|possessors?|possession|possessing|using|use)\b|متعاط\w*|مدمن\w*|(?<!\w)(?:و|ب)?(?:ال)?(?:تعاطي|تعاط(?!\w))"
    r"|(?<!\w)(?:و|ب)?(?:ال)?(?:حائز\w*|حيازة)",
    re.IGNORECASE,
)  # "users and dealers" (بالاتجار والتعاطي), "traffickers and drug possessors", "dealing or using" are all arrests
# The indicator counts foreign or international traffickers ("144 تاجراً دولياً", "international dealers").
_FOREIGN = re.compile(
    r"\b(?:foreign\w*|nationals|non-Iraqis?|international)\b|أجنب\w*|اجانب|أجانب|دولي\w*", re.IGNORECASE
)
# One operation, not a period's total: a vehicle or hiding place, "in a separate raid", drugs found "in the
# possession of" named suspects ("بحوزة متهمين"), "في عملية منفصلة".
EVENT = re.compile(
    r"\b(?:shipment|consignment|truck|lorry|vehicle|car|container|single\s+(?:operation|raid|seizure)"
    r"|one\s+operation|a\s+raid|separate\s+(?:raid|operation|bust|seizure)|in\s+(?:the\s+)?possession\s+of"
    r"|hidden|concealed|stashed|stored\s+in|warehouse|depot|smuggling\s+attempt|attempt\s+to\s+smuggle"
    r"|(?:suspects?|traffickers?|dealers?|smugglers?|man|men|woman|driver|person)\s+(?:who\s+(?:was|were)\s+)?carrying"
    r"|in\s+an?\s+(?:[\w-]+\s+){0,2}?operation(?!s)"  # ("in a multi-phase operation")
    # the operation the text told of ("were seized in the operation"), one network's or gang's haul ("broke up a
    # network ... and confiscated 200 kg"), a load a smuggler dropped or left behind, a balloon's or drone's cargo
    r"|(?:in|during)\s+the\s+(?:\w+\s+)?(?:operation|raid)(?!s)"
    r"|(?:broke(?:n)?\s+up|dismantl\w+|busted|toppled)\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,2}?(?:network|gang|ring|cell)(?!s)"
    r"|dropped\s+(?:his|her|their|the|a)\s+(?:load|bag|sack|cargo)|abandoned|left\s+behind|\ba\s+(?:[\w-]+\s+)?(?:balloon|drone)\b(?!s)"
    # one suspect's drugs ("which the suspect had planned to sell"), found where one home was raided
    r"|(?:the|a)\s+(?:suspect|accused|defendant)(?!s)"
    # one raided place, or the site of one raid: "raided a clandestine laboratory", "seized 27 kg at the site"
    r"|raided\s+(?:the|a|his|their)\s+(?:[\w-]+\s+){0,2}?(?:home|house|apartment|farm|lab|laboratory|factory|workshop)"
    r"|at\s+the\s+(?:site|scene|lab|laboratory|factory|facility|workshop|plant|hideout))\b"  # "dismantled a network ... in an operation carried out in phases"
    # drugs found inside one building: "inside a school under repair", "داخل مدرسة"
    r"|\binside\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:house|home|school|building|shop|store|farm|flat|apartment|room|garage)\b"
    r"|(?<!\w)داخل\s+(?:منزل|بيت|مدرسة|مبنى|بناية|محل|مزرعة|شقة|غرفة|مرآب|كراج)(?!\w)"
    r"|شاحنة|شحنة|عجلة|سيارة|مخبأة|مخبأ|محمولة|محملة|عملية\s+(?:نوعية|منفصلة|واحدة|أخرى|استخبارية|أمنية|مشتركة|دهم)|(?:تفكيك|تفكك|فككت|أطاحت\s+ب)\s*شبكة(?!\w)|بالون|مسيرة|متروكة|بداخل(?:ه|ها)(?!\w)|(?:أثناء|خلال)\s+عملية(?!\w)|(?:داخل|في)\s+(?:ال)?(?:معمل|مصنع|مختبر)(?!\w)|محاولة\s+تهريب|بحوز\w*|(?<!\w)(?:ال)?مخزن(?!\w)",
    re.IGNORECASE,
)
# Iraq's drug law (No. 50 of 2017) punishes trafficking under Articles 27 and 28 and use under Article 32, so a
# case "under Article 28" (وفق المادة 28) is a trafficking case.
_ARTICLE = r"(?:\bArticles?|(?<!\w)المادة)\s+"
_TRAFFICKING_CASES = re.compile(
    rf"\b(?:trafficking|promotion|promoting|dealing)\b|(?<!\w)(?:ب|و)?(?:ال)?(?:متاجرة|اتجار|إتجار|تجارة|ترويج)|{_ARTICLE}(?:2[78]|٢[٧٨])(?!\d)",
    re.IGNORECASE,
)
_USE_CASES = re.compile(
    rf"\b(?:use|possession|consumption|abuse)\b|(?<!\w)(?:ب|و)?(?:ال)?تعاطي?(?:ها|هم|ه)?(?!\w)|{_ARTICLE}(?:32|٣٢)(?![\d٠-٩])",
    re.IGNORECASE,
)


# "329 were held for trafficking, the rest were users": the users named after "the rest" are not in the figure.
_THE_REST = re.compile(
    r"\b(?:the\s+)?(?:rest|remainder|others)\b|(?<!\w)(?:ال)?(?:بقية|باقي|الباقون|آخرين)(?!\w)"
    # "classed as traffickers rather than users": the users named after the contrast are not in the figure either
    r"|\b(?:rather\s+than|instead\s+of)\b|(?<!\w)(?:وليس|لا)\s+(?:من\s+)?(?:ال)?(?:متعاط|مدمن)",
    re.I,
)


# A figure that adds up several hauls ("The consignments together held 262,000 pills", "a combined 3 tonnes") is
# no one operation's, whatever operation the text told of.
SUMMED_HAULS = re.compile(r"\b(?:together|combined|altogether|in\s+all)\b|(?<!\w)(?:مجتمعة|بمجموعها)(?!\w)", re.I)


def specialise(guess: Guess, own_words: str, clause: str, period_stated: bool, rest: str = "") -> Guess:
    """Narrow a general guess with the words of the figure itself ('611 drug traffickers', 'foreign nationals').

    `rest` runs on to the next figure or clause: users named there ("on charges of trafficking, promotion and drug
    use") make the count all arrests, though the figure's own words stop at the first comma."""
    if guess.indicator.startswith("arrests"):  # a figure continuing "611 traffickers" may itself be all arrests
        if _FOREIGN.search(own_words):
            return Guess("arrests_foreign", guess.why + "; foreign nationals")
        rest = _THE_REST.split(rest, maxsplit=1)[0]
        own = _THE_REST.split(own_words, maxsplit=1)[0]
        if TRAFFICKERS.search(own_words) and not _USERS.search(rest or own):
            return Guess("arrests_traffickers", guess.why + "; counted as traffickers or dealers")
        return Guess("arrests", guess.why)
    one = EVENT.search(clause) and not SUMMED_HAULS.search(clause)
    if guess.indicator in ("seizures", "seizures_pills") and not period_stated and one:
        event = "seizure_event" if guess.indicator == "seizures" else "seizure_event_pills"
        return Guess(event, guess.why + "; one operation, no period stated")
    return _kind_of_case(guess, own_words)


# "The totals cover all offences, not only drug crimes": the text's death sentences are for any offence.
ALL_OFFENCES = re.compile(
    r"\ball\s+(?:offen[cs]es|crimes)\b|\bnot\s+(?:only|just)\s+(?:for\s+)?drug|\bany\s+(?:offen[cs]e|crime)\b"
    r"|(?:جميع|كل|كافة)\s+(?:ال)?جرائم|(?:لا|ليس)\S*\s+(?:فقط\s+)?(?:ب|في\s+)?(?:قضايا\s+)?المخدرات\s+فقط",
    re.IGNORECASE,
)
_FOR_ALL_OFFENCES = {"death_sentences": "death_sentences_all_offences"}


def for_all_offences(guess: Guess, all_offences: bool) -> Guess:
    if all_offences and guess.indicator in _FOR_ALL_OFFENCES:
        return Guess(_FOR_ALL_OFFENCES[guess.indicator], guess.why + "; the text counts all offences")
    return guess


# Court cases and recorded offences split by the kind of offence their own words name.
_CASE_KINDS = {
    "court_cases": ("court_cases_trafficking", "court_cases_use"),
    "crimes_trafficking_recorded": ("crimes_trafficking_recorded", "crimes_use_recorded"),
    "drug_cases_recorded": ("crimes_trafficking_recorded", "crimes_use_recorded"),
}


def _kind_of_case(guess: Guess, own_words: str) -> Guess:
    """'2,500 trafficking crimes', 'قضية تعاطٍ': one kind; both kinds named together ("قضية اتجار وتعاطٍ") or none
    leave the general count; so do drugs and their use ("بالاتجار بالمخدرات وتعاطيها")."""
    if guess.indicator not in _CASE_KINDS:
        return guess
    trafficking, use = _TRAFFICKING_CASES.search(own_words), _USE_CASES.search(own_words)
    if bool(trafficking) == bool(use):
        return guess
    kind = _CASE_KINDS[guess.indicator][0 if trafficking else 1]
    return Guess(kind, guess.why + ("; trafficking" if trafficking else "; use") + " offences")
