"""gongkai check: validate config.toml and the data file, change nothing."""

from __future__ import annotations

import argparse

from tracker.config import check_data_folder, load_config
from tracker.errors import ConfigError
from tracker.i18n import set_locale, tr
from tracker.store import record_problems, verify_data_file
from tracker.workdays import covered_years


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    set_locale(config.office.locale)
    problems = check_data_folder(config)
    if problems:
        raise ConfigError(problems)
    verify_data_file(config.data_path)
    bad_records = record_problems(config.data_path)
    if bad_records:
        raise ConfigError(bad_records)
    years = covered_years()
    print(
        tr(
            f"OK: {config.path} 无问题 ({len(config.platforms)} 个平台, {len(config.sources)} 个栏目, "
            f"数据 {config.data_path}; 节假日已收录至 {years[-1]} 年)",
            f"OK: {config.path} is valid ({len(config.platforms)} platforms, {len(config.sources)} "
            f"sources, data {config.data_path}; holidays known up to {years[-1]})",
        )
    )
    return 0
