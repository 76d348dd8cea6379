"""The self-check questions, by lesson. Ids are "<lesson>.<number>".

Answers are worked from the datasets; ``tests/test_questions.py`` recomputes
each one from the CSV files, so an edited dataset cannot silently leave a
wrong answer behind.
"""

from .exercises import Question, register

# --- 00 start here ------------------------------------------------------------------

register(Question(
    qid="00.1", kind="choice",
    options={
        "refugee": "refugee",
        "defector": "defector",
        "crosser": "illegal border-crosser",
        "asylum": "asylum seeker",
    },
    answer="crosser",
    hint="Look the terms up in the glossary above and read the 'Who uses it' line of each.",
    explain="",
    feedback={
        "refugee": "That is the word UNHCR and human-rights groups use for some of them; China's government rejects it.",
        "defector": "That is mostly a South Korean and press word, with a political ring to it; China avoids it.",
        "crosser": "China's officials call them illegal border-crossers who came for economic reasons (lesson 03 "
                   "has their own words, dated and sourced).",
        "asylum": "Asylum seeker is a neutral legal word for someone whose claim has not been decided; China says "
                  "there is no claim to decide.",
    },
    label="China's government calls them:",
))

# --- 01 famine -----------------------------------------------------------------------

register(Question(
    qid="01.1", kind="number", answer=3_500_000 / 220_000, tolerance=0.06,
    hint="Find the DPRK's own figure and the highest figure in the explorer, then divide the larger by the smaller.",
    explain="3,500,000 / 220,000 is about 16: the highest estimate is some sixteen times the DPRK's own figure.",
    wrong=[(3_280_000, "That is the difference between the two. The question asks how many times larger: divide.")],
    label="Times larger:", placeholder="a number, e.g. 2.5",
))

register(Question(
    qid="01.2", kind="choice",
    options={
        "official": "the DPRK's official statement",
        "survey": "extrapolations from refugee surveys",
        "census": "reconstructions from the 1993 and 2008 censuses",
        "judgement": "an expert's judgement",
    },
    answer="survey",
    hint="Switch method groups off and on in the explorer and watch where each group's lines sit.",
    explain="",
    feedback={
        "official": "The DPRK's own figure (220,000) is the lowest of all. A government has reasons to keep a figure low.",
        "survey": "Refugee-survey figures run from about 2 to 3.5 million. Most refugees came from the hardest-hit "
                  "north-east, so scaling their families' losses up to the whole country probably overstates.",
        "census": "Census reconstructions give some of the lowest figures (about 240,000 to 1 million), though they "
                  "rest on censuses whose accuracy is itself debated.",
        "judgement": "Lankov's judgement (about 500,000) sits in the middle, not at the top.",
    },
    label="Which kind of estimate gives the highest figures?",
))

register(Question(
    qid="01.5", kind="number", answer=50 / 100_000 * 23_000_000, tolerance=0.03,
    hint="A rate per 100,000 times the population, divided by 100,000, gives a count.",
    explain="50 per 100,000 of 23 million is 11,500 deaths a year.",
    wrong=[(1_150, "Check the powers of ten: 23 million divided by 100,000 is 230, not 23."),
           (115_000, "Check the powers of ten: 23 million divided by 100,000 is 230, not 2,300.")],
    label="Deaths a year:",
))

register(Question(
    qid="01.6", kind="number", answer=3_500_000 / 4 / 23_000_000 * 100_000, tolerance=0.03,
    hint="Spread the deaths over the years first, then divide by the population and multiply by 100,000.",
    explain="3,500,000 over 4 years is 875,000 a year; out of 23 million that is about 3,800 per 100,000 a year, "
            "some 76 times seed 004's 50.",
    wrong=[(3_500_000 / 23_000_000 * 100_000,
            "That is the rate over the whole period. The question asks for a rate per year: divide by the 4 years.")],
    label="Per 100,000 a year:", placeholder="a rate, e.g. 250",
))

register(Question(
    qid="01.7", kind="choice",
    options={
        "year100k": "50 per 100,000 a year (as printed)",
        "year10k": "50 per 10,000 a year",
        "day100k": "50 per 100,000 a day",
        "none": "none of these readings",
    },
    answer="year10k",
    hint="Turn each reading into deaths over four years in a population of 23 million, then compare with "
         "'hundreds of thousands to 3.5 million'.",
    explain="",
    feedback={
        "year100k": "As printed, the rate gives about 11,500 a year, some 46,000 over four years: below the article's "
                    "own lower bound of 'hundreds of thousands'.",
        "year10k": "50 per 10,000 a year is 115,000 a year, about 460,000 over four years: inside the article's own "
                   "range. That does not prove it is what the author meant; it only shows a slip of one zero "
                   "would explain the clash. Flag it; do not silently 'fix' a source.",
        "day100k": "50 per 100,000 a day is about 4.2 million a year: more than the article's highest total in a "
                   "single year.",
        "none": "Try the arithmetic for each reading: one of them does land inside the article's range.",
    },
    label="Which reading fits the article's own range?",
))

register(Question(
    qid="01.4", kind="percent", answer=220_000 / 21_213_000 * 100, tolerance=0.04,
    hint="Divide the deaths by the population, then multiply by 100 for a percentage.",
    explain="220,000 out of 21,213,000 is about 1.04%: roughly one person in a hundred.",
    wrong=[(220_000 / 21_213_000, "That is the share as a fraction. Multiply by 100 to get a percentage.")],
    label="Share (%):", placeholder="a percentage, e.g. 12.5%",
))

register(Question(
    qid="01.8", kind="choice",
    options={
        "higher": "a larger share of its population than China's 1959-61 famine",
        "lower": "a smaller share than China's 1959-61 famine",
        "same": "about the same share",
    },
    answer="higher",
    hint="Open the comparison chart and read the two bars: North Korea 1995 and the Great Chinese Famine 1959.",
    explain="",
    feedback={
        "higher": "On Ó Gráda's figures, North Korea lost 3-4% of its people against about 2% in China 1959-61, "
                  "although China's famine killed far more people in total (15-18 million).",
        "lower": "Look again: in absolute numbers China's famine was far larger, but as a share of the population "
                 "Ó Gráda puts North Korea higher.",
        "same": "Read the bar ends: on Ó Gráda's figures the two shares differ.",
    },
    label="North Korea's famine killed:",
))

# --- 02 crossing the border ---------------------------------------------------------

# sources.csv, WIKI_YANBIAN notes: 2010 census "32.45% Korean of 2,271,600".
# 2_271_600 * 32.45 / 100 = 737_134.2
register(Question(
    qid="02.1", kind="number", answer=2_271_600 * 32.45 / 100, tolerance=0.02,
    hint="A percentage of a total: multiply the total population by the Korean percentage, then divide by 100.",
    explain="32.45% of 2,271,600 is about 737,000 people: fewer than the 854,000 to 900,000 reported a few years "
            "earlier by other sources, and a smaller share of a larger total.",
    wrong=[(2_271_600 * 32.45, "Check the percentage: 32.45% means 32.45 per hundred, so divide by 100."),
           (2_271_600 - 2_271_600 * 32.45 / 100,
            "That is everyone who is not Korean. The question asks for the Korean part of the population."),
           (854_000, "That is Hazel Smith's figure from a few years earlier. Work it out from the 2010 census.")],
    label="Ethnic Koreans in Yanbian, 2010:",
))

