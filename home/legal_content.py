# ruff: noqa: E501  (demo text: one paragraph per line reads best)
"""The demo accessibility statement and privacy notice, in plain language.

Written for this service: the statement as the Act on the Provision of Digital
Services (306/2019) requires, the notice as GDPR article 13 requires, each
with a short summary first. County-specific facts (addresses, e-mails, the
data protection officer) are placeholders and say "Demo"; a county that
deploys Polku replaces them in the admin. Each body is a list of
(block type, value) pairs for `home.ContentPage.body`.
"""

STATEMENT_DATE = {"fi": "1.12.2026", "sv": "1.12.2026", "en": "1 December 2026"}


def _page(sections):
    body = []
    for heading, html in sections:
        if heading:
            body.append(("heading", {"text": heading}))
        body.append(("paragraph", html))
    return body


STATEMENT = {
    "fi": (
        "Saavutettavuusseloste",
        "Polku täyttää suurimman osan WCAG 2.1 AA -vaatimuksista. Alla kerromme, mikä ei vielä toimi, miten saat sisällön muuten ja mihin voit antaa palautetta.",
        _page(
            [
                (
                    "Lyhyesti",
                    "<p>Polkua voi käyttää näppäimistöllä, ruudunlukijalla ja suurennettuna. Jos jokin ei toimi, kerro meille. Vastaamme 14 päivän kuluessa.</p>",
                ),
                (
                    "Mitä tämä seloste koskee",
                    "<p>Seloste koskee Polku-sivustoa (nuorten digitaaliset itsehoitopolut). Sitä koskee laki digitaalisten palvelujen tarjoamisesta (306/2019), joka edellyttää WCAG 2.1 -ohjeiston A- ja AA-tason vaatimuksia.</p>",
                ),
                (
                    "Miten hyvin vaatimukset täyttyvät",
                    "<p>Polku täyttää saavutettavuusvaatimukset <b>osittain</b>. Testaamme jokaisen julkisen sivun automaattisesti (axe-core) puhelimen ja tietokoneen näytöllä, ja sivut toimivat ilman JavaScriptiä.</p>",
                ),
                (
                    "Mikä ei vielä toimi",
                    "<ul><li>Tunnistautumisen sivut (pankkitunnukset, mobiilivarmenne) ovat tunnistuspalvelun sivuja, eivät meidän. Niiden saavutettavuudesta vastaa tunnistuspalvelu.</li><li>Linkit muiden palveluihin, kuten chatteihin, vievät sivuille, joiden saavutettavuutta emme voi taata.</li><li>Videoissa voi olla puutteellinen tekstitys. Videon asiat kerrotaan aina myös tekstinä.</li><li>Tulostettavan QR-julisteen teksti on kuvana vain QR-koodin osalta; linkki on julisteessa myös tekstinä.</li></ul>",
                ),
                (
                    "Jos et pysty käyttämään jotain osaa",
                    "<p>Voit pyytää sisällön toisessa muodossa sähköpostilla. Polun asioista voit jutella myös kouluterveydenhoitajan tai Ohjaamon kanssa, ja Apua heti -sivun puhelinnumerot toimivat aina.</p>",
                ),
                (
                    "Anna palautetta",
                    "<p>Huomasitko ongelman? Kirjoita osoitteeseen <b>saavutettavuus@polku.example.fi</b> (demo). Kerro, millä sivulla ongelma oli. Vastaamme 14 päivän kuluessa.</p>",
                ),
                (
                    "Valvontaviranomainen",
                    "<p>Jos et saa vastausta 14 päivässä tai vastaus ei tyydytä, voit ilmoittaa asiasta valvontaviranomaiselle. Saavutettavuutta on valvonut Etelä-Suomen aluehallintoviraston saavutettavuusvalvonta; vuoden 2026 alusta tehtävä kuuluu Lupa- ja valvontavirastolle. Ajantasaiset yhteystiedot ja lomake: <b>saavutettavuusvaatimukset.fi</b>. <i>Demo: tarkista viranomaisen nimi ja yhteystiedot ennen käyttöönottoa.</i></p>",
                ),
                (
                    "Kuka vastaa palvelusta",
                    f"<p>Kymenlaakson hyvinvointialue (demo). Seloste on laadittu {STATEMENT_DATE['fi']} ja tarkistetaan vähintään kerran vuodessa.</p>",
                ),
            ]
        ),
    ),
    "sv": (
        "Tillgänglighetsutlåtande",
        "Polku uppfyller de flesta kraven i WCAG 2.1 AA. Här berättar vi vad som inte fungerar än, hur du får innehållet på annat sätt och var du kan ge respons.",
        _page(
            [
                (
                    "Kort sagt",
                    "<p>Du kan använda Polku med tangentbord, skärmläsare och förstoring. Om något inte fungerar, berätta för oss. Vi svarar inom 14 dagar.</p>",
                ),
                (
                    "Vad utlåtandet gäller",
                    "<p>Utlåtandet gäller webbplatsen Polku (digitala egenvårdsstigar för unga). Lagen om tillhandahållande av digitala tjänster (306/2019) kräver nivåerna A och AA i WCAG 2.1.</p>",
                ),
                (
                    "Hur väl kraven uppfylls",
                    "<p>Polku uppfyller tillgänglighetskraven <b>delvis</b>. Vi testar varje offentlig sida automatiskt (axe-core) på telefon- och datorskärm, och sidorna fungerar utan JavaScript.</p>",
                ),
                (
                    "Vad som inte fungerar än",
                    "<ul><li>Identifieringssidorna (bankkoder, mobilcertifikat) hör till identifieringstjänsten, inte till oss. Tjänsten ansvarar för deras tillgänglighet.</li><li>Länkar till andras tjänster, till exempel chattar, leder till sidor vars tillgänglighet vi inte kan garantera.</li><li>Videor kan ha bristfällig textning. Det som sägs i en video finns alltid också som text.</li><li>På den utskrivbara QR-affischen är bara QR-koden en bild; länken står också som text.</li></ul>",
                ),
                (
                    "Om du inte kan använda någon del",
                    "<p>Du kan be om innehållet i annan form per e-post. Du kan också prata om stigens innehåll med skolhälsovårdaren eller på Ohjaamo, och numren på sidan Hjälp genast fungerar alltid.</p>",
                ),
                (
                    "Ge respons",
                    "<p>Märkte du ett problem? Skriv till <b>saavutettavuus@polku.example.fi</b> (demo). Berätta på vilken sida problemet fanns. Vi svarar inom 14 dagar.</p>",
                ),
                (
                    "Tillsynsmyndighet",
                    "<p>Om du inte får svar inom 14 dagar eller inte är nöjd med svaret kan du anmäla det till tillsynsmyndigheten. Tillgängligheten har övervakats av Regionförvaltningsverket i Södra Finland; från början av 2026 hör uppgiften till Tillstånds- och tillsynsverket. Aktuella kontaktuppgifter och blankett: <b>tillgänglighetskrav.fi</b>. <i>Demo: kontrollera myndighetens namn och kontaktuppgifter före ibruktagning.</i></p>",
                ),
                (
                    "Vem ansvarar för tjänsten",
                    f"<p>Kymmenedalens välfärdsområde (demo). Utlåtandet har utarbetats {STATEMENT_DATE['sv']} och granskas minst en gång om året.</p>",
                ),
            ]
        ),
    ),
    "en": (
        "Accessibility statement",
        "Polku meets most of WCAG 2.1 AA. Below we say what does not work yet, how to get the content another way and where to give feedback.",
        _page(
            [
                (
                    "In short",
                    "<p>You can use Polku with a keyboard, a screen reader and zoom. If something does not work, tell us. We answer within 14 days.</p>",
                ),
                (
                    "What this statement covers",
                    "<p>This statement covers the Polku website (digital self-care paths for young people). The Act on the Provision of Digital Services (306/2019) requires levels A and AA of WCAG 2.1.</p>",
                ),
                (
                    "How well the requirements are met",
                    "<p>Polku <b>partially</b> meets the accessibility requirements. We test every public page automatically (axe-core) on phone and desktop screens, and the pages work without JavaScript.</p>",
                ),
                (
                    "What does not work yet",
                    "<ul><li>The identification pages (bank ID, mobile ID) belong to the identification service, not to us; it is responsible for their accessibility.</li><li>Links to other services, such as chats, lead to pages whose accessibility we cannot guarantee.</li><li>Videos may have incomplete captions. What a video says is always also given as text.</li><li>On the printable QR poster only the QR code is an image; the link is printed as text too.</li></ul>",
                ),
                (
                    "If you cannot use a part",
                    "<p>You can ask for the content in another format by e-mail. You can also talk about a path with your school nurse or at Ohjaamo, and the numbers on the Help right now page always work.</p>",
                ),
                (
                    "Give feedback",
                    "<p>Found a problem? Write to <b>saavutettavuus@polku.example.fi</b> (demo). Tell us which page it was on. We answer within 14 days.</p>",
                ),
                (
                    "Supervising authority",
                    "<p>If you get no answer within 14 days, or the answer does not satisfy you, you can tell the supervising authority. Accessibility was supervised by the Regional State Administrative Agency for Southern Finland; from the start of 2026 the task belongs to the Finnish Permit and Supervision Agency. Current contact details and a form: <b>webaccessibility.fi</b>. <i>Demo: check the authority's name and contact details before going live.</i></p>",
                ),
                (
                    "Who is responsible",
                    f"<p>Kymenlaakso Wellbeing Services County (demo). This statement was written on {STATEMENT_DATE['en']} and is reviewed at least once a year.</p>",
                ),
            ]
        ),
    ),
}

