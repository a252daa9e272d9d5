"""Swedish words the generator builds names, titles and descriptions from.

Real names where the network has them (the nine RSK agencies, the 21 regions, Sweden's
municipalities); everything else is built from parts so it reads like the real register.
"""

from samverkan.register import demo

# The nine agencies of Rådet för styrning med kunskap: (name, short name, city).
RSK_AGENCIES = [
    ("Socialstyrelsen", "SoS", "Stockholm"),
    ("Statens beredning för medicinsk och social utvärdering", "SBU", "Stockholm"),
    ("Läkemedelsverket", "LV", "Uppsala"),
    ("Tandvårds- och läkemedelsförmånsverket", "TLV", "Stockholm"),
    ("Folkhälsomyndigheten", "FoHM", "Solna"),
    ("Inspektionen för vård och omsorg", "IVO", "Stockholm"),
    ("E-hälsomyndigheten", "", "Stockholm"),
    ("Forskningsrådet för hälsa, arbetsliv och välfärd", "Forte", "Stockholm"),
    ("Myndigheten för delaktighet", "MFD", "Sundbyberg"),
]

# The 21 regions: (name, seat).
REGIONS = [
    ("Region Stockholm", "Stockholm"),
    ("Region Uppsala", "Uppsala"),
    ("Region Sörmland", "Nyköping"),
    ("Region Östergötland", "Linköping"),
    ("Region Jönköpings län", "Jönköping"),
    ("Region Kronoberg", "Växjö"),
    ("Region Kalmar län", "Kalmar"),
    ("Region Gotland", "Visby"),
    ("Region Blekinge", "Karlskrona"),
    ("Region Skåne", "Kristianstad"),
    ("Region Halland", "Halmstad"),
    ("Västra Götalandsregionen", "Vänersborg"),
    ("Region Värmland", "Karlstad"),
    ("Region Örebro län", "Örebro"),
    ("Region Västmanland", "Västerås"),
    ("Region Dalarna", "Falun"),
    ("Region Gävleborg", "Gävle"),
    ("Region Västernorrland", "Härnösand"),
    ("Region Jämtland Härjedalen", "Östersund"),
    ("Region Västerbotten", "Umeå"),
    ("Region Norrbotten", "Luleå"),
]

# Sweden's municipalities (Gotland is a region here). More hosts than municipalities are asked
# for, so the rest are made up from PLACE_PREFIXES and PLACE_SUFFIXES.
MUNICIPALITIES = (
    """
Ale Alingsås Alvesta Aneby Arboga Arjeplog Arvidsjaur Arvika Askersund Avesta Bengtsfors Berg
Bjurholm Bjuv Boden Bollebygd Bollnäs Borgholm Borlänge Borås Botkyrka Boxholm Bromölla Bräcke
Burlöv Båstad Dals-Ed Danderyd Degerfors Dorotea Eda Ekerö Eksjö Emmaboda Enköping Eskilstuna
Eslöv Essunga Fagersta Falkenberg Falköping Falun Filipstad Finspång Flen Forshaga Färgelanda
Gagnef Gislaved Gnesta Gnosjö Grums Grästorp Gullspång Gällivare Gävle Göteborg Götene Habo
Hagfors Hallsberg Hallstahammar Halmstad Hammarö Haninge Haparanda Heby Hedemora Helsingborg
Herrljunga Hjo Hofors Huddinge Hudiksvall Hultsfred Hylte Håbo Hällefors Härjedalen Härnösand
Härryda Hässleholm Höganäs Högsby Hörby Höör Jokkmokk Järfälla Jönköping Kalix Kalmar Karlsborg
Karlshamn Karlskoga Karlskrona Karlstad Katrineholm Kil Kinda Kiruna Klippan Knivsta Kramfors
Kristianstad Kristinehamn Krokom Kumla Kungsbacka Kungsör Kungälv Kävlinge Köping Laholm
Landskrona Laxå Lekeberg Leksand Lerum Lessebo Lidingö Lidköping Lindesberg Linköping Ljungby
Ljusdal Ljusnarsberg Lomma Ludvika Luleå Lund Lycksele Lysekil Malmö Malå Mariestad Mark Markaryd
Mellerud Mjölby Mora Motala Mullsjö Munkedal Munkfors Mölndal Mönsterås Mörbylånga Nacka Nora
Norberg Nordanstig Nordmaling Norrköping Norrtälje Norsjö Nybro Nykvarn Nyköping Nynäshamn Nässjö
Ockelbo Olofström Orsa Orust Osby Oskarshamn Ovanåker Oxelösund Pajala Partille Perstorp Piteå
Ragunda Robertsfors Ronneby Rättvik Sala Salem Sandviken Sigtuna Simrishamn Sjöbo Skara
Skellefteå Skinnskatteberg Skurup Skövde Smedjebacken Sollefteå Sollentuna Solna Sorsele Sotenäs
Staffanstorp Stenungsund Stockholm Storfors Storuman Strängnäs Strömstad Strömsund Sundbyberg
Sundsvall Sunne Surahammar Svalöv Svedala Svenljunga Säffle Säter Sävsjö Söderhamn Söderköping
Södertälje Sölvesborg Tanum Tibro Tidaholm Tierp Timrå Tingsryd Tjörn Tomelilla Torsby Torsås
Tranemo Tranås Trelleborg Trollhättan Trosa Tyresö Täby Töreboda Uddevalla Ulricehamn Umeå
Upplands-Bro Uppsala Uppvidinge Vadstena Vaggeryd Valdemarsvik Vallentuna Vansbro Vara Varberg
Vaxholm Vellinge Vetlanda Vilhelmina Vimmerby Vindeln Vingåker Vårgårda Vänersborg Vännäs Värmdö
Värnamo Västervik Västerås Växjö Ydre Ystad Åmål Ånge Åre Årjäng Åsele Åstorp Åtvidaberg Älmhult
Älvdalen Älvkarleby Älvsbyn Ängelholm Öckerö Ödeshög Örebro Örkelljunga Örnsköldsvik Östersund
Österåker Östhammar Överkalix Övertorneå
""".split()  # noqa: SIM905 - a word list reads better as text
    + ["Lilla Edet", "Malung-Sälen", "Upplands Väsby", "Östra Göinge"]
)

PLACE_PREFIXES = [
    "Björk",
    "Ek",
    "Lind",
    "Sjö",
    "Berg",
    "Älv",
    "Hög",
    "Stor",
    "Lill",
    "Norr",
    "Sunn",
    "Väster",
    "Öster",
    "Mal",
    "Ljung",
    "Gran",
    "Tall",
    "Ulv",
    "Hammar",
    "Sten",
    "Kvarn",
    "Fors",
    "Rön",
    "Ask",
    "Falk",
    "Hjort",
    "Sand",
    "Hav",
    "Rosen",
    "Tors",
    "Frö",
    "Varg",
    "Ulla",
    "Berga",
]
PLACE_SUFFIXES = [
    "köping",
    "by",
    "holm",
    "torp",
    "vik",
    "ås",
    "hult",
    "sjö",
    "fors",
    "stad",
    "dal",
    "näs",
    "hamn",
    "ryd",
    "tuna",
    "inge",
    "sta",
    "landa",
    "mark",
    "bro",
    "red",
    "lösa",
]

# Conditions and groups organisations form around: (phrase after "personer med",
# compound stem for "…förbundet"/"…föreningen" or None, target groups, topics).
# fmt: off
CONDITIONS = [
    ("diabetes", "diabetes", ["Patienter med kronisk sjukdom"], ["Läkemedel"]),
    ("astma och allergi", "astma- och allergi", ["Patienter med kronisk sjukdom", "Barn och unga"], ["Läkemedel", "Folkhälsa och levnadsvanor"]),
    ("reumatisk sjukdom", "reumatiker", ["Patienter med kronisk sjukdom"], ["Läkemedel", "Hjälpmedel"]),
    ("hjärt- och lungsjukdom", "hjärt- och lung", ["Patienter med kronisk sjukdom", "Äldre"], ["Läkemedel"]),
    ("epilepsi", "epilepsi", ["Personer med funktionsnedsättning", "Patienter med kronisk sjukdom"], ["Läkemedel"]),
    ("psoriasis", "psoriasis", ["Patienter med kronisk sjukdom"], ["Läkemedel"]),
    ("migrän", "migrän", ["Patienter med kronisk sjukdom"], ["Läkemedel"]),
    ("Parkinsons sjukdom", "parkinson", ["Patienter med kronisk sjukdom", "Äldre"], ["Läkemedel", "Hjälpmedel"]),
    ("autism", "autism", ["Personer med adhd eller autism", "Personer med funktionsnedsättning"], ["Funktionshinderspolitik"]),
    ("stroke", "stroke", ["Äldre", "Personer med funktionsnedsättning"], ["Hjälpmedel"]),
    ("njursjukdom", "njur", ["Patienter med kronisk sjukdom"], ["Läkemedel"]),
    ("hörselnedsättning", "hörsel", ["Personer med hörsel- eller synnedsättning"], ["Hjälpmedel", "Tillgänglighet"]),
    ("synnedsättning", "syn", ["Personer med hörsel- eller synnedsättning"], ["Hjälpmedel", "Tillgänglighet"]),
    ("dyslexi", "dyslexi", ["Personer med funktionsnedsättning", "Barn och unga"], ["Tillgänglighet"]),
    ("celiaki", "celiaki", ["Patienter med kronisk sjukdom"], ["Folkhälsa och levnadsvanor"]),
    ("cancer", "cancer", ["Personer med cancer"], ["Läkemedel", "Forskning"]),
    ("bröstcancer", "bröstcancer", ["Personer med cancer"], ["Läkemedel", "Forskning"]),
    ("prostatacancer", "prostatacancer", ["Personer med cancer"], ["Läkemedel"]),
    ("demenssjukdom", "demens", ["Personer med demenssjukdom", "Äldre", "Anhöriga och närstående"], ["Äldreomsorg"]),
    ("multipel skleros", "neuro", ["Patienter med kronisk sjukdom", "Personer med funktionsnedsättning"], ["Läkemedel"]),
    ("ångestsyndrom", "ångest", ["Personer med psykisk ohälsa"], ["Psykisk hälsa"]),
    ("bipolär sjukdom", "bipolär", ["Personer med psykisk ohälsa"], ["Psykisk hälsa", "Läkemedel"]),
    ("schizofreni", "schizofreni", ["Personer med psykisk ohälsa"], ["Psykisk hälsa"]),
    ("ätstörningar", "ätstörnings", ["Personer med psykisk ohälsa", "Barn och unga"], ["Psykisk hälsa"]),
    ("fibromyalgi", "fibromyalgi", ["Patienter med kronisk sjukdom"], ["Läkemedel"]),
    ("endometrios", "endometrios", ["Patienter med kronisk sjukdom"], ["Jämlik vård"]),
    ("ME/CFS", "ME/CFS-", ["Patienter med kronisk sjukdom"], ["Forskning"]),
    ("lymfom", "lymfom", ["Personer med cancer"], ["Läkemedel"]),
    ("sällsynta diagnoser", None, ["Personer med sällsynta diagnoser"], ["Forskning", "Jämlik vård"]),
    ("adhd", "adhd-", ["Personer med adhd eller autism", "Barn och unga"], ["Psykisk hälsa", "Läkemedel"]),
    ("Tourettes syndrom", "tourette", ["Personer med adhd eller autism"], ["Funktionshinderspolitik"]),
    ("cerebral pares", "CP-", ["Personer med funktionsnedsättning"], ["Hjälpmedel"]),
    ("afasi", "afasi", ["Personer med funktionsnedsättning"], ["Tillgänglighet"]),
    ("förvärvad hjärnskada", "hjärnskade", ["Personer med funktionsnedsättning"], ["Hjälpmedel"]),
    ("ryggmärgsskada", "ryggmärgsskade", ["Personer med funktionsnedsättning"], ["Hjälpmedel", "Tillgänglighet"]),
    ("stomi", "stomi", ["Patienter med kronisk sjukdom"], ["Hjälpmedel"]),
    ("inflammatorisk tarmsjukdom", "mag- och tarm", ["Patienter med kronisk sjukdom"], ["Läkemedel"]),
    ("blödarsjuka", "blödarsjuk", ["Personer med sällsynta diagnoser"], ["Läkemedel"]),
    ("hiv", "hiv-", ["Hbtqi-personer", "Patienter med kronisk sjukdom"], ["Hiv och sti", "Smittskydd och vaccination"]),
    ("spelberoende", None, ["Personer med missbruk eller beroende"], ["Beroende och spel"]),
    ("missbruk och beroende", "beroende", ["Personer med missbruk eller beroende"], ["Beroende och spel", "Socialtjänst"]),
    ("intellektuell funktionsnedsättning", None, ["Personer med intellektuell funktionsnedsättning"], ["Funktionshinderspolitik", "Socialtjänst"]),
    ("psykisk ohälsa", None, ["Personer med psykisk ohälsa"], ["Psykisk hälsa", "Suicidprevention"]),
]
# fmt: on

# Local organisations for a cause: (name template, kind, target groups, topics, whom they are for).
# fmt: off
LOCAL_CAUSES = [
    ("Brukarföreningen i {place}", "user", ["Personer med psykisk ohälsa", "Personer med missbruk eller beroende"], ["Psykisk hälsa", "Socialtjänst"], "personer som använder socialtjänst och psykiatri"),
    ("{place_gen} brukarförening", "user", ["Personer med psykisk ohälsa", "Personer med missbruk eller beroende"], ["Psykisk hälsa", "Socialtjänst"], "personer som använder socialtjänst och psykiatri"),
    ("Anhörigföreningen i {place}", "relatives", ["Anhöriga och närstående"], ["Socialtjänst", "Äldreomsorg"], "personer som vårdar en närstående"),
    ("{place_gen} pensionärsförening", "interest", ["Äldre"], ["Äldreomsorg", "Tandvård"], "pensionärer"),
    ("SPF Seniorerna {place}", "interest", ["Äldre"], ["Äldreomsorg", "Läkemedel"], "seniorer"),
    ("Funktionsrätt {place}", "interest", ["Personer med funktionsnedsättning"], ["Funktionshinderspolitik", "Tillgänglighet"], "personer med funktionsnedsättning"),
    ("Kvinnojouren i {place}", "interest", ["Våldsutsatta"], ["Socialtjänst"], "kvinnor som utsatts för våld"),
    ("Tjejjouren {place}", "interest", ["Våldsutsatta", "Barn och unga"], ["Socialtjänst", "Psykisk hälsa"], "unga som utsatts för våld"),
    ("Stadsmissionen i {place}", "other", ["Personer i hemlöshet"], ["Socialtjänst"], "personer i hemlöshet"),
    ("Föreningen Hemlös i {place}", "user", ["Personer i hemlöshet"], ["Socialtjänst"], "personer i hemlöshet"),
    ("Konsumentföreningen {place}", "interest", ["Konsumenter"], ["Läkemedel", "Folkhälsa och levnadsvanor"], "konsumenter"),
    ("Nyanländas förening i {place}", "interest", ["Nyanlända och asylsökande"], ["Jämlik vård"], "nyanlända"),
    ("Familjehemsföreningen i {place}", "relatives", ["Placerade barn och unga"], ["Socialtjänst"], "familjehem och placerade barn"),
    ("Patientföreningen i {place}", "patient", ["Patienter och vårdtagare"], ["Patientsäkerhet", "Jämlik vård"], "patienter"),
    ("RFSL {place}", "interest", ["Hbtqi-personer"], ["Hiv och sti", "Jämlik vård"], "hbtqi-personer"),
    ("Föräldraföreningen för barn med funktionsnedsättning i {place}", "relatives", ["Barn och unga", "Personer med funktionsnedsättning"], ["Funktionshinderspolitik"], "föräldrar till barn med funktionsnedsättning"),
    ("FUB {place}", "interest", ["Personer med intellektuell funktionsnedsättning"], ["Funktionshinderspolitik", "Socialtjänst"], "personer med intellektuell funktionsnedsättning"),
    ("Demensföreningen i {place}", "relatives", ["Personer med demenssjukdom", "Anhöriga och närstående"], ["Äldreomsorg"], "personer med demenssjukdom och deras anhöriga"),
]
# fmt: on

