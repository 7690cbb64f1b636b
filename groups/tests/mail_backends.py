"""A mail backend for the tests: writes mails to files like Django's file backend, and refuses
the one address that stands for a mailbox the mail server rejects."""

from smtplib import SMTPRecipientsRefused

from django.core.mail.backends.filebased import EmailBackend as FileBackend
from django.core.mail.backends.locmem import EmailBackend as MemoryBackend

REFUSED = "hop-thu-hong@npap.test"


def _refuse(messages) -> None:
    for message in messages:
        if REFUSED in message.recipients():
            raise SMTPRecipientsRefused({REFUSED: (550, b"5.1.1 Mailbox unavailable")})


class RefusingFileBackend(FileBackend):
    def send_messages(self, email_messages):
        _refuse(email_messages)
        return super().send_messages(email_messages)


class RefusingMemoryBackend(MemoryBackend):
    def send_messages(self, messages):
        _refuse(messages)
        return super().send_messages(messages)
