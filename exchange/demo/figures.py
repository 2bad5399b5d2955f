"""Demo figures: Table 1 of the GovAI survey (26 Chinese models, 2020–2022: release date,
developers, parameters, training compute, hardware), the figures its prose gives in other
units, and a few from the other seed documents.

Figures of claims already in the demo (claims/demo/claims.py) are attached to them; every
other figure in the table becomes a claim of its own, worded here, with the table row as its
locator. Nothing here says which figures disagree: the detector finds that by itself.
"""

import datetime

from claims.choices import Bound, Method, Rank, Scope, SubjectKind
from claims.choices import Confidence as Conf
from claims.choices import Quantity as Q
from claims.choices import Verdict as V

D = datetime.date

# name, released, developers, the survey's note number for the row
MODELS = [
    ("WuDao-Wen Yuan 1.0 (CPM)", D(2020, 12, 1), "BAAI, Tsinghua University", 13),
    ("M6", D(2021, 3, 1), "Tsinghua University, Alibaba", 14),
    ("WuDao-WenLan 1.0", D(2021, 3, 11), "Renmin University of China, CAS", 15),
    ("WuDao-Wen Hui 1.0 (GLM)", D(2021, 3, 18), "Tsinghua, BAAI, MIT, Shanghai Qi Zhi", 9),
    ("PLUG", D(2021, 4, 19), "Alibaba", 16),
    ("PanGu-α", D(2021, 4, 26), "Huawei, Recurrent AI, Peking University, Peng Cheng Lab", 17),
    ("ConSERT", D(2021, 5, 25), "BUPT, Meituan", 18),
    ("CogView", D(2021, 5, 26), "Tsinghua University, Alibaba, BAAI", 12),
    ("M6-T", D(2021, 5, 31), "Alibaba", 19),
    ("WuDao-Wen Yuan 2.0 (CPM-2)", D(2021, 6, 24), "Tsinghua University, BAAI", 20),
    ("ERNIE 3.0", D(2021, 7, 15), "Baidu", 8),
    ("PLATO-XL", D(2021, 9, 20), "Baidu", 21),
    ("Zidong Taichu", D(2021, 9, 27), "Chinese Academy of Sciences", 22),
    ("M6-10T", D(2021, 10, 8), "Alibaba", 23),
    ("Yuan 1.0", D(2021, 10, 10), "Inspur", 24),
    ("WuDao-WenLan 2.0", D(2021, 10, 27), "Renmin University of China and partners", 25),
    ("NÜWA", D(2021, 11, 24), "Microsoft Research Asia, Peking University", 10),
    ("ERNIE 3.0 Titan", D(2021, 12, 23), "Baidu, Peng Cheng Lab", 26),
    ("ERNIE-ViLG", D(2021, 12, 31), "Baidu", 11),
    ("BaGuaLu", D(2022, 4, 2), "Tsinghua University, BAAI, Alibaba, Zhejiang Lab", 27),
    ("CogVideo", D(2022, 5, 29), "Tsinghua University, BAAI", 28),
    ("GLM-130B", D(2022, 8, 4), "Tsinghua University, BAAI, Zhipu.AI", 29),
    ("Taiyi-Stable Diffusion", D(2022, 10, 31), "IDEA CCNL", 30),
    ("AltDiffusion", D(2022, 11, 12), "BAAI", 31),
    ("AR-LDM", D(2022, 11, 20), "University of Waterloo, Alibaba, Vector Institute", 32),
    ("ALM 1.0", D(2022, 11, 28), "BAAI", 33),
]
# Subjects outside the table.
OTHER_SUBJECTS = [
    ("WuDao 2.0", None, "BAAI", SubjectKind.MODEL),
    ("Doubao", None, "ByteDance", SubjectKind.MODEL),
    ("Alibaba", None, "", SubjectKind.ORGANISATION),
]


def fig(subject, quantity, value, unit="", **options) -> dict:
    return {"subject": subject, "quantity": quantity, "value": value, "unit": unit, **options}


