"""The demo registry: the five seed documents (../shared/seeds/) and works they cite.

Everything here is written in our own words; figures come from the documents.
"""

import datetime

from sources.choices import DatePrecision, Reliability, SourceKind

SOURCES = [
    {
        "slug": "govai-china-llm-landscape",
        "title": "Recent Trends in China's Large Language Model Landscape",
        "outlet": "Centre for the Governance of AI",
        "authors": "Jeffrey Ding, Jenny W. Xiao",
        "published_on": datetime.date(2023, 1, 1),
        "date_precision": DatePrecision.YEAR,
        "kind": SourceKind.REPORT,
        "reliability": Reliability.RELIABLE,
        "reliability_note": (
            "A survey of 26 Chinese models by established China-AI researchers, with interviews "
            "and cited papers. Its table and its prose give some figures in different units that "
            "do not always agree, so check one against the other."
        ),
    },
    {
        "slug": "chinai-big-five-foundation-model-companies",
        "title": "China's Big 5 Foundation Model Companies contend for supremacy",
        "outlet": "ChinAI Newsletter",
        "authors": "Jeffrey Ding",
        "published_on": datetime.date(2025, 5, 1),
        "date_precision": DatePrecision.MONTH,
        "kind": SourceKind.NEWSLETTER,
        "reliability": Reliability.GENERALLY_RELIABLE,
        "reliability_note": (
            "A careful translator's newsletter; the figures are those of the Chinese tech-media "
            "report it translates, which gives no data sources for them."
        ),
    },
    {
        "slug": "aggregator-trillion-parameter-race",
        "title": "China's Race to Build Trillion-Parameter AI Models (aggregator page)",
        "outlet": "Unnamed AI news aggregator",
        "kind": SourceKind.AI_SUMMARY,
        "reliability": Reliability.UNRELIABLE,
        "reliability_note": (
            "Machine-written takeaways, predictions and an uncited timeline wrapped around a "
            "link to an SCMP story. Use it only to find the original; nothing on it is sourced."
        ),
        "date_precision": DatePrecision.YEAR,
    },
    {
        "slug": "ieee-spectrum-wu-dao-3",
        "title": "The Long and Mostly Short of China's Newest GPT",
        "outlet": "IEEE Spectrum",
        "published_on": datetime.date(2023, 7, 28),
        "date_precision": DatePrecision.DAY,
        "kind": SourceKind.NEWS_ARTICLE,
        "reliability": Reliability.GENERALLY_RELIABLE,
        "reliability_note": (
            "A reputable engineering magazine, but this story rests on anonymous sources and "
            "BAAI declined to comment on the record. Dated by its 28 July 2023 update."
        ),
    },
    {
        "slug": "forum-essay-no-agi-race",
        "title": "Essay: China is not racing the US to AGI by scaling language models",
        "outlet": "Online discussion forum",
        "published_on": datetime.date(2023, 6, 1),
        "date_precision": DatePrecision.MONTH,
        "kind": SourceKind.BLOG_POST,
        "reliability": Reliability.MIXED,
        "reliability_note": (
            "An argued opinion piece with some sourced facts, categorical conclusions, and a "
            "footnote (on the H800) that undercuts its own main text."
        ),
        "notes": "Dated mid-2023 from its content; the page gives no date.",
    },
    {
        "slug": "forum-essay-comment-thread",
        "title": "Comment thread under the essay on the US–China AGI race",
        "outlet": "Online discussion forum",
        "published_on": datetime.date(2023, 6, 1),
        "date_precision": DatePrecision.MONTH,
        "kind": SourceKind.FORUM_COMMENT,
        "reliability": Reliability.MIXED,
        "reliability_note": (
            "Fourteen comments by different people, some with links, some from memory. Each "
            "commenter is a separate claimant; weigh each comment on its own evidence."
        ),
    },
    {
        "slug": "ai-era-top-five-domestic-models",
        "title": "The top five domestic large models contend for supremacy (AI Era report)",
        "outlet": "AI Era (Xinzhiyuan)",
        "published_on": datetime.date(2025, 5, 1),
        "date_precision": DatePrecision.MONTH,
        "kind": SourceKind.NEWS_ARTICLE,
        "language": "zh",
        "reliability": Reliability.UNRATED,
        "reliability_note": "Known to us only through the ChinAI translation.",
    },
    {
        "slug": "scmp-trillion-parameter-race",
        "title": "China's Race to Build Trillion-Parameter AI Models",
        "outlet": "South China Morning Post",
        "kind": SourceKind.NEWS_ARTICLE,
        "reliability": Reliability.UNRATED,
        "reliability_note": "The original behind the aggregator page; not yet read in full.",
        "date_precision": DatePrecision.YEAR,
    },
    {
        "slug": "yuan-1-0-paper",
        "title": "Yuan 1.0: Large-Scale Pre-trained Language Model in Zero-Shot and Few-Shot Learning",
        "outlet": "arXiv",
        "authors": "Inspur researchers",
        "url": "https://arxiv.org/abs/2110.04725",
        "published_on": datetime.date(2021, 10, 1),
        "date_precision": DatePrecision.MONTH,
        "kind": SourceKind.RESEARCH_PAPER,
        "reliability": Reliability.GENERALLY_RELIABLE,
        "reliability_note": "The developer's own technical report: precise, but not independent.",
    },
    {
        "slug": "ernie-3-0-titan-paper",
        "title": "ERNIE 3.0 Titan: Exploring Larger-scale Knowledge Enhanced Pre-training",
        "outlet": "arXiv",
        "authors": "Baidu and Peng Cheng Lab researchers",
        "url": "https://arxiv.org/abs/2112.12731",
        "published_on": datetime.date(2021, 12, 1),
        "date_precision": DatePrecision.MONTH,
        "kind": SourceKind.RESEARCH_PAPER,
        "reliability": Reliability.GENERALLY_RELIABLE,
        "reliability_note": "The developer's own technical report: precise, but not independent.",
    },
    {
        "slug": "pangu-alpha-paper",
        "title": "PanGu-α: Large-scale Autoregressive Pretrained Chinese Language Models",
        "outlet": "arXiv",
        "authors": "Huawei, Peng Cheng Lab and partners",
        "url": "https://arxiv.org/abs/2104.12369",
        "published_on": datetime.date(2021, 4, 1),
        "date_precision": DatePrecision.MONTH,
        "kind": SourceKind.RESEARCH_PAPER,
        "reliability": Reliability.GENERALLY_RELIABLE,
        "reliability_note": "The developer's own technical report: precise, but not independent.",
    },
    {
        "slug": "reuters-minimax-fundraising",
        "title": "Chinese AI start-up MiniMax raising over $250 million",
        "outlet": "Reuters",
        "url": (
            "https://www.reuters.com/technology/"
            "china-ai-startup-minimax-raising-over-250-mln-tencent-backed-entity-others-2023-06-01/"
        ),
        "published_on": datetime.date(2023, 6, 1),
        "date_precision": DatePrecision.DAY,
        "kind": SourceKind.NEWS_ARTICLE,
        "reliability": Reliability.RELIABLE,
        "reliability_note": "Wire service; cited by a commenter under the forum essay.",
    },
]
