"""The item page with the host's form, the queue of items to respond to, the organisation's own
input, and the public "We asked – you said – we did" page."""

import pytest

from samverkan.accounts.roles import Role
from samverkan.insights.models import Addressee, InputItem, TriageStatus
from samverkan.insights.services import ItemData, addressee_triage, input_items_create
from tests.factories import EngagementFactory, UserFactory

S = TriageStatus


@pytest.fixture
def item(users, engagement, organisation, older):
    input_items_create(
        actor=users[Role.AGENCY_STAFF],
        engagement=engagement,
        items=[
            ItemData(
                kind="need",
                text="Bättre information om biverkningar",
                organisation_id=organisation.pk,
                target_group_ids=[older.pk],
            )
        ],
        action="test",
    )
    return InputItem.objects.get()


def url(item):
    return f"/underlag/{item.pk}/"


def post(client, item, prefix="", **data):
    return client.post(prefix + url(item), {f"triage-{k}": v for k, v in data.items()})


def test_the_host_responds_in_the_form_and_goes_back_to_the_list(client_for, item, engagement):
    client = client_for(Role.AGENCY_STAFF)
    back = f"/aktiviteter/{engagement.pk}/underlag/?page=1"
    page = client.get(url(item) + "?next=" + back).content.decode()
    assert 'id="triage-form"' in page and 'name="triage-status"' in page
    response = client.post(
        url(item),
        {"triage-status": "acted_on", "triage-response": "Vi har ändrat texten.", "next": back},
    )
    assert response.status_code == 302 and response.url == back
    addressee = Addressee.objects.get()
    assert addressee.status == S.ACTED_ON and addressee.response == "Vi har ändrat texten."
    listing = client.get(back).content.decode()
    assert "Vi har ändrat texten." in listing


def test_a_next_address_elsewhere_is_ignored(client_for, item):
    response = client_for(Role.AGENCY_STAFF).post(
        url(item), {"triage-status": "considering", "next": "https://evil.example/"}
    )
    assert response.status_code == 302 and response.url == url(item)


@pytest.mark.parametrize(
    "data, error",
    [
        ({"status": "not_acted_on", "response": ""}, "Please say why"),
        ({"status": "referred"}, "Choose the host"),
        ({"status": "banana"}, "Select a valid choice"),
        ({"status": "acted_on", "response": "x" * 5001}, "at most 5000"),
        ({}, "This field is required"),
    ],
)
def test_bad_input_gets_a_message_and_nothing_is_saved(client_for, item, data, error):
    response = post(client_for(Role.AGENCY_STAFF), item, prefix="/en", **data)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="error-summary"' in page and error in page
    assert Addressee.objects.get().status == S.RECEIVED


def test_referring_to_the_own_host_is_not_offered_and_refused(client_for, item, agency):
    client = client_for(Role.AGENCY_STAFF)
    page = client.get(url(item)).content.decode()
    assert f'<option value="{agency.pk}"' not in page
    response = post(client, item, status="referred", referred_to=agency.pk)
    assert response.status_code == 400
    assert Addressee.objects.get().status == S.RECEIVED


def test_a_referral_in_the_form_reaches_the_other_host(client_for, item, other_agency):
    response = post(
        client_for(Role.AGENCY_STAFF), item, status="referred", referred_to=other_agency.pk
    )
    assert response.status_code == 302
    assert Addressee.objects.get(host=other_agency).status == S.RECEIVED
    staff = UserFactory(role=Role.AGENCY_STAFF, organisation=other_agency)
    client = client_for(Role.ANONYMOUS)
    client.force_login(staff)
    queue = client.get("/underlag/att-besvara/").content.decode()
    assert "Bättre information om biverkningar" in queue


def test_an_unchanged_step_is_a_message_not_an_error(client_for, item):
    client = client_for(Role.AGENCY_STAFF)
    post(client, item, status="acted_on", response="Klart.")
    response = post(client, item, prefix="/en", status="acted_on", response="Klart.")
    assert response.status_code == 400
    assert "Nothing has changed." in response.content.decode()


def test_the_organisation_sees_the_status_and_history_but_no_form(client_for, users, item):
    addressee = Addressee.objects.get()
    addressee_triage(
        actor=users[Role.AGENCY_STAFF],
        addressee=addressee,
        status=S.CONSIDERING,
        response="Vi utreder.",
    )
    addressee_triage(
        actor=users[Role.AGENCY_STAFF],
        addressee=addressee,
        status=S.IN_ASSIGNMENT,
        response="Ingår i regeringsuppdraget.",
    )
    client = client_for(Role.REPRESENTATIVE)
    page = client.get(url(item)).content.decode()
    assert "Vi utreder." in page and "Ingår i regeringsuppdraget." in page
    assert 'id="triage-form"' not in page
    assert users[Role.AGENCY_STAFF].email not in page
    ours = client.get("/underlag/vart/").content.decode()
    assert "Bättre information om biverkningar" in ours and "Ingår i regeringsuppdraget." in ours
    assert post(client, item, status="acted_on").status_code == 403


