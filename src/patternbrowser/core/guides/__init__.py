"""The guides folder: sections for items, code blocks, named modules, links and budgets."""
