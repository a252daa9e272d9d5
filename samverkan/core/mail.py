"""All mail leaves through the background worker.

`TaskEmailBackend` is Django's EMAIL_BACKEND: it turns each message into plain
data and queues `deliver_email` after the surrounding transaction commits, so
a rolled-back change never sends mail and a slow mail server never slows a page.
The worker hands the message to MAIL_DELIVERY_BACKEND (SMTP in production).
"""

import base64
from email.mime.base import MIMEBase

from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction


def message_to_data(message) -> dict:
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            content = attachment.get_payload(decode=True)
            filename, mimetype = attachment.get_filename(), attachment.get_content_type()
        else:
            filename, content, mimetype = attachment
        if isinstance(content, str):
            content = content.encode()
        attachments.append([filename, base64.b64encode(content).decode("ascii"), mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [[str(c), m] for c, m in getattr(message, "alternatives", [])],
        "attachments": attachments,
    }


def data_to_message(data: dict, connection=None) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        connection=connection,
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


class TaskEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        from .tasks import deliver_email

        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            data = message_to_data(message)
            transaction.on_commit(lambda data=data: deliver_email.enqueue(data))
            count += 1
        return count


def deliver_now(data: dict) -> int:
    """Send one queued message through the real delivery backend."""
    from django.conf import settings

    with get_connection(settings.MAIL_DELIVERY_BACKEND) as connection:
        return data_to_message(data, connection=connection).send()
