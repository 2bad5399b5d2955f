"""The relevance test set for the public search (issue 16): what readers type, and the demo
claims they would be glad to see first.

A query is a hit when at least one of its expected claims is among the first three results; the
set is written from the demo (exchange/demo/claims.json and claims_zh.json) and from what a reader
would type, not from what any search engine does. Every expected claim is published.

Who counts as satisfied:
- A query in Latin script (english, typo, variant, alias) expects the English claims; the Chinese
  ones say the same in another language, and a reader who typed English may not read them.
- A query in Chinese (chinese, mixed) expects both: the Chinese claims and the English claims on
  the same thing, since an editor reading Chinese sources reads both.
- A figure (number) is script-neutral: it expects every claim whose figure has that value, in
  either language, and the claims whose statement gives the number.
A concept typed in Chinese (出口管制, 芯片, 参数) expects only claims a search can reach through
the Chinese names in exchange/demo/aliases.json (the topic "Chips and export controls" is 芯片 and
出口管制 there; "Model scale" is 参数规模) or through the Chinese claims.
"""

from dataclasses import dataclass

KINDS = ("english", "typo", "variant", "number", "alias", "chinese", "mixed")


@dataclass(frozen=True)
class Query:
    text: str
    expected: frozenset[str]
    kind: str
    note: str = ""

    def __post_init__(self) -> None:
        # Written as set literals below; kept as a frozenset so that a query is hashable.
        object.__setattr__(self, "expected", frozenset(self.expected))
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r} for {self.text!r}")
        if not self.expected:
            raise ValueError(f"{self.text!r} expects no claim")


# The demo's claims on one thing, by what readers would call it.
WUDAO_2_SIZE = {"wudao-2-0-is-one-model-with-1-75-trillion-parameters"}
WUDAO_2 = WUDAO_2_SIZE | {
    "wudao-2-0-was-a-family-of-models",
    "no-paper-describes-wudao-2-0-1-75t-model",
    "wudao-2-0-ten-times-gpt-3",
    "wudao-2-0-nine-benchmark-records",
}
WUDAO_3 = {"wu-dao-3-0-is-a-family-of-small-models", "aquilachat-7b-corpus-40-percent-chinese"}
WUDAO_PARAMETERS = {
    "wudao-wen-yuan-10-cpm-parameters-table-1",
    "wudao-wenlan-10-parameters-table-1",
    "wudao-wen-hui-10-glm-parameters-table-1",
    "wudao-wen-yuan-20-cpm-2-parameters-dense-table-1",
    "wudao-wen-yuan-20-cpm-2-parameters-moe-total-table-1",
    "wudao-wenlan-20-parameters-table-1",
}
WENLAN = {
    "wudao-wenlan-10-parameters-table-1",
    "wudao-wenlan-10-training-compute-table-1",
    "wudao-wenlan-10-accelerators-table-1",
    "wudao-wenlan-10-training-duration-table-1",
    "wudao-wenlan-20-parameters-table-1",
    "wudao-wenlan-20-training-compute-table-1",
    "wudao-wenlan-20-accelerators-table-1",
    "wudao-wenlan-20-training-duration-table-1",
}
CPM = {
    "wudao-wen-yuan-10-cpm-parameters-table-1",
    "wudao-wen-yuan-10-cpm-training-compute-table-1",
    "wudao-wen-yuan-10-cpm-accelerators-table-1",
    "wudao-wen-yuan-10-cpm-training-duration-table-1",
    "wudao-wen-yuan-20-cpm-2-parameters-dense-table-1",
    "wudao-wen-yuan-20-cpm-2-parameters-moe-total-table-1",
}
# What a reader means by "WuDao": the claims the editors filed under it, and the parameter counts
# of the models named after it (the size is the WuDao story); not their GPU counts or run times.
WUDAO_ALL = WUDAO_2 | WUDAO_3 | WUDAO_PARAMETERS | {"baai-can-only-build-small-models"}
BAAI = {
    "baai-can-only-build-small-models",
    "baai-roadmap-review-was-plagiarised",
    "wudao-2-0-is-one-model-with-1-75-trillion-parameters",
    "wudao-2-0-nine-benchmark-records",
}
PANGU_SIZE = {"pangu-alpha-has-207-billion-parameters"}
PANGU = PANGU_SIZE | {
    "pangu-training-compute-table-1",
    "pangu-accelerators-table-1",
    "pangu-alpha-training-stopped-at-796-petaflop-s-days",
}
ERNIE_3 = {
    "ernie-30-parameters-table-1",
    "ernie-30-accelerators-table-1",
    "ernie-30-training-tokens-table-1",
    "ernie-3-0-compute-from-size-and-tokens",
    "ernie-3-0-training-2-4e18-flops",
}
ERNIE_TITAN = {
    "ernie-30-titan-parameters-table-1",
    "ernie-3-0-titan-took-3634-petaflop-s-days",
    "ernie-3-0-titan-training-4-2e22-flops",
}
ERNIE = ERNIE_3 | ERNIE_TITAN | {"ernie-vilg-parameters-table-1", "ernie-bot-weaker-than-gpt-3"}
BAIDU = ERNIE | {"plato-xl-parameters-table-1", "plato-xl-accelerators-table-1"}
YUAN = {
    "yuan-10-parameters-table-1",
    "yuan-10-accelerators-table-1",
    "yuan-1-0-used-more-compute-than-gpt-3",
    "yuan-1-0-training-compute-4-1e23-flops",
}
YUAN_COMPUTE = {"yuan-1-0-used-more-compute-than-gpt-3", "yuan-1-0-training-compute-4-1e23-flops"}
BAGUALU = {
    "bagualu-has-174-trillion-parameters",
    "bagualu-has-14-5-trillion-parameters",
    "sunway-exascale-with-14nm-chips",
}
GLM_130B = {
    "glm-130b-parameters-table-1",
    "glm-130b-training-compute-table-1",
    "glm-130b-accelerators-table-1",
    "glm-130b-training-duration-table-1",
    "glm-130b-runs-on-a-single-server",
}
M6_10T = {
    "m6-10t-parameters-moe-total-table-1",
    "m6-10t-training-compute-table-1",
    "m6-10t-accelerators-table-1",
    "m6-10t-training-duration-table-1",
}
NUWA = {
    "nuwa-parameters-table-1",
    "nuwa-training-compute-table-1",
    "nuwa-accelerators-table-1",
    "nuwa-training-duration-table-1",
}
TAIYI = {
    "taiyi-stable-diffusion-parameters-table-1",
    "taiyi-stable-diffusion-training-compute-table-1",
    "taiyi-stable-diffusion-accelerators-table-1",
    "taiyi-stable-diffusion-training-duration-table-1",
}
ZIDONG_TAICHU = {"zidong-taichu-parameters-table-1"}
EXPORT_CONTROLS = {
    "china-can-no-longer-buy-data-centre-gpus",
    "export-controls-not-yet-limiting-china-llms",
    "chinese-top-ten-supercomputers-predate-controls",
    "china-can-train-models-in-rented-foreign-data-centres",
    "nvidia-released-a800-for-china",
    "chinese-firms-could-still-buy-the-h800",
    "baai-can-only-build-small-models",
}
CHIPS = EXPORT_CONTROLS | {
    "only-3-of-26-models-trained-without-nvidia",
    "sunway-exascale-with-14nm-chips",
    "chinese-developers-use-moe-to-reach-trillions",
    "china-failing-to-build-semiconductor-industry",
}
NVIDIA = {
    "nvidia-released-a800-for-china",
    "chinese-firms-could-still-buy-the-h800",
    "only-3-of-26-models-trained-without-nvidia",
}
SUPERCOMPUTERS = {
    "china-has-162-of-top-500-supercomputers",
    "chinese-top-ten-supercomputers-predate-controls",
}
TRILLION = {
    "chinese-labs-announced-trillion-parameter-targets-may-2024",
    "chinese-developers-use-moe-to-reach-trillions",
    "wudao-2-0-is-one-model-with-1-75-trillion-parameters",
    "m6-t-parameters-moe-total-table-1",
    "m6-10t-parameters-moe-total-table-1",
    "bagualu-has-14-5-trillion-parameters",
    "bagualu-has-174-trillion-parameters",
}
MIXTURE_OF_EXPERTS = {
    "chinese-developers-use-moe-to-reach-trillions",
    "bagualu-has-14-5-trillion-parameters",
    "m6-parameters-moe-total-table-1",
    "m6-t-parameters-moe-total-table-1",
    "m6-10t-parameters-moe-total-table-1",
    "wudao-wen-yuan-20-cpm-2-parameters-moe-total-table-1",
}
ALIBABA = {
    "alibaba-to-invest-380-billion-yuan-in-ai",
    "qwen-is-worlds-leading-open-model",
    "jack-ma-vanished-because-alibaba-too-powerful",
}
ALIBABA_INVESTMENT = {"alibaba-to-invest-380-billion-yuan-in-ai"}
QWEN = {"qwen-is-worlds-leading-open-model"}
DOUBAO = {"doubao-has-over-100-million-monthly-users"}
BYTEDANCE = DOUBAO | {"trae-runs-on-gpt-4o-or-claude"}
ZHIPU = {"zhipu-first-chinese-llm-startup-to-prepare-ipo"}
STEPFUN = {"stepfun-ranked-first-on-opencompass"}
AI_ERA = DOUBAO | ALIBABA_INVESTMENT | QWEN | ZHIPU | STEPFUN
JACK_MA = {
    "jack-ma-vanished-because-alibaba-too-powerful",
    "jack-ma-vanished-after-criticising-regulators",
}
OPEN_SOURCE = {
    "wu-dao-3-0-is-a-family-of-small-models",
    "china-has-best-open-text-to-video-model",
    "qwen-is-worlds-leading-open-model",
    "glm-130b-runs-on-a-single-server",
    "only-four-chinese-models-open-to-public-in-2023",
}
ETHICS = {
    "half-of-chinese-model-projects-discuss-ethics",
    "chinese-ai-developers-ignore-ethics",
}
AGI = {"no-agi-race-between-china-and-the-us", "ccp-not-interested-in-agi-by-scaling-llms"}

