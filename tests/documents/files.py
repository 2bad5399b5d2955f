"""Documents written for the tests: an HTML article, a PDF made on the spot, a Chinese text.
Nothing here comes from anyone else's document."""

import io

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

ARTICLE = """<!doctype html>
<html lang="en"><head><title>A test article</title>
<script>window.tracker = "<b>not text</b>";</script></head>
<body>
<nav><a href="/">Home</a> · <a href="/news">News</a></nav>
<article>
<h1>Lab announces a very large model</h1>
<p>The lab said on Tuesday that its new model has 1.75 trillion parameters, ten times more than
its previous system.</p>
<p>Training used 2,048 GPUs for about three months, according to the paper's appendix.</p>
<p>Critics replied that a count of parameters says little about what a model can do, and that
the claim of being the largest such model is hard to check.</p>
<p>Someone wrote &lt;script&gt;alert(1)&lt;/script&gt; in a comment, which is only text.</p>
</article>
<footer>Copyright notice and links</footer>
</body></html>
"""

SCRIPT_ONLY = """<!doctype html><html><head><script>var a = 1;</script></head>
<body><div id="app"></div><script src="/bundle.js"></script>
<noscript>Enable JS</noscript></body></html>
"""

CHINESE = (
    "该实验室周二表示，新模型拥有1.75万亿参数。\n\n"
    "训练使用了2048块图形处理器。\n\n"
    "批评者认为，参数数量并不能说明模型的能力。\n"
)

PDF_PAGES = [
    [
        "The report opens with a survey of recent systems.",
        "The largest of them was trained on 4,095 petaFLOP/s-days of compute.",
    ],
    ["A second page discusses costs.", "Nobody disputes that costs have fallen."],
]


def pdf(pages: list[list[str]] = PDF_PAGES) -> bytes:
    document = FPDF()
    document.set_font("helvetica", size=12)
    for paragraphs in pages:
        document.add_page()
        for paragraph in paragraphs:
            document.multi_cell(0, 8, paragraph)
            document.ln(8)
    return bytes(document.output())


def encrypted(content: bytes) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(content)))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
