# ruff: noqa: E501  (demo data: one service text per line reads best)
"""Demo directory: the Kymenlaakso family centre network and the national lines.

Every text is our own. Regional phone numbers (05 0000 …), addresses and
chat links are placeholders and each such service says so in its description.
The national lines (112, 116 111, 09 2525 0111, Sekasin, 116 117) are the
real public numbers, with plausible opening hours.

`load()` is idempotent and never overwrites edits: records are created only
when missing, keyed on fixed translation keys (a renamed service is not
recreated; a deleted one is).
"""

import datetime as dt
import uuid

from django.db import transaction
from wagtail.models import Locale

from home.models import HomePage

from .models import (
    ContactChannel,
    Municipality,
    Organisation,
    Service,
    ServiceFinderPage,
)

NAMESPACE = uuid.UUID("3f6d2a56-6a0e-4a57-9a0c-6b1c5f0d7e11")
LANGUAGES = ("fi", "sv", "en")
MON_FRI = ["0", "1", "2", "3", "4"]
MON_THU = ["0", "1", "2", "3"]
SAT_SUN = ["5", "6"]

DEMO_NOTE = {
    "fi": " Demo: numero, osoite ja aukioloajat ovat esimerkkejä.",
    "sv": " Demo: nummer, adress och öppettider är exempel.",
    "en": " Demo: the number, address and opening hours are examples.",
}

MUNICIPALITIES = [
    ("kouvola", "Kouvola", "Kouvola"),
    ("kotka", "Kotka", "Kotka"),
    ("hamina", "Hamina", "Fredrikshamn"),
    ("pyhtaa", "Pyhtää", "Pyttis"),
    ("miehikkala", "Miehikkälä", "Miehikkälä"),
    ("virolahti", "Virolahti", "Vederlax"),
]

# key: (kind, home municipality, {language: name})
ORGANISATIONS = {
    "county": (
        "county",
        None,
        {
            "fi": "Kymenlaakson hyvinvointialue",
            "sv": "Kymmenedalens välfärdsområde",
            "en": "Kymenlaakso Wellbeing Services County",
        },
    ),
    "kouvola": ("municipality", "kouvola", {"fi": "Kouvolan kaupunki", "sv": "Kouvola stad", "en": "City of Kouvola"}),
    "kotka": ("municipality", "kotka", {"fi": "Kotkan kaupunki", "sv": "Kotka stad", "en": "City of Kotka"}),
    "hamina": ("municipality", "hamina", {"fi": "Haminan kaupunki", "sv": "Fredrikshamns stad", "en": "Town of Hamina"}),
    "pyhtaa": ("municipality", "pyhtaa", {"fi": "Pyhtään kunta", "sv": "Pyttis kommun", "en": "Municipality of Pyhtää"}),
    "miehikkala": ("municipality", "miehikkala", {"fi": "Miehikkälän kunta", "sv": "Miehikkälä kommun", "en": "Municipality of Miehikkälä"}),
    "virolahti": ("municipality", "virolahti", {"fi": "Virolahden kunta", "sv": "Vederlax kommun", "en": "Municipality of Virolahti"}),
    "parish-kouvola": ("parish", "kouvola", {"fi": "Kouvolan seurakuntayhtymä", "sv": "Kouvola kyrkliga samfällighet", "en": "Kouvola parish union"}),
    "parish-kotka": ("parish", "kotka", {"fi": "Kotka-Kymin seurakunta", "sv": "Kotka-Kymmene församling", "en": "Kotka-Kymi parish"}),
    "school": ("school", "kotka", {"fi": "Etelä-Kymenlaakson ammattiopisto Ekami", "sv": "Yrkesinstitutet Ekami", "en": "Ekami vocational college"}),
    "mll": ("ngo", None, {"fi": "Mannerheimin Lastensuojeluliitto (MLL)", "sv": "Mannerheims Barnskyddsförbund (MLL)", "en": "Mannerheim League for Child Welfare (MLL)"}),
    "mieli": ("ngo", None, {"fi": "MIELI Suomen Mielenterveys ry", "sv": "MIELI Psykisk Hälsa Finland rf", "en": "MIELI Mental Health Finland"}),
    "emergency": ("national_line", None, {"fi": "Hätäkeskuslaitos", "sv": "Nödcentralsverket", "en": "Emergency Response Centre Agency"}),
    "medical": ("national_line", None, {"fi": "Päivystysapu 116117", "sv": "Jourhjälpen 116117", "en": "Medical Helpline 116117"}),
}  # fmt: skip


