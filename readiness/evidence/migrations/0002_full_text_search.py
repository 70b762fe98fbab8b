"""Full-text search indexes: an FTS5 table on SQLite, a GIN expression index on PostgreSQL."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS evidence_passage_fts USING fts5("
            "text, review_id UNINDEXED, tokenize='porter unicode61')"
        )
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS evidence_passage_text_search ON evidence_passage "
            "USING GIN (to_tsvector('english', text))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS evidence_passage_fts")
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS evidence_passage_text_search")


class Migration(migrations.Migration):
    dependencies = [("evidence", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
