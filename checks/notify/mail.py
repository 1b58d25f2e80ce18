"""E-mail through the office's SMTP account (stdlib smtplib: SSL on 465 by default)."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

from checks.notify.message import Message
from checks.notify.robots import SendError
from tracker.config import Section
from tracker.i18n import tr

TIMEOUT_SECONDS = 20.0


def build_email(channel: Section, message: Message) -> EmailMessage:
    mail = EmailMessage()
    mail["Subject"] = message.subject
    mail["From"] = channel.sender or channel.smtp_user
    mail["To"] = ", ".join(channel.to)
    mail.set_content(message.text())
    return mail


def send_email(channel: Section, message: Message) -> None:
    if not channel.smtp_host or not channel.to:
        raise SendError(
            tr(
                "邮件渠道缺少 smtp_host 或 to, 请在 config.toml 补上",
                "the e-mail channel needs smtp_host and to in config.toml",
            )
        )
    mail = build_email(channel, message)
    smtp_cls = smtplib.SMTP_SSL if channel.smtp_ssl else smtplib.SMTP
    try:
        with smtp_cls(channel.smtp_host, channel.smtp_port, timeout=TIMEOUT_SECONDS) as smtp:
            if not channel.smtp_ssl and smtp.has_extn("starttls"):
                smtp.starttls()
            if channel.smtp_user:
                smtp.login(channel.smtp_user, channel.smtp_password)
            smtp.send_message(mail)
    except (smtplib.SMTPException, OSError) as e:
        raise SendError(tr(f"邮件发送失败: {e}", f"sending mail failed: {e}")) from None