# arrivals.csv, preferred single years (year_start == year_end), 2002-2019:
# female.sum() = 23_566, total.sum() = 31_533 -> 23_566 / 31_533 * 100 = 74.73%
# (male.sum() = 7_967 -> 25.27%; women per man = 23_566 / 7_967 = 2.958)
register(Question(
    qid="02.2", kind="percent", answer=23_566 / 31_533 * 100, tolerance=0.01,
    hint="Add up the women for every year from 2002 to 2019, add up the totals for the same years, divide the "
         "first sum by the second and multiply by 100.",
    explain="23,566 of 31,533 arrivals in 2002-2019 were women, about 74.7%: three in every four. Taking "
            "2002-2025 gives almost the same, 74.8%.",
    wrong=[(23_566 / 31_533, "That is the share as a fraction. Multiply by 100 to get a percentage."),
           (7_967 / 31_533 * 100, "That is the share of men. The question asks for the share of women."),
           (23_566 / 7_967, "That is how many women arrived for every man. Divide the women by *all* arrivals."),
           (23_566 / 7_967 * 100, "That divides the women by the men. Divide the women by *all* arrivals.")],
    label="Women among arrivals, 2002-2019 (%):",
))

# arrivals.csv, preferred single years from 2002 with male > female: [2021, 2022]
# (2021: 40 men, 23 women; 2022: 35 men, 32 women; 2020: 72 men, 157 women)
register(Question(
    qid="02.3", kind="choice",
    options={
        "none": "none: women outnumbered men in every year",
        "2002": "2002 only",
        "2020_2022": "2020, 2021 and 2022",
        "2021_2022": "2021 and 2022",
    },
    answer="2021_2022",
    hint="Set the timeline to 'Counts by sex' and compare the men's and women's parts of each bar, year by "
         "year; look closely where the bars are short.",
    explain="",
    feedback={
        "none": "Look again at the years after 2019, where the bars are very short: in two of them the men's part "
                "is the larger.",
        "2002": "In 2002 women were already a majority of arrivals (632 women, 510 men). Look later in the series.",
        "2020_2022": "Close, but in 2020 women still outnumbered men, 157 to 72. Only the next two years reversed.",
        "2021_2022": "Men outnumbered women in 2021 (40 to 23) and 2022 (35 to 32), the years the border was "
                     "sealed. With so few arrivals a handful of people moves the share a long way, so do not "
                     "read a trend into two years.",
    },
    label="More men than women arrived in:",
))

# china_estimates.csv, row C25 (seed 000): measure == "other"; notes: "the wording does not say whether this
# is a stock or a flow ... No source given."
register(Question(
    qid="02.4", kind="choice",
    options={
        "stock": "a count of North Koreans living in China at one time, from Foreign Policy's own research",
        "year": "the number who crossed into China in a single year",
        "unclear": "a range with no source or method that does not say whether it counts people in China now or "
                   "everyone who crossed over several years",
        "unhcr": "UNHCR's count of North Koreans it had registered in China",
    },
    answer="unclear",
    hint="Ask three questions of the phrase: what exactly is counted, who says so, and over what time? Then "
         "read how the dataset codes row C25 and why.",
    explain="",
    feedback={
        "stock": "The item does not say it counts the people in China at one time, and it names no research or "
                 "source behind the figure.",
        "year": "'In recent years' points to several years, not one, and even that is not spelled out.",
        "unclear": "The item gives no source or method, and 'in recent years' could mean the people in China at "
                   "the time or everyone who crossed over several years. That is why the dataset codes it "
                   "'other' (row C25). The seeds also disagree with one another, and none says how its figure "
                   "was made.",
        "unhcr": "UNHCR has no access to the border area, so it could not count people there, and the item does "
                 "not attribute the figure to UNHCR.",
    },
    label="'An estimated 100,000 to 300,000 in recent years' is:",
))

# china_estimates.csv, row C28 (Phoenix Weekly 2006, 300,000-400,000): measure == "cumulative";
# notes: "Illegal entries into China since 1983: a flow over 23 years, not a stock."
register(Question(
    qid="02.5", kind="choice",
    options={
        "stock": "the number of North Koreans living in China in 2006",
        "flow": "all illegal entries into China since 1983, counted over 23 years",
        "all": "North Korean escapees everywhere, in China and elsewhere",
        "yanbian": "North Koreans in Yanbian prefecture only",
    },
    answer="flow",
    hint="Choose each kind of count in the explorer's 'Counting' menu until the line disappears or stays, or "
         "read the notes of row C28 in china_estimates.csv.",
    explain="",
    feedback={
        "stock": "Read the row's notes (C28): the figure counts entries over a period, not the people present at "
                 "one time.",
        "flow": "Phoenix Weekly counted illegal entries since 1983: a flow over 23 years. It is compatible with a "
                "much smaller stock, because people went home, moved on, were returned, or crossed more than "
                "once. Set it beside a stock and you compare the water in the bath with everything that ever ran "
                "from the tap.",
        "all": "That kind of figure exists (UNHCR's Ruud Lubbers gave about 100,000 for all escapees in 2003, row "
               "C20), but this is not one of them.",
        "yanbian": "The Yanbian-only figure in the table is Refugees International's 60,000-100,000 (row C19). "
                   "Phoenix Weekly's covers all of China.",
    },
    label="Phoenix Weekly's 300,000-400,000 counts:",
))

# china_estimates.csv: the four tests (same measure; years at most 1 apart; different estimator_type;
# overlapping low-high ranges, a missing low read as 0) are passed only by C06 + C07:
#   C06 government_china stock 2001 10,000-10,000; C07 government_rok stock 2001 10,000-30,000 -> overlap at 10,000
#   C30 government_us stock 2007 30,000-50,000; C32 academic stock 2007 6,000-16,000 -> no overlap
#   C28 news cumulative 2006 300,000-400,000; C29 ngo stock 2007 (none)-300,000 -> measures differ
#   C19 ngo other 2003 60,000-100,000; C26 seed stock 2005 50,000 -> measures differ, 2 years, no overlap
register(Question(
    qid="02.6", kind="choice",
    options={
        "gov2001": "China's government, about 10,000, and South Korea's government, 10,000-30,000 (both 2001)",
        "us_robinson": "the U.S. State Department, 30,000-50,000, and Courtland Robinson, 6,000-16,000 (both 2007)",
        "phoenix_scmp": "Phoenix Weekly, 300,000-400,000 (2006), and activists, 'up to 300,000' (2007)",
        "ri": "Refugees International, 60,000-100,000 (2003), and its vice-president in seed 003, "
              "'some 50,000' (2005)",
    },
    answer="gov2001",
    hint="For each pair, check the four tests one by one in the explorer: what each figure measures, the years, "
         "who made it, and whether the two ranges share any number.",
    explain="",
    feedback={
        "gov2001": "Both are estimates of the stock, made in 2001 by two different governments, and they overlap "
                   "at 10,000. But corroboration is only as strong as the sources' independence: both figures "
                   "reached us through one newspaper report, and both come from governments. Ask whether either "
                   "had a reason to count high.",
        "us_robinson": "Same measure, same year, different kinds of estimator, but the ranges do not overlap: "
                       "30,000-50,000 against 6,000-16,000.",
        "phoenix_scmp": "The ranges touch at 300,000, but Phoenix Weekly counts entries since 1983 (a flow) and the "
                        "activists people in China (a stock). They measure different things.",
        "ri": "One organisation both times, two years apart, and the 2003 figure covers Yanbian only; the ranges "
              "do not even overlap. Notice that 'some 50,000' for all of China sits below the 60,000-100,000 the "
              "same organisation gave for Yanbian alone.",
    },
    label="Which pair corroborates?",
))

# routes.csv: every approx_km note says "great-circle, computed from the places' coordinates; the real journey
# is longer". RT03 legs 1-2 (Yanji-Hanoi-Chiang Saen) = 3_279 + 604 = 3_883 km < 2,700 miles = 4_345 km.
register(Question(
    qid="02.7", kind="choice",
    options={
        "exaggerate": "the Washington Post exaggerated the distance",
        "straight": "the table measures straight lines between (sometimes stand-in) towns, so it is a lower bound",
        "miles": "the table gives the distance in miles, not kilometres",
        "different": "the table's route goes another way, through Mongolia",
    },
    answer="straight",
    hint="Read the notes column of the RT03 legs in routes.csv: how was approx_km worked out, and from what?",
    explain="",
    feedback={
        "exaggerate": "Some reports may (5,000 miles in one looks inflated), but 2,700 miles is in line with the "
                      "others. The gap here comes from how the table measures.",
        "straight": "Every approx_km is a great-circle distance between two points, and some points are stand-ins "
                    "(Yanji for north-east China, Hanoi for Vietnam). Real journeys follow roads and rivers and "
                    "detour around checkpoints, so a straight line is a floor, not an estimate.",
        "miles": "The column is approx_km: kilometres.",
        "different": "RT03 goes south through Vietnam and Laos; the route to Mongolia is RT01.",
    },
    label="The table's figure is smaller because:",
))

# arrivals.csv, preferred single years: 2019 = 1_047 (A60), 2020 = 229 (A62)
# (1_047 - 229) / 1_047 * 100 = 78.13%
register(Question(
    qid="02.8", kind="percent", answer=(1_047 - 229) / 1_047 * 100, tolerance=0.02,
    hint="Take the 2020 figure from the 2019 figure, divide the difference by the 2019 figure (the starting "
         "year) and multiply by 100.",
    explain="From 1,047 to 229 is a fall of 818 people, about 78.1%: fewer than a quarter as many people arrived "
            "in 2020 as in 2019.",
    wrong=[(-(1_047 - 229) / 1_047 * 100, "Right size, but the question asks how much arrivals fell: give the fall "
                                           "as a positive percentage."),
           (229 / 1_047 * 100, "That is the share that remained. The fall is 100% minus that."),
           (1_047 - 229, "That is the fall in people. Turn it into a percentage of the 2019 figure."),
           ((1_047 - 229) / 229 * 100, "You divided by the 2020 figure. Measure a change from the starting "
                                       "year, 2019.")],
    label="Fall from 2019 to 2020 (%):",
))

# --- 03 china's position -----------------------------------------------------------

# statements.csv, row ST02: speaker "Unnamed Chinese official"; venue "Interview with the Christian Science
# Monitor"; source_id S004 (seed 004 quoting the CSM of 9 Jun 2000); notes "Second-hand: seed 004 quoting the
# CSM. The date is the newspaper's, not the remark's."
register(Question(
    qid="03.1", kind="choice",
    options={
        "briefing": "a foreign ministry spokesperson, on the record at a regular press briefing in Beijing",
        "anon": "an unnamed official quoted by an American newspaper in June 2000, which we read only through "
                "seed 004; the date is the newspaper's, not the remark's",
        "un": "China's written submission to a UN committee",
        "seymour": "James Seymour's own summary of China's view in seed 004, not a quotation",
    },
    answer="anon",
    hint="Find row ST02 in the statements browser and read four fields: speaker, venue, source and notes. "
         "Who said it, to whom, and how did it reach us?",
    explain="",
    feedback={
        "briefing": "No spokesperson is named, and it was not said at a briefing: read the speaker and venue of "
                    "row ST02. On-the-record briefings come later in the record (for example ST08, 2003).",
        "anon": "The speaker is not named, the words were given to the Christian Science Monitor, and we have them "
                "only because seed 004 quotes the newspaper. Use them, but attribute them as 'an unnamed official "
                "told the Christian Science Monitor', not as the foreign ministry's words.",
        "un": "China's written words to a UN committee are row ST23 (the 'food shortage' line). This one was "
              "spoken to a newspaper.",
        "seymour": "The words are inside quotation marks in seed 004 and attributed to 'one official', with the "
                   "newspaper named as the source. Seymour is quoting, not summarising.",
    },
    label="The 'thousands or millions' line is:",
))

# statements.csv, country == "CN": the illegal_economic_migrants theme runs from ST01 (Jan 2000) and ST04
# (2002-03-14, "not refugees") to ST30-ST32 (Jan and Jul 2024); ST33 (Jul 2024) accepts non-refoulement as a norm
# (single source, KBSDE2024JUL) while ST32 rejects the ROK recommendation; ST18's release was "an exception"
# (CHOSUN2012APR04, per the row's notes).
register(Question(
    qid="03.2", kind="choice",
    options={
        "same": "the core stayed the same: illegal border-crossers who came for economic reasons, not refugees, "
                "from 2000 to 2024; the wording and the venues changed around it",
        "hardened": "it hardened: around 2000 China accepted that some North Koreans were refugees, and later "
                    "denied it",
        "softened": "it softened: by 2024 China accepted that non-refoulement protects North Koreans in China",
        "changed2012": "it changed in 2012, when China let people sheltering in South Korean missions leave for Seoul",
    },
    answer="same",
    hint="Set the browser's period to the earliest years, then to the latest, and compare what China says about "
         "status each time. Then ask whether any later statement says these people are covered by a protection.",
    explain="",
    feedback={
        "same": "From the seven in January 2000 to the UN review of 2024, China has said 'not refugees'. What "
                "changed is around the core: UN venues as well as press briefings, 'so-called defectors' in 2023, "
                "and (by one report) acceptance of non-refoulement as a norm in 2024, alongside the denial that "
                "these people are refugees.",
        "hardened": "In January 2000 China was already returning people UNHCR had recognised as refugees and, by "
                    "seed 004's account, insisting they were not refugees (row ST01). There was no earlier, softer "
                    "position to harden from.",
        "softened": "China reportedly accepted non-refoulement as a norm in 2024 (row ST33, a single source), but in "
                    "the same response it rejected South Korea's recommendation to protect North Korean escapees "
                    "and repeated that they are not refugees (ST32). It accepts the principle and denies that it "
                    "applies to these people.",
        "changed2012": "Letting groups in foreign missions leave happened in 2002 as well, and in 2012 China stressed "
                       "that the release was an exception (row ST18). Practice flexed in single cases; the stated "
                       "position did not move.",
    },
    label="Between 2000 and 2024 China's position:",
))

