/**
 * What the DynamoDB adapters of every feature share: the client, the table names, attribute
 * conversions, paged queries and the retry of transactions that lost a race.
 */
package dev.confab.storage.dynamodb;
