"""The texts of the demo paths, written by us for 13–17-year-olds.

Finnish first, with Swedish and English. `L(fi, sv, en)` marks a translated
string anywhere inside a block value; `paths.demo` resolves it per language.
Services are named by words their directory entries contain ("Ohjaamo",
"Matala", …); the loader links whichever exist. Regional details are demo data.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class L:
    fi: str
    sv: str
    en: str


THEMES = [
    {
        "key": "mieli",
        "slug": L("mieli", "psyke", "mind"),
        "name": L("Mieli", "Psyket", "Mind"),
        "description": L(
            "Huoli, alakulo, tunteet ja niiden kanssa pärjääminen.",
            "Oro, nedstämdhet, känslor och hur man klarar sig med dem.",
            "Worry, low mood, feelings and how to cope with them.",
        ),
    },
    {
        "key": "paihteet",
        "slug": L("paihteet", "rusmedel", "substances"),
        "name": L("Päihteet", "Rusmedel", "Substances"),
        "description": L(
            "Alkoholi, nikotiini, nuuska, vape ja kannabis: tietoa ja tukea "
            "vähentämiseen.",
            "Alkohol, nikotin, snus, vape och cannabis: fakta och stöd för att minska.",
            "Alcohol, nicotine, snus, vaping and cannabis: facts and support for "
            "cutting down.",
        ),
    },
    {
        "key": "jaksaminen",
        "slug": L("jaksaminen", "ork", "coping"),
        "name": L("Jaksaminen", "Ork i vardagen", "Everyday coping"),
        "description": L(
            "Uni, stressi, kaverit ja arjen pienet asiat.",
            "Sömn, stress, vänner och vardagens små saker.",
            "Sleep, stress, friends and the small things of everyday life.",
        ),
    },
]

INDEX = {
    "slug": L("polut", "stigar", "paths"),
    "title": L("Polut", "Stigar", "Paths"),
    "introduction": L(
        "Valitse aihe, joka tuntuu omalta. Jokainen polku on muutama lyhyt vaihe, "
        "jotka voit tehdä omaan tahtiisi.",
        "Välj ett tema som känns som ditt. Varje stig består av några korta steg "
        "som du kan göra i din egen takt.",
        "Choose a theme that feels like yours. Each path is a few short steps you "
        "can take at your own pace.",
    ),
}

WHO_SEES_WHAT = L(
    "<ul><li>Vastauksesi näet vain sinä. Kukaan ei lue niitä, ei reaaliajassa "
    "eikä myöhemmin.</li><li>Työntekijät näkevät vain yhteenlaskettuja lukuja, "
    "esimerkiksi kuinka moni on aloittanut polun.</li><li>Voit poistaa "
    "tietosi milloin tahansa.</li></ul>",
    "<ul><li>Bara du ser dina svar. Ingen läser dem, varken nu eller "
    "senare.</li><li>Personalen ser bara sammanräknade siffror, till exempel hur "
    "många som har börjat stigen.</li><li>Du kan radera dina uppgifter när som "
    "helst.</li></ul>",
    "<ul><li>Only you see your answers. Nobody reads them, not now and not "
    "later.</li><li>Staff only see totals, such as how many people have started "
    "the path.</li><li>You can delete your data at any time.</li></ul>",
)

HELPLINE_LINKS = {
    "mieli": {
        "title": L(
            "MIELI ry: tietoa mielen hyvinvoinnista",
            "MIELI rf: om psykisk hälsa",
            "MIELI Mental Health Finland",
        ),
        "url": "https://mieli.fi/",
        "source": L("MIELI Suomen Mielenterveys ry", "MIELI rf", "MIELI ry"),
        "description": L(
            "Tietoa tunteista ja mielen hyvinvoinnista sekä Sekasin-chatin ja "
            "Kriisipuhelimen yhteystiedot.",
            "Fakta om känslor och psykiskt välbefinnande, och kontaktuppgifter till "
            "Sekasin-chatten och Kristelefonen.",
            "About feelings and mental wellbeing, and how to reach the Sekasin chat "
            "and the Crisis Helpline.",
        ),
    },
    "talo": {
        "title": L(
            "Mielenterveystalo: nuorten omahoito",
            "Mielenterveystalo: egenvård för unga",
            "Mielenterveystalo: self-care for young people",
        ),
        "url": "https://www.mielenterveystalo.fi/",
        "source": L("HUS ja hyvinvointialueet", "HUS och välfärdsområdena", "HUS"),
        "description": L(
            "Luotettavaa tietoa ja omahoito-ohjelmia ammattilaisilta.",
            "Tillförlitlig information och egenvårdsprogram av yrkesfolk.",
            "Reliable information and self-care programmes by professionals.",
        ),
    },
    "nuortennetti": {
        "title": L("Nuortennetti", "Nuortennetti", "Nuortennetti"),
        "url": "https://www.nuortennetti.fi/",
        "source": L(
            "Mannerheimin Lastensuojeluliitto", "Mannerheims Barnskyddsförbund", "MLL"
        ),
        "description": L(
            "Nuorten oma sivusto kavereista, kehosta, tunteista ja arjesta.",
            "En webbplats för unga om vänner, kroppen, känslor och vardagen.",
            "A site for young people about friends, body, feelings and everyday life.",
        ),
    },
    "paihdelinkki": {
        "title": L("Päihdelinkki", "Päihdelinkki (på finska)", "Päihdelinkki"),
        "url": "https://www.paihdelinkki.fi/",
        "source": L("A-klinikkasäätiö", "A-klinikstiftelsen", "A-Clinic Foundation"),
        "description": L(
            "Tietoa päihteistä ja niiden vaikutuksista ilman pelottelua.",
            "Fakta om rusmedel och deras effekter, utan skrämseltaktik.",
            "Facts about substances and their effects, without scare tactics.",
        ),
    },
    "stumppi": {
        "title": L(
            "Stumppi: lopeta nikotiini", "Stumppi: sluta med nikotin", "Stumppi"
        ),
        "url": "https://stumppi.fi/",
        "source": L("Filha ry", "Filha rf", "Filha"),
        "description": L(
            "Vinkkejä tupakan, nuuskan ja vapen lopettamiseen.",
            "Tips för att sluta med tobak, snus och vape.",
            "Tips for quitting smoking, snus and vaping.",
        ),
    },
}


def link(key):
    return ("trusted_link", HELPLINE_LINKS[key])


def text(fi, sv, en):
    return ("text", L(fi, sv, en))


def tip(fi, sv, en, kind="tip", attribution=None):
    return (
        "tip",
        {
            "kind": kind,
            "text": L(fi, sv, en),
            "attribution": attribution or L("", "", ""),
        },
    )


def reflection(fi, sv, en, help_text=None):
    return (
        "reflection",
        {"question": L(fi, sv, en), "help_text": help_text or L("", "", "")},
    )


FEW_WORDS = L("Muutama sana riittää.", "Några ord räcker.", "A few words are enough.")

# Each step: slug suffix, title, summary, blocks. ("kind", "ohjaamo") asks for
# the nearest service of a kind (directory.kinds). ("service", "words") marks a
# service contact card for a directory entry whose name contains the words.
PATHS = [
    {
        "key": "huoli",
        "themes": ["mieli"],
        "slug": L("huoli-ja-alakulo", "oro-och-nedstamdhet", "worry-and-low-mood"),
        "title": L("Huoli ja alakulo", "Oro och nedstämdhet", "Worry and low mood"),
        "summary": L(
            "Kun mieli on maassa tai huoli pyörii päässä: keinoja, joilla olo voi "
            "helpottaa.",
            "När du känner dig nere eller oron snurrar i huvudet: sätt att må lite "
            "bättre.",
            "When you feel down or worries keep spinning: ways to feel a bit better.",
        ),
        "duration": 40,
        "intro": L(
            "<p>Kaikilla on joskus huolia ja huonoja päiviä. Tällä polulla opit, "
            "mitä huoli ja alakulo ovat, kokeilet harjoituksia, jotka rauhoittavat "
            "kehoa ja mieltä, ja mietit, kenelle voisit puhua.</p><p>Polku ei "
            "korvaa ihmistä, mutta se voi auttaa alkuun.</p>",
            "<p>Alla har ibland bekymmer och dåliga dagar. På den här stigen får du "
            "veta vad oro och nedstämdhet är, pröva övningar som lugnar kroppen och "
            "tankarna och fundera på vem du kunde prata med.</p><p>Stigen ersätter "
            "inte en människa, men den kan hjälpa dig att komma i gång.</p>",
            "<p>Everyone has worries and bad days sometimes. On this path you learn "
            "what worry and low mood are, try exercises that calm body and mind, and "
            "think about who you could talk to.</p><p>The path does not replace a "
            "person, but it can help you get started.</p>",
        ),
        "completion": L(
            "<p>Hienoa, kävit polun läpi! Palaa harjoituksiin aina, kun tarvitset. "
            "Jos olo ei helpota, ota yhteyttä johonkin polun palveluista.</p>",
            "<p>Bra jobbat, du har gått igenom stigen! Gå tillbaka till övningarna "
            "när du behöver. Om du inte mår bättre, kontakta någon av tjänsterna på "
            "stigen.</p>",
            "<p>Well done, you finished the path! Come back to the exercises whenever "
            "you need them. If you do not feel better, contact one of the services "
            "on the path.</p>",
        ),
        "steps": [
            {
                "title": L("Mitä huoli on?", "Vad är oro?", "What is worry?"),
                "summary": L(
                    "Huoli on tavallinen tunne, joka yrittää suojella.",
                    "Oro är en vanlig känsla som försöker skydda dig.",
                    "Worry is a normal feeling that tries to protect you.",
                ),
                "blocks": [
                    text(
                        "<p>Huoli on mielen tapa varautua. Se voi tuntua "
                        "vatsanpohjassa, sydämen sykkeenä tai unettomuutena. "
                        "Pieni huoli auttaa valmistautumaan kokeeseen. Kun huoli "
                        "kasvaa isoksi, se alkaa viedä tilaa muulta elämältä.</p>"
                        "<h2>Alakulo</h2><p>Alakulo on raskas, väsynyt tai tyhjä "
                        "olo. Siihen voi liittyä ärtymystä. Jos olo kestää viikkoja, "
                        "siitä kannattaa puhua jollekulle.</p>",
                        "<p>Oro är hjärnans sätt att förbereda sig. Den kan kännas i "
                        "magen, som hjärtklappning eller som sömnlöshet. Lite oro "
                        "hjälper dig att förbereda dig för ett prov. När oron växer "
                        "tar den plats från resten av livet.</p><h2>Nedstämdhet</h2>"
                        "<p>Nedstämdhet är en tung, trött eller tom känsla. Den kan "
                        "också göra dig irriterad. Om känslan håller i sig i veckor "
                        "lönar det sig att prata med någon.</p>",
                        "<p>Worry is the mind's way of getting ready. You can feel "
                        "it in your stomach, as a racing heart or as sleepless "
                        "nights. A little worry helps you prepare for a test. When "
                        "worry grows big, it takes space from the rest of life.</p>"
                        "<h2>Low mood</h2><p>Low mood is a heavy, tired or empty "
                        "feeling. It can make you irritable too. If it lasts for "
                        "weeks, it is worth talking to someone.</p>",
                    ),
                    text(
                        "<h2>Ahdistus ja paniikki</h2><p>Kun huoli kasvaa "
                        "ahdistukseksi, olo voi olla levoton koko ajan. Paniikki "
                        "on äkillinen, voimakas pelko: sydän hakkaa ja henkeä "
                        "ahdistaa. Paniikkikohtaus menee aina ohi, yleensä "
                        "muutamassa minuutissa. Rauhallinen hengitys auttaa.</p>",
                        "<h2>Ångest och panik</h2><p>När oron växer till ångest "
                        "kan du känna dig rastlös hela tiden. Panik är en plötslig, "
                        "stark rädsla: hjärtat bultar och det är svårt att andas. "
                        "En panikattack går alltid över, oftast på några minuter. "
                        "Lugn andning hjälper.</p>",
                        "<h2>Anxiety and panic</h2><p>When worry grows into "
                        "anxiety, you may feel restless all the time. Panic is a "
                        "sudden, strong fear: your heart pounds and it is hard to "
                        "breathe. A panic attack always passes, usually in a few "
                        "minutes. Calm breathing helps.</p>",
                    ),
                    ("image", "demo"),
                    tip(
                        "<p>Et ole tunteidesi kanssa yksin. Moni nuori kokee samaa, "
                        "vaikka siitä ei puhuta.</p>",
                        "<p>Du är inte ensam med dina känslor. Många unga känner "
                        "likadant, även om man inte pratar om det.</p>",
                        "<p>You are not alone with your feelings. Many young people "
                        "feel the same, even if nobody talks about it.</p>",
                    ),
                ],
            },
            {
                "title": L("Rauhoita keho", "Lugna kroppen", "Calm your body"),
                "summary": L(
                    "Hidas hengitys kertoo keholle, että vaara on ohi.",
                    "Lugn andning säger till kroppen att faran är över.",
                    "Slow breathing tells your body the danger is over.",
                ),
                "blocks": [
                    text(
                        "<p>Kun jännittää, hengitys nopeutuu. Kun hidastat "
                        "uloshengitystä, keho rauhoittuu. Kokeile nyt.</p>",
                        "<p>När du är nervös går andningen snabbare. När du andas "
                        "ut långsamt lugnar kroppen sig. Pröva nu.</p>",
                        "<p>When you are nervous, you breathe faster. When you "
                        "breathe out slowly, your body calms down. Try it now.</p>",
                    ),
                    (
                        "breathing",
                        {
                            "title": L(
                                "Rauhallinen hengitys", "Lugn andning", "Calm breathing"
                            ),
                            "instructions": L(
                                "<p>Istu mukavasti. Voit sulkea silmät.</p>",
                                "<p>Sitt bekvämt. Du kan blunda.</p>",
                                "<p>Sit comfortably. You can close your eyes.</p>",
                            ),
                            "inhale": 4,
                            "hold": 2,
                            "exhale": 6,
                            "rounds": 5,
                        },
                    ),
                    (
                        "video",
                        {
                            "title": L(
                                "Video: hengitys ja hermosto (demo)",
                                "Video: andning och nervsystemet (demo)",
                                "Video: breathing and the nervous system (demo)",
                            ),
                            "external_url": "https://example.org/polku-demo/hengitys",
                            "duration": "2:00",
                            "transcript": L(
                                "<p>Kun pelästyt, keho valmistautuu pakenemaan: "
                                "sydän lyö nopeammin ja hengitys kiihtyy. Kun "
                                "hengität hitaasti ulos, kehon jarru kytkeytyy "
                                "päälle ja olo rauhoittuu. Harjoittele silloin, "
                                "kun olo on rauhallinen, niin keino on käytössä "
                                "myös silloin, kun jännittää.</p>",
                                "<p>När du blir rädd förbereder sig kroppen på att "
                                "fly: hjärtat slår snabbare och andningen går "
                                "fortare. När du andas ut långsamt slår kroppens "
                                "broms till och du blir lugnare. Öva när du är lugn, "
                                "så har du metoden till hands när du är nervös.</p>",
                                "<p>When you get scared, your body gets ready to "
                                "run: your heart beats faster and you breathe "
                                "faster. When you breathe out slowly, the body's "
                                "brake switches on and you calm down. Practise when "
                                "you are calm, so the skill is there when you are "
                                "nervous.</p>",
                            ),
                        },
                    ),
                ],
            },
            {
                "title": L("Huolihetki", "Orostunden", "Worry time"),
                "summary": L(
                    "Anna huolille oma aika, niin ne eivät vie koko päivää.",
                    "Ge oron en egen tid, så tar den inte hela dagen.",
                    "Give worries their own time so they do not take the whole day.",
                ),
                "blocks": [
                    text(
                        "<p>Huolet tulevat usein iltaisin, kun pitäisi nukkua. "
                        "Huolihetki siirtää ne päivään: kun huoli tulee muulloin, "
                        "sano sille “mietin sinua huolihetkellä”.</p>",
                        "<p>Bekymren kommer ofta på kvällen när man borde sova. "
                        "Orostunden flyttar dem till dagen: när en oro dyker upp "
                        "annars, säg till den “jag tänker på dig under "
                        "orostunden”.</p>",
                        "<p>Worries often come at night when you should be sleeping. "
                        "Worry time moves them to the day: when a worry shows up at "
                        "another time, tell it “I will think about you at worry "
                        "time”.</p>",
                    ),
                    (
                        "exercise",
                        {
                            "title": L("Huolihetki", "Orostunden", "Worry time"),
                            "instructions": L(
                                "<ol><li>Valitse päivästä sama kymmenen minuutin "
                                "hetki.</li><li>Kirjoita huolet paperille tai "
                                "puhelimeen.</li><li>Mieti jokaisesta: voinko tehdä "
                                "asialle jotain? Jos voit, kirjoita yksi pieni teko. "
                                "Jos et voi, anna huolen olla.</li></ol>",
                                "<ol><li>Välj samma tio minuter varje dag.</li>"
                                "<li>Skriv ner dina bekymmer på papper eller i "
                                "telefonen.</li><li>Fundera på varje: kan jag göra "
                                "något åt det? Om du kan, skriv en liten sak du kan "
                                "göra. Om inte, låt oron vara.</li></ol>",
                                "<ol><li>Pick the same ten minutes every day.</li>"
                                "<li>Write your worries on paper or in your phone."
                                "</li><li>For each one ask: can I do something about "
                                "it? If you can, write one small step. If you "
                                "cannot, let the worry be.</li></ol>",
                            ),
                            "timer_minutes": 10,
                        },
                    ),
                    reflection(
                        "Mikä asia on viime aikoina huolettanut eniten?",
                        "Vad har oroat dig mest på sistone?",
                        "What has worried you most lately?",
                        FEW_WORDS,
                    ),
                ],
            },
            {
                "title": L("Tässä ja nyt", "Här och nu", "Here and now"),
                "summary": L(
                    "Aistit tuovat mielen takaisin tähän hetkeen.",
                    "Sinnena för tillbaka tankarna till nuet.",
                    "Your senses bring your mind back to the present.",
                ),
                "blocks": [
                    (
                        "grounding",
                        {
                            "title": L("5-4-3-2-1", "5-4-3-2-1", "5-4-3-2-1"),
                            "introduction": L(
                                "<p>Kun ajatukset laukkaavat, etsi ympäriltäsi:</p>",
                                "<p>När tankarna rusar, leta omkring dig efter:</p>",
                                "<p>When your thoughts race, look around you for:</p>",
                            ),
                            "prompts": [
                                {
                                    "count": 5,
                                    "prompt": L(
                                        "asiaa, jotka näet",
                                        "saker du ser",
                                        "things you can see",
                                    ),
                                },
                                {
                                    "count": 4,
                                    "prompt": L(
                                        "asiaa, joihin voit koskea",
                                        "saker du kan röra vid",
                                        "things you can touch",
                                    ),
                                },
                                {
                                    "count": 3,
                                    "prompt": L(
                                        "ääntä, jotka kuulet",
                                        "ljud du hör",
                                        "sounds you can hear",
                                    ),
                                },
                                {
                                    "count": 2,
                                    "prompt": L(
                                        "tuoksua, jotka haistat",
                                        "dofter du känner",
                                        "things you can smell",
                                    ),
                                },
                                {
                                    "count": 1,
                                    "prompt": L(
                                        "maku, jonka tunnet suussasi",
                                        "smak du känner i munnen",
                                        "taste in your mouth",
                                    ),
                                },
                            ],
                        },
                    ),
                    reflection(
                        "Miltä olo tuntui harjoituksen jälkeen?",
                        "Hur kändes det efter övningen?",
                        "How did you feel after the exercise?",
                    ),
                ],
            },
            {
                "title": L("Miten olet jaksanut?", "Hur har du orkat?", "How are you?"),
                "summary": L(
                    "Lyhyt itsearvio auttaa huomaamaan, milloin apua kannattaa pyytää.",
                    "En kort självskattning hjälper dig att märka när det lönar sig "
                    "att be om hjälp.",
                    "A short self-check helps you notice when to ask for help.",
                ),
                "blocks": [
                    (
                        "self_check",
                        {
                            "title": L(
                                "Kahden viikon katsaus",
                                "De senaste två veckorna",
                                "The last two weeks",
                            ),
                            "introduction": L(
                                "<p>Ajattele kahta viime viikkoa.</p>",
                                "<p>Tänk på de senaste två veckorna.</p>",
                                "<p>Think about the last two weeks.</p>",
                            ),
                            "questions": [
                                {
                                    "question": q,
                                    "options": [
                                        {
                                            "label": L("En juuri", "Knappt", "Hardly"),
                                            "score": 0,
                                        },
                                        {
                                            "label": L(
                                                "Joinain päivinä",
                                                "Vissa dagar",
                                                "Some days",
                                            ),
                                            "score": 1,
                                        },
                                        {
                                            "label": L(
                                                "Lähes joka päivä",
                                                "Nästan varje dag",
                                                "Nearly every day",
                                            ),
                                            "score": 2,
                                        },
                                    ],
                                }
                                for q in [
                                    L(
                                        "Olen ollut alakuloinen.",
                                        "Jag har känt mig nere.",
                                        "I have felt down.",
                                    ),
                                    L(
                                        "Mikään ei ole oikein kiinnostanut.",
                                        "Ingenting har riktigt intresserat mig.",
                                        "Nothing has really interested me.",
                                    ),
                                    L(
                                        "Huolet ovat vieneet unet.",
                                        "Oron har tagit min sömn.",
                                        "Worries have kept me awake.",
                                    ),
                                    L(
                                        "Olen jättänyt asioita väliin jaksamatta.",
                                        "Jag har hoppat över saker för att jag inte "
                                        "orkat.",
                                        "I have skipped things because I could not "
                                        "face them.",
                                    ),
                                ]
                            ],
                            "bands": [
                                {
                                    "min_score": 0,
                                    "max_score": 2,
                                    "title": L(
                                        "Arki sujuu", "Vardagen rullar", "Doing okay"
                                    ),
                                    "feedback": L(
                                        "<p>Kuulostaa siltä, että arki sujuu. "
                                        "Harjoitukset auttavat pitämään huolta "
                                        "itsestä jatkossakin.</p>",
                                        "<p>Det låter som att vardagen rullar. "
                                        "Övningarna hjälper dig att ta hand om dig "
                                        "även framöver.</p>",
                                        "<p>It sounds like things are going okay. "
                                        "The exercises help you look after yourself "
                                        "in the future too.</p>",
                                    ),
                                    "services": [],
                                },
                                {
                                    "min_score": 3,
                                    "max_score": 5,
                                    "title": L(
                                        "Välillä raskasta",
                                        "Ibland tungt",
                                        "Sometimes heavy",
                                    ),
                                    "feedback": L(
                                        "<p>Jos tämä kuulostaa tutulta, siitä voi "
                                        "puhua esimerkiksi kouluterveydenhoitajan "
                                        "tai Ohjaamon kanssa.</p>",
                                        "<p>Om det här låter bekant kan du prata om "
                                        "det till exempel med skolhälsovårdaren "
                                        "eller på Ohjaamo.</p>",
                                        "<p>If this sounds familiar, you can talk "
                                        "about it with your school nurse or at "
                                        "Ohjaamo, for example.</p>",
                                    ),
                                    "services": [],
                                    "service_kinds": ["ohjaamo", "school_nurse"],
                                },
                                {
                                    "min_score": 6,
                                    "max_score": 8,
                                    "title": L(
                                        "Paljon kannettavaa",
                                        "Mycket att bära",
                                        "A lot to carry",
                                    ),
                                    "feedback": L(
                                        "<p>Sinulla näyttää olevan paljon "
                                        "kannettavaa. Tämä ei ole diagnoosi, mutta "
                                        "on hyvä puhua jollekulle pian. "
                                        "Hätätilanteessa soita 112.</p>",
                                        "<p>Du verkar ha mycket att bära. Det här är "
                                        "ingen diagnos, men det är bra att prata med "
                                        "någon snart. I nödsituationer, ring 112.</p>",
                                        "<p>You seem to have a lot to carry. This is "
                                        "not a diagnosis, but it is good to talk to "
                                        "someone soon. In an emergency, call 112.</p>",
                                    ),
                                    "services": ["Walk"],
                                    "service_kinds": ["ohjaamo"],
                                },
                            ],
                            "instrument_name": L(
                                "Polun omat kysymykset",
                                "Stigens egna frågor",
                                "The path's own questions",
                            ),
                            "instrument_source": L(
                                "Polku-toimitus (demo)",
                                "Polku-redaktionen (demo)",
                                "Polku editors (demo)",
                            ),
                            "licence": "own",
                            "licence_note": L("", "", ""),
                        },
                    ),
                    link("talo"),
                ],
            },
            {
                "title": L(
                    "Kenelle voin puhua?",
                    "Vem kan jag prata med?",
                    "Who can I talk to?",
                ),
                "summary": L(
                    "Apua saa, eikä sitä tarvitse ansaita.",
                    "Hjälp finns, och du behöver inte förtjäna den.",
                    "Help is there, and you do not have to earn it.",
                ),
                "blocks": [
                    text(
                        "<p>Puhuminen auttaa usein enemmän kuin uskoisi. Voit "
                        "aloittaa vaikka sanomalla: “Mulla on ollut vähän raskasta.”"
                        "</p>",
                        "<p>Att prata hjälper ofta mer än man tror. Du kan börja "
                        "med att säga: “Jag har haft det lite tungt.”</p>",
                        "<p>Talking often helps more than you would think. You can "
                        "start by saying: “Things have been a bit heavy lately.”</p>",
                    ),
                    ("kind", "ohjaamo"),
                    ("service", "Walk"),
                    (
                        "checklist",
                        {
                            "title": L("Minun suunnitelmani", "Min plan", "My plan"),
                            "introduction": L(
                                "Valitse, mitä kokeilet seuraavan viikon aikana.",
                                "Välj vad du provar under nästa vecka.",
                                "Choose what you will try next week.",
                            ),
                            "items": [
                                L(
                                    "Teen hengitysharjoituksen kerran päivässä",
                                    "Jag gör andningsövningen en gång om dagen",
                                    "I do the breathing exercise once a day",
                                ),
                                L(
                                    "Pidän huolihetken kolmena päivänä",
                                    "Jag har orostund tre dagar",
                                    "I have worry time on three days",
                                ),
                                L(
                                    "Kerron olostani yhdelle ihmiselle",
                                    "Jag berättar om hur jag mår för en person",
                                    "I tell one person how I feel",
                                ),
                            ],
                            "own_items": True,
                        },
                    ),
                    ("help_box", None),
                ],
            },
        ],
    },
    {
        "key": "paihteet",
        "themes": ["paihteet"],
        "slug": L("paihteet-vahemmalle", "mindre-rusmedel", "cutting-down"),
        "title": L("Päihteet vähemmälle", "Mindre rusmedel", "Cutting down"),
        "summary": L(
            "Jos haluat vähentää alkoholia, nikotiinia tai kannabista, tämä polku "
            "auttaa tekemään suunnitelman.",
            "Om du vill minska på alkohol, nikotin eller cannabis hjälper den här "
            "stigen dig att göra en plan.",
            "If you want to cut down on alcohol, nicotine or cannabis, this path "
            "helps you make a plan.",
        ),
        "duration": 35,
        "intro": L(
            "<p>Tällä polulla ei saarnata. Mietit omia syitäsi, saat tietoa "
            "alkoholista, nikotiinista ja kannabiksesta, kokeilet keinoja himon "
            "hallintaan ja teet oman suunnitelman.</p>",
            "<p>Den här stigen predikar inte. Du funderar på dina egna skäl, får "
            "fakta om alkohol, nikotin och cannabis, provar sätt att hantera sug "
            "och gör en egen plan.</p>",
            "<p>No lecturing on this path. You think about your own reasons, get "
            "facts about alcohol, nicotine and cannabis, try ways to handle "
            "cravings and make your own plan.</p>",
        ),
        "completion": L(
            "<p>Teit suunnitelman, ja se on iso askel. Jos retkahdat, se ei pyyhi "
            "pois edistystäsi: palaa suunnitelmaan ja jatka.</p>",
            "<p>Du gjorde en plan, och det är ett stort steg. Om du får ett "
            "återfall suddar det inte ut dina framsteg: gå tillbaka till planen.</p>",
            "<p>You made a plan, and that is a big step. A slip does not erase "
            "your progress: go back to the plan and carry on.</p>",
        ),
        "steps": [
            {
                "title": L(
                    "Miksi haluat vähentää?",
                    "Varför vill du minska?",
                    "Why cut down?",
                ),
                "summary": L(
                    "Omat syyt kantavat pisimmälle.",
                    "Egna skäl bär längst.",
                    "Your own reasons carry you furthest.",
                ),
                "blocks": [
                    text(
                        "<p>Joku haluaa säästää rahaa, joku nukkua paremmin, joku "
                        "pärjätä urheilussa. Syyt ovat sinun, eikä niitä tarvitse "
                        "kertoa kenellekään.</p>",
                        "<p>Någon vill spara pengar, någon vill sova bättre, någon "
                        "vill klara sig bättre i idrotten. Skälen är dina och du "
                        "behöver inte berätta dem för någon.</p>",
                        "<p>Some want to save money, some to sleep better, some to "
                        "do better at sport. The reasons are yours and you do not "
                        "have to tell anyone.</p>",
                    ),
                    reflection(
                        "Mitkä ovat kolme tärkeintä syytäsi vähentää?",
                        "Vilka är dina tre viktigaste skäl att minska?",
                        "What are your three most important reasons to cut down?",
                    ),
                    tip(
                        "<p>Kirjoita syyt puhelimen muistiinpanoihin. Niihin on "
                        "helppo palata, kun houkuttaa.</p>",
                        "<p>Skriv skälen i telefonens anteckningar. Det är lätt att "
                        "gå tillbaka till dem när det frestar.</p>",
                        "<p>Write the reasons in your phone's notes. They are easy "
                        "to come back to when you are tempted.</p>",
                    ),
                ],
            },
            {
                "title": L(
                    "Alkoholi, nikotiini ja kannabis",
                    "Alkohol, nikotin och cannabis",
                    "Alcohol, nicotine and cannabis",
                ),
                "summary": L(
                    "Faktat lyhyesti, ilman pelottelua.",
                    "Fakta i korthet, utan skrämsel.",
                    "The facts in brief, without scare tactics.",
                ),
                "blocks": [
                    text(
                        "<h2>Alkoholi</h2><p>Nuoren aivot kehittyvät vielä, ja "
                        "alkoholi vaikuttaa niihin voimakkaammin kuin aikuisen. "
                        "Humalassa riskit kasvavat.</p><h2>Nikotiini</h2><p>Vape, "
                        "nuuska ja tupakka sisältävät nikotiinia, joka koukuttaa "
                        "nopeasti. Vieroitusoireet menevät ohi muutamassa "
                        "viikossa.</p><h2>Kannabis</h2><p>Kannabis voi heikentää "
                        "muistia ja keskittymistä ja lisätä ahdistusta. Sen käyttö "
                        "on Suomessa rikos.</p>",
                        "<h2>Alkohol</h2><p>En ung hjärna utvecklas fortfarande och "
                        "alkohol påverkar den starkare än en vuxens. När man är full "
                        "ökar riskerna.</p><h2>Nikotin</h2><p>Vape, snus och tobak "
                        "innehåller nikotin som gör en beroende snabbt. "
                        "Abstinensen går över på några veckor.</p><h2>Cannabis</h2>"
                        "<p>Cannabis kan försämra minnet och koncentrationen och öka "
                        "ångest. Att använda det är ett brott i Finland.</p>",
                        "<h2>Alcohol</h2><p>A young brain is still developing, and "
                        "alcohol affects it more strongly than an adult's. Being "
                        "drunk raises the risks.</p><h2>Nicotine</h2><p>Vapes, snus "
                        "and cigarettes contain nicotine, which is addictive fast. "
                        "Withdrawal passes in a few weeks.</p><h2>Cannabis</h2><p>"
                        "Cannabis can weaken memory and concentration and increase "
                        "anxiety. Using it is a crime in Finland.</p>",
                    ),
                    link("paihdelinkki"),
                    link("stumppi"),
                ],
            },
            {
                "title": L("Oma käyttöni nyt", "Min användning nu", "My use now"),
                "summary": L(
                    "Katso rehellisesti, missä mennään.",
                    "Se ärligt efter var du står.",
                    "Take an honest look at where you are.",
                ),
                "blocks": [
                    (
                        "self_check",
                        {
                            "title": L(
                                "Päihteet ja minä",
                                "Rusmedel och jag",
                                "Substances and me",
                            ),
                            "introduction": L(
                                "<p>Ajattele viimeistä kuukautta.</p>",
                                "<p>Tänk på den senaste månaden.</p>",
                                "<p>Think about the last month.</p>",
                            ),
                            "questions": [
                                {
                                    "question": q,
                                    "options": [
                                        {"label": L("Ei", "Nej", "No"), "score": 0},
                                        {
                                            "label": L("Joskus", "Ibland", "Sometimes"),
                                            "score": 1,
                                        },
                                        {
                                            "label": L("Usein", "Ofta", "Often"),
                                            "score": 2,
                                        },
                                    ],
                                }
                                for q in [
                                    L(
                                        "Olen käyttänyt enemmän kuin aioin.",
                                        "Jag har använt mer än jag tänkt.",
                                        "I have used more than I meant to.",
                                    ),
                                    L(
                                        "Käyttö on vienyt rahaa tai aikaa muulta.",
                                        "Användningen har tagit pengar eller tid "
                                        "från annat.",
                                        "Using has taken money or time from other "
                                        "things.",
                                    ),
                                    L(
                                        "Minulla on ollut vaikea olla ilman.",
                                        "Det har varit svårt att vara utan.",
                                        "It has been hard to go without.",
                                    ),
                                ]
                            ],
                            "bands": [
                                {
                                    "min_score": 0,
                                    "max_score": 1,
                                    "title": L(
                                        "Hallinnassa", "Under kontroll", "In control"
                                    ),
                                    "feedback": L(
                                        "<p>Käyttö näyttää pysyvän hallinnassa. "
                                        "Suunnitelma auttaa pitämään sen niin.</p>",
                                        "<p>Användningen verkar vara under kontroll. "
                                        "En plan hjälper dig att hålla det så.</p>",
                                        "<p>Your use seems to be in control. A plan "
                                        "helps you keep it that way.</p>",
                                    ),
                                    "services": [],
                                },
                                {
                                    "min_score": 2,
                                    "max_score": 6,
                                    "title": L(
                                        "Kannattaa jutella",
                                        "Värt att prata om",
                                        "Worth talking about",
                                    ),
                                    "feedback": L(
                                        "<p>Jos tämä kuulostaa tutulta, "
                                        "vähentämisestä voi jutella luottamuksella "
                                        "esimerkiksi Nuorten Matalassa. Se ei ole "
                                        "diagnoosi, vaan tilaisuus saada tukea.</p>",
                                        "<p>Om det här låter bekant kan du prata "
                                        "konfidentiellt om att minska, till exempel "
                                        "på Nuorten Matala. Det är ingen diagnos, "
                                        "utan en chans att få stöd.</p>",
                                        "<p>If this sounds familiar, you can talk "
                                        "about cutting down in confidence, for "
                                        "example at Nuorten Matala. It is not a "
                                        "diagnosis, but a chance to get support.</p>",
                                    ),
                                    "services": ["Matala"],
                                },
                            ],
                            "instrument_name": L(
                                "Polun omat kysymykset",
                                "Stigens egna frågor",
                                "The path's own questions",
                            ),
                            "instrument_source": L(
                                "Polku-toimitus (demo)",
                                "Polku-redaktionen (demo)",
                                "Polku editors (demo)",
                            ),
                            "licence": "own",
                            "licence_note": L("", "", ""),
                        },
                    ),
                    reflection(
                        "Missä tilanteissa käytät eniten?",
                        "I vilka situationer använder du mest?",
                        "In which situations do you use most?",
                    ),
                ],
            },
            {
                "title": L("Himo tulee ja menee", "Suget kommer och går", "Urges pass"),
                "summary": L(
                    "Himo on kuin aalto: se nousee ja laskee.",
                    "Suget är som en våg: det stiger och sjunker.",
                    "An urge is like a wave: it rises and falls.",
                ),
                "blocks": [
                    (
                        "urge_surfing",
                        {
                            "title": L(
                                "Aallolla surffaus", "Surfa på vågen", "Urge surfing"
                            ),
                            "instructions": L(
                                "<p>Kun himo tulee, älä taistele vastaan. Huomaa, "
                                "missä kohtaa kehoa se tuntuu. Hengitä ja seuraa, "
                                "miten tunne voimistuu ja sitten heikkenee. Useimmiten "
                                "himo laantuu vartissa.</p>",
                                "<p>När suget kommer, kämpa inte emot. Lägg märke "
                                "till var i kroppen det känns. Andas och följ hur "
                                "känslan växer och sedan avtar. Oftast går suget över "
                                "på en kvart.</p>",
                                "<p>When an urge comes, do not fight it. Notice where "
                                "in your body you feel it. Breathe and watch the "
                                "feeling grow and then fade. Most urges pass in "
                                "fifteen minutes.</p>",
                            ),
                            "minutes": 5,
                        },
                    ),
                    (
                        "breathing",
                        {
                            "title": L(
                                "Neliöhengitys", "Fyrkantsandning", "Box breathing"
                            ),
                            "instructions": L("", "", ""),
                            "inhale": 4,
                            "hold": 4,
                            "exhale": 4,
                            "rounds": 4,
                        },
                    ),
                ],
            },
            {
                "title": L("Oma suunnitelma", "Min plan", "My plan"),
                "summary": L(
                    "Pienet, selkeät askeleet toimivat parhaiten.",
                    "Små, tydliga steg fungerar bäst.",
                    "Small, clear steps work best.",
                ),
                "blocks": [
                    (
                        "checklist",
                        {
                            "title": L(
                                "Suunnitelmani vähentää",
                                "Min plan för att minska",
                                "My plan to cut down",
                            ),
                            "introduction": L(
                                "Valitse keinot, jotka sopivat sinulle.",
                                "Välj de sätt som passar dig.",
                                "Choose the ways that suit you.",
                            ),
                            "items": [
                                L(
                                    "Päätän päivät, jolloin en käytä ollenkaan",
                                    "Jag bestämmer dagar då jag inte använder alls",
                                    "I choose days when I do not use at all",
                                ),
                                L(
                                    "Kerron suunnitelmasta yhdelle kaverille",
                                    "Jag berättar om planen för en kompis",
                                    "I tell one friend about my plan",
                                ),
                                L(
                                    "Keksin tekemistä tilanteisiin, joissa houkuttaa",
                                    "Jag hittar på något att göra när det frestar",
                                    "I plan something to do when I am tempted",
                                ),
                            ],
                            "own_items": True,
                        },
                    ),
                    tip(
                        "<p>Jos lipsahdat, se on osa muutosta. Tärkeintä on "
                        "jatkaa.</p>",
                        "<p>Om du slinter är det en del av förändringen. Det "
                        "viktigaste är att fortsätta.</p>",
                        "<p>A slip is part of change. What matters is carrying on.</p>",
                        kind="quote",
                        attribution=L(
                            "nuori Kotkasta",
                            "en ung person från Kotka",
                            "a young person from Kotka",
                        ),
                    ),
                ],
            },
            {
                "title": L("Tukea saa", "Stöd finns", "Support is there"),
                "summary": L(
                    "Luottamuksellista apua, ilman ajanvarausta.",
                    "Konfidentiell hjälp, utan tidsbokning.",
                    "Confidential help, no appointment needed.",
                ),
                "blocks": [
                    text(
                        "<p>Sinun ei tarvitse pärjätä yksin. Näihin voit ottaa "
                        "yhteyttä, vaikka et olisi varma, onko asiasi tarpeeksi "
                        "iso.</p>",
                        "<p>Du behöver inte klara dig ensam. Du kan kontakta de här, "
                        "även om du inte är säker på om din sak är tillräckligt "
                        "stor.</p>",
                        "<p>You do not have to manage alone. You can contact these, "
                        "even if you are not sure your problem is big enough.</p>",
                    ),
                    ("kind", "youth_substance"),
                    ("kind", "ohjaamo"),
                    ("help_box", None),
                ],
            },
        ],
    },
    {
        "key": "arki",
        "themes": ["jaksaminen", "mieli"],
        "slug": L("arjen-jaksaminen", "ork-i-vardagen", "everyday-coping"),
        "title": L("Arjen jaksaminen", "Ork i vardagen", "Everyday coping"),
        "summary": L(
            "Uni, stressi ja kaverit: pieniä keinoja, joilla arki kevenee.",
            "Sömn, stress och vänner: små sätt att göra vardagen lättare.",
            "Sleep, stress and friends: small ways to make everyday life lighter.",
        ),
        "duration": 30,
        "intro": L(
            "<p>Jaksaminen rakentuu pienistä asioista: unesta, levosta, ihmisistä "
            "ja hetkistä, joissa on hyvä olla. Tällä polulla kokeilet niitä "
            "yksi kerrallaan.</p>",
            "<p>Ork byggs av små saker: sömn, vila, människor och stunder då man "
            "mår bra. På den här stigen provar du dem en i taget.</p>",
            "<p>Coping is built from small things: sleep, rest, people and moments "
            "that feel good. On this path you try them one at a time.</p>",
        ),
        "completion": L(
            "<p>Polku on käyty! Valitse yksi asia, jota jatkat ensi viikolla.</p>",
            "<p>Du har gått stigen! Välj en sak som du fortsätter med nästa vecka.</p>",
            "<p>You finished the path! Pick one thing to keep doing next week.</p>",
        ),
        "steps": [
            {
                "title": L("Uni", "Sömn", "Sleep"),
                "summary": L(
                    "Nuori tarvitsee unta 8–10 tuntia yössä.",
                    "En ung person behöver 8–10 timmar sömn per natt.",
                    "Teenagers need 8–10 hours of sleep a night.",
                ),
                "blocks": [
                    text(
                        "<p>Uni korjaa kehoa ja järjestää päivän asiat. Kun uni jää "
                        "lyhyeksi, ärsyttää helpommin ja keskittyminen "
                        "katkeilee.</p>",
                        "<p>Sömnen reparerar kroppen och sorterar dagens intryck. När "
                        "sömnen blir kort blir man lättare irriterad och har svårt "
                        "att koncentrera sig.</p>",
                        "<p>Sleep repairs your body and sorts out the day. When "
                        "sleep is short, you get irritated more easily and it is "
                        "hard to concentrate.</p>",
                    ),
                    (
                        "checklist",
                        {
                            "title": L("Iltarutiini", "Kvällsrutin", "Evening routine"),
                            "introduction": L(
                                "Valitse kaksi asiaa, joita kokeilet viikon.",
                                "Välj två saker att pröva i en vecka.",
                                "Choose two things to try for a week.",
                            ),
                            "items": [
                                L(
                                    "Puhelin laturiin tuntia ennen nukkumaan menoa",
                                    "Telefonen på laddning en timme före sänggåendet",
                                    "Phone on charge an hour before bed",
                                ),
                                L(
                                    "Samaan aikaan nukkumaan joka ilta",
                                    "I säng samma tid varje kväll",
                                    "Bed at the same time every night",
                                ),
                                L(
                                    "Ei energiajuomia iltapäivän jälkeen",
                                    "Inga energidrycker efter eftermiddagen",
                                    "No energy drinks after the afternoon",
                                ),
                            ],
                            "own_items": False,
                        },
                    ),
                    tip(
                        "<p>Jos uni ei tule vartissa, nouse hetkeksi ja tee jotain "
                        "rauhallista hämärässä.</p>",
                        "<p>Om du inte somnar på en kvart, stig upp en stund och gör "
                        "något lugnt i dämpat ljus.</p>",
                        "<p>If you cannot fall asleep in fifteen minutes, get up for "
                        "a while and do something calm in dim light.</p>",
                    ),
                ],
            },
            {
                "title": L("Stressi", "Stress", "Stress"),
                "summary": L(
                    "Stressi on kehon hälytys. Sen voi myös sammuttaa.",
                    "Stress är kroppens larm. Det går också att stänga av.",
                    "Stress is your body's alarm. You can switch it off too.",
                ),
                "blocks": [
                    text(
                        "<p>Kokeet, harrastukset ja kaverit voivat kasautua. Kun "
                        "tuntuu, ettei ehdi mitään, pysähdy ensin hetkeksi.</p>",
                        "<p>Prov, hobbyer och vänner kan hopa sig. När det känns som "
                        "att du inte hinner något, stanna först upp en stund.</p>",
                        "<p>Tests, hobbies and friends can pile up. When it feels "
                        "like there is no time for anything, first stop for a "
                        "moment.</p>",
                    ),
                    (
                        "breathing",
                        {
                            "title": L(
                                "Minuutin tauko", "En minuts paus", "One-minute pause"
                            ),
                            "instructions": L("", "", ""),
                            "inhale": 4,
                            "hold": 0,
                            "exhale": 6,
                            "rounds": 6,
                        },
                    ),
                    (
                        "grounding",
                        {
                            "title": L(
                                "Jalat maassa",
                                "Fötterna på jorden",
                                "Feet on the ground",
                            ),
                            "introduction": L("", "", ""),
                            "prompts": [
                                {
                                    "count": 3,
                                    "prompt": L(
                                        "väriä, jotka näet nyt",
                                        "färger du ser nu",
                                        "colours you can see now",
                                    ),
                                },
                                {
                                    "count": 2,
                                    "prompt": L(
                                        "ääntä ympärilläsi",
                                        "ljud omkring dig",
                                        "sounds around you",
                                    ),
                                },
                                {
                                    "count": 1,
                                    "prompt": L(
                                        "kohta, jossa jalkasi koskettavat lattiaa",
                                        "ställe där dina fötter rör golvet",
                                        "place where your feet touch the floor",
                                    ),
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "title": L("Kaverit", "Vänner", "Friends"),
                "summary": L(
                    "Yksikin luotettava ihminen tekee paljon.",
                    "Redan en person man litar på betyder mycket.",
                    "Even one person you trust makes a big difference.",
                ),
                "blocks": [
                    text(
                        "<p>Kaverisuhteissa on ylä- ja alamäkiä. Riidat ja "
                        "yksinäisyys kuuluvat joskus elämään, mutta niistä ei "
                        "tarvitse selvitä yksin.</p>",
                        "<p>Vänskap har sina upp- och nedgångar. Bråk och ensamhet "
                        "hör ibland till livet, men du behöver inte klara dem "
                        "ensam.</p>",
                        "<p>Friendships have ups and downs. Arguments and loneliness "
                        "are sometimes part of life, but you do not have to handle "
                        "them alone.</p>",
                    ),
                    text(
                        "<h2>Jos sinua kiusataan</h2><p>Kiusaaminen ei ole koskaan "
                        "sinun vikasi. Kerro kiusaamisesta aikuiselle, johon luotat: "
                        "opettajalle, kuraattorille tai kouluterveydenhoitajalle. "
                        "Myös netissä tapahtuva kiusaaminen on kiusaamista.</p>",
                        "<h2>Om du blir mobbad</h2><p>Mobbning är aldrig ditt fel. "
                        "Berätta om mobbningen för en vuxen du litar på: läraren, "
                        "kuratorn eller skolhälsovårdaren. Också mobbning på nätet "
                        "är mobbning.</p>",
                        "<h2>If you are bullied</h2><p>Bullying is never your fault. "
                        "Tell an adult you trust about it: a teacher, the school "
                        "social worker or the school nurse. Bullying online is "
                        "bullying too.</p>",
                    ),
                    reflection(
                        "Kuka on ihminen, jonka seurassa sinun on hyvä olla?",
                        "Vem är en person som du mår bra tillsammans med?",
                        "Who is someone you feel good around?",
                        FEW_WORDS,
                    ),
                    tip(
                        "<p>Hyvä kaveri ei ole se, joka on aina paikalla, vaan se, "
                        "jolle voi sanoa, että on huono päivä.</p>",
                        "<p>En bra vän är inte den som alltid är där, utan den man "
                        "kan säga till att man har en dålig dag.</p>",
                        "<p>A good friend is not the one who is always around, but "
                        "the one you can tell you are having a bad day.</p>",
                        kind="quote",
                        attribution=L(
                            "nuori Kouvolasta",
                            "en ung person från Kouvola",
                            "a young person from Kouvola",
                        ),
                    ),
                ],
            },
            {
                "title": L(
                    "Pienet hyvät hetket", "Små goda stunder", "Small good moments"
                ),
                "summary": L(
                    "Hyvät hetket huomaa, kun niitä etsii.",
                    "Man märker goda stunder när man letar efter dem.",
                    "You notice good moments when you look for them.",
                ),
                "blocks": [
                    (
                        "exercise",
                        {
                            "title": L(
                                "Kolme hyvää asiaa",
                                "Tre bra saker",
                                "Three good things",
                            ),
                            "instructions": L(
                                "<p>Kirjoita illalla kolme asiaa, jotka menivät "
                                "hyvin tai ilahduttivat. Ne saavat olla pieniä: "
                                "hyvä ruoka, kaverin viesti, aurinko.</p>",
                                "<p>Skriv på kvällen ner tre saker som gick bra "
                                "eller gjorde dig glad. De får vara små: god mat, "
                                "ett meddelande från en vän, solsken.</p>",
                                "<p>In the evening, write three things that went "
                                "well or made you glad. They can be small: good "
                                "food, a message from a friend, sunshine.</p>",
                            ),
                        },
                    ),
                    ("image", "demo"),
                    (
                        "video",
                        {
                            "title": L(
                                "Video: hyvät hetket (demo)",
                                "Video: goda stunder (demo)",
                                "Video: good moments (demo)",
                            ),
                            "external_url": "https://example.org/polku-demo/hetket",
                            "duration": "1:30",
                            "transcript": L(
                                "<p>Aivot huomaavat herkästi sen, mikä meni pieleen. "
                                "Kun harjoittelet huomaamaan myös hyvää, mieli "
                                "oppii tasapainoa. Se ei tarkoita, että kaikki "
                                "olisi hyvin, vaan että hyväkin mahtuu mukaan.</p>",
                                "<p>Hjärnan märker lätt det som gick fel. När du "
                                "övar på att också märka det goda lär sig tankarna "
                                "balans. Det betyder inte att allt är bra, utan att "
                                "också det goda får plats.</p>",
                                "<p>The brain easily notices what went wrong. When "
                                "you practise noticing the good as well, your mind "
                                "learns balance. It does not mean everything is "
                                "fine, but that the good fits in too.</p>",
                            ),
                        },
                    ),
                ],
            },
            {
                "title": L("Mihin jatkan?", "Hur går jag vidare?", "Where next?"),
                "summary": L(
                    "Valitse, mitä pidät mukanasi.",
                    "Välj vad du tar med dig.",
                    "Choose what you take with you.",
                ),
                "blocks": [
                    reflection(
                        "Mikä polun keinoista tuntui sinulle sopivimmalta?",
                        "Vilket sätt på stigen kändes mest som ditt?",
                        "Which idea on the path suited you best?",
                    ),
                    link("nuortennetti"),
                    link("mieli"),
                    ("kind", "ohjaamo"),
                    ("help_box", None),
                ],
            },
        ],
    },
]