# bilateral_instruments.csv: BI1964 exemptions "people forced across by natural disasters are not treated as
# illegal crossers, unless they are criminals"; BI1998 exemptions "People who cross because of disasters or other
# unavoidable circumstances ... are not illegal crossers"; BI1986 exemptions "The text separates criminals ...
# from ordinary crossers". BI1964 is known from Chinese archives (WILSON1964); BI1960 has no text.
register(Question(
    qid="03.3", kind="choice",
    options={
        "text": "what the 1964 and 1998 protocols require",
        "practice": "Chinese practice that goes further than the known texts literally require",
        "convention": "what the Refugee Convention allows, because hunger is not one of its grounds",
        "unknown": "impossible to judge, because no text of any of the protocols is known",
    },
    answer="practice",
    hint="Read the 'exemptions' column of rows BI1964, BI1986 and BI1998 in bilateral_instruments.csv. Does "
         "'every North Korean' fit them?",
    explain="",
    feedback={
        "text": "The protocols do provide for returning illegal crossers, but the 1964 text (Art 4) and the 1998 "
                "revision exempt people forced across by disasters, and the 1986 text separates criminals from "
                "ordinary crossers. 'Every', famine crossers included, goes beyond the words.",
        "practice": "The known texts provide for returns but exempt people driven across by disasters (1964, 1998). "
                    "Returning everyone, famine crossers included, is how China applies them, not what they say. "
                    "China's best reply is interpretive: a chronic food shortage is not a 'disaster' in the "
                    "clause's sense.",
        "convention": "The claim is about China's agreements with North Korea, not about the Convention. And the "
                      "Convention's non-refoulement rule, like CAT Art 3, is applied person by person; it does not "
                      "license returning a whole group.",
        "unknown": "The 1964 protocol survives in Chinese archives, and the 1986 and 1998 texts were leaked and "
                   "reported in detail. It is the reported '1960 treaty' that has no known text.",
    },
    label="The claim describes:",
))

# treaty_status.csv: CN REFCONV1951 accession 1982-09-24; bilateral_instruments.csv: BI1998 date_text
# "Jul 1998, Beijing (day not reported)". Any day in July 1998 falls before the anniversary of 24 September, so the
# full years are 1998 - 1982 - 1 = 15. (Subtracting the years alone gives 16.)
register(Question(
    qid="03.4", kind="number", answer=15, tolerance=0.02,
    hint="Count anniversaries of the accession date, one by one, and stop at July 1998. Does July come before or "
         "after the month of the accession?",
    explain="From 24 September 1982 to 24 September 1997 is fifteen years, and July 1998 comes before the next "
            "anniversary. China had been a party for fifteen full years when its police ministry re-signed the "
            "return protocol.",
    wrong=[(16, "That subtracts the calendar years (1998 - 1982). Count full years: July 1998 comes before the "
                "anniversary of 24 September, so the sixteenth year was not complete."),
           (9, "That counts from the Convention against Torture (in force November 1988). The question asks about "
               "the Refugee Convention, which China joined in 1982."),
           (18, "That is the gap between the 1964 protocol and China's accession. The question asks about the 1998 "
                "revision.")],
    label="Full years:", placeholder="a whole number, e.g. 7",
))

# treaty_status.csv, state == "CN", entry_into_force on or before 2000-01-11 (events.csv EV14: "by 11 January
# 2000"): REFCONV1951 (1982-12-23), PROTOCOL1967 (1982-09-24), CAT (1988-11-03). Not yet: ICESCR (in force
# 2001-06-27; deposit 2001-03-27). ICCPR: signature 1998-10-05 and not_party.
register(Question(
    qid="03.5", kind="choice",
    options={
        "all": "the Refugee Convention and Protocol, the Convention against Torture, the ICESCR and the ICCPR",
        "three": "the Refugee Convention and Protocol and the Convention against Torture, but neither Covenant",
        "refugee_only": "the Refugee Convention and Protocol only",
        "plus_icescr": "the Refugee Convention and Protocol, the Convention against Torture and the ICESCR, "
                       "but not the ICCPR",
    },
    answer="three",
    hint="For each treaty, find the date from which it bound China (entry into force, not signature) and compare "
         "it with January 2000.",
    explain="",
    feedback={
        "all": "China had signed both Covenants (1997 and 1998), but signing does not make a state a party. The "
               "ICESCR bound China only from June 2001, and the ICCPR has never been ratified.",
        "three": "The Refugee Convention and Protocol had bound China since 1982 and the CAT since 3 November 1988. "
                 "The ICESCR followed only in 2001 (deposit 27 March, in force 27 June), and the ICCPR is signed "
                 "but not ratified. So the treaty arguments open in January 2000 were Art 33 and CAT Art 3.",
        "refugee_only": "China ratified the Convention against Torture in October 1988, and it entered into force "
                        "for China on 3 November 1988, more than eleven years before the seven were returned.",
        "plus_icescr": "China had only signed the ICESCR by then (1997). It deposited its ratification on "
                       "27 March 2001, and the Covenant bound China from 27 June 2001, about a year and a half later.",
    },
    label="In January 2000 China was a party to:",
))

# bilateral_instruments.csv, BI1995 provisions: "Art III(5): UNHCR personnel may at all times have unimpeded
# access to refugees and to UNHCR project sites, 'in consultation and cooperation with the Government'."
# NKR_ARBITRATION (advocates) omits the qualifier; no clause requires written permission; the agreement does
# contain an access clause.
register(Question(
    qid="03.6", kind="choice",
    options={
        "short": "UNHCR staff may at all times have unimpeded access to refugees.",
        "full": "UNHCR staff may at all times have unimpeded access to refugees and to UNHCR project sites, "
                "'in consultation and cooperation with the Government'.",
        "permission": "UNHCR staff may visit refugees only with written permission from the Ministry of "
                      "Public Security.",
        "none": "The agreement gives UNHCR no access to refugees; it only upgrades UNHCR's office.",
    },
    answer="full",
    hint="Read the 'provisions' of row BI1995 in bilateral_instruments.csv, or section 4 again, and check each "
         "paraphrase for words that were dropped or added.",
    explain="",
    feedback={
        "short": "This is the advocates' paraphrase: it keeps 'at all times' but drops 'in consultation and "
                 "cooperation with the Government', the words China relies on.",
        "full": "It keeps the qualifier. What the qualifier means, a right for China to refuse or only a duty for "
                "UNHCR to coordinate, is the real dispute; but you can only argue it once the whole clause is on "
                "the table.",
        "permission": "Nothing in the clause mentions written permission or the Ministry of Public Security. That "
                      "reads China's position into the text.",
        "none": "The agreement does upgrade the office, but Art III(5) is an access clause. Saying it gives no "
                "access overstates China's reading.",
    },
    label="A faithful paraphrase of Art III(5):",
))

