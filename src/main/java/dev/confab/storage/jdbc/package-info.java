/** What the SQL adapters of every feature share: the schema, migrated by Flyway when it needs it. */
package dev.confab.storage.jdbc;
