"""Demo data for Samverkan and its loader.

The facts come from the seed documents in ../shared/seeds/: the RSK working group's final report
on patient and user participation (2017), its slides, and three news items (a joint training day,
the partnership with the regions, and the dialogue meetings of November 2018). The texts are
written for the demo. Where a source gives only a year or a month, the day is set for the demo and
the description says so. The upcoming engagements (December 2026 – June 2027) are invented,
generic examples so that the calendar has content.

`load_demo()` is idempotent: every row is keyed on a natural key (organisation name, forum slug,
engagement title + start, user email …), so loading twice gives the same rows. It writes with the
ORM directly and does not touch the audit log.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils.timezone import make_aware

from samverkan.accounts.models import User
from samverkan.accounts.roles import Role
from samverkan.coordination.services import engagements_reindex
from samverkan.engagements.models import (
    Engagement,
    EngagementHost,
    Forum,
    ForumHost,
    Invitation,
    Participation,
    Seat,
)
from samverkan.engagements.services import involvements_refresh
from samverkan.insights.models import Addressee, InputItem, TriageStep, text_key
from samverkan.register.models import Affiliation, Organisation, Person, TargetGroup, Topic

STOCKHOLM = ZoneInfo("Europe/Stockholm")
DEMO_PASSWORD = "samverkan-demo"  # noqa: S105 – a published demo password, never used in production

DATE_SET_FOR_DEMO = "Källan anger inte dagen; datumet är satt för demonstrationen."


def at(year, month, day, hour=0, minute=0):
    """An aware datetime in Swedish time."""
    return make_aware(datetime(year, month, day, hour, minute), STOCKHOLM)


# --------------------------------------------------------------------------------------------
# Taxonomies: (Swedish name, English name)
# --------------------------------------------------------------------------------------------

TARGET_GROUPS = [
    ("Äldre", "Older people"),
    ("Barn och unga", "Children and young people"),
    ("Placerade barn och unga", "Children and young people in care"),
    ("Personer med funktionsnedsättning", "People with disabilities"),
    ("Personer med psykisk ohälsa", "People with mental ill-health"),
    ("Personer med adhd", "People with ADHD"),
    ("Anhöriga och närstående", "Relatives and carers"),
    ("Patienter med kronisk sjukdom", "Patients with chronic illness"),
    ("Personer med sällsynta diagnoser", "People with rare diseases"),
    ("Hbtqi-personer", "LGBTQI people"),
    ("Konsumenter", "Consumers"),
    ("Personer med missbruk eller beroende", "People with substance use problems"),
]

TOPICS = [
    ("Läkemedel", "Pharmaceuticals"),
    ("Psykisk hälsa", "Mental health"),
    ("Funktionshinderspolitik", "Disability policy"),
    ("Tillsyn", "Supervision and inspection"),
    ("Forskning", "Research"),
    ("Tandvård", "Dental care"),
    ("Suicidprevention", "Suicide prevention"),
    ("Hiv och sti", "HIV and STIs"),
    ("Kunskapsstyrning", "Knowledge-based governance"),
    ("E-hälsa", "eHealth"),
    ("Socialtjänst", "Social services"),
    ("Kompetensförsörjning", "Skills supply"),
]

# --------------------------------------------------------------------------------------------
# Organisations. Other data refers to an organisation by its short name, or its name if it has
# none.
# --------------------------------------------------------------------------------------------

RSK_AGENCIES = ["SoS", "SBU", "LV", "TLV", "FoHM", "IVO", "E-hälsomyndigheten", "Forte", "MFD"]

ORGANISATIONS = [
    # The nine agencies of Rådet för styrning med kunskap (RSK)
    {
        "name": "Socialstyrelsen",
        "short_name": "SoS",
        "kind": "agency",
        "description": "Myndighet för socialtjänst och hälso- och sjukvård; generaldirektören "
        "är ordförande i Rådet för styrning med kunskap.",
        "topics": ["Kunskapsstyrning", "Socialtjänst"],
    },
    {
        "name": "Statens beredning för medicinsk och social utvärdering",
        "short_name": "SBU",
        "kind": "agency",
        "description": "Myndighet som utvärderar metoder och insatser i vården och socialtjänsten; "
        "ledde RSK:s arbetsgrupp för brukarsamverkan 2016–2017.",
        "topics": ["Kunskapsstyrning", "Forskning"],
    },
    {
        "name": "Läkemedelsverket",
        "short_name": "LV",
        "kind": "agency",
        "description": "Myndighet med ansvar för läkemedel som bland annat driver "
        "Läkemedelsupplysningen och har ett patient- och konsumentråd.",
        "topics": ["Läkemedel"],
    },
    {
        "name": "Tandvårds- och läkemedelsförmånsverket",
        "short_name": "TLV",
        "kind": "agency",
        "description": "Myndighet som beslutar vilka läkemedel och tandvårdsbehandlingar som ingår "
        "i de statliga förmånerna.",
        "topics": ["Läkemedel", "Tandvård"],
    },
    {
        "name": "Folkhälsomyndigheten",
        "short_name": "FoHM",
        "kind": "agency",
        "description": "Myndighet för folkhälsa med nationella samordningsuppdrag, bland annat "
        "inom hivprevention och suicidprevention.",
        "topics": ["Suicidprevention", "Hiv och sti"],
    },
    {
        "name": "Inspektionen för vård och omsorg",
        "short_name": "IVO",
        "kind": "agency",
        "description": "Myndighet för tillsyn och tillståndsprövning inom vård och omsorg.",
        "topics": ["Tillsyn"],
    },
    {
        "name": "E-hälsomyndigheten",
        "short_name": "",
        "kind": "agency",
        "description": "Myndighet för e-hälsa som bland annat tillhandahåller beslutsstödet "
        "Elektroniskt expertstöd (EES) till apoteken.",
        "topics": ["E-hälsa", "Läkemedel"],
    },
    {
        "name": "Forskningsrådet för hälsa, arbetsliv och välfärd",
        "short_name": "Forte",
        "kind": "agency",
        "description": "Forskningsråd som finansierar forskning om hälsa, arbetsliv och välfärd.",
        "topics": ["Forskning"],
    },
    {
        "name": "Myndigheten för delaktighet",
        "short_name": "MFD",
        "kind": "agency",
        "former_names": "Handisam",
        "description": "Myndighet som verkar för att funktionshinderspolitiken genomförs och som "
        "samråder med funktionshindersorganisationerna.",
        "target_groups": ["Personer med funktionsnedsättning"],
        "topics": ["Funktionshinderspolitik"],
    },
    # Other public bodies the seeds name
    {
        "name": "Barnombudsmannen",
        "short_name": "BO",
        "kind": "agency",
        "description": "Myndighet som bevakar barns och ungas rättigheter.",
        "target_groups": ["Barn och unga"],
    },
    {
        "name": "Statens institutionsstyrelse",
        "short_name": "SiS",
        "kind": "agency",
        "description": "Myndighet som driver institutioner för tvångsvård av unga och av vuxna "
        "med missbruk.",
        "target_groups": ["Placerade barn och unga", "Personer med missbruk eller beroende"],
        "topics": ["Socialtjänst"],
    },
    {
        "name": "Universitetskanslersämbetet",
        "short_name": "UKÄ",
        "kind": "agency",
        "description": "Myndighet för frågor om universitet och högskolor; drev regeringsuppdraget "
        "Framtidens vårdkompetens tillsammans med Socialstyrelsen.",
        "topics": ["Kompetensförsörjning"],
    },
    {
        "name": "Sveriges Kommuner och Regioner",
        "short_name": "SKR",
        "kind": "other",
        "former_names": "Sveriges Kommuner och Landsting",
        "description": "Organisation för landets kommuner och regioner, part i den gemensamma "
        "inriktningen för kunskapsstyrning i hälso- och sjukvården.",
        "topics": ["Kunskapsstyrning"],
    },
    {
        "name": "Region Stockholm",
        "short_name": "",
        "kind": "region",
        "description": "Region som är huvudman för hälso- och sjukvården i Stockholms län.",
        "topics": ["Kunskapsstyrning"],
    },
    {
        "name": "Region Skåne",
        "short_name": "",
        "kind": "region",
        "description": "Region som är huvudman för hälso- och sjukvården i Skåne.",
        "topics": ["Kunskapsstyrning"],
    },
    {
        "name": "Västra Götalandsregionen",
        "short_name": "VGR",
        "kind": "region",
        "description": "Region som är huvudman för hälso- och sjukvården i Västra Götaland.",
        "topics": ["Kunskapsstyrning"],
    },
    # Patient, user, relatives' and interest organisations
    {
        "name": "Nationell Samverkan för Psykisk Hälsa",
        "short_name": "NSPH",
        "kind": "user",
        "description": "Nationellt nätverk av brukar- och anhörigorganisationer inom psykisk "
        "hälsa.",
        "target_groups": ["Personer med psykisk ohälsa", "Anhöriga och närstående"],
        "topics": ["Psykisk hälsa", "Suicidprevention"],
    },
    {
        "name": "RFSL",
        "short_name": "",
        "kind": "interest",
        "description": "Riksförbundet för homosexuellas, bisexuellas, transpersoners och queeras "
        "rättigheter, som arbetar för hbtqi-personers rättigheter och hälsa.",
        "target_groups": ["Hbtqi-personer"],
        "topics": ["Hiv och sti", "Suicidprevention"],
    },
    {
        "name": "RFSL Ungdom",
        "short_name": "",
        "kind": "interest",
        "description": "Ungdomsförbund som arbetar för unga hbtqi-personers rättigheter.",
        "target_groups": ["Hbtqi-personer", "Barn och unga"],
        "topics": ["Hiv och sti"],
    },
    {
        "name": "FPES",
        "short_name": "",
        "kind": "interest",
        "description": "Transförening som samverkar med Folkhälsomyndigheten i dess arbete som "
        "hbt-strategisk myndighet.",
        "target_groups": ["Hbtqi-personer"],
    },
    {
        "name": "Diabetesförbundet",
        "short_name": "",
        "kind": "patient",
        "description": "Patientorganisation för personer med diabetes och deras närstående.",
        "target_groups": ["Patienter med kronisk sjukdom"],
        "topics": ["Läkemedel"],
    },
    {
        "name": "Funktionsrätt Sverige",
        "short_name": "",
        "kind": "user",
        "former_names": "Handikappförbunden, HSO",
        "description": "Paraplyorganisation för förbund som företräder personer med "
        "funktionsnedsättning eller kronisk sjukdom.",
        "target_groups": ["Personer med funktionsnedsättning", "Patienter med kronisk sjukdom"],
        "topics": ["Funktionshinderspolitik"],
        "members": [
            "FUB",
            "Neuroförbundet",
            "Astma- och allergiförbundet",
            "Riksförbundet Sällsynta diagnoser",
        ],
    },
    {
        "name": "Pensionärernas Riksorganisation",
        "short_name": "PRO",
        "kind": "interest",
        "description": "Intresseorganisation för pensionärer.",
        "target_groups": ["Äldre"],
        "topics": ["Läkemedel", "Tandvård"],
    },
    {
        "name": "FUB",
        "short_name": "",
        "kind": "interest",
        "description": "Intresseorganisation för barn, unga och vuxna med utvecklingsstörning "
        "och deras anhöriga.",
        "target_groups": ["Personer med funktionsnedsättning", "Anhöriga och närstående"],
        "topics": ["Funktionshinderspolitik"],
    },
    {
        "name": "Barnrättsbyrån",
        "short_name": "",
        "kind": "interest",
        "description": "Organisation som stöttar barn och unga att få sina rättigheter "
        "tillgodosedda.",
        "target_groups": ["Barn och unga", "Placerade barn och unga"],
        "topics": ["Socialtjänst"],
    },
    {
        "name": "Maskrosbarn",
        "short_name": "",
        "kind": "relatives",
        "description": "Organisation för unga som har föräldrar med missbruk eller psykisk ohälsa.",
        "target_groups": ["Barn och unga", "Anhöriga och närstående"],
        "topics": ["Psykisk hälsa"],
    },
    {
        "name": "Ung Cancer",
        "short_name": "",
        "kind": "patient",
        "description": "Organisation för unga vuxna som har eller har haft cancer och för unga "
        "närstående.",
        "target_groups": ["Barn och unga", "Anhöriga och närstående"],
    },
    {
        "name": "MIND",
        "short_name": "",
        "kind": "interest",
        "description": "Ideell organisation som arbetar för psykisk hälsa.",
        "target_groups": ["Personer med psykisk ohälsa"],
        "topics": ["Psykisk hälsa", "Suicidprevention"],
    },
    {
        "name": "SPES",
        "short_name": "",
        "kind": "relatives",
        "description": "Riksförbund för suicidprevention och stöd till efterlevande.",
        "target_groups": ["Anhöriga och närstående"],
        "topics": ["Suicidprevention"],
    },
    {
        "name": "Suicide Zero",
        "short_name": "",
        "kind": "interest",
        "description": "Ideell organisation som arbetar för att minska antalet självmord.",
        "topics": ["Suicidprevention"],
    },
    {
        "name": "Riksförbundet Sällsynta diagnoser",
        "short_name": "",
        "kind": "patient",
        "description": "Riksförbund för personer med sällsynta diagnoser och deras närstående.",
        "target_groups": ["Personer med sällsynta diagnoser"],
        "topics": ["Läkemedel"],
    },
    {
        "name": "Astma- och allergiförbundet",
        "short_name": "",
        "kind": "patient",
        "description": "Patientorganisation för personer med astma, allergi och annan "
        "överkänslighet.",
        "target_groups": ["Patienter med kronisk sjukdom"],
        "topics": ["Läkemedel"],
    },
    {
        "name": "Sveriges Konsumenter",
        "short_name": "",
        "kind": "interest",
        "description": "Ideell organisation som företräder konsumenternas intressen.",
        "target_groups": ["Konsumenter"],
        "topics": ["Tandvård", "Läkemedel"],
    },
    {
        "name": "Lika Unika",
        "short_name": "",
        "kind": "user",
        "description": "Samarbetsorganisation för funktionshindersförbund med inriktning på "
        "mänskliga rättigheter.",
        "target_groups": ["Personer med funktionsnedsättning"],
        "topics": ["Funktionshinderspolitik"],
    },
    {
        "name": "Nätverket unga för tillgänglighet",
        "short_name": "NUFT",
        "kind": "user",
        "description": "Nätverk för unga med funktionsnedsättning som arbetar för tillgänglighet.",
        "target_groups": ["Personer med funktionsnedsättning", "Barn och unga"],
        "topics": ["Funktionshinderspolitik"],
    },
    {
        "name": "Neuroförbundet",
        "short_name": "",
        "kind": "patient",
        "description": "Förbund för personer med neurologiska sjukdomar och skador och deras "
        "närstående.",
        "target_groups": ["Patienter med kronisk sjukdom"],
    },
    {
        "name": "Sveriges Dövas Riksförbund",
        "short_name": "SDR",
        "kind": "user",
        "description": "Riksförbund för döva och teckenspråkiga.",
        "target_groups": ["Personer med funktionsnedsättning"],
        "topics": ["Funktionshinderspolitik"],
    },
]

# --------------------------------------------------------------------------------------------
# Forums (report appendix 1 and the working group itself). Seats: (organisation, role, from, to)
# --------------------------------------------------------------------------------------------

SOS_COUNCIL_RULES = (
    "Rådet styrs av en egen handläggningsordning, ett policydokument i Socialstyrelsens "
    "ledningssystem. Varje år tas en verksamhetsberättelse fram om rådets arbete och hur det har "
    "stött myndighetens uppdrag."
)

FORUMS = [
    {
        "slug": "ivo-dialogforum",
        "name": "IVO:s dialogforum",
        "kind": "dialogue_forum",
        "lead": "IVO",
        "meeting_cadence": "Ett till två forum per år",
        "description": "Återkommande dialog mellan IVO och patient- och brukarorganisationer. "
        "Sändlistan omfattar drygt 80 organisationer, som alla kan föreslå frågor inför varje "
        "forum. En programkommitté med en person från IVO och två–tre patient- och "
        "brukarföreträdare sätter dagordningen; kommittén byts inför varje forum. Forumen blandar "
        "strategiska och operativa frågor, IVO:s generaldirektör deltar och varje forum avslutas "
        "med en gemensam utvärdering. Två forum hölls per år 2014–2015 och ett 2016.",
        "topics": ["Tillsyn"],
    },
    {
        "slug": "tlv-insynsrad",
        "name": "TLV:s insynsråd",
        "kind": "council",
        "lead": "TLV",
        "description": "Insynsråd där patientföreträdare ingår.",
        "topics": ["Läkemedel", "Tandvård"],
        "seats": [("PRO", "member", None, None), ("Diabetesförbundet", "member", None, None)],
    },
    {
        "slug": "tlv-namnden-for-lakemedelsformaner",
        "name": "Nämnden för läkemedelsförmåner",
        "kind": "board",
        "lead": "TLV",
        "description": "TLV:s nämnd för beslut om läkemedelsförmåner, med patientföreträdare "
        "bland ledamöterna.",
        "topics": ["Läkemedel"],
        "seats": [
            ("Riksförbundet Sällsynta diagnoser", "member", None, None),
            ("Astma- och allergiförbundet", "member", None, None),
        ],
    },
    {
        "slug": "tlv-namnden-for-statligt-tandvardsstod",
        "name": "Nämnden för statligt tandvårdsstöd",
        "kind": "board",
        "lead": "TLV",
        "description": "TLV:s nämnd för frågor om det statliga tandvårdsstödet, med en "
        "konsumentföreträdare bland ledamöterna.",
        "target_groups": ["Konsumenter"],
        "topics": ["Tandvård"],
        "seats": [("Sveriges Konsumenter", "member", None, None)],
    },
    {
        "slug": "tlv-dialogforum",
        "name": "TLV:s dialogforum",
        "kind": "dialogue_forum",
        "lead": "TLV",
        "meeting_cadence": "Två gånger per år",
        "description": "Forum för dialog och informationsutbyte där ett tjugotal organisationer "
        "brukar delta. En kommitté med företrädare för organisationerna och TLV tar fram "
        "programmet, och andra myndigheter och organisationer bjuds regelmässigt in.",
        "topics": ["Läkemedel", "Tandvård"],
    },
    {
        "slug": "lv-patient-och-konsumentrad",
        "name": "Läkemedelsverkets patient- och konsumentråd",
        "kind": "council",
        "lead": "LV",
        "meeting_cadence": "Två möten per år",
        "description": "Råd för avstämning och återkoppling av pågående regeringsuppdrag. Rådet "
        "utvecklar också tillsammans med Läkemedelsverket former för samverkan och "
        "informationsutbyte, och organisationerna är med och sätter agendan.",
        "target_groups": ["Konsumenter", "Patienter med kronisk sjukdom"],
        "topics": ["Läkemedel"],
    },
    {
        "slug": "mfd-funktionshindersrad",
        "name": "Funktionshindersrådet",
        "kind": "council",
        "lead": "MFD",
        "meeting_cadence": "Tre möten under 2016",
        "governing_document": "En överenskommelse mellan dåvarande Handisam och "
        "Handikappförbunden, Lika Unika och NUFT ramar in rådet för information, samråd och "
        "dialog. Den bygger på Europarådets kod för idéburna organisationers medverkan i "
        "beslutsprocessen.",
        "description": "Myndigheten för delaktighets råd för samråd med "
        "funktionshindersorganisationerna. Dagordningen tas fram gemensamt och "
        "minnesanteckningarna publiceras på myndighetens webbplats.",
        "target_groups": ["Personer med funktionsnedsättning"],
        "topics": ["Funktionshinderspolitik"],
        "seats": [
            ("Funktionsrätt Sverige", "member", None, None),
            ("Lika Unika", "member", None, None),
            ("NUFT", "member", None, None),
        ],
    },
    {
        "slug": "sos-namnden-for-funktionshinderfragor",
        "name": "Nämnden för funktionshinderfrågor",
        "kind": "board",
        "lead": "SoS",
        "governing_document": SOS_COUNCIL_RULES,
        "description": "Rådgivande organ som bevakar hur Socialstyrelsen prioriterar "
        "funktionshindersfrågor, pekar ut områden där myndigheten behöver agera och lämnar "
        "underlag till verksamhetsplaneringen. Dagordningen fastställs gemensamt.",
        "target_groups": ["Personer med funktionsnedsättning"],
        "topics": ["Funktionshinderspolitik", "Socialtjänst"],
    },
    {
        "slug": "sos-aldreradet",
        "name": "Äldrerådet",
        "kind": "council",
        "lead": "SoS",
        "governing_document": SOS_COUNCIL_RULES,
        "description": "Socialstyrelsens rådgivande organ i äldrefrågor. Dagordningen fastställs "
        "gemensamt och rådet lämnar underlag till myndighetens verksamhetsplanering.",
        "target_groups": ["Äldre"],
        "topics": ["Socialtjänst"],
    },
    {
        "slug": "sos-brukarradet-for-missbruksfragor",
        "name": "Brukarrådet för missbruksfrågor",
        "kind": "council",
        "lead": "SoS",
        "governing_document": SOS_COUNCIL_RULES,
        "description": "Socialstyrelsens rådgivande organ för brukarinflytande i missbruks- och "
        "beroendefrågor. Dagordningen fastställs gemensamt och rådet lämnar underlag till "
        "myndighetens verksamhetsplanering.",
        "target_groups": ["Personer med missbruk eller beroende"],
        "topics": ["Socialtjänst"],
    },
    {
        "slug": "fohm-organisationsforum",
        "name": "Organisationsforum för hivprevention",
        "kind": "stakeholder_group",
        "lead": "FoHM",
        "meeting_cadence": "Två gånger per år",
        "description": "Råd för samverkan med de organisationer som fått statsbidrag för "
        "hivprevention, ibland tillsammans med företrädare för regioner och kommuner. Här "
        "diskuteras behov av prevention, hur aktörerna kan komplettera varandra och hur ny "
        "kunskap sprids.",
        "topics": ["Hiv och sti"],
    },
    {
        "slug": "fohm-samverkansgruppen-hiv-sti",
        "name": "Samverkansgruppen för hiv/sti-prevention",
        "kind": "stakeholder_group",
        "lead": "FoHM",
        "description": "Grupp med företrädare för myndigheter, regioner, kommuner och civila "
        "samhällets organisationer, tidigare kallad hivrådet. Den har gått från en mer "
        "genomförande roll till att vara ett forum för informations- och kunskapsspridning.",
        "topics": ["Hiv och sti"],
    },
    {
        "slug": "fohm-nationell-intressentgrupp-suicidprevention",
        "name": "Nationell intressentgrupp suicidprevention",
        "kind": "stakeholder_group",
        "lead": "FoHM",
        "meeting_cadence": "3–4 gånger per år",
        "description": "Samverkansgrupp inom Folkhälsomyndighetens nationella samordningsuppdrag "
        "för suicidprevention, med intresse-, brukar- och anhörigorganisationer. Gruppen för "
        "dialog om behov, kunskapsluckor och gemensamma utmaningar; medlemmarna deltar också i "
        "referensgrupper och sprider myndighetens kunskapsstöd.",
        "target_groups": ["Personer med psykisk ohälsa", "Anhöriga och närstående"],
        "topics": ["Suicidprevention", "Psykisk hälsa"],
        "seats": [
            ("RFSL", "member", None, None),
            ("NSPH", "member", None, None),
            ("SPES", "member", None, None),
            ("Suicide Zero", "member", None, None),
        ],
    },
    {
        "slug": "fohm-hbt-strategisk-samverkan",
        "name": "Samverkan i det hbt-strategiska uppdraget",
        "kind": "network",
        "lead": "FoHM",
        "meeting_cadence": "2–3 gånger per år",
        "description": "Folkhälsomyndighetens kunskaps- och erfarenhetsutbyte med organisationer "
        "inom ramen för uppdraget som hbt-strategisk myndighet.",
        "target_groups": ["Hbtqi-personer"],
        "seats": [
            ("RFSL", "member", None, None),
            ("RFSL Ungdom", "member", None, None),
            ("FPES", "member", None, None),
        ],
    },
    {
        "slug": "rsk-myndighetsgrupp",
        "name": "RSK:s arbetsgrupp för brukarsamverkan – myndighetsgruppen",
        "kind": "working_group",
        "lead": "SBU",
        "established_on": date(2016, 12, 1),
        "ended_on": date(2017, 10, 31),
        "description": "Myndighetsgemensam arbetsgrupp som Rådet för styrning med kunskap gav SBU "
        "i uppdrag att tillsätta i slutet av 2016. Gruppen höll fem egna möten och två "
        "gemensamma möten med brukargruppen, och slutredovisade sina förslag i oktober 2017. "
        "Start- och slutdag är satta för demonstrationen; källan anger månad.",
        "topics": ["Kunskapsstyrning"],
        "seats": [
            (
                agency,
                "chair" if agency == "SBU" else "member",
                date(2016, 12, 1),
                date(2017, 10, 31),
            )
            for agency in RSK_AGENCIES
        ],
    },
    {
        "slug": "rsk-brukargrupp",
        "name": "RSK:s arbetsgrupp för brukarsamverkan – brukargruppen",
        "kind": "working_group",
        "lead": "SBU",
        "established_on": date(2017, 1, 1),
        "ended_on": date(2017, 10, 31),
        "description": "Brukargrupp som arbetade parallellt med myndighetsgruppen. Drygt tio "
        "organisationer bjöds in och nio tackade ja, men fyra lämnade under arbetet eftersom de "
        "inte hade tid att bidra. Datumen är satta för demonstrationen; källan anger månad.",
        "topics": ["Kunskapsstyrning"],
        "seats": [
            ("NSPH", "member", date(2017, 1, 1), date(2017, 10, 31)),
            ("RFSL", "member", date(2017, 1, 1), date(2017, 10, 31)),
            ("Diabetesförbundet", "member", date(2017, 1, 1), date(2017, 10, 31)),
            ("Funktionsrätt Sverige", "member", date(2017, 1, 1), date(2017, 10, 31)),
            ("PRO", "member", date(2017, 1, 1), date(2017, 10, 31)),
            ("Barnrättsbyrån", "member", date(2017, 1, 1), date(2017, 3, 31)),
            ("Maskrosbarn", "member", date(2017, 1, 1), date(2017, 3, 31)),
            ("Ung Cancer", "member", date(2017, 1, 1), date(2017, 3, 31)),
            ("FUB", "member", date(2017, 1, 1), date(2017, 8, 31)),
        ],
    },
]

# --------------------------------------------------------------------------------------------
# People: the working group's members (report appendix 3). Names, organisation and period only.
# (first name, last name, organisation, role, from, to)
# --------------------------------------------------------------------------------------------

AGENCY_MEMBER = "Ledamot i myndighetsgruppen, RSK:s arbetsgrupp för brukarsamverkan"
USER_MEMBER = "Ledamot i brukargruppen, RSK:s arbetsgrupp för brukarsamverkan"
GROUP_START, GROUP_END = date(2016, 12, 1), date(2017, 10, 31)

PEOPLE = [
    ("Sophie", "Werkö", "SBU", AGENCY_MEMBER, GROUP_START, GROUP_END),
    ("Elisabeth", "Gustafsson", "SBU", AGENCY_MEMBER, GROUP_START, GROUP_END),
    ("Stella", "Jacobsson", "Forte", AGENCY_MEMBER, GROUP_START, date(2017, 7, 31)),
    ("Staffan", "Arvidsson", "Forte", AGENCY_MEMBER, date(2017, 8, 1), GROUP_END),
    ("Lena", "Ring", "LV", AGENCY_MEMBER, GROUP_START, date(2017, 4, 30)),
    ("Brita", "Sjöström", "LV", AGENCY_MEMBER, date(2017, 8, 1), GROUP_END),
    ("Sophia", "Brodin", "TLV", AGENCY_MEMBER, GROUP_START, GROUP_END),
    ("Maria", "Melin", "MFD", AGENCY_MEMBER, GROUP_START, GROUP_END),
    ("Karin", "Flyckt", "SoS", AGENCY_MEMBER, GROUP_START, GROUP_END),
    ("Thomas", "Jonsland", "SoS", AGENCY_MEMBER, GROUP_START, GROUP_END),
    ("Maria", "Wanrud", "E-hälsomyndigheten", AGENCY_MEMBER, GROUP_START, GROUP_END),
    ("Åsa", "Hultén", "IVO", AGENCY_MEMBER, GROUP_START, GROUP_END),
    ("Malin", "Wallin", "FoHM", AGENCY_MEMBER, GROUP_START, GROUP_END),
    ("Mikael", "Jonsson", "RFSL", USER_MEMBER, date(2017, 1, 1), GROUP_END),
    ("Carina", "Benjaminsson", "Diabetesförbundet", USER_MEMBER, date(2017, 1, 1), GROUP_END),
    ("Mårten", "Jansson", "NSPH", USER_MEMBER, date(2017, 1, 1), GROUP_END),
    (
        "Martina",
        "Bergström",
        "Funktionsrätt Sverige",
        USER_MEMBER,
        date(2017, 1, 1),
        date(2017, 6, 30),
    ),
    ("Sofia", "Karlsson", "Funktionsrätt Sverige", USER_MEMBER, date(2017, 8, 1), GROUP_END),
    ("Janette", "Bäckman", "PRO", USER_MEMBER, date(2017, 1, 1), GROUP_END),
]

# --------------------------------------------------------------------------------------------
# Engagements. Past ones from the seeds; upcoming ones (2026-12 – 2027-06) are generic examples.
# --------------------------------------------------------------------------------------------

PRIO_ASSIGNMENT = (
    "Regeringsuppdraget Samordnad nationell kunskapsstyrning psykisk ohälsa (2013–2015)"
)
VARDKOMPETENS_ASSIGNMENT = "Regeringsuppdraget Framtidens vårdkompetens"
VARDKOMPETENS_OUTCOME = (
    "De tre dialogmötena samlade sammanlagt 135 personer. Många ville ha ett tydligare förslag, "
    "till exempel om hur det nationella rådet och de regionala råden ska samspela, och många "
    "hade åsikter om vilka aktörer som bör ingå i det nationella rådet."
)
VARDKOMPETENS_FEEDBACK = (
    "Projektledarna berättade i en nyhet hur de går vidare: synpunkterna gås igenom, förslaget "
    "konkretiseras och fler aktörer ska träffas. Film, presentationer och synpunkter från "
    "mötena publicerades."
)


def _vardkompetens_meeting(day, who):
    return {
        "title": "Dialogmöte om samverkansstruktur för kompetensförsörjning i vården",
        "starts_at": at(2018, 11, day, 10, 0),
        "ends_at": at(2018, 11, day, 15, 0),
        "lead": "SoS",
        "co_hosts": ["UKÄ"],
        "assignment": VARDKOMPETENS_ASSIGNMENT,
        "description": "Ett av tre dialogmöten om ett förslag, utskickat i förväg, om ett "
        "nationellt råd för kompetensförsörjning i vården som ska samverka med sex råd på "
        f"sjukvårdsregional nivå. {who} Klockslagen är satta för demonstrationen.",
        "level": "consultation",
        "steps": ["drafting"],
        "representation": "appointed",
        "knowledge": "collective",
        "method": "dialogue_meeting",
        "topics": ["Kompetensförsörjning"],
        "status": "completed",
        "outcome": VARDKOMPETENS_OUTCOME,
        "feedback": VARDKOMPETENS_FEEDBACK,
        "feedback_given_on": date(2018, 11, 28),
        "is_published": True,
    }


ENGAGEMENTS = [
    {
        "title": "Workshop om läkemedel med brukar- och intresseorganisationer (PRIO)",
        "starts_at": at(2015, 10, 1, 9, 30),
        "ends_at": at(2015, 10, 1, 16, 0),
        "lead": "SoS",
        "co_hosts": ["FoHM", "SBU", "LV"],
        "assignment": PRIO_ASSIGNMENT,
        "description": "Första testet av den modell för samverkan med brukar- och "
        "intresseorganisationer som myndigheterna tog fram i PRIO-arbetet om psykisk ohälsa, "
        "med fokus på läkemedel. NSPH deltog i arbetsgruppen med en brukarrepresentant. "
        + DATE_SET_FOR_DEMO,
        "level": "consultation",
        "steps": ["agenda", "drafting"],
        "representation": "appointed",
        "knowledge": "collective",
        "method": "workshop",
        "target_groups": ["Personer med psykisk ohälsa"],
        "topics": ["Läkemedel", "Psykisk hälsa"],
        "status": "completed",
        "outcome": "Det som kom fram kunde påverka både inriktningen på myndigheternas "
        "gemensamma arbete och några myndigheters eget arbete.",
        "invitations": [("NSPH", "accepted")],
        "participations": [("NSPH", "Brukarrepresentant i arbetsgruppen")],
        "is_published": True,
    },
    {
        "title": "Workshop om äldre och psykisk ohälsa",
        "starts_at": at(2016, 10, 1, 9, 30),
        "ends_at": at(2016, 10, 1, 16, 0),
        "lead": "SoS",
        "co_hosts": ["FoHM", "SBU", "LV"],
        "assignment": "Test av PRIO-modellen för brukarsamverkan inom Rådet för styrning med "
        "kunskap",
        "description": "Det nybildade Rådet för styrning med kunskap prövade PRIO-modellen för "
        "samverkan med brukar- och intresseorganisationer på området äldre och psykisk ohälsa. "
        "Sju av rådets nio myndigheter deltog i arbetet, som leddes av Socialstyrelsen. "
        + DATE_SET_FOR_DEMO,
        "level": "consultation",
        "steps": ["agenda", "drafting"],
        "representation": "appointed",
        "knowledge": "collective",
        "method": "workshop",
        "target_groups": ["Äldre", "Personer med psykisk ohälsa"],
        "topics": ["Psykisk hälsa"],
        "status": "completed",
        "outcome": "Arbetssättet gav goda resultat, och lärdomarna går att använda i "
        "myndigheternas gemensamma arbete och i några myndigheters eget arbete.",
        "is_published": True,
    },
    {
        "title": "Prioritering av kunskapsluckor om adhd",
        "starts_at": at(2016, 3, 15, 9, 0),
        "ends_at": at(2016, 3, 15, 16, 0),
        "lead": "SBU",
        "assignment": "SBU:s utvärdering av behandling vid adhd",
        "description": "Fjorton personer prioriterade kunskapsluckorna från SBU:s rapport om "
        "behandling vid adhd: hälften hade adhd eller var närstående, hälften arbetade i skola, "
        "vård eller kriminalvård. Först prioriterade var och en för sig, sedan sammanställdes "
        "resultatet inför en gemensam prioritering under en workshopdag. " + DATE_SET_FOR_DEMO,
        "level": "consultation",
        "steps": ["agenda"],
        "representation": "invited",
        "knowledge": "personal",
        "method": "priority_setting",
        "target_groups": ["Personer med adhd", "Anhöriga och närstående"],
        "topics": ["Forskning", "Psykisk hälsa"],
        "status": "completed",
        "outcome": "En topp 10-lista över de forskningsfrågor som gruppen såg som viktigast.",
        "is_published": True,
    },
    {
        "title": "Utlysning om psykosociala insatser vid omfattande psykiatrisk problematik",
        "starts_at": at(2014, 3, 1, 9, 0),
        "ends_at": at(2014, 11, 30, 17, 0),
        "lead": "Forte",
        "assignment": "Forskningsutlysning 2014: psykosociala insatser för personer med "
        "omfattande och komplex psykiatrisk problematik",
        "description": "Företrädare för MIND var med och utformade utlysningen och granskade "
        "sedan ansökningarna. Källan anger bara året; perioden är satt för demonstrationen.",
        "level": "dialogue",
        "steps": ["drafting", "decision"],
        "representation": "appointed",
        "knowledge": "collective",
        "method": "review",
        "target_groups": ["Personer med psykisk ohälsa"],
        "topics": ["Forskning", "Psykisk hälsa"],
        "status": "completed",
        "outcome": "Organisationens perspektiv fanns med både när utlysningen skrevs och när "
        "ansökningarna bedömdes.",
        "invitations": [("MIND", "accepted")],
        "participations": [("MIND", "Utformning av utlysningen och granskning av ansökningar")],
        "is_published": True,
    },
    {
        "title": "Förstudie med barn i familjehem",
        "starts_at": at(2013, 9, 2, 9, 0),
        "ends_at": at(2013, 12, 20, 17, 0),
        "lead": "SoS",
        "co_hosts": ["BO"],
        "assignment": "Regeringsuppdrag 2013: modell för att lyssna på barn i familjehem",
        "description": "Barnombudsmannen träffade 28 barn och unga mellan 8 och 20 år med "
        "erfarenhet av familjehem, med arbetssättet Unga direkt. Källan anger bara året; "
        "perioden är satt för demonstrationen.",
        "level": "consultation",
        "steps": ["drafting"],
        "representation": "invited",
        "knowledge": "personal",
        "method": "interviews",
        "target_groups": ["Placerade barn och unga", "Barn och unga"],
        "topics": ["Socialtjänst"],
        "status": "completed",
        "outcome": "Förstudien blev grunden för Socialstyrelsens fortsatta arbete med modellen.",
        "is_published": True,
    },
    {
        "title": "Gruppintervjuer med ungdomar för handboken Utreda barn och unga",
        "starts_at": at(2015, 2, 2, 9, 0),
        "ends_at": at(2015, 3, 31, 17, 0),
        "lead": "SoS",
        "co_hosts": ["SiS"],
        "assignment": "Handboken Utreda barn och unga (2015)",
        "description": "SiS valde ut två institutioner, skötte administrationen och berättade "
        "vilka ungdomar som var aktuella. Socialstyrelsen skrev underlag till informations- och "
        "samtyckesbrev till ungdomar och föräldrar. Två utredare intervjuade grupper om tre till "
        "fem ungdomar på institutionerna. Källan anger bara året; perioden är satt för "
        "demonstrationen.",
        "level": "consultation",
        "steps": ["drafting"],
        "representation": "invited",
        "knowledge": "personal",
        "method": "interviews",
        "location": "Två av SiS institutioner",
        "target_groups": ["Placerade barn och unga", "Barn och unga"],
        "topics": ["Socialtjänst"],
        "status": "completed",
        "outcome": "Ungdomarnas egna ord användes som citat i handboken.",
        "is_published": True,
    },
    {
        "title": "Patient- och brukarorganisationer i planeringen av tillsyn inom LSS och "
        "äldreomsorg",
        "starts_at": at(2016, 5, 18, 13, 0),
        "ends_at": at(2016, 5, 18, 16, 0),
        "lead": "IVO",
        "assignment": "Riskbaserat tillsynsprojekt inom LSS och äldreområdet",
        "description": "En av IVO:s piloter för patient- och brukarmedverkan: IVO träffade "
        "brukarorganisationerna när tillsynsinsatsen planerades. " + DATE_SET_FOR_DEMO,
        "level": "consultation",
        "steps": ["agenda", "drafting"],
        "representation": "appointed",
        "knowledge": "collective",
        "method": "dialogue_meeting",
        "target_groups": ["Personer med funktionsnedsättning", "Äldre"],
        "topics": ["Tillsyn"],
        "status": "completed",
        "outcome": "Mötet hjälpte IVO att ringa in rätt frågor och det som var viktigast för "
        "brukarna.",
        "is_published": True,
    },
    {
        "title": "Utbildningsdag för myndigheter och patient- och brukarorganisationer",
        "starts_at": at(2019, 3, 15, 9, 30),
        "ends_at": at(2019, 3, 15, 16, 0),
        "lead": "SoS",
        "co_hosts": [a for a in RSK_AGENCIES if a != "SoS"],
        "description": "RSK-myndigheternas gemensamma utbildningsdag för att lära känna "
        "varandras uppdrag och roller och underlätta framtida kontakter. Socialstyrelsens "
        "generaldirektör inledde, myndigheterna visade exemplet Svens resa (en påhittad "
        "KOL-patients väg genom vården) och dagen varvades med gruppdiskussioner. Ungefär hälften "
        "av deltagarna kom från myndigheter och hälften från organisationer. Nyhetstexten säger "
        "bara att dagen var en fredag; datumet är satt för demonstrationen.",
        "level": "dialogue",
        "steps": [],
        "representation": "appointed",
        "knowledge": "collective",
        "method": "training",
        "target_groups": ["Patienter med kronisk sjukdom"],
        "topics": ["Kunskapsstyrning"],
        "status": "completed",
        "outcome": "Organisationerna påpekade att myndigheterna gärna talar om patienter och "
        "brukare och gör saker för dem, men sällan med dem. Deltagarna var eniga om att "
        "organisationerna bör komma in tidigt, att myndigheter hellre bör vända sig till "
        "organisationerna centralt än till enskilda patienter, och att både långsiktiga "
        "dialogforum och mindre formella möten behövs.",
        "invitations": [
            ("Neuroförbundet", "accepted"),
            ("Riksförbundet Sällsynta diagnoser", "accepted"),
            ("PRO", "accepted"),
            ("SDR", "accepted"),
        ],
        "participations": [
            ("Neuroförbundet", "Panel om befintlig samverkan"),
            ("Riksförbundet Sällsynta diagnoser", "Panel om befintlig samverkan"),
            ("PRO", "Panel om befintlig samverkan"),
            ("SDR", "Deltagare"),
        ],
        "is_published": True,
    },
    _vardkompetens_meeting(
        6, "Till det här mötet kom främst företrädare för vårdens huvudmän och lärosäten."
    ),
    _vardkompetens_meeting(
        15, "Till det här mötet kom främst företrädare för vårdens huvudmän och lärosäten."
    ),
    _vardkompetens_meeting(
        23,
        "Det här mötet var öppet för bransch- och arbetstagarorganisationer, "
        "patientföreningar, studentrepresentanter och andra berörda.",
    ),
    # ---- Upcoming (generic examples for the calendar) ----
    {
        "title": "Nationell intressentgrupp suicidprevention – decembermöte",
        "starts_at": at(2026, 12, 9, 13, 0),
        "ends_at": at(2026, 12, 9, 15, 30),
        "lead": "FoHM",
        "forum": "fohm-nationell-intressentgrupp-suicidprevention",
        "description": "Gruppens ordinarie möte: dialog om behov, kunskapsluckor och "
        "gemensamma utmaningar inom suicidprevention.",
        "level": "dialogue",
        "steps": ["agenda"],
        "representation": "appointed",
        "knowledge": "collective",
        "method": "council_meeting",
        "venue": "digital",
        "target_groups": ["Personer med psykisk ohälsa", "Anhöriga och närstående"],
        "topics": ["Suicidprevention"],
        "status": "planned",
        "invitations": [
            ("RFSL", "accepted"),
            ("NSPH", "accepted"),
            ("SPES", "invited"),
            ("Suicide Zero", "invited"),
        ],
        "is_published": True,
    },
    {
        "title": "Samråd inför tillsyn av boenden enligt LSS",
        "starts_at": at(2027, 1, 20, 13, 0),
        "ends_at": at(2027, 1, 20, 15, 0),
        "lead": "IVO",
        "description": "Planeringsmöte där brukarorganisationer får påverka frågeställningarna "
        "i en kommande tillsynsinsats. Ännu inte publicerat.",
        "level": "consultation",
        "steps": ["agenda", "drafting"],
        "representation": "appointed",
        "knowledge": "collective",
        "method": "dialogue_meeting",
        "venue": "digital",
        "target_groups": ["Personer med funktionsnedsättning"],
        "topics": ["Tillsyn"],
        "status": "planned",
        "invitations": [("FUB", "invited"), ("Funktionsrätt Sverige", "invited")],
        "is_published": False,
    },
    {
        "title": "Gemensam utbildningsdag om samverkan 2027",
        "starts_at": at(2027, 2, 5, 9, 30),
        "ends_at": at(2027, 2, 5, 16, 0),
        "lead": "SoS",
        "co_hosts": ["SBU"],
        "description": "Återkommande utbildning för myndigheter och patient- och "
        "brukarorganisationer om varandras uppdrag och förutsättningar och om former för "
        "samverkan enligt den europeiska koden. Går att följa digitalt; ange "
        "tillgänglighetsbehov vid anmälan.",
        "level": "information",
        "steps": [],
        "representation": "appointed",
        "knowledge": "collective",
        "method": "training",
        "venue": "hybrid",
        "location": "Stockholm och digitalt",
        "topics": ["Kunskapsstyrning"],
        "status": "planned",
        "invitations": [
            ("Neuroförbundet", "accepted"),
            ("Riksförbundet Sällsynta diagnoser", "invited"),
            ("PRO", "accepted"),
            ("SDR", "invited"),
            ("NSPH", "invited"),
            ("Diabetesförbundet", "declined"),
        ],
        "is_published": True,
    },
    {
        "title": "IVO:s dialogforum, våren 2027",
        "starts_at": at(2027, 3, 10, 9, 30),
        "ends_at": at(2027, 3, 10, 15, 30),
        "lead": "IVO",
        "forum": "ivo-dialogforum",
        "description": "Nästa dialogforum. Organisationerna på sändlistan kan skicka in förslag "
        "på frågor; programkommittén sätter dagordningen och forumet avslutas med en gemensam "
        "utvärdering.",
        "level": "dialogue",
        "steps": ["agenda", "monitoring"],
        "representation": "appointed",
        "knowledge": "collective",
        "method": "dialogue_meeting",
        "venue": "hybrid",
        "location": "Stockholm och digitalt",
        "topics": ["Tillsyn"],
        "status": "planned",
        "invitations": [
            ("NSPH", "accepted"),
            ("Funktionsrätt Sverige", "accepted"),
            ("FUB", "invited"),
            ("PRO", "invited"),
            ("Neuroförbundet", "invited"),
        ],
        "is_published": True,
    },
    {
        "title": "Läkemedelsverkets patient- och konsumentråd, vårens möte",
        "starts_at": at(2027, 3, 24, 10, 0),
        "ends_at": at(2027, 3, 24, 14, 0),
        "lead": "LV",
        "forum": "lv-patient-och-konsumentrad",
        "description": "Avstämning och återkoppling av pågående regeringsuppdrag.",
        "level": "dialogue",
        "steps": ["implementation", "monitoring"],
        "representation": "appointed",
        "knowledge": "collective",
        "method": "council_meeting",
        "venue": "hybrid",
        "location": "Uppsala och digitalt",
        "topics": ["Läkemedel"],
        "status": "planned",
        "is_published": True,
    },
    {
        "title": "TLV:s dialogforum, våren 2027",
        "starts_at": at(2027, 4, 21, 13, 0),
        "ends_at": at(2027, 4, 21, 16, 0),
        "lead": "TLV",
        "forum": "tlv-dialogforum",
        "description": "Dialog och informationsutbyte; programmet tas fram av en kommitté med "
        "företrädare för organisationerna och TLV.",
        "level": "dialogue",
        "steps": ["agenda"],
        "representation": "appointed",
        "knowledge": "collective",
        "method": "dialogue_meeting",
        "location": "Stockholm",
        "topics": ["Läkemedel", "Tandvård"],
        "status": "planned",
        "invitations": [
            ("Diabetesförbundet", "accepted"),
            ("Astma- och allergiförbundet", "invited"),
            ("Riksförbundet Sällsynta diagnoser", "invited"),
            ("PRO", "invited"),
            ("Sveriges Konsumenter", "invited"),
            ("LV", "invited"),
        ],
        "is_published": True,
    },
    {
        "title": "Funktionshindersrådet, majmötet",
        "starts_at": at(2027, 5, 19, 10, 0),
        "ends_at": at(2027, 5, 19, 13, 0),
        "lead": "MFD",
        "forum": "mfd-funktionshindersrad",
        "description": "Rådsmöte med gemensamt framtagen dagordning; minnesanteckningar "
        "publiceras efteråt.",
        "level": "dialogue",
        "steps": ["agenda", "monitoring"],
        "representation": "appointed",
        "knowledge": "collective",
        "method": "council_meeting",
        "venue": "digital",
        "target_groups": ["Personer med funktionsnedsättning"],
        "topics": ["Funktionshinderspolitik"],
        "status": "planned",
        "invitations": [("Funktionsrätt Sverige", "invited")],
        "is_published": True,
    },
    {
        "title": "Prioritering av kunskapsluckor – planeringsmöte",
        "starts_at": at(2027, 6, 9, 13, 0),
        "ends_at": at(2027, 6, 9, 15, 0),
        "lead": "SBU",
        "description": "Internt förberedande möte inför en ny prioritering av kunskapsluckor "
        "tillsammans med patienter, närstående och profession. Ännu inte publicerat.",
        "level": "consultation",
        "steps": ["agenda"],
        "representation": "invited",
        "knowledge": "personal",
        "method": "priority_setting",
        "venue": "digital",
        "topics": ["Forskning"],
        "status": "planned",
        "invitations": [("NSPH", "invited")],
        "is_published": False,
    },
]

# --------------------------------------------------------------------------------------------
# Demo users: one per role, all with DEMO_PASSWORD. Fictional names.
# --------------------------------------------------------------------------------------------

DEMO_USERS = [
    ("natverk@demo.samverkan.se", "Nils", "Nätverk", "network_admin", None),
    ("samordnare.sbu@demo.samverkan.se", "Saga", "Samordnare", "agency_coordinator", "SBU"),
    ("handlaggare.sbu@demo.samverkan.se", "Hugo", "Handläggare", "agency_staff", "SBU"),
    ("handlaggare.tlv@demo.samverkan.se", "Hanna", "Handläggare", "agency_staff", "TLV"),
    ("samordnare.ivo@demo.samverkan.se", "Sam", "Samordnare", "agency_coordinator", "IVO"),
    ("admin.nsph@demo.samverkan.se", "Alva", "Administratör", "organisation_admin", "NSPH"),
    ("representant.pro@demo.samverkan.se", "Rut", "Representant", "representative", "PRO"),
]


# --------------------------------------------------------------------------------------------
# Loader
# --------------------------------------------------------------------------------------------


def _load_terms(model, rows):
    return {
        name: model.objects.update_or_create(name=name, defaults={"name_en": name_en})[0]
        for name, name_en in rows
    }


# What a few organisations say they can take on (made up for the demo, not from the sources):
# activities per quarter, weeks of notice, preferred channel.
CAPACITY = {
    "PRO": (3, 4, "email"),
    "Diabetesförbundet": (2, 6, "email"),
    "NSPH": (4, 3, "phone"),
    "Sveriges Dövas Riksförbund": (2, 8, "email"),
}


def _load_organisations(target_groups, topics):
    orgs = {}
    for row in ORGANISATIONS:
        org, _ = Organisation.objects.update_or_create(
            name=row["name"],
            defaults={
                "short_name": row.get("short_name", ""),
                "kind": row["kind"],
                "description": row["description"],
                "former_names": row.get("former_names", ""),
            },
        )
        org.target_groups.set([target_groups[n] for n in row.get("target_groups", [])])
        org.topics.set([topics[n] for n in row.get("topics", [])])
        orgs[row["name"]] = org
        if org.short_name:
            orgs[org.short_name] = org
    for row in ORGANISATIONS:
        orgs[row["name"]].member_organisations.set([orgs[m] for m in row.get("members", [])])
    for key, (per_quarter, notice, channel) in CAPACITY.items():
        Organisation.objects.filter(pk=orgs[key].pk).update(
            max_engagements_per_quarter=per_quarter, notice_weeks=notice, preferred_channel=channel
        )
    return orgs


def _sync_hosts(record, link_model, field, orgs, lead, co_hosts):
    """Make the record's host links exactly: `lead` as lead, `co_hosts` as co-hosts."""
    wanted = [orgs[lead]] + [orgs[c] for c in co_hosts]
    link_model.objects.filter(**{field: record}).exclude(organisation__in=wanted).delete()
    # Co-hosts first, so that a former lead is demoted before the new lead is set.
    for org in wanted[1:]:
        link_model.objects.update_or_create(
            **{field: record}, organisation=org, defaults={"role": "co_host"}
        )
    link_model.objects.update_or_create(
        **{field: record}, organisation=wanted[0], defaults={"role": "lead"}
    )


