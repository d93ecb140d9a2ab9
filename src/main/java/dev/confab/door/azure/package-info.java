/** The Azure Functions door: one HTTP trigger routed by the catalog. */
package dev.confab.door.azure;
