"""Every output file appears whole or not at all.

Each writer (roster workbook, duty sheets, PDF, PNG, text) writes to a temporary file in the
target's own folder and moves it into place, so a crash, a full disk or a second Ctrl-C never
leaves a half-written file under the final name, and the move stays on one file system.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from roster.errors import OutputError

TEMP_PREFIX = ".~"


def write_atomic(
    path: str | os.PathLike[str], write: Callable[[Path], object], make_folder: bool = True
) -> Path:
    """Call ``write`` on a temporary path beside ``path``, then move the result into place."""
    target = Path(path)
    try:
        if make_folder:
            target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(suffix=target.suffix, prefix=TEMP_PREFIX, dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise OutputError(f"cannot write in {target.parent}: {exc.strerror or exc}") from exc
    tmp = Path(name)
    try:
        write(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(
            f"cannot write {target}: {exc.strerror or exc} (is it open in Excel?)"
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return target