def _load_forums(orgs, target_groups, topics):
    forums = {}
    for row in FORUMS:
        forum, _ = Forum.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "kind": row["kind"],
                "description": row["description"],
                "governing_document": row.get("governing_document", ""),
                "meeting_cadence": row.get("meeting_cadence", ""),
                "established_on": row.get("established_on"),
                "ended_on": row.get("ended_on"),
                "is_published": True,
            },
        )
        _sync_hosts(forum, ForumHost, "forum", orgs, row["lead"], row.get("co_hosts", []))
        forum.target_groups.set([target_groups[n] for n in row.get("target_groups", [])])
        forum.topics.set([topics[n] for n in row.get("topics", [])])
        for key, role, start, end in row.get("seats", []):
            Seat.objects.update_or_create(
                forum=forum,
                kind="organisation",
                organisation=orgs[key],
                defaults={"role": role, "term_start": start, "term_end": end},
            )
        forums[row["slug"]] = forum
    return forums


def _load_people(orgs):
    for first, last, org_key, role, start, end in PEOPLE:
        person, _ = Person.objects.get_or_create(first_name=first, last_name=last)
        Affiliation.objects.update_or_create(
            person=person,
            organisation=orgs[org_key],
            role=role,
            defaults={"start_date": start, "end_date": end},
        )