PRIVACY = {
    "fi": (
        "Tietosuojaseloste",
        "Emme tallenna henkilötunnustasi tai nimeäsi. Vastauksesi ovat salattuja, ja vain sinä näet ne. Voit ladata tai poistaa tietosi milloin vain.",
        _page(
            [
                (
                    "Lyhyesti",
                    "<ul><li>Henkilötunnustasi ja nimeäsi ei tallenneta.</li><li>Vastauksesi tallennetaan salattuina. Kukaan työntekijä ei näe niitä.</li><li>Työntekijät näkevät vain yhteenlaskettuja lukuja, eivät sinua.</li><li>Voit ladata tai poistaa kaikki tietosi Omat tiedot -sivulla.</li></ul>",
                ),
                (
                    "Kuka vastaa tiedoistasi",
                    "<p>Rekisterinpitäjä on Kymenlaakson hyvinvointialue, Kotkantie 41, 48210 Kotka, kirjaamo@polku.example.fi. Tietosuojavastaavan tavoitat osoitteesta tietosuoja@polku.example.fi. <i>Demo: osoitteet ja sähköpostit ovat esimerkkejä.</i></p>",
                ),
                (
                    "Miksi tietoja käsitellään",
                    "<ul><li>Jotta voit kulkea polkua ja jatkaa siitä, mihin jäit, myös toisella laitteella.</li><li>Jotta saat muistutuksia, jos itse pyydät niitä.</li><li>Jotta voimme parantaa polkuja: lasketaan, moniko aloitti ja lopetti. Lukuja ei voi yhdistää sinuun.</li><li>Jotta palvelu pysyy turvallisena (lokit ilman henkilötunnusta ja vastauksia).</li></ul>",
                ),
                (
                    "Millä perusteella",
                    "<p>Hyvinvointialueen tehtävä on edistää nuorten terveyttä ja hyvinvointia (terveydenhuoltolaki 1326/2010), joten käsittely perustuu yleisen edun mukaiseen tehtävään (tietosuoja-asetus 6 artikla 1 e ja terveystietojen osalta 9 artikla 2 h). Muistutukset perustuvat suostumukseesi, jonka voit perua milloin vain. <i>Demo: hyvinvointialueen tietosuojavastaava vahvistaa perusteet.</i></p>",
                ),
                (
                    "Mitä tietoja",
                    "<ul><li>Tunnus, joka lasketaan henkilötunnuksesta salaisella avaimella. Itse henkilötunnusta ei tallenneta.</li><li>Päivä, jolloin täytät 18, ja milloin viimeksi tunnistauduit.</li><li>Polut, joita kuljet, ja tehdyt vaiheet.</li><li>Vastauksesi (salattuina).</li><li>Muistutusasetukset ja, jos valitset sähköpostin, sähköpostiosoitteesi.</li><li>Kuntasi, jos kerrot sen lähimpien palvelujen näyttämiseksi.</li><li>Palaute ilman nimeä.</li></ul>",
                ),
                (
                    "Mistä tiedot tulevat",
                    "<p>Sinulta itseltäsi ja tunnistautumisesta (tunnistuspalvelu kertoo henkilötunnuksen, josta lasketaan tunnus ja ikä).</p>",
                ),
                (
                    "Kuka tietoja näkee",
                    "<p>Vastauksiasi ei näe kukaan muu kuin sinä: ei opettaja, terveydenhoitaja eikä huoltaja. Tietoja käsittelevät puolestamme palvelimen ylläpitäjä, tunnistuspalvelu ja sähköposti- tai push-viestien välittäjä. Push-muistutus kulkee selaimesi valmistajan palvelun kautta, joka voi sijaita EU:n ulkopuolella; viesti on salattu eikä kerro polun aihetta.</p>",
                ),
                (
                    "Kuinka kauan tietoja säilytetään",
                    "<p>Tietosi poistetaan, kun et ole käyttänyt Polkua vuoteen tai 30 päivää sen jälkeen, kun täytit 18. Saat ilmoituksen 14 päivää ennen, jos olet antanut sähköpostin. Voit poistaa tiedot itse heti.</p>",
                ),
                (
                    "Sinun oikeutesi",
                    "<ul><li>Saat nähdä ja ladata tietosi (Omat tiedot).</li><li>Voit korjata tai poistaa tietosi.</li><li>Voit vastustaa käsittelyä tai pyytää sen rajoittamista.</li><li>Voit perua suostumuksen muistutuksiin.</li></ul><p>13 vuotta täyttänyt voi käyttää näitä oikeuksia itse. Kysymykset: tietosuoja@polku.example.fi (demo).</p>",
                ),
                (
                    "Jos olet tyytymätön",
                    "<p>Voit tehdä valituksen tietosuojavaltuutetun toimistolle: tietosuoja.fi, tietosuoja@om.fi, PL 800, 00531 Helsinki.</p>",
                ),
                (
                    "Automaattiset päätökset",
                    "<p>Polku ei tee sinusta päätöksiä. Itsearvion tulos on vain sinulle, eikä se ole diagnoosi.</p>",
                ),
            ]
        ),
    ),
    "sv": (
        "Dataskyddsbeskrivning",
        "Vi sparar inte din personbeteckning eller ditt namn. Dina svar är krypterade och bara du ser dem. Du kan ladda ner eller radera dina uppgifter när som helst.",
        _page(
            [
                (
                    "Kort sagt",
                    "<ul><li>Din personbeteckning och ditt namn sparas inte.</li><li>Dina svar sparas krypterade. Ingen anställd ser dem.</li><li>Personalen ser bara sammanräknade siffror, inte dig.</li><li>Du kan ladda ner eller radera alla dina uppgifter på sidan Mina uppgifter.</li></ul>",
                ),
                (
                    "Vem ansvarar för dina uppgifter",
                    "<p>Personuppgiftsansvarig är Kymmenedalens välfärdsområde, Kotkavägen 41, 48210 Kotka, kirjaamo@polku.example.fi. Dataskyddsombudet nås på tietosuoja@polku.example.fi. <i>Demo: adresserna och e-postadresserna är exempel.</i></p>",
                ),
                (
                    "Varför uppgifterna behandlas",
                    "<ul><li>För att du ska kunna gå stigen och fortsätta där du slutade, också på en annan enhet.</li><li>För att du ska få påminnelser, om du själv ber om dem.</li><li>För att vi ska kunna förbättra stigarna: vi räknar hur många som började och slutade. Siffrorna kan inte kopplas till dig.</li><li>För att tjänsten ska vara säker (loggar utan personbeteckning och svar).</li></ul>",
                ),
                (
                    "På vilken grund",
                    "<p>Välfärdsområdet ska främja ungas hälsa och välbefinnande (hälso- och sjukvårdslagen 1326/2010), så behandlingen grundar sig på en uppgift av allmänt intresse (dataskyddsförordningen artikel 6.1 e och för hälsouppgifter artikel 9.2 h). Påminnelserna grundar sig på ditt samtycke, som du kan återkalla när som helst. <i>Demo: välfärdsområdets dataskyddsombud bekräftar grunderna.</i></p>",
                ),
                (
                    "Vilka uppgifter",
                    "<ul><li>En kod som räknas fram ur personbeteckningen med en hemlig nyckel. Själva personbeteckningen sparas inte.</li><li>Dagen då du fyller 18 och när du senast identifierade dig.</li><li>Stigarna du går och stegen du gjort.</li><li>Dina svar (krypterade).</li><li>Inställningarna för påminnelser och, om du väljer e-post, din e-postadress.</li><li>Din kommun, om du berättar den för att se närmaste tjänster.</li><li>Respons utan namn.</li></ul>",
                ),
                (
                    "Varifrån uppgifterna kommer",
                    "<p>Från dig själv och från identifieringen (identifieringstjänsten ger personbeteckningen, som koden och åldern räknas fram ur).</p>",
                ),
                (
                    "Vem ser uppgifterna",
                    "<p>Ingen annan än du ser dina svar: inte läraren, hälsovårdaren eller vårdnadshavaren. För vår räkning behandlar serverns förvaltare, identifieringstjänsten och förmedlaren av e-post eller push-meddelanden uppgifterna. En push-påminnelse går via tjänsten hos den som gjort din webbläsare och kan finnas utanför EU; meddelandet är krypterat och berättar inte stigens ämne.</p>",
                ),
                (
                    "Hur länge uppgifterna sparas",
                    "<p>Dina uppgifter raderas när du inte har använt Polku på ett år eller 30 dagar efter att du fyllt 18. Du får ett meddelande 14 dagar innan, om du har gett din e-post. Du kan själv radera uppgifterna genast.</p>",
                ),
                (
                    "Dina rättigheter",
                    "<ul><li>Du får se och ladda ner dina uppgifter (Mina uppgifter).</li><li>Du kan rätta eller radera dina uppgifter.</li><li>Du kan invända mot behandlingen eller be att den begränsas.</li><li>Du kan återkalla samtycket till påminnelser.</li></ul><p>Den som fyllt 13 kan själv använda rättigheterna. Frågor: tietosuoja@polku.example.fi (demo).</p>",
                ),
                (
                    "Om du är missnöjd",
                    "<p>Du kan lämna in ett klagomål till dataombudsmannens byrå: tietosuoja.fi/sv, tietosuoja@om.fi, PB 800, 00531 Helsingfors.</p>",
                ),
                (
                    "Automatiska beslut",
                    "<p>Polku fattar inga beslut om dig. Resultatet av en självskattning är bara för dig och är ingen diagnos.</p>",
                ),
            ]
        ),
    ),
    "en": (
        "Privacy notice",
        "We do not store your personal identity code or your name. Your answers are encrypted and only you see them. You can download or delete your data at any time.",
        _page(
            [
                (
                    "In short",
                    "<ul><li>Your personal identity code and your name are not stored.</li><li>Your answers are stored encrypted. No member of staff sees them.</li><li>Staff see only totals, never you.</li><li>You can download or delete all your data on the My data page.</li></ul>",
                ),
                (
                    "Who is responsible for your data",
                    "<p>The controller is Kymenlaakso Wellbeing Services County, Kotkantie 41, 48210 Kotka, Finland, kirjaamo@polku.example.fi. The data protection officer: tietosuoja@polku.example.fi. <i>Demo: the addresses and e-mails are examples.</i></p>",
                ),
                (
                    "Why we use data",
                    "<ul><li>So that you can follow a path and continue where you left off, also on another device.</li><li>So that you get reminders, if you ask for them.</li><li>So that we can improve the paths: we count how many started and finished. The numbers cannot be linked to you.</li><li>To keep the service secure (logs without identity codes or answers).</li></ul>",
                ),
                (
                    "On what basis",
                    "<p>The county's task is to promote young people's health and wellbeing (Health Care Act 1326/2010), so the processing is a task in the public interest (GDPR article 6(1)(e), and for health data article 9(2)(h)). Reminders are based on your consent, which you can withdraw at any time. <i>Demo: the county's data protection officer confirms the bases.</i></p>",
                ),
                (
                    "What data",
                    "<ul><li>A code computed from your identity code with a secret key. The identity code itself is not stored.</li><li>The day you turn 18 and when you last identified.</li><li>The paths you follow and the steps you have done.</li><li>Your answers (encrypted).</li><li>Your reminder settings and, if you choose e-mail, your e-mail address.</li><li>Your municipality, if you tell it to see the nearest services.</li><li>Feedback without your name.</li></ul>",
                ),
                (
                    "Where the data comes from",
                    "<p>From you, and from identification (the identification service gives your identity code, from which the code and your age are computed).</p>",
                ),
                (
                    "Who sees the data",
                    "<p>Nobody but you sees your answers: not a teacher, a nurse or a parent. On our behalf, the server's operator, the identification service and the e-mail or push message provider process the data. A push reminder goes through your browser maker's service, which may be outside the EU; the message is encrypted and never says what the path is about.</p>",
                ),
                (
                    "How long we keep it",
                    "<p>Your data is deleted when you have not used Polku for a year, or 30 days after you turn 18. You get a notice 14 days before, if you gave your e-mail. You can delete it yourself at once.</p>",
                ),
                (
                    "Your rights",
                    "<ul><li>You may see and download your data (My data).</li><li>You can correct or delete your data.</li><li>You can object to the processing or ask for it to be restricted.</li><li>You can withdraw your consent to reminders.</li></ul><p>From the age of 13 you can use these rights yourself. Questions: tietosuoja@polku.example.fi (demo).</p>",
                ),
                (
                    "If you are not happy",
                    "<p>You can complain to the Office of the Data Protection Ombudsman: tietosuoja.fi/en, tietosuoja@om.fi, P.O. Box 800, 00531 Helsinki.</p>",
                ),
                (
                    "Automated decisions",
                    "<p>Polku makes no decisions about you. A self-check result is only for you and is not a diagnosis.</p>",
                ),
            ]
        ),
    ),
}
