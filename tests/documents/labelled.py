"""Sentences written for measuring check-worthiness detection, in English and Chinese, each
labelled by hand: is it worth checking, and which figure (quantity, value in the quantity's
counting unit) does it give. None of them is quoted from anyone's document."""

from claims.choices import Quantity as Q

# (sentence, check-worthy, (quantity, value) or None)
LABELLED = [
    # English, with figures
    ("The new model has 1.75 trillion parameters.", True, (Q.PARAMETERS, 1.75e12)),
    (
        "Its successor was trained on 4,095 petaFLOP/s-days of compute.",
        True,
        (Q.TRAINING_COMPUTE, 4095),
    ),
    ("Training ran on 2,048 V100 GPUs for three months.", True, (Q.ACCELERATORS, 2048)),
    ("The lab says the corpus holds 1.2 trillion tokens.", True, (Q.TRAINING_TOKENS, 1.2e12)),
    ("The start-up raised $250 million in its latest round.", True, (Q.INVESTMENT, 2.5e8)),
    ("The chatbot reached 100 million users within two months.", True, (Q.USERS, 1e8)),
    ("A 7-billion-parameter version was released for researchers.", True, (Q.PARAMETERS, 7e9)),
    ("The dataset is about 5 TB of cleaned text.", True, (Q.DATASET_SIZE, 5)),
    ("Pre-training took 45 days on the cluster.", True, (Q.TRAINING_DURATION, 45)),
    ("Each model in the family has more than 100 billion parameters.", True, (Q.PARAMETERS, 1e11)),
    ("The company spent 2 billion yuan on computing last year.", True, (Q.INVESTMENT, 2e9)),
    ("Roughly 3.1e23 FLOP went into the largest run.", True, (Q.TRAINING_COMPUTE, 3.1e23)),
    (
        "The smaller model uses 13 billion params and runs on one card.",
        True,
        (Q.PARAMETERS, 1.3e10),
    ),
    ("Researchers fed it 300B tokens of web text.", True, (Q.TRAINING_TOKENS, 3e11)),
    ("The cluster has 4,000 Ascend NPUs.", True, (Q.ACCELERATORS, 4000)),
    # English, comparisons and superlatives
    ("It is ten times larger than the previous system.", True, None),
    ("This was the first model of its kind outside the United States.", True, None),
    ("The authors call it the largest dense model ever trained.", True, None),
    ("Its scores surpass those of every earlier Chinese model.", True, None),
    ("Domestic labs are catching up with their American rivals.", True, None),
    ("The country is not racing anyone to general intelligence.", True, None),
    # English, attributions
    ("The director said the model would be open to all researchers.", True, None),
    ("According to the press release, the system understands images as well as text.", True, None),
    ("A spokesperson told reporters that the results would be published soon.", True, None),
    ("Several engineers argued that benchmark numbers were being gamed.", True, None),
    # English, not check-worthy
    ("The conference took place in a large hall.", False, None),
    ("Here is how the architecture works.", False, None),
    ("We thank the reviewers for their comments.", False, None),
    ("The next section describes the method.", False, None),
    ("Readers may find the appendix useful.", False, None),
    ("Large language models predict the next word in a text.", False, None),
    ("The team worked through the winter.", False, None),
    ("Figure 2 shows the training loss.", False, None),
    ("This report was written in 2023.", False, None),
    ("GPT-3 and GLM-130B are both language models.", False, None),
    ("See chapter 4 for details.", False, None),
    ("The model can write poems and answer questions.", False, None),
    ("Open-source models are popular with students.", False, None),
    ("Our interviews were conducted in person.", False, None),
    ("The paper is available online.", False, None),
    # Chinese, with figures
    ("该模型拥有1.75万亿参数。", True, (Q.PARAMETERS, 1.75e12)),
    ("训练使用了2048块图形处理器。", True, (Q.ACCELERATORS, 2048)),
    ("语料库包含约5000亿个token。", True, (Q.TRAINING_TOKENS, 5e11)),
    ("公司去年投入了20亿元用于算力。", True, (Q.INVESTMENT, 2e9)),
    ("上线两个月后用户超过1亿个用户。", True, (Q.USERS, 1e8)),
    ("小版本只有70亿参数，可在单卡运行。", True, (Q.PARAMETERS, 7e9)),
    ("预训练持续了45天。", True, (Q.TRAINING_DURATION, 45)),
    ("集群共有4000块芯片。", True, (Q.ACCELERATORS, 4000)),
    # Chinese, comparisons and attributions
    ("新模型的规模是上一代的十倍。", True, None),
    ("这是国内首个开源的千亿级模型。", True, None),
    ("研究院表示，该模型将向所有研究者开放。", True, None),
    ("据媒体报道，该系统能够理解图像。", True, None),
    ("他认为中国并没有参与通用人工智能竞赛。", True, None),
    ("国产模型的性能已经超越了部分国外模型。", True, None),
    # Chinese, not check-worthy
    ("会议在一个大厅里举行。", False, None),
    ("下一节介绍具体方法。", False, None),
    ("感谢审稿人的意见。", False, None),
    ("大语言模型可以写诗和回答问题。", False, None),
    ("详见附录。", False, None),
    ("团队在冬天完成了这项工作。", False, None),
]