def _load_engagements(orgs, forums, target_groups, topics):
    for row in ENGAGEMENTS:
        engagement, _ = Engagement.objects.update_or_create(
            title=row["title"],
            starts_at=row["starts_at"],
            defaults={
                "ends_at": row.get("ends_at"),
                "description": row["description"],
                "forum": forums.get(row.get("forum")),
                "assignment": row.get("assignment", ""),
                "level": row["level"],
                "steps": row["steps"],
                "representation": row["representation"],
                "knowledge": row["knowledge"],
                "method": row["method"],
                "venue": row.get("venue", "on_site"),
                "location": row.get("location", ""),
                "status": row["status"],
                "outcome": row.get("outcome", ""),
                "feedback": row.get("feedback", ""),
                "feedback_given_on": row.get("feedback_given_on"),
                "is_published": row["is_published"],
            },
        )
        _sync_hosts(
            engagement, EngagementHost, "engagement", orgs, row["lead"], row.get("co_hosts", [])
        )
        engagement.target_groups.set([target_groups[n] for n in row.get("target_groups", [])])
        engagement.topics.set([topics[n] for n in row.get("topics", [])])
        for key, status in row.get("invitations", []):
            Invitation.objects.update_or_create(
                engagement=engagement, organisation=orgs[key], defaults={"status": status}
            )
        for key, role in row.get("participations", []):
            Participation.objects.update_or_create(
                engagement=engagement, organisation=orgs[key], person=None, defaults={"role": role}
            )