# Who a group is, put in front of the condition: "barn med …", "anhöriga till personer med …".
GROUP_FORMS = [
    "personer med {c}",
    "barn och unga med {c}",
    "vuxna med {c}",
    "anhöriga till personer med {c}",
]
# Conditions of later life: no "barn och unga med …" or "Unga med …" organisations for these.
ADULT_CONDITIONS = {
    "demenssjukdom",
    "Parkinsons sjukdom",
    "prostatacancer",
    "bröstcancer",
    "stroke",
    "afasi",
}

TARGET_GROUPS = [
    ("Äldre", "Older people"),
    ("Barn och unga", "Children and young people"),
    ("Placerade barn och unga", "Children and young people in care"),
    ("Personer med funktionsnedsättning", "People with disabilities"),
    ("Personer med intellektuell funktionsnedsättning", "People with intellectual disabilities"),
    ("Personer med psykisk ohälsa", "People with mental ill-health"),
    ("Personer med adhd eller autism", "People with ADHD or autism"),
    ("Anhöriga och närstående", "Relatives and carers"),
    ("Patienter med kronisk sjukdom", "Patients with chronic illness"),
    ("Personer med cancer", "People with cancer"),
    ("Personer med demenssjukdom", "People with dementia"),
    ("Personer med sällsynta diagnoser", "People with rare diseases"),
    ("Personer med hörsel- eller synnedsättning", "People with hearing or visual impairment"),
    ("Hbtqi-personer", "LGBTQI people"),
    ("Konsumenter", "Consumers"),
    ("Personer med missbruk eller beroende", "People with substance use problems"),
    ("Nyanlända och asylsökande", "Newly arrived migrants and asylum seekers"),
    ("Personer i hemlöshet", "People experiencing homelessness"),
    ("Våldsutsatta", "People subjected to violence"),
    ("Patienter och vårdtagare", "Patients and care recipients"),
]

# The demo's topics first (same order, so the generated data does not change), then more.
TOPICS = [
    *demo.TOPICS,
    ("Patientsäkerhet", "Patient safety"),
    ("Tillgänglighet", "Accessibility"),
    ("Folkhälsa och levnadsvanor", "Public health and lifestyle"),
    ("Smittskydd och vaccination", "Communicable diseases and vaccination"),
    ("Äldreomsorg", "Care of older people"),
    ("Hjälpmedel", "Assistive technology"),
    ("Jämlik vård", "Equity in care"),
    ("Beroende och spel", "Addiction and gambling"),
]

