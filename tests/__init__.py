"""The test suite, a package so that tests import their shared builders as ``tests.builders``."""
