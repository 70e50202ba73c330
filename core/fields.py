"""A list of choices stored as JSON and edited as a row of checkboxes."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst


class MultipleChoiceField(models.JSONField):
    """Several values from ``choices``, stored as a JSON list.

    JSON rather than a PostgreSQL array: the lists are short and filtering
    happens in Python. ``coerce`` turns a submitted value into the stored type
    (``int`` for ``Weekday``).
    """

    def __init__(self, *args, choices=(), coerce=str, **kwargs):
        self.item_choices = list(choices)
        self.coerce = coerce
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices"] = self.item_choices
        if self.coerce is not str:
            kwargs["coerce"] = self.coerce
        if kwargs.get("default") is list:
            del kwargs["default"]
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {key for key, _label in self.item_choices}
        unknown = [item for item in value or [] if item not in allowed]
        if unknown:
            raise ValidationError(f"Unknown choices: {', '.join(map(str, unknown))}")

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.item_choices,
            coerce=self.coerce,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )
