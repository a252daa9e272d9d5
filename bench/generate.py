"""Synthetic national-scale data for the benchmarks.

`generate(scale=1.0)` writes into an empty database: 400 hosts (the nine RSK agencies, the 21
regions, 370 municipalities), 10,000 civil-society organisations, 20 target groups and 20
topics, about 600 forums with their seats, people with affiliations, 200,000 engagements over
ten years (lead host, sometimes a co-host, target groups, topics), 1,000,000 invitations, the
participations of the organisations that took part, and 1,000,000 input items raised at the
activities that have started, addressed to their hosts, about half answered. A few hundred
"busy" organisations get a large share of the invitations, as the national ones do in real life.

The data is deterministic: the same seed, scale and as-of month give the same rows with the same
ids. Rows are written with `bulk_create`, which bypasses `save()`, so search documents are built
here; the narrow link tables and the input items (six million rows) go in as plain tuples by
COPY or executemany.
Engagements are made and written in chunks, one transaction each, so memory stays flat.
"""

import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils.text import slugify

from samverkan.core.bulk import insert_rows
from samverkan.engagements.models import (
    Engagement,
    EngagementHost,
    Forum,
    ForumHost,
    HostRole,
    Invitation,
    InvitationStatus,
    Participation,
    Seat,
    SeatKind,
    SeatRole,
    Status,
    Step,
)
from samverkan.insights.models import Addressee, InputItem, TriageStatus, text_key
from samverkan.register.models import (
    Affiliation,
    Organisation,
    OrganisationKind,
    Person,
    TargetGroup,
    Topic,
)

from . import names

# Bump when the generated data changes, so a stored bench database is generated again.
GENERATOR_VERSION = 3
DEFAULT_SEED = 2026
STOCKHOLM = ZoneInfo("Europe/Stockholm")
ENGAGEMENTS_PER_TRANSACTION = 10_000
# Rows per INSERT: below PostgreSQL's 65,535 parameters for the widest table; SQLite is
# capped lower by Django itself.
BATCH_SIZE = 2_000
MAX_INVITATIONS_PER_ENGAGEMENT = 60


@dataclass(frozen=True)
class Sizes:
    """How many rows of each kind to make at a scale (1.0 is national scale)."""

    municipalities: int
    organisations: int
    busy_organisations: int
    people: int
    engagements: int
    invitations: int
    input_items: int

    @classmethod
    def at(cls, scale: float) -> "Sizes":
        def n(full: int, least: int) -> int:
            return max(least, round(full * scale))

        return cls(
            municipalities=n(370, 1),
            organisations=n(10_000, 20),
            busy_organisations=n(300, 2),
            people=n(3_000, 10),
            engagements=n(200_000, 10),
            invitations=n(1_000_000, 20),
            input_items=n(1_000_000, 30),
        )