# What engagements are about: wordings of one subject (inflections, compounds, paraphrases),
# with the target groups and topics an engagement on it is tagged with.
# fmt: off
SUBJECTS = [
    (["läkemedelsanvändning hos äldre", "äldres läkemedelsanvändning", "användningen av läkemedel bland äldre", "läkemedel till äldre personer", "säker läkemedelsanvändning för äldre"], ["Äldre"], ["Läkemedel", "Patientsäkerhet"]),
    (["psykisk hälsa bland unga", "ungas psykiska hälsa", "psykisk ohälsa hos barn och unga", "unga med psykisk ohälsa", "barns och ungas psykiska mående"], ["Barn och unga", "Personer med psykisk ohälsa"], ["Psykisk hälsa"]),
    (["tillgänglighet i vården", "vårdens tillgänglighet", "tillgängliga vårdmottagningar", "en mer tillgänglig vård", "fysisk och digital tillgänglighet i hälso- och sjukvården"], ["Personer med funktionsnedsättning"], ["Tillgänglighet", "Jämlik vård"]),
    (["suicidprevention", "suicidpreventivt arbete", "förebyggande av suicid", "självmordsprevention", "det nationella arbetet mot suicid"], ["Personer med psykisk ohälsa", "Anhöriga och närstående"], ["Suicidprevention", "Psykisk hälsa"]),
    (["nationella riktlinjer för diabetesvård", "diabetesvården", "vård vid diabetes", "riktlinjerna för diabetes", "egenvård vid diabetes"], ["Patienter med kronisk sjukdom"], ["Kunskapsstyrning", "Läkemedel"]),
    (["vård för personer med sällsynta diagnoser", "sällsynta sjukdomar", "sällsynta diagnoser", "centrum för sällsynta diagnoser", "diagnostik av sällsynta sjukdomar"], ["Personer med sällsynta diagnoser"], ["Jämlik vård", "Forskning"]),
    (["digitala vårdtjänster", "e-hälsotjänster", "digital vård", "vårdens digitala tjänster", "e-tjänster för patienter"], ["Patienter och vårdtagare"], ["E-hälsa", "Tillgänglighet"]),
    (["patientsäkerhet", "säkrare vård", "vårdskador", "arbetet mot vårdskador", "patientsäkerhetsarbetet"], ["Patienter och vårdtagare"], ["Patientsäkerhet", "Tillsyn"]),
    (["anhörigstöd", "stöd till anhöriga", "närståendes situation", "anhörigas behov av stöd", "stödet till närstående"], ["Anhöriga och närstående"], ["Socialtjänst"]),
    (["samordnad individuell plan", "samordning mellan vård och socialtjänst", "samordnade insatser", "samverkan kring SIP", "samordnade vård- och omsorgsinsatser"], ["Personer med psykisk ohälsa", "Äldre"], ["Socialtjänst", "Kunskapsstyrning"]),
    (["vård vid missbruk och beroende", "beroendevården", "behandling av beroende", "stöd vid missbruk", "samsjuklighet vid beroende"], ["Personer med missbruk eller beroende"], ["Beroende och spel", "Socialtjänst"]),
    (["spelberoende", "spel om pengar", "förebyggande av spelproblem", "stöd till personer med spelproblem"], ["Personer med missbruk eller beroende"], ["Beroende och spel", "Folkhälsa och levnadsvanor"]),
    (["hivprevention", "förebyggande arbete mot hiv och sti", "sexuell hälsa", "testning för hiv och sti", "den nationella strategin mot hiv"], ["Hbtqi-personer"], ["Hiv och sti", "Smittskydd och vaccination"]),
    (["demensvård", "personer med demenssjukdom", "stöd vid demens", "vård och omsorg vid demenssjukdom", "demenssjukas behov"], ["Personer med demenssjukdom", "Äldre"], ["Äldreomsorg", "Kunskapsstyrning"]),
    (["cancerrehabilitering", "rehabilitering efter cancer", "cancervården", "standardiserade vårdförlopp i cancervården", "cancerpatienters behov av stöd"], ["Personer med cancer"], ["Kunskapsstyrning", "Läkemedel"]),
    (["adhd hos vuxna", "vuxna med adhd", "neuropsykiatriska funktionsnedsättningar", "utredning av adhd och autism", "läkemedel vid adhd"], ["Personer med adhd eller autism"], ["Psykisk hälsa", "Läkemedel"]),
    (["tandvård för äldre", "äldres munhälsa", "tandvårdsstöd", "det statliga tandvårdsstödet", "munhälsa hos personer i särskilt boende"], ["Äldre"], ["Tandvård"]),
    (["placerade barns hälsa", "barn i samhällets vård", "familjehemsplacerade barn", "hälsoundersökningar av placerade barn", "ungas erfarenheter av placering"], ["Placerade barn och unga"], ["Socialtjänst"]),
    (["förskrivning av hjälpmedel", "hjälpmedel", "hjälpmedelsförsörjningen", "kognitiva hjälpmedel", "tillgång till hjälpmedel i hela landet"], ["Personer med funktionsnedsättning"], ["Hjälpmedel", "Jämlik vård"]),
    (["läkemedelsförmånen", "subvention av läkemedel", "priser på läkemedel", "nya läkemedel i förmånen", "patientens kostnader för läkemedel"], ["Patienter med kronisk sjukdom", "Konsumenter"], ["Läkemedel"]),
    (["tillsyn av LSS-verksamheter", "tillsynen av hem för vård eller boende", "klagomål på vården", "tillsyn av äldreboenden", "tillsynen av socialtjänsten"], ["Personer med intellektuell funktionsnedsättning", "Placerade barn och unga"], ["Tillsyn"]),
    (["vård vid depression och ångest", "depression och ångest", "kunskapsstöd för psykiatrin", "vårdprogram för depression", "behandling av ångestsyndrom"], ["Personer med psykisk ohälsa"], ["Psykisk hälsa", "Kunskapsstyrning"]),
    (["jämlik vård", "ojämlikhet i hälsa", "en mer jämlik hälsa", "skillnader i vårdens kvalitet", "hälsans bestämningsfaktorer"], ["Nyanlända och asylsökande", "Patienter och vårdtagare"], ["Jämlik vård", "Folkhälsa och levnadsvanor"]),
    (["antibiotikaresistens", "rätt användning av antibiotika", "antibiotikaanvändning", "förebyggande av antibiotikaresistens"], ["Patienter och vårdtagare"], ["Smittskydd och vaccination", "Läkemedel"]),
    (["vaccinationer", "vaccinationsprogrammen", "vaccintäckning", "vaccination av riskgrupper"], ["Äldre", "Barn och unga"], ["Smittskydd och vaccination"]),
    (["levnadsvanor", "fysisk aktivitet på recept", "ohälsosamma levnadsvanor", "matvanor och fysisk aktivitet"], ["Patienter och vårdtagare"], ["Folkhälsa och levnadsvanor"]),
    (["våld i nära relationer", "stöd till våldsutsatta", "mäns våld mot kvinnor", "barn som upplever våld", "hedersrelaterat våld och förtryck"], ["Våldsutsatta", "Barn och unga"], ["Socialtjänst"]),
    (["hemlöshet", "bostad först", "personer i hemlöshet", "stöd till hemlösa", "vräkningsförebyggande arbete"], ["Personer i hemlöshet"], ["Socialtjänst"]),
    (["långvarig smärta", "smärtlindring", "opioider vid långvarig smärta", "behandling av långvarig smärta"], ["Patienter med kronisk sjukdom"], ["Läkemedel", "Patientsäkerhet"]),
    (["personcentrerad vård", "delaktighet i vården", "patientens rätt till information", "patientens delaktighet", "personcentrerat arbetssätt"], ["Patienter och vårdtagare"], ["Kunskapsstyrning", "Patientsäkerhet"]),
    (["utvärdering av behandlingsmetoder", "evidens för insatser i socialtjänsten", "metoder i socialtjänsten", "kunskapsluckor i vården"], ["Patienter och vårdtagare"], ["Forskning", "Kunskapsstyrning"]),
    (["kompetensförsörjning i vården", "vårdens personalförsörjning", "framtidens vårdkompetens", "utbildning av vårdpersonal"], ["Patienter och vårdtagare"], ["Kompetensförsörjning"]),
    (["hbtqi-personers hälsa", "unga hbtqi-personers psykiska hälsa", "transpersoners tillgång till vård", "bemötande av hbtqi-personer i vården"], ["Hbtqi-personer"], ["Jämlik vård", "Psykisk hälsa"]),
    (["funktionshinderspolitiken", "uppföljning av funktionshinderspolitiken", "delaktighet för personer med funktionsnedsättning", "universell utformning"], ["Personer med funktionsnedsättning"], ["Funktionshinderspolitik", "Tillgänglighet"]),
    (["nyanländas hälsa", "hälsoundersökningar för asylsökande", "tolk i vården", "asylsökandes tillgång till vård"], ["Nyanlända och asylsökande"], ["Jämlik vård"]),
    (["äldreomsorgens kvalitet", "vård och omsorg om äldre", "äldres inflytande i omsorgen", "hemtjänst för äldre"], ["Äldre"], ["Äldreomsorg", "Socialtjänst"]),
    (["vård av barn med kronisk sjukdom", "barn med diabetes i skolan", "övergången från barn- till vuxenvård", "barns rätt i vården"], ["Barn och unga", "Patienter med kronisk sjukdom"], ["Jämlik vård"]),
    (["produktsäkerhet för medicintekniska produkter", "medicintekniska produkter", "säkerhet kring implantat", "rapportering av biverkningar"], ["Konsumenter", "Patienter och vårdtagare"], ["Patientsäkerhet", "Läkemedel"]),
]
# fmt: on

