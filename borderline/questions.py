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
