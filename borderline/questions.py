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
