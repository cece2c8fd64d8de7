"""``python -m analysis`` — see :mod:`analysis.cli`."""
from .cli import main

if __name__ == "__main__":  # worker processes started with "spawn" (Dask) import this module too
    raise SystemExit(main())
