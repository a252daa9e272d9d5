"""Reading and checking an XLSX or CSV file of input items. Nothing here writes to the database.

`read_table` turns the upload into rows of strings or raises ImportFileError with a message for the
user; `check_rows` resolves every row against the register and reports each bad row by its row
number in the file (the header is row 1) and the reason.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from samverkan.register.models import Organisation, TargetGroup, Topic

from .models import TEXT_MAX_LENGTH, InputKind, normalise_text, text_key
from .selectors import recorded_text_keys
from .services import ItemData

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
EXTENSIONS = (".xlsx", ".csv")
LIST_SEPARATOR = ";"

# Accepted column headers (case-insensitive), Swedish and English, by column.
HEADERS = {
    "kind": {"typ", "kind", "type"},
    "text": {"text"},
    "organisation": {"organisation", "organization"},
    "target_groups": {"målgrupper", "målgrupp", "target groups", "target group"},
    "topics": {"sakområden", "sakområde", "topics", "topic"},
}
REQUIRED_COLUMNS = ("kind", "text")


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is for the user."""


@dataclass
class CheckedRow:
    number: int
    text: str
    kind_label: str = ""
    organisation_name: str = ""
    target_group_names: list[str] = field(default_factory=list)
    topic_names: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    duplicate_of: str = ""  # why it is a duplicate, or empty
    item: ItemData | None = None


@dataclass
class CheckedFile:
    rows: list[CheckedRow]

    @property
    def bad_rows(self) -> list[CheckedRow]:
        return [row for row in self.rows if row.errors]

    @property
    def duplicates(self) -> list[CheckedRow]:
        return [row for row in self.rows if row.duplicate_of]

    @property
    def is_valid(self) -> bool:
        return bool(self.rows) and not self.bad_rows


def read_table(upload) -> list[list[str]]:
    """The upload's rows as lists of stripped strings, header first."""
    name = (upload.name or "").lower()
    if not name.endswith(EXTENSIONS):
        raise ImportFileError(_("Choose an Excel file (.xlsx) or a CSV file (.csv)."))
    if upload.size > MAX_FILE_BYTES:
        raise ImportFileError(
            _("The file is too large (%(size)s MB). The largest file you can import is 5 MB.")
            % {"size": f"{upload.size / 1024 / 1024:.1f}"}
        )
    data = upload.read()
    rows = _read_xlsx(data) if name.endswith(".xlsx") else _read_csv(data)
    rows = _trimmed(rows)
    if not rows:
        raise ImportFileError(_("The file is empty."))
    if len(rows) - 1 > MAX_ROWS:
        raise ImportFileError(
            _("The file has more than %(max)s rows. Split it into smaller files.")
            % {"max": f"{MAX_ROWS:,}".replace(",", " ")}
        )
    return rows


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _trimmed(rows):
    """Rows as lists of strings; stops one row past the limit so a huge file is not read whole."""
    result = []
    for row in rows:
        result.append([_cell(value) for value in row])
        if len(result) > MAX_ROWS + 1:
            break
    while result and not any(result[-1]):
        result.pop()
    return result


def _read_xlsx(data: bytes):
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        # Read inside the try: a broken sheet fails only when its rows are read.
        return list(_limited(sheet.iter_rows(values_only=True)))
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, IndexError, OSError):
        raise ImportFileError(
            _("The file could not be read as an Excel workbook (.xlsx). Save it again from Excel.")
        ) from None


def _limited(rows):
    for index, row in enumerate(rows):
        if index > MAX_ROWS + 1:
            return
        yield row


def _read_csv(data: bytes):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            _(
                "The file is not UTF-8 text. In Excel, save it as “CSV UTF-8”, "
                "or import the .xlsx file instead."
            )
        ) from None
    if "\x00" in text:
        raise ImportFileError(_("The file could not be read as CSV text."))
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    try:
        return list(_limited(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)))
    except csv.Error:
        raise ImportFileError(_("The file could not be read as CSV text.")) from None


def _columns(header: list[str]) -> dict[str, int]:
    columns, unknown = {}, []
    for index, title in enumerate(header):
        key = " ".join(title.casefold().split())
        if not key:
            continue
        column = next((name for name, titles in HEADERS.items() if key in titles), None)
        if column is None:
            unknown.append(title)
        else:
            columns[column] = index
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing or unknown:
        raise ImportFileError(
            _(
                "The first row must be the header: Typ (Kind), Text, Organisation, Målgrupper "
                "(Target groups), Sakområden (Topics). Typ and Text are required. Found: %(found)s."
            )
            % {"found": ", ".join(f"“{title}”" for title in header if title) or "–"}
        )
    return columns