# --------------------------------------------------------------------------------------------
# Input items (underlag) from the open dialogue meeting of 23 November 2018 (seed 004), with the
# hosts' answers so far. (kind, text, organisation or None, status at SoS, response)
# --------------------------------------------------------------------------------------------

INPUT_MEETING = ("Dialogmöte om samverkansstruktur för kompetensförsörjning i vården", (23,))
INPUT_ITEMS = [
    (
        "need",
        "Förslaget behöver bli tydligare om hur det nationella rådet och de sex regionala råden "
        "ska samspela.",
        None,
        "considering",
        "Projektgruppen går igenom synpunkterna och konkretiserar hur råden ska samspela "
        "inför slutrapporten.",
    ),
    (
        "proposal",
        "Patientorganisationerna bör ha en plats i det nationella rådet, så att patienternas "
        "behov av kompetens i vården hörs.",
        "Funktionsrätt Sverige",
        "received",
        "",
    ),
    (
        "problem",
        "Samverkan riskerar att bli ett självändamål om rådet inte har tydliga mål.",
        None,
        "acted_on",
        "Förslaget kompletteras med tydliga mål för vad samverkan ska åstadkomma: en "
        "effektivare kompetensförsörjning i hälso- och sjukvården.",
    ),
    (
        "need",
        "Studenterna vill vara med när de regionala rådens uppdrag formuleras.",
        None,
        "received",
        "",
    ),
]


