import time

from django import forms
from django.conf import settings
from django.core.signing import BadSignature, TimestampSigner
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from newsroom.text import nfc

from .models import BannedWord, Comment

STARTED_SALT = "comments.started"


def started_token():
    """When the reader opened the form, signed: the minimum fill time is counted from it."""
    return TimestampSigner(salt=STARTED_SALT).sign(str(int(time.time())))


class CommentForm(forms.ModelForm):
    # A field people never see (hidden by the stylesheet, skipped by the keyboard and by screen readers) that bots
    # fill in: a comment that has it is dropped without a word.
    website = forms.CharField(label=_("Trang web (để trống)"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Comment
        fields = ["name", "email", "text"]
        labels = {"email": _("E-mail (không hiển thị)"), "text": _("Nội dung bình luận")}
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "binh-luan-%s")
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        limit = settings.COMMENT_MAX_LENGTH
        self.fields["text"].max_length = limit
        self.fields["text"].widget.attrs["maxlength"] = limit
        self.fields["text"].validators.append(MaxLengthValidator(limit))
        self.fields["text"].error_messages["max_length"] = _(
            "Bình luận dài tối đa %(limit_value)d ký tự (hiện có %(show_value)d)."
        )
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def is_spam(self):
        return bool(self.data.get("website"))

    def clean_started(self):
        try:
            started = int(
                TimestampSigner(salt=STARTED_SALT).unsign(
                    self.cleaned_data["started"], max_age=settings.COMMENT_FORM_MAX_AGE
                )
            )
        except (BadSignature, ValueError):
            raise forms.ValidationError(_("Biểu mẫu đã hết hạn. Vui lòng gửi lại."), code="expired") from None
        if time.time() - started < settings.COMMENT_MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _("Bạn gửi nhanh quá. Vui lòng đọc lại bình luận rồi bấm Gửi lần nữa."), code="too_fast"
            )
        return started

    def clean_name(self):
        return " ".join(nfc(self.cleaned_data["name"]).split())

    def clean_text(self):
        text = nfc(self.cleaned_data["text"]).strip()
        if BannedWord.found_in(text):
            raise forms.ValidationError(
                _("Bình luận có từ ngữ không phù hợp với quy định của trang. Vui lòng sửa lại."), code="banned"
            )
        return text