def test_our_input_lists_only_our_organisations_items(client_for, users, item, engagement):
    input_items_create(
        actor=users[Role.AGENCY_STAFF],
        engagement=engagement,
        items=[ItemData(kind="problem", text="Någon annans problem")],
        action="test",
    )
    page = client_for(Role.ORGANISATION_ADMIN).get("/underlag/vart/").content.decode()
    assert "Bättre information om biverkningar" in page and "Någon annans problem" not in page


def test_the_queue_filters_by_status_and_a_bad_filter_is_a_message(client_for, users, item):
    client = client_for(Role.AGENCY_STAFF)
    assert "Bättre information" in client.get("/underlag/att-besvara/").content.decode()
    addressee_triage(
        actor=users[Role.AGENCY_STAFF],
        addressee=Addressee.objects.get(),
        status=S.ACTED_ON,
        response="Gjort.",
    )
    assert "Bättre information" not in client.get("/underlag/att-besvara/").content.decode()
    done = client.get("/underlag/att-besvara/?status=acted_on").content.decode()
    assert "Bättre information" in done
    bad = client.get("/en/underlag/att-besvara/?status=nonsense&page=x")
    assert bad.status_code == 200
    assert "could not be used" in bad.content.decode()


def test_the_tasks_page_links_to_the_queue(client_for, item):
    page = client_for(Role.AGENCY_STAFF).get("/uppgifter/").content.decode()
    assert 'href="/underlag/att-besvara/"' in page


def test_the_public_page_shows_items_and_answers_but_no_one_who_raised_or_recorded(
    client_for, users, item, engagement, organisation
):
    addressee_triage(
        actor=users[Role.AGENCY_STAFF],
        addressee=Addressee.objects.get(),
        status=S.ACTED_ON,
        response="Vi har skrivit om bipacksedeln.",
    )
    page = (
        client_for(Role.ANONYMOUS)
        .get(f"/aktiviteter/{engagement.pk}/vi-fragade-ni-sa-vi-gjorde/")
        .content.decode()
    )
    assert engagement.title in page
    assert "Bättre information om biverkningar" in page
    assert "Vi har skrivit om bipacksedeln." in page
    assert "Äldre" in page
    for private in (
        organisation.name,
        users[Role.AGENCY_STAFF].email,
        users[Role.AGENCY_STAFF].get_full_name() or "@",
    ):
        assert private not in page
    detail = client_for(Role.ANONYMOUS).get(f"/aktiviteter/{engagement.pk}/").content.decode()
    assert "vi-fragade-ni-sa-vi-gjorde/" in detail


def test_the_public_page_is_in_english_too(client, item, engagement):
    page = client.get(f"/en/aktiviteter/{engagement.pk}/vi-fragade-ni-sa-vi-gjorde/")
    assert page.status_code == 200 and "We asked" in page.content.decode()


@pytest.mark.parametrize("role", list(Role))
def test_an_unpublished_engagement_has_no_public_page(client_for, agency, role):
    hidden = EngagementFactory(hosts=[agency], is_published=False)
    response = client_for(role).get(f"/aktiviteter/{hidden.pk}/vi-fragade-ni-sa-vi-gjorde/")
    assert response.status_code == 404


def test_a_missing_item_is_404_not_500(client_for):
    assert client_for(Role.AGENCY_STAFF).get("/underlag/99999/").status_code == 404
    assert client_for(Role.AGENCY_STAFF).post("/underlag/99999/", {}).status_code == 404


def test_the_queue_filter_answers_htmx_with_the_results_only(client_for, item):
    response = client_for(Role.AGENCY_STAFF).get(
        "/underlag/att-besvara/?status=received", headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert page.lstrip().startswith('<section id="results"')
    assert "Bättre information om biverkningar" in page and "<html" not in page


@pytest.mark.parametrize("role", list(Role))
def test_the_public_page_names_nobody_whoever_looks(client_for, users, item, engagement, role):
    addressee_triage(
        actor=users[Role.AGENCY_COORDINATOR],
        addressee=Addressee.objects.get(),
        status=S.IN_ASSIGNMENT,
        response="Tas upp i uppdraget om läkemedelsinformation.",
    )
    page = (
        client_for(role)
        .get(f"/aktiviteter/{engagement.pk}/vi-fragade-ni-sa-vi-gjorde/")
        .content.decode()
    )
    main = page[page.index("<main") : page.index("</main>")]
    assert "Tas upp i uppdraget om läkemedelsinformation." in main
    assert item.organisation.name not in main
    for user in users.values():
        if user is not None:
            assert user.email not in main


def test_the_queue_shows_only_the_users_own_hosts_items(client, item, other_agency):
    client.force_login(UserFactory(role=Role.AGENCY_STAFF, organisation=other_agency))
    page = client.get("/underlag/att-besvara/").content.decode()
    assert "Bättre information om biverkningar" not in page