# The same claims in Chinese (exchange/demo/claims_zh.json), and the two with no English twin.
ZH_ALIBABA = {"alibaba-380-billion-yuan-ai-plan-zh"}
ZH_DOUBAO = {"doubao-over-100-million-monthly-users-zh"}
ZH_BIG_FIVE = {"china-big-five-foundation-model-companies-zh"}
ZH_STEPFUN = {"stepfun-first-on-opencompass-zh"}
ZH_ZHIPU = {"zhipu-first-llm-startup-to-prepare-ipo-zh"}
ZH_DEEPSEEK = {"deepseek-research-first-without-profit-pressure-zh"}
ZH_WUDAO_2 = {"wudao-2-0-one-model-1-75-trillion-parameters-zh"}
ZH_PANGU = {"pangu-alpha-207-billion-parameters-zh"}
ZH_WUDAO_3 = {"wu-dao-3-0-small-open-models-zh"}
ZH_A800 = {"nvidia-a800-for-china-after-export-controls-zh"}
ZH_AI_ERA = ZH_ALIBABA | ZH_DOUBAO | ZH_BIG_FIVE | ZH_STEPFUN | ZH_ZHIPU | ZH_DEEPSEEK

WUDAO_2_FIGURE = WUDAO_2_SIZE | ZH_WUDAO_2 | {"no-paper-describes-wudao-2-0-1-75t-model"}

