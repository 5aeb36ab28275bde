"""Sentences of the Syrian and Iraqi wars that report no event under ACLED's definitions (a
threat, a plan, a condition, a denial, a meeting, a retrospective, a verdict), written by
hand for frontlines in the blind batches of sessions 13 (ten in batches 24 and 26, five in
28) and 14 (twenty in batches 30, 31, 34, 35, 38 and 39; two commemorations of those batches
are left out: ACLED codes commemorative gatherings as peaceful protests): their places are
recognised, but no event is coded (frontlines.extract)."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.extract import EventExtractor

NON_EVENTS = [
    "Erdogan said Turkey would soon launch a new operation to clear Tal Rifaat and Manbij of Kurdish militants, in a speech to his party's lawmakers in Ankara.",
    "The defence ministers of Turkey, Syria and Russia met in Moscow for the first such talks since 2011 and discussed the Syrian crisis and the fight against terrorism, the Turkish ministry said.",
    "Five years after U.S.-backed fighters drove Islamic State out of Raqqa, many districts of the city remain in ruins and residents complain that reconstruction has barely begun.",
    "Kataib Hezbollah warned that U.S. forces would be treated as an occupying force and targeted if they did not leave Iraq within the period set by parliament.",
    "The Iraqi army denied reports circulating online that Islamic State fighters had taken over a village near Hawija, saying the area was secure.",
    "Iraq's migration ministry said it planned to close all remaining camps for the displaced in the Kurdistan region by the end of the year if funding allows.",
    'Turkish President Tayyip Erdogan said on Tuesday that Turkey would launch a ground operation against Kurdish militants in northern Syria "at the most convenient time", days after air strikes on the region.',
    "Iraq's defence ministry on Monday denied reports on social media that Islamic State militants had seized a village south of Kirkuk, saying the area was fully under army control.",
    "Iraq and the United States said on Friday that the U.S.-led coalition would end its military mission in federal Iraq by September 2025 and in the Kurdistan region a year later.",
    "If Islamic State is allowed to regroup in the Syrian desert, it could again threaten towns on Iraq's western border, a senior U.S. commander warned on Thursday.",
    "Turkish President Tayyip Erdogan said Turkey would clear Tal Rifaat and Manbij of Kurdish militants and that a new operation in northern Syria could start at any moment.",
    "Iraq's prime minister said his government would set up a committee to arrange the end of the U.S.-led coalition's mission in the country, with talks expected in the coming weeks.",
    "Aid groups warned that residents of al-Hol camp in Hasakah face worsening shortages of clean water and medicine as winter temperatures fall.",
    "The Syrian army denied reports on social media that its artillery had shelled the town of Nawa in Daraa province overnight, calling them fabrications.",
    "Yazidis across Sinjar and in displacement camps in Duhok marked the tenth anniversary of the Islamic State attack on their community with prayers and visits to mass graves.",
    "Syria's foreign ministry on Monday said government forces would resume operations in northwest Syria after accusing rebels of breaking a conditional truce around Khan Sheikhoun.",
    "The Kurdish-led SDF on Wednesday denied Turkish claims that its fighters had fired rockets from Tal Rifaat (Tel Rifat) at the Turkish border town of Kilis.",
    "Iraqi officials said on Tuesday they planned to reopen the al-Qaim border crossing with Syria for commercial traffic within weeks, once security checks were finished.",
    "Water levels behind the Tabqa (Euphrates) dam could fall to a point where power generation stops by the end of summer if Turkey keeps holding back water, engineers warned on Tuesday.",
    "Iran's Revolutionary Guards will strike the bases of Kurdish opposition groups in northern Iraq again if Baghdad fails to disarm them before the deadline, a Guards commander said on Tuesday.",
    "Turkey's defence ministry denied on Wednesday that its forces had fired on a resort near Zakho, saying the Kurdistan Workers Party was trying to blame Ankara for the deaths.",
    "Russia, Turkey and Iran ended two days of talks on Syria in Kazakhstan's capital on Thursday, agreeing only to meet again before the end of the year.",
    "Iraq plans to bring home about 500 more families of suspected Islamic State members from Syria's al-Hol camp next month and house them in the Jadaa camp south of Mosul, a migration ministry official said on Sunday.",
    "Turkey's defence minister said on Friday that Ankara would not hesitate to act against PKK militants in Sinjar if the Iraqi government failed to remove them.",
    "Iraqi Prime Minister Mohammed Shia al-Sudani met Kurdistan Region President Nechirvan Barzani in Baghdad on Sunday to discuss the budget law and the resumption of oil exports.",
    "The Syrian Democratic Forces on Monday denied reports that its fighters had shelled the Turkish-controlled town of Marea, calling the claims baseless.",
    "The Syrian Democratic Forces warned on Monday that they could be forced to scale back guarding of camps holding Islamic State families, including al-Hol, if Turkish strikes on north-east Syria continue.",
    "A Baghdad criminal court on Wednesday sentenced two men to death for their role in a bombing of a market in Sadr City, the judiciary said.",
    "Russia's defence ministry on Tuesday denied that its aircraft had struck a market in Maarat al-Numan, saying the reports were fabricated by rebels.",
    "Turkish President Tayyip Erdogan said on Tuesday that a ground operation against Kurdish militants in northern Syria would begin 'at the most convenient time', after days of air strikes.",
    "Kataib Hezbollah on Monday denied any involvement in the drone attack that killed three U.S. troops in Jordan, saying it was not informed of the operation in advance.",
    "Iraq plans to repatriate another 700 citizens from Syria's al-Hol camp before the end of the month, a migration ministry official said on Monday.",
    "Turkish President Tayyip Erdogan said on Tuesday that Turkey could launch a ground operation against Kurdish militants in northern Syria at any moment, days after air strikes on the region.",
    "Iraqi Prime Minister Mohammed Shia al-Sudani met the commander of the U.S.-led coalition in Baghdad on Monday to discuss a timetable for winding down the mission of foreign forces in Iraq, his office said.",
    "The United Nations warned on Thursday that a full-scale government offensive on Idlib could push hundreds of thousands more people towards the Turkish border and trigger a humanitarian catastrophe.",
]


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor()


@pytest.mark.parametrize("text", NON_EVENTS)
def test_no_event_is_coded(extractor: EventExtractor, text: str) -> None:
    assert extractor.extract_text(text, dt.date(2022, 11, 22)) == []
