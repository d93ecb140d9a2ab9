/** Health, configuration and information. */
package dev.confab.system;
