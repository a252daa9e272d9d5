"""Mail leaves through the background task after commit, with attachments intact."""

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.db import transaction

from samverkan.accounts.roles import Role


def test_mail_is_queued_after_commit_and_delivered_whole(
    run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        message = EmailMessage("Inbjudan", "Välkommen", to=["a@example.se"])
        message.attach("mote.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
        message.send()
        assert mail.outbox == []  # nothing before commit
    assert mail.outbox == []  # queued, not sent: that is the worker's job
    run_worker()
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.subject == "Inbjudan" and sent.to == ["a@example.se"]
    filename, content, mimetype = sent.attachments[0]
    assert filename == "mote.ics"
    assert mimetype == "text/calendar"
    assert "BEGIN:VCALENDAR" in (content.decode() if isinstance(content, bytes) else content)


def test_a_rolled_back_change_sends_no_mail(run_worker, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        EmailMessage("Ska inte gå", "x", to=["a@example.se"]).send()
        raise RuntimeError
    run_worker()
    assert mail.outbox == []


def test_login_by_emailed_code(client, users, run_worker, django_capture_on_commit_callbacks):
    user = users[Role.REPRESENTATIVE]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/konto/login/code/", {"email": user.email})
    assert response.status_code == 302
    run_worker()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [user.email]
    code = next(
        line.strip()
        for line in mail.outbox[0].body.splitlines()
        if 4 <= len(line.strip()) <= 9
        and line.strip().replace("-", "").isalnum()
        and line.strip().isupper()
    )
    response = client.post(response["Location"], {"code": code})
    assert response.status_code == 302
    assert client.get("/").context["user"] == user
