"""Posting admin forms the way a browser would: what the page shows, plus what the user types."""

import re
from html.parser import HTMLParser

from django.urls import reverse

from claims.admin.review_screen import opened_now


class FormValues(HTMLParser):
    """The values a browser would submit for the main <form method="post"> on a page: the one
    with the most fields (the admin header's logout form is a POST form too)."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict[str, str | list[str]]] = []
        self.values: dict[str, str | list[str]] = {}
        self.in_form = False
        self.select: tuple[str, bool] | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self.in_form = True
            self.values = {}
            self.forms.append(self.values)
        if not self.in_form:
            return
        name = attrs.get("name")
        if "disabled" in attrs:
            return  # browsers do not submit disabled fields
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.values[name] = attrs.get("value", "on")
            else:
                self.values[name] = attrs.get("value", "")
        elif tag == "select" and name:
            self.select = (name, "multiple" in attrs)
            self.values[name] = [] if "multiple" in attrs else ""
        elif tag == "option" and self.select and "selected" in attrs:
            name, multiple = self.select
            if multiple:
                self.values[name].append(attrs.get("value", ""))
            else:
                self.values[name] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self.textarea = name
            self.values[name] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.values[self.textarea] += data.removeprefix("\n")


def inline_post(
    client, url: str, fields: dict, inlines: dict[str, list[dict]] | None = None
) -> dict:
    """The data an admin form posts: what the page at `url` shows, `fields` typed over it, and
    for each inline formset named in `inlines`, the given rows added after the existing ones.
    Empty extra rows are left out, as a browser's unchanged extra forms are ignored."""
    parser = FormValues()
    parser.feed(client.get(url).content.decode())
    main = max(parser.forms, key=len)
    data = {key: value for key, value in main.items() if "__prefix__" not in key}
    for key in [key for key in data if key.endswith("-TOTAL_FORMS")]:
        prefix = key.removesuffix("-TOTAL_FORMS")
        initial = int(data[f"{prefix}-INITIAL_FORMS"])
        # drop the blank extra forms the page offers; our rows replace them
        row_field = re.compile(rf"^{re.escape(prefix)}-(\d+)-[^-]+$")
        for name in list(data):
            match = row_field.match(name)
            if match and not name.endswith("_FORMS") and int(match[1]) >= initial:
                del data[name]
        rows = (inlines or {}).get(prefix, [])
        data[key] = str(initial + len(rows))
        for offset, row in enumerate(rows):
            for name, value in row.items():
                data[f"{prefix}-{initial + offset}-{name}"] = value
    data.update(fields)
    return data


def approve(client, claim):
    """Run "Approve and publish" on one claim from the claim list, as an editor would, from a
    confirmation page opened just now."""
    return client.post(
        reverse("admin:claims_claim_changelist"),
        {
            "action": "approve_and_publish",
            "_selected_action": [claim.pk],
            "apply": "1",
            **opened_now(),
        },
        follow=True,
    )