QUERIES: list[Query] = [
    # english: plain words, as a reader types them
    Query(
        text="no AGI race",
        expected={"no-agi-race-between-china-and-the-us"},
        kind="english",
        note="The issue's example: the claim came last of 18.",
    ),
    Query(text="export controls", expected=EXPORT_CONTROLS, kind="english"),
    Query(text="trillion parameter models", expected=TRILLION, kind="english"),
    Query(
        text="was WuDao 2.0 really one model",
        expected=WUDAO_2_SIZE
        | {"wudao-2-0-was-a-family-of-models", "no-paper-describes-wudao-2-0-1-75t-model"},
        kind="english",
    ),
    Query(
        text="Ernie Bot compared with GPT-3",
        expected={"ernie-bot-weaker-than-gpt-3"},
        kind="english",
    ),
    Query(
        text="H800",
        expected={
            "chinese-firms-could-still-buy-the-h800",
            "export-controls-not-yet-limiting-china-llms",
        },
        kind="english",
    ),
    Query(text="Jack Ma disappearance", expected=JACK_MA, kind="english"),
    Query(
        text="rent data centers abroad",
        expected={"china-can-train-models-in-rented-foreign-data-centres"},
        kind="english",
        note="American spelling; the claim says 'data centres'.",
    ),
    Query(
        text="are Chinese models getting smaller",
        expected={"chinese-llms-are-getting-smaller", "wu-dao-3-0-is-a-family-of-small-models"},
        kind="english",
    ),
    Query(
        text="BAAI plagiarism",
        expected={"baai-roadmap-review-was-plagiarised"},
        kind="english",
    ),
    Query(
        text="models trained without Nvidia GPUs",
        expected={"only-3-of-26-models-trained-without-nvidia"},
        kind="english",
    ),
    Query(text="China top 500 supercomputers", expected=SUPERCOMPUTERS, kind="english"),
    Query(
        text="draft rules on generative AI",
        expected={"draft-rules-would-ban-powerful-llms"},
        kind="english",
    ),
    Query(text="Doubao monthly users", expected=DOUBAO, kind="english"),
    Query(text="Alibaba AI investment", expected=ALIBABA_INVESTMENT, kind="english"),
    Query(text="Zhipu IPO", expected=ZHIPU, kind="english"),
    Query(
        text="arXiv papers with Chinese authors",
        expected={"half-of-arxiv-papers-have-chinese-authors"},
        kind="english",
    ),
    Query(
        text="best open source text-to-video model",
        expected={"china-has-best-open-text-to-video-model"},
        kind="english",
    ),
    Query(text="do Chinese AI labs discuss ethics", expected=ETHICS, kind="english"),
    Query(
        text="PanGu training stopped early",
        expected={"pangu-alpha-training-stopped-at-796-petaflop-s-days"},
        kind="english",
    ),
    Query(text="mixture of experts", expected=MIXTURE_OF_EXPERTS, kind="english"),
    Query(
        text="Sunway supercomputer 14nm",
        expected={"sunway-exascale-with-14nm-chips"},
        kind="english",
    ),
    Query(text="A800", expected={"nvidia-released-a800-for-china"}, kind="english"),
    Query(
        text="Ascend chips",
        expected={"pangu-accelerators-table-1"},
        kind="english",
        note="The claim says 'Huawei Ascend 910 processors'.",
    ),
    # typo: a letter swapped, dropped or doubled
    Query(
        text="Wudoa",
        expected=WUDAO_ALL,
        kind="typo",
        note="The issue's example: found nothing and suggested nothing.",
    ),
    Query(text="Ernei", expected=ERNIE, kind="typo"),
    Query(text="Huwaei", expected=PANGU, kind="typo"),
    Query(text="Yuan 1.0 parametres", expected={"yuan-10-parameters-table-1"}, kind="typo"),
    Query(text="Zidong Tiachu", expected=ZIDONG_TAICHU, kind="typo"),
    Query(text="Baguala", expected=BAGUALU, kind="typo"),
    Query(text="Alibba investment", expected=ALIBABA_INVESTMENT, kind="typo"),
    Query(text="expot controls", expected=EXPORT_CONTROLS, kind="typo"),
    Query(text="Nvida A800", expected={"nvidia-released-a800-for-china"}, kind="typo"),
    Query(
        text="supercomputors",
        expected=SUPERCOMPUTERS | {"sunway-exascale-with-14nm-chips"},
        kind="typo",
    ),
    Query(text="Zhipo IPO", expected=ZHIPU, kind="typo"),
    Query(text="Doubau", expected=DOUBAO, kind="typo"),
    Query(text="Pangu alpah", expected=PANGU, kind="typo"),
    Query(text="Stepfun OpenCompas", expected=STEPFUN, kind="typo"),
    Query(
        text="Wu Dao 2.0 paramters",
        expected=WUDAO_2_SIZE
        | {"wudao-2-0-ten-times-gpt-3", "no-paper-describes-wudao-2-0-1-75t-model"},
        kind="typo",
    ),
    # variant: the same name with other hyphens, spaces, case or version marks
    Query(text="WuDao2.0", expected=WUDAO_2, kind="variant", note="The issue's example."),
    Query(text="Wu Dao 2.0", expected=WUDAO_2, kind="variant", note="The issue's example."),
    Query(text="wudao-2.0", expected=WUDAO_2, kind="variant", note="The issue's example."),
    Query(
        text="GPT3",
        expected={
            "wudao-2-0-ten-times-gpt-3",
            "yuan-1-0-used-more-compute-than-gpt-3",
            "ernie-bot-weaker-than-gpt-3",
        },
        kind="variant",
        note="The issue's example: found nothing.",
    ),
    Query(text="PanGu alpha", expected=PANGU, kind="variant"),
    Query(text="Pangu-α", expected=PANGU, kind="variant"),
    Query(text="ernie3.0", expected=ERNIE_3, kind="variant"),
    Query(text="ERNIE-3.0-Titan", expected=ERNIE_TITAN, kind="variant"),
    Query(text="GLM130B", expected=GLM_130B, kind="variant"),
    Query(text="Yuan1.0", expected=YUAN, kind="variant"),
    Query(text="M6 10T", expected=M6_10T, kind="variant"),
    Query(text="Nuwa", expected=NUWA, kind="variant", note="Without the diaeresis of NÜWA."),
    Query(text="WuDao3.0", expected=WUDAO_3, kind="variant"),
    Query(
        text="CPM2",
        expected={
            "wudao-wen-yuan-20-cpm-2-parameters-dense-table-1",
            "wudao-wen-yuan-20-cpm-2-parameters-moe-total-table-1",
        },
        kind="variant",
    ),
    Query(text="zidongtaichu", expected=ZIDONG_TAICHU, kind="variant"),
    Query(text="BAGUALU", expected=BAGUALU, kind="variant"),
    Query(
        text="Wen Lan 2.0",
        expected={slug for slug in WENLAN if "wenlan-20" in slug},
        kind="variant",
    ),
    Query(text="Taiyi Stable-Diffusion", expected=TAIYI, kind="variant"),
    # number: a figure as typed, expecting the claims whose figure has that value
    Query(text="1.75T", expected=WUDAO_2_FIGURE, kind="number", note="The issue's example."),
    Query(text="1.75 trillion parameters", expected=WUDAO_2_FIGURE, kind="number"),
    Query(
        text="4,095 petaFLOP/s-days",
        expected={"yuan-1-0-used-more-compute-than-gpt-3"},
        kind="number",
        note="The issue's example. Yuan 1.0's 4.1 × 10²³ FLOPs is 16% more, outside the "
        "figure tolerance.",
    ),
    Query(
        text="175 billion parameters",
        expected={"wudao-2-0-ten-times-gpt-3"},
        kind="number",
        note="The issue's example. No figure in the demo is 175B; GPT-3's size is given only in "
        "the rationale of the claim comparing WuDao 2.0 with it.",
    ),
    Query(text="207B", expected=PANGU_SIZE | ZH_PANGU, kind="number"),
    Query(text="245 billion parameters", expected={"yuan-10-parameters-table-1"}, kind="number"),
    Query(text="260B params", expected={"ernie-30-titan-parameters-table-1"}, kind="number"),
    Query(text="14.5 trillion", expected={"bagualu-has-14-5-trillion-parameters"}, kind="number"),
    Query(text="174T", expected={"bagualu-has-174-trillion-parameters"}, kind="number"),
    Query(text="10T parameters", expected={"m6-10t-parameters-moe-total-table-1"}, kind="number"),
    Query(
        text="2048 GPUs",
        expected={"pangu-accelerators-table-1", "ernie-3-0-titan-took-3634-petaflop-s-days"},
        kind="number",
        note="PanGu-α's figure is 2,048 NPUs (Ascend); ERNIE 3.0 Titan's statement gives 2,048 "
        "V100s though its figure is the compute.",
    ),
    Query(text="2,128 GPUs", expected={"yuan-10-accelerators-table-1"}, kind="number"),
    Query(text="380 billion yuan", expected=ALIBABA_INVESTMENT | ZH_ALIBABA, kind="number"),
    Query(text="100 million users", expected=DOUBAO | ZH_DOUBAO, kind="number"),
    Query(
        text="3634 PF/s-days",
        expected={"ernie-3-0-titan-took-3634-petaflop-s-days"},
        kind="number",
    ),
    Query(
        text="796 petaflop/s-days",
        expected={"pangu-alpha-training-stopped-at-796-petaflop-s-days"},
        kind="number",
    ),
    Query(
        text="427 petaFLOP/s-days",
        expected={"plug-training-cut-from-120-to-35-days"},
        kind="number",
    ),
    Query(text="4.1e23 FLOPs", expected={"yuan-1-0-training-compute-4-1e23-flops"}, kind="number"),
    Query(
        text="5.5 × 10^21 FLOPs",
        expected={"m6-t-training-compute-table-1", "m6-10t-training-compute-table-1"},
        kind="number",
    ),
    Query(text="2.4E+18", expected={"ernie-3-0-training-2-4e18-flops"}, kind="number"),
    Query(
        text="375B tokens",
        expected={"ernie-30-training-tokens-table-1", "ernie-3-0-compute-from-size-and-tokens"},
        kind="number",
    ),
    Query(text="870M parameters", expected={"nuwa-parameters-table-1"}, kind="number"),
    Query(
        text="100 billion parameters",
        expected={"m6-parameters-moe-total-table-1", "zidong-taichu-parameters-table-1"},
        kind="number",
    ),
    Query(
        text="512 V100 GPUs",
        expected={"cogview-accelerators-table-1", "m6-10t-accelerators-table-1"},
        kind="number",
    ),
    Query(
        text="１.７５T",
        expected=WUDAO_2_FIGURE,
        kind="number",
        note="Full-width digits, as a Chinese input method in full-width mode types them.",
    ),
    # alias: another name of a lab, company, model or person
    Query(text="BAAI", expected=BAAI, kind="alias"),
    Query(text="Beijing Academy of Artificial Intelligence", expected=BAAI, kind="alias"),
    Query(text="Zhiyuan", expected=BAAI, kind="alias", note="The pinyin of 智源."),
    Query(text="Baidu's Ernie", expected=ERNIE, kind="alias"),
    Query(
        text="Zhipu AI",
        expected=ZHIPU | {"glm-130b-parameters-table-1", "glm-130b-runs-on-a-single-server"},
        kind="alias",
    ),
    Query(text="Tongyi Qianwen", expected=QWEN, kind="alias", note="Qwen's Chinese name."),
    Query(text="Xinzhiyuan", expected=AI_ERA, kind="alias", note="AI Era, in pinyin."),
    Query(
        text="TMTPost",
        expected={"baai-can-only-build-small-models"},
        kind="alias",
    ),
    Query(
        text="Zhao Hejuan",
        expected={"baai-can-only-build-small-models"},
        kind="alias",
        note="The claimant is 'Hejuan Zhao'; Chinese order puts the family name first.",
    ),
    Query(text="BriVL", expected=WENLAN, kind="alias", note="WenLan's model in its paper."),
    Query(text="MSRA", expected=NUWA, kind="alias"),
    Query(text="Ernie Titan", expected=ERNIE_TITAN, kind="alias"),
    Query(text="CPM", expected=CPM, kind="alias"),
    Query(text="Alibaba Group", expected=ALIBABA, kind="alias"),
    Query(text="Peng Cheng Laboratory", expected=PANGU | ERNIE_TITAN, kind="alias"),
    # chinese: names and concepts in Chinese, simplified and traditional
    Query(text="悟道", expected=WUDAO_ALL | ZH_WUDAO_2 | ZH_WUDAO_3, kind="chinese"),
    Query(text="智源", expected=BAAI | ZH_WUDAO_2 | ZH_WUDAO_3, kind="chinese"),
    Query(text="华为", expected=PANGU | ZH_PANGU, kind="chinese"),
    Query(text="華為", expected=PANGU | ZH_PANGU, kind="chinese", note="Traditional 华为."),
    Query(text="文心", expected=ERNIE, kind="chinese", note="Baidu's name for the ERNIE family."),
    Query(text="文心一言", expected={"ernie-bot-weaker-than-gpt-3"}, kind="chinese"),
    Query(text="盘古", expected=PANGU | ZH_PANGU, kind="chinese"),
    Query(text="盤古", expected=PANGU | ZH_PANGU, kind="chinese", note="Traditional 盘古."),
    Query(text="阿里巴巴", expected=ALIBABA | ZH_ALIBABA | ZH_BIG_FIVE, kind="chinese"),
    Query(text="百度", expected=BAIDU, kind="chinese"),
    Query(text="字节跳动", expected=BYTEDANCE | ZH_DOUBAO | ZH_BIG_FIVE, kind="chinese"),
    Query(
        text="字節跳動",
        expected=BYTEDANCE | ZH_DOUBAO | ZH_BIG_FIVE,
        kind="chinese",
        note="Traditional 字节跳动.",
    ),
    Query(
        text="深度求索",
        expected=ZH_DEEPSEEK | ZH_BIG_FIVE,
        kind="chinese",
        note="DeepSeek: only the Chinese claims name it.",
    ),
    Query(text="紫东太初", expected=ZIDONG_TAICHU, kind="chinese"),
    Query(text="紫東太初", expected=ZIDONG_TAICHU, kind="chinese", note="Traditional 紫东太初."),
    Query(text="源1.0", expected=YUAN, kind="chinese", note="Yuan 1.0's Chinese name."),
    Query(text="浪潮", expected=YUAN, kind="chinese", note="Inspur."),
    Query(text="豆包", expected=DOUBAO | ZH_DOUBAO, kind="chinese"),
    Query(text="通义千问", expected=QWEN, kind="chinese"),
    Query(text="八卦炉", expected=BAGUALU, kind="chinese"),
    Query(text="八卦爐", expected=BAGUALU, kind="chinese", note="Traditional 八卦炉."),
    Query(text="出口管制", expected=EXPORT_CONTROLS | ZH_A800, kind="chinese"),
    Query(text="芯片", expected=CHIPS | ZH_A800, kind="chinese"),
    Query(text="盘古参数", expected=PANGU_SIZE | ZH_PANGU, kind="chinese"),
    Query(
        text="悟道2.0参数量",
        expected=WUDAO_2_FIGURE | {"wudao-2-0-ten-times-gpt-3"},
        kind="chinese",
    ),
    Query(text="2070亿参数", expected=PANGU_SIZE | ZH_PANGU, kind="chinese"),
    Query(text="1.75万亿", expected=WUDAO_2_FIGURE, kind="chinese"),
    Query(text="3800亿元", expected=ALIBABA_INVESTMENT | ZH_ALIBABA, kind="chinese"),
    Query(text="豆包 1亿用户", expected=DOUBAO | ZH_DOUBAO, kind="chinese"),
    Query(
        text="智谱",
        expected=ZHIPU
        | ZH_ZHIPU
        | ZH_BIG_FIVE
        | {"glm-130b-parameters-table-1", "glm-130b-runs-on-a-single-server"},
        kind="chinese",
    ),
    Query(text="阶跃星辰", expected=STEPFUN | ZH_STEPFUN | ZH_BIG_FIVE, kind="chinese"),
    Query(text="英伟达", expected=NVIDIA | ZH_A800, kind="chinese", note="Nvidia."),
    Query(text="马云", expected=JACK_MA, kind="chinese", note="Jack Ma."),
    Query(text="开源模型", expected=OPEN_SOURCE | ZH_WUDAO_3, kind="chinese"),
    Query(text="新智元", expected=AI_ERA | ZH_AI_ERA, kind="chinese", note="AI Era."),
    Query(text="悟道3.0", expected=WUDAO_3 | ZH_WUDAO_3, kind="chinese"),
    Query(
        text="昇腾",
        expected={"pangu-accelerators-table-1"} | ZH_PANGU,
        kind="chinese",
        note="Huawei's Ascend chips.",
    ),
    Query(text="神威", expected={"sunway-exascale-with-14nm-chips"}, kind="chinese"),
    Query(text="女娲", expected=NUWA, kind="chinese", note="NÜWA is named after 女娲."),
    Query(text="太乙", expected=TAIYI, kind="chinese"),
    # mixed: Chinese and Latin script in one query
    Query(text="华为 PanGu", expected=PANGU | ZH_PANGU, kind="mixed"),
    Query(
        text="悟道 1.75万亿",
        expected=WUDAO_2_FIGURE | {"wudao-2-0-ten-times-gpt-3"},
        kind="mixed",
    ),
    Query(
        text="WuDao 参数",
        expected=WUDAO_2_FIGURE
        | WUDAO_PARAMETERS
        | {"wudao-2-0-ten-times-gpt-3", "wu-dao-3-0-is-a-family-of-small-models"}
        | ZH_WUDAO_3,
        kind="mixed",
    ),
    Query(
        text="ERNIE 3.0 Titan 参数", expected={"ernie-30-titan-parameters-table-1"}, kind="mixed"
    ),
    Query(text="盘古α 207B", expected=PANGU_SIZE | ZH_PANGU, kind="mixed"),
    Query(text="Yuan 1.0 训练算力", expected=YUAN_COMPUTE, kind="mixed"),
    Query(text="百度 Ernie Bot", expected={"ernie-bot-weaker-than-gpt-3"}, kind="mixed"),
    Query(
        text="Nvidia 出口管制",
        expected={
            "nvidia-released-a800-for-china",
            "chinese-firms-could-still-buy-the-h800",
            "china-can-no-longer-buy-data-centre-gpus",
            "export-controls-not-yet-limiting-china-llms",
        }
        | ZH_A800,
        kind="mixed",
    ),
    Query(text="DeepSeek 研究", expected=ZH_DEEPSEEK, kind="mixed"),
    Query(text="阿里 380 billion", expected=ALIBABA_INVESTMENT | ZH_ALIBABA, kind="mixed"),
    Query(text="Doubao 月活", expected=DOUBAO | ZH_DOUBAO, kind="mixed"),
    Query(
        text="M6 阿里巴巴",
        expected={
            "m6-parameters-moe-total-table-1",
            "m6-accelerators-table-1",
            "m6-t-parameters-moe-total-table-1",
            "m6-10t-parameters-moe-total-table-1",
        },
        kind="mixed",
    ),
    Query(text="字节跳动 Trae", expected={"trae-runs-on-gpt-4o-or-claude"}, kind="mixed"),
    Query(text="智源 Wu Dao 3.0", expected=WUDAO_3 | ZH_WUDAO_3, kind="mixed"),
    Query(text="AGI竞赛", expected=AGI, kind="mixed"),
    Query(text="A800 芯片", expected={"nvidia-released-a800-for-china"} | ZH_A800, kind="mixed"),
    Query(text="GLM-130B 智谱", expected=GLM_130B, kind="mixed"),
    Query(text="Stepfun 阶跃星辰", expected=STEPFUN | ZH_STEPFUN | ZH_BIG_FIVE, kind="mixed"),
]
