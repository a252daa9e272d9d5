"""Hand-written Swedish engagements for the ranking-quality test (issue 3).

RELATED: two engagements on the same subject, written by two different agencies in their own
words – with inflected forms, compound words on one side and the parts on the other.
UNRELATED: two engagements on different subjects that share only the common words of the field
(dialogmöte, samråd, workshop, 2026, patientorganisationer, föreskrifter …).
DISTRACTORS: the rest of a register – other subjects, written the way agencies write, full of the
same common words and now and then one subject word of a pair.

Each entry is (title, description).
"""

RELATED = [
    # compound on one side, parts on the other
    (
        (
            "Läkemedelsanvändning hos äldre med hemtjänst",
            "Hur klarar äldre som har hemtjänst att ta sina mediciner rätt? Vi bjuder in "
            "pensionärsorganisationer för att höra om deras erfarenheter.",
        ),
        (
            "Användning av läkemedel bland äldre som bor hemma",
            "Workshop om hur äldre personer hanterar sina läkemedel i vardagen och vilket stöd de "
            "får av hemtjänsten.",
        ),
    ),
    # inflections and other words
    (
        (
            "Psykisk ohälsa bland elever",
            "Vi vill veta hur elevhälsan kan nå barn och unga som mår psykiskt dåligt.",
        ),
        (
            "Elevers psykiska hälsa och skolans elevhälsa",
            "Dialog med föräldraföreningar om vad skolan kan göra när eleverna mår dåligt.",
        ),
    ),
    (
        (
            "Anhörigstöd i kommunerna",
            "Hur ser stödet ut för den som vårdar en närstående? Erfarenheter från "
            "anhörigorganisationer.",
        ),
        (
            "Stöd till anhöriga som vårdar en närstående",
            "Samråd om en vägledning för kommunernas stöd till anhöriga.",
        ),
    ),
    (
        (
            "Demenssjukdom och rätten till ett tryggt boende",
            "Personer med demens och deras anhöriga berättar om flytten till särskilt boende.",
        ),
        (
            "Boende för personer med demens",
            "Referensgrupp om hur boenden kan anpassas för den som lever med en demenssjukdom.",
        ),
    ),
    (
        (
            "Unga med funktionsnedsättningar på arbetsmarknaden",
            "Vilka hinder möter unga vuxna med funktionsnedsättning när de söker sitt första jobb?",
        ),
        (
            "Vägen till arbete för unga med funktionsnedsättning",
            "Fokusgrupp med unga och deras organisationer om stöd från Arbetsförmedlingen för att "
            "få ett jobb.",
        ),
    ),
    (
        (
            "Tandvårdens kostnader för personer med låg inkomst",
            "Många med sjukersättning avstår från att gå till tandläkaren. Vi vill höra hur "
            "kostnaderna påverkar dem.",
        ),
        (
            "Dyr tandvård och ekonomiskt utsatta patienter",
            "Samtal om högkostnadsskyddet i tandvården och vad det kostar att laga tänderna.",
        ),
    ),
    (
        (
            "Väntetider inom cancervården",
            "Patientföreningar berättar om väntan från remiss till behandling.",
        ),
        (
            "Hur länge väntar cancerpatienter på behandling?",
            "Dialog om standardiserade vårdförlopp och väntetiden till första behandlingen i "
            "cancervården.",
        ),
    ),
    (
        (
            "Digitala verktyg för egenvård vid diabetes",
            "Appar och sensorer som hjälper personer med diabetes att sköta sin egenvård.",
        ),
        (
            "Egenvård med appar för personer med diabetes",
            "Användartester av en app för blodsockermätning tillsammans med diabetesföreningar.",
        ),
    ),
    (
        (
            "Förebygga spelberoende bland unga",
            "Hur når vi unga som spelar om pengar innan spelandet blir ett beroende?",
        ),
        (
            "Unga som spelar om pengar",
            "Samråd om förebyggande arbete mot spelproblem och spelberoende hos ungdomar.",
        ),
    ),
    (
        (
            "Våld i nära relationer mot kvinnor med funktionsnedsättning",
            "Stöd till kvinnor som utsätts för våld och som är beroende av andra i sin vardag.",
        ),
        (
            "Våldsutsatta kvinnor med funktionsnedsättningar",
            "Workshop med intresseorganisationer om skyddat boende och tillgängligt stöd efter "
            "våld i en nära relation.",
        ),
    ),
    (
        (
            "Suicidprevention för äldre män",
            "Äldre män är överrepresenterade bland dem som tar sitt liv. Hur kan vården upptäcka "
            "risken tidigare?",
        ),
        (
            "Förebygga självmord hos äldre män",
            "Referensgrupp om suicid bland män över 65 år och vad primärvården kan göra för att "
            "förebygga det.",
        ),
    ),
    (
        (
            "Tolk vid vårdbesök",
            "Hur fungerar tillgången till tolk för patienter som inte talar svenska?",
        ),
        (
            "Tolkning i hälso- och sjukvården",
            "Samråd om krav på tolkar och kvalitet när patienter behöver tolk i vården.",
        ),
    ),
    (
        (
            "Förskrivning av hjälpmedel till barn",
            "Föräldrar till barn med rörelsehinder berättar om hur det går till att få hjälpmedel.",
        ),
        (
            "Hjälpmedelsförskrivning för barn med rörelsenedsättning",
            "Vi ser över regionernas rutiner för hjälpmedelsförskrivning och vill höra familjernas "
            "erfarenheter.",
        ),
    ),
    (
        (
            "Personlig assistans och bedömning av behov",
            "Hur bedöms de grundläggande behoven när någon ansöker om personlig assistans?",
        ),
        (
            "Behovsbedömningar inom assistansersättningen",
            "Dialog med brukarorganisationer om hur behovsbedömningen för assistans fungerar i "
            "praktiken.",
        ),
    ),
    (
        (
            "Vaccinationsprogram för vuxna i riskgrupper",
            "Vilka vacciner bör erbjudas vuxna med kroniska sjukdomar?",
        ),
        (
            "Vaccin till vuxna med kronisk sjukdom",
            "Samråd med patientorganisationer om ett vaccinationsprogram för vuxna.",
        ),
    ),
    (
        (
            "Hemlöshet och missbruk",
            "Personer i hemlöshet med missbruk och psykisk ohälsa faller ofta mellan "
            "socialtjänsten och vården.",
        ),
        (
            "Hemlösa personer med beroende och psykisk ohälsa",
            "Brukarråd om samordnat stöd för hemlösa med samsjuklighet och missbruk.",
        ),
    ),
    (
        (
            "Patientsäkerhet vid utskrivning från sjukhus",
            "Vad händer när en äldre patient skrivs ut och hemtjänsten tar över?",
        ),
        (
            "Säker utskrivning från sjukhuset till hemmet",
            "Om patientens säkerhet i övergången från slutenvården till kommunens hemtjänst.",
        ),
    ),
    (
        (
            "Undernäring hos äldre på särskilt boende",
            "Hur upptäcks undernäring och vad kan personalen göra med maten och måltiderna?",
        ),
        (
            "Mat och måltider för äldre i särskilda boenden",
            "Pensionärsorganisationer om nutrition, måltidsmiljö och risken för undernäring.",
        ),
    ),
    (
        (
            "Hörselskadade barn i förskolan",
            "Hur kan förskolan anpassa miljön för barn med hörselnedsättning?",
        ),
        (
            "Förskolebarn med hörselnedsättning",
            "Dialog med hörselorganisationer om ljudmiljön och stödet till barn som hör dåligt i "
            "förskolan.",
        ),
    ),
    (
        (
            "Vuxna med adhd i arbetslivet",
            "Vilket stöd behöver vuxna med adhd för att behålla ett arbete?",
        ),
        (
            "Adhd hos vuxna och vägen till arbete",
            "Workshop med npf-organisationer om arbetslivsinriktad rehabilitering för vuxna med "
            "adhd.",
        ),
    ),
    (
        (
            "Tillgängliga e-tjänster för personer med synnedsättning",
            "Användartester av myndighetens e-tjänster med skärmläsare och förstoring.",
        ),
        (
            "Digitala tjänster och synskadade användare",
            "Hur fungerar våra digitala tjänster för den som är blind eller har nedsatt syn?",
        ),
    ),
    (
        (
            "Långvarig smärta och sjukskrivning",
            "Patienter med långvarig smärta berättar om kontakterna med vården och "
            "Försäkringskassan.",
        ),
        (
            "Sjukskrivna med långvariga smärttillstånd",
            "Samråd om rehabilitering och återgång i arbete vid långvarig smärta.",
        ),
    ),
    (
        (
            "Barn placerade i familjehem",
            "Hur kan socialtjänsten lyssna mer på barn som bor i familjehem?",
        ),
        (
            "Familjehemsplacerade barns skolgång",
            "Barn i familjehem och deras rätt till stöd i skolan.",
        ),
    ),
    (
        (
            "Epilepsi och körkort",
            "Vilka regler gäller för körkortet när man har epilepsi?",
        ),
        (
            "Körkortsregler för personer med epilepsi",
            "Samråd om nya föreskrifter om körkort vid epilepsi.",
        ),
    ),
    (
        (
            "Cannabisbruk bland unga",
            "Hur pratar vi med unga om cannabis och riskerna?",
        ),
        (
            "Unga som använder cannabis",
            "Dialog med föräldraorganisationer om ungdomars bruk av cannabis.",
        ),
    ),
    (
        (
            "Ofrivillig ensamhet bland äldre",
            "Vad kan kommuner och civilsamhället göra mot ensamheten hos äldre?",
        ),
        (
            "Äldre som känner sig ensamma",
            "Pensionärsorganisationer om social isolering och ofrivillig ensamhet bland äldre.",
        ),
    ),
    # added so that at least 30 pairs are related
    (
        (
            "Strokerehabilitering efter utskrivning",
            "Hur ser rehabiliteringen ut för den som har haft en stroke när hen kommit hem från "
            "sjukhuset? Vi vill höra patienternas erfarenheter.",
        ),
        (
            "Rehabilitering efter stroke i hemmet",
            "Dialog med patientföreningar om vilket stöd strokedrabbade får i hemmet efter tiden "
            "på sjukhus.",
        ),
    ),
    (
        (
            "Sömnproblem hos barn med autism",
            "Vi samlar föräldrars erfarenheter av barn med autism som sover dåligt.",
        ),
        (
            "Barns sömnsvårigheter vid autism",
            "Samråd med npf-organisationer om barn som inte kan sova och vilket stöd familjerna "
            "behöver.",
        ),
    ),
    (
        (
            "Munhälsa i särskilda boenden",
            "Hur får de som bor på särskilt boende hjälp med tänderna och munnen?",
        ),
        (
            "Tandhälsa och munvård för boende i äldreboenden",
            "Pensionärsorganisationer om munvården på äldreboenden och tandvård för de boende.",
        ),
    ),
    (
        (
            "Ledsagning för personer med synnedsättning",
            "Dialog med synskadeorganisationer om ledsagarservice i kommunerna.",
        ),
        (
            "Ledsagarservice till synskadade",
            "Vi vill förstå hur synskadade personer får ledsagare och vad som fungerar dåligt.",
        ),
    ),
    (
        (
            "Läkemedelsgenomgångar i primärvården",
            "Hur fungerar genomgången av patienternas läkemedel på vårdcentralerna?",
        ),
        (
            "Genomgång av läkemedel på vårdcentraler",
            "Workshop om läkemedelsgenomgångar i primärvården med patient- och "
            "pensionärsorganisationer.",
        ),
    ),
]

