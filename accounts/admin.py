from django.contrib import admin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

# django-otp's own pages show keys and codes, in English; a device is reset from the account's page instead.
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)
