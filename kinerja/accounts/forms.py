"""Input validation of the account pages: login by NIP or username, password change and reset."""

from __future__ import annotations

from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _

from kinerja.core.forms import BootstrapFormMixin


class LoginForm(BootstrapFormMixin, auth_forms.AuthenticationForm):
    """Django's login form, relabelled: the backend accepts an 18-digit NIP (spaces allowed) or a username."""

    username = forms.CharField(
        label=_("NIP or username"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username", "autocapitalize": "none"}),
        help_text=_("Your 18-digit NIP (spaces are fine) or the username given to you by BKPSDM."),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": _(
            "The NIP/username or the password is wrong. Both are checked together; note that the password "
            "is case-sensitive."
        ),
        "inactive": _("This account is disabled. Ask BKPSDM to reactivate it."),
    }


class PasswordChangeForm(BootstrapFormMixin, auth_forms.PasswordChangeForm):
    pass


class PasswordResetForm(BootstrapFormMixin, auth_forms.PasswordResetForm):
    pass


class SetPasswordForm(BootstrapFormMixin, auth_forms.SetPasswordForm):
    pass
