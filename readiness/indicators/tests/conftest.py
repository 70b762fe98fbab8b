import pytest


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, settings):
    """Uploads wait for the worker under the data directory: a test's own, not the one the
    suite runs beside."""
    settings.DATA_DIR = tmp_path / "data"
