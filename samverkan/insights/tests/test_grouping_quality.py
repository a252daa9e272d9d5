"""Grouping quality on a fixed, hand-written Swedish set: 12 needs, each said three or four ways
(inflections, compound words, the same need in other words), and 12 unrelated items that share
common words with them ("äldre", "barn", "stöd", "information"). Every need's items must land in
one group, and no group may hold items of two needs or an unrelated item."""

from samverkan.insights.grouping import group_texts

NEEDS = {
    "tolk": [
        "Det behövs teckenspråkstolk vid besök i vården.",
        "Döva patienter får ingen tolk när de besöker vårdcentralen.",
        "Tolkar i teckenspråk saknas ofta vid läkarbesök.",
    ],
    "läkemedelsgenomgång": [
        "Äldre behöver regelbundna läkemedelsgenomgångar.",
        "Genomgången av läkemedel för äldre som tar många mediciner görs för sällan.",
        "Fler läkemedelsgenomgångar i äldreomsorgen skulle minska biverkningarna.",
    ],
    "barnpsykiatri": [
        "Väntetiderna till barnpsykiatrin är för långa.",
        "Barn får vänta över ett år på en utredning inom barn- och ungdomspsykiatrin.",
        "Väntetid till psykiatrin för barn gör att barnen mår sämre medan de väntar.",
    ],
    "lättläst": [
        "Myndigheternas broschyrer behöver finnas på lättläst svenska.",
        "Lättlästa versioner av broschyrerna saknas.",
        "Texter för personer med intellektuell funktionsnedsättning behöver skrivas på lättläst svenska.",
    ],
    "färdtjänst": [
        "Färdtjänsten fungerar dåligt och resorna blir ofta försenade.",
        "Resorna med färdtjänst till vården kommer ofta för sent.",
        "Det är svårt att få färdtjänst beviljad för resor till rehabilitering.",
        "Resor med färdtjänst tar för lång tid.",
    ],
    "avlösning": [
        "Anhöriga till personer med demens behöver mer avlösning.",
        "Avlösningen för dem som vårdar en närstående med demenssjukdom räcker inte.",
        "Avlösning i hemmet för anhöriga vid demens saknas i många kommuner.",
    ],
    "arvode": [
        "Brukarrepresentanter borde få arvode för sin tid.",
        "Brukarrepresentanter lägger mycket tid utan arvode eller annan ersättning.",
        "Arvodet för brukarrepresentanterna skiljer sig mellan myndigheterna.",
    ],
    "glukosmätare": [
        "Kontinuerliga glukosmätare borde subventioneras för alla med diabetes.",
        "Glukosmätarna är för dyra för vuxna med diabetes.",
        "Tillgången till glukosmätare för personer med diabetes är ojämlik mellan regionerna.",
    ],
    "efterlevande": [
        "Efterlevande efter suicid får inget stöd.",
        "Stöd till efterlevande efter självmord saknas.",
        "Efterlevandestöd efter suicid borde erbjudas i alla regioner.",
    ],
    "ensamhet": [
        "Många äldre känner sig ensamma och isolerade.",
        "Ofrivillig ensamhet hos äldre behöver uppmärksammas.",
        "Äldre som bor ensamma och känner ensamhet har få sociala kontakter.",
    ],
    "hörslinga": [
        "Hörslingor saknas i många väntrum.",
        "Det finns ingen hörslinga i sjukhusets väntrum.",
        "Hörslingan i väntrummet fungerar inte.",
    ],
    "sällsynta diagnoser": [
        "Det tar för lång tid att få en sällsynt diagnos ställd.",
        "Personer med sällsynta diagnoser slussas runt mellan specialister.",
        "Kunskapen om sällsynta diagnoser hos specialisterna är låg.",
    ],
}

UNRELATED = [
    "Äldre behöver mer information om vaccinationer.",
    "Barn behöver mer stöd i skolan.",
    "Anhöriga till personer med cancer vill ha bättre information.",
    "Regionerna behöver samordna sina insatser för personer med epilepsi.",
    "Tandvården är för dyr för pensionärer.",
    "Personer med synnedsättning har svårt att använda e-tjänster.",
    "Det saknas parkeringsplatser för personer med rörelsehinder.",
    "Unga vuxna med autism får sällan arbete.",
    "Kvinnor med endometrios blir inte trodda av vården.",
    "Hemtjänstens personal byts ut för ofta.",
    "Matlådorna i äldreboendet håller låg kvalitet.",
    "Astma hos barn upptäcks för sent.",
]


def test_items_of_one_need_land_together_and_unrelated_items_stay_apart():
    items, known = [], {}
    for need, texts in NEEDS.items():
        for text in texts:
            known[len(items)] = need
            items.append((len(items), text))
    for text in UNRELATED:
        known[len(items)] = None
        items.append((len(items), text))
    # Interleaved, as items from many activities arrive.
    count = len(items)
    items.sort(key=lambda item: (item[0] * 7919) % count)
    assert len(items) >= 40

    groups = group_texts(items)

    found = {pk: number for number, group in enumerate(groups) for pk in group.item_ids}
    for need in NEEDS:
        pks = [pk for pk, name in known.items() if name == need]
        assert {found.get(pk) for pk in pks} != {None}, f"{need}: not grouped"
        assert len({found.get(pk) for pk in pks}) == 1, f"{need}: split: " + "; ".join(
            f"{found.get(pk)}: {items_text(pk)}" for pk in pks
        )
    for group in groups:
        needs = {known[pk] for pk in group.item_ids}
        assert len(needs) == 1 and None not in needs, [items_text(pk) for pk in group.item_ids]
    assert len(groups) == len(NEEDS)


def items_text(pk):
    texts = [text for texts in NEEDS.values() for text in texts] + UNRELATED
    return texts[pk]


def test_a_group_names_its_shared_words_and_its_best_linked_items():
    texts = NEEDS["färdtjänst"] + UNRELATED[:3]
    groups = group_texts(list(enumerate(texts)))
    assert len(groups) == 1
    assert groups[0].item_ids == [0, 1, 2, 3]
    assert "färdtjänst" in groups[0].terms[0]
    assert len(groups[0].representatives) == 3
    assert set(groups[0].representatives) <= {0, 1, 2, 3}


def test_progress_is_reported_up_to_the_total():
    seen = []
    group_texts(
        [(1, "Färdtjänsten är sen."), (2, "Färdtjänst sen")], progress=lambda *a: seen.append(a)
    )
    assert seen[-1] == (2, 2)
    assert group_texts([]) == []