def period(days, opens, closes):
    return (
        "period",
        {"days": days, "opens": dt.time(*opens), "closes": dt.time(*closes)},
    )


OFFICE = [period(MON_THU, (8,), (16,)), period(["4"], (8,), (15,))]
ALWAYS = {"always_open": True}


def phone(number, hours=OFFICE, **extra):
    return {"kind": "phone", "value": number, "hours": hours, **extra}


def walk_in(address, hours=OFFICE, **extra):
    return {"kind": "walk_in", "value": address, "hours": hours, **extra}


def chat(url, hours, **extra):
    return {"kind": "chat", "value": url, "hours": hours, **extra}


def sms(number, hours=OFFICE, **extra):
    return {"kind": "sms", "value": number, "hours": hours, **extra}


ALL = [code for code, _fi, _sv in MUNICIPALITIES]
THEMES_ALL = ["mieli", "paihteet", "jaksaminen"]


def ohjaamo(code, fi_place, sv_place, number, address, extra_channels=()):
    """Every municipality has an Ohjaamo: free, no appointment needed."""
    return {
        "key": f"ohjaamo-{code}",
        "organisation": code,
        "municipalities": [code],
        "themes": THEMES_ALL,
        "ages": (15, 29),
        "languages": ["fi", "en"],
        "demo": True,
        "channels": [
            walk_in(
                address, [period(MON_THU, (9,), (16,)), period(["4"], (9,), (14,))]
            ),
            phone(number, [period(MON_THU, (9,), (16,)), period(["4"], (9,), (14,))]),
            *extra_channels,
        ],
        "text": {
            "fi": (
                f"Ohjaamo {fi_place}",
                "Ohjaamosta saat apua kaikkeen, mikä askarruttaa: koulu, työ, raha, "
                "asuminen tai se, että olo on raskas. Voit tulla ilman ajanvarausta, "
                "ja käynti on maksuton.",
            ),
            "sv": (
                f"Ohjaamo {sv_place}",
                "På Ohjaamo får du hjälp med allt som funderar dig: skola, jobb, "
                "pengar, boende eller att du mår tungt. Du kan komma utan tidsbokning "
                "och besöket är gratis.",
            ),
            "en": (
                f"Ohjaamo {fi_place}",
                "Ohjaamo helps with whatever is on your mind: school, work, money, "
                "housing, or feeling low. Walk in without an appointment; it is free.",
            ),
        },
    }


