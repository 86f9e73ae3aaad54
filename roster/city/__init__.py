"""The whole city: many unit workbooks, one reinforcement pool (docs: shared/spec/city.md)."""
