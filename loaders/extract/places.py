"""Find the places a sentence names (every spelling the gazetteer knows) and decide which figure each belongs to."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from loaders.errors import InputError
from loaders.extract.statement_venue import briefing_venue
from loaders.reference import Reference

COUNTRY, REGION, FEDERAL = "IQ", "IQ-KR", "X-IQ-FED"
DIRECTORATE = "the Kurdistan Region's directorate"  # its area may be narrowed to a zone (directorate_zone.py)


@dataclass(frozen=True)
class PlaceMention:
    start: int  # offsets in the sentence
    end: int
    written: str  # a name the gazetteer resolves, to write in the ledger's place column
    code: str
    why: str
    linked: bool = False  # the phrase carries its own link to a figure before it ("across the country")
    # "authority" (a local authority's area), "partner" ("working with forces in Sulaymaniyah") or "interior" (the
    # Interior Ministry or its narcotics directorate, quoted by the text)
    role: str = ""


# Phrases that name the whole country or "the region" without a gazetteer spelling.
_COUNTRY_WORDS = re.compile(
    r"\b(?:across|throughout|all over)\s+(?:the\s+(?:whole\s+)?country|Iraq)\b|\bnationwide\b|"
    r"\bcountrywide\b|\bin\s+all\s+(?:Iraqi\s+)?(?:governorates|provinces)\b"
    r"|\b(?:in\s+)?Baghdad\s+and\s+(?:the\s+)?(?:other\s+)?(?:governorates|provinces)\b",
    re.IGNORECASE,
)
_COUNTRY_WORDS_AR = re.compile(
    r"(?:في|على\s+مستوى)\s+(?:عموم|جميع|كل|كافة)?\s*(?:البلاد|العراق|المحافظات)(?!\w)"
    r"|(?:في\s+)?عموم\s+(?:البلاد|العراق|المحافظات)(?!\w)"
    # "وعلى المستوى الاتحادي، ...": a clause fronted by the national level speaks for the country, not the story's
    # province or region
    r"|(?:على|في)\s+المستوى\s+(?:الاتحادي|الوطني)(?!\w)"
    r"|(?:في\s+)?(?:عدد\s+من|عدة|مختلف)\s+(?:ال)?محافظات(?!\w)"  # "in a number of governorates": several, not one
    r"|(?:في\s+)?(?:ال)?عاصمة\s+و(?:باقي\s+|بقية\s+)?(?:ال)?محافظات(?!\w)"
    r"|(?:في\s+)?بغداد\s+و(?:باقي\s+|بقية\s+)?(?:ال)?محافظات(?!\w)"  # "in Baghdad and the provinces": all Iraq
)
# Epithets English news style uses for a governorate's city in place of its name: "the capital" (Baghdad, unless it
# is the Region's or a province's), "Iraq's southern port city" (Basra). (Arabic "العاصمة" mostly names where an
# official spoke, "خلال زيارته ... في العاصمة", rather than what a figure covers.)
_EPITHETS = (
    (
        re.compile(
            r"(?<!Region's\s)(?<!Region’s\s)(?<!Kurdistan's\s)(?<!provincial\s)\bthe\s+(?:Iraqi\s+)?capital\b"
            r"(?!\s+(?:of|city\s+of)\b)",
            re.IGNORECASE,
        ),
        "IQ-BG",
    ),
    (re.compile(r"\b(?:Iraq's|Iraq’s|the)\s+(?:southern\s+)?(?:oil-rich\s+)?port\s+city\b", re.IGNORECASE), "IQ-BA"),
)
_REGION_WORDS = re.compile(r"\bthe\s+region(?:'s|’s)?\b|(?<!\w)الإقليم(?!\w)", re.IGNORECASE)

# Authorities whose statements speak for an area: a figure they give with no place of its own is theirs.
# English and Arabic names; the code is the area the authority reports for (data/raw/geographies.csv).
_AUTHORITIES = [
    (
        r"Sulaimani(?:yah)?(?:'s|’s|,\s+the)?\s+(?:Asayish|security\s+(?:directorate|agency))"
        r"|Asayish\s+(?:of|in)\s+Sulaimani(?:yah)?|Sulaymaniyah(?:'s|’s)?\s+(?:Asayish|security\s+(?:directorate|agency))"
        r"|Sulaymaniyah[-\s]Halabja\s+Security\s+Agency|أسايش\s+السليمانية|آسايش\s+السليمانية",
        "X-IQ-SU-HAL",
        "the Sulaimani Asayish's area",
    ),
    (
        r"\bKRSC\b|Kurdistan\s+Region\s+Security\s+Council|مجلس\s+أمن\s+إقليم\s+كوردستان",
        "IQ-KR",
        "the Kurdistan Region's security council",
    ),
    (
        r"(?:Kurdistan|\bthe)\s+Region(?:'s|’s)?\s+(?:General\s+)?(?:Directorate\s+(?:of|for)\s+)?"
        r"(?:anti-?narcotics|drug|narcotics?)(?:[-\s]+(?:combat\w*|control))?\s+directorate"
        r"|Kurdistan\s+Region(?:al\s+Government)?(?:'s|’s)?\s+(?:General\s+)?Directorate\s+(?:of|for)\s+"
        r"(?:Combat+ing\s+)?(?:Narcotics|Drugs?)|\bKRG(?:'s|’s)?\s+(?:anti-?narcotics|drug)\s+directorate"
        r"|(?:ال)?مديرية\s+(?:العامة\s+ل)?مكافحة\s+المخدرات\s+في\s+إقليم\s+كو?ردستان",
        "IQ-KR",
        DIRECTORATE,
    ),
    (
        # The Interior Ministry's treatment centres are the federal network: the Kurdistan Region runs its own. So is
        # whatever a text says lies outside the Region ("the provinces outside the Kurdistan Region", "عدا إقليم
        # كوردستان"), which wins over the Region's name inside the phrase.
        r"(?:Interior\s+)?Ministry(?:'s|’s)\s+(?:treatment|rehabilitation)\s+centres|مراكز\s+التأهيل\s+التابعة\s+لوزارة\s+الداخلية"
        # and so are the Justice Ministry's prisons ("سجون الوزارة تضم ..."): the Region runs its own
        r"|(?:Justice\s+)?Ministry(?:'s|’s)\s+prisons|(?<!\w)سجون\s+(?:ال)?وزارة(?:\s+العدل)?(?!\w)"
        r"|(?:provinces|governorates)\s+outside\s+(?:of\s+)?the\s+Kurdistan\s+Region|\bfederal\s+(?:provinces|governorates)"
        r"|(?:ال)?محافظات\s+(?:ال)?اتحادية|(?:ال)?محاكم\s+(?:ال)?اتحادية|\bfederal\s+courts\b"  # the federal courts' area
        r"|(?:excluding|except(?:\s+for)?|outside(?:\s+of)?|not\s+(?:counting|including)|apart\s+from|other\s+than)"
        r"\s+(?:those\s+(?:in|of)\s+)?the\s+(?:[\w-]+\s+)?Kurdistan\s+Region"  # "not counting the semi-autonomous ..."
        r"|(?:(?:ال)?محافظات\s+(?:\S+\s+)?)?(?:ما\s+)?(?:عدا|خارج|باستثناء)\s+(?:محافظات\s+)?(?:إ|ا)قليم\s+كو?ردستان",
        FEDERAL,
        "outside the Kurdistan Region",
    ),
    (
        r"General\s+Directorate\s+(?:for|of)\s+(?:Narcotics|Drug)\w*(?:\s+(?:and\s+Psychotropic\s+Substances\s+)?Affairs)?"
        r"|\bGDNA\b|(?:Iraqi\s+)?(?:Interior\s+Ministry|Ministry\s+of\s+(?:the\s+)?Interior)|Supreme\s+Judicial\s+Council"
        r"|المديرية\s+العامة\s+لشؤون\s+المخدرات|وزارة\s+الداخلية|مجلس\s+القضاء\s+الأعلى"
        # The federal ministries speak for the whole country (the Region's own are "of the Kurdistan Region").
        # and so do their ministers ("وزير الصحة", "Health Minister").
        r"|(?<!Kurdistan\s)(?<!Regional\s)(?:Health|Justice|Defen[cs]e)\s+Minist(?:ry|er)"
        r"|Minist(?:ry|er)\s+of\s+(?:Health|Justice|Defen[cs]e)"
        r"|(?:وزارة|وزير)\s+(?:الصحة|العدل|الدفاع)(?!\s+(?:في|ب)\s*(?:ال)?إقليم)",
        COUNTRY,
        "a national authority",
    ),
]
_AUTHORITY_PATTERNS = [(re.compile(pattern, re.IGNORECASE), code, why) for pattern, code, why in _AUTHORITIES]


def authority_place(text: str, ref: Reference, zone: str | None = None) -> PlaceMention | None:
    """The area of the first authority the text quotes, to place figures that name no place of their own.

    A local authority (the Sulaimani Asayish) is more specific than a national one, so it wins when both appear.
    """
    found = [
        (code == COUNTRY, match.start(), code, why, match.group())
        for pattern, code, why in _AUTHORITY_PATTERNS
        if code != FEDERAL  # a phrase about the federal centres or provinces, not an authority of the whole text
        for match in [pattern.search(text)]
        if match
    ]
    if not found:
        return None
    # The first local authority the text quotes; a national one only when it quotes no local one.
    _, _, code, why, written = min(found, key=lambda f: (f[0], f[1]))
    code = zone if zone and why == DIRECTORATE else code
    name = ref.geographies[code].fields["name_en"] if code in ref.geographies else code
    role = national_role(written) if code == COUNTRY else ""
    return PlaceMention(0, 0, name, code, f"'{written}', {why}", role=role)


def national_role(written: str) -> str:
    """'interior' for the Interior Ministry or its narcotics directorate, 'national' for another national body."""
    return "interior" if _INTERIOR.search(written) else "national"


_INTERIOR = re.compile(r"Interior|Narcotics|Drug|GDNA|الداخلية|المخدرات", re.IGNORECASE)


# Districts, towns and border crossings the gazetteer does not hold, with the governorate they lie in: a figure placed
# "at the al-Qaim crossing" or "عند سيطرة ... التابعة لقضاء قلعة دزة" is that governorate's. Arabic names that are
# also common words or names (القائم "the existing", حديثة "recent", الهاشمية "Hashemite", رانية a first name) count
# only after an administrative word.
_ADMIN_AR = r"(?:(?<=قضاء\s)|(?<=مدينة\s)|(?<=ناحية\s)|(?<=منفذ\s)|(?<=بلدة\s)|(?<=معبر\s))"
_TOWNS: dict[str, tuple[str, ...]] = {
    "IQ-AN": (
        "al-Qaim",
        "Qaim",
        "Husaybah",
        "Fallujah",
        "Falluja",
        "Ramadi",
        "Haditha",
        "Anah",
        "Rawa",
        "Habbaniyah",
        "Khaldiya",
        "Trebil",
        "Traibil",
        "Akashat",
        "الفلوجة",
        "الرمادي",
        "هيت",
        "عنة",
        "راوة",
        "الحبانية",
        "طريبيل",
        "الرطبة",
        "حصيبة",
        f"{_ADMIN_AR}القائم",
        f"{_ADMIN_AR}حديثة",
    ),
    "IQ-BA": (
        "Abu al-Khasib",
        "Safwan",
        "Umm Qasr",
        "Shalamcheh",
        "Shalamcha",
        "Hartha",
        "أبو الخصيب",
        "ابو الخصيب",
        "سفوان",
        "أم قصر",
        "ام قصر",
        "الشلامجة",
        f"{_ADMIN_AR}الزبير",
        "القرنة",
        "الهارثة",
    ),
    "IQ-DQ": ("Shatra", "Chibayish", "الشطرة", "الجبايش", "سوق الشيوخ"),
    "IQ-MA": (
        "Ali al-Gharbi",
        "Majar al-Kabir",
        "Kumait",
        "علي الغربي",
        "المجر الكبير",
        "قلعة صالح",
        f"{_ADMIN_AR}الشيب",
    ),
    "IQ-WA": ("Suwaira", "Numaniyah", "Aziziyah", "Zurbatiyah", "الصويرة", "النعمانية", "العزيزية", "زرباطية", "بدرة"),
    "IQ-DI": (
        "Muqdadiyah",
        "Balad Ruz",
        "Mandali",
        "Khalis",
        "Munthiriya",
        "المقدادية",
        "بلدروز",
        "مندلي",
        f"{_ADMIN_AR}الخالص",
        "جلولاء",
        "المنذرية",
    ),
    "IQ-BB": (
        "Musayyib",
        "Mahawil",
        "Hashimiya",
        "Jurf al-Sakhar",
        "المسيب",
        "المحاويل",
        f"{_ADMIN_AR}الهاشمية",
        "جرف الصخر",
    ),
    "IQ-KA": ("Ain al-Tamr", "Hindiya", "عين التمر", f"{_ADMIN_AR}الهندية"),
    "IQ-NA": ("Kufa", "Manathira", "Mishkhab", "الكوفة", f"{_ADMIN_AR}المناذرة", "المشخاب"),
    "IQ-QA": ("Afak", "Shamiya", "عفك", f"{_ADMIN_AR}الشامية"),
    "IQ-MU": ("Samawah", "Samawa", "السماوة", "الرميثة"),
    "IQ-SD": (
        "Tikrit",
        "Samarra",
        "Baiji",
        "Tuz Khurmatu",
        "Dujail",
        "Shirqat",
        "تكريت",
        "سامراء",
        "بيجي",
        "طوزخورماتو",
        "الدجيل",
        "الشرقاط",
    ),
    "IQ-NI": (
        "Tal Afar",
        "Tel Afar",
        "Sinjar",
        "Hamdaniya",
        "Bashiqa",
        "Qayyarah",
        "تلعفر",
        "سنجار",
        "الحمدانية",
        "بعشيقة",
        "القيارة",
    ),
    "IQ-KI": ("Hawija", "Daquq", "الحويجة", "داقوق"),
    "IQ-AR": (
        "Shaqlawa",
        "Koya",
        "Koysinjaq",
        "Choman",
        "Rawanduz",
        "Bradost",
        "Haji Omaran",
        "Mergasor",
        "سوران",
        "شقلاوة",
        "كويه",
        "كويسنجق",
        "جومان",
        "راوندوز",
        "برادوست",
        "حاج عمران",
        "ميركسور",
    ),
    "IQ-DA": (
        "Amedi",
        "Amadiya",
        "Akre",
        "Aqrah",
        "Simele",
        "Sumel",
        "Shekhan",
        "Bardarash",
        "زاخو",
        "العمادية",
        "عقرة",
        "سميل",
        "شيخان",
        "إبراهيم الخليل",
        "ابراهيم الخليل",
    ),
    "IQ-SU": (
        "Qaladiza",
        "Qalat Diza",
        "Qala Diza",
        "Ranya",
        "Penjwen",
        "Chamchamal",
        "Darbandikhan",
        "Kalar",
        "Dukan",
        "Pishdar",
        "Arbat",
        "Mawat",
        "Sharbazher",
        f"{_ADMIN_AR}عربت",
        "ماوت",
        "شارباژێر",
        "شاربازير",
        "رابرين",
        "قلعة دزة",
        "قلعةدزة",
        f"{_ADMIN_AR}رانية",
        "بنجوين",
        "جمجمال",
        "دربندخان",
        "كلار",
        f"{_ADMIN_AR}دوكان",
        f"{_ADMIN_AR}سيد صادق",
        "بشدر",
        "كرميان",
        "گرميان",
    ),
}


class PlaceFinder:
    def __init__(self, ref: Reference):
        self._ref = ref
        self.directorate_zone: str | None = None  # the zone the Region's directorate reports for in this text
        self.federal_provinces = False  # the text's provinces exclude the Kurdistan Region (federal_provinces.py)
        spellings = {s for s in _spellings(ref) if re.search(r"[A-Za-z\u0621-\u064a]", s) and len(s) > 2}
        alternatives = sorted(spellings, key=len, reverse=True)
        body = "|".join(re.sub(r"\\[-\s]|\\ ", r"[\\s-]+", re.escape(s)) for s in alternatives)
        # An Arabic name may carry a one-letter prefix glued to it ("بالبصرة", "والسليمانية", "وديالى", "بكركوك"): it
        # is not part of it.
        self._pattern = re.compile(rf"(?<![\w-])(?:[وبفل](?=ال)|[وب])?(?P<name>{body})(?![\w-])", re.IGNORECASE)
        towns = {}
        for code, names in _TOWNS.items():
            for name in names:
                bare = name.split(")")[-1]  # an Arabic name that needs an administrative word keeps its lookbehind
                if code in ref.geographies and not (len(bare) > 2 and self._known(bare)):
                    towns[place_key_of(bare)] = code
        self._towns = towns
        town_body = "|".join(
            sorted(
                (
                    n if n.startswith("(?") else re.sub(r"\\[-\s]|\\ ", r"[\\s-]+", re.escape(n))
                    for names in _TOWNS.values()
                    for n in names
                ),
                key=len,
                reverse=True,
            )
        )
        self._town_pattern = re.compile(
            rf"(?<![\w-])(?:[وبفل](?=ال)|[وب])?(?P<name>(?:al-)?(?:{town_body}))(?![\w-])", re.IGNORECASE
        )

    def find(self, sentence: str, region_named: bool, skip_to: int = 0) -> list[PlaceMention]:
        """Places named in the sentence after `skip_to` (a dateline); 'the region' counts when the text names it."""
        found = [m for m in self._aliases(sentence, skip_to)]
        # A town inside a governorate the sentence names ("محافظتي أربيل ودهوك وإدارتي سوران وعقرة") adds nothing.
        named = {m.code for m in found} | {c for m in found if m.code != REGION for c in self._members(m.code)}
        found += [t for t in self._town_mentions(sentence, skip_to) if t.code not in named]
        found += self._local_authorities(sentence, skip_to)  # longer than the place inside them, so they win
        found += [self._named(m, code) for pattern, code in _EPITHETS for m in pattern.finditer(sentence, skip_to)]
        found += [self._named(m, COUNTRY, linked=True) for m in _COUNTRY_WORDS.finditer(sentence, skip_to)]
        found += [
            self._named(m, self._provinces(m), linked=True) for m in _COUNTRY_WORDS_AR.finditer(sentence, skip_to)
        ]
        if region_named:
            found += [self._named(m, REGION) for m in _REGION_WORDS.finditer(sentence, skip_to)]
        kept = [p for p in sorted(_without_overlaps(found), key=lambda p: p.start) if not _names_a_body(p, sentence)]
        kept = [replace(p, role="partner") if _PARTNER.search(sentence[: p.start]) else p for p in kept]
        kept = _without_excepted_whole(kept)
        return [
            replace(p, role="fronted")
            if not p.role
            and self._ref.geographies[p.code].fields.get("level") == "governorate"  # not "In the Region, ..."
            and _FRONTED.match(sentence[skip_to : p.start])
            and _FRONTED_END.match(sentence, p.end)
            else p
            for p in kept
        ]

    def _provinces(self, match: re.Match) -> str:
        """'في المحافظات' (in the provinces) is the federal ones in a text that says they exclude the Region."""
        provinces = self.federal_provinces and re.fullmatch(r"(?:في|على\s+مستوى)\s+(?:جميع\s+)?المحافظات", match[0])
        return FEDERAL if provinces else COUNTRY

    def _local_authorities(self, sentence: str, skip_to: int) -> list[PlaceMention]:
        """'The Sulaimani Asayish' speaks for Sulaymaniyah and Halabja, not for the city its name holds."""
        found = []
        for pattern, code, why in _AUTHORITY_PATTERNS:
            if code == COUNTRY:
                continue  # a national authority places nothing inside a sentence; it is only the fallback
            code = self.directorate_zone if self.directorate_zone and why == DIRECTORATE else code
            for match in pattern.finditer(sentence, skip_to):
                name = self._ref.geographies[code].fields["name_en"] if code in self._ref.geographies else code
                found.append(
                    PlaceMention(match.start(), match.end(), name, code, f"'{match.group()}', {why}", role="authority")
                )
        return found

    def national_voice(self, sentence: str, skip_to: int = 0) -> PlaceMention | None:
        """'Baghdad's General Directorate of Narcotics Affairs said ... 1,417 people': the national authority a
        sentence quotes, which speaks for the country when the sentence and its paragraph name no place."""
        # (an authority named as a partner, "بالتعاون مع وزارة الداخلية", "together with the Interior Ministry",
        # does not speak for the sentence)
        match = next(
            (m for m in _NATIONAL.finditer(sentence, skip_to) if not _PARTNER.search(sentence[: m.start()])), None
        )
        if match is None:
            return None
        name, why = self._ref.geographies[COUNTRY].fields["name_en"], f"'{match.group()}', a national authority"
        return PlaceMention(match.start(), match.end(), name, COUNTRY, why, role=national_role(match.group()))

    def names_region(self, text: str) -> bool:
        return any(p.code == REGION for p in self._aliases(text, 0))

    def _aliases(self, text: str, skip_to: int) -> list[PlaceMention]:
        mentions = []
        for match in self._pattern.finditer(text, skip_to):
            name = match["name"]
            if not re.search(r"[A-Z\u0600-\u06ff]", name):
                continue  # place names are capitalised; "kut" or "soran" in running text are other words
            try:
                code = self._ref.gazetteer.resolve(name)
            except InputError:
                continue
            mentions.append(PlaceMention(match.start("name"), match.end(), name, code, f"'{name}'"))
        return mentions

    def _members(self, code: str) -> list[str]:
        return [m for m in self._ref.geographies[code].fields.get("members", "").split("|") if m]

    def _known(self, name: str) -> bool:
        try:
            self._ref.gazetteer.resolve(name)
        except InputError:
            return False
        return True

    def _town_mentions(self, text: str, skip_to: int) -> list[PlaceMention]:
        """Districts, towns and crossings the gazetteer lacks: the governorate they lie in."""
        mentions = []
        for match in self._town_pattern.finditer(text, skip_to):
            name = match["name"]
            code = self._towns.get(place_key_of(re.sub(r"^al-", "", name, flags=re.IGNORECASE))) or self._towns.get(
                place_key_of(name)
            )
            if code is None or not re.search(r"[A-Z\u0600-\u06ff]", name):
                continue
            governorate = self._ref.geographies[code].fields["name_en"]
            mentions.append(
                PlaceMention(match.start("name"), match.end(), governorate, code, f"'{name}', in {governorate}")
            )
        return mentions

    def _named(self, match: re.Match, code: str, linked: bool = False) -> PlaceMention:
        name = self._ref.geographies[code].fields["name_en"] if code in self._ref.geographies else code
        return PlaceMention(match.start(), match.end(), name, code, f"'{match.group()}'", linked)


def _without_excepted_whole(places: list[PlaceMention]) -> list[PlaceMention]:
    """A sentence that names the country and excepts the Kurdistan Region ("the courts in Iraq's provinces, excluding
    the Region's", "في العراق ... باستثناء محافظات إقليم كردستان") is about the federal provinces: the country is the
    whole the exception is taken from, not a second place that would outrank them."""
    if not any(p.code == FEDERAL for p in places):
        return places
    return [p for p in places if p.code != COUNTRY]


def place_key_of(name: str) -> str:
    return re.sub(r"[\s-]+", " ", name.strip().lower())


def _spellings(ref: Reference) -> set[str]:
    names = {r.fields["name_en"] for r in ref.geographies.values()}
    names |= {r.fields.get("name_ar", "") for r in ref.geographies.values()} - {""}
    return names | {alias for aliases in ref.aliases.values() for alias in aliases}


def _without_overlaps(mentions: list[PlaceMention]) -> list[PlaceMention]:
    kept: list[PlaceMention] = []
    # An authority's or area's phrase wins over a shorter phrase overlapping it ("في المحافظات العراقية عدا إقليم
    # كوردستان" is not "in the governorates"); then the first and longest.
    for mention in sorted(mentions, key=lambda m: (m.role != "authority", m.start, -(m.end - m.start))):
        if all(mention.start >= k.end or mention.end <= k.start for k in kept):
            kept.append(mention)
    return kept


# A place that only names a body: the national directorate's seat ("Baghdad's General Directorate of Narcotics
# Affairs") or the court that issued the warrants ("بموجب مذكرات صادرة عن محكمة تحقيق الرصافة").
_WARRANTS_BY = re.compile(
    r"(?:warrants?|orders?)\s+(?:were\s+)?issued\s+by\s+(?:\S+\s+){0,4}$"
    r"|(?:مذكرات|مذكرة|أوامر|أمر)\s+(?:\S+\s+)?صادرة\s+(?:عن|من)\s+(?:\S+\s+){0,3}$",
    re.IGNORECASE,
)
_NATIONAL = next(pattern for pattern, code, _ in _AUTHORITY_PATTERNS if code == COUNTRY)


# National bodies a country's name may own ("Iraq's National Security Service") besides the national authorities.
_NATIONAL_BODY = re.compile(
    r"National\s+Security\s+(?:Service|Agency)|Counter-?Terrorism\s+Service|Central\s+Criminal\s+Court", re.IGNORECASE
)


# "Police in Iraq's southern oil hub", "In Iraq's south": the country's name only describes a part of it, which the
# text names elsewhere (its headline, dateline or department), so it is not the figure's place.
_PART_OF_COUNTRY = re.compile(
    r"(?:'s|’s)\s+(?:[a-z]+(?<!s)\s+){0,2}?(?:south|north|east|west|city|port|hub|capital|province|governorate|town"
    r"|heartland)\b",
    re.IGNORECASE,
)


# "trying to bring pills from Syria into Iraq", "تهريبها إلى داخل العراق": the country as the end of a smuggling
# route says where the drugs were going, not which part of it the figure belongs to.
_INTO_COUNTRY = re.compile(r"\b(?:into|entering)\s+$|(?<!\w)(?:إلى|الى)\s+داخل\s+$", re.IGNORECASE)


# "فريق مشترك من مديريتي مكافحة المخدرات في الكرخ والبصرة", "a joint team from the Karkh and Basra directorates":
# places that tell which directorates (dual or plural) took part name those bodies, not where the figure is.
_DIRECTORATES_OF = re.compile(
    r"(?<!\w)(?:ال)?(?:مديريتي|مديريات|مديريتا)\s+(?:\S+\s+){0,4}?(?:في|ب)\s*(?:\S+\s+و)?$"
    r"|\bdirectorates\s+(?:of|in)\s+(?:\S+\s+and\s+)?$",
    re.IGNORECASE,
)


def _names_a_body(place: PlaceMention, sentence: str) -> bool:
    if _DIRECTORATES_OF.search(sentence[: place.start]) or briefing_venue(sentence[: place.start]):
        return True
    if place.code == COUNTRY and (
        _PART_OF_COUNTRY.match(sentence, place.end) or _INTO_COUNTRY.search(sentence[: place.start])
    ):
        return True
    seat = re.match(r"(?:'s|’s)\s+", sentence[place.end :])
    body = seat and (
        _NATIONAL.match(sentence, place.end + seat.end()) or _NATIONAL_BODY.match(sentence, place.end + seat.end())
    )
    if body and place.role != "authority":
        return True
    return bool(_WARRANTS_BY.search(sentence[: place.start]))


# A place phrase that opens the sentence ("In Erbil, the Region's directorate seized ...", "وفي أربيل، ضبطت مديرية
# ... في الإقليم"): the scene of the whole clause, which wins over a place inside the description of who acted.
_FRONTED = re.compile(
    r"^\s*(?:(?:و|ف)?(?:في|ب)\s*|(?:In|At|Inside)\s+(?:the\s+)?(?:city\s+of\s+|province\s+of\s+)?)$", re.I
)
_FRONTED_END = re.compile(r"\s*(?:province|governorate)?\s*[,،]")

# A place named as the partner of an operation ("working with anti-narcotics forces in Sulaymaniyah", "بالتعاون مع
# شرطة ميسان") is not where its figure is.
_PARTNER = re.compile(
    r"(?:\b(?:working|together|jointly|cooperation|coordination|conjunction)\s+with"
    r"|\bjoint\s+(?:operations?|raids?|efforts?|work|campaigns?)\s+with|بالتعاون\s+مع|بالتنسيق\s+مع"
    # "عملية مشتركة نفذتها شرطة ذي قار مع شرطة المثنى", "a joint raid by Basra police with ...": the one joined
    r"|\bjoint\s+(?:operations?|raids?|campaigns?)\s+(?:by|of)\s+[^,،;.]{0,50}?\bwith"
    r"|(?<!\w)(?:عملية|عمليات|حملة|مداهمة)\s+مشترك\w*\s+[^,،;.]{0,50}?(?<!\S)مع)"
    r"[^,،;.]{0,50}$",
    re.IGNORECASE,
)
# A place right after a figure's own words, linked by "in", "at", "across" ... ("three in Baghdad"); a haul
# smuggled "through" or "via" a place was seized there.
_LINK_BACK = re.compile(
    r"^[\w\s'’-]{0,90}?\b(?:in|at|across|from|inside|throughout|through|via)\s+(?:the\s+)?$", re.IGNORECASE
)
_NO_BREAK = re.compile(r"^[\w\s'’-]{0,90}$")
# Arabic: "1577 متهماً بقضايا المخدرات في محافظتي أربيل ودهوك", "ضبط 5 كغم بالبصرة".
_LINK_BACK_AR = re.compile(
    r"^[\w\s]{0,90}?(?:(?<!\S)في\s+(?:(?:ال)?(?:محافظ\w*|مدينة|قضاء|ناحية|عاصمة)\s+)?|(?<!\S)ب)$"
)


def owner_of(place: PlaceMention, sentence: str, figure_spans: list[tuple[int, int]]) -> int | None:
    """Index of the figure a place belongs to: the one before it when linked by 'in', else the next one.

    A place after the last figure and not linked to it (an attribution, "police in Basra said") belongs to
    none and so scopes the whole sentence.
    """
    before = [i for i, (_, end) in enumerate(figure_spans) if end <= place.start]
    after = [i for i, (start, _) in enumerate(figure_spans) if start >= place.end]
    if before:
        gap = sentence[figure_spans[before[-1]][1] : place.start]
        if _LINK_BACK.match(gap) or _LINK_BACK_AR.match(gap) or (place.linked and _NO_BREAK.match(gap)):
            return before[-1]
    return after[0] if after else None