def family_centre(key, place_fi, place_sv, municipalities, number, address, wide):
    if wide:
        fi_text = (
            "Laajan palvelun perhekeskus: neuvola, perhetyö, perheneuvola, "
            "perheiden sosiaalityö ja lasten ja nuorten mielenterveyspalvelut "
            "samassa paikassa. Voit soittaa itse, myös ilman vanhempia."
        )
        sv_text = (
            "Familjecentral med breda tjänster: rådgivning, familjearbete, "
            "familjerådgivning, socialt arbete och psykiatriska tjänster för barn "
            "och unga på samma ställe. Du kan ringa själv, också utan föräldrar."
        )
        en_text = (
            "A family centre with wide services: child health clinic, family work, "
            "family counselling, social work and mental health services for "
            "children and young people in one place. You can call yourself, also "
            "without your parents."
        )
    else:
        fi_text = (
            "Lähiperhekeskus: neuvola, perhetyö ja ohjaus oikeaan paikkaan. "
            "Voit kysyä mitä tahansa, myös nimettömästi puhelimessa."
        )
        sv_text = (
            "Familjecentral nära dig: rådgivning, familjearbete och hjälp att hitta "
            "rätt. Du kan fråga vad som helst, också anonymt i telefon."
        )
        en_text = (
            "A local family centre: child health clinic, family work and help "
            "finding the right service. Ask anything, also anonymously by phone."
        )
    return {
        "key": key,
        "organisation": "county",
        "municipalities": municipalities,
        "themes": ["mieli", "jaksaminen"],
        "ages": (None, 17),
        "languages": ["fi", "sv"] if wide else ["fi"],
        "demo": True,
        "channels": [phone(number), walk_in(address)],
        "text": {
            "fi": (f"Perhekeskus {place_fi}", fi_text),
            "sv": (f"Familjecentralen {place_sv}", sv_text),
            "en": (f"{place_fi} Family Centre", en_text),
        },
    }


