"""Plain-language explanations of the European code's levels and steps and of report table 1.

Shown where a planner chooses them and on the glossary page.
"""

from django.utils.translation import gettext_lazy as _

LEVEL_HELP = {
    "information": _(
        "The lowest level. The agency tells the organisations about its work; information goes one way."
    ),
    "consultation": _(
        "The agency asks the organisations for their views on questions the agency has chosen."
    ),
    "dialogue": _(
        "A regular two-way exchange built on shared interests. Both sides can raise questions."
    ),
    "partnership": _(
        "The highest level. The agency and the organisations share responsibility in every step."
    ),
}

STEP_HELP = {
    "agenda": _("Deciding which questions to work on and why (fastställa agenda)."),
    "drafting": _("Writing the proposal, report or guidance (formulera)."),
    "decision": _("Making the decision (besluta)."),
    "implementation": _("Carrying out what was decided (genomföra)."),
    "monitoring": _("Following up and reviewing the results (granska)."),
    "reformulation": _("Changing the work in the light of what was learned (omformulera)."),
}

REPRESENTATION_HELP = {
    "appointed": _(
        "The organisation chooses who represents it. The representative speaks for the "
        "organisation, reports back to it and takes part as long as the organisation trusts them."
    ),
    "invited": _(
        "The agency invites a person directly. They speak for themselves and take part for "
        "the time agreed with the agency."
    ),
}

KNOWLEDGE_HELP = {
    "collective": _(
        "What the organisation as a whole knows about how people in the target group live and "
        "what they need, and its views on the agency's work."
    ),
    "personal": _(
        "The representative's own experience, for example in service design, user testing, "
        "surveys or in-depth interviews."
    ),
    "expertise": _(
        "The representative's own experience and what they know of others in the same situation."
    ),
}

# (Swedish word, English word, explanation) for the glossary page. The two words are
# shown as they are in both languages; only the explanation is translated.
TERMS = [
    ("samverkan", "collaboration", _("Agencies and organisations working together on a question.")),
    (
        "samverkansaktivitet",
        "engagement",
        _(
            "One activity in which an agency involves organisations or people: a meeting, workshop, "
            "survey, consultation or similar."
        ),
    ),
    ("brukare", "user", _("A person who uses health care, social services or other support.")),
    (
        "brukarorganisation",
        "user organisation",
        _(
            "An organisation that speaks for users, for example people with a disability or their relatives."
        ),
    ),
    ("patientorganisation", "patient organisation", _("An organisation that speaks for patients.")),
    (
        "paraplyorganisation",
        "umbrella organisation",
        _("An organisation whose members are other organisations, such as Funktionsrätt Sverige."),
    ),
    (
        "företrädare, representant",
        "representative",
        _("A person who takes part on behalf of an organisation or with their own experience."),
    ),
    ("myndighet", "agency", _("A government agency, such as Socialstyrelsen or SBU.")),
    ("målgrupp", "target group", _("The people the work is about.")),
    ("sakområde", "topic", _("The subject the work is about.")),
    (
        "uppdrag, regeringsuppdrag",
        "assignment, government assignment",
        _("A task an agency has been given, often by the government."),
    ),
    (
        "forum, råd, referensgrupp",
        "forum, council, reference group",
        _("A standing group that meets regularly, with members and rules of its own."),
    ),
    (
        "handläggningsordning",
        "rules of procedure",
        _("The document that governs how a council or forum works."),
    ),
    (
        "minnesanteckningar",
        "minutes",
        _("A written summary of what was said and decided at a meeting."),
    ),
    (
        "underlag",
        "input",
        _("What participants say or send in: needs, problems, proposals, experiences."),
    ),
    (
        "gemensam omvärlds-, problem- och behovsanalys",
        "joint analysis of context, problems and needs",
        _(
            "The input from all agencies' dialogues compiled for joint planning: needs by target "
            "group and topic, needs raised to several agencies, and how the agencies responded."
        ),
    ),
    ("återkoppling", "feedback", _("Telling participants what happened with what they said.")),
    (
        "jäv, jävsdeklaration",
        "conflict of interest, declaration of interests",
        _("A tie that could make someone partial, and the form on which it is declared."),
    ),
    (
        "arvode, ersättning",
        "fee, compensation",
        _("Payment for the work participants do, their travel and lost income."),
    ),
    (
        "tillgänglighet",
        "accessibility",
        _(
            "That everyone can take part whatever their functional ability: interpreters, hearing loops, "
            "easy-to-read material, digital participation."
        ),
    ),
]
