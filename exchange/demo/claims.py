"""Demo claims drawn from the seed documents, written in our own words.

Each claim: its statement, who makes it, where it first appeared, evidence with locators, and a
grading. `status` says how far through the workflow the demo takes it: "published" (graded and
approved), "in_review" (graded, awaiting a second person) or "draft" (logged, not yet graded).
"""

import datetime

from claims.choices import ClaimKind as Kind
from claims.choices import Confidence as Conf
from claims.choices import RelationKind as Rel
from claims.choices import Stance
from claims.choices import Verdict as V

GOVAI = "govai-china-llm-landscape"
CHINAI = "chinai-big-five-foundation-model-companies"
AGGREGATOR = "aggregator-trillion-parameter-race"
IEEE = "ieee-spectrum-wu-dao-3"
ESSAY = "forum-essay-no-agi-race"
COMMENTS = "forum-essay-comment-thread"
AI_ERA = "ai-era-top-five-domestic-models"
YUAN = "yuan-1-0-paper"
TITAN = "ernie-3-0-titan-paper"
PANGU = "pangu-alpha-paper"
REUTERS = "reuters-minimax-fundraising"

ESSAY_AUTHOR = "Author of the forum essay on the US–China AGI race"
GOVAI_AUTHORS = "Jeffrey Ding and Jenny W. Xiao (GovAI survey)"

# First-appearance dates are given only where the day is known; otherwise the source's own
# date, with its precision, says when.
D2023_JUL = datetime.date(2023, 7, 28)


def ev(source: str, stance: str, locator: str, excerpt: str) -> dict:
    return {"source": source, "stance": stance, "locator": locator, "excerpt": excerpt}


