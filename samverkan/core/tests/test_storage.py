"""The static storage gives WhiteNoise's URLs, each worked out once."""

import json

import pytest
from whitenoise.storage import CompressedManifestStaticFilesStorage

from samverkan.core.storage import StaticStorage


def test_each_url_is_the_manifests_and_is_worked_out_once(tmp_path, settings):
    settings.DEBUG = False
    manifest = {"paths": {"css/site.css": "css/site.0123abcd.css"}, "version": "1.1"}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    storage = StaticStorage(location=tmp_path, base_url="/static/")
    plain = CompressedManifestStaticFilesStorage(location=tmp_path, base_url="/static/")
    assert (
        storage.url("css/site.css") == plain.url("css/site.css") == "/static/css/site.0123abcd.css"
    )
    storage.hashed_files = {}  # a kept URL no longer asks the manifest
    assert storage.url("css/site.css") == "/static/css/site.0123abcd.css"
    for _ in range(2):  # a file the manifest lacks fails every time, as WhiteNoise's does
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("css/missing.css")