SERVICES = [
    # --- national lines, shown in the help box on every page ---------------
    {
        "key": "112",
        "organisation": "emergency",
        "themes": THEMES_ALL,
        "languages": ["fi", "sv", "en"],
        "help_box": 0,
        "channels": [phone("112", [], **ALWAYS)],
        "text": {
            "fi": ("Hätänumero 112", "Soita, kun henki, terveys tai turvallisuus on vaarassa. Aina auki."),
            "sv": ("Nödnumret 112", "Ring när liv, hälsa eller säkerhet är i fara. Alltid öppet."),
            "en": ("Emergency number 112", "Call when life, health or safety is in danger. Always open."),
        },
    },
    {
        "key": "mll-116111",
        "organisation": "mll",
        "themes": THEMES_ALL,
        "ages": (None, 20),
        "languages": ["fi"],
        "anonymous": True,
        "help_box": 1,
        "fallback": "kriisipuhelin",
        "channels": [
            phone(
                "116 111",
                [period(MON_FRI, (14,), (20,)), period(SAT_SUN, (17,), (20,))],
                public_holidays="sunday",
            ),
            chat(
                "https://www.nuortennetti.fi/",
                [period(MON_FRI, (17,), (20,)), period(["6"], (17,), (20,))],
                public_holidays="sunday",
            ),
        ],
        "text": {
            "fi": ("MLL:n Lasten ja nuorten puhelin", "Aikuinen kuuntelee sinua, kun haluat puhua mistä tahansa. Maksuton ja nimetön: numerosi ei näy."),
            "sv": ("MLL:s Barn- och ungdomstelefon", "En vuxen lyssnar när du vill prata om vad som helst. Avgiftsfri och anonym; på finska."),
            "en": ("MLL Children and Youth Phone", "An adult listens when you want to talk about anything. Free and anonymous; in Finnish."),
        },
    },
    {
        "key": "kriisipuhelin",
        "organisation": "mieli",
        "themes": ["mieli", "jaksaminen"],
        "languages": ["fi", "sv", "en"],
        "anonymous": True,
        "help_box": 2,
        "channels": [phone("09 2525 0111", [], **ALWAYS)],
        "text": {
            "fi": ("Kriisipuhelin", "Kun olo on todella paha tai elämässä on kriisi, voit soittaa mihin aikaan tahansa."),
            "sv": ("Kristelefonen", "När du mår riktigt dåligt eller är i kris kan du ringa när som helst."),
            "en": ("Crisis Helpline", "When you feel really bad or are in a crisis, you can call at any time."),
        },
    },
    {
        "key": "sekasin",
        "organisation": "mieli",
        "themes": THEMES_ALL,
        "ages": (12, 29),
        "languages": ["fi", "sv"],
        "anonymous": True,
        "help_box": 3,
        "fallback": "kriisipuhelin",
        "channels": [
            chat(
                "https://sekasin.fi/",
                [period(MON_FRI, (9,), (0,)), period(SAT_SUN, (15,), (0,))],
                public_holidays="sunday",
            )
        ],
        "text": {
            "fi": ("Sekasin-chat", "Nimetön chat 12–29-vuotiaille. Voit kirjoittaa mistä tahansa, mikä painaa mieltä."),
            "sv": ("Sekasin-chatten", "Anonym chatt för 12–29-åringar. Skriv om vad som helst som tynger dig."),
            "en": ("Sekasin chat", "An anonymous chat for 12–29-year-olds. Write about anything that weighs on you."),
        },
    },
    {
        "key": "116117",
        "organisation": "medical",
        "themes": ["mieli", "paihteet"],
        "languages": ["fi", "sv"],
        "help_box": 4,
        "channels": [phone("116 117", [], **ALWAYS)],
        "text": {
            "fi": ("Päivystysapu", "Neuvoo, kun tarvitset kiireellistä hoitoa tai et tiedä, pitäisikö lähteä päivystykseen."),
            "sv": ("Jourhjälpen", "Ger råd när du behöver vård snabbt eller inte vet om du ska åka till jouren."),
            "en": ("Medical Helpline", "Advice when you need urgent care or are unsure whether to go to the emergency clinic."),
        },
    },
    # --- wellbeing services county ------------------------------------------
    family_centre("perhekeskus-kouvola", "Kouvola", "Kouvola", ["kouvola"], "05 0000 0101", "Salpausselänkatu 1, Kouvola", True),
    family_centre("perhekeskus-kotka", "Kotka", "Kotka", ["kotka", "pyhtaa"], "05 0000 0102", "Kirkkokatu 2, Kotka", True),
    family_centre("perhekeskus-koria", "Koria", "Korian", ["kouvola"], "05 0000 0103", "Korianraitti 3, Kouvola", False),
    family_centre("perhekeskus-keltakangas", "Keltakangas", "Keltakangas", ["kouvola"], "05 0000 0104", "Keltakankaantie 4, Kouvola", False),
    family_centre("perhekeskus-hamina", "Hamina", "Fredrikshamn", ["hamina", "miehikkala", "virolahti"], "05 0000 0105", "Raatihuoneentori 5, Hamina", False),
    {
        "key": "walk-in-veturi",
        "organisation": "county",
        "municipalities": ["kouvola"],
        "themes": ["mieli", "jaksaminen"],
        "ages": (13, 29),
        "languages": ["fi", "en"],
        "anonymous": True,
        "demo": True,
        "fallback": "sekasin",
        "channels": [
            walk_in(
                "Kauppakeskus Veturi, 2. kerros, Kouvola",
                [period(["1", "3"], (12,), (18,))],
            ),
            phone("05 0000 0110", [period(["1", "3"], (12,), (18,))]),
        ],
        "text": {
            "fi": ("Walk in -terapia Veturissa", "Tule juttelemaan ilman ajanvarausta. Yksi keskustelu voi riittää, tai sovitaan jatkosta yhdessä."),
            "sv": ("Walk in-terapi i Veturi", "Kom och prata utan tidsbokning. Ett samtal kan räcka, eller så kommer vi överens om fortsättningen."),
            "en": ("Walk-in therapy at Veturi", "Come and talk without an appointment. One conversation may be enough, or we plan what next together."),
        },
    },
    {
        "key": "kohtaamispaikka-veturi",
        "organisation": "county",
        "municipalities": ["kouvola"],
        "themes": ["jaksaminen"],
        "languages": ["fi", "sv", "en"],
        "anonymous": True,
        "demo": True,
        "channels": [
            walk_in(
                "Kauppakeskus Veturi, 2. kerros, Kouvola",
                [period(MON_FRI, (10,), (18,)), period(["5"], (10,), (15,))],
            )
        ],
        "text": {
            "fi": ("Kohtaamispaikka Veturissa", "Avoin paikka nuorille ja perheille: voit tulla istumaan, kysymään tai tapaamaan järjestöjen ja seurakuntien työntekijöitä."),
            "sv": ("Mötesplatsen i Veturi", "En öppen plats för unga och familjer: kom och sitt, fråga eller träffa personal från organisationer och församlingar."),
            "en": ("Meeting place at Veturi", "An open place for young people and families: drop in, ask, or meet workers from NGOs and parishes."),
        },
    },
    {
        "key": "kouluterveydenhuolto",
        "organisation": "county",
        "municipalities": ALL,
        "themes": THEMES_ALL,
        "ages": (7, 17),
        "languages": ["fi", "sv"],
        "demo": True,
        "channels": [
            phone("05 0000 0120", [period(MON_FRI, (8,), (9,))], label="Puhelinaika"),
            {"kind": "form", "value": "https://example.org/demo/kouluterveydenhuolto", "hours": []},
        ],
        "text": {
            "fi": ("Kouluterveydenhuolto", "Oman koulusi terveydenhoitaja. Hänelle voit kertoa myös mielialasta, unesta tai päihteistä. Hän auttaa myös, jos sinulla ei ole pankkitunnuksia."),
            "sv": ("Skolhälsovården", "Hälsovårdaren i din skola. Du kan berätta om humör, sömn eller rusmedel. Hälsovårdaren hjälper också om du inte har bankkoder."),
            "en": ("School health care", "The nurse at your school. You can talk about mood, sleep or substances too. They also help if you do not have online banking codes."),
        },
    },
    {
        "key": "opiskeluhuolto",
        "organisation": "county",
        "municipalities": ALL,
        "themes": ["mieli", "jaksaminen"],
        "ages": (7, 20),
        "languages": ["fi", "sv"],
        "demo": True,
        "channels": [
            phone("05 0000 0130", [period(MON_FRI, (8,), (15, 30))]),
            sms("050 000 0130", [period(MON_FRI, (8,), (15, 30))]),
        ],
        "text": {
            "fi": ("Koulukuraattori ja koulupsykologi", "Kuraattori ja psykologi auttavat, kun koulussa, kotona tai kavereiden kanssa on vaikeaa. Voit ottaa yhteyttä itse."),
            "sv": ("Skolkurator och skolpsykolog", "Kuratorn och psykologen hjälper när det är svårt i skolan, hemma eller med kompisar. Du kan ta kontakt själv."),
            "en": ("School social worker and psychologist", "They help when things are hard at school, at home or with friends. You can get in touch yourself."),
        },
    },
    {
        "key": "nuorten-matala",
        "organisation": "county",
        "municipalities": ALL,
        "themes": ["paihteet", "mieli"],
        "ages": (13, 22),
        "languages": ["fi"],
        "demo": True,
        "fallback": "sekasin",
        "channels": [
            phone("05 0000 0140"),
            chat("https://example.org/demo/nuorten-matala-chat", [period(MON_THU, (13,), (15,))]),
            walk_in("Kaivokatu 10, Kouvola", [period(["2"], (12,), (15,))]),
        ],
        "text": {
            "fi": ("Nuorten Matala", "Matalan kynnyksen apu nuorille, kun päihteet tai mieli huolettavat. Lähetettä ei tarvita, ja voit tulla myös kaverin kanssa."),
            "sv": ("Nuorten Matala", "Lågtröskelhjälp för unga när rusmedel eller måendet oroar. Ingen remiss behövs och du kan komma med en kompis."),
            "en": ("Nuorten Matala", "Low-threshold help for young people worried about substances or their mood. No referral needed; you can bring a friend."),
        },
    },
    {
        "key": "nuorisopsykiatria",
        "organisation": "county",
        "themes": ["mieli"],
        "ages": (13, 17),
        "languages": ["fi", "sv"],
        "free": True,
        "demo": True,
        "fallback": "kriisipuhelin",
        "channels": [phone("05 0000 0150")],
        "text": {
            "fi": ("Nuorisopsykiatrian poliklinikka", "Hoitoa, kun mielen oireet ovat vaikeita. Tänne tullaan yleensä lähetteellä: kysy terveydenhoitajalta tai Nuorten Matalasta."),
            "sv": ("Ungdomspsykiatriska polikliniken", "Vård när psykiska symtom är svåra. Man kommer oftast med remiss: fråga hälsovårdaren eller Nuorten Matala."),
            "en": ("Youth psychiatry outpatient clinic", "Care when mental health symptoms are severe. Usually by referral: ask your school nurse or Nuorten Matala."),
        },
    },
    # --- municipalities: an Ohjaamo everywhere --------------------------------
    ohjaamo("kouvola", "Kouvola", "Kouvola", "05 0000 0201", "Kauppalankatu 6, Kouvola"),
    ohjaamo(
        "kotka",
        "Kotka",
        "Kotka",
        "05 0000 0202",
        "Keskuskatu 12, Kotka",
        [chat("https://example.org/demo/ohjaamo-kotka-chat", [period(MON_FRI, (12,), (15,))])],
    ),
    ohjaamo("hamina", "Hamina", "Fredrikshamn", "05 0000 0203", "Isoympyräkatu 3, Hamina"),
    ohjaamo("pyhtaa", "Pyhtää", "Pyttis", "05 0000 0204", "Siltakyläntie 4, Pyhtää"),
    ohjaamo("miehikkala", "Miehikkälä", "Miehikkälä", "05 0000 0205", "Keskustie 5, Miehikkälä"),
    ohjaamo("virolahti", "Virolahti", "Vederlax", "05 0000 0206", "Virojoentie 6, Virolahti"),
    # --- parishes, NGOs, schools ----------------------------------------------
    {
        "key": "seurakunta-kouvola",
        "organisation": "parish-kouvola",
        "municipalities": ["kouvola"],
        "themes": ["jaksaminen", "mieli"],
        "ages": (13, 29),
        "languages": ["fi"],
        "demo": True,
        "channels": [
            sms("050 000 0301", [period(MON_FRI, (9,), (15,))]),
            walk_in("Savonkatu 31, Kouvola", [period(["1"], (17,), (20,))], label="Nuortenilta"),
        ],
        "text": {
            "fi": ("Kouvolan seurakuntien nuorisotyö", "Nuorisotyönohjaajat juttelevat kanssasi uskonnosta riippumatta. Tiistaisin nuortenilta."),
            "sv": ("Ungdomsarbetet i Kouvola församlingar", "Ungdomsarbetsledarna pratar med dig oberoende av tro. Ungdomskväll på tisdagar."),
            "en": ("Kouvola parishes' youth work", "Youth workers talk with you whatever your beliefs. Youth evening on Tuesdays."),
        },
    },
    {
        "key": "seurakunta-kotka",
        "organisation": "parish-kotka",
        "municipalities": ["kotka", "pyhtaa"],
        "themes": ["jaksaminen"],
        "ages": (13, 29),
        "languages": ["fi", "sv"],
        "demo": True,
        "channels": [
            phone("05 0000 0302", [period(MON_FRI, (9,), (15,))]),
            walk_in("Kirkkokatu 26, Kotka", [period(["3"], (16,), (20,))], label="Nuortenilta"),
        ],
        "text": {
            "fi": ("Kotka-Kymin seurakunnan nuorisotyö", "Nuortenillat, leirit ja aikuinen, jolle voi puhua. Maksutonta."),
            "sv": ("Ungdomsarbetet i Kotka-Kymmene församling", "Ungdomskvällar, läger och en vuxen att prata med. Gratis."),
            "en": ("Kotka-Kymi parish youth work", "Youth evenings, camps and an adult to talk to. Free."),
        },
    },
    {
        "key": "mll-kymenlaakso",
        "organisation": "mll",
        "municipalities": ["kouvola", "kotka", "hamina"],
        "themes": ["jaksaminen"],
        "ages": (13, 20),
        "languages": ["fi"],
        "demo": True,
        "channels": [phone("05 0000 0401", [period(MON_THU, (10,), (15,))])],
        "text": {
            "fi": ("MLL:n tukioppilas- ja kaveritoiminta Kymenlaaksossa", "Vertaistukea ja tekemistä yhdessä muiden nuorten kanssa."),
            "sv": ("MLL:s stödelev- och kompisverksamhet i Kymmenedalen", "Kamratstöd och aktiviteter tillsammans med andra unga."),
            "en": ("MLL peer support in Kymenlaakso", "Peer support and things to do together with other young people."),
        },
    },
    {
        "key": "ekami-hyvinvointi",
        "organisation": "school",
        "municipalities": ["kotka", "hamina"],
        "themes": THEMES_ALL,
        "ages": (15, 29),
        "languages": ["fi"],
        "demo": True,
        "channels": [
            phone("05 0000 0501", [period(MON_FRI, (8,), (15,))]),
            walk_in("Kotkantie 12, Kotka", [period(MON_FRI, (8,), (15,))]),
        ],
        "text": {
            "fi": ("Ekamin opiskelijahyvinvointi", "Opinto-ohjaajat, kuraattori ja terveydenhoitaja auttavat, kun opiskelu tai elämä tuntuu raskaalta."),
            "sv": ("Studerandevälfärd vid Ekami", "Studiehandledare, kurator och hälsovårdare hjälper när studierna eller livet känns tunga."),
            "en": ("Ekami student wellbeing", "Study counsellors, the school social worker and nurse help when studies or life feel heavy."),
        },
    },
]  # fmt: skip