# The kinds by their Swedish and English names. Fixed here, not taken from the translation
# catalogue: the file format is a contract that must not change with a wording in the interface.
KIND_NAMES = {
    "behov": InputKind.NEED,
    "need": InputKind.NEED,
    "problem": InputKind.PROBLEM,
    "förslag": InputKind.PROPOSAL,
    "proposal": InputKind.PROPOSAL,
    "kunskapslucka": InputKind.KNOWLEDGE_GAP,
    "knowledge gap": InputKind.KNOWLEDGE_GAP,
    "knowledge_gap": InputKind.KNOWLEDGE_GAP,
    "erfarenhet": InputKind.EXPERIENCE,
    "experience": InputKind.EXPERIENCE,
}


def _names(model, fields: tuple[str, ...]) -> dict[str, int]:
    """Case-insensitive name → id over the whole table, matched in Python: SQLite compares only
    ASCII letters case-insensitively (Äldre ≠ äldre there)."""
    found = {}
    for values in model.objects.values_list("id", *fields).iterator(chunk_size=2000):
        for name in values[1:]:
            if name:
                found.setdefault(" ".join(name.casefold().split()), values[0])
    return found


def check_rows(engagement, table: list[list[str]]) -> CheckedFile:
    """Check every row; mark duplicates (same normalised text earlier in the file, or already
    recorded for the engagement). Raises ImportFileError for a wrong or missing header."""
    columns = _columns(table[0])

    def value(row, column):
        index = columns.get(column)
        return row[index] if index is not None and index < len(row) else ""

    raw = [(number, row) for number, row in enumerate(table[1:], start=2) if any(row)]
    if not raw:
        raise ImportFileError(_("The file has a header but no items."))
    organisations = _names(Organisation, ("name", "short_name"))
    groups = _names(TargetGroup, ("name", "name_en"))
    topics = _names(Topic, ("name", "name_en"))

    rows, first_seen = [], {}
    for number, row in raw:
        text = value(row, "text")
        checked = CheckedRow(number=number, text=text)
        kind = KIND_NAMES.get(" ".join(value(row, "kind").casefold().split()))
        if not value(row, "kind"):
            checked.errors.append(_("The kind is missing."))
        elif kind is None:
            checked.errors.append(
                _(
                    "Unknown kind “%(kind)s”. Use one of: behov, problem, förslag, "
                    "kunskapslucka, erfarenhet (need, problem, proposal, knowledge gap, experience)."
                )
                % {"kind": value(row, "kind")}
            )
        else:
            checked.kind_label = str(InputKind(kind).label)
        if not text:
            checked.errors.append(_("The text is empty."))
        elif len(text) > TEXT_MAX_LENGTH:
            checked.errors.append(
                _("The text is too long (%(length)s characters; at most %(max)s).")
                % {"length": len(text), "max": TEXT_MAX_LENGTH}
            )
        organisation_name = value(row, "organisation")
        organisation_id = None
        if organisation_name:
            organisation_id = organisations.get(" ".join(organisation_name.casefold().split()))
            if organisation_id is None:
                checked.errors.append(
                    _("Unknown organisation “%(name)s”: it is not in the register.")
                    % {"name": organisation_name}
                )
            checked.organisation_name = organisation_name
        group_ids = []
        for name in value(row, "target_groups").split(LIST_SEPARATOR):
            if not (name := name.strip()):
                continue
            if (group_id := groups.get(" ".join(name.casefold().split()))) is None:
                checked.errors.append(_("Unknown target group “%(name)s”.") % {"name": name})
            else:
                group_ids.append(group_id)
                checked.target_group_names.append(name)
        topic_ids = []
        for name in value(row, "topics").split(LIST_SEPARATOR):
            if not (name := name.strip()):
                continue
            if (topic_id := topics.get(" ".join(name.casefold().split()))) is None:
                checked.errors.append(_("Unknown topic “%(name)s”.") % {"name": name})
            else:
                topic_ids.append(topic_id)
                checked.topic_names.append(name)
        if text:
            normalised = normalise_text(text)
            if normalised in first_seen:
                checked.duplicate_of = _("Same text as row %(row)s.") % {
                    "row": first_seen[normalised]
                }
            else:
                first_seen[normalised] = number
        if not checked.errors:
            checked.item = ItemData(
                kind=kind,
                text=text,
                organisation_id=organisation_id,
                target_group_ids=group_ids,
                topic_ids=topic_ids,
            )
        rows.append(checked)

    recorded = recorded_text_keys(engagement, {text_key(row.text) for row in rows if row.text})
    for row in rows:
        if row.text and not row.duplicate_of and text_key(row.text) in recorded:
            row.duplicate_of = _("Already recorded for this activity.")
    return CheckedFile(rows=rows)