CLAIMS = [
    # --- WuDao 2.0 and 3.0 ---------------------------------------------------------------
    {
        "slug": "wudao-2-0-is-one-model-with-1-75-trillion-parameters",
        "statement": "WuDao 2.0 is a single AI model with 1.75 trillion parameters.",
        "claimant": "Beijing Academy of Artificial Intelligence (BAAI), as reported in 2021",
        "kind": Kind.FIGURE,
        "first": (IEEE, "second paragraph, repeating the 2021 reports", None),
        "topics": ["WuDao", "Model scale"],
        "context": (
            "Parameter counts of sparse (mixture-of-experts) systems are not comparable with "
            "those of dense models like GPT-3: only a fraction of the parameters is used per input."
        ),
        "evidence": [
            ev(
                IEEE,
                Stance.ASSERTS,
                "paragraph 2",
                "Calls WuDao 2.0 a sparse multimodal model of 1.75 trillion parameters, as "
                "widely reported, and treats that size as a high-water mark.",
            ),
            ev(
                GOVAI,
                Stance.REFUTES,
                "Data section, paragraph on assessing the WuDao models",
                "WuDao 2.0 was a release of several models (CPM 2.0, BriVL 2.0, CogView, with "
                "M6 also included), and no paper sets out the 1.75-trillion-parameter model.",
            ),
        ],
        "grading": (
            V.MISLEADING,
            Conf.MEDIUM,
            "The 1.75 trillion figure traces back to BAAI's 2021 announcement and is "
            "repeated in later coverage, but no technical paper describes a model of "
            "that size, and the release was a family of language, multimodal and "
            "image models. Presented as one model, the number gives a false picture.",
        ),
    },
    {
        "slug": "wudao-2-0-was-a-family-of-models",
        "statement": "WuDao 2.0 was a series of separate models, not one model.",
        "claimant": GOVAI_AUTHORS,
        "kind": Kind.FACT,
        "first": (GOVAI, "Data section, paragraph on assessing the WuDao models", None),
        "topics": ["WuDao", "Model scale"],
        "evidence": [
            ev(
                GOVAI,
                Stance.ASSERTS,
                "Data section, paragraph on assessing the WuDao models",
                "Lists the language model CPM 2.0, the multimodal BriVL 2.0 and the image "
                "generator CogView as parts of the WuDao 2.0 release, plus Alibaba's M6.",
            ),
            ev(
                IEEE,
                Stance.CONTEXT,
                "paragraphs 2 and 5",
                "Describes 2.0 as one sparse model, yet presents its successor 3.0 as a "
                "collection of models under the Aquila name.",
            ),
        ],
        "grading": (
            V.ACCURATE,
            Conf.HIGH,
            "The survey names the member models, each with its own paper and "
            "developers in its Table 1. The one-model framing comes from press coverage.",
        ),
    },
    {
        "slug": "no-paper-describes-wudao-2-0-1-75t-model",
        "statement": "No published paper describes WuDao 2.0's 1.75-trillion-parameter model.",
        "claimant": GOVAI_AUTHORS,
        "kind": Kind.FACT,
        "first": (GOVAI, "Data section, paragraph on assessing the WuDao models", None),
        "topics": ["WuDao"],
        "evidence": [
            ev(
                GOVAI,
                Stance.ASSERTS,
                "Data section, last sentence on WuDao 2.0",
                "Says the absence of a paper on the full model makes its abilities hard to judge.",
            ),
        ],
        "grading": (
            V.MOSTLY_ACCURATE,
            Conf.MEDIUM,
            "The survey's authors reviewed the papers behind 26 models and found none; "
            "neither did we among the works they cite. An absence is hard to prove, "
            "hence medium confidence.",
        ),
    },
    {
        "slug": "wudao-2-0-ten-times-gpt-3",
        "statement": "WuDao 2.0 had ten times as many parameters as GPT-3.",
        "claimant": "English-language press coverage in 2021",
        "kind": Kind.FIGURE,
        "first": (GOVAI, "Data section, paragraph on assessing the WuDao models", None),
        "topics": ["WuDao", "Model scale"],
        "evidence": [
            ev(
                GOVAI,
                Stance.ASSERTS,
                "Data section, paragraph on assessing the WuDao models",
                "Recounts that 2021 coverage billed WuDao 2.0 as the largest language model and "
                "ten times GPT-3's size.",
            ),
            ev(
                GOVAI,
                Stance.REFUTES,
                "same paragraph, the overhype points",
                "Explains that the figure belongs to a family of models and that benchmark "
                "comparisons with GPT-3 may not be like for like.",
            ),
        ],
        "grading": (
            V.MISLEADING,
            Conf.HIGH,
            "1.75 trillion is ten times GPT-3's 175 billion, but it compares a sparse "
            "family total with one dense model. The arithmetic holds; the comparison does not.",
        ),
    },
    {
        "slug": "wudao-2-0-nine-benchmark-records",
        "statement": "WuDao 2.0 set new state-of-the-art results on nine international benchmarks.",
        "claimant": "BAAI, at its 2021 annual conference",
        "kind": Kind.FACT,
        "first": (GOVAI, "Technonationalism: frontier models as national pride", None),
        "topics": ["WuDao", "Benchmarks"],
        "evidence": [
            ev(
                GOVAI,
                Stance.ASSERTS,
                "Technonationalism: frontier models as national pride",
                "Reports BAAI comparing the WuDao 2.0 series with CLIP, GPT-3, DALL-E, "
                "Turing-NLG and ALIGN and claiming nine records.",
            ),
            ev(
                GOVAI,
                Stance.CONTEXT,
                "Data section, overhype points",
                "Prompt engineering differences mean WuDao 2.0's scores may not be comparable "
                "with GPT-3's on some benchmarks.",
            ),
        ],
        "grading": (
            V.UNSUBSTANTIATED,
            Conf.MEDIUM,
            "The claim was made at a conference, not in a paper we could check, and the "
            "benchmarks were spread across different member models.",
        ),
    },
    {
        "slug": "wu-dao-3-0-is-a-family-of-small-models",
        "statement": "Wu Dao 3.0 is a set of smaller open models, all far below 1.75 trillion parameters.",
        "claimant": "IEEE Spectrum, citing sources close to the project",
        "kind": Kind.FACT,
        "first": (IEEE, "paragraphs 2 to 6 and the model list", D2023_JUL),
        "topics": ["WuDao", "Model scale", "Open-source models"],
        "evidence": [
            ev(
                IEEE,
                Stance.ASSERTS,
                "model list",
                "Names AquilaChat at 7 and 33 billion parameters, AquilaCode, and the Wu Dao "
                "Vision series including EVA at about one billion.",
            ),
        ],
        "grading": (
            V.ACCURATE,
            Conf.HIGH,
            "The model sizes are in the models' own names and releases; the largest "
            "named member is 33 billion parameters.",
        ),
    },
    {
        "slug": "aquilachat-7b-corpus-40-percent-chinese",
        "statement": "About 40 percent of AquilaChat-7B's training text is in Chinese.",
        "claimant": "IEEE Spectrum, citing anonymous sources",
        "kind": Kind.FIGURE,
        "first": (IEEE, "model list, AquilaChat entry", D2023_JUL),
        "topics": ["WuDao", "Training data"],
        "evidence": [
            ev(
                IEEE,
                Stance.ASSERTS,
                "model list, AquilaChat entry",
                "Gives the Chinese share of the bilingual training corpus as roughly two fifths.",
            ),
        ],
        "grading": (
            V.UNSUBSTANTIATED,
            Conf.MEDIUM,
            "Only anonymous sources give the share; BAAI declined to comment on the "
            "record and no data card is cited.",
        ),
    },
    {
        "slug": "chinese-llms-are-getting-smaller",
        "statement": "China's large language models are getting smaller.",
        "claimant": "IEEE Spectrum",
        "kind": Kind.OPINION,
        "first": (IEEE, "opening paragraph", D2023_JUL),
        "topics": ["Model scale"],
        "recheck": datetime.date(2025, 7, 1),
        "evidence": [
            ev(
                IEEE,
                Stance.ASSERTS,
                "opening paragraph",
                "Presents Wu Dao 3.0's small open models as part of a national downsizing trend.",
            ),
            ev(
                AGGREGATOR,
                Stance.REFUTES,
                "Timeline, entry 2024-05",
                "Says major Chinese labs set trillion-parameter training targets in 2024.",
            ),
            ev(
                GOVAI,
                Stance.CONTEXT,
                "Performance section",
                "After Chinchilla, the race to ever larger models eased everywhere, not only in China.",
            ),
        ],
        "grading": (
            V.MIXED,
            Conf.LOW,
            "True of BAAI's 2023 releases, which the article documents; as a national "
            "trend it generalises from one lab, and later reports point the other way.",
        ),
    },
    {
        "slug": "baai-can-only-build-small-models",
        "statement": "Costs, chip sanctions and regulation leave BAAI able to build only small models.",
        "claimant": "Hejuan Zhao, TMTPost (quoted by IEEE Spectrum)",
        "kind": Kind.OPINION,
        "first": (IEEE, "section on why BAAI shrank the models", D2023_JUL),
        "topics": ["WuDao", "Chips and export controls"],
        "evidence": [
            ev(
                IEEE,
                Stance.ASSERTS,
                "section on why BAAI shrank the models",
                "Quotes the TMTPost founder blaming cost, sanctions and regulation.",
            ),
            ev(
                IEEE,
                Stance.CONTEXT,
                "same section, next paragraph",
                "Sources add that open-sourcing small models may be a deliberate choice for a "
                "non-profit with little return on another giant model.",
            ),
            ev(
                GOVAI,
                Stance.REFUTES,
                "Compute section, third takeaway",
                "BAAI co-developed the 14.5-trillion-parameter BaGuaLu on a domestic "
                "supercomputer in 2022.",
            ),
        ],
        "grading": (
            V.MIXED,
            Conf.LOW,
            "Hardware limits are real, but BAAI trained very large models shortly before, "
            "and its own sources describe the shift as partly strategic.",
        ),
    },
    # --- BaGuaLu ------------------------------------------------------------------------------
    {
        "slug": "bagualu-has-174-trillion-parameters",
        "statement": "BaGuaLu is a model with 174 trillion parameters.",
        "claimant": GOVAI_AUTHORS + ", compute section",
        "kind": Kind.FIGURE,
        "first": (GOVAI, "Compute section, third takeaway", None),
        "topics": ["BaGuaLu", "Model scale"],
        "context": "The model was trained on the New Generation Sunway supercomputer in Wuxi.",
        "evidence": [
            ev(
                GOVAI,
                Stance.ASSERTS,
                "Compute section, third takeaway",
                "Says the April 2022 alliance trained the first brain-scale model, with 174 "
                "trillion parameters, on the Sunway machine.",
            ),
            ev(
                GOVAI,
                Stance.REFUTES,
                "Table 1, row BaGuaLu",
                "The same report's table gives 14.5 trillion (MoE) and says the system could "
                "train up to 174 trillion.",
            ),
            ev(
                GOVAI,
                Stance.REFUTES,
                "Performance section",
                "Calls BaGuaLu one of the largest MoE models, at 14.5 trillion parameters.",
            ),
        ],
        "grading": (
            V.MISLEADING,
            Conf.HIGH,
            "174 trillion is the scale the training system was shown to handle; the "
            "model the report itself tabulates has 14.5 trillion. The report contradicts "
            "itself, and the table agrees with its own performance section.",
        ),
    },
    {
        "slug": "bagualu-has-14-5-trillion-parameters",
        "statement": "BaGuaLu, trained in 2022, has 14.5 trillion parameters in a mixture-of-experts design.",
        "claimant": GOVAI_AUTHORS + ", Table 1",
        "kind": Kind.FIGURE,
        "first": (GOVAI, "Table 1, row BaGuaLu", None),
        "topics": ["BaGuaLu", "Model scale"],
        "evidence": [
            ev(
                GOVAI, Stance.ASSERTS, "Table 1, row BaGuaLu", "14.5T (MoE), released 2 April 2022."
            ),
            ev(
                GOVAI,
                Stance.SUPPORTS,
                "Performance section",
                "Repeats the 14.5 trillion figure for BAAI's MoE model.",
            ),
        ],
        "grading": (
            V.MOSTLY_ACCURATE,
            Conf.MEDIUM,
            "Two parts of the survey agree on 14.5 trillion. It is a sparse total, not "
            "comparable with dense parameter counts.",
        ),
    },
    {
        "slug": "sunway-exascale-with-14nm-chips",
        "statement": "The Sunway supercomputer that trained BaGuaLu reaches exascale on 14-nanometre processors.",
        "claimant": GOVAI_AUTHORS,
        "kind": Kind.FACT,
        "first": (GOVAI, "Compute section, third takeaway", None),
        "topics": ["BaGuaLu", "Chips and export controls"],
        "evidence": [
            ev(
                GOVAI,
                Stance.ASSERTS,
                "Compute section, third takeaway",
                "Notes the machine reaches exascale while relying on older 14nm chips.",
            ),
        ],
        "grading": (
            V.MOSTLY_ACCURATE,
            Conf.MEDIUM,
            "Consistent with the cited BaGuaLu paper as the survey reports it; we have "
            "not seen an independent benchmark of the machine.",
        ),
    },
    # --- The AGI race essay and its comments -------------------------------------------------
    {
        "slug": "no-agi-race-between-china-and-the-us",
        "statement": "There is no race between China and the US to build artificial general intelligence.",
        "claimant": ESSAY_AUTHOR,
        "kind": Kind.OPINION,
        "first": (ESSAY, "opening summary and conclusion", None),
        "topics": ["AGI race"],
        "recheck": datetime.date(2026, 1, 1),
        "context": (
            "The essay argues from two premises, compute and politics; each is a claim of its "
            "own below. Readers should weigh those rather than the slogan."
        ),
        "evidence": [
            ev(
                ESSAY,
                Stance.ASSERTS,
                "summary list and conclusion",
                "Argues China lacks both the chips and the political will to pursue AGI by scaling LLMs.",
            ),
            ev(
                COMMENTS,
                Stance.REFUTES,
                "second comment",
                "Points to China's volume of LLM research, its leading open text-to-video model "
                "and its supercomputers as revealed preferences.",
            ),
            ev(
                COMMENTS,
                Stance.REFUTES,
                "first comment",
                "Reads the essay's categorical tone as advocacy rather than an even-handed account.",
            ),
            ev(
                GOVAI,
                Stance.REFUTES,
                "Role of Government, BAAI",
                "Describes BAAI as probably China's most ambitious initiative explicitly aimed at AGI.",
            ),
            ev(
                CHINAI,
                Stance.REFUTES,
                "introduction and closing link",
                "By 2025 five Chinese firms are described as contending in what the Chinese "
                "report calls a decisive battle for AGI.",
            ),
        ],
        "grading": (
            V.MISLEADING,
            Conf.MEDIUM,
            "A state-backed lab said to be aimed at AGI, dozens of large models and, by "
            "2025, firms openly framing their competition around AGI all cut against it. "
            "The essay's narrower point, that chip controls slow large training runs, has "
            "some support, but it does not show that no race exists.",
        ),
    },
    {
        "slug": "china-can-no-longer-buy-data-centre-gpus",
        "statement": "Since October 2022, China can no longer buy data-centre GPUs from abroad.",
        "claimant": ESSAY_AUTHOR,
        "kind": Kind.FACT,
        "first": (ESSAY, "section on compute, paragraph 2", None),
        "topics": ["Chips and export controls", "AGI race"],
        "evidence": [
            ev(
                ESSAY,
                Stance.ASSERTS,
                "section on compute, paragraph 2",
                "Says the October 2022 US controls ended China's purchases of GPUs and chip-making tools.",
            ),
            ev(
                ESSAY,
                Stance.REFUTES,
                "footnote 2",
                "The same essay notes that Nvidia launched the H800 for China in March 2023 and "
                "that Chinese companies could still buy it.",
            ),
            ev(
                IEEE,
                Stance.REFUTES,
                "paragraph on export restrictions",
                "Nvidia answered the restrictions with the A800, a slowed A100 made for China.",
            ),
            ev(
                IEEE,
                Stance.CONTEXT,
                "paragraph on export restrictions",
                "Reports an underground trade in Nvidia GPUs driven by short supply.",
            ),
        ],
        "grading": (
            V.INACCURATE,
            Conf.HIGH,
            "The controls barred the top chips, but Nvidia sold cut-down data-centre GPUs "
            "(A800, H800) to Chinese buyers in 2023, as the essay's own footnote concedes.",
        ),
    },
    {
        "slug": "chinese-firms-could-still-buy-the-h800",
        "statement": "Chinese companies could still buy Nvidia's H800 data-centre GPU in 2023.",
        "claimant": ESSAY_AUTHOR + " (footnote 2)",
        "kind": Kind.FACT,
        "first": (ESSAY, "footnote 2", None),
        "topics": ["Chips and export controls"],
        "recheck": datetime.date(2024, 1, 1),
        "evidence": [
            ev(
                ESSAY,
                Stance.ASSERTS,
                "footnote 2",
                "The H800 matches the A800's operations per second but has much lower "
                "interconnect bandwidth, and was on sale in China.",
            ),
        ],
        "grading": (
            V.ACCURATE,
            Conf.MEDIUM,
            "Accurate for mid-2023. Export rules on cut-down chips kept changing; "
            "re-check before citing for a later date.",
        ),
    },
    {
        "slug": "nvidia-released-a800-for-china",
        "statement": "Nvidia released the A800, a slower version of the A100, specifically for China.",
        "claimant": "IEEE Spectrum",
        "kind": Kind.FACT,
        "first": (IEEE, "paragraph on export restrictions", D2023_JUL),
        "topics": ["Chips and export controls"],
        "evidence": [
            ev(
                IEEE,
                Stance.ASSERTS,
                "paragraph on export restrictions",
                "Describes the A800 as a cut-down A100 for the Chinese market.",
            ),
            ev(
                ESSAY,
                Stance.SUPPORTS,
                "footnote 2",
                "Mentions the A800 as Nvidia's existing product alongside the new H800.",
            ),
        ],
        "grading": (V.ACCURATE, Conf.HIGH, "Two independent sources agree."),
    },
    {
        "slug": "export-controls-not-yet-limiting-china-llms",
        "statement": "In 2023, US export controls were not yet strongly limiting China's ability to train large language models.",
        "claimant": ESSAY_AUTHOR + " (footnote 2)",
        "kind": Kind.OPINION,
        "first": (ESSAY, "footnote 2", None),
        "topics": ["Chips and export controls", "AGI race"],
        "evidence": [
            ev(
                ESSAY,
                Stance.ASSERTS,
                "footnote 2",
                "Argues the H800 serves GPT-3-sized training well and only bites for much larger models.",
            ),
            ev(
                ESSAY,
                Stance.REFUTES,
                "summary list, point 1",
                "The main text says China lacks the compute for large training runs.",
            ),
            ev(
                IEEE,
                Stance.CONTEXT,
                "paragraph on export restrictions",
                "Any further tightening would severely hamper training in China.",
            ),
        ],
        "grading": (
            V.MIXED,
            Conf.MEDIUM,
            "Supported for models of GPT-3's size in 2023; the essay's own main text and "
            "later tightening point the other way for frontier-scale runs.",
        ),
    },
    {
        "slug": "china-failing-to-build-semiconductor-industry",
        "statement": "China is failing to build a domestic semiconductor industry.",
        "claimant": ESSAY_AUTHOR,
        "kind": Kind.OPINION,
        "first": (ESSAY, "summary list, point 1", None),
        "topics": ["Semiconductors", "AGI race"],
        "recheck": datetime.date(2025, 6, 1),
        "evidence": [
            ev(
                ESSAY,
                Stance.ASSERTS,
                "section on compute, paragraphs 4 and 5",
                "Cites the 1990s projects that produced one 55nm foundry with about 3% of the "
                "market, and 2022-23 investigations and budget cuts.",
            ),
            ev(
                COMMENTS,
                Stance.REFUTES,
                "comment on the semiconductor claim",
                "Cites cheap domestic 2TB SSDs from YMTC and SiC wafers supplied to Infineon as "
                "signs of a full stack being built.",
            ),
            ev(
                COMMENTS,
                Stance.REFUTES,
                "reply on supercomputers",
                "The seventh-largest supercomputer runs on Chinese-designed chips.",
            ),
            ev(
                AGGREGATOR,
                Stance.CONTEXT,
                "Timeline, entry 2023-08",
                "Lists Huawei's Mate 60 Pro as a sign of domestic chipmaking progress (uncited).",
            ),
        ],
        "grading": (
            V.MIXED,
            Conf.LOW,
            "China lags at the leading edge, as both sides accept, but memory, power "
            "semiconductors and supercomputer chips show real capacity. 'Failing' "
            "overstates a lag.",
        ),
    },
    {
        "slug": "china-has-162-of-top-500-supercomputers",
        "statement": "China built 162 of the world's 500 largest supercomputers.",
        "claimant": "Commenter on the forum essay (second comment)",
        "kind": Kind.FIGURE,
        "first": (COMMENTS, "second comment", None),
        "topics": ["Compute"],
        "recheck": datetime.date(2024, 6, 1),
        "evidence": [
            ev(
                COMMENTS,
                Stance.ASSERTS,
                "second comment",
                "Says fabs a decade behind did not stop China building 162 of the top 500.",
            ),
            ev(
                COMMENTS,
                Stance.CONTEXT,
                "reply to the second comment",
                "Another commenter says most were built before the October 2022 controls.",
            ),
        ],
        "grading": (
            V.UNSUBSTANTIATED,
            Conf.LOW,
            "No edition of the TOP500 list is named; the figure changes twice a year. "
            "Plausible for 2022-23, not verified.",
        ),
    },
    {
        "slug": "chinese-top-ten-supercomputers-predate-controls",
        "statement": "Both Chinese supercomputers in the world's top ten were built before the October 2022 export controls.",
        "claimant": "Commenter on the forum essay (reply on supercomputers)",
        "kind": Kind.FACT,
        "first": (COMMENTS, "reply to the second comment", None),
        "topics": ["Compute", "Chips and export controls"],
        "evidence": [
            ev(
                COMMENTS,
                Stance.ASSERTS,
                "reply to the second comment",
                "Says so, while admitting the exact numbers were not checked.",
            ),
        ],
        "grading": (
            V.UNSUBSTANTIATED,
            Conf.LOW,
            "The commenter says they did not verify it, and neither have we.",
        ),
    },
    {
        "slug": "ccp-not-interested-in-agi-by-scaling-llms",
        "statement": "China's leadership has no interest in reaching AGI by scaling language models.",
        "claimant": ESSAY_AUTHOR,
        "kind": Kind.OPINION,
        "first": (ESSAY, "section on political reasons", None),
        "topics": ["AGI race", "Governance and ethics"],
        "evidence": [
            ev(
                ESSAY,
                Stance.ASSERTS,
                "section on political reasons",
                "Argues an uncontrollable LLM would eventually say something taboo, so the party "
                "prefers narrow, controllable AI.",
            ),
            ev(
                COMMENTS,
                Stance.REFUTES,
                "second comment",
                "A country uninterested in scaling LLMs would not research them so heavily.",
            ),
            ev(
                GOVAI,
                Stance.REFUTES,
                "Role of Government",
                "Government-sponsored labs fund or build many of the large models and supply compute.",
            ),
        ],
        "grading": (
            V.MISLEADING,
            Conf.MEDIUM,
            "Stated policy worries about control are real, but state labs and funding "
            "behind large models show the interest the claim denies.",
        ),
    },
    {
        "slug": "chinese-labs-do-much-llm-research",
        "statement": "Chinese labs produce a large share of the world's large-language-model research.",
        "claimant": "Commenter on the forum essay (second comment)",
        "kind": Kind.FACT,
        "first": (COMMENTS, "second comment", None),
        "topics": ["AGI race"],
        "evidence": [
            ev(
                COMMENTS,
                Stance.ASSERTS,
                "second comment",
                "Points to the volume of Chinese LLM research.",
            ),
            ev(
                GOVAI,
                Stance.SUPPORTS,
                "Methodology and Table 1",
                "26 significant large pre-trained models from Chinese labs in 2020-2022 alone.",
            ),
            ev(
                CHINAI,
                Stance.SUPPORTS,
                "feature translation",
                "Five Chinese firms with frontier-class models by 2025.",
            ),
        ],
        "grading": (
            V.MOSTLY_ACCURATE,
            Conf.MEDIUM,
            "Well supported as 'a lot'; 'a large share' is not quantified by any source here.",
        ),
    },
    {
        "slug": "china-has-best-open-text-to-video-model",
        "statement": "A Chinese model was the best open-source text-to-video model in 2023.",
        "claimant": "Commenter on the forum essay (second comment)",
        "kind": Kind.FACT,
        "first": (COMMENTS, "second comment", None),
        "topics": ["Open-source models"],
        "recheck": datetime.date(2024, 6, 1),
        "evidence": [
            ev(COMMENTS, Stance.ASSERTS, "second comment", "Names no model but makes the claim."),
            ev(
                GOVAI,
                Stance.SUPPORTS,
                "Table 1, row CogVideo",
                "CogVideo (May 2022) was described as the largest and first open-source "
                "text-to-video model.",
            ),
        ],
        "grading": (
            V.MOSTLY_ACCURATE,
            Conf.LOW,
            "CogVideo fits, though 'best' is not measured. Open video models move fast; "
            "this is a snapshot.",
        ),
    },
    {
        "slug": "half-of-arxiv-papers-have-chinese-authors",
        "statement": "More than half of the papers on arXiv have Chinese authors.",
        "claimant": "Commenter on the forum essay (reply on semiconductors)",
        "kind": Kind.FIGURE,
        "first": (COMMENTS, "comment on the semiconductor claim", None),
        "topics": ["AGI race"],
        "evidence": [
            ev(
                COMMENTS,
                Stance.ASSERTS,
                "comment on the semiconductor claim",
                "Offered as a reason China is not out of the race; no source given.",
            ),
        ],
        "grading": (
            V.UNSUBSTANTIATED,
            Conf.MEDIUM,
            "No count is cited, and 'Chinese authors' could mean nationality, "
            "affiliation or name; we found no data for it.",
        ),
    },
    {
        "slug": "china-makes-90-percent-of-electronics",
        "statement": "China carries out 90 percent of the world's electronics manufacturing.",
        "claimant": "Commenter on the forum essay (reply on semiconductors)",
        "kind": Kind.FIGURE,
        "first": (COMMENTS, "comment on the semiconductor claim", None),
        "topics": ["Semiconductors"],
        "evidence": [
            ev(
                COMMENTS,
                Stance.ASSERTS,
                "comment on the semiconductor claim",
                "Given without a source.",
            ),
        ],
        "status": "draft",
    },
    {
        "slug": "china-can-train-models-in-rented-foreign-data-centres",
        "statement": "Chinese developers can get around chip controls by renting data centres abroad.",
        "claimant": "Commenter on the forum essay (reply on renting compute)",
        "kind": Kind.OPINION,
        "first": (COMMENTS, "comment on renting data centres", None),
        "topics": ["Chips and export controls", "Compute"],
        "recheck": datetime.date(2027, 1, 1),
        "evidence": [
            ev(
                COMMENTS,
                Stance.ASSERTS,
                "comment on renting data centres",
                "Cites the Falcon 40B model, trained for two months on 384 rented cloud GPUs.",
            ),
            ev(
                REUTERS,
                Stance.CONTEXT,
                "whole article",
                "A Chinese start-up raising over $250 million shows the money to rent compute exists.",
            ),
        ],
        "grading": (
            V.UNSUBSTANTIATED,
            Conf.MEDIUM,
            "The Falcon example shows a non-Chinese lab renting cloud GPUs; no evidence "
            "here shows Chinese developers doing so at scale, or that rules permit it.",
        ),
    },
    {
        "slug": "volunteer-computing-will-not-match-frontier-training",
        "statement": "Decentralised volunteer computing will almost certainly never match state-of-the-art training clusters.",
        "claimant": "Commenter on the forum essay (reply on volunteer training)",
        "kind": Kind.FORECAST,
        "first": (COMMENTS, "reply on volunteer training", None),
        "topics": ["Compute"],
        "recheck": datetime.date(2027, 6, 1),
        "evidence": [
            ev(
                COMMENTS,
                Stance.ASSERTS,
                "reply on volunteer training",
                "Puts the chance under 5%, citing slow interconnects, mixed hardware, "
                "unreliable hosts and bad actors.",
            ),
            ev(
                COMMENTS,
                Stance.CONTEXT,
                "follow-up question",
                "Another commenter asks whether compulsory volunteer compute via WeChat could "
                "dwarf ordinary clusters.",
            ),
        ],
        "grading": (
            V.UNSUBSTANTIATED,
            Conf.LOW,
            "A forecast with reasons but no measurements; revisit when decentralised "
            "training results are published.",
        ),
        "status": "in_review",
    },
    {
        "slug": "jack-ma-vanished-because-alibaba-too-powerful",
        "statement": "Jack Ma disappeared from public view in 2020 because the party judged Alibaba too powerful.",
        "claimant": ESSAY_AUTHOR,
        "kind": Kind.OPINION,
        "first": (ESSAY, "section on political reasons", None),
        "topics": ["Governance and ethics"],
        "evidence": [
            ev(
                ESSAY,
                Stance.ASSERTS,
                "section on political reasons",
                "Offers Ma's disappearance as a warning to tech founders.",
            ),
            ev(
                COMMENTS,
                Stance.REFUTES,
                "last comment",
                "Argues his speech criticising regulators mattered as much, noting that founders "
                "of firms as big, such as Tencent, were untouched.",
            ),
        ],
        "grading": (
            V.MIXED,
            Conf.LOW,
            "Motives are not on the record; the counter-example of other large firms "
            "weakens the single cause the essay gives.",
        ),
    },
    {
        "slug": "jack-ma-vanished-after-criticising-regulators",
        "statement": "Jack Ma's 2020 disappearance owed at least as much to his speech criticising regulators as to Alibaba's size.",
        "claimant": "Commenter on the forum essay (last comment)",
        "kind": Kind.OPINION,
        "first": (COMMENTS, "last comment", None),
        "topics": ["Governance and ethics"],
        "evidence": [
            ev(COMMENTS, Stance.ASSERTS, "last comment", "Stated as the commenter's view.")
        ],
        "grading": (
            V.UNSUBSTANTIATED,
            Conf.LOW,
            "Plausible, unsourced, and about motives no one has stated.",
        ),
    },
    {
        "slug": "ernie-bot-weaker-than-gpt-3",
        "statement": "Early testers found Baidu's Ernie Bot slightly weaker than GPT-3.",
        "claimant": ESSAY_AUTHOR,
        "kind": Kind.FACT,
        "first": (ESSAY, "section on political reasons, Ernie Bot paragraph", None),
        "topics": ["Benchmarks"],
        "evidence": [
            ev(
                ESSAY,
                Stance.ASSERTS,
                "Ernie Bot paragraph",
                "Summarises late-March 2023 user reviews as rating it a little below GPT-3.",
            ),
            ev(
                IEEE,
                Stance.CONTEXT,
                "paragraph on China's LLM landscape",
                "By July 2023 Baidu's Ernie 3.5 was arguably China's most capable model, though behind GPT-4.",
            ),
        ],
        "grading": (
            V.OUTDATED,
            Conf.MEDIUM,
            "A fair summary of March 2023 impressions, overtaken within months by "
            "Baidu's later versions.",
        ),
    },
    {
        "slug": "ernie-bot-demo-was-prerecorded",
        "statement": "Baidu's March 2023 Ernie Bot launch showed only pre-recorded video.",
        "claimant": ESSAY_AUTHOR,
        "kind": Kind.FACT,
        "first": (ESSAY, "Ernie Bot paragraph", None),
        "topics": ["Benchmarks"],
        "evidence": [ev(ESSAY, Stance.ASSERTS, "Ernie Bot paragraph", "States it without a link.")],
        "status": "draft",
    },
    {
        "slug": "draft-rules-would-ban-powerful-llms",
        "statement": "China's April 2023 draft rules on generative AI would in effect ban powerful language models.",
        "claimant": ESSAY_AUTHOR,
        "kind": Kind.OPINION,
        "first": (ESSAY, "section on political reasons, draft guidelines paragraph", None),
        "topics": ["Governance and ethics", "AGI race"],
        "evidence": [
            ev(
                ESSAY,
                Stance.ASSERTS,
                "draft guidelines paragraph",
                "Reads the ban on content subverting state power as ruling out any model that "
                "might produce it.",
            ),
            ev(
                CHINAI,
                Stance.REFUTES,
                "Bytedance and DeepSeek sections",
                "By 2025 Chinese chatbots had over 100 million monthly users and DeepSeek's R1 "
                "drew worldwide attention.",
            ),
        ],
        "grading": (
            V.MISLEADING,
            Conf.MEDIUM,
            "The draft restricts content, not model size; large Chinese models were "
            "deployed to mass audiences under the rules that followed.",
        ),
    },
    # --- 2025: the Big Five -------------------------------------------------------------------
    {
        "slug": "doubao-has-over-100-million-monthly-users",
        "statement": "ByteDance's chatbot Doubao has more than 100 million monthly active users.",
        "claimant": "AI Era (Xinzhiyuan), translated by ChinAI",
        "kind": Kind.FIGURE,
        "first": (AI_ERA, "ByteDance section", None),
        "topics": ["Industry"],
        "recheck": datetime.date(2026, 5, 1),
        "evidence": [
            ev(CHINAI, Stance.ASSERTS, "Bytedance section", "Gives the figure in passing."),
            ev(
                AI_ERA,
                Stance.ASSERTS,
                "ByteDance section",
                "The original report, via the translation.",
            ),
        ],
        "grading": (
            V.UNSUBSTANTIATED,
            Conf.MEDIUM,
            "Repeated without a data source or a month; user counts need a dated measurement.",
        ),
    },
    {
        "slug": "alibaba-to-invest-380-billion-yuan-in-ai",
        "statement": "Alibaba plans to invest 380 billion yuan in AI and cloud infrastructure over three years.",
        "claimant": "AI Era (Xinzhiyuan), translated by ChinAI",
        "kind": Kind.FIGURE,
        "first": (AI_ERA, "Alibaba section", None),
        "topics": ["Industry"],
        "evidence": [
            ev(
                CHINAI,
                Stance.ASSERTS,
                "Alibaba section",
                "Says the sum exceeds what other Chinese tech giants have committed.",
            )
        ],
        "grading": (
            V.MOSTLY_ACCURATE,
            Conf.MEDIUM,
            "The figure is a stated plan; treat it as a commitment, not money spent.",
        ),
    },
    {
        "slug": "qwen-is-worlds-leading-open-model",
        "statement": "Alibaba's Qwen is the world's leading open-source model series.",
        "claimant": "AI Era (Xinzhiyuan), translated by ChinAI",
        "kind": Kind.OPINION,
        "first": (CHINAI, "Alibaba section", None),
        "topics": ["Open-source models", "Industry"],
        "recheck": datetime.date(2025, 12, 1),
        "evidence": [
            ev(
                CHINAI,
                Stance.ASSERTS,
                "Alibaba section",
                "By most metrics, with a chart of Hugging Face's top models built on Qwen.",
            ),
        ],
        "grading": (
            V.MIXED,
            Conf.LOW,
            "Qwen derivatives did lead popular leaderboards in 2025, but 'leading' depends "
            "on the metric and the month.",
        ),
    },
    {
        "slug": "hugging-face-top-ten-all-built-on-qwen",
        "statement": "All ten of Hugging Face's top open-source models were built on Qwen.",
        "claimant": "AI Era (Xinzhiyuan), translated by ChinAI",
        "kind": Kind.FACT,
        "first": (CHINAI, "Alibaba section", None),
        "topics": ["Open-source models"],
        "evidence": [
            ev(
                CHINAI,
                Stance.ASSERTS,
                "Alibaba section, figure",
                "Shows a leaderboard snapshot; which leaderboard and date is not given.",
            )
        ],
        "grading": (
            V.MISLEADING,
            Conf.LOW,
            "A snapshot of one leaderboard on one day, presented as a standing fact.",
        ),
        "status": "in_review",
    },
    {
        "slug": "zhipu-first-chinese-llm-startup-to-prepare-ipo",
        "statement": "Zhipu is the first Chinese large-model start-up to prepare a stock-market listing.",
        "claimant": "AI Era (Xinzhiyuan), translated by ChinAI",
        "kind": Kind.FACT,
        "first": (CHINAI, "Zhipu section", None),
        "topics": ["Industry"],
        "recheck": datetime.date(2026, 1, 1),
        "evidence": [
            ev(
                CHINAI,
                Stance.ASSERTS,
                "Zhipu section",
                "Mentions a possible Hong Kong or Shanghai filing by the end of 2025.",
            )
        ],
        "grading": (V.UNSUBSTANTIATED, Conf.LOW, "'First' is unsourced; the listing was a plan."),
    },
    {
        "slug": "trae-runs-on-gpt-4o-or-claude",
        "statement": "ByteDance's coding assistant Trae is built on Western models: GPT-4o from OpenAI or Claude 3.5 Sonnet from Anthropic.",
        "claimant": "Jeffrey Ding, ChinAI Newsletter",
        "kind": Kind.FACT,
        "first": (CHINAI, "Bytedance section", None),
        "topics": ["Industry"],
        "recheck": datetime.date(2025, 11, 1),
        "evidence": [
            ev(
                CHINAI,
                Stance.ASSERTS,
                "Bytedance section",
                "Noted as a surprise by the translator.",
            )
        ],
        "grading": (
            V.MOSTLY_ACCURATE,
            Conf.MEDIUM,
            "Consistent with the product's model picker in 2025; products change their models often.",
        ),
    },
    {
        "slug": "stepfun-ranked-first-on-opencompass",
        "statement": "Stepfun ranked first on the Chinese evaluation platform OpenCompass.",
        "claimant": "AI Era (Xinzhiyuan), translated by ChinAI",
        "kind": Kind.FACT,
        "first": (CHINAI, "Stepfun section", None),
        "topics": ["Industry", "Benchmarks"],
        "evidence": [
            ev(
                CHINAI,
                Stance.ASSERTS,
                "Stepfun section",
                "Alongside a top-ten Chatbot Arena placing; no dates.",
            )
        ],
        "grading": (V.UNSUBSTANTIATED, Conf.LOW, "No leaderboard date or model version is given."),
    },
    # --- The aggregator page ------------------------------------------------------------------
    {
        "slug": "china-training-efficiency-parity-by-2027",
        "statement": "China will match the US in large-model training efficiency by 2027.",
        "claimant": "AI-generated analysis on a news aggregator page",
        "kind": Kind.FORECAST,
        "first": (AGGREGATOR, "Future Implications", None),
        "topics": ["AGI race", "Compute"],
        "recheck": datetime.date(2027, 12, 31),
        "evidence": [
            ev(
                AGGREGATOR,
                Stance.ASSERTS,
                "Future Implications",
                "Predicts parity from software optimised for weaker hardware.",
            )
        ],
        "grading": (
            V.UNSUBSTANTIATED,
            Conf.HIGH,
            "A machine-written prediction with no measure of efficiency and no source.",
        ),
    },
    {
        "slug": "chinese-labs-announced-trillion-parameter-targets-may-2024",
        "statement": "In May 2024, major Chinese AI labs announced a move to trillion-parameter training targets.",
        "claimant": "AI-generated timeline on a news aggregator page",
        "kind": Kind.FACT,
        "first": (AGGREGATOR, "Timeline, entry 2024-05", None),
        "topics": ["Model scale"],
        "evidence": [
            ev(
                AGGREGATOR,
                Stance.ASSERTS,
                "Timeline, entry 2024-05",
                "One line; no lab or announcement named.",
            )
        ],
        "grading": (
            V.UNSUBSTANTIATED,
            Conf.HIGH,
            "No lab, announcement or source is named, and we found none.",
        ),
    },
    {
        "slug": "china-mandated-domestic-ai-hardware-march-2025",
        "statement": "In March 2025 the Chinese government required state-backed AI projects to use more domestic hardware.",
        "claimant": "AI-generated timeline on a news aggregator page",
        "kind": Kind.FACT,
        "first": (AGGREGATOR, "Timeline, entry 2025-03", None),
        "topics": ["Chips and export controls"],
        "evidence": [
            ev(AGGREGATOR, Stance.ASSERTS, "Timeline, entry 2025-03", "One line, uncited.")
        ],
        "grading": (V.UNSUBSTANTIATED, Conf.MEDIUM, "No policy document is named."),
        "status": "in_review",
    },
    {
        "slug": "chinese-developers-use-moe-to-reach-trillions",
        "statement": "Chinese developers use mixture-of-experts designs to reach trillion-parameter scale despite hardware limits.",
        "claimant": "AI-generated analysis on a news aggregator page",
        "kind": Kind.FACT,
        "first": (AGGREGATOR, "Enhanced Key Takeaways, first point", None),
        "topics": ["Model scale", "Chips and export controls"],
        "evidence": [
            ev(AGGREGATOR, Stance.ASSERTS, "Enhanced Key Takeaways, first point", "Uncited."),
            ev(
                GOVAI,
                Stance.SUPPORTS,
                "Table 1, rows M6-T, M6-10T, CPM-2 and BaGuaLu",
                "MoE models of 1T, 10T, 198B and 14.5T parameters from 2021-2022.",
            ),
            ev(
                IEEE,
                Stance.CONTEXT,
                "paragraph on parameters",
                "Sparse models use a small subset of parameters per input and need less memory and compute.",
            ),
        ],
        "grading": (
            V.MOSTLY_ACCURATE,
            Conf.MEDIUM,
            "Trillion-scale Chinese MoE models are documented since 2021; 'despite hardware "
            "limits' is the page's gloss, not shown by its sources.",
        ),
    },
    # --- Figures from the GovAI survey --------------------------------------------------------
    {
        "slug": "yuan-1-0-used-more-compute-than-gpt-3",
        "statement": "Inspur's Yuan 1.0 used more training compute than GPT-3: 4,095 against 3,650 petaFLOP/s-days.",
        "claimant": "Inspur researchers (Yuan 1.0 paper)",
        "kind": Kind.FIGURE,
        "first": (YUAN, "as cited in the GovAI survey, note 24", datetime.date(2021, 10, 10)),
        "topics": ["Training compute"],
        "evidence": [
            ev(
                GOVAI,
                Stance.SUPPORTS,
                "Compute section, first takeaway",
                "Reports the 4,095 petaFLOP/s-day figure and the researchers' own comparison with GPT-3.",
            ),
            ev(
                YUAN,
                Stance.ASSERTS,
                "as cited in the GovAI survey, note 24",
                "The developer's own figure.",
            ),
        ],
        "grading": (
            V.ACCURATE,
            Conf.MEDIUM,
            "The comparison is the developers' and the survey reports it faithfully.",
        ),
    },
    {
        "slug": "yuan-1-0-training-compute-4-1e23-flops",
        "statement": "Yuan 1.0's training took 4.1 × 10²³ FLOPs.",
        "claimant": GOVAI_AUTHORS + ", Table 1",
        "kind": Kind.FIGURE,
        "first": (GOVAI, "Table 1, row Yuan 1.0", None),
        "topics": ["Training compute"],
        "context": "One petaFLOP/s-day is 8.64 × 10¹⁹ FLOPs, so 4,095 petaFLOP/s-days is about 3.5 × 10²³.",
        "evidence": [
            ev(GOVAI, Stance.ASSERTS, "Table 1, row Yuan 1.0", "4.10E+23 FLOPs on 2,128 GPUs."),
            ev(
                GOVAI,
                Stance.REFUTES,
                "Compute section, first takeaway",
                "The prose gives 4,095 petaFLOP/s-days, which converts to about 3.5 × 10²³ FLOPs.",
            ),
        ],
        "grading": (
            V.MOSTLY_ACCURATE,
            Conf.MEDIUM,
            "The survey's two figures differ by about 16% (4.1 against 3.5 × 10²³). Same "
            "order of magnitude; we prefer the developers' 4,095 petaFLOP/s-days.",
        ),
    },
    {
        "slug": "ernie-3-0-titan-took-3634-petaflop-s-days",
        "statement": "Training ERNIE 3.0 Titan took about 3,634 petaFLOP/s-days: 2,048 V100 GPUs for 28 days.",
        "claimant": "Baidu researchers (ERNIE 3.0 Titan paper)",
        "kind": Kind.FIGURE,
        "first": (TITAN, "as cited in the GovAI survey, note 26", datetime.date(2021, 12, 23)),
        "topics": ["Training compute"],
        "evidence": [
            ev(
                GOVAI,
                Stance.SUPPORTS,
                "Compute section, first takeaway",
                "Reports the developers' estimate.",
            ),
            ev(
                TITAN,
                Stance.ASSERTS,
                "as cited in the GovAI survey, note 26",
                "The developers' own estimate.",
            ),
            ev(
                GOVAI,
                Stance.REFUTES,
                "Table 1, row ERNIE 3.0 Titan",
                "The table gives 4.2 × 10²² FLOPs, about 486 petaFLOP/s-days: 7.5 times less.",
            ),
        ],
        "grading": (
            V.MOSTLY_ACCURATE,
            Conf.LOW,
            "It is the developers' estimate from GPU count and days, and it is "
            "arithmetically plausible for V100s; the survey's own table disagrees by 7.5×.",
        ),
    },
    {
        "slug": "ernie-3-0-titan-training-4-2e22-flops",
        "statement": "ERNIE 3.0 Titan's training took 4.2 × 10²² FLOPs.",
        "claimant": GOVAI_AUTHORS + ", Table 1",
        "kind": Kind.FIGURE,
        "first": (GOVAI, "Table 1, row ERNIE 3.0 Titan", None),
        "topics": ["Training compute"],
        "evidence": [
            ev(GOVAI, Stance.ASSERTS, "Table 1, row ERNIE 3.0 Titan", "4.2E+22 FLOPs."),
            ev(
                GOVAI,
                Stance.REFUTES,
                "Compute section, first takeaway",
                "The prose gives about 3,634 petaFLOP/s-days, roughly 3.1 × 10²³ FLOPs.",
            ),
        ],
        "grading": (
            V.INACCURATE,
            Conf.MEDIUM,
            "On 2,048 V100s for 28 days, 4.2 × 10²² FLOPs would mean the GPUs ran at "
            "under a tenth of their peak. The developers' estimate is 7.5 times larger.",
        ),
    },
    {
        "slug": "ernie-3-0-training-2-4e18-flops",
        "statement": "Baidu's ERNIE 3.0 was trained with 2.4 × 10¹⁸ FLOPs.",
        "claimant": GOVAI_AUTHORS + ", Table 1",
        "kind": Kind.FIGURE,
        "first": (GOVAI, "Table 1, row ERNIE 3.0", None),
        "topics": ["Training compute"],
        "evidence": [
            ev(GOVAI, Stance.ASSERTS, "Table 1, row ERNIE 3.0", "2.4E+18 FLOPs, 10B parameters."),
            ev(
                GOVAI,
                Stance.REFUTES,
                "Table 1, row ERNIE 3.0, hardware column",
                "384 V100 GPUs over 375 billion tokens: by the usual 6 × parameters × tokens rule "
                "that is about 2 × 10²² FLOPs.",
            ),
        ],
        "grading": (
            V.INACCURATE,
            Conf.MEDIUM,
            "Ten thousand times less than the table's own model size and token count "
            "imply; probably a typing error in the exponent.",
        ),
    },
    {
        "slug": "pangu-alpha-has-207-billion-parameters",
        "statement": "Huawei's PanGu-α has 207 billion parameters.",
        "claimant": "Huawei and partners (PanGu-α paper)",
        "kind": Kind.FIGURE,
        "first": (PANGU, "as cited in the GovAI survey, note 17", datetime.date(2021, 4, 26)),
        "topics": ["Model scale"],
        "evidence": [
            ev(
                GOVAI,
                Stance.SUPPORTS,
                "Table 1, row PanGu-α",
                "207B on 2,048 Ascend 910 processors.",
            ),
            ev(
                GOVAI,
                Stance.CONTEXT,
                "Compute section, second takeaway",
                "Rounds it to a 200B-parameter model.",
            ),
            ev(
                PANGU,
                Stance.ASSERTS,
                "as cited in the GovAI survey, note 17",
                "The developers' figure.",
            ),
        ],
        "grading": (V.ACCURATE, Conf.HIGH, "The developers' paper and the survey agree."),
    },
    {
        "slug": "pangu-alpha-training-stopped-at-796-petaflop-s-days",
        "statement": "PanGu-α's training stopped after 40 billion tokens, about 796 petaFLOP/s-days of compute.",
        "claimant": GOVAI_AUTHORS,
        "kind": Kind.FIGURE,
        "first": (GOVAI, "Compute section, second takeaway", None),
        "topics": ["Training compute"],
        "evidence": [
            ev(
                GOVAI,
                Stance.ASSERTS,
                "Compute section, second takeaway",
                "Cites it as a sign compute limits cut training short.",
            ),
            ev(
                GOVAI,
                Stance.CONTEXT,
                "Table 1, row PanGu-α",
                "The table's 5.83 × 10²² FLOPs is about 675 petaFLOP/s-days, 15% less.",
            ),
        ],
        "grading": (
            V.MOSTLY_ACCURATE,
            Conf.MEDIUM,
            "The two figures in the survey are within 20% of each other; the point about "
            "a shortened run stands.",
        ),
    },
    {
        "slug": "plug-training-cut-from-120-to-35-days",
        "statement": "Alibaba cut PLUG's planned 120-day training run on 128 A100s to 35 days, about 427 petaFLOP/s-days.",
        "claimant": GOVAI_AUTHORS,
        "kind": Kind.FIGURE,
        "first": (GOVAI, "Compute section, second takeaway", None),
        "topics": ["Training compute"],
        "evidence": [
            ev(
                GOVAI,
                Stance.ASSERTS,
                "Compute section, second takeaway",
                "Gives plan, outcome and estimate.",
            ),
            ev(
                GOVAI,
                Stance.SUPPORTS,
                "Table 1, row PLUG",
                "3.6 × 10²² FLOPs over 35 days on Alicloud, about 417 petaFLOP/s-days.",
            ),
        ],
        "grading": (V.ACCURATE, Conf.MEDIUM, "Table and prose agree within 3%."),
    },
    {
        "slug": "only-3-of-26-models-trained-without-nvidia",
        "statement": "Only 3 of the 26 Chinese large models surveyed say they were trained without Nvidia GPUs.",
        "claimant": GOVAI_AUTHORS,
        "kind": Kind.FIGURE,
        "first": (GOVAI, "Compute section, third takeaway", None),
        "topics": ["Chips and export controls"],
        "evidence": [
            ev(GOVAI, Stance.ASSERTS, "Compute section, third takeaway", "V100 and A100 dominate."),
            ev(
                GOVAI,
                Stance.SUPPORTS,
                "Table 1, hardware column",
                "PanGu-α and Zidong Taichu on Huawei Ascend, BaGuaLu on Sunway; ERNIE 3.0 Titan mixed both.",
            ),
        ],
        "grading": (V.ACCURATE, Conf.MEDIUM, "The table's hardware column bears out the count."),
    },
    {
        "slug": "half-of-chinese-model-projects-discuss-ethics",
        "statement": "About half of China's large-model projects discuss ethics or governance.",
        "claimant": GOVAI_AUTHORS,
        "kind": Kind.FIGURE,
        "first": (GOVAI, "Main Findings", None),
        "topics": ["Governance and ethics"],
        "evidence": [
            ev(GOVAI, Stance.ASSERTS, "Main Findings", "Says half the projects raise such issues."),
            ev(
                GOVAI,
                Stance.SUPPORTS,
                "Government, Ethics, and Access section",
                "12 of the 26 papers or announcements do, that is 46%.",
            ),
        ],
        "grading": (V.MOSTLY_ACCURATE, Conf.HIGH, "12 of 26 is a little under half."),
    },
    {
        "slug": "chinese-ai-developers-ignore-ethics",
        "statement": "Chinese AI developers do not discuss the ethics of their large models.",
        "claimant": "Conventional Western accounts, as summarised by the GovAI survey",
        "kind": Kind.OPINION,
        "first": (GOVAI, "Government, Ethics, and Access section", None),
        "topics": ["Governance and ethics"],
        "evidence": [
            ev(
                GOVAI,
                Stance.REFUTES,
                "Government, Ethics, and Access section",
                "Bias, misuse and environmental costs come up in 12 of 26 papers, e.g. Yuan 1.0 "
                "and WenLan 2.0.",
            ),
        ],
        "grading": (V.INACCURATE, Conf.HIGH, "The papers themselves contain such discussions."),
    },
    {
        "slug": "glm-130b-runs-on-a-single-server",
        "statement": "GLM-130B is an open bilingual model that can be downloaded and run on a single server.",
        "claimant": GOVAI_AUTHORS + ", Table 1",
        "kind": Kind.FACT,
        "first": (GOVAI, "Table 1, row GLM-130B", None),
        "topics": ["Open-source models"],
        "evidence": [
            ev(
                GOVAI,
                Stance.ASSERTS,
                "Table 1, row GLM-130B",
                "Trained on 96 A100s for two months.",
            )
        ],
        "grading": (
            V.ACCURATE,
            Conf.MEDIUM,
            "As stated by its developers and reported by the survey.",
        ),
    },
    {
        "slug": "baai-roadmap-review-was-plagiarised",
        "statement": "BAAI's 200-page 'Roadmap for Big Model' review contained more than ten plagiarised sections.",
        "claimant": GOVAI_AUTHORS,
        "kind": Kind.FACT,
        "first": (GOVAI, "Role of Government, BAAI", None),
        "topics": ["Governance and ethics"],
        "evidence": [
            ev(
                GOVAI,
                Stance.ASSERTS,
                "Role of Government, BAAI",
                "The April 2022 scandal over a review with nearly a hundred co-authors.",
            )
        ],
        "grading": (V.ACCURATE, Conf.MEDIUM, "Reported with citations to contemporary coverage."),
    },
    {
        "slug": "only-four-chinese-models-open-to-public-in-2023",
        "statement": "Only four Chinese large models were open to public access in January 2023.",
        "claimant": GOVAI_AUTHORS,
        "kind": Kind.FACT,
        "first": (GOVAI, "Access Restrictions section", None),
        "topics": ["Open-source models", "Governance and ethics"],
        "recheck": datetime.date(2024, 1, 1),
        "evidence": [
            ev(
                GOVAI,
                Stance.ASSERTS,
                "Access Restrictions section",
                "Yuan 1.0, the WuDao platform, GLM-130B and Baidu's Wenxin, tested in January 2023.",
            ),
            ev(
                CHINAI,
                Stance.REFUTES,
                "Alibaba section",
                "By 2025 Alibaba's Qwen family was openly downloadable and widely built upon.",
            ),
        ],
        "grading": (
            V.OUTDATED,
            Conf.HIGH,
            "Right at the time of the authors' tests; many Chinese models have been "
            "openly released since.",
        ),
    },
]

