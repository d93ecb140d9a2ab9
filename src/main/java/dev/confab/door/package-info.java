/** Doors: the catalog (functions.yml) and the dispatcher every door routes through. */
package dev.confab.door;