# repatriations.csv, rows R01-R03 (forced_return, DONGA2004): 589 (1996) + 5_439 (1997) + 6_300 (1998) = 12_328
register(Question(
    qid="03.7", kind="number", answer=589 + 5_439 + 6_300, tolerance=0.01,
    hint="Take the 'low' figure of each of the three rows (for these rows low and high are equal) and add them.",
    explain="589 + 5,439 + 6,300 = 12,328 returns in three years, by the count of a research institute under "
            "China's own State Council, known to us only through a South Korean newspaper.",
    wrong=[(5_439 + 6_300, "That leaves out 1996. Add all three years, 1996 to 1998."),
           (589 + 5_439 + 6_300 + 7_000, "That adds seed 004's figure for 1999. The question asks for 1996-98 "
                                          "only, from the State Council institute."),
           (589 + 6_300, "That leaves out 1997. Add all three years.")],
    label="Returns recorded, 1996-98:",
))

# --- 04 the treaty arguments ---------------------------------------------------------

# treaty_articles.csv, RC-1A2 notes: "Hunger or poverty is not one of the five grounds"; PR-I (binds_cn_since
# 1982-09-24) removes the pre-1951 dateline; RC-33-1 notes: protects refugees "whether or not a state has formally
# recognised them" (ROUNDTABLE2001). cases.csv, CS05: crossed 1997 "because her family had nothing to eat";
# outside_country == "yes".
register(Question(
    qid="04.1", kind="choice",
    options={
        "outside": "She was not outside her country of nationality.",
        "ground": "Hunger is not persecution for one of the five Convention reasons.",
        "dateline": "The definition covers only people who fled events before 1 January 1951.",
        "applied": "She had not asked China for protection, so she could not be a refugee.",
    },
    answer="ground",
    hint="Go through the five elements in the table of section 1 one by one for the moment she crossed, and check "
         "each option against the text and against the 1967 Protocol.",
    explain="",
    feedback={
        "outside": "She was in China, so element 1 is met. That is the one element every North Korean in China meets.",
        "ground": "She left because there was no food, and nobody had targeted her for her race, religion, "
                  "nationality, social group or political opinion. This is China's textual point, and it is sound "
                  "at the moment of crossing. Section 2 asks whether it is still true after years abroad.",
        "dateline": "That limit was in the 1951 text, but Art I of the 1967 Protocol removed it, and China acceded "
                    "to the Protocol in 1982.",
        "applied": "The definition describes a person's situation, not an application, and Art 33 protects "
                   "refugees whether or not a state has formally recognised them.",
    },
    label="At the moment she crossed, she was not a refugee because:",
))

# statements.csv, ST38: Ruud Lubbers, 2003-09-29, quote "may well be considered refugees" (KBS2003SEP30).
# ST35 notes: seed 004's "regardless of their motivation" is "not found in any UNHCR source"; arguments.csv AN02:
# UNHCR has never declared all North Koreans refugees. ST39 (Guterres 2006): most cross for economic reasons, but
# punishment on return raises a protection problem.
register(Question(
    qid="04.2", kind="choice",
    options={
        "regardless": "\"The fact that these North Koreans have refused to be repatriated makes them refugees "
                      "regardless of their motivation of escape\" (UNHCR's position, as quoted in seed 004, 2000)",
        "maywell": "North Koreans who flee \"may well be considered refugees\" (High Commissioner Ruud Lubbers, "
                   "to UNHCR's Executive Committee, 29 September 2003)",
        "all": "All North Koreans in China are refugees on a prima facie basis (UNHCR, 2012)",
        "economic": "North Koreans in China are economic migrants and so not of concern to UNHCR "
                    "(High Commissioner Antonio Guterres, 2006)",
    },
    answer="maywell",
    hint="Find UNHCR's own statements in the table of section 2 (or in statements.csv) and read their notes. "
         "Which wording comes from a UNHCR source, and which only from someone else quoting UNHCR?",
    explain="",
    feedback={
        "regardless": "These words appear only in seed 004, attributed to UNHCR; they were not found in any UNHCR "
                      "source. Do not quote them as UNHCR's until the original is found.",
        "maywell": "A verified statement, and a careful one: 'may well', not 'are'. UNHCR's wording elsewhere is "
                   "just as careful ('some of whom definitely meet the criteria', 2000).",
        "all": "UNHCR has not said this in any of our sources. In 2012 it spoke of 'detained North Koreans' and "
               "asked China to uphold non-refoulement.",
        "economic": "Guterres accepted that most cross for economic reasons, but in the same press conference he "
                    "said that punishment for illegal exit can be severe and raises a problem of protection. He did "
                    "not say they are of no concern to UNHCR.",
    },
    label="A verified UNHCR statement:",
))

# treaty_articles.csv, RC-33-2 paraphrase: exceptions for "a danger to the security of the host country" or, "after
# a final conviction for a particularly serious crime", a danger to its community. arguments.csv AM05 strength_note:
# "the Refugee Convention contains no mass-influx exception to Art 33". RC-31: no penalties for illegal entry.
register(Question(
    qid="04.3", kind="choice",
    options={
        "illegal": "a refugee who crossed the river at night, without papers",
        "economic": "a person who crossed for food and work",
        "crime": "a refugee convicted by a final judgment of a particularly serious crime, who is a danger to "
                 "the community in China",
        "influx": "any refugee, once so many have arrived that they threaten stability in the border region",
    },
    answer="crime",
    hint="Read Art 33(2) in the table of section 3. It names two kinds of person. Does it say anything about how "
         "people entered, why they left, or how many came?",
    explain="",
    feedback={
        "illegal": "Illegal entry is not an exception to Art 33. Art 31 even forbids penalising refugees for it, if "
                   "they meet its conditions.",
        "economic": "That is a question of status, not of exception: Art 33(2) removes protection from people who "
                    "are refugees. Whether someone who crossed for food is a refugee is the question of section 1 "
                    "and of the sur place argument.",
        "crime": "This is the second exception in Art 33(2). It concerns one person after a final conviction, China "
                 "has never invoked it for North Koreans, and CAT Art 3 would still forbid the return if there were "
                 "substantial grounds to fear torture.",
        "influx": "There is no exception for large numbers in Art 33(2). China's fear of a mass influx is a real "
                  "policy concern, but it is not a ground in the text.",
    },
    label="Art 33(2) would allow China to return:",
))

