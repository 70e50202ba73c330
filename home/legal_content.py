"""The demo accessibility statement and privacy notice, in plain language.

Written for this service: the statement as the Act on the Provision of Digital
Services (306/2019) requires, the notice as GDPR article 13 requires, each
with a short summary first. County-specific facts (addresses, e-mails, the
data protection officer) are placeholders and say "Demo"; a county that
deploys Polku replaces them in the admin.

The texts are in `home/demo_content/{accessibility_statement,privacy_notice}.yaml`,
section by section with the Finnish, Swedish and English side by side, so that a
reviewer sees each translation next to its original. Here each document becomes
`{language: (title, introduction, body)}`, the body a list of (block type,
value) pairs for `home.ContentPage.body`.
"""

from pathlib import Path

import yaml

from core.demo import LANGUAGES

CONTENT = Path(__file__).parent / "demo_content"


def read(name):
    with open(CONTENT / name, encoding="utf-8") as file:
        document = yaml.safe_load(file)
    return {
        code: (
            document["title"][code],
            document["introduction"][code],
            [
                block
                for section in document["sections"]
                for block in (
                    ("heading", {"text": section["heading"][code]}),
                    ("paragraph", section["text"][code]),
                )
            ],
        )
        for code in LANGUAGES
    }


STATEMENT = read("accessibility_statement.yaml")
PRIVACY = read("privacy_notice.yaml")