# The figures of claims already in the demo, by the claim's slug.
ON_EXISTING_CLAIMS = {
    "pangu-alpha-has-207-billion-parameters": fig("PanGu-α", Q.PARAMETERS, 207, "B"),
    "bagualu-has-14-5-trillion-parameters": fig(
        "BaGuaLu",
        Q.PARAMETERS,
        14.5,
        "T",
        scope=Scope.MOE_TOTAL,
        rank=Rank.PREFERRED,
        rank_reason="The size of the model actually trained, per the developers' paper.",
    ),
    "bagualu-has-174-trillion-parameters": fig(
        "BaGuaLu", Q.PARAMETERS, 174, "trillion", scope=Scope.MOE_TOTAL
    ),
    "yuan-1-0-used-more-compute-than-gpt-3": fig(
        "Yuan 1.0",
        Q.TRAINING_COMPUTE,
        4095,
        "petaFLOP/s-days",
        rank=Rank.PREFERRED,
        rank_reason="The developers' own figure, from the Yuan 1.0 paper.",
    ),
    "yuan-1-0-training-compute-4-1e23-flops": fig("Yuan 1.0", Q.TRAINING_COMPUTE, 4.1e23, "FLOP"),
    "ernie-3-0-titan-took-3634-petaflop-s-days": fig(
        "ERNIE 3.0 Titan",
        Q.TRAINING_COMPUTE,
        3634,
        "PF/s-days",
        bound=Bound.APPROXIMATE,
        method=Method.ESTIMATED,
        rank=Rank.PREFERRED,
        rank_reason="The developers' estimate from GPU count and days, which the survey repeats.",
    ),
    "ernie-3-0-titan-training-4-2e22-flops": fig(
        "ERNIE 3.0 Titan",
        Q.TRAINING_COMPUTE,
        4.2e22,
        "FLOP",
        rank=Rank.DEPRECATED,
        rank_reason="An order of magnitude below the developers' own estimate.",
    ),
    "ernie-3-0-training-2-4e18-flops": fig(
        "ERNIE 3.0",
        Q.TRAINING_COMPUTE,
        2.4e18,
        "FLOP",
        rank=Rank.DEPRECATED,
        rank_reason="Four orders of magnitude below what the model's size and tokens imply.",
    ),
    "pangu-alpha-training-stopped-at-796-petaflop-s-days": fig(
        "PanGu-α",
        Q.TRAINING_COMPUTE,
        796,
        "petaFLOP/s-days",
        bound=Bound.APPROXIMATE,
        scope=Scope.ACHIEVED,
    ),
    "plug-training-cut-from-120-to-35-days": fig(
        "PLUG",
        Q.TRAINING_COMPUTE,
        427,
        "petaFLOP/s-days",
        bound=Bound.APPROXIMATE,
        method=Method.ESTIMATED,
        scope=Scope.ACHIEVED,
    ),
    "wudao-2-0-is-one-model-with-1-75-trillion-parameters": fig(
        "WuDao 2.0", Q.PARAMETERS, 1.75, "T"
    ),
    "doubao-has-over-100-million-monthly-users": fig(
        "Doubao", Q.USERS, 100, "million", bound=Bound.AT_LEAST, refers_to=D(2025, 5, 1)
    ),
    "alibaba-to-invest-380-billion-yuan-in-ai": fig(
        "Alibaba", Q.INVESTMENT, 380, "billion CNY", scope=Scope.PLANNED
    ),
}