# treaty_articles.csv, ICESCR-11 binds_cn_since 2001-06-27; treaty_status.csv CN ICESCR: signature "Oct 1997",
# ratification (deposit) 2001-03-27, NPC approval 28 Feb 2001 (notes); sources.csv S004 date 2000-07-20.
register(Question(
    qid="04.4", kind="choice",
    options={
        "signed": "Yes: China had signed the ICESCR in 1997, and a signature binds a state.",
        "no2001": "No: China deposited its ratification on 27 March 2001, and the Covenant bound China from "
                  "27 June 2001.",
        "npc": "Yes: China's National People's Congress had approved the Covenant before July 2000.",
        "never": "No, and it still does not: China has signed the ICESCR but never ratified it.",
    },
    answer="no2001",
    hint="Find China's rows for the ICESCR in the timeline or in treaty_status.csv. Which action makes a state a "
         "party, and from which date does the treaty bind it? Compare that date with the date of seed 004.",
    explain="",
    feedback={
        "signed": "A signature shows an intention to join and obliges a state not to defeat the treaty's purpose, "
                  "but it does not make the state a party bound by its articles.",
        "no2001": "Seed 004 was written on 20 July 2000, almost a year before the Covenant bound China. Its "
                  "food argument was a moral one then; it is a treaty argument now, though still not a rule "
                  "against returns.",
        "npc": "The NPC Standing Committee approved the Covenant on 28 February 2001, seven months after seed 004, "
               "and that domestic approval is not the international date in any case.",
        "never": "That is true of the other Covenant, the ICCPR. China ratified the ICESCR in 2001.",
    },
    label="On 20 July 2000, ICESCR Art 11 bound China:",
))

# treaty_articles.csv, ICCPR-12: binds_kp_since 1981-12-14, binds_cn_since empty. treaty_status.csv: KP ICCPR
# withdrawal_attempt (Aug 1997; no effect, HRC_GC26_EN); CN ICCPR signature 1998-10-05 and not_party.
register(Question(
    qid="04.5", kind="choice",
    options={
        "both": "both North Korea and China",
        "dprk": "North Korea only: it has been a party since 1981 and could not withdraw; China has signed but "
                "not ratified",
        "china": "China only: North Korea withdrew from the Covenant in 1997",
        "neither": "neither: the right to leave is a moral principle, not a treaty obligation",
    },
    answer="dprk",
    hint="Look up the ICCPR for both states in the timeline or in treaty_status.csv, and read the note on what "
         "happened in 1997. Remember the difference between signing and becoming a party.",
    explain="",
    feedback={
        "both": "China signed the ICCPR in 1998 but has not ratified it, so it is not bound by Art 12 as a party.",
        "dprk": "North Korea has been bound since 14 December 1981, and its 1997 withdrawal had no effect because "
                "the Covenant cannot be denounced. Criminalising exit is North Korea's breach; China's returns may "
                "help enforce it, but China does not breach Art 12.",
        "china": "Both halves are wrong. North Korea tried to withdraw in 1997, but the UN Human Rights Committee "
                 "holds that the Covenant cannot be denounced; and China has never ratified it.",
        "neither": "Art 12(2) is a treaty provision: 'Everyone shall be free to leave any country, including his "
                   "own'. It binds every party to the ICCPR, North Korea included.",
    },
    label="ICCPR Art 12 binds, as a party:",
))

# cases.csv, CS03 (composite): convention_ground, persecution, well_founded_fear "arguable"; cat_art3_applies "yes";
# art31_applies "no". treaty_articles.csv: CAT-3 absolute TRUE, binds_cn_since 1988-11-03; ICCPR-12 binds_cn_since
# empty; ICESCR-11 notes "Not a non-refoulement rule".
register(Question(
    qid="04.6", kind="choice",
    options={
        "rc33": "Refugee Convention Art 33(1), non-refoulement",
        "rc31": "Refugee Convention Art 31, no penalties for illegal entry",
        "cat3": "Convention against Torture Art 3",
        "icescr11": "ICESCR Art 11, the right to food",
        "iccpr12": "ICCPR Art 12, the right to leave any country",
    },
    answer="cat3",
    hint="For each instrument ask three things: does it bind China, does it forbid sending someone back, and does "
         "it need him to be a refugee or to fear persecution for a Convention reason?",
    explain="",
    feedback={
        "rc33": "Art 33(1) protects him only if he is a refugee, and for him fear, persecution and a Convention "
                "ground are all merely arguable. It is a real argument, but not his strongest.",
        "rc31": "Art 31 concerns penalties for illegal entry, not return, and it protects only refugees who present "
                "themselves to the authorities without delay. He did not.",
        "cat3": "It asks only whether there are substantial grounds to believe he would be tortured: no Convention "
                "ground, no exceptions, and it has bound China since 1988. His motive does not matter. China's "
                "answer must be about the facts of his case, which means looking at him.",
        "icescr11": "Art 11 (binding on China since 2001) protects the right to food, but it is not a rule against "
                    "sending anyone back.",
        "iccpr12": "Art 12 binds North Korea, not China, which has signed the ICCPR but not ratified it.",
    },
    label="His strongest protection against return:",
))

# arguments.csv: AR09 (source WILSON1964, more DONGA2007JAN23) "the 1964 and 1998 instruments exempt people forced
# across by disasters"; AR08 notes "The 'Vienna Convention' framing was dropped: no source retrieved here applies
# the VCLT's conflict rules"; bilateral_instruments.csv BI1964 exemptions mention "disasters".
register(Question(
    qid="04.7", kind="choice",
    options={
        "vienna": "Under the Vienna Convention on the Law of Treaties, the 1998 protocol is void because it "
                  "conflicts with the Refugee Convention.",
        "exempt": "As known from archives and leaks, the 1964 protocol and the 1998 revision exempt people forced "
                  "across by disasters.",
        "none": "China has no agreement with North Korea on illegal border-crossers; the 'treaty' is a myth.",
        "require": "The protocols require China to return every North Korean it catches, famine crossers included.",
    },
    answer="exempt",
    hint="For each statement ask: is it about what a known text says, or is it a legal conclusion about the text? "
         "Then check the texts described in section 5 and in lesson 03.",
    explain="",
    feedback={
        "vienna": "This is a legal conclusion that no source in this curriculum supports. Attribute the point "
                  "instead: China's critics argue that international law overrides such obligations (seed 004).",
        "exempt": "This is what the known texts say, with the qualifier that keeps it accurate: the 1964 protocol "
                  "survives in Chinese archives and the 1998 text was leaked.",
        "none": "The 1964 protocol survives in Chinese archives, and the 1986 and 1998 texts were leaked and "
                "reported in detail. It is the reported '1960 treaty' that has no known text.",
        "require": "This overstates the texts: the 1964 and 1998 instruments exempt people driven across by "
                   "disasters. Returning everyone is Chinese practice, not a clause anyone has found.",
    },
    label="You may state as a sourced fact:",
))