def _load_input_items(orgs, topics):
    """Input items with their addressees and the lead host's answers; no audit entries, as for
    the rest of the demo data."""
    title, (day,) = INPUT_MEETING
    engagement = Engagement.objects.get(title=title, starts_at=at(2018, 11, day, 10, 0))
    hosts = list(engagement.host_links.values_list("organisation_id", flat=True))
    lead = orgs["SoS"]
    answered_at = at(2018, 11, 28, 12, 0)
    for kind, text, organisation, status, response in INPUT_ITEMS:
        item, _ = InputItem.objects.update_or_create(
            engagement=engagement,
            text_key=text_key(text),
            defaults={
                "kind": kind,
                "text": text,
                "organisation": orgs[organisation] if organisation else None,
            },
        )
        item.topics.set([topics["Kompetensförsörjning"]])
        for host_id in hosts:
            Addressee.objects.get_or_create(item=item, host_id=host_id)
        if status == "received":
            continue
        addressee = Addressee.objects.get(item=item, host=lead)
        Addressee.objects.filter(pk=addressee.pk).update(
            status=status,
            response=response,
            status_changed_at=answered_at,
            first_response_at=answered_at,
        )
        TriageStep.objects.update_or_create(
            addressee=addressee, status=status, defaults={"response": response}
        )


