"""The renderer fetches nothing from the network: only data: URIs and the project's own static files."""

from __future__ import annotations

import pytest

from kinerja.documents import rendering


def test_the_fetcher_refuses_network_and_file_urls() -> None:
    fetcher = rendering.local_url_fetcher()
    for url in ("http://example.com/logo.png", "https://example.com/x.css", "file:///etc/passwd"):
        with pytest.raises(ValueError, match="disallowed protocol"):
            fetcher.fetch(url)


def test_the_fetcher_serves_data_uris_and_static_files() -> None:
    fetcher = rendering.local_url_fetcher()
    assert fetcher.fetch("data:text/plain;base64,aGFsbw==").read() == b"halo"
    response = fetcher.fetch("static:css/app.css")
    assert response.content_type == "text/css"
    assert response.read()
    with pytest.raises(ValueError, match="No static file"):
        fetcher.fetch("static:css/missing.css")


def test_the_qr_code_is_an_svg_data_uri() -> None:
    assert rendering.qr_data_uri("https://kinerja.example/verifikasi/ABCDEFGHJK/").startswith("data:image/svg+xml")
