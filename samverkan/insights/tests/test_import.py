"""Import from XLSX and CSV: a preview that reports every bad row, nothing written until confirmed."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from samverkan.accounts.roles import Role
from samverkan.insights.models import InputItem

HEADER_SV = ["Typ", "Text", "Organisation", "Målgrupper", "Sakområden"]


def xlsx(rows, name="underlag.xlsx"):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def csv_file(text, name="underlag.csv", encoding="utf-8"):
    return SimpleUploadedFile(name, text.encode(encoding))


@pytest.fixture
def staff(client_for):
    return client_for(Role.AGENCY_STAFF)


def upload(client, engagement, file):
    return client.post(f"/en/aktiviteter/{engagement.pk}/underlag/import/", {"file": file})


def confirm(client, engagement, **extra):
    token = client.session[f"insights.import.{engagement.pk}"]["token"]
    return client.post(
        f"/aktiviteter/{engagement.pk}/underlag/import/bekrafta/", {"token": token, **extra}
    )


GOOD = [
    HEADER_SV,
    ["behov", "Bättre information om biverkningar", "Riksförbundet Test", "Äldre; Barn", "vård"],
    ["Förslag", "Fler dialogmöten på landsbygden", "", "", ""],
    [
        "knowledge gap",
        "Vi vet för lite om hur barn använder läkemedel",
        "FA",
        "Children",
        "Medicines; Vård",
    ],
]


def test_a_file_with_two_bad_rows_shows_both_and_writes_nothing(
    staff, engagement, older, children, medicines, care
):
    bad = [list(row) for row in GOOD]
    bad[1][0] = "önskemål"
    bad[3][2] = "Okänd förening"
    response = upload(staff, engagement, xlsx(bad))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Row 2" in page and "önskemål" in page
    assert "Row 4" in page and "Okänd förening" in page
    assert "Row 3:" not in page
    assert 'id="confirm-form"' not in page
    assert f"insights.import.{engagement.pk}" not in staff.session
    assert not InputItem.objects.exists()


def test_the_fixed_file_is_previewed_then_imported_whole(
    staff, engagement, older, children, organisation, medicines, care
):
    response = upload(staff, engagement, xlsx(GOOD))
    assert response.status_code == 200
    assert 'id="confirm-form"' in response.content.decode()
    assert "<td>Medicines, Vård</td>" in response.content.decode()  # the preview's topics
    assert not InputItem.objects.exists()  # the preview writes nothing
    response = confirm(staff, engagement)
    assert response.status_code == 302 and response.url.endswith("/underlag/")
    need, proposal, gap = InputItem.objects.order_by("id")
    assert (need.kind, proposal.kind, gap.kind) == ("need", "proposal", "knowledge_gap")
    assert need.organisation == organisation and set(need.target_groups.all()) == {older, children}
    assert list(need.topics.all()) == [care]
    assert proposal.organisation is None and not proposal.topics.exists()
    assert gap.organisation.short_name == "FA" and list(gap.target_groups.all()) == [children]
    assert set(gap.topics.all()) == {medicines, care}
    # The preview is used once.
    assert confirm_again_fails(staff, engagement)


def confirm_again_fails(client, engagement):
    response = client.post(
        f"/aktiviteter/{engagement.pk}/underlag/import/bekrafta/", {"token": "old"}
    )
    return response.status_code == 302 and InputItem.objects.count() == 3


def test_every_kind_of_row_error_is_reported(staff, engagement, older, medicines):
    rows = [
        HEADER_SV,
        ["okänd", "Text", "", "", ""],
        ["behov", "", "", "", ""],
        ["behov", "x" * 5001, "", "", ""],
        ["behov", "Text", "Ingen sådan", "", ""],
        ["behov", "Text två", "", "Äldre; Rymdvarelser", ""],
        ["", "Text tre", "", "", ""],
        ["behov", "Text fyra", "", "", "Läkemedel; Rymdfart"],
    ]
    page = upload(staff, engagement, xlsx(rows)).content.decode()
    for number in range(2, 9):
        assert f"Row {number}:" in page
    assert "5001" in page and "Rymdvarelser" in page and "Ingen sådan" in page
    assert "Row 8: Unknown topic “Rymdfart”." in page
    assert not InputItem.objects.exists()


def test_duplicates_are_flagged_and_skipped_unless_chosen(staff, engagement):
    InputItem.objects.create(engagement=engagement, kind="need", text="Redan  sagt.")
    rows = [
        HEADER_SV,
        ["behov", "redan sagt", "", ""],
        ["behov", "Nytt", "", ""],
        ["problem", "nytt!", "", ""],
    ]
    page = upload(staff, engagement, xlsx(rows)).content.decode()
    assert "Possible duplicates" in page
    assert "Row 2:" in page and "Row 4:" in page and "row 3" in page
    confirm(staff, engagement)
    assert sorted(InputItem.objects.values_list("text", flat=True)) == ["Nytt", "Redan  sagt."]


def test_duplicates_can_be_imported_too(staff, engagement):
    rows = [HEADER_SV, ["behov", "Samma", "", ""], ["behov", "samma", "", ""]]
    upload(staff, engagement, xlsx(rows))
    confirm(staff, engagement, include_duplicates="on")
    assert InputItem.objects.count() == 2


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        ("Typ;Text;Organisation;Målgrupper\nbehov;Bättre stöd;Riksförbundet Test;Äldre\n", "utf-8"),
        ("\ufeffTyp;Text;Organisation;Målgrupper\r\nbehov;Bättre stöd;;\r\n", "utf-8"),
        (
            'Kind,Text,Organisation,Target groups\nneed,"Bättre stöd, snabbare",,"Older people; Äldre"\n',
            "utf-8",
        ),
        ("Typ;Text;Målgrupp;Sakområde\nbehov;Bättre stöd;Äldre;Läkemedel\n", "utf-8"),
        ("Kind,Text,Topics\nneed,Bättre stöd,medicines\n", "utf-8"),
        ("\ufeffkind,text\nexperience,Bättre stöd\n", "utf-8"),
    ],
)
def test_csv_variants_are_read(staff, engagement, older, medicines, content, encoding):
    response = upload(staff, engagement, csv_file(content, encoding=encoding))
    assert response.status_code == 200, response.content.decode()
    confirm(staff, engagement)
    assert InputItem.objects.count() == 1
    assert InputItem.objects.get().text.startswith("Bättre stöd")


def bad_upload_message(staff, engagement, file):
    response = upload(staff, engagement, file)
    assert response.status_code == 400
    assert not InputItem.objects.exists()
    return response.content.decode()


def test_a_latin1_csv_gets_an_encoding_message(staff, engagement):
    page = bad_upload_message(
        staff, engagement, csv_file("Typ;Text\nbehov;Åtgärd\n", encoding="latin-1")
    )
    assert "UTF-8" in page


@pytest.mark.parametrize("name", ["underlag.xlsx", "underlag.csv"])
def test_binary_garbage_gets_a_message(staff, engagement, name):
    garbage = SimpleUploadedFile(name, os.urandom(2000) + b"\x00\xff")
    page = bad_upload_message(staff, engagement, garbage)
    assert "id_file_error" in page


def test_a_wrong_extension_gets_a_message(staff, engagement):
    page = bad_upload_message(staff, engagement, SimpleUploadedFile("underlag.docx", b"PK"))
    assert ".xlsx" in page and ".csv" in page


def test_an_oversize_file_gets_a_message(staff, engagement):
    big = SimpleUploadedFile("underlag.csv", b"Typ;Text\n" + b"behov;" + b"a" * (5 * 1024 * 1024))
    assert "5 MB" in bad_upload_message(staff, engagement, big)


def test_too_many_rows_get_a_message(staff, engagement):
    text = "Typ;Text\n" + "".join(f"behov;Rad {i}\n" for i in range(10_001))
    assert "10 000" in bad_upload_message(staff, engagement, csv_file(text))


@pytest.mark.parametrize(
    "content",
    ["Vad;Text\nbehov;Hej\n", "Text\nHej\n", "behov;Hej\n", "", "Typ;Text\n"],
)
def test_a_wrong_or_missing_header_gets_a_message(staff, engagement, content):
    bad_upload_message(staff, engagement, csv_file(content))


def test_no_file_gets_a_message(staff, engagement):
    response = staff.post(f"/aktiviteter/{engagement.pk}/underlag/import/", {})
    assert response.status_code == 400


def test_the_template_has_the_headers(staff, engagement, older, medicines):
    response = staff.get(f"/en/aktiviteter/{engagement.pk}/underlag/import/mall.xlsx")
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    header = next(workbook.worksheets[0].iter_rows(values_only=True))
    assert list(header) == ["Kind", "Text", "Organisation", "Target groups", "Topics"]
    response = staff.get(f"/aktiviteter/{engagement.pk}/underlag/import/mall.xlsx")
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    header = next(workbook.worksheets[0].iter_rows(values_only=True))
    assert header[0] == "Typ" and header[3] == "Målgrupper" and header[4] == "Sakområden"
    allowed = list(workbook.worksheets[1].iter_rows(values_only=True))
    assert allowed[0] == ("Typ", "Målgrupper", "Sakområden")
    assert allowed[1][1:] == ("Äldre", "Läkemedel")


def test_the_template_imports_when_filled_in(staff, engagement, older, medicines):
    response = staff.get(f"/aktiviteter/{engagement.pk}/underlag/import/mall.xlsx")
    workbook = load_workbook(io.BytesIO(response.content))
    row = ["Erfarenhet", "Det tog lång tid att få svar", "", "Äldre", "Läkemedel"]
    workbook.worksheets[0].append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert (
        upload(staff, engagement, SimpleUploadedFile("mall.xlsx", buffer.getvalue())).status_code
        == 200
    )
    confirm(staff, engagement)
    assert InputItem.objects.get().kind == "experience"
    assert list(InputItem.objects.get().topics.all()) == [medicines]
