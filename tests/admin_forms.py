"""Building admin POSTs the way a browser would, inline management forms included."""

import re


def inline_post(
    client, url: str, fields: dict, inlines: dict[str, list[dict]] | None = None
) -> dict:
    """The data an admin change form posts: `fields`, plus each inline formset found on the
    page at `url`, with the given rows for the inlines named in `inlines` and none for others."""
    page = client.get(url).content.decode()
    data = dict(fields)
    inlines = inlines or {}
    for prefix in re.findall(r'name="([\w-]+)-TOTAL_FORMS"', page):
        initial = int(re.search(rf'name="{prefix}-INITIAL_FORMS"[^>]*value="(\d+)"', page).group(1))
        rows = inlines.get(prefix, [])
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str(initial + len(rows)),
                f"{prefix}-INITIAL_FORMS": str(initial),
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
        for index in range(initial):
            form_id = re.search(rf'name="{prefix}-{index}-id"[^>]*value="(\d+)"', page)
            if form_id:
                data[f"{prefix}-{index}-id"] = form_id.group(1)
        for offset, row in enumerate(rows):
            for name, value in row.items():
                data[f"{prefix}-{initial + offset}-{name}"] = value
    return data