# Methods: Method value → (weight, noun with article, definite noun, title templates, usual levels,
# invitations (low, high)). {s} is a wording of the subject, {S} the same capitalised.
# fmt: off
METHODS = {
    "dialogue_meeting": (22, "ett dialogmöte", "dialogmötet", ["Dialogmöte om {s}", "Dialogmöte: {S}", "Dialog om {s}", "Dialogmöte med {who} om {s}", "Nationellt dialogmöte om {s}"], ["dialogue", "consultation"], (3, 10)),
    "consultation": (16, "ett samråd", "samrådet", ["Samråd om {s}", "Samråd: {S}", "Samråd inför beslut om {s}", "Remissamråd om {s}", "Samrådsmöte om {s}"], ["consultation"], (4, 14)),
    "workshop": (12, "en workshop", "workshopen", ["Workshop om {s}", "Workshop: {S}", "Workshop kring {s}", "Halvdagsworkshop om {s}", "Arbetsmöte om {s}"], ["dialogue", "partnership"], (3, 10)),
    "reference_group": (12, "ett referensgruppsmöte", "referensgruppsmötet", ["Referensgruppsmöte om {s}", "Referensgruppsmöte: {S}", "Möte i referensgruppen för {s}", "Referensgruppen för {s} – möte {n}"], ["dialogue", "partnership"], (4, 12)),
    "survey": (8, "en enkät", "enkäten", ["Enkät om {s}", "Enkät: {S}", "Enkät till {who} om {s}", "Webbenkät om {s}"], ["consultation", "information"], (10, 40)),
    "focus_group": (8, "en fokusgrupp", "fokusgruppen", ["Fokusgrupp om {s}", "Fokusgrupper med {who} om {s}", "Fokusgruppsintervjuer om {s}"], ["dialogue", "consultation"], (2, 7)),
    "interviews": (5, "en intervjustudie", "intervjustudien", ["Intervjuer om {s}", "Intervjustudie: {S}", "Intervjuer med {who} om {s}"], ["consultation"], (1, 5)),
    "council_meeting": (7, "ett rådsmöte", "rådsmötet", ["Rådsmöte: {S}", "Rådsmöte om {s}", "Sammanträde om {s}"], ["dialogue", "partnership"], (6, 15)),
    "user_testing": (3, "ett användartest", "användartestet", ["Användartest av {doc} om {s}", "Tjänstedesign: {S}", "Användartester – {s}"], ["partnership", "dialogue"], (2, 6)),
    "priority_setting": (2, "ett prioriteringsmöte", "prioriteringsmötet", ["Prioriteringsmöte om {s}", "Gemensam prioritering: {S}", "Prioriteringsworkshop om {s}"], ["partnership"], (4, 12)),
    "review": (3, "en granskning", "granskningen", ["Granskning av {doc} om {s}", "Synpunkter på {doc} om {s}", "Läsgrupp: {doc} om {s}"], ["consultation"], (3, 10)),
    "training": (2, "en utbildning", "utbildningen", ["Utbildning om {s}", "Utbildningsdag: {S}", "Webbinarium om {s}"], ["information"], (5, 20)),
}
# fmt: on