# Table 1's other figures, each a claim of its own: (figure, how the statement gives it).
TABLE_FIGURES = [
    (fig("WuDao-Wen Yuan 1.0 (CPM)", Q.PARAMETERS, 2.6, "B"), "2.6 billion"),
    (fig("WuDao-Wen Yuan 1.0 (CPM)", Q.TRAINING_COMPUTE, 6.5e20, "FLOP"), "6.5 × 10²⁰"),
    (fig("WuDao-Wen Yuan 1.0 (CPM)", Q.ACCELERATORS, 64, "GPUs"), "64 Nvidia V100 GPUs"),
    (fig("WuDao-Wen Yuan 1.0 (CPM)", Q.TRAINING_DURATION, 2, "weeks"), "two weeks"),
    (fig("M6", Q.PARAMETERS, 100, "B", scope=Scope.MOE_TOTAL), "100 billion"),
    (fig("M6", Q.ACCELERATORS, 128, "GPUs"), "128 Nvidia A100 GPUs"),
    (fig("WuDao-WenLan 1.0", Q.PARAMETERS, 1, "B"), "1 billion"),
    (fig("WuDao-WenLan 1.0", Q.TRAINING_COMPUTE, 7.2e21, "FLOP"), "7.2 × 10²¹"),
    (fig("WuDao-WenLan 1.0", Q.ACCELERATORS, 128, "GPUs"), "128 Nvidia A100 GPUs"),
    (fig("WuDao-WenLan 1.0", Q.TRAINING_DURATION, 7, "days"), "7 days"),
    (fig("WuDao-Wen Hui 1.0 (GLM)", Q.PARAMETERS, 11.3, "B"), "11.3 billion"),
    (fig("WuDao-Wen Hui 1.0 (GLM)", Q.TRAINING_COMPUTE, 1.2e20, "FLOP"), "1.2 × 10²⁰"),
    (fig("WuDao-Wen Hui 1.0 (GLM)", Q.ACCELERATORS, 64, "GPUs"), "64 Nvidia V100 GPUs"),
    (fig("WuDao-Wen Hui 1.0 (GLM)", Q.TRAINING_DURATION, 2.5, "days"), "2.5 days"),
    (fig("PLUG", Q.PARAMETERS, 27, "B"), "27 billion"),
    (fig("PLUG", Q.TRAINING_COMPUTE, 3.6e22, "FLOP"), "3.6 × 10²²"),
    (fig("PLUG", Q.TRAINING_DURATION, 35, "days", scope=Scope.ACHIEVED), "35 days"),
    (fig("PanGu-α", Q.TRAINING_COMPUTE, 5.83e22, "FLOP"), "5.83 × 10²²"),
    (fig("PanGu-α", Q.ACCELERATORS, 2048, "NPUs"), "2,048 Huawei Ascend 910 processors"),
    (fig("ConSERT", Q.PARAMETERS, 345, "M"), "345 million"),
    (
        fig("ConSERT", Q.TRAINING_COMPUTE, 3e15, "FLOP", lower=1e15, upper=5e15),
        "between 10¹⁵ and 5 × 10¹⁵",
    ),
    (fig("ConSERT", Q.ACCELERATORS, 1, "GPUs"), "a single Nvidia V100 GPU"),
    (
        fig("ConSERT", Q.TRAINING_DURATION, 6, "minutes", lower=2, upper=10),
        "two to ten minutes",
    ),
    (fig("CogView", Q.PARAMETERS, 4, "B"), "4 billion"),
    (fig("CogView", Q.TRAINING_COMPUTE, 2.68e22, "FLOP"), "2.68 × 10²²"),
    (fig("CogView", Q.ACCELERATORS, 512, "GPUs"), "512 Nvidia V100 GPUs"),
    (fig("M6-T", Q.PARAMETERS, 1, "T", scope=Scope.MOE_TOTAL), "1 trillion"),
    (fig("M6-T", Q.TRAINING_COMPUTE, 5.5e21, "FLOP"), "5.5 × 10²¹"),
    (fig("M6-T", Q.ACCELERATORS, 480, "GPUs"), "480 Nvidia V100 GPUs"),
    (fig("WuDao-Wen Yuan 2.0 (CPM-2)", Q.PARAMETERS, 11, "B", scope=Scope.DENSE), "11 billion"),
    (
        fig("WuDao-Wen Yuan 2.0 (CPM-2)", Q.PARAMETERS, 198, "B", scope=Scope.MOE_TOTAL),
        "198 billion",
    ),
    (fig("ERNIE 3.0", Q.PARAMETERS, 10, "B"), "10 billion"),
    (fig("ERNIE 3.0", Q.ACCELERATORS, 384, "GPUs"), "384 Nvidia V100 GPUs"),
    (fig("ERNIE 3.0", Q.TRAINING_TOKENS, 375, "B"), "375 billion"),
    (fig("PLATO-XL", Q.PARAMETERS, 11, "B"), "11 billion"),
    (fig("PLATO-XL", Q.ACCELERATORS, 256, "GPUs"), "256 Nvidia V100 GPUs"),
    (fig("Zidong Taichu", Q.PARAMETERS, 100, "B"), "100 billion"),
    (fig("M6-10T", Q.PARAMETERS, 10, "T", scope=Scope.MOE_TOTAL), "10 trillion"),
    (fig("M6-10T", Q.TRAINING_COMPUTE, 5.5e21, "FLOP"), "5.5 × 10²¹"),
    (fig("M6-10T", Q.ACCELERATORS, 512, "GPUs"), "512 Nvidia V100 GPUs"),
    (fig("M6-10T", Q.TRAINING_DURATION, 10, "days"), "10 days"),
    (fig("Yuan 1.0", Q.PARAMETERS, 245, "B"), "245 billion"),
    (fig("Yuan 1.0", Q.ACCELERATORS, 2128, "GPUs"), "2,128 GPUs"),
    (fig("WuDao-WenLan 2.0", Q.PARAMETERS, 5.3, "B"), "5.3 billion"),
    (fig("WuDao-WenLan 2.0", Q.TRAINING_COMPUTE, 9.0e21, "FLOP"), "9.0 × 10²¹"),
    (fig("WuDao-WenLan 2.0", Q.ACCELERATORS, 112, "GPUs"), "112 Nvidia A100 GPUs"),
    (fig("WuDao-WenLan 2.0", Q.TRAINING_DURATION, 10, "days"), "10 days"),
    (fig("NÜWA", Q.PARAMETERS, 870, "M"), "870 million"),
    (fig("NÜWA", Q.TRAINING_COMPUTE, 7.2e21, "FLOP"), "7.2 × 10²¹"),
    (fig("NÜWA", Q.ACCELERATORS, 64, "GPUs"), "64 Nvidia A100 GPUs"),
    (fig("NÜWA", Q.TRAINING_DURATION, 2, "weeks"), "two weeks"),
    (fig("ERNIE 3.0 Titan", Q.PARAMETERS, 260, "B"), "260 billion"),
    (fig("ERNIE-ViLG", Q.PARAMETERS, 10, "B"), "10 billion"),
    (fig("CogVideo", Q.PARAMETERS, 9, "B"), "9 billion"),
    (fig("GLM-130B", Q.PARAMETERS, 130, "B"), "130 billion"),
    (fig("GLM-130B", Q.TRAINING_COMPUTE, 4.6e22, "FLOP"), "4.6 × 10²²"),
    (fig("GLM-130B", Q.ACCELERATORS, 96, "GPUs"), "96 Nvidia A100 GPUs"),
    (fig("GLM-130B", Q.TRAINING_DURATION, 2, "months"), "two months"),
    (fig("Taiyi-Stable Diffusion", Q.PARAMETERS, 1, "B"), "1 billion"),
    (fig("Taiyi-Stable Diffusion", Q.TRAINING_COMPUTE, 2.55e22, "FLOP"), "2.55 × 10²²"),
    (fig("Taiyi-Stable Diffusion", Q.ACCELERATORS, 32, "GPUs"), "32 Nvidia A100 GPUs"),
    (fig("Taiyi-Stable Diffusion", Q.TRAINING_DURATION, 100, "hours"), "100 hours"),
    (fig("AR-LDM", Q.PARAMETERS, 1.5, "B"), "1.5 billion"),
    (fig("AR-LDM", Q.TRAINING_COMPUTE, 5.1e20, "FLOP"), "5.1 × 10²⁰"),
    (fig("AR-LDM", Q.ACCELERATORS, 8, "GPUs"), "8 Nvidia A100 GPUs"),
    (fig("AR-LDM", Q.TRAINING_DURATION, 8, "days"), "8 days"),
]