UNRELATED = [
    (
        (
            "Dialogmöte 2026 om cykelhjälmar",
            "Dialogmöte med organisationer om hur fler barn kan använda cykelhjälm.",
        ),
        (
            "Dialogmöte 2026 om glutenfri kost",
            "Dialogmöte med organisationer om glutenfri mat i skolans matsal.",
        ),
    ),
    (
        (
            "Samråd om föreskrifter för strålskydd",
            "Samråd om nya föreskrifter om strålskydd vid röntgenundersökningar.",
        ),
        (
            "Samråd om föreskrifter för färdtjänst",
            "Samråd om nya föreskrifter om hur färdtjänsten ska beställas.",
        ),
    ),
    (
        (
            "Workshop om patientorganisationernas synpunkter på organdonation",
            "Workshop 2026 där patientorganisationer lämnar synpunkter om organdonation.",
        ),
        (
            "Workshop om brukarorganisationernas synpunkter på bostadsanpassning",
            "Workshop 2026 där brukarorganisationer lämnar synpunkter om bostadsanpassning.",
        ),
    ),
    (
        (
            "Webbinarium om pollenallergi",
            "Nationellt webbinarium med patientorganisationer om pollenallergi.",
        ),
        (
            "Webbinarium om pensionssparande",
            "Nationellt webbinarium med pensionärsorganisationer om pensionssparande.",
        ),
    ),
    (
        (
            "Våren 2026: samråd om astma",
            "Samråd med representanter för organisationer om astma och luftvägar.",
        ),
        (
            "Våren 2026: samråd om ekonomiskt bistånd",
            "Samråd med representanter för organisationer om försörjningsstöd och bistånd.",
        ),
    ),
    (
        (
            "Dialogmöte med patient- och brukarorganisationer om migrän",
            "Dialogmöte om migrän och huvudvärk.",
        ),
        (
            "Dialogmöte med patient- och brukarorganisationer om trygghetslarm",
            "Dialogmöte om trygghetslarm i hemmet.",
        ),
    ),
    (
        (
            "Inbjudan till workshop om stroke",
            "Inbjudan till workshop 2026 om rehabilitering efter stroke.",
        ),
        (
            "Inbjudan till workshop om könsidentitet",
            "Inbjudan till workshop 2026 om bemötande och könsidentitet.",
        ),
    ),
    (
        (
            "Nationell konferens om organdonation och transplantation",
            "Nationell konferens för organisationer och myndigheter om donation av organ.",
        ),
        (
            "Nationell konferens om skuldsanering",
            "Nationell konferens för organisationer och myndigheter om skuldsanering.",
        ),
    ),
    (
        (
            "Referensgruppsmöte om blodgivning 2026",
            "Referensgruppen diskuterar hur fler kan bli blodgivare.",
        ),
        (
            "Referensgruppsmöte om trafiksäkerhet 2026",
            "Referensgruppen diskuterar trafiksäkerhet för personer som går och cyklar.",
        ),
    ),
    (
        (
            "Synpunkter från organisationer på tillsyn av apotek",
            "Vi samlar erfarenheter och synpunkter från organisationer om tillsynen av apoteken.",
        ),
        (
            "Synpunkter från organisationer på tillsyn av fritidshem",
            "Vi samlar erfarenheter och synpunkter från organisationer om tillsynen av fritidshem.",
        ),
    ),
]