def key(name):
    return uuid.uuid5(NAMESPACE, name)


def ensure_locales():
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES
    }


def ensure_municipalities():
    result = {}
    for order, (code, name, name_sv) in enumerate(MUNICIPALITIES):
        result[code], _created = Municipality.objects.get_or_create(
            code=code, defaults={"name": name, "name_sv": name_sv, "sort_order": order}
        )
    return result


def ensure_organisations(locales, municipalities):
    result = {}
    for name, (kind, home, names) in ORGANISATIONS.items():
        for code, locale in locales.items():
            organisation, _created = Organisation.objects.get_or_create(
                translation_key=key(f"organisation:{name}"),
                locale=locale,
                defaults={
                    "name": names[code],
                    "kind": kind,
                    "municipality": municipalities.get(home),
                },
            )
            result[name, code] = organisation
    return result


def _channels(spec):
    return [
        ContactChannel(sort_order=order, **channel)
        for order, channel in enumerate(spec["channels"])
    ]


# The kind of each demo service (directory.kinds), by its key or key prefix:
# steps ask for "ohjaamo" and a young person in Hamina gets Ohjaamo Hamina.
KINDS = {
    "ohjaamo-": "ohjaamo",
    "perhekeskus-": "family_centre",
    "seurakunta-": "parish_youth",
    "walk-in-veturi": "walk_in_therapy",
    "kohtaamispaikka-veturi": "meeting_place",
    "kouluterveydenhuolto": "school_nurse",
    "opiskeluhuolto": "student_welfare",
    "nuorten-matala": "youth_substance",
    "nuorisopsykiatria": "youth_psychiatry",
    "112": "emergency",
    "116117": "emergency",
    "mll-116111": "helpline",
    "kriisipuhelin": "helpline",
    "sekasin": "helpline",
}


