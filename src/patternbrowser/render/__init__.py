"""Rich renderings shared by the CLI and the app: tables, item pages, prose."""