# How each kind of table figure is put as a claim, in our words.
STATEMENTS = {
    Q.PARAMETERS: "{model} has {amount} parameters{scope}.",
    Q.TRAINING_COMPUTE: "Training {model} took {amount} FLOPs.",
    Q.ACCELERATORS: "{model} was trained on {amount}.",
    Q.TRAINING_DURATION: "{model}'s training ran for {amount}.",
    Q.TRAINING_TOKENS: "{model} was trained on {amount} tokens.",
}
SCOPE_WORDS = {
    Scope.MOE_TOTAL: " (mixture of experts, all experts counted)",
    Scope.DENSE: " (dense version)",
}
TABLE_GRADING = (
    V.ACCURATE,
    Conf.LOW,
    "The figure comes from the developers' own paper, as the survey tabulates it (see the "
    "note on the row). No other source in the registry gives a different value for it; we "
    "have not re-derived it ourselves.",
)
# Where the table figure is one side of a disagreement we could check by hand.
TABLE_GRADINGS = {
    ("PanGu-α", Q.TRAINING_COMPUTE): (
        V.MIXED,
        Conf.MEDIUM,
        "The same survey's prose puts the run that was stopped after 40 billion tokens at "
        "about 796 petaFLOP/s-days, some 18% more than this figure; six operations per "
        "parameter per token for a 200-billion-parameter model over 40 billion tokens gives "
        "less than either. The order of magnitude is right; the exact figure is not settled.",
    ),
}

# A figure derived from others, as a fact-checker would derive it.
DERIVED = [
    {
        "slug": "ernie-3-0-compute-from-size-and-tokens",
        "statement": (
            "By the usual rule of six operations per parameter per token, ERNIE 3.0's "
            "training (10 billion parameters, 375 billion tokens) needed about 2.3 × 10²² FLOPs."
        ),
        "claimant": "Derived from the survey's own Table 1 figures",
        "figure": fig(
            "ERNIE 3.0",
            Q.TRAINING_COMPUTE,
            2.25e22,
            "FLOP",
            bound=Bound.APPROXIMATE,
            method=Method.DERIVED,
            rank=Rank.PREFERRED,
            rank_reason="Follows from the parameter and token counts the table gives.",
        ),
        "grading": (
            V.MOSTLY_ACCURATE,
            Conf.MEDIUM,
            "6 × 10¹⁰ parameters × 3.75 × 10¹¹ tokens = 2.25 × 10²² FLOPs. The rule ignores "
            "attention and recomputation, which add a little; it cannot be off by four orders "
            "of magnitude, as the table's 2.4 × 10¹⁸ is.",
        ),
    }
]

# Conflicts an editor has looked at and explained, by the pair's claim slugs.
EXPLANATIONS = {
    (
        "bagualu-has-174-trillion-parameters",
        "bagualu-has-14-5-trillion-parameters",
    ): "174 trillion is what the BaGuaLu system was shown able to train; the model actually "
    "trained had 14.5 trillion (both count every expert of a mixture-of-experts model).",
}