def kind_of(service_key):
    for prefix, kind in KINDS.items():
        if service_key == prefix or (
            prefix.endswith("-") and service_key.startswith(prefix)
        ):
            return kind
    return ""


def ensure_kinds():
    """Give demo services loaded before kinds existed their kind (blank only)."""
    for spec in SERVICES:
        kind = kind_of(spec["key"])
        if kind:
            Service.objects.filter(
                translation_key=key(f"service:{spec['key']}"), kind=""
            ).update(kind=kind)


def ensure_services(locales, municipalities, organisations):
    created = {}
    today = dt.date.today()
    review_by = today + dt.timedelta(days=365)  # replace(year=…) fails on 29 Feb
    for spec in SERVICES:
        translation_key = key(f"service:{spec['key']}")
        ages = spec.get("ages", (None, None))
        facts = {
            "themes": spec.get("themes", []),
            "age_from": ages[0],
            "age_to": ages[1],
            "languages": spec.get("languages", ["fi"]),
            "anonymous": spec.get("anonymous", False),
            "free": spec.get("free", True),
            "help_box_order": spec.get("help_box"),
            "review_by": review_by,
            "kind": kind_of(spec["key"]),
        }
        for code, locale in locales.items():
            if Service.objects.filter(
                translation_key=translation_key, locale=locale
            ).exists():
                continue
            name, description = spec["text"][code]
            if spec.get("demo"):
                description += DEMO_NOTE[code]
            service = Service(
                translation_key=translation_key,
                locale=locale,
                name=name,
                description=description,
                organisation=organisations[spec["organisation"], code],
                **facts,
            )
            service.channels = _channels(spec)
            service.save()
            service.municipalities.set(
                [municipalities[m] for m in spec.get("municipalities", [])]
            )
            service.save()
            service.save_revision().publish()
            created[spec["key"], code] = service
    # Fallbacks point at other services: set them once both exist.
    for spec in SERVICES:
        if not spec.get("fallback"):
            continue
        for code in LANGUAGES:
            service = created.get((spec["key"], code))
            if service is None:
                continue
            target = Service.objects.filter(
                translation_key=key(f"service:{spec['fallback']}"),
                locale=locales[code],
            ).first()
            if target is not None:
                service.fallback = target
                service.save(update_fields=["fallback"])
                service.save_revision().publish()
    return created