# arguments.csv AN03: "The COI is an inquiry, not a court: it found crimes against humanity by the DPRK and warned
# China, but found no crime by China." statements.csv ST45 quote "aiding and abetting crimes against humanity";
# ST47 (recommendations to 'China and other States'); ST21 China "cannot accept this accusation".
register(Question(
    qid="04.8", kind="choice",
    options={
        "true": "None: the sentence is accurate.",
        "dprk": "The Commission, which is not a court, found crimes against humanity by North Korea, including "
                "against people returned from China; it warned that Chinese officials could be aiding and "
                "abetting them, and made recommendations to China.",
        "nothing": "The Commission made no findings and no recommendations about China at all; its report was "
                   "only about North Korea.",
        "complicit": "The Commission found China complicit in crimes against humanity, but not guilty of them.",
    },
    answer="dprk",
    hint="Read the paragraphs 'What it told China', 'The warning' and 'What it did not find' in section 6. Is a "
         "warning the same as a finding, and is an inquiry a court?",
    explain="",
    feedback={
        "true": "The Commission is not a court and found no crime by China. It found crimes against humanity by "
                "North Korea, and for China it issued a warning and recommendations.",
        "dprk": "Accurate on all three counts: what it found, whom it found it against, and what it said to China. "
                "A warning that officials 'could be aiding and abetting' is not a finding of guilt.",
        "nothing": "This over-corrects. The Commission described China's 'rigorous policy' of forced return, "
                   "made recommendations to 'China and other States', and warned of aiding and abetting.",
        "complicit": "It made no finding of complicity. It warned that officials could be aiding and abetting, "
                     "which is a warning about a possibility, not a finding.",
    },
    label="The accurate correction:",
))

# argument_links.csv, to_arg == "AM02" and relation == "rebuts": L02 (AR01), L05 (AR03), L22 (AR10).
# AR08 and AR09 rebut AM03 (L09, L10); AN06 qualifies AM01 (L04); AR06 rebuts AM08 (L07); AN03 qualifies AR06 (L08).
register(Question(
    qid="04.10", kind="choice",
    options={
        "r": "AR01, AR03 and AR10",
        "q": "AM01 and AN06",
        "b": "AR08 and AR09",
        "c": "AR06 and AN03",
    },
    answer="r",
    hint="Choose AM02 in the map and follow only the links marked 'rebuts' that point at it. Links marked "
         "'supports' or 'qualifies' do not count.",
    explain="",
    feedback={
        "r": "Sur place (AR01) moves the test to the risk on return; UNHCR's findings (AR10) show that some North "
             "Koreans meet the definition; CAT Art 3 (AR03) makes the definition beside the point. Legally AR03 is "
             "the strongest, because it does not need to win the argument about persecution.",
        "q": "AM02 supports AM01 (it is on the same side), and AN06 qualifies AM01. Neither rebuts AM02.",
        "b": "AR08 and AR09 rebut a different claim, AM03, about China's obligations under the border protocols.",
        "c": "AR06 rebuts AM08 (the claim that not every returnee is persecuted), and AN03 qualifies AR06.",
    },
    label="The claims that rebut AM02:",
))

# --- 05 responses and debate --------------------------------------------------------

# statements.csv: ST35 (UNHCR, 2000-01-13) quote "some of whom definitely meet the criteria for refugee status";
# ST38 (Lubbers, 2003-09-29) quote "may well be considered refugees"; ST37 and ST42 (theme access): no regular
# access, "We don't have access to the North Koreans at the border area"; arguments.csv AN02 "UNHCR has never
# declared all North Koreans in China to be refugees".
register(Question(
    qid="05.1", kind="choice",
    options={
        "all": "UNHCR has declared all North Koreans in China to be refugees, and China ignores it",
        "some": "UNHCR says some of them clearly meet the refugee criteria and none should be returned before their "
                "need for protection is assessed, but it has no regular access to them near the border",
        "migrants": "UNHCR accepts China's view that they are economic migrants, and so does not intervene",
        "access": "UNHCR interviews North Koreans in the border area under the 1995 agreement and refers refugees "
                  "to South Korea",
    },
    answer="some",
    hint="Read UNHCR's statements in section 1 for the small words: who is said to meet the criteria, how "
         "firmly, and what UNHCR says about reaching them.",
    explain="",
    feedback={
        "all": "UNHCR's words are more careful than that: 'some of whom definitely meet the criteria' (2000), 'may "
               "well be considered refugees' (2003). It has never declared North Koreans refugees as a group.",
        "some": "'Some' clearly qualify (2000); those who flee 'may well' be refugees (2003); nobody should be sent "
                "back 'until their need for protection is properly assessed' (2012). And UNHCR has said it has no "
                "access at the border and no first-hand information.",
        "migrants": "UNHCR has not accepted that label: it protested returns in 2000, said in 2003 that North "
                    "Koreans who flee may well be refugees, and in 2012 asked China to respect non-refoulement.",
        "access": "The 1995 agreement gives access only 'in consultation and cooperation with the Government', and "
                  "UNHCR has said it has no access to North Koreans in the border area.",
    },
    label="UNHCR's stated position:",
))

# statements.csv: ST54 (KR, date_text "Late Feb 2012 (HRC 19th session ...)", summary "For the first time Seoul raised
# forced repatriation at the Human Rights Council") and ST56 (KR, 2024-01-23, "For the first time at China's UPR");
# events.csv EV30 (year 2012) and EV40 (2024-01-23). COI report: EV32 (2014).
register(Question(
    qid="05.2", kind="choice",
    options={
        "2002_2014": "2002 and 2014",
        "2012_2024": "2012 and 2024",
        "2014_2019": "2014 and 2019",
        "2012_2014": "2012 and 2014",
    },
    answer="2012_2024",
    hint="Find the two 'first time' events in section 1's paragraphs on South Korea, or in the events table of "
         "section 2. One came during the Shenyang arrests; the other at China's own review.",
    explain="",
    feedback={
        "2002_2014": "2002 was the year of the embassy entries in Beijing; Seoul was still practising 'silent "
                     "diplomacy' then. And 2014 is the Commission of Inquiry's report, which was not South Korea's "
                     "initiative.",
        "2012_2024": "Seoul first raised forced returns at the Human Rights Council in late February 2012, during "
                     "the Shenyang arrests, and first recommended at China's own Universal Periodic Review, on 23 "
                     "January 2024, that China protect North Korean escapees.",
        "2014_2019": "Neither year fits. 2014 is the Commission of Inquiry's report; our sources record no South "
                     "Korean first in 2019.",
        "2012_2014": "2012 is right for the Human Rights Council. But 2014 is the Commission of Inquiry's report; "
                     "South Korea's recommendation at China's own review came ten years later.",
    },
    label="First at the Council, first at China's review:",
))

