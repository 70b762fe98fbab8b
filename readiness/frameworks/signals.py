from typing import Any

from django.apps import AppConfig


def install_frameworks_after_migrate(sender: AppConfig, **kwargs: Any) -> None:
    from .persist import install_builtin_frameworks

    install_builtin_frameworks()
