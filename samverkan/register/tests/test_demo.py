from datetime import date
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command

from samverkan.accounts.models import User
from samverkan.accounts.roles import USER_ROLES, Role
from samverkan.core.models import AuditEntry
from samverkan.engagements.models import (
    Engagement,
    EngagementHost,
    Forum,
    ForumHost,
    HostRole,
    Invitation,
    Level,
    Participation,
    Seat,
    Status,
    Step,
)
from samverkan.insights.models import Addressee, InputItem, TriageStep
from samverkan.register import demo
from samverkan.register.models import (
    Affiliation,
    Organisation,
    OrganisationKind,
    Person,
    TargetGroup,
    Topic,
)

pytestmark = pytest.mark.django_db

MODELS = [
    Organisation,
    TargetGroup,
    Topic,
    Person,
    Affiliation,
    Forum,
    ForumHost,
    Seat,
    Engagement,
    EngagementHost,
    Invitation,
    Participation,
    User,
    EmailAddress,
    InputItem,
    Addressee,
    TriageStep,
]


def row_counts():
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def logins():
    return demo.load_demo()


def test_loading_twice_gives_the_same_rows(logins):
    first = row_counts()
    assert demo.load_demo() == logins
    assert row_counts() == first
    assert first["Organisation"] == len(demo.ORGANISATIONS)
    assert first["TargetGroup"] == first["Topic"] == 12
    assert first["Engagement"] == len(demo.ENGAGEMENTS)
    assert first["InputItem"] == len(demo.INPUT_ITEMS)


def test_loading_does_not_write_the_audit_log(logins):
    assert AuditEntry.objects.count() == 0


def test_the_nine_rsk_agencies_are_agencies(logins):
    agencies = Organisation.objects.filter(
        name__in=[
            "Socialstyrelsen",
            "Statens beredning för medicinsk och social utvärdering",
            "Läkemedelsverket",
            "Tandvårds- och läkemedelsförmånsverket",
            "Folkhälsomyndigheten",
            "Inspektionen för vård och omsorg",
            "E-hälsomyndigheten",
            "Forskningsrådet för hälsa, arbetsliv och välfärd",
            "Myndigheten för delaktighet",
        ]
    )
    assert agencies.count() == 9
    assert set(agencies.values_list("kind", flat=True)) == {OrganisationKind.AGENCY}
    assert Organisation.objects.get(short_name="SKR").kind == OrganisationKind.OTHER
    assert Organisation.objects.filter(kind=OrganisationKind.REGION).count() >= 3


def test_named_organisations_exist(logins):
    assert Organisation.objects.get(short_name="NSPH").kind == OrganisationKind.USER
    assert Organisation.objects.get(name="RFSL").target_groups.filter(name="Hbtqi-personer")
    for name in ["Barnrättsbyrån", "Maskrosbarn", "Ung Cancer", "MIND", "SPES", "FPES", "FUB"]:
        assert Organisation.objects.get(name=name).description


def test_funktionsratt_sverige_is_an_umbrella_with_its_former_name(logins):
    umbrella = Organisation.objects.get(name="Funktionsrätt Sverige")
    assert "Handikappförbunden" in umbrella.former_names
    members = set(umbrella.member_organisations.values_list("name", flat=True))
    assert {"Neuroförbundet", "FUB", "Riksförbundet Sällsynta diagnoser"} <= members
    assert Organisation.objects.search("Handikappförbunden").filter(pk=umbrella.pk).exists()


@pytest.mark.parametrize(
    ("slug", "lead", "seated"),
    [
        ("ivo-dialogforum", "IVO", []),
        ("tlv-insynsrad", "TLV", ["PRO", "Diabetesförbundet"]),
        ("tlv-namnden-for-lakemedelsformaner", "TLV", ["Astma- och allergiförbundet"]),
        ("tlv-namnden-for-statligt-tandvardsstod", "TLV", ["Sveriges Konsumenter"]),
        ("tlv-dialogforum", "TLV", []),
        ("lv-patient-och-konsumentrad", "LV", []),
        ("mfd-funktionshindersrad", "MFD", ["Funktionsrätt Sverige", "Lika Unika", "NUFT"]),
        ("sos-namnden-for-funktionshinderfragor", "SoS", []),
        ("sos-aldreradet", "SoS", []),
        ("sos-brukarradet-for-missbruksfragor", "SoS", []),
        ("fohm-organisationsforum", "FoHM", []),
        ("fohm-nationell-intressentgrupp-suicidprevention", "FoHM", ["SPES", "Suicide Zero"]),
        ("rsk-myndighetsgrupp", "SBU", ["SBU", "IVO", "MFD"]),
        ("rsk-brukargrupp", "SBU", ["NSPH", "RFSL", "PRO"]),
    ],
)
def test_forums_exist_with_their_hosts_and_seats(logins, slug, lead, seated):
    forum = Forum.objects.get(slug=slug)
    lead_link = forum.host_links.get(role=HostRole.LEAD)
    assert lead_link.organisation.short_name == lead
    holders = set(forum.seats.values_list("organisation__short_name", "organisation__name"))
    holder_keys = {key for pair in holders for key in pair if key}
    assert set(seated) <= holder_keys