def generate(
    *,
    scale: float = 1.0,
    seed: int = DEFAULT_SEED,
    as_of: date | None = None,
    log: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Write the synthetic register into the default database; return the rows made per table.

    `as_of` is "today" for the data: engagements run over the ten calendar years that end with
    the next one, and their status (completed, ongoing, planned) is judged against it. It
    defaults to the first day of this month.
    """
    as_of = as_of or date.today().replace(day=1)
    generator = _Generator(Sizes.at(scale), random.Random(seed), as_of, log or (lambda _: None))
    return generator.run()


# --- Small text helpers ------------------------------------------------------------------------


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def genitive(name: str) -> str:
    """Swedish genitive: "Region Skåne" → "Region Skånes", "Läkemedelsverket" → "Läkemedelsverkets"."""
    return name if name[-1:].lower() in "sxz" else name + "s"


def municipality_name(place: str) -> str:
    """Lund → Lunds kommun, Umeå → Umeå kommun (no s after a vowel or an s)."""
    return f"{place} kommun" if place[-1:].lower() in "aeiouyåäösxz" else f"{place}s kommun"


@dataclass
class _Picker:
    """Weighted random choice from a fixed list of ids, fast for many draws."""

    ids: list[int] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    cumulative: list[float] = field(default_factory=list)

    def add(self, item: int, weight: float) -> None:
        self.ids.append(item)
        self.weights.append(weight)

    def freeze(self) -> "_Picker":
        total = 0.0
        self.cumulative = []
        for weight in self.weights:
            total += weight
            self.cumulative.append(total)
        return self

    def draw(self, rng: random.Random, k: int) -> list[int]:
        if not self.ids:
            return []
        return rng.choices(self.ids, cum_weights=self.cumulative, k=k)


@dataclass
class _Host:
    id: int
    name: str
    kind: str
    city: str
    place: str | None = None  # a municipality's own place, for inviting local organisations
    forum_ids: list[int] = field(default_factory=list)


class _Generator:
    def __init__(self, sizes: Sizes, rng: random.Random, as_of: date, log):
        self.sizes = sizes
        self.rng = rng
        self.as_of = as_of
        self.now = datetime(as_of.year, as_of.month, as_of.day, tzinfo=STOCKHOLM)
        self.log = log
        self.counts: dict[str, int] = {}
        self.started = time.monotonic()

    def run(self) -> dict[str, int]:
        self.taxonomies()
        self.hosts()
        self.organisations()
        self.people()
        self.forums()
        self.engagements()
        self.reset_sequences()
        return self.counts

    # --- bookkeeping ----------------------------------------------------------------------------

    def _save(self, model, rows: list, label: str | None = None) -> None:
        if rows:
            model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        key = label or model._meta.model_name
        self.counts[key] = self.counts.get(key, 0) + len(rows)

    def _copy(self, model, fields: list[str], rows: list[tuple], label: str) -> None:
        """Write plain tuples into `model`'s table (COPY or executemany, see core.bulk)."""
        self.counts[label] = self.counts.get(label, 0) + len(rows)
        insert_rows(model, fields, rows)

    def _first_id(self, model) -> int:
        return (model.objects.aggregate(top=Max("id"))["top"] or 0) + 1

    def _progress(self, text: str) -> None:
        self.log(f"  {text} ({time.monotonic() - self.started:.0f} s)")

    def reset_sequences(self) -> None:
        """Ids were given explicitly; make the database's own sequences continue after them."""
        models = [TargetGroup, Topic, Organisation, Person, Forum, Engagement, InputItem]
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)

    # --- register -------------------------------------------------------------------------------

    @transaction.atomic
    def taxonomies(self) -> None:
        first = self._first_id(TargetGroup)
        groups = [
            TargetGroup(id=first + i, name=sv, name_en=en, slug=slugify(sv))
            for i, (sv, en) in enumerate(names.TARGET_GROUPS)
        ]
        first = self._first_id(Topic)
        topics = [
            Topic(id=first + i, name=sv, name_en=en, slug=slugify(sv))
            for i, (sv, en) in enumerate(names.TOPICS)
        ]
        self._save(TargetGroup, groups)
        self._save(Topic, topics)
        self.target_group_ids = {g.name: g.id for g in groups}
        self.topic_ids = {t.name: t.id for t in topics}

    def _places(self) -> list[str]:
        """Municipality places: the real ones, then made-up ones until there are enough."""
        rng = random.Random(self.rng.random())
        places = list(names.MUNICIPALITIES)
        rng.shuffle(places)
        taken = set(places)
        wanted = self.sizes.municipalities
        while len(places) < wanted:
            place = rng.choice(names.PLACE_PREFIXES) + rng.choice(names.PLACE_SUFFIXES)
            if place not in taken:
                taken.add(place)
                places.append(place)
        return places[:wanted]

    @transaction.atomic
    def hosts(self) -> None:
        rng = self.rng
        next_id = self._first_id(Organisation)
        self.names_taken: set[str] = set()
        self.slugs_taken: set[str] = set()
        self.hosts_list: list[_Host] = []
        self.host_picker = _Picker()
        rows = []

        def add(name, short, kind, city, weight, description, place=None):
            nonlocal next_id
            host = _Host(id=next_id, name=name, kind=kind, city=city, place=place)
            organisation = Organisation(
                id=next_id,
                name=name,
                short_name=short,
                slug=self._unique_slug(short or name),
                kind=kind,
                description=description,
                municipality=city,
                website=f"https://www.{slugify(name)}.se",
            )
            organisation.search_document = organisation.build_search_document()
            self.names_taken.add(name)
            rows.append(organisation)
            self.hosts_list.append(host)
            self.host_picker.add(host.id, weight)
            next_id += 1

        for name, short, city in names.RSK_AGENCIES:
            add(
                name,
                short,
                OrganisationKind.AGENCY,
                city,
                250,
                "Myndighet i Rådet för styrning med kunskap.",
            )
        for name, city in names.REGIONS:
            add(
                name,
                "",
                OrganisationKind.REGION,
                city,
                60,
                f"Region med ansvar för hälso- och sjukvården, med säte i {city}.",
            )
        for place in self._places():
            add(
                municipality_name(place),
                "",
                OrganisationKind.MUNICIPALITY,
                place,
                4,
                f"Kommun med socialtjänst, äldreomsorg och skola i {place}.",
                place=place,
            )
        self._save(Organisation, rows, "hosts")
        self.host_picker.freeze()
        self._link_taxonomies(
            rows,
            lambda _: (
                rng.sample(names.TARGET_GROUPS, rng.randint(0, 2)),
                rng.sample(names.TOPICS, rng.randint(1, 3)),
            ),
        )

    def _unique_slug(self, text: str) -> str:
        base = slugify(text)[:190] or "organisation"
        slug, n = base, 2
        while slug in self.slugs_taken:
            slug, n = f"{base}-{n}", n + 1
        self.slugs_taken.add(slug)
        return slug

    def _link_taxonomies(self, organisations, choose) -> None:
        """Give each organisation target groups and topics: choose(org) → ([(sv, en)…], [(sv, en)…])."""
        through_groups = Organisation.target_groups.through
        through_topics = Organisation.topics.through
        group_rows, topic_rows = [], []
        for organisation in organisations:
            groups, topics = choose(organisation)
            for sv, _en in groups:
                group_rows.append(
                    through_groups(
                        organisation_id=organisation.id, targetgroup_id=self.target_group_ids[sv]
                    )
                )
            for sv, _en in topics:
                topic_rows.append(
                    through_topics(organisation_id=organisation.id, topic_id=self.topic_ids[sv])
                )
        self._save(through_groups, group_rows, "organisation_target_groups")
        self._save(through_topics, topic_rows, "organisation_topics")

    def _civil_society_name(
        self, places: list[str]
    ) -> tuple[str, str, str | None, str, list, list]:
        """One organisation: (name, kind, place or None if national, what it is about,
        target group names, topic names)."""
        rng = self.rng
        phrase, compound, groups, topics = rng.choice(names.CONDITIONS)
        adult = phrase in names.ADULT_CONDITIONS
        forms = [f for f in names.GROUP_FORMS if not (adult and f.startswith("barn"))]
        group = rng.choice(forms).format(c=phrase)
        relatives = group.startswith("anhöriga")
        patient = OrganisationKind.RELATIVES if relatives else OrganisationKind.PATIENT
        groups = [*groups, "Anhöriga och närstående"] if relatives else list(groups)
        if rng.random() < 0.12:
            place = None
            options = [
                ("Riksförbundet för {group}", patient),
                ("Föreningen för {group}", patient),
                ("Nätverket för {group}", OrganisationKind.USER),
            ]
            if not adult:
                options.append(("Unga med {phrase}", OrganisationKind.INTEREST))
            if compound:
                options += [
                    ("{Compound}förbundet", OrganisationKind.PATIENT),
                    ("Svenska {compound}föreningen", OrganisationKind.PATIENT),
                    ("{Compound}sällskapet", OrganisationKind.PATIENT),
                    ("Stiftelsen {Compound}fonden", OrganisationKind.OTHER),
                ]
        else:
            place = rng.choice(places)
            if rng.random() < 0.3:
                # A local organisation for a cause rather than a condition.
                template, kind, groups, topics, about = rng.choice(names.LOCAL_CAUSES)
                name = template.format(place=place, place_gen=genitive(place))
                return name, kind, place, about, list(groups), list(topics)
            options = [
                ("Föreningen för {group} i {place}", patient),
                ("Intresseföreningen för {group} i {place}", OrganisationKind.INTEREST),
            ]
            if compound:
                options += [
                    ("{Compound}förbundet {place}", OrganisationKind.PATIENT),
                    ("{Compound}föreningen i {place}", OrganisationKind.PATIENT),
                    ("{place_gen} {compound}förening", OrganisationKind.PATIENT),
                    ("{Compound}föreningen {place}", OrganisationKind.PATIENT),
                ]
        template, kind = rng.choice(options)
        name = template.format(
            group=group,
            phrase=phrase,
            compound=compound or "",
            Compound=capitalise(compound or ""),
            place=place or "",
            place_gen=genitive(place or ""),
        )
        if kind == OrganisationKind.PATIENT and rng.random() < 0.3:
            groups.append("Patienter och vårdtagare")
        return name, kind, place, f"personer med {phrase}", groups, list(topics)

    @transaction.atomic
    def organisations(self) -> None:
        rng = self.rng
        places = [host.place for host in self.hosts_list if host.place]
        next_id = self._first_id(Organisation)
        rows = []
        national_ids = []
        self.local_pickers: dict[str, _Picker] = {}
        self.group_pickers: dict[int, _Picker] = {}
        self.funktionsratt: dict[str, int] = {}
        self.organisation_groups: dict[int, tuple[list, list]] = {}
        attempts = 0
        while len(rows) < self.sizes.organisations:
            attempts += 1
            if attempts > self.sizes.organisations * 50:
                raise RuntimeError(
                    "Ran out of organisation names; add name parts to bench/names.py"
                )
            name, kind, place, about, group_names, topic_names = self._civil_society_name(places)
            if name in self.names_taken or slugify(name) in self.slugs_taken:
                continue
            self.names_taken.add(name)
            groups = [g for g in names.TARGET_GROUPS if g[0] in group_names]
            topics = [t for t in names.TOPICS if t[0] in topic_names]
            description = {
                OrganisationKind.PATIENT: f"Patientorganisation för {about} och deras närstående.",
                OrganisationKind.RELATIVES: f"Förening för anhöriga och närstående till {about}.",
                OrganisationKind.USER: f"Förening där {about} med egen erfarenhet driver sina frågor.",
                OrganisationKind.INTEREST: f"Intresseorganisation som verkar för bättre villkor för {about}.",
                OrganisationKind.OTHER: f"Organisation som stödjer {about} med rådgivning och information.",
            }[kind]
            if place:
                description += f" Verksam i {place} med omnejd."
            else:
                description += " Verksam i hela landet med lokalföreningar."
            short = ""
            if place is None and rng.random() < 0.25:
                short = "".join(
                    w[0] for w in name.replace("-", " ").split() if w[:1].isalpha()
                ).upper()[:8]
            organisation = Organisation(
                id=next_id,
                name=name,
                short_name=short,
                slug=self._unique_slug(name),
                kind=kind,
                description=description,
                municipality=place
                or rng.choice(["Stockholm", "Stockholm", "Göteborg", "Malmö", "Uppsala"]),
                website=f"https://www.{slugify(name)[:60]}.se" if rng.random() < 0.6 else "",
                email=f"info@{slugify(name)[:40]}.se" if rng.random() < 0.5 else "",
            )
            organisation.search_document = organisation.build_search_document()
            rows.append(organisation)
            self.organisation_groups[next_id] = (groups, topics)
            if place is None:
                national_ids.append(next_id)
            if name.startswith("Funktionsrätt "):
                self.funktionsratt[place] = next_id
            next_id += 1
        self._save(Organisation, rows, "organisations")
        self._link_taxonomies(rows, lambda o: self.organisation_groups[o.id])

        # A few hundred busy organisations, mostly national ones, get many invitations.
        national = set(national_ids)
        candidates = national_ids + [o.id for o in rows if o.id not in national]
        busy = set(candidates[: self.sizes.busy_organisations])
        self.picker = _Picker()
        for organisation in rows:
            weight = (
                rng.uniform(25, 60) if organisation.id in busy else min(15, rng.paretovariate(2.5))
            )
            self.picker.add(organisation.id, weight)
            for sv, _en in self.organisation_groups[organisation.id][0]:
                self.group_pickers.setdefault(self.target_group_ids[sv], _Picker()).add(
                    organisation.id, weight
                )
            if organisation.id not in national:
                self.local_pickers.setdefault(organisation.municipality, _Picker()).add(
                    organisation.id, weight
                )
        for picker in [self.picker, *self.group_pickers.values(), *self.local_pickers.values()]:
            picker.freeze()
        self.organisation_ids = [o.id for o in rows]

        # Each local Funktionsrätt is an umbrella for the other organisations in its place.
        through = Organisation.member_organisations.through
        members = []
        for place, umbrella_id in self.funktionsratt.items():
            local = self.local_pickers.get(place)
            for member_id in (local.ids if local else [])[:30]:
                if member_id != umbrella_id:
                    members.append(
                        through(from_organisation_id=umbrella_id, to_organisation_id=member_id)
                    )
        self._save(through, members, "organisation_members")
        self._progress(f"{len(rows):,} organisations")

    @transaction.atomic
    def people(self) -> None:
        rng = self.rng
        next_id = self._first_id(Person)
        people, affiliations = [], []
        for i in range(self.sizes.people):
            first, last = rng.choice(names.FIRST_NAMES), rng.choice(names.LAST_NAMES)
            people.append(
                Person(
                    id=next_id + i,
                    first_name=first,
                    last_name=last,
                    title=rng.choice(names.ROLES),
                    email=f"{slugify(first)}.{slugify(last)}{i}@example.se",
                )
            )
            start = self.as_of - timedelta(days=rng.randint(30, 3650))
            end = start + timedelta(days=rng.randint(200, 2000)) if rng.random() < 0.3 else None
            affiliations.append(
                Affiliation(
                    person_id=next_id + i,
                    organisation_id=self.picker.draw(rng, 1)[0],
                    role=rng.choice(names.ROLES),
                    start_date=start,
                    end_date=end,
                )
            )
        self._save(Person, people)
        self._save(Affiliation, affiliations)
        self.person_ids = [p.id for p in people]

    # --- forums ---------------------------------------------------------------------------------

    @transaction.atomic
    def forums(self) -> None:
        rng = self.rng
        next_id = self._first_id(Forum)
        forums, links, seats = [], [], []
        group_links, topic_links = [], []
        self.forum_seats: dict[int, list[int]] = {}
        forum_slugs: set[str] = set()
        per_kind = {
            OrganisationKind.AGENCY: (8, 20),
            OrganisationKind.REGION: (3, 8),
            OrganisationKind.MUNICIPALITY: (0, 2),
        }
        for host in self.hosts_list:
            for _ in range(rng.randint(*per_kind[host.kind])):
                kind, template = rng.choice(names.FORUM_TEMPLATES)
                forms, groups, topics = rng.choice(names.SUBJECTS)
                name = template.format(host_gen=genitive(host.name), s=rng.choice(forms))[:200]
                base = slugify(f"{name} {host.name}")[:190]
                slug, n = base, 2
                while slug in forum_slugs:
                    slug, n = f"{base}-{n}", n + 1
                forum_slugs.add(slug)
                established = self.as_of - timedelta(days=rng.randint(200, 6000))
                ended = None
                if rng.random() < 0.15:
                    ended = min(self.as_of, established + timedelta(days=rng.randint(365, 3000)))
                forums.append(
                    Forum(
                        id=next_id,
                        name=name,
                        slug=slug,
                        kind=kind,
                        description=f"{capitalise(name)} samlar organisationer och {host.name} kring {rng.choice(forms)}.",
                        governing_document="Arbetsordning fastställd av myndighetens ledning."
                        if rng.random() < 0.5
                        else "",
                        meeting_cadence=rng.choice(names.CADENCES),
                        established_on=established,
                        ended_on=ended,
                        is_published=rng.random() < 0.9,
                    )
                )
                links.append(
                    ForumHost(forum_id=next_id, organisation_id=host.id, role=HostRole.LEAD)
                )
                if rng.random() < 0.1:
                    other = self.host_picker.draw(rng, 1)[0]
                    if other != host.id:
                        links.append(
                            ForumHost(
                                forum_id=next_id, organisation_id=other, role=HostRole.CO_HOST
                            )
                        )
                for sv in groups:
                    group_links.append(
                        Forum.target_groups.through(
                            forum_id=next_id, targetgroup_id=self.target_group_ids[sv]
                        )
                    )
                for sv in topics:
                    topic_links.append(
                        Forum.topics.through(forum_id=next_id, topic_id=self.topic_ids[sv])
                    )
                seats += self._seats(next_id, host, established, ended)
                host.forum_ids.append(next_id)
                next_id += 1
        self._save(Forum, forums)
        self._save(ForumHost, links)
        self._save(Forum.target_groups.through, group_links, "forum_target_groups")
        self._save(Forum.topics.through, topic_links, "forum_topics")
        self._save(Seat, seats)
        self._progress(f"{len(forums):,} forums, {len(seats):,} seats")

    def _seats(
        self, forum_id: int, host: _Host, established: date, ended: date | None
    ) -> list[Seat]:
        """Organisation and personal seats for the current term, and often the term before."""
        rng = self.rng
        local = self.local_pickers.get(host.place) if host.place else None
        term_start = max(established, (ended or self.as_of) - timedelta(days=rng.randint(0, 700)))
        terms = [(term_start, ended or term_start + timedelta(days=730))]
        if term_start - timedelta(days=730) >= established and rng.random() < 0.5:
            terms.append((term_start - timedelta(days=730), term_start - timedelta(days=1)))
        seats = []
        for number, (start, end) in enumerate(terms):
            pool = local if local and rng.random() < 0.7 else self.picker
            holders = list(dict.fromkeys(pool.draw(rng, rng.randint(5, 15))))
            for position, organisation_id in enumerate(holders):
                role = SeatRole.CHAIR if position == 0 and rng.random() < 0.3 else SeatRole.MEMBER
                if position > 0 and rng.random() < 0.15:
                    role = rng.choice([SeatRole.DEPUTY, SeatRole.OBSERVER])
                seats.append(
                    Seat(
                        forum_id=forum_id,
                        kind=SeatKind.ORGANISATION,
                        organisation_id=organisation_id,
                        role=role,
                        term_start=start,
                        term_end=end,
                    )
                )
            for _ in range(rng.randint(0, 3)):
                seats.append(
                    Seat(
                        forum_id=forum_id,
                        kind=SeatKind.PERSONAL,
                        person_id=rng.choice(self.person_ids),
                        role=SeatRole.MEMBER,
                        term_start=start,
                        term_end=end,
                    )
                )
            if number == 0:
                self.forum_seats[forum_id] = holders
        return seats

    # --- engagements ----------------------------------------------------------------------------

    def _day_picker(self) -> tuple[list[date], list[float]]:
        """Weekdays over ten calendar years ending with next year: fewer in July and at
        Christmas, slowly growing over the years, thinning out the further ahead they are planned."""
        start = date(self.as_of.year - 8, 1, 1)
        end = date(self.as_of.year + 1, 12, 31)
        month_factor = {
            1: 0.9,
            2: 1.0,
            3: 1.1,
            4: 1.0,
            5: 1.1,
            6: 0.8,
            7: 0.15,
            8: 0.6,
            9: 1.1,
            10: 1.1,
            11: 1.1,
            12: 0.6,
        }
        span = (end - start).days
        days, cumulative, total = [], [], 0.0
        for offset in range(span + 1):
            day = start + timedelta(days=offset)
            if day.weekday() >= 5:
                continue
            weight = month_factor[day.month] * (0.6 + 0.4 * offset / span)
            if day.weekday() in (1, 2, 3):
                weight *= 1.15
            if day >= self.as_of:
                weight *= math.exp(-(day - self.as_of).days / 150)
            total += weight
            days.append(day)
            cumulative.append(total)
        return days, cumulative

    def _invitation_counts(self, methods: list[str]) -> list[int]:
        """Invitations per engagement: by method, then scaled so they add up to the total exactly."""
        rng = self.rng
        cap = min(MAX_INVITATIONS_PER_ENGAGEMENT, len(self.organisation_ids))
        raw = [rng.randint(*names.METHODS[m][5]) for m in methods]
        factor = self.sizes.invitations / sum(raw)
        counts = [min(cap, int(k * factor + rng.random())) for k in raw]
        difference = self.sizes.invitations - sum(counts)
        step = 1 if difference > 0 else -1
        tries = 0
        while difference and tries < 100 * len(counts):
            tries += 1
            i = rng.randrange(len(counts))
            if 0 <= counts[i] + step <= cap:
                counts[i] += step
                difference -= step
        return counts

    def engagements(self) -> None:
        rng = self.rng
        n = self.sizes.engagements
        method_names = list(names.METHODS)
        methods = rng.choices(
            method_names, weights=[names.METHODS[m][0] for m in method_names], k=n
        )
        invitation_counts = self._invitation_counts(methods)
        days, cumulative = self._day_picker()
        start_days = rng.choices(days, cum_weights=cumulative, k=n)
        leads = self.host_picker.draw(rng, n)
        hosts_by_id = {host.id: host for host in self.hosts_list}
        first_id = self._first_id(Engagement)
        item_counts = self._input_item_counts([day < self.as_of for day in start_days])
        self.next_item_id = self._first_id(InputItem)
        for chunk_start in range(0, n, ENGAGEMENTS_PER_TRANSACTION):
            with transaction.atomic():
                batch = _Batch()
                for i in range(chunk_start, min(n, chunk_start + ENGAGEMENTS_PER_TRANSACTION)):
                    self._engagement(
                        batch,
                        engagement_id=first_id + i,
                        method=methods[i],
                        day=start_days[i],
                        lead=hosts_by_id[leads[i]],
                        invitations=invitation_counts[i],
                        items=item_counts[i],
                    )
                self._save(Engagement, batch.engagements)
                for model, label, fields, rows in batch.links():
                    self._copy(model, fields, rows, label)
            self._progress(
                f"{min(n, chunk_start + ENGAGEMENTS_PER_TRANSACTION):,}/{n:,} engagements, "
                f"{self.counts.get('invitation', 0):,} invitations, "
                f"{self.counts.get('inputitem', 0):,} input items"
            )

    def _input_item_counts(self, past: list[bool]) -> list[int]:
        """Input items per engagement: only engagements that have started have any; about as
        many each, adding up to the total exactly."""
        rng = self.rng
        started = [i for i, is_past in enumerate(past) if is_past]
        counts = [0] * len(past)
        if not started:
            return counts
        mean = self.sizes.input_items / len(started)
        for i in started:
            counts[i] = rng.randint(0, max(0, round(2 * mean)))
        difference = self.sizes.input_items - sum(counts)
        step = 1 if difference > 0 else -1
        while difference:
            i = rng.choice(started)
            if counts[i] + step >= 0:
                counts[i] += step
                difference -= step
        return counts

    def _engagement(
        self, batch: "_Batch", *, engagement_id, method, day, lead: _Host, invitations, items
    ) -> None:
        rng = self.rng
        _weight, noun, noun_def, templates, levels, _ = names.METHODS[method]
        forms, subject_groups, subject_topics = rng.choice(names.SUBJECTS)
        wording = rng.choice(forms)
        other_wording = rng.choice([f for f in forms if f != wording] or forms)
        who = rng.choice(names.WHO)

        forum_id = None
        if lead.forum_ids and (
            method == "council_meeting" or (method == "reference_group" and rng.random() < 0.5)
        ):
            forum_id = rng.choice(lead.forum_ids)

        title = rng.choice(templates).format(
            s=wording,
            S=capitalise(wording),
            who=who,
            n=rng.randint(1, 6),
            doc=rng.choice(names.DOCUMENTS),
        )
        if rng.random() < 0.3:
            title += rng.choice(names.TITLE_TAILS).format(
                year=day.year, n=rng.randint(2, 4), city=lead.city
            )

        hour, minute = rng.choice([(9, 0), (9, 30), (10, 0), (13, 0), (13, 30), (14, 0), (15, 0)])
        starts_at = datetime(day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM)
        if method in ("survey", "interviews"):
            ends_at = starts_at + timedelta(days=rng.randint(7, 35), hours=2)
        elif method in ("workshop", "training", "priority_setting"):
            ends_at = starts_at + timedelta(hours=rng.choice([3, 4, 6]))
        else:
            ends_at = starts_at + timedelta(minutes=rng.choice([60, 90, 120, 180]))
        if rng.random() < 0.05:
            ends_at = None
        finished = (ends_at or starts_at) < self.now
        if finished:
            status = Status.CANCELLED if rng.random() < 0.06 else Status.COMPLETED
        elif starts_at >= self.now:
            status = Status.CANCELLED if rng.random() < 0.04 else Status.PLANNED
        else:
            status = Status.ONGOING

        venue = (
            "digital"
            if method == "survey"
            else rng.choices(["on_site", "digital", "hybrid"], weights=[45, 40, 15])[0]
        )
        tool = rng.choice(names.DIGITAL_TOOLS)
        location = {
            "on_site": f"{capitalise(rng.choice(names.VENUES_ON_SITE))}, {lead.city}",
            "digital": tool,
            "hybrid": f"{lead.city} och {tool}",
        }[venue]

        description = self._description(
            lead, method, noun, noun_def, wording, other_wording, who, subject_groups
        )
        assignment = ""
        if rng.random() < 0.2:
            assignment = rng.choice(
                [
                    f"Regeringsuppdrag om {other_wording} (S{day.year - 1}/{rng.randint(100, 9999):05d})",
                    f"Uppdrag i regleringsbrevet för {day.year}",
                    f"Nationell strategi för {other_wording}",
                    f"Nationellt programområde {rng.choice(names.PROGRAMME_AREAS)}",
                ]
            )
        outcome = feedback = ""
        feedback_on = None
        if status == Status.COMPLETED:
            if rng.random() < 0.5:
                outcome = rng.choice(names.OUTCOMES).format(s=other_wording)
            if rng.random() < 0.35:
                feedback = rng.choice(names.FEEDBACK)
                feedback_on = (ends_at or starts_at).date() + timedelta(days=rng.randint(14, 60))
        first_step = rng.randrange(len(Step.values))
        steps = Step.values[first_step : first_step + rng.randint(1, 3)]
        level = (
            rng.choice(levels)
            if rng.random() < 0.8
            else rng.choice(["information", "consultation", "dialogue", "partnership"])
        )

        engagement = Engagement(
            id=engagement_id,
            title=title[:200],
            description=description,
            forum_id=forum_id,
            assignment=assignment,
            level=level,
            steps=steps,
            representation="appointed" if rng.random() < 0.65 else "invited",
            knowledge=rng.choices(["collective", "personal", "expertise"], weights=[55, 25, 20])[0],
            method=method,
            starts_at=starts_at,
            ends_at=ends_at,
            venue=venue,
            location=location,
            status=status,
            outcome=outcome,
            feedback=feedback,
            feedback_given_on=feedback_on,
            is_published=rng.random() < 0.88,
        )
        engagement.search_document = engagement.build_search_document()
        batch.engagements.append(engagement)

        batch.hosts.append((engagement_id, lead.id, HostRole.LEAD.value))
        host_ids = [lead.id]
        if rng.random() < 0.1:
            co_host = self.host_picker.draw(rng, 1)[0]
            if co_host != lead.id:
                batch.hosts.append((engagement_id, co_host, HostRole.CO_HOST.value))
                host_ids.append(co_host)

        group_names = list(subject_groups)
        if rng.random() < 0.3:
            group_names.append(rng.choice(names.TARGET_GROUPS)[0])
        group_ids = list(dict.fromkeys(self.target_group_ids[g] for g in group_names))
        topic_names = list(subject_topics)
        if rng.random() < 0.2:
            topic_names.append(rng.choice(names.TOPICS)[0])
        for group_id in group_ids:
            batch.groups.append((engagement_id, group_id))
        for topic_id in dict.fromkeys(self.topic_ids[t] for t in topic_names):
            batch.topics.append((engagement_id, topic_id))

        invited = self._invitees(invitations, forum_id, lead, group_ids)
        past = starts_at < self.now
        # Invitations go out some weeks before the start; the row's timestamps say so.
        sent = min(self.now, starts_at - timedelta(days=rng.randint(14, 60)))
        sent = connection.ops.adapt_datetimefield_value(sent)
        for organisation_id in invited:
            roll = rng.random()
            if past:
                answer = (
                    InvitationStatus.ACCEPTED
                    if roll < 0.6
                    else InvitationStatus.DECLINED
                    if roll < 0.85
                    else InvitationStatus.INVITED
                )
            else:
                answer = (
                    InvitationStatus.INVITED
                    if roll < 0.55
                    else InvitationStatus.ACCEPTED
                    if roll < 0.9
                    else InvitationStatus.DECLINED
                )
            batch.invitations.append((engagement_id, organisation_id, answer.value, sent, sent))
            if (
                status == Status.COMPLETED
                and answer == InvitationStatus.ACCEPTED
                and rng.random() < 0.45
            ):
                batch.participations.append((engagement_id, organisation_id, "", sent, sent))
        if items:
            self._input_items(
                batch,
                engagement_id=engagement_id,
                starts_at=starts_at,
                forms=forms,
                host_ids=host_ids,
                organisation_ids=invited,
                group_ids=group_ids,
                topic_ids=list(dict.fromkeys(self.topic_ids[t] for t in subject_topics)),
                group_names=group_names,
                count=items,
            )

    def _input_items(
        self,
        batch: "_Batch",
        *,
        engagement_id,
        starts_at,
        forms,
        host_ids,
        organisation_ids,
        group_ids,
        topic_ids,
        group_names,
        count,
    ) -> None:
        """`count` input items raised at the engagement, in the days after it started, each
        addressed to every host; about half have been answered."""
        rng = self.rng
        kinds = list(names.INPUT_KIND_WEIGHTS)
        weights = list(names.INPUT_KIND_WEIGHTS.values())
        adapt = connection.ops.adapt_datetimefield_value
        for _ in range(count):
            item_id = self.next_item_id
            self.next_item_id += 1
            kind = rng.choices(kinds, weights=weights)[0]
            wording = rng.choice(forms)
            text = rng.choice(names.INPUT_TEXTS[kind]).format(
                s=wording,
                S=capitalise(wording),
                group=(rng.choice(group_names) if group_names else "patienter").lower(),
                region=rng.choice(names.REGIONS)[0],
            ) + rng.choice(names.INPUT_TAILS)
            created = min(
                self.now - timedelta(hours=1),
                starts_at + timedelta(days=rng.randint(0, 14), hours=rng.randint(1, 8)),
            )
            organisation_id = (
                rng.choice(organisation_ids) if organisation_ids and rng.random() < 0.8 else None
            )
            stamp = adapt(created)
            batch.items.append(
                (item_id, engagement_id, kind, text, text_key(text), organisation_id, stamp, stamp)
            )
            if group_ids:
                batch.item_groups.append((item_id, group_ids[0]))
            for topic_id in topic_ids[: rng.randint(1, 2)]:
                batch.item_topics.append((item_id, topic_id))
            for host_id in host_ids:
                answered = created + timedelta(days=rng.randint(1, 90), hours=rng.randint(0, 6))
                if answered < self.now and rng.random() < 0.55:
                    status = rng.choice(
                        [
                            TriageStatus.ACTED_ON,
                            TriageStatus.IN_ASSIGNMENT,
                            TriageStatus.NOT_ACTED_ON,
                            TriageStatus.CONSIDERING,
                        ]
                    ).value
                    response = rng.choice(names.RESPONSES).format(s=wording)
                    batch.addressees.append(
                        (item_id, host_id, status, response, adapt(answered), adapt(answered))
                    )
                else:
                    batch.addressees.append(
                        (item_id, host_id, TriageStatus.RECEIVED.value, "", None, None)
                    )

    def _invitees(self, k: int, forum_id, lead: _Host, group_ids: list[int]) -> list[int]:
        """`k` different organisations: the forum's seat holders first, then local organisations
        for a municipality, organisations working with the target group, and anyone."""
        chosen: dict[int, None] = dict.fromkeys(self.forum_seats.get(forum_id, [])[:k])
        local = self.local_pickers.get(lead.place) if lead.place else None
        if local:
            self._fill(
                chosen, local, min(k, len(chosen) + min(len(local.ids) // 2, k // 2)), tries=4
            )
        group = self.group_pickers.get(group_ids[0]) if group_ids else None
        if group:
            self._fill(
                chosen, group, min(k, len(chosen) + min(len(group.ids) // 4, k // 2)), tries=4
            )
        self._fill(chosen, self.picker, k)
        return list(chosen)

    def _fill(
        self, chosen: dict[int, None], pool: _Picker, target: int, tries: int | None = None
    ) -> None:
        """Draw from `pool` into `chosen` until it holds `target` organisations (or `tries` runs out)."""
        while len(chosen) < target and tries != 0:
            for organisation_id in pool.draw(self.rng, 2 * (target - len(chosen)) + 1):
                if len(chosen) >= target:
                    break
                chosen.setdefault(organisation_id)
            tries = None if tries is None else tries - 1

    def _description(
        self, lead, method, noun, noun_def, wording, other_wording, who, groups
    ) -> str:
        rng = self.rng
        values = {
            "host": lead.name,
            "host_gen": genitive(lead.name),
            "who": who,
            "who_gen": rng.choice(names.WHO_GENITIVE),
            "noun": noun,
            "noun_def": noun_def,
            "Noun_def": capitalise(noun_def),
            "purpose": rng.choice(names.PURPOSES),
            "k": rng.randint(2, 4),
            "when": rng.choice(names.WHENS),
            "group": groups[0].lower() if groups else "patienter och närstående",
        }
        intros = names.INTRO_SENTENCES
        if method in ("survey", "interviews", "review", "user_testing"):
            intros = [t for t in intros if "diskuterar" not in t]  # nothing is discussed
        sentences = [
            rng.choice(intros).format(s=other_wording, **values),
            rng.choice(names.PURPOSE_SENTENCES).format(s=wording, **values),
        ]
        for template in rng.sample(names.DETAIL_SENTENCES, rng.randint(1, 3)):
            sentences.append(template.format(s=rng.choice([wording, other_wording]), **values))
        return " ".join(sentences)


@dataclass
class _Batch:
    """Rows for one transaction's worth of engagements: model instances for the engagements,
    plain tuples for the narrow link tables."""

    engagements: list = field(default_factory=list)
    hosts: list = field(default_factory=list)
    groups: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    invitations: list = field(default_factory=list)
    participations: list = field(default_factory=list)
    items: list = field(default_factory=list)
    item_groups: list = field(default_factory=list)
    item_topics: list = field(default_factory=list)
    addressees: list = field(default_factory=list)

    def links(self):
        """(model, label, fields, rows) for each link table, in the order they are written."""
        timestamps = ["created_at", "updated_at"]
        return [
            (EngagementHost, "engagementhost", ["engagement", "organisation", "role"], self.hosts),
            (
                Engagement.target_groups.through,
                "engagement_target_groups",
                ["engagement", "targetgroup"],
                self.groups,
            ),
            (Engagement.topics.through, "engagement_topics", ["engagement", "topic"], self.topics),
            (
                Invitation,
                "invitation",
                ["engagement", "organisation", "status", *timestamps],
                self.invitations,
            ),
            (
                Participation,
                "participation",
                ["engagement", "organisation", "role", *timestamps],
                self.participations,
            ),
            (
                InputItem,
                "inputitem",
                ["id", "engagement", "kind", "text", "text_key", "organisation", *timestamps],
                self.items,
            ),
            (
                InputItem.target_groups.through,
                "inputitem_target_groups",
                ["inputitem", "targetgroup"],
                self.item_groups,
            ),
            (
                InputItem.topics.through,
                "inputitem_topics",
                ["inputitem", "topic"],
                self.item_topics,
            ),
            (
                Addressee,
                "addressee",
                ["item", "host", "status", "response", "status_changed_at", "first_response_at"],
                self.addressees,
            ),
        ]
