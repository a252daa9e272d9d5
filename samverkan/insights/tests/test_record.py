"""The "many items at once" form."""

import pytest

from samverkan.accounts.roles import Role
from samverkan.core.models import AuditEntry
from samverkan.insights.models import InputItem


def url(engagement):
    return f"/aktiviteter/{engagement.pk}/underlag/ny/"


def rows(*filled, total=5):
    data = {"form-TOTAL_FORMS": str(total), "form-INITIAL_FORMS": "0"}
    for index, row in enumerate(filled):
        for name, value in row.items():
            data[f"form-{index}-{name}"] = value
    return data


def test_it_shows_five_empty_rows(client_for, engagement, older, medicines):
    page = client_for(Role.AGENCY_STAFF).get(url(engagement)).content.decode()
    assert 'name="form-TOTAL_FORMS" value="5"' in page
    assert "Riksförbundet Test" in page and "Föreningen Anhöriga" in page
    assert 'name="form-4-target_groups"' in page and 'name="form-4-topics"' in page
    assert "Läkemedel" in page


def test_it_saves_the_filled_rows_and_ignores_empty_ones(
    client_for, users, engagement, organisation, older, agency, medicines, care
):
    data = rows(
        {
            "kind": "need",
            "text": "Bättre information om biverkningar",
            "organisation": organisation.pk,
            "target_groups": [older.pk],
            "topics": [medicines.pk, care.pk],
        },
        {},
        {"kind": "proposal", "text": "Fler dialogmöten på landsbygden"},
    )
    response = client_for(Role.AGENCY_STAFF).post(url(engagement), data)
    assert response.status_code == 302
    need, proposal = InputItem.objects.order_by("id")
    assert need.organisation == organisation and list(need.target_groups.all()) == [older]
    assert set(need.topics.all()) == {medicines, care}
    assert proposal.organisation is None and proposal.kind == "proposal"
    assert not proposal.topics.exists()
    assert list(need.addressed_to.all()) == [agency]
    assert need.created_by == users[Role.AGENCY_STAFF]
    assert AuditEntry.objects.filter(action="insights.input_items.recorded").count() == 1


def test_an_error_in_one_row_saves_nothing_and_names_the_row(client_for, engagement):
    data = rows(
        {"kind": "need", "text": "Ett bra behov"},
        {"kind": "problem", "text": ""},
        {"kind": "", "text": "x" * 5001},
    )
    response = client_for(Role.AGENCY_STAFF).post(url(engagement), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="error-summary"' in page
    assert 'href="#id_form-1-text"' in page and 'href="#id_form-2-kind"' in page
    assert 'href="#id_form-2-text"' in page
    assert "Ett bra behov" in page  # what was typed is kept
    assert not InputItem.objects.exists()


def test_an_all_empty_form_asks_for_one_item(client_for, engagement):
    response = client_for(Role.AGENCY_STAFF).post(url(engagement), rows())
    assert response.status_code == 400
    assert not InputItem.objects.exists()


def test_an_unknown_topic_cannot_be_chosen(client_for, engagement, medicines):
    data = rows({"kind": "need", "text": "Behov", "topics": [medicines.pk + 1000]})
    response = client_for(Role.AGENCY_STAFF).post(url(engagement), data)
    assert response.status_code == 400
    assert 'href="#id_form-0-topics_group"' in response.content.decode()
    assert not InputItem.objects.exists()


def test_add_more_rows_keeps_the_chosen_topics(client_for, engagement, medicines):
    data = rows({"kind": "need", "text": "Behåll mig", "topics": [medicines.pk]})
    response = client_for(Role.AGENCY_STAFF).post(url(engagement), {**data, "add_rows": "1"})
    checkbox = f'name="form-0-topics" value="{medicines.pk}" id="id_form-0-topics_0" checked'
    assert checkbox in response.content.decode()


def test_an_organisation_not_invited_cannot_be_chosen(client_for, engagement, other_agency):
    data = rows({"kind": "need", "text": "Behov", "organisation": other_agency.pk})
    assert client_for(Role.AGENCY_STAFF).post(url(engagement), data).status_code == 400
    assert not InputItem.objects.exists()


def test_add_more_rows_keeps_what_was_typed_and_saves_nothing(client_for, engagement):
    data = rows({"kind": "need", "text": "Behåll mig"})
    response = client_for(Role.AGENCY_STAFF).post(url(engagement), {**data, "add_rows": "1"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="form-TOTAL_FORMS" value="10"' in page and "Behåll mig" in page
    assert "error-summary" not in page
    assert not InputItem.objects.exists()
    # The carried-over empty rows are still ignored on save.
    data = rows({"kind": "need", "text": "Behåll mig"}, total=10)
    assert client_for(Role.AGENCY_STAFF).post(url(engagement), data).status_code == 302
    assert InputItem.objects.count() == 1


@pytest.mark.parametrize("total", ["abc", "100000"])
def test_a_tampered_row_count_is_not_a_500(client_for, engagement, total):
    data = rows({"kind": "need", "text": "Behov"})
    data["form-TOTAL_FORMS"] = total
    response = client_for(Role.AGENCY_STAFF).post(url(engagement), data)
    assert response.status_code in (400, 403)
    assert not InputItem.objects.exists()