def test_socialstyrelsens_councils_have_a_governing_document(logins):
    for slug in ["sos-aldreradet", "sos-brukarradet-for-missbruksfragor"]:
        assert "handläggningsordning" in Forum.objects.get(slug=slug).governing_document


def test_the_working_groups(logins):
    agencies = Forum.objects.get(slug="rsk-myndighetsgrupp").seats
    assert agencies.count() == 9
    assert agencies.get(role="chair").organisation.short_name == "SBU"
    users = Forum.objects.get(slug="rsk-brukargrupp").seats
    at_the_end = set(
        users.current(on=date(2017, 9, 30)).values_list("organisation__name", flat=True)
    )
    assert at_the_end == {
        "Nationell Samverkan för Psykisk Hälsa",
        "RFSL",
        "Diabetesförbundet",
        "Funktionsrätt Sverige",
        "Pensionärernas Riksorganisation",
    }
    dropped = users.filter(term_end__lt=date(2017, 9, 30))
    assert set(dropped.values_list("organisation__name", flat=True)) == {
        "Barnrättsbyrån",
        "Maskrosbarn",
        "FUB",
        "Ung Cancer",
    }


def test_each_role_has_a_demo_user_that_can_log_in(logins):
    emails = [email for email, _, _ in logins]
    users = User.objects.filter(email__in=emails)
    assert {user.role for user in users} == {role.value for role in USER_ROLES}
    for user in users:
        user.clean()  # role and organisation fit together
        assert user.check_password(demo.DEMO_PASSWORD)
        assert EmailAddress.objects.get(user=user, email=user.email, primary=True).verified
        is_admin = user.role == Role.NETWORK_ADMIN
        assert user.is_superuser is is_admin
        assert user.is_staff is is_admin
    assert (
        User.objects.get(email="samordnare.sbu@demo.samverkan.se").organisation.short_name == "SBU"
    )


def test_sbu_adhd_priority_setting(logins):
    engagement = Engagement.objects.get(title="Prioritering av kunskapsluckor om adhd")
    assert engagement.level in Level.values
    assert engagement.steps and set(engagement.steps) <= set(Step.values)
    assert engagement.status == Status.COMPLETED
    assert engagement.lead_host.short_name == "SBU"
    assert "14" in engagement.description or "Fjorton" in engagement.description
    assert "topp 10" in engagement.outcome


def test_engagements_past_and_upcoming(logins):
    assert Engagement.objects.filter(starts_at__date=date(2018, 11, 23)).exists()
    upcoming = Engagement.objects.filter(starts_at__date__gte=date(2026, 12, 1))
    assert upcoming.count() >= 5
    assert upcoming.filter(is_published=False).exists()
    assert upcoming.filter(host_links__role=HostRole.CO_HOST).exists()
    assert not Engagement.objects.filter(starts_at__year__lt=2026).exclude(status=Status.COMPLETED)
    for engagement in Engagement.objects.all():
        assert engagement.host_links.filter(role=HostRole.LEAD).count() == 1


def test_command_prints_the_logins():
    out = StringIO()
    call_command("load_demo", stdout=out)
    call_command("load_demo", stdout=out)
    assert "Demo logins" in out.getvalue()
    assert "natverk@demo.samverkan.se" in out.getvalue()
    assert User.objects.filter(email__endswith="@demo.samverkan.se").count() == len(demo.DEMO_USERS)


def test_the_dialogue_meeting_has_input_with_answers_on_its_public_page(logins, client):
    """The demo shows "We asked – you said – we did" for the open meeting of 23 November 2018."""
    item = InputItem.objects.get(text__startswith="Samverkan riskerar")
    assert {a.host.short_name for a in item.addressees.all()} == {"SoS", "UKÄ"}
    page = client.get(f"/aktiviteter/{item.engagement_id}/vi-fragade-ni-sa-vi-gjorde/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "Samverkan riskerar att bli ett självändamål" in body
    assert "tydliga mål för vad samverkan ska åstadkomma" in body
    assert "Funktionsrätt Sverige" not in body  # the public page names no organisation
