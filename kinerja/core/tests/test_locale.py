from django.conf import settings
from django.urls import reverse


def test_pages_are_indonesian_even_when_the_browser_asks_for_english(client, cast):
    client.force_login(cast.user("staff"))
    response = client.get(reverse("core:home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "id"
    assert '<html lang="id"' in response.content.decode()


def test_english_is_used_once_the_user_chooses_it(client, cast):
    client.force_login(cast.user("staff"))
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    response = client.get(reverse("core:home"))
    assert response.headers["Content-Language"] == "en"
