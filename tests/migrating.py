"""Moving a test database between migrations, for tests of data migrations."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets):
    """Migrate to `targets` and give the apps as they were there."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def newest():
    """Every app at its newest migration: the models a test then reads are today's."""
    return MigrationExecutor(connection).loader.graph.leaf_nodes()
