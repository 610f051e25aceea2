"""From pipeline records to the snapshot on disk: schema, tables, merge, cache, build."""
