from django.core.mail import get_connection, send_mail


def test_development_mail_is_printed_and_kept_as_a_file_in_var_mail(settings, tmp_path, capsys):
    settings.MAIL_DIR = tmp_path / "mail"
    connection = get_connection("config.mail.ConsoleAndFileBackend")
    send_mail(
        "Your strength routine",
        "Squats: 3 x 10-12",
        None,
        ["ann@example.org"],
        connection=connection,
    )
    saved = list((tmp_path / "mail").glob("*.eml"))
    assert len(saved) == 1
    assert "Subject: Your strength routine" in saved[0].read_text()
    assert "Your strength routine" in capsys.readouterr().out