DISTRACTORS = [
    (
        "Samråd om ny föreskrift för journalföring",
        "Föreskriften gäller hur vårdgivare ska dokumentera i patientjournalen. Vi vill ha "
        "synpunkter från patientorganisationer.",
    ),
    (
        "Dialogmöte om sällsynta diagnoser",
        "Nationellt dialogmöte med patient- och brukarorganisationer om kunskapsstöd för "
        "sällsynta diagnoser.",
    ),
    (
        "Workshop om framtidens primärvård",
        "Hur vill patienter möta vårdcentralen? Workshop 2026 med representanter för "
        "patientorganisationer.",
    ),
    (
        "Referensgrupp för riktlinjer om rehabilitering efter hjärtinfarkt",
        "Referensgruppen lämnar synpunkter på rekommendationer om rehabilitering efter "
        "hjärtinfarkt.",
    ),
    (
        "Brukarråd om socialtjänstens digitalisering",
        "Brukarrådet ger synpunkter på hur socialtjänsten kan erbjuda fler digitala kontaktvägar.",
    ),
    (
        "Dialogmöte 2026 om kunskapsstöd för reumatism",
        "Dialogmöte med Reumatikerförbundet och andra organisationer om nationellt kunskapsstöd.",
    ),
    (
        "Samråd om vägledning för god vård vid ätstörningar",
        "Samråd med patient- och anhörigorganisationer om vården vid ätstörningar.",
    ),
    (
        "Workshop om klarspråk i myndighetens brev",
        "Workshop med organisationer om hur våra brev kan bli lättare att förstå.",
    ),
    (
        "Nationellt dialogforum om läkemedelsförsörjning vid kris",
        "Dialogforum om hur tillgången till läkemedel tryggas vid kris och krig.",
    ),
    (
        "Referensgrupp för statistik om socialtjänsten",
        "Referensgruppen ger synpunkter på vilken statistik om socialtjänst som behövs.",
    ),
    (
        "Dialogmöte om barnkonventionen i myndighetens arbete",
        "Dialogmöte 2026 med barnrättsorganisationer om hur barnets rättigheter beaktas.",
    ),
    (
        "Samråd om nationell strategi för psykisk hälsa och suicidprevention",
        "Samråd med organisationer om en ny nationell strategi.",
    ),
    (
        "Workshop om patientens rätt att välja vårdgivare",
        "Patientorganisationer om fritt val i vården och information om vårdgivare.",
    ),
    (
        "Brukarrevision av boenden enligt LSS",
        "Brukare granskar gruppbostäder tillsammans med myndigheten.",
    ),
    (
        "Dialogmöte om sjukresor",
        "Dialogmöte med organisationer om regler och avgifter för sjukresor.",
    ),
    (
        "Fokusgrupp om att ansöka om bostadstillägg",
        "Vi testar en ny ansökan om bostadstillägg med pensionärer.",
    ),
    (
        "Samråd om föreskrifter för hälsoundersökningar av asylsökande",
        "Samråd om nya föreskrifter och synpunkter från organisationer.",
    ),
    (
        "Nationellt nätverksmöte om brukarinflytande i socialtjänsten",
        "Nätverksmöte 2026 med brukarorganisationer om inflytande och delaktighet.",
    ),
    (
        "Workshop om screening för tjocktarmscancer",
        "Patientorganisationer om inbjudan och information i screeningprogrammet.",
    ),
    (
        "Dialogmöte om vård för personer med långvarig covid",
        "Dialogmöte med patientföreningar om postcovid och rehabilitering.",
    ),
    (
        "Referensgrupp för kunskapsstöd om autism hos flickor",
        "Referensgruppen granskar ett kunskapsstöd om autism.",
    ),
    (
        "Samråd om avgifter i äldreomsorgen",
        "Samråd med pensionärsorganisationer om maxtaxan i äldreomsorgen.",
    ),
    (
        "Dialogmöte om stöd till barn som anhöriga",
        "Barn som har en förälder med sjukdom eller missbruk – vad behöver de av vården?",
    ),
    (
        "Workshop om brukarundersökning inom LSS",
        "Workshop 2026 om frågorna i den nationella brukarundersökningen.",
    ),
    (
        "Rådsmöte i funktionshindersrådet",
        "Funktionshindersrådets ordinarie möte med föredragningar från myndigheten.",
    ),
    (
        "Dialogmöte om hiv och sexuell hälsa",
        "Dialogmöte med organisationer om prevention och testning för hiv.",
    ),
    (
        "Samråd om kvalitetsregister för njursjukdom",
        "Patientorganisationer om vad registret ska mäta.",
    ),
    (
        "Workshop om e-legitimation för personer som saknar bank-id",
        "Organisationer berättar om hinder för den som inte kan använda e-legitimation.",
    ),
    (
        "Dialogmöte om tillsyn av hemtjänst",
        "Dialogmöte 2026 om hur tillsynen av hemtjänst planeras.",
    ),
    (
        "Fokusgrupp med unga vuxna om sexualundervisning",
        "Unga vuxna berättar om vad de lärde sig i skolan om sex och relationer.",
    ),
    (
        "Samråd om nationella riktlinjer för astma och kol",
        "Samråd med patientorganisationer om riktlinjerna för astma och kol.",
    ),
    (
        "Nationell konferens om barnfattigdom",
        "Konferens med organisationer om ekonomisk utsatthet bland barnfamiljer.",
    ),
    (
        "Dialogmöte om fallprevention bland äldre",
        "Dialogmöte med pensionärsorganisationer om hur fallolyckor kan förebyggas.",
    ),
    (
        "Workshop om kommunikationsstöd för personer med afasi",
        "Workshop med Afasiförbundet om bildstöd och kommunikation.",
    ),
    (
        "Referensgrupp för ersättning till kontaktpersoner",
        "Synpunkter på en vägledning om kontaktperson enligt LSS.",
    ),
    (
        "Dialogmöte om tillgång till psykoterapi",
        "Dialogmöte med organisationer om väntan på psykoterapi inom primärvården.",
    ),
    (
        "Samråd om krav på tillgänglighet i kollektivtrafiken",
        "Samråd med funktionshindersorganisationer om tillgänglig kollektivtrafik.",
    ),
    (
        "Samråd om föreskrifter för munskydd i vården",
        "Samråd 2026 om skyddsutrustning och föreskrifter.",
    ),
    (
        "Dialogmöte om cancerrehabilitering",
        "Dialogmöte med patientföreningar om rehabilitering efter cancer.",
    ),
    (
        "Workshop om förlossningsvården",
        "Workshop med organisationer om trygg förlossning och eftervård.",
    ),
    (
        "Dialogmöte om äldres munhälsa",
        "Dialogmöte om munhälsa och munvård för äldre på särskilt boende.",
    ),
    (
        "Referensgrupp för nationell patientenkät",
        "Referensgruppen ger synpunkter på frågorna i den nationella patientenkäten.",
    ),
    (
        "Samråd om stöd till personer med dövblindhet",
        "Samråd med Förbundet Sveriges Dövblinda om tolktjänst och stöd.",
    ),
    (
        "Workshop om ungas användning av sociala medier",
        "Workshop 2026 om hur sociala medier påverkar ungas mående.",
    ),
    (
        "Dialogmöte om organisationsbidrag 2026",
        "Dialogmöte om statsbidrag till organisationer och ansökan om bidrag.",
    ),
    (
        "Dialogmöte om nationella vårdförlopp",
        "Dialogmöte med patientorganisationer om personcentrerade och sammanhållna vårdförlopp.",
    ),
    (
        "Samråd om ersättning för resor till vården",
        "Samråd om reseersättning och egenavgifter.",
    ),
    (
        "Workshop om tillsyn av privata vårdgivare",
        "Workshop 2026 om risker och klagomål hos privata vårdgivare.",
    ),
    (
        "Dialogmöte om kunskapsläget för ME/CFS",
        "Dialogmöte med patientorganisationer om ME/CFS och utmattning.",
    ),
    (
        "Referensgrupp för patientlagen",
        "Referensgruppen följer hur patientlagen tillämpas.",
    ),
    (
        "Samråd om insatser för personer med spelproblem i kriminalvården",
        "Samråd om stöd och behandling under verkställighet.",
    ),
    (
        "Dialogmöte om tillgänglighet till vaccinationsmottagningar",
        "Hur lätt är det att hitta och boka en tid för vaccinering?",
    ),
]