WHO = [
    "patientorganisationer",
    "brukarorganisationer",
    "anhörigorganisationer",
    "funktionsrättsorganisationer",
    "patient- och brukarföreträdare",
    "unga med egen erfarenhet",
    "civilsamhällets organisationer",
    "personer med egen erfarenhet",
    "närstående",
]
WHO_GENITIVE = [
    "patientorganisationernas",
    "brukarorganisationernas",
    "de anhörigas",
    "deltagarnas",
    "patienternas och de närståendes",
    "organisationernas",
    "brukarnas",
]
DOCUMENTS = [
    "utkast till kunskapsstöd",
    "remissversionen av nationella riktlinjer",
    "förslag till vägledning",
    "utkast till föreskrifter",
    "ny patientinformation",
    "förslag till indikatorer",
    "utkast till rapport",
    "en ny e-tjänst",
    "webbinformation",
]
TITLE_TAILS = [
    " {year}",
    " – vår {year}",
    " – höst {year}",
    " – uppföljning",
    " (omgång {n})",
    " – del {n}",
    " i {city}",
]

PURPOSES = [
    "samla in synpunkter inför revideringen av de nationella riktlinjerna",
    "ta fram ett kunskapsstöd för hälso- och sjukvården och socialtjänsten",
    "pröva ett förslag till vägledning innan det fastställs",
    "prioritera vilka frågor som ska drivas vidare under året",
    "följa upp resultatet av tidigare insatser",
    "förbättra informationen till patienter och närstående",
    "identifiera hinder för en jämlik vård",
    "ta fram indikatorer som speglar patienternas erfarenheter",
    "förankra ett förslag till föreskrifter",
    "utveckla en e-tjänst utifrån användarnas behov",
    "få underlag till en redovisning av ett regeringsuppdrag",
    "kartlägga behovet av stöd och var det saknas",
    "utforma en informationsinsats tillsammans med målgruppen",
    "granska ett utkast till rapport innan det publiceras",
]
INTRO_SENTENCES = [
    "{host} bjuder in {who} till {noun} om {s}.",
    "Vi vill ta del av {who_gen} erfarenheter av {s}.",
    "Vid {noun_def} diskuterar vi {s} utifrån patienters och närståendes perspektiv.",
    "{Noun_def} är en del av {host_gen} arbete med {s}.",
    "{host} planerar {noun} om {s} och söker deltagare med egen erfarenhet.",
]
PURPOSE_SENTENCES = [
    "Syftet är att {purpose}.",
    "Syftet med {noun_def} är att {purpose}.",
    "Vi vill {purpose}.",
    "Målet är att {purpose}.",
]
DETAIL_SENTENCES = [
    "Underlag skickas ut {k} veckor före mötet.",
    "Deltagarna får arvode och ersättning för resekostnader enligt myndighetens riktlinjer.",
    "Anmälan görs senast {k} veckor före mötet.",
    "Resultatet sammanställs i en rapport som publiceras {when}.",
    "Vi tar gärna emot skriftliga synpunkter från organisationer som inte kan delta.",
    "Tolkning och hörslinga finns; meddela behov av anpassningar vid anmälan.",
    "Målgruppen är {group}.",
    "Frågor besvaras av handläggaren för {s}.",
]
WHENS = [
    "under våren",
    "under hösten",
    "i slutet av året",
    "på webbplatsen",
    "i början av nästa år",
]
OUTCOMES = [
    "Synpunkterna har sammanställts och används i det fortsatta arbetet med {s}.",
    "Deltagarna lyfte särskilt behovet av bättre information om {s}.",
    "Förslaget justerades utifrån organisationernas synpunkter.",
    "Organisationerna var eniga om att {s} bör prioriteras.",
    "Underlaget från mötet ingår i redovisningen av uppdraget.",
]
FEEDBACK = [
    "Deltagarna fick en sammanfattning av hur synpunkterna har tagits om hand.",
    "Återkoppling gavs vid nästa möte och i ett brev till de inbjudna organisationerna.",
    "En minnesanteckning skickades till deltagarna och publicerades på webbplatsen.",
]
PROGRAMME_AREAS = [
    "psykisk hälsa",
    "endokrina sjukdomar",
    "cancersjukdomar",
    "äldres hälsa",
    "barn och ungdomars hälsa",
    "rehabilitering, habilitering och försäkringsmedicin",
    "nervsystemets sjukdomar",
    "hjärt- och kärlsjukdomar",
    "sällsynta sjukdomar",
    "levnadsvanor",
    "lung- och allergisjukdomar",
]
VENUES_ON_SITE = [
    "myndighetens lokaler",
    "konferenscentret",
    "stadshuset",
    "regionhuset",
    "Folkets hus",
]
DIGITAL_TOOLS = ["Microsoft Teams", "Zoom", "digitalt möte (länk skickas ut)", "webbenkät"]

