"""The rich-text features the step blocks allow: full text, and short text."""

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]
SHORT_FEATURES = ["bold", "italic", "link"]