# Counter-claims first: each shows on both claims' pages.
RELATIONS = [
    (
        "wudao-2-0-was-a-family-of-models",
        "wudao-2-0-is-one-model-with-1-75-trillion-parameters",
        Rel.COUNTER_CLAIM,
    ),
    (
        "no-paper-describes-wudao-2-0-1-75t-model",
        "wudao-2-0-is-one-model-with-1-75-trillion-parameters",
        Rel.COUNTER_CLAIM,
    ),
    ("wudao-2-0-was-a-family-of-models", "wudao-2-0-ten-times-gpt-3", Rel.COUNTER_CLAIM),
    (
        "bagualu-has-14-5-trillion-parameters",
        "bagualu-has-174-trillion-parameters",
        Rel.COUNTER_CLAIM,
    ),
    (
        "chinese-labs-do-much-llm-research",
        "no-agi-race-between-china-and-the-us",
        Rel.COUNTER_CLAIM,
    ),
    (
        "chinese-labs-do-much-llm-research",
        "ccp-not-interested-in-agi-by-scaling-llms",
        Rel.COUNTER_CLAIM,
    ),
    (
        "chinese-firms-could-still-buy-the-h800",
        "china-can-no-longer-buy-data-centre-gpus",
        Rel.COUNTER_CLAIM,
    ),
    (
        "nvidia-released-a800-for-china",
        "china-can-no-longer-buy-data-centre-gpus",
        Rel.COUNTER_CLAIM,
    ),
    (
        "export-controls-not-yet-limiting-china-llms",
        "china-can-no-longer-buy-data-centre-gpus",
        Rel.COUNTER_CLAIM,
    ),
    (
        "jack-ma-vanished-after-criticising-regulators",
        "jack-ma-vanished-because-alibaba-too-powerful",
        Rel.COUNTER_CLAIM,
    ),
    (
        "yuan-1-0-used-more-compute-than-gpt-3",
        "yuan-1-0-training-compute-4-1e23-flops",
        Rel.COUNTER_CLAIM,
    ),
    (
        "ernie-3-0-titan-took-3634-petaflop-s-days",
        "ernie-3-0-titan-training-4-2e22-flops",
        Rel.COUNTER_CLAIM,
    ),
    (
        "half-of-chinese-model-projects-discuss-ethics",
        "chinese-ai-developers-ignore-ethics",
        Rel.COUNTER_CLAIM,
    ),
    (
        "chinese-developers-use-moe-to-reach-trillions",
        "chinese-llms-are-getting-smaller",
        Rel.COUNTER_CLAIM,
    ),
    (
        "china-has-best-open-text-to-video-model",
        "no-agi-race-between-china-and-the-us",
        Rel.COUNTER_CLAIM,
    ),
    # The essay's argument broken into its premises.
    (
        "china-can-no-longer-buy-data-centre-gpus",
        "no-agi-race-between-china-and-the-us",
        Rel.PART_OF,
    ),
    (
        "china-failing-to-build-semiconductor-industry",
        "no-agi-race-between-china-and-the-us",
        Rel.PART_OF,
    ),
    (
        "ccp-not-interested-in-agi-by-scaling-llms",
        "no-agi-race-between-china-and-the-us",
        Rel.PART_OF,
    ),
    (
        "draft-rules-would-ban-powerful-llms",
        "ccp-not-interested-in-agi-by-scaling-llms",
        Rel.SUPPORTS,
    ),
    ("no-paper-describes-wudao-2-0-1-75t-model", "wudao-2-0-was-a-family-of-models", Rel.SUPPORTS),
    ("wu-dao-3-0-is-a-family-of-small-models", "chinese-llms-are-getting-smaller", Rel.SUPPORTS),
]
