import pytest

from tests.factories import (
    EngagementFactory,
    OrganisationFactory,
    TargetGroupFactory,
    TopicFactory,
)


@pytest.fixture
def engagement(agency, organisation):
    other = OrganisationFactory(name="Föreningen Anhöriga", short_name="FA")
    return EngagementFactory(
        title="Dialogmöte om läkemedel", hosts=[agency], invited=[organisation, other]
    )


@pytest.fixture
def older(db):
    return TargetGroupFactory(name="Äldre", name_en="Older people")


@pytest.fixture
def children(db):
    return TargetGroupFactory(name="Barn", name_en="Children")


@pytest.fixture
def medicines(db):
    return TopicFactory(name="Läkemedel", name_en="Medicines")


@pytest.fixture
def care(db):
    return TopicFactory(name="Vård", name_en="Care")