def _load_users(orgs):
    logins = []
    for email, first, last, role, org_key in DEMO_USERS:
        is_admin = role == Role.NETWORK_ADMIN
        user, _ = User.objects.update_or_create(
            email=email,
            defaults={
                "first_name": first,
                "last_name": last,
                "role": role,
                "organisation": orgs[org_key] if org_key else None,
                "is_active": True,
                "is_staff": is_admin,
                "is_superuser": is_admin,
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        EmailAddress.objects.filter(user=user).exclude(email=email).update(primary=False)
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        logins.append((email, DEMO_PASSWORD, str(Role(role).label)))
    return logins


@transaction.atomic
def load_demo(*, stdout=None) -> list[tuple[str, str, str]]:
    """Load (or refresh) the demo data. Returns the demo logins as (email, password, role label)."""
    target_groups = _load_terms(TargetGroup, TARGET_GROUPS)
    topics = _load_terms(Topic, TOPICS)
    orgs = _load_organisations(target_groups, topics)
    forums = _load_forums(orgs, target_groups, topics)
    _load_people(orgs)
    _load_engagements(orgs, forums, target_groups, topics)
    _load_input_items(orgs, topics)
    # The "similar engagements" index, so the demo shows similar activities at other agencies.
    engagements_reindex()
    involvements_refresh()
    logins = _load_users(orgs)
    if stdout is not None:
        stdout.write(
            f"Loaded {len(target_groups)} target groups, {len(topics)} topics, "
            f"{len(ORGANISATIONS)} organisations, {len(FORUMS)} forums, {len(PEOPLE)} people, "
            f"{len(ENGAGEMENTS)} engagements, {len(INPUT_ITEMS)} input items and "
            f"{len(logins)} demo users.\n"
        )
    return logins