FINDER = {
    "fi": (
        "palvelut",
        "Löydä apua läheltäsi",
        "Kaikki Kymenlaakson nuorten palvelut ja valtakunnalliset auttavat "
        "puhelimet. Näet heti, mikä on auki nyt.",
    ),
    "sv": (
        "tjanster",
        "Hitta hjälp nära dig",
        "Alla tjänster för unga i Kymmenedalen och de riksomfattande "
        "hjälptelefonerna. Du ser genast vad som är öppet nu.",
    ),
    "en": (
        "services",
        "Find help near you",
        "Every service for young people in Kymenlaakso and the national "
        "helplines. See at once what is open now.",
    ),
}


def ensure_finder_pages(locales):
    """One finder page under each language's home page, created once."""
    source = None
    for code, locale in locales.items():
        home = HomePage.objects.filter(locale=locale).first()
        if home is None:
            continue
        existing = ServiceFinderPage.objects.filter(locale=locale).first()
        if existing is not None:
            source = source or existing
            continue
        slug, title, intro = FINDER[code]
        if source is None or code == "fi":
            page = ServiceFinderPage(slug=slug, title=title, introduction=intro)
            home.add_child(instance=page)
        else:
            page = source.copy_for_translation(locale).specific
            page.slug, page.title, page.introduction = slug, title, intro
        page.save_revision().publish()
        source = source or page


@transaction.atomic
def load():
    """Create what is missing of the demo directory; keep every edit."""
    locales = ensure_locales()
    municipalities = ensure_municipalities()
    organisations = ensure_organisations(locales, municipalities)
    created = ensure_services(locales, municipalities, organisations)
    ensure_kinds()
    ensure_finder_pages(locales)
    return created