# roles.csv RL06 key_facts: "the US resettled only 37 North Koreans from 2004 through 2007, while South Korea
# resettled 5,961 from the end of 2004 through 2007 [USPL110_346]". 5_961 / 37 = 161.1.
# (MOU's own figures for 2005-2007 in arrivals.csv: 1,384 + 2,028 + 2,554 = 5,966.)
register(Question(
    qid="05.3", kind="number", answer=5_961 / 37, tolerance=0.03,
    hint="Find the two resettlement figures for 2004-2007 in the United States role card or in the paragraph "
         "on the United States, then divide the South Korean figure by the American one.",
    explain="5,961 / 37 is about 161: some 160 North Koreans resettled in South Korea for each one resettled in "
            "the United States, by Congress's own count.",
    wrong=[(5_961 - 37, "That is the difference between the two figures. The question asks how many for every "
                        "one: divide."),
           (37 / 5_961, "That is the division upside down: divide South Korea's figure by the American one."),
           (5_961 / 122, "That uses 122, Cohen's count of US admissions up to 2011. Use Congress's two figures "
                         "for the same years, 2004 to 2007.")],
    label="North Koreans resettled in South Korea for every one in the US:", placeholder="a number, e.g. 12",
))

# events.csv EV37 notes: "more than 500 (HRW, RFA sources) or about 600 (Justice For North Korea; TJWG). South
# Korea's MOU confirmed a large number but gave no figure"; repatriations.csv R18 "more than 500 (mostly women)",
# R19 "about 600 (mostly women)", R32 "about 2,600" (returns since late August, a single NGO claim).
register(Question(
    qid="05.4", kind="choice",
    options={
        "600": "\"On 9 October 2023 China sent 600 North Koreans back.\"",
        "range": "\"On 9 October 2023 China returned more than 500 North Koreans by Human Rights Watch's count, or "
                 "about 600 by two other NGOs' counts, most of them women; South Korea confirmed many returns but "
                 "gave no figure.\"",
        "2600": "\"On 9 October 2023 China returned about 2,600 North Koreans, according to an NGO.\"",
        "nothing": "\"China denied that there are any defectors in China, so the reports cannot be trusted.\"",
    },
    answer="range",
    hint="Lesson 01's rule: for a disputed number, who counted, how many different counts are there, and do they "
         "all measure the same thing? Look at the row for 9 October 2023 in section 2's table.",
    explain="",
    feedback={
        "600": "About 600 is one count (Justice For North Korea, the Transitional Justice Working Group). Human "
               "Rights Watch counted more than 500. A single round figure, with no counter named, hides the "
               "disagreement.",
        "range": "It gives the range, names who counted, and adds what the South Korean government did and did "
                 "not confirm. That is how to report a disputed count.",
        "2600": "About 2,600 is a single NGO's claim about all returns since late August 2023, not about one "
                "night, and it is far above every other count. It measures a different thing.",
        "nothing": "China's spokesman said there were no 'so-called defectors' in China; he did not address the "
                   "reports of returns. A denial of a label is not evidence that the event did not happen.",
    },
    label="The most accurate version:",
))

# comments.csv: CM02 move "whataboutism"; CM06 "other", CM07 "fair_point", CM09 "fair_point". The labels are the
# excerpts, verbatim from the seed.
register(Question(
    qid="05.5", kind="choice",
    options={
        "CM02": "CM02: \"but r we forgetting the pain millions of palestine refugees have to endure?\"",
        "CM06": "CM06: \"They have no moral high ground in foreign diplomacy with such callous disregard for human "
                "lives.\"",
        "CM07": "CM07: \"Considering the DMZ is the worlds most militarised zone\"",
        "CM09": "CM09: \"You can check out their web-site to find out what those who attend the hearing say.\"",
    },
    answer="CM02",
    hint="Ask of each passage: does it stay on what China does with North Koreans, or does it point to a "
         "different wrong somewhere else?",
    explain="",
    feedback={
        "CM02": "It answers criticism of China by pointing to a different group of refugees elsewhere. Even if "
                "everything it says were true, China's returns would be no more and no less lawful.",
        "CM06": "This one stays on China: it condemns China's treatment of the refugees and charges it with "
                "inconsistency (envoys to Syria). A moral charge, not a change of subject.",
        "CM07": "This answers another comment on its merits: the DMZ is not a way out. It is a fair point, "
                "though its '70 years' is wrong (the DMZ dates from 1953).",
        "CM09": "This points readers to evidence, a US commission's hearing. It changes nothing about the subject.",
    },
    label="The clearest whataboutism:",
))

# comments.csv: CM04 excerpt "every freedom and human hound dogs just cant wait to pounce on it", move "ad_hominem".
register(Question(
    qid="05.6", kind="choice",
    options={
        "whataboutism": "whataboutism",
        "tu_quoque": "tu quoque",
        "ad_hominem": "ad hominem",
        "fair_point": "a fair point",
    },
    answer="ad_hominem",
    hint="Whom or what does the passage attack: a different wrong elsewhere, the critics' own conduct, the "
         "critics' motives, or the critics' evidence?",
    explain="",
    feedback={
        "whataboutism": "It does not point to another wrong elsewhere; it stays with China's critics and questions "
                        "why they speak up.",
        "tu_quoque": "It does not say the critics do the same thing; it says they are eager to attack China. That "
                     "is about motives, not about matching conduct.",
        "ad_hominem": "It attacks the critics' supposed motives ('hound dogs' eager to 'pounce') instead of what they "
                      "argue. A motive can be a reason to check a claim, never a reason to reject it.",
        "fair_point": "It offers no evidence and corrects no fact; the questions of what returnees face and what "
                      "China's treaties require are left exactly where they were.",
    },
    label="The move:",
))

# comments.csv: CM03 (the 23:04 reply quoting CM06) move "tu_quoque"; CM06 move "other".
register(Question(
    qid="05.7", kind="choice",
    options={
        "refutes": "It refutes CM06: if American critics are inconsistent, China's critics lose their case",
        "tu_quoque": "It is tu quoque: even if the critic's side were inconsistent, that would not show that China's "
                     "returns are lawful or right",
        "ad_hominem": "It is ad hominem: it insults the earlier commenter personally",
        "fair": "It is a fair point, because it names evidence about Saudi Arabia and Bahrain",
    },
    answer="tu_quoque",
    hint="Ask what the reply would prove if every word of it were true, and whether that is what CM06 claimed.",
    explain="",
    feedback={
        "refutes": "Another party's inconsistency, even if real, does not make China's conduct right: both can be "
                   "wrong. The reply never addresses what happens to the people China returns.",
        "tu_quoque": "It answers a criticism by accusing the critic's side (assumed, without evidence, to be "
                     "American) of the same fault. That is 'you too', and it leaves the question untouched.",
        "ad_hominem": "It attacks the critic's side for inconsistency rather than insulting the person; that is "
                      "the special form called tu quoque. The insults come in the next passage (CM04).",
        "fair": "The evidence it names is about other countries, not about China's returns; whatever it shows, it "
                "does not bear on the question.",
    },
    label="The 23:04 reply:",
))