# Forums: (kind, name template). {host_gen} is the host's genitive, {s} a subject wording.
FORUM_TEMPLATES = [
    ("council", "{host_gen} brukarråd"),
    ("council", "{host_gen} patient- och brukarråd"),
    ("council", "{host_gen} råd för funktionshindersfrågor"),
    ("reference_group", "Referensgrupp för {s}"),
    ("dialogue_forum", "Dialogforum om {s}"),
    ("network", "Nätverk för {s}"),
    ("working_group", "Arbetsgrupp för {s}"),
    ("board", "Styrgrupp för {s}"),
    ("stakeholder_group", "Intressentgrupp för {s}"),
]
CADENCES = [
    "två gånger per år",
    "fyra gånger per år",
    "en gång per termin",
    "vid behov",
    "varannan månad",
]

FIRST_NAMES = [
    "Anna",
    "Eva",
    "Maria",
    "Karin",
    "Sara",
    "Lena",
    "Kerstin",
    "Emma",
    "Ingrid",
    "Malin",
    "Linnea",
    "Elin",
    "Johanna",
    "Sofia",
    "Ida",
    "Hanna",
    "Fatima",
    "Amina",
    "Lars",
    "Mikael",
    "Anders",
    "Johan",
    "Per",
    "Erik",
    "Karl",
    "Peter",
    "Thomas",
    "Jan",
    "Daniel",
    "Fredrik",
    "Hans",
    "Mattias",
    "Ali",
    "Mohammed",
    "Oskar",
    "Jonas",
    "Ahmed",
    "Nils",
    "Björn",
    "Emil",
]
LAST_NAMES = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Jansson",
    "Hansson",
    "Bengtsson",
    "Jönsson",
    "Lindberg",
    "Jakobsson",
    "Magnusson",
    "Olofsson",
    "Lindström",
    "Lindqvist",
    "Lindgren",
    "Berg",
    "Axelsson",
    "Bergström",
    "Lundberg",
    "Lind",
    "Lundgren",
    "Lundqvist",
    "Mattsson",
    "Berglund",
    "Fredriksson",
    "Sandberg",
    "Henriksson",
    "Ali",
    "Mohammed",
    "Hassan",
    "Nyström",
    "Holm",
]
ROLES = [
    "ordförande",
    "vice ordförande",
    "ledamot",
    "kanslichef",
    "verksamhetsutvecklare",
    "sakkunnig",
    "samordnare",
    "intressepolitisk handläggare",
]


# Input items (underlag), by kind: {s} is a wording of the activity's subject, {S} capitalised,
# {group} one of its target groups (lower case), {region} a region's name.
INPUT_TEXTS = {
    "need": [
        "Det behövs mer kunskap om {s} hos personalen.",
        "Vi behöver bättre information om {s} på lättläst svenska.",
        "{S} behöver samordnas bättre mellan region och kommun.",
        "Det behövs en kontaktperson för {s} som {group} kan vända sig till.",
        "{S} måste fungera lika bra i hela landet.",
        "Det behövs uppföljning av {s} där {group} själva får vara med.",
    ],
    "problem": [
        "Väntetiderna när det gäller {s} är för långa.",
        "Informationen om {s} är svår att hitta och svår att förstå.",
        "{S} fungerar olika i olika regioner, till exempel i {region}.",
        "Det saknas personal med kunskap om {s}.",
        "Kostnaderna för {s} blir för höga för {group}.",
    ],
    "proposal": [
        "Inför en nationell samordning av {s}.",
        "Ta fram ett kunskapsstöd om {s} tillsammans med {group}.",
        "Låt brukarorganisationerna vara med och följa upp {s}.",
        "Samla information om {s} på ett ställe, även digitalt.",
    ],
    "knowledge_gap": [
        "Det finns för lite forskning om {s}.",
        "Vi vet för lite om hur {group} upplever {s}.",
        "Det saknas statistik om {s} uppdelat på kön och ålder.",
    ],
    "experience": [
        "Våra medlemmar berättar att {s} har blivit sämre de senaste åren.",
        "Många bland {group} har goda erfarenheter av {s} i {region}.",
        "Flera medlemmar har fått vänta länge på hjälp med {s}.",
    ],
}
INPUT_KIND_WEIGHTS = {
    "need": 35,
    "problem": 30,
    "proposal": 15,
    "knowledge_gap": 10,
    "experience": 10,
}
INPUT_TAILS = [
    "",
    "",
    "",
    " Detta har vi tagit upp tidigare.",
    " Det gäller särskilt de som bor på landsbygden.",
    " Digitala lösningar räcker inte för alla.",
    " Frågan är viktig för våra medlemmar.",
]
RESPONSES = [
    "Tack för synpunkten. Vi tar med den i arbetet med {s}.",
    "Frågan ingår i vårt uppdrag om {s} och vi återkommer under året.",
    "Vi har lämnat frågan vidare till den som ansvarar för {s}.",
    "Det här ligger utanför vårt uppdrag, men vi för det vidare i nätverket.",
]
